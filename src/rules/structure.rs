//! The report's outline: its title and its six section headings.

use crate::diagnostic::{Diagnostic, Severity};
use crate::format::Section;
use crate::message::{Args, Message};
use crate::recognize::labels::words;
use crate::rules::{Context, Family};

declare_rules! {
/// ## What it checks
/// That the report has all six sections: 一、总体情况, 二、主动公开政府信息情况,
/// 三、收到和处理政府信息公开申请情况, 四、政府信息公开行政复议、行政诉讼情况, 五、存在的主要问题及改进情况,
/// 六、其他需要报告的事项. A heading in other words is still recognised by its key words (that is
/// FMT-HEADING-TEXT's warning); only a section that is not there at all is reported here.
///
/// ## Why
/// Art. 50 of the 政府信息公开条例 lists what an annual report must contain, and 国办公开办函〔2021〕30号
/// says the content "不能遗漏"; both revisions of the format have the same six sections (docs/format.md
/// §3). Official notices have named reports with sections missing (docs/format.md §10).
///
/// ## Example
/// | | Headings in the report |
/// |---|---|
/// | Fails | 一、… 二、… 三、… 四、政府信息公开行政复议、行政诉讼情况 → 六、其他需要报告的事项 |
/// | Fixed | 一、… 二、… 三、… 四、… 五、存在的主要问题及改进情况 六、其他需要报告的事项 |
///
/// ## 检查内容
/// 报告是否具备全部六个部分：一、总体情况，二、主动公开政府信息情况，三、收到和处理政府信息公开申请情况，四、政府信息公开行政复议、行政诉讼情况，五、存在的主要问题及改进情况，六、其他需要报告的事项。
/// 措辞不同的标题仍可按关键词识别（那是 FMT-HEADING-TEXT 的警告）；此处只报告完全没有的部分。
///
/// ## 依据
/// 《政府信息公开条例》第五十条列明年度报告应包括的内容，国办公开办函〔2021〕30号要求“不能遗漏”；两版格式都是这六个部分（docs/format.md §3）。官方通报曾点名缺少部分内容的报告（docs/format.md §10）。
///
/// ## 示例
/// | | 报告中的标题 |
/// |---|---|
/// | 不通过 | 一、… 二、… 三、… 四、政府信息公开行政复议、行政诉讼情况 → 六、其他需要报告的事项 |
/// | 修改后 | 一、… 二、… 三、… 四、… 五、存在的主要问题及改进情况 六、其他需要报告的事项 |
pub const FMT_SECTION_MISSING: Rule = Rule {
    id: "FMT-SECTION-MISSING",
    severity: Severity::Error,
    summary_zh: "缺少六个部分之一（一、总体情况…六、其他需要报告的事项）",
    summary_en: english!("One of the six sections (一…六) is missing"),
};
}

declare_rules! {
/// ## What it checks
/// That the six sections come in the official order and carry their own numbers: a section printed
/// before one it should follow, or numbered wrongly (`五、其他需要报告的事项` for 六).
///
/// ## Why
/// The format fixes the order of the sections, which follows Art. 50's items (docs/format.md §3, §11);
/// readers and the officials who compile the reports look for each section by its number.
///
/// ## Example
/// | | Headings in the report |
/// |---|---|
/// | Fails | … 四、政府信息公开行政复议、行政诉讼情况 / 五、其他需要报告的事项 / 六、存在的主要问题及改进情况 |
/// | Fixed | … 四、政府信息公开行政复议、行政诉讼情况 / 五、存在的主要问题及改进情况 / 六、其他需要报告的事项 |
///
/// ## 检查内容
/// 六个部分是否按规定的顺序排列、编号是否正确：某部分排在本应在它之前的部分前面，或编号错误（如把六写成 `五、其他需要报告的事项`）。
///
/// ## 依据
/// 格式规定了各部分的顺序，与《条例》第五十条各项一致（docs/format.md §3、§11）；读者和汇总年报的工作人员按编号查找各部分。
///
/// ## 示例
/// | | 报告中的标题 |
/// |---|---|
/// | 不通过 | … 四、政府信息公开行政复议、行政诉讼情况 / 五、其他需要报告的事项 / 六、存在的主要问题及改进情况 |
/// | 修改后 | … 四、政府信息公开行政复议、行政诉讼情况 / 五、存在的主要问题及改进情况 / 六、其他需要报告的事项 |
pub const FMT_SECTION_ORDER: Rule = Rule {
    id: "FMT-SECTION-ORDER",
    severity: Severity::Error,
    summary_zh: "各部分顺序或编号错误",
    summary_en: english!("Sections out of order or numbered wrongly"),
};
}

