//! The whole check: read → recognise → rules → a [`LintReport`], and its human rendering.

use std::borrow::Cow;

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use crate::diagnostic::{Diagnostic, Lang, Severity};
use crate::document::{Document, InputKind, Span, TextPoint};
use crate::format::TableId;
use crate::message::{Args, Message, Text};
use crate::read::{read_file, read_str, ReadError, ReadOptions};
use crate::recognize::format_version::{detect, DetectedFormat};
use crate::recognize::{recognize, recognize_in, MappedCell, Report};
use crate::rules::input::TEXT_READERS_LOADING;
use crate::rules::readability::TABLE_UNREADABLE;
use crate::rules::{run, Context, LintOptions};

#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

/// The result of checking one report (the CLI's `--json`, the JS API's `lint`).
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LintReport {
    pub schema_version: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub file: Option<String>,
    /// `'text'` in a report the browser's first module could not make: the report's tables
    /// need the text readers of the second module, which is loading (TEXT-READERS-LOADING).
    /// Absent in every other report.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "'text'"))]
    pub pending: Option<&'static str>,
    /// What was read: `"html"`, `"text"`, `"dom"` (a live DOM), `"docx"`, `"pdf"`; `null` in the
    /// report of an input that could not be read.
    #[cfg_attr(target_arch = "wasm32", tsify(type = "'html' | 'text' | 'dom' | 'docx' | 'pdf' | null"))]
    pub input: Option<InputKind>,
    /// The encoding a file's text was decoded from ("UTF-8", "GB18030", "UTF-16LE", …);
    /// `null` where no bytes were decoded (a string, a DOM).
    pub encoding: Option<&'static str>,
    #[cfg_attr(target_arch = "wasm32", tsify(type = "DetectedFormat | null"))]
    pub format: Option<DetectedFormat>,
    pub year: Option<u16>,
    pub title: Option<String>,
    pub organ: Option<String>,
    pub summary: Summary,
    /// The verdict in one line: the counts, and whether the report can be published
    /// (“1 个错误，0 个警告，0 个提示 — 请勿发布”).
    pub verdict: Verdict,
    /// What to call each group of findings: `whole` for those about the whole report, and
    /// `二`, `三`, `四` for the tables (“表三 收到和处理政府信息公开申请情况”), in the report's
    /// language — the names a page shows above each group.
    pub titles: Titles,
    pub diagnostics: Vec<Diagnostic>,
    /// The extracted values: for each table a list of rows
    /// `{"row": official label, "values": {official column label: {"value", "text"}}}`.
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(
            type = "{ [table: string]: { row: string | null; values: { [column: string]: { value: number | null; text: string | null } } }[] }"
        )
    )]
    pub tables: Tables,
    /// The tables an editor can rebuild (`tableHtml`, `checker.rebuildTable`): those read from
    /// text without cells, completely — every official cell has a number, nothing was
    /// unreadable (no TABLE-UNREADABLE) —, each with the run of text it was read from. Empty
    /// for tables read from cells, and for a Word file or a PDF.
    pub rebuildable: Vec<TextRun>,
}

/// A table read from text without cells, and the run of text it was read from: from its first
/// label or value to its last, the section's heading and the next section's left out.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TextRun {
    /// `"二"`, `"三"` or `"四"`.
    #[cfg_attr(target_arch = "wasm32", tsify(type = "'二' | '三' | '四'"))]
    pub table: &'static str,
    /// The run in the input text (the JS API converts to string indices); `null` for a DOM.
    #[cfg_attr(target_arch = "wasm32", tsify(type = "[number, number] | null"))]
    pub span: Option<Span>,
    /// For a DOM: where the run starts, its first character.
    pub first: Option<TextPoint>,
    /// For a DOM: where the run ends, just after its last character.
    pub last: Option<TextPoint>,
}

