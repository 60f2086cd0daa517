//! Plain-text reader: Word/Excel plain-text pastes, `pdftotext` output (raw and
//! `-layout`), Markdown (converted or OCR'd PDFs) and flattened page text.
//!
//! The input is cut into lines (`\n`, `\r\n` or a lone `\r`), every line is classified,
//! runs of lines are grouped into table regions, and what is left becomes paragraphs.
//!
//! Table shapes recognised:
//!
//! * **TSV paste** (Word/Excel "copy as text"): a line with a TAB between at least two
//!   non-empty fields is a row; consecutive such lines (and TAB-led lines among them) form
//!   one table; cells are split on TABs.
//! * **Cell-per-line** (Word's text export, the seed `xizou-2019.txt`): every cell on its
//!   own line led by one TAB, `\t` alone an empty cell, rows separated by empty lines. The
//!   region is the maximal run of TAB-led and blank lines. It is a table when it holds at
//!   least four cells, one row has two or more, and fewer than half of its non-empty cells
//!   end a sentence (otherwise the lines are TAB-indented paragraphs).
//! * **`pdftotext -layout`**: a *columnar* line has, after its indentation, a gap of two or
//!   more spaces between text; cells are split on those gaps (one space stays inside a
//!   cell). A run of columnar lines is a table; blank lines, page footers and up to
//!   [`LAYOUT_MAX_LOOSE`] single-cell lines (wrapped labels, vertical headers) between them
//!   belong to it as one-cell rows. A section heading (`四、` + six CJK characters, no gap)
//!   or a single-cell line ending a sentence (`。！？`) ends the run. Up to
//!   [`LAYOUT_MAX_LOOSE`] short single-cell lines (≤ [`LAYOUT_LEAD_MAX_CHARS`] characters)
//!   right before the first columnar line (a centred "申请人情况", "第二十条第（一）项")
//!   are taken in too, stopping at a heading or a sentence end. A run is a table only
//!   when it has two columnar lines and one of them has three cells or a numeric cell.
//! * **Markdown pipe tables**: consecutive lines starting with `|`; alignment rows
//!   (`|---|:--:|`) are dropped; `\|` is an escaped pipe. Separate Markdown tables stay
//!   separate tables.
//!
//! Everything else is a paragraph. Page footers (`-3-`, `— 1 —`, `第 3 页`, `3/12`) are
//! dropped everywhere outside TAB/pipe cells and noted ([`NoteKind::PageFooter`]).
//! Hard-wrapped prose (PDF extractions) is re-joined: a line continues the previous
//! paragraph when that one's last line is "full" (display width ≥ [`FULL_LINE_PERCENT`] %
//! of the document's 90th-percentile prose line width) and does not end a sentence, and
//! the line is no heading and no bare number; blank lines end a paragraph unless a page
//! footer was dropped between (a page break). Joining is disabled when the document has
//! fewer than [`WRAP_MIN_LINES`] prose lines or its typical line is wider than
//! [`WRAP_MAX_WIDTH`] columns (one paragraph per line, as Word or portal text is).
//!
//! The files, by job: `lines.rs` cuts the input into lines and tells their kinds (and page
//! footers); `chars.rs` holds the character classes and line shapes (headings, sentence
//! ends, numbers); `tabs.rs` (TSV pastes, cell-per-line), `markdown.rs` (pipe tables) and
//! `layout.rs` (`pdftotext -layout` columns) each find their table regions and cut their
//! rows into cells; `wrapping.rs` builds paragraphs and joins hard-wrapped prose;
//! `output.rs` turns it all into blocks and notes. (Flattened text, a table whose cell
//! boundaries are lost, is read here as paragraphs; `recognize::text_tables` finds the
//! table in it.)
//!
//! Everything here is linear in the input (plus one sort of the line widths), and no
//! input-derived index is used unchecked.

mod chars;
mod layout;
mod lines;
mod markdown;
mod output;
mod tabs;
mod wrapping;

use crate::document::{Document, InputKind};
use crate::read::ReadOptions;
pub(crate) use chars::is_cjk;
pub(crate) use lines::is_footer;
use lines::{classify, split_lines, Kind, Line};
use output::Emitter;
use wrapping::{wrap_width, ParaBuilder, ParaLine};

