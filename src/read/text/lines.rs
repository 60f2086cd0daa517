//! Cutting the input into lines (`\n`, `\r\n` or a lone `\r`), what kind of line each
//! is (blank, a page footer, TAB-led, TAB-separated, a Markdown row, columnar, plain), and
//! the page footers themselves.

use crate::read::normalize::{is_invisible, is_space};
use crate::strings::char_count;

#[derive(Clone, Copy, Debug)]
pub(super) struct Line<'a> {
    /// Byte offset of the line in the input.
    pub(super) start: usize,
    /// The line without its terminator.
    pub(super) text: &'a str,
    /// [`trim_bounds`] of `text`, worked out as the line is cut (every line is trimmed, most
    /// of them more than once).
    trim: (usize, usize),
}

impl<'a> Line<'a> {
    pub(super) fn new(start: usize, text: &'a str) -> Line<'a> {
        Line { start, text, trim: trim_bounds(text) }
    }

    pub(super) fn end(&self) -> usize {
        self.start + self.text.len()
    }

    /// The line without leading and trailing whitespace, and its absolute start.
    pub(super) fn trimmed(&self) -> (usize, &'a str) {
        let (s, e) = self.trim;
        (self.start + s, self.text.get(s..e).unwrap_or(""))
    }
}

/// The lines of `input`, cut at `\n`, `\r\n` and lone `\r` (all ASCII, so never inside a
/// UTF-8 sequence). A final line without terminator counts; an empty input has no lines.
pub(super) struct Lines<'a> {
    input: &'a str,
    /// Byte offset where the next line starts.
    next: usize,
}

impl<'a> Lines<'a> {
    pub(super) fn new(input: &'a str) -> Lines<'a> {
        Lines { input, next: 0 }
    }
}

impl<'a> Iterator for Lines<'a> {
    type Item = Line<'a>;

    fn next(&mut self) -> Option<Line<'a>> {
        let bytes = self.input.as_bytes();
        let start = self.next;
        if start >= bytes.len() {
            return None;
        }
        let rest = bytes.get(start..).unwrap_or(&[]);
        let (len, terminator) = match line_end(rest) {
            Some(k) if rest.get(k) == Some(&b'\r') && rest.get(k + 1) == Some(&b'\n') => (k, 2),
            Some(k) => (k, 1),
            None => (rest.len(), 0),
        };
        self.next = start + len + terminator;
        Some(Line::new(start, self.input.get(start..start + len).unwrap_or("")))
    }
}

