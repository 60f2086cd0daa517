//! The prose against the tables and against itself: numbers the narrative states about
//! applications, outcomes, 行政复议/行政诉讼, 规章/行政规范性文件 and 行政事业性收费 (against
//! the table cells they describe), enumerations "N条，其中 a条、b条…" (against their own
//! total), and percentages (against count ÷ base).
//!
//! All three rules are warnings: prose has scope and wording the tables lack ("区政府办代表
//! 区政府受理…"), and the tables are the statutory data. Each reads conservatively: a phrase
//! that can mean two things is checked against every reading the tables support, and only a
//! number no reading supports is a finding.

use crate::diagnostic::{pick, Diagnostic, Severity};
use crate::format::TableId;
use crate::recognize::prose::{clause_after, clause_before, quantities, Approx, Quantity, Sentence};
use crate::recognize::value::Decimal;
use crate::recognize::MappedCell;
use crate::rules::{Context, Rule};
use crate::strings::{next_char_where, JoinStr};

/// **TXT-TABLE-MISMATCH** — a number the narrative states contradicts the table cell it
/// describes: 收到/受理/新收 N 件 (表三 一, or 一 + 二), 上年结转 (二), 办结/答复/办理 (（七）总计),
/// 结转/顺延下年度 (四), 予以公开, 部分公开, 不予公开, 无法提供, 不予处理, 其他处理 (their rows
/// or groups, 总计 column), 行政复议 / 行政诉讼 counts and outcomes (表四; 诉讼 = 未经复议直接起诉
/// + 复议后起诉), 规章 / 行政规范性文件 制发, 废止, 现行有效 (表二) and 行政事业性收费 (万元).
///
/// Why: 国办公开办函〔2021〕30号 names "发布内容不准确" among the four failings; format.md §11,
/// §12, §13 (narrative vs table, section by section), §7.2 T4-D.
///
/// A phrase that can mean two things is read both ways ("收到申请75件" = 新收 74 + 上年结转 1
/// is supported); only a number no reading supports is reported, naming both numbers and the
/// readings tried. A warning, never an error: the prose may have another scope.
///
/// Example: "全市共受理政府信息公开申请3120件" while 表三 一、本年新收 总计 = 3119 and
/// 二、上年结转 = 34.
pub const TXT_TABLE_MISMATCH: Rule = Rule {
    id: "TXT-TABLE-MISMATCH",
    severity: Severity::Warning,
    summary_zh: "正文所述数字与表格不一致（申请、办理结果、复议诉讼、规章和规范性文件、收费）",
    summary_en:
        "A number in the narrative contradicts the tables (requests, outcomes, review/litigation, documents, fees)",
};

/// **TXT-CATEGORY-SUM** — an enumeration "N条，其中 a条、b条、c条…" whose parts do not add up
/// to its total. Parts written "550余条" (余/多/超) are lower bounds: the total is exceeded if
/// even their lower bounds add up to more. A short list (fewer than three parts) or one
/// ending in 等 may leave things out, so only parts that exceed the total are reported there.
///
/// Why: format.md §11 TXT-CATEGORY-SUM, §12.2 (categories that do not add up to the total).
///
/// Example: "发布信息130条，其中机构职能类4条，政策法规类14条、规划计划类2条、行政权力运行公开类
/// 28条、重点领域信息公开68条、新闻发布3条、应急管理3条、政务公开管理工作3条" — the parts add up
/// to 125.
pub const TXT_CATEGORY_SUM: Rule = Rule {
    id: "TXT-CATEGORY-SUM",
    severity: Severity::Warning,
    summary_zh: "正文“共N，其中a、b…”各分项之和与总数不符",
    summary_en: "An enumeration in the narrative does not add up to its stated total",
};

/// **TXT-PERCENT** — a percentage "N件（x%）" or "N件，占x%" that is not N ÷ base, rounded
/// to the decimals the text uses. The base is the total of the enumeration the count belongs
/// to, a total the same paragraph states (办结/答复/受理 …), or for application outcomes the
/// table's （七）总计 or 本年新收; any of them that gives x% is accepted.
///
/// Why: format.md §11 TXT-PERCENT, §12.2 ("不予公开35件，占4.34%": 35 ÷ 805 = 4.35%).
///
/// Example: "办结805件…不予公开35件，占4.34%".
pub const TXT_PERCENT: Rule = Rule {
    id: "TXT-PERCENT",
    severity: Severity::Warning,
    summary_zh: "正文百分比与“数量÷基数”不符",
    summary_en: "A percentage in the narrative is not count ÷ base",
};

