//! This year's report against last year's (docs/format.md §7.4): given with `--previous FILE` on
//! the command line or the `previous` option of the JS API.

use crate::diagnostic::{Diagnostic, Severity};
use crate::format::{columns, rows, ColumnId, RowId, TableId};
use crate::message::{Args, Message};
use crate::recognize::value::{Decimal, Value};
use crate::recognize::{FoundTable, MappedCell, Origin, Report};
use crate::rules::{Context, Family};

declare_rules! {
/// ## What it checks
/// With last year's report given (`--previous FILE`, or `options.previous`): in 表三, in each column,
/// this year's 二、上年结转政府信息公开申请数量 = last year's 四、结转下年度继续办理. If last year's report
/// is not of the year before, nothing is compared and a warning says so.
///
/// ## Why
/// The applications carried into this year are exactly those last year carried out; it follows from
/// the two rows' definitions, and reports describe it in their prose ("含上年度结转申请34件")
/// (docs/format.md §7.4 X-1).
///
/// ## Example
/// Fails:
///
/// | 表三 总计 | 2023 report | 2024 report |
/// |---|---|---|
/// | 二、上年结转政府信息公开申请数量 | … | 0 |
/// | 四、结转下年度继续办理 | 2 | … |
///
/// Fixed:
///
/// | 表三 总计 | 2023 report | 2024 report |
/// |---|---|---|
/// | 二、上年结转政府信息公开申请数量 | … | 2 |
/// | 四、结转下年度继续办理 | 2 | … |
///
/// ## 检查内容
/// 提供上年报告时（`--previous 文件` 或 `options.previous`）：表三每一列中，本年的“二、上年结转政府信息公开申请数量” ＝ 上年的“四、结转下年度继续办理”。若所给报告不是上一年度的，不作比较，并以警告说明。
///
/// ## 依据
/// 本年结转进来的申请，正是上年结转出去的申请；这由两行的定义得出，报告正文也这样描述（“含上年度结转申请34件”）（docs/format.md §7.4 X-1）。
///
/// ## 示例
/// 不通过：
///
/// | 表三总计列 | 2023 年报告 | 2024 年报告 |
/// |---|---|---|
/// | 二、上年结转政府信息公开申请数量 | … | 0 |
/// | 四、结转下年度继续办理 | 2 | … |
///
/// 修改后：
///
/// | 表三总计列 | 2023 年报告 | 2024 年报告 |
/// |---|---|---|
/// | 二、上年结转政府信息公开申请数量 | … | 2 |
/// | 四、结转下年度继续办理 | 2 | … |
pub const X_CARRYOVER: Rule = Rule {
    id: "X-CARRYOVER",
    severity: Severity::Error,
    summary_zh: "表三本年“上年结转”＝上年报告“结转下年度继续办理”（各列）",
    summary_en: english!("Table 三: carried over this year = last year's carried to next year (each column)"),
};
}

declare_rules! {
/// ## What it checks
/// With last year's report given: in 表二 （一）, for 规章 and for 行政规范性文件, this year's 现行有效件数 =
/// last year's 现行有效件数 + 本年制发件数 − 本年废止件数. A warning only.
///
/// ## Why
/// Documents in force at the end of the year are those in force a year before, plus those issued,
/// minus those repealed (docs/format.md §7.3, §7.4 X-2). Only approximately: 制发 may count amendments,
/// and organs redefine what 现行有效 covers between years (平潭 2022 → 2023 fails it for that reason;
/// 洪泽 2023 → 2024 satisfies it: 5 + 3 − 0 = 8).
///
/// ## Example
/// Fails — 5 + 3 − 0 = 8:
///
/// | 行政规范性文件 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
/// |---|---|---|---|
/// | last year | … | … | 5 |
/// | this year | 3 | 0 | 9 |
///
/// Fixed (or the report explains the change of scope):
///
/// | 行政规范性文件 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
/// |---|---|---|---|
/// | last year | … | … | 5 |
/// | this year | 3 | 0 | 8 |
///
/// ## 检查内容
/// 提供上年报告时：表二第（一）项中，规章和行政规范性文件分别核对，本年现行有效件数 ＝ 上年现行有效件数 ＋ 本年制发件数 － 本年废止件数。仅为警告。
///
/// ## 依据
/// 年末现行有效的文件，是上年末现行有效的文件加上本年制发的、减去本年废止的（docs/format.md §7.3、§7.4 X-2）。但只是近似：制发可能包括修订，各机关对“现行有效”的统计口径也会逐年调整（平潭 2022→2023 年因此不符；洪泽 2023→2024 年相符：5 ＋ 3 － 0 ＝ 8）。
///
/// ## 示例
/// 不通过：5 ＋ 3 － 0 ＝ 8：
///
/// | 行政规范性文件 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
/// |---|---|---|---|
/// | 上年 | … | … | 5 |
/// | 本年 | 3 | 0 | 9 |
///
/// 修改后（或在报告中说明口径的变化）：
///
/// | 行政规范性文件 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
/// |---|---|---|---|
/// | 上年 | … | … | 5 |
/// | 本年 | 3 | 0 | 8 |
pub const X_VALID_DOCS: Rule = Rule {
    id: "X-VALID-DOCS",
    severity: Severity::Warning,
    summary_zh: "表二现行有效件数＝上年现行有效＋本年制发－本年废止（启发式）",
    summary_en: english!("Table 二: in force = last year's in force + issued − repealed (heuristic)"),
};
}

