//! Statutory tables given as text with no cell boundaries (docs/format.md §9.6).
//!
//! Two shapes reach this module as plain [`Paragraph`]s:
//!
//! * **one value per line** (`pdftotext` raw): row labels and values each on their own
//!   line, but in the PDF's content order: a label may come after its values, several rows'
//!   values may come in one run, and a block of rows may be read column by column;
//! * **concatenated digits** (portal page text): `行政规范性文件693665`, where the cells of
//!   a row are glued together with no separator.
//!
//! The reading never guesses. Values are placed on rows by the order of the official rows
//! and by the labels; where the text allows several readings, the table's own arithmetic
//! (the relations of [`crate::format`]) chooses, and only when exactly one reading
//! satisfies it. A reading justified by the text alone (one way to place and split the
//! digits) is accepted even when it does not balance, so real arithmetic errors of the
//! report still come through. Everything else becomes an [`Unreadable`] entry.
//!
//! Why here and not in `read/`: a reader turns a file's shapes into blocks and cells
//! without knowing which report it holds. Text without cell boundaries has no shape to go
//! by: where a row ends, which label a run of values belongs to and where glued digits
//! split can only be decided from the official format's rows and the table's arithmetic,
//! which belong to recognition. So the readers leave such text as paragraphs, and this
//! module reads the tables out of them.
//!
//! The files, by job: `tokens.rs` cuts the text into numbers, labels, headings and prose;
//! `versions.rs` tells which revision's layout the text prints, by the markers each
//! declares; `splitting.rs` splits runs of glued digits; `placement.rs` places runs of
//! values on the rows of 表二 and 表三; `arithmetic.rs` chooses among readings with the
//! table's relations; `review_table.rs` reads 表四. This file holds the entry point, row
//! labels, and the reading of 表二 and 表三 that ties them together.

mod arithmetic;
mod placement;
mod review_table;
mod splitting;
mod tokens;
mod versions;

use crate::document::{Paragraph, Span};
use crate::format::{Format, Formats, RowSpec, TableId, TableSpec};
use crate::message::{Args, Message, Text};
use crate::recognize::labels::{
    official_canonical, official_words, push_canonical, words, LabelMatch, OfficialRow, Printed,
};
use crate::recognize::model::{FoundTable, MappedCell, Origin, PrintedLabel, Unreadable};
use crate::recognize::value::read_value;
use crate::strings::char_count;
use arithmetic::resolve;
use placement::{place_by_labels, place_in_order, runs, unit_for, Fill, Layout};
use review_table::read_review;
use std::sync::OnceLock;
use tokens::{is_digit, is_numeral, region, token_span, tokenize_with, whitespace_at, Tok};
use versions::detect_layout;

/// A part longer than this is not a count any report prints.
const MAX_PART_DIGITS: usize = 15;
/// Search nodes allowed for one split of a run of digits.
const SPLIT_BUDGET: usize = 200_000;
/// More readings than this of one row are not worth listing: the row is unreadable.
const MAX_CANDIDATES: usize = 32;
/// Combinations of ambiguous rows tried against the column relations.
const COMBO_CAP: usize = 4096;
/// Partitions of a multi-row run tried.
const PARTITION_BUDGET: usize = 20_000;
/// Runs of 表四 values permuted at most (7! = 5040).
const MAX_PERMUTED_RUNS: usize = 7;

/// Read statutory table `id` from the paragraphs of its section (from its heading up to the
/// next section heading), for text that gives no cell boundaries.
///
/// The table may also sit in the middle of one long paragraph (a flattened page): it then
/// starts after the section's heading, wherever that is, and ends at the next section
/// heading. Returns `None` when none of the table's labels are there.
pub fn read_text_table(
    id: TableId,
    paragraphs: &[&Paragraph],
    input: &str,
    year: Option<u16>,
    formats: Formats,
) -> Option<FoundTable> {
    read_text_table_with(&mut SectionTokens::default(), id, paragraphs, input, year, formats)
}

