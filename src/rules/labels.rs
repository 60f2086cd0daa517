//! Row and column labels of the three tables against the official ones.

use crate::diagnostic::{Diagnostic, Severity};
use crate::message::{Arg, Args, Message};
use crate::recognize::labels::{compare, LabelMatch};
use crate::recognize::FoundTable;
use crate::rules::{Context, Family};

declare_rules! {
/// ## What it checks
/// The row and column labels of 表二, 表三 and 表四 against the official ones of the report's revision.
/// An **error** when a row is missing or a label names something else; a **warning** for a misspelt
/// label, one that differs only in punctuation (`(一)` for `（一）`, ASCII quotes), or a 2019 label kept in
/// a 2021 table (`规范性文件` for `行政规范性文件`). A misspelt row is still read where its key words place
/// it, so its numbers are checked. Text extracted from a PDF or converted to Markdown wraps and cuts
/// labels: for such input only misspellings are reported, never a truncated label.
///
/// ## Why
/// docs/format.md §4 and §5 give every label of both revisions, §9.1 the variants seen in published
/// reports. The tables are fixed by the format so that reports can be compared and added up; a
/// renamed or missing row makes the table say something else.
///
/// ## Example
/// Fails — `法规禁` dropped from the label:
///
/// | （三）不予公开 | 自然人 | … | 总计 |
/// |---|---|---|---|
/// | 2.其他法律行政止公开 | 0 | … | 0 |
///
/// Fixed:
///
/// | （三）不予公开 | 自然人 | … | 总计 |
/// |---|---|---|---|
/// | 2.其他法律行政法规禁止公开 | 0 | … | 0 |
///
/// ## 检查内容
/// 表二、表三、表四的行、列标签是否与报告所用版本的规定标签一致。缺少某行，或标签指的是别的内容，为**错误**；标签有错别字、只有标点不同（`(一)` 与 `（一）`、半角引号），或在 2021 年格式的表中沿用 2019 年的标签（`规范性文件` 与 `行政规范性文件`），为**警告**。
/// 有错别字的行仍按关键词定位并读取，其数字照常核对。从 PDF 提取或转为 Markdown 的文字会折行、截断标签：这类输入只报告错别字，不报告被截断的标签。
///
/// ## 依据
/// docs/format.md §4、§5 列出两版格式的全部标签，§9.1 列出已发布报告中的各种写法。表格由格式固定，才能相互比较和汇总；改名或缺失的行会让表格表达别的意思。
///
/// ## 示例
/// 不通过：标签漏了“法规禁”：
///
/// | （三）不予公开 | 自然人 | … | 总计 |
/// |---|---|---|---|
/// | 2.其他法律行政止公开 | 0 | … | 0 |
///
/// 修改后：
///
/// | （三）不予公开 | 自然人 | … | 总计 |
/// |---|---|---|---|
/// | 2.其他法律行政法规禁止公开 | 0 | … | 0 |
pub const FMT_TABLE_LABEL: Rule = Rule {
    id: "FMT-TABLE-LABEL",
    severity: Severity::Error,
    summary_zh: "表格行、列名称缺失、改名或有错别字",
    summary_en: english!("A table row or column label is missing, renamed or misspelt"),
};
}

/// This file's rules and their check ([`crate::rules::FAMILIES`]).
pub const FAMILY: Family = Family { rules: &[&FMT_TABLE_LABEL], check };

const ROW_LABEL: Message = Message {
    id: "FMT-TABLE-LABEL",
    zh: "表{table}行名称“{printed}”{kind}，应为“{official}”。",
    en: english!("Table {table}: row label “{printed}” {kind}; it should read “{official}”."),
};
const COLUMN_LABEL: Message = Message {
    id: "FMT-TABLE-LABEL/column",
    zh: "表{table}列名称“{printed}”{kind}，应为“{official}”。",
    en: english!("Table {table}: column label “{printed}” {kind}; it should read “{official}”."),
};
const MISSING_ROW: Message = Message {
    id: "FMT-TABLE-LABEL/missing-row",
    zh: "表{table}缺少“{row}”一行。",
    en: english!("Table {table} lacks the row “{row}”."),
};
const VALUE_ROW: Message = Message { id: "FMT-TABLE-LABEL/value-row", zh: "数值行", en: english!("value row") };
const KIND_OLD_LABEL: Message = Message {
    id: "FMT-TABLE-LABEL/old-label",
    zh: "是 {format} 年格式的名称",
    en: english!("is the {format} format's label"),
};
const KIND_PUNCTUATION: Message =
    Message {
        id: "FMT-TABLE-LABEL/punctuation", zh: "标点与规定格式不同", en: english!("differs in punctuation")
    };
