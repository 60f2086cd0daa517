//! The report's title, organ and year, and its six section headings.

use crate::document::{Block, Document, Span};
use crate::format::{Formats, Section, SectionSpec};
use crate::recognize::labels::{canonical, similarity, words};
use crate::recognize::model::{FoundSection, Title};
use crate::strings::char_count;

const NUMERALS: [&str; 6] = ["一", "二", "三", "四", "五", "六"];
const NUMERAL_CHARS: [char; 6] = ['一', '二', '三', '四', '五', '六'];

/// Strip Markdown heading and emphasis markers a conversion leaves around a line, and a
/// Word bookmark that leaked into the text (`[bookmark: _GoBack]`).
fn strip_markup(text: &str) -> &str {
    // Where the text readers are built (native, the browser's second module: a flattened
    // text's every cell is a paragraph, and each comes here), a text that starts and ends
    // with none of the characters stripped is itself, told from its two ends. The same text
    // either way (tested).
    #[cfg(feature = "text-readers")]
    if bare(text) {
        return text;
    }
    strip_markup_by_trimming(text)
}

/// [`strip_markup`], trimming each kind of marker in turn.
fn strip_markup_by_trimming(text: &str) -> &str {
    let mut t = text.trim().trim_start_matches('#').trim().trim_matches('*').trim();
    while t.starts_with("[bookmark:") {
        match t.find(']') {
            Some(end) => t = t[end + 1..].trim_start(),
            None => break,
        }
    }
    t
}

/// Does `text` start with neither whitespace, `#`, `*` nor `[`, and end with neither
/// whitespace nor `*`? Then [`strip_markup`] leaves it as it is.
#[cfg(feature = "text-readers")]
fn bare(text: &str) -> bool {
    let (Some(first), Some(last)) = (text.chars().next(), text.chars().next_back()) else { return false };
    !first.is_whitespace() && !matches!(first, '#' | '*' | '[') && !last.is_whitespace() && last != '*'
}

/// The first 4-digit year in `text` followed by 年 (spaces allowed): `2024 年` → 2024.
pub fn first_year(text: &str) -> Option<(u16, usize)> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i + 4 <= bytes.len() {
        if bytes[i..i + 4].iter().all(u8::is_ascii_digit)
            && (i == 0 || !bytes[i - 1].is_ascii_digit())
            && bytes.get(i + 4).is_none_or(|b| !b.is_ascii_digit())
        {
            let rest = text[i + 4..].trim_start();
            if rest.starts_with('年') {
                let year: u16 = text[i..i + 4].parse().ok()?;
                if (1990..=2100).contains(&year) {
                    return Some((year, i));
                }
            }
        }
        i += 1;
    }
    None
}

/// The title: the first paragraph before section 一 that names an annual report, with a
/// short line before it when the title was broken over two lines (organ, then year and
/// name). A page's `标题:` prefix is dropped.
pub fn find_title(doc: &Document, first_section_block: Option<usize>) -> Option<Title> {
    let limit = first_section_block.unwrap_or(usize::MAX).min(12);
    title_in(doc, 0, limit).or_else(|| {
        // A page saved or converted whole (a portal page saved as Word) can have dozens of
        // lines of site navigation before the report: then the title is the last line that
        // names a report shortly before section 一.
        let first = first_section_block?;
        (first.saturating_sub(30).max(limit)..first).rev().find_map(|i| title_in(doc, i, i + 1))
    })
}

/// The first title among blocks `from..to` (joined with a short line before it).
fn title_in(doc: &Document, from: usize, to: usize) -> Option<Title> {
    let mut prev: Option<(&str, Span)> = match from.checked_sub(1).and_then(|i| doc.blocks.get(i)) {
        Some(Block::Paragraph(p)) => Some((strip_markup(&p.text), p.span)),
        _ => None,
    };
    for block in doc.blocks.get(from..to.min(doc.blocks.len()))? {
        let Block::Paragraph(p) = block else {
            prev = None;
            continue;
        };
        let text = strip_markup(&p.text);
        let text = text.strip_prefix("标题").map_or(text, |t| t.trim_start_matches([':', '：', ' ']));
        let names_report = (text.contains("报告") || text.contains("年报")) && char_count(text) <= 80;
        if names_report && !text.starts_with("本报告") && !text.contains("。") {
            let mut title = text.to_string();
            let mut span = p.span;
            if let Some((before, before_span)) = prev {
                // (A line before that itself names a report, e.g. a page's breadcrumb
                // "政府信息公开年报", is not the first half of this one.)
                let names_report = before.contains("报告") || before.contains("年报");
                let short = char_count(before) <= 30 && !before.contains(['。', '，', '：', ':']) && !names_report;
                // Broken over two lines: the organ, or the year and organ, on the line before.
                let one_year = first_year(&title).is_none() || first_year(before).is_none();
                if short && one_year && !before.starts_with("正文") && before != "正文" {
                    title = format!("{before}{title}");
                    span = before_span.cover(span);
                }
            }
            return Some(Title { text: title, span });
        }
        prev = Some((text, p.span));
    }
    None
}

/// The organ named in the title: the text before the year, or between the year and
/// 政府信息公开 when the year comes first.
pub fn organ_from_title(title: &str) -> Option<String> {
    let compact: String = title.chars().filter(|c| !c.is_whitespace()).collect();
    let (_, at) = first_year(&compact)?;
    let before = compact[..at].trim();
    let organ = if !before.is_empty() {
        before.to_string()
    } else {
        let after = compact[at + 4..].trim_start_matches(['年', '度']);
        let end = after.find("政府信息公开").or_else(|| after.find("信息公开")).unwrap_or(after.len());
        after[..end].to_string()
    };
    let organ = organ.trim_end_matches(['的', '关', '于']).to_string();
    (!organ.is_empty()).then_some(organ)
}

