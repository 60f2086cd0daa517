//! Decoding a text or HTML file into a string.
//!
//! For now: UTF-8, decoded lossily (with a note) when the bytes are not valid UTF-8.

use std::borrow::Cow;

use crate::document::{NoteKind, ReadNote};
use crate::read::{ReadError, ReadOptions};

/// A file's text, decoded, and how to find a place in it again in the file's bytes.
#[derive(Debug)]
pub struct Decoded<'b> {
    /// The text (borrowed when the bytes were already valid UTF-8: not copied).
    pub text: Cow<'b, str>,
    /// The encoding the bytes were decoded from, by its WHATWG name ("UTF-8", "GB18030", …).
    pub encoding: &'static str,
    /// What the decoding repaired, for the document's notes.
    pub notes: Vec<ReadNote>,
}

impl Decoded<'_> {
    /// The byte offset in the file of byte `offset` of [`Decoded::text`].
    pub fn file_offset(&self, offset: usize) -> usize {
        offset
    }
}

/// Decode the bytes of a text or HTML file.
pub fn decode<'b>(bytes: &'b [u8], _options: &ReadOptions) -> Result<Decoded<'b>, ReadError> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(Decoded { text: s.into(), encoding: "UTF-8", notes: Vec::new() }),
        Err(e) => Ok(Decoded {
            text: String::from_utf8_lossy(bytes),
            encoding: "UTF-8",
            notes: vec![ReadNote {
                kind: NoteKind::LossyDecoding,
                message: format!(
                    "the input is not valid UTF-8 (first bad byte at offset {}); invalid bytes were replaced with U+FFFD and spans count bytes of the repaired text",
                    e.valid_up_to()
                ),
                span: None,
                table: None,
                position: None,
            }],
        }),
    }
}
