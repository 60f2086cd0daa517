//! Mapping the `Document`'s tables onto the statutory tables, row by row.
//!
//! Works the same on HTML grids, the seed's cell-per-line text, tab-separated pastes,
//! `pdftotext -layout` columns and Markdown tables: every grid row is read as label cells
//! followed by a trailing run of value cells (numbers, blanks, placeholders). Value rows are
//! then assigned to the official rows — by order when their number matches a layout exactly
//! (robust against wrapped, truncated or misspelt labels), otherwise by their labels in
//! order. Value cells are matched to columns by their order within the row, never by grid
//! column (docs/format.md §4.1: header and data rows of one table may use different spans).

use std::borrow::Cow;

use crate::document::{InputKind, Span, Table};
use crate::format::{rows as row_ids, Format, FormatVersion, Formats, GroupSpec, RowId, RowSpec, TableId, TableSpec};
use crate::message::{Args, Message, Text};
use crate::recognize::labels::{column_matches, official_words, row_score, row_score_of_words, words, OfficialRow};
use crate::recognize::model::{FoundTable, MappedCell, Origin, PrintedLabel, SubtotalRow, Unreadable};
use crate::recognize::value::{read_value, reads_as_number, Value};
use crate::strings::{char_count, JoinStr};

// Why a table or a row could not be read (TABLE-UNREADABLE's reasons).
const ODD_REQUEST_ROW: Message = Message {
    id: "TABLE-UNREADABLE/requests-row-width",
    zh: "该行有 {count} 个数值，应为 {expected} 个",
    en: english!("a row of 表三 has {count} values where {expected} are expected"),
};
const UNKNOWN_ROW: Message = Message {
    id: "TABLE-UNREADABLE/unknown-row",
    zh: "一行数值的名称与规定格式的任何一行都对不上",
    en: english!("a row of values whose label matches no official row"),
};
const NO_VALUE_ROW: Message = Message {
    id: "TABLE-UNREADABLE/no-value-row",
    zh: "未找到含 {count} 个数值的一行",
    en: english!("no row of {count} values found"),
};
const ROW_WIDTH: Message = Message {
    id: "TABLE-UNREADABLE/row-width",
    zh: "该行有 {count} 个数值，应为 {expected} 个",
    en: english!("the row has {count} values where {expected} are expected"),
};

/// One grid row read as labels and values.
#[derive(Clone, Debug)]
pub struct RowReading {
    /// Label cells anchored in this row, in order.
    pub labels: Vec<(String, Origin)>,
    /// Label text of cells covering this row from above (row-spanning group labels).
    pub context: Vec<String>,
    /// The trailing run of value cells anchored in this row.
    pub values: Vec<(Value, Origin)>,
    /// Label-only rows just before this one (wrapped label lines), joined.
    pub pending: String,
    pub span: Span,
}

impl RowReading {
    /// The row's own printed label (the last label cell), or the wrapped lines before it.
    pub fn printed_label(&self) -> String {
        match self.labels.last() {
            Some((l, _)) => l.clone(),
            None => self.pending.clone(),
        }
    }

    /// [`Self::printed_label`], borrowed.
    fn printed_label_str(&self) -> &str {
        self.labels.last().map_or(&self.pending, |(l, _)| l)
    }

    /// Everything that may name the row: context, pending lines and own labels.
    pub fn all_label_text(&self) -> String {
        let mut s = self.pending.clone();
        for c in &self.context {
            s.push_str(c);
        }
        for (l, _) in &self.labels {
            s.push_str(l);
        }
        s
    }

    fn label_origin(&self) -> Origin {
        self.labels.last().map(|(_, o)| *o).unwrap_or_default()
    }
}