/// A message rendered, with its id and arguments (as a finding carries them).
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Verdict {
    #[cfg_attr(target_arch = "wasm32", tsify(type = "string"))]
    #[serde(serialize_with = "message_id")]
    pub message_id: &'static Message,
    #[cfg_attr(target_arch = "wasm32", tsify(type = "Record<string, MessageArg>"))]
    pub args: Args,
    pub message: String,
}

fn message_id<S: Serializer>(m: &&'static Message, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(m.id)
}

/// The names of the groups of findings, in the report's language.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Titles {
    pub whole: &'static str,
    #[serde(rename = "二")]
    pub proactive: &'static str,
    #[serde(rename = "三")]
    pub requests: &'static str,
    #[serde(rename = "四")]
    pub review: &'static str,
}

impl Titles {
    pub fn new(lang: Lang) -> Titles {
        Titles {
            whole: WHOLE.template(lang),
            proactive: PROACTIVE_TITLE.template(lang),
            requests: REQUESTS_TITLE.template(lang),
            review: REVIEW_TITLE.template(lang),
        }
    }

    /// The title of the group of findings about `table` (`None`: the whole report).
    pub fn of(&self, table: Option<&str>) -> &'static str {
        match table {
            Some("二") => self.proactive,
            Some("三") => self.requests,
            Some("四") => self.review,
            _ => self.whole,
        }
    }
}

const WHOLE: Message = Message { id: "title/whole", zh: "全文", en: english!("Whole report") };
const PROACTIVE_TITLE: Message =
    Message {
        id: "title/二", zh: "表二 主动公开政府信息情况", en: english!("Table 二 — proactive disclosure")
    };
const REQUESTS_TITLE: Message = Message {
    id: "title/三",
    zh: "表三 收到和处理政府信息公开申请情况",
    en: english!("Table 三 — requests received and handled"),
};
const REVIEW_TITLE: Message = Message {
    id: "title/四",
    zh: "表四 政府信息公开行政复议、行政诉讼情况",
    en: english!("Table 四 — administrative reconsideration and litigation"),
};

const DO_NOT_PUBLISH: Message = Message {
    id: "verdict/errors",
    zh: "{errors}，{warnings}，{infos} — 请勿发布",
    en: english!("{errors}, {warnings}, {infos} — do not publish yet"),
};
const PUBLISH_AFTER_WARNINGS: Message = Message {
    id: "verdict/warnings",
    zh: "{errors}，{warnings}，{infos} — 可以发布，建议先处理警告",
    en: english!("{errors}, {warnings}, {infos} — ready to publish; consider the warnings"),
};
const PUBLISH: Message = Message {
    id: "verdict/clean",
    zh: "{errors}，{warnings}，{infos} — 可以发布",
    en: english!("{errors}, {warnings}, {infos} — ready to publish"),
};
const ERRORS: Message = Message { id: "count/errors", zh: "{count} 个错误", en: english!("{count} errors") };
const ONE_ERROR: Message = Message { id: "count/error", zh: "{count} 个错误", en: english!("{count} error") };
const WARNINGS: Message = Message { id: "count/warnings", zh: "{count} 个警告", en: english!("{count} warnings") };
const ONE_WARNING: Message = Message { id: "count/warning", zh: "{count} 个警告", en: english!("{count} warning") };
const INFOS: Message = Message { id: "count/infos", zh: "{count} 个提示", en: english!("{count} infos") };
const ONE_INFO: Message = Message { id: "count/info", zh: "{count} 个提示", en: english!("{count} info") };

