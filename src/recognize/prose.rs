//! The prose of a report, as the narrative rules read it: each paragraph split into
//! sentences (at 。；！？ and line ends), each sentence with its section and its place in
//! the input, and the quantities it states (`3119 件`, `550余条`, `17.46%`).
//!
//! Paragraph text is whitespace-normalised; where the paragraph can be aligned with the
//! input character by character (text input), a sentence or a number inside it gets its
//! exact byte span; otherwise (HTML markup in between) the paragraph's span is used. The
//! alignment is made when a span is asked for (a finding's), not for every paragraph.

use crate::document::{Block, Document, NarrowSpan, Span};
use crate::format::Section;
use crate::recognize::value::Decimal;
use crate::recognize::FoundSection;
use crate::strings::utf8_width;

/// One sentence of running text.
#[derive(Debug)]
pub struct Sentence<'a> {
    /// The sentence, whitespace-normalised, with its terminator (a slice of its paragraph's text).
    pub text: &'a str,
    /// The section it sits in (`None` before 一、总体情况).
    pub section: Option<Section>,
    /// Index of its paragraph among the sentences' paragraphs (to group a paragraph).
    pub paragraph: usize,
    /// The paragraph's text and its slice of the input (text input: markup is never aligned),
    /// to align when a span is asked for.
    source: Option<(&'a str, &'a str)>,
    /// Offset of `text` in its paragraph's text (`u32`, like the span: a long text has
    /// tens of thousands of sentences).
    offset: u32,
    /// Span of the paragraph, used when there is no alignment.
    fallback: NarrowSpan,
}

impl Sentence<'_> {
    /// The input span of `text[range]`, or of the paragraph when it cannot be pinned.
    pub fn span_of(&self, start: usize, end: usize) -> Span {
        let mut runs = Vec::new();
        match self.source {
            Some((text, input))
                if start < end
                    && end <= self.text.len()
                    && align(text, input, self.fallback.wide().start, &mut runs).is_some() =>
            {
                let offset = self.offset as usize;
                Span::new(input_offset(&runs, offset + start), input_offset(&runs, offset + end - 1) + 1)
            }
            _ => self.fallback.wide(),
        }
    }

    /// The whole sentence's span.
    pub fn span(&self) -> Span {
        self.span_of(0, self.text.len())
    }
}

/// The input offset of byte `at` of a paragraph's text, by the runs [`align`] found: where
/// each byte of the normalised text sits in the input, as the runs of bytes that are
/// consecutive in both, each (offset in the text, absolute offset in the input) of its first
/// byte. A run breaks only where whitespace was collapsed, so this is far smaller than one
/// offset per byte.
fn input_offset(runs: &[(usize, usize)], at: usize) -> usize {
    let i = runs.partition_point(|r| r.0 <= at).saturating_sub(1);
    runs.get(i).map_or(0, |&(text, input)| input + at.saturating_sub(text))
}

/// Record that byte `at` of the text sits at input offset `input` (calls come in text order).
fn record(runs: &mut Vec<(usize, usize)>, at: usize, input: usize) {
    let continues = runs.last().is_some_and(|&(t, i)| at >= t && i + (at - t) == input);
    if !continues {
        runs.push((at, input));
    }
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}' | '\u{a0}' | '\u{3000}')
}

/// Line up each byte of `text` with a byte of `input` (absolute offsets from `base`), if
/// every character of the text can be found in order with only whitespace between: the runs
/// of [`input_offset`], into `runs`.
fn align(text: &str, input: &str, base: usize, runs: &mut Vec<(usize, usize)>) -> Option<()> {
    // Only text input is aligned, so the byte-level shortcut is built only where the text
    // readers are (native, the browser's second module); the eager module keeps the plain walk.
    // The same alignment either way (tested).
    align_by(text, input, base, cfg!(feature = "text-readers"), runs)
}