/// Read every grid row of `tables` (in order) as labels + values. Rows without values
/// are kept (header rows and wrapped label lines) with an empty `values`.
pub fn read_rows(tables: &[&Table], input: InputKind) -> Vec<RowReading> {
    let mut out = Vec::new();
    for t in tables {
        let mut pending = String::new();
        // In HTML the columns line up: where the numbers start, values start, whatever a
        // cell holds (a `三` typed into a value cell is a bad value, not a label).
        let markup = input.is_markup();
        let value_start = if markup { value_start_column(t) } else { None };
        out.reserve(t.grid.height());
        for y in 0..t.grid.height() {
            // The distinct cells of this grid row, in order, with the column they start at
            // and whether they are anchored in this row.
            let mut cells = Vec::new();
            for (x, slot) in t.grid.row(y).enumerate() {
                let Some(r) = slot.cell() else { continue };
                if cells.last().is_some_and(|(prev, _, _)| *prev == r) {
                    continue;
                }
                let anchored_here = t.grid.source_rows.get(y).copied().flatten() == Some(r.row);
                cells.push((r, x, anchored_here));
            }
            let mut labels = Vec::new();
            let mut context = Vec::new();
            // Room for every cell at once (a value row holds as many values as it has cells
            // but its label): not grown value by value.
            let mut values: Vec<(Value, Origin)> = Vec::with_capacity(cells.len());
            // Blank cells before the label (an empty label column) are not values, unless
            // no label follows.
            let mut leading_blanks: Vec<(Value, Origin)> = Vec::new();
            let row_has_number =
                cells.iter().any(|&(r, _, here)| here && t.cell(r).is_some_and(|c| reads_as_number(t.text(c))));
            for &(r, x, here) in &cells {
                let Some(cell) = t.cell(r) else { continue };
                let origin = Origin { span: Some(cell.span()), cell: markup.then_some(t.address(r)) };
                let text = t.text(cell);
                let v = read_value(text);
                if !here {
                    if !v.is_value_like() {
                        #[cfg(feature = "text-readers")]
                        context.push(label_text(v, text));
                        #[cfg(not(feature = "text-readers"))]
                        context.push(text.to_string());
                    }
                    continue;
                }
                let in_value_columns =
                    row_has_number && value_start.is_some_and(|start| x >= start) && !labels.is_empty();
                if !values.is_empty() || in_value_columns {
                    // Once values have begun, whatever follows is a value (text included:
                    // CELL-NONNUM reports it).
                    values.push((v, origin));
                } else if !v.is_value_like() {
                    leading_blanks.clear();
                    #[cfg(feature = "text-readers")]
                    labels.push((label_text(v, text), origin));
                    #[cfg(not(feature = "text-readers"))]
                    labels.push((text.to_string(), origin));
                } else if v.is_number() {
                    values.append(&mut leading_blanks);
                    values.push((v, origin));
                } else if labels.is_empty() {
                    leading_blanks.push((v, origin));
                } else {
                    values.push((v, origin));
                }
            }
            if values.is_empty() && labels.is_empty() {
                values = leading_blanks;
            }
            let span = t
                .rows
                .get(t.grid.source_rows.get(y).copied().flatten().unwrap_or(0) as usize)
                .map_or(t.span, |r| r.span());
            let has_numbers = values.iter().any(|(v, _)| v.is_number());
            // Without a number, a row is a value row only when it has several value cells
            // (a row of blanks); one trailing blank is just an empty header cell.
            if values.is_empty() || (!has_numbers && (labels.is_empty() || values.len() < 2)) {
                // A label-only (or empty) row: remember it as a possible wrapped label line.
                for (l, _) in &labels {
                    pending.push_str(l);
                }
                out.push(RowReading { labels, context, values: Vec::new(), pending: String::new(), span });
                continue;
            }
            out.push(RowReading { labels, context, values, pending: std::mem::take(&mut pending), span });
        }
    }
    out
}

/// A label cell's text, `text` as [`read_value`] read it into `v`: the value's own text (the
/// cell trimmed) where nothing was trimmed, not a second copy. Only where the text readers
/// are (native, the second module): the eager module copies the cell, as before, 40 bytes
/// smaller.
#[cfg(feature = "text-readers")]
fn label_text(v: Value, text: &str) -> String {
    debug_assert_eq!(v.text, text.trim());
    if v.text.len() == text.len() {
        v.text.into_owned()
    } else {
        text.to_string()
    }
}

