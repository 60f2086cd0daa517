//! The parts both revisions share: the six headings (docs/format.md §3), 表三's columns and
//! most of its rows (§4.2 = §5.2), and all of 表四 (§5.3).

use super::{
    columns, rows, ColumnId, ColumnSpec, GroupSpec, RelationSpec, RowId, RowSpec, Section, SectionSpec, TableId,
    TableSpec, ValueKind,
};
use crate::rules::arithmetic;

pub const SECTIONS: [SectionSpec; 6] = [
    SectionSpec { section: Section::Overview, heading: "一、总体情况", variants: &[], keys: &["总体情况"] },
    SectionSpec {
        section: Section::ProactiveDisclosure,
        heading: "二、主动公开政府信息情况",
        variants: &["主动公开政府信息情况表", "主动公开情况"],
        keys: &["主动公开"],
    },
    SectionSpec {
        section: Section::Requests,
        heading: "三、收到和处理政府信息公开申请情况",
        variants: &["收到和处理政府信息公开申请情况表", "依申请公开情况"],
        keys: &["收到和处理", "公开申请情况", "依申请公开"],
    },
    SectionSpec {
        section: Section::ReviewLitigation,
        heading: "四、政府信息公开行政复议、行政诉讼情况",
        variants: &[
            "因政府信息公开工作被申请行政复议提起行政诉讼情况",
            "因政府信息公开工作被申请行政复议、提起行政诉讼情况",
        ],
        keys: &["行政复议", "行政诉讼", "复议"],
    },
    SectionSpec {
        section: Section::Problems,
        heading: "五、存在的主要问题及改进情况",
        variants: &["政府信息公开工作存在的主要问题及改进情况", "存在问题及改进情况", "存在的主要问题和改进情况"],
        keys: &["问题", "改进"],
    },
    SectionSpec {
        section: Section::Other,
        heading: "六、其他需要报告的事项",
        variants: &[],
        keys: &["其他需要报告", "其他事项"],
    },
];

const fn count(id: ColumnId, label: &'static str, keys: &'static [&'static str]) -> ColumnSpec {
    ColumnSpec { id, label, block: None, kind: ValueKind::Count, keys }
}

/// 表三's seven value columns (§4.2).
pub const REQUEST_COLUMNS: [ColumnSpec; 7] = [
    count(columns::NATURAL_PERSON, "自然人", &["自然人"]),
    count(columns::BUSINESS, "商业企业", &["商业"]),
    count(columns::RESEARCH, "科研机构", &["科研"]),
    count(columns::NONPROFIT, "社会公益组织", &["公益"]),
    count(columns::LEGAL_SERVICES, "法律服务机构", &["法律服务"]),
    count(columns::OTHER, "其他", &["其他"]),
    count(columns::TOTAL, "总计", &["总计", "合计"]),
];

/// The applicant columns that 总计 sums (T3-C).
pub const APPLICANT_COLUMNS: &[ColumnId] = &[
    columns::NATURAL_PERSON,
    columns::BUSINESS,
    columns::RESEARCH,
    columns::NONPROFIT,
    columns::LEGAL_SERVICES,
    columns::OTHER,
];

const fn row(id: RowId, label: &'static str, parent: Option<&'static str>, keys: &'static [&'static str]) -> RowSpec {
    RowSpec { id, label, parent, keys }
}

pub const OUTCOMES: Option<&str> = Some("三、本年度办理结果");
const WITHHELD: Option<&str> = Some("（三）不予公开");
const UNAVAILABLE: Option<&str> = Some("（四）无法提供");
const NOT_HANDLED: Option<&str> = Some("（五）不予处理");
pub const OTHER_HANDLING: Option<&str> = Some("（六）其他处理");

