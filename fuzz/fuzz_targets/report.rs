//! Structure-aware: a report generated from a small model — the three tables of the year's
//! revision with row- and column-spanning labels, official and variant labels, numbers with
//! wrong sums, headings, prose, Word markup — rendered as HTML or as text, then the whole
//! check. Where the byte-level targets mostly exercise the readers' refusals, most inputs here
//! reach recognition and the rules. Never a panic.
#![no_main]
use arbitrary::{Arbitrary, Unstructured};
use libfuzzer_sys::fuzz_target;
use xxgk_lint::format::{Format, Formats, RelationSpec, TableSpec};
use xxgk_lint::{lint_str, InputKind, LintOptions, ReadOptions};

#[derive(Arbitrary, Debug)]
struct Model {
    /// 2015..2030: both revisions, and years neither applies to.
    year: u8,
    organ: Word,
    shape: Shape,
    /// The sections in order, each with its prose; a table section also gets its table. Only
    /// the first `format.sections.len() + 2` are rendered (every section, and two repeated or
    /// out of order): more would only make the input longer, and an 8 KB model would otherwise
    /// render a report of megabytes, checked at a few inputs a second.
    sections: Vec<SectionModel>,
    /// A value for every cell in order (cycled), then perturbations.
    values: Vec<Value>,
    /// Totals made right from their parts before the perturbations (else free numbers).
    sums_right: bool,
    /// (cell index, change): a wrong sum, a blank, text where a number belongs.
    wrong: Vec<(u16, Value)>,
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Shape {
    Html,
    /// Word's paste: `MsoNormal` paragraphs, `<o:p>`, `mso-` styles, conditional comments.
    WordHtml,
    /// Word's text paste: one cell a line, tab-prefixed, rows separated by blank lines.
    TabText,
    /// A row a line, cells joined by tabs (Excel's paste).
    RowText,
    Markdown,
}

#[derive(Arbitrary, Debug)]
struct SectionModel {
    index: u8,
    heading: Heading,
    prose: Vec<Word>,
    table: Option<TableModel>,
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Heading {
    Official,
    /// One of the known variant titles.
    Variant(u8),
    /// The numeral alone, or with another numeral.
    Numeral(u8),
    Missing,
}

#[derive(Arbitrary, Debug)]
struct TableModel {
    /// Row labels under a row-spanning parent cell (else the parent is written into the label).
    parent_spans: bool,
    /// Which rows to leave out (bit i of the byte at i / 8), and which to write twice.
    drop: Vec<u8>,
    repeat: Option<u8>,
    labels: Vec<Label>,
    /// The header: the columns' block labels spanning their columns, or one row of labels.
    spanned_header: bool,
    /// A caption or title row above the header.
    title_row: bool,
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Label {
    Official,
    /// The label's first key word alone.
    Key,
    /// Without its leading numbering (`（一）`, `1.`).
    Unnumbered,
    /// With a space or line break inside.
    Broken(u8),
    Other(Word),
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Value {
    Count(u16),
    Small(u8),
    Signed(i16),
    Money(u32),
    Blank,
    Dash,
    Text(Word),
    /// Full-width digits.
    Wide(u16),
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Word {
    A,
    B,
    C,
    D,
    E,
    F,
    G,
    H,
}

impl Word {
    fn text(self) -> &'static str {
        match self {
            Word::A => "本机关",
            Word::B => "政府信息公开工作",
            Word::C => "共收到申请12件，办结10件",
            Word::D => "（一）",
            Word::E => "合计",
            Word::F => "无",
            Word::G => "0",
            Word::H => "2021年",
        }
    }
}

/// One cell of a rendered table.
struct Cell {
    text: String,
    rowspan: usize,
    colspan: usize,
}

fn cell(text: impl Into<String>) -> Cell {
    Cell { text: text.into(), rowspan: 1, colspan: 1 }
}

/// Numbers for a table's value cells, totals made right (or not), then perturbed.
fn numbers(table: &TableSpec, model: &Model, next: &mut usize) -> Vec<Vec<Option<Value>>> {
    let rows: Vec<_> = table.rows().collect();
    let take = |next: &mut usize| -> Value {
        let v =
            if model.values.is_empty() { Value::Small(*next as u8) } else { model.values[*next % model.values.len()] };
        *next += 1;
        v
    };
    let mut grid: Vec<Vec<Option<Value>>> =
        rows.iter().map(|(g, _)| g.columns.iter().map(|_| Some(take(next))).collect()).collect();
    let num = |v: &Option<Value>| match v {
        Some(Value::Count(n)) | Some(Value::Wide(n)) => *n as i64,
        Some(Value::Small(n)) => *n as i64,
        Some(Value::Signed(n)) => *n as i64,
        Some(Value::Money(n)) => *n as i64,
        _ => 0,
    };
    if model.sums_right {
        let row_of = |id| rows.iter().position(|(_, r)| r.id == id);
        let col_of = |r: usize, id| rows[r].0.columns.iter().position(|c| c.id == id);
        for relation in table.relations {
            match relation {
                RelationSpec::EachColumn { total, parts, .. } => {
                    let (Some(t), parts) = (total.first().and_then(|&id| row_of(id)), parts) else { continue };
                    for c in 0..grid[t].len() {
                        let sum: i64 =
                            parts.iter().filter_map(|&id| row_of(id)).map(|r| grid[r].get(c).map_or(0, num)).sum();
                        grid[t][c] = Some(Value::Count(sum.clamp(0, u16::MAX as i64) as u16));
                    }
                }
                RelationSpec::EachRow { total, parts, .. } => {
                    for r in 0..grid.len() {
                        let Some(t) = total.first().and_then(|&id| col_of(r, id)) else { continue };
                        let sum: i64 = parts.iter().filter_map(|&id| col_of(r, id)).map(|c| num(&grid[r][c])).sum();
                        grid[r][t] = Some(Value::Count(sum.clamp(0, u16::MAX as i64) as u16));
                    }
                }
                RelationSpec::InRow { row, total, parts, .. } => {
                    let Some(r) = row_of(*row) else { continue };
                    let Some(t) = total.first().and_then(|&id| col_of(r, id)) else { continue };
                    let sum: i64 = parts.iter().filter_map(|&id| col_of(r, id)).map(|c| num(&grid[r][c])).sum();
                    grid[r][t] = Some(Value::Count(sum.clamp(0, u16::MAX as i64) as u16));
                }
            }
        }
    }
    let cells: usize = grid.iter().map(Vec::len).sum();
    for &(at, value) in &model.wrong {
        if cells == 0 {
            break;
        }
        let mut at = at as usize % cells;
        for row in grid.iter_mut() {
            if at < row.len() {
                row[at] = Some(value);
                break;
            }
            at -= row.len();
        }
    }
    grid
}

fn value_text(v: Value) -> String {
    match v {
        Value::Count(n) => n.to_string(),
        Value::Small(n) => (n % 20).to_string(),
        Value::Signed(n) if n > 0 => format!("+{n}"),
        Value::Signed(n) => n.to_string(),
        Value::Money(n) => format!("{}.{:02}", n / 100, n % 100),
        Value::Blank => String::new(),
        Value::Dash => "—".to_string(),
        Value::Text(w) => w.text().to_string(),
        Value::Wide(n) => {
            n.to_string().chars().map(|c| char::from_u32(c as u32 - '0' as u32 + 0xFF10).unwrap_or(c)).collect()
        }
    }
}

fn label_text(label: &'static str, how: Label) -> String {
    match how {
        Label::Official => label.to_string(),
        Label::Key => label
            .trim_start_matches(|c: char| !('\u{4e00}'..='\u{9fff}').contains(&c) || "一二三四五六七八九十".contains(c))
            .chars()
            .take(4)
            .collect(),
        Label::Unnumbered => label
            .split_once('）')
            .or_else(|| label.split_once('.'))
            .or_else(|| label.split_once('、'))
            .map_or(label, |(_, rest)| rest)
            .to_string(),
        Label::Broken(at) => {
            let chars: Vec<char> = label.chars().collect();
            let at = if chars.is_empty() { 0 } else { at as usize % chars.len() };
            let mut s: String = chars[..at].iter().collect();
            s.push_str(if at % 2 == 0 { " " } else { "\n" });
            s.extend(&chars[at..]);
            s
        }
        Label::Other(w) => w.text().to_string(),
    }
}

/// The table as rows of cells, in the official layout (with the model's variations).
fn table_rows(table: &TableSpec, t: &TableModel, grid: &[Vec<Option<Value>>]) -> Vec<Vec<Cell>> {
    let mut out = Vec::new();
    let width = table.groups.iter().map(|g| g.columns.len()).max().unwrap_or(0) + 2;
    if t.title_row {
        out.push(vec![Cell { text: format!("表{}", table.id.numeral()), rowspan: 1, colspan: width }]);
    }
    let rows: Vec<_> = table.rows().collect();
    let dropped = |i: usize| t.drop.get(i / 8).is_some_and(|b| b & (1 << (i % 8)) != 0);
    let mut group_at = None;
    for (i, (group, row)) in rows.iter().enumerate() {
        // A group's header: its label, then its columns (blocks spanning theirs).
        if group_at != Some(group as *const _) {
            group_at = Some(group as *const _);
            if let Some(label) = group.label {
                out.push(vec![Cell { text: label.to_string(), rowspan: 1, colspan: width }]);
            }
            let blocks = group.columns.iter().any(|c| c.block.is_some());
            if t.spanned_header && blocks {
                let mut top = vec![Cell { text: "信息内容".into(), rowspan: 2, colspan: 2 }];
                let mut bottom = Vec::new();
                let mut k = 0;
                while k < group.columns.len() {
                    let block = group.columns[k].block;
                    let n = group.columns[k..].iter().take_while(|c| c.block == block).count();
                    top.push(Cell { text: block.unwrap_or("").to_string(), rowspan: 1, colspan: n });
                    bottom.extend(group.columns[k..k + n].iter().map(|c| cell(c.label)));
                    k += n;
                }
                out.push(top);
                out.push(bottom);
            } else {
                let mut header = vec![Cell { text: "信息内容".into(), rowspan: 1, colspan: 2 }];
                header.extend(group.columns.iter().map(|c| cell(c.qualified_label())));
                out.push(header);
            }
        }
        if dropped(i) {
            continue;
        }
        let how = if t.labels.is_empty() { Label::Official } else { t.labels[i % t.labels.len()] };
        let mut cells = Vec::new();
        match row.parent {
            Some(parent) if t.parent_spans => {
                let first = i == 0 || rows[i - 1].1.parent != Some(parent) || dropped(i - 1);
                if first {
                    let n = rows[i..]
                        .iter()
                        .enumerate()
                        .take_while(|(k, (_, r))| r.parent == Some(parent) && !dropped(i + k))
                        .count();
                    cells.push(Cell { text: parent.to_string(), rowspan: n, colspan: 1 });
                }
                cells.push(cell(label_text(row.label, how)));
            }
            Some(parent) => {
                cells.push(Cell { text: format!("{parent}{}", label_text(row.label, how)), rowspan: 1, colspan: 2 })
            }
            None => cells.push(Cell { text: label_text(row.label, how), rowspan: 1, colspan: 2 }),
        }
        cells.extend(grid[i].iter().map(|v| cell(v.map_or(String::new(), value_text))));
        let again = t.repeat.is_some_and(|r| r as usize % rows.len().max(1) == i);
        if again {
            out.push(cells.iter().map(|c| Cell { text: c.text.clone(), rowspan: 1, colspan: c.colspan }).collect());
        }
        out.push(cells);
    }
    out
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

fn render(model: &Model, format: &'static Format, year: u16) -> String {
    let mut out = String::new();
    let word = matches!(model.shape, Shape::WordHtml);
    let html = matches!(model.shape, Shape::Html | Shape::WordHtml);
    let para = |out: &mut String, text: &str| {
        if word {
            out.push_str(&format!(
                "<p class=MsoNormal style='text-indent:21.0pt;mso-char-indent-count:2.0'><span style='font-family:仿宋_GB2312;mso-hansi-font-family:\"Times New Roman\"'>{}<o:p></o:p></span></p>\n",
                escape(text)
            ));
        } else if html {
            out.push_str(&format!("<p>{}</p>\n", escape(text)));
        } else {
            out.push_str(text);
            out.push('\n');
        }
    };
    if word {
        out.push_str("<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><body lang=ZH-CN><div class=WordSection1>\n<!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]-->\n");
    } else if html {
        out.push_str("<html><body>\n");
    }
    para(&mut out, &format!("{}{}年政府信息公开工作年度报告", model.organ.text(), year));
    let mut next = 0;
    for section in model.sections.iter().take(format.sections.len() + 2) {
        let spec = &format.sections[section.index as usize % format.sections.len()];
        let heading = match section.heading {
            Heading::Official => Some(spec.heading.to_string()),
            Heading::Variant(v) if !spec.variants.is_empty() => {
                Some(format!("{}、{}", spec.section.numeral(), spec.variants[v as usize % spec.variants.len()]))
            }
            Heading::Variant(_) => Some(spec.title().to_string()),
            Heading::Numeral(n) => {
                Some(format!("{}、{}", ["一", "二", "三", "四", "五", "六", "七"][n as usize % 7], spec.title()))
            }
            Heading::Missing => None,
        };
        if let Some(h) = heading {
            if word {
                out.push_str(&format!(
                    "<p class=MsoNormal><b><span style='font-family:黑体'>{}</span></b></p>\n",
                    escape(&h)
                ));
            } else if matches!(model.shape, Shape::Markdown) {
                out.push_str(&format!("## {h}\n"));
            } else {
                para(&mut out, &h);
            }
        }
        for w in section.prose.iter().take(8) {
            para(&mut out, &format!("{}{}", w.text(), "。"));
        }
        let Some(t) = &section.table else { continue };
        let Some(table) = format.tables.iter().find(|tb| tb.title == spec.title()) else { continue };
        let grid = numbers(table, model, &mut next);
        let rows = table_rows(table, t, &grid);
        match model.shape {
            Shape::Html | Shape::WordHtml => {
                out.push_str(if word { "<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;mso-table-layout-alt:fixed'>\n" } else { "<table border=\"1\">\n" });
                for row in &rows {
                    out.push_str(if word { "<tr style='mso-yfti-irow:0'>" } else { "<tr>" });
                    for c in row {
                        out.push_str("<td");
                        if c.rowspan > 1 {
                            out.push_str(&format!(" rowspan={}", c.rowspan));
                        }
                        if c.colspan > 1 {
                            out.push_str(&format!(" colspan={}", c.colspan));
                        }
                        if word {
                            out.push_str(&format!(" valign=top style='border:solid windowtext 1.0pt'><p class=MsoNormal align=center><span lang=EN-US>{}</span><o:p></o:p></p></td>", escape(&c.text)));
                        } else {
                            out.push_str(&format!(">{}</td>", escape(&c.text)));
                        }
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</table>\n");
            }
            Shape::TabText => {
                for row in &rows {
                    for c in row {
                        out.push('\t');
                        out.push_str(&c.text);
                        out.push('\n');
                    }
                    out.push('\n');
                }
            }
            Shape::RowText => {
                for row in &rows {
                    let texts: Vec<&str> = row.iter().map(|c| c.text.as_str()).collect();
                    out.push_str(&texts.join("\t"));
                    out.push('\n');
                }
            }
            Shape::Markdown => {
                for (k, row) in rows.iter().enumerate() {
                    out.push('|');
                    for c in row {
                        out.push_str(&c.text.replace('\n', " "));
                        out.push('|');
                    }
                    out.push('\n');
                    if k == 0 {
                        out.push('|');
                        out.push_str(&"---|".repeat(row.len()));
                        out.push('\n');
                    }
                }
            }
        }
    }
    if html {
        out.push_str(if word { "</div></body></html>\n" } else { "</body></html>\n" });
    }
    out
}

/// Generates, renders and checks one report: the rendered input and the check's findings.
fn run(data: &[u8]) -> Option<(String, xxgk_lint::LintReport)> {
    let model = Model::arbitrary_take_rest(Unstructured::new(data)).ok()?;
    let year = 2015 + model.year as u16 % 16;
    let format = Formats::OFFICIAL.for_year_or_newest(Some(year));
    let input = render(&model, format, year);
    let read = ReadOptions {
        input: Some(if matches!(model.shape, Shape::Html | Shape::WordHtml) {
            InputKind::Html
        } else {
            InputKind::Text
        }),
        ..ReadOptions::default()
    };
    let report = lint_str(&input, &read, &LintOptions::default()).ok()?;
    Some((input, report))
}

/// With XXGK_FUZZ_COUNT set, how many inputs gave a report and how many of those a finding in
/// a table (the rules ran on recognised tables), printed at every power of two.
fn count(report: Option<&xxgk_lint::LintReport>) {
    use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
    use std::sync::OnceLock;
    static ON: OnceLock<bool> = OnceLock::new();
    static RUNS: AtomicUsize = AtomicUsize::new(0);
    static REPORTS: AtomicUsize = AtomicUsize::new(0);
    static TABLES: AtomicUsize = AtomicUsize::new(0);
    if !*ON.get_or_init(|| std::env::var_os("XXGK_FUZZ_COUNT").is_some()) {
        return;
    }
    let runs = RUNS.fetch_add(1, Relaxed) + 1;
    if let Some(r) = report {
        REPORTS.fetch_add(1, Relaxed);
        if r.diagnostics.iter().any(|d| d.table.is_some()) {
            TABLES.fetch_add(1, Relaxed);
        }
    }
    if runs.is_power_of_two() {
        eprintln!(
            "report model: {runs} inputs, {} reports, {} with a table finding",
            REPORTS.load(Relaxed),
            TABLES.load(Relaxed)
        );
    }
}

fuzz_target!(|data: &[u8]| {
    let result = run(data);
    count(result.as_ref().map(|(_, r)| r));
});