/// The index of the first `\n` or `\r` in `bytes`, eight bytes at a time (every byte of the
/// input is looked at).
fn line_end(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut i = 0;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        let (lf, cr) = (x ^ (ONES * u64::from(b'\n')), x ^ (ONES * u64::from(b'\r')));
        // The lowest zero byte of each sets the lowest high bit of its mask (higher ones may be
        // false), so the lowest bit of both masks is the first of either byte.
        let found = (lf.wrapping_sub(ONES) & !lf | cr.wrapping_sub(ONES) & !cr) & HIGH;
        if found != 0 {
            return Some(i + (found.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    bytes.get(i..)?.iter().position(|&b| b == b'\n' || b == b'\r').map(|k| i + k)
}

/// All lines at once, for the passes that look back and ahead and then the one building the
/// document (the input is cut once). Collected as they come (counting the lines first was a
/// whole extra pass over the input) into room for a line every [`BYTES_PER_LINE`] bytes, up to
/// [`RESERVED_LINES`]: a report's list is not grown (and copied) line by line.
pub(super) fn split_lines(input: &str) -> Vec<Line<'_>> {
    let mut lines = Vec::with_capacity((input.len() / BYTES_PER_LINE + 1).min(RESERVED_LINES));
    lines.extend(Lines::new(input));
    lines
}

/// A raw `pdftotext` page (a line per table cell) has a line per 13 bytes or so, a `-layout`
/// one per 45; the list is dropped when the document is built.
const BYTES_PER_LINE: usize = 12;
/// Beyond this many lines (a text of 768 KB or more), the list grows as it needs: a long input
/// reserves no more than it did.
const RESERVED_LINES: usize = 1 << 16;

pub(super) fn is_blank_char(c: char) -> bool {
    is_space(c) || is_invisible(c) || c == '\0'
}

/// Byte bounds of `s` without leading and trailing whitespace (empty → `(len, len)`).
pub(super) fn trim_bounds(s: &str) -> (usize, usize) {
    // Most lines start and end with an ordinary character: the lead bytes of the first and
    // the last character tell, without the two character searches.
    let b = s.as_bytes();
    if let Some(&first) = b.first() {
        let last = b.iter().rposition(|&x| (x as i8) >= -0x40).unwrap_or(0);
        if !may_start_blank(first) && !may_start_blank(b[last]) {
            return (0, s.len());
        }
    }
    trim_bounds_slow(s)
}

/// [`trim_bounds`] by character searches.
fn trim_bounds_slow(s: &str) -> (usize, usize) {
    let start = s.len() - s.trim_start_matches(is_blank_char).len();
    let end = s.trim_end_matches(is_blank_char).len().max(start);
    (start, end)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// Nothing but whitespace (and not TAB-led).
    Blank,
    /// A page number line.
    Footer,
    /// `\tcell`: one TAB, then a cell (possibly empty), no other TAB.
    TabCell,
    /// A line with TABs between fields; `strong` when two or more fields are non-empty.
    Tsv { strong: bool },
    /// Starts with `|` (after indentation).
    Pipe,
    /// Text with a gap of two or more spaces inside (after the indentation).
    Columnar,
    /// Anything else; `blanks`: a blank character ([`is_blank_char`]) between its texts
    /// (without one, the line trimmed is its own normalised text).
    Plain { blanks: bool },
}

pub(super) fn classify(line: &Line<'_>) -> Kind {
    let text = line.text;
    if let Some(rest) = text.strip_prefix('\t') {
        if !rest.contains('\t') {
            return Kind::TabCell;
        }
        return Kind::Tsv { strong: nonempty_fields(text) >= 2 };
    }
    let (_, t) = line.trimmed();
    if t.is_empty() {
        return Kind::Blank;
    }
    if text.contains('\t') {
        return Kind::Tsv { strong: nonempty_fields(text) >= 2 };
    }
    if t.starts_with('|') {
        return Kind::Pipe;
    }
    if is_footer(t) {
        return Kind::Footer;
    }
    match gaps(text) {
        Gaps::Gap => Kind::Columnar,
        Gaps::Single => Kind::Plain { blanks: true },
        Gaps::None => Kind::Plain { blanks: false },
    }
}

/// The blanks between the texts of a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gaps {
    /// None: the line trimmed holds no blank character.
    None,
    /// Runs of one blank only.
    Single,
    /// A gap of two or more blanks: [`split_gaps`](super::layout::split_gaps) cuts the line
    /// into two cells or more.
    Gap,
}

/// Is there text after a gap of two or more blanks that follows text, or else after one
/// blank? (Without making the cells.)
fn gaps(text: &str) -> Gaps {
    let bytes = text.as_bytes();
    let mut seen = false;
    let mut single = false;
    let mut run = 0usize;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // Only a character whose first byte may start a blank one is decoded
        // ([`may_start_blank`]); the others are text, stepped over by their length.
        let (blank, len) = if may_start_blank(b) {
            let c = text.get(i..).and_then(|rest| rest.chars().next()).unwrap_or('\0');
            (is_blank_char(c), c.len_utf8())
        } else {
            (false, crate::strings::utf8_width(b))
        };
        i += len;
        if blank {
            run += 1;
            continue;
        }
        // Text after blanks that follow text: a gap, or a single blank.
        if run > 0 && seen {
            if run >= 2 {
                return Gaps::Gap;
            }
            single = true;
        }
        seen = true;
        run = 0;
    }
    if single {
        Gaps::Single
    } else {
        Gaps::None
    }
}

/// Can a character starting with byte `b` be blank ([`is_blank_char`])? ASCII controls and
/// the space, and the lead bytes of U+0080–U+00BF (NEL, NBSP, soft hyphen), U+1680 and U+180E,
/// U+2000–U+206F, U+3000 and U+FEFF: every other character is text.
fn may_start_blank(b: u8) -> bool {
    b <= b' ' || matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xE3 | 0xEF)
}

fn nonempty_fields(text: &str) -> usize {
    text.split('\t').filter(|f| !f.chars().all(is_blank_char)).count()
}

/// A page footer: `-3-`, `- 3 -`, `— 1 —`, `－2－`, `第 3 页`, `第3页 共12页`, `3/12`.
#[inline(never)]
pub(crate) fn is_footer(t: &str) -> bool {
    // Every footer starts with a dash, `第` or a digit: most lines are told apart here, before
    // their characters are counted (every line of the input comes here), most by their first
    // byte alone.
    match t.as_bytes() {
        [first, ..] if !may_start_footer(*first) => return false,
        // A number alone on its line (each value of a raw `pdftotext` table) is none of the
        // forms: told before any character is decoded.
        bytes @ [b'0'..=b'9', ..] if bytes.iter().all(u8::is_ascii_digit) => return false,
        // Of the characters led by E7 (U+7000–U+7FFF: many CJK ones), only `第` starts a footer.
        [0xE7, ..] if !t.starts_with('第') => return false,
        _ => {}
    }
    match t.chars().find(|&c| !is_blank_char(c)).map(fold_digit) {
        Some(c) if is_dash(&c) || c == '第' || c.is_ascii_digit() => {}
        _ => return false,
    }
    // (A number alone on its line was told above.)
    footer_form(t)
}