/// A prose line is "full" when its width is at least this percentage of the typical one.
pub const FULL_LINE_PERCENT: usize = 85;
/// Fewer prose lines than this: no wrap width can be inferred, nothing is joined.
pub const WRAP_MIN_LINES: usize = 8;
/// A typical (90th-percentile) line wider than this many columns is not hard-wrapped.
pub const WRAP_MAX_WIDTH: usize = 240;
/// At most this many non-blank single-cell lines in a row inside (or right before) a
/// `-layout` table.
pub const LAYOUT_MAX_LOOSE: usize = 8;
/// Single-cell lines taken into a `-layout` table from before its first columnar line
/// are at most this many characters long.
pub const LAYOUT_LEAD_MAX_CHARS: usize = 30;

pub fn read_text<'a>(input: &'a str, options: &ReadOptions) -> Document<'a> {
    // The input is cut into lines once: the passes that look back and ahead need all lines at
    // once, and the document is then built walking them once more in order.
    let lines = split_lines(input);
    let kinds: Vec<Kind> = lines.iter().map(classify).collect();
    let regions = find_regions(&lines, &kinds);
    let (wrap_width, line_widths, prose_lines) = wrap_width(&lines, &kinds, &regions);

    // At most a paragraph per prose line and a table per region.
    let blocks = Vec::with_capacity(prose_lines + regions.len());
    let mut out = Emitter { options, blocks, notes: Vec::new(), tables: 0 };
    let mut para = ParaBuilder::default();
    let mut line_text = String::new();
    let mut gap_blank = false;
    let mut gap_footer = false;
    let mut next_region = regions.iter().peekable();
    let mut lines = lines.iter().copied();
    let mut i = 0;
    while let Some(line) = lines.next() {
        if let Some(region) = next_region.next_if(|r| r.first == i) {
            if let Some(p) = para.take() {
                out.paragraph(p);
            }
            let more = region.last.saturating_sub(region.first);
            let region_lines = std::iter::once(line).chain(lines.by_ref().take(more));
            let region_kinds = kinds.get(region.first..=region.last).unwrap_or(&[]);
            out.table(region.kind, region_lines.zip(region_kinds.iter().copied()));
            gap_blank = false;
            gap_footer = false;
            i = region.last + 1;
            continue;
        }
        let kind = kinds.get(i).copied().unwrap_or(Kind::Blank);
        match kind {
            Kind::Blank => gap_blank = true,
            Kind::Footer => {
                out.footer(&line, None);
                gap_footer = true;
            }
            _ => {
                let unspaced = kind == Kind::Plain { blanks: false };
                match ParaLine::new(&line, line_widths.get(i).copied().unwrap_or(0), unspaced, &mut line_text) {
                    None => gap_blank = true,
                    Some(pl) => {
                        if (!gap_blank || gap_footer) && para.accepts(&pl, wrap_width) {
                            para.push(&pl);
                        } else {
                            if let Some(p) = para.take() {
                                out.paragraph(p);
                            }
                            para.start(&pl);
                        }
                        gap_blank = false;
                        gap_footer = false;
                    }
                }
            }
        }
        i += 1;
    }
    if let Some(p) = para.take() {
        out.paragraph(p);
    }
    // The block list is kept for the whole check: no spare capacity.
    let mut blocks = out.blocks;
    blocks.shrink_to_fit();
    Document {
        input: InputKind::Text,
        source: input.into(),
        blocks,
        notes: out.notes,
        marks: Vec::new(),
        places: Vec::new(),
        dom_texts: Vec::new(),
    }
}

// ---------------------------------------------------------------------------------------
// Regions: runs of lines that form a table, by shape

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RegionKind {
    Tsv,
    Seed,
    Pipe,
    Layout,
}

#[derive(Clone, Copy, Debug)]
struct Region {
    kind: RegionKind,
    first: usize,
    last: usize,
}

/// The regions found so far, and which lines they have taken.
struct Regions {
    list: Vec<Region>,
    taken: Vec<bool>,
}

impl Regions {
    fn take(&mut self, kind: RegionKind, first: usize, last: usize) {
        for t in self.taken.iter_mut().take(last + 1).skip(first) {
            *t = true;
        }
        self.list.push(Region { kind, first, last });
    }
}

