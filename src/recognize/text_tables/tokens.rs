//! The text of a table's section cut into tokens: runs of numbers (the values, with where
//! each digit is in the input) and the texts between them (labels, headings).

use crate::document::{Paragraph, Span};
use crate::format::{Section, SectionSpec};
use crate::recognize::sections;

/// One digit or other character of a number as written, with its byte offset in the input.
/// Eight bytes, so that a group's characters sit in the group ([`Chars`]) without making it
/// large to move: the offset is kept in 32 bits, and one past 4 GiB (beyond any input the
/// readers take in practice, and beyond wasm32's memory) is kept as unknown.
#[derive(Clone, Copy)]
pub(super) struct Ch {
    pub(super) c: char,
    at: u32,
}

impl Ch {
    /// The offset of a character whose place is not known.
    const NOWHERE: u32 = u32::MAX;

    pub(super) fn new(c: char, at: Option<usize>) -> Ch {
        let at = at.and_then(|a| u32::try_from(a).ok()).unwrap_or(Ch::NOWHERE);
        Ch { c, at }
    }

    /// The character's byte offset in the input, if known.
    pub(super) fn at(&self) -> Option<usize> {
        (self.at != Ch::NOWHERE).then_some(self.at as usize)
    }
}

impl std::fmt::Debug for Ch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Ch").field("c", &self.c).field("at", &self.at()).finish()
    }
}

/// A run of characters with no space in it that reads as a number (`3119`, `96171.6`,
/// `-3`), or a run of glued digits (`640020470`), and the money unit written right after it
/// (`0万元`, `2832995元`), which belongs to its last cell.
#[derive(Clone, Debug)]
pub(super) struct Group {
    pub(super) chars: Chars,
    pub(super) unit: Vec<Ch>,
}

/// A run's groups (see [`Tok::Num`]).
pub(super) type Groups = smallvec::SmallVec<[Group; 1]>;

/// Up to this many characters of a group are kept in the group itself.
const SHORT_GROUP: usize = 8;

/// A group's characters, read as a slice: kept in the group itself when few (most values a
/// report prints), so that making or copying a group allocates nothing; on the heap when more.
#[derive(Clone)]
pub(super) enum Chars {
    /// How many of the characters are the group's, and the characters.
    Short(u8, [Ch; SHORT_GROUP]),
    Long(Vec<Ch>),
}

impl std::ops::Deref for Chars {
    type Target = [Ch];

    fn deref(&self) -> &[Ch] {
        match self {
            Chars::Short(n, chars) => &chars[..usize::from(*n)],
            Chars::Long(chars) => chars,
        }
    }
}

impl FromIterator<Ch> for Chars {
    fn from_iter<I: IntoIterator<Item = Ch>>(chars: I) -> Chars {
        let mut short = [Ch::new(' ', None); SHORT_GROUP];
        let mut chars = chars.into_iter();
        for n in 0..SHORT_GROUP {
            match chars.next() {
                Some(c) => short[n] = c,
                None => return Chars::Short(n as u8, short),
            }
        }
        match chars.next() {
            None => Chars::Short(SHORT_GROUP as u8, short),
            Some(c) => Chars::Long(short.into_iter().chain([c]).chain(chars).collect()),
        }
    }
}

impl std::fmt::Debug for Chars {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&**self, f)
    }
}

impl Group {
    pub(super) fn text(&self) -> String {
        self.chars.iter().chain(&self.unit).map(|c| c.c).collect()
    }

    /// Ends with a money unit: `9116.36万元`.
    pub(super) fn has_unit(&self) -> bool {
        !self.unit.is_empty()
    }

    /// Digits only (no sign, no decimal point): the group may be split into cells.
    pub(super) fn splittable(&self) -> bool {
        self.chars.iter().all(|c| is_digit(c.c))
    }

    pub(super) fn part(&self, start: usize, end: usize) -> Part {
        let unit = if end == self.chars.len() { self.unit.as_slice() } else { &[] };
        let chars = &self.chars[start..end];
        let text = PartText::new(chars.iter().chain(unit).map(|c| c.c));
        let first = chars.first().or(unit.first());
        let last = unit.last().or(chars.last());
        let span = match (first.and_then(Ch::at), last) {
            (Some(s), Some(last)) => last.at().map(|e| Span::new(s, e + last.c.len_utf8())),
            _ => None,
        };
        Part { text, span }
    }

    pub(super) fn whole(&self) -> Part {
        self.part(0, self.chars.len())
    }

    /// `self.whole().span`, without making the text.
    pub(super) fn span(&self) -> Option<Span> {
        let first = self.chars.first().or(self.unit.first());
        let last = self.unit.last().or(self.chars.last());
        match (first.and_then(Ch::at), last) {
            (Some(s), Some(last)) => last.at().map(|e| Span::new(s, e + last.c.len_utf8())),
            _ => None,
        }
    }
}

/// One value as read: its exact text and where it is in the input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Part {
    pub(super) text: PartText,
    pub(super) span: Option<Span>,
}

/// Up to this many bytes of a part's text are kept in the part itself.
const SHORT_PART: usize = 22;

/// A part's text, read as a `str`: kept in the part itself when short (every count a report
/// prints), so that making a part allocates nothing; on the heap when longer.
#[derive(Clone)]
pub(super) enum PartText {
    /// How many of the bytes are the text's, and the bytes.
    Short(u8, [u8; SHORT_PART]),
    Long(String),
}

impl PartText {
    pub(super) fn new(chars: impl Iterator<Item = char> + Clone) -> PartText {
        let len: usize = chars.clone().map(char::len_utf8).sum();
        if len > SHORT_PART {
            return PartText::Long(chars.collect());
        }
        let mut bytes = [0; SHORT_PART];
        let mut at = 0;
        for c in chars {
            at += c.encode_utf8(&mut bytes[at..]).len();
        }
        PartText::Short(at as u8, bytes)
    }

    /// The text's bytes, without reading them as a `str` first.
    fn bytes(&self) -> &[u8] {
        match self {
            PartText::Short(n, bytes) => &bytes[..usize::from(*n)],
            PartText::Long(s) => s.as_bytes(),
        }
    }
}

