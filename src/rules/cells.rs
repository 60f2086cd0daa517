//! What each value cell holds: blank vs 0, and values that are not what the column takes.

use crate::diagnostic::{Diagnostic, Severity};
use crate::format::{ColumnId, RowId, ValueKind};
use crate::message::{Args, Message};
use crate::recognize::value::ValueShape;
use crate::recognize::FoundTable;
use crate::rules::{Context, Family};

declare_rules! {
/// ## What it checks
/// Value cells of the statutory tables left blank or filled with a placeholder (`/`, `—`, `-`, `无`,
/// `不适用` …) instead of 0. Reported once per table, naming the first such cell and how many there are;
/// the arithmetic rules then count them as 0.
///
/// ## Why
/// Every value cell of the format holds a number (docs/format.md §4, §5), and blank is not 0
/// (docs/format.md §9.2): a reader cannot tell "none" from "not filled in", and a blank total hides
/// whether the sums hold.
///
/// ## Example
/// Fails — 总计 left blank:
///
/// | 表三 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |
/// |---|---|---|---|---|---|---|---|
/// | （一）予以公开 | 3 | 1 | / | / | / | / | |
///
/// Fixed:
///
/// | 表三 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |
/// |---|---|---|---|---|---|---|---|
/// | （一）予以公开 | 3 | 1 | 0 | 0 | 0 | 0 | 4 |
///
/// ## 检查内容
/// 法定表格中的数值单元格留空，或填了占位符（`/`、`—`、`-`、`无`、`不适用` 等）而不是 0。每张表报告一次，指出第一个这样的单元格和总数；算术规则按 0 计算它们。
///
/// ## 依据
/// 格式中每个数值单元格都应填数字（docs/format.md §4、§5），留空不等于 0（docs/format.md §9.2）：读者分不清“没有”还是“没填”，合计留空也无法判断是否平衡。
///
/// ## 示例
/// 不通过：总计留空：
///
/// | 表三 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |
/// |---|---|---|---|---|---|---|---|
/// | （一）予以公开 | 3 | 1 | / | / | / | / | |
///
/// 修改后：
///
/// | 表三 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |
/// |---|---|---|---|---|---|---|---|
/// | （一）予以公开 | 3 | 1 | 0 | 0 | 0 | 0 | 4 |
pub const CELL_BLANK: Rule = Rule {
    id: "CELL-BLANK",
    severity: Severity::Warning,
    summary_zh: "数值单元格留空或填“/”“—”等，应填 0",
    summary_en: english!("Value cell blank or a placeholder (/, —) instead of 0"),
};
}

declare_rules! {
/// ## What it checks
/// A value cell holding something its column cannot take: text, a negative or fractional count, a
/// number too long to be real. Counts are whole numbers ≥ 0; decimals are allowed only in amounts of
/// money (表二 本年收费金额（单位：万元）, 2019's 采购总金额), a sign only in 2019's `本年增/减`. A unit or
/// a remark after the number (`3件`, `22（其中修订16件）`) is read as the number, not reported.
///
/// ## Why
/// Counts of applications, documents and cases are non-negative whole numbers (docs/format.md §7.1
/// T3-D); 万元 takes decimals (§5.1); `本年增/减` is a signed change (§4.1). A cell that is not such a
/// number cannot enter the sums, so the relations through it are not checked until it is fixed.
///
/// ## Example
/// Fails:
///
/// | 表三 | 自然人 | 商业企业 | … | 总计 |
/// |---|---|---|---|---|
/// | （一）予以公开 | 3.5 | 三 | … | 4 |
///
/// Fixed:
///
/// | 表三 | 自然人 | 商业企业 | … | 总计 |
/// |---|---|---|---|---|
/// | （一）予以公开 | 3 | 1 | … | 4 |
///
/// ## 检查内容
/// 数值单元格中填了该列不能接受的内容：文字、负数或带小数的件数、长得不可能真实的数字。件数应为不小于 0 的整数；只有金额（表二“本年收费金额（单位：万元）”、2019 年格式的“采购总金额”）可有小数，只有 2019 年格式的“本年增/减”可带正负号。
/// 数字后带单位或说明（`3件`、`22（其中修订16件）`）按数字读取，不报告。
///
/// ## 依据
/// 申请、文件和案件的件数是不小于 0 的整数（docs/format.md §7.1 T3-D）；万元可有小数（§5.1）；“本年增/减”是带符号的变化量（§4.1）。不是这类数字的单元格无法参与求和，改正前经过它的勾稽关系都不作核对。
///
/// ## 示例
/// 不通过：
///
/// | 表三 | 自然人 | 商业企业 | … | 总计 |
/// |---|---|---|---|---|
/// | （一）予以公开 | 3.5 | 三 | … | 4 |
///
/// 修改后：
///
/// | 表三 | 自然人 | 商业企业 | … | 总计 |
/// |---|---|---|---|---|
/// | （一）予以公开 | 3 | 1 | … | 4 |
pub const CELL_NONNUM: Rule = Rule {
    id: "CELL-NONNUM",
    severity: Severity::Error,
    summary_zh: "数值单元格不是合法数值（文字、负数、小数件数等）",
    summary_en: english!("Value cell is not a valid number for its column (text, negative or fractional count)"),
};
}