declare_rules! {
/// ## What it checks
/// In a batch (`xxgk-lint check` over several files or directories): two files that are reports of
/// the same organ for the same year. Each of them gets the finding, naming the other file. The organ
/// is the recognised one, compared without spaces, full-width forms or the 人民政府/政府 difference.
///
/// ## Why
/// An organ publishes one annual report a year (条例 Art. 50; docs/format.md §1). Two files for one
/// organ and year are a draft next to the final text, a report saved twice under two names, or one of
/// them mislabelled; an auditor must know which one is published.
///
/// ## Example
/// Fails:
///
/// | file | organ | year |
/// |---|---|---|
/// | a/2023.txt | 洪泽区人民政府 | 2023 |
/// | b/洪泽2023.txt | 洪泽区政府 | 2023 |
///
/// Fixed (one report per organ and year):
///
/// | file | organ | year |
/// |---|---|---|
/// | a/2023.txt | 洪泽区人民政府 | 2023 |
///
/// ## 检查内容
/// 批量检查时（`xxgk-lint check` 多个文件或目录）：两个文件是同一机关同一年度的报告。两个文件各得一条提示，并指出另一个文件。机关名称按识别结果比较，不计空格、全角半角和“人民政府/政府”之别。
///
/// ## 依据
/// 一个机关每年发布一份年度报告（条例第五十条；docs/format.md §1）。同一机关同一年度有两个文件，多是草稿与定稿并存、同一报告存了两次，或其中一份年度标错；审核者须知道发布的是哪一份。
///
/// ## 示例
/// 不通过：
///
/// | 文件 | 机关 | 年度 |
/// |---|---|---|
/// | a/2023.txt | 洪泽区人民政府 | 2023 |
/// | b/洪泽2023.txt | 洪泽区政府 | 2023 |
///
/// 修改后（每个机关每年一份）：
///
/// | 文件 | 机关 | 年度 |
/// |---|---|---|
/// | a/2023.txt | 洪泽区人民政府 | 2023 |
pub const DUP_REPORT: Rule = Rule {
    id: "DUP-REPORT",
    severity: Severity::Warning,
    summary_zh: "批量检查中同一机关同一年度有两份报告",
    summary_en: english!("Two reports of the same organ and year in a batch"),
};
}

declare_rules! {
/// ## What it checks
/// In a batch: a report whose 表三 holds, cell for cell, the values of the same organ's report of the
/// year before — last year's report republished under a new year. The later report gets the finding.
/// A 表三 with fewer than five non-zero cells is never one: an all-zero year is common and honest.
///
/// ## Why
/// 国办公开办函〔2021〕30号 names reports whose content is copied (“内容雷同”); the statistics of two
/// years of requests are all but never equal in every cell (docs/format.md §11).
///
/// ## Example
/// Fails (every cell of 表三 equal):
///
/// | 表三 总计 | 2023 report | 2024 report |
/// |---|---|---|
/// | 一、本年新收政府信息公开申请数量 | 95 | 95 |
/// | （一）予以公开 | 57 | 57 |
///
/// Fixed (the year's own figures):
///
/// | 表三 总计 | 2023 report | 2024 report |
/// |---|---|---|
/// | 一、本年新收政府信息公开申请数量 | 95 | 88 |
/// | （一）予以公开 | 57 | 49 |
///
/// ## 检查内容
/// 批量检查时：一份报告的表三与同一机关上一年度报告的表三逐格相同——上年的报告换了年度再次发布。提示记在较晚的报告上。表三非零单元格少于五个的不算：全年为零很常见，也是如实填报。
///
/// ## 依据
/// 国办公开办函〔2021〕30号指出报告“内容雷同”的问题；两个年度的申请统计几乎不可能每一格都相同（docs/format.md §11）。
///
/// ## 示例
/// 不通过（表三每一格都相同）：
///
/// | 表三总计列 | 2023 年报告 | 2024 年报告 |
/// |---|---|---|
/// | 一、本年新收政府信息公开申请数量 | 95 | 95 |
/// | （一）予以公开 | 57 | 57 |
///
/// 修改后（填写本年度的数据）：
///
/// | 表三总计列 | 2023 年报告 | 2024 年报告 |
/// |---|---|---|
/// | 一、本年新收政府信息公开申请数量 | 95 | 88 |
/// | （一）予以公开 | 57 | 49 |
pub const DUP_PRIOR_YEAR: Rule = Rule {
    id: "DUP-PRIOR-YEAR",
    severity: Severity::Warning,
    summary_zh: "表三与同一机关上年报告逐格相同（沿用上年报告）",
    summary_en: english!("Table 三 identical to the same organ's report of the year before"),
};
}

