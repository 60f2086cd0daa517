//! The HTML reader: clipboard HTML from Word, WPS and Excel, editor content, and whole
//! portal pages, parsed by html5ever (the same tree a browser builds) and walked into
//! paragraphs and tables.
//!
//! Office quirks handled here: `<o:p>`, `mso-` styles and downlevel-revealed
//! `<![if …]>` markers (comments to an HTML5 parser: the content between them is kept,
//! as in a browser); Word's and Excel's `supportMisalignedColumns` phantom row (left out
//! of the grid); Excel's `mso-ignore:colspan` fake merges (read as one cell); rows hidden
//! with `display:none` (left out, with a note); `<font>` wrapped around rows and unclosed
//! `<td>`/`<tr>`/`<p>` (the parser repairs them as browsers do); numbers split over
//! `<span>`s (cell text is the concatenation); nested tables (their own blocks, after the
//! table that holds them); layout tables (read as flow); and site chrome around the
//! article of a portal page (left out, keeping the report's title).
//!
//! Nothing here recurses over the tree: 100 000 nested elements cannot overflow a stack.

#[cfg(feature = "html-parser")]
pub mod nesting;
#[cfg(feature = "html-parser")]
mod parse;
pub mod tree;

use crate::document::{
    Block, Cell, CellTexts, Document, InputKind, NoteKind, Paragraph, ReadNote, Row, RowSkip, Span, Table,
};
use crate::read::grid::{build_grid, parse_colspan, parse_rowspan};
use crate::read::normalize::{count_non_space, finish, is_space, push_normalized};
use crate::read::ReadOptions;
use crate::strings::{char_count, JoinStr};
#[cfg(feature = "html-parser")]
pub use parse::parse;
use tree::tag;
pub use tree::{NodeData, NodeId, Tree};

/// An HTML element whose content is never shown as report text.
#[inline(always)]
fn is_invisible_element(node: &tree::Node) -> bool {
    node.html_code().is_some_and(|code| NAME_CLASSES[usize::from(code)] & INVISIBLE != 0)
}

/// An HTML element that starts a new line of text.
#[inline(always)]
fn is_block_element(node: &tree::Node) -> bool {
    node.html_code().is_some_and(|code| NAME_CLASSES[usize::from(code)] & BLOCK != 0)
}

/// The bits of [`NAME_CLASSES`].
const INVISIBLE: u8 = 1;
const BLOCK: u8 = 2;

/// For each element-name code ([`tree::element_name`]), whether the name is in
/// [`INVISIBLE_ELEMENTS`] and in [`BLOCK_ELEMENTS`]: worked out at compile time, so a node
/// is classed by one table look-up rather than by comparing its name with each list.
static NAME_CLASSES: [u8; tree::NAME_CODES] = {
    let mut classes = [0u8; tree::NAME_CODES];
    let mut i = 0;
    while i < INVISIBLE_ELEMENTS.len() {
        classes[tree::name_code(INVISIBLE_ELEMENTS[i]) as usize] |= INVISIBLE;
        i += 1;
    }
    let mut i = 0;
    while i < BLOCK_ELEMENTS.len() {
        classes[tree::name_code(BLOCK_ELEMENTS[i]) as usize] |= BLOCK;
        i += 1;
    }
    classes
};

/// Elements whose content is never shown as report text ([`is_invisible_element`]).
const INVISIBLE_ELEMENTS: [&str; 21] = [
    "head", "script", "style", "noscript", "template", "title", "select", "option", "datalist", "textarea", "iframe",
    "object", "embed", "video", "audio", "canvas", "map", "button", "input", "meta", "link",
];

/// Elements that start a new line of text ([`is_block_element`]).
const BLOCK_ELEMENTS: [&str; 45] = [
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "main",
    "aside",
    "address",
    "figure",
    "figcaption",
    "hr",
    "center",
    "form",
    "fieldset",
    "details",
    "summary",
    "caption",
    "table",
    "tr",
    "td",
    "th",
    "tbody",
    "thead",
    "tfoot",
    "body",
    "html",
    "legend",
    "menu",
    "br",
];