impl Verdict {
    /// The verdict on a report with these counts.
    pub fn new(s: Summary, lang: Lang) -> Verdict {
        let message_id = if s.errors > 0 {
            &DO_NOT_PUBLISH
        } else if s.warnings > 0 {
            &PUBLISH_AFTER_WARNINGS
        } else {
            &PUBLISH
        };
        let count = |n: usize, one: &'static Message, many: &'static Message| {
            (if n == 1 { one } else { many }, Args::new().text("count", n))
        };
        let (e, w, i) = (
            count(s.errors, &ONE_ERROR, &ERRORS),
            count(s.warnings, &ONE_WARNING, &WARNINGS),
            count(s.infos, &ONE_INFO, &INFOS),
        );
        let args = Args::new()
            .phrase_with("errors", e.0, e.1)
            .phrase_with("warnings", w.0, w.1)
            .phrase_with("infos", i.0, i.1);
        let message = Text::new(message_id, args.clone()).render(lang);
        Verdict { message_id, args, message }
    }
}

impl Summary {
    /// The counts of these findings by severity.
    pub fn of(diagnostics: &[Diagnostic]) -> Summary {
        let mut summary = Summary::default();
        for d in diagnostics {
            match d.severity {
                Severity::Error => summary.errors += 1,
                Severity::Warning => summary.warnings += 1,
                Severity::Info => summary.infos += 1,
            }
        }
        summary
    }
}

// The messages of the pseudo rules the JS API reports (OPTIONS, INPUT-DOM, INPUT-DOCX,
// INTERNAL-ERROR): the particulars (`why`) are in English.
pub const OPTIONS_MESSAGE: Message =
    Message { id: "OPTIONS", zh: "选项有误：{why}", en: english!("invalid options: {why}") };
pub const DOM_MESSAGE: Message =
    Message { id: "INPUT-DOM", zh: "页面传入的内容结构有误（{why}）", en: english!("{why}") };
pub const DOCX_CODE_MESSAGE: Message = Message {
    id: "INPUT-DOCX/code",
    zh: "无法读取该 Word 文档（{code}）",
    en: english!("the Word document cannot be read ({code})"),
};
pub const INTERNAL_MESSAGE: Message = Message {
    id: "INTERNAL-ERROR",
    zh: "检查程序内部出错（{why}），请反馈。",
    en: english!("xxgk-lint failed on this input ({why}); please report it."),
};

impl LintReport {
    /// The report of an input that could not be checked: one finding of a pseudo rule
    /// (`INPUT-EMPTY`, `OPTIONS`, …) saying why, as an error, so that a caller that only
    /// counts errors still blocks publishing. TEXT-READERS-LOADING's report is also marked
    /// [`LintReport::pending`].
    pub fn refusal(rule: &'static str, text: Text, lang: Lang) -> LintReport {
        let mut d = Diagnostic::new(rule, Severity::Error, text.message, text.args).finish(rule);
        d.render(lang);
        let summary = Summary { errors: 1, warnings: 0, infos: 0 };
        LintReport {
            schema_version: 1,
            file: None,
            pending: (rule == TEXT_READERS_LOADING.id).then_some("text"),
            input: None,
            encoding: None,
            format: None,
            year: None,
            title: None,
            organ: None,
            summary,
            verdict: Verdict::new(summary, lang),
            titles: Titles::new(lang),
            diagnostics: vec![d],
            tables: Default::default(),
            rebuildable: Vec::new(),
        }
    }
}

/// Check a report given as a string.
pub fn lint_str(input: &str, read: &ReadOptions, options: &LintOptions) -> Result<LintReport, ReadError> {
    let doc = read_str(input, read)?;
    Ok(lint_document(&doc, options))
}

/// Check a report given as the bytes of a file: told apart by content, decoded, read. Spans
/// are byte offsets into `bytes`.
pub fn lint_bytes(bytes: &[u8], read: &ReadOptions, options: &LintOptions) -> Result<LintReport, ReadError> {
    let file = read_file(bytes, read)?;
    let mut report = lint_document(&file.document, options);
    if let Some(decoded) = &file.decoded {
        report.encoding = Some(decoded.encoding);
        // Spans into the decoded text become byte ranges in the file, all mapped in one pass.
        let mut offsets: Vec<usize> =
            report.diagnostics.iter().filter_map(|d| d.span).flat_map(|s| [s.start, s.end]).collect();
        decoded.file_offsets(&mut offsets);
        let mut mapped = offsets.chunks_exact(2);
        for (d, m) in report.diagnostics.iter_mut().filter(|d| d.span.is_some()).zip(&mut mapped) {
            d.span = Some(Span::new(m[0], m[1]));
        }
    }
    Ok(report)
}

