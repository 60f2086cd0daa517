//! TXT-CATEGORY-SUM: an enumeration in the narrative against its own total.

use crate::diagnostic::{pick, Diagnostic, Severity};
use crate::recognize::value::Decimal;
use crate::rules::prose::{clause_before, Approx, Quantity, Sentence};
use crate::rules::{Context, Rule};
use crate::strings::JoinStr;

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

/// The enumerations of a sentence: (whole, parts, ends with 等).
pub(super) fn enumerations<'q>(text: &str, qs: &'q [Quantity]) -> Vec<(&'q Quantity, Vec<&'q Quantity>, bool)> {
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

pub(super) fn category_sum(ctx: &Context, s: &Sentence, qs: &[Quantity], out: &mut Vec<Diagnostic>) {
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
}