/// Inline CSS that hides an element (`display:none`, Word's `mso-hide:all`,
/// `visibility:hidden`), in one pass over the declarations.
pub fn hidden_by_style(style: &str) -> bool {
    style.split(';').any(|declaration| {
        let Some((p, v)) = declaration.split_once(':') else { return false };
        let (p, v) = (trim_ascii(p.as_bytes()), trim_ascii(v.as_bytes()));
        let starts = |value: &[u8]| v.len() >= value.len() && v[..value.len()].eq_ignore_ascii_case(value);
        (p.eq_ignore_ascii_case(b"display") && starts(b"none"))
            || (p.eq_ignore_ascii_case(b"mso-hide") && starts(b"all"))
            || (p.eq_ignore_ascii_case(b"visibility") && starts(b"hidden"))
    })
}

fn trim_ascii(b: &[u8]) -> &[u8] {
    let start = b.iter().position(|c| !c.is_ascii_whitespace()).unwrap_or(b.len());
    let end = b.iter().rposition(|c| !c.is_ascii_whitespace()).map_or(start, |e| e + 1);
    &b[start..end.max(start)]
}

/// Does inline CSS set `property: value` (any case, any spacing, `!important` allowed)?
/// One pass over the declarations, no allocation: Word's style attributes are long.
pub fn style_has(style: &str, property: &str, value: &str) -> bool {
    style.split(';').any(|declaration| {
        let Some((p, v)) = declaration.split_once(':') else { return false };
        let (p, v) = (trim_ascii(p.as_bytes()), trim_ascii(v.as_bytes()));
        p.eq_ignore_ascii_case(property.as_bytes())
            && v.len() >= value.len()
            && v[..value.len()].eq_ignore_ascii_case(value.as_bytes())
    })
}

#[inline(always)]
fn is_hidden(node: &tree::Node) -> bool {
    node.hidden()
}

/// Per-node measurements from one bottom-up pass, used to find the article and to tell
/// layout tables from data tables.
#[derive(Clone, Copy, Default)]
struct Stats {
    /// Visible non-space characters in the subtree.
    chars: u32,
    /// Of those, characters inside `<a>` elements.
    link_chars: u32,
    /// `<a>` elements in the subtree.
    links: u32,
    /// `<table>` elements in the subtree, the node itself included.
    tables: u32,
}

struct Reader<'a> {
    tree: &'a Tree<'a>,
    options: &'a ReadOptions,
    stats: Vec<Stats>,
    notes: Vec<ReadNote>,
}

/// Read HTML into a [`Document`].
#[cfg(feature = "html-parser")]
pub fn read_html<'a>(input: &'a str, options: &ReadOptions) -> Document<'a> {
    match nesting::cap_nesting(input, nesting::MAX_BLOCK_DEPTH) {
        None => read_tree(&parse(input), InputKind::Html, options),
        Some((capped, blanked)) => {
            // The blanked copy keeps every offset: the spans point into the input as well.
            let mut doc = read_tree(&parse(&capped), InputKind::Html, options).with_source(input);
            doc.notes.push(ReadNote {
                kind: NoteKind::NestingCapped,
                message: format!(
                    "{blanked} block tags nested deeper than {} levels were ignored (browsers cap nesting too)",
                    nesting::MAX_BLOCK_DEPTH
                ),
                span: None,
                table: None,
                position: None,
            });
            doc
        }
    }
}

/// Read an already parsed tree (from html5ever, or from a browser's DOM) into a
/// [`Document`] whose spans point into the tree's source.
pub fn read_tree<'a>(tree: &Tree<'a>, input: InputKind, options: &ReadOptions) -> Document<'a> {
    let mut reader = Reader::new(tree, options);
    let blocks = reader.blocks();
    Document {
        input,
        source: tree.source.into(),
        blocks,
        notes: reader.notes,
        marks: Vec::new(),
        places: Vec::new(),
        dom_texts: Vec::new(),
    }
}