/// Read and recognise a report without checking it: last year's report for the
/// cross-year rules ([`LintOptions::previous`]).
pub fn recognize_str(input: &str, read: &ReadOptions) -> Result<Report, ReadError> {
    let doc = read_str(input, read)?;
    Ok(recognize(&doc))
}

/// [`recognize_str`] for bytes (decoded as [`crate::read::decode`] says).
pub fn recognize_bytes(bytes: &[u8], read: &ReadOptions) -> Result<Report, ReadError> {
    let file = read_file(bytes, read)?;
    Ok(recognize(&file.document))
}

/// Check an already-read document.
pub fn lint_document(doc: &Document, options: &LintOptions) -> LintReport {
    let report = recognize_in(doc, options.formats);
    if report.needs_text_readers {
        return LintReport::refusal(TEXT_READERS_LOADING.id, ReadError::NoTextReaders.text(), options.lang);
    }
    let ctx = Context {
        doc,
        report: &report,
        lang: options.lang,
        forced_format: options.format,
        previous: options.previous.as_deref(),
        sentences: Default::default(),
    };
    let mut diagnostics = run(&ctx, options);
    drop(ctx);
    match doc.input {
        // A DOM's spans point into its walker's strings, which the caller never sees; the
        // cell address is the location.
        InputKind::Dom => diagnostics.iter_mut().for_each(|d| d.span = None),
        // A Word file's spans count paragraphs: the first is where the finding is.
        InputKind::Docx => diagnostics.iter_mut().for_each(|d| d.paragraph = d.span.take().map(|s| s.start)),
        // A PDF's spans index the places blocks and cells were read from.
        InputKind::Pdf => diagnostics.iter_mut().for_each(|d| {
            if let Some(place) = d.span.take().and_then(|s| doc.places.get(s.start)) {
                d.page = Some(place.page);
                d.bbox = Some(place.bbox);
            }
        }),
        InputKind::Html | InputKind::Text => {}
    }
    let summary = Summary::of(&diagnostics);
    LintReport {
        schema_version: 1,
        file: None,
        pending: None,
        input: Some(doc.input),
        encoding: None,
        format: detect(&report),
        year: report.year,
        title: report.title.as_ref().map(|t| t.text.clone()),
        organ: report.organ.clone(),
        summary,
        verdict: Verdict::new(summary, options.lang),
        titles: Titles::new(options.lang),
        rebuildable: rebuildable(doc, &report, &diagnostics),
        diagnostics,
        tables: tables_json(report),
    }
}

/// A flattened text's table run begins with its section's heading when that is run into the
/// table's text (`三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为…`): the heading is left
/// out of the run, which the rebuilt table (without a heading) replaces.
fn after_heading(doc: &Document, report: &Report, id: TableId, span: Span) -> Span {
    let Some(section) = report.sections.iter().find(|s| s.section == id.section()) else { return span };
    match doc.slice(span).and_then(|text| text.strip_prefix(section.printed.as_str())) {
        Some(rest) => Span::new(span.end - rest.trim_start().len(), span.end),
        None => span,
    }
}