/// The grid column where the numbers of a table's rows most often start (rows with at least
/// three numbers).
fn value_start_column(t: &Table) -> Option<usize> {
    // (column, rows starting there); a table has few columns.
    let mut counts: Vec<(usize, usize)> = Vec::new();
    for y in 0..t.grid.height() {
        let numbers: Vec<usize> = (t.grid.row(y).enumerate())
            .filter(|&(x, slot)| {
                matches!(slot, crate::document::Slot::Anchor(_)) && t.anchored_text(y, x).is_some_and(reads_as_number)
            })
            .map(|(x, _)| x)
            .collect();
        if numbers.len() >= 3 {
            match counts.iter_mut().find(|(x, _)| *x == numbers[0]) {
                Some((_, n)) => *n += 1,
                None => counts.push((numbers[0], 1)),
            }
        }
    }
    counts.into_iter().max_by_key(|&(x, n)| (n, usize::MAX - x)).map(|(x, _)| x)
}

/// Read a run of blocks: tables row by row, and the short paragraphs between them as
/// label-only rows (a conversion may put a row's label on a loose line before its values).
pub fn read_blocks(blocks: &[&crate::document::Block], input: InputKind) -> Vec<RowReading> {
    use crate::document::Block;
    let mut out: Vec<RowReading> = Vec::new();
    let mut pending = String::new();
    for block in blocks {
        match block {
            Block::Table(t) => {
                let mut rows = read_rows(&[t], input);
                if let Some(first) = rows.iter_mut().find(|r| !r.values.is_empty()) {
                    if first.pending.is_empty() {
                        first.pending = std::mem::take(&mut pending);
                    }
                }
                pending.clear();
                out.extend(rows);
            }
            Block::Paragraph(p) => {
                if let Some(row) = label_and_numbers(p) {
                    out.push(row);
                    pending.clear();
                } else if char_count(&p.text) <= 40 {
                    pending.push_str(&p.text);
                    out.push(RowReading {
                        labels: vec![(p.text.clone(), Origin { span: Some(p.span), cell: None })],
                        context: vec![],
                        values: vec![],
                        pending: String::new(),
                        span: p.span,
                    });
                } else {
                    pending.clear();
                }
            }
        }
    }
    out
}

/// A loose line holding a row: a label, then numbers separated by spaces (`行政许可 0`).
fn label_and_numbers(p: &crate::document::Paragraph) -> Option<RowReading> {
    let parts: Vec<&str> = p.text.split(' ').filter(|s| !s.is_empty()).collect();
    let first_number = parts.iter().position(|s| reads_as_number(s))?;
    if first_number == 0 || parts[first_number..].iter().any(|s| !reads_as_number(s)) {
        return None;
    }
    let label = parts[..first_number].iter().join_str("");
    if char_count(&label) > 40 || label.ends_with(|c: char| c.is_ascii_digit()) || label.contains(['，', '。']) {
        return None;
    }
    let origin = Origin { span: Some(p.span), cell: None };
    Some(RowReading {
        labels: vec![(label, origin)],
        context: vec![],
        values: parts[first_number..].iter().map(|s| (read_value(s), origin)).collect(),
        pending: String::new(),
        span: p.span,
    })
}

/// Drop blank cells beyond the expected width at either end of a row (a Markdown row
/// closed with `|  |`, an empty first column).
fn trim_to_width(row: &RowReading, width: usize) -> Cow<'_, RowReading> {
    let values = trimmed_values(&row.values, width);
    if values.len() == row.values.len() {
        return Cow::Borrowed(row);
    }
    Cow::Owned(RowReading { values: values.to_vec(), ..row.clone() })
}

/// The part of a row's `values` that [`trim_to_width`] keeps.
fn trimmed_values(values: &[(Value, Origin)], width: usize) -> &[(Value, Origin)] {
    let mut values = values;
    while values.len() > width && values.last().is_some_and(|(v, _)| !v.is_number()) {
        values = &values[..values.len() - 1];
    }
    while values.len() > width && values.first().is_some_and(|(v, _)| !v.is_number()) {
        values = &values[1..];
    }
    values
}

