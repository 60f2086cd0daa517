//! Statutory tables given as text with no cell boundaries (format.md §9.6).
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

mod tokens;

use crate::document::{Paragraph, Span};
use crate::format::{self, Format, FormatVersion, RelationSpec, RowSpec, TableId, TableSpec};
use crate::recognize::labels::{canonical, column_matches, compare, row_score_of_words, words, LabelMatch};
use crate::recognize::model::{FoundTable, MappedCell, Origin, PrintedLabel, Unreadable};
use crate::recognize::value::read_value;
use crate::strings::{char_count, JoinStr};
use tokens::{is_digit, is_numeral, region, tokenize, Group, Part, Tok};

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
pub fn read_text_table(id: TableId, paragraphs: &[&Paragraph], input: &str, year: Option<u16>) -> Option<FoundTable> {
    let mut tokens = Vec::new();
    for p in paragraphs {
        tokenize(p, input, &mut tokens);
    }
    let tokens = region(&tokens, id.section());
    match id {
        TableId::Review => read_review(tokens, year),
        TableId::Proactive | TableId::Requests => read_rows_table(id, tokens, year),
    }
}

// ---------------------------------------------------------------------------------------
// Labels

/// Positions where a row label may begin: `（一）`, `一、`, `1.`/`1、`/`1．`.
fn label_starts(chars: &[char]) -> Vec<usize> {
    let mut out = Vec::new();
    for i in 0..chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        let bracket = matches!(c, '（' | '(')
            && next.is_some_and(is_numeral)
            && matches!(chars.get(i + 2), Some('）') | Some(')'));
        let numeral = is_numeral(c) && next == Some('、') && (i == 0 || !is_numeral(chars[i - 1]));
        let number =
            c.is_ascii_digit() && matches!(next, Some('.' | '．' | '、')) && (i == 0 || !is_digit(chars[i - 1]));
        if bracket || numeral || number {
            out.push(i);
        }
    }
    out
}

/// The official row a text names, and the label as printed. With `tail`, the label must
/// end the text (the text that comes right before a run of values); otherwise the whole
/// text must be a label.
fn match_label(text: &str, spec: &TableSpec, tail: bool) -> Option<(usize, String)> {
    let rows: Vec<&RowSpec> = spec.rows().map(|(_, r)| r).collect();
    let canon = canonical(text);
    if canon.is_empty() || spec.groups.iter().flat_map(|g| g.columns).any(|c| canonical(c.label) == canon) {
        return None;
    }
    let chars: Vec<char> = text.chars().collect();
    // The official label, exactly, at the end of the text.
    let exact = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.label.is_empty() && canon.ends_with(&canonical(r.label)))
        .max_by_key(|(_, r)| char_count(&canonical(r.label)));
    if let Some((i, r)) = exact {
        let want = char_count(&canonical(r.label));
        let mut seen = 0;
        let mut from = chars.len();
        while from > 0 && seen < want {
            from -= 1;
            if !chars[from].is_whitespace() {
                seen += 1;
            }
        }
        return Some((i, chars[from..].iter().collect::<String>().trim().to_string()));
    }
    // The text from the last numbering on, or the whole (short) text.
    let mut pieces = Vec::new();
    if let Some(&s) = label_starts(&chars).last() {
        pieces.push(chars[s..].iter().collect::<String>());
    }
    if !tail || chars.len() <= 60 {
        pieces.push(text.to_string());
    }
    for piece in pieces {
        if char_count(&piece) > 80 {
            continue;
        }
        let parents: Vec<String> = rows.iter().filter_map(|r| r.parent).map(words).collect();
        let pw = words(&piece);
        if parents.contains(&pw) && !rows.iter().any(|r| words(r.label) == pw) {
            return None; // a group label such as （三）不予公开
        }
        let scored: Vec<(usize, usize)> = rows
            .iter()
            .enumerate()
            .filter(|(_, r)| !r.label.is_empty() && compare(&piece, r.label, r.keys) != LabelMatch::Different)
            .map(|(i, r)| (i, row_score_of_words(&pw, r)))
            .filter(|&(_, s)| s > 0)
            .collect();
        let best = scored.iter().map(|&(_, s)| s).max();
        if let Some(best) = best {
            let top: Vec<usize> = scored.iter().filter(|&&(_, s)| s == best).map(|&(i, _)| i).collect();
            if top.len() == 1 {
                return Some((top[0], piece.trim().to_string()));
            }
            return None;
        }
    }
    None
}

// ---------------------------------------------------------------------------------------
// Splitting glued digits

/// A sum relation between positions of one row: Σ `total` = Σ `parts`.
#[derive(Clone, Debug)]
struct RowRel {
    total: Vec<usize>,
    parts: Vec<usize>,
}

impl RowRel {
    fn last(&self) -> usize {
        self.total.iter().chain(&self.parts).copied().max().unwrap_or(0)
    }

