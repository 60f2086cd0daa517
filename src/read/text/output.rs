//! The blocks and notes a read produces: paragraphs, dropped page footers, and tables
//! built from a region's lines (each shape cuts its own lines into cells).

use super::lines::{trim_bounds, Kind, Line};
use super::markdown::clean_md_into;
use super::{layout, markdown, tabs, RegionKind};
use crate::document::{Block, Cell, CellTexts, NoteKind, Paragraph, ReadNote, Row, Span, Table};
use crate::read::grid::build_grid;
use crate::read::normalize::{finish, push_normalized};
use crate::read::ReadOptions;

/// The cell texts of the table being read, and a buffer to normalise each in.
#[derive(Default)]
pub(super) struct CellGatherer {
    texts: CellTexts,
    scratch: String,
}

impl CellGatherer {
    /// A cell from `text`, which starts at byte `abs` of the input (`md`: a Markdown cell);
    /// its normalised text joins the table's texts.
    pub(super) fn cell(&mut self, abs: usize, text: &str, md: bool) -> Cell {
        let (s, e) = trim_bounds(text);
        let range = if md {
            self.scratch.clear();
            clean_md_into(&mut self.scratch, text);
            self.texts.push(&self.scratch)
        } else {
            self.scratch.clear();
            push_normalized(&mut self.scratch, text);
            finish(&mut self.scratch);
            self.texts.push(&self.scratch)
        };
        Cell::new(range, Span::new(abs + s, abs + e), 1, 1, false)
    }
}

pub(super) struct Emitter<'a> {
    pub(super) options: &'a ReadOptions,
    pub(super) blocks: Vec<Block>,
    pub(super) notes: Vec<ReadNote>,
    pub(super) tables: usize,
}

impl Emitter<'_> {
    pub(super) fn paragraph(&mut self, p: Paragraph) {
        self.blocks.push(Block::Paragraph(p));
    }

    pub(super) fn footer(&mut self, line: &Line<'_>, table: Option<usize>) {
        let (start, t) = line.trimmed();
        self.notes.push(ReadNote {
            kind: NoteKind::PageFooter,
            message: format!("page footer \"{t}\" removed (页脚已删除)"),
            span: Some(Span::new(start, start + t.len())),
            table,
            position: None,
        });
    }

    /// A table from the lines of a region (each with its kind), in order.
    pub(super) fn table<'a>(&mut self, region: RegionKind, lines: impl Iterator<Item = (Line<'a>, Kind)>) {
        let index = self.tables;
        self.tables += 1;
        let mut rows: Vec<Row> = Vec::new();
        let mut span: Option<Span> = None;
        let mut gather = CellGatherer::default();
        // Cells of the row being gathered (cell-per-line shape only).
        let mut pending: Vec<Cell> = Vec::new();
        let mut pending_span: Option<Span> = None;
        for (line, kind) in lines {
            let line_span = Span::new(line.start, line.end());
            span = Some(span.map_or(line_span, |s| s.cover(line_span)));
            if kind == Kind::Footer {
                self.footer(&line, Some(index));
                continue;
            }
            let cells: Vec<Cell> = match (region, kind) {
                (_, Kind::Blank) => {
                    if let Some(span) = pending_span.take() {
                        let cells = std::mem::take(&mut pending).into_boxed_slice();
                        rows.push(Row::new(span, 0, None, cells));
                    }
                    continue;
                }
                (RegionKind::Seed, _) => {
                    let rest = line.text.get(1..).unwrap_or("");
                    pending.push(gather.cell(line.start + 1, rest, false));
                    pending_span = Some(pending_span.map_or(line_span, |s| s.cover(line_span)));
                    continue;
                }
                (RegionKind::Tsv, _) => tabs::tsv_cells(&line, &mut gather),
                (RegionKind::Pipe, _) => match markdown::row_cells(&line, &mut gather) {
                    Some(cells) => cells,
                    None => continue,
                },
                (RegionKind::Layout, _) => layout::row_cells(&line, &mut gather),
            };
            if cells.is_empty() {
                continue;
            }
            let (s, e) = trim_bounds(line.text);
            let span = Span::new(line.start + s, line.start + e);
            rows.push(Row::new(span, 0, None, cells.into_boxed_slice()));
        }
        if let Some(span) = pending_span.take() {
            rows.push(Row::new(span, 0, None, pending.into_boxed_slice()));
        }
        rows.shrink_to_fit();
        let grid = build_grid(index, &rows, self.options.grid, false, &mut self.notes);
        let texts = gather.texts.finish();
        self.blocks.push(Block::Table(Box::new(Table::new(index, span.unwrap_or_default(), rows, grid, texts))));
    }
}