/// Which statutory table a `Document` table looks like: the one whose keys
/// ([`TableSpec::keys`], in the revision where it holds most of them) it holds most of, at
/// least two.
pub fn classify(table: &Table, formats: Formats) -> Option<TableId> {
    let text: String = table.cells().map(|c| table.text(c)).join_str("|");
    let count = |keys: &[&str]| keys.iter().filter(|k| text.contains(*k)).count();
    let score = |id: TableId| {
        let mut best = 0;
        let mut counted: &[&str] = &[];
        for f in formats.iter() {
            let keys = f.table(id).keys;
            // The revisions mostly share a table's keys: the same keys are counted once.
            if keys != counted {
                best = best.max(count(keys));
                counted = keys;
            }
        }
        debug_assert_eq!(best, formats.iter().map(|f| count(f.table(id).keys)).max().unwrap_or(0));
        best
    };
    // On a tie the later wins: 表二 over 表四 over 表三.
    let best = [TableId::Requests, TableId::Review, TableId::Proactive]
        .into_iter()
        .map(|id| (score(id), id))
        .max_by_key(|(s, _)| *s)?;
    (best.0 >= 2).then_some(best.1)
}

/// Map the value rows of one statutory table (read from one or more `Document` tables) onto
/// the official format.
pub fn map_table(
    id: TableId,
    rows: &[RowReading],
    year: Option<u16>,
    formats: Formats,
    source_tables: Vec<usize>,
    span: Option<Span>,
) -> FoundTable {
    let year_format = formats.for_year_or_newest(year);
    match id {
        TableId::Requests => map_requests(rows, year_format, formats, source_tables, span),
        TableId::Review => map_single_group(year_format, TableId::Review, rows, None, source_tables, span),
        TableId::Proactive => map_proactive(rows, year_format, formats, source_tables, span),
    }
}

/// The cells of `row` from `values` (the printed row `reading`'s, or the part of them read)
/// and its printed label.
fn put_values(
    found: &mut FoundTable,
    group: &GroupSpec,
    row: &RowSpec,
    reading: &RowReading,
    values: &[(Value, Origin)],
) {
    for (column, (value, origin)) in group.columns.iter().zip(values) {
        found.cells.push(MappedCell { row: row.id, column: column.id, value: value.clone(), origin: *origin });
    }
    found.row_labels.push(PrintedLabel {
        id: row.id,
        printed: reading.printed_label(),
        origin: reading.label_origin(),
    });
}

/// Column headers: the label cells of rows before the first value row. A header naming
/// the column exactly wins over one that merely contains a key term (`其他` is inside
/// `法人或其他组织`); 表四's labels repeat per block, so its columns are found in order.
fn header_labels(found: &mut FoundTable, group: &GroupSpec, rows: &[RowReading]) {
    let headers: Vec<&(String, Origin)> =
        rows.iter().take_while(|r| r.values.is_empty()).flat_map(|r| r.labels.iter()).collect();
    if headers.is_empty() {
        return;
    }
    // Each header's words once, not once per column asked.
    let header_words: Vec<String> = headers.iter().map(|h| words(&h.0)).collect();
    let mut used = vec![false; headers.len()];
    let mut picks: Vec<Option<usize>> = vec![None; group.columns.len()];
    let mut from = 0;
    for pass in 0..2 {
        for (ci, column) in group.columns.iter().enumerate() {
            if picks[ci].is_some() {
                continue;
            }
            let start = if column.block.is_some() { from } else { 0 };
            let official = official_words(column.label);
            let hit = (start..headers.len()).find(|&h| {
                !used[h] && if pass == 0 { header_words[h] == official } else { column_matches(&headers[h].0, column) }
            });
            if let Some(h) = hit {
                used[h] = true;
                picks[ci] = Some(h);
                if column.block.is_some() {
                    from = h + 1;
                }
            }
        }
        from = 0;
    }
    for (column, pick) in group.columns.iter().zip(picks) {
        let (printed, origin) =
            pick.map_or((String::new(), Origin::default()), |h| (headers[h].0.clone(), headers[h].1));
        found.column_labels.push(PrintedLabel { id: column.id, printed, origin });
    }
}

