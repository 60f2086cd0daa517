//! Word and WPS `.docx` files.
//!
//! * [`package`]: the ZIP archive and its parts, inflated within limits (native builds);
//! * [`wordml`]: the main document's XML walked into [`WordRecords`] (native builds; the
//!   package's JavaScript reader does the same in browsers);
//! * [`numbering`]: Word's automatic list numbers;
//! * [`records`]: the records read into a [`crate::document::Document`] (every build).

#[cfg(feature = "docx")]
pub mod numbering;
#[cfg(feature = "docx")]
pub mod package;
pub mod records;
#[cfg(feature = "docx")]
pub mod wordml;

pub use records::{DocxProblem, Mark, MarkKind, WordRecords};

/// At most this many entries in a Word file's archive: a document has a few dozen (a thousand
/// with many images).
pub const MAX_ENTRIES: usize = 10_000;

/// At most this many bytes inflated from one part (the main document of a long report is a
/// few MB of XML).
pub const MAX_PART_BYTES: u64 = 64 << 20;

/// At most this many bytes inflated in all (the four parts read).
pub const MAX_TOTAL_BYTES: u64 = 128 << 20;

/// Read a `.docx` file into a [`crate::document::Document`] (`InputKind::Docx`).
#[cfg(feature = "docx")]
pub fn read_docx(
    bytes: &[u8],
    options: &crate::read::ReadOptions,
) -> Result<crate::document::Document<'static>, crate::read::ReadError> {
    records::document(&docx_records(bytes)?, options)
}

/// The records of a `.docx` file, as the package's JavaScript reader makes them too.
#[cfg(feature = "docx")]
pub fn docx_records(bytes: &[u8]) -> Result<WordRecords, crate::read::ReadError> {
    let parts = package::read_parts(bytes)?;
    wordml::translate(&wordml::Sources {
        document: &parts.document,
        numbering: parts.numbering.as_deref(),
        styles: parts.styles.as_deref(),
        comments: parts.comments.as_deref(),
    })
}