    fn holds(&self, values: &[Option<i128>]) -> bool {
        let sum = |idx: &[usize]| -> Option<i128> {
            idx.iter().try_fold(0i128, |acc, &i| values.get(i).copied().flatten().and_then(|v| acc.checked_add(v)))
        };
        matches!((sum(&self.total), sum(&self.parts)), (Some(a), Some(b)) if a == b)
    }
}

fn int_value(text: &str) -> Option<i128> {
    let v = read_value(text).number?;
    (v.scale == 0).then_some(v.mantissa)
}

/// How a run of groups can be cut into `k` cells.
#[derive(Debug, Default)]
struct Splits {
    found: Vec<Vec<Part>>,
    /// The search budget ran out before every way was tried.
    capped: bool,
}

struct Splitter<'a> {
    groups: &'a [Group],
    k: usize,
    rels: &'a [RowRel],
    budget: usize,
    max_found: usize,
    out: Splits,
}

impl Splitter<'_> {
    fn remaining_chars(&self, gi: usize, ci: usize) -> usize {
        self.groups[gi..].iter().map(|g| g.chars.len()).sum::<usize>() - ci
    }

    fn dfs(&mut self, gi: usize, ci: usize, cut: &mut Vec<(usize, usize, usize)>, values: &mut Vec<Option<i128>>) {
        if self.out.found.len() >= self.max_found || self.out.capped {
            return;
        }
        if self.budget == 0 {
            self.out.capped = true;
            return;
        }
        self.budget -= 1;
        let placed = cut.len();
        if gi == self.groups.len() {
            if placed == self.k {
                self.out.found.push(cut.iter().map(|&(g, s, e)| self.groups[g].part(s, e)).collect());
            }
            return;
        }
        let left = self.k - placed;
        let rem = self.remaining_chars(gi, ci);
        let groups_left = self.groups.len() - gi;
        if left < groups_left || left > rem || rem > left * MAX_PART_DIGITS {
            return;
        }
        let g = &self.groups[gi];
        let glen = g.chars.len();
        let lens: Vec<usize> =
            if g.splittable() { (1..=(glen - ci).min(MAX_PART_DIGITS)).collect() } else { vec![glen] };
        for len in lens {
            if !g.splittable() && ci != 0 {
                break;
            }
            let part = g.part(ci, ci + len);
            if len > 1 && part.text.starts_with(['0', '０']) {
                continue; // "07" is not a number a cell holds
            }
            values.push(int_value(&part.text));
            let ok = self.rels.iter().filter(|r| r.last() == placed).all(|r| r.holds(values));
            if ok {
                cut.push((gi, ci, ci + len));
                let (ngi, nci) = if ci + len == glen { (gi + 1, 0) } else { (gi, ci + len) };
                self.dfs(ngi, nci, cut, values);
                cut.pop();
            }
            values.pop();
        }
    }
}

/// Every way to cut `groups` into `k` cells (each group into one or more, none across a
/// space), satisfying `rels`, up to `max_found`.
fn split(groups: &[Group], k: usize, rels: &[RowRel], max_found: usize) -> Splits {
    let total: usize = groups.iter().map(|g| g.chars.len()).sum();
    if k == 0 || groups.is_empty() || groups.len() > k || total > k * MAX_PART_DIGITS {
        return Splits::default();
    }
    let mut s = Splitter { groups, k, rels, budget: SPLIT_BUDGET, max_found, out: Splits::default() };
    s.dfs(0, 0, &mut Vec::new(), &mut Vec::new());
    s.out
}

/// The readings of one row given as glued digits: the only cut, or else the cuts the row's
/// own relations allow.
fn split_row(groups: &[Group], k: usize, rels: &[RowRel]) -> Result<Vec<Vec<Part>>, String> {
    let text = groups.iter().map(Group::text).join_str(" ");
    let free = split(groups, k, &[], 2);
    if free.found.len() == 1 && !free.capped {
        return Ok(free.found);
    }
    if free.found.is_empty() && !free.capped {
        return Err(format!("\"{text}\" cannot be cut into {k} values"));
    }
    if rels.is_empty() {
        return Err(format!("\"{text}\" can be cut into {k} values in several ways and nothing tells them apart"));
    }
    let checked = split(groups, k, rels, MAX_CANDIDATES + 1);
    if checked.capped {
        return Err(format!("\"{text}\" has too many ways to be cut into {k} values to try them all"));
    }
    if checked.found.len() > MAX_CANDIDATES {
        return Err(format!("\"{text}\" has more than {MAX_CANDIDATES} cuts into {k} values that balance"));
    }
    if checked.found.is_empty() {
        return Err(format!("no cut of \"{text}\" into {k} values satisfies the row's sum"));
    }
    Ok(checked.found)
}

// ---------------------------------------------------------------------------------------
// 表二 and 表三: rows of values

