//! Plain-text reader: Word/Excel plain-text pastes, `pdftotext` output (raw and
//! `-layout`), Markdown (converted or OCR'd PDFs) and flattened page text.
//!
//! The input is cut into lines (`\n`, `\r\n` or a lone `\r`), every line is classified,
//! runs of lines are grouped into table regions, and what is left becomes paragraphs.
//!
//! Table shapes recognised:
//!
//! * **TSV paste** (Word/Excel "copy as text"): a line with a TAB between at least two
//!   non-empty fields is a row; consecutive such lines (and TAB-led lines among them) form
//!   one table; cells are split on TABs.
//! * **Cell-per-line** (Word's text export, the seed `xizou-2019.txt`): every cell on its
//!   own line led by one TAB, `\t` alone an empty cell, rows separated by empty lines. The
//!   region is the maximal run of TAB-led and blank lines. It is a table when it holds at
//!   least four cells, one row has two or more, and fewer than half of its non-empty cells
//!   end a sentence (otherwise the lines are TAB-indented paragraphs).
//! * **`pdftotext -layout`**: a *columnar* line has, after its indentation, a gap of two or
//!   more spaces between text; cells are split on those gaps (one space stays inside a
//!   cell). A run of columnar lines is a table; blank lines, page footers and up to
//!   [`LAYOUT_MAX_LOOSE`] single-cell lines (wrapped labels, vertical headers) between them
//!   belong to it as one-cell rows. A section heading (`四、` + six CJK characters, no gap)
//!   or a single-cell line ending a sentence (`。！？`) ends the run. Up to
//!   [`LAYOUT_MAX_LOOSE`] short single-cell lines (≤ [`LAYOUT_LEAD_MAX_CHARS`] characters)
//!   right before the first columnar line (a centred "申请人情况", "第二十条第（一）项")
//!   are taken in too, stopping at a heading or a sentence end. A run is a table only
//!   when it has two columnar lines and one of them has three cells or a numeric cell.
//! * **Markdown pipe tables**: consecutive lines starting with `|`; alignment rows
//!   (`|---|:--:|`) are dropped; `\|` is an escaped pipe. Separate Markdown tables stay
//!   separate tables.
//!
//! Everything else is a paragraph. Page footers (`-3-`, `— 1 —`, `第 3 页`, `3/12`) are
//! dropped everywhere outside TAB/pipe cells and noted ([`NoteKind::PageFooter`]).
//! Hard-wrapped prose (PDF extractions) is re-joined: a line continues the previous
//! paragraph when that one's last line is "full" (display width ≥ [`FULL_LINE_PERCENT`] %
//! of the document's 90th-percentile prose line width) and does not end a sentence, and
//! the line is no heading and no bare number; blank lines end a paragraph unless a page
//! footer was dropped between (a page break). Joining is disabled when the document has
//! fewer than [`WRAP_MIN_LINES`] prose lines or its typical line is wider than
//! [`WRAP_MAX_WIDTH`] columns (one paragraph per line, as Word or portal text is).
//!
//! Everything here is linear in the input (plus one sort of the line widths), and no
//! input-derived index is used unchecked.

use crate::document::{Block, Cell, CellTexts, Document, InputKind, NoteKind, Paragraph, ReadNote, Row, Span, Table};
use crate::read::grid::build_grid;
use crate::read::normalize::{finish, is_invisible, is_space, normalize, push_normalized};
use crate::read::ReadOptions;
use crate::strings::char_count;

/// A prose line is "full" when its width is at least this percentage of the typical one.
pub const FULL_LINE_PERCENT: usize = 85;
/// Fewer prose lines than this: no wrap width can be inferred, nothing is joined.
pub const WRAP_MIN_LINES: usize = 8;
/// A typical (90th-percentile) line wider than this many columns is not hard-wrapped.
pub const WRAP_MAX_WIDTH: usize = 240;
/// At most this many non-blank single-cell lines in a row inside (or right before) a
/// `-layout` table.
pub const LAYOUT_MAX_LOOSE: usize = 8;
/// Single-cell lines taken into a `-layout` table from before its first columnar line
/// are at most this many characters long.
pub const LAYOUT_LEAD_MAX_CHARS: usize = 30;