/// Read a browser's DOM, as the package's JavaScript walker hands it over (see
/// [`Tree::from_dom`] for the structure), into a [`Document`]. Its source is the walker's
/// strings: every block and cell spans the text nodes it was read from there
/// ([`Tree::span_dom_text`]), so the rules that look at the source (the exact place of an
/// editing residue, the order of findings) see a DOM as they see the same page as a string.
/// The spans mean nothing to the caller, and the report leaves them out.
pub fn read_dom<'s>(
    nodes: &[i32],
    strings: &'s str,
    quirks: bool,
    options: &ReadOptions,
) -> Result<Document<'s>, String> {
    let mut tree = Tree::from_dom(nodes, strings, quirks)?;
    tree.span_dom_text();
    let mut doc = read_tree(&tree, InputKind::Dom, options);
    doc.dom_texts = tree.source_texts();
    Ok(doc)
}

impl<'a> Reader<'a> {
    fn new(tree: &'a Tree<'a>, options: &'a ReadOptions) -> Self {
        let n = tree.nodes.len();
        let mut stats = vec![Stats::default(); n];
        // Bottom-up sums, in post-order (children have larger ids than… not necessarily:
        // nodes move). What is invisible or hidden is not looked into.
        let skip = |node: &tree::Node| is_invisible_element(node) || is_hidden(node);
        let mut cur = Some(tree.first_in_post_order(tree::DOCUMENT, skip));
        while let Some(id) = cur {
            let node = tree.node(id);
            let mut s = stats[id];
            match &node.data {
                NodeData::Text(_) | NodeData::SourceText(_) => s.chars = count_non_space(tree.text(id)) as u32,
                NodeData::Element { .. } => {
                    if node.is(tag::A) {
                        s.links += 1;
                        s.link_chars = s.chars;
                    }
                    if node.is(tag::TABLE) {
                        s.tables += 1;
                    }
                }
                _ => {}
            }
            stats[id] = s;
            if let Some(p) = node.parent.get() {
                let ps = &mut stats[p];
                ps.chars = ps.chars.saturating_add(s.chars);
                ps.link_chars = ps.link_chars.saturating_add(s.link_chars);
                ps.links = ps.links.saturating_add(s.links);
                ps.tables = ps.tables.saturating_add(s.tables);
            }
            cur = tree.next_in_post_order(id, tree::DOCUMENT, skip);
        }
        Reader { tree, options, stats, notes: Vec::new() }
    }

    /// The index of a `<table>` among all of them in document order.
    fn table_index(&self, table: NodeId) -> Option<u32> {
        self.tree.table_index(table)
    }

    fn note(&mut self, kind: NoteKind, message: String, table: Option<usize>) {
        self.notes.push(ReadNote { kind, message, span: None, table, position: None });
    }

    /// Where the report is: the body, or — on a portal page — the element holding the
    /// article, found by descending while everything beside the heaviest child is site
    /// chrome (link lists, short lines without tables).
    fn content_root(&self, body: NodeId) -> NodeId {
        let tree = self.tree;
        let portal_like = self.stats[body].links >= 15;
        if !portal_like {
            return body;
        }
        let mut root = body;
        loop {
            let total = self.stats[root].chars;
            let best = tree.children(root).max_by_key(|&c| self.stats[c].chars);
            let Some(best) = best else { break };
            let bs = self.stats[best];
            if bs.chars == 0 || u64::from(bs.chars) * 2 < u64::from(total) {
                break;
            }
            // Everything else must be chrome: no tables, and each sibling either mostly
            // links or short.
            let tables_elsewhere = self.stats[root].tables - bs.tables - u32::from(tree.node(root).is(tag::TABLE));
            if tables_elsewhere > 0 {
                break;
            }
            let all_chrome = tree.children(root).filter(|&c| c != best).all(|c| {
                let s = self.stats[c];
                s.chars < 200 || u64::from(s.link_chars) * 10 >= u64::from(s.chars) * 3
            });
            if !all_chrome {
                break;
            }
            root = best;
        }
        root
    }

