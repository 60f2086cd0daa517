//! PDF files: the pages' text and drawings ([`page`]), as an extractor gives them, read into a
//! [`crate::document::Document`] by their geometry.
//!
//! * [`extract`]: the native extractor, a file's bytes → its [`PdfPage`]s (native and Node
//!   builds; in browsers pdf.js gives the pages).

#[cfg(feature = "pdf")]
pub mod extract;
#[cfg(feature = "text-readers")]
pub mod layout;
pub mod page;

#[cfg(feature = "pdf")]
pub use extract::{pdf_pages, PdfLimits};
pub use page::{PdfPage, PdfProblem, PdfText, MAX_PAGES};
