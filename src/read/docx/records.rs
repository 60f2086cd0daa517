//! A Word document as the reader takes it in, whoever unpacked it: the Rust `.docx` reader
//! (the CLI, the Node build) or the package's JavaScript reader in the browser, which walks
//! the file's XML with the platform's `DOMParser`. Both produce the same [`WordRecords`],
//! so one piece of Rust turns them into the [`Document`] and both paths give the same
//! findings.
//!
//! The records are the page tree the HTML reader already reads from a browser's DOM
//! ([`Tree::from_dom`]: `<p>`, `<table>`, `<tr>`, `<td colspan rowspan>`, `<br>`, `<a>`,
//! text), plus what only a file has, in one `Int32Array` (`file`):
//!
//! ```text
//! [node count N, position × N,
//!  mark count M, (kind, paragraph, text, author) × M,
//!  moved-cell count C, (table, row, cell, file row, file cell) × C]
//! ```
//!
//! * a node's **position** is the index of the paragraph (`w:p`, in document order, those
//!   in tables included) it belongs to, or −1: it becomes the node's span, so every block,
//!   cell and finding knows its paragraph;
//! * a **mark** is a tracked change or a comment still in the file, or hidden text left
//!   out: its [`MarkKind`] number, the paragraph, and the strings (indices into `strings`)
//!   of its text and its author;
//! * a **moved cell** is a cell whose position in the file differs from its position in
//!   the tree: a `w:tc` after a vertically merged one (`w:vMerge` continuation cells are
//!   not cells of the tree, their restart cell spans them), or in a row after a deleted one.

// The records are read by builds with the text readers; the types below are in every build
// (the browser's first module, without them, still knows a `Document`'s marks).
#[cfg(feature = "text-readers")]
use crate::document::{CellRef, Document, InputKind, NoteKind, ReadNote};
#[cfg(feature = "text-readers")]
use crate::read::html::{read_tree, Tree};
use crate::read::ReadError;
#[cfg(feature = "text-readers")]
use crate::read::ReadOptions;

/// What a Word file still holds besides its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MarkKind {
    /// Inserted text of an unaccepted tracked change (`w:ins`, `w:moveTo`).
    Inserted = 1,
    /// Deleted text of an unaccepted tracked change (`w:del`, `w:moveFrom`).
    Deleted = 2,
    /// A formatting change, an inserted or deleted table row or paragraph mark.
    Changed = 3,
    /// A comment (`w:commentReference`); the text is the comment's.
    Comment = 4,
    /// Text formatted hidden (`w:vanish`), left out of the report.
    Hidden = 5,
}

#[cfg(feature = "text-readers")]
impl MarkKind {
    fn from_code(code: i32) -> Option<MarkKind> {
        Some(match code {
            1 => MarkKind::Inserted,
            2 => MarkKind::Deleted,
            3 => MarkKind::Changed,
            4 => MarkKind::Comment,
            5 => MarkKind::Hidden,
            _ => return None,
        })
    }
}

/// A tracked change or a comment left in a Word file: a report must not be published with
/// them.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Mark {
    pub kind: MarkKind,
    /// The paragraph it is in (its `w:p` index).
    pub paragraph: u32,
    /// The inserted or deleted text, or the comment's text ("" for a formatting change).
    pub text: String,
    /// Who made it, as the file says ("" if it does not).
    pub author: String,
}

/// The records of a Word document, as [`Tree::from_dom`] reads them plus the `file` array
/// (see the module's documentation).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct WordRecords {
    pub nodes: Vec<i32>,
    pub strings: String,
    pub file: Vec<i32>,
}

