//! Matching printed labels to official ones (docs/format.md §9.1): full/half width, spaces,
//! `1.`/`1、`/`1．`, quotes, and typos.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;

use crate::format::{ColumnSpec, Formats, RowSpec};
use crate::strings::char_count;

/// Fold a label to a canonical form: no whitespace, ASCII punctuation turned full-width as
/// the format writes it, sub-item numbering `1、`/`1．` → `1.`, quotes → `“”`, full-width
/// digits → ASCII.
pub fn canonical(label: &str) -> String {
    let mut out = String::with_capacity(label.len());
    push_canonical(label, &mut out);
    out
}

/// [`canonical`] of `label` pushed onto `out` (the text tables keep a table's forms in one
/// string). Inlined into [`canonical`], as it was one function.
#[inline(always)]
pub(crate) fn push_canonical(label: &str, out: &mut String) {
    let mut prev_digit = false;
    // How many `“` and `”` this label has put in `out` so far.
    let (mut open, mut close) = (0usize, 0usize);
    let mut chars = label.chars();
    // A `while let` where the text readers are not built.
    #[cfg_attr(not(feature = "text-readers"), allow(clippy::while_let_loop))]
    loop {
        #[cfg(feature = "text-readers")]
        if copy_ideographs(&mut chars, out) {
            prev_digit = false;
        }
        let Some(c) = chars.next() else { break };
        let after_digit = prev_digit;
        prev_digit = c.is_ascii_digit();
        let mapped = match c {
            c if c.is_whitespace() || c == '\u{3000}' || c == '\u{a0}' => continue,
            '(' => '（',
            ')' => '）',
            ',' => '，',
            ':' => '：',
            ';' => '；',
            // Alternate opening and closing quotes.
            '"' | '＂' | '「' | '」' if open > close => '”',
            '"' | '＂' | '「' | '」' => '“',
            '、' | '．' | '.' if after_digit => '.',
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '／' => '/',
            c => c,
        };
        open += usize::from(mapped == '“');
        close += usize::from(mapped == '”');
        out.push(mapped);
    }
}

/// Like [`canonical`], also without punctuation and sub-item numbers: what is left are the
/// words.
pub fn words(label: &str) -> String {
    // [`canonical`] in one pass without its intermediate string: every character it maps is
    // mapped to punctuation or a digit, which are dropped here, except `．` after anything but
    // an ASCII digit, which it keeps as it is.
    let mut out = String::with_capacity(label.len());
    let mut prev_digit = false;
    let mut chars = label.chars();
    // A `while let` where the text readers are not built.
    #[cfg_attr(not(feature = "text-readers"), allow(clippy::while_let_loop))]
    loop {
        #[cfg(feature = "text-readers")]
        if copy_ideographs(&mut chars, &mut out) {
            prev_digit = false;
        }
        let Some(c) = chars.next() else { break };
        let keep = is_word_char(c, prev_digit);
        prev_digit = c.is_ascii_digit();
        if keep {
            out.push(c);
        }
    }
    out
}

/// Whether [`words`] keeps `c` (`after_digit`: the character before it is an ASCII digit).
fn is_word_char(c: char, after_digit: bool) -> bool {
    match c {
        '．' => !after_digit,
        '"' | '＂' | '「' | '」' | '０'..='９' | '／' => false,
        c => !c.is_whitespace() && !c.is_ascii_punctuation() && !c.is_ascii_digit() && !is_cjk_punct(c),
    }
}

/// How many bytes at the start of `bytes` (UTF-8) are characters U+4000–U+9FFF (lead bytes
/// E4–E9, three bytes each): CJK ideographs, which [`canonical`] and [`words`] keep as they are
/// (none is whitespace, punctuation or a digit), so a run of them is copied without decoding.
#[cfg(feature = "text-readers")]
fn ideographs(bytes: &[u8]) -> usize {
    let mut n = 0;
    while bytes.get(n).is_some_and(|b| (0xE4..=0xE9).contains(b)) {
        n += 3;
    }
    n
}