/// Can a line starting with byte `b` be a page footer? The dashes are `-` or led by E2 or
/// EF, `第` by E7, the full-width digits by EF; a blank character ([`may_start_blank`]) is
/// looked past.
fn may_start_footer(b: u8) -> bool {
    b == b'-' || b.is_ascii_digit() || matches!(b, 0xE2 | 0xE7 | 0xEF) || may_start_blank(b)
}

/// The dashes around a page number.
fn is_dash(c: &char) -> bool {
    matches!(c, '-' | '—' | '－' | '–' | '―' | '‒' | '﹣' | '−' | '─' | '━')
}

/// [`is_footer`] past its first character: is `t` one of the forms?
fn footer_form(t: &str) -> bool {
    if char_count(t) > 24 {
        return false;
    }
    // At most 24 characters: on the stack.
    let mut buf = ['\0'; 24];
    let mut len = 0;
    for c in t.chars().filter(|&c| !is_blank_char(c)).map(fold_digit) {
        if let Some(slot) = buf.get_mut(len) {
            *slot = c;
            len += 1;
        }
    }
    let s = &buf[..len];
    let digits = |from: usize| s.iter().skip(from).take_while(|c| c.is_ascii_digit()).count();
    // -3-, — 1 —
    let lead = s.iter().take_while(|c| is_dash(c)).count();
    if lead > 0 {
        let d = digits(lead);
        let trail = s.iter().skip(lead + d).take_while(|c| is_dash(c)).count();
        return (1..=4).contains(&d) && trail > 0 && lead + d + trail == s.len();
    }
    // 第 3 页, optionally 共 12 页
    if s.first() == Some(&'第') {
        let d = digits(1);
        if !(1..=4).contains(&d) || s.get(1 + d) != Some(&'页') {
            return false;
        }
        let mut k = 2 + d;
        while matches!(s.get(k), Some(',' | '，' | '/' | '、')) {
            k += 1;
        }
        if k == s.len() {
            return true;
        }
        if s.get(k) != Some(&'共') {
            return false;
        }
        let d2 = digits(k + 1);
        return (1..=4).contains(&d2) && s.get(k + 1 + d2) == Some(&'页') && k + 2 + d2 == s.len();
    }
    // 3/12
    let d = digits(0);
    if (1..=4).contains(&d) && matches!(s.get(d), Some('/' | '／')) {
        let d2 = digits(d + 1);
        return (1..=4).contains(&d2) && d + 1 + d2 == s.len();
    }
    false
}

