//! The 2021 format: 国办公开办函〔2021〕30号, for reports on 2021 onwards (docs/format.md §5).

use super::shared::*;
use super::{
    columns, rows, ColumnId, ColumnSpec, DocumentCount, Format, GroupSpec, RelationSpec, RowId, RowSpec, TableId,
    TableSpec, ValueKind,
};
use crate::rules::arithmetic;

const fn col(id: ColumnId, label: &'static str, kind: ValueKind, keys: &'static [&'static str]) -> ColumnSpec {
    ColumnSpec { id, label, block: None, kind, keys }
}
const fn row(id: RowId, label: &'static str, keys: &'static [&'static str]) -> RowSpec {
    RowSpec { id, label, parent: None, keys }
}

const DECISIONS: [ColumnSpec; 1] = [col(columns::DECISIONS, "本年处理决定数量", ValueKind::Count, &["处理决定"])];

pub const PROACTIVE: TableSpec = TableSpec {
    id: TableId::Proactive,
    title: "主动公开政府信息情况",
    groups: &[
        GroupSpec {
            label: Some("第二十条第（一）项"),
            columns: &[
                col(columns::ISSUED, "本年制发件数", ValueKind::Count, &["制发"]),
                col(columns::REPEALED, "本年废止件数", ValueKind::Count, &["废止"]),
                col(columns::IN_FORCE, "现行有效件数", ValueKind::Count, &["现行有效"]),
            ],
            rows: &[
                row(rows::REGULATIONS, "规章", &["规章"]),
                row(rows::NORMATIVE_DOCUMENTS, "行政规范性文件", &["规范性文件"]),
            ],
        },
        GroupSpec {
            label: Some("第二十条第（五）项"),
            columns: &DECISIONS,
            rows: &[row(rows::LICENSING, "行政许可", &["行政许可"])],
        },
        GroupSpec {
            label: Some("第二十条第（六）项"),
            columns: &DECISIONS,
            rows: &[row(rows::PENALTIES, "行政处罚", &["行政处罚"]), row(rows::COERCION, "行政强制", &["行政强制"])],
        },
        GroupSpec {
            label: Some("第二十条第（八）项"),
            columns: &[col(
                columns::FEES_AMOUNT,
                "本年收费金额（单位：万元）",
                ValueKind::TenThousandYuan,
                &["收费金额"],
            )],
            rows: &[row(rows::FEES, "行政事业性收费", &["事业性收费"])],
        },
    ],
    relations: &[],
    keys: PROACTIVE_KEYS,
    markers: &["本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额"],
    evidence: None,
};

const OTHER_HANDLING_ROWS: [RowSpec; 3] = [
    RowSpec {
        id: rows::OTHER_HANDLING_NO_CORRECTION,
        label: "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        parent: OTHER_HANDLING,
        keys: &["逾期不补正", "不补正", "无正当理由逾期"],
    },
    RowSpec {
        id: rows::OTHER_HANDLING_UNPAID_FEE,
        label: "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        parent: OTHER_HANDLING,
        keys: &["收费通知", "缴纳费用"],
    },
    RowSpec { id: rows::OTHER_HANDLING_OTHER, label: "3.其他", parent: OTHER_HANDLING, keys: &["其他"] },
];

/// 表三 with （六）其他处理 in three sub-items (§5.2).
pub const REQUESTS: TableSpec = TableSpec {
    id: TableId::Requests,
    title: "收到和处理政府信息公开申请情况",
    groups: &[GroupSpec {
        label: None,
        columns: &REQUEST_COLUMNS,
        rows: request_rows!(OTHER_HANDLING_ROWS[0], OTHER_HANDLING_ROWS[1], OTHER_HANDLING_ROWS[2]),
    }],
    relations: &[
        T3_IDENTITY,
        RelationSpec::EachColumn {
            rule: &arithmetic::T3_RESULT_SUM,
            total: &[rows::OUTCOMES_TOTAL],
            parts: outcome_rows!(
                rows::OTHER_HANDLING_NO_CORRECTION,
                rows::OTHER_HANDLING_UNPAID_FEE,
                rows::OTHER_HANDLING_OTHER
            ),
        },
        T3_ROW_TOTAL,
    ],
    keys: REQUESTS_KEYS,
    markers: &["逾期不补正", "收费通知", "缴纳费用"],
    evidence: Some(("表三（六）其他处理分三项（2021）", "表三 splits （六）其他处理 into three (2021)")),
};

pub const FORMAT: Format = Format {
    name: "2021",
    notice: "国办公开办函〔2021〕30号",
    first_year: 2021,
    last_year: None,
    sections: &SECTIONS,
    tables: [&PROACTIVE, &REQUESTS, &REVIEW_TABLE],
    document_counts: &[
        (DocumentCount::InForce, &[(columns::IN_FORCE, "in force")]),
        (DocumentCount::Repealed, &[(columns::REPEALED, "repealed")]),
        (DocumentCount::Issued, &[(columns::ISSUED, "issued")]),
        (DocumentCount::Published, &[(columns::ISSUED, "issued"), (columns::IN_FORCE, "in force")]),
    ],
};