declare_rules! {
/// ## What it checks
/// That each section heading is the official one word for word. Spaces and the width of
/// punctuation (`(` for `（`) do not count; a heading in other words, or with a typo, is reported with
/// the official text. (The section is still recognised by its key words, so nothing else is lost.)
///
/// ## Why
/// docs/format.md §3 gives the six official headings and the variants published reports use instead
/// (e.g. `五、政府信息公开工作存在的主要问题及改进情况`). The headings are part of the format; a reworded
/// one is a departure from the template, not a wrong report — hence a warning.
///
/// ## Example
/// | | Heading |
/// |---|---|
/// | Fails | 四、政府信息公开行政法复议、行政诉讼情况 |
/// | Fixed | 四、政府信息公开行政复议、行政诉讼情况 |
///
/// ## 检查内容
/// 各部分标题是否与规定格式的文字完全一致。空格和标点全半角（`(` 与 `（`）不计；措辞不同或有错别字的标题会被报告，并给出规定的文字。（该部分仍按关键词识别，不影响其他检查。）
///
/// ## 依据
/// docs/format.md §3 列出六个规定标题，以及已发布报告中出现的其他写法（如 `五、政府信息公开工作存在的主要问题及改进情况`）。标题是格式的一部分；改写标题是偏离模板，而不是报告内容有误，因此为警告。
///
/// ## 示例
/// | | 标题 |
/// |---|---|
/// | 不通过 | 四、政府信息公开行政法复议、行政诉讼情况 |
/// | 修改后 | 四、政府信息公开行政复议、行政诉讼情况 |
pub const FMT_HEADING_TEXT: Rule = Rule {
    id: "FMT-HEADING-TEXT",
    severity: Severity::Warning,
    summary_zh: "部分标题与规定格式的文字不一致",
    summary_en: english!("Section heading differs from the official wording"),
};
}

declare_rules! {
/// ## What it checks
/// That the report has a title of the form `<organ><year>年政府信息公开工作年度报告`: it must say
/// 年度报告 (not 工作报告), 政府信息公开工作, and the year. A report with at least three sections and no
/// title at all is reported too, with the title it should have.
///
/// ## Why
/// The title is the format's own name for the document, and the year in it is the data year
/// (docs/format.md §1, §13). Official notices have named reports titled "工作报告" instead of "年度报告"
/// (the 莆田 通报, docs/format.md §10); a title without the year or the words cannot be found by
/// those who look for the report.
///
/// ## Example
/// | | Title |
/// |---|---|
/// | Fails | 息陬镇人民政府2019年信息公开年度报告 |
/// | Fixed | 息陬镇人民政府2019年政府信息公开工作年度报告 |
///
/// ## 检查内容
/// 报告标题是否为 `<机关名称><年份>年政府信息公开工作年度报告` 的形式：须写“年度报告”（而不是“工作报告”）、“政府信息公开工作”和年份。有三个以上部分却没有标题的报告也会被报告，并给出应有的标题。
///
/// ## 依据
/// 标题是格式对该文件的名称，其中的年份即数据所属年度（docs/format.md §1、§13）。官方通报曾点名把“年度报告”写成“工作报告”的标题（莆田通报，docs/format.md §10）；缺少年份或关键字的标题，查找报告的人无法找到。
///
/// ## 示例
/// | | 标题 |
/// |---|---|
/// | 不通过 | 息陬镇人民政府2019年信息公开年度报告 |
/// | 修改后 | 息陬镇人民政府2019年政府信息公开工作年度报告 |
pub const FMT_TITLE: Rule = Rule {
    id: "FMT-TITLE",
    severity: Severity::Warning,
    summary_zh: "标题不是“××YYYY年政府信息公开工作年度报告”的形式",
    summary_en: english!("Title is not of the form “…YYYY年政府信息公开工作年度报告”"),
};
}

/// This file's rules and their check ([`crate::rules::FAMILIES`]).
pub const FAMILY: Family =
    Family { rules: &[&FMT_SECTION_MISSING, &FMT_SECTION_ORDER, &FMT_HEADING_TEXT, &FMT_TITLE], check };

const TITLE_MISSING: Message = Message {
    id: "FMT-TITLE/missing",
    zh: "未找到报告标题，应为“{expected}”。",
    en: english!("No report title found; it should read “{expected}”."),
};
const TITLE_FORM: Message = Message {
    id: "FMT-TITLE",
    zh: "标题“{title}”不规范：{why}，应为“{expected}”。",
    en: english!("Title “{title}” is not in the official form: {why}; expected “{expected}”."),
};
const TITLE_NOT_ANNUAL: Message =
    Message {
        id: "FMT-TITLE/not-annual", zh: "应为“年度报告”", en: english!("it must say 年度报告 (annual report)")
    };