/// This file's rules and their check ([`crate::rules::FAMILIES`]).
pub const FAMILY: Family = Family { rules: &[&CELL_BLANK, &CELL_NONNUM], check };

const BLANK: Message = Message {
    id: "CELL-BLANK",
    zh: "表{table}有 {count} 个数值单元格为空白或占位符（首个：「{row} / {column}」为{shown}），应填 0；核算时按 0 计。",
    en: english!("Table {table} has {count} value cells left blank or with a placeholder (first: 「{row} / {column}」 is {shown}); write 0. The sums count them as 0."),
};
const BLANK_SHOWN_EMPTY: Message = Message { id: "CELL-BLANK/empty", zh: "空白", en: english!("blank") };
const BLANK_SHOWN_TEXT: Message =
    Message { id: "CELL-BLANK/placeholder", zh: "“{text}”", en: english!("“{text}”") };

const NONNUM: Message = Message {
    id: "CELL-NONNUM",
    zh: "表{table}「{row} / {column}」的“{text}”{problem}；{should}。",
    en: english!("Table {table}, 「{row} / {column}」: “{text}” {problem}; {should}."),
};
const NONNUM_TOO_LONG: Message = Message {
    id: "CELL-NONNUM/too-long",
    zh: "数字位数过多，不可能是真实数值",
    en: english!("far too many digits to be a real value"),
};
const NONNUM_TEXT: Message = Message { id: "CELL-NONNUM/text", zh: "不是数值", en: english!("is not a number") };
const NONNUM_NEGATIVE: Message = Message { id: "CELL-NONNUM/negative", zh: "为负数", en: english!("is negative") };
const NONNUM_FRACTION: Message =
    Message { id: "CELL-NONNUM/fraction", zh: "件数不能有小数", en: english!("a count cannot have decimals") };
const SHOULD_COUNT: Message =
    Message { id: "CELL-NONNUM/count", zh: "应填非负整数", en: english!("write a whole number ≥ 0") };
const SHOULD_SIGNED_COUNT: Message = Message {
    id: "CELL-NONNUM/signed-count",
    zh: "应填整数（增加可写 +，减少写 −）",
    en: english!("write a whole number (+ for more, − for fewer)"),
};
const SHOULD_TEN_THOUSAND_YUAN: Message = Message {
    id: "CELL-NONNUM/ten-thousand-yuan",
    zh: "应填不小于 0 的金额（单位万元，可有小数）",
    en: english!("write an amount ≥ 0 (in 万元, decimals allowed)"),
};
const SHOULD_MONEY: Message = Message {
    id: "CELL-NONNUM/money",
    zh: "应填不小于 0 的金额（可有小数）",
    en: english!("write an amount ≥ 0 (decimals allowed)"),
};

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for found in &ctx.report.tables {
        blank(found, out);
        non_numeric(found, out);
    }
}

fn labels(found: &FoundTable, row: RowId, column: ColumnId) -> (String, String, ValueKind) {
    let spec = found.format.table(found.id);
    let (group, r) = spec.row(row).map_or((None, ""), |(g, r)| (Some(g), r.label));
    let c = group.and_then(|g| g.columns.iter().find(|c| c.id == column));
    (
        r.to_string(),
        c.map_or_else(|| column.to_string(), |c| c.qualified_label()),
        c.map_or(ValueKind::Count, |c| c.kind),
    )
}

fn blank(found: &FoundTable, out: &mut Vec<Diagnostic>) {
    let blanks: Vec<_> =
        found.cells.iter().filter(|c| matches!(c.value.shape, ValueShape::Blank | ValueShape::Placeholder)).collect();
    let Some(first) = blanks.first() else { return };
    let table = found.id.numeral();
    let (row, column, _) = labels(found, first.row, first.column);
    let args = Args::new().text("table", table).text("count", blanks.len()).text("row", &row).text("column", &column);
    let args = if first.value.text.is_empty() {
        args.phrase("shown", &BLANK_SHOWN_EMPTY)
    } else {
        args.phrase_with("shown", &BLANK_SHOWN_TEXT, Args::new().text("text", &first.value.text))
    };
    out.push(
        Diagnostic::new(CELL_BLANK.id, CELL_BLANK.severity, &BLANK, args)
            .table(table)
            .row(row)
            .column(column)
            .expected("0")
            .actual(first.value.text.clone())
            .at(first.origin.span, first.origin.cell)
            .excerpt(first.value.text.clone())
            .finish(""),
    );
}