/// What a keyword says a number counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kw {
    Received,
    ReceivedAny,
    Answered,
    CarriedIn,
    CarriedOut,
    Disclosed,
    Partly,
    DisclosedOrPartly,
    Withheld,
    Unavailable,
    NotHandled,
    OtherHandling,
    Review,
    Suit,
    Upheld,
    Corrected,
    OtherResult,
    Pending,
    Regulations,
    NormativeDocs,
    Fees,
}

impl Kw {
    fn is_application(self) -> bool {
        matches!(self, Kw::Received | Kw::ReceivedAny | Kw::Answered | Kw::CarriedIn | Kw::CarriedOut)
    }
    fn is_outcome(self) -> bool {
        matches!(
            self,
            Kw::Disclosed
                | Kw::Partly
                | Kw::DisclosedOrPartly
                | Kw::Withheld
                | Kw::Unavailable
                | Kw::NotHandled
                | Kw::OtherHandling
        )
    }
}

const KEYWORDS: &[(&str, Kw)] = &[
    ("新收", Kw::Received),
    ("收到", Kw::ReceivedAny),
    ("受理", Kw::ReceivedAny),
    ("接收", Kw::ReceivedAny),
    ("共收", Kw::ReceivedAny),
    ("办结", Kw::Answered),
    ("答复", Kw::Answered),
    ("办复", Kw::Answered),
    ("办理", Kw::Answered),
    ("处理完毕", Kw::Answered),
    ("予以公开及部分公开", Kw::DisclosedOrPartly),
    ("予以公开和部分公开", Kw::DisclosedOrPartly),
    ("予以公开或部分公开", Kw::DisclosedOrPartly),
    ("公开及部分公开", Kw::DisclosedOrPartly),
    ("予以公开", Kw::Disclosed),
    ("部分公开", Kw::Partly),
    ("不予公开", Kw::Withheld),
    ("无法提供", Kw::Unavailable),
    ("不予处理", Kw::NotHandled),
    ("其他处理", Kw::OtherHandling),
    ("行政复议", Kw::Review),
    ("复议", Kw::Review),
    ("行政诉讼", Kw::Suit),
    ("诉讼", Kw::Suit),
    ("维持", Kw::Upheld),
    ("纠正", Kw::Corrected),
    ("其他结果", Kw::OtherResult),
    ("尚未审结", Kw::Pending),
    ("未审结", Kw::Pending),
    ("规章", Kw::Regulations),
    ("规范性文件", Kw::NormativeDocs),
    ("行政事业性收费", Kw::Fees),
];

