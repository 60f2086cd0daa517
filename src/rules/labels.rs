//! Row and column labels of the three tables against the official ones.

use crate::diagnostic::{pick, Diagnostic, Severity};
use crate::format::FormatVersion;
use crate::recognize::labels::{compare, LabelMatch};
use crate::recognize::FoundTable;
use crate::rules::{Context, Family};

declare_rules! {
/// **FMT-TABLE-LABEL** — a row or column label of 表二/表三/表四 that is missing, renamed or
/// misspelt. A missing row or a label that names something else is an error; a misspelling,
/// a punctuation variant (`(一)` for `（一）`, ASCII quotes) or a 2019 label kept in a 2021
/// table is a warning. The row is still read where it can be placed.
///
/// Why: docs/format.md §4–§5 give the labels, §9.1 the variants; a label that differs from the
/// template makes the table hard to compare and check.
///
/// Example: `2.其他法律行政止公开` (missing 法规禁) for `2.其他法律行政法规禁止公开`.
///
/// Text extracted from PDF or converted to Markdown wraps and breaks labels; for such input
/// only misspellings are reported, never a truncated label.
pub const FMT_TABLE_LABEL: Rule = Rule {
    id: "FMT-TABLE-LABEL",
    severity: Severity::Error,
    summary_zh: "表格行、列名称缺失、改名或有错别字",
    summary_en: "A table row or column label is missing, renamed or misspelt",
};
}

/// This file's rules and their check ([`crate::rules::FAMILIES`]).
pub const FAMILY: Family = Family { rules: &[&FMT_TABLE_LABEL], check };

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for found in &ctx.report.tables {
        rows(ctx, found, out);
        columns(ctx, found, out);
    }
}

fn rows(ctx: &Context, found: &FoundTable, out: &mut Vec<Diagnostic>) {
    let spec = found.format.table(found.id);
    let table = found.id.numeral();
    for label in &found.row_labels {
        let Some((_, row)) = spec.row(label.id) else { continue };
        if row.label.is_empty() || label.printed.is_empty() {
            continue;
        }
        let m = compare(&label.printed, row.label, row.keys);
        // 规范性文件 kept in a 2021 表二 (docs/format.md §11 notes).
        let old_label = found.format.version == FormatVersion::Y2021
            && label.id == "normative_documents"
            && crate::recognize::labels::words(&label.printed) == "规范性文件";
        let severity = match m {
            LabelMatch::Exact => continue,
            LabelMatch::Partial if !ctx.is_html() => continue,
            LabelMatch::Punctuation if !ctx.is_html() => continue,
            LabelMatch::Different if !ctx.is_html() => continue,
            LabelMatch::Different => Severity::Error,
            _ => Severity::Warning,
        };
        let kind = if old_label {
            pick!(ctx.lang, "是 2019 年格式的名称", "is the 2019 format's label")
        } else {
            match m {
                LabelMatch::Punctuation => pick!(ctx.lang, "标点与规定格式不同", "differs in punctuation"),
                LabelMatch::Partial => pick!(ctx.lang, "不完整", "is incomplete"),
                LabelMatch::Misspelt => pick!(ctx.lang, "有错漏字", "is misspelt"),
                _ => pick!(ctx.lang, "与规定格式不符", "does not match the format"),
            }
        };
        let message = pick!(
            ctx.lang,
            format!("表{table}行名称“{}”{kind}，应为“{}”。", label.printed, row.label),
            format!("Table {table}: row label “{}” {kind}; it should read “{}”.", label.printed, row.label),
        );
        out.push(
            Diagnostic::new(FMT_TABLE_LABEL.id, severity, message)
                .table(table)
                .row(row.label)
                .expected(row.label)
                .actual(label.printed.clone())
                .at(label.origin.span, label.origin.cell)
                .excerpt(label.printed.clone())
                .finish("row"),
        );
    }
    // Official rows the table lacks entirely (not merely unreadable).
    if found.is_unreadable() || found.cells.is_empty() {
        return;
    }
    for (_, row) in spec.rows() {
        if found.cells.iter().any(|c| c.row == row.id)
            || found.row_labels.iter().any(|l| l.id == row.id)
            || found.row_unreadable(row.id)
        {
            continue;
        }
        let name = if row.label.is_empty() { pick!(ctx.lang, "数值行", "value row") } else { row.label.to_string() };
        let severity = if ctx.is_html() { Severity::Error } else { Severity::Warning };
        let message =
            pick!(ctx.lang, format!("表{table}缺少“{name}”一行。"), format!("Table {table} lacks the row “{name}”."));
        out.push(
            Diagnostic::new(FMT_TABLE_LABEL.id, severity, message)
                .table(table)
                .row(row.label)
                .expected(name)
                .finish("missing-row"),
        );
    }
}

