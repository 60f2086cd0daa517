//! WordprocessingML → [`WordRecords`]: the main document's XML walked into the page tree the
//! HTML reader reads (see [`super::records`]).
//!
//! What a reader of the printed document sees is what is read:
//!
//! * paragraphs (`w:p`) become `<p>`, their text gathered across runs (`w:r/w:t`), tabs as
//!   spaces, line and page breaks as `<br>`; hyperlinks, smart tags, custom XML and content
//!   controls (`w:sdt`) are transparent; text boxes are read where they are anchored;
//! * tables (`w:tbl`) become `<table>`/`<tr>`/`<td>`: `w:gridSpan` is the colspan, a
//!   `w:vMerge` restart cell spans the continuation cells below it (which are no cells of
//!   the tree; their file positions are kept, see [`super::records`]), `w:gridBefore`
//!   becomes an empty leading cell as in Word's own HTML;
//! * fields show their result, never their code (`HYPERLINK "…"`); a broken REF field's
//!   result "错误！未找到引用源。" is text, which PASTE-ARTIFACT then reports;
//! * Word's automatic list numbers are made as Word makes them ([`super::numbering`]);
//! * tracked changes are read as if accepted (insertions kept, deletions left out) and,
//!   with comments, recorded as marks; hidden text (`w:vanish`) is left out and recorded;
//! * headers, footers, footnotes, endnotes and drawings are not in the main document's flow
//!   and are not read.
//!
//! The package's JavaScript reader (`js/docx.js`) walks the same XML the same way; a change
//! here is a change there.

use std::collections::HashMap;

use roxmltree::Node;

use super::numbering::Numbering;
use super::records::{DocxProblem, MarkKind, WordRecords};
use crate::read::ReadError;

/// The WordprocessingML namespaces: transitional (what Word and WPS write) and strict.
const W: [&str; 2] = [
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
];
const MARKUP_COMPATIBILITY: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";
const MATH: &str = "http://schemas.openxmlformats.org/officeDocument/2006/math";

/// Nesting deeper than this (tables in tables in content controls…) is not followed: no
/// real document comes near it, and the walk recurses.
const MAX_DEPTH: usize = 200;

/// XML nested deeper than this is not well-formed to a browser (Chromium's parser refuses
/// it), so not to this reader either: both readers must make the same of every file.
const MAX_XML_DEPTH: usize = 5000;

/// Parse an XML part as the browser's `DOMParser` would accept it: well-formed, no DTD, at
/// most [`MAX_XML_DEPTH`] elements deep (`None` otherwise).
pub(crate) fn parse_xml(text: &str) -> Option<roxmltree::Document<'_>> {
    let options = roxmltree::ParsingOptions { allow_dtd: false, nodes_limit: 50_000_000, ..Default::default() };
    let doc = roxmltree::Document::parse_with_options(text, options).ok()?;
    // Each node's depth from its parent's (document order: parents come first).
    let mut depths = vec![0u16; doc.descendants().count()];
    for node in doc.descendants().filter(|n| n.is_element()) {
        let parent = node.parent().map_or(0, |p| depths[p.id().get_usize()]);
        let depth = parent.saturating_add(1);
        if usize::from(depth) > MAX_XML_DEPTH {
            return None;
        }
        depths[node.id().get_usize()] = depth;
    }
    Some(doc)
}

/// A WordprocessingML element of this local name.
pub(crate) fn is_w(node: Node, local: &str) -> bool {
    node.is_element()
        && node.tag_name().name() == local
        && node.tag_name().namespace().is_some_and(|ns| W.contains(&ns))
}

/// A `w:` attribute.
pub(crate) fn attr<'a>(node: Node<'a, '_>, local: &str) -> Option<&'a str> {
    node.attributes().find(|a| a.name() == local && a.namespace().is_some_and(|ns| W.contains(&ns))).map(|a| a.value())
}

/// The `w:val` attribute.
pub(crate) fn w_val<'a>(node: Node<'a, '_>) -> Option<&'a str> {
    attr(node, "val")
}