/// The keyword closest before the end of `prefix` (the longest when two end together).
fn closest_keyword(prefix: &str) -> Option<Kw> {
    let mut best: Option<(usize, usize, Kw)> = None;
    let mut consider = |end: usize, len: usize, kw: Kw| {
        if best.is_none_or(|(e, l, _)| (end, len) > (e, l)) {
            best = Some((end, len, kw));
        }
    };
    for (pat, kw) in KEYWORDS {
        for (at, _) in prefix.match_indices(pat) {
            consider(at + pat.len(), pat.len(), *kw);
        }
    }
    for pat in ["结转", "顺延"] {
        for (at, _) in prefix.match_indices(pat) {
            let after = prefix[at + pat.len()..].trim_start_matches(['至', '到', '于']);
            let before = &prefix[..at];
            if after.starts_with('下') {
                consider(at + pat.len(), pat.len() + 3, Kw::CarriedOut);
            } else if ["上年", "上年度", "上一年", "上一年度", "去年", "上年度申请"].iter().any(|b| before.ends_with(b))
            {
                consider(at + pat.len(), pat.len() + 3, Kw::CarriedIn);
            }
        }
    }
    best.map(|b| b.2)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Topic {
    Apps,
    Review,
    Suit,
    Cases,
}

fn last_topic(text: &str) -> Option<Topic> {
    const TOPICS: [(&str, Topic); 7] = [
        ("复议申请", Topic::Review),
        ("诉讼申请", Topic::Suit),
        ("申请", Topic::Apps),
        ("复议", Topic::Review),
        ("诉讼", Topic::Suit),
        ("起诉", Topic::Suit),
        ("案件", Topic::Cases),
    ];
    // The topic named last: the word ending last, the longer one on a tie. One pass over the
    // sentence, trying the words only where one can start (this runs on every sentence; see
    // `next_char_where`).
    let mut best: Option<(usize, usize, Topic)> = None;
    let mut from = 0;
    while let Some((at, _)) = next_char_where(text, from, |c| matches!(c, '复' | '诉' | '申' | '起' | '案')) {
        for (word, topic) in TOPICS {
            if text.as_bytes()[at..].starts_with(word.as_bytes()) {
                let key = (at + word.len(), word.len());
                if best.is_none_or(|(e, l, _)| key > (e, l)) {
                    best = Some((key.0, key.1, topic));
                }
            }
        }
        from = at + 3;
    }
    best.map(|b| b.2)
}

/// Sentences that are table text run into prose (flattened pages), not narrative.
fn is_table_text(s: &str) -> bool {
    const MARKS: [&str; 6] = ["申请数量", "第二十条", "勾稽", "结果维持结果纠正", "申请人情况", "信息内容本年"];
    // One pass, trying the marks only where one can start (this runs on every sentence).
    let mut from = 0;
    while let Some((at, _)) = next_char_where(s, from, |c| matches!(c, '申' | '第' | '勾' | '结' | '信')) {
        if MARKS.iter().any(|m| s.as_bytes()[at..].starts_with(m.as_bytes())) {
            return true;
        }
        from = at + 3;
    }
    false
}

/// One way to read a phrase against the tables.
struct Reading {
    zh: String,
    en: String,
    table: TableId,
    /// (row, column) cells whose sum the phrase should equal.
    cells: Vec<(&'static str, &'static str)>,
    /// The row label to name in the diagnostic.
    row_label: String,
}

fn request_rows_under(ctx: &Context, parent: &str) -> Vec<&'static str> {
    let Some(t) = ctx.report.table(TableId::Requests) else { return vec![] };
    t.format
        .table(TableId::Requests)
        .rows()
        .filter(|(_, r)| r.parent == Some(parent) || (parent == "（六）其他处理" && r.id == "other_handling"))
        .map(|(_, r)| r.id)
        .collect()
}

fn row_label(ctx: &Context, table: TableId, row: &str) -> String {
    ctx.report
        .table(table)
        .and_then(|t| t.format.table(table).row(row).map(|(_, r)| r.label.to_string()))
        .unwrap_or_default()
}

