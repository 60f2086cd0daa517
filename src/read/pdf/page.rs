//! A PDF page as the layout reader takes it in, whoever extracted it: the Rust PDF reader (the
//! CLI, the Node build) or pdf.js in the browser. Both give the same [`PdfPage`]s, and one
//! piece of Rust ([`super::layout`]) makes the [`crate::document::Document`] of them, so both
//! paths give the same findings.
//!
//! Every coordinate is in PDF points (1/72 inch) in the page as it is shown (its `/Rotate` and
//! crop box applied): `x` from the left edge, `y` from the TOP edge, growing downwards.

use serde::{Deserialize, Serialize};

/// One page: its text and what it draws.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PdfPage {
    /// 1-based.
    pub number: u32,
    pub width: f32,
    pub height: f32,
    /// The text shown on the page, in the order the content stream shows it. Whitespace-only
    /// runs are left out (their place is in the positions).
    pub texts: Vec<PdfText>,
    /// The straight segments of stroked paths (curves left out), `[x0, y0, x1, y1]`.
    pub lines: Vec<[f32; 4]>,
    /// Rectangles painted (filled or stroked): a `re` operator, or a closed path of four
    /// axis-aligned sides; `[x, y, width, height]` with `x, y` the top-left corner.
    pub rects: Vec<[f32; 4]>,
}

/// A run of text shown by one text-showing operation in one font and size (an extractor may
/// give shorter runs, down to one character; the layout reader does not depend on it).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PdfText {
    pub text: String,
    /// The left of the run's first glyph.
    pub x: f32,
    /// The run's baseline.
    pub y: f32,
    /// The run's advance (from `x` to the right of its last glyph).
    pub width: f32,
    /// The font size as shown on the page (the text's height).
    pub size: f32,
}