/// This file's rules and their check ([`crate::rules::FAMILIES`]). The DUP-* rules are the
/// batch's (`crate::batch::pairing`): this check emits none of them.
pub const FAMILY: Family = Family { rules: &[&X_CARRYOVER, &X_VALID_DOCS, &DUP_REPORT, &DUP_PRIOR_YEAR], check };

/// DUP-REPORT's message.
pub const DUPLICATE: Message = Message {
    id: "DUP-REPORT",
    zh: "“{other}”也是{organ}{year}年度的报告：同一机关同一年度有两份报告，请确认发布的是哪一份。",
    en: english!("“{other}” is also a report of {organ} for {year}: two reports of one organ and year; confirm which one is published."),
};
/// DUP-PRIOR-YEAR's message.
pub const SAME_AS_LAST_YEAR: Message = Message {
    id: "DUP-PRIOR-YEAR",
    zh: "表三与上年报告“{other}”逐格相同（{count} 个非零单元格）：可能是上年的报告换了年度再次发布，请填写本年度的数据。",
    en: english!("Table 三 is identical, cell for cell, to last year's report “{other}” ({count} non-zero cells): last year's report republished? Fill in this year's figures."),
};

fn number(t: &FoundTable, row: RowId, column: ColumnId) -> Option<Decimal> {
    if t.is_unreadable() || t.row_unreadable(row) {
        return None;
    }
    t.cell(row, column)?.value.number
}

const WRONG_YEAR: Message = Message {
    id: "X-CARRYOVER/year",
    zh: "所给上年报告为 {previous} 年度，而本报告为 {year} 年度（应为 {expected} 年度）：未做跨年度核对。",
    en: english!("The previous report given is for {previous}, this one for {year} (expected {expected}): no cross-year check was made."),
};
const CARRYOVER: Message = Message {
    id: "X-CARRYOVER",
    zh: "表三「{column}」列：本年“二、上年结转政府信息公开申请数量”为 {now}，而上年报告“四、结转下年度继续办理”为 {before}，两者应相等。",
    en: english!("Table 三, column 「{column}」: carried over this year is {now}, but last year's report carried {before} to this year; they must be equal."),
};
const VALID_DOCS: Message = Message {
    id: "X-VALID-DOCS",
    zh: "表二「{row}」：上年现行有效 {before} ＋ 本年制发 {issued} － 本年废止 {repealed} = {expected}，而本年现行有效件数为 {now}。若统计口径有调整，请在正文中说明。",
    en: english!("Table 二, 「{row}」: last year's in force {before} + issued {issued} − repealed {repealed} = {expected}, but in force is {now}. If the scope changed, say so in the text."),
};

