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
    pub(super) capped: bool,
}

struct Splitter<'a> {
    groups: &'a [Group],
    k: usize,
    /// For each position, the relations whose last position it is: checked when a value is
    /// placed there.
    rels_at: Vec<Vec<&'a RowRel>>,
    /// Characters left from the start of each group on.
    suffix: Vec<usize>,
    /// Each group may be split (digits only).
    splittable: Vec<bool>,
    /// Where each group's entries in `values` start.
    value_at: Vec<usize>,
    /// [`int_value`] of each part tried, by (group, start, length): worked out on first use.
    values: Vec<Option<Option<i128>>>,
    budget: usize,
    max_found: usize,
    out: Splits,
}

impl Splitter<'_> {
    fn remaining_chars(&self, gi: usize, ci: usize) -> usize {
        self.suffix[gi] - ci
    }

    /// [`int_value`] of the part of group `gi` from `ci`, `len` characters long.
    fn value(&mut self, gi: usize, ci: usize, len: usize) -> Option<i128> {
        let slot = self.value_at[gi] + ci * MAX_PART_DIGITS + (len - 1);
        match self.values.get(slot).copied().flatten() {
            Some(v) => v,
            None => {
                let g = &self.groups[gi];
                let digits = &g.chars[ci..ci + len];
                let with_unit = ci + len == g.chars.len() && g.has_unit();
                // ASCII digits alone (at most MAX_PART_DIGITS of them) read as `read_value`
                // reads them (`value::plain_digits`); anything else through the reader.
                let v = if !with_unit && len <= MAX_PART_DIGITS && digits.iter().all(|c| c.c.is_ascii_digit()) {
                    Some(digits.iter().fold(0i128, |m, c| m * 10 + i128::from(c.c as u8 - b'0')))
                } else {
                    int_value(&g.part(ci, ci + len).text)
                };
                if let Some(cell) = self.values.get_mut(slot) {
                    *cell = Some(v);
                }
                v
            }
        }
    }

    /// The same search, in the same order and with the same budget, as it was written first
    /// (`former_split` in the tests): every cut into `k` parts of at most [`MAX_PART_DIGITS`]
    /// digits, no part but `0` starting with a zero, each relation checked as soon as its
    /// last position is placed. The parts' values are read once per split rather than once
    /// per node, and no part's text is made until a cut is found.
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
        let groups = self.groups;
        let g = &groups[gi];
        let glen = g.chars.len();
        let splittable = self.splittable[gi];
        if !splittable && ci != 0 {
            return;
        }
        let lens = if splittable { 1..=(glen - ci).min(MAX_PART_DIGITS) } else { glen..=glen };
        for len in lens {
            if len > 1 && matches!(g.chars[ci].c, '0' | '０') {
                continue; // "07" is not a number a cell holds
            }
            let value = self.value(gi, ci, len);
            values.push(value);
            let ok = self.rels_at.get(placed).is_none_or(|rels| rels.iter().all(|r| r.holds(values)));
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
    let mut rels_at: Vec<Vec<&RowRel>> = vec![Vec::new(); k];
    for r in rels {
        if let Some(at) = rels_at.get_mut(r.last()) {
            at.push(r);
        }
    }
    let mut suffix = vec![0; groups.len() + 1];
    for (i, g) in groups.iter().enumerate().rev() {
        suffix[i] = suffix[i + 1] + g.chars.len();
    }
    let splittable: Vec<bool> = groups.iter().map(Group::splittable).collect();
    let mut value_at = Vec::with_capacity(groups.len());
    let mut slots = 0;
    for g in groups {
        value_at.push(slots);
        slots += g.chars.len() * MAX_PART_DIGITS;
    }
    let mut s = Splitter {
        groups,
        k,
        rels_at,
        suffix,
        splittable,
        value_at,
        values: vec![None; slots],
        budget: SPLIT_BUDGET,
        max_found,
        out: Splits::default(),
    };
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