impl std::ops::Deref for PartText {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            // Whole characters only were written: always valid.
            PartText::Short(..) => std::str::from_utf8(self.bytes()).unwrap_or_default(),
            PartText::Long(s) => s,
        }
    }
}

/// Equal texts, told by their bytes.
impl PartialEq for PartText {
    fn eq(&self, other: &PartText) -> bool {
        self.bytes() == other.bytes()
    }
}

impl Eq for PartText {}

impl std::fmt::Debug for PartText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&**self, f)
    }
}

#[derive(Clone, Debug)]
pub(super) enum Tok {
    Text {
        text: String,
        span: Option<Span>,
        heading: Option<Section>,
    },
    Num {
        /// Most runs are one group: it is kept in the token, not on the heap.
        groups: Groups,
    },
    /// A sentence with numbers in it (`2019年主动公开政府信息118条。`): prose, whose numbers
    /// are no cells of the table.
    Prose {
        text: String,
    },
}

pub(super) fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

pub(super) fn is_numeral(c: char) -> bool {
    matches!(c, '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十')
}

/// Where each character of a paragraph's (normalised) text is in the input, found by walking
/// the paragraph's span in step with the text: characters the reader dropped (page footers,
/// line breaks, markup) are skipped. Kept as stretches, each a run of the text the input holds
/// byte for byte, rather than as one offset per character: most of a paragraph is one or a
/// few stretches, found by comparing bytes without decoding them.
struct Alignment<'t> {
    text: &'t str,
    /// Where each stretch starts in the text, and where it is in the input (`None`: a
    /// character not found, a stretch of its own).
    stretches: &'t [Stretch],
}

/// Where a stretch of an [`Alignment`] starts in the text, and where it is in the input.
type Stretch = (usize, Option<usize>);

impl<'t> Alignment<'t> {
    /// A space of the text is nowhere; any other character is the next one of the input
    /// where it is the same, else the first one like it among the next 4096 characters, else
    /// nowhere. The stretches are kept in `room` (cleared first: one list for every paragraph).
    fn new(text: &'t str, input: &str, span: Span, room: &'t mut Vec<Stretch>) -> Alignment<'t> {
        let raw = input.get(span.start..span.end.min(input.len())).unwrap_or("");
        let (t, r) = (text.as_bytes(), raw.as_bytes());
        let stretches = room;
        stretches.clear();
        // The next byte of the text and of the input to look at (character boundaries both).
        let (mut tb, mut rb) = (0usize, 0usize);
        while tb < t.len() {
            if t[tb] == b' ' {
                tb += 1;
                continue;
            }
            // The characters the input holds next, byte for byte, up to the text's next space.
            let mut n = same_until_space(&t[tb..], &r[rb..]);
            while !text.is_char_boundary(tb + n) {
                n -= 1;
            }
            if n > 0 {
                stretches.push((tb, Some(span.start + rb)));
                tb += n;
                rb += n;
                continue;
            }
            let Some(c) = text[tb..].chars().next() else { break };
            match raw[rb..].char_indices().take(4096).find(|&(_, d)| d == c) {
                Some((k, d)) => {
                    stretches.push((tb, Some(span.start + rb + k)));
                    rb += k + d.len_utf8();
                }
                None => stretches.push((tb, None)),
            }
            tb += c.len_utf8();
        }
        Alignment { text, stretches: Vec::as_slice(stretches) }
    }

    /// The input offset of the character that starts at byte `at` of the text.
    fn at(&self, at: usize) -> Option<usize> {
        if self.text.as_bytes().get(at) == Some(&b' ') {
            return None;
        }
        let i = self.stretches.partition_point(|s| s.0 <= at).checked_sub(1)?;
        let (start, base) = self.stretches[i];
        base.map(|b| b + (at - start))
    }

    /// The characters of `text[start..end]`, each with its input offset ([`Alignment::at`]),
    /// the stretches walked forward from the first one's rather than looked up for each.
    fn chars<C: FromIterator<Ch>>(&self, start: usize, end: usize) -> C {
        if start == end {
            return std::iter::empty().collect(); // most groups' units
        }
        let mut i = self.stretches.partition_point(|s| s.0 <= start);
        let chars = self.text[start..end].char_indices().map(move |(k, c)| {
            let at = start + k;
            while self.stretches.get(i).is_some_and(|s| s.0 <= at) {
                i += 1;
            }
            let offset = match (c, i.checked_sub(1).map(|i| self.stretches[i])) {
                (' ', _) | (_, None) => None,
                (_, Some((from, base))) => base.map(|b| b + (at - from)),
            };
            Ch::new(c, offset)
        });
        chars.collect()
    }
}

const ONES: u64 = 0x0101_0101_0101_0101;

/// Has the word (eight bytes) a byte below `n` (at most 128)?
fn has_less(word: u64, n: u8) -> bool {
    word.wrapping_sub(ONES * u64::from(n)) & !word & (ONES << 7) != 0
}

/// Has the word (eight bytes) a byte `b`?
fn has_byte(word: u64, b: u8) -> bool {
    has_less(word ^ (ONES * u64::from(b)), 1)
}

/// The first position from `from` on where `hit` holds, the words (eight bytes) that
/// `word_may_hit` clears skipped whole and only the others' bytes tried.
fn find_from(
    bytes: &[u8],
    from: usize,
    word_may_hit: impl Fn(u64) -> bool,
    hit: impl Fn(usize) -> bool,
) -> Option<usize> {
    let mut i = from;
    while let Some(word) = bytes.get(i..).and_then(|rest| rest.first_chunk::<8>()) {
        if word_may_hit(u64::from_le_bytes(*word)) {
            if let Some(at) = (i..i + 8).find(|&at| hit(at)) {
                return Some(at);
            }
        }
        i += 8;
    }
    (i..bytes.len()).find(|&at| hit(at))
}