/// The year stated in a 统计期限 sentence: `自2024年1月1日至2024年12月31日`.
pub fn period_year(doc: &Document) -> Option<u16> {
    doc.paragraphs().take(30).find_map(|p| {
        let t: String = p.text.chars().filter(|c| !c.is_whitespace()).collect();
        let at = t.find("1月1日")?;
        let head: Vec<char> = t[..at].chars().collect();
        // …YYYY年 right before 1月1日.
        let n = head.len();
        if n < 5 || head[n - 1] != '年' {
            return None;
        }
        let y: String = head[n - 5..n - 1].iter().collect();
        y.parse().ok()
    })
}

/// How strictly a printed title (the heading without its numeral) names a section, from
/// the loosest reading to the strictest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Naming {
    /// Short and holding one of the section's key terms: reworded
    /// (`存在的主要问题及明年工作计划`).
    Keyed,
    /// Close to the official title or a variant: a typo, a word changed.
    Close,
    /// The official title or a listed variant, word for word.
    Exact,
}

/// How `printed` names the section, if it does.
fn naming(printed: &str, spec: &SectionSpec) -> Option<Naming> {
    naming_of_words(&words(printed), spec)
}

/// [`words`] of an official title, variant or key term of a section: from a table worked out
/// once where the text readers are built (native, the browser's second module: their headings
/// run into flattened text are looked for at every numeral), reduced on the spot otherwise
/// (the eager module, and a made-up format's strings). The same words either way (tested).
#[cfg(feature = "text-readers")]
fn spec_words(s: &'static str) -> std::borrow::Cow<'static, str> {
    match reduced::entry(s) {
        Some(e) => std::borrow::Cow::Borrowed(&e.words),
        None => std::borrow::Cow::Owned(words(s)),
    }
}

#[cfg(not(feature = "text-readers"))]
fn spec_words(s: &str) -> String {
    words(s)
}

/// How a title whose [`words`] are `p` names the section, if it does.
fn naming_of_words(p: &str, spec: &SectionSpec) -> Option<Naming> {
    if p.is_empty() {
        return None;
    }
    let official = spec_words(spec.title());
    if *p == *official || spec.variants.iter().any(|v| *spec_words(v) == *p) {
        return Some(Naming::Exact);
    }
    // The similarity is at most the shorter length over the longer: where the text readers are
    // built (native, the browser's second module) it is not worked out below that. The eager
    // module leaves the test out (49 bytes gzip); the same answers either way.
    #[cfg(feature = "text-readers")]
    let similarity = {
        let p_len = char_count(p);
        move |p: &str, o: &str, _max: usize| title_similarity(p, p_len, o)
    };
    let naming = if similarity(p, &official, MAX_TITLE) >= 0.75
        || spec.variants.iter().any(|v| similarity(p, &spec_words(v), MAX_TITLE) >= 0.8)
    {
        Naming::Close
    } else if spec.keys.iter().any(|k| p.contains(&*spec_words(k))) && char_count(p) <= char_count(&official) + 12 {
        Naming::Keyed
    } else {
        return None;
    };
    (!names_table_row(p)).then_some(naming)
}

/// [`similarity`] of the title words `p` (`p_len` characters) and `o`, or 0 where it is below
/// 0.75 for certain without working it out: it is at most the shorter length over the longer,
/// and at most the share of `p`'s characters found in `o` (the common subsequence is made of
/// those), counted through a hashed set of `o`'s characters.
#[cfg(feature = "text-readers")]
fn title_similarity(p: &str, p_len: usize, o: &str) -> f64 {
    let o_len = char_count(o);
    let longer = p_len.max(o_len) as f64;
    if (p_len.min(o_len) as f64 / longer) < 0.75 {
        return 0.0;
    }
    let set = o.chars().fold(0, |set, c| set | reduced::bit(c));
    if (p.chars().filter(|&c| set & reduced::bit(c) != 0).count() as f64 / longer) < 0.75 {
        return 0.0;
    }
    similarity(p, o, MAX_TITLE)
}

/// 表三's top rows are numbered like sections (`一、本年新收政府信息公开申请数量`,
/// `三、本年度办理结果`, `四、结转下年度继续办理`): a title that is one of them (in words) is a
/// row label, never a heading. (The official revisions' rows: headings are found before the
/// tables, in every revision alike.)
fn names_table_row(title_words: &str) -> bool {
    let names = |label: &str| label.split_once('、').is_some_and(|(_, title)| words(title) == title_words);
    for format in Formats::OFFICIAL.iter() {
        for table in format.tables {
            for (_, row) in table.rows() {
                if names(row.label) || row.parent.is_some_and(names) {
                    return true;
                }
            }
        }
    }
    false
}

/// The characters of [`canonical`] of an official title or variant: from the table
/// [`spec_words`] reads, or worked out on the spot.
#[cfg(feature = "text-readers")]
fn spec_chars(s: &'static str) -> std::borrow::Cow<'static, [char]> {
    match reduced::entry(s) {
        Some(e) => std::borrow::Cow::Borrowed(&e.chars),
        None => std::borrow::Cow::Owned(canonical(s).chars().collect()),
    }
}

#[cfg(not(feature = "text-readers"))]
fn spec_chars(s: &str) -> Vec<char> {
    canonical(s).chars().collect()
}

/// Every official section string reduced once (where the text readers are built).
#[cfg(feature = "text-readers")]
mod reduced {
    use std::sync::OnceLock;

    use crate::format::Formats;
    use crate::recognize::labels::{canonical, words};

    pub(super) struct Entry {
        /// The string (the key: by its text, as the same literal may sit at two addresses).
        text: &'static str,
        pub(super) words: String,
        pub(super) chars: Vec<char>,
        /// The characters of `chars`, one bit each (hashed).
        set: u64,
    }

    pub(super) fn bit(c: char) -> u64 {
        // Fibonacci hashing: the top six bits of the character times 2^64/φ.
        1 << (u64::from(c).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 58)
    }

    struct Table {
        /// Sorted by text.
        entries: Vec<Entry>,
        /// (address, length) of each string as the formats hold it, with its entry's index,
        /// sorted: most strings asked about are these, found without comparing text.
        by_address: Vec<((usize, usize), usize)>,
    }

    static TABLE: OnceLock<Table> = OnceLock::new();

    /// Every official section's title, variants and keys, in the formats' order.
    pub(super) fn official_strings() -> Vec<&'static str> {
        let mut strings: Vec<&'static str> = Vec::new();
        for f in Formats::OFFICIAL.iter() {
            for spec in f.sections {
                strings.push(spec.title());
                strings.extend_from_slice(spec.variants);
                strings.extend_from_slice(spec.keys);
            }
        }
        strings
    }

    fn table() -> &'static Table {
        TABLE.get_or_init(|| {
            let strings = official_strings();
            let address = |s: &str| (s.as_ptr() as usize, s.len());
            let mut texts = strings.clone();
            texts.sort_unstable();
            texts.dedup();
            let mut by_address: Vec<((usize, usize), usize)> =
                strings.iter().filter_map(|s| Some((address(s), texts.binary_search(s).ok()?))).collect();
            by_address.sort_unstable();
            by_address.dedup();
            let entries = texts
                .into_iter()
                .map(|s| {
                    let chars: Vec<char> = canonical(s).chars().collect();
                    let set = chars.iter().fold(0, |set, &c| set | bit(c));
                    Entry { text: s, words: words(s), chars, set }
                })
                .collect();
            Table { entries, by_address }
        })
    }

    /// The entry of an official string (`None` for any other string).
    pub(super) fn entry(s: &str) -> Option<&'static Entry> {
        let table = table();
        let key = (s.as_ptr() as usize, s.len());
        let i = match table.by_address.binary_search_by(|e| e.0.cmp(&key)) {
            Ok(k) => table.by_address[k].1,
            // The same text at another address, or no official string.
            Err(_) => table.entries.binary_search_by(|e| e.text.cmp(s)).ok()?,
        };
        Some(&table.entries[i])
    }

    /// Can some window of `window` have a common subsequence with `title` (`want` characters
    /// long) of at least 0.8 of the longer? Not when fewer than 0.8 × `want` of its characters
    /// are in the title's set: the subsequence is made of those. A title that is not in the
    /// table is always tried.
    pub(super) fn may_match(window: &[char], title: &'static str, want: usize) -> bool {
        let Some(e) = entry(title) else { return true };
        let inside = window.iter().filter(|&&c| e.set & bit(c) != 0).count();
        inside * 5 >= want * 4
    }
}

