//! The native PDF extractor: a file's bytes → its [`PdfPage`]s (the CLI and the Node build;
//! in browsers pdf.js gives the same pages).
//!
//! [lopdf](https://crates.io/crates/lopdf) reads the file's structure — cross-reference
//! table (rebuilt by scanning when it is damaged), objects, object streams, decryption,
//! stream filters with a bound on what they inflate to — and the page tree. The pages' content
//! is ours: [`lexer`] cuts a content stream into operations one at a time, [`interp`] runs the
//! text and path operators with the graphics state, [`fonts`] and [`cmap`] turn shown strings
//! into text and advances. See `tests/fixtures/pdf/README.md` for the files it is tested on.
//!
//! Work is bounded by [`PdfLimits`] — pages, operators and glyphs per page and in all, bytes
//! inflated per stream and in all, form nesting — not by a clock (WebAssembly has none to
//! read): each limit crossed is its own [`PdfProblem`].

pub mod cmap;
pub mod fonts;
pub mod interp;
pub mod lexer;

use super::page::{PdfPage, PdfProblem};
use fonts::Font;
use interp::{concat, Interpreter, Matrix};
use lopdf::{Dictionary, Document, Object, ObjectId, Stream};
use std::cell::Cell;
use std::collections::HashMap;
use std::rc::Rc;

/// How much work one file may cost.
#[derive(Clone, Debug)]
pub struct PdfLimits {
    /// Pages (a report has 3–30).
    pub max_pages: usize,
    /// Operators and shown glyphs on one page, its forms' included (a report's densest page
    /// has about 15 000).
    pub max_operations_per_page: usize,
    /// Operators and shown glyphs in the whole file.
    pub max_operations: usize,
    /// Bytes one stream may inflate to (a content stream, a form, a font's CMap; object
    /// streams while the file is loaded).
    pub max_stream_bytes: usize,
    /// Bytes inflated in all (each stream counted once).
    pub max_total_bytes: usize,
    /// Form XObjects nested in forms (deeper ones are not drawn: a form drawing itself).
    pub max_form_depth: usize,
}

impl Default for PdfLimits {
    fn default() -> Self {
        PdfLimits {
            max_pages: super::page::MAX_PAGES,
            max_operations_per_page: 1_000_000,
            max_operations: 10_000_000,
            max_stream_bytes: 32 << 20,
            max_total_bytes: 256 << 20,
            max_form_depth: 12,
        }
    }
}

/// The file being read, its limits, and the work counted so far.
pub struct Source<'d> {
    pub doc: &'d Document,
    pub limits: &'d PdfLimits,
    inflated: Cell<usize>,
    operations: Cell<usize>,
    /// Content streams that could not be decoded (a damaged file, if no text is found).
    undecodable: Cell<usize>,
}

impl Source<'_> {
    /// A stream's data, inflated within the limits.
    pub fn stream_data(&self, stream: &Stream) -> Result<Vec<u8>, PdfProblem> {
        let limit = self.limits.max_stream_bytes;
        match stream.decompressed_content_with_limit(limit) {
            Ok(data) => {
                let total = self.inflated.get() + data.len();
                if total > self.limits.max_total_bytes {
                    return Err(PdfProblem::TooMuchData { limit: self.limits.max_total_bytes });
                }
                self.inflated.set(total);
                Ok(data)
            }
            Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. })) => {
                Err(PdfProblem::StreamTooLarge { limit })
            }
            Err(_) => {
                self.undecodable.set(self.undecodable.get() + 1);
                Ok(Vec::new())
            }
        }
    }

    /// A content stream's data: as [`Source::stream_data`].
    pub fn content_data(&self, stream: &Stream) -> Result<Vec<u8>, PdfProblem> {
        self.stream_data(stream)
    }

    /// Counts `n` operations against the whole file's budget.
    pub fn spend(&self, n: usize) -> Result<(), PdfProblem> {
        let total = self.operations.get() + n;
        if total > self.limits.max_operations {
            return Err(PdfProblem::TooMuchWork { limit: self.limits.max_operations });
        }
        self.operations.set(total);
        Ok(())
    }
}

