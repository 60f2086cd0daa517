//! The report's title, organ and year, and its six section headings.

use crate::document::{Block, Document, Span};
use crate::format::{Section, SectionSpec};
use crate::recognize::labels::{canonical, words};
use crate::recognize::model::{FoundSection, Title};
use crate::strings::char_count;

const NUMERALS: [&str; 6] = ["一", "二", "三", "四", "五", "六"];

/// Strip Markdown heading and emphasis markers a conversion leaves around a line, and a
/// Word bookmark that leaked into the text (`[bookmark: _GoBack]`).
fn strip_markup(text: &str) -> &str {
    let mut t = text.trim().trim_start_matches('#').trim().trim_matches('*').trim();
    while t.starts_with("[bookmark:") {
        match t.find(']') {
            Some(end) => t = t[end + 1..].trim_start(),
            None => break,
        }
    }
    t
}

/// The first 4-digit year in `text` followed by 年 (spaces allowed): `2024 年` → 2024.
pub fn first_year(text: &str) -> Option<(u16, usize)> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i + 4 <= bytes.len() {
        if bytes[i..i + 4].iter().all(u8::is_ascii_digit)
            && (i == 0 || !bytes[i - 1].is_ascii_digit())
            && bytes.get(i + 4).is_none_or(|b| !b.is_ascii_digit())
        {
            let rest = text[i + 4..].trim_start();
            if rest.starts_with('年') {
                let year: u16 = text[i..i + 4].parse().ok()?;
                if (1990..=2100).contains(&year) {
                    return Some((year, i));
                }
            }
        }
        i += 1;
    }
    None
}

/// The title: the first paragraph before section 一 that names an annual report, with a
/// short line before it when the title was broken over two lines (organ, then year and
/// name). A page's `标题:` prefix is dropped.
pub fn find_title(doc: &Document, first_section_block: Option<usize>) -> Option<Title> {
    let limit = first_section_block.unwrap_or(usize::MAX).min(12);
    title_in(doc, 0, limit).or_else(|| {
        // A page saved or converted whole (a portal page saved as Word) can have dozens of
        // lines of site navigation before the report: then the title is the last line that
        // names a report shortly before section 一.
        let first = first_section_block?;
        (first.saturating_sub(30).max(limit)..first).rev().find_map(|i| title_in(doc, i, i + 1))
    })
}

/// The first title among blocks `from..to` (joined with a short line before it).
fn title_in(doc: &Document, from: usize, to: usize) -> Option<Title> {
    let mut prev: Option<(&str, Span)> = match from.checked_sub(1).and_then(|i| doc.blocks.get(i)) {
        Some(Block::Paragraph(p)) => Some((strip_markup(&p.text), p.span)),
        _ => None,
    };
    for block in doc.blocks.get(from..to.min(doc.blocks.len()))? {
        let Block::Paragraph(p) = block else {
            prev = None;
            continue;
        };
        let text = strip_markup(&p.text);
        let text = text.strip_prefix("标题").map_or(text, |t| t.trim_start_matches([':', '：', ' ']));
        let names_report = (text.contains("报告") || text.contains("年报")) && char_count(text) <= 80;
        if names_report && !text.starts_with("本报告") && !text.contains("。") {
            let mut title = text.to_string();
            let mut span = p.span;
            if let Some((before, before_span)) = prev {
                // (A line before that itself names a report, e.g. a page's breadcrumb
                // "政府信息公开年报", is not the first half of this one.)
                let names_report = before.contains("报告") || before.contains("年报");
                let short = char_count(before) <= 30 && !before.contains(['。', '，', '：', ':']) && !names_report;
                // Broken over two lines: the organ, or the year and organ, on the line before.
                let one_year = first_year(&title).is_none() || first_year(before).is_none();
                if short && one_year && !before.starts_with("正文") && before != "正文" {
                    title = format!("{before}{title}");
                    span = before_span.cover(span);
                }
            }
            return Some(Title { text: title, span });
        }
        prev = Some((text, p.span));
    }
    None
}

/// The organ named in the title: the text before the year, or between the year and
/// 政府信息公开 when the year comes first.
pub fn organ_from_title(title: &str) -> Option<String> {
    let compact: String = title.chars().filter(|c| !c.is_whitespace()).collect();
    let (_, at) = first_year(&compact)?;
    let before = compact[..at].trim();
    let organ = if !before.is_empty() {
        before.to_string()
    } else {
        let after = compact[at + 4..].trim_start_matches(['年', '度']);
        let end = after.find("政府信息公开").or_else(|| after.find("信息公开")).unwrap_or(after.len());
        after[..end].to_string()
    };
    let organ = organ.trim_end_matches(['的', '关', '于']).to_string();
    (!organ.is_empty()).then_some(organ)
}

/// The year stated in a 统计期限 sentence: `自2024年1月1日至2024年12月31日`.
pub fn period_year(doc: &Document) -> Option<u16> {
    doc.paragraphs().take(30).find_map(|p| {
        let t: String = p.text.chars().filter(|c| !c.is_whitespace()).collect();
        let at = t.find("1月1日")?;
        let head: Vec<char> = t[..at].chars().collect();
        // …YYYY年 right before 1月1日.
        let n = head.len();
        if n < 5 || head[n - 1] != '年' {
            return None;
        }
        let y: String = head[n - 5..n - 1].iter().collect();
        y.parse().ok()
    })
}

