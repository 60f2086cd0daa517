//! TXT-CATEGORY-SUM: an enumeration in the narrative against its own total.

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Span;
use crate::message::{Arg, Args, Message};
use crate::recognize::prose::{clause_before, quantities, Approx, Quantity, Sentence};
use crate::recognize::value::Decimal;
use crate::strings::JoinStr;

declare_rules! {
/// ## What it checks
/// An enumeration in the narrative whose parts do not add up to its total: "N条，其中 a条、b条、c条…", or
/// "在…N条…中，a条；b条…" with the parts running on over "；" (a first part that restates the total is
/// left out). The phrasings known are data (`PHRASINGS` in `rules/narrative/category_sum.rs`). Parts
/// written "550余条" (余/多/超) are lower bounds: reported only if even those add up to more than the
/// total. A short list (fewer than three parts) or one ending in 等 may leave things out, so there
/// only parts that exceed the total are reported.
///
/// ## Why
/// Categories that do not add up to their own total are one of the errors found when the prose is
/// checked against itself (docs/format.md §11, §12.2: the 上海 2019 report's categories add up to 716,
/// not the 805 answered).
///
/// ## Example
/// | | Narrative |
/// |---|---|
/// | Fails | 发布信息130条，其中机构职能类4条、政策法规类14条、规划计划类2条、行政权力运行公开类28条、重点领域信息公开68条、新闻发布3条、应急管理3条、政务公开管理工作3条 (the parts add up to 125) |
/// | Fixed | 发布信息125条，其中机构职能类4条、政策法规类14条、…、政务公开管理工作3条 |
///
/// ## 检查内容
/// 正文中的列举，各分项之和与总数不符：“N条，其中a条、b条、c条……”，或“在……N条……中，a条；b条……”且各分项以“；”延续（第一项若只是复述总数则不计）。已知的句式是数据（`rules/narrative/category_sum.rs` 中的 `PHRASINGS`）。
/// 写作“550余条”（余/多/超）的分项视为下限：只有下限之和已超过总数才报告。分项少于三项或以“等”结尾的列举可能有遗漏，只在分项之和超过总数时报告。
///
/// ## 依据
/// 分项之和与其自身总数不符，是正文自相核对时发现的错误之一（docs/format.md §11、§12.2：上海 2019 年报告所列各类之和为 716，而不是办结的 805）。
///
/// ## 示例
/// | | 正文 |
/// |---|---|
/// | 不通过 | 发布信息130条，其中机构职能类4条、政策法规类14条、规划计划类2条、行政权力运行公开类28条、重点领域信息公开68条、新闻发布3条、应急管理3条、政务公开管理工作3条（各项之和为 125） |
/// | 修改后 | 发布信息125条，其中机构职能类4条、政策法规类14条、……、政务公开管理工作3条 |
pub const TXT_CATEGORY_SUM: Rule = Rule {
    id: "TXT-CATEGORY-SUM",
    severity: Severity::Warning,
    summary_zh: "正文“共N，其中a、b…”各分项之和与总数不符",
    summary_en: english!("An enumeration in the narrative does not add up to its stated total"),
};
}

/// How an enumeration is phrased: where its total stands and what leads to its parts. The
/// rule knows the phrasings listed in [`PHRASINGS`]; a new one is a new entry there.
pub(super) struct Phrasing {
    /// `None`: the total is the number just before the marker ("120条，其中…"). `Some(open)`:
    /// the total stands in a frame from `open` to the marker ("在…的90条政府信息中，…").
    pub frame: Option<&'static str>,
    /// The words after which the parts are listed.
    pub marker: &'static str,
    /// Whether the parts run on over "；" into the next sentences of the paragraph.
    pub through_semicolons: bool,
    /// Whether a part equal to the total restates it ("全文电子化的主动公开信息数共90条") and is
    /// left out of the sum.
    pub restatements: bool,
    /// How the message quotes it after the total's words (Chinese, English).
    pub quote: (&'static str, &'static str),
}

