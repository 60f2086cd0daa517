//! Resolving rows and cells with `rowspan`/`colspan` into a grid, after the HTML
//! standard's "forming a table" algorithm, with a cell budget so hostile input cannot
//! allocate without bound.

use crate::document::{CellRef, Grid, NoteKind, ReadNote, Row, Slot};

/// The HTML standard clamps `colspan` to 1000.
pub const MAX_COLSPAN: u16 = 1000;
/// The HTML standard clamps `rowspan` to 65534.
pub const MAX_ROWSPAN: u16 = 65534;

/// How large a grid may grow. Real report tables have a few hundred positions.
#[derive(Clone, Copy, Debug)]
pub struct GridLimits {
    /// Maximum number of grid positions (height × width) of one table.
    pub max_slots: usize,
}

impl Default for GridLimits {
    fn default() -> Self {
        GridLimits { max_slots: 1 << 18 }
    }
}

/// Parse a `colspan` attribute value the way the HTML standard does ("rules for parsing
/// non-negative integers"; 0 or invalid → 1; clamped to 1000).
pub fn parse_colspan(value: Option<&str>) -> u16 {
    match value.and_then(parse_non_negative) {
        Some(0) | None => 1,
        Some(n) => u16::try_from(n).unwrap_or(MAX_COLSPAN).min(MAX_COLSPAN),
    }
}

/// Parse a `rowspan` attribute value (invalid → 1; 0 kept: "to the end of the row
/// group"; clamped to 65534).
pub fn parse_rowspan(value: Option<&str>) -> u16 {
    match value.and_then(parse_non_negative) {
        None => 1,
        Some(n) => u16::try_from(n).unwrap_or(MAX_ROWSPAN).min(MAX_ROWSPAN),
    }
}

/// The HTML standard's rules for parsing non-negative integers: skip ASCII whitespace,
/// an optional `+`, then digits; anything after them is ignored.
fn parse_non_negative(s: &str) -> Option<u64> {
    let s = s.trim_start_matches([' ', '\t', '\n', '\r', '\x0c']);
    let s = s.strip_prefix('+').unwrap_or(s);
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    // Saturate instead of overflowing on absurdly long digit runs.
    Some(s[..digits].bytes().fold(0u64, |n, d| n.saturating_mul(10).saturating_add(u64::from(d - b'0'))))
}

struct Builder<'a> {
    table: usize,
    limits: GridLimits,
    notes: &'a mut Vec<ReadNote>,
    rows: Vec<Vec<Slot>>,
    source_rows: Vec<Option<u32>>,
    width: usize,
    capped: bool,
}

impl Builder<'_> {
    fn note(&mut self, kind: NoteKind, message: String, position: Option<(usize, usize)>) {
        self.notes.push(ReadNote { kind, message, span: None, table: Some(self.table), position });
    }

    fn cap(&mut self) {
        if !self.capped {
            self.capped = true;
            let max = self.limits.max_slots;
            self.note(
                NoteKind::GridCapped,
                format!(
                    "table {} would exceed {max} grid positions; its row and column spans were clipped",
                    self.table
                ),
                None,
            );
        }
    }

    fn occupied(&self, y: usize, x: usize) -> bool {
        self.rows.get(y).and_then(|r| r.get(x)).is_some_and(|s| *s != Slot::Empty)
    }

    /// At the end of a row group, cells with rowspan=0 grow down to the bottom of the grid
    /// (which other cells' rowspans may have pushed past the group's last row).
    fn grow_downward(&mut self, growing: &mut Vec<(usize, usize, usize, CellRef)>) {
        let height = self.rows.len();
        for (y0, x, cs, cell) in growing.drain(..) {
            for yy in y0 + 1..height {
                let row = &mut self.rows[yy];
                if row.len() < x + cs {
                    row.resize(x + cs, Slot::Empty);
                }
                for slot in row.iter_mut().skip(x).take(cs) {
                    if *slot == Slot::Empty {
                        *slot = Slot::Covered(cell);
                    }
                }
            }
        }
    }

    fn ensure_height(&mut self, h: usize) {
        while self.rows.len() < h {
            self.rows.push(Vec::new());
            self.source_rows.push(None);
        }
    }

    /// Place one cell with its top-left corner at (y, x). Returns false when the budget
    /// leaves no room at all.
    fn place(&mut self, y: usize, x: usize, rs: usize, cs: usize, cell: CellRef) -> bool {
        let budget = self.limits.max_slots.max(1);
        let mut cs = cs.max(1);
        let mut rs = rs.max(1);
        let height = self.rows.len().max(y + 1);
        // Width first: the row itself must fit.
        let max_width = budget / height;
        if x >= max_width {
            self.cap();
            return false;
        }
        if x + cs > max_width {
            cs = max_width - x;
            self.cap();
        }
        let width = self.width.max(x + cs);
        let max_height = budget / width;
        if y + rs > max_height {
            if y >= max_height {
                self.cap();
                return false;
            }
            rs = max_height - y;
            self.cap();
        }
        self.width = width;
        self.ensure_height(y + rs);
        let mut overlapped = false;
        for yy in y..y + rs {
            let row = &mut self.rows[yy];
            if row.len() < x + cs {
                row.resize(x + cs, Slot::Empty);
            }
            for (xx, slot) in row.iter_mut().enumerate().skip(x).take(cs) {
                if *slot == Slot::Empty {
                    *slot = if yy == y && xx == x { Slot::Anchor(cell) } else { Slot::Covered(cell) };
                } else if !overlapped {
                    overlapped = true;
                    let other = slot.cell();
                    let message = match other {
                        Some(o) => format!(
                            "table {}: the cell at source row {}, cell {} overlaps the cell at source row {}, cell {} (grid row {}, column {})",
                            self.table, cell.row, cell.cell, o.row, o.cell, yy, xx
                        ),
                        None => String::new(),
                    };
                    self.notes.push(ReadNote {
                        kind: NoteKind::GridOverlap,
                        message,
                        span: None,
                        table: Some(self.table),
                        position: Some((yy, xx)),
                    });
                }
            }
        }
        true
    }
}

