//! `check --html FILE`: the batch's summary page, one self-contained HTML file an auditor opens
//! from disk (file://) and prints — inline CSS and script, no network.
//!
//! It holds the region's totals, two charts drawn here as inline SVG ([`charts`]), a sortable,
//! filterable table of the reports, and, on a click, one report's findings and its three
//! statutory tables with the wrong cells lit.
//!
//! **Built to stay usable at 50 000 reports, and to keep the run's memory flat.** Each report is
//! reduced, as it comes, to two compact JSON arrays appended to two spool files beside the
//! output: its row (identity, counts, verdict) and its detail (findings, and the texts of its
//! tables' value cells as one tab- and newline-separated string a table); only the counts the
//! charts and totals need stay in memory. [`SummaryPage::finish`] writes the page and copies the
//! spools into two `<script type="application/json">`: the rows, which the page parses as it
//! opens, and after its script the details, one a line, which it never parses whole — a row
//! holds its detail's place in that text (in UTF-16 units, as the script sees it), and a click
//! parses just that line. (The details are most of the page: at 50 000 reports the page opens in
//! the time its rows take, not its findings.) The tables' labels are not repeated per report: the page carries
//! each revision's table once, as a `<template>` that [`crate::render::tables::render`] draws
//! with no values, and its script clones the template and sets the cells' texts and classes —
//! the markup is that one renderer's. The report table is drawn a page of rows at a time, so the
//! browser never holds 50 000 rows of DOM.

pub mod charts;

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::diagnostic::{Lang, Severity};
use crate::format::Formats;
use crate::lint::{LintReport, Titles};
use crate::message::Message;
use crate::render::escape_html;
use crate::render::tables::{layout, render, report_tables};
use crate::tabular::{table_state, FINDINGS_HEADER, SUMMARY_HEADER, TABLE_STATES};

const STYLE: &str = include_str!("page.css");
const SCRIPT: &str = include_str!("page.js");

/// The page's own words (the findings' messages and verdicts come rendered in the reports).
mod words {
    use crate::message::Message;
    pub const TITLE: Message = Message {
        id: "html/title",
        zh: "政府信息公开工作年度报告检查汇总",
        en: "Annual disclosure reports: check summary",
    };
    pub const REPORTS: Message = Message { id: "html/reports", zh: "份报告", en: "reports" };
    pub const FINDINGS: Message = Message { id: "html/findings", zh: "问题", en: "findings" };
    pub const BY_RULE: Message =
        Message { id: "html/by-rule", zh: "各规则发现的问题数", en: "Findings by rule" };
    pub const BY_YEAR: Message =
        Message { id: "html/by-year", zh: "各年度报告的结论", en: "Reports by verdict, per year" };
    pub const TABLE: Message = Message { id: "html/table", zh: "报告一览", en: "The reports" };
    pub const TABLES: Message = Message { id: "html/tables", zh: "三张表", en: "Tables" };
    pub const FILTER: Message =
        Message { id: "html/filter", zh: "按机关或文件名筛选…", en: "Filter by organ or file…" };
    pub const ALL_YEARS: Message = Message { id: "html/all-years", zh: "全部年度", en: "All years" };
    pub const ALL_VERDICTS: Message = Message { id: "html/all-verdicts", zh: "全部结论", en: "All verdicts" };
    pub const VERDICTS: [Message; 4] = [
        Message { id: "html/v-errors", zh: "有错误，请勿发布", en: "errors: do not publish" },
        Message { id: "html/v-warnings", zh: "仅有警告", en: "warnings only" },
        Message { id: "html/v-clean", zh: "无问题", en: "clean" },
        Message { id: "html/v-unreadable", zh: "无法读取", en: "unreadable" },
    ];
    pub const PAGE: Message = Message {
        id: "html/page",
        zh: "第 {page}/{pages} 页，共 {count} 份",
        en: "page {page} of {pages}, {count} reports",
    };
    pub const PREVIOUS: Message = Message { id: "html/previous", zh: "上一页", en: "Previous" };
    pub const NEXT: Message = Message { id: "html/next", zh: "下一页", en: "Next" };
    pub const CHOOSE: Message = Message {
        id: "html/choose",
        zh: "点击表中一行，查看该报告的问题和三张表。",
        en: "Click a row to see the report's findings and its three tables.",
    };
    pub const NO_FINDINGS: Message =
        Message { id: "html/no-findings", zh: "没有发现问题。", en: "No findings." };
    pub const NOT_READ: Message =
        Message { id: "html/not-read", zh: "未读取到此表。", en: "This table was not read." };
    pub const WHY: Message = Message { id: "html/why", zh: "无法读取：", en: "Cannot be read: " };
    pub const GENERATED: Message = Message {
        id: "html/generated",
        zh: "由 xxgk-lint {version} 生成，离线页面，不联网。",
        en: "Made by xxgk-lint {version}; an offline page, nothing is fetched.",
    };
}