/// The pages of a PDF file, in the coordinates of each page as shown.
pub fn pdf_pages(bytes: &[u8], limits: &PdfLimits) -> Result<Vec<PdfPage>, PdfProblem> {
    let doc = load(bytes, limits)?;
    let page_ids: Vec<ObjectId> = doc.page_iter().collect();
    if page_ids.is_empty() {
        return Err(PdfProblem::Damaged("its page tree names no page".into()));
    }
    if page_ids.len() > limits.max_pages {
        return Err(PdfProblem::TooManyPages { pages: page_ids.len() });
    }
    let src = Source { doc: &doc, limits, inflated: Cell::new(0), operations: Cell::new(0), undecodable: Cell::new(0) };
    let mut fonts: HashMap<ObjectId, Rc<Font>> = HashMap::new();
    let mut forms: HashMap<ObjectId, Rc<Vec<u8>>> = HashMap::new();
    let mut pages = Vec::with_capacity(page_ids.len());
    for (i, &id) in page_ids.iter().enumerate() {
        let Ok(dict) = doc.get_object(id).and_then(Object::as_dict) else {
            return Err(PdfProblem::Damaged(format!("page {} is not a page", i + 1)));
        };
        let (width, height, matrix) = page_geometry(&doc, dict);
        let page = PdfPage { number: (i + 1) as u32, width, height, ..Default::default() };
        let content = page_content(&src, dict)?;
        let resources = inherited(&doc, dict, b"Resources").and_then(|o| o.as_dict().ok());
        pages.push(Interpreter::new(&src, page, &mut fonts, &mut forms).run_page(&content, resources, matrix)?);
    }
    if pages.iter().all(|p| p.texts.is_empty()) {
        if is_xfa(&doc) {
            return Err(PdfProblem::Unsupported(
                "it is an XFA form, whose pages are drawn by Adobe Reader from form data; print it to PDF first",
            ));
        }
        if src.undecodable.get() > 0 {
            return Err(PdfProblem::Damaged("its page contents cannot be decoded".into()));
        }
        return Err(PdfProblem::NoText { pages: pages.len() });
    }
    let unmapped = |t: &str| t.chars().all(|c| c == '\u{fffd}' || c.is_whitespace());
    if pages.iter().flat_map(|p| &p.texts).all(|t| unmapped(&t.text)) {
        return Err(PdfProblem::Unsupported(
            "its fonts carry no Unicode mapping (no ToUnicode map), so its text cannot be read; run OCR on it, or check the report's Word or web version",
        ));
    }
    Ok(pages)
}

fn load(bytes: &[u8], limits: &PdfLimits) -> Result<Document, PdfProblem> {
    let options = lopdf::LoadOptions { max_decompressed_size: Some(limits.max_stream_bytes), ..Default::default() };
    let doc = match Document::load_mem_with_options(bytes, options) {
        Ok(doc) => doc,
        Err(lopdf::Error::Decryption(_) | lopdf::Error::InvalidPassword) => return Err(PdfProblem::Encrypted),
        Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. })) => {
            return Err(PdfProblem::StreamTooLarge { limit: limits.max_stream_bytes })
        }
        Err(e) => return Err(PdfProblem::Damaged(e.to_string())),
    };
    // Opened with the empty password if it has only an owner password; otherwise still locked.
    if doc.is_encrypted() && doc.encryption_state.is_none() {
        return Err(PdfProblem::Encrypted);
    }
    if doc.catalog().is_err() {
        return Err(PdfProblem::Damaged("it has no document catalog".into()));
    }
    Ok(doc)
}

/// A page attribute, from the page or the nearest ancestor that has it (MediaBox, CropBox,
/// Rotate, Resources are inherited).
fn inherited<'a>(doc: &'a Document, page: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    let mut node = page;
    for _ in 0..64 {
        if let Ok(v) = node.get(key) {
            return doc.dereference(v).ok().map(|(_, o)| o);
        }
        node = doc.dereference(node.get(b"Parent").ok()?).ok()?.1.as_dict().ok()?;
    }
    None
}