/// Read the records into a [`Document`] (`InputKind::Docx`): the page tree through the HTML
/// reader, spans set to paragraph indices, the marks and the cells' file addresses added.
/// A malformed structure is an error, never a panic.
#[cfg(feature = "text-readers")]
pub fn read_records(
    nodes: &[i32],
    strings: &str,
    file: &[i32],
    options: &ReadOptions,
) -> Result<Document<'static>, String> {
    let mut tree = Tree::from_dom(nodes, strings, false)?;
    let malformed = || "malformed file records".to_string();
    // Positions: record `i` is node `i + 1` (node 0 is the document).
    if file.first().and_then(|&n| usize::try_from(n).ok()) != Some(tree.nodes.len() - 1) {
        return Err(malformed());
    }
    let positions = file.get(1..tree.nodes.len()).ok_or_else(malformed)?;
    for (node, &p) in tree.nodes.iter_mut().skip(1).zip(positions) {
        if let Ok(p) = u32::try_from(p) {
            node.start = p;
            node.end = p.saturating_add(1);
        }
    }
    // An element spans the paragraphs of everything in it (a cell of three paragraphs, a
    // table): records come in document order, so every node's children come after it.
    for id in (1..tree.nodes.len()).rev() {
        let (start, end, parent) = (tree.nodes[id].start, tree.nodes[id].end, tree.nodes[id].parent.get());
        if let Some(p) = parent.filter(|&p| p != crate::read::html::tree::DOCUMENT && end > start) {
            let parent = &mut tree.nodes[p];
            if parent.end <= parent.start {
                (parent.start, parent.end) = (start, end);
            } else {
                parent.start = parent.start.min(start);
                parent.end = parent.end.max(end);
            }
        }
    }
    let rest = &file[positions.len() + 1..];
    let all: Vec<&str> = strings.split('\0').collect();
    let string = |i: i32| usize::try_from(i).ok().and_then(|i| all.get(i)).map(|s| s.to_string());
    let (&marks_count, rest) = rest.split_first().ok_or_else(malformed)?;
    let marks_len = usize::try_from(marks_count).ok().and_then(|n| n.checked_mul(4)).ok_or_else(malformed)?;
    let (mark_fields, rest) = rest.split_at_checked(marks_len).ok_or_else(malformed)?;
    let mut marks = Vec::with_capacity(mark_fields.len() / 4);
    for m in mark_fields.chunks_exact(4) {
        let mark = (|| {
            Some(Mark {
                kind: MarkKind::from_code(m[0])?,
                paragraph: u32::try_from(m[1]).ok()?,
                text: string(m[2])?,
                author: string(m[3])?,
            })
        })();
        marks.push(mark.ok_or_else(malformed)?);
    }
    let (&moved_count, rest) = rest.split_first().ok_or_else(malformed)?;
    if usize::try_from(moved_count).ok().and_then(|n| n.checked_mul(5)) != Some(rest.len()) {
        return Err(malformed());
    }
    if rest.iter().any(|&x| x < 0) {
        return Err(malformed());
    }
    // (table, row, cell, file row, file cell), all non-negative.
    let moved: Vec<&[i32]> = rest.chunks_exact(5).collect();
    let at = |row: i32, cell: i32| CellRef { row: row as u32, cell: cell as u32 };
    // Spans count paragraphs: no source text to slice.
    let mut doc = read_tree(&tree, InputKind::Docx, options).with_source("");
    for block in &mut doc.blocks {
        if let crate::document::Block::Table(table) = block {
            // In the order they were recorded, which is the order of the cells.
            let cells = moved
                .iter()
                .filter(|m| m[0] as usize == table.index)
                .map(|m| (at(m[1], m[2]), at(m[3], m[4])))
                .collect();
            table.set_file_addresses(cells);
        }
    }
    let hidden = marks.iter().filter(|m| m.kind == MarkKind::Hidden).count();
    if let Some(first) = marks.iter().find(|m| m.kind == MarkKind::Hidden) {
        doc.notes.push(ReadNote {
            kind: NoteKind::HiddenText,
            message: format!(
                "{hidden} runs of text formatted hidden were left out (the first, in paragraph {}: “{}”)",
                first.paragraph, first.text
            ),
            span: None,
            table: None,
            position: None,
        });
    }
    marks.retain(|m| m.kind != MarkKind::Hidden);
    doc.marks = marks;
    Ok(doc)
}

