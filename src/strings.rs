//! String helpers shared by the readers and the rules.

/// `iter.join_str(sep)`: the items joined with `sep`, as `collect::<Vec<_>>().join(sep)`
/// gives them, without the intermediate `Vec` (and without a `join` routine compiled per
/// item type).
pub(crate) trait JoinStr: Iterator + Sized
where
    Self::Item: AsRef<str>,
{
    fn join_str(self, sep: &str) -> String {
        let mut out = String::new();
        for (i, part) in self.enumerate() {
            if i > 0 {
                out.push_str(sep);
            }
            out.push_str(part.as_ref());
        }
        out
    }
}

impl<I: Iterator> JoinStr for I where I::Item: AsRef<str> {}

/// `s.chars().count()`, by one small routine: the standard library's is an unrolled ~1 KB
/// one, with a short-string loop inlined at every call.
#[inline(never)]
pub(crate) fn char_count(s: &str) -> usize {
    // Every byte but a UTF-8 continuation byte (0b10xx_xxxx) starts a char.
    s.bytes().filter(|&b| (b as i8) >= -0x40).count()
}

/// The length of the UTF-8 character whose first byte is `lead`.
#[inline(always)]
pub(crate) fn utf8_width(lead: u8) -> usize {
    match lead {
        0..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

/// A few characters three bytes long in UTF-8 (U+0800 to U+FFFF: every Chinese character) for
/// [`next_char_in`]: the test for them, and a bit for the low six bits of each one's last byte,
/// a first test that rules out most other characters without decoding them.
pub(crate) struct CharSet {
    last_bytes: u64,
    pub(crate) contains: fn(char) -> bool,
}

impl CharSet {
    /// `chars`: every character `contains` holds for ([`CharSet::covers`] tests it).
    pub(crate) const fn new(chars: &[char], contains: fn(char) -> bool) -> CharSet {
        let mut last_bytes = 0;
        let mut i = 0;
        while i < chars.len() {
            assert!(chars[i].len_utf8() == 3, "a character three bytes long");
            last_bytes |= 1 << (chars[i] as u32 & 0x3F);
            i += 1;
        }
        CharSet { last_bytes, contains }
    }

    /// Does the last-byte test pass every character of the set?
    #[cfg(test)]
    pub(crate) fn covers(&self) -> bool {
        ('\u{800}'..='\u{FFFF}').filter(|&c| (self.contains)(c)).all(|c| self.last_bytes >> (c as u32 & 0x3F) & 1 != 0)
    }
}

/// The first character of `set` in `text` at or after byte `from`, with its byte offset (the
/// next search starts three bytes on). For scans that look for Chinese words starting with one
/// of a few characters: it steps from character to character by the lead byte and decodes
/// only three-byte ones, inline, where `char_indices` costs a call or two per character in the
/// size-optimised WebAssembly build. Where the text readers are built (native, the browser's
/// second module), only those whose last byte may be one of the set's; the eager module leaves
/// that test out, for size. Bytes compared from the offset it returns are compared at a
/// character boundary.
#[inline(always)]
pub(crate) fn next_char_in(text: &str, from: usize, set: &CharSet) -> Option<(usize, char)> {
    let bytes = text.as_bytes();
    let mut at = from;
    while at < bytes.len() {
        let lead = bytes[at];
        let width = match lead {
            0..=0x7F => 1,
            0xE0..=0xEF => 3,
            0xF0..=0xFF => 4,
            // Two-byte leads, and continuation bytes if `from` was not at a boundary.
            _ => 2,
        };
        if width == 3
            && at + 2 < bytes.len()
            && (!cfg!(feature = "text-readers") || set.last_bytes >> (bytes[at + 2] & 0x3F) & 1 != 0)
        {
            let code =
                u32::from(lead & 0x0F) << 12 | u32::from(bytes[at + 1] & 0x3F) << 6 | u32::from(bytes[at + 2] & 0x3F);
            if let Some(c) = char::from_u32(code).filter(|&c| (set.contains)(c)) {
                return Some((at, c));
            }
        }
        at += width;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::{char_count, next_char_in, CharSet, JoinStr};

    /// Every character of the set, as `char_indices` finds them, and no other: among every
    /// three-byte character, many share a last byte with one of the set.
    #[test]
    fn finds_chars_of_a_set_like_char_indices() {
        const SET: CharSet = CharSet::new(&['申', '复', '表', '年'], |c| matches!(c, '申' | '复' | '表' | '年'));
        assert!(SET.covers());
        let set = ['申', '复', '表', '年'];
        let every: String = ('\u{800}'..='\u{FFFF}').collect();
        for s in ["", "a", "表三", "𝔘nicode ２０２１年 é表", "申请30件，其中复议", "é申ü复", &every]
        {
            let want: Vec<(usize, char)> = s.char_indices().filter(|(_, c)| set.contains(c)).collect();
            let mut got = Vec::new();
            let mut from = 0;
            while let Some((at, c)) = next_char_in(s, from, &SET) {
                got.push((at, c));
                from = at + c.len_utf8();
            }
            assert_eq!(got, want, "{s}");
        }
    }

    #[test]
    fn counts_chars() {
        for s in ["", "a", "表三", "𝔘nicode ２０２１年 ", &"年度报告".repeat(40)] {
            assert_eq!(char_count(s), s.chars().count());
        }
    }

    #[test]
    fn joins_like_slice_join() {
        assert_eq!(["a", "b", "c"].iter().join_str(" + "), ["a", "b", "c"].join(" + "));
        assert_eq!(vec!["x".to_string()].into_iter().join_str(", "), "x");
        assert_eq!(std::iter::empty::<&str>().join_str("|"), "");
        assert_eq!(["", ""].iter().join_str("|"), "|");
    }
}