pub const RECEIVED: RowSpec = row(rows::RECEIVED, "一、本年新收政府信息公开申请数量", None, &["本年新收"]);
pub const CARRIED_IN: RowSpec = row(rows::CARRIED_IN, "二、上年结转政府信息公开申请数量", None, &["上年结转"]);
pub const DISCLOSED: RowSpec = row(rows::DISCLOSED, "（一）予以公开", OUTCOMES, &["予以公开"]);
pub const PARTLY_DISCLOSED: RowSpec =
    row(rows::PARTLY_DISCLOSED, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", OUTCOMES, &["部分公开"]);
pub const WITHHELD_ROWS: [RowSpec; 8] = [
    row(rows::WITHHELD_STATE_SECRET, "1.属于国家秘密", WITHHELD, &["国家秘密"]),
    row(rows::WITHHELD_PROHIBITED, "2.其他法律行政法规禁止公开", WITHHELD, &["禁止公开", "行政止公开", "法律行政"]),
    row(rows::WITHHELD_SECURITY, "3.危及“三安全一稳定”", WITHHELD, &["三安全一稳定", "三安全", "一稳定"]),
    row(rows::WITHHELD_THIRD_PARTY, "4.保护第三方合法权益", WITHHELD, &["第三方合法权益", "第三方"]),
    row(rows::WITHHELD_INTERNAL_AFFAIRS, "5.属于三类内部事务信息", WITHHELD, &["内部事务"]),
    row(rows::WITHHELD_PROCESS, "6.属于四类过程性信息", WITHHELD, &["过程性"]),
    row(rows::WITHHELD_ENFORCEMENT_FILES, "7.属于行政执法案卷", WITHHELD, &["执法案卷"]),
    row(rows::WITHHELD_QUERY, "8.属于行政查询事项", WITHHELD, &["查询事项"]),
];
pub const UNAVAILABLE_ROWS: [RowSpec; 3] = [
    row(rows::UNAVAILABLE_NOT_HELD, "1.本机关不掌握相关政府信息", UNAVAILABLE, &["不掌握"]),
    row(rows::UNAVAILABLE_NEEDS_CREATION, "2.没有现成信息需要另行制作", UNAVAILABLE, &["另行制作", "没有现成"]),
    row(rows::UNAVAILABLE_UNCLEAR, "3.补正后申请内容仍不明确", UNAVAILABLE, &["仍不明确", "补正后"]),
];
pub const NOT_HANDLED_ROWS: [RowSpec; 5] = [
    row(rows::NOT_HANDLED_PETITION, "1.信访举报投诉类申请", NOT_HANDLED, &["信访举报", "投诉"]),
    row(rows::NOT_HANDLED_REPEATED, "2.重复申请", NOT_HANDLED, &["重复申请"]),
    row(rows::NOT_HANDLED_PUBLICATION, "3.要求提供公开出版物", NOT_HANDLED, &["出版物"]),
    row(rows::NOT_HANDLED_EXCESSIVE, "4.无正当理由大量反复申请", NOT_HANDLED, &["大量反复"]),
    row(
        rows::NOT_HANDLED_CONFIRMATION,
        "5.要求行政机关确认或重新出具已获取信息",
        NOT_HANDLED,
        &["确认或重新出具", "重新出具", "已获取信息"],
    ),
];
pub const OUTCOMES_TOTAL: RowSpec =
    row(rows::OUTCOMES_TOTAL, "（七）总计", OUTCOMES, &["（七）总计", "(七)总计", "七）总计"]);
pub const CARRIED_OUT: RowSpec = row(rows::CARRIED_OUT, "四、结转下年度继续办理", None, &["结转下年度"]);

const fn review(id: ColumnId, block: &'static str, label: &'static str, keys: &'static [&'static str]) -> ColumnSpec {
    ColumnSpec { id, label, block: Some(block), kind: ValueKind::Count, keys }
}

const R: &str = "行政复议";
const D: &str = "未经复议直接起诉";
const A: &str = "复议后起诉";

/// 表四's fifteen value columns (§5.3).
pub const REVIEW_COLUMNS: [ColumnSpec; 15] = [
    review(columns::REVIEW_UPHELD, R, "结果维持", &["维持"]),
    review(columns::REVIEW_CORRECTED, R, "结果纠正", &["纠正"]),
    review(columns::REVIEW_OTHER, R, "其他结果", &["其他"]),
    review(columns::REVIEW_PENDING, R, "尚未审结", &["尚未审结", "未审结"]),
    review(columns::REVIEW_TOTAL, R, "总计", &["总计", "合计"]),
    review(columns::DIRECT_SUIT_UPHELD, D, "结果维持", &["维持"]),
    review(columns::DIRECT_SUIT_CORRECTED, D, "结果纠正", &["纠正"]),
    review(columns::DIRECT_SUIT_OTHER, D, "其他结果", &["其他"]),
    review(columns::DIRECT_SUIT_PENDING, D, "尚未审结", &["尚未审结", "未审结"]),
    review(columns::DIRECT_SUIT_TOTAL, D, "总计", &["总计", "合计"]),
    review(columns::SUIT_AFTER_REVIEW_UPHELD, A, "结果维持", &["维持"]),
    review(columns::SUIT_AFTER_REVIEW_CORRECTED, A, "结果纠正", &["纠正"]),
    review(columns::SUIT_AFTER_REVIEW_OTHER, A, "其他结果", &["其他"]),
    review(columns::SUIT_AFTER_REVIEW_PENDING, A, "尚未审结", &["尚未审结", "未审结"]),
    review(columns::SUIT_AFTER_REVIEW_TOTAL, A, "总计", &["总计", "合计"]),
];

