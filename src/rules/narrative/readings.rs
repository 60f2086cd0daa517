//! The ways a phrase can be read against the tables: for each keyword, the cells whose value
//! (or sum) the number it counts should equal.

use super::lexicon::{Kw, Topic};
use crate::format::{FormatVersion, TableId};
use crate::recognize::value::Decimal;
use crate::recognize::MappedCell;
use crate::rules::Context;

/// One way to read a phrase against the tables.
pub(super) struct Reading {
    pub(super) zh: String,
    pub(super) en: String,
    pub(super) table: TableId,
    /// (row, column) cells whose sum the phrase should equal.
    pub(super) cells: Vec<(&'static str, &'static str)>,
    /// The row label to name in the diagnostic.
    pub(super) row_label: String,
}

pub(super) fn request_rows_under(ctx: &Context, parent: &str) -> Vec<&'static str> {
    let Some(t) = ctx.report.table(TableId::Requests) else { return vec![] };
    t.format
        .table(TableId::Requests)
        .rows()
        .filter(|(_, r)| r.parent == Some(parent) || (parent == "（六）其他处理" && r.id == "other_handling"))
        .map(|(_, r)| r.id)
        .collect()
}

pub(super) fn row_label(ctx: &Context, table: TableId, row: &str) -> String {
    ctx.report
        .table(table)
        .and_then(|t| t.format.table(table).row(row).map(|(_, r)| r.label.to_string()))
        .unwrap_or_default()
}

pub(super) fn t3(ctx: &Context, zh: &str, en: &str, rows: Vec<&'static str>, label: Option<&str>) -> Reading {
    let row_label = label
        .map_or_else(|| rows.first().map_or(String::new(), |r| row_label(ctx, TableId::Requests, r)), String::from);
    Reading {
        zh: zh.into(),
        en: en.into(),
        table: TableId::Requests,
        cells: rows.into_iter().map(|r| (r, "total")).collect(),
        row_label,
    }
}

