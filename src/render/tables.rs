//! The statutory tables (表二, 表三, 表四) drawn in their official layout: the revision's own row
//! and column labels (from its declaration in [`crate::format`]), the merges of the official
//! template (docs/format.md §4.1, §4.2, §5.1–§5.3), `border="1"`, every value as the reader found
//! it, and the cells a finding names lit by a class (`xxgk-error`, `xxgk-warning`, `xxgk-info`)
//! with the findings' messages as the cell's `title`.
//!
//! It works in two steps so that a page can draw many reports from one copy of the labels:
//! [`layout`] makes the grid of a revision's table once (label cells with their spans, and value
//! slots numbered by row and column), and [`render`] writes it as HTML with the values and
//! marks of one report. Each value cell carries `data-row` and `data-column` (the row's index
//! in [`TableSpec::rows`] order, the column's in its group), so [`render`] with no values and
//! no marks is a template a page's script fills: the batch summary page embeds that template
//! once per revision's table and each report's values as a short string, and its script sets
//! the texts and the classes — the markup is this module's, never a second renderer's.

use crate::diagnostic::Severity;
use crate::format::{columns, Formats, TableId, TableSpec};
use crate::lint::{LintReport, TableRow};

use super::escape_html;

/// Header words the official template prints that no rule reads, so the declarations in
/// [`crate::format`] do not carry them (docs/format.md §4.1, §4.2, §5.3).
mod template {
    /// 表二: the label column's header in every group (§4.1, §5.1).
    pub const CONTENT: &str = "信息内容";
    /// 表三: the note over the three label columns (§4.2).
    pub const REQUESTS_NOTE: &str = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
    /// 表三: over the seven value columns.
    pub const APPLICANTS: &str = "申请人情况";
    /// 表三: over the applicant columns between 自然人 and 总计.
    pub const ORGANISATIONS: &str = "法人或其他组织";
    /// 表四: over the blocks after 行政复议 (§5.3).
    pub const LITIGATION: &str = "行政诉讼";
}

/// What a cell of the layout holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    /// A printed label (a header, a row label).
    Label(&'static str),
    /// A value: the row's index in [`TableSpec::rows`] order, the column's in its group.
    Value { row: usize, column: usize },
}

/// One cell of the layout, with its merges.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LayoutCell {
    pub slot: Slot,
    pub rowspan: usize,
    pub colspan: usize,
    /// A header cell (`<th>`): every label is one.
    pub head: bool,
}

impl LayoutCell {
    fn label(text: &'static str, rowspan: usize, colspan: usize) -> LayoutCell {
        LayoutCell { slot: Slot::Label(text), rowspan, colspan, head: true }
    }

    fn value(row: usize, column: usize, colspan: usize) -> LayoutCell {
        LayoutCell { slot: Slot::Value { row, column }, rowspan: 1, colspan, head: false }
    }
}

/// A table's official grid: its `<tr>`s, each the cells that start in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layout {
    pub table: TableId,
    pub rows: Vec<Vec<LayoutCell>>,
}

/// The official layout of a revision's table.
pub fn layout(spec: &'static TableSpec) -> Layout {
    let rows = match spec.id {
        TableId::Proactive => proactive(spec),
        TableId::Requests => requests(spec),
        TableId::Review => review(spec),
    };
    Layout { table: spec.id, rows }
}

/// 表二: per group, a header row across the table, a row of column headers (信息内容 first),
/// then the data rows. The value columns are as wide as the groups' column counts allow (one
/// grid of the least common multiple), so 2021's single-column groups span all three.
fn proactive(spec: &TableSpec) -> Vec<Vec<LayoutCell>> {
    let width = spec.groups.iter().map(|g| g.columns.len().max(1)).fold(1, lcm);
    let mut out = Vec::new();
    let mut index = 0;
    for group in spec.groups {
        let span = width / group.columns.len().max(1);
        out.push(vec![LayoutCell::label(group.label.unwrap_or(""), 1, width + 1)]);
        let mut head = vec![LayoutCell::label(template::CONTENT, 1, 1)];
        head.extend(group.columns.iter().map(|c| LayoutCell::label(c.label, 1, span)));
        out.push(head);
        for row in group.rows {
            let mut cells = vec![LayoutCell::label(row.label, 1, 1)];
            cells.extend((0..group.columns.len()).map(|c| LayoutCell::value(index, c, span)));
            out.push(cells);
            index += 1;
        }
    }
    out
}