/// The page being made: the spool of report rows, and the counts for the totals and charts.
pub struct SummaryPage {
    path: PathBuf,
    spool_path: PathBuf,
    spool: BufWriter<File>,
    details_path: PathBuf,
    details: BufWriter<File>,
    /// Where the next detail starts in the details' text, in UTF-16 units.
    details_at: usize,
    lang: Lang,
    reports: usize,
    by_rule: BTreeMap<&'static str, [usize; 3]>,
    by_year: BTreeMap<Option<u16>, [usize; 4]>,
    severities: [usize; 3],
}

impl SummaryPage {
    /// Start the page at `path` (its spools are `path` + `.part` and `.details.part`, removed
    /// by [`SummaryPage::finish`]).
    pub fn create(path: &Path, lang: Lang) -> std::io::Result<SummaryPage> {
        let beside = |suffix: &str| {
            let mut p = path.as_os_str().to_owned();
            p.push(suffix);
            PathBuf::from(p)
        };
        let (spool_path, details_path) = (beside(".part"), beside(".details.part"));
        // Fail now, not after the batch, if the page cannot be written there.
        File::create(path)?;
        let spool = BufWriter::new(File::create(&spool_path)?);
        let details = BufWriter::new(File::create(&details_path)?);
        Ok(SummaryPage {
            path: path.to_path_buf(),
            spool_path,
            spool,
            details_path,
            details,
            details_at: 0,
            lang,
            reports: 0,
            by_rule: BTreeMap::new(),
            by_year: BTreeMap::new(),
            severities: [0; 3],
        })
    }

    /// A report's row, with its detail's place (start, length) in the details' text added.
    fn push_row(&mut self, mut row: Vec<serde_json::Value>, detail: &serde_json::Value) -> std::io::Result<()> {
        let detail = json_text(detail)?;
        let length = detail.encode_utf16().count();
        self.details.write_all(detail.as_bytes())?;
        self.details.write_all(b"\n")?;
        row.push(self.details_at.into());
        row.push(length.into());
        self.details_at += length + 1;
        if self.reports > 0 {
            self.spool.write_all(b",\n")?;
        }
        self.reports += 1;
        self.spool.write_all(json_text(&serde_json::Value::Array(row))?.as_bytes())
    }

    /// A report checked.
    pub fn add(&mut self, report: &LintReport) -> std::io::Result<()> {
        let s = report.summary;
        for d in &report.diagnostics {
            self.by_rule.entry(d.rule).or_default()[severity_index(d.severity)] += 1;
        }
        self.severities[0] += s.errors;
        self.severities[1] += s.warnings;
        self.severities[2] += s.infos;
        let verdict = if s.errors > 0 {
            0
        } else if s.warnings > 0 {
            1
        } else {
            2
        };
        self.by_year.entry(report.year).or_default()[verdict] += 1;
        let tables = report_tables(report, Formats::OFFICIAL);
        // Each finding: rule, severity, table, row, column, found, expected, fix, message, and
        // the cell it lights as [table (index in the report's tables), row, column], or 0.
        let findings: Vec<serde_json::Value> = report
            .diagnostics
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let cell = tables.iter().enumerate().find_map(|(t, table)| {
                    table.marks.iter().find(|m| m.finding == i).map(|m| serde_json::json!([t, m.row, m.column]))
                });
                let [table, row, column, found, expected, fix] = crate::tabular::finding_place(d);
                serde_json::json!([
                    d.rule,
                    severity_index(d.severity),
                    table,
                    row,
                    column,
                    found,
                    expected,
                    fix,
                    d.message,
                    cell.unwrap_or(serde_json::Value::from(0)),
                ])
            })
            .collect();
        let table_data: Vec<serde_json::Value> = tables
            .iter()
            .map(|t| {
                let rows: Vec<String> = t
                    .values
                    .iter()
                    .map(|r| {
                        r.iter().map(|v| v.unwrap_or("").replace(['\t', '\n'], " ")).collect::<Vec<_>>().join("\t")
                    })
                    .collect();
                serde_json::json!([format!("{}-{}", t.format, t.spec.id.numeral()), rows.join("\n")])
            })
            .collect();
        let states: String = ["二", "三", "四"].iter().map(|t| ['r', 'u', 'm'][table_state(report, t)]).collect();
        let row = vec![
            report.file.as_deref().unwrap_or("").into(),
            report.organ.as_deref().unwrap_or("").into(),
            report.year.unwrap_or(0).into(),
            report.format.map_or("", |f| f.as_str()).into(),
            s.errors.into(),
            s.warnings.into(),
            s.infos.into(),
            states.into(),
            verdict.into(),
            report.verdict.message.as_str().into(),
        ];
        self.push_row(row, &serde_json::json!([findings, table_data]))
    }

    /// A file that could not be read, and why.
    pub fn add_unreadable(&mut self, file: &str, why: &str) -> std::io::Result<()> {
        self.by_year.entry(None).or_default()[3] += 1;
        let row = vec![
            file.into(),
            "".into(),
            0.into(),
            "".into(),
            0.into(),
            0.into(),
            0.into(),
            "".into(),
            3.into(),
            why.into(),
        ];
        self.push_row(row, &serde_json::json!([[], []]))
    }

    /// Write the page and remove the spool.
    pub fn finish(mut self) -> std::io::Result<()> {
        self.spool.flush()?;
        self.details.flush()?;
        drop((self.spool, self.details));
        let result = write_page(
            &self.path,
            [&self.spool_path, &self.details_path],
            self.lang,
            self.reports,
            &self.by_rule,
            &self.by_year,
            self.severities,
        );
        for spool in [&self.spool_path, &self.details_path] {
            let _removed = std::fs::remove_file(spool);
        }
        result
    }
}

