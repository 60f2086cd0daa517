//! What sections 五 and 六 must say.

use crate::diagnostic::{Diagnostic, Severity};
use crate::format::{columns, rows, Section, TableId};
use crate::message::{Args, Message};
use crate::rules::{Context, Family};
use crate::strings::{char_count, JoinStr};

declare_rules! {
/// ## What it checks
/// That section 五、存在的主要问题及改进情况 says something: it is reported when it is empty or says only
/// "无". (A template placeholder left there, "（文字描述）", is TEMPLATE-UNFILLED's finding.)
///
/// ## Why
/// Art. 50 of the 政府信息公开条例 requires the main problems and how they were improved, and
/// 国办公开办函〔2021〕30号 asks for them; official notices criticised this section left empty or thin —
/// the 莆田 通报's "未认真填写", the 社科院's "内容不翔实" (docs/format.md §8.1, §10, §11).
///
/// ## Example
/// | | 五、存在的主要问题及改进情况 |
/// |---|---|
/// | Fails | 无。 |
/// | Fixed | 存在的主要问题是政策解读形式较为单一。下一步，我们将丰富解读形式，提升公开质量。 |
///
/// ## 检查内容
/// 第五部分“存在的主要问题及改进情况”是否有实际内容：该部分为空或只写“无”时报告。（残留模板占位文字“（文字描述）”由 TEMPLATE-UNFILLED 报告。）
///
/// ## 依据
/// 《政府信息公开条例》第五十条要求报告存在的主要问题及改进情况，国办公开办函〔2021〕30号也有此要求；官方通报批评过此部分空缺或空泛：莆田通报的“未认真填写”，社科院评估的“内容不翔实”（docs/format.md §8.1、§10、§11）。
///
/// ## 示例
/// | | 五、存在的主要问题及改进情况 |
/// |---|---|
/// | 不通过 | 无。 |
/// | 修改后 | 存在的主要问题是政策解读形式较为单一。下一步，我们将丰富解读形式，提升公开质量。 |
pub const SEC5_EMPTY: Rule = Rule {
    id: "SEC5-EMPTY",
    severity: Severity::Warning,
    summary_zh: "第五部分“存在的主要问题及改进情况”为空或仅写“无”",
    summary_en: english!("Section 五 (problems and improvements) is empty or says only “无”"),
};
}

declare_rules! {
/// ## What it checks
/// A report on 2021 or later whose section 六、其他需要报告的事项 says nothing about the 信息处理费: an
/// amount, or that none was charged. Accepted wordings include 信息处理费, 信息公开处理费, 收取…费用,
/// 未收取/不收取…费. When 表三 （六）2 (逾期未缴费) is above 0, fee notices were sent in the year, and the
/// message says so.
///
/// ## Why
/// From 2021 the 信息处理费 collected under 国办函〔2020〕109号 is reported in 六; the 2021 template's note
/// in 六 reads "收取信息处理费情况在此处报告" (docs/format.md §8.1 item 5, §11).
///
/// ## Example
/// | | 六、其他需要报告的事项 |
/// |---|---|
/// | Fails | 无。 |
/// | Fixed | 本年度未收取信息处理费。 |
///
/// ## 检查内容
/// 2021 年度及以后的报告，第六部分“其他需要报告的事项”未提及信息处理费：既无金额，也未说明未收取。接受的说法包括信息处理费、信息公开处理费、收取……费用、未收取/不收取……费。
/// 表三（六）2（逾期未缴费）大于 0 时，说明本年发出过收费通知，提示中会指出这一点。
///
/// ## 依据
/// 自 2021 年度起，按国办函〔2020〕109号收取信息处理费的情况在第六部分报告；2021 年模板第六部分的注释为“收取信息处理费情况在此处报告”（docs/format.md §8.1 第 5 项、§11）。
///
/// ## 示例
/// | | 六、其他需要报告的事项 |
/// |---|---|
/// | 不通过 | 无。 |
/// | 修改后 | 本年度未收取信息处理费。 |
pub const SEC6_FEE_MISSING: Rule = Rule {
    id: "SEC6-FEE-MISSING",
    severity: Severity::Warning,
    summary_zh: "2021年起的报告第六部分未说明信息处理费收取情况",
    summary_en: english!("Section 六 of a 2021+ report does not report the information processing fee"),
};
}

/// This file's rules and their check ([`crate::rules::FAMILIES`]).
pub const FAMILY: Family = Family { rules: &[&SEC5_EMPTY, &SEC6_FEE_MISSING], check };

fn heading<'a>(ctx: &Context<'a>, section: Section) -> Option<&'a crate::recognize::FoundSection> {
    ctx.report.sections.iter().find(|s| s.section == section)
}