const KIND_PARTIAL: Message = Message { id: "FMT-TABLE-LABEL/partial", zh: "不完整", en: english!("is incomplete") };
const KIND_MISSPELT: Message =
    Message { id: "FMT-TABLE-LABEL/misspelt", zh: "有错漏字", en: english!("is misspelt") };
const KIND_DIFFERENT: Message =
    Message { id: "FMT-TABLE-LABEL/different", zh: "与规定格式不符", en: english!("does not match the format") };

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
        let severity = match m {
            LabelMatch::Exact => continue,
            LabelMatch::Partial if !ctx.is_html() => continue,
            LabelMatch::Punctuation if !ctx.is_html() => continue,
            LabelMatch::Different if !ctx.is_html() => continue,
            LabelMatch::Different => Severity::Error,
            _ => Severity::Warning,
        };
        // The label an older revision gives the row, kept: 规范性文件 in a 2021 表二
        // (docs/format.md §11 notes). Looked for only for a label that is reported (most
        // are exact).
        let words = crate::recognize::labels::words;
        let old_label = ctx.report.formats.iter().take_while(|f| f.name != found.format.name).filter(|f| {
            f.table(found.id)
                .row(label.id)
                .is_some_and(|(_, r)| r.label != row.label && words(r.label) == words(&label.printed))
        });
        let old_label = old_label.last();
        let kind = if old_label.is_some() {
            &KIND_OLD_LABEL
        } else {
            match m {
                LabelMatch::Punctuation => &KIND_PUNCTUATION,
                LabelMatch::Partial => &KIND_PARTIAL,
                LabelMatch::Misspelt => &KIND_MISSPELT,
                _ => &KIND_DIFFERENT,
            }
        };
        let kind = match old_label {
            Some(old) => Arg::Phrase(kind, Args::new().text("format", old.name)),
            None => Arg::Phrase(kind, Args::new()),
        };
        let args = Args::new().text("table", table).text("printed", &label.printed).arg("kind", kind);
        out.push(
            Diagnostic::new(FMT_TABLE_LABEL.id, severity, &ROW_LABEL, args.text("official", row.label))
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
        let name = if row.label.is_empty() { VALUE_ROW.template(ctx.lang) } else { row.label };
        let severity = if ctx.is_html() { Severity::Error } else { Severity::Warning };
        let args = Args::new().text("table", table);
        let args = if row.label.is_empty() { args.phrase("row", &VALUE_ROW) } else { args.text("row", row.label) };
        out.push(
            Diagnostic::new(FMT_TABLE_LABEL.id, severity, &MISSING_ROW, args)
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
        let Some(column) = spec.column(label.id) else {
            continue;
        };
        if label.printed.is_empty() {
            continue;
        }
        let m = compare(&label.printed, column.label, column.keys);
        let kind = match m {
            LabelMatch::Exact => continue,
            LabelMatch::Punctuation => &KIND_PUNCTUATION,
            LabelMatch::Misspelt => &KIND_MISSPELT,
            // Split headers (商业 / 企业) and shortened ones are layout, not content.
            LabelMatch::Partial | LabelMatch::Different => continue,
        };
        let args = Args::new().text("table", table).text("printed", &label.printed).phrase("kind", kind);
        out.push(
            Diagnostic::new(FMT_TABLE_LABEL.id, Severity::Warning, &COLUMN_LABEL, args.text("official", column.label))
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

/// Every message this module declares ([`crate::message::catalogue`]).
pub(crate) const MESSAGES: &[&crate::message::Message] = &[
    &ROW_LABEL,
    &COLUMN_LABEL,
    &MISSING_ROW,
    &VALUE_ROW,
    &KIND_OLD_LABEL,
    &KIND_PUNCTUATION,
    &KIND_PARTIAL,
    &KIND_MISSPELT,
    &KIND_DIFFERENT,
];

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