/// No title is longer than this many characters: nothing longer is compared.
const MAX_TITLE: usize = 100;

/// The longest common subsequence of each prefix `a[..i]` with `b`, at index `i`, in one pass
/// (each row of the table ends with one of them); zeros when either is too long to be a title.
fn prefix_lcs(a: &[char], b: &[char]) -> [u8; MAX_TITLE + 1] {
    let mut out = [0u8; MAX_TITLE + 1];
    if a.len() > MAX_TITLE || b.len() > MAX_TITLE {
        return out;
    }
    // Two rows of the table, on the stack: this runs for every numeral in running text.
    let mut prev = [0u8; MAX_TITLE + 1];
    let mut cur = [0u8; MAX_TITLE + 1];
    for (i, &ca) in a.iter().enumerate() {
        for (j, &cb) in b.iter().enumerate() {
            cur[j + 1] = if ca == cb { prev[j] + 1 } else { cur[j].max(prev[j + 1]) };
        }
        std::mem::swap(&mut prev, &mut cur);
        out[i + 1] = prev[b.len()];
    }
    out
}

/// How a heading's numeral is set off from its title.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Separator {
    /// `、` as the format prints it, or `.`, `．`, `,`, `，`, a space.
    Mark,
    /// Nothing (`一总体情况`): `一是…`, `三季度…` are prose, so only a title naming the section
    /// word for word makes this a heading.
    Missing,
}

impl Separator {
    /// The least a title must name its section by, after this separator.
    fn needs(self) -> Naming {
        match self {
            Separator::Mark => Naming::Keyed,
            Separator::Missing => Naming::Exact,
        }
    }
}

/// The section numeral `text` starts with (its index), how it is set off, and the text
/// after it and its separator.
fn numbered(text: &str) -> Option<(usize, Separator, &str)> {
    let n = NUMERALS.iter().position(|n| text.starts_with(n))?;
    let after = &text[NUMERALS[n].len()..];
    let trimmed = after.trim_start();
    match trimmed.strip_prefix(['、', '.', '．', ',', '，']) {
        Some(rest) => Some((n, Separator::Mark, rest.trim_start())),
        // `一 总体情况` with only a space.
        None if trimmed.len() < after.len() => Some((n, Separator::Mark, trimmed)),
        None => Some((n, Separator::Missing, after)),
    }
}

/// Ends a title that runs on into text: a number, a space, punctuation, an opening bracket or
/// quote (`五、存在的主要问题及明年工作计划2024年…`).
fn is_title_break(c: char) -> bool {
    c.is_ascii_digit()
        || ('０'..='９').contains(&c)
        || c.is_whitespace()
        || matches!(
            c,
            '。' | '，' | '、' | '；' | '：' | '！' | '？' | ',' | ';' | ':' | '!' | '?' | '（' | '(' | '“' | '"'
        )
}

/// Words a reworded title ends with, for a title run straight into Chinese prose
/// (`五、存在的主要问题及改进措施一是…`).
const TITLE_ENDINGS: [&str; 8] = ["情况", "事项", "问题", "措施", "计划", "打算", "不足", "举措"];

/// Is `c` the first character of one of [`TITLE_ENDINGS`]?
#[cfg(feature = "text-readers")]
fn is_title_ending_lead(c: char) -> bool {
    matches!(c, '情' | '事' | '问' | '措' | '计' | '打' | '不' | '举')
}

/// The title of `spec` at the start of `rest` (the text after the numeral), run into whatever
/// follows it: its length in bytes, and how it names the section.
fn title_at(rest: &str, spec: &SectionSpec) -> Option<(usize, Naming)> {
    worded_title(rest, spec).or_else(|| free_title(rest, spec))
}

