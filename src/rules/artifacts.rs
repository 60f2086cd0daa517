//! Editing residue left in the text.

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{Block, Span};
use crate::message::{Args, Message};
use crate::rules::{Context, Family};
use crate::strings::char_count;

declare_rules! {
/// ## What it checks
/// Editing residue left in the text: Word bookmarks (`[bookmark: _GoBack]`), broken
/// cross-references (`错误！未找到引用源。`), field codes (`HYPERLINK`, `PAGEREF`, `MERGEFORMAT`),
/// clipboard markers (`StartFragment`).
///
/// ## Why
/// They come from copying out of Word or another editor without proofreading, and read as garbage
/// to the public; observed in real reports (docs/format.md §11). Publishing without checking is what
/// the 广东 通报 named (docs/format.md §10).
///
/// ## Example
/// | | Text |
/// |---|---|
/// | Fails | `[bookmark: _GoBack]一、总体情况` |
/// | Fixed | `一、总体情况` |
///
/// ## 检查内容
/// 正文中残留的编辑痕迹：Word 书签（`[bookmark: _GoBack]`）、失效的交叉引用（`错误！未找到引用源。`）、域代码（`HYPERLINK`、`PAGEREF`、`MERGEFORMAT`）、剪贴板标记（`StartFragment`）。
///
/// ## 依据
/// 这些是从 Word 或其他编辑器复制后未经校对留下的，公众看来是乱码；在真实报告中见到过（docs/format.md §11）。未经校对即发布正是广东通报点名的问题（docs/format.md §10）。
///
/// ## 示例
/// | | 正文 |
/// |---|---|
/// | 不通过 | `[bookmark: _GoBack]一、总体情况` |
/// | 修改后 | `一、总体情况` |
pub const PASTE_ARTIFACT: Rule = Rule {
    id: "PASTE-ARTIFACT",
    severity: Severity::Warning,
    summary_zh: "正文残留编辑痕迹（书签、域代码、“错误！未找到引用源”等）",
    summary_en: english!("Editing residue in the text (bookmarks, field codes, broken references)"),
};
}

/// This file's rules and their check ([`crate::rules::FAMILIES`]).
pub const FAMILY: Family = Family { rules: &[&PASTE_ARTIFACT], check };

const RESIDUE: Message = Message {
    id: "PASTE-ARTIFACT",
    zh: "正文残留{what}“{residue}”，发布前请删除。",
    en: english!("The text contains {what}, “{residue}”; delete it before publishing."),
};
const BOOKMARK: Message =
    Message { id: "PASTE-ARTIFACT/bookmark", zh: "Word 书签标记", en: english!("a Word bookmark marker") };
const BROKEN_REFERENCE: Message =
    Message {
        id: "PASTE-ARTIFACT/broken-reference", zh: "失效的交叉引用", en: english!("a broken cross-reference")
    };
const BROKEN_BOOKMARK: Message =
    Message {
        id: "PASTE-ARTIFACT/broken-bookmark", zh: "失效的书签引用", en: english!("a broken bookmark reference")
    };
const FIELD_CODE: Message =
    Message { id: "PASTE-ARTIFACT/field-code", zh: "Word 域代码", en: english!("a Word field code") };
const CLIPBOARD_MARKER: Message =
    Message { id: "PASTE-ARTIFACT/clipboard-marker", zh: "剪贴板标记", en: english!("a clipboard marker") };
const HTML_COMMENT: Message =
    Message { id: "PASTE-ARTIFACT/html-comment", zh: "HTML 注释文字", en: english!("HTML comment text") };

/// Residue patterns: (text to find, what it is).
const PATTERNS: &[(&str, &Message)] = &[
    ("[bookmark:", &BOOKMARK),
    ("错误！未找到引用源", &BROKEN_REFERENCE),
    ("错误!未找到引用源", &BROKEN_REFERENCE),
    ("Error! Reference source not found", &BROKEN_REFERENCE),
    ("错误！书签未定义", &BROKEN_BOOKMARK),
    ("HYPERLINK \"", &FIELD_CODE),
    ("PAGEREF _Toc", &FIELD_CODE),
    ("MERGEFORMAT", &FIELD_CODE),
    ("StartFragment", &CLIPBOARD_MARKER),
    ("EndFragment", &CLIPBOARD_MARKER),
    ("<!--", &HTML_COMMENT),
];

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    // The first bytes of the patterns: most bytes of a text are none of them.
    let mut first = FirstBytes([false; 256]);
    for p in PATTERNS.iter().filter_map(|p| p.0.as_bytes().first()) {
        first.0[usize::from(*p)] = true;
    }
    // Every paragraph and every cell, in document order (walked, not collected: a long text
    // has tens of thousands of cells).
    for block in &ctx.doc.blocks {
        match block {
            Block::Paragraph(p) => check_text(ctx, &p.text, p.span, &first, out),
            Block::Table(t) => {
                for c in t.cells() {
                    check_text(ctx, t.text(c), c.span(), &first, out);
                }
            }
        }
    }
}

/// Which bytes a pattern starts with (ASCII, or the lead byte of its first character).
struct FirstBytes([bool; 256]);