/// Resolve `rows` into a grid. Rows with [`Row::skipped`] set take no part. Problems are
/// appended to `notes`; this never panics and never allocates more than
/// `limits.max_slots` positions.
///
/// `quirks_mode`: the document is in quirks mode (no doctype, as most pasted fragments),
/// where `rowspan=0` means 1 instead of "grow to the end of the row group".
pub fn build_grid(
    table: usize,
    rows: &[Row],
    limits: GridLimits,
    quirks_mode: bool,
    notes: &mut Vec<ReadNote>,
) -> Grid {
    let mut b = Builder { table, limits, notes, rows: Vec::new(), source_rows: Vec::new(), width: 0, capped: false };
    let included: Vec<usize> = (0..rows.len()).filter(|&i| rows[i].skipped.is_none()).collect();
    // For rowspan=0: how many included rows remain in the same group, counting this one.
    let mut remaining_in_group = vec![0usize; included.len()];
    for k in (0..included.len()).rev() {
        let same_as_next = k + 1 < included.len() && rows[included[k + 1]].group == rows[included[k]].group;
        remaining_in_group[k] = 1 + if same_as_next { remaining_in_group[k + 1] } else { 0 };
    }
    // Cells with rowspan=0 in the current row group: (anchor row, column, colspan, cell).
    let mut growing: Vec<(usize, usize, usize, CellRef)> = Vec::new();
    'rows: for (y, &ri) in included.iter().enumerate() {
        if y > 0 && rows[included[y - 1]].group != rows[ri].group {
            b.grow_downward(&mut growing);
        }
        if (y + 1).saturating_mul(b.width.max(1)) > b.limits.max_slots {
            b.cap();
            break;
        }
        b.ensure_height(y + 1);
        b.source_rows[y] = Some(ri as u32);
        let mut x = 0usize;
        for (ci, cell) in rows[ri].cells.iter().enumerate() {
            while b.occupied(y, x) {
                x += 1;
            }
            let grows = cell.rowspan() == 0 && !quirks_mode;
            let rs = if grows { remaining_in_group[y] } else { cell.rowspan().max(1) as usize };
            let cs = cell.colspan().clamp(1, MAX_COLSPAN) as usize;
            let r = CellRef { row: ri as u32, cell: ci as u32 };
            if !b.place(y, x, rs.min(MAX_ROWSPAN as usize), cs, r) {
                continue 'rows;
            }
            if grows {
                growing.push((y, x, cs, r));
            }
            x += cs;
        }
    }
    b.grow_downward(&mut growing);
    // Rows that exist only because a rowspan ran past the end.
    for y in 0..b.rows.len() {
        if b.source_rows[y].is_none() {
            b.note(
                NoteKind::GridRowWithoutCell,
                format!("table {table}: grid row {y} has no cell of its own (a rowspan runs past the last row)"),
                Some((y, 0)),
            );
            break;
        }
    }
    Grid::from_rows(b.width, b.rows, b.source_rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Cell, CellTexts, Span};
    use std::cell::RefCell;

    thread_local! {
        /// The texts of the cells the tests make (only read back to print the grid).
        static TEXTS: RefCell<CellTexts> = RefCell::new(CellTexts::default());
    }

    fn cell(text: &str, rowspan: u16, colspan: u16) -> Cell {
        let text = TEXTS.with(|t| t.borrow_mut().push(text));
        Cell::new(text, Span::default(), rowspan, colspan, false)
    }

    fn row(cells: Vec<Cell>) -> Row {
        Row::new(Span::default(), 0, None, cells.into())
    }

    fn texts(rows: &[Row], g: &Grid) -> Vec<Vec<String>> {
        (0..g.height())
            .map(|r| {
                g.row(r)
                    .map(|s| match s {
                        Slot::Anchor(c) => {
                            let text = rows[c.row as usize].cells[c.cell as usize].text;
                            TEXTS.with(|t| t.borrow().get(text).to_string())
                        }
                        Slot::Covered(_) => "^".into(),
                        Slot::Empty => ".".into(),
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn spans_resolve_like_the_html_standard() {
        let rows = vec![row(vec![cell("a", 2, 1), cell("b", 1, 2)]), row(vec![cell("c", 1, 1), cell("d", 1, 1)])];
        let mut notes = vec![];
        let g = build_grid(0, &rows, GridLimits::default(), false, &mut notes);
        assert_eq!(texts(&rows, &g), vec![vec!["a", "b", "^"], vec!["^", "c", "d"]]);
        assert!(notes.is_empty());
    }

    #[test]
    fn rowspan_zero_runs_to_the_end_of_the_group() {
        let mut rows = vec![
            row(vec![cell("a", 0, 1), cell("b", 1, 1)]),
            row(vec![cell("c", 1, 1)]),
            row(vec![cell("d", 1, 1)]),
            row(vec![cell("e", 1, 1), cell("f", 1, 1)]),
        ];
        rows[3].group = 1;
        let mut notes = vec![];
        let g = build_grid(0, &rows, GridLimits::default(), false, &mut notes);
        assert_eq!(texts(&rows, &g), vec![vec!["a", "b"], vec!["^", "c"], vec!["^", "d"], vec!["e", "f"]]);
    }

    #[test]
    fn rowspan_zero_grows_with_rows_other_cells_add() {
        // 癸 (rowspan 3) pushes the grid two rows past the group; 庚 (rowspan 0) follows.
        let rows = vec![row(vec![cell("庚", 0, 1), cell("辛", 1, 1)]), row(vec![cell("壬", 1, 1), cell("癸", 3, 1)])];
        let mut notes = vec![];
        let g = build_grid(0, &rows, GridLimits::default(), false, &mut notes);
        assert_eq!(
            texts(&rows, &g),
            vec![vec!["庚", "辛", "."], vec!["^", "壬", "癸"], vec!["^", ".", "^"], vec!["^", ".", "^"]]
        );
        let mut notes = vec![];
        let g = build_grid(0, &rows, GridLimits::default(), true, &mut notes);
        assert_eq!(texts(&rows, &g)[1], vec!["壬", "癸"]);
    }

    #[test]
    fn overlap_is_reported_and_first_cell_keeps_the_slot() {
        let rows = vec![row(vec![cell("a", 1, 1), cell("b", 2, 1)]), row(vec![cell("c", 1, 3)])];
        let mut notes = vec![];
        let g = build_grid(3, &rows, GridLimits::default(), false, &mut notes);
        assert_eq!(texts(&rows, &g), vec![vec!["a", "b", "."], vec!["c", "^", "^"]]);
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].kind, NoteKind::GridOverlap);
        assert_eq!(notes[0].position, Some((1, 1)));
        assert_eq!(notes[0].table, Some(3));
    }

    #[test]
    fn rowspan_past_the_end_grows_the_grid_and_is_noted() {
        let rows = vec![row(vec![cell("a", 3, 1), cell("b", 1, 1)])];
        let mut notes = vec![];
        let g = build_grid(0, &rows, GridLimits::default(), false, &mut notes);
        assert_eq!(g.height(), 3);
        assert_eq!(notes[0].kind, NoteKind::GridRowWithoutCell);
    }

    #[test]
    fn giant_spans_are_capped_not_allocated() {
        let rows = vec![row(vec![cell("a", MAX_ROWSPAN, MAX_COLSPAN)]); 50];
        let mut notes = vec![];
        let limits = GridLimits { max_slots: 10_000 };
        let g = build_grid(0, &rows, limits, false, &mut notes);
        assert!(g.width() * g.height() <= 10_000);
        assert_eq!(notes.iter().filter(|n| n.kind == NoteKind::GridCapped).count(), 1);
    }

    #[test]
    fn span_attributes_parse_like_browsers() {
        assert_eq!(parse_colspan(Some("2")), 2);
        assert_eq!(parse_colspan(Some(" +3x")), 3);
        assert_eq!(parse_colspan(Some("abc")), 1);
        assert_eq!(parse_colspan(Some("0")), 1);
        assert_eq!(parse_colspan(Some("99999")), 1000);
        assert_eq!(parse_colspan(Some("999999999999999999999999999999")), 1000);
        assert_eq!(parse_rowspan(Some("0")), 0);
        assert_eq!(parse_rowspan(Some("-1")), 1);
        assert_eq!(parse_rowspan(Some("99999")), 65534);
        assert_eq!(parse_rowspan(None), 1);
    }
}
