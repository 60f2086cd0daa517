//! The year the report is about: the title, the 统计期限, the narrative and the plan in 五.

use crate::diagnostic::{Diagnostic, Severity};
use crate::format::Section;
use crate::message::{Args, Message};
use crate::recognize::prose::Sentence;
use crate::recognize::sections::first_year;
use crate::rules::{Context, Family};
use crate::strings::utf8_width;

declare_rules! {
/// ## What it checks
/// That the report's year is used consistently. An **error** when the 统计期限 (自YYYY年1月1日至YYYY年12月31日)
/// is not the title's year, or does not run within one calendar year. A **warning** when the narrative
/// describes another year as this one (a sentence opening "2023年，…" in a 2024 report), or when the
/// improvement plan in 五 names the report year itself (the plan is for the next year). Other years
/// mentioned in passing ("2018年以来", last year's figures for comparison, "针对2024年工作中存在的问题")
/// are not findings.
///
/// ## Why
/// A report covers one calendar year, 1月1日 to 12月31日 of the data year (docs/format.md §1, following
/// 四川 DB51/T 2660 §2.1), and the title year, the 统计期限 year and the year the narrative calls "this
/// year" are the same (docs/format.md §13). A report copied from last year's and not updated shows it
/// here first (docs/format.md §10: 东莞's report identical but for the year).
///
/// ## Example
/// A report on 2019 (its 五 is the plan for 2020).
///
/// | | 五、存在的主要问题及改进情况 |
/// |---|---|
/// | Fails | 针对以上问题，2019年息陬镇将从强化组织领导…重点突破 |
/// | Fixed | 针对以上问题，2020年息陬镇将从强化组织领导…重点突破 |
///
/// ## 检查内容
/// 报告年度的使用是否一致。统计期限（自YYYY年1月1日至YYYY年12月31日）与标题年份不一致，或不在同一自然年内，为**错误**。正文把另一年份当作本年度来叙述（2024 年度报告中以“2023年，……”开头的句子），或第五部分的改进计划写的是报告年度本身（计划应针对下一年度），为**警告**。
/// 顺带提及的其他年份（“2018年以来”、与上年的对比、“针对2024年工作中存在的问题”）不报告。
///
/// ## 依据
/// 年度报告统计一个自然年，即数据年度的1月1日至12月31日（docs/format.md §1，依四川 DB51/T 2660 §2.1），标题年份、统计期限年份与正文所称“本年度”应为同一年（docs/format.md §13）。照抄上年报告而未更新，往往首先在这里露出破绽（docs/format.md §10：东莞的报告除年份外与往年相同）。
///
/// ## 示例
/// 2019 年度的报告（第五部分是 2020 年的计划）。
///
/// | | 五、存在的主要问题及改进情况 |
/// |---|---|
/// | 不通过 | 针对以上问题，2019年息陬镇将从强化组织领导…重点突破 |
/// | 修改后 | 针对以上问题，2020年息陬镇将从强化组织领导…重点突破 |
pub const PERIOD_YEAR: Rule = Rule {
    id: "PERIOD-YEAR",
    severity: Severity::Error,
    summary_zh: "标题年份、统计期限与正文所述年份不一致（改进计划应针对下一年）",
    summary_en: english!("Title year, statistical period and the years the narrative uses disagree (the plan is for next year)"),
};
}

/// This file's rules and their check ([`crate::rules::FAMILIES`]).
pub const FAMILY: Family = Family { rules: &[&PERIOD_YEAR], check };

/// `YYYY` right before `marker` (spaces ignored), e.g. the year of `2024 年 1 月 1 日`.
fn year_before(compact: &str, marker: &str) -> Option<(u16, usize)> {
    let at = compact.find(marker)?;
    let head = compact[..at].strip_suffix('年')?;
    let digits = head.get(head.len().checked_sub(4)?..)?;
    let y: u16 = digits.parse().ok()?;
    Some((y, at))
}

/// `s` without whitespace (borrowed when it has none, as most sentences).
fn compact(s: &str) -> std::borrow::Cow<'_, str> {
    // Where the text readers are built (native, the browser's second module), whitespace is
    // told by the bytes; the browser's eager module keeps the smaller test by characters. The
    // same answer either way (tested).
    let spaced = if cfg!(feature = "text-readers") { has_whitespace(s) } else { s.chars().any(char::is_whitespace) };
    if spaced {
        s.chars().filter(|c| !c.is_whitespace()).collect::<String>().into()
    } else {
        s.into()
    }
}