/// The official title or a variant, spelt right or nearly: of the stretches about as long
/// as it (spaces aside, which PDF text puts anywhere), the one most like it, when it is
/// alike enough (0.8). A longer stretch wins a tie, as it keeps more of the printed title.
fn worded_title(rest: &str, spec: &SectionSpec) -> Option<(usize, Naming)> {
    let longest = std::iter::once(spec.title()).chain(spec.variants.iter().copied()).map(char_count).max()?;
    // The byte end of each of the first non-space characters, and the canonical form of the
    // text they make: canonical drops spaces only, so its n-th character is the n-th of these.
    let ends: Vec<usize> = rest
        .char_indices()
        .filter(|(_, c)| !c.is_whitespace())
        .map(|(i, c)| i + c.len_utf8())
        .take(longest + 3)
        .collect();
    let printed: Vec<char> = canonical(&rest[..ends.last().copied().unwrap_or(0)]).chars().collect();
    let (likeness, end) = closest_window(&printed, &ends, spec, cfg!(feature = "text-readers"))?;
    // Only a title printed word for word scores 1: its words are the title's (tested). Where
    // the text readers are built, that is the answer without reducing the text again.
    if cfg!(feature = "text-readers") && likeness >= 1.0 {
        return Some((end, Naming::Exact));
    }
    let printed = words(&rest[..end]);
    if *printed == *spec_words(spec.title()) || spec.variants.iter().any(|v| *spec_words(v) == *printed) {
        Some((end, Naming::Exact))
    } else {
        (!names_table_row(&printed)).then_some((end, Naming::Close))
    }
}

/// The likeness and byte end of the stretch of the text most like the section's title or a
/// variant, of those about as long as it, when it is alike enough (0.8): `printed` are the
/// characters of [`canonical`] of the text, the n-th ending at byte `ends[n]`. With `shortcut`
/// (where the text readers are built), a title the text starts with word for word (most
/// headings) scores 1 without the table below, and once one has, the titles after it are only
/// tried for that: no other window scores 1, and a tie goes to the later title. The same
/// answer either way (tested).
#[inline(always)]
fn closest_window(printed: &[char], ends: &[usize], spec: &SectionSpec, shortcut: bool) -> Option<(f64, usize)> {
    let mut best: Option<(f64, usize)> = None;
    for title in std::iter::once(spec.title()).chain(spec.variants.iter().copied()) {
        let want = spec_chars(title);
        let want: &[char] = &want;
        if shortcut {
            if !want.is_empty() && printed.starts_with(want) {
                best = Some((1.0, ends[want.len() - 1]));
                continue;
            }
            if best.is_some_and(|(b, _)| b >= 1.0) {
                continue;
            }
        }
        let longest_window = printed.len().min(want.len() + 2);
        // No window can reach 0.8 when too few of its characters are in the title at all (the
        // common subsequence is at most that many): most numerals in running text end here,
        // without the table below. Where the text readers are built (tested to skip only
        // titles that no window matches).
        #[cfg(feature = "text-readers")]
        if !reduced::may_match(&printed[..longest_window], title, want.len()) {
            continue;
        }
        let lcs = prefix_lcs(&printed[..longest_window], want);
        // A window of `n` characters, n from three short of the title to two past it.
        let shortest = want.len().saturating_sub(3).max(1);
        for n in shortest..=longest_window {
            let (Some(&common), Some(&end)) = (lcs.get(n), ends.get(n - 1)) else { break };
            let s = f64::from(common) / n.max(want.len()) as f64;
            if s >= 0.8 && best.is_none_or(|(b, _)| s >= b) {
                best = Some((s, end));
            }
        }
    }
    best
}

/// A reworded title: the words up to the first break, or — when they run on into prose —
/// up to the last word a title ends with; short, and naming the section.
fn free_title(rest: &str, spec: &SectionSpec) -> Option<(usize, Naming)> {
    let cut = &rest[..rest.find(is_title_break).unwrap_or(rest.len())];
    if let Some(naming) = naming(cut, spec) {
        return Some((cut.len(), naming));
    }
    // No ending starts with a character the cut lacks: most row labels (`上年结转政府信息公开申请
    // 数量`) end here, without looking for each ending. Where the text readers are built (tested
    // against the endings' first characters).
    #[cfg(feature = "text-readers")]
    if !cut.contains(is_title_ending_lead) {
        return None;
    }
    let end = TITLE_ENDINGS.iter().filter_map(|w| cut.find(w).map(|i| i + w.len())).max()?;
    naming(&cut[..end], spec).map(|naming| (end, naming))
}

/// What comes before a heading run into a paragraph, which decides whether one can start
/// there and how strictly its title must name its section.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Before {
    /// The paragraph's start, the end of a sentence or clause, a closing bracket, a number
    /// (a table's last cell, bare or with its unit: `3147230`, `2832995元`, `547.9659万元`,
    /// `17.46%`) or a placeholder (`/`, `—`).
    Break,
    /// Chinese text (a row label whose cells were left blank, the report's title): only a
    /// title the format prints, word for word.
    Text,
    /// Anything else: not a heading. An opening bracket or quote (`（三）`, `“三、…`), a
    /// numeral (`二十三、`), or a word that introduces a mention (`详见三、…`, `第三、…`).
    Nothing,
}

/// Units a table's cell or a sentence writes after a number.
const UNITS: [&str; 10] = ["万元", "元", "件", "条", "项", "个", "次", "人", "家", "份"];
/// Words right before a heading's text that make it a mention in a sentence.
const MENTION_LEADS: [char; 12] = ['见', '在', '第', '即', '如', '按', '照', '据', '于', '及', '和', '与'];

