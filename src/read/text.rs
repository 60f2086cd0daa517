//! Plain-text reader (stub; being written).
use crate::document::{Document, InputKind};
use crate::read::ReadOptions;

pub fn read_text(_input: &str, _options: &ReadOptions) -> Document {
    Document { input: InputKind::Text, blocks: vec![], notes: vec![] }
}