/// `s.chars().any(char::is_whitespace)`, told by each character's first byte: whitespace is
/// ASCII or starts with C2, E1, E2 or E3 (U+0085 … U+3000), and only those are decoded.
fn has_whitespace(s: &str) -> bool {
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let space = match b {
            0x09..=0x0D | b' ' => true,
            0xC2 | 0xE1 | 0xE2 | 0xE3 => s[i..].starts_with(char::is_whitespace),
            _ => false,
        };
        if space {
            return true;
        }
        i += utf8_width(b);
    }
    false
}

const PERIOD_TITLE: Message = Message {
    id: "PERIOD-YEAR/title",
    zh: "统计期限从 {start} 年开始，而标题为 {title} 年度报告：统计期限应为 {title}年1月1日至{title}年12月31日。",
    en: english!("The statistical period starts in {start}, but the title is for {title}: it should run from 1 January to 31 December {title}."),
};
const PERIOD_END: Message = Message {
    id: "PERIOD-YEAR/end",
    zh: "统计期限从 {start} 年跨到 {end} 年：年度报告的统计期限应为同一年的1月1日至12月31日。",
    en: english!(
        "The statistical period runs from {start} into {end}; it should be 1 January to 31 December of one year."
    ),
};
const NARRATIVE_YEAR: Message = Message {
    id: "PERIOD-YEAR/narrative",
    zh: "正文以“{found}年”叙述本年度工作，而本报告为 {year} 年度：年份可能沿用了旧报告，请核对。",
    en: english!("The narrative describes the year's work as {found}, but this report is for {year}: perhaps copied from an older report."),
};
const PLAN_YEAR: Message = Message {
    id: "PERIOD-YEAR/plan",
    zh: "第五部分的改进计划写作“{year}年…”，但本报告为 {year} 年度，改进措施应针对 {next} 年。",
    en: english!(
        "The improvement plan in section 五 is dated {year}, the report's own year; the plan should be for {next}."
    ),
};

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let all = ctx.sentences();
    let title_year = ctx.report.title.as_ref().and_then(|t| first_year(&compact(&t.text))).map(|y| y.0);
    period(all, title_year, out);
    let Some(year) = ctx.report.year else { return };
    narrative(all, year, out);
    plan(all, year, out);
}

fn period(all: &[Sentence], title_year: Option<u16>, out: &mut Vec<Diagnostic>) {
    let Some(s) = all.iter().take(200).find(|s| {
        // Removing spaces makes no 日: most sentences need not be compacted.
        if !s.text.contains('日') {
            return false;
        }
        let c = compact(s.text);
        c.contains("1月1日") && year_before(&c, "1月1日").is_some()
    }) else {
        return;
    };
    let c = compact(s.text);
    let Some((start, at)) = year_before(&c, "1月1日") else { return };
    let end = year_before(&c[at..], "12月31日").map(|y| y.0);
    if let Some(title) = title_year {
        if start != title {
            let args = Args::new().text("start", start).text("title", title);
            out.push(
                Diagnostic::new(PERIOD_YEAR.id, Severity::Error, &PERIOD_TITLE, args)
                    .expected(title.to_string())
                    .actual(start.to_string())
                    .at(Some(s.span()), None)
                    .excerpt(s.text)
                    .finish("period-title"),
            );
            return;
        }
    }
    if let Some(end) = end.filter(|e| *e != start) {
        let args = Args::new().text("start", start).text("end", end);
        out.push(
            Diagnostic::new(PERIOD_YEAR.id, Severity::Error, &PERIOD_END, args)
                .expected(start.to_string())
                .actual(end.to_string())
                .at(Some(s.span()), None)
                .excerpt(s.text)
                .finish("period-end"),
        );
    }
}

