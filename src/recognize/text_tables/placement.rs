//! Placing runs of values on the rows of 表二 and 表三: by the official order of the rows
//! where that accounts for every run, by the labels otherwise; a run covering several rows
//! is read row by row or column by column, and each reading becomes a candidate.

use super::splitting::{int_value, split_row, RowRel};
use super::tokens::{Group, Part, Tok};
use super::{match_labels, LabelIndex, RowLabel, PARTITION_BUDGET};
use crate::document::Span;
use crate::format::{ColumnId, RelationSpec, RowSpec, TableSpec};
use crate::message::{Args, Text};
use crate::strings::JoinStr;
use std::fmt::Write as _;

/// The rows of a table in order, with their column ids.
pub(super) struct Layout {
    pub(super) spec: &'static TableSpec,
    pub(super) rows: Vec<&'static RowSpec>,
    pub(super) columns: Vec<Vec<ColumnId>>,
    /// Relations within each row, as positions.
    pub(super) row_rels: Vec<Vec<RowRel>>,
}

impl Layout {
    pub(super) fn new(spec: &'static TableSpec) -> Layout {
        let mut rows = Vec::new();
        let mut columns = Vec::new();
        let mut row_rels = Vec::new();
        for g in spec.groups {
            let ids: Vec<ColumnId> = g.columns.iter().map(|c| c.id).collect();
            let pos = |id: ColumnId| ids.iter().position(|c| *c == id);
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

    pub(super) fn width(&self, row: usize) -> usize {
        self.columns[row].len()
    }

    /// Does `row` satisfy its relations with these values ([`int_value`] of its cells)?
    pub(super) fn values_ok(&self, row: usize, values: &[Option<i128>]) -> bool {
        self.row_rels[row].iter().all(|r| r.holds(values))
    }
}

/// A run of value tokens with nothing between them, and the label right before it.
pub(super) struct Run<'t> {
    /// The groups of the tokens, where they are (not copied).
    pub(super) groups: Vec<&'t Group>,
    /// The row the text right before the run names, and that text.
    pub(super) label: Option<(usize, &'t str, Option<Span>)>,
}

impl Run<'_> {
    pub(super) fn span(&self) -> Option<Span> {
        self.groups.iter().filter_map(|g| g.span()).reduce(Span::cover)
    }

    pub(super) fn excerpt(&self) -> String {
        self.groups.iter().map(|g| g.text()).join_str(" ")
    }
}

/// `canonical`: [`canonical`](crate::recognize::labels::canonical) of each text token's
/// text. `tails`: the label ending each text token, where already worked out (taken from it).
pub(super) fn runs<'t>(
    tokens: &'t [Tok],
    canonical: &[&str],
    index: &LabelIndex<'_>,
    tails: &mut [Option<RowLabel<'t>>],
) -> Vec<Run<'t>> {
    let mut out: Vec<Run> = Vec::new();
    let mut prev_num = false;
    for (i, t) in tokens.iter().enumerate() {
        match t {
            Tok::Num { groups } => {
                if prev_num {
                    if let Some(last) = out.last_mut() {
                        last.groups.extend(groups);
                    }
                } else {
                    let label = match i.checked_sub(1).map(|j| &tokens[j]) {
                        Some(Tok::Text { text, span, .. }) => tails[i - 1]
                            .take()
                            .unwrap_or_else(|| match_labels(text, canonical[i - 1], index).1)
                            .map(|(r, printed)| (r, printed, *span)),
                        _ => None,
                    };
                    // Room for the groups of every number token of the run (one per line in
                    // `pdftotext` raw text), rather than grown token by token.
                    let n: usize = tokens[i..]
                        .iter()
                        .map_while(|t| if let Tok::Num { groups } = t { Some(groups.len()) } else { None })
                        .sum();
                    let mut run = Vec::with_capacity(n);
                    run.extend(groups);
                    out.push(Run { groups: run, label });
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
pub(super) enum Fill {
    /// One group per cell, over `k` rows.
    Cells(usize),
    /// Fewer groups than cells: one row of glued digits.
    Glued,
}

/// How many rows a run starting at `row` covers: as many as its groups fill exactly, or one
/// row of glued digits.
pub(super) fn fill(layout: &Layout, row: usize, groups: usize) -> Option<Fill> {
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
pub(super) fn place_in_order(layout: &Layout, runs: &[Run]) -> Option<Vec<(usize, Fill)>> {
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
pub(super) fn place_by_labels(layout: &Layout, runs: &[Run]) -> Vec<Option<(usize, Fill)>> {
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
pub(super) struct Unit<'a> {
    pub(super) start: usize,
    pub(super) k: usize,
    pub(super) candidates: Vec<Vec<Vec<Part>>>,
    /// Why there is no candidate, when there is none.
    pub(super) failure: Option<Text>,
    /// The run read: its span and excerpt, for the messages of the rows not read.
    pub(super) run: &'a Run<'a>,
}

pub(super) fn row_major(groups: &[&Group], widths: &[usize]) -> Vec<Vec<Part>> {
    let mut it = groups.iter().map(|g| g.whole());
    widths.iter().map(|&w| it.by_ref().take(w).collect()).collect()
}

/// The readings of `k` rows of equal width given one value per group: each stretch of rows
/// read row by row or column by column, wherever every row then satisfies its relations.
///
/// The stretches are tested on the values alone, by position: cell `c` of row `n` of the
/// stretch of rows `i..j` is value `i·w + c·(j − i) + n` (one row, `j = i + 1`, reads row
/// by row; a longer stretch column by column). Only the readings found are made into parts.
pub(super) fn block_readings(
    layout: &Layout,
    start: usize,
    k: usize,
    groups: &[&Group],
) -> Result<Vec<Vec<Vec<Part>>>, Text> {
    if k == 1 {
        return Ok(vec![row_major(groups, &[layout.width(start)])]);
    }
    let widths: Vec<usize> = (start..start + k).map(|r| layout.width(r)).collect();
    let w = widths[0];
    if !widths.iter().all(|&x| x == w) {
        return Ok(vec![row_major(groups, &widths)]); // no other layout is defined
    }
    let parts: Vec<Part> = groups.iter().map(|g| g.whole()).collect();
    let at = |i: usize, j: usize, n: usize, c: usize| i * w + c * (j - i) + n;
    let stretch_rows = |i: usize, j: usize| -> Vec<Vec<Part>> {
        (0..j - i).map(|n| (0..w).map(|c| parts[at(i, j, n, c)].clone()).collect()).collect()
    };
    if !(start..start + k).all(|r| !layout.row_rels[r].is_empty()) {
        // The whole block read column by column must read as it does row by row.
        let alike = (0..k).all(|n| (0..w).all(|c| parts[at(0, k, n, c)] == parts[n * w + c]));
        return if alike {
            Ok(vec![(0..k).flat_map(|i| stretch_rows(i, i + 1)).collect()])
        } else {
            Err(Text::new(&super::ROW_OR_COLUMN, Args::new()))
        };
    }
    let values: Vec<Option<i128>> = parts.iter().map(|p| int_value(&p.text)).collect();
    let mut row = Vec::with_capacity(w);
    // seg[i * (k + 1) + j]: rows i..j (relative) as one stretch satisfy their relations.
    let mut seg = vec![false; (k + 1) * (k + 1)];
    for i in 0..k {
        for j in i + 1..=k {
            seg[i * (k + 1) + j] = (0..j - i).all(|n| {
                row.clear();
                row.extend((0..w).map(|c| values[at(i, j, n, c)]));
                layout.values_ok(start + i + n, &row)
            });
        }
    }
    let seg = |i: usize, j: usize| seg[i * (k + 1) + j];
    let mut reach_end = vec![false; k + 1];
    reach_end[k] = true;
    for i in (0..k).rev() {
        reach_end[i] = (i + 1..=k).any(|j| seg(i, j) && reach_end[j]);
    }
    if !reach_end[0] {
        return Err(Text::new(&super::ROW_OR_COLUMN_NONE, Args::new()));
    }
    // Enumerate the readings, within a budget; each with its texts as a key, to keep the
    // distinct ones (through the crate's one sort, not a hash set). A reading is the list of
    // its stretches' ends, kept as a chain of nodes (row reached, node before).
    let mut found: Vec<(String, Vec<usize>)> = Vec::new();
    let mut budget = PARTITION_BUDGET;
    let mut capped = false;
    let mut nodes: Vec<(usize, usize)> = vec![(0, 0)];
    let mut stack: Vec<usize> = vec![0];
    while let Some(node) = stack.pop() {
        if budget == 0 {
            capped = true;
            break;
        }
        budget -= 1;
        let i = nodes[node].0;
        if i == k {
            let mut ends = vec![k];
            let mut n = node;
            while n != 0 {
                n = nodes[n].1;
                ends.push(nodes[n].0);
            }
            ends.reverse();
            // Each text behind its length: equal keys, equal lists of texts.
            let mut key = String::new();
            for s in ends.windows(2) {
                for n in 0..s[1] - s[0] {
                    for c in 0..w {
                        let text = &parts[at(s[0], s[1], n, c)].text;
                        // Written into the key, not through a `String` of its own.
                        let _ = write!(key, "{}:", text.len());
                        key.push_str(text);
                    }
                }
            }
            found.push((key, ends));
            continue;
        }
        for j in (i + 1..=k).filter(|&j| seg(i, j) && reach_end[j]) {
            nodes.push((j, node));
            stack.push(nodes.len() - 1);
        }
    }
    if !capped {
        crate::order::dedup_by_key(&mut found, |(key, _)| key);
        let reading = |ends: &[usize]| ends.windows(2).flat_map(|s| stretch_rows(s[0], s[1])).collect();
        return Ok(found.iter().map(|(_, ends)| reading(ends)).collect());
    }
    // Too many ways: keep the rows every usable stretch reads alike, via reachability.
    let mut reach_start = vec![false; k + 1];
    reach_start[0] = true;
    for j in 1..=k {
        reach_start[j] = (0..j).any(|i| reach_start[i] && seg(i, j));
    }
    let mut per_row: Vec<Vec<Vec<Part>>> = vec![Vec::new(); k];
    for i in 0..k {
        for j in (i + 1..=k).filter(|&j| reach_start[i] && seg(i, j) && reach_end[j]) {
            for (n, r) in stretch_rows(i, j).into_iter().enumerate() {
                if !per_row[i + n].contains(&r) {
                    per_row[i + n].push(r);
                }
            }
        }
    }
    if per_row.iter().all(|v| v.len() == 1) {
        return Ok(vec![per_row.into_iter().map(|mut v| v.remove(0)).collect()]);
    }
    Err(Text::new(&super::TOO_MANY_READINGS, Args::new()))
}

pub(super) fn unit_for<'a>(layout: &Layout, run: &'a Run<'a>, start: usize, f: Fill) -> Unit<'a> {
    let (k, result) = match f {
        Fill::Cells(k) => (k, block_readings(layout, start, k, &run.groups)),
        Fill::Glued => {
            // The splitting reads the groups of one run (copied only here, where they are glued).
            let groups: Vec<Group> = run.groups.iter().map(|&g| g.clone()).collect();
            let result = split_row(&groups, layout.width(start), &layout.row_rels[start])
                .map(|c| c.into_iter().map(|row| vec![row]).collect());
            (1, result)
        }
    };
    let (candidates, failure) = match result {
        Ok(c) => (c, None),
        Err(e) => (Vec::new(), Some(e)),
    };
    Unit { start, k, candidates, failure, run }
}

/// The position of every id, or `None` if one has none (one routine for every caller, not
/// a `collect::<Option<Vec<_>>>` per closure).
pub(super) fn positions<Id: Copy>(ids: &[Id], position: &dyn Fn(Id) -> Option<usize>) -> Option<Vec<usize>> {
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        out.push(position(*id)?);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::{y2019, y2021, TableId};
    use crate::recognize::text_tables::tests::Rng;
    use crate::recognize::text_tables::tokens::Ch;

    /// Rows `0..m` of a block read column by column, as the former reading made them.
    fn column_major(parts: &[Part], m: usize, w: usize) -> Vec<Vec<Part>> {
        (0..m).map(|r| (0..w).map(|c| parts[c * m + r].clone()).collect()).collect()
    }

    fn row_ok(layout: &Layout, row: usize, parts: &[Part]) -> bool {
        let values: Vec<Option<i128>> = parts.iter().map(|p| int_value(&p.text)).collect();
        layout.values_ok(row, &values)
    }

    /// [`block_readings`] as it was: every stretch made into parts before it is tested, and
    /// every partial reading copied on the way.
    fn former_block_readings(
        layout: &Layout,
        start: usize,
        k: usize,
        groups: &[&Group],
    ) -> Result<Vec<Vec<Vec<Part>>>, Text> {
        let widths: Vec<usize> = (start..start + k).map(|r| layout.width(r)).collect();
        let rm = row_major(groups, &widths);
        if k == 1 {
            return Ok(vec![rm]);
        }
        let w = widths[0];
        let uniform = widths.iter().all(|&x| x == w);
        let has_rels = (start..start + k).all(|r| !layout.row_rels[r].is_empty());
        if !uniform {
            return Ok(vec![rm]);
        }
        let parts: Vec<Part> = groups.iter().map(|g| g.whole()).collect();
        if !has_rels {
            let cm = column_major(&parts, k, w);
            return if cm == rm { Ok(vec![rm]) } else { Err(Text::new(&super::super::ROW_OR_COLUMN, Args::new())) };
        }
        let stretch = |i: usize, j: usize| -> Option<Vec<Vec<Part>>> {
            let block = &parts[i * w..j * w];
            let rows = if j == i + 1 { vec![block.to_vec()] } else { column_major(block, j - i, w) };
            rows.iter().enumerate().all(|(n, r)| row_ok(layout, start + i + n, r)).then_some(rows)
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
            return Err(Text::new(&super::super::ROW_OR_COLUMN_NONE, Args::new()));
        }
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
        Err(Text::new(&super::super::TOO_MANY_READINGS, Args::new()))
    }

    /// The same readings and the same failures as the former reading, on blocks of every
    /// official table two and three: values laid out row by row or column by column by
    /// stretches, rows made to balance (mostly), values repeated to read several ways, some
    /// values off, all-zero blocks long enough to run out of the partition budget, and each
    /// value at its own place in an input (so that equal texts differ by their spans).
    #[test]
    fn block_readings_read_as_the_former_reading() {
        let mut rng = Rng(0x2545_f491_4f6c_dd1d);
        let mut compared = 0;
        let mut several = 0;
        for format in [&y2019::FORMAT, &y2021::FORMAT] {
            for id in [TableId::Proactive, TableId::Requests] {
                let layout = Layout::new(format.table(id));
                for start in 0..layout.rows.len() {
                    for k in 1..=(layout.rows.len() - start).min(17) {
                        let w = layout.width(start);
                        // Past twelve rows, only all-zero blocks from the first row (budget runs out at 16).
                        let rounds = match (k > 12, start) {
                            (false, _) => 12,
                            (true, 0) => 1,
                            (true, _) => 0,
                        };
                        for round in 0..rounds {
                            let mut values = vec![0u64; k * w];
                            let mut i = 0;
                            while i < k && round > 0 && k <= 12 {
                                let j = (i + 1 + rng.next(3) as usize).min(k);
                                for n in 0..j - i {
                                    let mut row: Vec<u64> =
                                        (0..w).map(|_| [0, 0, 0, 0, 1, 3][rng.next(6) as usize]).collect();
                                    for rel in &layout.row_rels[start + i + n] {
                                        if let [t] = rel.total[..] {
                                            row[t] = rel.parts.iter().map(|&p| row[p]).sum();
                                        }
                                    }
                                    for (c, v) in row.into_iter().enumerate() {
                                        let pos = if j == i + 1 { i * w + c } else { i * w + c * (j - i) + n };
                                        values[pos] = v;
                                    }
                                }
                                i = j;
                            }
                            if rng.next(6) == 0 {
                                values[rng.next((k * w) as u64) as usize] += 1;
                            }
                            let spans = rng.next(2) == 0;
                            let groups: Vec<Group> = values
                                .iter()
                                .enumerate()
                                .map(|(n, v)| Group {
                                    chars: v.to_string().chars().map(|c| Ch::new(c, spans.then_some(n * 4))).collect(),
                                    unit: Vec::new(),
                                })
                                .collect();
                            let groups: Vec<&Group> = groups.iter().collect();
                            let new = block_readings(&layout, start, k, &groups);
                            assert_eq!(
                                new,
                                former_block_readings(&layout, start, k, &groups),
                                "{start} {k} {values:?}"
                            );
                            several += usize::from(new.as_ref().is_ok_and(|r| r.len() > 1));
                            compared += 1;
                        }
                    }
                }
            }
        }
        assert!(compared > 5000 && several > 100, "{compared} {several}");
    }
}