/// How many bytes `a` and `b` share from their starts, up to the first space of `a`:
/// eight at a time while the words are equal and hold no space.
fn same_until_space(a: &[u8], b: &[u8]) -> usize {
    let mut n = 0;
    while let (Some(x), Some(y)) =
        (a.get(n..).and_then(|a| a.first_chunk::<8>()), b.get(n..).and_then(|b| b.first_chunk::<8>()))
    {
        if x != y || has_byte(u64::from_le_bytes(*x), b' ') {
            break;
        }
        n += 8;
    }
    n + a[n..].iter().zip(&b[n..]).take_while(|&(x, y)| x == y && *x != b' ').count()
}

/// The character that starts at byte `at` of `text`, if one does.
fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..)?.chars().next()
}

fn is_sign(c: char) -> bool {
    matches!(c, '+' | '-' | '＋' | '－')
}

/// Can a number group start with this byte? Every digit and sign is ASCII or a full-width
/// form (lead byte 0xEF): other bytes, most of a Chinese text, start none, told without
/// decoding them.
fn may_start_group(b: u8) -> bool {
    b.is_ascii_digit() || matches!(b, b'+' | b'-' | 0xEF)
}

/// Where a number group starts at byte `i` of `text` and ends, or `None` if `i` does not start
/// one (sub-item numbering such as `1.属于…` is label text, not a value).
fn scan_group(text: &str, i: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    if !bytes.get(i).copied().is_some_and(may_start_group) {
        return None;
    }
    let first = char_at(text, i)?;
    let digit_at = |at: usize| char_at(text, at).filter(|&c| is_digit(c));
    let signed = is_sign(first) && (i == 0 || bytes[i - 1] == b' ') && digit_at(i + first.len_utf8()).is_some();
    let mut j = i;
    if signed {
        j += first.len_utf8();
    } else if !is_digit(first) {
        return None;
    }
    let mut digits = 0;
    let mut last_len = 0;
    while let Some(d) = digit_at(j) {
        j += d.len_utf8();
        digits += 1;
        last_len = d.len_utf8();
    }
    let mark = char_at(text, j);
    if let Some(dot @ ('.' | '．')) = mark {
        if digit_at(j + dot.len_utf8()).is_some() {
            j += dot.len_utf8();
            while let Some(d) = digit_at(j) {
                j += d.len_utf8();
            }
            return Some(j);
        }
    }
    // `…00000002.其他法律…`: the last digit numbers the next label, also with a space after
    // its mark, as Word's list numbers have it (`…00000002. 没有现成信息…`).
    if let Some(m @ ('.' | '．' | '、')) = mark {
        let label_after = text[j + m.len_utf8()..].chars().find(|&c| c != ' ');
        if label_after.is_some_and(|c| !is_digit(c) && !is_sign(c)) {
            if digits <= 1 {
                return None;
            }
            j -= last_len;
        }
    }
    Some(j)
}

/// [`tokenize_with`] with a scratch of its own.
#[cfg(test)]
pub(super) fn tokenize(p: &Paragraph, input: &str, sections: &[SectionSpec], out: &mut Vec<Tok>) {
    tokenize_with(&mut Scratch::default(), p, input, sections, out);
}

/// Room kept from one paragraph's cutting to the next: its tokens as cut, before its
/// sentences are taken, and its [`Alignment`]'s stretches.
#[derive(Default)]
pub(super) struct Scratch {
    tokens: Vec<Tok>,
    stretches: Vec<Stretch>,
}

/// The paragraph's tokens, its sentences with numbers in them made [`Tok::Prose`].
/// Section headings run into the text are cut out as `sections` words them. The paragraph is
/// cut into `scratch` first (left empty, its room kept for the next paragraph's tokens).
pub(super) fn tokenize_with(
    scratch: &mut Scratch,
    p: &Paragraph,
    input: &str,
    sections: &[SectionSpec],
    out: &mut Vec<Tok>,
) {
    scratch.tokens.clear();
    cut(p, input, sections, &mut scratch.stretches, &mut scratch.tokens);
    for token in scratch.tokens.drain(..) {
        let ends_sentence = matches!(&token, Tok::Text { text, heading: None, .. } if ends_sentence(text));
        out.push(token);
        if ends_sentence {
            take_sentence(out);
        }
    }
}

/// Where a money unit right after a number (at byte `at`) ends: `万元`, `元`; `at` when there is none.
fn money_unit_end(text: &str, at: usize) -> usize {
    let rest = &text[at..];
    if rest.starts_with("万元") {
        at + "万元".len()
    } else if rest.starts_with('元') {
        at + '元'.len_utf8()
    } else {
        at
    }
}

/// The paragraph cut into runs of numbers and the texts between them.
fn cut(p: &Paragraph, input: &str, sections: &[SectionSpec], stretches: &mut Vec<Stretch>, out: &mut Vec<Tok>) {
    let text = p.text.as_str();
    let bytes = text.as_bytes();
    let align = Alignment::new(text, input, p.span, stretches);
    let n = bytes.len();
    let mut text_start = 0;
    let mut i = 0;
    let push_text = |out: &mut Vec<Tok>, from: usize, to: usize| {
        let slice = &text[from..to];
        let trimmed = slice.trim();
        if trimmed.is_empty() {
            return;
        }
        let first = slice.char_indices().find_map(|(k, _)| align.at(from + k));
        let last = slice.char_indices().rev().find_map(|(k, c)| align.at(from + k).map(|a| a + c.len_utf8()));
        let span = match (first, last) {
            (Some(s), Some(e)) if s <= e => Some(Span::new(s, e)),
            _ => None,
        };
        split_headings(trimmed, span, sections, out);
    };
    let group = |start: usize, end: usize, unit_end: usize| Group {
        chars: align.chars(start, end),
        unit: align.chars(end, unit_end),
    };
    while i < n {
        let Some(end) = scan_group(text, i) else {
            // Digits and signs are below 0x40 or led by 0xEF: words without such bytes skipped.
            let may_hit = |w| has_less(w, 0x40) || has_byte(w, 0xEF);
            i = find_from(bytes, i + 1, may_hit, |i| may_start_group(bytes[i])).unwrap_or(n);
            continue;
        };
        push_text(out, text_start, i);
        let unit_end = money_unit_end(text, end);
        let mut groups = Groups::from_buf([group(i, end, unit_end)]);
        let mut j = unit_end;
        loop {
            let mut k = j;
            while k < n && bytes[k] == b' ' {
                k += 1;
            }
            if k == j || k >= n {
                break;
            }
            match scan_group(text, k) {
                Some(e) => {
                    let unit_end = money_unit_end(text, e);
                    groups.push(group(k, e, unit_end));
                    j = unit_end;
                }
                None => break,
            }
        }
        out.push(Tok::Num { groups });
        text_start = j;
        i = j;
    }
    push_text(out, text_start, n);
}