/// Copies the run of CJK ideographs ([`ideographs`]) at the start of `chars` to `out` at once
/// and moves `chars` past it; whether there was one.
#[cfg(feature = "text-readers")]
fn copy_ideographs(chars: &mut std::str::Chars<'_>, out: &mut String) -> bool {
    let rest = chars.as_str();
    let n = ideographs(rest.as_bytes());
    if n > 0 {
        out.push_str(&rest[..n]);
        *chars = rest[n..].chars();
    }
    n > 0
}

/// [`words`] of an official label or key term, worked out once: labels are matched against
/// every printed row, and the official side never changes. Every row and column label, group
/// label and key term of the official formats ([`Formats::OFFICIAL`]) is reduced on first
/// use into one table, read without a lock afterwards; a string that is not in it (a made-up
/// format's) is reduced on the spot.
pub fn official_words(label: &'static str) -> Cow<'static, str> {
    official(label, |e| e.1.clone(), words)
}

/// [`canonical`] of an official label or key term, worked out once, as [`official_words`].
pub fn official_canonical(label: &'static str) -> Cow<'static, str> {
    official(label, |e| e.2.clone(), canonical)
}

/// `label`'s reduced form from the table (the `part` of its entry), or `reduce(label)`.
fn official(label: &'static str, part: fn(&Entry) -> Range<usize>, reduce: fn(&str) -> String) -> Cow<'static, str> {
    let table = OFFICIAL_WORDS.get_or_init(OfficialWords::new);
    let key = (label.as_ptr() as usize, label.len());
    match table.keys.binary_search_by(|e| e.0.cmp(&key)) {
        Ok(i) => Cow::Borrowed(&table.text[part(&table.keys[i])]),
        Err(_) => Cow::Owned(reduce(label)),
    }
}

/// (address, length) of an official string, where its [`words`] and its [`canonical`] form
/// are in [`OfficialWords::text`].
type Entry = ((usize, usize), Range<usize>, Range<usize>);

static OFFICIAL_WORDS: OnceLock<OfficialWords> = OnceLock::new();

/// The words and canonical forms of every official string [`official_words`] is asked about.
struct OfficialWords {
    /// All the reduced forms, one after the other.
    text: String,
    /// Sorted by key.
    keys: Vec<Entry>,
}

impl OfficialWords {
    fn new() -> OfficialWords {
        let mut strings: Vec<&'static str> = Vec::new();
        for f in Formats::OFFICIAL.iter() {
            for t in f.tables {
                for g in t.groups {
                    for c in g.columns {
                        strings.push(c.label);
                        strings.extend_from_slice(c.keys);
                    }
                    for r in g.rows {
                        strings.push(r.label);
                        strings.extend(r.parent);
                        strings.extend_from_slice(r.keys);
                    }
                }
            }
        }
        let key = |s: &&'static str| (s.as_ptr() as usize, s.len());
        strings.sort_by_key(key);
        strings.dedup_by_key(|s| key(s));
        let mut text = String::new();
        let keys = strings
            .iter()
            .map(|s| {
                let start = text.len();
                text.push_str(&words(s));
                let middle = text.len();
                text.push_str(&canonical(s));
                (key(s), start..middle, middle..text.len())
            })
            .collect();
        OfficialWords { text, keys }
    }
}

fn is_cjk_punct(c: char) -> bool {
    matches!(
        c,
        '（' | '）'
            | '，'
            | '：'
            | '；'
            | '“'
            | '”'
            | '、'
            | '。'
            | '《'
            | '》'
            | '〔'
            | '〕'
            | '【'
            | '】'
            | '‘'
            | '’'
    )
}

/// How a printed label relates to the official one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LabelMatch {
    /// Identical, or differing only in whitespace or sub-item numbering (`1、`/`1．`).
    Exact,
    /// Differing only in punctuation width or quotes: `(一)` for `（一）`.
    Punctuation,
    /// A part of the official label (wrapped, truncated or without its number).
    Partial,
    /// Recognisably the same label, misspelt (`其他法律行政止公开`).
    Misspelt,
    /// Not this label.
    Different,
}

/// Compare a printed label with an official one; `keys` are the official label's key
/// terms (any one of them identifies it).
pub fn compare(printed: &str, official: &'static str, keys: &[&'static str]) -> LabelMatch {
    // Most printed labels are the official one word for word: [`Printed::compare`]'s first
    // test, made here on the fly before the label's four forms are built for the others.
    let not_space = |c: &char| !c.is_whitespace() && *c != '\u{3000}';
    if printed.chars().filter(not_space).eq(official.chars().filter(not_space)) {
        return LabelMatch::Exact;
    }
    Printed::new(printed).compare(official, keys)
}

/// A printed label's forms that [`compare`] holds against official labels, worked out once
/// when one label is compared with many.
pub struct Printed {
    /// Without spaces.
    stripped: String,
    /// Without spaces, `、` and `．` as `.`.
    raw: String,
    /// [`canonical`] of the label.
    canonical: String,
    /// [`words`] of the label.
    words: String,
}

impl Printed {
    pub fn new(printed: &str) -> Printed {
        // Room for the whole label up front: collected from a filter, it would grow char by char.
        let mut stripped = String::with_capacity(printed.len());
        stripped.extend(printed.chars().filter(|c| !c.is_whitespace() && *c != '\u{3000}'));
        let raw = stripped.replace(['、', '．'], ".");
        Printed { stripped, raw, canonical: canonical(printed), words: words(printed) }
    }

    /// [`words`] of the label.
    pub fn words(&self) -> &str {
        &self.words
    }

    /// [`compare`] of this label with `official`; the official side's forms come from
    /// [`official_words`]' table.
    pub fn compare(&self, official: &'static str, keys: &[&'static str]) -> LabelMatch {
        let not_space = |c: &char| !c.is_whitespace() && *c != '\u{3000}';
        let o_raw = || official.chars().filter(not_space);
        if self.raw.chars().eq(o_raw()) || self.stripped.chars().eq(o_raw()) {
            return LabelMatch::Exact;
        }
        let o = official_canonical(official);
        if self.canonical == o {
            // Only numbering differed (`1、`) → exact; otherwise punctuation width.
            let renumbered = canonical(&self.raw) == o
                && self.raw.chars().filter(|c| c.is_ascii_punctuation()).count()
                    == o_raw().filter(|c| c.is_ascii_punctuation()).count();
            return if renumbered { LabelMatch::Exact } else { LabelMatch::Punctuation };
        }
        let pw = self.words.as_str();
        let ow = official_words(official);
        if pw.is_empty() {
            return LabelMatch::Different;
        }
        if pw == ow {
            return LabelMatch::Punctuation;
        }
        if ow.contains(pw) && char_count(pw) >= 2 {
            return LabelMatch::Partial;
        }
        let has_key = keys.iter().any(|k| {
            let k = official_words(k);
            !k.is_empty() && pw.contains(&*k)
        });
        let (p_len, o_len) = (char_count(pw), char_count(&ow));
        if has_key && p_len <= o_len + 2 {
            return LabelMatch::Misspelt;
        }
        // Misspelt when the similarity reaches 0.6 with a key term, 0.8 without; it is at most
        // the shorter length over the longer, so no need to work it out below that.
        let needed = if has_key { 0.6 } else { 0.8 };
        if (p_len.min(o_len) as f64 / p_len.max(o_len) as f64) < needed {
            return LabelMatch::Different;
        }
        if similarity(pw, &ow, MAX_LABEL) >= needed {
            return LabelMatch::Misspelt;
        }
        LabelMatch::Different
    }
}

