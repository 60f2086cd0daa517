//! The text of a table's section cut into tokens: runs of numbers (the values, with where
//! each digit is in the input) and the texts between them (labels, headings).

use crate::document::{Paragraph, Span};
use crate::format::{self, FormatVersion, Section};
use crate::recognize::sections;
use crate::strings::char_count;

/// One digit or other character of a number as written, with its byte offset in the input.
#[derive(Clone, Debug)]
pub(super) struct Ch {
    pub(super) c: char,
    pub(super) at: Option<usize>,
}

/// A run of characters with no space in it that reads as a number (`3119`, `96171.6`,
/// `-3`), or a run of glued digits (`640020470`).
#[derive(Clone, Debug)]
pub(super) struct Group {
    pub(super) chars: Vec<Ch>,
}

impl Group {
    pub(super) fn text(&self) -> String {
        self.chars.iter().map(|c| c.c).collect()
    }

    /// Digits only (no sign, no decimal point): the group may be split into cells.
    pub(super) fn splittable(&self) -> bool {
        self.chars.iter().all(|c| is_digit(c.c))
    }

    pub(super) fn part(&self, start: usize, end: usize) -> Part {
        let chars = &self.chars[start..end];
        let text: String = chars.iter().map(|c| c.c).collect();
        let span = match (chars.first().and_then(|c| c.at), chars.last()) {
            (Some(s), Some(last)) => last.at.map(|e| Span::new(s, e + last.c.len_utf8())),
            _ => None,
        };
        Part { text, span }
    }

    pub(super) fn whole(&self) -> Part {
        self.part(0, self.chars.len())
    }
}

/// One value as read: its exact text and where it is in the input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Part {
    pub(super) text: String,
    pub(super) span: Option<Span>,
}

#[derive(Clone, Debug)]
pub(super) enum Tok {
    Text { text: String, span: Option<Span>, heading: Option<Section> },
    Num { groups: Vec<Group> },
}

pub(super) fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

pub(super) fn is_numeral(c: char) -> bool {
    matches!(c, '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十')
}

/// Byte offset in `input` of each character of the paragraph's (normalised) text, found by
/// walking the paragraph's span in step with the text: characters the reader dropped
/// (page footers, line breaks, markup) are skipped.
fn align(text: &str, input: &str, span: Span) -> Vec<Option<usize>> {
    let raw = input.get(span.start..span.end.min(input.len())).unwrap_or("");
    let raw_chars: Vec<(usize, char)> = raw.char_indices().collect();
    let mut rp = 0usize;
    let mut out = Vec::with_capacity(char_count(text));
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

/// Where a number group starts at `i` and ends, or `None` if `i` does not start one
/// (sub-item numbering such as `1.属于…` is label text, not a value).
fn scan_group(chars: &[(char, Option<usize>)], i: usize) -> Option<usize> {
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
    // `…00000002.其他法律…`: the last digit numbers the next label.
    let numbering =
        j + 1 < n && matches!(chars[j].0, '.' | '．' | '、') && !is_digit(chars[j + 1].0) && chars[j + 1].0 != ' ';
    if numbering {
        let digits = j - i - usize::from(signed);
        if digits <= 1 {
            return None;
        }
        j -= 1;
    }
    Some(j)
}

pub(super) fn tokenize(p: &Paragraph, input: &str, out: &mut Vec<Tok>) {
    let offsets = align(&p.text, input, p.span);
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
        split_headings(&text, span, out);
    };
    while i < n {
        let Some(end) = scan_group(&chars, i) else {
            i += 1;
            continue;
        };
        push_text(out, text_start, i);
        let mut groups = vec![Group { chars: chars[i..end].iter().map(|&(c, at)| Ch { c, at }).collect() }];
        let mut j = end;
        loop {
            let mut k = j;
            while k < n && chars[k].0 == ' ' {
                k += 1;
            }
            if k == j || k >= n {
                break;
            }
            match scan_group(&chars, k) {
                Some(e) => {
                    groups.push(Group { chars: chars[k..e].iter().map(|&(c, at)| Ch { c, at }).collect() });
                    j = e;
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
fn split_headings(text: &str, span: Option<Span>, out: &mut Vec<Tok>) {
    let specs = format::format(FormatVersion::Y2021).sections;
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
        let piece = text[from..to].trim();
        if !piece.is_empty() {
            out.push(Tok::Text { text: piece.to_string(), span, heading });
        }
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