/// Can the character whose UTF-8 encoding starts at `bytes[0]` be ' ' or [`is_space`]? Told
/// from its bytes: ASCII whitespace is at most `0x20`; the other spaces are U+0085 and U+00A0
/// (lead `C2`), U+1680 and U+180E (`E1`), U+2000–U+205F (`E2`), U+3000 (`E3 80 80`) and U+FEFF
/// (`EF BB BF`). Most Chinese text (CJK, `。、，（）`) is told apart without decoding.
#[inline(always)]
fn may_be_space(bytes: &[u8]) -> bool {
    match bytes {
        [b, ..] if *b <= b' ' => true,
        [0xC2 | 0xE1 | 0xE2, ..] => true,
        [0xE3, 0x80, 0x80, ..] | [0xEF, 0xBB, 0xBF, ..] => true,
        _ => false,
    }
}

/// The length of the longest run of whole characters `text` and `input` start with alike, none
/// of them possibly a space ([`may_be_space`]). Both start at a character boundary.
fn same_stretch(text: &[u8], input: &[u8]) -> usize {
    // `whole`: where the last character that matched throughout ends.
    let (mut k, mut whole) = (0, 0);
    while let (Some(&t), Some(&i)) = (text.get(k), input.get(k)) {
        if t & 0xC0 != 0x80 {
            // A character starts: those before it matched throughout.
            whole = k;
            if may_be_space(&text[k..]) {
                return whole;
            }
        }
        if t != i {
            return whole;
        }
        k += 1;
    }
    // The text or the input ended: the last character counts if it ended with it.
    if text.get(k).is_none_or(|&t| t & 0xC0 != 0x80) {
        k
    } else {
        whole
    }
}

#[inline(always)]
fn align_by(text: &str, input: &str, base: usize, shortcut: bool, runs: &mut Vec<(usize, usize)>) -> Option<()> {
    runs.clear();
    let bytes = input;
    let mut j = 0usize;
    let (tb, ib) = (text.as_bytes(), input.as_bytes());
    let mut i = 0usize;
    while i < tb.len() {
        if shortcut {
            // A stretch of characters each right where the input goes on, none a space: the
            // walk below would record each where the run goes on and step over it. Compared
            // byte by byte, without decoding, and recorded once.
            let same = same_stretch(&tb[i..], &ib[j..]);
            if same > 0 {
                record(runs, i, base + j);
                i += same;
                j += same;
                continue;
            }
        }
        let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else { break };
        let at = i;
        i += c.len_utf8();
        if c == ' ' {
            record(runs, at, base + j);
            while let Some(d) = bytes[j..].chars().next().filter(|d| is_space(*d)) {
                j += d.len_utf8();
            }
            continue;
        }
        // Most characters sit right where the input goes on: no space to skip before them
        // (the input's next character is `c`, which is no space).
        if bytes.get(j..).and_then(|rest| rest.chars().next()) != Some(c) || is_space(c) {
            while let Some(d) = bytes[j..].chars().next().filter(|d| is_space(*d)) {
                j += d.len_utf8();
            }
            if !bytes[j..].starts_with(c) {
                return None;
            }
        }
        record(runs, at, base + j);
        j += c.len_utf8();
    }
    Some(())
}

#[cfg(test)]
fn is_terminator(c: char) -> bool {
    matches!(c, '。' | '；' | '！' | '？' | '!' | '?' | ';')
}

/// The length of the sentence terminator `bytes` start with, if they start with one: `!?;`,
/// 。 (U+3002: `E3 80 82`) or ；！？ (U+FF1B, U+FF01, U+FF1F: `EF BC 9B`, `81`, `9F`). Compared
/// as bytes, not decoded (every Chinese character of a paragraph comes here).
#[inline(always)]
fn terminator_len(bytes: &[u8]) -> Option<usize> {
    match bytes {
        [b'!' | b'?' | b';', ..] => Some(1),
        [0xE3, 0x80, 0x82, ..] | [0xEF, 0xBC, 0x81 | 0x9B | 0x9F, ..] => Some(3),
        _ => None,
    }
}

