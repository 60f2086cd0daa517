//! PDF pages → the [`Document`] every rule reads, by the pages' geometry: the one layout
//! reader of every build (the CLI's extractor and pdf.js in the browser both feed it).
//!
//! * **Tables from their rulings** (as Tabula's and camelot's "lattice" mode and pdfplumber's
//!   table finder read them): the stroked segments and the thin filled rectangles a page draws
//!   become horizontal and vertical rulings; rulings that cross make a table; their distinct
//!   positions make its grid, and a boundary missing between two grid units merges them into
//!   one cell (a `rowspan`/`colspan`). Each text run goes into the cell that holds it, cut
//!   between cells if it crosses one. A table continued at the top of the next page, with the
//!   same columns, joins the one that ended the page before.
//! * **Paragraphs from lines**: the text outside tables, in lines by baseline, lines into
//!   paragraphs where a line is indented, the one before ended short, the size changes, or a
//!   gap opens; a paragraph runs on across a page break. Page numbers ("- 3 -") at the top or
//!   bottom of a page, and running headers and footers (a margin line printed on more than
//!   one page but for its digits: a browser's date and page title, a Word header), are left
//!   out, with a note.
//! * Lines and runs are joined as a reader reads them: nothing next to a Chinese character,
//!   a space where the page leaves one between other characters — whichever extractor cut
//!   the text into runs (pdf.js merges glyphs into runs with spaces of its own).
//!
//! Every block and cell keeps its place: a span `[k, k + 1)` into [`Document::places`], the
//! page and box it was read from.

use crate::document::{
    Block, Cell, CellTexts, Document, InputKind, NoteKind, PagePlace, Paragraph, ReadNote, Row, Span, Table,
};
use crate::read::grid::build_grid;
use crate::read::pdf::{PdfPage, PdfText};
use crate::read::text::{is_cjk, is_footer};
use crate::read::ReadOptions;

/// Two rulings this close (points) are one.
const SNAP: f32 = 2.0;
/// A ruling this close to a crossing one (points) touches it.
const TOUCH: f32 = 3.0;
/// A filled rectangle this thin (points) is a drawn line.
const THIN: f32 = 2.5;
/// At most this many rulings each way, and crossings looked at, on a page (a hostile page of
/// millions of segments is read as text).
const MAX_RULINGS: usize = 20_000;
const MAX_CROSSINGS: usize = 4_000_000;

/// A horizontal (at = y) or vertical (at = x) ruling, from `from` to `to`.
#[derive(Clone, Copy, Debug)]
struct Rule {
    at: f32,
    from: f32,
    to: f32,
}

/// A cell of a table found on a page, in grid units.
#[derive(Clone, Debug)]
struct GridCell {
    row: usize,
    col: usize,
    rows: usize,
    cols: usize,
    /// Text pieces: (x, baseline, right, size, text).
    pieces: Vec<Piece>,
}

#[derive(Clone, Debug)]
struct Piece {
    x: f32,
    y: f32,
    right: f32,
    size: f32,
    text: String,
}

/// A table found on one page.
struct PageTable {
    xs: Vec<f32>,
    ys: Vec<f32>,
    cells: Vec<GridCell>,
    /// For each grid unit (row-major), the cell that covers it.
    owner: Vec<usize>,
}

impl PageTable {
    fn top(&self) -> f32 {
        self.ys[0]
    }

    /// The cell covering the point, if it is inside the table.
    fn cell_at(&self, x: f32, y: f32) -> Option<usize> {
        let col = self.xs.iter().rposition(|&v| v <= x)?;
        let row = self.ys.iter().rposition(|&v| v <= y)?;
        if col + 1 >= self.xs.len() || row + 1 >= self.ys.len() {
            return None;
        }
        self.owner.get(row * (self.xs.len() - 1) + col).copied()
    }
}

/// A line of text outside the tables.
struct Line {
    y: f32,
    left: f32,
    right: f32,
    size: f32,
    text: String,
}

/// What a page holds, in reading order: paragraphs' lines and tables.
enum Item {
    Line(Line),
    Table(PageTable),
}

impl Item {
    fn top(&self) -> f32 {
        match self {
            Item::Line(l) => l.y - l.size,
            Item::Table(t) => t.top(),
        }
    }
}