/// The rows of a table in order, with their column ids.
struct Layout {
    spec: &'static TableSpec,
    rows: Vec<&'static RowSpec>,
    columns: Vec<Vec<&'static str>>,
    /// Relations within each row, as positions.
    row_rels: Vec<Vec<RowRel>>,
}

impl Layout {
    fn new(spec: &'static TableSpec) -> Layout {
        let mut rows = Vec::new();
        let mut columns = Vec::new();
        let mut row_rels = Vec::new();
        for g in spec.groups {
            let ids: Vec<&str> = g.columns.iter().map(|c| c.id).collect();
            let pos = |id: &str| ids.iter().position(|c| *c == id);
            for r in g.rows {
                rows.push(r);
                columns.push(ids.clone());
                let rels = spec
                    .relations
                    .iter()
                    .filter_map(|rel| match rel {
                        RelationSpec::EachRow { total, parts, .. } => Some((total, parts)),
                        RelationSpec::InRow { row, total, parts, .. } if *row == r.id => Some((total, parts)),
                        _ => None,
                    })
                    .filter_map(|(total, parts)| {
                        Some(RowRel { total: positions(total, &pos)?, parts: positions(parts, &pos)? })
                    })
                    .collect();
                row_rels.push(rels);
            }
        }
        Layout { spec, rows, columns, row_rels }
    }

    fn width(&self, row: usize) -> usize {
        self.columns[row].len()
    }

    fn row_ok(&self, row: usize, parts: &[Part]) -> bool {
        let values: Vec<Option<i128>> = parts.iter().map(|p| int_value(&p.text)).collect();
        self.row_rels[row].iter().all(|r| r.holds(&values))
    }
}

/// A run of value tokens with nothing between them, and the label right before it.
struct Run {
    groups: Vec<Group>,
    /// The row the text right before the run names, and that text.
    label: Option<(usize, String, Option<Span>)>,
}

impl Run {
    fn span(&self) -> Option<Span> {
        let spans: Vec<Span> = self.groups.iter().filter_map(|g| g.whole().span).collect();
        spans.iter().copied().reduce(Span::cover)
    }

    fn excerpt(&self) -> String {
        self.groups.iter().map(Group::text).join_str(" ")
    }
}

fn runs(tokens: &[Tok], layout: &Layout) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    let mut prev_num = false;
    for (i, t) in tokens.iter().enumerate() {
        match t {
            Tok::Num { groups } => {
                if prev_num {
                    if let Some(last) = out.last_mut() {
                        last.groups.extend(groups.iter().cloned());
                    }
                } else {
                    let label = match i.checked_sub(1).map(|j| &tokens[j]) {
                        Some(Tok::Text { text, span, .. }) => {
                            match_label(text, layout.spec, true).map(|(r, printed)| (r, printed, *span))
                        }
                        _ => None,
                    };
                    out.push(Run { groups: groups.clone(), label });
                }
                prev_num = true;
            }
            // A sentence between two runs of values parts them as a label would.
            Tok::Text { .. } | Tok::Prose { .. } => prev_num = false,
        }
    }
    out
}

/// Where a run goes: the rows it covers, and whether its groups are the cells or must be cut.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fill {
    /// One group per cell, over `k` rows.
    Cells(usize),
    /// Fewer groups than cells: one row of glued digits.
    Glued,
}

/// How many rows a run starting at `row` covers: as many as its groups fill exactly, or one
/// row of glued digits.
fn fill(layout: &Layout, row: usize, groups: usize) -> Option<Fill> {
    if row >= layout.rows.len() {
        return None;
    }
    if groups < layout.width(row) {
        return Some(Fill::Glued);
    }
    let mut sum = 0;
    for k in 1..=layout.rows.len() - row {
        sum += layout.width(row + k - 1);
        if sum == groups {
            return Some(Fill::Cells(k));
        }
        if sum > groups {
            return None;
        }
    }
    None
}

/// Runs placed one after the other on the official rows, from the first. Fails unless the
/// runs fill every row exactly and every label right before a run names one of its rows.
fn place_in_order(layout: &Layout, runs: &[Run]) -> Option<Vec<(usize, Fill)>> {
    let mut row = 0;
    let mut out = Vec::new();
    for run in runs {
        let f = fill(layout, row, run.groups.len())?;
        let k = match f {
            Fill::Cells(k) => k,
            Fill::Glued => 1,
        };
        if let Some((label_row, ..)) = &run.label {
            if !(row..row + k).contains(label_row) {
                return None;
            }
        }
        out.push((row, f));
        row += k;
    }
    (row == layout.rows.len()).then_some(out)
}