/// The tokens of the paragraphs last cut, kept for the next table of the same document: a
/// flattened page gives every table's section the same one paragraph, which is then cut
/// into tokens once rather than once per table. Only the very same paragraphs, in the same
/// order, reuse them (a sentence may reach back into the paragraph before).
#[derive(Default)]
pub struct SectionTokens {
    /// The paragraphs' addresses.
    key: Vec<usize>,
    tokens: Vec<Tok>,
    scratch: tokens::Scratch,
}

/// [`read_text_table`], reusing the tokens of the document's previous table when its
/// section holds the same paragraphs. The tokens depend on the paragraphs, `input` and the
/// newest format's sections: the same for every table of one document.
pub fn read_text_table_with(
    cache: &mut SectionTokens,
    id: TableId,
    paragraphs: &[&Paragraph],
    input: &str,
    year: Option<u16>,
    formats: Formats,
) -> Option<FoundTable> {
    let key = paragraphs.iter().map(|p| std::ptr::from_ref::<Paragraph>(p) as usize);
    if !cache.key.iter().copied().eq(key.clone()) || cache.key.is_empty() {
        cache.key.clear();
        cache.key.extend(key);
        cache.tokens.clear();
        // At least a token a paragraph (`pdftotext` raw text: a cell a line).
        cache.tokens.reserve(paragraphs.len());
        for p in paragraphs {
            tokenize_with(&mut cache.scratch, p, input, formats.newest().sections, &mut cache.tokens);
        }
    }
    let tokens = region(&cache.tokens, id.section());
    match id {
        TableId::Review => read_review(tokens, formats.for_year_or_newest(year)),
        TableId::Proactive | TableId::Requests => read_rows_table(id, tokens, year, formats),
    }
}

// ---------------------------------------------------------------------------------------
// Labels

/// Where the last row label in `text` may begin (a byte offset): `（一）`, `一、`,
/// `1.`/`1、`/`1．`.
fn last_label_start(text: &str) -> Option<usize> {
    let mut rest = text.char_indices();
    // The character before, and this one with the two after it.
    let mut prev: Option<char> = None;
    let mut window = [rest.next(), rest.next(), rest.next()];
    let mut last = None;
    while let Some((at, c)) = window[0] {
        let next = window[1].map(|(_, c)| c);
        let bracket =
            matches!(c, '（' | '(') && next.is_some_and(is_numeral) && matches!(window[2], Some((_, '）' | ')')));
        let numeral = is_numeral(c) && next == Some('、') && !prev.is_some_and(is_numeral);
        let number = c.is_ascii_digit() && matches!(next, Some('.' | '．' | '、')) && !prev.is_some_and(is_digit);
        if bracket || numeral || number {
            last = Some(at);
        }
        prev = Some(c);
        window = [window[1], window[2], rest.next()];
    }
    last
}

/// A table's official labels in the forms [`match_labels`] holds a text against, worked out
/// once per table rather than once per text.
pub(super) struct LabelIndex<'a> {
    rows: Vec<&'a RowSpec>,
    /// [`official_canonical`] of each row's label, its length in characters and its last byte.
    row_canonical: Vec<(std::borrow::Cow<'static, str>, usize, Option<u8>)>,
    /// [`official_canonical`] of each column label.
    column_canonical: Vec<std::borrow::Cow<'static, str>>,
    /// Each row's label and key terms as [`crate::recognize::labels::row_score_of_words`] scores them.
    official: Vec<OfficialRow>,
    /// [`official_words`] of each row's label, and of the group label of each row under one.
    row_words: Vec<std::borrow::Cow<'static, str>>,
    parent_words: Vec<std::borrow::Cow<'static, str>>,
    /// Each row's [`CharSet`]s: of its label's words, and of each key term's words.
    row_sets: Vec<(CharSet, Vec<CharSet>)>,
}

/// The characters of a string as a 64-bit set (each character hashed to one bit): a set
/// that is not within another's proves that one string is not part of the other, in a few
/// instructions. [`LabelIndex::may_score`] uses it to skip the rows a label cannot score
/// against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct CharSet(u64);

