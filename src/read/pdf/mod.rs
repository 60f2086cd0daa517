//! PDF files: the pages' text and drawings ([`page`]), as an extractor gives them, read into a
//! [`crate::document::Document`] by their geometry.

pub mod layout;
pub mod page;

pub use page::{PdfPage, PdfProblem, PdfText};
