//! A guard against pathologically deep nesting.
//!
//! The HTML tree builder checks "is there a `<p>` in button scope" at every block start tag
//! (`<div>`, `<section>`, `<ul>`, …), scanning the stack of open elements: 100 000 nested
//! `<div>`s cost quadratic time (seconds). Browsers cap the depth of their trees (Chromium at
//! 512). Before parsing, block start tags nested deeper than [`MAX_BLOCK_DEPTH`], and their
//! end tags, are blanked out with spaces of the same length — byte offsets, and so spans, are
//! unchanged, and the content stays. No real report comes near the cap.

/// Deepest nesting of block containers kept.
pub const MAX_BLOCK_DEPTH: usize = 512;

/// Is `name` one of `names` (all of `name`'s length), in any case?
fn is_one_of(name: &[u8], names: &[&[u8]]) -> bool {
    names.iter().any(|n| n.eq_ignore_ascii_case(name))
}

/// Block containers whose start tag makes the tree builder scan its stack. Names are
/// compared only with the names of their length.
fn is_scanning_block(name: &[u8]) -> bool {
    match name.len() {
        2 => is_one_of(name, &[b"dl", b"ol", b"ul"]),
        3 => is_one_of(name, &[b"dir", b"div", b"nav"]),
        4 => is_one_of(name, &[b"main", b"menu"]),
        5 => is_one_of(name, &[b"aside"]),
        6 => is_one_of(name, &[b"center", b"dialog", b"figure", b"footer", b"header", b"hgroup", b"search"]),
        7 => is_one_of(name, &[b"address", b"article", b"details", b"section", b"summary"]),
        8 => is_one_of(name, &[b"fieldset"]),
        10 => is_one_of(name, &[b"blockquote", b"figcaption"]),
        _ => false,
    }
}

/// Elements whose content is raw text: no tags inside to count.
fn is_raw_text(name: &[u8]) -> bool {
    match name.len() {
        3 => is_one_of(name, &[b"xmp"]),
        5 => is_one_of(name, &[b"style", b"title"]),
        6 => is_one_of(name, &[b"script", b"iframe"]),
        7 => is_one_of(name, &[b"noembed"]),
        8 => is_one_of(name, &[b"textarea", b"noframes"]),
        9 => is_one_of(name, &[b"plaintext"]),
        _ => false,
    }
}

/// Where `needle` (ASCII) next occurs in `hay` from `from` on, in any case.
fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let (&first, rest) = needle.split_first()?;
    let mut at = from;
    loop {
        let i = at + memchr::memchr2(first.to_ascii_lowercase(), first.to_ascii_uppercase(), hay.get(at..)?)?;
        if hay.get(i + 1..i + needle.len()).is_some_and(|w| w.eq_ignore_ascii_case(rest)) {
            return Some(i);
        }
        at = i + 1;
    }
}

/// The input with block tags nested deeper than `cap` blanked out, or `None` when nothing
/// is nested that deep (the common case: no copy).
pub fn cap_nesting(input: &str, cap: usize) -> Option<(String, usize)> {
    let bytes = input.as_bytes();
    // Stack of open block containers: (name range, blanked?).
    let mut stack: Vec<(usize, usize, bool)> = Vec::new();
    let mut blank: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    // The next `<` is often the very next byte (`><`), and a tag often ends right after its
    // name (`<td>`): looked at before searching.
    let next_lt = |i: usize| match bytes.get(i) {
        Some(b'<') => Some(i),
        _ => bytes.get(i..).and_then(|b| memchr::memchr(b'<', b)).map(|p| p + i),
    };
    while let Some(lt) = next_lt(i) {
        i = lt + 1;
        if bytes[lt + 1..].starts_with(b"!--") {
            i = find(bytes, lt + 4, b"-->").map_or(bytes.len(), |e| e + 3);
            continue;
        }
        let closing = bytes.get(lt + 1) == Some(&b'/');
        let name_start = lt + 1 + usize::from(closing);
        let name_len = bytes[name_start..].iter().take_while(|c| c.is_ascii_alphanumeric()).count();
        if name_len == 0 {
            continue;
        }
        let name = &bytes[name_start..name_start + name_len];
        let gt = match bytes.get(name_start + name_len) {
            Some(b'>') => Some(name_start + name_len),
            _ => memchr::memchr(b'>', &bytes[name_start..]).map(|p| p + name_start),
        };
        let Some(gt) = gt else { break };
        i = gt + 1;
        if !closing && is_raw_text(name) {
            let mut end_tag = b"</".to_vec();
            end_tag.extend_from_slice(name);
            i = find(bytes, i, &end_tag).unwrap_or(bytes.len());
            continue;
        }
        if !is_scanning_block(name) {
            continue;
        }
        if !closing {
            let too_deep = stack.len() >= cap;
            if too_deep {
                blank.push((lt, gt + 1));
            }
            stack.push((name_start, name_len, too_deep));
        } else if let Some(pos) = stack.iter().rposition(|&(s, l, _)| bytes[s..s + l].eq_ignore_ascii_case(name)) {
            if stack[pos].2 {
                blank.push((lt, gt + 1));
            }
            stack.truncate(pos);
        }
    }
    if blank.is_empty() {
        return None;
    }
    let mut out = input.as_bytes().to_vec();
    for &(s, e) in &blank {
        out[s..e].fill(b' ');
    }
    // Only ASCII tag bytes were replaced by ASCII spaces: still UTF-8.
    String::from_utf8(out).ok().map(|s| (s, blank.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_matched_in_any_case() {
        for n in ["div", "DIV", "Section", "blockquote", "FIGCAPTION", "ul", "search"] {
            assert!(is_scanning_block(n.as_bytes()), "{n}");
        }
        for n in ["td", "p", "span", "o", "divs", "table", ""] {
            assert!(!is_scanning_block(n.as_bytes()), "{n}");
        }
        for n in ["script", "STYLE", "Title", "plaintext", "xmp", "noframes"] {
            assert!(is_raw_text(n.as_bytes()), "{n}");
        }
        assert!(!is_raw_text(b"td") && !is_raw_text(b"scripts"));
    }

    #[test]
    fn shallow_input_is_left_alone() {
        assert_eq!(cap_nesting("<div><div>x</div></div>", 512), None);
    }

    #[test]
    fn deep_blocks_are_blanked_with_offsets_kept() {
        let input = format!("{}x{}", "<div>".repeat(5), "</div>".repeat(5));
        let (out, n) = cap_nesting(&input, 3).unwrap();
        assert_eq!(out.len(), input.len());
        assert_eq!(n, 4);
        assert_eq!(
            out,
            format!("{}{}x{}{}", "<div>".repeat(3), "     ".repeat(2), "      ".repeat(2), "</div>".repeat(3))
        );
    }

    #[test]
    fn comments_and_raw_text_do_not_count() {
        let input = format!("<!--{}--><script>{}</script>x", "<div>".repeat(10), "<div>".repeat(10));
        assert_eq!(cap_nesting(&input, 3), None);
    }
}