fn lcm(a: usize, b: usize) -> usize {
    fn gcd(a: usize, b: usize) -> usize {
        if b == 0 {
            a
        } else {
            gcd(b, a % b)
        }
    }
    a / gcd(a, b) * b
}

/// 表三: the three header rows (the 勾稽 note over the label columns; 申请人情况; 自然人 and 总计
/// over two rows, 法人或其他组织 over the columns between), then the rows, their labels in three
/// columns: a row with no parent across all three (一、二、四), a row under 三、本年度办理结果
/// across two, a sub-item (1.属于国家秘密) in the third with its group (（三）不予公开) and
/// 三、本年度办理结果 merged down the rows they hold.
fn requests(spec: &'static TableSpec) -> Vec<Vec<LayoutCell>> {
    let group = &spec.groups[0];
    let n = group.columns.len();
    let mut out =
        vec![vec![LayoutCell::label(template::REQUESTS_NOTE, 3, 3), LayoutCell::label(template::APPLICANTS, 1, n)]];
    // 自然人 and 总计 stand alone; the organisations are between them.
    let alone = |id| id == columns::NATURAL_PERSON || id == columns::TOTAL;
    let mut second = Vec::new();
    let mut third = Vec::new();
    let mut i = 0;
    while i < n {
        let c = &group.columns[i];
        if alone(c.id) {
            second.push(LayoutCell::label(c.label, 2, 1));
            i += 1;
        } else {
            let run = group.columns[i..].iter().take_while(|c| !alone(c.id)).count();
            second.push(LayoutCell::label(template::ORGANISATIONS, 1, run));
            third.extend(group.columns[i..i + run].iter().map(|c| LayoutCell::label(c.label, 1, 1)));
            i += run;
        }
    }
    out.push(second);
    out.push(third);
    // Each row's labels from the outside in: 三、本年度办理结果 › （三）不予公开 › 1.属于国家秘密. A
    // parent written （…） is a group inside the last outer parent seen.
    let mut outer: Option<&'static str> = None;
    let chains: Vec<Vec<&'static str>> = group
        .rows
        .iter()
        .map(|r| match r.parent {
            None => vec![r.label],
            Some(p) if p.starts_with('（') => outer.map_or_else(|| vec![p, r.label], |o| vec![o, p, r.label]),
            Some(p) => {
                outer = Some(p);
                vec![p, r.label]
            }
        })
        .collect();
    let depth = chains.iter().map(Vec::len).max().unwrap_or(1);
    for (index, chain) in chains.iter().enumerate() {
        let mut cells = Vec::new();
        // A merged label starts where the rows above do not share it (and its outer labels).
        for level in 0..chain.len() - 1 {
            let prefix = &chain[..=level];
            let shared = |other: &Vec<&str>| other.len() > level + 1 && other[..=level] == *prefix;
            if index > 0 && shared(&chains[index - 1]) {
                continue;
            }
            let span = chains[index..].iter().take_while(|c| shared(c)).count();
            cells.push(LayoutCell::label(chain[level], span, 1));
        }
        cells.push(LayoutCell::label(chain[chain.len() - 1], 1, depth - (chain.len() - 1)));
        cells.extend((0..n).map(|c| LayoutCell::value(index, c, 1)));
        out.push(cells);
    }
    out
}