fn before(text: &str) -> Before {
    let t = text.trim_end();
    let mut rev = t.chars().rev();
    let Some(last) = rev.next() else { return Before::Break };
    let number_before =
        |stem: &str| stem.chars().next_back().is_none_or(|c| c.is_ascii_digit() || ('０'..='９').contains(&c));
    if matches!(last, '。' | '！' | '？' | '；' | '：' | '!' | '?' | ';' | ':' | '）' | ')' | '】' | ']')
        || matches!(last, '/' | '／' | '—' | '-' | '－' | '–' | '%' | '％')
        || number_before(t)
        || UNITS.iter().any(|u| t.strip_suffix(u).is_some_and(number_before))
        // A closing quote ending a sentence: `…。”`
        || matches!(last, '”' | '」') && rev.next().is_some_and(|c| matches!(c, '。' | '！' | '？'))
    {
        return Before::Break;
    }
    let numeral = "一二三四五六七八九十百零〇".contains(last);
    if numeral || MENTION_LEADS.contains(&last) || !is_cjk(last) {
        return Before::Nothing;
    }
    Before::Text
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FFFF}')
}

/// Is a title, followed by `after`, set as a heading? Followed by `，`, `、`, `。` or a closing
/// quote it is named in a sentence or a list (`详见“三、收到和处理政府信息公开申请情况”`,
/// `一、总体情况，二、…`).
fn set_as_heading(after: &str) -> bool {
    !after.trim_start().starts_with(['，', ',', '、', '。', '”', '」', '》', '’'])
}

/// A section heading run into `text` at byte `at`, where its numeral is: the section and
/// the byte where the printed heading ends. Only the numeral's own section: a heading
/// numbered wrongly is recognised on a line of its own, not inside running text.
pub(crate) fn heading_at(text: &str, at: usize, sections: &[SectionSpec]) -> Option<(Section, usize)> {
    let (n, separator, rest) = numbered(text.get(at..)?)?;
    let needs = match before(&text[..at]) {
        Before::Break => separator.needs(),
        Before::Text => Naming::Exact,
        Before::Nothing => return None,
    };
    let spec = sections.get(n)?;
    if needs == Naming::Exact && !starts_like_title(rest, spec) {
        return None; // `一个`, `一是`, `三季度`: most numerals in running text, cheaply
    }
    let (len, naming) = title_at(rest, spec)?;
    let end = text.len() - rest.len() + len;
    (naming >= needs && set_as_heading(&text[end..])).then_some((spec.section, end))
}

/// Does `rest` start with the first character of the section's title or of a variant, as a
/// title printed word for word must?
fn starts_like_title(rest: &str, spec: &SectionSpec) -> bool {
    let first = rest.chars().find(|c| !c.is_whitespace());
    std::iter::once(spec.title()).chain(spec.variants.iter().copied()).any(|t| t.chars().next() == first)
}

/// A title that runs on into a sentence or a number (`六、其他需要报告的事项：无。`): the
/// paragraph is more than the heading (a heading closed with a full stop,
/// `二、主动公开政府信息情况。`, is not).
fn runs_on(title: &str) -> bool {
    let title = title.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '。' | '；' | '：' | ':' | '.'));
    title.contains(|c: char| c.is_ascii_digit() || matches!(c, '。' | '，' | '；' | '：' | ':' | '！' | '？'))
}

/// The heading a paragraph opens with: its section and the heading as printed. A short
/// paragraph that is all title is the heading, naming its section even when numbered wrongly
/// (`五、其他需要报告的事项`); otherwise the heading is run into the paragraph's text. Opening a
/// paragraph, the official title or one close to it is a heading whatever follows it
/// (`二、主动公开政府信息情况。2019年…`); a reworded one followed by `，` is numbered prose
/// (`二、加强主动公开，提升…`).
fn leading_heading<'a>(text: &'a str, sections: &[SectionSpec]) -> Option<(Section, &'a str)> {
    let (n, separator, rest) = numbered(text)?;
    if char_count(text) <= 50 && !runs_on(rest) {
        let order = std::iter::once(n).chain((0..6).filter(|&m| m != n));
        // Where the text readers are built, the title's words once for every section it is
        // held against ([`naming`] is exactly that, reduced per section: 47 bytes gzip smaller
        // in the eager module).
        #[cfg(feature = "text-readers")]
        let p = words(rest);
        #[cfg(feature = "text-readers")]
        let naming = |_rest: &str, s: &SectionSpec| naming_of_words(&p, s);
        let named = |m: usize| sections.get(m).and_then(|s| naming(rest, s)).is_some_and(|k| k >= separator.needs());
        if let Some(m) = order.into_iter().find(|&m| named(m)) {
            return Some((Section::ALL[m], text));
        }
    }
    let spec = sections.get(n)?;
    let (len, naming) = title_at(rest, spec)?;
    let end = text.len() - rest.len() + len;
    let set = naming >= Naming::Close || set_as_heading(&text[end..]);
    (naming >= separator.needs() && set).then(|| (spec.section, &text[..end]))
}

/// Does the paragraph `text` open with the heading printed as `printed`?
pub(crate) fn opens(text: &str, printed: &str) -> bool {
    strip_markup(text).starts_with(printed)
}

/// A heading found, with where its numeral is in its paragraph's text (to order headings run
/// into one paragraph).
struct Located {
    found: FoundSection,
    at: usize,
}

/// Find the six section headings, in document order.
pub fn find_sections(doc: &Document, sections: &'static [SectionSpec]) -> Vec<FoundSection> {
    let mut found: Vec<Located> = Vec::new();
    // 1. Headings opening a paragraph.
    for (i, block) in doc.blocks.iter().enumerate() {
        let Block::Paragraph(p) = block else { continue };
        let Some((section, printed)) = leading_heading(strip_markup(&p.text), sections) else { continue };
        if found.iter().any(|f| f.found.section == section) {
            continue;
        }
        let found_section = FoundSection { section, printed: printed.to_string(), span: p.span, block: i };
        found.push(Located { found: found_section, at: 0 });
    }
    // 2. Headings run into a paragraph: flattened page text, a heading glued to the last cell
    //    of the table before it. The first one after the heading of the section before, when
    //    that was found (one named earlier is a mention); else the first one anywhere.
    for spec in sections {
        if found.iter().any(|f| f.found.section == spec.section) {
            continue;
        }
        let previous = found.iter().filter(|f| f.found.section < spec.section).map(|f| (f.found.block, f.at)).max();
        let hit = run_in_heading(doc, spec, sections, previous, false)
            .or_else(|| previous.and_then(|_| run_in_heading(doc, spec, sections, previous, true)));
        if let Some(located) = hit {
            found.push(located);
        }
    }
    crate::order::sort_by_key(&mut found, |f| (f.found.block as u64, f.at as u64));
    found.into_iter().map(|f| f.found).collect()
}

