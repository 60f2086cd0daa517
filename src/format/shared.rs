//! The parts both revisions share: the six headings (docs/format.md §3), 表三's columns and
//! most of its rows (§4.2 = §5.2), and all of 表四 (§5.3).

use super::{ColumnSpec, GroupSpec, RelationSpec, RowSpec, Section, SectionSpec, TableId, TableSpec, ValueKind};

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

const fn count(id: &'static str, label: &'static str, keys: &'static [&'static str]) -> ColumnSpec {
    ColumnSpec { id, label, block: None, kind: ValueKind::Count, keys }
}

/// 表三's seven value columns (§4.2).
pub const REQUEST_COLUMNS: [ColumnSpec; 7] = [
    count("natural_person", "自然人", &["自然人"]),
    count("business", "商业企业", &["商业"]),
    count("research", "科研机构", &["科研"]),
    count("nonprofit", "社会公益组织", &["公益"]),
    count("legal_services", "法律服务机构", &["法律服务"]),
    count("other", "其他", &["其他"]),
    count("total", "总计", &["总计", "合计"]),
];

/// The applicant columns that 总计 sums (T3-C).
pub const APPLICANT_COLUMNS: &[&str] =
    &["natural_person", "business", "research", "nonprofit", "legal_services", "other"];

const fn row(
    id: &'static str,
    label: &'static str,
    parent: Option<&'static str>,
    keys: &'static [&'static str],
) -> RowSpec {
    RowSpec { id, label, parent, keys }
}

pub const OUTCOMES: Option<&str> = Some("三、本年度办理结果");
const WITHHELD: Option<&str> = Some("（三）不予公开");
const UNAVAILABLE: Option<&str> = Some("（四）无法提供");
const NOT_HANDLED: Option<&str> = Some("（五）不予处理");
pub const OTHER_HANDLING: Option<&str> = Some("（六）其他处理");

pub const RECEIVED: RowSpec = row("received", "一、本年新收政府信息公开申请数量", None, &["本年新收"]);
pub const CARRIED_IN: RowSpec = row("carried_in", "二、上年结转政府信息公开申请数量", None, &["上年结转"]);
pub const DISCLOSED: RowSpec = row("disclosed", "（一）予以公开", OUTCOMES, &["予以公开"]);
pub const PARTLY_DISCLOSED: RowSpec =
    row("partly_disclosed", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", OUTCOMES, &["部分公开"]);
pub const WITHHELD_ROWS: [RowSpec; 8] = [
    row("withheld_state_secret", "1.属于国家秘密", WITHHELD, &["国家秘密"]),
    row("withheld_prohibited", "2.其他法律行政法规禁止公开", WITHHELD, &["禁止公开", "行政止公开", "法律行政"]),
    row("withheld_security", "3.危及“三安全一稳定”", WITHHELD, &["三安全一稳定", "三安全", "一稳定"]),
    row("withheld_third_party", "4.保护第三方合法权益", WITHHELD, &["第三方合法权益", "第三方"]),
    row("withheld_internal_affairs", "5.属于三类内部事务信息", WITHHELD, &["内部事务"]),
    row("withheld_process", "6.属于四类过程性信息", WITHHELD, &["过程性"]),
    row("withheld_enforcement_files", "7.属于行政执法案卷", WITHHELD, &["执法案卷"]),
    row("withheld_query", "8.属于行政查询事项", WITHHELD, &["查询事项"]),
];
pub const UNAVAILABLE_ROWS: [RowSpec; 3] = [
    row("unavailable_not_held", "1.本机关不掌握相关政府信息", UNAVAILABLE, &["不掌握"]),
    row("unavailable_needs_creation", "2.没有现成信息需要另行制作", UNAVAILABLE, &["另行制作", "没有现成"]),
    row("unavailable_unclear", "3.补正后申请内容仍不明确", UNAVAILABLE, &["仍不明确", "补正后"]),
];
pub const NOT_HANDLED_ROWS: [RowSpec; 5] = [
    row("not_handled_petition", "1.信访举报投诉类申请", NOT_HANDLED, &["信访举报", "投诉"]),
    row("not_handled_repeated", "2.重复申请", NOT_HANDLED, &["重复申请"]),
    row("not_handled_publication", "3.要求提供公开出版物", NOT_HANDLED, &["出版物"]),
    row("not_handled_excessive", "4.无正当理由大量反复申请", NOT_HANDLED, &["大量反复"]),
    row(
        "not_handled_confirmation",
        "5.要求行政机关确认或重新出具已获取信息",
        NOT_HANDLED,
        &["确认或重新出具", "重新出具", "已获取信息"],
    ),
];
pub const OUTCOMES_TOTAL: RowSpec =
    row("outcomes_total", "（七）总计", OUTCOMES, &["（七）总计", "(七)总计", "七）总计"]);
pub const CARRIED_OUT: RowSpec = row("carried_out", "四、结转下年度继续办理", None, &["结转下年度"]);

const fn review(
    id: &'static str,
    block: &'static str,
    label: &'static str,
    keys: &'static [&'static str],
) -> ColumnSpec {
    ColumnSpec { id, label, block: Some(block), kind: ValueKind::Count, keys }
}

