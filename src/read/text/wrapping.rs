//! Paragraphs, and hard-wrapped prose (PDF extractions) joined back: the document's wrap
//! width is the 90th percentile of its prose line widths, and a line continues the
//! paragraph before it when that one's last line is full and ends no sentence.

use super::chars::{ends_sentence, is_heading_start, is_numberish, width};
use super::lines::{is_blank_char, Kind, Line};
use super::markdown::{clean_md_into, clean_md_unspaced_into};
use super::{Region, FULL_LINE_PERCENT, WRAP_MAX_WIDTH, WRAP_MIN_LINES};
use crate::document::{Paragraph, Span};

/// The wrap width of hard-wrapped prose: the 90th percentile of prose line widths, or
/// `None` when the document is not hard-wrapped; the width of each line measured (0 for
/// the others), for [`ParaLine::new`]; and how many prose lines there are (at most one
/// paragraph each).
pub(super) fn wrap_width(lines: &[Line<'_>], kinds: &[Kind], regions: &[Region]) -> (Option<usize>, Vec<usize>, usize) {
    let mut widths = Widths::default();
    let mut line_widths = vec![0; lines.len()];
    let mut next_region = regions.iter().peekable();
    let mut i = 0;
    while let (Some(line), Some(&kind)) = (lines.get(i), kinds.get(i)) {
        if let Some(r) = next_region.next_if(|r| r.first == i) {
            i = r.last + 1;
            continue;
        }
        if !matches!(kind, Kind::Blank | Kind::Footer) {
            let w = width(line.trimmed().1);
            line_widths[i] = w;
            if w > 0 {
                widths.add(w);
            }
        }
        i += 1;
    }
    if widths.n < WRAP_MIN_LINES {
        return (None, line_widths, widths.n);
    }
    (widths.p90(), line_widths, widths.n)
}

/// How many prose lines have each width, counted up to [`WRAP_MAX_WIDTH`] (the last slot:
/// any wider): the 90th percentile without sorting the widths.
struct Widths {
    counts: [usize; WRAP_MAX_WIDTH + 2],
    n: usize,
}

impl Default for Widths {
    fn default() -> Widths {
        Widths { counts: [0; WRAP_MAX_WIDTH + 2], n: 0 }
    }
}

impl Widths {
    fn add(&mut self, w: usize) {
        self.counts[w.min(WRAP_MAX_WIDTH + 1)] += 1;
        self.n += 1;
    }

    /// The width at position `n · 9 / 10` of the sorted widths, if it is at most
    /// [`WRAP_MAX_WIDTH`].
    fn p90(&self) -> Option<usize> {
        let at = self.n * 9 / 10;
        let mut seen = 0;
        for (w, &c) in self.counts.iter().enumerate().take(WRAP_MAX_WIDTH + 1) {
            seen += c;
            if seen > at {
                return Some(w);
            }
        }
        None
    }
}

/// One line about to become (part of) a paragraph; its text is in the caller's buffer.
pub(super) struct ParaLine<'b> {
    text: &'b str,
    span: Span,
    width: usize,
    /// Starts a paragraph of its own (`一、`, `（一）`, `1.`, a Markdown heading).
    heading: bool,
    /// A Markdown heading: nothing joins onto it.
    md_heading: bool,
    number: bool,
}

impl ParaLine<'_> {
    /// `line_width`: [`width`] of the line trimmed, as [`wrap_width`] measured it; `unspaced`:
    /// the line trimmed holds no blank character ([`Kind::Plain`]). The text is made in `buf`
    /// (cleared first: one buffer for every line).
    pub(super) fn new<'b>(
        line: &Line<'_>,
        line_width: usize,
        unspaced: bool,
        buf: &'b mut String,
    ) -> Option<ParaLine<'b>> {
        // (A TAB-led line that did not form a table: the TAB is indentation, trimmed.)
        let (mut start, mut t) = line.trimmed();
        let heading = is_heading_start(t);
        let mut md_heading = false;
        let hashes = t.bytes().take_while(|&b| b == b'#').count();
        if (1..=6).contains(&hashes) {
            let rest = t.get(hashes..).unwrap_or("");
            if rest.is_empty() || rest.starts_with(is_blank_char) {
                md_heading = true;
                let trimmed = rest.trim_start_matches(is_blank_char);
                start += t.len() - trimmed.len();
                t = trimmed;
            }
        }
        buf.clear();
        // Cleaning never lengthens the text: the buffer grows in one step, if at all.
        buf.reserve(t.len());
        if unspaced {
            clean_md_unspaced_into(buf, t);
        } else {
            clean_md_into(buf, t);
        }
        if buf.is_empty() {
            return None;
        }
        // A Markdown heading's width is of its text after the `#`s.
        debug_assert!(md_heading || line_width == width(t), "{t:?}");
        Some(ParaLine {
            width: if md_heading { width(t) } else { line_width },
            number: is_numberish(buf),
            text: buf.as_str(),
            span: Span::new(start, start + t.len()),
            heading,
            md_heading,
        })
    }
}

/// The paragraph being gathered, line by line, in a buffer kept from one paragraph to the
/// next: a paragraph's text is allocated once, whole, when it ends.
#[derive(Default)]
pub(super) struct ParaBuilder {
    /// The paragraph's text so far; empty when no paragraph is open (a line's text never is).
    text: String,
    span: Span,
    /// Where the last line's text starts in `text` (it ends it), and what else
    /// [`ParaBuilder::accepts`] asks of that line.
    last_start: usize,
    last_md_heading: bool,
    last_width: usize,
}

