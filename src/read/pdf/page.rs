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
    read_numbers(numbers, strings).ok_or_else(|| "malformed PDF page records".to_string())
}

fn read_numbers(numbers: &[f32], strings: &str) -> Option<Vec<PdfPage>> {
    // A count, then that many groups of four numbers.
    fn groups<'n>(rest: &mut &'n [f32]) -> Option<std::slice::ChunksExact<'n, f32>> {
        let (&n, tail) = rest.split_first()?;
        let n = if (0.0..=1e7).contains(&n) { n as usize } else { return None };
        let (taken, tail) = tail.split_at_checked(n.checked_mul(4)?)?;
        *rest = tail;
        Some(taken.chunks_exact(4))
    }
    let quad = |g: &[f32]| [g[0], g[1], g[2], g[3]];
    let mut rest = numbers;
    let mut texts = strings.split('\0');
    let (&pages, tail) = rest.split_first()?;
    rest = tail;
    let mut out = Vec::new();
    for _ in 0..(if (0.0..=1e5).contains(&pages) { pages as usize } else { return None }) {
        let (head, tail) = rest.split_at_checked(3)?;
        rest = tail;
        let number = if (0.0..=1e7).contains(&head[0]) { head[0] as u32 } else { return None };
        let mut page = PdfPage { number, width: head[1], height: head[2], ..PdfPage::default() };
        for g in groups(&mut rest)? {
            page.texts.push(PdfText { text: texts.next()?.to_string(), x: g[0], y: g[1], width: g[2], size: g[3] });
        }
        page.lines = groups(&mut rest)?.map(quad).collect();
        page.rects = groups(&mut rest)?.map(quad).collect();
        out.push(page);
    }
    Some(out)
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

/// Why a PDF cannot be read. Both readers — the native one ([`super::extract`]) and the
/// browser's pdf.js one, which names the problem by [`PdfProblem::from_code`] — say it in
/// these words, so one file gives one message whichever reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PdfProblem {
    /// Opening it needs a password (a PDF with only an owner password, restricting printing
    /// or copying, is read). Reported as [`crate::read::ReadError::Encrypted`].
    Encrypted,
    /// Pages, but not one text run on any of them: a scan, which only OCR could read.
    NoText { pages: usize },
    /// Damaged beyond what the reader can repair. The detail (lopdf's or pdf.js's words) is
    /// for tests and debugging: the message is the same whichever reader found it.
    Damaged(String),
    /// More pages than [`MAX_PAGES`].
    TooManyPages { pages: usize },
    /// The browser has no pdf.js to read it with (the detail says what failed).
    NoPdfjs(String),
    /// A page with more operators and glyphs than the native reader's limit.
    #[cfg(feature = "pdf")]
    PageTooComplex { page: u32, limit: usize },
    /// More operators and glyphs in all than the native reader's limit.
    #[cfg(feature = "pdf")]
    TooMuchWork { limit: usize },
    /// A stream that inflates past the native reader's limit (a decompression bomb).
    #[cfg(feature = "pdf")]
    StreamTooLarge { limit: usize },
    /// More bytes inflated in all than the native reader's limit.
    #[cfg(feature = "pdf")]
    TooMuchData { limit: usize },
    /// A kind of PDF the native reader cannot take the text from (which, in words).
    #[cfg(feature = "pdf")]
    Unsupported(&'static str),
}

impl PdfProblem {
    /// What it is, in words (English; the report adds the Chinese headline).
    pub fn why(&self) -> String {
        match self {
            PdfProblem::Encrypted => crate::read::ReadError::Encrypted.to_string(),
            PdfProblem::NoText { pages } => format!(
                "this PDF has no text layer ({pages} page{} of images only: a scan, 扫描件); run OCR on it first, or check the report's Word or web version",
                if *pages == 1 { "" } else { "s" }
            ),
            // One message whichever reader found it (their details differ: lopdf's, pdf.js's).
            PdfProblem::Damaged(_) => {
                "the PDF is damaged: its structure cannot be read (a file cut short, or not a PDF); open it in a PDF viewer and save or print it to PDF again".into()
            }
            PdfProblem::TooManyPages { pages } => {
                format!("the PDF has {pages} pages, more than the {MAX_PAGES} read: not a single report")
            }
            PdfProblem::NoPdfjs(d) => format!(
                "reading a PDF in the browser needs pdf.js (pdfjs-dist 6.x): install it and pass lintFile(file, {{ pdfjs: '/path/to/pdfjs-dist/' }}) ({d})"
            ),
            #[cfg(feature = "pdf")]
            PdfProblem::PageTooComplex { page, limit } => {
                format!("page {page} of the PDF draws more than {limit} operators and glyphs: not a report's page")
            }
            #[cfg(feature = "pdf")]
            PdfProblem::TooMuchWork { limit } => {
                format!("the PDF draws more than {limit} operators and glyphs in all: not a report")
            }
            #[cfg(feature = "pdf")]
            PdfProblem::StreamTooLarge { limit } => format!(
                "a stream of the PDF inflates to more than {} MB: a decompression bomb, or not a report",
                limit >> 20
            ),
            #[cfg(feature = "pdf")]
            PdfProblem::TooMuchData { limit } => {
                format!("the PDF's streams inflate to more than {} MB in all: not a report", limit >> 20)
            }
            #[cfg(feature = "pdf")]
            PdfProblem::Unsupported(what) => format!("this PDF cannot be read: {what}"),
        }
    }

    /// The problem the browser's reader (`js/pdf.js`) names: a code, a text and a number.
    pub fn from_code(code: &str, text: &str, n: f64) -> PdfProblem {
        let n = if n.is_finite() && n >= 0.0 { n as usize } else { 0 };
        match code {
            "no-text" => PdfProblem::NoText { pages: n },
            "pages" => PdfProblem::TooManyPages { pages: n },
            "pdfjs" => PdfProblem::NoPdfjs(text.into()),
            "encrypted" => PdfProblem::Encrypted,
            _ => PdfProblem::Damaged(text.into()),
        }
    }
}

impl std::fmt::Display for PdfProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.why())
    }
}

/// At most this many pages are read (a report has a few dozen).
pub const MAX_PAGES: usize = 500;

impl From<PdfProblem> for crate::read::ReadError {
    fn from(p: PdfProblem) -> crate::read::ReadError {
        match p {
            PdfProblem::Encrypted => crate::read::ReadError::Encrypted,
            p => crate::read::ReadError::PdfUnreadable { why: p.why() },
        }
    }
}