fn t3(ctx: &Context, zh: &str, en: &str, rows: Vec<&'static str>, label: Option<&str>) -> Reading {
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

fn t4(zh: &str, en: &str, columns: &[&'static str]) -> Reading {
    Reading {
        zh: zh.into(),
        en: en.into(),
        table: TableId::Review,
        cells: columns.iter().map(|c| ("cases", *c)).collect(),
        row_label: String::new(),
    }
}

fn readings(ctx: &Context, kw: Kw, topic: Option<Topic>, prefix: &str) -> Vec<Reading> {
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
            let mut columns: Vec<(&'static str, &str, &str)> = Vec::new();
            if prefix.contains("现行有效") {
                columns.push(("in_force", "现行有效件数", "in force"));
            } else if ["废止", "废除", "失效"].iter().any(|v| prefix.contains(v)) {
                columns.push(("repealed", "本年废止件数", "repealed"));
            } else if ["制发", "制定", "出台", "印发", "新增", "发布"].iter().any(|v| prefix.contains(v)) {
                columns.push(("issued", "本年制发件数", "issued"));
            } else if prefix.contains("公开") {
                columns.push(("issued", "本年制发件数", "issued"));
                columns.push(("in_force", "现行有效件数", "in force"));
            }
            if prefix.trim_end().ends_with('等') {
                columns.clear();
            }
            let label = row_label(ctx, TableId::Proactive, row);
            columns
                .into_iter()
                .map(|(c, zh, en)| Reading {
                    zh: format!("{label}/{zh}"),
                    en: format!("{label}/{en}"),
                    table: TableId::Proactive,
                    cells: vec![(row, c)],
                    row_label: label.clone(),
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
fn evaluate<'a>(ctx: &'a Context, r: &Reading) -> Option<(Decimal, Option<&'a MappedCell>)> {
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

fn column_label(ctx: &Context, r: &Reading) -> String {
    let Some(t) = ctx.report.table(r.table) else { return String::new() };
    let spec = t.format.table(r.table);
    let col = r.cells.first().map_or("", |c| c.1);
    spec.groups
        .iter()
        .flat_map(|g| g.columns.iter())
        .find(|c| c.id == col)
        .map_or_else(String::new, |c| c.qualified_label())
}

/// A total stated in a paragraph, usable as a percentage base.
#[derive(Clone, Copy)]
struct Stated {
    value: Decimal,
    kw: Kw,
}

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let sentences = ctx.sentences();
    let mut para_topic: Option<Topic> = None;
    let mut stated: Vec<Stated> = Vec::new();
    let mut last_paragraph = usize::MAX;
    for s in sentences {
        if s.paragraph != last_paragraph {
            last_paragraph = s.paragraph;
            para_topic = None;
            stated.clear();
        }
        let narrative = s.section.is_some();
        if !narrative || is_table_text(s.text) {
            para_topic = last_topic(s.text).or(para_topic);
            continue;
        }
        let qs = quantities(s.text);
        table_mismatch(ctx, s, &qs, para_topic, &mut stated, out);
        category_sum(ctx, s, &qs, out);
        percent(ctx, s, &qs, &stated, out);
        para_topic = last_topic(s.text).or(para_topic);
    }
}

fn table_mismatch(
    ctx: &Context,
    s: &Sentence,
    qs: &[Quantity],
    para_topic: Option<Topic>,
    stated: &mut Vec<Stated>,
    out: &mut Vec<Diagnostic>,
) {
    let lang = ctx.lang;
    for q in qs {
        let (clause_start, prefix) = clause_before(s.text, q.start);
        let mut kw = closest_keyword(prefix);
        if kw.is_none() {
            // "1件结转下年度", "另有103件顺延到下年度答复": the keyword follows.
            let after = clause_after(s.text, q.end);
            let after = after.trim_start().trim_start_matches("申请").trim_start_matches('的');
            // The next few words: at most 15 bytes, cut at a character boundary.
            let mut end = after.len().min(15);
            while !after.is_char_boundary(end) {
                end -= 1;
            }
            if (after.starts_with("结转") || after.starts_with("顺延"))
                && closest_keyword(&after[..end]) == Some(Kw::CarriedOut)
            {
                kw = Some(Kw::CarriedOut);
            }
        }
        let Some(kw) = kw else { continue };
        let topic = last_topic(&s.text[..q.start])
            .or_else(|| clause_after(s.text, q.end).contains("申请").then_some(Topic::Apps))
            .or(para_topic);
        let unit_ok = match kw {
            Kw::Fees => q.unit == "万元" || q.unit == "亿元",
            Kw::Regulations | Kw::NormativeDocs => matches!(q.unit.as_str(), "件" | "个" | "部" | "篇"),
            _ => matches!(q.unit.as_str(), "件" | "个" | "宗" | "起"),
        };
        if !unit_ok || q.approx != Approx::Exact || q.in_parens && kw == Kw::Fees {
            continue;
        }
        if kw.is_application() && topic != Some(Topic::Apps) {
            continue;
        }
        if matches!(kw, Kw::Review | Kw::Suit) && prefix.contains("申请") && !prefix.contains("复议申请") {
            // "行政复议…申请": ambiguous subject.
            continue;
        }
        let mut value = q.value;
        if q.unit == "亿元" {
            value = Decimal { mantissa: value.mantissa * 10000, scale: value.scale };
        }
        if matches!(kw, Kw::Answered | Kw::ReceivedAny | Kw::Received | Kw::Review | Kw::Suit) {
            stated.push(Stated { value, kw });
        }
        let rs = readings(ctx, kw, topic, prefix);
        let evaluated: Vec<(&Reading, Decimal, Option<&MappedCell>)> =
            rs.iter().filter_map(|r| evaluate(ctx, r).map(|(v, c)| (r, v, c))).collect();
        if evaluated.is_empty() {
            continue;
        }
        let matches = |v: Decimal| {
            if kw == Kw::Fees {
                // The text may round: compare at the text's precision.
                v.round_to(value.scale).is_some_and(|r| r.same_value(value))
            } else {
                v.same_value(value)
            }
        };
        if evaluated.iter().any(|(_, v, _)| matches(*v)) {
            continue;
        }
        let (first, expected, cell) = evaluated[0];
        let phrase =
            format!("{}{}{}", &s.text[clause_start..q.start], q.text, clause_after(s.text, q.end)).trim().to_string();
        let table = first.table.numeral();
        let tries_zh = evaluated.iter().map(|(r, v, _)| format!("按“{}”读为 {v}", r.zh)).join_str("，");
        let tries_en = evaluated.iter().map(|(r, v, _)| format!("{v} read as “{}”", r.en)).join_str("; ");
        let message = pick!(
            lang,
            format!("正文“{phrase}”所述 {} 与表{table}不一致：表{table}{tries_zh}。请核对正文与表格的口径和数字。", q.value),
            format!(
                "The text “{phrase}” states {}, but table {table} gives {tries_en}. Check the wording's scope and the numbers.",
                q.value
            ),
        );
        let origin = cell.map(|c| c.origin).unwrap_or_default();
        out.push(
            Diagnostic::new(TXT_TABLE_MISMATCH.id, TXT_TABLE_MISMATCH.severity, message)
                .table(table)
                .row(first.row_label.clone())
                .column(column_label(ctx, first))
                .expected(expected.to_string())
                .actual(q.value.to_string())
                .at(Some(s.span_of(q.start, q.end)), origin.cell)
                .excerpt(s.text)
                .finish(&format!("{kw:?}/{}", q.value)),
        );
    }
}

/// The enumerations of a sentence: (whole, parts, ends with 等).
fn enumerations<'q>(text: &str, qs: &'q [Quantity]) -> Vec<(&'q Quantity, Vec<&'q Quantity>, bool)> {
    // A total and at least one part: fewer quantities enumerate nothing (most sentences).
    if qs.len() < 2 {
        return Vec::new();
    }
    let marks: Vec<usize> = text.match_indices("其中").map(|(i, _)| i).collect();
    let mut out = Vec::new();
    for (k, &at) in marks.iter().enumerate() {
        let limit = marks.get(k + 1).copied().unwrap_or(text.len());
        let Some(whole) = qs.iter().rev().find(|q| q.end <= at && !q.in_parens && q.unit != "%") else { continue };
        let between = text[whole.end..at].trim();
        if !between.chars().all(|c| matches!(c, '，' | ',' | '：' | ':' | ' ')) {
            continue;
        }
        let mut parts = Vec::new();
        for q in qs.iter().filter(|q| q.start > at && q.start < limit && !q.in_parens) {
            let (_, clause) = clause_before(text, q.start);
            let clause = clause.trim_start();
            if ["另", "此外", "同时", "共", "合计", "总计", "累计", "均", "全年", "办结", "答复", "结转", "占"]
                .iter()
                .any(|w| clause.starts_with(w))
                && !parts.is_empty()
            {
                break;
            }
            if q.unit == whole.unit {
                parts.push(q);
            }
        }
        let open = parts.last().is_some_and(|p| text[p.end..].trim_start().starts_with('等'));
        if !parts.is_empty() {
            out.push((whole, parts, open));
        }
    }
    out
}

fn category_sum(ctx: &Context, s: &Sentence, qs: &[Quantity], out: &mut Vec<Diagnostic>) {
    let lang = ctx.lang;
    for (whole, parts, open) in enumerations(s.text, qs) {
        if whole.approx != Approx::Exact || parts.iter().any(|p| matches!(p.approx, Approx::About | Approx::AtMost)) {
            continue;
        }
        let Some(sum) = parts.iter().try_fold(Decimal::ZERO, |a, p| a.checked_add(p.value)) else { continue };
        let lower = parts.iter().any(|p| p.approx == Approx::AtLeast);
        let exceeds = sum.checked_sub(whole.value).is_some_and(|d| d.mantissa > 0);
        let short = whole.value.checked_sub(sum).is_some_and(|d| d.mantissa > 0) && !lower && !open && parts.len() >= 3;
        if !exceeds && !short {
            continue;
        }
        let terms = parts.iter().map(|p| p.text.trim_end_matches(p.unit.as_str()).trim().to_string()).join_str(" + ");
        let unit = &whole.unit;
        let head = format!("{}{}", clause_before(s.text, whole.start).1, whole.text).trim().to_string();
        let message = match (exceeds, lower) {
            (true, true) => pick!(
                lang,
                format!("正文“{head}，其中……”所列各项至少为 {terms} = {sum}{unit}，超过总数 {}{unit}。", whole.value),
                format!(
                    "“{head}，其中…”: the parts listed are at least {terms} = {sum}, more than the total {}.",
                    whole.value
                ),
            ),
            (true, false) => pick!(
                lang,
                format!("正文“{head}，其中……”所列各项之和 {terms} = {sum}{unit}，超过总数 {}{unit}。", whole.value),
                format!(
                    "“{head}，其中…”: the parts listed add up to {terms} = {sum}, more than the total {}.",
                    whole.value
                ),
            ),
            _ => pick!(
                lang,
                format!("正文“{head}，其中……”所列各项之和 {terms} = {sum}{unit}，与总数 {}{unit} 不符。", whole.value),
                format!("“{head}，其中…”: the parts listed add up to {terms} = {sum}, not the total {}.", whole.value),
            ),
        };
        let actual = if lower { format!("≥{sum}") } else { sum.to_string() };
        let end = parts.last().map_or(whole.end, |p| p.end);
        out.push(
            Diagnostic::new(TXT_CATEGORY_SUM.id, TXT_CATEGORY_SUM.severity, message)
                .expected(whole.value.to_string())
                .actual(actual)
                .at(Some(s.span_of(whole.start, end)), None)
                .excerpt(s.text)
                .finish(&format!("{}{}:{}", whole.value, whole.unit, parts[0].text)),
        );
    }
}

fn percent(ctx: &Context, s: &Sentence, qs: &[Quantity], stated: &[Stated], out: &mut Vec<Diagnostic>) {
    let lang = ctx.lang;
    const LINKS: [&str; 12] =
        ["（", "(", "（占", "(占", "，占", "占", "，占比", "占比", "，占比为", "占比为", "，占总数的", "占总数的"];
    let enums = enumerations(s.text, qs);
    for (i, pct) in qs.iter().enumerate() {
        if pct.unit != "%" || pct.approx != Approx::Exact || i == 0 {
            continue;
        }
        let count = &qs[i - 1];
        if count.unit == "%" || count.approx != Approx::Exact {
            continue;
        }
        let between: String = s.text[count.end..pct.start].chars().filter(|c| !c.is_whitespace()).collect();
        if !LINKS.contains(&between.as_str()) {
            continue;
        }
        // Candidate bases, preferred first.
        let mut bases: Vec<(Decimal, bool)> = Vec::new();
        for (whole, parts, _) in &enums {
            if parts.iter().any(|p| p.start == count.start) && whole.approx == Approx::Exact {
                bases.push((whole.value, false));
            }
        }
        for st in stated.iter().rev() {
            if count.unit == "件" {
                bases.push((st.value, false));
            }
            let _ = st.kw;
        }
        let (_, prefix) = clause_before(s.text, count.start);
        if closest_keyword(prefix).is_some_and(Kw::is_outcome) {
            for r in [
                t3(ctx, "", "", vec!["outcomes_total"], None),
                t3(ctx, "", "", vec!["received"], None),
                t3(ctx, "", "", vec!["received", "carried_in"], None),
            ] {
                if let Some((v, _)) = evaluate(ctx, &r) {
                    bases.push((v, true));
                }
            }
        }
        bases.retain(|(b, _)| b.mantissa > 0);
        if bases.is_empty() {
            continue;
        }
        let scale = pct.value.scale;
        // count ÷ base × 100, rounded half up at the text's precision: exact, no floats.
        let computed = |b: Decimal| count.value.percent_of(b, scale);
        let ok = bases.iter().any(|(b, _)| computed(*b).is_some_and(|c| c.same_value(pct.value)));
        if ok {
            continue;
        }
        let (base, from_table) = bases[0];
        let expected = computed(base).map_or_else(|| "?".to_string(), |c| c.fixed());
        let close = if s.text[pct.end..].starts_with(['）', ')']) {
            &s.text[pct.end..pct.end + s.text[pct.end..].chars().next().map_or(0, char::len_utf8)]
        } else {
            ""
        };
        let message = pick!(
            lang,
            format!(
                "正文“{}{close}”：{} ÷ {base} = {expected}%，文中写作 {}%。",
                s.text[count.start..pct.end].trim(),
                count.value,
                pct.value
            ),
            format!(
                "The text “{}{close}”: {} ÷ {base} = {expected}%, but it says {}%.",
                s.text[count.start..pct.end].trim(),
                count.value,
                pct.value
            ),
        );
        let mut d = Diagnostic::new(TXT_PERCENT.id, TXT_PERCENT.severity, message)
            .expected(format!("{expected}%"))
            .actual(format!("{}%", pct.value))
            .at(Some(s.span_of(count.start, pct.end)), None)
            .excerpt(s.text);
        if from_table {
            d = d.table("三").row("（七）总计").column("总计");
        }
        out.push(d.finish(&format!("{}/{}", count.value, pct.value)));
    }
}

#[cfg(test)]
mod tests {
    use super::{is_table_text, last_topic, Topic};
    use crate::rules::testkit::{mini, rules};

    #[test]
    fn the_topic_named_last_wins_and_the_longer_word_on_a_tie() {
        assert_eq!(last_topic("收到申请30件，其中行政复议2件"), Some(Topic::Review));
        assert_eq!(last_topic("行政复议2件，收到申请30件"), Some(Topic::Apps));
        // 复议申请 and 申请 end together: the longer word decides.
        assert_eq!(last_topic("收到行政复议申请"), Some(Topic::Review));
        assert_eq!(last_topic("收到诉讼申请"), Some(Topic::Suit));
        assert_eq!(last_topic("起诉1件，涉及案件"), Some(Topic::Cases));
        assert_eq!(last_topic("主动公开信息120条"), None);
        assert_eq!(last_topic(""), None);
    }

    #[test]
    fn a_carried_over_clause_cut_inside_a_character_does_not_panic() {
        // Found by the fuzzer: 15 bytes after "顺延" ended inside 年 once a one-byte
        // character came between.
        let r = with_overview("另有103件顺延]到下年度答复。");
        let _ = rules(&r);
        let r = with_overview("另有103件顺延到下年度答复。");
        let _ = rules(&r);
    }

    #[test]
    fn table_text_is_told_by_its_marks() {
        assert!(is_table_text("三、收到和处理政府信息公开申请情况 本年新收政府信息公开申请数量 30"));
        assert!(is_table_text("结果维持结果纠正其他结果尚未审结"));
        assert!(!is_table_text("本年度共收到政府信息公开申请30件。"));
    }

    fn with_overview(text: &str) -> crate::lint::LintReport {
        let mut m = mini();
        m.body[0] = format!("本报告统计期限自2022年1月1日至2022年12月31日。{text}");
        m.lint()
    }

    #[test]
    fn narrative_numbers_that_agree_pass() {
        let r = with_overview(
            "全年共受理政府信息公开申请4件，答复4件，其中予以公开4件（100%）。行政复议2件，其中结果维持1件，结果纠正1件。全年制发行政规范性文件2件，现行有效行政规范性文件10件。",
        );
        assert_eq!(r.diagnostics, vec![], "{:#?}", r.diagnostics);
    }

    #[test]
    fn a_received_count_no_reading_supports_is_a_warning_naming_both_numbers() {
        let r = with_overview("全年共受理政府信息公开申请5件。");
        assert_eq!(rules(&r), vec!["TXT-TABLE-MISMATCH"]);
        let d = &r.diagnostics[0];
        assert_eq!(d.severity, crate::Severity::Warning);
        assert_eq!(
            (d.table, d.row.as_deref(), d.column.as_deref(), d.expected.as_deref(), d.actual.as_deref()),
            (Some("三"), Some("一、本年新收政府信息公开申请数量"), Some("总计"), Some("4"), Some("5"))
        );
        assert_eq!(d.excerpt.as_deref(), Some("全年共受理政府信息公开申请5件。"));
        insta::assert_snapshot!(d.message, @"正文“全年共受理政府信息公开申请5件”所述 5 与表三不一致：表三按“本年新收”读为 4，按“本年新收＋上年结转”读为 4。请核对正文与表格的口径和数字。");
    }

    #[test]
    fn received_may_include_the_carried_over() {
        // 新收 4 + 上年结转 1 = 5 = （七）总计 5.
        let m = mini()
            .set_request("carried_in", 0, "1")
            .set_request("carried_in", 6, "1")
            .set_request("disclosed", 0, "4")
            .set_request("disclosed", 6, "5")
            .set_request("outcomes_total", 0, "4")
            .set_request("outcomes_total", 6, "5");
        let mut m = m;
        m.body[0] = "本报告统计期限自2022年1月1日至2022年12月31日。全年收到政府信息公开申请5件。".into();
        let r = m.lint();
        assert!(!rules(&r).contains(&"TXT-TABLE-MISMATCH"), "{:#?}", r.diagnostics);
    }

    #[test]
    fn review_and_litigation_outcomes_are_compared_with_table_four() {
        let r = with_overview("行政复议2件，其中结果维持2件。行政诉讼1件。");
        let got: Vec<_> =
            r.diagnostics.iter().map(|d| (d.rule, d.column.clone(), d.expected.clone(), d.actual.clone())).collect();
        assert_eq!(
            got,
            vec![
                ("TXT-TABLE-MISMATCH", Some("行政复议/结果维持".into()), Some("1".into()), Some("2".into())),
                ("TXT-TABLE-MISMATCH", Some("未经复议直接起诉/总计".into()), Some("0".into()), Some("1".into())),
            ]
        );
    }

    #[test]
    fn documents_are_compared_with_table_two() {
        let r = with_overview("全年制发行政规范性文件3件，废止1件。");
        assert_eq!(rules(&r), vec!["TXT-TABLE-MISMATCH"]);
        assert_eq!(r.diagnostics[0].column.as_deref(), Some("本年制发件数"));
        // Another category (政策性文件) is not 行政规范性文件.
        assert_eq!(with_overview("全年印发政策性文件11件。").diagnostics, vec![]);
    }

    #[test]
    fn category_sums() {
        let r = with_overview("全年主动公开政府信息120条，其中政策文件50条、通知公告40条、其他20条。");
        assert_eq!(rules(&r), vec!["TXT-CATEGORY-SUM"]);
        let d = &r.diagnostics[0];
        assert_eq!((d.expected.as_deref(), d.actual.as_deref()), (Some("120"), Some("110")));
        insta::assert_snapshot!(d.message, @"正文“全年主动公开政府信息120条，其中……”所列各项之和 50 + 40 + 20 = 110条，与总数 120条 不符。");
        // Lower bounds: 100余 + 30 > 120.
        let r = with_overview("全年主动公开政府信息120条，其中网站发布100余条，微信发布30条。");
        assert_eq!(r.diagnostics[0].actual.as_deref(), Some("≥130"));
        // Two parts below the total, or a list ending in 等: may be partial.
        assert_eq!(with_overview("全年主动公开政府信息120条，其中政策文件50条、通知公告40条。").diagnostics, vec![]);
        assert_eq!(
            with_overview("全年主动公开政府信息120条，其中政策文件50条、通知公告40条、其他20条等。").diagnostics,
            vec![]
        );
    }

    #[test]
    fn percentages() {
        let ok = with_overview("全年答复申请4件，其中予以公开3件（75%），部分公开1件（25.00%）。");
        assert!(!rules(&ok).contains(&"TXT-PERCENT"), "{:#?}", ok.diagnostics);
        let r = with_overview("全年答复申请4件，其中予以公开4件，占90%。");
        assert_eq!(rules(&r), vec!["TXT-PERCENT"]);
        let d = &r.diagnostics[0];
        assert_eq!((d.expected.as_deref(), d.actual.as_deref()), (Some("100%"), Some("90%")));
        insta::assert_snapshot!(d.message, @"正文“4件，占90%”：4 ÷ 4 = 100%，文中写作 90%。");
    }
}