/// Push a text token, cut where a section heading begins inside it and where it ends: the
/// headings the section finder recognises run into a text ([`sections::heading_at`]).
fn split_headings(text: &str, span: Option<Span>, specs: &[SectionSpec], out: &mut Vec<Tok>) {
    // Each piece is pushed as the next cut is found: from where the piece starts, with its heading.
    let push = |out: &mut Vec<Tok>, piece: &str, heading: Option<Section>| match heading {
        Some(_) => push_piece(piece, span, heading, out),
        None => sentence_pieces(piece).for_each(|piece| push_piece(piece, span, None, out)),
    };
    let (mut start, mut heading) = (0, None);
    let mut from = 0;
    for at in numerals(text) {
        if at < from {
            continue;
        }
        let Some((section, end)) = sections::heading_at(text, at, specs) else { continue };
        if at > 0 {
            push(out, &text[start..at], heading);
            start = at;
        }
        heading = Some(section);
        if end < text.len() {
            push(out, &text[start..end], heading);
            (start, heading) = (end, None);
        }
        from = end;
    }
    push(out, &text[start..], heading);
}

/// Where the numerals `一`…`十` are in `text`, by their bytes: 一 E4 B8 80, 七 E4 B8 83, 三
/// E4 B8 89, 九 E4 B9 9D, 二 E4 BA 8C, 五 E4 BA 94, 八 E5 85 AB, 六 E5 85 AD, 十 E5 8D 81, 四
/// E5 9B 9B.
fn numerals(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    let leads = bytes.iter().enumerate().filter(|&(_, &b)| b & 0xFE == 0xE4).map(|(at, _)| at);
    leads.filter(move |&at| {
        matches!(
            bytes.get(at..at + 3),
            Some(
                [0xE4, 0xB8, 0x80 | 0x83 | 0x89]
                    | [0xE4, 0xB9, 0x9D]
                    | [0xE4, 0xBA, 0x8C | 0x94]
                    | [0xE5, 0x85, 0xAB | 0xAD]
                    | [0xE5, 0x8D, 0x81]
                    | [0xE5, 0x9B, 0x9B]
            )
        )
    })
}

fn push_piece(piece: &str, span: Option<Span>, heading: Option<Section>, out: &mut Vec<Tok>) {
    let piece = piece.trim();
    if !piece.is_empty() {
        out.push(Tok::Text { text: piece.to_string(), span, heading });
    }
}

// ---------------------------------------------------------------------------------------
// Prose among the cells

/// Ends a sentence: `。！？`, with the closing quotes and brackets right after it.
fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end_matches(['”', '’', '」', '』', '）', ')']);
    t.ends_with(['。', '！', '？', '!', '?'])
}

/// `text` cut after each sentence end (with its closing quotes and brackets).
fn sentence_pieces(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = sentence_mark(rest).map_or(rest.len(), |at| {
            let after = &rest[at..];
            let closing =
                after.char_indices().skip(1).find(|&(_, c)| !matches!(c, '”' | '’' | '」' | '』' | '）' | ')'));
            at + closing.map_or(after.len(), |(i, _)| i)
        });
        let (piece, tail) = rest.split_at(end);
        rest = tail;
        Some(piece)
    })
}

/// Where the first of `。！？!?` is in `text`: found by bytes (`。` is E3 80 82, `！` EF BC 81,
/// `？` EF BC 9F), without decoding the text.
fn sentence_mark(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    let may_hit = |w| has_less(w, 0x40) || has_byte(w, 0xE3) || has_byte(w, 0xEF);
    find_from(b, 0, may_hit, |i| match b[i] {
        b'!' | b'?' => true,
        0xE3 => b.get(i + 1..i + 3) == Some(&[0x80, 0x82]),
        0xEF => b.get(i + 1) == Some(&0xBC) && matches!(b.get(i + 2), Some(0x81 | 0x9F)),
        _ => false,
    })
}

/// A count or time unit: a number followed by one is counted in a sentence (`2019年`, `118条`,
/// `75件`, `17.46%`), never in a cell (only money cells carry a unit: `0万元`, `2832995元`).
fn is_count_unit(c: char) -> bool {
    "年月日时条件个项次人家份篇期场倍名天批类户起%％".contains(c)
}

/// What a number in a sentence may be followed by besides a count unit: a word of quantity
/// (`550余条`, `3万`), `号` (`〔2021〕30号`), or punctuation (`1、2月`, `〔2021〕`). A table's cell,
/// flattened, is followed by the next row's label, another value or nothing.
fn follows_number_in_prose(c: char) -> bool {
    is_count_unit(c) || "余多万亿元号〕）)]】、，,；;：:".contains(c)
}

/// Is the number token `number`, followed by `next`, written as in a sentence: followed by a
/// unit or punctuation, or a sum of money ending a sentence or clause (`9116.36万元。`)? A
/// money cell is followed by the next block's text (`0万元注：…`), which is no punctuation.
fn followed_as_prose(number: &[Group], next: &Tok) -> bool {
    let Tok::Text { text, heading: None, .. } = next else { return false };
    let money = number.last().is_some_and(Group::has_unit);
    text.starts_with(follows_number_in_prose) || money && text.starts_with(['。', '！', '？'])
}

/// The sentence `out` ends with, made one [`Tok::Prose`] when it reads as prose.
fn take_sentence(out: &mut Vec<Tok>) {
    let (start, partial) = sentence_start(out);
    let Some(text) = prose_text(&out[start..], partial) else { return };
    out.truncate(start + usize::from(partial));
    if partial {
        keep_before_sentence(&mut out[start]);
    }
    out.push(Tok::Prose { text });
}