fn rect_of(doc: &Document, o: Option<&Object>) -> Option<[f32; 4]> {
    let a = o?.as_array().ok()?;
    if a.len() != 4 {
        return None;
    }
    let v: Vec<f32> = a.iter().filter_map(|o| doc.dereference(o).ok()?.1.as_float().ok()).collect();
    if v.len() != 4 || v.iter().any(|x| !x.is_finite()) {
        return None;
    }
    let r = [v[0].min(v[2]), v[1].min(v[3]), v[0].max(v[2]), v[1].max(v[3])];
    (r[2] - r[0] >= 1.0 && r[3] - r[1] >= 1.0).then_some(r)
}

/// The page's size as shown and the matrix from its user space to the page as shown: the
/// crop box (within the media box) from the top-left corner, `/Rotate` applied clockwise.
fn page_geometry(doc: &Document, page: &Dictionary) -> (f32, f32, Matrix) {
    let media = rect_of(doc, inherited(doc, page, b"MediaBox")).unwrap_or([0.0, 0.0, 612.0, 792.0]);
    let crop = rect_of(doc, inherited(doc, page, b"CropBox"))
        .map(|c| [c[0].max(media[0]), c[1].max(media[1]), c[2].min(media[2]), c[3].min(media[3])])
        .filter(|c| c[2] - c[0] >= 1.0 && c[3] - c[1] >= 1.0)
        .unwrap_or(media);
    let rotate = inherited(doc, page, b"Rotate").and_then(|o| o.as_i64().ok()).unwrap_or(0).rem_euclid(360) / 90 * 90;
    let (w, h) = (crop[2] - crop[0], crop[3] - crop[1]);
    // User space to the unrotated page seen from its top-left corner, y down.
    let flip: Matrix = [1.0, 0.0, 0.0, -1.0, -crop[0], crop[3]];
    let (rotation, size): (Matrix, (f32, f32)) = match rotate {
        90 => ([0.0, 1.0, -1.0, 0.0, h, 0.0], (h, w)),
        180 => ([-1.0, 0.0, 0.0, -1.0, w, h], (w, h)),
        270 => ([0.0, -1.0, 1.0, 0.0, 0.0, w], (h, w)),
        _ => (interp::IDENTITY, (w, h)),
    };
    (size.0, size.1, concat(&flip, &rotation))
}

/// A page's content streams, inflated and joined (a stream may end mid-operation, to be
/// continued by the next one).
fn page_content(src: &Source, page: &Dictionary) -> Result<Vec<u8>, PdfProblem> {
    let doc = src.doc;
    let Ok(contents) = page.get(b"Contents") else { return Ok(Vec::new()) };
    let streams: Vec<&Object> = match doc.dereference(contents) {
        Ok((_, Object::Array(items))) => items.iter().collect(),
        Ok((_, o)) => vec![o],
        Err(_) => Vec::new(),
    };
    let mut data = Vec::new();
    for item in streams {
        if let Ok((_, Object::Stream(s))) = doc.dereference(item) {
            data.extend_from_slice(&src.content_data(s)?);
            data.push(b'\n');
        }
    }
    Ok(data)
}

/// Whether the document is an XFA form (its pages may be empty placeholders).
fn is_xfa(doc: &Document) -> bool {
    doc.catalog()
        .ok()
        .and_then(|c| c.get(b"AcroForm").ok())
        .and_then(|a| doc.dereference(a).ok())
        .and_then(|(_, a)| a.as_dict().ok())
        .is_some_and(|a| a.has(b"XFA"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rotation_keeps_the_top_left_corner_of_the_page_as_shown() {
        // A 200×100 page: its user-space top-left corner (0, 100).
        for (rotate, corner, size) in [
            (0, (0.0, 0.0), (200.0, 100.0)),
            (90, (100.0, 0.0), (100.0, 200.0)),
            (180, (200.0, 100.0), (200.0, 100.0)),
            (270, (0.0, 200.0), (100.0, 200.0)),
        ] {
            let mut page = Dictionary::new();
            page.set("MediaBox", vec![0.into(), 0.into(), 200.into(), 100.into()]);
            page.set("Rotate", rotate);
            let (w, h, m) = page_geometry(&Document::new(), &page);
            assert_eq!((w, h), size, "{rotate}");
            let p = interp::apply(&m, 0.0, 100.0);
            assert!((p.0 - corner.0).abs() < 1e-3 && (p.1 - corner.1).abs() < 1e-3, "{rotate}: {p:?}");
        }
    }
}
