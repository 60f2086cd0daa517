//! Recognition: from a [`Document`](crate::Document) to a [`Report`] — the title, year and
//! organ, the six sections, and the three statutory tables mapped cell by cell onto the
//! official format.

pub mod labels;
pub mod model;
pub mod text_tables;
pub mod value;

pub use model::*;
