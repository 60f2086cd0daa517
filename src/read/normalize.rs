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

/// Append `s` to `out`, collapsing every run of whitespace to one ASCII space and dropping
/// invisible characters. `out` is never given a leading space, and a space already at its
/// end is not doubled; call [`finish`] to trim the trailing one.
pub fn push_normalized(out: &mut String, s: &str) {
    for c in s.chars() {
        if is_invisible(c) || c == '\0' {
            continue;
        }
        if is_space(c) {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
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
    }
}