/// Every sentence of the document's running text, in order (`sections`: the report's
/// headings, found in `doc`). The rules read them through
/// [`crate::rules::Context::sentences`], which splits the text once.
pub fn sentences<'a>(doc: &'a Document, sections: &[FoundSection]) -> Vec<Sentence<'a>> {
    let mut out = Vec::new();
    // (at, heading len, section) and (from, to, section) of a paragraph: buffers reused
    // from one paragraph to the next.
    let mut cuts: Vec<(usize, usize, Option<Section>)> = Vec::new();
    let mut segments: Vec<(usize, usize, Option<Section>)> = Vec::new();
    // Where the text readers are (a pdftotext page has hundreds of one-cell paragraphs),
    // headings in block order are looked up by a cursor moving with the paragraphs rather
    // than by a walk over all of them for each; the same sections either way (tested).
    let sorted = cfg!(feature = "text-readers") && sections.is_sorted_by_key(|s| s.block);
    let mut next = 0;
    for (bi, block) in doc.blocks.iter().enumerate() {
        let Block::Paragraph(p) = block else { continue };
        let text = p.text.as_str();
        if text.is_empty() {
            continue;
        }
        let source = doc.slice(p.span).filter(|_| !doc.input.is_markup()).map(|slice| (text, slice));
        // The section the paragraph starts in, and headings run into it (flattened text).
        let (mut current, here) = if sorted {
            paragraph_sections(sections, bi, &mut next)
        } else {
            (sections.iter().filter(|s| s.block < bi).map(|s| s.section).next_back(), sections)
        };
        cuts.clear();
        let mut cursor = 0;
        for s in here.iter().filter(|s| s.block == bi) {
            let printed = s.printed.trim();
            let found = find_heading(text, printed, cursor);
            match found {
                Some(at) => {
                    cuts.push((at, printed.len(), Some(s.section)));
                    cursor = at + printed.len();
                }
                None if cursor == 0 && cuts.is_empty() => {
                    // A heading paragraph that does not contain its printed form: treat the
                    // whole paragraph as the heading's.
                    cuts.push((0, 0, Some(s.section)));
                }
                None => {}
            }
        }
        segments.clear();
        let mut start = 0;
        for &(at, len, section) in &cuts {
            if at > start {
                segments.push((start, at, current));
            }
            current = section;
            start = at + len;
        }
        if start < text.len() {
            segments.push((start, text.len(), current));
        }
        let paragraph = out.last().map_or(0, |s: &Sentence| s.paragraph + 1);
        for &(from, to, section) in &segments {
            let seg = &text[from..to];
            let mut s0 = 0;
            let mut push = |a: usize, b: usize| {
                let raw = &seg[a..b];
                let trimmed_start = raw.len() - raw.trim_start().len();
                let t = raw.trim();
                if t.is_empty() {
                    return;
                }
                let abs = from + a + trimmed_start;
                out.push(Sentence {
                    text: t,
                    section,
                    paragraph,
                    source,
                    offset: u32::try_from(abs).unwrap_or(u32::MAX),
                    fallback: NarrowSpan::new(p.span),
                });
            };
            let bytes = seg.as_bytes();
            let mut i = 0;
            while let Some((at, len)) = next_terminator(bytes, i) {
                push(s0, at + len);
                s0 = at + len;
                i = at + len;
            }
            push(s0, seg.len());
        }
    }
    // Kept for the whole check: no spare capacity.
    out.shrink_to_fit();
    out
}