/// Where the sentence `out` ends with starts, and whether it starts inside that token. It
/// reaches back over numbers followed as in a sentence and the texts between them, to the
/// table value, heading or sentence end before it. Of a number token it reaches, only the last
/// group is the sentence's (`0 2019年…`); of a text it starts with, what follows its last space
/// (a page's text puts a space between blocks: what comes before is the table's).
fn sentence_start(out: &[Tok]) -> (usize, bool) {
    let mut start = out.len() - 1;
    while start > 0 {
        match &out[start - 1] {
            Tok::Text { text, heading: None, .. } if !ends_sentence(text) => start -= 1,
            Tok::Num { groups } if followed_as_prose(groups, &out[start]) => {
                if groups.len() > 1 {
                    return (start - 1, true);
                }
                start -= 1;
            }
            _ => break,
        }
    }
    let spaced = matches!(&out[start], Tok::Text { text, .. } if has_whitespace(text));
    (start, spaced)
}

/// The text of the sentence `tokens` (the first one's last part only, when `partial`) if it
/// reads as prose: with numbers, and counting something (a number with a count or time unit:
/// `118条`, `2019年`), with a clause (`，`, `；`, `：`), or long (twelve Chinese characters:
/// `全年收取行政事业性收费9116.36万元。`). `政府集中采购00万元。` is none of these: a table's
/// last row, kept.
fn prose_text(tokens: &[Tok], partial: bool) -> Option<String> {
    let mut text = String::new();
    let (mut numbers, mut counted, mut clause) = (false, false, false);
    for (i, token) in tokens.iter().enumerate() {
        let first_part = partial && i == 0;
        match token {
            Tok::Num { groups } => {
                numbers = true;
                let next = tokens.get(i + 1);
                counted |= matches!(next, Some(Tok::Text { text, .. }) if text.starts_with(is_count_unit));
                let groups = if first_part { &groups[groups.len() - 1..] } else { groups };
                for (k, group) in groups.iter().enumerate() {
                    if k > 0 {
                        text.push(' ');
                    }
                    text.extend(group.chars.iter().chain(&group.unit).map(|c| c.c));
                }
            }
            Tok::Text { text: t, .. } | Tok::Prose { text: t } => {
                let t = if first_part { t.rsplit_once(char::is_whitespace).map_or(t.as_str(), |s| s.1) } else { t };
                clause = clause || has_clause_mark(t);
                text.push_str(t);
            }
        }
    }
    (numbers && (counted || clause || count_cjk(&text) >= 12)).then_some(text)
}

/// `text.contains(char::is_whitespace)`, decoding only the characters [`may_lead_whitespace`].
fn has_whitespace(text: &str) -> bool {
    text.bytes().enumerate().any(|(i, b)| may_lead_whitespace(b) && char_at(text, i).is_some_and(char::is_whitespace))
}

/// Is `b` the first byte of a whitespace character? ASCII controls and the space; 0xC2, 0xE1,
/// 0xE2, 0xE3 for U+0085, U+00A0, U+1680, U+2000–U+205F and U+3000.
fn may_lead_whitespace(b: u8) -> bool {
    b <= b' ' || matches!(b, 0xC2 | 0xE1..=0xE3)
}

/// Is a whitespace character at byte `at` of `text`? Decoded only when [`may_lead_whitespace`].
pub(super) fn whitespace_at(text: &str, at: usize) -> bool {
    text.as_bytes().get(at).copied().is_some_and(may_lead_whitespace)
        && char_at(text, at).is_some_and(char::is_whitespace)
}

/// `text.contains(['，', '；', '：', ',', ';'])`, by bytes (`，` is EF BC 8C, `；` EF BC 9B,
/// `：` EF BC 9A).
fn has_clause_mark(text: &str) -> bool {
    let b = text.as_bytes();
    b.iter().enumerate().any(|(i, &x)| match x {
        b',' | b';' => true,
        0xEF => b.get(i + 1) == Some(&0xBC) && matches!(b.get(i + 2), Some(0x8C | 0x9A | 0x9B)),
        _ => false,
    })
}

/// The characters of `text` in U+4E00–U+9FFF (Chinese characters), counted by their lead
/// bytes: E5 to E9, or E4 followed by B8 to BF.
fn count_cjk(text: &str) -> usize {
    let b = text.as_bytes();
    b.iter()
        .enumerate()
        .filter(|&(i, &x)| matches!(x, 0xE5..=0xE9) || x == 0xE4 && b.get(i + 1).is_some_and(|&y| y >= 0xB8))
        .count()
}

/// What of the token a sentence starts inside is not the sentence's: the number groups before
/// its last, the text before its last space.
fn keep_before_sentence(token: &mut Tok) {
    match token {
        Tok::Num { groups } => {
            groups.pop();
        }
        Tok::Text { text, .. } => {
            *text = text.rsplit_once(char::is_whitespace).map_or("", |s| s.0).trim_end().to_string();
        }
        Tok::Prose { .. } => {}
    }
}

/// The tokens of the table: after the section's own heading (if the paragraphs hold it) up
/// to the next heading of a later section.
pub(super) fn region(tokens: &[Tok], own: Section) -> &[Tok] {
    let is_heading = |t: &Tok, f: &dyn Fn(Section) -> bool| matches!(t, Tok::Text { heading: Some(s), .. } if f(*s));
    let start = tokens.iter().position(|t| is_heading(t, &|s| s == own)).map_or(0, |i| i + 1);
    let end = tokens[start..].iter().position(|t| is_heading(t, &|s| s > own)).map_or(tokens.len(), |i| start + i);
    &tokens[start..end]
}

