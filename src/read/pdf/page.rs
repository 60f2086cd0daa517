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
    /// The straight segments of stroked paths (curves left out), `[x0, y0, x1, y1]` — a
    /// stroked rectangle's four sides among them.
    pub lines: Vec<[f32; 4]>,
    /// Rectangles filled (a `re` operator, or a closed path of four axis-aligned sides, filled):
    /// `[x, y, width, height]` with `x, y` the top-left corner. Thin ones are drawn lines (as
    /// browsers print table borders); the others are backgrounds.
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

/// Pages from the compact form the browser hands them over in (one `Float32Array` and one
/// string, as `js/pdf.js` writes them):
///
/// ```text
/// numbers: [page count, per page: number, width, height,
///           text count, (x, y, width, size) × texts,
///           line count, (x0, y0, x1, y1) × lines,
///           rect count, (x, y, width, height) × rects]
/// strings: the texts' strings, in order, joined with U+0000
/// ```
///
/// A malformed structure is an error, never a panic.
pub fn pages_from_numbers(numbers: &[f32], strings: &str) -> Result<Vec<PdfPage>, String> {
    let malformed = || "malformed PDF page records".to_string();
    let mut at = 0usize;
    let mut next = || -> Result<f32, String> {
        let v = numbers.get(at).copied().ok_or_else(malformed)?;
        at += 1;
        Ok(v)
    };
    let count =
        |v: f32| -> Result<usize, String> { (0.0..=1e7).contains(&v).then_some(v as usize).ok_or_else(malformed) };
    let mut texts = strings.split('\0');
    let pages = count(next()?)?;
    let mut out = Vec::with_capacity(pages.min(1000));
    for _ in 0..pages {
        let (number, width, height) = (next()?, next()?, next()?);
        let mut page = PdfPage { number: count(number)? as u32, width, height, ..PdfPage::default() };
        for _ in 0..count(next()?)? {
            let (x, y, width, size) = (next()?, next()?, next()?, next()?);
            let text = texts.next().ok_or_else(malformed)?.to_string();
            page.texts.push(PdfText { text, x, y, width, size });
        }
        for _ in 0..count(next()?)? {
            page.lines.push([next()?, next()?, next()?, next()?]);
        }
        for _ in 0..count(next()?)? {
            page.rects.push([next()?, next()?, next()?, next()?]);
        }
        out.push(page);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_come_from_their_compact_form_and_malformed_ones_are_errors() {
        let numbers = [1.0, 1.0, 595.0, 842.0, 1.0, 10.0, 20.0, 30.0, 12.0, 1.0, 0.0, 5.0, 100.0, 5.0, 0.0];
        let pages = pages_from_numbers(&numbers, "规章").unwrap();
        assert_eq!(pages[0].texts[0], PdfText { text: "规章".into(), x: 10.0, y: 20.0, width: 30.0, size: 12.0 });
        assert_eq!(pages[0].lines, vec![[0.0, 5.0, 100.0, 5.0]]);
        assert!(pages_from_numbers(&numbers[..8], "规章").is_err());
        assert!(pages_from_numbers(&[f32::NAN], "").is_err());
        assert!(pages_from_numbers(&[1e9], "").is_err());
    }
}