const PROBLEMS_EMPTY: Message = Message {
    id: "SEC5-EMPTY",
    zh: "第五部分“存在的主要问题及改进情况”内容为“{shown}”：应写明本年度工作存在的主要问题和改进措施。",
    en: english!("Section 五 (problems and improvements) says “{shown}”: it should state the year's main problems and the improvements made or planned."),
};
const EMPTY_TEXT: Message = Message { id: "SEC5-EMPTY/empty", zh: "（空）", en: english!("(empty)") };
const FEE_MISSING: Message = Message {
    id: "SEC6-FEE-MISSING",
    zh: "第六部分“其他需要报告的事项”未说明信息处理费收取情况（收取金额，或“未收取信息处理费”）。{unpaid}",
    en: english!(
        "Section 六 does not report the information processing fee (the amount, or that none was charged).{unpaid}"
    ),
};
const FEE_NOTICES_SENT: Message = Message {
    id: "SEC6-FEE-MISSING/notices-sent",
    zh: "表三（六）2“逾期未按收费通知要求缴纳费用”为 {count}，说明本年发出过收费通知。",
    en: english!(" Table 三 (六)2 (fee not paid) is {count}, so fee notices were sent."),
};
/// What the section should state (the finding's `expected`).
const FEE: Message =
    Message {
        id: "SEC6-FEE-MISSING/fee", zh: "信息处理费收取情况", en: english!("the information processing fee")
    };

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let all = ctx.sentences();
    let text =
        |section: Section| -> String { all.iter().filter(|s| s.section == Some(section)).map(|s| s.text).join_str("") };
    if let Some(h) = heading(ctx, Section::Problems) {
        let body = text(Section::Problems);
        // Where the text readers are (a pdftotext section is long), its first eight letters and
        // digits are enough: with eight, it is not empty (each word below is shorter); the eager
        // module keeps the smaller code.
        let letters = body.chars().filter(|c| c.is_alphanumeric());
        #[cfg(feature = "text-readers")]
        let letters = letters.take(8);
        let bare: String = letters.collect();
        let placeholder = crate::rules::template::is_placeholder(&body);
        let empty =
            char_count(&bare) < 8 || ["无", "暂无", "略", "无问题", "没有", "不存在问题"].contains(&bare.as_str());
        if empty && !placeholder {
            let args = if body.is_empty() {
                Args::new().phrase("shown", &EMPTY_TEXT)
            } else {
                Args::new().text("shown", &body)
            };
            out.push(
                Diagnostic::new(SEC5_EMPTY.id, SEC5_EMPTY.severity, &PROBLEMS_EMPTY, args)
                    .actual(body.clone())
                    .at(Some(h.span), None)
                    .excerpt(if body.is_empty() { h.printed.clone() } else { body })
                    .finish("五"),
            );
        }
    }
    let year_2021 = ctx.report.year.is_some_and(|y| y >= 2021)
        || ctx.report.year.is_none()
            && ctx
                .report
                .table(TableId::Requests)
                .is_some_and(|t| t.format.table(TableId::Requests).row(rows::OTHER_HANDLING_UNPAID_FEE).is_some());
    if !year_2021 {
        return;
    }
    let Some(h) = heading(ctx, Section::Other) else { return };
    let body = text(Section::Other);
    let mentions_fee = body.contains("处理费")
        || ["收费", "免费", "费用"].iter().any(|w| body.contains(w))
        || body.match_indices("收取").any(|(i, _)| body[i..].chars().take(16).any(|c| c == '费'));
    if mentions_fee {
        return;
    }
    let unpaid = ctx
        .report
        .table(TableId::Requests)
        .and_then(|t| t.cell(rows::OTHER_HANDLING_UNPAID_FEE, columns::TOTAL))
        .and_then(|c| c.value.number)
        .filter(|n| n.mantissa > 0);
    let args = match unpaid {
        Some(n) => Args::new().phrase_with("unpaid", &FEE_NOTICES_SENT, Args::new().text("count", n)),
        None => Args::new().text("unpaid", ""),
    };
    out.push(
        Diagnostic::new(SEC6_FEE_MISSING.id, SEC6_FEE_MISSING.severity, &FEE_MISSING, args)
            .expected(FEE.template(ctx.lang))
            .at(Some(h.span), None)
            .excerpt(if body.is_empty() { h.printed.clone() } else { body })
            .finish("六"),
    );
}

/// Every message this module declares ([`crate::message::catalogue`]).
pub(crate) const MESSAGES: &[&crate::message::Message] =
    &[&PROBLEMS_EMPTY, &EMPTY_TEXT, &FEE_MISSING, &FEE_NOTICES_SENT, &FEE];

#[cfg(test)]
mod tests {
    use crate::rules::testkit::{mini, rules};

    #[test]
    fn section_five_with_content_passes_and_empty_fails() {
        assert!(!rules(&mini().lint()).contains(&"SEC5-EMPTY"));
        for empty in ["无。", "", "暂无"] {
            let mut m = mini();
            m.body[4] = empty.into();
            let r = m.lint();
            assert_eq!(rules(&r), vec!["SEC5-EMPTY"], "{empty}");
        }
        let mut m = mini();
        m.body[4] = "无。".into();
        insta::assert_snapshot!(m.lint().diagnostics[0].message, @"第五部分“存在的主要问题及改进情况”内容为“无。”：应写明本年度工作存在的主要问题和改进措施。");
    }

    #[test]
    fn section_six_must_report_the_fee() {
        for ok in ["本年度未收取信息处理费。", "全年收取信息公开处理费0元。", "本机关未收取任何费用。"]
        {
            let mut m = mini();
            m.body[5] = ok.into();
            assert!(!rules(&m.lint()).contains(&"SEC6-FEE-MISSING"), "{ok}");
        }
        let mut m = mini();
        m.body[5] = "无其他需要报告的事项。".into();
        let r = m.lint();
        assert_eq!(rules(&r), vec!["SEC6-FEE-MISSING"]);
        insta::assert_snapshot!(r.diagnostics[0].message, @"第六部分“其他需要报告的事项”未说明信息处理费收取情况（收取金额，或“未收取信息处理费”）。");
        // 2019-format reports (on 2019 and 2020) are not asked.
        let mut m = mini();
        m.body[5] = "无。".into();
        m.title = m.title.replace("2022", "2020");
        m.body[0] = "本报告统计期限自2020年1月1日至2020年12月31日。".into();
        assert!(!rules(&m.lint()).contains(&"SEC6-FEE-MISSING"));
    }
}