/// What these rules read of last year's report, and nothing else: its year, 表三's
/// 四、结转下年度继续办理 and 表二's 现行有效件数 of 法规 and 规范性文件. A batch's first pass keeps
/// this of every report (src/batch/pairing.rs) — a few hundred bytes, not the whole report —
/// so that the second pass need not read last year's file again; the rules give the same
/// findings with it as with the whole report.
pub fn previous_part(report: &Report) -> Report {
    let keep_row = |id: TableId, row: RowId| match id {
        TableId::Requests => row == rows::CARRIED_OUT,
        TableId::Proactive => row == rows::REGULATIONS || row == rows::NORMATIVE_DOCUMENTS,
        TableId::Review => false,
    };
    let keep = |id: TableId, row: RowId, column: ColumnId| {
        keep_row(id, row) && (id == TableId::Requests || column == columns::IN_FORCE)
    };
    let tables = report
        .tables
        .iter()
        .filter(|t| t.id != TableId::Review)
        .map(|t| {
            let mut part = FoundTable::new(t.id, t.format, t.layout, Vec::new(), None);
            // Only the numbers: the findings quote this year's cells, never last year's.
            part.cells = t
                .cells
                .iter()
                .filter(|c| keep(t.id, c.row, c.column) && c.value.number.is_some())
                .map(|c| MappedCell {
                    value: Value { text: Default::default(), note: None, ..c.value.clone() },
                    origin: Origin::default(),
                    ..c.clone()
                })
                .collect();
            part.cells.shrink_to_fit();
            part.unreadable =
                t.unreadable.iter().filter(|u| u.row.is_none_or(|row| keep_row(t.id, row))).cloned().collect();
            part.unreadable.shrink_to_fit();
            part
        })
        .collect();
    Report {
        title: None,
        organ: None,
        year: report.year,
        sections: Vec::new(),
        tables,
        formats: report.formats,
        needs_text_readers: false,
    }
}

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(prev) = ctx.previous else { return };
    if let (Some(y), Some(p)) = (ctx.report.year, prev.year) {
        if p + 1 != y {
            let args = Args::new().text("previous", p).text("year", y).text("expected", y - 1);
            out.push(
                Diagnostic::new(X_CARRYOVER.id, Severity::Warning, &WRONG_YEAR, args)
                    .expected((y - 1).to_string())
                    .actual(p.to_string())
                    .finish("year"),
            );
            return;
        }
    }
    carryover(ctx, prev, out);
    valid_docs(ctx, prev, out);
}

fn carryover(ctx: &Context, prev: &Report, out: &mut Vec<Diagnostic>) {
    let (Some(this), Some(last)) = (ctx.report.table(TableId::Requests), prev.table(TableId::Requests)) else { return };
    let spec = this.format.table(TableId::Requests);
    let row_label =
        spec.row(rows::CARRIED_IN).map_or("二、上年结转政府信息公开申请数量", |(_, r)| r.label);
    for column in spec.groups[0].columns {
        let (Some(now), Some(before)) =
            (number(this, rows::CARRIED_IN, column.id), number(last, rows::CARRIED_OUT, column.id))
        else {
            continue;
        };
        if now.same_value(before) {
            continue;
        }
        let label = column.qualified_label();
        let args = Args::new().text("column", &label).text("now", now).text("before", before);
        let Some(cell) = this.cell(rows::CARRIED_IN, column.id) else { continue };
        out.push(
            Diagnostic::new(X_CARRYOVER.id, X_CARRYOVER.severity, &CARRYOVER, args)
                .table("三")
                .row(row_label)
                .column(label)
                .expected(before.to_string())
                .actual(now.to_string())
                .at(cell.origin.span, cell.origin.cell)
                .excerpt(cell.value.text.clone())
                .finish(rows::CARRIED_IN.as_str()),
        );
    }
}

fn valid_docs(ctx: &Context, prev: &Report, out: &mut Vec<Diagnostic>) {
    let (Some(this), Some(last)) = (ctx.report.table(TableId::Proactive), prev.table(TableId::Proactive)) else {
        return;
    };
    for row in [rows::REGULATIONS, rows::NORMATIVE_DOCUMENTS] {
        let (Some(before), Some(issued), Some(repealed), Some(now)) = (
            number(last, row, columns::IN_FORCE),
            number(this, row, columns::ISSUED),
            number(this, row, columns::REPEALED),
            number(this, row, columns::IN_FORCE),
        ) else {
            continue;
        };
        let Some(expected) = before.checked_add(issued).and_then(|v| v.checked_sub(repealed)) else { continue };
        if expected.same_value(now) {
            continue;
        }
        let label = this.format.table(TableId::Proactive).row(row).map_or(row.as_str(), |(_, r)| r.label);
        let args = Args::new()
            .text("row", label)
            .text("before", before)
            .text("issued", issued)
            .text("repealed", repealed)
            .text("expected", expected)
            .text("now", now);
        let Some(cell) = this.cell(row, columns::IN_FORCE) else { continue };
        out.push(
            Diagnostic::new(X_VALID_DOCS.id, X_VALID_DOCS.severity, &VALID_DOCS, args)
                .table("二")
                .row(label)
                .column("现行有效件数")
                .expected(expected.to_string())
                .actual(now.to_string())
                .at(cell.origin.span, cell.origin.cell)
                .excerpt(cell.value.text.clone())
                .finish(row.as_str()),
        );
    }
}