/// Read the records, as the readers' entry points want it: a document with no text at all is
/// [`ReadError::Empty`].
#[cfg(feature = "text-readers")]
pub fn document(records: &WordRecords, options: &ReadOptions) -> Result<Document<'static>, ReadError> {
    let doc = read_records(&records.nodes, &records.strings, &records.file, options)
        .map_err(|why| ReadError::Docx { why: format!("the reader's records are malformed: {why}") })?;
    if doc.blocks.is_empty() {
        return Err(ReadError::Empty);
    }
    Ok(doc)
}

/// Why a ZIP archive cannot be read as a Word document. Both `.docx` readers (this crate's,
/// and the package's JavaScript one, which names the problem by [`DocxProblem::from_code`])
/// say it in these words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DocxProblem {
    /// The archive itself is damaged (the detail says how, if known).
    Damaged(String),
    /// More entries than a document has.
    TooManyEntries(usize),
    /// A part named by the relationships is not in the archive.
    PartMissing(String),
    /// A part inflates beyond the limit.
    PartTooLarge(String, u64),
    /// A part cannot be inflated or decoded.
    PartDamaged(String, String),
    /// An Office file of another kind, or an archive with no Word document in it.
    NotWord(&'static str),
    /// The main document is not well-formed XML (or declares a DTD, which no Word document
    /// does and which could expand entities without end).
    Xml,
    /// The main document has no body.
    NoBody,
    /// The browser cannot inflate the archive's parts.
    NoInflater,
}

impl DocxProblem {
    /// What it is, in words (English; the report adds the Chinese headline).
    pub fn why(&self) -> String {
        match self {
            DocxProblem::Damaged(detail) if detail.is_empty() => "the ZIP archive is damaged".into(),
            DocxProblem::Damaged(detail) => format!("the ZIP archive is damaged ({detail})"),
            DocxProblem::TooManyEntries(n) => {
                format!("the archive has {n} entries, more than the {} a document has", super::MAX_ENTRIES)
            }
            DocxProblem::PartMissing(path) => format!("its main document part {path} is missing"),
            DocxProblem::PartTooLarge(path, limit) => {
                format!("its part {path} inflates to more than {} MB: a zip bomb, or not a report", limit >> 20)
            }
            DocxProblem::PartDamaged(path, detail) => format!("its part {path} is damaged ({detail})"),
            DocxProblem::NotWord(what) => format!("it is {what}"),
            DocxProblem::Xml => "its main document is not well-formed XML".into(),
            DocxProblem::NoBody => "its main document has no body".into(),
            DocxProblem::NoInflater => "this browser cannot unpack it (it lacks DecompressionStream('deflate-raw'): Chrome and Edge 103+, Firefox 113+, Safari 16.4+ have it); use a newer browser, or paste the report".into(),
        }
    }

    /// The problem the JavaScript reader names: a code, a text and a number.
    pub fn from_code(code: &str, text: &str, n: f64) -> Option<DocxProblem> {
        let count = if n.is_finite() && n >= 0.0 { n as u64 } else { 0 };
        Some(match code {
            "damaged" => DocxProblem::Damaged(text.into()),
            "entries" => DocxProblem::TooManyEntries(usize::try_from(count).unwrap_or(usize::MAX)),
            "missing" => DocxProblem::PartMissing(text.into()),
            "too-large" => DocxProblem::PartTooLarge(text.into(), count),
            "part-damaged" => DocxProblem::PartDamaged(text.into(), String::new()),
            "xml" => DocxProblem::Xml,
            "no-body" => DocxProblem::NoBody,
            "browser" => DocxProblem::NoInflater,
            kind => DocxProblem::NotWord(not_word(kind)?),
        })
    }
}

/// What an archive that holds no Word document is, by the kind the readers tell.
pub fn not_word(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "xlsx" => "an Excel workbook (.xlsx): copy its tables into the report, or check the report itself",
        "pptx" => "a PowerPoint presentation (.pptx), not a report",
        "odt" => "an OpenDocument file (.odt): save it as .docx",
        "no-main" => "a damaged Word document (its relationships do not name its main part)",
        "zip" => "a ZIP archive that holds no Word document",
        _ => return None,
    })
}

impl From<DocxProblem> for ReadError {
    fn from(p: DocxProblem) -> ReadError {
        ReadError::Docx { why: p.why() }
    }
}