/// 表四: 行政复议 over its block and 行政诉讼 over the others; the first block's columns over two
/// rows, the others' block names (未经复议直接起诉, 复议后起诉) over their columns; then the
/// value row (a label column only if the row has a label; the official one has none).
fn review(spec: &TableSpec) -> Vec<Vec<LayoutCell>> {
    let group = &spec.groups[0];
    let mut blocks: Vec<(&'static str, Vec<&'static str>)> = Vec::new();
    for c in group.columns {
        let block = c.block.unwrap_or("");
        match blocks.last_mut() {
            Some((b, labels)) if *b == block => labels.push(c.label),
            _ => blocks.push((block, vec![c.label])),
        }
    }
    let labelled = group.rows.iter().any(|r| !r.label.is_empty());
    let corner = |rows| labelled.then(|| LayoutCell::label("", rows, 1));
    let (first, rest) = blocks.split_first().map_or((None, &[][..]), |(f, r)| (Some(f), r));
    let rest_width: usize = rest.iter().map(|(_, l)| l.len()).sum();
    let mut top: Vec<LayoutCell> = corner(3).into_iter().collect();
    let mut second = Vec::new();
    let mut third = Vec::new();
    if let Some((block, labels)) = first {
        top.push(LayoutCell::label(block, 1, labels.len()));
        second.extend(labels.iter().map(|l| LayoutCell::label(l, 2, 1)));
    }
    if rest_width > 0 {
        top.push(LayoutCell::label(template::LITIGATION, 1, rest_width));
    }
    for (block, labels) in rest {
        second.push(LayoutCell::label(block, 1, labels.len()));
        third.extend(labels.iter().map(|l| LayoutCell::label(l, 1, 1)));
    }
    let mut out = vec![top, second, third];
    for (index, row) in group.rows.iter().enumerate() {
        let mut cells: Vec<LayoutCell> = labelled.then(|| LayoutCell::label(row.label, 1, 1)).into_iter().collect();
        cells.extend((0..group.columns.len()).map(|c| LayoutCell::value(index, c, 1)));
        out.push(cells);
    }
    out
}

/// A finding on a value cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mark<'a> {
    /// The finding's index in the report's `diagnostics` (0 where there is no report).
    pub finding: usize,
    pub row: usize,
    pub column: usize,
    pub severity: Severity,
    pub message: &'a str,
}

/// One report's table to draw: its revision's declaration, the texts read (by row in
/// [`TableSpec::rows`] order, by column of the row's group; `None` where nothing was read) and
/// the findings on its cells.
#[derive(Clone, Debug)]
pub struct ReportTable<'a> {
    pub spec: &'static TableSpec,
    /// The revision's name (`"2019"`, `"2021"`).
    pub format: &'static str,
    pub values: Vec<Vec<Option<&'a str>>>,
    pub marks: Vec<Mark<'a>>,
}

/// The tables a report's reader found, each with the revision it was read in (the one of
/// `formats` whose rows and columns its official labels are; a hybrid report's tables may
/// differ) and the findings that name one of its cells (official row and column labels).
pub fn report_tables<'a>(report: &'a LintReport, formats: Formats) -> Vec<ReportTable<'a>> {
    let mut out = Vec::new();
    for (numeral, rows) in &report.tables.0 {
        let Some(id) = TableId::ALL.into_iter().find(|t| t.numeral() == *numeral) else { continue };
        let own = report.format.map(|f| f.as_str());
        let Some((format, spec)) = spec_of(formats, own, id, rows) else { continue };
        let values = rows.iter().map(|r| r.values.iter().map(|(_, _, text)| text.as_deref()).collect()).collect();
        let mut marks = Vec::new();
        for (finding, d) in report.diagnostics.iter().enumerate().filter(|(_, d)| d.table == Some(*numeral)) {
            let (Some(row), Some(column)) = (d.row.as_deref(), d.column.as_deref()) else { continue };
            if let Some((r, c)) = cell_of(rows, row, column) {
                marks.push(Mark { finding, row: r, column: c, severity: d.severity, message: &d.message });
            }
        }
        out.push(ReportTable { spec, format, values, marks });
    }
    out
}

/// The revision whose table `id` has exactly these rows and columns: the report's own if it
/// fits (表四 is the same in both), else the newest that does (a hybrid report's tables).
fn spec_of(
    formats: Formats,
    own: Option<&str>,
    id: TableId,
    rows: &[TableRow],
) -> Option<(&'static str, &'static TableSpec)> {
    let own = formats.iter().filter(|f| Some(f.name) == own);
    own.chain(formats.iter().rev()).map(|f| (f.name, f.table(id))).find(|(_, spec)| {
        spec.rows().count() == rows.len()
            && spec.rows().zip(rows).all(|((group, row), read)| {
                read.row.unwrap_or("") == row.label
                    && group.columns.len() == read.values.len()
                    && group.columns.iter().zip(&read.values).all(|(c, (label, _, _))| c.qualified_label() == *label)
            })
    })
}