impl CharSet {
    pub(super) fn of(s: &str) -> CharSet {
        // Fibonacci hashing: the top six bits of the character times 2^64/φ.
        CharSet(s.chars().fold(0, |set, c| set | 1 << (u64::from(c).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 58)))
    }

    fn within(self, other: CharSet) -> bool {
        self.0 & !other.0 == 0
    }
}

impl<'a> LabelIndex<'a> {
    pub(super) fn new(spec: &'a TableSpec) -> LabelIndex<'a> {
        let rows: Vec<&'a RowSpec> = spec.rows().map(|(_, r)| r).collect();
        let row_canonical = rows
            .iter()
            .map(|r| {
                let c = official_canonical(r.label);
                let n = char_count(&c);
                let last = c.as_bytes().last().copied();
                (c, n, last)
            })
            .collect();
        let column_canonical =
            spec.groups.iter().flat_map(|g| g.columns).map(|c| official_canonical(c.label)).collect();
        let official = rows.iter().map(|r| OfficialRow::new(r)).collect();
        let row_words = rows.iter().map(|r| official_words(r.label)).collect();
        let parent_words = rows.iter().filter_map(|r| r.parent).map(official_words).collect();
        let row_sets = rows
            .iter()
            .map(|r| {
                let keys = r.keys.iter().map(|k| official_words(k)).filter(|k| !k.is_empty());
                (CharSet::of(&official_words(r.label)), keys.map(|k| CharSet::of(&k)).collect())
            })
            .collect();
        LabelIndex { rows, row_canonical, column_canonical, official, row_words, parent_words, row_sets }
    }

    /// Can the words `pw` (whose [`CharSet`] is `set`) score above zero against row `i`
    /// ([`OfficialRow::score`])? A score needs the words to be the label's or inside it, or a
    /// key term inside the words: each puts one string's characters among the other's. False
    /// only where the score is zero (tested on every official label and every text fixture's
    /// texts); most rows are skipped here, without the score's substring searches.
    pub(super) fn may_score(&self, i: usize, set: CharSet) -> bool {
        self.row_sets.get(i).is_none_or(|(label, keys)| set.within(*label) || keys.iter().any(|k| k.within(set)))
    }
}

/// The official row (its position in the table's rows) a text names, and the label as printed
/// (lent from the text).
pub(super) type RowLabel<'t> = Option<(usize, &'t str)>;

/// What one piece of a text says about its row: the answer, or nothing (try the next piece).
enum PieceMatch<'t> {
    Answer(RowLabel<'t>),
    Nothing,
}