/// The first `w:` child element of this local name.
pub(crate) fn child<'a, 'i>(node: Node<'a, 'i>, local: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|c| is_w(*c, local))
}

/// An on/off property (`<w:vanish/>`, `<w:vanish w:val="false"/>`): on unless its value says off.
fn on(node: Node) -> bool {
    !matches!(w_val(node), Some("0" | "false" | "off"))
}

/// The strings every record list starts with: the attribute names the tree keeps, and "".
const FIXED_STRINGS: [&str; 6] = ["style", "hidden", "colspan", "rowspan", "height", ""];
const COLSPAN: i32 = 2;
const ROWSPAN: i32 = 3;

/// The styles of the document, as far as the reader needs them: a paragraph style's list
/// number, and whether a style hides text.
#[derive(Debug, Default)]
struct Styles {
    styles: HashMap<String, Style>,
}

#[derive(Debug, Default)]
struct Style {
    based_on: Option<String>,
    list: Option<(Option<String>, Option<u8>)>,
    hidden: Option<bool>,
}

impl Styles {
    fn parse(xml: Option<&str>) -> Styles {
        let mut styles = Styles::default();
        let Some(doc) = xml.and_then(parse_xml) else { return styles };
        for s in doc.root_element().children().filter(|n| is_w(*n, "style")) {
            let Some(id) = attr(s, "styleId") else { continue };
            let num = child(s, "pPr").and_then(|p| child(p, "numPr"));
            styles.styles.insert(
                id.to_string(),
                Style {
                    based_on: child(s, "basedOn").and_then(w_val).map(str::to_string),
                    list: num.map(|n| {
                        (
                            child(n, "numId").and_then(w_val).map(str::to_string),
                            child(n, "ilvl").and_then(w_val).and_then(|v| v.trim().parse().ok()),
                        )
                    }),
                    hidden: child(s, "rPr").and_then(|r| child(r, "vanish")).map(on),
                },
            );
        }
        styles
    }

    /// The first value `get` finds along the style's `basedOn` chain.
    fn inherited<T>(&self, id: &str, get: impl Fn(&Style) -> Option<T>) -> Option<T> {
        let mut id = id;
        for _ in 0..16 {
            let style = self.styles.get(id)?;
            if let Some(v) = get(style) {
                return Some(v);
            }
            id = style.based_on.as_deref()?;
        }
        None
    }
}

/// The document's parts, parsed.
pub struct Sources<'a> {
    pub document: &'a str,
    pub numbering: Option<&'a str>,
    pub styles: Option<&'a str>,
    pub comments: Option<&'a str>,
}

/// Walk the main document into records.
pub fn translate(sources: &Sources) -> Result<WordRecords, ReadError> {
    let doc = parse_xml(sources.document).ok_or(DocxProblem::Xml)?;
    let body = doc.root_element().children().find(|n| is_w(*n, "body")).ok_or(DocxProblem::NoBody)?;
    let mut walk = Walk {
        nodes: Vec::new(),
        strings: FIXED_STRINGS.iter().map(|s| s.to_string()).collect(),
        names: HashMap::new(),
        positions: Vec::new(),
        marks: Vec::new(),
        moved: Vec::new(),
        last_text: None,
        paragraph: -1,
        next_paragraph: 0,
        tables: 0,
        fields: Vec::new(),
        numbering: sources.numbering.map(Numbering::parse).unwrap_or_default(),
        styles: Styles::parse(sources.styles),
        comments: comments(sources.comments),
        depth: 0,
    };
    for c in body.children() {
        walk.block(c, -1);
    }
    Ok(walk.finish())
}

