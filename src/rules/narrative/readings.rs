//! The ways a phrase can be read against the tables: for each keyword, the cells whose value
//! (or sum) the number it counts should equal.

use super::lexicon::{Kw, Topic};
use crate::format::{columns, rows, ColumnId, DocumentCount, RowId, TableId};
use crate::recognize::value::Decimal;
use crate::recognize::MappedCell;
use crate::rules::Context;

/// One way to read a phrase against the tables.
pub(super) struct Reading {
    pub(super) zh: String,
    pub(super) en: String,
    pub(super) table: TableId,
    /// (row, column) cells whose sum the phrase should equal.
    pub(super) cells: Vec<(RowId, ColumnId)>,
    /// The row label to name in the diagnostic.
    pub(super) row_label: String,
}

pub(super) fn request_rows_under(ctx: &Context, parent: &str) -> Vec<RowId> {
    let Some(t) = ctx.report.table(TableId::Requests) else { return vec![] };
    t.format
        .table(TableId::Requests)
        .rows()
        .filter(|(_, r)| r.parent == Some(parent) || (parent == "（六）其他处理" && r.id == rows::OTHER_HANDLING))
        .map(|(_, r)| r.id)
        .collect()
}

pub(super) fn row_label(ctx: &Context, table: TableId, row: RowId) -> String {
    ctx.report
        .table(table)
        .and_then(|t| t.format.table(table).row(row).map(|(_, r)| r.label.to_string()))
        .unwrap_or_default()
}

pub(super) fn t3(ctx: &Context, zh: &str, en: &str, rows: Vec<RowId>, label: Option<&str>) -> Reading {
    let row_label = label
        .map_or_else(|| rows.first().map_or(String::new(), |r| row_label(ctx, TableId::Requests, *r)), String::from);
    Reading {
        zh: zh.into(),
        en: en.into(),
        table: TableId::Requests,
        cells: rows.into_iter().map(|r| (r, columns::TOTAL)).collect(),
        row_label,
    }
}

pub(super) fn t4(zh: &str, en: &str, columns: &[ColumnId]) -> Reading {
    Reading {
        zh: zh.into(),
        en: en.into(),
        table: TableId::Review,
        cells: columns.iter().map(|c| (rows::CASES, *c)).collect(),
        row_label: String::new(),
    }
}

/// What the verb before 规章 / 规范性文件 says was counted; the first verb found decides. The
/// 表二 columns that count it are the format's ([`crate::format::Format::document_counts`]).
const DOCUMENT_READINGS: &[(&[&str], DocumentCount)] = &[
    (&["现行有效"], DocumentCount::InForce),
    (&["废止", "废除", "失效"], DocumentCount::Repealed),
    (&["制发", "制定", "出台", "印发", "新增", "发布"], DocumentCount::Issued),
    (&["公开"], DocumentCount::Published),
];