fn find_regions(lines: &[Line<'_>], kinds: &[Kind]) -> Vec<Region> {
    let n = kinds.len().min(lines.len());
    let (lines, kinds) = (&lines[..n], &kinds[..n]);
    let mut found = Regions { list: Vec::new(), taken: vec![false; n] };

    // TAB and pipe shapes: they need no look-back.
    let mut i = 0;
    while i < n {
        i = match kinds[i] {
            Kind::TabCell | Kind::Tsv { .. } => tabs::find(lines, kinds, i, &mut found),
            Kind::Pipe => markdown::find(lines, kinds, i, &mut found),
            _ => i + 1,
        };
    }

    // `pdftotext -layout` tables.
    layout::find(lines, kinds, &mut found);
    let mut regions = found.list;
    crate::order::sort_by_key(&mut regions, |r| (r.first as u64, 0));
    regions
}

/// What the tests of every shape read with.
#[cfg(test)]
mod testkit {
    use super::read_text;
    use crate::document::{CellAddress, CellRef, Document, Table};
    use crate::read::normalize::normalize;
    use crate::read::ReadOptions;

    pub(super) fn read(input: &str) -> Document<'_> {
        read_text(input, &ReadOptions::default())
    }

    pub(super) fn paragraphs<'d>(doc: &'d Document) -> Vec<&'d str> {
        doc.paragraphs().map(|p| p.text.as_str()).collect()
    }

    pub(super) fn rows(t: &Table) -> Vec<Vec<&str>> {
        t.rows.iter().map(|r| r.cells.iter().map(|c| t.text(c)).collect()).collect()
    }

    /// Every cell's span slices back to its text (for inputs without inner whitespace runs).
    pub(super) fn spans_slice_back(input: &str, doc: &Document) {
        for t in doc.tables() {
            for (r, row) in t.rows.iter().enumerate() {
                for (c, cell) in row.cells.iter().enumerate() {
                    assert_eq!(normalize(&input[cell.span().start..cell.span().end]), t.text(cell));
                    assert_eq!(t.address(CellRef { row: r as u32, cell: c as u32 }), CellAddress::new(t.index, r, c));
                    assert_eq!((cell.rowspan(), cell.colspan(), row.group, row.skipped), (1, 1, 0, None));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::testkit::read;
    use crate::document::Block;

    #[test]
    fn never_panics() {
        let huge = "一".repeat(200_000);
        let many = "a  1  2\n\n本\n".repeat(35_000);
        let tabs = "\t\t\t\n\t\n".repeat(1000);
        let pipes = "|\n||\n|---|\n| \\| |\n|\\\n".repeat(100);
        let cases: Vec<&str> = vec![
            "",
            "\n",
            "\n\n\n",
            " \u{3000}\u{a0}\n\t",
            "\t",
            "\t\t",
            "|",
            "||",
            "| |",
            "|---|",
            "\\|",
            "#",
            "## ",
            "**",
            "-",
            "—",
            "\r",
            "\r\r\n\r",
            "\u{feff}",
            "\0\0\0",
            "\u{fffd}\u{1}\u{7f}",
            "a  b",
            "  a  ",
            "1/",
            "第页",
            "第1",
            "-1",
            "１",
            &huge,
            &many,
            &tabs,
            &pipes,
        ];
        for c in cases {
            let doc = read(c);
            for b in &doc.blocks {
                match b {
                    Block::Paragraph(p) => {
                        assert!(p.span.start <= p.span.end && p.span.end <= c.len())
                    }
                    Block::Table(t) => {
                        assert!(t.span.end <= c.len());
                        assert!(t
                            .cells()
                            .all(|cell| cell.span().start <= cell.span().end && cell.span().end <= c.len()));
                    }
                }
            }
        }
        // 100 000 lines in well under a second (linear time).
        let lines =
            "（一）一二三四五六七八九十一二三四五六七八九十\n规章    1    0    11\n\t0\n| 1 | 2 |\n".repeat(25_000);
        let t = std::time::Instant::now();
        let doc = read(&lines);
        assert!(doc.blocks.len() > 10);
        assert!(t.elapsed() < std::time::Duration::from_secs(5), "{:?}", t.elapsed());
    }
}
