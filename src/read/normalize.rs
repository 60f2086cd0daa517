//! Whitespace normalisation shared by the readers.

/// Characters that take no room and carry no meaning in a report (zero-width space,
/// joiners, BOM, soft hyphen).
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}')
}

/// Whitespace as a reader of the page sees it: ASCII whitespace, NBSP, the full-width
/// (ideographic) space, the other Unicode spaces, line and paragraph separators.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{00A0}' || c == '\u{3000}'
}

/// Can a character starting with this byte be a space ([`is_space`]), invisible
/// ([`is_invisible`]) or NUL? ASCII controls and the space, and the lead bytes of
/// U+0080–U+00BF (NEL, NBSP, soft hyphen), U+1680, U+2000–U+206F, U+3000 and U+FEFF.
/// Every other character (CJK text, the full-width punctuation outside U+3000, ASCII
/// letters and digits) is ordinary.
#[inline(always)]
fn may_be_special(b: u8) -> bool {
    b <= b' ' || matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xE3 | 0xEF)
}

/// Append `s` to `out`, collapsing every run of whitespace to one ASCII space and dropping
/// invisible characters. `out` is never given a leading space, and a space already at its
/// end is not doubled; call [`finish`] to trim the trailing one.
pub fn push_normalized(out: &mut String, s: &str) {
    let bytes = s.as_bytes();
    // Runs of ordinary characters are copied whole; only characters that may be special
    // are decoded and looked at.
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        if !may_be_special(bytes[i]) {
            // A character led by E0–EF (most CJK text) is skipped whole: three bytes, the
            // last two continuation bytes, which are never special.
            i += if bytes[i] >= 0xE0 { 3 } else { 1 };
            continue;
        }
        // `may_be_special` bytes are ASCII (the character itself) or lead bytes: `i` is a
        // character boundary.
        let c = match bytes[i] {
            b if b.is_ascii() => char::from(b),
            _ => match s[i..].chars().next() {
                Some(c) => c,
                None => break,
            },
        };
        let next = i + c.len_utf8();
        if is_invisible(c) || c == '\0' {
            out.push_str(&s[run..i]);
            run = next;
        } else if is_space(c) {
            out.push_str(&s[run..i]);
            // Not empty and not ending in a space (its last byte; `ends_with` is a long call
            // in the browser's size-optimised build).
            if out.as_bytes().last().is_some_and(|&b| b != b' ') {
                out.push(' ');
            }
            run = next;
        }
        i = next;
    }
    out.push_str(&s[run..]);
}

/// The number of characters of `s` that are not spaces ([`is_space`]), in one pass: only
/// characters that may be special are decoded.
pub fn count_non_space(s: &str) -> usize {
    let bytes = s.as_bytes();
    let mut count = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if may_be_special(b) {
            // `may_be_special` bytes are ASCII (the character itself) or lead bytes: `i` is a
            // character boundary.
            let c = match b {
                b if b.is_ascii() => char::from(b),
                _ => match s[i..].chars().next() {
                    Some(c) => c,
                    None => break,
                },
            };
            count += usize::from(!is_space(c));
            i += c.len_utf8();
        } else {
            // Characters are the bytes that are not UTF-8 continuation bytes (0x80–0xBF).
            count += usize::from((b as i8) >= -0x40);
            i += 1;
        }
    }
    count
}

/// Trim the trailing space [`push_normalized`] may leave.
pub fn finish(out: &mut String) {
    if out.ends_with(' ') {
        out.pop();
    }
}

/// Normalise a whole string: whitespace runs → one space, invisible characters dropped,
/// trimmed.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_normalized(&mut out, s);
    finish(&mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapses_every_kind_of_space() {
        assert_eq!(
            normalize("\u{3000}\u{3000}一、总体情况\u{a0}\u{a0} 2019年\t\r\n息陬镇\u{200b}"),
            "一、总体情况 2019年 息陬镇"
        );
        assert_eq!(normalize(" \u{a0}1\u{a0} "), "1");
        assert_eq!(normalize(""), "");
        assert_eq!(normalize("\u{3000}"), "");
        assert_eq!(normalize("a\0b\u{feff}\u{ad}c\u{2028}d\u{85}e\u{1680}，。"), "abc d e ，。");
    }

    #[test]
    fn fast_paths_agree_with_the_character_rules() {
        let all: String = (0..0x4000u32).chain(0xF000..0x10000).filter_map(char::from_u32).collect();
        let mut slow = String::new();
        for c in all.chars() {
            if is_invisible(c) || c == '\0' {
                continue;
            }
            if is_space(c) {
                if !slow.is_empty() && !slow.ends_with(' ') {
                    slow.push(' ');
                }
            } else {
                slow.push(c);
            }
        }
        let mut fast = String::new();
        push_normalized(&mut fast, &all);
        assert_eq!(fast, slow);
        assert_eq!(count_non_space(&all), all.chars().filter(|&c| !is_space(c)).count());
    }
}