/// Read pages into a document.
pub fn read_pages(pages: &[PdfPage], options: &ReadOptions) -> Document<'static> {
    let mut out = Builder { options, blocks: Vec::new(), places: Vec::new(), notes: Vec::new(), tables: 0, footers: 0 };
    let mut open: Option<Open> = None;
    let mut pages_items: Vec<Vec<Item>> = pages.iter().map(|page| page_items(page, &mut out.footers)).collect();
    leave_out_running_lines(pages, &mut pages_items, &mut out.footers);
    for (page, items) in pages.iter().zip(pages_items) {
        let (left, right) = margins(&items);
        for item in items {
            open = match (item, open.take()) {
                (Item::Line(line), Some(Open::Paragraph(mut p))) if p.continues(&line, left, right, page.number) => {
                    p.add(line, page.number);
                    Some(Open::Paragraph(p))
                }
                (Item::Line(line), previous) => {
                    out.close(previous);
                    Some(Open::Paragraph(OpenParagraph::new(line, page.number, left)))
                }
                (Item::Table(t), Some(Open::Table(mut joined))) if joined.continues(&t, page.number) => {
                    joined.add(t, page.number);
                    Some(Open::Table(joined))
                }
                (Item::Table(t), previous) => {
                    out.close(previous);
                    Some(Open::Table(OpenTable::new(t, page.number)))
                }
            };
        }
        // A paragraph may run on over the page break; a table may go on at the top of the next.
        if let Some(Open::Paragraph(p)) = &mut open {
            p.page_ended = true;
        }
        if let Some(Open::Table(t)) = &mut open {
            t.page_ended = true;
        }
    }
    out.close(open);
    if out.footers > 0 {
        out.notes.push(ReadNote {
            kind: NoteKind::PageFooter,
            message: format!(
                "{} page numbers, running headers or footers at the top or bottom of pages were left out",
                out.footers
            ),
            span: None,
            table: None,
            position: None,
        });
    }
    Document {
        input: InputKind::Pdf,
        source: "".into(),
        blocks: out.blocks,
        notes: out.notes,
        marks: Vec::new(),
        places: out.places,
        dom_texts: Vec::new(),
    }
}

/// The leftmost and rightmost extent of a page's lines (its text margins).
fn margins(items: &[Item]) -> (f32, f32) {
    let lines = items.iter().filter_map(|i| match i {
        Item::Line(l) => Some(l),
        Item::Table(_) => None,
    });
    lines.fold((f32::MAX, f32::MIN), |(l, r), line| (l.min(line.left), r.max(line.right)))
}

/// A paragraph or table still being read (it may go on).
enum Open {
    Paragraph(OpenParagraph),
    Table(OpenTable),
}

struct OpenParagraph {
    text: String,
    page: u32,
    bbox: [f32; 4],
    last: Line,
    page_ended: bool,
}

impl OpenParagraph {
    fn new(line: Line, page: u32, _left: f32) -> OpenParagraph {
        let bbox = [line.left, line.y - line.size, line.right, line.y + line.size * 0.25];
        OpenParagraph { text: line.text.clone(), page, bbox, last: line, page_ended: false }
    }

    /// Does `line` go on with this paragraph? Not where it is indented, the paragraph's last
    /// line ended short of the margin, the size changes, or a gap of more than a line opens.
    fn continues(&self, line: &Line, left: f32, right: f32, page: u32) -> bool {
        let last = &self.last;
        let size = last.size.max(line.size);
        let same_size = (line.size - last.size).abs() <= 0.6;
        let indented = line.left - left > 0.9 * line.size;
        let ended_short = last.right < right - 1.5 * last.size;
        let near = if page == self.page && !self.page_ended {
            line.y - last.y <= 2.0 * size && line.y > last.y
        } else {
            // Over a page break: the first line of the next page.
            self.page_ended
        };
        same_size && !indented && !ended_short && near
    }

    fn add(&mut self, line: Line, page: u32) {
        join(&mut self.text, &line.text);
        if page == self.page {
            self.bbox = [
                self.bbox[0].min(line.left),
                self.bbox[1],
                self.bbox[2].max(line.right),
                self.bbox[3].max(line.y + line.size * 0.25),
            ];
        }
        self.last = line;
        self.page_ended = false;
    }
}

struct OpenTable {
    /// The pages' tables, in order (one, or more when it went on over page breaks).
    parts: Vec<(u32, PageTable)>,
    page_ended: bool,
}

impl OpenTable {
    fn new(t: PageTable, page: u32) -> OpenTable {
        OpenTable { parts: vec![(page, t)], page_ended: false }
    }

    /// Does `t`, the first thing on the next page, go on with this table? Same columns.
    fn continues(&self, t: &PageTable, page: u32) -> bool {
        let Some((last_page, last)) = self.parts.last() else { return false };
        self.page_ended
            && page == last_page + 1
            && last.xs.len() == t.xs.len()
            && last.xs.iter().zip(&t.xs).all(|(a, b)| (a - b).abs() <= SNAP)
    }

