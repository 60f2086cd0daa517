//! The official template's placeholders left in, and a template not filled in at all.

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Block;
use crate::format::Section;
use crate::message::{Args, Message};
use crate::recognize::value::ValueShape;
use crate::rules::{Context, Family};

declare_rules! {
/// ## What it checks
/// The report is still the blank template, or some of the template's placeholders are left in:
/// “（文字描述）” where a section's text should be, “（文字描述，收取信息处理费情况在此处报告。）” in 六,
/// “【此处填写…】”. A placeholder is a **warning**, once per place. A template with no number in any
/// table and only placeholders for text is one **error** and nothing else (its tracked changes and
/// comments, in a Word file, still said): the 175 empty cells of a blank template are not 175
/// mistakes.
///
/// ## Why
/// The 2021 template carries these placeholders where each section's content goes (docs/format.md §8.1,
/// §11); 国办公开办函〔2021〕30号 asks for that content. A report published with the template's words in it
/// was not finished.
///
/// ## Example
/// | | 五、存在的主要问题及改进情况 |
/// |---|---|
/// | Fails | （文字描述） |
/// | Fixed | 存在的主要问题是政策解读形式较为单一。下一步，我们将丰富解读形式，提升公开质量。 |
///
/// ## 检查内容
/// 报告仍是空白模板，或残留了模板的占位文字：应写正文的地方是“（文字描述）”，第六部分是“（文字描述，收取信息处理费情况在此处报告。）”，或“【此处填写…】”。每处占位文字报告一次**警告**。
/// 表格中没有任何数字、正文只有占位文字的模板，只报告一条**错误**（Word 文件中的修订和批注仍会报告）：空白模板的 175 个空单元格不是 175 个错误。
///
/// ## 依据
/// 2021 年模板在各部分应填写内容的位置放了这些占位文字（docs/format.md §8.1、§11）；国办公开办函〔2021〕30号要求写明这些内容。带着模板文字发布的报告并未完成。
///
/// ## 示例
/// | | 五、存在的主要问题及改进情况 |
/// |---|---|
/// | 不通过 | （文字描述） |
/// | 修改后 | 存在的主要问题是政策解读形式较为单一。下一步，我们将丰富解读形式，提升公开质量。 |
pub const TEMPLATE_UNFILLED: Rule = Rule {
    id: "TEMPLATE-UNFILLED",
    severity: Severity::Warning,
    summary_zh: "仍是空白模板，或残留模板占位文字“（文字描述）”",
    summary_en: english!("The report is still the blank template, or template placeholders (“（文字描述）”) remain"),
};
}

/// This file's rules and their check ([`crate::rules::FAMILIES`]).
pub const FAMILY: Family = Family { rules: &[&TEMPLATE_UNFILLED], check };

/// The words a template's placeholder starts with, inside its brackets.
const PLACEHOLDERS: [&str; 3] = ["文字描述", "此处填写", "请填写"];

/// Is this paragraph a template placeholder: “（文字描述）”, “（文字描述，收取信息处理费情况
/// 在此处报告。）”, “【此处填写…】”, or the bare words? (A sentence that merely uses the words
/// is not.)
pub fn is_placeholder(text: &str) -> bool {
    // Its first character is a bracket or a word's first: most paragraphs are told by theirs,
    // before the trims below (where the text readers are: a pdftotext page has hundreds of
    // paragraphs; the eager module keeps the smaller code).
    if cfg!(feature = "text-readers") && !text.trim_start().starts_with(['（', '(', '【', '[', '〔', '文', '此', '请'])
    {
        return false;
    }
    let t = text.trim();
    let inner = t.trim_start_matches(['（', '(', '【', '[', '〔']);
    let bracketed = inner.len() < t.len() && t.ends_with(['）', ')', '】', ']', '〕']);
    let bare = t.trim_end_matches(['。', '.']);
    // The words first: counting a long paragraph's characters costs more than they do.
    PLACEHOLDERS.iter().any(|p| (bracketed && inner.starts_with(p)) || bare == *p)
        && crate::strings::char_count(t) <= 40
}

/// A blank template: the tables hold no number at all, and the text is placeholders.
pub fn is_blank_template(ctx: &Context) -> bool {
    let tables = &ctx.report.tables;
    let no_numbers =
        !tables.is_empty() && tables.iter().all(|t| t.cells.iter().all(|c| matches!(c.value.shape, ValueShape::Blank)));
    no_numbers && ctx.doc.paragraphs().any(|p| is_placeholder(&p.text))
}

/// The one finding for a blank template.
pub fn blank_template(ctx: &Context) -> Diagnostic {
    let _ = ctx;
    Diagnostic::new(TEMPLATE_UNFILLED.id, Severity::Error, &BLANK, Args::new()).finish("blank")
}

const BLANK: Message = Message {
    id: "TEMPLATE-UNFILLED/blank",
    zh: "报告仍是空白模板：表格中没有填写任何数字，正文只有“（文字描述）”等占位文字。请填写本年度的实际情况后再检查。",
    en: english!("The report is still the blank template: no table holds a number and the text is the template's placeholders (“（文字描述）”). Fill it in with the year's figures and text, then check again."),
};
const PLACEHOLDER: Message = Message {
    id: "TEMPLATE-UNFILLED",
    zh: "{place}仍是模板占位文字“{text}”，请填写实际内容。",
    en: english!("{place} still holds the template's placeholder “{text}”: write the real content."),
};
const IN_SECTION: Message =
    Message { id: "TEMPLATE-UNFILLED/section", zh: "“{heading}”一节", en: english!("Section “{heading}”") };