/// The official row a text names, and the label as printed, read both ways at once: the
/// whole text as a label (first), and the label ending the text (the text that comes right
/// before a run of values; second). The two readings share every step but the last piece
/// tried (the whole text, which the second tries only when short), so the answer is worked
/// out once for both.
///
/// `canon`: [`canonical`] of `text`.
pub(super) fn match_labels<'t>(text: &'t str, canon: &str, index: &LabelIndex) -> (RowLabel<'t>, RowLabel<'t>) {
    let rows = &index.rows;
    if canon.is_empty() || index.column_canonical.iter().any(|c| c == canon) {
        return (None, None);
    }
    // The official label, exactly, at the end of the text (its last byte compared first: most
    // rows end otherwise).
    let last = canon.as_bytes().last();
    let exact = rows
        .iter()
        .enumerate()
        .filter(|&(i, r)| {
            let (official, _, official_last) = &index.row_canonical[i];
            !r.label.is_empty() && official_last.is_none_or(|b| last == Some(&b)) && canon.ends_with(&**official)
        })
        .max_by_key(|&(i, _)| index.row_canonical[i].1);
    if let Some((i, _)) = exact {
        // From the `want`-th character from the end that is no whitespace (the characters
        // walked back by their bytes, few of them decoded: [`whitespace_at`]).
        let want = index.row_canonical[i].1;
        let mut seen = 0;
        let mut from = text.len();
        while seen < want && from > 0 {
            from -= 1;
            while !text.is_char_boundary(from) {
                from -= 1;
            }
            seen += usize::from(!whitespace_at(text, from));
        }
        let found = Some((i, text[from..].trim()));
        return (found, found);
    }
    let piece_match = |piece: &'t str| -> PieceMatch<'t> {
        if char_count(piece) > 80 {
            return PieceMatch::Nothing;
        }
        // The words alone first ([`Printed::words`]); the other forms of the label only for a
        // row it scores against (most pieces score against none).
        let pw = words(piece);
        let pw = pw.as_str();
        let mut printed: Option<Printed> = None;
        if index.parent_words.iter().any(|p| *p == pw) && !index.row_words.iter().any(|w| *w == pw) {
            return PieceMatch::Answer(None); // a group label such as （三）不予公开
        }
        // The rows the label scores against and resembles (the score first: it is cheaper,
        // and most rows score nothing; the rows it cannot score against are not scored).
        let set = CharSet::of(pw);
        let scored = rows
            .iter()
            .enumerate()
            .filter(|&(i, r)| !r.label.is_empty() && index.may_score(i, set))
            .map(|(i, _)| (i, index.official[i].score(pw)))
            .filter(|&(i, s)| {
                s > 0
                    && printed.get_or_insert_with(|| Printed::new(piece)).compare(rows[i].label, rows[i].keys)
                        != LabelMatch::Different
            });
        // The best score, the first row with it, and whether it is the only one.
        let mut best: Option<(usize, usize, bool)> = None;
        for (i, s) in scored {
            match &mut best {
                Some((b, _, only)) if s == *b => *only = false,
                Some((b, ..)) if s < *b => {}
                _ => best = Some((s, i, true)),
            }
        }
        match best {
            Some((_, i, true)) => PieceMatch::Answer(Some((i, piece.trim()))),
            Some(_) => PieceMatch::Answer(None),
            None => PieceMatch::Nothing,
        }
    };
    // The text from the last numbering on, then the whole text (only when short for a tail).
    if let Some(s) = last_label_start(text) {
        match piece_match(&text[s..]) {
            PieceMatch::Answer(found) => return (found, found),
            // The whole text, tried already: nothing either.
            PieceMatch::Nothing if s == 0 => return (None, None),
            PieceMatch::Nothing => {}
        }
    }
    match piece_match(text) {
        PieceMatch::Answer(found) if char_count(text) <= 60 => (found, found),
        PieceMatch::Answer(found) => (found, None),
        PieceMatch::Nothing => (None, None),
    }
}

/// A table's [`Layout`] and [`LabelIndex`], which depend on its spec alone.
struct Prepared {
    layout: Layout,
    index: LabelIndex<'static>,
}

/// The official revisions' 表二 and 表三, prepared each on first use: every document
/// reads them alike.
static OFFICIAL_PREPARED: [OnceLock<Prepared>; 4] = [const { OnceLock::new() }; 4];

/// A table prepared: the shared one of an official table, or made for this reading.
enum PreparedRef {
    Official(&'static Prepared),
    Made(Box<Prepared>),
}

impl std::ops::Deref for PreparedRef {
    type Target = Prepared;

    fn deref(&self) -> &Prepared {
        match self {
            PreparedRef::Official(p) => p,
            PreparedRef::Made(p) => p,
        }
    }
}

impl Prepared {
    fn new(spec: &'static TableSpec) -> Prepared {
        Prepared { layout: Layout::new(spec), index: LabelIndex::new(spec) }
    }