/// The comments of `word/comments.xml`: id → (text, author).
fn comments(xml: Option<&str>) -> HashMap<String, (String, String)> {
    let mut out = HashMap::new();
    let Some(doc) = xml.and_then(parse_xml) else { return out };
    for c in doc.root_element().children().filter(|n| is_w(*n, "comment")) {
        let Some(id) = attr(c, "id") else { continue };
        let paragraphs: Vec<String> = c
            .descendants()
            .filter(|n| is_w(*n, "p"))
            .map(|p| p.descendants().filter(|t| is_w(*t, "t")).filter_map(|t| t.text()).collect())
            .collect();
        out.insert(
            id.to_string(),
            (paragraphs.join(" ").trim().to_string(), attr(c, "author").unwrap_or("").to_string()),
        );
    }
    out
}

/// A cell of a table row, before the rows are emitted.
struct CellPlan<'a, 'i> {
    node: Node<'a, 'i>,
    column: usize,
    colspan: usize,
    rowspan: usize,
    /// A `w:vMerge` continuation of the cell above: spanned by it, not a cell of its own.
    merged: bool,
}

struct Walk {
    nodes: Vec<i32>,
    strings: Vec<String>,
    /// Element names already in `strings`.
    names: HashMap<&'static str, i32>,
    positions: Vec<i32>,
    marks: Vec<[i32; 4]>,
    moved: Vec<[i32; 5]>,
    /// The last record, if it is a text: (its string, its parent), to append the next run's
    /// text to.
    last_text: Option<(i32, i32)>,
    /// The paragraph being read (−1 outside any).
    paragraph: i32,
    /// The index the next `w:p` gets.
    next_paragraph: i32,
    tables: i32,
    /// Open complex fields: true while in the field's code (before its `separate`).
    fields: Vec<bool>,
    numbering: Numbering,
    styles: Styles,
    comments: HashMap<String, (String, String)>,
    depth: usize,
}

impl Walk {
    fn records(&self) -> i32 {
        i32::try_from(self.positions.len()).unwrap_or(i32::MAX)
    }

    fn string(&mut self, s: &str) -> i32 {
        self.strings.push(s.replace('\0', "\u{fffd}"));
        i32::try_from(self.strings.len() - 1).unwrap_or(i32::MAX)
    }

    /// Emit an element; returns its record index.
    fn element(&mut self, name: &'static str, parent: i32, attrs: &[(i32, String)], position: i32) -> i32 {
        let name_index = match self.names.get(name) {
            Some(&i) => i,
            None => {
                let i = self.string(name);
                self.names.insert(name, i);
                i
            }
        };
        self.nodes.extend([1, parent, name_index, attrs.len() as i32]);
        for (a, value) in attrs {
            let v = self.string(value);
            self.nodes.extend([*a, v]);
        }
        self.positions.push(position);
        self.last_text = None;
        self.records() - 1
    }

    /// Emit text into `parent`, appended to the text just emitted there if any.
    fn text(&mut self, parent: i32, text: &str) {
        if text.is_empty() {
            return;
        }
        if let Some((string, p)) = self.last_text {
            if p == parent {
                self.strings[string as usize].push_str(&text.replace('\0', "\u{fffd}"));
                return;
            }
        }
        let s = self.string(text);
        self.nodes.extend([3, parent, s, 0]);
        self.positions.push(self.paragraph);
        self.last_text = Some((s, parent));
    }

    /// Record a mark in the paragraph being read.
    fn mark(&mut self, kind: MarkKind, text: &str, author: &str) {
        self.mark_at(self.paragraph.max(0), kind, text, author);
    }

    fn mark_at(&mut self, paragraph: i32, kind: MarkKind, text: &str, author: &str) {
        let (t, a) = (self.string(text), self.string(author));
        self.marks.push([kind as i32, paragraph, t, a]);
    }

    /// Count the paragraphs of content that is not read, so every paragraph keeps its index.
    fn skip(&mut self, node: Node) {
        let n = node.descendants().filter(|d| is_w(*d, "p")).count();
        self.next_paragraph = self.next_paragraph.saturating_add(i32::try_from(n).unwrap_or(i32::MAX));
    }

    fn in_field_code(&self) -> bool {
        self.fields.iter().any(|&code| code)
    }