pub const REVIEW_TABLE: TableSpec = TableSpec {
    id: TableId::Review,
    title: "政府信息公开行政复议、行政诉讼情况",
    groups: &[GroupSpec {
        label: None,
        columns: &REVIEW_COLUMNS,
        rows: &[RowSpec { id: rows::CASES, label: "", parent: None, keys: &[] }],
    }],
    relations: &[
        RelationSpec::InRow {
            rule: &arithmetic::T4_SUM,
            row: rows::CASES,
            total: &[columns::REVIEW_TOTAL],
            parts: &[columns::REVIEW_UPHELD, columns::REVIEW_CORRECTED, columns::REVIEW_OTHER, columns::REVIEW_PENDING],
        },
        RelationSpec::InRow {
            rule: &arithmetic::T4_SUM,
            row: rows::CASES,
            total: &[columns::DIRECT_SUIT_TOTAL],
            parts: &[
                columns::DIRECT_SUIT_UPHELD,
                columns::DIRECT_SUIT_CORRECTED,
                columns::DIRECT_SUIT_OTHER,
                columns::DIRECT_SUIT_PENDING,
            ],
        },
        RelationSpec::InRow {
            rule: &arithmetic::T4_SUM,
            row: rows::CASES,
            total: &[columns::SUIT_AFTER_REVIEW_TOTAL],
            parts: &[
                columns::SUIT_AFTER_REVIEW_UPHELD,
                columns::SUIT_AFTER_REVIEW_CORRECTED,
                columns::SUIT_AFTER_REVIEW_OTHER,
                columns::SUIT_AFTER_REVIEW_PENDING,
            ],
        },
    ],
    keys: REVIEW_KEYS,
    markers: &[],
    evidence: None,
};

/// The words that tell a document table is 表二, 表三 or 表四 ([`TableSpec::keys`]): the same
/// in both revisions.
pub const PROACTIVE_KEYS: &[&str] =
    &["第二十条", "信息内容", "规章", "规范性文件", "行政许可", "行政处罚", "行政强制", "事业性收费"];
pub const REQUESTS_KEYS: &[&str] = &[
    "本年新收",
    "上年结转",
    "予以公开",
    "部分公开",
    "不予公开",
    "无法提供",
    "不予处理",
    "结转下年度",
    "自然人",
    "国家秘密",
];
pub const REVIEW_KEYS: &[&str] =
    &["行政复议", "行政诉讼", "结果维持", "结果纠正", "尚未审结", "复议后起诉", "直接起诉"];

/// The outcome rows （七）总计 sums (T3-B): those both revisions share, then the revision's
/// own （六）其他处理 row(s).
macro_rules! outcome_rows {
    ($($other:expr),+) => {
        &[
            rows::DISCLOSED,
            rows::PARTLY_DISCLOSED,
            rows::WITHHELD_STATE_SECRET,
            rows::WITHHELD_PROHIBITED,
            rows::WITHHELD_SECURITY,
            rows::WITHHELD_THIRD_PARTY,
            rows::WITHHELD_INTERNAL_AFFAIRS,
            rows::WITHHELD_PROCESS,
            rows::WITHHELD_ENFORCEMENT_FILES,
            rows::WITHHELD_QUERY,
            rows::UNAVAILABLE_NOT_HELD,
            rows::UNAVAILABLE_NEEDS_CREATION,
            rows::UNAVAILABLE_UNCLEAR,
            rows::NOT_HANDLED_PETITION,
            rows::NOT_HANDLED_REPEATED,
            rows::NOT_HANDLED_PUBLICATION,
            rows::NOT_HANDLED_EXCESSIVE,
            rows::NOT_HANDLED_CONFIRMATION,
            $($other),+
        ]
    };
}
pub(crate) use outcome_rows;

/// 表三's rows in order: those both revisions share, with the revision's own （六）其他处理
/// row(s) before （七）总计.
macro_rules! request_rows {
    ($($other:expr),+) => {
        &[
            RECEIVED,
            CARRIED_IN,
            DISCLOSED,
            PARTLY_DISCLOSED,
            WITHHELD_ROWS[0],
            WITHHELD_ROWS[1],
            WITHHELD_ROWS[2],
            WITHHELD_ROWS[3],
            WITHHELD_ROWS[4],
            WITHHELD_ROWS[5],
            WITHHELD_ROWS[6],
            WITHHELD_ROWS[7],
            UNAVAILABLE_ROWS[0],
            UNAVAILABLE_ROWS[1],
            UNAVAILABLE_ROWS[2],
            NOT_HANDLED_ROWS[0],
            NOT_HANDLED_ROWS[1],
            NOT_HANDLED_ROWS[2],
            NOT_HANDLED_ROWS[3],
            NOT_HANDLED_ROWS[4],
            $($other),+,
            OUTCOMES_TOTAL,
            CARRIED_OUT,
        ]
    };
}
pub(crate) use request_rows;

/// T3-A: 一 + 二 = （七）总计 + 四, per column.
pub const T3_IDENTITY: RelationSpec = RelationSpec::EachColumn {
    rule: &arithmetic::T3_IDENTITY,
    total: &[rows::RECEIVED, rows::CARRIED_IN],
    parts: &[rows::OUTCOMES_TOTAL, rows::CARRIED_OUT],
};

/// T3-C: 总计 = Σ six applicant columns, per row.
pub const T3_ROW_TOTAL: RelationSpec =
    RelationSpec::EachRow { rule: &arithmetic::T3_ROW_TOTAL, total: &[columns::TOTAL], parts: APPLICANT_COLUMNS };