/// How a printed title (the heading without its numeral) relates to a section.
fn title_matches(printed: &str, spec: &SectionSpec) -> bool {
    let p = words(printed);
    if p.is_empty() {
        return false;
    }
    let official = words(spec.title());
    if p == official || spec.variants.iter().any(|v| words(v) == p) {
        return true;
    }
    // Misspelt or reworded: close enough to the title, or naming the section's key terms
    // while short.
    let similar = similarity(&p, &official) >= 0.75 || spec.variants.iter().any(|v| similarity(&p, &words(v)) >= 0.8);
    let keyed = spec.keys.iter().any(|k| p.contains(&words(k))) && char_count(&p) <= char_count(&official) + 12;
    similar || keyed
}

fn similarity(a: &str, b: &str) -> f64 {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.is_empty() || b.is_empty() || a.len() > 100 || b.len() > 100 {
        return 0.0;
    }
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    for &ca in &a {
        for (j, &cb) in b.iter().enumerate() {
            cur[j + 1] = if ca == cb { prev[j] + 1 } else { cur[j].max(prev[j + 1]) };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()] as f64 / a.len().max(b.len()) as f64
}

/// Split `一、总体情况` into the numeral's section index and the title.
fn split_heading(text: &str) -> Option<(usize, &str)> {
    let text = strip_markup(text);
    let n = NUMERALS.iter().position(|n| text.starts_with(n))?;
    let rest = text[NUMERALS[n].len()..].trim_start();
    let rest = rest.strip_prefix(['、', '.', '．', ',', '，']).map(str::trim_start).or_else(|| {
        // `一 总体情况` with only a space.
        text[NUMERALS[n].len()..].starts_with(' ').then_some(rest)
    })?;
    Some((n, rest))
}

/// Find the six section headings, in document order.
pub fn find_sections(doc: &Document, sections: &'static [SectionSpec]) -> Vec<FoundSection> {
    let mut found: Vec<FoundSection> = Vec::new();
    // 1. Headings standing on their own line.
    for (i, block) in doc.blocks.iter().enumerate() {
        let Block::Paragraph(p) = block else { continue };
        if char_count(&p.text) > 50 {
            continue;
        }
        let Some((n, title)) = split_heading(&p.text) else { continue };
        // The numeral's own section first, then any other (numbering broken).
        let order = std::iter::once(n).chain((0..6).filter(|&m| m != n));
        let Some(m) = order.into_iter().find(|&m| title_matches(title, &sections[m])) else { continue };
        let section = Section::ALL[m];
        if found.iter().any(|f| f.section == section) {
            continue;
        }
        found.push(FoundSection { section, printed: strip_markup(&p.text).to_string(), span: p.span, block: i });
    }
    // 2. Headings run into a paragraph (flattened page text): the official heading, or a
    //    close variant, right after a sentence end.
    for spec in sections {
        if found.iter().any(|f| f.section == spec.section) {
            continue;
        }
        let numeral = format!("{}、", NUMERALS[spec.section.index()]);
        'blocks: for (i, block) in doc.blocks.iter().enumerate() {
            let Block::Paragraph(p) = block else { continue };
            let mut from = 0;
            while let Some(at) = p.text[from..].find(&numeral).map(|a| a + from) {
                from = at + numeral.len();
                let boundary = p.text[..at]
                    .trim_end()
                    .chars()
                    .last()
                    .is_none_or(|c| matches!(c, '。' | '）' | ')' | '：' | '；') || c.is_ascii_digit());
                if !boundary {
                    continue;
                }
                let title_len = char_count(spec.title());
                let window: String = p.text[from..].chars().take(title_len + 2).collect();
                let best = (title_len.saturating_sub(3)..=title_len + 2)
                    .filter_map(|len| {
                        let cand: String = window.chars().take(len).collect();
                        let s = similarity(&canonical(&cand), &canonical(spec.title()));
                        (s >= 0.8).then_some((s, cand))
                    })
                    .max_by(|a, b| a.0.total_cmp(&b.0));
                if let Some((_, cand)) = best {
                    found.push(FoundSection {
                        section: spec.section,
                        printed: format!("{numeral}{cand}"),
                        span: p.span,
                        block: i,
                    });
                    break 'blocks;
                }
            }
        }
    }
    crate::order::sort_by_key(&mut found, |f| (f.block as u64, f.span.start as u64));
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn organs_and_years_from_titles() {
        assert_eq!(organ_from_title("息陬镇人民政府2019年信息公开年度报告").as_deref(), Some("息陬镇人民政府"));
        assert_eq!(
            organ_from_title("2025 年上海市人民政府办公厅政府信息公开工作年度报告").as_deref(),
            Some("上海市人民政府办公厅")
        );
        assert_eq!(
            organ_from_title("淮安市人民政府2024 年政府信息公开工作年度报告").as_deref(),
            Some("淮安市人民政府")
        );
        assert_eq!(
            organ_from_title("平潭综合实验区2022年度政府信息公开工作年度报告").as_deref(),
            Some("平潭综合实验区")
        );
        assert_eq!(first_year("淮安市人民政府 2024 年政府信息公开").map(|y| y.0), Some(2024));
        assert_eq!(first_year("电话0517-83605210"), None);
    }

    #[test]
    fn headings_split() {
        assert_eq!(split_heading("一、总体情况"), Some((0, "总体情况")));
        assert_eq!(split_heading("## 三、收到和处理政府信息公开申请情况"), Some((2, "收到和处理政府信息公开申请情况")));
        assert_eq!(split_heading("五.存在的主要问题及改进情况"), Some((4, "存在的主要问题及改进情况")));
        assert_eq!(split_heading("一是加强领导"), None);
    }
}