/// The tables read from text without cells whose every official cell has a number and of
/// which nothing was unreadable, with the run of text each came from ([`LintReport::rebuildable`]).
fn rebuildable(doc: &Document, report: &Report, diagnostics: &[Diagnostic]) -> Vec<TextRun> {
    let mut out = Vec::new();
    for id in TableId::ALL {
        let Some(found) = report.table(id) else { continue };
        // Read from text: no source table.
        let Some(span) = found.span.filter(|_| found.source_tables.is_empty()) else { continue };
        let span = after_heading(doc, report, id, span);
        let unreadable = !found.unreadable.is_empty()
            || diagnostics.iter().any(|d| d.rule == TABLE_UNREADABLE.id && d.table == Some(id.numeral()));
        let complete = found.format.table(id).rows().all(|(group, row)| {
            group.columns.iter().all(|column| found.cell(row.id, column.id).is_some_and(|c| c.value.number.is_some()))
        });
        if unreadable || !complete {
            continue;
        }
        let run = match doc.input {
            InputKind::Text | InputKind::Html => {
                TextRun { table: id.numeral(), span: Some(span), first: None, last: None }
            }
            InputKind::Dom => {
                let (Some(first), Some(last)) = (doc.text_point(span.start, false), doc.text_point(span.end, true))
                else {
                    continue;
                };
                TextRun { table: id.numeral(), span: None, first: Some(first), last: Some(last) }
            }
            InputKind::Docx | InputKind::Pdf => continue,
        };
        out.push(run);
    }
    out
}

/// The values read, per table, in the official row and column order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tables(pub Vec<(&'static str, Vec<TableRow>)>);

/// One official row of an extracted table.
#[derive(Clone, Debug, PartialEq)]
pub struct TableRow {
    /// The official row label (`None` for 表四's single row).
    pub row: Option<&'static str>,
    pub values: Vec<TableValue>,
}

/// (official column label, the value read if any, the text as typed if any). The label is
/// borrowed from the format unless it is qualified by a block (表四's only); the text is a
/// cell's [`crate::recognize::value::Value::text`].
pub type TableValue = (Cow<'static, str>, Option<crate::recognize::value::Decimal>, Option<Cow<'static, str>>);

impl Tables {
    /// The row with this official label in table `table` ("二", "三", "四").
    pub fn row(&self, table: &str, row: &str) -> Option<&TableRow> {
        self.0.iter().find(|(t, _)| *t == table)?.1.iter().find(|r| r.row == Some(row))
    }
}

impl Serialize for Tables {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (table, rows) in &self.0 {
            m.serialize_entry(table, rows)?;
        }
        m.end()
    }
}

impl Serialize for TableRow {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Values<'a>(&'a [TableValue]);
        struct Cell<'a>(&'a Option<crate::recognize::value::Decimal>, &'a Option<Cow<'static, str>>);
        impl Serialize for Values<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut m = s.serialize_map(Some(self.0.len()))?;
                for (column, value, text) in self.0 {
                    m.serialize_entry(column, &Cell(value, text))?;
                }
                m.end()
            }
        }
        impl Serialize for Cell<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut m = s.serialize_map(Some(2))?;
                m.serialize_entry("value", self.0)?;
                m.serialize_entry("text", self.1)?;
                m.end()
            }
        }
        let mut m = s.serialize_map(Some(2))?;
        m.serialize_entry("row", &self.row)?;
        m.serialize_entry("values", &Values(&self.values))?;
        m.end()
    }
}

/// The recognised report is spent here: each cell's text moves into the result rather than
/// being copied (the report is not read after).
fn tables_json(mut report: Report) -> Tables {
    let mut out = Vec::new();
    for id in TableId::ALL {
        let Some(found) = report.tables.iter_mut().find(|t| t.id == id) else { continue };
        let spec = found.format.table(id);
        let rows = spec
            .rows()
            .map(|(group, row)| {
                // The row's cells are searched from its first one: no cell before it is of
                // this row, so the cell found is `found.cell`'s, without passing over every
                // earlier row's cells for each column.
                let first = found.cells.iter().position(|c| c.row == row.id).unwrap_or(found.cells.len());
                TableRow {
                    row: (!row.label.is_empty()).then_some(row.label),
                    values: group
                        .columns
                        .iter()
                        .map(|column| {
                            let here = |c: &MappedCell| c.row == row.id && c.column == column.id;
                            let at = found.cells[first..].iter().position(here).map(|k| first + k);
                            debug_assert_eq!(at, found.cells.iter().position(here));
                            let cell = at.map(|k| &mut found.cells[k]);
                            let label = match column.block {
                                None => Cow::Borrowed(column.label),
                                Some(_) => Cow::Owned(column.qualified_label()),
                            };
                            match cell {
                                Some(c) => (label, c.value.number, Some(std::mem::take(&mut c.value.text))),
                                None => (label, None, None),
                            }
                        })
                        .collect(),
                }
            })
            .collect();
        out.push((id.numeral(), rows));
    }
    Tables(out)
}

