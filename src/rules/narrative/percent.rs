//! TXT-PERCENT: a percentage in the narrative against count ÷ base.

use super::category_sum::{enumerations, PHRASINGS};
use super::lexicon::{closest_keyword, Kw};
use super::mismatch::Stated;
use super::readings::{evaluate, t3};
use crate::diagnostic::{Diagnostic, Severity};
use crate::format::rows;
use crate::message::{Args, Message};
use crate::recognize::prose::{clause_before, Approx, Quantity, Sentence};
use crate::recognize::value::Decimal;
use crate::rules::Context;

declare_rules! {
/// ## What it checks
/// A percentage in the narrative, "N件（x%）" or "N件，占x%", that is not N ÷ base rounded to the decimals
/// the text gives. The base may be the total of the enumeration the count belongs to, a total the
/// same paragraph states (办结/答复/受理 …), or, for the outcomes of applications, 表三's （七）总计 or
/// 本年新收: any base that gives x% is accepted.
///
/// ## Why
/// A percentage that is not its own count over its base is an inaccuracy the reader can check by
/// hand (docs/format.md §11, §12.2: "不予公开35件，占4.34%" where 35 ÷ 805 = 4.35%).
///
/// ## Example
/// | | Narrative |
/// |---|---|
/// | Fails | 办结申请805件，其中不予公开35件，占4.34% |
/// | Fixed | 办结申请805件，其中不予公开35件，占4.35% |
///
/// ## 检查内容
/// 正文中的百分比（“N件（x%）”或“N件，占x%”）不等于 N ÷ 基数按正文所用小数位四舍五入的结果。基数可以是该数字所属列举的总数、同一段中所述的总数（办结/答复/受理等），对于申请的办理结果还可以是表三的（七）总计或本年新收：任何一个基数能得出 x% 即算一致。
///
/// ## 依据
/// 与自身数量和基数对不上的百分比，是读者可以手算核对的不准确之处（docs/format.md §11、§12.2：“不予公开35件，占4.34%”，而 35 ÷ 805 ＝ 4.35%）。
///
/// ## 示例
/// | | 正文 |
/// |---|---|
/// | 不通过 | 办结申请805件，其中不予公开35件，占4.34% |
/// | 修改后 | 办结申请805件，其中不予公开35件，占4.35% |
pub const TXT_PERCENT: Rule = Rule {
    id: "TXT-PERCENT",
    severity: Severity::Warning,
    summary_zh: "正文百分比与“数量÷基数”不符",
    summary_en: english!("A percentage in the narrative is not count ÷ base"),
};
}

const PERCENT: Message = Message {
    id: "TXT-PERCENT",
    zh: "正文“{text}”：{count} ÷ {base} = {expected}%，文中写作 {stated}%。",
    en: english!("The text “{text}”: {count} ÷ {base} = {expected}%, but it says {stated}%."),
};

pub(super) fn percent(ctx: &Context, s: &Sentence, qs: &[Quantity], stated: &[Stated], out: &mut Vec<Diagnostic>) {
    const LINKS: [&str; 12] =
        ["（", "(", "（占", "(占", "，占", "占", "，占比", "占比", "，占比为", "占比为", "，占总数的", "占总数的"];
    // The bases an enumeration in this sentence gives (the first phrasing: "N件，其中…").
    let enums = enumerations(s.text, qs, &PHRASINGS[0]);
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
        for e in &enums {
            if e.parts.iter().any(|p| p.start == count.start) && e.whole.approx == Approx::Exact {
                bases.push((e.whole.value, false));
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
                t3(ctx, "", "", vec![rows::OUTCOMES_TOTAL], None),
                t3(ctx, "", "", vec![rows::RECEIVED], None),
                t3(ctx, "", "", vec![rows::RECEIVED, rows::CARRIED_IN], None),
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
        let args = Args::new()
            .text("text", format!("{}{close}", s.text[count.start..pct.end].trim()))
            .text("count", count.value)
            .text("base", base)
            .text("expected", &expected)
            .text("stated", pct.value);
        let mut d = Diagnostic::new(TXT_PERCENT.id, TXT_PERCENT.severity, &PERCENT, args)
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

/// Every message this module declares ([`crate::message::catalogue`]).
pub(crate) const MESSAGES: &[&crate::message::Message] = &[&PERCENT];

#[cfg(test)]
mod tests {
    use super::super::tests::with_overview;
    use crate::rules::testkit::rules;

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