/// Runs placed by the label right before each (or right after the previous run).
fn place_by_labels(layout: &Layout, runs: &[Run]) -> Vec<Option<(usize, Fill)>> {
    let mut taken = vec![false; layout.rows.len()];
    let mut next: Option<usize> = None;
    let mut out = Vec::new();
    for run in runs {
        let start = run.label.as_ref().map(|l| l.0).or(next);
        let placed = start.and_then(|s| {
            let f = fill(layout, s, run.groups.len())?;
            let k = if let Fill::Cells(k) = f { k } else { 1 };
            (!taken[s..s + k].iter().any(|&t| t)).then_some((s, f, k))
        });
        match placed {
            Some((s, f, k)) => {
                taken[s..s + k].iter_mut().for_each(|t| *t = true);
                next = Some(s + k);
                out.push(Some((s, f)));
            }
            None => {
                next = None;
                out.push(None);
            }
        }
    }
    out
}

/// One uncertain piece of the reading: a run placed on rows `start..start + k`, with every
/// reading the text allows (each a list of rows' cells).
struct Unit {
    start: usize,
    k: usize,
    candidates: Vec<Vec<Vec<Part>>>,
    /// Why there is no candidate, when there is none.
    failure: Option<String>,
    span: Option<Span>,
    excerpt: String,
}

fn row_major(groups: &[Group], widths: &[usize]) -> Vec<Vec<Part>> {
    let mut it = groups.iter().map(Group::whole);
    widths.iter().map(|&w| it.by_ref().take(w).collect()).collect()
}

/// Rows `0..m` of a block read column by column.
fn column_major(parts: &[Part], m: usize, w: usize) -> Vec<Vec<Part>> {
    (0..m).map(|r| (0..w).map(|c| parts[c * m + r].clone()).collect()).collect()
}

/// The readings of `k` rows of equal width given one value per group: each stretch of rows
/// read row by row or column by column, wherever every row then satisfies its relations.
fn block_readings(layout: &Layout, start: usize, k: usize, groups: &[Group]) -> Result<Vec<Vec<Vec<Part>>>, String> {
    let widths: Vec<usize> = (start..start + k).map(|r| layout.width(r)).collect();
    let rm = row_major(groups, &widths);
    if k == 1 {
        return Ok(vec![rm]);
    }
    let w = widths[0];
    let uniform = widths.iter().all(|&x| x == w);
    let has_rels = (start..start + k).all(|r| !layout.row_rels[r].is_empty());
    if !uniform {
        return Ok(vec![rm]); // no other layout is defined
    }
    let parts: Vec<Part> = groups.iter().map(Group::whole).collect();
    if !has_rels {
        let cm = column_major(&parts, k, w);
        return if cm == rm {
            Ok(vec![rm])
        } else {
            Err("values of several rows in one run, which may read row by row or column by column".into())
        };
    }
    // seg[i][j]: rows i..j (relative) as one stretch, read row by row (j = i + 1) or column by column.
    let stretch = |i: usize, j: usize| -> Option<Vec<Vec<Part>>> {
        let block = &parts[i * w..j * w];
        let rows = if j == i + 1 { vec![block.to_vec()] } else { column_major(block, j - i, w) };
        rows.iter().enumerate().all(|(n, r)| layout.row_ok(start + i + n, r)).then_some(rows)
    };
    let mut seg: Vec<Vec<Option<Vec<Vec<Part>>>>> = vec![vec![None; k + 1]; k + 1];
    for (i, row) in seg.iter_mut().enumerate() {
        for (j, cell) in row.iter_mut().enumerate().skip(i + 1) {
            *cell = stretch(i, j);
        }
    }
    let mut reach_end = vec![false; k + 1];
    reach_end[k] = true;
    for i in (0..k).rev() {
        reach_end[i] = (i + 1..=k).any(|j| seg[i][j].is_some() && reach_end[j]);
    }
    if !reach_end[0] {
        return Err("no reading of these rows (row by row or column by column) balances every row".into());
    }
    // Enumerate the readings, within a budget; each with its texts as a key, to keep the
    // distinct ones (through the crate's one sort, not a hash set).
    let mut found: Vec<(String, Vec<Vec<Part>>)> = Vec::new();
    let mut budget = PARTITION_BUDGET;
    let mut capped = false;
    let mut stack: Vec<(usize, Vec<Vec<Part>>)> = vec![(0, Vec::new())];
    while let Some((i, acc)) = stack.pop() {
        if budget == 0 {
            capped = true;
            break;
        }
        budget -= 1;
        if i == k {
            // Each text behind its length: equal keys, equal lists of texts.
            let mut key = String::new();
            for p in acc.iter().flatten() {
                key.push_str(&p.text.len().to_string());
                key.push(':');
                key.push_str(&p.text);
            }
            found.push((key, acc));
            continue;
        }
        for j in i + 1..=k {
            if let (Some(rows), true) = (&seg[i][j], reach_end[j]) {
                let mut next = acc.clone();
                next.extend(rows.iter().cloned());
                stack.push((j, next));
            }
        }
    }
    if !capped {
        crate::order::dedup_by_key(&mut found, |(key, _)| key);
        return Ok(found.into_iter().map(|(_, reading)| reading).collect());
    }
    // Too many ways: keep the rows every usable stretch reads alike, via reachability.
    let mut reach_start = vec![false; k + 1];
    reach_start[0] = true;
    for j in 1..=k {
        reach_start[j] = (0..j).any(|i| reach_start[i] && seg[i][j].is_some());
    }
    let mut per_row: Vec<Vec<Vec<Part>>> = vec![Vec::new(); k];
    for i in 0..k {
        for j in i + 1..=k {
            if let (true, Some(rows), true) = (reach_start[i], &seg[i][j], reach_end[j]) {
                for (n, r) in rows.iter().enumerate() {
                    if !per_row[i + n].contains(r) {
                        per_row[i + n].push(r.clone());
                    }
                }
            }
        }
    }
    if per_row.iter().all(|v| v.len() == 1) {
        return Ok(vec![per_row.into_iter().map(|mut v| v.remove(0)).collect()]);
    }
    Err("too many ways to read these rows to try them all".into())
}

