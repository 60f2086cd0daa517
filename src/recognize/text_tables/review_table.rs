//! 表四 (administrative review and litigation, 行政复议、行政诉讼): one row of fifteen values,
//! which a PDF's text may give in several runs and out of order; the runs are arranged by
//! the header pieces between them, and permuted only when the arithmetic picks one order.

use super::placement::Layout;
use super::splitting::{int_value, split_row, RowRel};
use super::tokens::token_span;
use super::tokens::{Group, Part, Tok};
use super::MAX_PERMUTED_RUNS;
use crate::document::Span;
use crate::format::{self, Format, TableId};
use crate::message::{Args, Text};
use crate::recognize::labels::{canonical, column_matches};
use crate::recognize::model::{FoundTable, MappedCell, Origin, Unreadable};
use crate::recognize::value::read_value;
use crate::strings::JoinStr;

/// 表四 read in the revision `format` (the year's: every revision's is the same so far).
pub(super) fn read_review(tokens: &[Tok], format: &'static Format) -> Option<FoundTable> {
    let spec = format.table(TableId::Review);
    let group = &spec.groups[0];
    let columns = group.columns;
    let w = columns.len();
    let labelled = tokens.iter().any(|t| match t {
        Tok::Text { text, .. } => {
            let c = canonical(text);
            spec.keys.iter().any(|m| c.contains(m))
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
    // (The groups and texts lent, not copied.)
    let mut runs: Vec<Vec<&Group>> = Vec::new();
    let mut between: Vec<Vec<&str>> = vec![Vec::new()];
    let mut prev_num = false;
    for (i, t) in tokens.iter().enumerate() {
        match t {
            Tok::Num { groups } => {
                if prev_num {
                    runs.last_mut().into_iter().for_each(|r| r.extend(groups));
                } else {
                    // Room for the groups of every number token of the run (one per line in
                    // `pdftotext` raw text), rather than grown token by token.
                    let n: usize = tokens[i..]
                        .iter()
                        .map_while(|t| if let Tok::Num { groups } = t { Some(groups.len()) } else { None })
                        .sum();
                    let mut run = Vec::with_capacity(n);
                    run.extend(groups);
                    runs.push(run);
                    between.push(Vec::new());
                }
                prev_num = true;
            }
            Tok::Text { text, .. } | Tok::Prose { text } => {
                prev_num = false;
                between.last_mut().into_iter().for_each(|b| b.push(text.as_str()));
            }
        }
    }
    // The groups of every run, in the text's order (copied into one list only to be split).
    let groups = || runs.iter().flatten().copied();
    let count = groups().count();
    let excerpt = groups().map(Group::text).join_str(" ");
    let span = groups().filter_map(Group::span).reduce(Span::cover);
    let reading: Result<Vec<Part>, Text> = if count == 0 {
        Err(Text::new(&super::REVIEW_LABELS_ONLY, Args::new()))
    } else if count < w {
        split_row(&groups().cloned().collect::<Vec<Group>>(), w, &rels).and_then(|c| match c.len() {
            1 => Ok(c.into_iter().next().unwrap_or_default()),
            n => Err(Text::new(
                &super::REVIEW_CUTS_BALANCE,
                Args::new().text("text", &excerpt).text("count", w).text("ways", n),
            )),
        })
    } else if count > w {
        Err(Text::new(&super::REVIEW_VALUE_COUNT, Args::new().text("count", count).text("expected", w)))
    } else {
        review_in_order(&runs, &between, columns, spec.keys, &rels, &excerpt)
    };
    match reading {
        Ok(parts) => {
            table.cells.reserve(parts.len());
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
    runs: &[Vec<&Group>],
    between: &[Vec<&str>],
    columns: &[format::ColumnSpec],
    keys: &[&str],
    rels: &[RowRel],
    excerpt: &str,
) -> Result<Vec<Part>, Text> {
    // between[i] is the text before run i (i ≥ 1 here: text between runs).
    let mut position = 0;
    let mut consistent = true;
    for (i, run) in runs.iter().enumerate() {
        if i > 0 {
            let col = &columns[position];
            consistent &=
                between[i].iter().all(|t| column_matches(t, col) && !keys.iter().any(|m| canonical(t).contains(m)));
        }
        position += run.len();
    }
    if consistent {
        return Ok(runs.iter().flatten().map(|g| g.whole()).collect());
    }
    if runs.len() > MAX_PERMUTED_RUNS {
        return Err(Text::new(&super::REVIEW_TOO_MANY_PIECES, Args::new().text("count", runs.len())));
    }
    arrangement(runs, rels, excerpt)
}

/// The runs in the text's order when every arrangement of them reads the same values, else
/// the one arrangement that balances.
fn arrangement(runs: &[Vec<&Group>], rels: &[RowRel], excerpt: &str) -> Result<Vec<Part>, Text> {
    // Each run's parts and values, read once; an arrangement only puts them in its order.
    let run_parts: Vec<Vec<Part>> = runs.iter().map(|run| run.iter().map(|g| g.whole()).collect()).collect();
    let texts = |a: usize, b: usize| run_parts[a].iter().chain(&run_parts[b]).map(|p| &p.text);
    // Every arrangement reads alike exactly when every two runs read alike either way round
    // (two arrangements that differ only in the order of two runs, put first, read alike).
    let n = runs.len();
    if (0..n).all(|a| (a + 1..n).all(|b| texts(a, b).eq(texts(b, a)))) {
        return Ok(run_parts.into_iter().flatten().collect());
    }
    let run_values: Vec<Vec<Option<i128>>> =
        run_parts.iter().map(|parts| parts.iter().map(|p| int_value(&p.text)).collect()).collect();
    fn arranged<'a>(run_parts: &'a [Vec<Part>], order: &'a [usize]) -> impl Iterator<Item = &'a Part> {
        order.iter().flat_map(move |&r| &run_parts[r])
    }
    // The orders of the arrangements that balance, one for each reading (its parts are made
    // only for the one that is read).
    let mut balanced: Vec<Vec<usize>> = Vec::new();
    let lasts = rels.iter().map(RowRel::last).collect();
    let width = run_values.iter().map(Vec::len).sum();
    let values = Vec::with_capacity(width);
    let mut arrangement = Arrangement { order: (0..n).collect(), values, run_values: &run_values, rels, lasts };
    arrangement.balancing(0, &mut |order| {
        let texts = |order| arranged(&run_parts, order).map(|p| &p.text);
        if !balanced.iter().any(|b| texts(b).eq(texts(order))) {
            balanced.push(order.to_vec());
        }
    });
    match balanced.len() {
        1 => Ok(arranged(&run_parts, &balanced[0]).cloned().collect()),
        0 => Err(Text::new(&super::REVIEW_NO_ARRANGEMENT, Args::new().text("text", excerpt))),
        n => Err(Text::new(&super::REVIEW_ARRANGEMENTS, Args::new().text("text", excerpt).text("count", n))),
    }
}

/// The arrangements of the runs, made one run at a time with their values: a relation is
/// tested as soon as its last value is placed, and no arrangement is completed from a start
/// that fails one.
struct Arrangement<'a> {
    order: Vec<usize>,
    values: Vec<Option<i128>>,
    run_values: &'a [Vec<Option<i128>>],
    rels: &'a [RowRel],
    /// [`RowRel::last`] of each relation, worked out once rather than at every node.
    lasts: Vec<usize>,
}

impl Arrangement<'_> {
    /// Calls `f` with each arrangement of `order[k..]` after `order[..k]` that satisfies every
    /// relation, in the order of the permutations by swaps.
    fn balancing(&mut self, k: usize, f: &mut dyn FnMut(&[usize])) {
        if k == self.order.len() {
            if self.rels.iter().all(|r| r.holds(&self.values)) {
                f(&self.order);
            }
            return;
        }
        let filled = self.values.len();
        for i in k..self.order.len() {
            self.order.swap(k, i);
            self.values.extend_from_slice(&self.run_values[self.order[k]]);
            let placed = filled..self.values.len();
            let mut placed_last = self.rels.iter().zip(&self.lasts).filter(|(_, last)| placed.contains(last));
            if placed_last.all(|(r, _)| r.holds(&self.values)) {
                self.balancing(k + 1, f);
            }
            self.values.truncate(filled);
            self.order.swap(k, i);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::y2021;
    use crate::recognize::text_tables::tests::Rng;
    use crate::recognize::text_tables::tokens::Ch;

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

    /// [`arrangement`] as it was: every permutation of the runs made and tested whole.
    fn former_arrangement(runs: &[Vec<Group>], rels: &[RowRel], excerpt: &str) -> Result<Vec<Part>, Text> {
        let in_order: Vec<Part> = runs.iter().flatten().map(Group::whole).collect();
        let mut order: Vec<usize> = (0..runs.len()).collect();
        let run_parts: Vec<Vec<Part>> = runs.iter().map(|run| run.iter().map(Group::whole).collect()).collect();
        let run_values: Vec<Vec<Option<i128>>> =
            run_parts.iter().map(|parts| parts.iter().map(|p| int_value(&p.text)).collect()).collect();
        fn arranged<'a>(run_parts: &'a [Vec<Part>], order: &'a [usize]) -> impl Iterator<Item = &'a Part> {
            order.iter().flat_map(move |&r| &run_parts[r])
        }
        let first: Vec<usize> = order.clone();
        let mut differ = false;
        let mut balanced: Vec<Vec<Part>> = Vec::new();
        let mut values: Vec<Option<i128>> = Vec::new();
        permute(&mut order, 0, &mut |order| {
            differ = differ
                || !arranged(&run_parts, order).map(|p| &p.text).eq(arranged(&run_parts, &first).map(|p| &p.text));
            values.clear();
            values.extend(order.iter().flat_map(|&r| run_values[r].iter().copied()));
            if rels.iter().all(|r| r.holds(&values))
                && !balanced.iter().any(|b| b.iter().map(|p| &p.text).eq(arranged(&run_parts, order).map(|p| &p.text)))
            {
                balanced.push(arranged(&run_parts, order).cloned().collect());
            }
        });
        if !differ {
            return Ok(in_order);
        }
        match balanced.len() {
            1 => Ok(balanced.remove(0)),
            0 => Err(Text::new(&super::super::REVIEW_NO_ARRANGEMENT, Args::new().text("text", excerpt))),
            n => Err(Text::new(&super::super::REVIEW_ARRANGEMENTS, Args::new().text("text", excerpt).text("count", n))),
        }
    }

    /// The same reading and the same failures as the former arrangement: rows of 表四 that
    /// balance (mostly), cut into one to seven runs and shuffled, with values alike enough
    /// for runs to read alike either way round and for several arrangements to balance.
    #[test]
    fn arrangements_are_the_former_ones() {
        let layout = Layout::new(y2021::FORMAT.table(TableId::Review));
        let rels = &layout.row_rels[0];
        let w = layout.width(0);
        let mut rng = Rng(0x853c_49e6_748f_ea9b);
        let (mut read, mut refused) = (0, 0);
        for _ in 0..3000 {
            let mut values: Vec<u64> = (0..w).map(|_| [0, 0, 1, 2, 3][rng.next(5) as usize]).collect();
            for rel in rels {
                if let [t] = rel.total[..] {
                    values[t] = rel.parts.iter().map(|&p| values[p]).sum();
                }
            }
            if rng.next(5) == 0 {
                values[rng.next(w as u64) as usize] += 1;
            }
            let group = |(n, v): (usize, &u64)| Group {
                chars: v.to_string().chars().map(|c| Ch::new(c, Some(n * 4))).collect(),
                unit: Vec::new(),
            };
            let groups: Vec<Group> = values.iter().enumerate().map(group).collect();
            let pieces = 1 + rng.next(7) as usize;
            let mut cuts: Vec<usize> = (0..pieces - 1).map(|_| 1 + rng.next(w as u64 - 1) as usize).collect();
            cuts.extend([0, w]);
            cuts.sort_unstable();
            cuts.dedup();
            let mut runs: Vec<Vec<Group>> = cuts.windows(2).map(|c| groups[c[0]..c[1]].to_vec()).collect();
            for i in (1..runs.len()).rev() {
                runs.swap(i, rng.next(i as u64 + 1) as usize);
            }
            let lent: Vec<Vec<&Group>> = runs.iter().map(|run| run.iter().collect()).collect();
            let new = arrangement(&lent, rels, "x");
            assert_eq!(new, former_arrangement(&runs, rels, "x"), "{values:?} {cuts:?}");
            if new.is_ok() {
                read += 1;
            } else {
                refused += 1;
            }
        }
        assert!(read > 500 && refused > 500, "{read} {refused}");
    }
}