    /// Block-level content: of the body, a cell, a content control, a text box.
    fn block(&mut self, node: Node, parent: i32) {
        if !node.is_element() {
            return;
        }
        if self.depth >= MAX_DEPTH {
            self.skip(node);
            return;
        }
        self.depth += 1;
        if is_w(node, "p") {
            self.paragraph(node, parent);
        } else if is_w(node, "tbl") {
            self.table(node, parent);
        } else if is_w(node, "sdt") {
            self.content(node, |walk, c| walk.block(c, parent));
        } else if is_w(node, "customXml") || is_w(node, "ins") || is_w(node, "moveTo") {
            for c in node.children() {
                self.block(c, parent);
            }
        } else {
            self.skip(node);
        }
        self.depth -= 1;
    }

    /// The content of a content control (`w:sdtContent`), read with `read`.
    fn content<'a, 'i>(&mut self, sdt: Node<'a, 'i>, mut read: impl FnMut(&mut Self, Node<'a, 'i>)) {
        for c in sdt.children() {
            if is_w(c, "sdtContent") {
                for x in c.children() {
                    read(self, x);
                }
            } else {
                self.skip(c);
            }
        }
    }

    fn paragraph(&mut self, node: Node, parent: i32) {
        let index = self.next_paragraph;
        self.next_paragraph = self.next_paragraph.saturating_add(1);
        let outer = std::mem::replace(&mut self.paragraph, index);
        let p = self.element("p", parent, &[], index);
        let properties = child(node, "pPr");
        let style = properties.and_then(|p| child(p, "pStyle")).and_then(w_val).map(str::to_string);
        if let Some(pp) = properties {
            let mark_changed = child(pp, "rPr").is_some_and(|r| child(r, "ins").is_some() || child(r, "del").is_some());
            if mark_changed || child(pp, "pPrChange").is_some() {
                self.mark(MarkKind::Changed, "", &revision_author(pp));
            }
        }
        let number = self.list_number(properties, style.as_deref());
        self.text(p, &number);
        for c in node.children() {
            self.inline(c, p, style.as_deref());
        }
        self.paragraph = outer;
    }

    /// The list number Word shows before a paragraph (see [`Numbering`]), "" for none.
    fn list_number(&mut self, properties: Option<Node>, style: Option<&str>) -> String {
        let direct = properties.and_then(|p| child(p, "numPr"));
        let direct_id = direct.and_then(|n| child(n, "numId")).and_then(w_val).map(str::to_string);
        let direct_level = direct.and_then(|n| child(n, "ilvl")).and_then(w_val).and_then(|v| v.trim().parse().ok());
        let styled = style.and_then(|s| self.styles.inherited(s, |st| st.list.clone()));
        let id = direct_id.or_else(|| styled.as_ref().and_then(|(id, _)| id.clone()));
        let level = direct_level.or_else(|| styled.and_then(|(_, l)| l)).unwrap_or(0);
        match id {
            Some(id) if id.trim() != "0" && level < 9 => self.numbering.next(id.trim(), level),
            _ => String::new(),
        }
    }

    /// Run-level content of a paragraph.
    fn inline(&mut self, node: Node, parent: i32, style: Option<&str>) {
        if !node.is_element() {
            return;
        }
        if self.depth >= MAX_DEPTH {
            self.skip(node);
            return;
        }
        self.depth += 1;
        let name = node.tag_name().name();
        let ns = node.tag_name().namespace();
        if ns.is_some_and(|ns| W.contains(&ns)) {
            match name {
                "r" => self.run(node, parent, style),
                "hyperlink" | "smartTag" | "customXml" | "dir" | "bdo" | "fldSimple" => {
                    for c in node.children() {
                        self.inline(c, parent, style);
                    }
                }
                "sdt" => self.content(node, |walk, c| walk.inline(c, parent, style)),
                "ins" | "moveTo" => {
                    let text = visible_text(node);
                    self.mark(MarkKind::Inserted, &text, attr(node, "author").unwrap_or(""));
                    for c in node.children() {
                        self.inline(c, parent, style);
                    }
                }
                "del" | "moveFrom" => {
                    let text: String = node
                        .descendants()
                        .filter(|n| is_w(*n, "delText") || is_w(*n, "t"))
                        .filter_map(|n| n.text())
                        .collect();
                    self.mark(MarkKind::Deleted, &text, attr(node, "author").unwrap_or(""));
                    self.skip(node);
                }
                _ => self.skip(node),
            }
        } else if is_alternate(node) {
            self.alternate(node, |walk, c| walk.inline(c, parent, style));
        } else if ns == Some(MATH) && (name == "oMath" || name == "oMathPara") {
            let text: String =
                node.descendants().filter(|n| n.tag_name().name() == "t").filter_map(|n| n.text()).collect();
            self.text(parent, &text);
        } else {
            self.skip(node);
        }
        self.depth -= 1;
    }

