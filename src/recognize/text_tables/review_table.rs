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
    let span = groups.iter().filter_map(Group::span).reduce(Span::cover);
    let reading: Result<Vec<Part>, Text> = if groups.is_empty() {
        Err(Text::new(&super::REVIEW_LABELS_ONLY, Args::new()))
    } else if groups.len() < w {
        split_row(&groups, w, &rels).and_then(|c| match c.len() {
            1 => Ok(c.into_iter().next().unwrap_or_default()),
            n => Err(Text::new(
                &super::REVIEW_CUTS_BALANCE,
                Args::new().text("text", &excerpt).text("count", w).text("ways", n),
            )),
        })
    } else if groups.len() > w {
        Err(Text::new(&super::REVIEW_VALUE_COUNT, Args::new().text("count", groups.len()).text("expected", w)))
    } else {
        review_in_order(&runs, &between, columns, spec.keys, &rels, &excerpt)
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
    keys: &[&str],
    rels: &[RowRel],
    excerpt: &str,
) -> Result<Vec<Part>, Text> {
    let in_order: Vec<Part> = runs.iter().flatten().map(Group::whole).collect();
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
        return Ok(in_order);
    }
    if runs.len() > MAX_PERMUTED_RUNS {
        return Err(Text::new(&super::REVIEW_TOO_MANY_PIECES, Args::new().text("count", runs.len())));
    }
    let mut order: Vec<usize> = (0..runs.len()).collect();
    // Each run's parts and values, read once; an arrangement only puts them in its order.
    let run_parts: Vec<Vec<Part>> = runs.iter().map(|run| run.iter().map(Group::whole).collect()).collect();
    let run_values: Vec<Vec<Option<i128>>> =
        run_parts.iter().map(|parts| parts.iter().map(|p| int_value(&p.text)).collect()).collect();
    fn arranged<'a>(run_parts: &'a [Vec<Part>], order: &'a [usize]) -> impl Iterator<Item = &'a Part> {
        order.iter().flat_map(move |&r| &run_parts[r])
    }
    // The first arrangement (the text's order), and whether another one read differently.
    let first: Vec<usize> = order.clone();
    let mut differ = false;
    let mut balanced: Vec<Vec<Part>> = Vec::new();
    let mut values: Vec<Option<i128>> = Vec::new();
    permute(&mut order, 0, &mut |order| {
        // Once one arrangement reads differently, the others need not be compared.
        differ =
            differ || !arranged(&run_parts, order).map(|p| &p.text).eq(arranged(&run_parts, &first).map(|p| &p.text));
        values.clear();
        values.extend(order.iter().flat_map(|&r| run_values[r].iter().copied()));
        if rels.iter().all(|r| r.holds(&values))
            && !balanced.iter().any(|b| b.iter().map(|p| &p.text).eq(arranged(&run_parts, order).map(|p| &p.text)))
        {
            balanced.push(arranged(&run_parts, order).cloned().collect());
        }
    });
    if !differ {
        return Ok(in_order); // every arrangement reads the same values
    }
    match balanced.len() {
        1 => Ok(balanced.remove(0)),
        0 => Err(Text::new(&super::REVIEW_NO_ARRANGEMENT, Args::new().text("text", excerpt))),
        n => Err(Text::new(&super::REVIEW_ARRANGEMENTS, Args::new().text("text", excerpt).text("count", n))),
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