/// The input span the tokens cover.
pub(super) fn token_span(tokens: &[Tok]) -> Option<Span> {
    let mut cover: Option<Span> = None;
    let mut add = |s: Option<Span>| {
        if let Some(s) = s {
            cover = Some(cover.map_or(s, |c| c.cover(s)));
        }
    };
    for t in tokens {
        match t {
            Tok::Text { span, .. } => add(*span),
            Tok::Num { groups } => groups.iter().for_each(|g| add(g.span())),
            Tok::Prose { .. } => {}
        }
    }
    cover
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The alignment as it was worked out before: every character of `raw` collected, each
    /// of the text's looked for among the next 4096.
    fn align_by_chars(text: &str, input: &str, span: Span) -> Vec<Option<usize>> {
        let raw = input.get(span.start..span.end.min(input.len())).unwrap_or("");
        let raw_chars: Vec<(usize, char)> = raw.char_indices().collect();
        let mut rp = 0usize;
        let mut out = Vec::new();
        for c in text.chars() {
            if c == ' ' {
                out.push(None);
                continue;
            }
            let window = raw_chars.len().min(rp + 4096);
            match (rp..window).find(|&i| raw_chars[i].1 == c) {
                Some(i) => {
                    out.push(Some(span.start + raw_chars[i].0));
                    rp = i + 1;
                }
                None => out.push(None),
            }
        }
        out
    }

    /// The same offsets as before: on every paragraph of every text fixture, on texts with
    /// characters missing from the input, far ahead in it (past the window) or out of order.
    #[test]
    fn alignment_is_the_former_one() {
        let mut n = 0;
        crate::test_fixtures::for_each_text_fixture(|input, doc| {
            for p in doc.paragraphs() {
                assert_eq!(offsets(&p.text, input, p.span), align_by_chars(&p.text, input, p.span));
                let shifted = Span::new(p.span.start + 1, p.span.end + 5);
                assert_eq!(offsets(&p.text, input, shifted), align_by_chars(&p.text, input, shifted));
                n += 1;
            }
        });
        assert!(n > 500, "{n}");
        let far = format!("{}b受", "a".repeat(5000));
        for (text, input) in [
            ("受理 3119 件", "受理\n3119\n  件"),
            ("受理件", "件受理"),
            ("受X理", "受理"),
            ("b受", far.as_str()),
            ("受b", far.as_str()),
            ("", "受理"),
            ("受理", ""),
        ] {
            for span in [Span::new(0, input.len()), Span::new(1, input.len() + 3), Span::new(0, 2)] {
                assert_eq!(offsets(text, input, span), align_by_chars(text, input, span), "{text:?} in {input:?}");
            }
        }
    }
    // The cutting as it was before it went by bytes: the paragraph's characters collected with
    // their offsets, each tried as the start of a number, each text piece collected again.

    fn former_group(chars: &[(char, Option<usize>)], unit: &[(char, Option<usize>)]) -> Group {
        let ch = |&(c, at): &(char, Option<usize>)| Ch::new(c, at);
        Group { chars: chars.iter().map(ch).collect(), unit: unit.iter().map(ch).collect() }
    }

    fn former_scan_group(chars: &[(char, Option<usize>)], i: usize) -> Option<usize> {
        let n = chars.len();
        let mut j = i;
        let signed = matches!(chars[i].0, '+' | '-' | '＋' | '－')
            && (i == 0 || chars[i - 1].0 == ' ')
            && i + 1 < n
            && is_digit(chars[i + 1].0);
        if signed {
            j += 1;
        } else if !is_digit(chars[i].0) {
            return None;
        }
        while j < n && is_digit(chars[j].0) {
            j += 1;
        }
        if j + 1 < n && matches!(chars[j].0, '.' | '．') && is_digit(chars[j + 1].0) {
            j += 1;
            while j < n && is_digit(chars[j].0) {
                j += 1;
            }
            return Some(j);
        }
        // `…00000002.其他法律…`: the last digit numbers the next label, also with a space after
        // its mark, as Word's list numbers have it (`…00000002. 没有现成信息…`).
        let label_after = chars.get(j + 1..).and_then(|rest| rest.iter().find(|c| c.0 != ' '));
        let numbering = matches!(chars.get(j).map(|c| c.0), Some('.' | '．' | '、'))
            && label_after.is_some_and(|c| !is_digit(c.0) && !matches!(c.0, '+' | '-' | '＋' | '－'));
        if numbering {
            let digits = j - i - usize::from(signed);
            if digits <= 1 {
                return None;
            }
            j -= 1;
        }
        Some(j)
    }

    fn former_money_unit_end(chars: &[(char, Option<usize>)], at: usize) -> usize {
        match (chars.get(at).map(|c| c.0), chars.get(at + 1).map(|c| c.0)) {
            (Some('万'), Some('元')) => at + 2,
            (Some('元'), _) => at + 1,
            _ => at,
        }
    }

    fn former_cut(p: &Paragraph, input: &str, sections: &[SectionSpec], out: &mut Vec<Tok>) {
        let offsets = align_by_chars(&p.text, input, p.span);
        let chars: Vec<(char, Option<usize>)> = p.text.chars().zip(offsets).collect();
        let n = chars.len();
        let mut text_start = 0;
        let mut i = 0;
        let push_text = |out: &mut Vec<Tok>, from: usize, to: usize| {
            let slice = &chars[from..to];
            let text: String = slice.iter().map(|c| c.0).collect::<String>().trim().to_string();
            if text.is_empty() {
                return;
            }
            let first = slice.iter().find_map(|c| c.1);
            let last = slice.iter().rev().find_map(|c| c.1.map(|a| a + c.0.len_utf8()));
            let span = match (first, last) {
                (Some(s), Some(e)) if s <= e => Some(Span::new(s, e)),
                _ => None,
            };
            former_split_headings(&text, span, sections, out);
        };
        while i < n {
            let Some(end) = former_scan_group(&chars, i) else {
                i += 1;
                continue;
            };
            push_text(out, text_start, i);
            let unit_end = former_money_unit_end(&chars, end);
            let mut groups = vec![former_group(&chars[i..end], &chars[end..unit_end])];
            let mut j = unit_end;
            loop {
                let mut k = j;
                while k < n && chars[k].0 == ' ' {
                    k += 1;
                }
                if k == j || k >= n {
                    break;
                }
                match former_scan_group(&chars, k) {
                    Some(e) => {
                        let unit_end = former_money_unit_end(&chars, e);
                        groups.push(former_group(&chars[k..e], &chars[e..unit_end]));
                        j = unit_end;
                    }
                    None => break,
                }
            }
            out.push(Tok::Num { groups: groups.into() });
            text_start = j;
            i = j;
        }
        push_text(out, text_start, n);
    }

    fn former_split_headings(text: &str, span: Option<Span>, specs: &[SectionSpec], out: &mut Vec<Tok>) {
        let mut cuts: Vec<(usize, Option<Section>)> = vec![(0, None)];
        let mut from = 0;
        for (at, _) in text.char_indices().filter(|&(_, c)| is_numeral(c)) {
            if at < from {
                continue;
            }
            let Some((section, end)) = sections::heading_at(text, at, specs) else { continue };
            if at == 0 {
                cuts[0].1 = Some(section);
            } else {
                cuts.push((at, Some(section)));
            }
            if end < text.len() {
                cuts.push((end, None));
            }
            from = end;
        }
        for (n, &(from, heading)) in cuts.iter().enumerate() {
            let to = cuts.get(n + 1).map_or(text.len(), |c| c.0);
            match heading {
                Some(_) => push_piece(&text[from..to], span, heading, out),
                None => former_sentence_pieces(&text[from..to]).for_each(|piece| push_piece(piece, span, None, out)),
            }
        }
    }

    fn former_sentence_pieces(text: &str) -> impl Iterator<Item = &str> {
        let mut rest = text;
        std::iter::from_fn(move || {
            if rest.is_empty() {
                return None;
            }
            let end = rest.find(['。', '！', '？', '!', '?']).map_or(rest.len(), |at| {
                let after = &rest[at..];
                let closing =
                    after.char_indices().skip(1).find(|&(_, c)| !matches!(c, '”' | '’' | '」' | '』' | '）' | ')'));
                at + closing.map_or(after.len(), |(i, _)| i)
            });
            let (piece, tail) = rest.split_at(end);
            rest = tail;
            Some(piece)
        })
    }

    fn offsets(text: &str, input: &str, span: Span) -> Vec<Option<usize>> {
        let mut room = vec![(7, None)];
        let a = Alignment::new(text, input, span, &mut room);
        let by_char: Vec<Option<usize>> = text.char_indices().map(|(k, _)| a.at(k)).collect();
        let walked: Vec<Option<usize>> = a.chars::<Vec<Ch>>(0, text.len()).iter().map(Ch::at).collect();
        assert_eq!(walked, by_char, "{text:?}");
        by_char
    }

    fn tokens(
        cut_by: fn(&Paragraph, &str, &[SectionSpec], &mut Vec<Tok>),
        text: &str,
        input: &str,
        span: Span,
    ) -> String {
        let p = Paragraph { text: text.to_string(), span };
        let mut out = Vec::new();
        cut_by(&p, input, crate::format::y2021::FORMAT.sections, &mut out);
        format!("{out:?}")
    }

    /// [`cut`] with room of its own.
    fn cut_afresh(p: &Paragraph, input: &str, sections: &[SectionSpec], out: &mut Vec<Tok>) {
        cut(p, input, sections, &mut vec![(3, Some(1))], out);
    }

    /// The same tokens, texts and offsets as the cutting by characters gave: on every
    /// paragraph of every text fixture (and with its span shifted), and on numbers written
    /// every way the scanner tells apart.
    #[test]
    fn cutting_by_bytes_is_the_former_cutting() {
        let mut n = 0;
        crate::test_fixtures::for_each_text_fixture(|input, doc| {
            for p in doc.paragraphs() {
                for span in [p.span, Span::new(p.span.start + 1, p.span.end + 5)] {
                    assert_eq!(tokens(cut_afresh, &p.text, input, span), tokens(former_cut, &p.text, input, span));
                }
                n += 1;
            }
        });
        assert!(n > 500, "{n}");
        for text in [
            "受理 3119 件",
            "-3 +4 －5 ＋6 x-7 1-2",
            "１２３ ４５．６ 7.8 9．",
            "2.其他 12.其他 12. 其他 12.5 3、四 45、 6",
            "0万元注 12元 3万 4 万元",
            "一、总体情况 二、主动公开政府信息情况2019年 三、",
            "行政复议 结果维持 1 0 2 0 3",
            "好！ 坏？ 是! 否? 。」 12。",
            "1",
            "-",
            "－",
            "12.",
            "1.2.3",
            "",
        ] {
            for input in [text.to_string(), format!("x{text}y"), text.replace(' ', "\n")] {
                for span in [Span::new(0, input.len()), Span::new(1, input.len())] {
                    assert_eq!(
                        tokens(cut_afresh, text, &input, span),
                        tokens(former_cut, text, &input, span),
                        "{text:?}"
                    );
                }
            }
        }
    }

    /// Every group of every number token of every text fixture's paragraphs.
    fn for_each_fixture_group(mut check: impl FnMut(&Group)) {
        crate::test_fixtures::for_each_text_fixture(|input, doc| {
            let mut toks = Vec::new();
            for p in doc.paragraphs() {
                tokenize(p, input, crate::format::y2021::FORMAT.sections, &mut toks);
            }
            for t in &toks {
                if let Tok::Num { groups } = t {
                    groups.iter().for_each(&mut check);
                }
            }
        });
    }

    /// A group's characters read as the `Vec` they replace, kept in place or on the heap: at
    /// every length around the in-place one, and on every group of every text fixture.
    #[test]
    fn group_chars_are_the_vecs() {
        let same = |chars: &[Ch]| {
            let kept: Chars = chars.iter().copied().collect();
            let pairs = |chars: &[Ch]| chars.iter().map(|c| (c.c, c.at())).collect::<Vec<_>>();
            assert_eq!(pairs(&kept), pairs(chars));
            assert_eq!(matches!(kept, Chars::Short(..)), chars.len() <= SHORT_GROUP);
            assert_eq!(format!("{kept:?}"), format!("{chars:?}"));
        };
        for n in 0..3 * SHORT_GROUP {
            let chars: Vec<Ch> = (0..n).map(|k| Ch::new(['7', '９', '元'][k % 3], (k % 2 == 0).then_some(k))).collect();
            same(&chars);
        }
        for_each_fixture_group(|g| same(&g.chars));
    }

    /// A part's text reads as the `String` it replaces, kept in place or on the heap: on every
    /// part of every group of every text fixture, and on texts around the in-place length
    /// (full-width digits, three bytes each, and money units).
    #[test]
    fn part_texts_are_the_strings() {
        let same = |chars: &[char]| {
            let text = PartText::new(chars.iter().copied());
            let string: String = chars.iter().collect();
            assert_eq!(&*text, string.as_str());
            assert_eq!(matches!(text, PartText::Short(..)), string.len() <= SHORT_PART, "{string:?}");
            assert_eq!(format!("{text:?}"), format!("{string:?}"));
            assert_eq!(text.clone(), PartText::Long(string.clone()));
        };
        for_each_fixture_group(|g| {
            let whole: Vec<char> = g.chars.iter().chain(&g.unit).map(|c| c.c).collect();
            same(&whole);
            assert_eq!(&*g.whole().text, whole.iter().collect::<String>());
        });
        for n in 0..30 {
            for fill in ['7', '９', '元'] {
                let mut chars = vec![fill; n];
                same(&chars);
                chars.push('万');
                same(&chars);
            }
        }
    }

    /// The span of the tokens as it was worked out: every span collected, then covered.
    fn former_token_span(tokens: &[Tok]) -> Option<Span> {
        tokens
            .iter()
            .flat_map(|t| match t {
                Tok::Text { span, .. } => vec![*span],
                Tok::Num { groups } => groups.iter().map(Group::span).collect(),
                Tok::Prose { .. } => vec![],
            })
            .flatten()
            .reduce(Span::cover)
    }

    /// On the tokens of every text fixture: all of them, each alone, and each from the start.
    #[test]
    fn token_span_is_the_former_one() {
        crate::test_fixtures::for_each_text_fixture(|input, doc| {
            let mut toks = Vec::new();
            for p in doc.paragraphs() {
                tokenize(p, input, crate::format::y2021::FORMAT.sections, &mut toks);
            }
            assert!(!toks.is_empty());
            assert_eq!(token_span(&toks), former_token_span(&toks));
            for n in 0..toks.len() {
                assert_eq!(token_span(&toks[n..=n]), former_token_span(&toks[n..=n]));
                assert_eq!(token_span(&toks[..n]), former_token_span(&toks[..n]));
            }
        });
        assert_eq!(token_span(&[]), None);
    }

    /// The byte-level tests of a text are the character-level ones they replace: on every
    /// character there is, one by one and between two Chinese characters, and on every
    /// paragraph of every text fixture and the pieces of it between numbers.
    #[test]
    fn byte_tests_are_the_character_tests() {
        let same = |t: &str| {
            assert_eq!(has_whitespace(t), t.contains(char::is_whitespace), "{t:?}");
            assert_eq!(has_clause_mark(t), t.contains(['，', '；', '：', ',', ';']), "{t:?}");
            assert_eq!(count_cjk(t), t.chars().filter(|c| ('\u{4E00}'..='\u{9FFF}').contains(c)).count(), "{t:?}");
            assert_eq!(sentence_mark(t), t.find(['。', '！', '？', '!', '?']), "{t:?}");
            let by_char: Vec<usize> = t.char_indices().filter(|&(_, c)| is_numeral(c)).map(|(i, _)| i).collect();
            assert_eq!(numerals(t).collect::<Vec<_>>(), by_char, "{t:?}");
        };
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            same(&c.to_string());
            same(&format!("政{c}府"));
        }
        crate::test_fixtures::for_each_text_fixture(|_, doc| {
            for p in doc.paragraphs() {
                same(&p.text);
                p.text.split(|c: char| c.is_ascii_digit()).for_each(same);
            }
        });
    }

    /// The word tests are the byte tests: every byte at every place among bytes of each kind,
    /// and `same_until_space` is the byte-by-byte count.
    #[test]
    fn word_tests_are_byte_tests() {
        for fill in [0x00, 0x20, 0x3F, 0x40, 0x41, 0x7F, 0x80, 0xE3, 0xE4, 0xEF, 0xFF] {
            for b in 0..=255u8 {
                for at in 0..8 {
                    let mut bytes = [fill; 8];
                    bytes[at] = b;
                    let word = u64::from_le_bytes(bytes);
                    for n in [1, 0x21, 0x40, 0x80] {
                        assert_eq!(has_less(word, n), bytes.iter().any(|&x| x < n), "{bytes:?} < {n}");
                    }
                    for v in [b' ', 0xE3, 0xEF, fill, b] {
                        assert_eq!(has_byte(word, v), bytes.contains(&v), "{bytes:?} has {v}");
                    }
                }
            }
        }
        let text = "受理 3119 件，政府信息公开申请数量0000000000000000 x";
        for (i, j) in [(0, 0), (0, 1), (3, 3), (9, 9), (12, 12), (0, 12)] {
            let (a, b) = (&text.as_bytes()[i..], &text.as_bytes()[j..]);
            let naive = a.iter().zip(b).take_while(|&(x, y)| x == y && *x != b' ').count();
            assert_eq!(same_until_space(a, b), naive, "{i} {j}");
        }
    }

    /// A character's offset is kept in 32 bits: every offset below 4 GiB comes back as given,
    /// an unknown one as unknown, and one past 4 GiB as unknown rather than wrapped.
    #[test]
    fn character_offsets_in_32_bits() {
        assert_eq!(std::mem::size_of::<Ch>(), 8);
        for at in [Some(0), Some(7), Some(u32::MAX as usize - 1), None] {
            assert_eq!(Ch::new('7', at).at(), at);
        }
        for at in [u32::MAX as usize, (u32::MAX as usize).saturating_add(5), usize::MAX] {
            assert_eq!(Ch::new('7', Some(at)).at(), None, "{at}");
        }
        assert_eq!(format!("{:?}", Ch::new('7', Some(3))), "Ch { c: '7', at: Some(3) }");
    }
}