fn unit_for(layout: &Layout, run: &Run, start: usize, f: Fill) -> Unit {
    let (k, result) = match f {
        Fill::Cells(k) => (k, block_readings(layout, start, k, &run.groups)),
        Fill::Glued => {
            let result = split_row(&run.groups, layout.width(start), &layout.row_rels[start])
                .map(|c| c.into_iter().map(|row| vec![row]).collect());
            (1, result)
        }
    };
    let (candidates, failure) = match result {
        Ok(c) => (c, None),
        Err(e) => (Vec::new(), Some(e)),
    };
    Unit { start, k, candidates, failure, span: run.span(), excerpt: run.excerpt() }
}

/// The position of every id, or `None` if one has none (one routine for every caller, not
/// a `collect::<Option<Vec<_>>>` per closure).
fn positions(ids: &[&str], position: &dyn Fn(&str) -> Option<usize>) -> Option<Vec<usize>> {
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        out.push(position(id)?);
    }
    Some(out)
}

/// The relations between rows (T3-IDENTITY, T3-RESULT-SUM) as row indices.
fn column_rels(layout: &Layout) -> Vec<(Vec<usize>, Vec<usize>)> {
    let index = |id: &str| layout.rows.iter().position(|r| r.id == id);
    layout
        .spec
        .relations
        .iter()
        .filter_map(|rel| match rel {
            RelationSpec::EachColumn { total, parts, .. } => {
                Some((positions(total, &index)?, positions(parts, &index)?))
            }
            _ => None,
        })
        .collect()
}