pub fn read_text(input: &str, options: &ReadOptions) -> Document {
    // The passes that look back and ahead need all lines at once; the list is dropped before
    // the document is built, which walks the lines once more in order.
    let (kinds, regions, wrap_width) = {
        let lines = split_lines(input);
        let kinds: Vec<Kind> = lines.iter().map(|l| classify(l.text)).collect();
        let regions = find_regions(&lines, &kinds);
        let wrap_width = wrap_width(&lines, &kinds, &regions);
        (kinds, regions, wrap_width)
    };

    let mut out = Emitter { options, blocks: Vec::new(), notes: Vec::new(), tables: 0 };
    let mut para: Option<ParaBuilder> = None;
    let mut gap_blank = false;
    let mut gap_footer = false;
    let mut next_region = regions.iter().peekable();
    let mut lines = Lines::new(input);
    let mut i = 0;
    while let Some(line) = lines.next() {
        if let Some(region) = next_region.next_if(|r| r.first == i) {
            if let Some(p) = para.take() {
                out.paragraph(p);
            }
            let more = region.last.saturating_sub(region.first);
            let region_lines = std::iter::once(line).chain(lines.by_ref().take(more));
            let region_kinds = kinds.get(region.first..=region.last).unwrap_or(&[]);
            out.table(region.kind, region_lines.zip(region_kinds.iter().copied()));
            gap_blank = false;
            gap_footer = false;
            i = region.last + 1;
            continue;
        }
        let kind = kinds.get(i).copied().unwrap_or(Kind::Blank);
        match kind {
            Kind::Blank => gap_blank = true,
            Kind::Footer => {
                out.footer(&line, None);
                gap_footer = true;
            }
            _ => match ParaLine::new(&line) {
                None => gap_blank = true,
                Some(pl) => {
                    let join = match &para {
                        Some(p) => (!gap_blank || gap_footer) && p.accepts(&pl, wrap_width),
                        None => false,
                    };
                    match (&mut para, join) {
                        (Some(p), true) => p.push(pl),
                        _ => {
                            if let Some(p) = para.take() {
                                out.paragraph(p);
                            }
                            para = Some(ParaBuilder::new(pl));
                        }
                    }
                    gap_blank = false;
                    gap_footer = false;
                }
            },
        }
        i += 1;
    }
    if let Some(p) = para.take() {
        out.paragraph(p);
    }
    // The block list is kept for the whole check: no spare capacity.
    let mut blocks = out.blocks;
    blocks.shrink_to_fit();
    Document { input: InputKind::Text, blocks, notes: out.notes, marks: Vec::new(), places: Vec::new() }
}

// ---------------------------------------------------------------------------------------
// Lines

#[derive(Clone, Copy, Debug)]
struct Line<'a> {
    /// Byte offset of the line in the input.
    start: usize,
    /// The line without its terminator.
    text: &'a str,
}

impl Line<'_> {
    fn end(&self) -> usize {
        self.start + self.text.len()
    }

    /// The line without leading and trailing whitespace, and its absolute start.
    fn trimmed(&self) -> (usize, &str) {
        let (s, e) = trim_bounds(self.text);
        (self.start + s, self.text.get(s..e).unwrap_or(""))
    }
}

/// The lines of `input`, cut at `\n`, `\r\n` and lone `\r` (all ASCII, so never inside a
/// UTF-8 sequence). A final line without terminator counts; an empty input has no lines.
struct Lines<'a> {
    input: &'a str,
    /// Byte offset where the next line starts.
    next: usize,
}

impl<'a> Lines<'a> {
    fn new(input: &'a str) -> Lines<'a> {
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
        let (len, terminator) = match rest.iter().position(|&b| b == b'\n' || b == b'\r') {
            Some(k) if rest.get(k) == Some(&b'\r') && rest.get(k + 1) == Some(&b'\n') => (k, 2),
            Some(k) => (k, 1),
            None => (rest.len(), 0),
        };
        self.next = start + len + terminator;
        Some(Line { start, text: self.input.get(start..start + len).unwrap_or("") })
    }
}

/// All lines at once, for the passes that look back and ahead (reserved exactly: the list
/// is as long as the input has lines).
fn split_lines(input: &str) -> Vec<Line<'_>> {
    let mut lines = Vec::with_capacity(Lines::new(input).count());
    lines.extend(Lines::new(input));
    lines
}

fn is_blank_char(c: char) -> bool {
    is_space(c) || is_invisible(c) || c == '\0'
}

/// Byte bounds of `s` without leading and trailing whitespace (empty → `(len, len)`).
fn trim_bounds(s: &str) -> (usize, usize) {
    let start = s.len() - s.trim_start_matches(is_blank_char).len();
    let end = s.trim_end_matches(is_blank_char).len().max(start);
    (start, end)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
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
    /// Anything else.
    Plain,
}

fn classify(text: &str) -> Kind {
    if let Some(rest) = text.strip_prefix('\t') {
        if !rest.contains('\t') {
            return Kind::TabCell;
        }
        return Kind::Tsv { strong: nonempty_fields(text) >= 2 };
    }
    let (s, e) = trim_bounds(text);
    let t = text.get(s..e).unwrap_or("");
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
    if split_gaps(text).len() >= 2 {
        Kind::Columnar
    } else {
        Kind::Plain
    }
}

fn nonempty_fields(text: &str) -> usize {
    text.split('\t').filter(|f| !f.chars().all(is_blank_char)).count()
}