const TITLE_LACKS_WORDS: Message = Message {
    id: "FMT-TITLE/lacks-words",
    zh: "缺少“政府信息公开工作”字样",
    en: english!("it lacks 政府信息公开工作"),
};
const TITLE_LACKS_YEAR: Message =
    Message { id: "FMT-TITLE/lacks-year", zh: "缺少年份", en: english!("it lacks the year") };
const NO_SECTIONS: Message = Message {
    id: "FMT-SECTION-MISSING/all",
    zh: "未找到“一、总体情况”至“六、其他需要报告的事项”中的任何部分标题；完整的年度报告应包含这六个部分。",
    en: english!("None of the six section headings (一、总体情况 … 六、其他需要报告的事项) was found; a complete annual report has all six."),
};
const SECTION_MISSING: Message = Message {
    id: "FMT-SECTION-MISSING",
    zh: "缺少第{numeral}部分“{heading}”。",
    en: english!("Section {numeral} “{heading}” is missing."),
};
const WRONG_NUMBER: Message = Message {
    id: "FMT-SECTION-ORDER/number",
    zh: "标题“{printed}”的编号错误：“{title}”应为第{numeral}部分，即“{heading}”。",
    en: english!("Heading “{printed}” is numbered wrongly: “{title}” is section {numeral}, “{heading}”."),
};
const OUT_OF_ORDER: Message = Message {
    id: "FMT-SECTION-ORDER",
    zh: "“{printed}”出现在“{previous}”之后，顺序错误。",
    en: english!("“{printed}” comes after “{previous}”: sections are out of order."),
};
const HEADING_TEXT: Message = Message {
    id: "FMT-HEADING-TEXT",
    zh: "标题“{printed}”与规定格式不一致，应为“{heading}”。",
    en: english!("Heading “{printed}” differs from the official wording; it should read “{heading}”."),
};
const HEADING_VARIANT: Message = Message {
    id: "FMT-HEADING-TEXT/variant",
    zh: "标题“{printed}”与规定格式不一致（常见变体），应为“{heading}”。",
    en: english!(
        "Heading “{printed}” differs from the official wording (a common variant); it should read “{heading}”."
    ),
};

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    title(ctx, out);
    sections(ctx, out);
}

fn title(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let expected = match (&ctx.report.organ, ctx.report.year) {
        (Some(o), Some(y)) => format!("{o}{y}年政府信息公开工作年度报告"),
        (_, Some(y)) => format!("××{y}年政府信息公开工作年度报告"),
        _ => "××YYYY年政府信息公开工作年度报告".to_string(),
    };
    let Some(t) = &ctx.report.title else {
        // No title at all: only worth saying for something that is a report.
        if ctx.report.sections.len() >= 3 {
            let args = Args::new().text("expected", &expected);
            out.push(
                Diagnostic::new(FMT_TITLE.id, FMT_TITLE.severity, &TITLE_MISSING, args)
                    .expected(expected)
                    .finish("missing"),
            );
        }
        return;
    };
    let compact: String = t.text.chars().filter(|c| !c.is_whitespace()).collect();
    let has_year = crate::recognize::sections::first_year(&compact).is_some();
    if compact.contains("政府信息公开工作年度报告") && has_year {
        return;
    }
    let why = if !compact.contains("年度报告") {
        &TITLE_NOT_ANNUAL
    } else if !compact.contains("政府信息公开") || !compact.contains("工作") {
        &TITLE_LACKS_WORDS
    } else {
        &TITLE_LACKS_YEAR
    };
    let args = Args::new().text("title", &t.text).phrase("why", why).text("expected", &expected);
    out.push(
        Diagnostic::new(FMT_TITLE.id, FMT_TITLE.severity, &TITLE_FORM, args)
            .expected(expected)
            .actual(t.text.clone())
            .at(Some(t.span), None)
            .excerpt(t.text.clone())
            .finish("form"),
    );
}