/// The phrasings of an enumeration the narrative is checked for, tried in order (each tested
/// with a sentence written so, in this file's tests):
///
/// 0. the total, then 其中 and the parts: "全年主动公开政府信息120条，其中政策文件50条、通知公告
///    40条、其他20条。";
/// 1. the total framed by 在…中, then the parts, on over "；": "在主动公开的90条政府信息中，全文
///    电子化的主动公开信息数共90条，机构设置、主要职能、办事程序类信息共1条；…信息10条；…信息52条；
///    …信息5条；…信息25条。" (the first clause restates the total).
pub(super) const PHRASINGS: &[Phrasing] = &[
    Phrasing {
        frame: None,
        marker: "其中",
        through_semicolons: false,
        restatements: false,
        quote: ("，其中……", "，其中…"),
    },
    Phrasing {
        frame: Some("在"), marker: "中，", through_semicolons: true, restatements: true, quote: ("……", "…")
    },
];

/// An enumeration found: its phrasing, total, parts, and whether it ends with 等 (may be
/// partial). `head` is the quoted start: the total's clause, or the frame.
pub(super) struct Enumeration<'q> {
    pub phrasing: &'static Phrasing,
    pub head: String,
    pub whole: &'q Quantity<'q>,
    pub parts: Vec<&'q Quantity<'q>>,
    pub open: bool,
}

/// Words that, opening a clause after the parts began, end them (a new total, another topic).
const PARTS_END: [&str; 13] =
    ["另", "此外", "同时", "共", "合计", "总计", "累计", "均", "全年", "办结", "答复", "结转", "占"];

/// The enumerations of `text` (a sentence, or sentences joined over "；") phrased as `phrasing`.
pub(super) fn enumerations<'q>(text: &str, qs: &'q [Quantity], phrasing: &'static Phrasing) -> Vec<Enumeration<'q>> {
    // A total and at least one part: fewer quantities enumerate nothing (most sentences).
    if qs.len() < 2 {
        return Vec::new();
    }
    let marks: Vec<usize> = text.match_indices(phrasing.marker).map(|(i, _)| i).collect();
    let mut out = Vec::new();
    for (k, &at) in marks.iter().enumerate() {
        let limit = marks.get(k + 1).copied().unwrap_or(text.len());
        let total = |q: &&Quantity| q.end <= at && !q.in_parens && q.unit != "%";
        let (whole, head) = match phrasing.frame {
            None => {
                let Some(whole) = qs.iter().rev().find(total) else { continue };
                let between = text[whole.end..at].trim();
                if !between.chars().all(|c| matches!(c, '，' | ',' | '：' | ':' | ' ')) {
                    continue;
                }
                (whole, format!("{}{}", clause_before(text, whole.start).1, whole.text).trim().to_string())
            }
            Some(open) => {
                // The frame: its opening word, then no clause break up to the marker.
                let clause = clause_before(text, at).0;
                let Some(from) = text[clause..at].find(open).map(|i| clause + i) else { continue };
                let Some(whole) = qs.iter().rev().find(|q| total(q) && q.start > from) else { continue };
                // One enumeration per frame: a 其中 inside it is the other phrasing's.
                if text[at..limit].contains("其中") {
                    continue;
                }
                (whole, text[from..at + phrasing.marker.trim_end_matches('，').len()].trim().to_string())
            }
        };
        let mut parts = Vec::new();
        for q in qs.iter().filter(|q| q.start > at && q.start < limit && !q.in_parens) {
            let (_, clause) = clause_before(text, q.start);
            let clause = clause.trim_start();
            if PARTS_END.iter().any(|w| clause.starts_with(w)) && !parts.is_empty() {
                break;
            }
            if phrasing.restatements && q.value.same_value(whole.value) {
                continue;
            }
            if q.unit == whole.unit {
                parts.push(q);
            }
        }
        let open = parts.last().is_some_and(|p| text[p.end..].trim_start().starts_with('等'));
        if !parts.is_empty() {
            out.push(Enumeration { phrasing, head, whole, parts, open });
        }
    }
    out
}