const YEAR: Message = Message { id: "human/year", zh: "{year} 年度", en: english!("year {year}") };
const FORMAT: Message = Message { id: "human/format", zh: "{format} 年格式", en: english!("{format} format") };
const FORMAT_HYBRID: Message = Message { id: "human/hybrid", zh: "两种格式混用", en: english!("mixed formats") };
const CHANGE_TO: Message = Message { id: "human/fix", zh: "→ 改为", en: english!("→ change to") };

/// The human rendering: grouped by table, the official row and column named, both sides of
/// each equation, in the report's language (`lang` names the severities and the report's
/// year and format; the messages, titles and verdict are the report's own).
pub fn render_human(report: &LintReport, lang: Lang) -> String {
    let mut out = String::new();
    if let Some(f) = &report.file {
        out.push_str(f);
        out.push('\n');
    }
    let mut head = Vec::new();
    if let Some(t) = &report.title {
        head.push(t.clone());
    }
    if let Some(y) = report.year {
        head.push(YEAR.render(lang, &Args::new().text("year", y)));
    }
    if let Some(f) = report.format {
        head.push(match f {
            DetectedFormat::Version(v) => FORMAT.render(lang, &Args::new().text("format", v.as_str())),
            DetectedFormat::Hybrid => FORMAT_HYBRID.template(lang).to_string(),
        });
    }
    if !head.is_empty() {
        out.push_str(&format!("  {}\n", head.join(" · ")));
    }
    for table in [None, Some("二"), Some("三"), Some("四")] {
        let items: Vec<&Diagnostic> = report.diagnostics.iter().filter(|d| d.table == table).collect();
        if items.is_empty() {
            continue;
        }
        out.push_str(&format!("\n  {}\n", report.titles.of(table)));
        for d in items {
            out.push_str(&format!("    {} {}  {}\n", d.severity.label(lang), d.rule, d.message));
            if let Some(f) = &d.fix {
                out.push_str(&format!("      {} {}\n", CHANGE_TO.template(lang), f.value));
            }
        }
    }
    out.push_str(&format!("\n  {}\n", report.verdict.message));
    out
}

/// Every message this module declares ([`crate::message::catalogue`]).
pub(crate) const MESSAGES: &[&crate::message::Message] = &[
    &WHOLE,
    &PROACTIVE_TITLE,
    &REQUESTS_TITLE,
    &REVIEW_TITLE,
    &DO_NOT_PUBLISH,
    &PUBLISH_AFTER_WARNINGS,
    &PUBLISH,
    &ERRORS,
    &ONE_ERROR,
    &WARNINGS,
    &ONE_WARNING,
    &INFOS,
    &ONE_INFO,
    &OPTIONS_MESSAGE,
    &DOM_MESSAGE,
    &DOCX_CODE_MESSAGE,
    &INTERNAL_MESSAGE,
    &YEAR,
    &FORMAT,
    &FORMAT_HYBRID,
    &CHANGE_TO,
];

/// The browser's path — a DOM walked by the package's JavaScript, read without an HTML
/// parser — against the string's, on the same page: the same findings, in the same order.
/// (While a DOM's document had no source text and its blocks no spans, the rules that read
/// the source got nothing from it: findings came in the order the rules made them, not the
/// page's — an editing residue in a table cell, or a text-table row, listed before or after
/// the findings around it — and an editing residue was not pinned inside its cell.)
#[cfg(all(test, feature = "html-parser"))]
mod dom_path {
    use super::*;
    use crate::read::html::{parse, read_dom, tree::dom_records};