fn sections(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let specs = ctx.report.tables.first().map_or(ctx.report.formats.newest(), |t| t.format).sections;
    let found = &ctx.report.sections;
    if found.is_empty() {
        // Not one heading: a fragment (a table pasted alone) or not a report; say it once.
        out.push(
            Diagnostic::new(FMT_SECTION_MISSING.id, FMT_SECTION_MISSING.severity, &NO_SECTIONS, Args::new())
                .finish("all"),
        );
        return;
    }
    for spec in specs {
        if !found.iter().any(|f| f.section == spec.section) {
            let args = Args::new().text("numeral", spec.section.numeral()).text("heading", spec.heading);
            out.push(
                Diagnostic::new(FMT_SECTION_MISSING.id, FMT_SECTION_MISSING.severity, &SECTION_MISSING, args)
                    .expected(spec.heading)
                    .finish(spec.section.numeral()),
            );
        }
    }
    // Order: the found headings, in document order, must follow the official order.
    let mut last: Option<Section> = None;
    for f in found {
        let spec = &specs[f.section.index()];
        let printed_numeral =
            crate::recognize::labels::canonical(&f.printed).chars().next().map(String::from).unwrap_or_default();
        let wrong_number = printed_numeral != f.section.numeral()
            && ["一", "二", "三", "四", "五", "六"].contains(&printed_numeral.as_str());
        let out_of_order = last.is_some_and(|l| l > f.section);
        if wrong_number || out_of_order {
            let (template, args) = if wrong_number {
                let args = Args::new().text("printed", &f.printed).text("title", spec.title());
                (&WRONG_NUMBER, args.text("numeral", f.section.numeral()).text("heading", spec.heading))
            } else {
                let args = Args::new().text("printed", &f.printed);
                (&OUT_OF_ORDER, args.text("previous", specs[last.map_or(0, |l| l.index())].heading))
            };
            out.push(
                Diagnostic::new(FMT_SECTION_ORDER.id, FMT_SECTION_ORDER.severity, template, args)
                    .expected(spec.heading)
                    .actual(f.printed.clone())
                    .at(Some(f.span), None)
                    .excerpt(f.printed.clone())
                    .finish(f.section.numeral()),
            );
        }
        last = Some(last.map_or(f.section, |l| l.max(f.section)));
        // Wording.
        let printed_title = f.printed.split_once(['、', '.', '．', ' ']).map_or(f.printed.as_str(), |(_, t)| t);
        if words(printed_title) != words(spec.title()) {
            let variant = spec.variants.iter().any(|v| words(v) == words(printed_title));
            let args = Args::new().text("printed", &f.printed).text("heading", spec.heading);
            let template = if variant { &HEADING_VARIANT } else { &HEADING_TEXT };
            out.push(
                Diagnostic::new(FMT_HEADING_TEXT.id, FMT_HEADING_TEXT.severity, template, args)
                    .expected(spec.heading)
                    .actual(f.printed.clone())
                    .at(Some(f.span), None)
                    .excerpt(f.printed.clone())
                    .finish(f.section.numeral()),
            );
        }
    }
}

/// Every message this module declares ([`crate::message::catalogue`]).
pub(crate) const MESSAGES: &[&crate::message::Message] = &[
    &TITLE_MISSING,
    &TITLE_FORM,
    &TITLE_NOT_ANNUAL,
    &TITLE_LACKS_WORDS,
    &TITLE_LACKS_YEAR,
    &NO_SECTIONS,
    &SECTION_MISSING,
    &WRONG_NUMBER,
    &OUT_OF_ORDER,
    &HEADING_TEXT,
    &HEADING_VARIANT,
];

#[cfg(test)]
mod tests {
    use crate::rules::testkit::{mini, rules};

    #[test]
    fn a_missing_section_is_an_error() {
        let mut m = mini();
        m.headings[4] = String::new();
        m.body[4] = String::new();
        let r = m.lint();
        assert_eq!(rules(&r), vec!["FMT-SECTION-MISSING"]);
        assert_eq!(r.diagnostics[0].expected.as_deref(), Some("五、存在的主要问题及改进情况"));
    }

    #[test]
    fn sections_out_of_order_or_misnumbered() {
        let mut m = mini();
        m.headings.swap(4, 5);
        m.body.swap(4, 5);
        m.headings[4] = "五、其他需要报告的事项".into();
        m.headings[5] = "六、存在的主要问题及改进情况".into();
        let r = m.lint();
        assert_eq!(rules(&r), vec!["FMT-SECTION-ORDER", "FMT-SECTION-ORDER"]);
    }

    #[test]
    fn heading_wording_and_title_form() {
        let mut m = mini();
        m.headings[3] = "四、政府信息公开行政法复议、行政诉讼情况".into();
        m.title = "某某县人民政府2022年政府信息公开工作报告".into();
        let r = m.lint();
        assert_eq!(rules(&r), vec!["FMT-TITLE", "FMT-HEADING-TEXT"]);
        let title = &r.diagnostics[0];
        insta::assert_snapshot!(title.message, @"标题“某某县人民政府2022年政府信息公开工作报告”不规范：应为“年度报告”，应为“某某县人民政府2022年政府信息公开工作年度报告”。");
    }
}