/// Choose among the readings of ambiguous units with the column relations: a unit's row is
/// read when every combination that satisfies them agrees on it.
fn resolve(layout: &Layout, units: &mut [Unit]) {
    let ambiguous: Vec<usize> = (0..units.len()).filter(|&u| units[u].candidates.len() > 1).collect();
    if ambiguous.is_empty() {
        return;
    }
    let product = ambiguous.iter().try_fold(1usize, |acc, &u| acc.checked_mul(units[u].candidates.len()));
    let rels = column_rels(layout);
    let n = layout.rows.len();
    let mut fixed: Vec<Option<Vec<Option<i128>>>> = vec![None; n];
    for u in units.iter().filter(|u| u.candidates.len() == 1) {
        for (i, row) in u.candidates[0].iter().enumerate() {
            fixed[u.start + i] = Some(row.iter().map(|p| int_value(&p.text)).collect());
        }
    }
    let ambiguous_rows: Vec<usize> =
        ambiguous.iter().flat_map(|&u| units[u].start..units[u].start + units[u].k).collect();
    // Only the columns in which the readings differ are checked: an error of the report in
    // another column says nothing about which reading is right.
    let mut varying: Vec<usize> = Vec::new();
    for &u in &ambiguous {
        let cands = &units[u].candidates;
        for c in &cands[1..] {
            for (a, b) in c.iter().zip(&cands[0]) {
                for (i, _) in a.iter().zip(b).enumerate().filter(|(_, (x, y))| x.text != y.text) {
                    if !varying.contains(&i) {
                        varying.push(i);
                    }
                }
            }
        }
    }
    let mut survivors: Vec<Vec<usize>> = Vec::new();
    if let Some(product) = product.filter(|&p| p <= COMBO_CAP) {
        for mut code in 0..product {
            let mut choice = Vec::with_capacity(ambiguous.len());
            let mut values = fixed.clone();
            for &u in &ambiguous {
                let c = code % units[u].candidates.len();
                code /= units[u].candidates.len();
                choice.push(c);
                for (i, row) in units[u].candidates[c].iter().enumerate() {
                    values[units[u].start + i] = Some(row.iter().map(|p| int_value(&p.text)).collect());
                }
            }
            let ok = rels.iter().all(|(total, parts)| {
                if !total.iter().chain(parts).any(|r| ambiguous_rows.contains(r)) {
                    return true;
                }
                let rows: Option<Vec<&Vec<Option<i128>>>> =
                    total.iter().chain(parts).map(|&r| values[r].as_ref()).collect();
                let Some(rows) = rows else { return true }; // a row is missing: cannot check
                let width = rows.iter().map(|r| r.len()).min().unwrap_or(0);
                (0..width).filter(|c| varying.contains(c)).all(|c| {
                    let sum = |idx: &[usize]| -> Option<i128> {
                        idx.iter().try_fold(0i128, |acc, &r| values[r].as_ref()?[c].and_then(|v| acc.checked_add(v)))
                    };
                    matches!((sum(total), sum(parts)), (Some(a), Some(b)) if a == b)
                })
            });
            if ok {
                survivors.push(choice);
            }
        }
    }
    for (slot, &u) in ambiguous.iter().enumerate() {
        let unit = &mut units[u];
        let mut chosen: Vec<usize> = survivors.iter().map(|c| c[slot]).collect();
        if chosen.is_empty() {
            unit.failure = Some(format!(
                "{} readings of \"{}\" and {}",
                unit.candidates.len(),
                unit.excerpt,
                if product.is_some_and(|p| p <= COMBO_CAP) {
                    "none satisfies the table's column sums"
                } else {
                    "too many combinations to check against the table's column sums"
                }
            ));
            // Rows on which every reading agrees are still certain.
            chosen = (0..unit.candidates.len()).collect();
        }
        // Keep, per row, the reading all surviving combinations share; drop the others.
        let rows: Vec<Option<Vec<Part>>> = (0..unit.k)
            .map(|i| {
                let first = &unit.candidates[chosen[0]][i];
                chosen.iter().all(|&c| &unit.candidates[c][i] == first).then(|| first.clone())
            })
            .collect();
        if rows.iter().all(Option::is_some) {
            unit.candidates = vec![rows.into_iter().flatten().collect()];
        } else {
            unit.failure.get_or_insert(format!(
                "\"{}\" reads in {} ways that all satisfy the table's sums",
                unit.excerpt,
                chosen.iter().enumerate().filter(|&(i, c)| !chosen[..i].contains(c)).count()
            ));
            // Partly certain: keep the agreed rows as a one-candidate unit with holes.
            unit.candidates = vec![rows.into_iter().map(Option::unwrap_or_default).collect()];
        }
    }
}

const Y2019_PROACTIVE: &[&str] =
    &["本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减", "政府集中采购"];
const Y2021_PROACTIVE: &[&str] = &["本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额"];

fn year_format(year: Option<u16>) -> &'static Format {
    year.and_then(format::format_for_year).unwrap_or(&crate::format::y2021::FORMAT)
}

/// Which revision's layout the text prints, for 表二 (column headers) and 表三 (（六）).
fn detect_layout(id: TableId, tokens: &[Tok], year: Option<u16>) -> FormatVersion {
    let texts: Vec<String> = tokens
        .iter()
        .filter_map(|t| if let Tok::Text { text, .. } = t { Some(canonical(text)) } else { None })
        .collect();
    let any = |m: &str| texts.iter().any(|t| t.contains(&canonical(m)));
    match id {
        TableId::Proactive => {
            let old = Y2019_PROACTIVE.iter().filter(|m| any(m)).count();
            let new = Y2021_PROACTIVE.iter().filter(|m| any(m)).count();
            match old.cmp(&new) {
                std::cmp::Ordering::Greater => FormatVersion::Y2019,
                std::cmp::Ordering::Less => FormatVersion::Y2021,
                std::cmp::Ordering::Equal => year_format(year).version,
            }
        }
        _ => {
            let sub_items = ["逾期不补正", "收费通知", "缴纳费用"].iter().any(|m| any(m));
            if sub_items {
                FormatVersion::Y2021
            } else if any("其他处理") {
                FormatVersion::Y2019
            } else {
                year_format(year).version
            }
        }
    }
}