    /// `mc:AlternateContent`: the first choice is read (Word's own rendering), the fallback
    /// (the same content for older readers) is not.
    fn alternate<'a, 'i>(&mut self, node: Node<'a, 'i>, mut read: impl FnMut(&mut Self, Node<'a, 'i>)) {
        let mut chosen = false;
        for c in node.children().filter(|c| c.is_element()) {
            if !chosen && matches!(c.tag_name().name(), "Choice" | "Fallback") {
                chosen = true;
                for x in c.children() {
                    read(self, x);
                }
            } else {
                self.skip(c);
            }
        }
    }

    fn run(&mut self, node: Node, parent: i32, style: Option<&str>) {
        let properties = child(node, "rPr");
        let hidden = self.hidden(properties, style);
        if let Some(change) = properties.and_then(|p| child(p, "rPrChange")) {
            self.mark(MarkKind::Changed, &visible_text(node), attr(change, "author").unwrap_or(""));
        }
        if hidden {
            let text: String = node.children().filter(|c| is_w(*c, "t")).filter_map(|c| c.text()).collect();
            if !text.trim().is_empty() {
                self.mark(MarkKind::Hidden, &text, "");
            }
        }
        for c in node.children().filter(|c| c.is_element()) {
            let shown = !hidden && !self.in_field_code();
            match (c.tag_name().namespace().is_some_and(|ns| W.contains(&ns)), c.tag_name().name()) {
                (true, "t") if shown => self.text(parent, c.text().unwrap_or("")),
                (true, "tab" | "ptab") if shown => self.text(parent, "\t"),
                (true, "noBreakHyphen") if shown => self.text(parent, "-"),
                (true, "br" | "cr") if shown => {
                    self.element("br", parent, &[], self.paragraph);
                }
                (true, "fldChar") => match attr(c, "fldCharType") {
                    Some("begin") => self.fields.push(true),
                    Some("separate") => {
                        if let Some(code) = self.fields.last_mut() {
                            *code = false;
                        }
                    }
                    Some("end") => {
                        self.fields.pop();
                    }
                    _ => {}
                },
                (true, "commentReference") => {
                    let id = attr(c, "id").unwrap_or("");
                    let (text, author) = self.comments.get(id).cloned().unwrap_or_default();
                    self.mark(MarkKind::Comment, &text, &author);
                }
                (true, "ruby") => {
                    for base in c.children().filter(|b| is_w(*b, "rubyBase")) {
                        for r in base.children() {
                            self.inline(r, parent, style);
                        }
                    }
                }
                (true, "drawing" | "pict" | "object") if shown => self.text_boxes(c, parent),
                (false, _) if shown && is_alternate(c) => self.text_boxes(c, parent),
                _ => self.skip(c),
            }
        }
    }

    /// Hidden text: `w:vanish` set on the run, or by its character style, or by its
    /// paragraph's style.
    fn hidden(&self, properties: Option<Node>, style: Option<&str>) -> bool {
        if let Some(v) = properties.and_then(|p| child(p, "vanish").or_else(|| child(p, "specVanish"))) {
            return on(v);
        }
        let character = properties.and_then(|p| child(p, "rStyle")).and_then(w_val);
        if let Some(h) = character.and_then(|s| self.styles.inherited(s, |st| st.hidden)) {
            return h;
        }
        style.and_then(|s| self.styles.inherited(s, |st| st.hidden)).unwrap_or(false)
    }