/// Check the enumerations that start in `sentences[i]`, in every phrasing (a phrasing that
/// runs on over "；" reads the sentences after it in the paragraph).
pub(super) fn category_sum(sentences: &[Sentence], i: usize, qs: &[Quantity], out: &mut Vec<Diagnostic>) {
    let s = &sentences[i];
    for phrasing in PHRASINGS {
        if !phrasing.through_semicolons {
            for e in enumerations(s.text, qs, phrasing) {
                report(&e, s.text, |a, b| s.span_of(a, b), out);
            }
            continue;
        }
        if !s.text.contains(phrasing.marker) {
            continue;
        }
        // The sentence and those it runs on into over "；", joined: their texts are
        // consecutive pieces of the paragraph's text.
        let mut run = vec![s];
        while run.last().is_some_and(|t| t.text.ends_with(['；', ';']))
            && sentences.get(i + run.len()).is_some_and(|n| n.paragraph == s.paragraph)
        {
            run.push(&sentences[i + run.len()]);
        }
        let text: String = run.iter().map(|t| t.text).collect();
        let qs = quantities(&text);
        // Each sentence's offset in the joined text, to map a place back to its sentence.
        let starts: Vec<usize> = run.iter().scan(0, |at, t| Some(std::mem::replace(at, *at + t.text.len()))).collect();
        let span_of = |a: usize, b: usize| {
            let piece = |x: usize| starts.iter().rposition(|&o| o <= x).unwrap_or(0);
            let (first, last) = (piece(a), piece(b.saturating_sub(1)));
            let from = run[first].span_of(a - starts[first], (a - starts[first] + 1).min(run[first].text.len()));
            let to = run[last].span_of(b - starts[last] - 1, b - starts[last]);
            Span::new(from.start, to.end.max(from.start))
        };
        for e in enumerations(&text, &qs, phrasing) {
            if e.whole.start < starts.get(1).copied().unwrap_or(text.len()) {
                report(&e, &text, span_of, out);
            }
        }
    }
}

const AT_LEAST_OVER: Message = Message {
    id: "TXT-CATEGORY-SUM/at-least-over",
    zh: "正文“{head}{quote}”所列各项至少为 {terms} = {sum}{unit}，超过总数 {total}{unit}。",
    en: english!("“{head}{quote}”: the parts listed are at least {terms} = {sum}, more than the total {total}."),
};
const OVER: Message = Message {
    id: "TXT-CATEGORY-SUM/over",
    zh: "正文“{head}{quote}”所列各项之和 {terms} = {sum}{unit}，超过总数 {total}{unit}。",
    en: english!("“{head}{quote}”: the parts listed add up to {terms} = {sum}, more than the total {total}."),
};
const SHORT: Message = Message {
    id: "TXT-CATEGORY-SUM",
    zh: "正文“{head}{quote}”所列各项之和 {terms} = {sum}{unit}，与总数 {total}{unit} 不符。",
    en: english!("“{head}{quote}”: the parts listed add up to {terms} = {sum}, not the total {total}."),
};