/// The cell a finding names by its official row and column labels (表四's one row has none).
fn cell_of(rows: &[TableRow], row: &str, column: &str) -> Option<(usize, usize)> {
    let r = rows.iter().position(|r| r.row.unwrap_or("") == row)?;
    let c = rows[r].values.iter().position(|(label, _, _)| label == column)?;
    Some((r, c))
}

/// The table as HTML: `<table border="1">` in the official layout, `values` in the value
/// cells, the cells of `marks` lit (the most severe finding's class; every message in the
/// title). With no values and no marks, the template a page fills (see the module's doc).
pub fn render(layout: &Layout, format: &str, values: &[Vec<Option<&str>>], marks: &[Mark]) -> String {
    render_with(layout, Some(format), values, marks)
}

/// The table as a report's own: the official layout and the values, `border="1"` and the
/// merges, and nothing of ours (no class, no `data-` attribute, no title, no style) — what
/// goes into an editor in place of a table that arrived as text, or into a file.
pub fn render_plain(layout: &Layout, values: &[Vec<Option<&str>>]) -> String {
    render_with(layout, None, values, &[])
}

/// [`render`] with `format` (ours: classes and `data-` attributes), or [`render_plain`]
/// without.
fn render_with(layout: &Layout, format: Option<&str>, values: &[Vec<Option<&str>>], marks: &[Mark]) -> String {
    let ours = format.is_some();
    let mut out = match format {
        Some(format) => format!(
            "<table border=\"1\" class=\"xxgk-table\" data-table=\"{}\" data-format=\"{}\">",
            layout.table.numeral(),
            escape_html(format)
        ),
        None => "<table border=\"1\">".to_string(),
    };
    for row in &layout.rows {
        out.push_str("<tr>");
        for cell in row {
            let tag = if cell.head { "th" } else { "td" };
            out.push('<');
            out.push_str(tag);
            if cell.rowspan > 1 {
                out.push_str(&format!(" rowspan=\"{}\"", cell.rowspan));
            }
            if cell.colspan > 1 {
                out.push_str(&format!(" colspan=\"{}\"", cell.colspan));
            }
            match cell.slot {
                Slot::Label(text) => {
                    out.push('>');
                    out.push_str(&escape_html(text));
                }
                Slot::Value { row, column } if !ours => {
                    out.push('>');
                    let text = values.get(row).and_then(|r| r.get(column)).copied().flatten();
                    out.push_str(&escape_html(text.unwrap_or("")));
                }
                Slot::Value { row, column } => {
                    let here: Vec<&Mark> = marks.iter().filter(|m| m.row == row && m.column == column).collect();
                    let class = here.iter().map(|m| m.severity).min_by_key(|s| severity_rank(*s));
                    out.push_str(" class=\"xxgk-value");
                    if let Some(s) = class {
                        out.push_str(" xxgk-");
                        out.push_str(s.as_str());
                    }
                    out.push_str(&format!("\" data-row=\"{row}\" data-column=\"{column}\""));
                    if !here.is_empty() {
                        let title: Vec<&str> = here.iter().map(|m| m.message).collect();
                        out.push_str(&format!(" title=\"{}\"", escape_html(&title.join("\n"))));
                    }
                    out.push('>');
                    let text = values.get(row).and_then(|r| r.get(column)).copied().flatten();
                    out.push_str(&escape_html(text.unwrap_or("")));
                }
            }
            out.push_str("</");
            out.push_str(tag);
            out.push('>');
        }
        out.push_str("</tr>");
    }
    out.push_str("</table>");
    out
}

/// Lower is more severe.
fn severity_rank(s: Severity) -> u8 {
    match s {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
    }
}

/// A report's table as HTML (its layout, values and lit cells).
pub fn report_table_html(table: &ReportTable) -> String {
    render(&layout(table.spec), table.format, &table.values, &table.marks)
}

/// One statutory table as a report carries it (the JSON's and the JS API's `tables`): its rows
/// by official label (表四's one row has none), each with its values' texts by official column
/// label (`None`: nothing read).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReadTable<'a> {
    pub rows: Vec<ReadRow<'a>>,
}