impl ParaBuilder {
    /// Does `next` continue the open paragraph (hard-wrapped prose)? Never when none is open.
    pub(super) fn accepts(&self, next: &ParaLine, wrap_width: Option<usize>) -> bool {
        let Some(w) = wrap_width else { return false };
        !self.text.is_empty()
            && !next.heading
            && !next.number
            && !self.last_md_heading
            && !ends_sentence(self.text.get(self.last_start..).unwrap_or(""))
            && self.last_width * 100 >= w * FULL_LINE_PERCENT
    }

    /// Open a paragraph with `line` (the open one must have been taken).
    pub(super) fn start(&mut self, line: &ParaLine) {
        debug_assert!(self.text.is_empty());
        self.text.push_str(line.text);
        self.span = line.span;
        self.last_start = 0;
        self.last_md_heading = line.md_heading;
        self.last_width = line.width;
    }

    pub(super) fn push(&mut self, line: &ParaLine) {
        let ascii_both = self.text.chars().next_back().is_some_and(|c| c.is_ascii_graphic())
            && line.text.chars().next().is_some_and(|c| c.is_ascii_graphic());
        if ascii_both {
            self.text.push(' ');
        }
        self.last_start = self.text.len();
        self.text.push_str(line.text);
        self.span = self.span.cover(line.span);
        self.last_md_heading = line.md_heading;
        self.last_width = line.width;
    }

    /// The open paragraph, if any (its text allocated to its length), closed.
    pub(super) fn take(&mut self) -> Option<Paragraph> {
        if self.text.is_empty() {
            return None;
        }
        let text = self.text.as_str().to_owned();
        self.text.clear();
        Some(Paragraph { text, span: self.span })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::text::testkit::{paragraphs, read};

    /// The percentile as it was taken: the widths sorted.
    fn former_p90(mut widths: Vec<usize>) -> Option<usize> {
        crate::order::sort_by_key(&mut widths, |&w| (w as u64, 0));
        let p90 = *widths.get(widths.len() * 9 / 10).or(widths.last())?;
        (p90 <= WRAP_MAX_WIDTH).then_some(p90)
    }

    /// The same wrap width as by sorting, on lists of widths around the cap and far past it.
    #[test]
    fn the_percentile_is_the_sorted_one() {
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        for round in 0..2000 {
            let n = WRAP_MIN_LINES + round % 40;
            let top = [20, 60, WRAP_MAX_WIDTH, WRAP_MAX_WIDTH + 2, 5000][round % 5];
            let list: Vec<usize> = (0..n)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    1 + (state % top as u64) as usize
                })
                .collect();
            let mut widths = Widths::default();
            list.iter().for_each(|&w| widths.add(w));
            assert_eq!(widths.p90(), former_p90(list.clone()), "{list:?}");
        }
    }

    /// Ten lines of 20 CJK characters each: hard-wrapped prose, wrap width 40 columns.
    fn wrapped(lines: &[&str]) -> String {
        let mut s = String::new();
        for _ in 0..8 {
            s.push_str("一二三四五六七八九十一二三四五六七八九。\n");
        }
        for l in lines {
            s.push_str(l);
            s.push('\n');
        }
        s
    }

    #[test]
    fn hard_wrapped_prose_is_joined() {
        let input = wrapped(&[
            "  （二）依申请公开情况。定期对政府信息公开申请集中的领",
            "域和热点问题进行研判，探索从源头上解决实际问题 abc",
            "def 着力强化与申请人的直接沟通，准确了解申请人诉求，提",
            "",
            "                    -2-",
            "高答复的及时性。",
            "短行没有标点",
            "不接在短行后面。",
            "一二三四五六七八九十一二三四五六七八九十",
            "（三）标题不接在满行后面。",
            "一二三四五六七八九十一二三四五六七八九十",
            "",
            "空行分段。",
            "一二三四五六七八九十一二三四五六七八九十",
            "3119",
        ]);
        let doc = read(&input);
        let ps = paragraphs(&doc);
        assert_eq!(
            ps[8..],
            [
                "（二）依申请公开情况。定期对政府信息公开申请集中的领域和热点问题进行研判，探索从源头上解决实际问题 abc def 着力强化与申请人的直接沟通，准确了解申请人诉求，提高答复的及时性。",
                "短行没有标点",
                "不接在短行后面。",
                "一二三四五六七八九十一二三四五六七八九十",
                "（三）标题不接在满行后面。",
                "一二三四五六七八九十一二三四五六七八九十",
                "空行分段。",
                "一二三四五六七八九十一二三四五六七八九十",
                "3119",
            ]
        );
        let p = doc.paragraphs().nth(8).unwrap();
        assert!(input[p.span.start..].starts_with("（二）"));
        assert!(input[..p.span.end].ends_with("及时性。"));
        assert_eq!(doc.notes.len(), 1);
    }

    #[test]
    fn one_paragraph_per_line_text_is_never_joined() {
        // Word/portal text: each line a whole paragraph, far wider than any wrap width.
        let long = "政务公开与群众切身利益息息相关".repeat(12);
        let input = format!("{long}\n{long}\n{long}\n{long}\n{long}\n{long}\n{long}\n{long}\n{long}\n");
        assert_eq!(read(&input).paragraphs().count(), 9);
    }
}