/// The first sentence terminator in `bytes` from `from` on (a character boundary): where it
/// starts and its length ([`terminator_len`]).
///
/// Where the text readers are (native, the browser's second module: a raw `pdftotext` page is
/// hundreds of paragraphs), eight bytes at a time are searched for a byte a terminator can start
/// with (`!?;`, `E3`, `EF`): none of them is ever a UTF-8 continuation byte, so each one found
/// starts a character, and [`terminator_len`] tells the rest. The eager module tries each
/// character's first byte in turn. The same terminators either way (tested).
fn next_terminator(bytes: &[u8], from: usize) -> Option<(usize, usize)> {
    let mut i = from;
    #[cfg(feature = "text-readers")]
    {
        const ONES: u64 = 0x0101_0101_0101_0101;
        const HIGH: u64 = 0x8080_8080_8080_8080;
        // The high bit of the lowest byte of `x` equal to `b` (higher bits may be false).
        let eq = |x: u64, b: u8| {
            let y = x ^ (ONES * u64::from(b));
            y.wrapping_sub(ONES) & !y & HIGH
        };
        while let Some(chunk) = bytes.get(i..i + 8) {
            let x = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
            let found = eq(x, b'!') | eq(x, b'?') | eq(x, b';') | eq(x, 0xE3) | eq(x, 0xEF);
            if found == 0 {
                i += 8;
                continue;
            }
            // The lowest flagged byte is a lead byte (the lowest bit of each mask is exact).
            let at = i + (found.trailing_zeros() / 8) as usize;
            if let Some(len) = terminator_len(&bytes[at..]) {
                return Some((at, len));
            }
            // A three-byte character that ends no sentence.
            i = at + 3;
        }
        // The last bytes one by one: `i` may be inside a character here, but no terminator
        // starts with a continuation byte.
        (i..bytes.len()).find_map(|k| terminator_len(&bytes[k..]).map(|len| (k, len)))
    }
    #[cfg(not(feature = "text-readers"))]
    {
        while let Some(rest) = bytes.get(i..).filter(|r| !r.is_empty()) {
            if let Some(len) = terminator_len(rest) {
                return Some((i, len));
            }
            i += utf8_width(rest[0]);
        }
        None
    }
}

/// For block `bi` of a document whose `sections` are in block order, looked at in increasing
/// `bi` with `next` kept between calls (from 0): the section of the last heading before the
/// block, and the headings in it.
fn paragraph_sections<'s>(
    sections: &'s [FoundSection],
    bi: usize,
    next: &mut usize,
) -> (Option<Section>, &'s [FoundSection]) {
    while sections.get(*next).is_some_and(|s| s.block < bi) {
        *next += 1;
    }
    let here = sections[*next..].iter().take_while(|s| s.block == bi).count();
    (next.checked_sub(1).map(|k| sections[k].section), &sections[*next..*next + here])
}

fn find_heading(text: &str, printed: &str, from: usize) -> Option<usize> {
    if printed.is_empty() {
        return None;
    }
    let mut f = from;
    while let Some(at) = text.get(f..)?.find(printed).map(|a| a + f) {
        let ok = text[..at]
            .trim_end()
            .chars()
            .last()
            .is_none_or(|c| matches!(c, '。' | '）' | ')' | '：' | '；') || c.is_ascii_digit() || at == 0);
        if ok {
            return Some(at);
        }
        f = at + printed.len();
    }
    None
}

/// How a stated number bounds the real one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Approx {
    Exact,
    /// `550余条`, `超过`, `逾`: at least.
    AtLeast,
    /// `近`, `不到`: at most.
    AtMost,
    /// `约`, `左右`: neither.
    About,
}

/// A number with its unit, as the prose states it.
#[derive(Clone, Debug)]
pub struct Quantity<'a> {
    /// Byte range of the number (and its unit) in the sentence.
    pub start: usize,
    pub end: usize,
    /// Where the digits end (the unit follows).
    pub digits_end: usize,
    pub value: Decimal,
    pub text: &'a str,
    pub approx: Approx,
    /// `件`, `条`, `万元`, `%`…
    pub unit: &'static str,
    /// Inside （…） or (…).
    pub in_parens: bool,
}

const UNITS: [&str; 20] = [
    "万元", "亿元", "件", "条", "个", "篇", "项", "场", "期", "次", "元", "人", "家", "份", "宗", "起", "部", "批",
    "%", "％",
];