    fn add(&mut self, t: PageTable, page: u32) {
        self.parts.push((page, t));
        self.page_ended = false;
    }
}

/// Puts the blocks together.
struct Builder<'o> {
    options: &'o ReadOptions,
    blocks: Vec<Block>,
    places: Vec<PagePlace>,
    notes: Vec<ReadNote>,
    tables: usize,
    footers: usize,
}

impl Builder<'_> {
    /// Where something is: its place's index as a one-wide span.
    fn place(&mut self, page: u32, bbox: [f32; 4]) -> Span {
        // Points, rounded outwards, never below 0.
        let round = |v: f32, up: bool| {
            let v = if up { v.ceil() } else { v.floor() };
            if v.is_finite() && v > 0.0 {
                v.min(u32::MAX as f32) as u32
            } else {
                0
            }
        };
        let bbox = [round(bbox[0], false), round(bbox[1], false), round(bbox[2], true), round(bbox[3], true)];
        self.places.push(PagePlace { page, bbox });
        Span::new(self.places.len() - 1, self.places.len())
    }

    fn close(&mut self, open: Option<Open>) {
        match open {
            None => {}
            Some(Open::Paragraph(p)) => {
                let text = p.text.trim().to_string();
                if !text.is_empty() {
                    let span = self.place(p.page, p.bbox);
                    self.blocks.push(Block::Paragraph(Paragraph { text, span }));
                }
            }
            Some(Open::Table(t)) => self.table(t),
        }
    }

    fn table(&mut self, t: OpenTable) {
        let index = self.tables;
        self.tables += 1;
        let mut texts = CellTexts::default();
        let mut rows = Vec::new();
        let (first_page, first) = (t.parts[0].0, &t.parts[0].1);
        let last = &t.parts[t.parts.len() - 1].1;
        let table_span = self.place(
            first_page,
            [
                first.xs[0],
                first.ys[0],
                first.xs[first.xs.len() - 1],
                if t.parts.len() == 1 { last.ys[last.ys.len() - 1] } else { first.ys[first.ys.len() - 1] },
            ],
        );
        for (page, part) in &t.parts {
            for r in 0..part.ys.len() - 1 {
                let mut cells = Vec::new();
                let row_span = self.place(*page, [part.xs[0], part.ys[r], part.xs[part.xs.len() - 1], part.ys[r + 1]]);
                for cell in part.cells.iter().filter(|c| c.row == r) {
                    let bbox = [
                        part.xs[cell.col],
                        part.ys[cell.row],
                        part.xs[cell.col + cell.cols],
                        part.ys[cell.row + cell.rows],
                    ];
                    let span = self.place(*page, bbox);
                    let narrow = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
                    cells.push(Cell::new(
                        texts.push(&cell_text(&cell.pieces)),
                        span,
                        narrow(cell.rows),
                        narrow(cell.cols),
                        false,
                    ));
                }
                rows.push(Row::new(row_span, 0, None, cells.into_boxed_slice()));
            }
        }
        let grid = build_grid(index, &rows, self.options.grid, false, &mut self.notes);
        self.blocks.push(Block::Table(Box::new(Table::new(index, table_span, rows, grid, texts.finish()))));
    }
}

/// The text of a cell: its pieces in lines, as read.
fn cell_text(pieces: &[Piece]) -> String {
    let mut lines = lines_of(pieces.to_vec());
    let mut text = String::new();
    for line in lines.drain(..) {
        join(&mut text, &line.text);
    }
    text
}

/// Append a line to text: nothing between two Chinese characters (a wrapped line), else a
/// space.
fn join(text: &mut String, line: &str) {
    let line = line.trim();
    if line.is_empty() {
        return;
    }
    let before = text.chars().next_back();
    let after = line.chars().next();
    let close = |c: Option<char>| c.is_some_and(is_wide);
    let wrapped_word = close(before) && close(after);
    if !text.is_empty() && !wrapped_word {
        text.push(' ');
    }
    text.push_str(line);
}

/// A Chinese character or full-width punctuation: written without spaces around it.
fn is_wide(c: char) -> bool {
    is_cjk(c) || is_cjk_punctuation(c)
}

/// Full-width punctuation, which joins a wrapped line as a character does.
fn is_cjk_punctuation(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}' | '“' | '”' | '‘' | '’' | '…' | '—')
}