/// A sentence that opens with a year: "2023年，…", "2023 年度，…", "2023年全区…".
fn opening_year(text: &str) -> Option<u16> {
    // The compacted text must start with a digit (a year at 0): most sentences do not, and
    // are not compacted.
    if !text.trim_start().starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    // Four digits and 年 are seven bytes: a table's number read as a sentence is shorter (passed
    // over where the text readers are; the eager module's HTML has its numbers in cells).
    if cfg!(feature = "text-readers") && text.len() < 7 {
        return None;
    }
    // Where the text readers are built (native, the browser's second module: a flattened
    // table's every number is a sentence), only the compacted text's first characters are made,
    // on the stack: the year, 年, 度 and the character after them are all that is read. The
    // same year either way (tested).
    #[cfg(feature = "text-readers")]
    let mut head = [0u8; 4 * OPENING];
    #[cfg(feature = "text-readers")]
    let c = {
        let mut n = 0;
        for c in text.chars().filter(|c| !c.is_whitespace()).take(OPENING) {
            n += c.encode_utf8(&mut head[n..]).len();
        }
        std::borrow::Cow::Borrowed(std::str::from_utf8(&head[..n]).unwrap_or_default())
    };
    #[cfg(not(feature = "text-readers"))]
    let c = compact(text);
    let (y, at) = first_year(&c)?;
    if at != 0 {
        return None;
    }
    let rest = c[4..].strip_prefix('年')?;
    let rest = rest.strip_prefix('度').unwrap_or(rest);
    (rest.starts_with(['，', ',']) || rest.starts_with('全') || rest.starts_with('我')).then_some(y)
}

/// How many characters of a compacted sentence [`opening_year`] reads at most: a year, 年, 度
/// and one more (and one to spare).
#[cfg(feature = "text-readers")]
const OPENING: usize = 8;

fn narrative(all: &[Sentence], year: u16, out: &mut Vec<Diagnostic>) {
    for s in all {
        if !matches!(
            s.section,
            Some(
                Section::Overview
                    | Section::ProactiveDisclosure
                    | Section::Requests
                    | Section::ReviewLitigation
                    | Section::Other
            )
        ) {
            continue;
        }
        let Some(y) = opening_year(s.text) else { continue };
        // The report's own year needs no comparison word: where the text readers are built, the
        // text is compacted only for another (the eager module keeps the test below, smaller).
        if cfg!(feature = "text-readers") && y == year {
            continue;
        }
        let c = compact(s.text);
        let comparison = ["同比", "上年", "去年", "以来", "相比", "较", "比"].iter().any(|w| c.contains(w))
            || c.contains(&format!("{year}年"));
        if y == year || comparison {
            continue;
        }
        let args = Args::new().text("found", y).text("year", year);
        out.push(
            Diagnostic::new(PERIOD_YEAR.id, Severity::Warning, &NARRATIVE_YEAR, args)
                .expected(year.to_string())
                .actual(y.to_string())
                .at(Some(s.span_of(0, s.text.find('年').map_or(s.text.len(), |i| i + '年'.len_utf8()))), None)
                .excerpt(s.text)
                .finish(&format!("narrative/{y}")),
        );
    }
}

fn plan(all: &[Sentence], year: u16, out: &mut Vec<Diagnostic>) {
    let next = year + 1;
    for s in all.iter().filter(|s| s.section == Some(Section::Problems)) {
        let text = &s.text;
        let needle = year.to_string();
        for (at, _) in text.match_indices(&needle) {
            let after = text[at + needle.len()..].trim_start();
            let Some(rest) = after.strip_prefix('年') else { continue };
            let rest = rest.strip_prefix('度').unwrap_or(rest);
            if ["以来", "底", "上半年", "下半年", "中", "工作中", "存在"].iter().any(|w| rest.starts_with(w))
            {
                continue;
            }
            let window: String = rest.chars().take(12).collect();
            let window = window.split(['。', '；']).next().unwrap_or("");
            if !["将", "计划", "拟", "要着力", "继续"].iter().any(|w| window.contains(w)) {
                continue;
            }
            let args = Args::new().text("year", year).text("next", next);
            let end = at + needle.len();
            out.push(
                Diagnostic::new(PERIOD_YEAR.id, Severity::Warning, &PLAN_YEAR, args)
                    .expected(next.to_string())
                    .actual(year.to_string())
                    .at(Some(s.span_of(at, end)), None)
                    .excerpt(*text)
                    .finish("plan"),
            );
            break;
        }
    }
}

/// Every message this module declares ([`crate::message::catalogue`]).
pub(crate) const MESSAGES: &[&crate::message::Message] = &[&PERIOD_TITLE, &PERIOD_END, &NARRATIVE_YEAR, &PLAN_YEAR];