/// A page footer: `-3-`, `- 3 -`, `— 1 —`, `－2－`, `第 3 页`, `第3页 共12页`, `3/12`.
#[inline(never)]
pub(crate) fn is_footer(t: &str) -> bool {
    if char_count(t) > 24 {
        return false;
    }
    let s: Vec<char> = t.chars().filter(|&c| !is_blank_char(c)).map(fold_digit).collect();
    let is_dash = |c: &char| matches!(c, '-' | '—' | '－' | '–' | '―' | '‒' | '﹣' | '−' | '─' | '━');
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

/// Cells of a `-layout` line: byte ranges of text separated by runs of two or more
/// whitespace characters; leading and trailing whitespace excluded.
fn split_gaps(text: &str) -> Vec<(usize, usize)> {
    let mut cells = Vec::new();
    let mut cell_start: Option<usize> = None;
    let mut last_end = 0;
    let mut run = 0usize;
    for (i, c) in text.char_indices() {
        if is_blank_char(c) {
            run += 1;
            continue;
        }
        match cell_start {
            None => cell_start = Some(i),
            Some(s) if run >= 2 => {
                cells.push((s, last_end));
                cell_start = Some(i);
            }
            Some(_) => {}
        }
        run = 0;
        last_end = i + c.len_utf8();
    }
    if let Some(s) = cell_start {
        cells.push((s, last_end));
    }
    cells
}

// ---------------------------------------------------------------------------------------
// Character classes and line shapes

pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FFFF}')
}

/// Display columns of a character: CJK and full-width forms take two.
fn char_width(c: char) -> usize {
    let wide = matches!(c,
        '\u{1100}'..='\u{115F}'
        | '\u{2018}'..='\u{201D}'
        | '\u{2E80}'..='\u{A4CF}'
        | '\u{AC00}'..='\u{D7A3}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF00}'..='\u{FF60}'
        | '\u{FFE0}'..='\u{FFE6}'
        | '\u{20000}'..='\u{3FFFD}');
    if wide {
        2
    } else {
        1
    }
}

fn width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

const CN_NUMERALS: &[char] = &['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '百', '零', '〇'];

/// `一、`…`十、` followed by at least six CJK characters: a section heading of the report.
fn is_section_heading(t: &str) -> bool {
    let rest = t.trim_start_matches(CN_NUMERALS);
    if rest.len() == t.len() {
        return false;
    }
    match rest.strip_prefix('、') {
        Some(r) => r.chars().filter(|&c| is_cjk(c)).count() >= 6,
        None => false,
    }
}

/// A line that starts a new paragraph: `一、`, `（一）`, `(1)`, `1.`, `1、`, Markdown `#`.
fn is_heading_start(t: &str) -> bool {
    if t.starts_with('#') {
        return true;
    }
    let rest = t.trim_start_matches(CN_NUMERALS);
    if rest.len() < t.len() {
        return rest.starts_with('、') || rest.starts_with('.') || rest.starts_with('．');
    }
    if let Some(inner) = t.strip_prefix('（').or_else(|| t.strip_prefix('(')) {
        let rest = inner.trim_start_matches(|c: char| CN_NUMERALS.contains(&c) || c.is_ascii_digit());
        return rest.len() < inner.len() && (rest.starts_with('）') || rest.starts_with(')'));
    }
    let rest = t.trim_start_matches(|c: char| c.is_ascii_digit());
    let digits = t.len() - rest.len();
    if (1..=3).contains(&digits) {
        let mut chars = rest.chars();
        return match chars.next() {
            Some('、') => true,
            Some('.' | '．') => chars.next().is_some_and(|c| !c.is_ascii_digit()),
            _ => false,
        };
    }
    false
}

/// Ends with sentence-final punctuation (a wrapped line never does): `。！？；：…` (and
/// ASCII `.!?;:`), or a closing quote right after one of them (`…。”`). A closing quote
/// alone does not end a sentence: "“政社合作”" wraps mid-sentence all the time.
fn ends_sentence(t: &str) -> bool {
    let final_mark = |c: char| matches!(c, '。' | '！' | '？' | '；' | '：' | '…' | '.' | '!' | '?' | ';' | ':');
    let mut rev = t.chars().rev();
    match rev.next() {
        Some(c) if final_mark(c) => true,
        Some('”' | '」' | '』' | '’' | '"' | '）' | ')') => rev.next().is_some_and(final_mark),
        _ => false,
    }
}

/// Ends a sentence in the strict sense (`。！？`): prose, not a table label.
fn ends_period(t: &str) -> bool {
    matches!(t.chars().next_back(), Some('。' | '！' | '？' | '!' | '?'))
}

/// A bare number: `3119`, `96171.6`, `17.46%`.
fn is_numberish(t: &str) -> bool {
    t.chars().any(|c| c.is_ascii_digit())
        && t.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '%' | '-' | '+'))
}

// ---------------------------------------------------------------------------------------
// Regions

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RegionKind {
    Tsv,
    Seed,
    Pipe,
    Layout,
}

#[derive(Clone, Copy, Debug)]
struct Region {
    kind: RegionKind,
    first: usize,
    last: usize,
}