/// Full-width digits as ASCII ones (for footers only).
fn fold_digit(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::{
        fold_digit, footer_form, gaps, is_blank_char, is_dash, is_footer, line_end, may_start_blank, may_start_footer,
        trim_bounds, trim_bounds_slow, Gaps,
    };

    /// Every blank character starts with a byte [`may_start_blank`] flags; [`gaps`] answers
    /// as the character-by-character walks it replaces, and [`line_end`] as a byte search.
    /// The lead-byte shortcut of [`trim_bounds`] gives the character searches' bounds.
    #[test]
    fn trim_bounds_fast_path_agrees() {
        let chars: Vec<char> = (0..0x3100u32).chain(0xFE00..0x10000).filter_map(char::from_u32).collect();
        for &c in &chars {
            for t in [c.to_string(), format!("{c}中"), format!("中{c}"), format!("{c}a{c}"), format!("a{c}b")] {
                assert_eq!(trim_bounds(&t), trim_bounds_slow(&t), "{t:?}");
            }
        }
        assert_eq!(trim_bounds(""), trim_bounds_slow(""));
    }

    #[test]
    fn byte_shortcuts_answer_as_the_plain_walks() {
        // Every character a footer starts with (after its blanks) has a first byte
        // [`may_start_footer`] flags.
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let f = fold_digit(c);
            if is_dash(&f) || f == '第' || f.is_ascii_digit() {
                let mut buf = [0; 4];
                assert!(may_start_footer(c.encode_utf8(&mut buf).as_bytes()[0]), "{:X}", c as u32);
            }
        }
        let mut blanks = Vec::new();
        for c in (0..=0x10FFFF).filter_map(char::from_u32).filter(|&c| is_blank_char(c)) {
            let mut buf = [0; 4];
            assert!(may_start_blank(c.encode_utf8(&mut buf).as_bytes()[0]), "{:X}", c as u32);
            blanks.push(c);
        }
        let old_gap = |text: &str| {
            let (mut seen, mut run) = (false, 0usize);
            for c in text.chars() {
                if is_blank_char(c) {
                    run += 1;
                    continue;
                }
                if seen && run >= 2 {
                    return true;
                }
                seen = true;
                run = 0;
            }
            false
        };
        let pieces = ["受理", "3119", "件", "“是”", "，", "a", "é", "𠀀"];
        let mut lines: Vec<String> = Vec::new();
        for p in pieces {
            for q in pieces {
                for &b1 in &blanks {
                    for b2 in [None, Some(' '), Some('\u{3000}'), Some('\u{200b}')] {
                        let mut l = format!("{p}{b1}");
                        l.extend(b2);
                        l.push_str(q);
                        lines.push(l);
                    }
                }
            }
        }
        // A blank character between texts of the line trimmed.
        let old_blanks = |text: &str| {
            let (s, e) = trim_bounds_slow(text);
            text[s..e].chars().any(is_blank_char)
        };
        for l in lines.iter().map(String::as_str).chain(["a", " a ", "a b", "a\u{200b}b", "\u{3000}a\u{3000}"]) {
            let g = gaps(l);
            assert_eq!(g == Gaps::Gap, old_gap(l), "{l:?}");
            assert_eq!(g != Gaps::None, old_gap(l) || old_blanks(l), "{l:?}");
        }
        let text = lines.join("\r\n") + "\n\r\rx\n";
        let bytes = text.as_bytes();
        for from in (0..bytes.len()).step_by(7).chain(bytes.len() - 20..=bytes.len()) {
            let rest = &bytes[from..];
            assert_eq!(line_end(rest), rest.iter().position(|&b| b == b'\n' || b == b'\r'), "{from}");
        }
    }
    /// [`is_footer`] as it was, every line going through the first character's decoding.
    fn former_is_footer(t: &str) -> bool {
        if !t.as_bytes().first().copied().is_some_and(may_start_footer) {
            return false;
        }
        match t.chars().find(|&c| !is_blank_char(c)).map(fold_digit) {
            Some(c) if is_dash(&c) || c == '第' || c.is_ascii_digit() => {}
            _ => return false,
        }
        !t.bytes().all(|b| b.is_ascii_digit()) && footer_form(t)
    }

    /// The byte tests before the first character's decoding answer as the decoding did: on
    /// every line of every text fixture, and on every character alone and before a footer's
    /// rest.
    #[test]
    fn footer_byte_tests_agree() {
        let mut lines: Vec<String> = Vec::new();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        for e in std::fs::read_dir(&dir).unwrap() {
            let path = e.unwrap().path();
            if let Ok(text) = std::fs::read_to_string(&path) {
                lines.extend(text.lines().flat_map(|l| [l.to_owned(), l.trim().to_owned()]));
            }
        }
        assert!(lines.len() > 5000, "{}", lines.len());
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            for rest in ["", "1", "3-", " 3 页", "12", "/12"] {
                lines.push(format!("{c}{rest}"));
            }
        }
        let mut footers = 0;
        for l in &lines {
            let want = former_is_footer(l);
            footers += usize::from(want);
            assert_eq!(is_footer(l), want, "{l:?}");
        }
        assert!(footers > 20, "{footers}");
    }

    use crate::document::NoteKind;
    use crate::read::text::testkit::{paragraphs, read};

    #[test]
    fn page_footers() {
        for f in [
            "-3-",
            "- 3 -",
            "— 1 —",
            "－2－",
            "—12—",
            "第 3 页",
            "第3页",
            "第3页 共12页",
            "第 3 页，共 12 页",
            "3/12",
            "３/１２",
            "-１-",
        ] {
            assert!(is_footer(f), "{f}");
        }
        for f in [
            "-",
            "--",
            "3",
            "-3",
            "3-",
            "第二十条",
            "第3条",
            "2024/2025年",
            "1/2/3",
            "第 12345 页",
            "-12345-",
            "— 一 —",
        ] {
            assert!(!is_footer(f), "{f}");
        }
        // A number alone is told without the forms, which say the same of it: on every line of
        // every text fixture and on numbers beside the footers above.
        let mut numbers = vec!["3".to_string(), "12".into(), "3119".into(), "0000000000000000000000000000".into()];
        crate::test_fixtures::for_each_text_fixture(|input, _| numbers.extend(input.lines().map(str::to_string)));
        for t in numbers.iter().filter(|t| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit())) {
            assert!(!footer_form(t), "{t}");
        }
        let input = "一、总体情况\n\n   -1-\n正文。\n第 2 页\n";
        let doc = read(input);
        assert_eq!(paragraphs(&doc), vec!["一、总体情况", "正文。"]);
        let spans: Vec<&str> = doc.notes.iter().map(|n| &input[n.span.unwrap().start..n.span.unwrap().end]).collect();
        assert_eq!(spans, vec!["-1-", "第 2 页"]);
        assert!(doc.notes.iter().all(|n| n.kind == NoteKind::PageFooter && n.table.is_none()));
    }
}