const IN_TEXT: Message = Message { id: "TEMPLATE-UNFILLED/text", zh: "正文", en: english!("The text") };

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for (i, block) in ctx.doc.blocks.iter().enumerate() {
        let Block::Paragraph(p) = block else { continue };
        if !is_placeholder(&p.text) {
            continue;
        }
        let section = ctx.report.sections.iter().filter(|s| s.block < i).map(|s| s.section).next_back();
        let args = match section {
            Some(s) => {
                let heading = ctx.report.sections.iter().find(|h| h.section == s).map_or("", |h| h.printed.as_str());
                Args::new().phrase_with("place", &IN_SECTION, Args::new().text("heading", heading))
            }
            None => Args::new().phrase("place", &IN_TEXT),
        };
        out.push(
            Diagnostic::new(TEMPLATE_UNFILLED.id, TEMPLATE_UNFILLED.severity, &PLACEHOLDER, args.text("text", &p.text))
                .actual(p.text.clone())
                .at(Some(p.span), None)
                .excerpt(&p.text)
                .finish(section.map_or("", Section::numeral)),
        );
    }
}

/// Every message this module declares ([`crate::message::catalogue`]).
pub(crate) const MESSAGES: &[&crate::message::Message] = &[&BLANK, &PLACEHOLDER, &IN_SECTION, &IN_TEXT];

#[cfg(test)]
mod tests {
    use crate::rules::testkit::{mini, rules};

    /// [`super::is_placeholder`], told by the first character first, answers as the form without
    /// that test: on every paragraph of the text fixtures, and on placeholders and near misses.
    #[test]
    fn placeholders_told_by_their_first_character_first() {
        let former = |text: &str| {
            let t = text.trim();
            let inner = t.trim_start_matches(['（', '(', '【', '[', '〔']);
            let bracketed = inner.len() < t.len() && t.ends_with(['）', ')', '】', ']', '〕']);
            let bare = t.trim_end_matches(['。', '.']);
            super::PLACEHOLDERS.iter().any(|p| (bracketed && inner.starts_with(p)) || bare == *p)
                && crate::strings::char_count(t) <= 40
        };
        let mut texts: Vec<String> = Vec::new();
        crate::test_fixtures::for_each_text_fixture(|_, doc| texts.extend(doc.paragraphs().map(|p| p.text.clone())));
        for p in super::PLACEHOLDERS {
            for (open, close) in
                [("（", "）"), ("(", ")"), ("【", "】"), ("[", "]"), ("〔", "〕"), ("", ""), ("（", "")]
            {
                for t in [format!("{open}{p}{close}"), format!(" \u{3000}{open}{p}，在此处报告。{close}。 ")] {
                    texts.extend([t.clone(), format!("{t}。"), format!("一{t}")]);
                }
            }
        }
        assert!(texts.iter().filter(|t| super::is_placeholder(t)).count() >= 10);
        for t in &texts {
            assert_eq!(super::is_placeholder(t), former(t), "{t:?}");
        }
    }

    #[test]
    fn a_placeholder_left_in_is_one_warning_where_it_is() {
        let mut m = mini();
        m.body[4] = "（文字描述）".into();
        let r = m.lint();
        assert_eq!(rules(&r), vec!["TEMPLATE-UNFILLED"]);
        insta::assert_snapshot!(r.diagnostics[0].message, @"“五、存在的主要问题及改进情况”一节仍是模板占位文字“（文字描述）”，请填写实际内容。");
        let mut m = mini();
        m.body[5] = "（文字描述，收取信息处理费情况在此处报告。）".into();
        assert_eq!(rules(&m.lint()), vec!["TEMPLATE-UNFILLED"]);
    }

    #[test]
    fn text_that_mentions_a_description_is_not_a_placeholder() {
        let mut m = mini();
        m.body[4] = "存在的主要问题是政策解读的文字描述不够通俗，下一步将增加图解。".into();
        assert!(!rules(&m.lint()).contains(&"TEMPLATE-UNFILLED"));
    }

    #[test]
    fn a_blank_template_is_one_error_and_nothing_else() {
        let mut m = mini();
        for v in m.requests.iter_mut().flat_map(|(_, v)| v.iter_mut()) {
            v.clear();
        }
        for v in m.proactive.iter_mut().flat_map(|(_, v)| v.iter_mut()) {
            v.clear();
        }
        m.review.iter_mut().for_each(String::clear);
        m.body = vec![
            "（文字描述）".into(),
            String::new(),
            String::new(),
            String::new(),
            "（文字描述）".into(),
            "（文字描述）".into(),
        ];
        let r = m.lint();
        assert_eq!(rules(&r), vec!["TEMPLATE-UNFILLED"]);
        assert_eq!(r.summary.errors, 1);
        insta::assert_snapshot!(r.diagnostics[0].message, @"报告仍是空白模板：表格中没有填写任何数字，正文只有“（文字描述）”等占位文字。请填写本年度的实际情况后再检查。");
    }
}