    /// The text boxes of a drawing, read where they are anchored (each its own block); in a
    /// `mc:AlternateContent`, only the first choice's.
    fn text_boxes(&mut self, node: Node, parent: i32) {
        if self.depth >= MAX_DEPTH {
            self.skip(node);
            return;
        }
        self.depth += 1;
        if is_w(node, "txbxContent") {
            let div = self.element("div", parent, &[], self.next_paragraph);
            for c in node.children() {
                self.block(c, div);
            }
        } else if is_alternate(node) {
            self.alternate(node, |walk, c| walk.text_boxes(c, parent));
        } else {
            for c in node.children().filter(|c| c.is_element()) {
                self.text_boxes(c, parent);
            }
        }
        self.depth -= 1;
    }

    fn table(&mut self, node: Node, parent: i32) {
        let table = self.element("table", parent, &[], self.next_paragraph);
        let index = self.tables;
        self.tables = self.tables.saturating_add(1);
        // The rows as read (a row deleted by an unaccepted tracked change is not: the table
        // is read as if the change were accepted), each with its `w:gridBefore` and cells.
        let file_rows = table_rows(node);
        let mut rows: Vec<(Node, usize, Vec<CellPlan>)> = Vec::new();
        for &tr in &file_rows {
            let properties = child(tr, "trPr");
            if properties.and_then(|p| child(p, "del")).is_some() {
                continue;
            }
            let before = properties
                .and_then(|p| child(p, "gridBefore"))
                .and_then(w_val)
                .and_then(|v| v.trim().parse().ok())
                .unwrap_or(0usize)
                .min(1000);
            let mut column = before;
            let mut cells = Vec::new();
            for tc in row_cells(tr) {
                let colspan = child(tc, "tcPr")
                    .and_then(|p| child(p, "gridSpan"))
                    .and_then(w_val)
                    .and_then(|v| v.trim().parse().ok())
                    .unwrap_or(1usize)
                    .clamp(1, 1000);
                cells.push(CellPlan { node: tc, column, colspan, rowspan: 1, merged: false });
                column = column.saturating_add(colspan);
            }
            rows.push((tr, before, cells));
        }
        merge_vertically(&mut rows);
        let n = |v: usize| i32::try_from(v).unwrap_or(i32::MAX);
        let mut read = rows.iter().enumerate().peekable();
        for (file_row, &tr) in file_rows.iter().enumerate() {
            // A row inserted or deleted by a tracked change is a change of its first paragraph.
            let properties = child(tr, "trPr");
            if let Some(change) = properties.and_then(|p| child(p, "ins").or_else(|| child(p, "del"))) {
                self.mark_at(
                    self.next_paragraph,
                    MarkKind::Changed,
                    &visible_text(tr),
                    attr(change, "author").unwrap_or(""),
                );
            }
            let Some((tree_row, (_, before, cells))) = read.next_if(|(_, (r, _, _))| *r == tr) else {
                self.skip(tr);
                continue;
            };
            let row = self.element("tr", table, &[], self.next_paragraph);
            let mut tree_cell = 0usize;
            if *before > 0 {
                self.element("td", row, &[(COLSPAN, before.to_string())], self.next_paragraph);
                tree_cell += 1;
            }
            for (file_cell, cell) in cells.iter().enumerate() {
                if cell.merged {
                    self.skip(cell.node);
                    continue;
                }
                let mut attrs = Vec::new();
                if cell.colspan > 1 {
                    attrs.push((COLSPAN, cell.colspan.to_string()));
                }
                if cell.rowspan > 1 {
                    attrs.push((ROWSPAN, cell.rowspan.to_string()));
                }
                let td = self.element("td", row, &attrs, self.next_paragraph);
                if (tree_row, tree_cell) != (file_row, file_cell) {
                    self.moved.push([index, n(tree_row), n(tree_cell), n(file_row), n(file_cell)]);
                }
                for c in cell.node.children() {
                    self.block(c, td);
                }
                tree_cell += 1;
            }
        }
    }

