//! The 2019 format: 国办公开办函〔2019〕60号 (试行), for reports on 2019 and 2020
//! (docs/format.md §4).

use super::shared::*;
use super::{ColumnSpec, Format, FormatVersion, GroupSpec, RelationSpec, RowSpec, TableId, TableSpec, ValueKind};

const fn col(id: &'static str, label: &'static str, kind: ValueKind, keys: &'static [&'static str]) -> ColumnSpec {
    ColumnSpec { id, label, block: None, kind, keys }
}
const fn row(id: &'static str, label: &'static str, keys: &'static [&'static str]) -> RowSpec {
    RowSpec { id, label, parent: None, keys }
}

const ITEMS: [ColumnSpec; 3] = [
    col("items_last_year", "上一年项目数量", ValueKind::Count, &["上一年"]),
    col("items_change", "本年增/减", ValueKind::SignedCount, &["增/减", "增减", "增／减"]),
    col("decisions", "处理决定数量", ValueKind::Count, &["处理决定"]),
];

pub const PROACTIVE: TableSpec = TableSpec {
    id: TableId::Proactive,
    title: "主动公开政府信息情况",
    groups: &[
        GroupSpec {
            label: Some("第二十条第（一）项"),
            columns: &[
                col("new_made", "本年新制作数量", ValueKind::Count, &["新制作"]),
                col("new_published", "本年新公开数量", ValueKind::Count, &["新公开"]),
                col("published_total", "对外公开总数量", ValueKind::Count, &["对外公开总"]),
            ],
            rows: &[row("regulations", "规章", &["规章"]), row("normative_documents", "规范性文件", &["规范性文件"])],
        },
        GroupSpec {
            label: Some("第二十条第（五）项"),
            columns: &ITEMS,
            rows: &[
                row("licensing", "行政许可", &["行政许可"]),
                row("other_services", "其他对外管理服务事项", &["对外管理服务"]),
            ],
        },
        GroupSpec {
            label: Some("第二十条第（六）项"),
            columns: &ITEMS,
            rows: &[row("penalties", "行政处罚", &["行政处罚"]), row("coercion", "行政强制", &["行政强制"])],
        },
        GroupSpec {
            label: Some("第二十条第（八）项"),
            columns: &[
                col("items_last_year", "上一年项目数量", ValueKind::Count, &["上一年"]),
                col("items_change", "本年增/减", ValueKind::SignedCount, &["增/减", "增减", "增／减"]),
            ],
            rows: &[row("fees", "行政事业性收费", &["事业性收费"])],
        },
        GroupSpec {
            label: Some("第二十条第（九）项"),
            columns: &[
                col("procurement_items", "采购项目数量", ValueKind::Count, &["采购项目"]),
                col("procurement_amount", "采购总金额", ValueKind::Money, &["采购总金额", "总金额"]),
            ],
            rows: &[row("procurement", "政府集中采购", &["集中采购"])],
        },
    ],
    relations: &[],
};

/// 表三 with the single-row （六）其他处理 (§4.2).
pub const REQUESTS: TableSpec = TableSpec {
    id: TableId::Requests,
    title: "收到和处理政府信息公开申请情况",
    groups: &[GroupSpec {
        label: None,
        columns: &REQUEST_COLUMNS,
        rows: request_rows!(RowSpec {
            id: "other_handling",
            label: "（六）其他处理",
            parent: OUTCOMES,
            keys: &["其他处理"]
        }),
    }],
    relations: &[
        T3_IDENTITY,
        RelationSpec::EachColumn {
            rule: "T3-RESULT-SUM",
            total: &["outcomes_total"],
            parts: outcome_rows!("other_handling"),
        },
        T3_ROW_TOTAL,
    ],
};

pub const FORMAT: Format = Format {
    version: FormatVersion::Y2019,
    notice: "国办公开办函〔2019〕60号",
    first_year: 2019,
    last_year: Some(2020),
    sections: &SECTIONS,
    tables: [&PROACTIVE, &REQUESTS, &REVIEW_TABLE],
};
