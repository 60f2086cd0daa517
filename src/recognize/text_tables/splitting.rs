//! Splitting a run of glued digits (`693665`) into a row's cells: every cut that keeps
//! each part a plausible count, pruned by the row's own sums.

use super::tokens::{Group, Part};
use super::{MAX_CANDIDATES, MAX_PART_DIGITS, SPLIT_BUDGET};
use crate::message::{Args, Text};
use crate::recognize::value::read_value;
use crate::strings::JoinStr;

/// A sum relation between positions of one row: Σ `total` = Σ `parts`.
#[derive(Clone, Debug)]
pub(super) struct RowRel {
    pub(super) total: Vec<usize>,
    pub(super) parts: Vec<usize>,
}

impl RowRel {
    pub(super) fn last(&self) -> usize {
        self.total.iter().chain(&self.parts).copied().max().unwrap_or(0)
    }

    pub(super) fn holds(&self, values: &[Option<i128>]) -> bool {
        let sum = |idx: &[usize]| -> Option<i128> {
            idx.iter().try_fold(0i128, |acc, &i| values.get(i).copied().flatten().and_then(|v| acc.checked_add(v)))
        };
        matches!((sum(&self.total), sum(&self.parts)), (Some(a), Some(b)) if a == b)
    }
}

pub(super) fn int_value(text: &str) -> Option<i128> {
    let v = read_value(text).number?;
    (v.scale == 0).then_some(v.mantissa)
}

/// How a run of groups can be cut into `k` cells.
#[derive(Debug, Default)]
pub(super) struct Splits {
    pub(super) found: Vec<Vec<Part>>,
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
pub(super) fn split(groups: &[Group], k: usize, rels: &[RowRel], max_found: usize) -> Splits {
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
pub(super) fn split_row(groups: &[Group], k: usize, rels: &[RowRel]) -> Result<Vec<Vec<Part>>, Text> {
    let text = groups.iter().map(Group::text).join_str(" ");
    let free = split(groups, k, &[], 2);
    if free.found.len() == 1 && !free.capped {
        return Ok(free.found);
    }
    if free.found.is_empty() && !free.capped {
        return Err(Text::new(&super::CANNOT_CUT, Args::new().text("text", text).text("count", k)));
    }
    if rels.is_empty() {
        return Err(Text::new(&super::CUT_SEVERAL_WAYS, Args::new().text("text", text).text("count", k)));
    }
    let checked = split(groups, k, rels, MAX_CANDIDATES + 1);
    if checked.capped {
        return Err(Text::new(&super::CUT_TOO_MANY_WAYS, Args::new().text("text", text).text("count", k)));
    }
    if checked.found.len() > MAX_CANDIDATES {
        return Err(Text::new(
            &super::CUT_OVER_CAP,
            Args::new().text("text", text).text("cap", MAX_CANDIDATES).text("count", k),
        ));
    }
    if checked.found.is_empty() {
        return Err(Text::new(&super::NO_CUT_BALANCES, Args::new().text("text", text).text("count", k)));
    }
    Ok(checked.found)
}