    fn finish(self) -> WordRecords {
        let mut file = Vec::with_capacity(3 + self.positions.len() + 4 * self.marks.len() + 5 * self.moved.len());
        file.push(self.records());
        file.extend(&self.positions);
        file.push(i32::try_from(self.marks.len()).unwrap_or(i32::MAX));
        file.extend(self.marks.iter().flatten());
        file.push(i32::try_from(self.moved.len()).unwrap_or(i32::MAX));
        file.extend(self.moved.iter().flatten());
        WordRecords { nodes: self.nodes, strings: self.strings.join("\0"), file }
    }
}

/// `mc:AlternateContent`: the same content for several kinds of reader.
fn is_alternate(node: Node) -> bool {
    node.tag_name().namespace() == Some(MARKUP_COMPATIBILITY) && node.tag_name().name() == "AlternateContent"
}

/// The text a reader would see in a piece of content (`w:t`), for a mark's message.
fn visible_text(node: Node) -> String {
    node.descendants().filter(|n| is_w(*n, "t")).filter_map(|n| n.text()).collect()
}

/// The author of a paragraph mark's or paragraph properties' change.
fn revision_author(properties: Node) -> String {
    properties
        .descendants()
        .find(|n| (is_w(*n, "ins") || is_w(*n, "del") || is_w(*n, "pPrChange")) && attr(*n, "author").is_some())
        .and_then(|n| attr(n, "author"))
        .unwrap_or("")
        .to_string()
}

/// A table's rows (`w:tr`), also those inside row-level content controls and custom XML.
fn table_rows<'a, 'i>(table: Node<'a, 'i>) -> Vec<Node<'a, 'i>> {
    flatten(table, "tr")
}

/// A row's cells (`w:tc`), also those inside cell-level content controls and custom XML.
fn row_cells<'a, 'i>(row: Node<'a, 'i>) -> Vec<Node<'a, 'i>> {
    flatten(row, "tc")
}

fn flatten<'a, 'i>(parent: Node<'a, 'i>, local: &str) -> Vec<Node<'a, 'i>> {
    let mut out = Vec::new();
    let mut stack: Vec<Node> = parent.children().rev().collect();
    while let Some(n) = stack.pop() {
        if is_w(n, local) {
            out.push(n);
        } else if is_w(n, "sdt") || is_w(n, "sdtContent") || is_w(n, "customXml") {
            stack.extend(n.children().rev());
        }
    }
    out
}

/// Resolve `w:vMerge`: a continuation cell directly below a restart cell (or below another
/// continuation of it) is spanned by the restart cell; a continuation with nothing above to
/// continue is a cell of its own.
fn merge_vertically(rows: &mut [(Node, usize, Vec<CellPlan>)]) {
    // For each grid column where a merge is open: the (row, cell) of its restart cell.
    let mut open: HashMap<usize, (usize, usize)> = HashMap::new();
    for r in 0..rows.len() {
        let mut still_open: HashMap<usize, (usize, usize)> = HashMap::new();
        for c in 0..rows[r].2.len() {
            let (column, merge) = {
                let cell = &rows[r].2[c];
                let merge =
                    child(cell.node, "tcPr").and_then(|p| child(p, "vMerge")).map(|m| w_val(m).unwrap_or("continue"));
                (cell.column, merge)
            };
            match merge {
                Some("restart") => {
                    still_open.insert(column, (r, c));
                }
                Some(_) => {
                    if let Some(&(rr, rc)) = open.get(&column) {
                        rows[rr].2[rc].rowspan += 1;
                        rows[r].2[c].merged = true;
                        still_open.insert(column, (rr, rc));
                    }
                }
                None => {}
            }
        }
        open = still_open;
    }
}