    /// What `lintElement` gives for the page `html` (after the browser's parse).
    fn via_dom(html: &str, options: &LintOptions) -> LintReport {
        let (nodes, strings, quirks) = dom_records(&parse(html));
        let doc = read_dom(&nodes, &strings, quirks, &ReadOptions::default()).expect("well-formed records");
        lint_document(&doc, options)
    }

    /// Everything but the spans (a DOM has none to show) and the input kind.
    fn comparable(r: &LintReport) -> serde_json::Value {
        let mut v = serde_json::to_value(r).expect("serialisable");
        v["input"] = serde_json::Value::Null;
        for d in v["diagnostics"].as_array_mut().expect("a list") {
            d.as_object_mut().expect("an object").remove("span");
        }
        // Where each rebuildable table's text is: a span in a string, text nodes in a DOM
        // (compared by `rebuildable_runs`).
        for run in v["rebuildable"].as_array_mut().expect("a list") {
            *run = run["table"].clone();
        }
        v
    }

    /// The text of the DOM (as walked) from `first` to `last` of each rebuildable table.
    fn dom_runs(html: &str) -> Vec<(&'static str, String)> {
        let (nodes, strings, quirks) = dom_records(&parse(html));
        let doc = read_dom(&nodes, &strings, quirks, &ReadOptions::default()).expect("well-formed records");
        let report = lint_document(&doc, &LintOptions::default());
        // Each text node's string, in the walker's order.
        let all: Vec<&str> = strings.split('\0').collect();
        let mut texts = Vec::new();
        let mut i = 0;
        while i < nodes.len() {
            if nodes[i] == 3 {
                texts.push(all[nodes[i + 2] as usize]);
            }
            i += 4 + 2 * nodes[i + 3] as usize;
        }
        // A UTF-16 offset in a text as a byte offset.
        let byte = |text: &str, units: u32| {
            let mut seen = 0;
            for (b, c) in text.char_indices() {
                if seen >= units as usize {
                    return b;
                }
                seen += c.len_utf16();
            }
            text.len()
        };
        report
            .rebuildable
            .iter()
            .map(|run| {
                assert_eq!(run.span, None);
                let (first, last) = (run.first.expect("a start"), run.last.expect("an end"));
                let mut out = String::new();
                for n in first.node..=last.node {
                    let t = texts[n as usize];
                    let from = if n == first.node { byte(t, first.offset) } else { 0 };
                    let to = if n == last.node { byte(t, last.offset) } else { t.len() };
                    out.push_str(&t[from..to]);
                }
                (run.table, out)
            })
            .collect()
    }

    /// A table read from text in a DOM names the text nodes it was read from: the same text as
    /// the run the span of the same HTML as a string names, less its markup.
    #[test]
    fn rebuildable_runs() {
        for (f, tables) in [
            ("fujian-pingtan-zonghe-shiyanqu-2022.page.txt", vec!["三", "四"]),
            // Its lines as paragraphs read 表二 and 表三 otherwise than the text does (not completely).
            ("jiangsu-huaian-hongze-qu-2023.pdftotext-raw.txt", vec!["四"]),
            ("jiangsu-huaian-hongze-qu-2023.pdftotext-layout.txt", vec!["四"]),
            ("xizou-2019.txt", vec!["二", "三", "四"]),
        ] {
            let text = fixture(f);
            let html = as_paragraphs(&text);
            let runs = dom_runs(&html);
            assert_eq!(runs.iter().map(|r| r.0).collect::<Vec<_>>(), tables, "{f}");
            // The section's heading run into the table's text is not part of it.
            assert!(
                runs.iter().all(|(_, run)| !run.contains("、收到和处理") && !run.contains("、政府信息公开行政")),
                "{f}"
            );
            let string = lint_str(&html, &ReadOptions::default(), &LintOptions::default()).expect("readable");
            for (table, dom) in &runs {
                let run = string.rebuildable.iter().find(|r| r.table == *table).expect("the same table in the string");
                let span = run.span.expect("a span in the string");
                let want = html[span.start..span.end].replace("</p>\n<p>", "\n");
                assert_eq!(dom, &want, "{f}: 表{table}");
            }
        }
    }

