//! Word and WPS `.docx` files.
//!
//! * [`records`]: the records both `.docx` readers produce (this one and the package's
//!   JavaScript reader) and their reading into a [`crate::document::Document`].

pub mod records;

pub use records::{Mark, MarkKind, WordRecords};
