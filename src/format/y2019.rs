//! The 2019 format: 国办公开办函〔2019〕60号 (试行), for reports on 2019 and 2020
//! (docs/format.md §4).

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

const ITEMS: [ColumnSpec; 3] = [
    col(columns::ITEMS_LAST_YEAR, "上一年项目数量", ValueKind::Count, &["上一年"]),
    col(columns::ITEMS_CHANGE, "本年增/减", ValueKind::SignedCount, &["增/减", "增减", "增／减"]),
    col(columns::DECISIONS, "处理决定数量", ValueKind::Count, &["处理决定"]),
];

pub const PROACTIVE: TableSpec = TableSpec {
    id: TableId::Proactive,
    title: "主动公开政府信息情况",
    groups: &[
        GroupSpec {
            label: Some("第二十条第（一）项"),
            columns: &[
                col(columns::NEW_MADE, "本年新制作数量", ValueKind::Count, &["新制作"]),
                col(columns::NEW_PUBLISHED, "本年新公开数量", ValueKind::Count, &["新公开"]),
                col(columns::PUBLISHED_TOTAL, "对外公开总数量", ValueKind::Count, &["对外公开总"]),
            ],
            rows: &[
                row(rows::REGULATIONS, "规章", &["规章"]),
                row(rows::NORMATIVE_DOCUMENTS, "规范性文件", &["规范性文件"]),
            ],
        },
        GroupSpec {
            label: Some("第二十条第（五）项"),
            columns: &ITEMS,
            rows: &[
                row(rows::LICENSING, "行政许可", &["行政许可"]),
                row(rows::OTHER_SERVICES, "其他对外管理服务事项", &["对外管理服务"]),
            ],
        },
        GroupSpec {
            label: Some("第二十条第（六）项"),
            columns: &ITEMS,
            rows: &[row(rows::PENALTIES, "行政处罚", &["行政处罚"]), row(rows::COERCION, "行政强制", &["行政强制"])],
        },
        GroupSpec {
            label: Some("第二十条第（八）项"),
            columns: &[
                col(columns::ITEMS_LAST_YEAR, "上一年项目数量", ValueKind::Count, &["上一年"]),
                col(columns::ITEMS_CHANGE, "本年增/减", ValueKind::SignedCount, &["增/减", "增减", "增／减"]),
            ],
            rows: &[row(rows::FEES, "行政事业性收费", &["事业性收费"])],
        },
        GroupSpec {
            label: Some("第二十条第（九）项"),
            columns: &[
                col(columns::PROCUREMENT_ITEMS, "采购项目数量", ValueKind::Count, &["采购项目"]),
                col(columns::PROCUREMENT_AMOUNT, "采购总金额", ValueKind::Money, &["采购总金额", "总金额"]),
            ],
            rows: &[row(rows::PROCUREMENT, "政府集中采购", &["集中采购"])],
        },
    ],
    relations: &[],
    keys: PROACTIVE_KEYS,
    markers: &["本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减", "政府集中采购"],
    evidence: None,
};

/// 表三 with the single-row （六）其他处理 (§4.2).
pub const REQUESTS: TableSpec = TableSpec {
    id: TableId::Requests,
    title: "收到和处理政府信息公开申请情况",
    groups: &[GroupSpec {
        label: None,
        columns: &REQUEST_COLUMNS,
        rows: request_rows!(RowSpec {
            id: rows::OTHER_HANDLING,
            label: "（六）其他处理",
            parent: OUTCOMES,
            keys: &["其他处理"]
        }),
    }],
    relations: &[
        T3_IDENTITY,
        RelationSpec::EachColumn {
            rule: &arithmetic::T3_RESULT_SUM,
            total: &[rows::OUTCOMES_TOTAL],
            parts: outcome_rows!(rows::OTHER_HANDLING),
        },
        T3_ROW_TOTAL,
    ],
    keys: REQUESTS_KEYS,
    markers: &["其他处理"],
    evidence: Some(("表三（六）其他处理为单行（2019）", "表三 has a one-row （六）其他处理 (2019)")),
};

pub const FORMAT: Format = Format {
    name: "2019",
    notice: "国办公开办函〔2019〕60号",
    first_year: 2019,
    last_year: Some(2020),
    sections: &SECTIONS,
    tables: [&PROACTIVE, &REQUESTS, &REVIEW_TABLE],
    document_counts: &[
        (DocumentCount::Issued, &[(columns::NEW_MADE, "newly made"), (columns::NEW_PUBLISHED, "newly published")]),
        (
            DocumentCount::Published,
            &[(columns::NEW_PUBLISHED, "newly published"), (columns::PUBLISHED_TOTAL, "published in all")],
        ),
    ],
};
