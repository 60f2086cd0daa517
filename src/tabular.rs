//! The auditor's tables: a batch's findings and reports as CSV files that Excel opens in
//! Chinese (UTF-8 with a byte-order mark), written as the reports come (nothing is kept).
//!
//! `--csv FILE`: one row per finding — file, organ, year, format, rule, severity, table, row,
//! column, found, expected, fix, message. `--summary-csv FILE`: one row per file — organ,
//! year, format, counts, whether each statutory table was read, and the verdict (or why the
//! file could not be read: an unreadable file is listed, never dropped).

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use crate::diagnostic::{Lang, Severity};
use crate::lint::LintReport;
use crate::message::Message;

/// A CSV file with its header written.
pub struct Table {
    writer: csv::Writer<BufWriter<File>>,
}

// The columns the findings' CSV and the tables' (`xxgk-lint tables --csv`) share.
const FORMAT: Message = Message { id: "csv/format", zh: "格式", en: "format" };
const TABLE: Message = Message { id: "csv/table", zh: "表", en: "table" };
const ROW: Message = Message { id: "csv/row", zh: "行", en: "row" };
const COLUMN: Message = Message { id: "csv/column", zh: "列", en: "column" };

pub(crate) const FINDINGS_HEADER: [Message; 13] = [
    Message { id: "csv/file", zh: "文件", en: "file" },
    Message { id: "csv/organ", zh: "机关", en: "organ" },
    Message { id: "csv/year", zh: "年度", en: "year" },
    FORMAT,
    Message { id: "csv/rule", zh: "规则", en: "rule" },
    Message { id: "csv/severity", zh: "级别", en: "severity" },
    TABLE,
    ROW,
    COLUMN,
    Message { id: "csv/found", zh: "现值", en: "found" },
    Message { id: "csv/expected", zh: "应为", en: "expected" },
    Message { id: "csv/fix", zh: "改为", en: "fix" },
    Message { id: "csv/message", zh: "说明", en: "message" },
];

pub(crate) const SUMMARY_HEADER: [Message; 11] = [
    Message { id: "csv/file", zh: "文件", en: "file" },
    Message { id: "csv/organ", zh: "机关", en: "organ" },
    Message { id: "csv/year", zh: "年度", en: "year" },
    FORMAT,
    Message { id: "csv/errors", zh: "错误", en: "errors" },
    Message { id: "csv/warnings", zh: "警告", en: "warnings" },
    Message { id: "csv/infos", zh: "提示", en: "infos" },
    Message { id: "csv/二", zh: "表二", en: "table 二" },
    Message { id: "csv/三", zh: "表三", en: "table 三" },
    Message { id: "csv/四", zh: "表四", en: "table 四" },
    Message { id: "csv/verdict", zh: "结论", en: "verdict" },
];

/// The header of `xxgk-lint tables --csv`: one line per official cell.
pub const TABLES_HEADER: [Message; 5] =
    [TABLE, FORMAT, ROW, COLUMN, Message { id: "csv/value", zh: "值", en: "value" }];

/// How a statutory table was read, for the summary: read, unreadable, not found. (The
/// tables' words, not findings' messages: not in [`crate::message::catalogue`].)
pub(crate) const TABLE_STATES: [Message; 3] = [
    Message { id: "csv/read", zh: "已读取", en: "read" },
    Message { id: "csv/unreadable", zh: "无法可靠读取", en: "unreadable" },
    Message { id: "csv/missing", zh: "未找到", en: "not found" },
];

/// Where a finding is and what it says of the cell, as the auditor's outputs (the CSV, the
/// summary page) print it: table, row, column, found, expected, fix ("" where none).
pub(crate) fn finding_place(d: &crate::diagnostic::Diagnostic) -> [&str; 6] {
    [
        d.table.unwrap_or(""),
        d.row.as_deref().unwrap_or(""),
        d.column.as_deref().unwrap_or(""),
        d.actual.as_deref().unwrap_or(""),
        d.expected.as_deref().unwrap_or(""),
        d.fix.as_ref().map_or("", |f| f.value.as_str()),
    ]
}

impl Table {
    fn create(path: &Path, header: &[Message], lang: Lang) -> std::io::Result<Table> {
        let mut file = BufWriter::new(File::create(path)?);
        // The byte-order mark: without it Excel reads UTF-8 as the system's code page (GBK).
        file.write_all("\u{feff}".as_bytes())?;
        let mut writer = csv::Writer::from_writer(file);
        writer.write_record(header.iter().map(|m| m.template(lang)))?;
        Ok(Table { writer })
    }

    /// `--csv`: the findings table.
    pub fn findings(path: &Path, lang: Lang) -> std::io::Result<Table> {
        Table::create(path, &FINDINGS_HEADER, lang)
    }

    /// `--summary-csv`: the reports table.
    pub fn summary(path: &Path, lang: Lang) -> std::io::Result<Table> {
        Table::create(path, &SUMMARY_HEADER, lang)
    }

    /// One row per finding of `report`.
    pub fn write_findings(&mut self, report: &LintReport, lang: Lang) -> std::io::Result<()> {
        let (file, organ, year, format) = identity(report);
        for d in &report.diagnostics {
            let [table, row, column, found, expected, fix] = finding_place(d);
            self.writer.write_record([
                file,
                organ,
                &year,
                format,
                d.rule,
                d.severity.label(lang),
                table,
                row,
                column,
                found,
                expected,
                fix,
                &d.message,
            ])?;
        }
        Ok(())
    }

    /// The report's row in the summary.
    pub fn write_summary(&mut self, report: &LintReport, lang: Lang) -> std::io::Result<()> {
        let (file, organ, year, format) = identity(report);
        let s = report.summary;
        let table = |t: &str| TABLE_STATES[table_state(report, t)].template(lang);
        let (errors, warnings, infos) = (s.errors.to_string(), s.warnings.to_string(), s.infos.to_string());
        self.writer.write_record([
            file,
            organ,
            &year,
            format,
            &errors,
            &warnings,
            &infos,
            table("二"),
            table("三"),
            table("四"),
            &report.verdict.message,
        ])?;
        Ok(())
    }

    /// A file that could not be read: its row in the summary says why.
    pub fn write_unreadable(&mut self, file: &str, why: &str) -> std::io::Result<()> {
        self.writer.write_record([file, "", "", "", "", "", "", "", "", "", why])?;
        Ok(())
    }

    pub fn finish(mut self) -> std::io::Result<()> {
        self.writer.flush()
    }
}

/// How statutory table `t` ("二", "三", "四") was read, as an index into [`TABLE_STATES`]: 0
/// read, 1 unreadable, 2 not found.
pub(crate) fn table_state(report: &LintReport, t: &str) -> usize {
    let unreadable = report
        .diagnostics
        .iter()
        .any(|d| d.rule == "TABLE-UNREADABLE" && d.table == Some(t) && d.severity == Severity::Error);
    let read = report.tables.0.iter().any(|(id, _)| *id == t);
    match (read, unreadable) {
        (_, true) => 1,
        (true, false) => 0,
        (false, false) => 2,
    }
}

fn identity(report: &LintReport) -> (&str, &str, String, &'static str) {
    (
        report.file.as_deref().unwrap_or(""),
        report.organ.as_deref().unwrap_or(""),
        report.year.map_or_else(String::new, |y| y.to_string()),
        report.format.map_or("", |f| f.as_str()),
    )
}