fn read_rows_table(id: TableId, tokens: &[Tok], year: Option<u16>) -> Option<FoundTable> {
    let version = detect_layout(id, tokens, year);
    let format = format::format(version);
    let layout = Layout::new(format.table(id));
    // Labels anywhere in the region: the table is there at all, and how each row is printed.
    let mut row_labels: Vec<Option<(String, Option<Span>)>> = vec![None; layout.rows.len()];
    for t in tokens {
        if let Tok::Text { text, span, heading: None } = t {
            if let Some((r, printed)) =
                match_label(text, layout.spec, false).or_else(|| match_label(text, layout.spec, true))
            {
                row_labels[r].get_or_insert((printed, *span));
            }
        }
    }
    let runs = runs(tokens, &layout);
    for run in &runs {
        if let Some((r, printed, span)) = &run.label {
            row_labels[*r].get_or_insert((printed.clone(), *span));
        }
    }
    if row_labels.iter().all(Option::is_none) {
        return None;
    }
    let mut table = FoundTable::new(id, format, Some(version), Vec::new(), token_span(tokens));
    for (r, l) in row_labels.iter().enumerate() {
        if let Some((printed, span)) = l {
            table.row_labels.push(PrintedLabel {
                id: layout.rows[r].id,
                printed: printed.clone(),
                origin: Origin { span: *span, cell: None },
            });
        }
    }
    let placement: Vec<Option<(usize, Fill)>> = match place_in_order(&layout, &runs) {
        Some(p) => p.into_iter().map(Some).collect(),
        None => place_by_labels(&layout, &runs),
    };
    let mut units = Vec::new();
    for (run, place) in runs.iter().zip(&placement) {
        match place {
            Some((start, f)) => units.push(unit_for(&layout, run, *start, *f)),
            None => table.unreadable.push(Unreadable {
                row: run.label.as_ref().map(|l| layout.rows[l.0].id),
                reason: "values that cannot be placed on a row of the table".into(),
                reason_zh: reason_zh("values that cannot be placed on a row of the table"),
                excerpt: Some(run.excerpt()),
                origin: Origin { span: run.span(), cell: None },
            }),
        }
    }
    resolve(&layout, &mut units);
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
                            column: col,
                            value: read_value(&part.text),
                            origin: Origin { span: part.span, cell: None },
                        });
                    }
                }
                None => table.unreadable.push(Unreadable {
                    row: Some(layout.rows[row].id),
                    reason: u.failure.clone().unwrap_or_else(|| "the values of this row cannot be read".into()),
                    reason_zh: reason_zh(u.failure.as_deref().unwrap_or("")),
                    excerpt: Some(u.excerpt.clone()),
                    origin: Origin { span: u.span, cell: None },
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
                reason: "the row's label is printed but no values can be placed on it".into(),
                reason_zh: reason_zh("label is printed but no values"),
                excerpt: Some(printed.clone()),
                origin: Origin { span: *span, cell: None },
            });
        }
    }
    Some(table)
}

fn token_span(tokens: &[Tok]) -> Option<Span> {
    tokens
        .iter()
        .flat_map(|t| match t {
            Tok::Text { span, .. } => vec![*span],
            Tok::Num { groups } => groups.iter().map(|g| g.whole().span).collect(),
            Tok::Prose { .. } => vec![],
        })
        .flatten()
        .reduce(Span::cover)
}

// ---------------------------------------------------------------------------------------
// 表四: one row of fifteen values

const REVIEW_MARKERS: &[&str] = &["行政复议", "行政诉讼", "复议后起诉", "直接起诉", "结果维持", "结果纠正", "尚未审结"];

fn read_review(tokens: &[Tok], year: Option<u16>) -> Option<FoundTable> {
    let format = year_format(year);
    let spec = format.table(TableId::Review);
    let group = &spec.groups[0];
    let columns = group.columns;
    let w = columns.len();
    let labelled = tokens.iter().any(|t| match t {
        Tok::Text { text, .. } => {
            let c = canonical(text);
            REVIEW_MARKERS.iter().any(|m| c.contains(m))
        }
        // `共有行政复议案件2件` tells of cases, not of the table.
        Tok::Num { .. } | Tok::Prose { .. } => false,
    });
    if !labelled {
        return None;
    }
    let layout = Layout::new(spec);
    let rels = layout.row_rels[0].clone();
    let row = group.rows[0].id;
    let mut table = FoundTable::new(TableId::Review, format, None, Vec::new(), token_span(tokens));
    // The value runs, and the texts between them.
    let mut runs: Vec<Vec<Group>> = Vec::new();
    let mut between: Vec<Vec<String>> = vec![Vec::new()];
    let mut prev_num = false;
    for t in tokens {
        match t {
            Tok::Num { groups } => {
                if prev_num {
                    runs.last_mut().into_iter().for_each(|r| r.extend(groups.iter().cloned()));
                } else {
                    runs.push(groups.clone());
                    between.push(Vec::new());
                }
                prev_num = true;
            }
            Tok::Text { text, .. } | Tok::Prose { text } => {
                prev_num = false;
                between.last_mut().into_iter().for_each(|b| b.push(text.clone()));
            }
        }
    }
    let groups: Vec<Group> = runs.iter().flatten().cloned().collect();
    let excerpt = groups.iter().map(Group::text).join_str(" ");
    let span = groups.iter().filter_map(|g| g.whole().span).reduce(Span::cover);
    let reading: Result<Vec<Part>, String> = if groups.is_empty() {
        Err("the table's labels are printed but no values".into())
    } else if groups.len() < w {
        split_row(&groups, w, &rels).and_then(|c| match c.len() {
            1 => Ok(c.into_iter().next().unwrap_or_default()),
            n => Err(format!("\"{excerpt}\" can be cut into {w} values in {n} ways that all balance")),
        })
    } else if groups.len() > w {
        Err(format!("{} values where the table has {w}", groups.len()))
    } else {
        review_in_order(&runs, &between, columns, &rels, &excerpt)
    };
    match reading {
        Ok(parts) => {
            for (col, part) in columns.iter().zip(parts) {
                table.cells.push(MappedCell {
                    row,
                    column: col.id,
                    value: read_value(&part.text),
                    origin: Origin { span: part.span, cell: None },
                });
            }
        }
        Err(reason) => table.unreadable.push(Unreadable {
            row: None,
            reason_zh: reason_zh(&reason),
            reason,
            excerpt: Some(excerpt),
            origin: Origin { span, cell: None },
        }),
    }
    Some(table)
}