#[cfg(test)]
mod tests {
    use crate::rules::testkit::{mini, rules};

    /// The byte test finds whitespace where `char::is_whitespace` does: every character alone
    /// and after a Chinese one, and every text fixture's paragraphs.
    #[cfg(feature = "text-readers")]
    #[test]
    fn whitespace_told_by_its_first_byte() {
        let same = |s: &str| assert_eq!(super::has_whitespace(s), s.chars().any(char::is_whitespace), "{s:?}");
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            same(&c.to_string());
            same(&format!("年{c}"));
        }
        let mut checked = 0;
        crate::test_fixtures::for_each_text_fixture(|_, doc| {
            for p in doc.paragraphs() {
                same(&p.text);
                checked += 1;
            }
        });
        assert!(checked > 500, "{checked} paragraphs");
    }

    /// The opening year read from the compacted text's first characters is the one read from
    /// all of it: on every sentence of the text fixtures, and on years spaced, cut and run on.
    #[cfg(feature = "text-readers")]
    #[test]
    fn opening_years_from_the_first_characters() {
        // The year as read from the whole compacted text.
        let of_all = |t: &str| -> Option<u16> {
            if !t.trim_start().starts_with(|c: char| c.is_ascii_digit()) {
                return None;
            }
            let c = super::compact(t);
            let (y, at) = super::first_year(&c)?;
            let rest = c[4..].strip_prefix('年').filter(|_| at == 0)?;
            let rest = rest.strip_prefix('度').unwrap_or(rest);
            (rest.starts_with(['，', ',']) || rest.starts_with('全') || rest.starts_with('我')).then_some(y)
        };
        let same = |t: &str| assert_eq!(super::opening_year(t), of_all(t), "{t:?}");
        let mut texts: Vec<String> = Vec::new();
        crate::test_fixtures::for_each_text_fixture(|_, doc| {
            for p in doc.paragraphs() {
                texts.extend(p.text.split_inclusive(['。', '；']).map(|t| t.trim().to_string()));
            }
        });
        assert!(texts.iter().filter(|t| super::opening_year(t).is_some()).count() > 5);
        let odd = ["2 0 2 2 年，全", "2022年度我", "2022 年 度 ，", "20221年，", "1234年，2022年，", "2022年度"];
        for t in odd {
            texts.extend([t.to_string(), format!("{t}全年"), format!(" {t}\u{3000}我")]);
        }
        for t in &texts {
            same(t);
        }
    }

    #[test]
    fn a_consistent_year_passes() {
        let mut m = mini();
        m.body[4] = "2022年，存在的主要问题是公开不够及时。2023年，我们将加强培训，2021年以来的经验继续坚持。".into();
        assert_eq!(m.lint().diagnostics, vec![]);
    }

    #[test]
    fn period_of_another_year_is_an_error() {
        let mut m = mini();
        m.body[0] = "本报告统计期限自2021年1月1日至2021年12月31日。".into();
        let r = m.lint();
        assert_eq!(rules(&r), vec!["PERIOD-YEAR"]);
        let d = &r.diagnostics[0];
        assert_eq!(
            (d.severity, d.expected.as_deref(), d.actual.as_deref()),
            (crate::Severity::Error, Some("2022"), Some("2021"))
        );
        insta::assert_snapshot!(d.message, @"统计期限从 2021 年开始，而标题为 2022 年度报告：统计期限应为 2022年1月1日至2022年12月31日。");
    }

    #[test]
    fn narrative_and_plan_years_are_warnings() {
        let mut m = mini();
        m.body[1] = "2021年，全年主动公开政府信息120条。".into();
        m.body[4] = "存在的问题是公开不够及时。2022年我们将加强培训。".into();
        let r = m.lint();
        assert_eq!(rules(&r), vec!["PERIOD-YEAR", "PERIOD-YEAR"]);
        assert!(r.diagnostics.iter().all(|d| d.severity == crate::Severity::Warning));
        assert_eq!(r.diagnostics[1].expected.as_deref(), Some("2023"));
        insta::assert_snapshot!(r.diagnostics[1].message, @"第五部分的改进计划写作“2022年…”，但本报告为 2022 年度，改进措施应针对 2023 年。");
    }
}