    fn blocks(&mut self) -> Vec<Block> {
        // Found once: a DOM handed over without <html> has every top-level node under the
        // document, and each is looked at.
        let body = self.tree.body();
        let root = self.content_root(body);
        let mut blocks = Vec::new();
        if root != body {
            // Keep the report's title when the page prints it outside the article.
            let mut outside = Vec::new();
            self.walk(body, Some(root), &mut outside);
            let dropped = outside.len();
            let title = outside.into_iter().rev().find_map(|b| match b {
                Block::Paragraph(p) if looks_like_title(&p.text) => Some(p),
                _ => None,
            });
            if let Some(t) = title {
                blocks.push(Block::Paragraph(t));
            }
            self.note(
                NoteKind::SiteChrome,
                format!("{dropped} blocks of site navigation, headers and footers around the article were left out"),
                None,
            );
        }
        self.walk(root, None, &mut blocks);
        blocks
    }

    /// Walk `root`'s subtree into blocks, in document order. When `stop_at` is given, the
    /// walk covers only what precedes that node (the site chrome before the article).
    fn walk(&mut self, root: NodeId, stop_at: Option<NodeId>, blocks: &mut Vec<Block>) {
        let tree = self.tree;
        let mut para = ParagraphBuilder::default();
        // Explicit stack of (node, leaving?) pairs: no recursion.
        let mut stack: Vec<(NodeId, bool)> = vec![(root, false)];
        while let Some((id, leaving)) = stack.pop() {
            if Some(id) == stop_at {
                break;
            }
            let node = tree.node(id);
            if leaving {
                if is_block_element(node) {
                    para.flush(blocks);
                }
                continue;
            }
            match &node.data {
                NodeData::Text(_) | NodeData::SourceText(_) => para.push(tree.text(id), node.span()),
                NodeData::Element { html, .. } => {
                    if is_invisible_element(node) || is_hidden(node) {
                        continue;
                    }
                    if !*html {
                        // SVG/MathML: read its text like inline content.
                    } else if node.is(tag::BR) || node.is(tag::HR) {
                        para.flush(blocks);
                        continue;
                    } else if node.is(tag::TABLE) && !self.is_layout_table(id) {
                        para.flush(blocks);
                        let (table, caption, nested) = self.read_table(id);
                        if let Some(c) = caption {
                            blocks.push(Block::Paragraph(c));
                        }
                        blocks.push(Block::Table(Box::new(table)));
                        // Tables inside its cells follow it, in document order.
                        for &n in nested.iter().rev() {
                            stack.push((n, false));
                        }
                        continue;
                    } else if node.is(tag::TABLE) {
                        self.note(
                            NoteKind::LayoutTable,
                            format!(
                                "table {} lays out the page rather than holding data; its cells were read as text",
                                self.table_index(id).unwrap_or(0)
                            ),
                            self.table_index(id).map(|i| i as usize),
                        );
                    }
                    if is_block_element(node) {
                        para.flush(blocks);
                    }
                    stack.push((id, true));
                    let first = stack.len();
                    for c in tree.children(id) {
                        stack.push((c, false));
                    }
                    stack[first..].reverse();
                }
                // A DOM handed over without <html>/<body> (an editor's element): its
                // children hang off the document node.
                NodeData::Document => {
                    let first = stack.len();
                    for c in tree.children(id) {
                        stack.push((c, false));
                    }
                    stack[first..].reverse();
                }
                _ => {}
            }
        }
        para.flush(blocks);
    }