/// A row of a [`ReadTable`]: its official label, and its values' texts by official column label.
pub type ReadRow<'a> = (Option<&'a str>, Vec<(&'a str, Option<&'a str>)>);

impl<'a> ReadTable<'a> {
    /// Table `numeral` of a report.
    pub fn of(report: &'a LintReport, numeral: &str) -> Option<ReadTable<'a>> {
        let (_, rows) = report.tables.0.iter().find(|(t, _)| *t == numeral)?;
        let rows = rows
            .iter()
            .map(|r| (r.row, r.values.iter().map(|(column, _, text)| (&**column, text.as_deref())).collect()))
            .collect();
        Some(ReadTable { rows })
    }
}

/// A fix to apply: the official row and column labels of the cell, and its value.
pub type CellFix<'a> = (&'a str, &'a str, &'a str);

/// A table rebuilt in the official layout of the revision that applies to its report's year.
#[derive(Clone, Debug)]
pub struct Rebuilt<'a> {
    pub spec: &'static TableSpec,
    /// The revision's name (`"2019"`, `"2021"`).
    pub format: &'static str,
    /// The texts by row in [`TableSpec::rows`] order, by column of the row's group.
    pub values: Vec<Vec<Option<&'a str>>>,
}

impl Rebuilt<'_> {
    /// As the report's own markup ([`render_plain`]).
    pub fn html(&self) -> String {
        render_plain(&layout(self.spec), &self.values)
    }
}

/// Table `numeral` rebuilt in the official layout of the revision that applies to `year`
/// (2019's for 2019–2020, 2021's after; the newest when the year is not known), with the values
/// read — placed by meaning, the official row and column they were read at, so that a hybrid
/// report's table read in the other revision's layout lands in its own year's — and `fixes`
/// over them. `None` when its rows are no revision's.
pub fn rebuilt_table<'a>(
    numeral: &str,
    year: Option<u16>,
    read: &ReadTable<'a>,
    fixes: &[CellFix<'a>],
    formats: Formats,
) -> Option<Rebuilt<'a>> {
    let id = TableId::ALL.into_iter().find(|t| t.numeral() == numeral)?;
    // The revision the table was read in, by its rows' and columns' labels.
    let read_spec = formats.iter().rev().map(|f| f.table(id)).find(|spec| {
        spec.rows().count() == read.rows.len()
            && spec.rows().zip(&read.rows).all(|((group, row), (label, values))| {
                label.unwrap_or("") == row.label
                    && group.columns.len() == values.len()
                    && group.columns.iter().zip(values).all(|(c, (column, _))| c.qualified_label() == *column)
            })
    })?;
    // Every value read, by its official row and column ids.
    let mut by_meaning = Vec::new();
    for ((group, row), (label, values)) in read_spec.rows().zip(&read.rows) {
        for (column, (column_label, text)) in group.columns.iter().zip(values) {
            let fix = fixes.iter().find(|(r, c, _)| *r == label.unwrap_or("") && c == column_label).map(|(_, _, v)| *v);
            by_meaning.push((row.id, column.id, fix.or(*text)));
        }
    }
    let target = formats.for_year_or_newest(year);
    let spec = target.table(id);
    let values = spec
        .rows()
        .map(|(group, row)| {
            group
                .columns
                .iter()
                .map(|column| {
                    by_meaning.iter().find(|(r, c, _)| *r == row.id && *c == column.id).and_then(|(_, _, text)| *text)
                })
                .collect()
        })
        .collect();
    Some(Rebuilt { spec, format: target.name, values })
}