/// Every number followed by a unit (or a percent sign).
pub fn quantities(text: &str) -> Vec<Quantity<'_>> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let mut depth = 0i32;
    while i < b.len() {
        // Character by character, told by the first byte: only the brackets are decoded
        // (（ and ） start with 0xEF).
        match b[i] {
            b'(' => depth += 1,
            b')' => depth = (depth - 1).max(0),
            0xEF if b[i..].starts_with("（".as_bytes()) => depth += 1,
            0xEF if b[i..].starts_with("）".as_bytes()) => depth = (depth - 1).max(0),
            _ => {}
        }
        if !b[i].is_ascii_digit()
            || (i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'.' || b[i - 1] == b'-'))
        {
            i += utf8_width(b[i]);
            continue;
        }
        let start = i;
        let mut j = i;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        if j + 1 < b.len() && b[j] == b'.' && b[j + 1].is_ascii_digit() {
            j += 1;
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
        }
        let digits = &text[start..j];
        let digits_end = j;
        let mut k = j;
        while text[k..].starts_with(' ') {
            k += 1;
        }
        let mut approx = Approx::Exact;
        for m in ["余", "多"] {
            if text[k..].starts_with(m) {
                approx = Approx::AtLeast;
                k += m.len();
            }
        }
        let unit = UNITS.iter().find(|u| text[k..].starts_with(**u));
        i = j.max(i + 1);
        let Some(unit) = unit else { continue };
        let mut end = k + unit.len();
        if text[end..].starts_with("以上") {
            approx = Approx::AtLeast;
            end += "以上".len();
        } else if text[end..].starts_with("左右") {
            approx = Approx::About;
        }
        // Modifiers before the number.
        let before = text[..start].trim_end();
        if approx == Approx::Exact {
            if ["超过", "超", "逾", "突破", "多于"].iter().any(|m| before.ends_with(m)) {
                approx = Approx::AtLeast;
            } else if ["近", "不到", "不足", "将近"].iter().any(|m| before.ends_with(m)) {
                approx = Approx::AtMost;
            } else if ["约", "大约", "约为"].iter().any(|m| before.ends_with(m)) {
                approx = Approx::About;
            }
        }
        let Some(value) = parse_decimal(digits) else { continue };
        out.push(Quantity {
            start,
            end,
            digits_end,
            value,
            text: &text[start..end],
            approx,
            unit: if *unit == "％" { "%" } else { unit },
            in_parens: depth > 0,
        });
        i = end;
    }
    out
}

/// ASCII digits with an optional decimal point (`3119`, `17.46`), as [`quantities`] finds them.
pub fn parse_decimal(s: &str) -> Option<Decimal> {
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    if int.len() > 30 || frac.len() > 8 || int.len() + frac.len() == 0 {
        return None;
    }
    // Accumulated digit by digit (38 digits fit an i128), not parsed from a joined copy.
    let mut mantissa: i128 = 0;
    for b in int.bytes().chain(frac.bytes()) {
        if !b.is_ascii_digit() {
            return None;
        }
        mantissa = mantissa * 10 + i128::from(b - b'0');
    }
    Some(Decimal { mantissa, scale: frac.len() as u32 })
}

/// The clause a position sits in: from the previous delimiter to the position.
pub fn clause_before(text: &str, at: usize) -> (usize, &str) {
    let head = &text[..at];
    let start = head
        .char_indices()
        .filter(|(_, c)| matches!(c, '，' | ',' | '。' | '；' | ';' | '、' | '：' | ':' | '（' | '(' | '）' | ')'))
        .map(|(i, c)| i + c.len_utf8())
        .next_back()
        .unwrap_or(0);
    (start, &text[start..at])
}

