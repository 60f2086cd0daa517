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

use crate::document::{CellRef, Document, InputKind, NoteKind, ReadNote};
use crate::read::html::{read_tree, Tree};
use crate::read::{ReadError, ReadOptions};

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
pub fn read_records(nodes: &[i32], strings: &str, file: &[i32], options: &ReadOptions) -> Result<Document, String> {
    let mut tree = Tree::from_dom(nodes, strings, false)?;
    let mut at = 0usize;
    let mut next = || -> Result<i32, String> {
        let v = file.get(at).copied().ok_or_else(|| "truncated file records".to_string())?;
        at += 1;
        Ok(v)
    };
    let count = |n: i32| usize::try_from(n).map_err(|_| "negative count in file records".to_string());
    // Positions: record `i` is node `i + 1` (node 0 is the document).
    let n = count(next()?)?;
    if n != tree.nodes.len() - 1 {
        return Err(format!("{n} positions for {} nodes", tree.nodes.len() - 1));
    }
    for i in 0..n {
        let p = next()?;
        if let Ok(p) = u32::try_from(p) {
            let node = &mut tree.nodes[i + 1];
            node.start = p;
            node.end = p.saturating_add(1);
        }
    }
    let all: Vec<&str> = strings.split('\0').collect();
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
    let string = |i: i32| {
        usize::try_from(i)
            .ok()
            .and_then(|i| all.get(i))
            .map(|s| s.to_string())
            .ok_or_else(|| format!("string {i} out of range"))
    };
    let mut marks = Vec::new();
    for _ in 0..count(next()?)? {
        let (kind, paragraph, text, author) = (next()?, next()?, next()?, next()?);
        let kind = MarkKind::from_code(kind).ok_or_else(|| format!("unknown mark kind {kind}"))?;
        let paragraph = u32::try_from(paragraph).map_err(|_| "negative paragraph".to_string())?;
        marks.push(Mark { kind, paragraph, text: string(text)?, author: string(author)? });
    }
    let mut moved: Vec<(usize, CellRef, CellRef)> = Vec::new();
    for _ in 0..count(next()?)? {
        let mut field = || next().and_then(|v| u32::try_from(v).map_err(|_| "negative cell address".to_string()));
        let (table, row, cell, file_row, file_cell) = (field()?, field()?, field()?, field()?, field()?);
        moved.push((table as usize, CellRef { row, cell }, CellRef { row: file_row, cell: file_cell }));
    }
    let mut doc = read_tree(&tree, InputKind::Docx, options);
    for table in doc.blocks.iter_mut().filter_map(|b| match b {
        crate::document::Block::Table(t) => Some(t),
        crate::document::Block::Paragraph(_) => None,
    }) {
        let mut cells: Vec<(CellRef, CellRef)> =
            moved.iter().filter(|m| m.0 == table.index).map(|&(_, tree, file)| (tree, file)).collect();
        crate::order::sort_by_key(&mut cells, |(r, _)| (u64::from(r.row), u64::from(r.cell)));
        table.set_file_addresses(cells);
    }
    let hidden: Vec<&Mark> = marks.iter().filter(|m| m.kind == MarkKind::Hidden).collect();
    if let Some(first) = hidden.first() {
        doc.notes.push(ReadNote {
            kind: NoteKind::HiddenText,
            message: format!(
                "{} runs of text formatted hidden were left out (the first, in paragraph {}: “{}”)",
                hidden.len(),
                first.paragraph,
                first.text
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
pub fn document(records: &WordRecords, options: &ReadOptions) -> Result<Document, ReadError> {
    let doc = read_records(&records.nodes, &records.strings, &records.file, options)
        .map_err(|why| ReadError::Docx { why: format!("internal error: {why}") })?;
    if doc.blocks.is_empty() {
        return Err(ReadError::Empty);
    }
    Ok(doc)
}
