//! TXT-TABLE-MISMATCH: a number the narrative states against the table cell it describes.

use super::lexicon::{closest_keyword, last_topic, Kw, Topic};
use super::readings::{column_label, evaluate, readings, Reading};
use crate::diagnostic::{Diagnostic, Severity};
use crate::message::{Arg, Args, Message};
use crate::recognize::prose::{clause_after, clause_before, Approx, Quantity, Sentence};
use crate::recognize::value::Decimal;
use crate::recognize::MappedCell;
use crate::rules::Context;

const MISMATCH: Message = Message {
    id: "TXT-TABLE-MISMATCH",
    zh: "正文“{phrase}”所述 {value} 与表{table}不一致：表{table}{readings}。请核对正文与表格的口径和数字。",
    en: english!("The text “{phrase}” states {value}, but table {table} gives {readings}. Check the wording's scope and the numbers."),
};
/// One reading of the phrase against the table, and what it gives.
const READ_AS: Message = Message {
    id: "TXT-TABLE-MISMATCH/read-as",
    zh: "按“{reading}”读为 {value}",
    en: english!("{value} read as “{reading}”"),
};
const READINGS: Message =
    Message { id: "TXT-TABLE-MISMATCH/readings", zh: "{first}，{rest}", en: english!("{first}; {rest}") };

declare_rules! {
/// ## What it checks
/// A number the narrative states against the table cell it describes: applications received
/// (收到/受理/新收: 表三 一, or 一 + 二), carried over (上年结转: 二), answered (办结/答复: （七）总计), carried
/// into next year (结转/顺延: 四), each outcome (予以公开 … 其他处理: its row or group, 总计 column),
/// 行政复议 and 行政诉讼 counts and outcomes (表四; 诉讼 = 未经复议直接起诉 + 复议后起诉), 规章 and
/// 行政规范性文件 (表二 （一）, in the columns of the report's own revision: 制发/废止/现行有效 in 2021,
/// 新制作/新公开/对外公开总数 in 2019) and 行政事业性收费 (万元). A phrase that can mean two things is read
/// every way the tables allow ("收到申请75件" = 新收 74 + 上年结转 1 is supported); only a number no
/// reading supports is reported, with both numbers and the readings tried.
///
/// ## Why
/// 国办公开办函〔2021〕30号 names "发布内容不准确" among the failings it holds staff responsible for
/// (docs/format.md §8.1); reviewers compare the narrative with the tables section by section
/// (docs/format.md §13, §12.2; §7.2 T4-D for 诉讼). A warning, not an error: the prose may describe
/// another scope (docs/format.md §9.7), and the tables are the statutory data.
///
/// ## Example
/// 表三 总计 column: 一、本年新收 = 3119, 二、上年结转 = 34.
///
/// | | Narrative |
/// |---|---|
/// | Fails | 全市共受理政府信息公开申请3120件 (neither 3119 nor 3119 + 34 = 3153) |
/// | Fixed | 全市共受理政府信息公开申请3119件 |
///
/// ## 检查内容
/// 正文所述数字与其所指的表格单元格是否一致：收到的申请（收到/受理/新收：表三“一”，或“一＋二”）、上年结转（“二”）、办结/答复（“（七）总计”）、结转/顺延下年度（“四”）、各项办理结果（予以公开……其他处理：相应的行或分组，总计列）、
/// 行政复议和行政诉讼的件数及结果（表四；诉讼 ＝ 未经复议直接起诉 ＋ 复议后起诉）、规章和行政规范性文件（表二第（一）项，按报告所用版本的列：2021 年为制发/废止/现行有效，2019 年为新制作/新公开/对外公开总数）以及行政事业性收费（万元）。
/// 可作两种理解的说法按表格允许的每种理解核对（“收到申请75件”＝新收 74 ＋上年结转 1 即算一致）；只有任何理解都不支持的数字才报告，并给出两个数字和尝试过的理解。
///
/// ## 依据
/// 国办公开办函〔2021〕30号把“发布内容不准确”列为追究责任的情形之一（docs/format.md §8.1）；审核者逐部分对照正文和表格（docs/format.md §13、§12.2；诉讼见 §7.2 T4-D）。为警告而非错误：正文可能说的是另一口径（docs/format.md §9.7），而表格才是法定数据。
///
/// ## 示例
/// 表三总计列：一、本年新收 ＝ 3119，二、上年结转 ＝ 34。
///
/// | | 正文 |
/// |---|---|
/// | 不通过 | 全市共受理政府信息公开申请3120件（既不是 3119，也不是 3119 ＋ 34 ＝ 3153） |
/// | 修改后 | 全市共受理政府信息公开申请3119件 |
pub const TXT_TABLE_MISMATCH: Rule = Rule {
    id: "TXT-TABLE-MISMATCH",
    severity: Severity::Warning,
    summary_zh: "正文所述数字与表格不一致（申请、办理结果、复议诉讼、规章和规范性文件、收费）",
    summary_en:
        english!("A number in the narrative contradicts the tables (requests, outcomes, review/litigation, documents, fees)"),
};
}