fn check_text(ctx: &Context, text: &str, span: Span, first: &FirstBytes, out: &mut Vec<Diagnostic>) {
    // The first occurrence of each pattern, in one pass over the text (not one search per
    // pattern). A pattern starts with an ASCII or a lead byte: a match is on a character
    // boundary, as `str::find` finds it.
    // Where the text readers are (native, the browser's second module), only each character's
    // first byte is looked at: a pattern starts with one, so the same occurrences are found
    // (tested). The eager module looks at every byte (the smaller loop).
    let Some(found) = first_occurrences(text.as_bytes(), first, cfg!(feature = "text-readers")) else {
        return;
    };
    for (n, (pattern, what)) in PATTERNS.iter().enumerate() {
        let Some(at) = found[n] else { continue };
        // The residue itself: up to the closing bracket, or a few characters.
        let rest = &text[at..];
        let end = if pattern.starts_with('[') {
            rest.find(']').map_or(rest.len(), |e| e + 1)
        } else {
            rest.char_indices().nth(char_count(pattern) + 2).map_or(rest.len(), |(i, _)| i)
        };
        let residue = &rest[..end];
        // Locate it in the source for a precise span.
        let in_input = ctx
            .doc
            .slice(span)
            .and_then(|s| s.find(residue))
            .map(|i| Span::new(span.start + i, span.start + i + residue.len()));
        let args = Args::new().phrase("what", what).text("residue", residue);
        out.push(
            Diagnostic::new(PASTE_ARTIFACT.id, PASTE_ARTIFACT.severity, &RESIDUE, args)
                .actual(residue)
                .at(in_input.or(Some(span)), None)
                .excerpt(text)
                .finish(&format!(
                    "{n}:{residue}:{}",
                    &text[..at.min(text.len())].chars().rev().take(8).collect::<String>()
                )),
        );
    }
}

/// The first occurrence of each pattern in `bytes` (a text's), or `None` when there is none
/// (almost every text: then the patterns are not gone through again). `by_char`: only the
/// first byte of each character is tried (the step is the character's length), else every byte.
#[inline(always)]
fn first_occurrences(bytes: &[u8], first: &FirstBytes, by_char: bool) -> Option<[Option<usize>; PATTERNS.len()]> {
    let mut found = [None::<usize>; PATTERNS.len()];
    let mut any = false;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        i += if by_char { crate::strings::utf8_width(b) } else { 1 };
        if !first.0[usize::from(b)] {
            continue;
        }
        let at = i - if by_char { crate::strings::utf8_width(b) } else { 1 };
        for (n, (pattern, ..)) in PATTERNS.iter().enumerate() {
            // The first two bytes compared inline: the lead byte of 错 starts many CJK
            // characters.
            let p = pattern.as_bytes();
            if p.first() == Some(&b)
                && p.get(1) == bytes.get(at + 1)
                && found[n].is_none()
                && bytes[at..].starts_with(p)
            {
                found[n] = Some(at);
                any = true;
            }
        }
    }
    any.then_some(found)
}

/// Every message this module declares ([`crate::message::catalogue`]).
pub(crate) const MESSAGES: &[&crate::message::Message] =
    &[&RESIDUE, &BOOKMARK, &BROKEN_REFERENCE, &BROKEN_BOOKMARK, &FIELD_CODE, &CLIPBOARD_MARKER, &HTML_COMMENT];

#[cfg(test)]
mod tests {
    use crate::rules::testkit::{mini, rules};

    #[test]
    fn editing_residue_is_found_with_its_span() {
        let mut m = mini();
        m.body[1] = "详见附表（错误！未找到引用源。）。".into();
        let html = m.html();
        let r = crate::lint::lint_str(&html, &Default::default(), &Default::default()).unwrap();
        assert_eq!(rules(&r), vec!["PASTE-ARTIFACT"]);
        let span = r.diagnostics[0].span.unwrap();
        assert!(html[span.start..span.end].starts_with("错误！未找到引用源"));
    }

    /// Trying each character's first byte finds what trying every byte finds: in every
    /// paragraph and cell of the text fixtures, and in texts holding each pattern after every
    /// character of a few lengths.
    #[test]
    fn occurrences_by_character_as_by_byte() {
        use super::{first_occurrences, FirstBytes, PATTERNS};
        let mut first = FirstBytes([false; 256]);
        for p in PATTERNS.iter().filter_map(|p| p.0.as_bytes().first()) {
            first.0[usize::from(*p)] = true;
        }
        let mut texts: Vec<String> = Vec::new();
        crate::test_fixtures::for_each_text_fixture(|_, doc| {
            for b in &doc.blocks {
                match b {
                    crate::document::Block::Paragraph(p) => texts.push(p.text.clone()),
                    crate::document::Block::Table(t) => texts.extend(t.cells().map(|c| t.text(c).to_owned())),
                }
            }
        });
        for (pattern, _) in PATTERNS {
            for c in ['a', 'é', '错', '误', '𠀀', '['] {
                texts.push(format!("{c}{pattern}{c}{pattern}"));
                let cut = pattern.char_indices().last().map_or(0, |(i, _)| i);
                texts.push(format!("{c}{}", &pattern[..cut]));
            }
        }
        assert!(texts.len() > 2000, "{}", texts.len());
        let mut hits = 0;
        for t in &texts {
            let by_byte = first_occurrences(t.as_bytes(), &first, false);
            hits += usize::from(by_byte.is_some());
            assert_eq!(first_occurrences(t.as_bytes(), &first, true), by_byte, "{t:?}");
        }
        assert!(hits >= PATTERNS.len() * 6, "{hits}");
    }

    #[test]
    fn a_clean_text_has_none() {
        assert!(!rules(&mini().lint()).contains(&"PASTE-ARTIFACT"));
    }
}