/// 表三: order assignment when the number of 7-value rows matches a layout, label matching
/// otherwise; subtotal rows recognised by their group labels.
fn map_requests(
    rows: &[RowReading],
    year_format: &'static Format,
    formats: Formats,
    source_tables: Vec<usize>,
    span: Option<Span>,
) -> FoundTable {
    let width_of = |f: &Format| f.table(TableId::Requests).groups[0].columns.len();
    // Each row's label reduced once, for every layout tried. Where the text readers are
    // (native, the second module), rows without values are left out: never a value row,
    // since trimming keeps at least a layout's width (the eager module reduces them all,
    // 40 bytes smaller).
    #[cfg(feature = "text-readers")]
    let label_words: Vec<LabelWords> =
        rows.iter().map(|r| if r.values.is_empty() { LabelWords::default() } else { LabelWords::new(r) }).collect();
    #[cfg(not(feature = "text-readers"))]
    let label_words: Vec<LabelWords> = rows.iter().map(LabelWords::new).collect();
    // Try each revision's layout, the newest first; prefer the one that places every row
    // with the fewest label conflicts (the first of equals). Only the winner's cells are made.
    let mut best: Option<(usize, FoundTable, Placed)> = None;
    for f in formats.iter().rev() {
        let spec = f.table(TableId::Requests);
        // Each row's values trimmed to the layout's width, as slices of the row's.
        let value_rows: Vec<Labelled> = rows
            .iter()
            .zip(&label_words)
            .map(|(r, w)| Labelled { reading: r, values: trimmed_values(&r.values, width_of(f)), words: w })
            .filter(|l| l.values.len() == width_of(f))
            .collect();
        let (found, placed, conflicts) =
            assign_rows(spec, f, &value_rows, Some(f.version()), source_tables.clone(), span);
        let complete = placed.len() == spec.groups[0].rows.len();
        let cost = conflicts * 10
            + (spec.groups[0].rows.len() - placed.len().min(spec.groups[0].rows.len())) * 5
            + usize::from(!complete);
        if best.as_ref().is_none_or(|(c, _, _)| cost < *c) {
            best = Some((cost, found, placed));
        }
        // No later layout costs less than nothing.
        if cost == 0 {
            break;
        }
    }
    let (_, mut found, placed) = best
        .unwrap_or_else(|| (0, FoundTable::new(TableId::Requests, year_format, None, source_tables, span), Vec::new()));
    let f = found.format;
    put_all(&mut found, &f.table(TableId::Requests).groups[0], &placed);
    let width = width_of(f);
    // The header rows (before the first row with values) are never trimmed: the rows as
    // read give the same headers, without copying every row.
    header_labels(&mut found, &f.table(TableId::Requests).groups[0], rows);
    for r in rows {
        let values = trimmed_values(&r.values, width);
        if values.is_empty() || values.len() == width {
            continue;
        }
        found.unreadable.push(Unreadable {
            row: None.or_else(|| best_row(found.format.table(TableId::Requests), r)),
            reason: Text::new(&ODD_REQUEST_ROW, Args::new().text("count", values.len()).text("expected", width)),
            excerpt: Some(format!("{} {}", r.printed_label(), values.iter().map(|(v, _)| &*v.text).join_str(" "))),
            origin: Origin { span: Some(r.span), cell: None },
        });
    }
    found
}

fn best_row(spec: &TableSpec, r: &RowReading) -> Option<RowId> {
    let text = words(&r.all_label_text());
    let (_, row) = spec.rows().max_by_key(|(_, row)| row_score_of_words(&text, row))?;
    (row_score_of_words(&text, row) > 0).then_some(row.id)
}

/// A row's label reduced to its words once: its own label, and all the text that may name it.
#[cfg_attr(feature = "text-readers", derive(Default))]
struct LabelWords {
    own: String,
    all: String,
}

impl LabelWords {
    fn new(r: &RowReading) -> LabelWords {
        let (printed, all) = (r.printed_label_str(), r.all_label_text());
        let own = words(printed);
        // Most rows are named by their own label alone: its words are reduced once.
        let all = if all == printed { own.clone() } else { words(&all) };
        LabelWords { own, all }
    }
}

/// The official rows given to value rows, in order.
type Placed<'a> = Vec<(&'static RowSpec, Labelled<'a>)>;