pub(super) fn t4(zh: &str, en: &str, columns: &[&'static str]) -> Reading {
    Reading {
        zh: zh.into(),
        en: en.into(),
        table: TableId::Review,
        cells: columns.iter().map(|c| ("cases", *c)).collect(),
        row_label: String::new(),
    }
}

/// 表二 columns, each with its English name.
type Columns = &'static [(&'static str, &'static str)];

/// What the verb before 规章 / 规范性文件 says was counted, and the 表二 columns that count it
/// (id, English name) in the 2021 format and in the 2019 format; the first verb found decides,
/// and where several columns are listed the number may mean any of them. The 2019 表二 has no
/// column for documents in force or repealed.
const DOCUMENT_READINGS: &[(&[&str], Columns, Columns)] = &[
    (&["现行有效"], &[("in_force", "in force")], &[]),
    (&["废止", "废除", "失效"], &[("repealed", "repealed")], &[]),
    (
        &["制发", "制定", "出台", "印发", "新增", "发布"],
        &[("issued", "issued")],
        &[("new_made", "newly made"), ("new_published", "newly published")],
    ),
    (
        &["公开"],
        &[("issued", "issued"), ("in_force", "in force")],
        &[("new_published", "newly published"), ("published_total", "published in all")],
    ),
];

pub(super) fn readings(ctx: &Context, kw: Kw, topic: Option<Topic>, prefix: &str) -> Vec<Reading> {
    match kw {
        Kw::Received => vec![t3(ctx, "本年新收", "received this year", vec!["received"], None)],
        Kw::ReceivedAny => vec![
            t3(ctx, "本年新收", "received this year", vec!["received"], None),
            t3(ctx, "本年新收＋上年结转", "received + carried over", vec!["received", "carried_in"], None),
        ],
        Kw::Answered => vec![t3(ctx, "（七）总计", "(七) total", vec!["outcomes_total"], None)],
        Kw::CarriedIn => vec![t3(ctx, "上年结转", "carried over", vec!["carried_in"], None)],
        Kw::CarriedOut => vec![t3(ctx, "结转下年度继续办理", "carried to next year", vec!["carried_out"], None)],
        Kw::Disclosed => vec![t3(ctx, "予以公开", "disclosed", vec!["disclosed"], None)],
        Kw::Partly => vec![t3(ctx, "部分公开", "partly disclosed", vec!["partly_disclosed"], None)],
        Kw::DisclosedOrPartly => vec![t3(
            ctx,
            "予以公开＋部分公开",
            "disclosed + partly disclosed",
            vec!["disclosed", "partly_disclosed"],
            None,
        )],
        Kw::Withheld => vec![t3(
            ctx,
            "（三）不予公开各项之和",
            "sum of (三) withheld",
            request_rows_under(ctx, "（三）不予公开"),
            Some("（三）不予公开"),
        )],
        Kw::Unavailable => vec![t3(
            ctx,
            "（四）无法提供各项之和",
            "sum of (四) unavailable",
            request_rows_under(ctx, "（四）无法提供"),
            Some("（四）无法提供"),
        )],
        Kw::NotHandled => vec![t3(
            ctx,
            "（五）不予处理各项之和",
            "sum of (五) not handled",
            request_rows_under(ctx, "（五）不予处理"),
            Some("（五）不予处理"),
        )],
        Kw::OtherHandling => vec![t3(
            ctx,
            "（六）其他处理各项之和",
            "sum of (六) other handling",
            request_rows_under(ctx, "（六）其他处理"),
            Some("（六）其他处理"),
        )],
        Kw::Review => vec![t4("行政复议/总计", "review total", &["review_total"])],
        Kw::Suit => vec![
            t4(
                "未经复议直接起诉/总计＋复议后起诉/总计",
                "direct suits + suits after review",
                &["direct_suit_total", "suit_after_review_total"],
            ),
            t4("未经复议直接起诉/总计", "direct suits", &["direct_suit_total"]),
        ],
        Kw::Upheld | Kw::Corrected | Kw::OtherResult | Kw::Pending => {
            let (suffix, zh, en) = match kw {
                Kw::Upheld => ("upheld", "结果维持", "upheld"),
                Kw::Corrected => ("corrected", "结果纠正", "corrected"),
                Kw::OtherResult => ("other", "其他结果", "other result"),
                _ => ("pending", "尚未审结", "pending"),
            };
            let col = |block: &str| -> &'static str {
                match (block, suffix) {
                    ("review", "upheld") => "review_upheld",
                    ("review", "corrected") => "review_corrected",
                    ("review", "other") => "review_other",
                    ("review", _) => "review_pending",
                    ("direct_suit", "upheld") => "direct_suit_upheld",
                    ("direct_suit", "corrected") => "direct_suit_corrected",
                    ("direct_suit", "other") => "direct_suit_other",
                    ("direct_suit", _) => "direct_suit_pending",
                    (_, "upheld") => "suit_after_review_upheld",
                    (_, "corrected") => "suit_after_review_corrected",
                    (_, "other") => "suit_after_review_other",
                    _ => "suit_after_review_pending",
                }
            };
            match topic {
                Some(Topic::Review) => vec![t4(&format!("行政复议/{zh}"), &format!("review, {en}"), &[col("review")])],
                Some(Topic::Suit) => vec![t4(
                    &format!("未经复议直接起诉/{zh}＋复议后起诉/{zh}"),
                    &format!("direct suits + suits after review, {en}"),
                    &[col("direct_suit"), col("suit_after_review")],
                )],
                _ => vec![],
            }
        }
        Kw::Regulations | Kw::NormativeDocs => {
            let row = if kw == Kw::Regulations { "regulations" } else { "normative_documents" };
            let Some(t) = ctx.report.table(TableId::Proactive) else { return Vec::new() };
            if prefix.trim_end().ends_with('等') {
                return Vec::new();
            }
            let Some((_, columns_2021, columns_2019)) =
                DOCUMENT_READINGS.iter().find(|(verbs, ..)| verbs.iter().any(|v| prefix.contains(v)))
            else {
                return Vec::new();
            };
            let columns = match t.format.version {
                FormatVersion::Y2021 => columns_2021,
                FormatVersion::Y2019 => columns_2019,
            };
            let spec = t.format.table(TableId::Proactive);
            let label = row_label(ctx, TableId::Proactive, row);
            columns
                .iter()
                .filter_map(|&(c, en)| {
                    let zh = spec.groups.iter().flat_map(|g| g.columns.iter()).find(|col| col.id == c)?.label;
                    Some(Reading {
                        zh: format!("{label}/{zh}"),
                        en: format!("{label}/{en}"),
                        table: TableId::Proactive,
                        cells: vec![(row, c)],
                        row_label: label.clone(),
                    })
                })
                .collect()
        }
        Kw::Fees => vec![Reading {
            zh: "行政事业性收费/本年收费金额".into(),
            en: "administrative fees, amount".into(),
            table: TableId::Proactive,
            cells: vec![("fees", "fees_amount")],
            row_label: "行政事业性收费".into(),
        }],
    }
}

/// The value of a reading, if every cell it needs was read as a number.
pub(super) fn evaluate<'a>(ctx: &'a Context, r: &Reading) -> Option<(Decimal, Option<&'a MappedCell>)> {
    let t = ctx.report.table(r.table)?;
    if t.is_unreadable() || r.cells.is_empty() {
        return None;
    }
    let mut sum = Decimal::ZERO;
    let mut first = None;
    for (row, col) in &r.cells {
        if t.row_unreadable(row) {
            return None;
        }
        let c = t.cell(row, col)?;
        sum = sum.checked_add(c.value.number?)?;
        first.get_or_insert(c);
    }
    Some((sum, first))
}

pub(super) fn column_label(ctx: &Context, r: &Reading) -> String {
    let Some(t) = ctx.report.table(r.table) else { return String::new() };
    let spec = t.format.table(r.table);
    let col = r.cells.first().map_or("", |c| c.1);
    spec.groups
        .iter()
        .flat_map(|g| g.columns.iter())
        .find(|c| c.id == col)
        .map_or_else(String::new, |c| c.qualified_label())
}