/// Pieces into lines: by baseline, then left to right; pieces on a line joined with a space
/// where the page leaves a gap of a third of the size or more.
fn lines_of(mut pieces: Vec<Piece>) -> Vec<Line> {
    crate::order::sort_by_key(&mut pieces, |p| (key(p.y), key(p.x)));
    // Each line: its baseline and its pieces (indices into `pieces`), then read left to right.
    let mut lines: Vec<(f32, Vec<usize>)> = Vec::new();
    for (i, p) in pieces.iter().enumerate() {
        match lines.iter_mut().rev().take(3).find(|(y, _)| (p.y - *y).abs() <= 0.45 * p.size) {
            Some((_, line)) => line.push(i),
            None => lines.push((p.y, vec![i])),
        }
    }
    let mut out = Vec::with_capacity(lines.len());
    for (y, mut line) in lines {
        crate::order::sort_by_key(&mut line, |&i| (key(pieces[i].x), 0));
        let mut text = String::new();
        let (mut left, mut right, mut size) = (f32::MAX, f32::MIN, 0.0f32);
        for &i in &line {
            let p = &pieces[i];
            // A gap is a space, but next to a Chinese character (justified text spreads
            // them; Chinese is written without spaces, also before and after a number).
            let gap = right > f32::MIN && p.x - right >= p.size / 3.0;
            let cjk = text.chars().next_back().is_some_and(is_wide) || p.text.chars().next().is_some_and(is_wide);
            if gap && !cjk && !text.ends_with(' ') {
                text.push(' ');
            }
            push_run(&mut text, &p.text);
            left = left.min(p.x);
            right = right.max(p.right);
            size = size.max(p.size);
        }
        out.push(Line { y, left, right, size, text });
    }
    out
}

/// A coordinate as a sort key (hundredths of a point; never negative).
fn key(v: f32) -> u64 {
    if v.is_finite() && v > 0.0 {
        (v * 100.0).min(1e15) as u64
    } else {
        0
    }
}

/// A page's tables and lines, in reading order (top to bottom), page numbers left out.
fn page_items(page: &PdfPage, footers: &mut usize) -> Vec<Item> {
    let mut tables = tables(page);
    let mut loose = Vec::new();
    for t in &page.texts {
        place_text(t, &mut tables, &mut loose);
    }
    let mut items: Vec<Item> = Vec::new();
    for line in lines_of(loose) {
        let edge = in_margin(&line, page);
        let number = line.text.chars().all(|c| c.is_ascii_digit() || c.is_whitespace()) && line.text.len() <= 4;
        if edge && (is_footer(&line.text) || number) {
            *footers += 1;
            continue;
        }
        items.push(Item::Line(line));
    }
    for t in tables {
        items.push(Item::Table(t));
    }
    crate::order::sort_by_key(&mut items, |i| (key(i.top()), 0));
    items
}

/// Whether a line lies in a page's top or bottom margin, where page numbers, running
/// headers and footers are printed.
fn in_margin(line: &Line, page: &PdfPage) -> bool {
    line.y > page.height * 0.9 || line.y < page.height * 0.08
}

/// Add a run's text to a line's, without the spaces an extractor put next to a Chinese
/// character (pdf.js puts one where glyphs stand a little apart, "2023 年"; the native
/// extractor gives glyphs, and the line above decides): one text, whichever read the page.
fn push_run(text: &mut String, run: &str) {
    let mut chars = run.chars().peekable();
    while let Some(c) = chars.next() {
        if c == ' ' {
            let before = text.chars().next_back();
            let after = chars.peek().copied();
            if before.is_none_or(is_wide) || after.is_none_or(is_wide) || before == Some(' ') {
                continue;
            }
        }
        text.push(c);
    }
}

/// A line's text with its digits and spaces left out: a running header or footer is the same
/// on every page but for a page number or a date.
fn running_key(text: &str) -> String {
    text.chars().filter(|c| !c.is_ascii_digit() && !c.is_whitespace()).collect()
}

/// Leave out running headers and footers: lines in the top or bottom margin whose text, but
/// for its digits, is printed on more than one page (a browser's print adds the date and the
/// page's title above every page and its address below; Word and WPS add the organ's name).
fn leave_out_running_lines(pages: &[PdfPage], items: &mut [Vec<Item>], left_out: &mut usize) {
    // Each page's candidates: lines in its margins among its first and last three items
    // (which bounds the work whatever a page holds), once a page.
    let mut seen: Vec<(String, u32)> = Vec::new();
    for (page, page_items) in pages.iter().zip(items.iter()) {
        let n = page_items.len();
        for (i, item) in page_items.iter().enumerate() {
            if let Item::Line(line) = item {
                let key = running_key(&line.text);
                if (i < 3 || i + 3 >= n)
                    && in_margin(line, page)
                    && !key.is_empty()
                    && !seen.iter().any(|(k, p)| *p == page.number && *k == key)
                {
                    seen.push((key, page.number));
                }
            }
        }
    }
    let running = |key: &str| seen.iter().filter(|(k, _)| k == key).nth(1).is_some();
    for (page, page_items) in pages.iter().zip(items.iter_mut()) {
        let before = page_items.len();
        let mut i = 0;
        page_items.retain(|item| {
            i += 1;
            match item {
                Item::Line(line) if i <= 3 || i + 3 > before => {
                    !(in_margin(line, page) && running(&running_key(&line.text)))
                }
                _ => true,
            }
        });
        *left_out += before - page_items.len();
    }
}