/// The cells and printed labels of the rows `placed` gave.
fn put_all(found: &mut FoundTable, group: &GroupSpec, placed: &Placed) {
    // At most a group's width of cells per row: room for them at once, not grown.
    found.cells.reserve_exact(placed.len() * group.columns.len());
    for (row, labelled) in placed {
        put_values(found, group, row, labelled.reading, labelled.values);
    }
}

/// A value row, its values (trimmed to a layout's width) and its label's words.
#[derive(Clone, Copy)]
struct Labelled<'a> {
    reading: &'a RowReading,
    values: &'a [(Value, Origin)],
    words: &'a LabelWords,
}

/// Assign value rows to the official rows of a one-group table. Returns the table without
/// its cells and row labels, the rows placed (whose cells [`put_all`] makes) and the number
/// of rows whose label contradicts the row they were given.
///
/// The group's rows and group labels are reduced once, each value row's label once (by the
/// caller); rows are matched in order, so a row whose label is an official row's word for
/// word ends the search at that row.
fn assign_rows<'a>(
    spec: &'static TableSpec,
    f: &'static Format,
    value_rows: &[Labelled<'a>],
    layout: Option<FormatVersion>,
    source_tables: Vec<usize>,
    span: Option<Span>,
) -> (FoundTable, Placed<'a>, usize) {
    let group = &spec.groups[0];
    let mut found = FoundTable::new(spec.id, f, layout, source_tables, span);
    let mut placed = Vec::with_capacity(value_rows.len());
    let official: Vec<OfficialRow> = group.rows.iter().map(OfficialRow::new).collect();
    // No label scores above this against any row of the group.
    let ceiling = official.iter().map(OfficialRow::best_score).max().unwrap_or(0);
    // The group labels, reduced once (in order, each once for its run of rows): subtotal rows
    // are labelled with one (（三）不予公开 …) and Excel's label rows hold one and blanks.
    let mut group_labels: Vec<(&'static str, Cow<'static, str>)> = Vec::new();
    for p in group.rows.iter().filter_map(|r| r.parent) {
        if group_labels.last().is_none_or(|(last, _)| *last != p) {
            group_labels.push((p, official_words(p)));
        }
    }
    // A row is a subtotal when its label's words are a group label's (spacing, punctuation
    // width and numbering aside).
    let is_subtotal = |r: &Labelled| -> Option<&'static str> {
        let label = &r.words.own;
        if label.is_empty() {
            return None;
        }
        group_labels.iter().find(|(p, w)| !p.starts_with("三、") && w == label).map(|(p, _)| *p)
    };
    // Rows of a group label with nothing but blanks are headers (Excel's label rows).
    let is_group_header = |r: &Labelled| {
        let label = &r.words.own;
        !label.is_empty()
            && r.values.iter().all(|(v, _)| !v.is_number())
            && group_labels.iter().any(|(p, w)| w == label && !group.rows.iter().any(|x| x.label == *p))
    };
    let mut data_rows: Vec<&Labelled> = Vec::with_capacity(value_rows.len());
    for r in value_rows.iter().filter(|r| !is_group_header(r)) {
        let Some(parent) = is_subtotal(r) else {
            data_rows.push(r);
            continue;
        };
        // A group with a single row (2019's （六）其他处理) is that row, not a subtotal.
        let parts: Vec<RowId> = group.rows.iter().filter(|x| x.parent == Some(parent)).map(|x| x.id).collect();
        if parts.is_empty() {
            continue;
        }
        found.subtotals.push(SubtotalRow {
            group: parent,
            parts,
            printed: r.reading.printed_label(),
            cells: group
                .columns
                .iter()
                .zip(r.values)
                .map(|(c, (v, o))| MappedCell { row: RowId::new(parent), column: c.id, value: v.clone(), origin: *o })
                .collect(),
        });
    }
    let mut conflicts = 0;
    if data_rows.len() == group.rows.len() {
        for ((row, official_row), labelled) in group.rows.iter().zip(&official).zip(&data_rows) {
            let text = &labelled.words.all;
            if !text.is_empty() && official_row.score(text) == 0 {
                // Does the label name another row outright?
                if group.rows.iter().zip(&official).any(|(other, o)| other.id != row.id && o.score(text) >= 4) {
                    conflicts += 1;
                }
            }
            placed.push((row, **labelled));
        }
        return (found, placed, conflicts);
    }
    // Label matching, in order: the best scoring row from the next one on, the first of equals.
    let mut next = 0;
    for labelled in &data_rows {
        let (own, all) = (&labelled.words.own, &labelled.words.all);
        let from = next.min(group.rows.len());
        let mut pick: Option<(usize, usize)> = None;
        for (i, o) in official[from..].iter().enumerate() {
            let own_score = o.score(own);
            let s = if own_score >= ceiling { own_score } else { own_score.max(o.score(all) / 2) };
            if s > 0 && pick.is_none_or(|(_, best)| s > best) {
                pick = Some((i, s));
            }
            if s >= ceiling {
                break;
            }
        }
        match pick {
            Some((i, _)) => {
                placed.push((&group.rows[from + i], **labelled));
                next += i + 1;
            }
            None => {
                conflicts += 1;
                found.unreadable.push(Unreadable {
                    row: None,
                    reason: Text::new(&UNKNOWN_ROW, Args::new()),
                    excerpt: Some(format!(
                        "{} {}",
                        labelled.reading.printed_label(),
                        labelled.values.iter().map(|(v, _)| &*v.text).join_str(" ")
                    )),
                    origin: Origin { span: Some(labelled.reading.span), cell: None },
                });
            }
        }
    }
    (found, placed, conflicts)
}

