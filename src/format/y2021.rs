//! The 2021 format: 国办公开办函〔2021〕30号, for reports on 2021 onwards (docs/format.md §5).

use super::shared::*;
use super::{ColumnSpec, Format, FormatVersion, GroupSpec, RelationSpec, RowSpec, TableId, TableSpec, ValueKind};

const fn col(id: &'static str, label: &'static str, kind: ValueKind, keys: &'static [&'static str]) -> ColumnSpec {
    ColumnSpec { id, label, block: None, kind, keys }
}
const fn row(id: &'static str, label: &'static str, keys: &'static [&'static str]) -> RowSpec {
    RowSpec { id, label, parent: None, keys }
}

const DECISIONS: [ColumnSpec; 1] = [col("decisions", "本年处理决定数量", ValueKind::Count, &["处理决定"])];

pub const PROACTIVE: TableSpec = TableSpec {
    id: TableId::Proactive,
    title: "主动公开政府信息情况",
    groups: &[
        GroupSpec {
            label: Some("第二十条第（一）项"),
            columns: &[
                col("issued", "本年制发件数", ValueKind::Count, &["制发"]),
                col("repealed", "本年废止件数", ValueKind::Count, &["废止"]),
                col("in_force", "现行有效件数", ValueKind::Count, &["现行有效"]),
            ],
            rows: &[
                row("regulations", "规章", &["规章"]),
                row("normative_documents", "行政规范性文件", &["规范性文件"]),
            ],
        },
        GroupSpec {
            label: Some("第二十条第（五）项"),
            columns: &DECISIONS,
            rows: &[row("licensing", "行政许可", &["行政许可"])],
        },
        GroupSpec {
            label: Some("第二十条第（六）项"),
            columns: &DECISIONS,
            rows: &[row("penalties", "行政处罚", &["行政处罚"]), row("coercion", "行政强制", &["行政强制"])],
        },
        GroupSpec {
            label: Some("第二十条第（八）项"),
            columns: &[col("fees_amount", "本年收费金额（单位：万元）", ValueKind::TenThousandYuan, &["收费金额"])],
            rows: &[row("fees", "行政事业性收费", &["事业性收费"])],
        },
    ],
    relations: &[],
};

const OTHER_HANDLING_ROWS: [RowSpec; 3] = [
    RowSpec {
        id: "other_handling_no_correction",
        label: "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        parent: OTHER_HANDLING,
        keys: &["逾期不补正", "不补正", "无正当理由逾期"],
    },
    RowSpec {
        id: "other_handling_unpaid_fee",
        label: "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        parent: OTHER_HANDLING,
        keys: &["收费通知", "缴纳费用"],
    },
    RowSpec { id: "other_handling_other", label: "3.其他", parent: OTHER_HANDLING, keys: &["其他"] },
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
            rule: "T3-RESULT-SUM",
            total: &["outcomes_total"],
            parts: outcome_rows!("other_handling_no_correction", "other_handling_unpaid_fee", "other_handling_other"),
        },
        T3_ROW_TOTAL,
    ],
};

pub const FORMAT: Format = Format {
    version: FormatVersion::Y2021,
    notice: "国办公开办函〔2021〕30号",
    first_year: 2021,
    last_year: None,
    sections: &SECTIONS,
    tables: [&PROACTIVE, &REQUESTS, &REVIEW_TABLE],
};