/// Put a text run into the cells it crosses (cut between them, its characters advancing
/// evenly), or among the loose text.
fn place_text(t: &PdfText, tables: &mut [PageTable], loose: &mut Vec<Piece>) {
    let chars: Vec<char> = t.text.chars().collect();
    if chars.is_empty() || !t.x.is_finite() || !t.y.is_finite() {
        return;
    }
    let size = if t.size.is_finite() && t.size > 0.0 { t.size } else { 1.0 };
    let advance = if t.width.is_finite() && t.width > 0.0 { t.width / chars.len() as f32 } else { size * 0.5 };
    // The glyphs' middle height: a baseline sits on the cell's lower edge or near it.
    let y = t.y - size * 0.35;
    let mut start = 0;
    while start < chars.len() {
        let at = |i: usize| t.x + advance * (i as f32 + 0.5);
        let found = tables.iter().enumerate().find_map(|(k, table)| Some((k, table.cell_at(at(start), y)?)));
        let mut end = start + 1;
        while end < chars.len() {
            let next = tables.iter().enumerate().find_map(|(k, table)| Some((k, table.cell_at(at(end), y)?)));
            if next != found {
                break;
            }
            end += 1;
        }
        let piece = Piece {
            x: t.x + advance * start as f32,
            y: t.y,
            right: t.x + advance * end as f32,
            size,
            text: chars[start..end].iter().collect(),
        };
        match found {
            Some((k, c)) => tables[k].cells[c].pieces.push(piece),
            None => loose.push(piece),
        }
        start = end;
    }
}

/// The tables a page draws.
fn tables(page: &PdfPage) -> Vec<PageTable> {
    let (horizontal, vertical) = rulings(page);
    if horizontal.len().saturating_mul(vertical.len()) > MAX_CROSSINGS {
        return Vec::new();
    }
    // Rulings that cross belong to one table: union-find over horizontal then vertical ones.
    let n = horizontal.len() + vertical.len();
    let mut parent = Vec::with_capacity(n);
    for i in 0..n {
        parent.push(i);
    }
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for (i, h) in horizontal.iter().enumerate() {
        for (j, v) in vertical.iter().enumerate() {
            let crosses =
                v.at >= h.from - TOUCH && v.at <= h.to + TOUCH && h.at >= v.from - TOUCH && h.at <= v.to + TOUCH;
            if crosses {
                let (a, b) = (root(&mut parent, i), root(&mut parent, horizontal.len() + j));
                parent[a] = b;
            }
        }
    }
    let mut found = Vec::new();
    for r in 0..n {
        if root(&mut parent, r) != r {
            continue;
        }
        let (mut hs, mut vs) = (Vec::new(), Vec::new());
        for i in 0..n {
            if root(&mut parent, i) == r {
                match i.checked_sub(horizontal.len()) {
                    None => hs.push(horizontal[i]),
                    Some(j) => vs.push(vertical[j]),
                }
            }
        }
        if let Some(t) = grid_table(&hs, &vs) {
            found.push(t);
        }
    }
    found
}