/// Every message this module declares ([`crate::message::catalogue`]).
pub(crate) const MESSAGES: &[&crate::message::Message] =
    &[&DUPLICATE, &SAME_AS_LAST_YEAR, &WRONG_YEAR, &CARRYOVER, &VALID_DOCS];

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use crate::format::rows;
    use crate::lint::{lint_str, recognize_str};
    use crate::read::ReadOptions;
    use crate::rules::testkit::{mini, rules, Mini};
    use crate::rules::LintOptions;

    /// Checked with last year's whole report; and, in every test, the same findings with only
    /// the part of it a batch keeps ([`super::previous_part`]).
    fn with_previous(this: &Mini, last: &Mini) -> crate::lint::LintReport {
        let prev = recognize_str(&last.html(), &ReadOptions::default()).unwrap();
        let part = super::previous_part(&prev);
        let options = LintOptions { previous: Some(Arc::new(prev)), ..LintOptions::default() };
        let whole = lint_str(&this.html(), &ReadOptions::default(), &options).unwrap();
        let options = LintOptions { previous: Some(Arc::new(part)), ..LintOptions::default() };
        let kept = lint_str(&this.html(), &ReadOptions::default(), &options).unwrap();
        assert_eq!(whole.diagnostics, kept.diagnostics);
        whole
    }

    fn last_year() -> Mini {
        let mut m = mini();
        m.title = m.title.replace("2022", "2021");
        m.body[0] = "本报告统计期限自2021年1月1日至2021年12月31日。".into();
        m.proactive[1].1 = vec!["1".into(), "0".into(), "9".into()];
        m
    }

    #[test]
    fn a_consistent_pair_passes() {
        assert_eq!(with_previous(&mini(), &last_year()).diagnostics, vec![]);
    }

    #[test]
    fn carried_over_must_equal_last_years_carried_out() {
        // Last year carried 1 (自然人) into this year; this year's 上年结转 says 0.
        let last = last_year()
            .set_request(rows::RECEIVED, 0, "4")
            .set_request(rows::RECEIVED, 6, "5")
            .set_request(rows::CARRIED_OUT, 0, "1")
            .set_request(rows::CARRIED_OUT, 6, "1");
        let r = with_previous(&mini(), &last);
        let got: Vec<_> = r
            .diagnostics
            .iter()
            .map(|d| (d.rule, d.severity, d.column.clone(), d.expected.clone(), d.actual.clone()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("X-CARRYOVER", crate::Severity::Error, Some("自然人".into()), Some("1".into()), Some("0".into())),
                ("X-CARRYOVER", crate::Severity::Error, Some("总计".into()), Some("1".into()), Some("0".into())),
            ]
        );
        insta::assert_snapshot!(r.diagnostics[1].message, @"表三「总计」列：本年“二、上年结转政府信息公开申请数量”为 0，而上年报告“四、结转下年度继续办理”为 1，两者应相等。");
        // The cell is this year's 上年结转 / 总计 <td>: table 1, row 4, cell 7.
        let c = r.diagnostics[1].cell.unwrap();
        assert_eq!((c.table, c.row, c.cell), (1, 4, 7));
    }

    #[test]
    fn valid_documents_continuity_is_a_warning() {
        let mut last = last_year();
        last.proactive[1].1 = vec!["1".into(), "0".into(), "8".into()];
        let r = with_previous(&mini(), &last);
        assert_eq!(rules(&r), vec!["X-VALID-DOCS"]);
        let d = &r.diagnostics[0];
        assert_eq!(
            (d.severity, d.expected.as_deref(), d.actual.as_deref()),
            (crate::Severity::Warning, Some("9"), Some("10"))
        );
        insta::assert_snapshot!(d.message, @"表二「行政规范性文件」：上年现行有效 8 ＋ 本年制发 2 － 本年废止 1 = 9，而本年现行有效件数为 10。若统计口径有调整，请在正文中说明。");
    }

    #[test]
    fn a_previous_report_of_the_wrong_year_is_not_compared() {
        let r = with_previous(&mini(), &mini());
        assert_eq!(rules(&r), vec!["X-CARRYOVER"]);
        assert_eq!(r.diagnostics[0].severity, crate::Severity::Warning);
    }
}