pub(super) fn readings(ctx: &Context, kw: Kw, topic: Option<Topic>, prefix: &str) -> Vec<Reading> {
    match kw {
        Kw::Received => vec![t3(ctx, "本年新收", "received this year", vec![rows::RECEIVED], None)],
        Kw::ReceivedAny => vec![
            t3(ctx, "本年新收", "received this year", vec![rows::RECEIVED], None),
            t3(ctx, "本年新收＋上年结转", "received + carried over", vec![rows::RECEIVED, rows::CARRIED_IN], None),
        ],
        Kw::Answered => vec![t3(ctx, "（七）总计", "(七) total", vec![rows::OUTCOMES_TOTAL], None)],
        Kw::CarriedIn => vec![t3(ctx, "上年结转", "carried over", vec![rows::CARRIED_IN], None)],
        Kw::CarriedOut => vec![t3(ctx, "结转下年度继续办理", "carried to next year", vec![rows::CARRIED_OUT], None)],
        Kw::Disclosed => vec![t3(ctx, "予以公开", "disclosed", vec![rows::DISCLOSED], None)],
        Kw::Partly => vec![t3(ctx, "部分公开", "partly disclosed", vec![rows::PARTLY_DISCLOSED], None)],
        Kw::DisclosedOrPartly => vec![t3(
            ctx,
            "予以公开＋部分公开",
            "disclosed + partly disclosed",
            vec![rows::DISCLOSED, rows::PARTLY_DISCLOSED],
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
        Kw::Review => vec![t4("行政复议/总计", "review total", &[columns::REVIEW_TOTAL])],
        Kw::Suit => vec![
            t4(
                "未经复议直接起诉/总计＋复议后起诉/总计",
                "direct suits + suits after review",
                &[columns::DIRECT_SUIT_TOTAL, columns::SUIT_AFTER_REVIEW_TOTAL],
            ),
            t4("未经复议直接起诉/总计", "direct suits", &[columns::DIRECT_SUIT_TOTAL]),
        ],
        Kw::Upheld | Kw::Corrected | Kw::OtherResult | Kw::Pending => {
            let (suffix, zh, en) = match kw {
                Kw::Upheld => ("upheld", "结果维持", "upheld"),
                Kw::Corrected => ("corrected", "结果纠正", "corrected"),
                Kw::OtherResult => ("other", "其他结果", "other result"),
                _ => ("pending", "尚未审结", "pending"),
            };
            let col = |block: &str| -> ColumnId {
                match (block, suffix) {
                    ("review", "upheld") => columns::REVIEW_UPHELD,
                    ("review", "corrected") => columns::REVIEW_CORRECTED,
                    ("review", "other") => columns::REVIEW_OTHER,
                    ("review", _) => columns::REVIEW_PENDING,
                    ("direct_suit", "upheld") => columns::DIRECT_SUIT_UPHELD,
                    ("direct_suit", "corrected") => columns::DIRECT_SUIT_CORRECTED,
                    ("direct_suit", "other") => columns::DIRECT_SUIT_OTHER,
                    ("direct_suit", _) => columns::DIRECT_SUIT_PENDING,
                    (_, "upheld") => columns::SUIT_AFTER_REVIEW_UPHELD,
                    (_, "corrected") => columns::SUIT_AFTER_REVIEW_CORRECTED,
                    (_, "other") => columns::SUIT_AFTER_REVIEW_OTHER,
                    _ => columns::SUIT_AFTER_REVIEW_PENDING,
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
            let row = if kw == Kw::Regulations { rows::REGULATIONS } else { rows::NORMATIVE_DOCUMENTS };
            let Some(t) = ctx.report.table(TableId::Proactive) else { return Vec::new() };
            if prefix.trim_end().ends_with('等') {
                return Vec::new();
            }
            let Some(&(_, counted)) =
                DOCUMENT_READINGS.iter().find(|(verbs, ..)| verbs.iter().any(|v| prefix.contains(v)))
            else {
                return Vec::new();
            };
            let spec = t.format.table(TableId::Proactive);
            let label = row_label(ctx, TableId::Proactive, row);
            t.format
                .document_columns(counted)
                .iter()
                .filter_map(|&(c, en)| {
                    let zh = spec.column(c)?.label;
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
            en: english!("administrative fees, amount").into(),
            table: TableId::Proactive,
            cells: vec![(rows::FEES, columns::FEES_AMOUNT)],
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
        if t.row_unreadable(*row) {
            return None;
        }
        let c = t.cell(*row, *col)?;
        sum = sum.checked_add(c.value.number?)?;
        first.get_or_insert(c);
    }
    Some((sum, first))
}

pub(super) fn column_label(ctx: &Context, r: &Reading) -> String {
    let Some(t) = ctx.report.table(r.table) else { return String::new() };
    let spec = t.format.table(r.table);
    let col = r.cells.first().map(|c| c.1);
    col.and_then(|c| spec.column(c)).map_or_else(String::new, |c| c.qualified_label())
}
