//! HTML reader (stub; being written).
use crate::document::{Document, InputKind};
use crate::read::ReadOptions;

pub fn read_html(_input: &str, _options: &ReadOptions) -> Document {
    Document { input: InputKind::Html, blocks: vec![], notes: vec![] }
}