fn find_regions(lines: &[Line<'_>], kinds: &[Kind]) -> Vec<Region> {
    let n = kinds.len().min(lines.len());
    let mut regions = Vec::new();
    let mut taken = vec![false; n];
    let take = |taken: &mut Vec<bool>, regions: &mut Vec<Region>, kind, first: usize, last: usize| {
        for t in taken.iter_mut().take(last + 1).skip(first) {
            *t = true;
        }
        regions.push(Region { kind, first, last });
    };

    // TAB and pipe shapes: they need no look-back.
    let mut i = 0;
    while i < n {
        match kinds[i] {
            Kind::TabCell | Kind::Tsv { .. } => {
                let mut j = i;
                let mut last = i;
                let mut strong = false;
                while j < n && matches!(kinds[j], Kind::TabCell | Kind::Tsv { .. } | Kind::Footer) {
                    if kinds[j] != Kind::Footer {
                        last = j;
                    }
                    strong |= kinds[j] == Kind::Tsv { strong: true };
                    j += 1;
                }
                if strong {
                    take(&mut taken, &mut regions, RegionKind::Tsv, i, last);
                    i = last + 1;
                    continue;
                }
                if kinds[i] == Kind::TabCell {
                    let mut j = i;
                    let mut last = i;
                    while j < n && matches!(kinds[j], Kind::TabCell | Kind::Blank | Kind::Footer) {
                        if kinds[j] == Kind::TabCell {
                            last = j;
                        }
                        j += 1;
                    }
                    if seed_is_table(&lines[i..=last], &kinds[i..=last]) {
                        take(&mut taken, &mut regions, RegionKind::Seed, i, last);
                    }
                    i = last + 1;
                    continue;
                }
                i = j.max(i + 1);
            }
            Kind::Pipe => {
                let mut j = i;
                let mut last = i;
                let mut any = false;
                while j < n && matches!(kinds[j], Kind::Pipe | Kind::Footer) {
                    if kinds[j] == Kind::Pipe {
                        last = j;
                        let (_, t) = lines[j].trimmed();
                        let cells = pipe_cells(t);
                        any |= !is_separator_row(t, &cells)
                            && cells.iter().any(|&(s, e)| !clean_md(t.get(s..e).unwrap_or("")).is_empty());
                    }
                    j += 1;
                }
                if any {
                    take(&mut taken, &mut regions, RegionKind::Pipe, i, last);
                }
                i = last + 1;
            }
            _ => i += 1,
        }
    }

    // `pdftotext -layout` tables.
    let mut i = 0;
    while i < n {
        if taken[i] || kinds[i] != Kind::Columnar {
            i += 1;
            continue;
        }
        let mut end = i;
        let mut columnar = 1;
        let mut strong = columnar_is_strong(lines[i].text);
        let mut loose = 0;
        let mut j = i + 1;
        while j < n && !taken[j] {
            match kinds[j] {
                Kind::Blank | Kind::Footer => {}
                Kind::Columnar => {
                    end = j;
                    columnar += 1;
                    strong |= columnar_is_strong(lines[j].text);
                    loose = 0;
                }
                Kind::Plain => {
                    let (_, t) = lines[j].trimmed();
                    loose += 1;
                    if is_section_heading(t) || ends_period(t) || loose > LAYOUT_MAX_LOOSE {
                        break;
                    }
                }
                _ => break,
            }
            j += 1;
        }
        if columnar < 2 || !strong {
            i = j.max(i + 1);
            continue;
        }
        // Labels right before the first columnar line.
        let mut first = i;
        let mut m = i;
        let mut lead = 0;
        while m > 0 {
            m -= 1;
            if taken[m] {
                break;
            }
            match kinds[m] {
                Kind::Blank | Kind::Footer => {}
                Kind::Plain => {
                    let (_, t) = lines[m].trimmed();
                    if lead >= LAYOUT_MAX_LOOSE
                        || is_section_heading(t)
                        || ends_period(t)
                        || char_count(t) > LAYOUT_LEAD_MAX_CHARS
                    {
                        break;
                    }
                    lead += 1;
                    first = m;
                }
                _ => break,
            }
        }
        take(&mut taken, &mut regions, RegionKind::Layout, first, end);
        i = end + 1;
    }
    crate::order::sort_by_key(&mut regions, |r| (r.first as u64, 0));
    regions
}

/// A cell-per-line region is a table, not TAB-indented paragraphs.
fn seed_is_table(lines: &[Line<'_>], kinds: &[Kind]) -> bool {
    let mut cells = 0;
    let mut nonempty = 0;
    let mut prose = 0;
    let mut row = 0;
    let mut widest_row = 0;
    for (line, kind) in lines.iter().zip(kinds) {
        match kind {
            Kind::TabCell => {
                cells += 1;
                row += 1;
                widest_row = widest_row.max(row);
                let t = normalize(line.text);
                if !t.is_empty() {
                    nonempty += 1;
                    if ends_period(&t) {
                        prose += 1;
                    }
                }
            }
            Kind::Blank => row = 0,
            _ => {}
        }
    }
    cells >= 4 && widest_row >= 2 && prose * 2 < nonempty
}

fn columnar_is_strong(text: &str) -> bool {
    let cells = split_gaps(text);
    cells.len() >= 3 || cells.iter().any(|&(s, e)| is_numberish(text.get(s..e).unwrap_or("")))
}

/// Byte ranges (within `t`, which starts with `|`) of the cells of a Markdown row.
fn pipe_cells(t: &str) -> Vec<(usize, usize)> {
    let mut pipes = Vec::new();
    let mut escaped = false;
    for (i, b) in t.bytes().enumerate() {
        match b {
            b'\\' => escaped = !escaped,
            b'|' if !escaped => pipes.push(i),
            _ => escaped = false,
        }
        if b != b'\\' {
            escaped = false;
        }
    }
    let mut cells: Vec<(usize, usize)> = pipes.windows(2).map(|w| (w[0] + 1, w[1])).collect();
    if let Some(&last) = pipes.last() {
        let tail = t.get(last + 1..).unwrap_or("");
        if !tail.chars().all(is_blank_char) {
            cells.push((last + 1, t.len()));
        }
    }
    cells
}

/// `|---|:--:|` — the alignment row under a Markdown header.
fn is_separator_row(t: &str, cells: &[(usize, usize)]) -> bool {
    !cells.is_empty()
        && cells.iter().all(|&(s, e)| {
            let c = t.get(s..e).unwrap_or("").trim_matches(is_blank_char);
            let c = c.strip_prefix(':').unwrap_or(c);
            let c = c.strip_suffix(':').unwrap_or(c);
            !c.is_empty() && c.chars().all(|ch| ch == '-')
        })
}

/// Markdown cell or paragraph text: `**` removed, `\|` unescaped, whitespace normalised.
fn clean_md(s: &str) -> String {
    if s.contains("**") || s.contains("\\|") {
        normalize(&s.replace("**", "").replace("\\|", "|"))
    } else {
        normalize(s)
    }
}

// ---------------------------------------------------------------------------------------
// Paragraphs

/// The wrap width of hard-wrapped prose: the 90th percentile of prose line widths, or
/// `None` when the document is not hard-wrapped.
fn wrap_width(lines: &[Line<'_>], kinds: &[Kind], regions: &[Region]) -> Option<usize> {
    let mut widths = Vec::new();
    let mut next_region = regions.iter().peekable();
    let mut i = 0;
    while let (Some(line), Some(&kind)) = (lines.get(i), kinds.get(i)) {
        if let Some(r) = next_region.next_if(|r| r.first == i) {
            i = r.last + 1;
            continue;
        }
        if !matches!(kind, Kind::Blank | Kind::Footer) {
            let w = width(line.trimmed().1);
            if w > 0 {
                widths.push(w);
            }
        }
        i += 1;
    }
    if widths.len() < WRAP_MIN_LINES {
        return None;
    }
    crate::order::sort_by_key(&mut widths, |&w| (w as u64, 0));
    let p90 = *widths.get(widths.len() * 9 / 10).or(widths.last())?;
    (p90 <= WRAP_MAX_WIDTH).then_some(p90)
}

/// One line about to become (part of) a paragraph.
struct ParaLine {
    text: String,
    span: Span,
    width: usize,
    /// Starts a paragraph of its own (`一、`, `（一）`, `1.`, a Markdown heading).
    heading: bool,
    /// A Markdown heading: nothing joins onto it.
    md_heading: bool,
    number: bool,
}

impl ParaLine {
    fn new(line: &Line<'_>) -> Option<ParaLine> {
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
        let text = clean_md(t);
        if text.is_empty() {
            return None;
        }
        Some(ParaLine {
            width: width(t),
            number: is_numberish(&text),
            text,
            span: Span::new(start, start + t.len()),
            heading,
            md_heading,
        })
    }
}

struct ParaBuilder {
    text: String,
    span: Span,
    last: ParaLine,
}

impl ParaBuilder {
    fn new(line: ParaLine) -> ParaBuilder {
        ParaBuilder { text: line.text.clone(), span: line.span, last: line }
    }

    /// Does `next` continue this paragraph (hard-wrapped prose)?
    fn accepts(&self, next: &ParaLine, wrap_width: Option<usize>) -> bool {
        let Some(w) = wrap_width else { return false };
        !next.heading
            && !next.number
            && !self.last.md_heading
            && !ends_sentence(&self.last.text)
            && self.last.width * 100 >= w * FULL_LINE_PERCENT
    }

    fn push(&mut self, line: ParaLine) {
        let ascii_both = self.text.chars().next_back().is_some_and(|c| c.is_ascii_graphic())
            && line.text.chars().next().is_some_and(|c| c.is_ascii_graphic());
        if ascii_both {
            self.text.push(' ');
        }
        self.text.push_str(&line.text);
        self.span = self.span.cover(line.span);
        self.last = line;
    }
}

// ---------------------------------------------------------------------------------------
// Output

/// The cell texts of the table being read, and a buffer to normalise each in.
#[derive(Default)]
struct CellGatherer {
    texts: CellTexts,
    scratch: String,
}

impl CellGatherer {
    /// A cell from `text`, which starts at byte `abs` of the input (`md`: a Markdown cell);
    /// its normalised text joins the table's texts.
    fn cell(&mut self, abs: usize, text: &str, md: bool) -> Cell {
        let (s, e) = trim_bounds(text);
        let range = if md {
            self.texts.push(&clean_md(text))
        } else {
            self.scratch.clear();
            push_normalized(&mut self.scratch, text);
            finish(&mut self.scratch);
            self.texts.push(&self.scratch)
        };
        Cell::new(range, Span::new(abs + s, abs + e), 1, 1, false)
    }
}

struct Emitter<'a> {
    options: &'a ReadOptions,
    blocks: Vec<Block>,
    notes: Vec<ReadNote>,
    tables: usize,
}

impl Emitter<'_> {
    fn paragraph(&mut self, p: ParaBuilder) {
        // Kept for the whole check: no spare capacity (the text grew line by line).
        let mut text = p.text;
        text.shrink_to_fit();
        self.blocks.push(Block::Paragraph(Paragraph { text, span: p.span }));
    }

    fn footer(&mut self, line: &Line<'_>, table: Option<usize>) {
        let (start, t) = line.trimmed();
        self.notes.push(ReadNote {
            kind: NoteKind::PageFooter,
            message: format!("page footer \"{t}\" removed (页脚已删除)"),
            span: Some(Span::new(start, start + t.len())),
            table,
            position: None,
        });
    }

    /// A table from the lines of a region (each with its kind), in order.
    fn table<'a>(&mut self, region: RegionKind, lines: impl Iterator<Item = (Line<'a>, Kind)>) {
        let index = self.tables;
        self.tables += 1;
        let mut rows: Vec<Row> = Vec::new();
        let mut span: Option<Span> = None;
        let mut gather = CellGatherer::default();
        // Cells of the row being gathered (cell-per-line shape only).
        let mut pending: Vec<Cell> = Vec::new();
        let mut pending_span: Option<Span> = None;
        for (line, kind) in lines {
            let line_span = Span::new(line.start, line.end());
            span = Some(span.map_or(line_span, |s| s.cover(line_span)));
            if kind == Kind::Footer {
                self.footer(&line, Some(index));
                continue;
            }
            let cells: Vec<Cell> = match (region, kind) {
                (_, Kind::Blank) => {
                    if let Some(span) = pending_span.take() {
                        let cells = std::mem::take(&mut pending).into_boxed_slice();
                        rows.push(Row::new(span, 0, None, cells));
                    }
                    continue;
                }
                (RegionKind::Seed, _) => {
                    let rest = line.text.get(1..).unwrap_or("");
                    pending.push(gather.cell(line.start + 1, rest, false));
                    pending_span = Some(pending_span.map_or(line_span, |s| s.cover(line_span)));
                    continue;
                }
                (RegionKind::Tsv, _) => {
                    let mut offset = 0;
                    let mut cells = Vec::new();
                    for field in line.text.split('\t') {
                        cells.push(gather.cell(line.start + offset, field, false));
                        offset += field.len() + 1;
                    }
                    cells
                }
                (RegionKind::Pipe, _) => {
                    let (start, t) = line.trimmed();
                    let ranges = pipe_cells(t);
                    if is_separator_row(t, &ranges) {
                        continue;
                    }
                    (ranges.iter()).map(|&(s, e)| gather.cell(start + s, t.get(s..e).unwrap_or(""), true)).collect()
                }
                (RegionKind::Layout, _) => split_gaps(line.text)
                    .iter()
                    .map(|&(s, e)| gather.cell(line.start + s, line.text.get(s..e).unwrap_or(""), false))
                    .collect(),
            };
            if cells.is_empty() {
                continue;
            }
            let (s, e) = trim_bounds(line.text);
            let span = Span::new(line.start + s, line.start + e);
            rows.push(Row::new(span, 0, None, cells.into_boxed_slice()));
        }
        if let Some(span) = pending_span.take() {
            rows.push(Row::new(span, 0, None, pending.into_boxed_slice()));
        }
        rows.shrink_to_fit();
        let grid = build_grid(index, &rows, self.options.grid, false, &mut self.notes);
        let texts = gather.texts.finish();
        self.blocks.push(Block::Table(Box::new(Table::new(index, span.unwrap_or_default(), rows, grid, texts))));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{CellAddress, CellRef};

    fn read(input: &str) -> Document {
        read_text(input, &ReadOptions::default())
    }

    fn paragraphs(doc: &Document) -> Vec<&str> {
        doc.paragraphs().map(|p| p.text.as_str()).collect()
    }

    fn rows(t: &Table) -> Vec<Vec<&str>> {
        t.rows.iter().map(|r| r.cells.iter().map(|c| t.text(c)).collect()).collect()
    }

    /// Every cell's span slices back to its text (for inputs without inner whitespace runs).
    fn spans_slice_back(input: &str, doc: &Document) {
        for t in doc.tables() {
            for (r, row) in t.rows.iter().enumerate() {
                for (c, cell) in row.cells.iter().enumerate() {
                    assert_eq!(normalize(&input[cell.span().start..cell.span().end]), t.text(cell));
                    assert_eq!(t.address(CellRef { row: r as u32, cell: c as u32 }), CellAddress::new(t.index, r, c));
                    assert_eq!((cell.rowspan(), cell.colspan(), row.group, row.skipped), (1, 1, 0, None));
                }
            }
        }
    }

    #[test]
    fn tsv_paste_is_a_table() {
        let input = "二、主动公开政府信息情况\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\r\n规章\t1\t0\t11\n\t自然人\t\t总计\n行政规范性文件\t8\t26\t66\n\n三、收到和处理";
        let doc = read(input);
        assert_eq!(paragraphs(&doc), vec!["二、主动公开政府信息情况", "三、收到和处理"]);
        let t = doc.tables().next().unwrap();
        assert_eq!(t.index, 0);
        assert_eq!(
            rows(t),
            vec![
                vec!["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
                vec!["规章", "1", "0", "11"],
                vec!["", "自然人", "", "总计"],
                vec!["行政规范性文件", "8", "26", "66"],
            ]
        );
        assert_eq!(t.grid.width(), 4);
        assert_eq!(t.grid.height(), 4);
        assert_eq!(t.anchored_text(1, 3), Some("11"));
        assert_eq!(&input[t.span.start..t.span.end], &input[37..input.find("\n\n").unwrap()]);
        spans_slice_back(input, &doc);
        // A lone trailing TAB does not make a table.
        assert_eq!(paragraphs(&read("一、总体情况\t\n正文。")), vec!["一、总体情况", "正文。"]);
    }

    #[test]
    fn cell_per_line_rows_are_separated_by_empty_lines() {
        let input = "标题\n\t信息内容\n\t本年新制作数量\n\n\t规章\n\t\n\t0\n\n\n三、收到和处理政府信息公开申请情况\n";
        let doc = read(input);
        assert_eq!(paragraphs(&doc), vec!["标题", "三、收到和处理政府信息公开申请情况"]);
        let t = doc.tables().next().unwrap();
        assert_eq!(rows(t), vec![vec!["信息内容", "本年新制作数量"], vec!["规章", "", "0"]]);
        // The empty cell is kept, with an empty span right after its TAB.
        let empty = &t.rows[1].cells[1];
        assert!(empty.span().is_empty());
        assert_eq!(&input[empty.span().start - 1..empty.span().start], "\t");
        assert_eq!(&input[t.span.start..t.span.end], "\t信息内容\n\t本年新制作数量\n\n\t规章\n\t\n\t0");
        assert_eq!(&input[t.rows[1].span().start..t.rows[1].span().end], "\t规章\n\t\n\t0");
        spans_slice_back(input, &doc);
    }

    #[test]
    fn tab_indented_prose_is_not_a_table() {
        let doc = read("\t一、总体情况\n\t2019年，我镇主动公开信息。\n\n\t无。\n");
        assert_eq!(doc.tables().count(), 0);
        assert_eq!(paragraphs(&doc), vec!["一、总体情况", "2019年，我镇主动公开信息。", "无。"]);
    }

    const LAYOUT: &str = "      三、收到和处理政府信息公开申请情况
                        申请人情况

（本列数据的勾稽关系为：              法人或其他组织
等于第三项加第四项之和）
                 自然人                 总计
一、本年新收政府信息公开申请数量      3001     53    3119

本
      （二）部分公开（区分处理的，只计这一情
                                447     7     454
年
                       -4-
      形，不计其他情形）
     四、结转下年度继续办理        103     0     103


     四、政府信息公开行政复议、行政诉讼情况
   对照上级新要求和公众新期待，还有一些需要加强和改进的
";

    #[test]
    fn layout_columns_split_on_two_spaces() {
        let doc = read(LAYOUT);
        assert_eq!(
            paragraphs(&doc),
            vec![
                "三、收到和处理政府信息公开申请情况",
                "四、政府信息公开行政复议、行政诉讼情况",
                "对照上级新要求和公众新期待，还有一些需要加强和改进的"
            ]
        );
        let t = doc.tables().next().unwrap();
        assert_eq!(
            rows(t),
            vec![
                vec!["申请人情况"],
                vec!["（本列数据的勾稽关系为：", "法人或其他组织"],
                vec!["等于第三项加第四项之和）"],
                vec!["自然人", "总计"],
                vec!["一、本年新收政府信息公开申请数量", "3001", "53", "3119"],
                vec!["本"],
                vec!["（二）部分公开（区分处理的，只计这一情"],
                vec!["447", "7", "454"],
                vec!["年"],
                vec!["形，不计其他情形）"],
                vec!["四、结转下年度继续办理", "103", "0", "103"],
            ]
        );
        // The column position can be recovered from the span.
        let row = &t.rows[4];
        let line_start = LAYOUT[..row.span().start].rfind('\n').map_or(0, |i| i + 1);
        assert_eq!(
            row.cells[3].span().start - line_start,
            "一、本年新收政府信息公开申请数量      3001     53    ".len()
        );
        spans_slice_back(LAYOUT, &doc);
        assert_eq!(doc.notes.len(), 1);
        assert_eq!(doc.notes[0].kind, NoteKind::PageFooter);
        assert_eq!(doc.notes[0].table, Some(0));
        let s = doc.notes[0].span.unwrap();
        assert_eq!(&LAYOUT[s.start..s.end], "-4-");
    }

    #[test]
    fn one_gapped_prose_line_is_not_a_table() {
        let doc = read("我们坚持公开为常态、不公开为例外，  全年共发布信息。\n一、总体情况\n");
        assert_eq!(doc.tables().count(), 0);
        assert_eq!(paragraphs(&doc), vec!["我们坚持公开为常态、不公开为例外， 全年共发布信息。", "一、总体情况"]);
    }

    #[test]
    fn markdown_tables() {
        let input = "## 表二：主动公开政府信息情况\n| 信息内容 | **本年** \\| 制发 | 现行有效件数 |\n|---|:--:|---:|\n| 规章 | 22 |  |\n| 行政规范性文件 | 34\n## 表三\n| a | b |\n|---|---|\n\n|\n**注：** 无。";
        let doc = read(input);
        assert_eq!(paragraphs(&doc), vec!["表二：主动公开政府信息情况", "表三", "|", "注： 无。"]);
        let tables: Vec<&Table> = doc.tables().collect();
        assert_eq!(tables.len(), 2);
        assert_eq!(
            rows(tables[0]),
            vec![vec!["信息内容", "本年 | 制发", "现行有效件数"], vec!["规章", "22", ""], vec!["行政规范性文件", "34"]]
        );
        assert_eq!(tables[1].index, 1);
        assert_eq!(rows(tables[1]), vec![vec!["a", "b"]]);
        assert_eq!(tables[1].address(CellRef { row: 0, cell: 1 }), CellAddress { table: 1, row: 0, cell: 1 });
        let c = &tables[0].rows[1].cells[1];
        assert_eq!(&input[c.span().start..c.span().end], "22");
        let h = doc.paragraphs().next().unwrap();
        assert_eq!(&input[h.span.start..h.span.end], "表二：主动公开政府信息情况");
    }

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
        let input = "一、总体情况\n\n   -1-\n正文。\n第 2 页\n";
        let doc = read(input);
        assert_eq!(paragraphs(&doc), vec!["一、总体情况", "正文。"]);
        let spans: Vec<&str> = doc.notes.iter().map(|n| &input[n.span.unwrap().start..n.span.unwrap().end]).collect();
        assert_eq!(spans, vec!["-1-", "第 2 页"]);
        assert!(doc.notes.iter().all(|n| n.kind == NoteKind::PageFooter && n.table.is_none()));
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

    #[test]
    fn heading_starts() {
        for h in [
            "一、总体情况",
            "十二、其他",
            "（一）主动公开",
            "(2) 其他",
            "1.属于国家秘密",
            "12、其他",
            "## 表三",
            "三.其他",
        ] {
            assert!(is_heading_start(h), "{h}");
        }
        for h in ["2024 年，我市", "21 个，制作", "3.5万元", "（以下简称《条例》）", "一是拓宽渠道", "二十条"]
        {
            assert!(!is_heading_start(h), "{h}");
        }
        assert!(is_section_heading("四、政府信息公开行政复议、行政诉讼情况"));
        assert!(!is_section_heading("三、"));
        assert!(!is_section_heading(" 三 、本 年 度办 理 结果"));
    }

    #[test]
    fn never_panics() {
        let huge = "一".repeat(200_000);
        let many = "a  1  2\n\n本\n".repeat(35_000);
        let tabs = "\t\t\t\n\t\n".repeat(1000);
        let pipes = "|\n||\n|---|\n| \\| |\n|\\\n".repeat(100);
        let cases: Vec<&str> = vec![
            "",
            "\n",
            "\n\n\n",
            " \u{3000}\u{a0}\n\t",
            "\t",
            "\t\t",
            "|",
            "||",
            "| |",
            "|---|",
            "\\|",
            "#",
            "## ",
            "**",
            "-",
            "—",
            "\r",
            "\r\r\n\r",
            "\u{feff}",
            "\0\0\0",
            "\u{fffd}\u{1}\u{7f}",
            "a  b",
            "  a  ",
            "1/",
            "第页",
            "第1",
            "-1",
            "１",
            &huge,
            &many,
            &tabs,
            &pipes,
        ];
        for c in cases {
            let doc = read(c);
            for b in &doc.blocks {
                match b {
                    Block::Paragraph(p) => {
                        assert!(p.span.start <= p.span.end && p.span.end <= c.len())
                    }
                    Block::Table(t) => {
                        assert!(t.span.end <= c.len());
                        assert!(t
                            .cells()
                            .all(|cell| cell.span().start <= cell.span().end && cell.span().end <= c.len()));
                    }
                }
            }
        }
        // 100 000 lines in well under a second (linear time).
        let lines =
            "（一）一二三四五六七八九十一二三四五六七八九十\n规章    1    0    11\n\t0\n| 1 | 2 |\n".repeat(25_000);
        let t = std::time::Instant::now();
        let doc = read(&lines);
        assert!(doc.blocks.len() > 10);
        assert!(t.elapsed() < std::time::Duration::from_secs(5), "{:?}", t.elapsed());
    }
}