    fn same(name: &str, html: &str) {
        let options = LintOptions::default();
        let string = lint_str(html, &ReadOptions::default(), &options).expect("readable");
        let dom = via_dom(html, &options);
        assert!(dom.diagnostics.iter().all(|d| d.span.is_none()), "{name}: a DOM finding has no span");
        let (dom, string) = (comparable(&dom), comparable(&string));
        // The findings in short first (rule, table, row, column), so a difference reads.
        let short = |v: &serde_json::Value| -> Vec<String> {
            let list = v["diagnostics"].as_array().expect("a list");
            list.iter().map(|d| format!("{} {} {} {}", d["rule"], d["table"], d["row"], d["column"])).collect()
        };
        assert_eq!(short(&dom), short(&string), "{name}: the findings");
        assert_eq!(dom, string, "{name}");
    }

    fn fixture(path: &str) -> String {
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(path))
            .expect("fixture")
    }

    /// A text report pasted into an editor line by line: every line a `<p>`.
    fn as_paragraphs(text: &str) -> String {
        text.lines().map(|l| format!("<p>{}</p>\n", l.replace('&', "&amp;").replace('<', "&lt;"))).collect()
    }

    #[test]
    fn html_fixtures() {
        for f in [
            "clipboard/word-xizou-2019.html",
            "clipboard/wps-xizou-2019.html",
            "clipboard/excel-table3.html",
            "clipboard/messy-editor.html",
            "fujian-pingtan-zonghe-shiyanqu-2022.portal.html",
        ] {
            same(f, &fixture(f));
        }
    }

    #[test]
    fn text_fixtures_pasted_as_paragraphs() {
        for f in [
            "xizou-2019.txt",
            "fujian-pingtan-zonghe-shiyanqu-2021.page.txt",
            "fujian-pingtan-zonghe-shiyanqu-2022.page.txt",
            "jiangsu-huaian-hongze-qu-2023.pdftotext-layout.txt",
            "jiangsu-huaian-hongze-qu-2023.pdftotext-raw.txt",
            "jiangsu-huaian-hongze-qu-2024.pdftotext-layout.txt",
            "jiangsu-huaian-shi-2024.pdftotext-layout.txt",
            "jiangsu-huaian-shi-2024.pdftotext-raw.txt",
            "jiangsu-suqian-shuyang-xian-2025.ocr-md.txt",
            "shanghai-shi-zhengfu-bangongting-2025.pdf2md.md",
        ] {
            same(f, &as_paragraphs(&fixture(f)));
        }
    }

    #[test]
    fn editing_residue() {
        let page = fixture("clipboard/word-xizou-2019.html")
            .replacen("一、总体情况", "[bookmark: _GoBack]一、总体情况", 1)
            .replacen("（二）健全工作机制", "（二）健全工作机制（错误！未找到引用源。）", 1)
            .replacen(">自然人<", ">自然人StartFragment<", 1);
        let r = lint_str(&page, &ReadOptions::default(), &LintOptions::default()).unwrap();
        let residue: Vec<&str> =
            r.diagnostics.iter().filter(|d| d.rule == "PASTE-ARTIFACT").filter_map(|d| d.actual.as_deref()).collect();
        assert_eq!(residue, ["[bookmark: _GoBack]", "错误！未找到引用源。）", "StartFragment"]);
        same("residue", &page);
    }
}