/// A total stated in a paragraph, usable as a percentage base.
#[derive(Clone, Copy)]
pub(super) struct Stated {
    pub(super) value: Decimal,
    pub(super) kw: Kw,
}

pub(super) fn table_mismatch(
    ctx: &Context,
    s: &Sentence,
    qs: &[Quantity],
    para_topic: Option<Topic>,
    stated: &mut Vec<Stated>,
    out: &mut Vec<Diagnostic>,
) {
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
            Kw::Regulations | Kw::NormativeDocs => matches!(q.unit, "件" | "个" | "部" | "篇"),
            _ => matches!(q.unit, "件" | "个" | "宗" | "起"),
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
        let tries = evaluated
            .iter()
            .map(|(r, v, _)| {
                let reading = Arg::Words { zh: r.zh.clone(), en: r.en.clone() };
                Arg::Phrase(&READ_AS, Args::new().arg("reading", reading).text("value", v))
            })
            .collect();
        let args = Args::new().text("phrase", phrase).text("value", q.value).text("table", table);
        let args = args.list("readings", &READINGS, tries);
        let origin = cell.map(|c| c.origin).unwrap_or_default();
        out.push(
            Diagnostic::new(TXT_TABLE_MISMATCH.id, TXT_TABLE_MISMATCH.severity, &MISMATCH, args)
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

/// Every message this module declares ([`crate::message::catalogue`]).
pub(crate) const MESSAGES: &[&crate::message::Message] = &[&MISMATCH, &READ_AS, &READINGS];

#[cfg(test)]
mod tests {
    use super::super::tests::with_overview;
    use crate::format::rows;
    use crate::rules::testkit::{mini, rules};

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
            .set_request(rows::CARRIED_IN, 0, "1")
            .set_request(rows::CARRIED_IN, 6, "1")
            .set_request(rows::DISCLOSED, 0, "4")
            .set_request(rows::DISCLOSED, 6, "5")
            .set_request(rows::OUTCOMES_TOTAL, 0, "4")
            .set_request(rows::OUTCOMES_TOTAL, 6, "5");
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

    /// 表二 of a 2019 report has other columns (本年新制作数量, 本年新公开数量, 对外公开总数量):
    /// the narrative is read against them (a real 2019 report, its 表二 all 0).
    #[test]
    fn documents_are_compared_with_the_2019_table_two() {
        const XIZOU: &str = include_str!("../../../tests/fixtures/xizou-2019.txt");
        let sentence = "2019年，我镇通过各类媒体主动公开政府信息646条";
        assert!(XIZOU.contains(sentence));
        let lint = |added: &str| {
            let text = XIZOU.replacen(sentence, &format!("{added}{sentence}"), 1);
            let r = crate::lint::lint_str(
                &text,
                &crate::read::ReadOptions::default(),
                &crate::rules::LintOptions::default(),
            )
            .expect("a report");
            r.diagnostics.into_iter().filter(|d| d.rule == "TXT-TABLE-MISMATCH").collect::<Vec<_>>()
        };
        // Made and published as the table says: nothing.
        assert_eq!(lint("2019年，我镇制发规范性文件0件，新公开规范性文件0件。"), vec![]);
        let found = lint("2019年，我镇制发规范性文件2件。");
        let got: Vec<_> = found
            .iter()
            .map(|d| (d.table, d.row.as_deref(), d.column.as_deref(), d.expected.as_deref(), d.actual.as_deref()))
            .collect();
        assert_eq!(got, vec![(Some("二"), Some("规范性文件"), Some("本年新制作数量"), Some("0"), Some("2"))]);
        insta::assert_snapshot!(found[0].message, @"正文“我镇制发规范性文件2件”所述 2 与表二不一致：表二按“规范性文件/本年新制作数量”读为 0，按“规范性文件/本年新公开数量”读为 0。请核对正文与表格的口径和数字。");
        // The 2019 表二 counts no documents in force: nothing to compare.
        assert_eq!(lint("2019年，现行有效规范性文件12件。"), vec![]);
    }
}
