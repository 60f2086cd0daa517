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

#[cfg(test)]
mod tests {
    use super::{char_count, JoinStr};

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