/// The table of one group of crossing rulings: at least two columns (a box around text is no
/// table) and a row.
fn grid_table(hs: &[Rule], vs: &[Rule]) -> Option<PageTable> {
    let mut ys = positions(hs);
    // A table cut by a page break has no border where the page cuts it: its columns' rulings
    // run on past its first or last horizontal one, and the row there is bounded by them.
    let (top, bottom) = vs.iter().fold((f32::MAX, f32::MIN), |(t, b), r| (t.min(r.from), b.max(r.to)));
    let (first, last) = hs.iter().fold((f32::MAX, f32::MIN), |(t, b), r| (t.min(r.at), b.max(r.at)));
    if top < first - 4.0 * SNAP {
        ys.push(top);
    }
    if bottom > last + 4.0 * SNAP {
        ys.push(bottom);
    }
    let ys = distinct(ys);
    let xs = distinct(positions(vs));
    if xs.len() < 3 || ys.len() < 2 || xs.len() > 400 || ys.len() > 2000 {
        return None;
    }
    let (cols, rows) = (xs.len() - 1, ys.len() - 1);
    // A boundary between two units exists where a ruling covers the middle of their edge.
    let covers = |rules: &[Rule], at: f32, mid: f32| {
        rules.iter().any(|r| (r.at - at).abs() <= SNAP && r.from - TOUCH <= mid && mid <= r.to + TOUCH)
    };
    let v_edge = |col: usize, row: usize| covers(vs, xs[col], (ys[row] + ys[row + 1]) / 2.0);
    let h_edge = |row: usize, col: usize| covers(hs, ys[row], (xs[col] + xs[col + 1]) / 2.0);
    let mut owner = vec![usize::MAX; rows * cols];
    let mut cells = Vec::new();
    for r in 0..rows {
        for c in 0..cols {
            if owner[r * cols + c] != usize::MAX {
                continue;
            }
            let mut w = 1;
            while c + w < cols && !v_edge(c + w, r) && owner[r * cols + c + w] == usize::MAX {
                w += 1;
            }
            let mut h = 1;
            while r + h < rows && (c..c + w).all(|cc| !h_edge(r + h, cc) && owner[(r + h) * cols + cc] == usize::MAX) {
                h += 1;
            }
            for rr in r..r + h {
                for cc in c..c + w {
                    owner[rr * cols + cc] = cells.len();
                }
            }
            cells.push(GridCell { row: r, col: c, rows: h, cols: w, pieces: Vec::new() });
        }
    }
    Some(PageTable { xs, ys, cells, owner })
}

/// Where rulings are.
fn positions(rules: &[Rule]) -> Vec<f32> {
    let mut out = Vec::with_capacity(rules.len());
    for r in rules {
        out.push(r.at);
    }
    out
}

/// Sorted positions with those within [`SNAP`] of each other made one (their mean).
fn distinct(mut v: Vec<f32>) -> Vec<f32> {
    crate::order::sort_by_key(&mut v, |&x| (key(x), 0));
    let mut out: Vec<(f32, f32)> = Vec::new(); // (sum, count)
    for x in v {
        match out.last_mut() {
            Some((sum, n)) if x - *sum / *n <= SNAP => {
                *sum += x;
                *n += 1.0;
            }
            _ => out.push((x, 1.0)),
        }
    }
    let mut means = Vec::with_capacity(out.len());
    for (sum, n) in out {
        means.push(sum / n);
    }
    means
}

/// The page's horizontal and vertical rulings: straight stroked segments and thin filled
/// rectangles, merged where they continue one another.
fn rulings(page: &PdfPage) -> (Vec<Rule>, Vec<Rule>) {
    let mut h = Vec::new();
    let mut v = Vec::new();
    let ok = |a: &[f32]| a.iter().all(|x| x.is_finite());
    for &[x0, y0, x1, y1] in page.lines.iter().filter(|l| ok(&l[..])) {
        if (y0 - y1).abs() <= 1.0 && (x0 - x1).abs() > 1.0 {
            h.push(Rule { at: (y0 + y1) / 2.0, from: x0.min(x1), to: x0.max(x1) });
        } else if (x0 - x1).abs() <= 1.0 && (y0 - y1).abs() > 1.0 {
            v.push(Rule { at: (x0 + x1) / 2.0, from: y0.min(y1), to: y0.max(y1) });
        }
    }
    for &[x, y, w, hh] in page.rects.iter().filter(|r| ok(&r[..])) {
        let (x, w) = if w < 0.0 { (x + w, -w) } else { (x, w) };
        let (y, hh) = if hh < 0.0 { (y + hh, -hh) } else { (y, hh) };
        // A thin filled rectangle is a drawn line; a wider one is a background (a shaded
        // header row, or a highlighted line of text), whose sides are no rulings.
        if hh <= THIN && w > THIN {
            h.push(Rule { at: y + hh / 2.0, from: x, to: x + w });
        } else if w <= THIN && hh > THIN {
            v.push(Rule { at: x + w / 2.0, from: y, to: y + hh });
        }
    }
    if h.len() > MAX_RULINGS || v.len() > MAX_RULINGS {
        return (Vec::new(), Vec::new());
    }
    (merge(h), merge(v))
}