/// 表四 (and any one-group table): the row(s) with exactly as many values as columns.
fn map_single_group(
    f: &'static Format,
    id: TableId,
    rows: &[RowReading],
    layout: Option<FormatVersion>,
    source_tables: Vec<usize>,
    span: Option<Span>,
) -> FoundTable {
    let spec = f.table(id);
    let group = &spec.groups[0];
    let width = group.columns.len();
    let mut rows: Vec<RowReading> = rows.iter().map(|r| trim_to_width(r, width).into_owned()).collect();
    // 表四 printed as three small tables of five (one per block), in the official order.
    let fives: Vec<usize> = (0..rows.len()).filter(|&i| rows[i].values.len() == 5).collect();
    if id == TableId::Review && width == 15 && !rows.iter().any(|r| r.values.len() == 15) && fives.len() == 3 {
        let mut joined = rows[fives[0]].clone();
        for &i in &fives[1..] {
            joined.values.extend(rows[i].values.iter().cloned());
        }
        rows.retain(|r| r.values.len() != 5);
        rows.push(joined);
    }
    let rows = &rows[..];
    let value_rows: Vec<(&RowReading, LabelWords)> =
        rows.iter().filter(|r| r.values.len() == width).map(|r| (r, LabelWords::new(r))).collect();
    let value_rows: Vec<Labelled> =
        value_rows.iter().map(|(r, w)| Labelled { reading: r, values: &r.values, words: w }).collect();
    let (mut found, placed, _) = assign_rows(spec, f, &value_rows, layout, source_tables, span);
    put_all(&mut found, group, &placed);
    header_labels(&mut found, group, rows);
    if value_rows.is_empty() {
        let longest = rows.iter().filter(|r| !r.values.is_empty()).max_by_key(|r| r.values.len());
        found.unreadable.push(Unreadable {
            row: None,
            reason: Text::new(&NO_VALUE_ROW, Args::new().text("count", group.columns.len())),
            excerpt: longest.map(|r| r.values.iter().map(|(v, _)| &*v.text).join_str(" ")),
            origin: Origin { span, cell: None },
        });
    }
    found
}