/// The clause after a position, up to the next delimiter.
pub fn clause_after(text: &str, at: usize) -> &str {
    let tail = &text[at..];
    let end = tail
        .char_indices()
        .find(|(_, c)| matches!(c, '，' | ',' | '。' | '；' | ';' | '、' | '：' | ':' | '（' | '(' | '）' | ')'))
        .map_or(tail.len(), |(i, _)| i);
    &tail[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cursor finds, for every block, the section before it and the headings in it as the
    /// walk over all headings does: each text fixture's headings, and those with two headings
    /// in one block and a block left out.
    #[test]
    fn paragraph_sections_by_cursor_as_by_walk() {
        let mut lists = 0;
        crate::test_fixtures::for_each_text_fixture(|_, doc| {
            let found = crate::recognize::recognize(doc).sections;
            let mut doubled = found.clone();
            if let [first, .., last] = found.as_slice() {
                doubled.insert(1, FoundSection { block: first.block, ..last.clone() });
            }
            let without_first: Vec<FoundSection> = found.iter().skip(1).cloned().collect();
            for sections in [&found, &doubled, &without_first] {
                assert!(sections.is_sorted_by_key(|s| s.block));
                lists += 1;
                let mut next = 0;
                for bi in 0..doc.blocks.len() + 2 {
                    let (current, here) = paragraph_sections(sections, bi, &mut next);
                    let want_current = sections.iter().filter(|s| s.block < bi).map(|s| s.section).next_back();
                    let want_here: Vec<&FoundSection> = sections.iter().filter(|s| s.block == bi).collect();
                    assert_eq!(current, want_current, "block {bi}");
                    assert_eq!(here.iter().collect::<Vec<_>>(), want_here, "block {bi}");
                }
            }
        });
        assert!(lists >= 30, "{lists}");
    }

    /// The byte test finds exactly the terminators, each with its length, and nothing inside
    /// another character.
    #[test]
    fn terminators_told_by_their_bytes() {
        let mut all = String::new();
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let mut buf = [0; 4];
            let enc = c.encode_utf8(&mut buf).as_bytes();
            let want = is_terminator(c).then_some(c.len_utf8());
            assert_eq!(terminator_len(enc), want, "{:X}", c as u32);
            for k in 1..enc.len() {
                assert_eq!(terminator_len(&enc[k..]), None, "{:X} from byte {k}", c as u32);
            }
            all.push(c);
        }
        let found: Vec<usize> = (0..all.len()).filter(|&i| terminator_len(&all.as_bytes()[i..]).is_some()).collect();
        let want: Vec<usize> = all.char_indices().filter(|&(_, c)| is_terminator(c)).map(|(i, _)| i).collect();
        assert_eq!(found, want);
    }

    /// [`next_terminator`] finds the terminators the walk over each character's first byte
    /// finds, from every character start of every text fixture's paragraphs and of a text
    /// holding every character.
    #[test]
    fn next_terminator_as_the_character_walk() {
        let walk = |bytes: &[u8], from: usize| {
            let mut i = from;
            while let Some(rest) = bytes.get(i..).filter(|r| !r.is_empty()) {
                if let Some(len) = terminator_len(rest) {
                    return Some((i, len));
                }
                i += utf8_width(rest[0]);
            }
            None
        };
        // Every character, with a terminator after every seventh (each search stops soon).
        let every: String = (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .enumerate()
            .flat_map(|(k, c)| std::iter::once(c).chain((k % 7 == 6).then_some(['。', '；', '!'][k % 3])))
            .collect();
        let mut texts = vec![every];
        crate::test_fixtures::for_each_text_fixture(|_, doc| {
            texts.extend(doc.paragraphs().map(|p| p.text.clone()));
        });
        assert!(texts.len() > 800, "{}", texts.len());
        for t in &texts {
            for (from, _) in t.char_indices() {
                assert_eq!(next_terminator(t.as_bytes(), from), walk(t.as_bytes(), from), "{t:?} from {from}");
            }
        }
    }

    /// Every byte that can start a space is flagged (the shortcut never steps over one).
    #[test]
    fn may_be_space_flags_every_space() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32).filter(|&c| c == ' ' || is_space(c)) {
            let mut buf = [0; 4];
            assert!(may_be_space(c.encode_utf8(&mut buf).as_bytes()), "{:X}", c as u32);
        }
    }

    /// The byte-level shortcut gives the plain walk's alignment: on the text fixtures'
    /// paragraphs (as read) against their input, and on texts made to fail or to collapse
    /// spaces of every kind.
    #[cfg(feature = "text-readers")]
    #[test]
    fn alignment_shortcut_is_the_plain_walk() {
        let same = |text: &str, input: &str| {
            let runs = |shortcut| {
                let mut runs = vec![(1, 1)];
                align_by(text, input, 7, shortcut, &mut runs).map(|()| runs)
            };
            assert_eq!(runs(true), runs(false), "{text:?} in {input:?}");
        };
        let mut checked = 0;
        crate::test_fixtures::for_each_text_fixture(|input, doc| {
            for p in doc.paragraphs() {
                let slice = &input[p.span.start..p.span.end];
                same(&p.text, slice);
                checked += 1;
            }
        });
        assert!(checked > 500, "{checked} paragraphs");
        let spaces = [" ", "\t", "\n", "\u{a0}", "\u{3000}", "\u{200b}", "\u{feff}", "\u{2028}", "\u{85}", "\u{1680}"];
        for a in spaces {
            for b in spaces {
                for text in ["受理 3119 件", "受理3119件", "a\u{3000}b", "a\u{a0}b", "“是”。", "x\u{feff}y"]
                {
                    let input = format!("{a}{}{b}", text.replace(' ', &format!("{a}{b}")));
                    same(text, &input);
                    same(text, &text.replace("件", "条"));
                    same(text, &format!("{b}{text}{a}{a}"));
                }
            }
        }
    }

    #[test]
    fn quantities_with_units_and_bounds() {
        let q =
            quantities("公开646条，其中550余条、130条（含1件），占17.46%，2019年，电话0517-83605210，超过3170 万元");
        let got: Vec<_> = q.iter().map(|q| (q.text, q.approx, q.unit, q.in_parens)).collect();
        assert_eq!(
            got,
            vec![
                ("646条", Approx::Exact, "条", false),
                ("550余条", Approx::AtLeast, "条", false),
                ("130条", Approx::Exact, "条", false),
                ("1件", Approx::Exact, "件", true),
                ("17.46%", Approx::Exact, "%", false),
                ("3170 万元", Approx::AtLeast, "万元", false),
            ]
        );
    }

    /// Digit by digit, the value parsing the joined digits gave, on every shape `quantities`
    /// passes and the ones it does not.
    #[test]
    fn decimals_accumulated_as_parsed() {
        let joined = |s: &str| {
            let (int, frac) = s.split_once('.').unwrap_or((s, ""));
            if int.len() > 30 || frac.len() > 8 {
                return None;
            }
            let mantissa: i128 = format!("{int}{frac}").parse().ok()?;
            Some(Decimal { mantissa, scale: frac.len() as u32 })
        };
        let long = "9".repeat(30);
        let cases = ["0", "7", "3119", "0517", "17.46", "0.5", ".5", "5.", "", ".", "1.2.3", "12345678.12345678"];
        for s in cases.iter().copied().chain([long.as_str(), &format!("{long}.99999999"), &format!("{long}9")]) {
            let (a, b) = (parse_decimal(s), joined(s));
            assert_eq!(a.map(|d| (d.mantissa, d.scale)), b.map(|d| (d.mantissa, d.scale)), "{s:?}");
        }
    }

    #[test]
    fn alignment_of_normalised_text() {
        let input = "受理 3119\n  件，答复";
        let text = "受理 3119 件，答复";
        let mut runs = Vec::new();
        align(text, input, 10, &mut runs).unwrap();
        assert_eq!(input_offset(&runs, 0), 10);
        assert_eq!(input_offset(&runs, "受理 ".len()), 10 + "受理 ".len());
        // The space that stands for "\n  " sits where that whitespace starts.
        assert_eq!(input_offset(&runs, "受理 3119".len()), 10 + "受理 3119".len());
        // Every byte after the collapsed whitespace moves by the two bytes it lost.
        let after = "受理 3119 ".len();
        for k in after..text.len() {
            assert_eq!(input_offset(&runs, k), 10 + k + 2, "byte {k}");
        }
        // Two runs: before and after the collapsed whitespace.
        assert_eq!(runs.len(), 2);
        assert!(align("受理X", input, 0, &mut runs).is_none());
    }
}