    /// Table `id` of `format`, shared when the format is an official one (a revision is known
    /// by its name, as [`crate::format::FormatVersion`]s are compared).
    fn of(format: &'static Format, id: TableId) -> PreparedRef {
        let table = match id {
            TableId::Proactive => 0,
            TableId::Requests => 1,
            TableId::Review => 2,
        };
        let slot = Formats::OFFICIAL
            .iter()
            .position(|f| f.name == format.name)
            .and_then(|n| OFFICIAL_PREPARED.get(n * 2 + table).filter(|_| table < 2));
        match slot {
            Some(once) => PreparedRef::Official(once.get_or_init(|| Prepared::new(format.table(id)))),
            None => PreparedRef::Made(Box::new(Prepared::new(format.table(id)))),
        }
    }
}

fn read_rows_table(id: TableId, tokens: &[Tok], year: Option<u16>, formats: Formats) -> Option<FoundTable> {
    // The canonical form of each text, for the layout's markers and the labels: one after
    // the other in one string (none for the other tokens).
    let mut forms = String::new();
    let mut ends = Vec::with_capacity(tokens.len());
    for t in tokens {
        if let Tok::Text { text, .. } = t {
            push_canonical(text, &mut forms);
        }
        ends.push(forms.len());
    }
    let canon: Vec<&str> =
        ends.iter().scan(0, |start, &end| Some(&forms[std::mem::replace(start, end)..end])).collect();
    let format = detect_layout(id, tokens, &canon, formats.for_year_or_newest(year), formats);
    let version = format.version();
    let prepared = Prepared::of(format, id);
    let (layout, index) = (&prepared.layout, &prepared.index);
    // Labels anywhere in the region: the table is there at all, and how each row is printed.
    // Each text's label as it would end the text is kept for the runs of values after it.
    let mut row_labels: Vec<Option<(&str, Option<Span>)>> = vec![None; layout.rows.len()];
    let mut tails: Vec<Option<RowLabel>> = vec![None; tokens.len()];
    for ((t, canon), tail) in tokens.iter().zip(&canon).zip(&mut tails) {
        if let Tok::Text { text, span, heading: None } = t {
            // The whole text as a label, or else the label ending it: the second never
            // answers where the first does not (see `match_labels`).
            let (whole, tail_label) = match_labels(text, canon, index);
            if let Some((r, printed)) = whole {
                row_labels[r].get_or_insert((printed, *span));
            }
            *tail = Some(tail_label);
        }
    }
    let runs = runs(tokens, &canon, index, &mut tails);
    for run in &runs {
        if let Some((r, printed, span)) = &run.label {
            row_labels[*r].get_or_insert((printed, *span));
        }
    }
    if row_labels.iter().all(Option::is_none) {
        return None;
    }
    let mut table = FoundTable::new(id, format, Some(version), Vec::new(), token_span(tokens));
    // Room for every label and every cell the table has, rather than grown push by push.
    table.row_labels.reserve(row_labels.iter().flatten().count());
    table.cells.reserve(layout.columns.iter().map(Vec::len).sum());
    for (r, l) in row_labels.iter().enumerate() {
        if let Some((printed, span)) = l {
            table.row_labels.push(PrintedLabel {
                id: layout.rows[r].id,
                printed: printed.to_string(),
                origin: Origin { span: *span, cell: None },
            });
        }
    }
    let placement: Vec<Option<(usize, Fill)>> = match place_in_order(layout, &runs) {
        Some(p) => p.into_iter().map(Some).collect(),
        None => place_by_labels(layout, &runs),
    };
    let mut units = Vec::with_capacity(runs.len());
    for (run, place) in runs.iter().zip(&placement) {
        match place {
            Some((start, f)) => units.push(unit_for(layout, run, *start, *f)),
            None => table.unreadable.push(Unreadable {
                row: run.label.as_ref().map(|l| layout.rows[l.0].id),
                reason: Text::new(&UNPLACED, Args::new()),
                excerpt: Some(run.excerpt()),
                origin: Origin { span: run.span(), cell: None },
            }),
        }
    }
    resolve(layout, &mut units);
    let mut covered = vec![false; layout.rows.len()];
    for u in &units {
        covered[u.start..u.start + u.k].iter_mut().for_each(|c| *c = true);
        let reading = match u.candidates.as_slice() {
            [one] => Some(one),
            _ => None,
        };
        for i in 0..u.k {
            let row = u.start + i;
            match reading.map(|r| &r[i]).filter(|r| !r.is_empty()) {
                Some(parts) => {
                    for (col, part) in layout.columns[row].iter().zip(parts) {
                        table.cells.push(MappedCell {
                            row: layout.rows[row].id,
                            column: *col,
                            value: read_value(&part.text),
                            origin: Origin { span: part.span, cell: None },
                        });
                    }
                }
                None => table.unreadable.push(Unreadable {
                    row: Some(layout.rows[row].id),
                    reason: u.failure.clone().unwrap_or_else(|| Text::new(&ROW_UNREAD, Args::new())),
                    excerpt: Some(u.run.excerpt()),
                    origin: Origin { span: u.run.span(), cell: None },
                }),
            }
        }
    }
    // Rows whose label is printed but that got no values.
    for (r, l) in row_labels.iter().enumerate() {
        let reported = table.unreadable.iter().any(|u| u.row == Some(layout.rows[r].id));
        if let (Some((printed, span)), false, false) = (l, covered[r], reported) {
            table.unreadable.push(Unreadable {
                row: Some(layout.rows[r].id),
                reason: Text::new(&LABEL_ONLY, Args::new()),
                excerpt: Some(printed.to_string()),
                origin: Origin { span: *span, cell: None },
            });
        }
    }
    Some(table)
}

/// Every message this module declares ([`crate::message::catalogue`]).
pub(crate) const MESSAGES: &[&crate::message::Message] = &[
    &ROW_OR_COLUMN,
    &ROW_OR_COLUMN_NONE,
    &TOO_MANY_READINGS,
    &READINGS_NONE_BALANCE,
    &READINGS_TOO_MANY_COMBINATIONS,
    &READS_SEVERAL_WAYS,
    &UNPLACED,
    &ROW_UNREAD,
    &LABEL_ONLY,
    &REVIEW_LABELS_ONLY,
    &REVIEW_CUTS_BALANCE,
    &REVIEW_VALUE_COUNT,
    &REVIEW_TOO_MANY_PIECES,
    &REVIEW_NO_ARRANGEMENT,
    &REVIEW_ARRANGEMENTS,
    &CANNOT_CUT,
    &CUT_SEVERAL_WAYS,
    &CUT_TOO_MANY_WAYS,
    &CUT_OVER_CAP,
    &NO_CUT_BALANCES,
];

#[cfg(test)]
mod tests;

// Why a table or a row of text could not be read (TABLE-UNREADABLE's reasons). The English
// text keeps the detail (the digits, the count of readings) for whoever debugs a reading; the
// Chinese says in plain words what kind of problem it is.
const SPLIT_ZH: &str = "连写的数字有多种拆分方式，无法确定各单元格的值";
const NO_SPLIT_ZH: &str = "连写的数字无法按本行的合计关系拆分";
const TOO_MANY_ZH: &str = "可能的读法过多，无法确定各单元格的值";
const NO_CELLS_ZH: &str = "文本未给出单元格分隔，无法可靠地对应到单元格";
const ORDER_ZH: &str = "数值顺序错乱，无法确定各栏的归属";
const ROW_OR_COLUMN_ZH: &str = "文本顺序错乱，无法确定按行还是按列读取";
const LABEL_ONLY_ZH: &str = "只有行名称，找不到对应的数值";
pub(super) const ROW_OR_COLUMN: Message = Message {
    id: "TABLE-UNREADABLE/row-or-column",
    zh: ROW_OR_COLUMN_ZH,
    en: english!("values of several rows in one run, which may read row by row or column by column"),
};
pub(super) const ROW_OR_COLUMN_NONE: Message = Message {
    id: "TABLE-UNREADABLE/row-or-column-none",
    zh: ROW_OR_COLUMN_ZH,
    en: english!("no reading of these rows (row by row or column by column) balances every row"),
};
pub(super) const TOO_MANY_READINGS: Message = Message {
    id: "TABLE-UNREADABLE/too-many-readings",
    zh: TOO_MANY_ZH,
    en: english!("too many ways to read these rows to try them all"),
};
pub(super) const READINGS_NONE_BALANCE: Message = Message {
    id: "TABLE-UNREADABLE/readings-none-balance",
    zh: NO_CELLS_ZH,
    en: english!("{count} readings of \"{text}\" and none satisfies the table's column sums"),
};
pub(super) const READINGS_TOO_MANY_COMBINATIONS: Message = Message {
    id: "TABLE-UNREADABLE/too-many-combinations",
    zh: TOO_MANY_ZH,
    en: english!("{count} readings of \"{text}\" and too many combinations to check against the table's column sums"),
};
pub(super) const READS_SEVERAL_WAYS: Message = Message {
    id: "TABLE-UNREADABLE/reads-several-ways",
    zh: NO_CELLS_ZH,
    en: english!("\"{text}\" reads in {count} ways that all satisfy the table's sums"),
};
const UNPLACED: Message = Message {
    id: "TABLE-UNREADABLE/unplaced",
    zh: "有数值无法对应到表格的行",
    en: english!("values that cannot be placed on a row of the table"),
};
const ROW_UNREAD: Message =
    Message { id: "TABLE-UNREADABLE/row", zh: NO_CELLS_ZH, en: english!("the values of this row cannot be read") };
const LABEL_ONLY: Message = Message {
    id: "TABLE-UNREADABLE/label-only",
    zh: LABEL_ONLY_ZH,
    en: english!("the row's label is printed but no values can be placed on it"),
};
pub(super) const REVIEW_LABELS_ONLY: Message = Message {
    id: "TABLE-UNREADABLE/labels-only",
    zh: LABEL_ONLY_ZH,
    en: english!("the table's labels are printed but no values"),
};
pub(super) const REVIEW_CUTS_BALANCE: Message = Message {
    id: "TABLE-UNREADABLE/cuts-balance",
    zh: SPLIT_ZH,
    en: english!("\"{text}\" can be cut into {count} values in {ways} ways that all balance"),
};
pub(super) const REVIEW_VALUE_COUNT: Message = Message {
    id: "TABLE-UNREADABLE/value-count",
    zh: "数值个数与表格不符",
    en: english!("{count} values where the table has {expected}"),
};
pub(super) const REVIEW_TOO_MANY_PIECES: Message = Message {
    id: "TABLE-UNREADABLE/too-many-pieces",
    zh: TOO_MANY_ZH,
    en: english!("the values are printed out of order in {count} pieces, too many to arrange"),
};
pub(super) const REVIEW_NO_ARRANGEMENT: Message = Message {
    id: "TABLE-UNREADABLE/no-arrangement",
    zh: ORDER_ZH,
    en: english!("the values \"{text}\" are printed out of order, between pieces of the header, and no arrangement of them balances"),
};
pub(super) const REVIEW_ARRANGEMENTS: Message = Message {
    id: "TABLE-UNREADABLE/arrangements",
    zh: ORDER_ZH,
    en: english!("the values \"{text}\" are printed out of order, between pieces of the header; {count} arrangements balance, and the text does not say which block is 行政复议, 未经复议直接起诉 or 复议后起诉"),
};
pub(super) const CANNOT_CUT: Message = Message {
    id: "TABLE-UNREADABLE/cannot-cut",
    zh: NO_SPLIT_ZH,
    en: english!("\"{text}\" cannot be cut into {count} values"),
};
pub(super) const CUT_SEVERAL_WAYS: Message = Message {
    id: "TABLE-UNREADABLE/cut-several-ways",
    zh: SPLIT_ZH,
    en: english!("\"{text}\" can be cut into {count} values in several ways and nothing tells them apart"),
};
pub(super) const CUT_TOO_MANY_WAYS: Message = Message {
    id: "TABLE-UNREADABLE/cut-too-many-ways",
    zh: TOO_MANY_ZH,
    en: english!("\"{text}\" has too many ways to be cut into {count} values to try them all"),
};
pub(super) const CUT_OVER_CAP: Message = Message {
    id: "TABLE-UNREADABLE/cut-over-cap",
    zh: SPLIT_ZH,
    en: english!("\"{text}\" has more than {cap} cuts into {count} values that balance"),
};
pub(super) const NO_CUT_BALANCES: Message = Message {
    id: "TABLE-UNREADABLE/no-cut-balances",
    zh: NO_SPLIT_ZH,
    en: english!("no cut of \"{text}\" into {count} values satisfies the row's sum"),
};