/// A value as JSON text that cannot close the page's `<script>` (every `<` escaped; JSON has
/// none outside its strings).
fn json_text(value: &serde_json::Value) -> std::io::Result<String> {
    Ok(serde_json::to_string(value).map_err(std::io::Error::other)?.replace('<', "\\u003c"))
}

fn severity_index(s: Severity) -> usize {
    match s {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
    }
}

fn write_page(
    path: &Path,
    [rows, details]: [&Path; 2],
    lang: Lang,
    reports: usize,
    by_rule: &BTreeMap<&'static str, [usize; 3]>,
    by_year: &BTreeMap<Option<u16>, [usize; 4]>,
    severities: [usize; 3],
) -> std::io::Result<()> {
    let t = |m: &Message| m.template(lang);
    let e = |m: &Message| escape_html(m.template(lang));
    let severity_names = [Severity::Error, Severity::Warning, Severity::Info].map(|s| s.label(lang));
    let verdict_names = words::VERDICTS.each_ref().map(|m| m.template(lang));
    let mut out = BufWriter::new(File::create(path)?);
    let html_lang = match lang {
        Lang::Zh => "zh-CN",
        Lang::En => "en",
    };
    write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{html_lang}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{}</title><style>{STYLE}</style></head><body>\n<h1>{}</h1>\n",
        e(&words::TITLE),
        e(&words::TITLE)
    )?;
    // The totals.
    let mut verdicts = [0usize; 4];
    for v in by_year.values() {
        for (i, n) in v.iter().enumerate() {
            verdicts[i] += n;
        }
    }
    write!(out, "<section id=\"totals\" class=\"totals\">")?;
    let total = |out: &mut BufWriter<File>, key: &str, n: usize, label: &str, colour: Option<&str>| {
        let style = colour.map_or(String::new(), |c| format!(" style=\"border-top-color:{c}\""));
        write!(
            out,
            "<div class=\"total\" data-total=\"{key}\"{style}><b>{n}</b><span>{}</span></div>",
            escape_html(label)
        )
    };
    total(&mut out, "reports", reports, t(&words::REPORTS), None)?;
    for (i, n) in verdicts.iter().enumerate() {
        total(&mut out, charts::VERDICT_KEYS[i], *n, verdict_names[i], Some(charts::VERDICT_COLOURS[i]))?;
    }
    for (i, n) in severities.iter().enumerate() {
        let label = format!("{} · {}", t(&words::FINDINGS), severity_names[i]);
        total(&mut out, ["error", "warning", "info"][i], *n, &label, None)?;
    }
    write!(out, "</section>\n<section class=\"charts\"><figure><figcaption>{}</figcaption>", e(&words::BY_RULE))?;
    out.write_all(charts::findings_by_rule(by_rule, severity_names).as_bytes())?;
    write!(out, "</figure><figure><figcaption>{}</figcaption>", e(&words::BY_YEAR))?;
    out.write_all(charts::verdicts_by_year(by_year, verdict_names).as_bytes())?;
    writeln!(out, "</figure></section>")?;
    // The reports' table: controls, header; the rows are the script's.
    write!(out, "<section id=\"reports\"><h2>{}</h2><div class=\"controls\">", e(&words::TABLE))?;
    write!(out, "<input id=\"filter\" type=\"search\" placeholder=\"{}\">", e(&words::FILTER))?;
    write!(out, "<select id=\"year\"><option value=\"\">{}</option>", e(&words::ALL_YEARS))?;
    for year in by_year.keys() {
        let (value, name) = year.map_or((String::new(), "?".to_string()), |y| (y.to_string(), y.to_string()));
        if !value.is_empty() {
            write!(out, "<option value=\"{value}\">{name}</option>")?;
        }
    }
    write!(out, "</select><select id=\"verdict\"><option value=\"\">{}</option>", e(&words::ALL_VERDICTS))?;
    for (i, name) in verdict_names.iter().enumerate() {
        write!(out, "<option value=\"{i}\">{}</option>", escape_html(name))?;
    }
    write!(out, "</select></div>")?;
    // Column headers: the CSV's words (file, organ, year, format, errors, warnings; verdict).
    let head = |m: &Message, key: &str, numeric: bool| {
        format!(
            "<th data-key=\"{key}\"{}><button type=\"button\">{}</button></th>",
            if numeric { " class=\"num\"" } else { "" },
            escape_html(m.template(lang))
        )
    };
    let columns = [
        head(&SUMMARY_HEADER[1], "organ", false),
        head(&SUMMARY_HEADER[2], "year", true),
        head(&SUMMARY_HEADER[3], "format", false),
        head(&SUMMARY_HEADER[4], "errors", true),
        head(&SUMMARY_HEADER[5], "warnings", true),
        head(&words::TABLES, "tables", false),
        head(&SUMMARY_HEADER[10], "verdict", false),
        head(&SUMMARY_HEADER[0], "file", false),
    ];
    write!(
        out,
        "<table id=\"list\" class=\"list\"><thead><tr>{}</tr></thead><tbody></tbody></table>",
        columns.concat()
    )?;
    writeln!(
        out,
        "<div class=\"pager\"><button type=\"button\" id=\"prev\">{}</button> <span id=\"page\"></span> <button type=\"button\" id=\"next\">{}</button></div></section>",
        e(&words::PREVIOUS),
        e(&words::NEXT)
    )?;
    writeln!(out, "<section id=\"detail\" class=\"detail\"><p class=\"hint\">{}</p></section>", e(&words::CHOOSE))?;
    // Each revision's tables, once, as templates.
    for f in Formats::OFFICIAL.iter() {
        for spec in f.tables {
            write!(out, "<template id=\"tpl-{}-{}\">", f.name, spec.id.numeral())?;
            out.write_all(render(&layout(spec), f.name, &[], &[]).as_bytes())?;
            out.write_all(b"</template>")?;
        }
    }
    write!(
        out,
        "\n<footer>{}</footer>\n",
        escape_html(&words::GENERATED.template(lang).replace("{version}", env!("CARGO_PKG_VERSION")))
    )?;
    // The data: the words the script shows, then every report's row from the spool.
    let titles = Titles::new(lang);
    let finding_header: Vec<&str> = FINDINGS_HEADER[4..13].iter().map(|m| m.template(lang)).collect();
    let meta = serde_json::json!({
        "severities": severity_names,
        "verdicts": verdict_names,
        "states": TABLE_STATES.each_ref().map(|m| m.template(lang)),
        "titles": {"whole": titles.whole, "二": titles.proactive, "三": titles.requests, "四": titles.review},
        "findingHeader": finding_header,
        "page": t(&words::PAGE),
        "noFindings": t(&words::NO_FINDINGS),
        "notRead": t(&words::NOT_READ),
        "why": t(&words::WHY),
    });
    let meta = json_text(&meta)?;
    writeln!(out, "<script type=\"application/json\" id=\"data\">{{\"meta\":{meta},\"reports\":[")?;
    std::io::copy(&mut File::open(rows)?, &mut out)?;
    write!(out, "\n]}}</script>\n<script>{SCRIPT}</script>\n<script type=\"application/json\" id=\"details\">")?;
    std::io::copy(&mut File::open(details)?, &mut out)?;
    write!(out, "</script>\n</body></html>\n")?;
    out.flush()
}