fn columns(ctx: &Context, found: &FoundTable, out: &mut Vec<Diagnostic>) {
    // Column headers of extracted text are broken up by the layout; judge HTML only.
    if !ctx.is_html() {
        return;
    }
    let spec = found.format.table(found.id);
    let table = found.id.numeral();
    for label in &found.column_labels {
        let Some(column) = spec.groups.iter().flat_map(|g| g.columns.iter()).find(|c| c.id == label.id) else {
            continue;
        };
        if label.printed.is_empty() {
            continue;
        }
        let m = compare(&label.printed, column.label, column.keys);
        let kind = match m {
            LabelMatch::Exact => continue,
            LabelMatch::Punctuation => pick!(ctx.lang, "标点与规定格式不同", "differs in punctuation"),
            LabelMatch::Misspelt => pick!(ctx.lang, "有错漏字", "is misspelt"),
            // Split headers (商业 / 企业) and shortened ones are layout, not content.
            LabelMatch::Partial | LabelMatch::Different => continue,
        };
        let message = pick!(
            ctx.lang,
            format!("表{table}列名称“{}”{kind}，应为“{}”。", label.printed, column.label),
            format!("Table {table}: column label “{}” {kind}; it should read “{}”.", label.printed, column.label),
        );
        out.push(
            Diagnostic::new(FMT_TABLE_LABEL.id, Severity::Warning, message)
                .table(table)
                .column(column.qualified_label())
                .expected(column.label)
                .actual(label.printed.clone())
                .at(label.origin.span, label.origin.cell)
                .excerpt(label.printed.clone())
                .finish(&format!("column-{}", label.id)),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testkit::{mini, rules};
    use crate::Severity;

    #[test]
    fn a_misspelt_row_label_is_a_warning_and_the_row_still_read() {
        let mut m = mini();
        m.requests[5].0 = "2.其他法律行政止公开".into();
        let r = m.lint();
        assert_eq!(rules(&r), vec!["FMT-TABLE-LABEL"]);
        assert_eq!(r.diagnostics[0].severity, Severity::Warning);
        assert_eq!(r.diagnostics[0].expected.as_deref(), Some("2.其他法律行政法规禁止公开"));
    }

    #[test]
    fn a_renamed_row_is_an_error_and_punctuation_a_warning() {
        let mut m = mini();
        m.requests[7].0 = "4.其他情形".into();
        m.requests[2].0 = "(一)予以公开".into();
        let r = m.lint();
        let found: Vec<_> = r.diagnostics.iter().map(|d| (d.rule, d.severity, d.actual.clone())).collect();
        assert_eq!(
            found,
            vec![
                ("FMT-TABLE-LABEL", Severity::Warning, Some("(一)予以公开".to_string())),
                ("FMT-TABLE-LABEL", Severity::Error, Some("4.其他情形".to_string())),
            ]
        );
    }

    #[test]
    fn a_2019_label_in_a_2021_table_two_is_a_warning() {
        let mut m = mini();
        m.proactive[1].0 = "规范性文件".into();
        let r = m.lint();
        assert_eq!(rules(&r), vec!["FMT-TABLE-LABEL"]);
        assert!(r.diagnostics[0].message.contains("2019"), "{}", r.diagnostics[0].message);
    }
}