/// Rulings on one line (within [`SNAP`]) that overlap or nearly touch, made one.
fn merge(mut rules: Vec<Rule>) -> Vec<Rule> {
    crate::order::sort_by_key(&mut rules, |r| (key(r.at), key(r.from)));
    let mut out: Vec<Rule> = Vec::new();
    // Rules come by position then start; a rule merges into the latest one of its line.
    for r in rules {
        let line_start = out.iter().rposition(|o| (o.at - r.at).abs() > SNAP).map_or(0, |i| i + 1);
        match out[line_start..].iter_mut().rev().find(|o| r.from <= o.to + TOUCH && r.to >= o.from - TOUCH) {
            Some(o) => {
                o.from = o.from.min(r.from);
                o.to = o.to.max(r.to);
            }
            None => out.push(r),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(text: &str, x: f32, y: f32, size: f32) -> PdfText {
        let width = text.chars().map(|c| if c.is_ascii() { size * 0.5 } else { size }).sum();
        PdfText { text: text.into(), x, y, width, size }
    }

    fn page(number: u32, texts: Vec<PdfText>, lines: Vec<[f32; 4]>, rects: Vec<[f32; 4]>) -> PdfPage {
        PdfPage { number, width: 595.0, height: 842.0, texts, lines, rects }
    }

    /// A grid of stroked lines: `xs` × `ys`, with the vertical segments `skip` left out
    /// (column boundary, row) to merge cells.
    fn grid(xs: &[f32], ys: &[f32], skip: &[(usize, usize)]) -> Vec<[f32; 4]> {
        let mut lines: Vec<[f32; 4]> = ys.iter().map(|&y| [xs[0], y, xs[xs.len() - 1], y]).collect();
        for (c, &x) in xs.iter().enumerate() {
            for r in 0..ys.len() - 1 {
                if !skip.contains(&(c, r)) {
                    lines.push([x, ys[r], x, ys[r + 1]]);
                }
            }
        }
        lines
    }

    fn texts_of(doc: &Document) -> Vec<String> {
        doc.blocks
            .iter()
            .map(|b| match b {
                Block::Paragraph(p) => p.text.clone(),
                Block::Table(t) => t
                    .grid_texts()
                    .iter()
                    .map(|r| r.iter().map(|c| c.unwrap_or("·")).collect::<Vec<_>>().join("|"))
                    .collect::<Vec<_>>()
                    .join("/"),
            })
            .collect()
    }

    #[test]
    fn a_ruled_table_with_a_merged_cell_and_wrapped_labels() {
        let lines = grid(&[50.0, 150.0, 250.0, 350.0], &[100.0, 130.0, 160.0, 190.0], &[(2, 0)]);
        let texts = vec![
            text("信息内容", 55.0, 120.0, 10.0),
            text("本年处理决定数量", 155.0, 120.0, 10.0),
            text("一、本年新收政府", 55.0, 145.0, 10.0),
            text("信息公开申请数量", 55.0, 157.0, 10.0),
            text("1", 155.0, 150.0, 10.0),
            text("1", 160.0, 150.0, 10.0),
            text("2", 255.0, 150.0, 10.0),
            text("规章", 55.0, 180.0, 10.0),
        ];
        let doc = read_pages(&[page(1, texts, lines, Vec::new())], &ReadOptions::default());
        assert_eq!(texts_of(&doc), vec!["信息内容|本年处理决定数量|·/一、本年新收政府信息公开申请数量|11|2/规章||"]);
        let Block::Table(t) = &doc.blocks[0] else { panic!() };
        // The merged header cell spans two columns; every cell knows its page and box.
        assert_eq!(t.rows[0].cells[1].colspan(), 2);
        assert_eq!(doc.places[t.rows[1].cells[2].span().start], PagePlace { page: 1, bbox: [250, 130, 350, 160] });
    }

    #[test]
    fn thin_filled_rectangles_are_rulings_and_wide_ones_backgrounds() {
        // Borders as a browser prints them (0.75 pt filled rectangles), and a shaded band of
        // text that is no table.
        let mut rects: Vec<[f32; 4]> = [100.0, 130.0, 160.0].iter().map(|&y| [50.0, y, 200.0, 0.75]).collect();
        rects.extend([50.0, 125.0, 250.0].iter().map(|&x| [x, 100.0, 0.75, 60.0]));
        rects.push([50.0, 300.0, 400.0, 20.0]);
        rects.push([50.0, 320.0, 400.0, 20.0]);
        let texts =
            vec![text("规章", 55.0, 120.0, 10.0), text("0", 130.0, 120.0, 10.0), text("一段文字。", 55.0, 315.0, 10.0)];
        let doc = read_pages(&[page(1, texts, Vec::new(), rects)], &ReadOptions::default());
        assert_eq!(texts_of(&doc), vec!["规章|0/|", "一段文字。"]);
    }

    #[test]
    fn paragraphs_from_lines_and_page_numbers_left_out() {
        let texts = vec![
            text("一、总体情况", 100.0, 100.0, 16.0),
            text("2024年，我市坚持以习近平新时代中国特色社会主义思想为", 100.0, 130.0, 16.0),
            text("指导，认真执行条例。", 74.0, 158.0, 16.0),
            text("（一）主动公开情况。全年主动公开信息", 100.0, 186.0, 16.0),
            text("- 3 -", 280.0, 800.0, 13.0),
        ];
        let doc = read_pages(&[page(1, texts, Vec::new(), Vec::new())], &ReadOptions::default());
        assert_eq!(
            texts_of(&doc),
            vec![
                "一、总体情况",
                "2024年，我市坚持以习近平新时代中国特色社会主义思想为指导，认真执行条例。",
                "（一）主动公开情况。全年主动公开信息"
            ]
        );
        assert_eq!(doc.notes[0].kind, NoteKind::PageFooter);
    }

    #[test]
    fn running_headers_and_footers_are_left_out() {
        let on_page = |n: u32, body: &str| {
            let texts = vec![
                text(&format!("12/6/26, 5:0{n} AM 某区2024年政府信息公开工作年度报告_年报"), 20.0, 20.0, 8.0),
                text(body, 100.0, 300.0, 16.0),
                text(&format!("https://www.example.gov.cn/art/2025/1/2/art_1.html {n}/2"), 20.0, 820.0, 8.0),
            ];
            page(n, texts, Vec::new(), Vec::new())
        };
        let doc =
            read_pages(&[on_page(1, "一、总体情况"), on_page(2, "二、主动公开政府信息情况")], &ReadOptions::default());
        assert_eq!(texts_of(&doc), vec!["一、总体情况", "二、主动公开政府信息情况"]);
        // On one page alone, a line at the top is the page's own (a title).
        let doc = read_pages(&[on_page(1, "一、总体情况")], &ReadOptions::default());
        assert_eq!(texts_of(&doc)[0], "12/6/26, 5:01 AM某区2024年政府信息公开工作年度报告_年报");
    }

    #[test]
    fn a_table_and_a_paragraph_go_on_over_the_page_break() {
        let xs = [50.0, 150.0, 250.0];
        let first = page(
            1,
            vec![
                text("本段文字写到了这一页的最末一行并且一直写到", 74.0, 700.0, 16.0),
                text("右边距为止还没有写完这一段文字没有写完的", 74.0, 728.0, 16.0),
                text("规章", 55.0, 770.0, 10.0),
                text("0", 155.0, 770.0, 10.0),
            ],
            grid(&xs, &[750.0, 780.0], &[]),
            Vec::new(),
        );
        let second = page(
            2,
            vec![text("行政规范性文件", 55.0, 120.0, 10.0), text("3", 155.0, 120.0, 10.0)],
            grid(&xs, &[100.0, 130.0], &[]),
            Vec::new(),
        );
        let doc = read_pages(&[first, second], &ReadOptions::default());
        assert_eq!(texts_of(&doc)[1], "规章|0/行政规范性文件|3");
        let Block::Table(t) = &doc.blocks[1] else { panic!() };
        assert_eq!(doc.places[t.rows[1].span().start].page, 2);
    }

    #[test]
    fn a_row_cut_by_the_page_break_is_still_a_row() {
        // The page starts inside a row: its columns' rulings begin at the top, its first
        // horizontal ruling comes below the row.
        let mut lines = grid(&[50.0, 150.0, 250.0], &[40.0, 70.0], &[]);
        lines.extend([[50.0, 5.0, 50.0, 40.0], [150.0, 5.0, 150.0, 40.0], [250.0, 5.0, 250.0, 40.0]]);
        let texts = vec![
            text("3.其他", 55.0, 25.0, 10.0),
            text("2", 155.0, 25.0, 10.0),
            text("（七）总计", 55.0, 60.0, 10.0),
            text("75", 155.0, 60.0, 10.0),
        ];
        let doc = read_pages(&[page(1, texts, lines, Vec::new())], &ReadOptions::default());
        assert_eq!(texts_of(&doc), vec!["3.其他|2/（七）总计|75"]);
    }

    #[test]
    fn hostile_pages_are_read_in_bounded_time() {
        let lines: Vec<[f32; 4]> = (0..30_000).map(|i| [0.0, i as f32 * 0.01, 500.0, i as f32 * 0.01]).collect();
        let texts = vec![PdfText { text: "x".repeat(1000), x: f32::NAN, y: 1.0, width: f32::INFINITY, size: -1.0 }];
        let doc = read_pages(&[page(1, texts, lines, vec![[f32::NAN, 0.0, 1.0, 1.0]])], &ReadOptions::default());
        assert!(doc.blocks.is_empty());
    }
}