/// [`rebuilt_table`] of a report's table, with its pinned fixes when `apply_fixes`.
pub fn report_rebuilt_table<'a>(
    report: &'a LintReport,
    numeral: &str,
    apply_fixes: bool,
    formats: Formats,
) -> Option<Rebuilt<'a>> {
    let read = ReadTable::of(report, numeral)?;
    let fixes: Vec<CellFix> = if apply_fixes {
        report
            .diagnostics
            .iter()
            .filter(|d| d.table == Some(numeral))
            .filter_map(|d| {
                Some((d.row.as_deref().unwrap_or(""), d.column.as_deref()?, d.fix.as_ref()?.value.as_str()))
            })
            .collect()
    } else {
        Vec::new()
    };
    rebuilt_table(numeral, report.year, &read, &fixes, formats)
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::{y2019, y2021};

    /// The grid the layout covers: each row's width in grid columns, counting the cells merged
    /// down from the rows above.
    fn widths(layout: &Layout) -> Vec<usize> {
        let mut carried: Vec<usize> = Vec::new(); // per grid row: columns taken by rowspans from above
        let mut out = Vec::new();
        for (i, row) in layout.rows.iter().enumerate() {
            carried.resize(layout.rows.len(), 0);
            let own: usize = row.iter().map(|c| c.colspan).sum();
            out.push(own + carried[i]);
            for c in row {
                for below in 1..c.rowspan {
                    carried[i + below] += c.colspan;
                }
            }
        }
        out
    }

    fn labels(layout: &Layout) -> Vec<&'static str> {
        layout.rows.iter().flatten().filter_map(|c| if let Slot::Label(t) = c.slot { Some(t) } else { None }).collect()
    }

    fn values(layout: &Layout) -> usize {
        layout.rows.iter().flatten().filter(|c| matches!(c.slot, Slot::Value { .. })).count()
    }

    #[test]
    fn every_table_is_a_full_rectangle_with_every_value_cell() {
        for f in Formats::OFFICIAL.iter() {
            for spec in f.tables {
                let l = layout(spec);
                let w = widths(&l);
                assert!(w.iter().all(|x| *x == w[0]), "{} {:?}: {w:?}", f.name, spec.id);
                assert_eq!(values(&l), spec.value_cells(), "{} {:?}", f.name, spec.id);
            }
        }
        // docs/format.md §4.2: 10 columns (3 label columns + 7 values); §5.3: 15 columns.
        assert_eq!(widths(&layout(&y2021::REQUESTS))[0], 10);
        assert_eq!(widths(&layout(y2021::FORMAT.table(TableId::Review)))[0], 15);
    }

    #[test]
    fn the_labels_are_the_revision_s_own_in_the_template_s_order() {
        let l = layout(&y2021::REQUESTS);
        let got = labels(&l);
        assert_eq!(
            got[..12],
            [
                template::REQUESTS_NOTE,
                "申请人情况",
                "自然人",
                "法人或其他组织",
                "总计",
                "商业企业",
                "科研机构",
                "社会公益组织",
                "法律服务机构",
                "其他",
                "一、本年新收政府信息公开申请数量",
                "二、上年结转政府信息公开申请数量",
            ]
        );
        assert!(got.contains(&"1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"));
        assert!(!labels(&layout(&y2019::REQUESTS)).contains(&"3.其他"));
        // 三、本年度办理结果 down 22 rows in 2021 (20 in 2019), （三）不予公开 down 8.
        let span = |l: &Layout, text: &'static str| {
            l.rows.iter().flatten().find(|c| c.slot == Slot::Label(text)).map(|c| (c.rowspan, c.colspan))
        };
        assert_eq!(span(&l, "三、本年度办理结果"), Some((22, 1)));
        assert_eq!(span(&layout(&y2019::REQUESTS), "三、本年度办理结果"), Some((20, 1)));
        assert_eq!(span(&l, "（三）不予公开"), Some((8, 1)));
        assert_eq!(span(&l, "（一）予以公开"), Some((1, 2)));
        assert_eq!(span(&l, "一、本年新收政府信息公开申请数量"), Some((1, 3)));
        assert_eq!(span(&l, "（六）其他处理"), Some((3, 1)));
        assert_eq!(span(&layout(&y2019::REQUESTS), "（六）其他处理"), Some((1, 2)));
        // 表二 2021: 本年处理决定数量 across the three value columns.
        let p = layout(&y2021::PROACTIVE);
        assert_eq!(span(&p, "本年处理决定数量"), Some((1, 3)));
        assert_eq!(span(&p, "第二十条第（一）项"), Some((1, 4)));
        assert_eq!(
            labels(&p)[..6],
            ["第二十条第（一）项", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数", "规章"]
        );
        // 表四: 行政复议 over five, 行政诉讼 over ten; the first block's labels over two rows.
        let r = layout(y2021::FORMAT.table(TableId::Review));
        assert_eq!(span(&r, "行政复议"), Some((1, 5)));
        assert_eq!(span(&r, "行政诉讼"), Some((1, 10)));
        assert_eq!(span(&r, "未经复议直接起诉"), Some((1, 5)));
        assert_eq!(r.rows[1][0], LayoutCell::label("结果维持", 2, 1));
    }

    /// A small table rendered exactly: 表四 with one value wrong, lit.
    #[test]
    fn a_rendered_table_with_a_lit_cell() {
        let spec = y2021::FORMAT.table(TableId::Review);
        let mut values: Vec<Vec<Option<&str>>> = vec![vec![Some("0"); 15]];
        values[0][0] = Some("1");
        let marks = [Mark { finding: 0, row: 0, column: 4, severity: Severity::Error, message: "总计 0 ≠ 1 <" }];
        let html = render(&layout(spec), "2021", &values, &marks);
        let want = concat!(
            "<table border=\"1\" class=\"xxgk-table\" data-table=\"四\" data-format=\"2021\">",
            "<tr><th colspan=\"5\">行政复议</th><th colspan=\"10\">行政诉讼</th></tr>",
            "<tr><th rowspan=\"2\">结果维持</th><th rowspan=\"2\">结果纠正</th><th rowspan=\"2\">其他结果</th>",
            "<th rowspan=\"2\">尚未审结</th><th rowspan=\"2\">总计</th>",
            "<th colspan=\"5\">未经复议直接起诉</th><th colspan=\"5\">复议后起诉</th></tr>",
            "<tr><th>结果维持</th><th>结果纠正</th><th>其他结果</th><th>尚未审结</th><th>总计</th>",
            "<th>结果维持</th><th>结果纠正</th><th>其他结果</th><th>尚未审结</th><th>总计</th></tr>",
            "<tr><td class=\"xxgk-value\" data-row=\"0\" data-column=\"0\">1</td>",
            "<td class=\"xxgk-value\" data-row=\"0\" data-column=\"1\">0</td>",
            "<td class=\"xxgk-value\" data-row=\"0\" data-column=\"2\">0</td>",
            "<td class=\"xxgk-value\" data-row=\"0\" data-column=\"3\">0</td>",
            "<td class=\"xxgk-value xxgk-error\" data-row=\"0\" data-column=\"4\" title=\"总计 0 ≠ 1 &lt;\">0</td>",
        );
        assert!(html.starts_with(want), "{html}");
        assert_eq!(html.matches("<td ").count(), 15);
        assert!(html.ends_with("</td></tr></table>"));
    }

    /// 2019's 表二 as a template (no values): the groups' header rows, 信息内容, the two-column
    /// groups' values over three grid columns of six.
    #[test]
    fn the_2019_proactive_template() {
        let html = render(&layout(&y2019::PROACTIVE), "2019", &[], &[]);
        insta::assert_snapshot!(html.replace("</tr>", "</tr>\n"));
    }

    /// From a real report: the sample's wrong cell (表三 （一）予以公开 / 总计) is lit, in the 2019
    /// layout, with the value the reader found.
    #[test]
    fn a_report_s_wrong_cell_is_lit() {
        let text = std::fs::read_to_string("tests/fixtures/xizou-2019.txt").unwrap();
        let report = crate::lint_str(&text, &crate::ReadOptions::default(), &crate::LintOptions::default()).unwrap();
        let tables = report_tables(&report, Formats::OFFICIAL);
        let found: Vec<(TableId, &str)> = tables.iter().map(|t| (t.spec.id, t.format)).collect();
        assert_eq!(found, [(TableId::Proactive, "2019"), (TableId::Requests, "2019"), (TableId::Review, "2019")]);
        let t3 = &tables[1];
        let html = report_table_html(t3);
        let lit = "<td class=\"xxgk-value xxgk-error\" data-row=\"2\" data-column=\"6\" title=\"";
        let at = html.find(lit).unwrap_or_else(|| panic!("{html}"));
        assert!(html[at..].split_once('>').unwrap().1.starts_with("0</td>"));
        assert_eq!(html.matches("xxgk-error").count(), 1);
        assert!(html.contains("<th colspan=\"2\">（一）予以公开</th>"));
    }
}