/// 表二: rows matched by their labels within each 第二十条 group; the layout from the
/// column headers, else from how many values the rows hold.
fn map_proactive(
    rows: &[RowReading],
    year_format: &'static Format,
    formats: Formats,
    source_tables: Vec<usize>,
    span: Option<Span>,
) -> FoundTable {
    let header_text: String = rows
        .iter()
        .filter(|r| r.values.is_empty())
        .flat_map(|r| r.labels.iter().map(|(l, _)| l.as_str()))
        .join_str("|");
    let marker_score = |f: &Format| -> usize {
        f.table(TableId::Proactive).columns().filter(|c| header_text.contains(c.label)).count()
    };
    // The revisions whose headers the table prints most of; one, or else the one whose
    // 行政许可 row holds as many values as the table's (2019: 3, 2021: 1), or else the year's.
    let best = formats.iter().map(marker_score).max().unwrap_or(0);
    let licensing_fits = |f: &Format| {
        f.table(TableId::Proactive).row(row_ids::LICENSING).is_some_and(|(group, row)| {
            rows.iter().find(|r| r.all_label_text().contains(row.label)).map(|r| r.values.len())
                == Some(group.columns.len())
        })
    };
    let the_one = |fits: &dyn Fn(&Format) -> bool| {
        let mut found = formats.iter().filter(|f| marker_score(f) == best && fits(f));
        found.next().filter(|_| found.next().is_none())
    };
    let f = the_one(&|_| true).or_else(|| the_one(&licensing_fits)).unwrap_or(year_format);
    let version = f.version();
    let spec = f.table(TableId::Proactive);
    let mut found = FoundTable::new(TableId::Proactive, f, Some(version), source_tables, span);
    for (group, row) in spec.rows() {
        let reading = rows.iter().filter(|r| !r.values.is_empty()).max_by_key(|r| {
            // Exact words beat key terms: 规范性文件 is inside 行政规范性文件.
            row_score(r.printed_label_str(), row)
        });
        let Some(reading) = reading.filter(|r| row_score(r.printed_label_str(), row) > 0) else { continue };
        if reading.values.len() != group.columns.len() {
            found.unreadable.push(Unreadable {
                row: Some(row.id),
                reason: Text::new(
                    &ROW_WIDTH,
                    Args::new().text("count", reading.values.len()).text("expected", group.columns.len()),
                ),
                excerpt: Some(format!(
                    "{} {}",
                    reading.printed_label(),
                    reading.values.iter().map(|(v, _)| &*v.text).join_str(" ")
                )),
                origin: Origin { span: Some(reading.span), cell: None },
            });
            found.row_labels.push(PrintedLabel {
                id: row.id,
                printed: reading.printed_label(),
                origin: reading.label_origin(),
            });
            continue;
        }
        put_values(&mut found, group, row, reading, &reading.values);
    }
    // Column headers per group: the 信息内容 rows, in order.
    let header_rows: Vec<&RowReading> = rows.iter().filter(|r| r.values.is_empty() && r.labels.len() > 1).collect();
    for (group, header) in spec.groups.iter().zip(header_rows) {
        for (column, (printed, origin)) in group.columns.iter().zip(header.labels.iter().skip(1)) {
            found.column_labels.push(PrintedLabel { id: column.id, printed: printed.clone(), origin: *origin });
        }
    }
    found
}

/// Every message this module declares ([`crate::message::catalogue`]).
pub(crate) const MESSAGES: &[&crate::message::Message] = &[&ODD_REQUEST_ROW, &UNKNOWN_ROW, &NO_VALUE_ROW, &ROW_WIDTH];

#[cfg(test)]
mod tests {
    use super::*;

    /// Blanks beyond the width go from the end first, then from the start; a number stays.
    #[test]
    fn trimming_drops_blanks_beyond_the_width_at_either_end() {
        let row = |texts: &[&str]| -> Vec<(Value, Origin)> {
            texts.iter().map(|t| (read_value(t), Origin::default())).collect()
        };
        let texts = |values: &[(Value, Origin)]| values.iter().map(|(v, _)| v.text.clone()).collect::<Vec<_>>();
        for (cells, width, kept) in [
            (&["", "1", "2", ""][..], 2, &["1", "2"][..]),
            (&["", "1", "2", ""], 3, &["", "1", "2"]),
            (&["1", "", "2"], 2, &["1", "", "2"]),
            (&["/", "1", "—"], 1, &["1"]),
            (&["1", "2"], 5, &["1", "2"]),
        ] {
            assert_eq!(texts(trimmed_values(&row(cells), width)), kept, "{cells:?} to {width}");
        }
    }
}