    /// A table used for page layout: one holding other tables in at most two columns, or
    /// with a cell of more than a thousand characters.
    fn is_layout_table(&self, table: NodeId) -> bool {
        let tree = self.tree;
        let mut max_cells = 0usize;
        let mut nested = false;
        let mut long_cell = false;
        for tr in self.table_rows(table).into_iter().map(|(tr, _)| tr) {
            let mut cells = 0;
            for c in tree.children(tr) {
                let n = tree.node(c);
                if n.is(tag::TD) || n.is(tag::TH) {
                    cells += 1;
                    nested |= self.stats[c].tables > 0;
                    long_cell |= self.stats[c].chars > 1000;
                }
            }
            max_cells = max_cells.max(cells);
        }
        (nested && max_cells <= 2) || long_cell
    }

    /// The `<tr>` elements of a table (not of tables nested in it), with their row-group
    /// index.
    fn table_rows(&self, table: NodeId) -> Vec<(NodeId, usize)> {
        let tree = self.tree;
        let mut rows = Vec::new();
        let mut group = 0usize;
        let mut implied_group_open = false;
        for child in tree.children(table) {
            let n = tree.node(child);
            if n.is(tag::THEAD) || n.is(tag::TBODY) || n.is(tag::TFOOT) {
                if implied_group_open {
                    group += 1;
                    implied_group_open = false;
                }
                for tr in tree.children(child) {
                    if tree.node(tr).is(tag::TR) {
                        rows.push((tr, group));
                    }
                }
                group += 1;
            } else if n.is(tag::TR) {
                implied_group_open = true;
                rows.push((child, group));
            }
        }
        rows
    }

    /// Read a data table: its rows and cells, the grid, its caption, and the tables nested
    /// in its cells (returned to be walked after it).
    fn read_table(&mut self, table: NodeId) -> (Table, Option<Paragraph>, Vec<NodeId>) {
        let tree = self.tree;
        let index = self.table_index(table).unwrap_or(0) as usize;
        let mut rows = Vec::new();
        let mut nested = Vec::new();
        let mut fake_merges = 0usize;
        let mut hidden_rows = Vec::new();
        // One buffer for every cell's text, each copied into the table's texts.
        let mut text = String::new();
        let caption = tree.children(table).find(|&c| tree.node(c).is(tag::CAPTION)).and_then(|c| {
            let mut cell_nested = Vec::new();
            self.cell_text(c, &mut cell_nested, &mut text);
            (!text.is_empty()).then(|| Paragraph { text: text.clone(), span: tree.node(c).span() })
        });
        let mut texts = CellTexts::default();
        for (row_index, (tr, group)) in self.table_rows(table).into_iter().enumerate() {
            let tr_node = tree.node(tr);
            let mut cells = Vec::new();
            for c in tree.children(tr) {
                let n = tree.node(c);
                let header = n.is(tag::TH);
                if !(header || n.is(tag::TD)) {
                    continue;
                }
                self.cell_text(c, &mut nested, &mut text);
                let fake_merge = n.mso_ignore_colspan();
                let colspan = if fake_merge {
                    if parse_colspan(tree.attr(c, "colspan")) > 1 {
                        fake_merges += 1;
                    }
                    1
                } else {
                    parse_colspan(tree.attr(c, "colspan"))
                };
                let rowspan = parse_rowspan(tree.attr(c, "rowspan"));
                cells.push(Cell::new(texts.push(&text), n.span(), rowspan, colspan, header));
            }
            let skipped = if self.is_phantom_row(tr, &cells) {
                Some(RowSkip::Phantom)
            } else if is_hidden(tr_node) || tr_node.mso_zero_height() {
                hidden_rows.push(row_index);
                Some(RowSkip::Hidden)
            } else {
                None
            };
            let group = u32::try_from(group).unwrap_or(u32::MAX);
            rows.push(Row::new(tr_node.span(), group, skipped, cells.into_boxed_slice()));
        }
        if fake_merges > 0 {
            self.note(
                NoteKind::FakeMerge,
                format!("table {index}: {fake_merges} Excel cells marked mso-ignore:colspan were read as single cells (their text only overflowed)"),
                Some(index),
            );
        }
        for r in hidden_rows {
            self.notes.push(ReadNote {
                kind: NoteKind::HiddenRow,
                message: format!(
                    "table {index}: row {r} is hidden (display:none) and was left out of the grid: {}",
                    rows[r].cells.iter().map(|c| texts.get(c.text)).join_str(" | ")
                ),
                span: Some(rows[r].span()),
                table: Some(index),
                position: None,
            });
        }
        let grid = build_grid(index, &rows, self.options.grid, self.tree.quirks, &mut self.notes);
        let node = tree.node(table);
        (Table::new(index, node.span(), rows, grid, texts.finish()), caption, nested)
    }

