//! Character classes and display widths, and what a line says about its place in the
//! text: a heading that starts a paragraph, a sentence end, a bare number.

pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FFFF}')
}

/// Display columns of a character: CJK and full-width forms take two.
fn char_width(c: char) -> usize {
    let wide = matches!(c,
        '\u{1100}'..='\u{115F}'
        | '\u{2018}'..='\u{201D}'
        | '\u{2E80}'..='\u{A4CF}'
        | '\u{AC00}'..='\u{D7A3}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF00}'..='\u{FF60}'
        | '\u{FFE0}'..='\u{FFE6}'
        | '\u{20000}'..='\u{3FFFD}');
    if wide {
        2
    } else {
        1
    }
}

/// Display columns of `s`: [`char_width`] summed, told from the lead bytes where they decide it.
/// Every prose line's width is taken twice (the wrap width, then the line's own), and most of a
/// Chinese report's characters are ASCII (one column) or lead by `E3`–`E9` (U+3000–U+9FFF, all
/// inside the wide range U+2E80–U+A4CF: two columns), so only the others are decoded.
pub(super) fn width(s: &str) -> usize {
    let bytes = s.as_bytes();
    let mut total = 0;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 {
            total += 1;
            i += 1;
        } else if (0xE3..=0xE9).contains(&b) {
            total += 2;
            i += 3;
        } else {
            let c = s.get(i..).and_then(|rest| rest.chars().next()).unwrap_or(' ');
            total += char_width(c);
            i += c.len_utf8();
        }
    }
    total
}

const CN_NUMERALS: &[char] = &['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '百', '零', '〇'];

/// `一、`…`十、` followed by at least six CJK characters: a section heading of the report.
pub(super) fn is_section_heading(t: &str) -> bool {
    let rest = t.trim_start_matches(CN_NUMERALS);
    if rest.len() == t.len() {
        return false;
    }
    match rest.strip_prefix('、') {
        Some(r) => r.chars().filter(|&c| is_cjk(c)).count() >= 6,
        None => false,
    }
}

/// A line that starts a new paragraph: `一、`, `（一）`, `(1)`, `1.`, `1、`, Markdown `#`.
pub(super) fn is_heading_start(t: &str) -> bool {
    if t.starts_with('#') {
        return true;
    }
    let rest = t.trim_start_matches(CN_NUMERALS);
    if rest.len() < t.len() {
        return rest.starts_with('、') || rest.starts_with('.') || rest.starts_with('．');
    }
    if let Some(inner) = t.strip_prefix('（').or_else(|| t.strip_prefix('(')) {
        let rest = inner.trim_start_matches(|c: char| CN_NUMERALS.contains(&c) || c.is_ascii_digit());
        return rest.len() < inner.len() && (rest.starts_with('）') || rest.starts_with(')'));
    }
    let rest = t.trim_start_matches(|c: char| c.is_ascii_digit());
    let digits = t.len() - rest.len();
    if (1..=3).contains(&digits) {
        let mut chars = rest.chars();
        return match chars.next() {
            Some('、') => true,
            Some('.' | '．') => chars.next().is_some_and(|c| !c.is_ascii_digit()),
            _ => false,
        };
    }
    false
}

/// Ends with sentence-final punctuation (a wrapped line never does): `。！？；：…` (and
/// ASCII `.!?;:`), or a closing quote right after one of them (`…。”`). A closing quote
/// alone does not end a sentence: "“政社合作”" wraps mid-sentence all the time.
pub(super) fn ends_sentence(t: &str) -> bool {
    let final_mark = |c: char| matches!(c, '。' | '！' | '？' | '；' | '：' | '…' | '.' | '!' | '?' | ';' | ':');
    let mut rev = t.chars().rev();
    match rev.next() {
        Some(c) if final_mark(c) => true,
        Some('”' | '」' | '』' | '’' | '"' | '）' | ')') => rev.next().is_some_and(final_mark),
        _ => false,
    }
}

/// Ends a sentence in the strict sense (`。！？`): prose, not a table label.
pub(super) fn ends_period(t: &str) -> bool {
    matches!(t.chars().next_back(), Some('。' | '！' | '？' | '!' | '?'))
}

/// A bare number: `3119`, `96171.6`, `17.46%`.
///
/// Every allowed character is ASCII, so bytes are enough; the `all` goes first, as it stops at
/// a prose line's first CJK byte.
pub(super) fn is_numberish(t: &str) -> bool {
    let b = t.as_bytes();
    b.iter().all(|&c| c.is_ascii_digit() || matches!(c, b'.' | b',' | b'%' | b'-' | b'+'))
        && b.iter().any(u8::is_ascii_digit)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lead-byte shortcut gives every character's [`char_width`], alone and in a run.
    #[test]
    fn width_is_the_sum_of_char_widths() {
        let mut all = String::new();
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(width(c.encode_utf8(&mut [0; 4])), char_width(c), "{:X}", c as u32);
            if (c as u32).is_multiple_of(7) {
                all.push(c);
            }
        }
        assert_eq!(width(&all), all.chars().map(char_width).sum::<usize>());
        assert_eq!(width(""), 0);
    }

    /// The byte form of [`is_numberish`] is the character form it replaced.
    #[test]
    fn numberish_bytes_agree_with_chars() {
        let old = |t: &str| {
            t.chars().any(|c| c.is_ascii_digit())
                && t.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '%' | '-' | '+'))
        };
        let samples = [
            "",
            "1",
            "12.5%",
            "-3",
            "+4,000",
            "..",
            "%",
            "1a",
            "１２",
            "12件",
            "1 2",
            "一、1",
            "3.5-",
            "é1",
            "1\u{3000}",
        ];
        for t in samples {
            assert_eq!(is_numberish(t), old(t), "{t:?}");
        }
        for c in (0..0x3100u32).filter_map(char::from_u32) {
            for t in [c.to_string(), format!("1{c}"), format!("{c}2.5")] {
                assert_eq!(is_numberish(&t), old(&t), "{t:?}");
            }
        }
    }

    #[test]
    fn heading_starts() {
        for h in [
            "一、总体情况",
            "十二、其他",
            "（一）主动公开",
            "(2) 其他",
            "1.属于国家秘密",
            "12、其他",
            "## 表三",
            "三.其他",
        ] {
            assert!(is_heading_start(h), "{h}");
        }
        for h in ["2024 年，我市", "21 个，制作", "3.5万元", "（以下简称《条例》）", "一是拓宽渠道", "二十条"]
        {
            assert!(!is_heading_start(h), "{h}");
        }
        assert!(is_section_heading("四、政府信息公开行政复议、行政诉讼情况"));
        assert!(!is_section_heading("三、"));
        assert!(!is_section_heading(" 三 、本 年 度办 理 结果"));
    }
}