/// The first heading of `spec` run into a paragraph after position `after` (block, byte in
/// its text), or before it with `before_it`.
fn run_in_heading(
    doc: &Document,
    spec: &SectionSpec,
    sections: &[SectionSpec],
    after: Option<(usize, usize)>,
    before_it: bool,
) -> Option<Located> {
    let numeral = NUMERAL_CHARS[spec.section.index()];
    let (skip, take) = match (after, before_it) {
        (Some(a), true) => (0, a.0 + 1),
        (Some(a), false) => (a.0, usize::MAX),
        (None, _) => (0, usize::MAX),
    };
    for (i, block) in doc.blocks.iter().enumerate().skip(skip).take(take) {
        let Block::Paragraph(p) = block else { continue };
        // In the block of the heading before, after it: where the text readers are built
        // (flattened page text: one paragraph), the search starts past its numeral. The
        // numerals it skips are all turned away below.
        #[cfg(feature = "text-readers")]
        let from = match after {
            Some((b, at)) if b == i && !before_it => p.text[at..].chars().next().map_or(at, |c| at + c.len_utf8()),
            _ => 0,
        };
        #[cfg(feature = "text-readers")]
        let numerals = p.text[from..].match_indices(numeral).map(|(at, _)| from + at);
        #[cfg(not(feature = "text-readers"))]
        let numerals = p.text.match_indices(numeral).map(|(at, _)| at);
        for at in numerals {
            if after.is_some_and(|a| ((i, at) > a) == before_it) {
                continue;
            }
            if let Some((section, end)) = heading_at(&p.text, at, sections).filter(|h| h.0 == spec.section) {
                let printed = p.text[at..end].trim_end().to_string();
                return Some(Located { found: FoundSection { section, printed, span: p.span, block: i }, at });
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The table of reduced official strings gives what reducing them on the spot gives.
    #[cfg(feature = "text-readers")]
    #[test]
    fn reduced_section_strings_are_the_strings_reduced() {
        let mut n = 0;
        for f in Formats::OFFICIAL.iter() {
            for spec in f.sections {
                let all = std::iter::once(spec.title()).chain(spec.variants.iter().copied());
                for s in all.chain(spec.keys.iter().copied()) {
                    assert!(reduced::entry(s).is_some(), "{s}");
                    // Found by its address or by its text alike.
                    let copy = s.to_string();
                    assert!(std::ptr::eq(reduced::entry(s).unwrap(), reduced::entry(&copy).unwrap()), "{s}");
                    assert_eq!(*spec_words(s), words(s), "{s}");
                    assert_eq!(*spec_chars(s), canonical(s).chars().collect::<Vec<char>>(), "{s}");
                    n += 1;
                }
            }
        }
        assert!(n > 20);
        // A string that is no official one's is reduced on the spot.
        assert!(reduced::entry("总体 情况").is_none());
        assert_eq!(*spec_words("总体 情况"), words("总体 情况"));
    }

    /// A similarity turned away unworked is below 0.75 (every threshold a title is held to),
    /// and one worked out is [`similarity`]: the words of every text fixture's paragraphs up to
    /// a title break after each numeral, and of the official strings and their halves, against
    /// each official string.
    #[cfg(feature = "text-readers")]
    #[test]
    fn titles_turned_away_are_less_alike_than_needed() {
        let official = reduced::official_strings();
        let mut printed: Vec<String> = Vec::new();
        at_every_numeral(|rest| {
            let rest = rest.get(3..).unwrap_or("").trim_start_matches(['、', '.', '．', ',', '，', ' ']);
            printed.push(words(&rest[..rest.find(is_title_break).unwrap_or(rest.len())]));
        });
        for o in &official {
            let half: String = o.chars().take(char_count(o) / 2).collect();
            printed.extend([words(o), words(&half), words(&format!("{o}{half}"))]);
        }
        let (mut worked, mut turned) = (0, 0);
        for p in printed.iter().filter(|p| !p.is_empty()) {
            for o in &official {
                let o = words(o);
                let (fast, full) = (title_similarity(p, char_count(p), &o), similarity(p, &o, MAX_TITLE));
                if fast == 0.0 && full != 0.0 {
                    assert!(full < 0.75, "{p} against {o}: {full}");
                    turned += 1;
                } else {
                    assert_eq!(fast, full, "{p} against {o}");
                    worked += 1;
                }
            }
        }
        assert!(worked > 100 && turned > 100, "{worked} worked out, {turned} turned away");
    }

    /// A text told bare by its ends is what trimming its markers leaves: every paragraph of
    /// the text fixtures, and texts made with each marker at either end.
    #[cfg(feature = "text-readers")]
    #[test]
    fn bare_texts_are_their_stripped_markup() {
        let mut texts: Vec<String> = Vec::new();
        crate::test_fixtures::for_each_text_fixture(|_, doc| texts.extend(doc.paragraphs().map(|p| p.text.clone())));
        assert!(texts.len() > 500, "{}", texts.len());
        let ends = ["", " ", "\u{3000}", "#", "*", "[", "[bookmark: _GoBack]", "]", "a", "一", "\n", "**"];
        for a in ends {
            for b in ends {
                for middle in ["", "x", "总体情况", "#*#"] {
                    texts.push(format!("{a}{middle}{b}"));
                }
            }
        }
        for t in &texts {
            assert_eq!(strip_markup(t), strip_markup_by_trimming(t), "{t:?}");
        }
    }

    /// Calls `f` with the text from each section numeral (一 … 六) on, in every paragraph of
    /// every text fixture.
    #[cfg(feature = "text-readers")]
    fn at_every_numeral(mut f: impl FnMut(&str)) {
        crate::test_fixtures::for_each_text_fixture(|_, doc| {
            for p in doc.paragraphs() {
                for (at, c) in p.text.char_indices() {
                    if NUMERAL_CHARS.contains(&c) {
                        f(&p.text[at..]);
                    }
                }
            }
        });
    }

    /// [`reduced::may_match`] turns a title away only where no window reaches 0.8: at every
    /// numeral of every text fixture's paragraphs, and on the titles themselves cut and
    /// misspelt, against every official title and variant.
    #[cfg(feature = "text-readers")]
    #[test]
    fn titles_turned_away_match_no_window() {
        let mut rests: Vec<String> = Vec::new();
        at_every_numeral(|text| rests.push(text.chars().skip(2).take(40).collect()));
        for f in Formats::OFFICIAL.iter() {
            for spec in f.sections {
                for t in std::iter::once(spec.title()).chain(spec.variants.iter().copied()) {
                    let chars: Vec<char> = t.chars().collect();
                    for k in 0..chars.len() {
                        let mut typo = chars.clone();
                        typo[k] = '某';
                        rests.push(typo.iter().collect());
                        rests.push(chars[k..].iter().collect());
                        rests.push(chars[..k].iter().chain(&chars[k + 1..]).collect());
                    }
                }
            }
        }
        assert!(rests.len() > 1000, "{}", rests.len());
        let (mut turned, mut kept) = (0, 0);
        for rest in &rests {
            let printed: Vec<char> = canonical(rest).chars().collect();
            for f in Formats::OFFICIAL.iter() {
                for spec in f.sections {
                    for title in std::iter::once(spec.title()).chain(spec.variants.iter().copied()) {
                        let want = spec_chars(title);
                        let longest_window = printed.len().min(want.len() + 2);
                        let lcs = prefix_lcs(&printed[..longest_window], &want);
                        let shortest = want.len().saturating_sub(3).max(1);
                        let reaches =
                            (shortest..=longest_window).any(|n| f64::from(lcs[n]) / n.max(want.len()) as f64 >= 0.8);
                        if reduced::may_match(&printed[..longest_window], title, want.len()) {
                            kept += 1;
                        } else {
                            assert!(!reaches, "{rest:?} against {title:?}");
                            turned += 1;
                        }
                    }
                }
            }
        }
        assert!(turned > 5 * kept, "{turned} turned away, {kept} kept");
    }

    /// [`closest_window`]'s shortcut gives the answer of the table alone: at every numeral of
    /// every text fixture's paragraphs, and on the titles themselves, whole, run on into text,
    /// spaced out and cut, against every official section.
    #[cfg(feature = "text-readers")]
    #[test]
    fn closest_windows_by_the_shortcut_are_those_of_the_table() {
        let mut rests: Vec<String> = Vec::new();
        at_every_numeral(|text| {
            let (_, _, rest) = numbered(text).unwrap_or((0, Separator::Missing, ""));
            rests.push(rest.chars().take(60).collect());
        });
        for f in Formats::OFFICIAL.iter() {
            for spec in f.sections {
                for t in std::iter::once(spec.title()).chain(spec.variants.iter().copied()) {
                    rests.push(t.to_string());
                    rests.push(format!("{t}2024年，我局"));
                    rests.push(format!("{t}（一）情况"));
                    rests.push(t.chars().flat_map(|c| [c, ' ']).collect());
                    rests.push(t.chars().skip(1).collect());
                }
            }
        }
        let (mut found, mut exact) = (0, 0);
        for rest in &rests {
            for f in Formats::OFFICIAL.iter() {
                for spec in f.sections {
                    let ends: Vec<usize> = rest
                        .char_indices()
                        .filter(|(_, c)| !c.is_whitespace())
                        .map(|(i, c)| i + c.len_utf8())
                        .take(MAX_TITLE)
                        .collect();
                    let printed: Vec<char> = canonical(&rest[..ends.last().copied().unwrap_or(0)]).chars().collect();
                    let end = closest_window(&printed, &ends, spec, false);
                    assert_eq!(closest_window(&printed, &ends, spec, true), end, "{rest:?}");
                    found += usize::from(end.is_some());
                    // A likeness of 1: the words of a title or a variant, word for word.
                    if let Some((1.0, end)) = end {
                        let words = words(&rest[..end]);
                        let mut titles = std::iter::once(spec.title()).chain(spec.variants.iter().copied());
                        assert!(titles.any(|t| *spec_words(t) == words), "{rest:?}");
                        exact += 1;
                    }
                }
            }
        }
        assert!(found > 100 && exact > 50, "{found} windows found, {exact} word for word");
    }

    #[cfg(feature = "text-readers")]
    #[test]
    fn title_ending_leads_are_the_endings_first_characters() {
        let leads: Vec<char> = TITLE_ENDINGS.iter().filter_map(|w| w.chars().next()).collect();
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            assert_eq!(is_title_ending_lead(c), leads.contains(&c), "{c:?}");
        }
    }

    #[test]
    fn organs_and_years_from_titles() {
        assert_eq!(organ_from_title("息陬镇人民政府2019年信息公开年度报告").as_deref(), Some("息陬镇人民政府"));
        assert_eq!(
            organ_from_title("2025 年上海市人民政府办公厅政府信息公开工作年度报告").as_deref(),
            Some("上海市人民政府办公厅")
        );
        assert_eq!(
            organ_from_title("淮安市人民政府2024 年政府信息公开工作年度报告").as_deref(),
            Some("淮安市人民政府")
        );
        assert_eq!(
            organ_from_title("平潭综合实验区2022年度政府信息公开工作年度报告").as_deref(),
            Some("平潭综合实验区")
        );
        assert_eq!(first_year("淮安市人民政府 2024 年政府信息公开").map(|y| y.0), Some(2024));
        assert_eq!(first_year("电话0517-83605210"), None);
    }

    #[test]
    fn numerals_and_separators() {
        assert_eq!(numbered("一、总体情况"), Some((0, Separator::Mark, "总体情况")));
        assert_eq!(numbered("五.存在的主要问题及改进情况"), Some((4, Separator::Mark, "存在的主要问题及改进情况")));
        assert_eq!(numbered("三 、 收到"), Some((2, Separator::Mark, "收到")));
        assert_eq!(numbered("一 总体情况"), Some((0, Separator::Mark, "总体情况")));
        assert_eq!(numbered("一总体情况"), Some((0, Separator::Missing, "总体情况")));
        assert_eq!(numbered("十一、其他"), None);
    }

    fn leading(text: &str) -> Option<(Section, &str)> {
        leading_heading(text, crate::format::y2021::FORMAT.sections)
    }

    #[test]
    fn a_paragraph_opening_with_a_heading() {
        assert_eq!(leading("## 三、收到和处理政府信息公开申请情况"), None, "markup is stripped by the caller");
        assert_eq!(leading("一总体情况"), Some((Section::Overview, "一总体情况")));
        assert_eq!(leading("五、其他需要报告的事项"), Some((Section::Other, "五、其他需要报告的事项")));
        // Run into its text: the heading stops where the title does.
        assert_eq!(
            leading("五、存在的主要问题及明年工作计划2024年，我局将进一步加强政策解读。"),
            Some((Section::Problems, "五、存在的主要问题及明年工作计划"))
        );
        assert_eq!(
            leading("二、主动公开政府信息情况 2019年主动公开政府信息118条。"),
            Some((Section::ProactiveDisclosure, "二、主动公开政府信息情况"))
        );
        // Closed with a full stop, alone or before its text.
        assert_eq!(
            leading("二、主动公开政府信息情况。"),
            Some((Section::ProactiveDisclosure, "二、主动公开政府信息情况。"))
        );
        assert_eq!(
            leading("二、主动公开政府信息情况。2019年，我镇主动公开政府信息118条。"),
            Some((Section::ProactiveDisclosure, "二、主动公开政府信息情况"))
        );
        assert_eq!(leading("六、其他需要报告的事项：无。"), Some((Section::Other, "六、其他需要报告的事项")));
        assert_eq!(
            leading("四、政府信息公开行政复议，行政诉讼情况"),
            Some((Section::ReviewLitigation, "四、政府信息公开行政复议，行政诉讼情况"))
        );
        // Not headings: numbered prose, 表三's numbered rows.
        for text in [
            "一是加强领导",
            "三季度依申请公开情况良好",
            "二、加强主动公开，提升透明度。",
            "一、本年新收政府信息公开申请数量",
            "一、本年新收政府信息公开申请数量 3 0 0 0 0 0 3",
            "三、本年度办理结果",
            "三、本年度办理结果（一）予以公开 3 0 0 0 0 0 3",
            "四、结转下年度继续办理",
            "四、结转下年度继续办理0000000",
        ] {
            assert_eq!(leading(text), None, "{text}");
        }
    }

    fn run_in(text: &str) -> Vec<(Section, &str)> {
        let sections = crate::format::y2021::FORMAT.sections;
        (text.char_indices())
            .filter_map(|(at, _)| heading_at(text, at, sections).map(|(s, end)| (s, &text[at..end])))
            .collect()
    }

    #[test]
    fn headings_run_into_text() {
        let three = (Section::Requests, "三、收到和处理政府信息公开申请情况");
        // Glued to the last cell of 表二: a value with its unit, a bare number, a space.
        for glued in [
            "政府集中采购2832995元三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为",
            "行政事业性收费547.9659万元三、收到和处理政府信息公开申请情况",
            "行政事业性收费3147230元 三、收到和处理政府信息公开申请情况",
            "行政事业性收费9116.36三、收到和处理政府信息公开申请情况",
            "行政事业性收费—三、收到和处理政府信息公开申请情况",
        ] {
            assert_eq!(run_in(glued), vec![three], "{glued}");
        }
        // To Chinese text (blank cells, the title): only the title word for word.
        assert_eq!(
            run_in("四、结转下年度继续办理四、政府信息公开行政复议、行政诉讼情况行政复议"),
            vec![(Section::ReviewLitigation, "四、政府信息公开行政复议、行政诉讼情况")]
        );
        assert_eq!(run_in("四、结转下年度继续办理四、政府信息公开行政法复议、行政诉讼情况"), vec![]);
        assert_eq!(
            run_in("平潭综合实验区2022年度政府信息公开工作年度报告一、总体情况2022年，"),
            vec![(Section::Overview, "一、总体情况")]
        );
        // A variant, straight into 表四's header; a reworded title, into its text.
        assert_eq!(
            run_in("0000000四、因政府信息公开工作被申请行政复议、提起行政诉讼情况行政复议行政诉讼结果维持"),
            vec![(Section::ReviewLitigation, "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况")]
        );
        assert_eq!(
            run_in("0 0 0五、存在的主要问题及明年工作计划2024年，"),
            vec![(Section::Problems, "五、存在的主要问题及明年工作计划")]
        );
        // Without its 、: word for word only.
        assert_eq!(run_in("现报告如下：一总体情况2019年，"), vec![(Section::Overview, "一总体情况")]);
        assert_eq!(run_in("情况如下：六其他需要报告的事项无。"), vec![(Section::Other, "六其他需要报告的事项")]);
        // Mentions, numbered prose, 表三's rows and sub-items: no heading.
        for text in [
            "详见三、收到和处理政府信息公开申请情况。",
            "按照“三、收到和处理政府信息公开申请情况”填报",
            "本报告包括：一、总体情况，二、主动公开政府信息情况，三、收到和处理政府信息公开申请情况等六个部分",
            "第二十三、收到和处理政府信息公开申请情况",
            "（三）收到和处理政府信息公开申请情况",
            "取得成效。一是主动公开政府信息情况良好；二是依申请公开情况平稳。三是",
            "（七）总计3000003四、结转下年度继续办理0000000",
            "3000003二、上年结转政府信息公开申请数量0000000三、本年度办理结果（一）予以公开",
        ] {
            assert_eq!(run_in(text), vec![], "{text}");
        }
    }
}