const R: &str = "行政复议";
const D: &str = "未经复议直接起诉";
const A: &str = "复议后起诉";

/// 表四's fifteen value columns (§5.3).
pub const REVIEW_COLUMNS: [ColumnSpec; 15] = [
    review("review_upheld", R, "结果维持", &["维持"]),
    review("review_corrected", R, "结果纠正", &["纠正"]),
    review("review_other", R, "其他结果", &["其他"]),
    review("review_pending", R, "尚未审结", &["尚未审结", "未审结"]),
    review("review_total", R, "总计", &["总计", "合计"]),
    review("direct_suit_upheld", D, "结果维持", &["维持"]),
    review("direct_suit_corrected", D, "结果纠正", &["纠正"]),
    review("direct_suit_other", D, "其他结果", &["其他"]),
    review("direct_suit_pending", D, "尚未审结", &["尚未审结", "未审结"]),
    review("direct_suit_total", D, "总计", &["总计", "合计"]),
    review("suit_after_review_upheld", A, "结果维持", &["维持"]),
    review("suit_after_review_corrected", A, "结果纠正", &["纠正"]),
    review("suit_after_review_other", A, "其他结果", &["其他"]),
    review("suit_after_review_pending", A, "尚未审结", &["尚未审结", "未审结"]),
    review("suit_after_review_total", A, "总计", &["总计", "合计"]),
];

pub const REVIEW_TABLE: TableSpec = TableSpec {
    id: TableId::Review,
    title: "政府信息公开行政复议、行政诉讼情况",
    groups: &[GroupSpec {
        label: None,
        columns: &REVIEW_COLUMNS,
        rows: &[RowSpec { id: "cases", label: "", parent: None, keys: &[] }],
    }],
    relations: &[
        RelationSpec::InRow {
            rule: "T4-SUM",
            row: "cases",
            total: &["review_total"],
            parts: &["review_upheld", "review_corrected", "review_other", "review_pending"],
        },
        RelationSpec::InRow {
            rule: "T4-SUM",
            row: "cases",
            total: &["direct_suit_total"],
            parts: &["direct_suit_upheld", "direct_suit_corrected", "direct_suit_other", "direct_suit_pending"],
        },
        RelationSpec::InRow {
            rule: "T4-SUM",
            row: "cases",
            total: &["suit_after_review_total"],
            parts: &[
                "suit_after_review_upheld",
                "suit_after_review_corrected",
                "suit_after_review_other",
                "suit_after_review_pending",
            ],
        },
    ],
};

/// The outcome rows （七）总计 sums (T3-B): those both revisions share, then the revision's
/// own （六）其他处理 row(s).
macro_rules! outcome_rows {
    ($($other:literal),+) => {
        &[
            "disclosed",
            "partly_disclosed",
            "withheld_state_secret",
            "withheld_prohibited",
            "withheld_security",
            "withheld_third_party",
            "withheld_internal_affairs",
            "withheld_process",
            "withheld_enforcement_files",
            "withheld_query",
            "unavailable_not_held",
            "unavailable_needs_creation",
            "unavailable_unclear",
            "not_handled_petition",
            "not_handled_repeated",
            "not_handled_publication",
            "not_handled_excessive",
            "not_handled_confirmation",
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
    rule: "T3-IDENTITY",
    total: &["received", "carried_in"],
    parts: &["outcomes_total", "carried_out"],
};

/// T3-C: 总计 = Σ six applicant columns, per row.
pub const T3_ROW_TOTAL: RelationSpec =
    RelationSpec::EachRow { rule: "T3-ROW-TOTAL", total: &["total"], parts: APPLICANT_COLUMNS };