/// Report an enumeration whose parts do not add up to its total.
fn report(e: &Enumeration, text: &str, span_of: impl Fn(usize, usize) -> Span, out: &mut Vec<Diagnostic>) {
    let (whole, parts) = (e.whole, &e.parts);
    if whole.approx != Approx::Exact || parts.iter().any(|p| matches!(p.approx, Approx::About | Approx::AtMost)) {
        return;
    }
    let Some(sum) = parts.iter().try_fold(Decimal::ZERO, |a, p| a.checked_add(p.value)) else { return };
    let lower = parts.iter().any(|p| p.approx == Approx::AtLeast);
    let exceeds = sum.checked_sub(whole.value).is_some_and(|d| d.mantissa > 0);
    let short = whole.value.checked_sub(sum).is_some_and(|d| d.mantissa > 0) && !lower && !e.open && parts.len() >= 3;
    if !exceeds && !short {
        return;
    }
    let terms = parts.iter().map(|p| p.text.trim_end_matches(p.unit).trim().to_string()).join_str(" + ");
    let unit = &whole.unit;
    let head = &e.head;
    let (quote_zh, quote_en) = e.phrasing.quote;
    let template = match (exceeds, lower) {
        (true, true) => &AT_LEAST_OVER,
        (true, false) => &OVER,
        _ => &SHORT,
    };
    let args = Args::new()
        .text("head", head)
        .arg("quote", Arg::Words { zh: quote_zh.into(), en: quote_en.into() })
        .text("terms", &terms)
        .text("sum", sum)
        .text("unit", unit)
        .text("total", whole.value);
    let actual = if lower { format!("≥{sum}") } else { sum.to_string() };
    let end = parts.last().map_or(whole.end, |p| p.end);
    out.push(
        Diagnostic::new(TXT_CATEGORY_SUM.id, TXT_CATEGORY_SUM.severity, template, args)
            .expected(whole.value.to_string())
            .actual(actual)
            .at(Some(span_of(whole.start, end)), None)
            .excerpt(text)
            .finish(&format!("{}{}:{}", whole.value, whole.unit, parts[0].text)),
    );
}

/// Every message this module declares ([`crate::message::catalogue`]).
pub(crate) const MESSAGES: &[&crate::message::Message] = &[&AT_LEAST_OVER, &OVER, &SHORT];

#[cfg(test)]
mod tests {
    use super::super::tests::with_overview;
    use crate::rules::testkit::rules;

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

    /// Each phrasing, as its documentation writes it, found with its total and parts.
    #[test]
    fn every_phrasing_is_read_as_written() {
        use super::{enumerations, PHRASINGS};
        use crate::recognize::prose::quantities;
        let cases: [(&str, &str, &[&str]); 2] = [
            ("全年主动公开政府信息120条，其中政策文件50条、通知公告40条、其他20条。", "120条", &["50条", "40条", "20条"]),
            (
                "在主动公开的90条政府信息中，全文电子化的主动公开信息数共90条，机构设置、主要职能、办事程序类信息共1条；政策法规类信息10条；工作动态类信息52条；规划计划类信息5条；其他信息25条。",
                "90条",
                &["1条", "10条", "52条", "5条", "25条"],
            ),
        ];
        assert_eq!(cases.len(), PHRASINGS.len());
        for (phrasing, (text, whole, parts)) in PHRASINGS.iter().zip(cases) {
            let qs = quantities(text);
            let found = enumerations(text, &qs, phrasing);
            assert_eq!(found.len(), 1, "{text}");
            assert_eq!(found[0].whole.text, whole);
            assert_eq!(found[0].parts.iter().map(|p| p.text).collect::<Vec<_>>(), parts);
            // And no other phrasing reads it.
            for other in PHRASINGS.iter().filter(|o| !std::ptr::eq(*o, phrasing)) {
                assert!(enumerations(text, &qs, other).is_empty(), "{text}");
            }
        }
    }

    /// The sentence: a total stated before its parts, framed by 在…中, parts over "；".
    #[test]
    fn a_total_framed_before_its_parts_is_checked() {
        let r = with_overview("在主动公开的90条政府信息中，全文电子化的主动公开信息数共90条，机构设置、主要职能、办事程序类信息共1条；政策法规类信息10条；工作动态类信息52条；规划计划类信息5条；其他信息25条。");
        assert_eq!(rules(&r), vec!["TXT-CATEGORY-SUM"]);
        let d = &r.diagnostics[0];
        assert_eq!((d.expected.as_deref(), d.actual.as_deref()), (Some("90"), Some("93")));
        insta::assert_snapshot!(d.message, @"正文“在主动公开的90条政府信息中……”所列各项之和 1 + 10 + 52 + 5 + 25 = 93条，超过总数 90条。");
        // Adding up: nothing.
        let ok = with_overview("在主动公开的90条政府信息中，机构设置类信息共1条；政策法规类信息10条；工作动态类信息52条；规划计划类信息2条；其他信息25条。");
        assert_eq!(rules(&ok), Vec::<&str>::new());
    }
}