/// Fifteen values, one per group: in the text's order when the text between them only
/// repeats the header of the next value's column; otherwise the arrangement of the runs that
/// alone balances the three blocks.
fn review_in_order(
    runs: &[Vec<Group>],
    between: &[Vec<String>],
    columns: &[format::ColumnSpec],
    rels: &[RowRel],
    excerpt: &str,
) -> Result<Vec<Part>, String> {
    let in_order: Vec<Part> = runs.iter().flatten().map(Group::whole).collect();
    // between[i] is the text before run i (i ≥ 1 here: text between runs).
    let mut position = 0;
    let mut consistent = true;
    for (i, run) in runs.iter().enumerate() {
        if i > 0 {
            let col = &columns[position];
            consistent &= between[i]
                .iter()
                .all(|t| column_matches(t, col) && !REVIEW_MARKERS.iter().any(|m| canonical(t).contains(m)));
        }
        position += run.len();
    }
    if consistent {
        return Ok(in_order);
    }
    if runs.len() > MAX_PERMUTED_RUNS {
        return Err(format!("the values are printed out of order in {} pieces, too many to arrange", runs.len()));
    }
    let mut order: Vec<usize> = (0..runs.len()).collect();
    // The texts of the first arrangement, and whether another one read differently.
    let mut first: Option<Vec<String>> = None;
    let mut differ = false;
    let mut balanced: Vec<Vec<Part>> = Vec::new();
    permute(&mut order, 0, &mut |order| {
        let parts: Vec<Part> = order.iter().flat_map(|&r| runs[r].iter().map(Group::whole)).collect();
        let texts: Vec<String> = parts.iter().map(|p| p.text.clone()).collect();
        match &first {
            None => first = Some(texts.clone()),
            Some(f) => differ |= *f != texts,
        }
        let values: Vec<Option<i128>> = parts.iter().map(|p| int_value(&p.text)).collect();
        if rels.iter().all(|r| r.holds(&values)) && !balanced.iter().any(|b| b.iter().map(|p| &p.text).eq(texts.iter()))
        {
            balanced.push(parts);
        }
    });
    if !differ {
        return Ok(in_order); // every arrangement reads the same values
    }
    match balanced.len() {
        1 => Ok(balanced.remove(0)),
        0 => Err(format!(
            "the values \"{excerpt}\" are printed out of order, between pieces of the header, and no arrangement of them balances"
        )),
        n => Err(format!(
            "the values \"{excerpt}\" are printed out of order, between pieces of the header; {n} arrangements balance, and the text does not say which block is 行政复议, 未经复议直接起诉 or 复议后起诉"
        )),
    }
}

fn permute(order: &mut Vec<usize>, k: usize, f: &mut dyn FnMut(&[usize])) {
    if k == order.len() {
        f(order);
        return;
    }
    for i in k..order.len() {
        order.swap(k, i);
        permute(order, k + 1, f);
        order.swap(k, i);
    }
}

#[cfg(test)]
mod tests;

/// The reason in plain Chinese for users (the English one keeps the detail).
fn reason_zh(reason: &str) -> String {
    let has = |p: &str| reason.contains(p);
    if has("too many") {
        "可能的读法过多，无法确定各单元格的值"
    } else if has("several ways") || has("ways that all balance") || has("cuts into") {
        "连写的数字有多种拆分方式，无法确定各单元格的值"
    } else if has("cannot be cut") || has("no cut of") {
        "连写的数字无法按本行的合计关系拆分"
    } else if has("row by row or column by column") {
        "文本顺序错乱，无法确定按行还是按列读取"
    } else if has("out of order") || has("arrangement") || has("arrange") {
        "数值顺序错乱，无法确定各栏的归属"
    } else if has("label is printed but no values") || has("labels are printed but no values") {
        "只有行名称，找不到对应的数值"
    } else if has("cannot be placed") {
        "有数值无法对应到表格的行"
    } else if has("values where the table has") {
        "数值个数与表格不符"
    } else {
        "文本未给出单元格分隔，无法可靠地对应到单元格"
    }
    .to_string()
}