fn non_numeric(found: &FoundTable, out: &mut Vec<Diagnostic>) {
    let table = found.id.numeral();
    for c in &found.cells {
        let v = &c.value;
        // A whole number ≥ 0 is right in every kind of column: the labels (three strings
        // made) only for the others.
        if v.shape != ValueShape::Text && v.number.is_none_or(|n| !n.is_negative() && n.is_integer()) {
            continue;
        }
        let (row, column, kind) = labels(found, c.row, c.column);
        let problem = match (v.shape, v.number) {
            (ValueShape::Text, _) if v.overflow => &NONNUM_TOO_LONG,
            (ValueShape::Text, _) => &NONNUM_TEXT,
            (_, Some(n)) if n.is_negative() && kind != ValueKind::SignedCount => &NONNUM_NEGATIVE,
            (_, Some(n)) if !n.is_integer() && matches!(kind, ValueKind::Count | ValueKind::SignedCount) => {
                &NONNUM_FRACTION
            }
            _ => continue,
        };
        // What the cell should hold, by the column's kind of value.
        let should = match kind {
            ValueKind::Count => &SHOULD_COUNT,
            ValueKind::SignedCount => &SHOULD_SIGNED_COUNT,
            ValueKind::TenThousandYuan => &SHOULD_TEN_THOUSAND_YUAN,
            ValueKind::Money => &SHOULD_MONEY,
        };
        let args = Args::new()
            .text("table", table)
            .text("row", &row)
            .text("column", &column)
            .text("text", &v.text)
            .phrase("problem", problem)
            .phrase("should", should);
        out.push(
            Diagnostic::new(CELL_NONNUM.id, CELL_NONNUM.severity, &NONNUM, args)
                .table(table)
                .row(row)
                .column(column)
                .actual(v.text.clone())
                .at(c.origin.span, c.origin.cell)
                .excerpt(v.text.clone())
                .finish(""),
        );
    }
}

/// Every message this module declares ([`crate::message::catalogue`]).
pub(crate) const MESSAGES: &[&crate::message::Message] = &[
    &BLANK,
    &BLANK_SHOWN_EMPTY,
    &BLANK_SHOWN_TEXT,
    &NONNUM,
    &NONNUM_TOO_LONG,
    &NONNUM_TEXT,
    &NONNUM_NEGATIVE,
    &NONNUM_FRACTION,
    &SHOULD_COUNT,
    &SHOULD_SIGNED_COUNT,
    &SHOULD_TEN_THOUSAND_YUAN,
    &SHOULD_MONEY,
];

#[cfg(test)]
mod tests {
    use crate::format::rows;
    use crate::rules::testkit::{mini, rules};

    #[test]
    fn blanks_are_reported_once_per_table_and_count_as_zero() {
        let r = mini().set_request(rows::WITHHELD_QUERY, 2, "").set_request(rows::WITHHELD_PROCESS, 3, "/").lint();
        assert_eq!(rules(&r), vec!["CELL-BLANK"]);
        let d = &r.diagnostics[0];
        assert_eq!((d.row.as_deref(), d.column.as_deref()), (Some("6.属于四类过程性信息"), Some("社会公益组织")));
        assert!(d.message.contains("有 2 个"), "{}", d.message);
    }

    #[test]
    fn text_fractions_and_negative_counts_are_not_values() {
        let r = mini().set_request(rows::DISCLOSED, 0, "三").lint();
        assert_eq!(rules(&r), vec!["CELL-NONNUM"]);
        assert_eq!(r.diagnostics[0].actual.as_deref(), Some("三"));
        let r = mini().set_review(0, "0.5").set_review(1, "1.5").lint();
        assert_eq!(rules(&r), vec!["CELL-NONNUM", "CELL-NONNUM"]);
        let mut m = mini();
        m.proactive[2].1[0] = "-3".into();
        assert_eq!(rules(&m.lint()), vec!["CELL-NONNUM"]);
        // Decimals are fine for 万元.
        let mut m = mini();
        m.proactive[5].1[0] = "5949.088667".into();
        assert_eq!(rules(&m.lint()), Vec::<&str>::new());
    }

    /// The message names what the column holds: a whole number ≥ 0, an amount in 万元 with
    /// decimals (2021's 收费金额), or a signed whole number (2019's 本年增/减).
    #[test]
    fn the_message_names_what_the_column_should_hold() {
        let count = mini().set_request(rows::DISCLOSED, 0, "三").lint();
        insta::assert_snapshot!(count.diagnostics[0].message, @"表三「（一）予以公开 / 自然人」的“三”不是数值；应填非负整数。");
        let mut m = mini();
        m.proactive[5].1[0] = "-1.5".into();
        let money = m.lint();
        assert_eq!(rules(&money), vec!["CELL-NONNUM"]);
        insta::assert_snapshot!(money.diagnostics[0].message, @"表二「行政事业性收费 / 本年收费金额（单位：万元）」的“-1.5”为负数；应填不小于 0 的金额（单位万元，可有小数）。");
    }
}