/// How alike two labels or titles are: their longest common subsequence of characters over
/// the longer one's length (0 to 1); 0 when either is empty or longer than `max_chars`.
pub fn similarity(a: &str, b: &str, max_chars: usize) -> f64 {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.is_empty() || b.is_empty() || a.len() > max_chars || b.len() > max_chars {
        return 0.0;
    }
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    for &ca in &a {
        for (j, &cb) in b.iter().enumerate() {
            cur[j + 1] = if ca == cb { prev[j] + 1 } else { cur[j].max(prev[j + 1]) };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    let lcs = prev[b.len()];
    lcs as f64 / b.len().max(a.len()) as f64
}

/// No label compared by [`similarity`] is longer than this many characters.
const MAX_LABEL: usize = 200;

/// How strongly a printed row label points at an official row: 0 = not at all; higher is
/// better (the length of the longest key term found, or more for a full match).
pub fn row_score(printed: &str, row: &RowSpec) -> usize {
    row_score_of_words(&words(printed), row)
}

/// [`row_score`] of a label already reduced to its [`words`] (a label is scored against
/// every official row: reduce it once).
pub fn row_score_of_words(pw: &str, row: &RowSpec) -> usize {
    score(pw, &official_words(row.label), row.keys.iter().map(|k| official_words(k)))
}

/// An official row's label and key terms, reduced once to score many printed labels against
/// (a table's rows are each held against the rows of its group).
pub struct OfficialRow {
    words: Cow<'static, str>,
    keys: Vec<Cow<'static, str>>,
}

impl OfficialRow {
    pub fn new(row: &RowSpec) -> OfficialRow {
        OfficialRow { words: official_words(row.label), keys: row.keys.iter().map(|k| official_words(k)).collect() }
    }

    /// [`row_score_of_words`] of this row.
    pub fn score(&self, pw: &str) -> usize {
        score(pw, &self.words, self.keys.iter())
    }

    /// The highest score any label can get against this row: a full match's, or a key
    /// term's if one is long enough to outscore it.
    pub fn best_score(&self) -> usize {
        self.keys.iter().map(|k| char_count(k) * 2 + 1).max().unwrap_or(0).max(FULL_MATCH)
    }
}

/// The score of a printed label whose words are the official label's.
const FULL_MATCH: usize = 100;

/// How strongly the words `pw` point at the official row of words `ow` and key terms `keys`.
fn score<K: AsRef<str>>(pw: &str, ow: &str, keys: impl Iterator<Item = K>) -> usize {
    if pw.is_empty() {
        return 0;
    }
    if !ow.is_empty() && pw == ow {
        return FULL_MATCH;
    }
    let key = keys
        .filter(|k| {
            let k = k.as_ref();
            !k.is_empty() && pw.contains(k)
        })
        .map(|k| char_count(k.as_ref()))
        .max();
    match key {
        Some(n) => n * 2 + usize::from(ow.contains(pw)),
        None if ow.contains(pw) && char_count(pw) >= 3 => 1,
        None => 0,
    }
}

/// Does this header text name the column?
pub fn column_matches(printed: &str, column: &ColumnSpec) -> bool {
    let pw = words(printed);
    !pw.is_empty()
        && (pw == official_words(column.label) || column.keys.iter().any(|k| pw.contains(&*official_words(k))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::{rows, y2021, TableId};

    /// Labels pushed one after the other onto one string each read as [`canonical`] alone:
    /// quotes are paired within a label, whatever the labels before it left open.
    #[test]
    fn pushed_canonical_forms_are_each_canonical() {
        let mut labels: Vec<String> =
            ["“a", "\"b\"", "「c", "\"", "1、x", "２．y", "", " ( 一 ) ", "”"].map(String::from).to_vec();
        crate::test_fixtures::for_each_text_fixture(|_, doc| {
            labels.extend(doc.paragraphs().map(|p| p.text.clone()));
        });
        let mut out = String::new();
        let mut ends = vec![0];
        for label in &labels {
            push_canonical(label, &mut out);
            ends.push(out.len());
        }
        for (label, end) in labels.iter().zip(ends.windows(2)) {
            assert_eq!(&out[end[0]..end[1]], canonical(label), "{label:?}");
        }
        assert!(labels.len() > 500, "{}", labels.len());
    }

    /// A row reduced once scores every label as [`row_score_of_words`] does, and no label
    /// outscores its [`OfficialRow::best_score`].
    #[test]
    fn official_rows_score_as_row_score_of_words() {
        for f in Formats::OFFICIAL.iter() {
            for id in TableId::ALL {
                let spec = f.table(id);
                let mut printed: Vec<String> = vec![String::new(), "合计".into(), "其他".into(), "申请人".into()];
                for (group, row) in spec.rows() {
                    printed.push(row.label.into());
                    printed.extend(row.keys.iter().map(|k| k.to_string()));
                    printed.extend(group.label.map(String::from));
                    printed.push(format!("（一）{}（注）", row.label));
                    printed.push(row.label.chars().take(4).collect());
                }
                for (_, row) in spec.rows() {
                    let prepared = OfficialRow::new(row);
                    for p in &printed {
                        let pw = words(p);
                        assert_eq!(prepared.score(&pw), row_score_of_words(&pw, row), "{p} against {}", row.label);
                        assert!(prepared.score(&pw) <= prepared.best_score(), "{p} against {}", row.label);
                    }
                }
            }
        }
    }

    #[test]
    fn canonical_forms() {
        assert_eq!(canonical("第二十条 第(一)项"), "第二十条第（一）项");
        assert_eq!(canonical("1、申请人无正当理由"), "1.申请人无正当理由");
        assert_eq!(canonical("3.危及\"三安全一稳定\""), "3.危及“三安全一稳定”");
        assert_eq!(canonical("商业\n企业"), "商业企业");
    }

    /// The first form of [`canonical`] (a vector of characters, quotes counted again at each).
    fn canonical_as_first_written(label: &str) -> String {
        let mut out = String::with_capacity(label.len());
        let chars: Vec<char> = label.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            let prev_digit = i > 0 && chars[i - 1].is_ascii_digit();
            let mapped = match c {
                c if c.is_whitespace() || c == '\u{3000}' || c == '\u{a0}' => continue,
                '(' => '（',
                ')' => '）',
                ',' => '，',
                ':' => '：',
                ';' => '；',
                '"' | '＂' | '「' | '」' => {
                    if out.chars().filter(|&c| c == '“').count() > out.chars().filter(|&c| c == '”').count() {
                        '”'
                    } else {
                        '“'
                    }
                }
                '、' | '．' | '.' if prev_digit => '.',
                '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
                '／' => '/',
                c => c,
            };
            out.push(mapped);
        }
        out
    }

    #[test]
    fn canonical_forms_as_first_written() {
        for s in ["a\"b\"c\"", "“x\"y”\"「z」", "1 .2、 ３．4", "（一）予以公开 ", "", "\"\"\"\""] {
            assert_eq!(canonical(s), canonical_as_first_written(s), "{s}");
        }
        for f in crate::format::Formats::OFFICIAL.iter() {
            for t in f.tables {
                for (_, r) in t.rows() {
                    for s in std::iter::once(r.label).chain(r.parent).chain(r.keys.iter().copied()) {
                        assert_eq!(canonical(s), canonical_as_first_written(s), "{s}");
                        assert_eq!(official_canonical(s), canonical(s), "{s}");
                        assert_eq!(official_words(s), words(s), "{s}");
                    }
                }
            }
        }
    }

    /// [`words`] character by character, as it was before runs of ideographs were copied whole.
    fn words_by_characters(label: &str) -> String {
        let mut out = String::new();
        let mut prev_digit = false;
        for c in label.chars() {
            let keep = is_word_char(c, prev_digit);
            prev_digit = c.is_ascii_digit();
            if keep {
                out.push(c);
            }
        }
        out
    }

    /// [`canonical`] and [`words`], which copy runs of ideographs whole where the text readers
    /// are built, read every text fixture's paragraphs and lines as character by character.
    #[cfg(feature = "text-readers")]
    #[test]
    fn ideograph_runs_read_as_characters() {
        let mut n = 0;
        let mut check = |s: &str| {
            assert_eq!(canonical(s), canonical_as_first_written(s), "{s}");
            assert_eq!(words(s), words_by_characters(s), "{s}");
            n += 1;
        };
        for s in ["", "一", "1、二", "“引号”\"x\"", "５．六 七\u{3000}八\u{a0}九", "䀀鿿\u{3fff}\u{a000}ａ"]
        {
            check(s);
        }
        crate::test_fixtures::for_each_text_fixture(|input, doc| {
            input.lines().for_each(&mut check);
            doc.paragraphs().for_each(|p| check(&p.text));
        });
        assert!(n > 3000, "{n}");
    }

    #[test]
    fn words_are_canonical_forms_without_punctuation_or_digits() {
        let by_canonical = |label: &str| -> String {
            canonical(label)
                .chars()
                .filter(|c| !c.is_ascii_punctuation() && !is_cjk_punct(*c) && !c.is_ascii_digit())
                .collect()
        };
        let samples = [
            "（一）予以公开",
            "1、申请人无正当理由",
            "3.危及\"三安全一稳定\"",
            "１．本机关不掌握",
            "a．b",
            "2．其他",
            "「申请」＂x＂／ y\u{3000}z\u{a0}",
            "第二十条 第(一)项：,;",
            "《条例》【注】〔2020〕‘’",
            "",
            "12.5万元",
        ];
        for s in samples {
            assert_eq!(words(s), by_canonical(s), "{s}");
        }
        for f in crate::format::Formats::OFFICIAL.iter() {
            for t in f.tables {
                for (_, r) in t.rows() {
                    for s in std::iter::once(r.label).chain(r.parent).chain(r.keys.iter().copied()) {
                        assert_eq!(words(s), by_canonical(s), "{s}");
                    }
                }
            }
        }
    }

    #[test]
    fn comparisons() {
        use LabelMatch::*;
        let keys: &[&str] = &["禁止公开", "行政止公开"];
        assert_eq!(compare("2.其他法律行政法规禁止公开", "2.其他法律行政法规禁止公开", keys), Exact);
        assert_eq!(compare("2、其他法律行政法规禁止公开", "2.其他法律行政法规禁止公开", keys), Exact);
        assert_eq!(compare("2.其他法律行政止公开", "2.其他法律行政法规禁止公开", keys), Misspelt);
        assert_eq!(compare("(一)予以公开", "（一）予以公开", &["予以公开"]), Punctuation);
        assert_eq!(compare("予以公开", "（一）予以公开", &["予以公开"]), Partial);
        assert_eq!(
            compare(
                "（二）部分公开（区分处理的，只计这一情",
                "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
                &["部分公开"]
            ),
            Partial
        );
        assert_eq!(compare("行政许可", "（一）予以公开", &["予以公开"]), Different);
        assert_eq!(compare("3.危及\"三安全一稳定\"", "3.危及“三安全一稳定”", &["三安全"]), Punctuation);
    }

    #[test]
    fn row_scores_pick_the_right_row() {
        let t = y2021::FORMAT.table(TableId::Requests);
        let best = |printed: &str| t.rows().max_by_key(|(_, r)| row_score(printed, r)).map(|(_, r)| r.id).unwrap();
        assert_eq!(best("2.其他法律行政止公开"), rows::WITHHELD_PROHIBITED);
        assert_eq!(best("2.申请人逾期未按收费通知要求缴纳费用"), rows::OTHER_HANDLING_UNPAID_FEE);
        assert_eq!(best("1.本机关不掌握相关政府信息"), rows::UNAVAILABLE_NOT_HELD);
        assert_eq!(best("（七）总计"), rows::OUTCOMES_TOTAL);
        assert_eq!(best("四、结转下年度继续办理"), rows::CARRIED_OUT);
    }
}