    /// Word's phantom row: preceded by a `[if !supportMisalignedColumns]` marker, or an
    /// empty row of height 0.
    fn is_phantom_row(&self, tr: NodeId, cells: &[Cell]) -> bool {
        let tree = self.tree;
        let mut prev = tree.node(tr).prev_sibling.get();
        while let Some(p) = prev {
            match &tree.node(p).data {
                NodeData::Comment { phantom_row_marker: true } => return true,
                NodeData::Text(_) | NodeData::SourceText(_) if tree.text(p).chars().all(is_space) => {
                    prev = tree.node(p).prev_sibling.get()
                }
                _ => break,
            }
        }
        let zero_height = tree.attr(tr, "height").is_some_and(|h| h.trim() == "0");
        zero_height && cells.iter().all(|c| c.text.is_empty())
    }

    /// The text of a cell (or caption) into `text` (cleared first): its visible text with
    /// block boundaries as spaces, tables nested in it left out (and collected in `nested`).
    fn cell_text(&self, cell: NodeId, nested: &mut Vec<NodeId>, text: &mut String) {
        let tree = self.tree;
        text.clear();
        let mut cur = tree.node(cell).first_child.get();
        while let Some(id) = cur {
            let node = tree.node(id);
            let mut descend = true;
            match &node.data {
                NodeData::Text(_) | NodeData::SourceText(_) => push_normalized(text, tree.text(id)),
                NodeData::Element { .. } => {
                    if is_invisible_element(node) || node.is(tag::TABLE) || is_hidden(node) {
                        descend = false;
                        if node.is(tag::TABLE) {
                            nested.push(id);
                        }
                    } else if is_block_element(node) && !text.is_empty() && !text.ends_with(' ') {
                        text.push(' ');
                    }
                }
                _ => {}
            }
            cur = tree.next_in_order(id, cell, descend);
        }
        finish(text);
    }
}

/// A short line naming an annual report.
fn looks_like_title(text: &str) -> bool {
    let len = char_count(text);
    (6..=80).contains(&len) && (text.contains("年度报告") || text.contains("年报")) && !text.contains('：')
}

/// Collects inline text into one paragraph until a block boundary.
#[derive(Default)]
struct ParagraphBuilder {
    text: String,
    span: Option<Span>,
}

impl ParagraphBuilder {
    fn push(&mut self, text: &str, span: Span) {
        let before = self.text.len();
        push_normalized(&mut self.text, text);
        // Whitespace-only text adds at most a separating space and does not extend the span
        // (normalised text has no whitespace but ASCII spaces).
        if self.text.as_bytes()[before..].iter().any(|&b| b != b' ') {
            self.span = Some(self.span.map_or(span, |s| s.cover(span)));
        }
    }

    fn flush(&mut self, blocks: &mut Vec<Block>) {
        finish(&mut self.text);
        if let Some(span) = self.span.take() {
            if !self.text.is_empty() {
                // A copy of exactly the text's length; the buffer is kept for the next one.
                blocks.push(Block::Paragraph(Paragraph { text: self.text.clone(), span }));
            }
        }
        self.text.clear();
    }
}

#[cfg(all(test, feature = "html-parser"))]
mod tests;
