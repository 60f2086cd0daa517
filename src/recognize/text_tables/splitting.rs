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

/// The whole number `text` reads as ([`read_value`]); ASCII digits alone (at most
/// [`MAX_PART_DIGITS`] of them) are read without making the value.
pub(super) fn int_value(text: &str) -> Option<i128> {
    let digits = text.trim();
    if !digits.is_empty() && digits.len() <= MAX_PART_DIGITS && digits.bytes().all(|b| b.is_ascii_digit()) {
        return Some(digits.bytes().fold(0i128, |m, b| m * 10 + i128::from(b - b'0')));
    }
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

/// One way to cut the groups: each cell as (group, start, end), characters of the group.
type Cut = Vec<(usize, usize, usize)>;

/// [`Splits`] before the parts' texts are made: the cuts found.
#[derive(Default)]
struct Cuts {
    found: Vec<Cut>,
    capped: bool,
}

impl Cuts {
    fn parts(&self, groups: &[Group]) -> Vec<Vec<Part>> {
        self.found.iter().map(|cut| cut.iter().map(|&(g, s, e)| groups[g].part(s, e)).collect()).collect()
    }
}

/// A relation checked where its last value is placed, worked out once per node of the
/// search rather than once per value tried there: Σ total − Σ parts over the values placed
/// before (`rest`), and how many times the new value counts in it (in the total, less in
/// the parts).
#[derive(Clone, Copy)]
enum Check {
    /// A value it sums is no number: it cannot hold.
    Fails,
    /// Holds when `rest + times × value` is zero (confirmed by [`RowRel::holds`]).
    Zero { rest: i128, times: i128 },
    /// The sums overflow `i128`: [`RowRel::holds`] decides.
    Full,
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
    /// [`int_value`] of each part tried that is more than ASCII digits, by (group, start,
    /// length): worked out on first use, the table made then (`slots` long).
    values: Vec<Option<Option<i128>>>,
    slots: usize,
    /// The checks of each position's relations, by position (buffers kept between nodes).
    checks: Vec<Vec<Check>>,
    budget: usize,
    max_found: usize,
    out: Cuts,
}

impl<'a> Splitter<'a> {
    fn new(groups: &'a [Group], k: usize, rels: &'a [RowRel], max_found: usize) -> Splitter<'a> {
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
        Splitter {
            groups,
            k,
            rels_at,
            suffix,
            splittable,
            value_at,
            values: Vec::new(),
            slots,
            checks: vec![Vec::new(); k],
            budget: SPLIT_BUDGET,
            max_found,
            out: Cuts::default(),
        }
    }

    /// [`int_value`] of the part of group `gi` from `ci`, `len` characters long.
    fn value(&mut self, gi: usize, ci: usize, len: usize) -> Option<i128> {
        let slot = self.value_at[gi] + ci * MAX_PART_DIGITS + (len - 1);
        if self.values.is_empty() {
            self.values = vec![None; self.slots];
        }
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

    /// A node at (`gi`, `ci`) with `placed` cells placed finds nothing below it: too few or
    /// too many characters left for the cells left, or a group that may not be split
    /// entered in its middle.
    fn hopeless(&self, gi: usize, ci: usize, placed: usize) -> bool {
        let left = self.k - placed;
        let rem = self.suffix[gi] - ci;
        left < self.groups.len() - gi || left > rem || rem > left * MAX_PART_DIGITS || !self.splittable[gi] && ci != 0
    }

    /// A node of the search that returns as soon as it is entered: only what entering it
    /// costs (one of the budget, or the end of the search when the budget is spent).
    fn enter_and_leave(&mut self) {
        if self.out.found.len() >= self.max_found || self.out.capped {
            return;
        }
        if self.budget == 0 {
            self.out.capped = true;
        } else {
            self.budget -= 1;
        }
    }

    /// The checks of the relations whose last position is `placed`, given the values before.
    fn prepare_checks(&mut self, placed: usize, values: &[Option<i128>]) {
        let mut checks = std::mem::take(&mut self.checks[placed]);
        checks.clear();
        for r in &self.rels_at[placed] {
            let times = |idx: &[usize]| idx.iter().filter(|&&i| i == placed).count() as i128;
            let sum = |idx: &[usize]| -> Option<Option<i128>> {
                let mut acc = 0i128;
                for &i in idx.iter().filter(|&&i| i != placed) {
                    let Some(v) = values.get(i).copied().flatten() else { return Some(None) };
                    acc = acc.checked_add(v)?;
                }
                Some(Some(acc))
            };
            checks.push(match (sum(&r.total), sum(&r.parts)) {
                (Some(None), _) | (_, Some(None)) => Check::Fails,
                (Some(Some(t)), Some(Some(p))) => match t.checked_sub(p) {
                    Some(rest) => Check::Zero { rest, times: times(&r.total) - times(&r.parts) },
                    None => Check::Full,
                },
                _ => Check::Full,
            });
        }
        self.checks[placed] = checks;
    }

    /// Do the relations whose last position is `placed` hold with `value` placed there
    /// (`values` holding the ones before)? As [`RowRel::holds`] on every relation, which is
    /// asked only where the sums say zero or overflow.
    fn relations_hold(&self, placed: usize, value: Option<i128>, values: &mut Vec<Option<i128>>) -> bool {
        let checks = &self.checks[placed];
        let cheap = checks.iter().all(|c| match *c {
            Check::Fails => false,
            Check::Zero { rest, times } => {
                value.is_some_and(|v| times.checked_mul(v).and_then(|t| t.checked_add(rest)).is_none_or(|s| s == 0))
            }
            Check::Full => true,
        });
        if !cheap || checks.is_empty() {
            return cheap;
        }
        values.push(value);
        let holds = self.rels_at[placed].iter().all(|r| r.holds(values));
        values.pop();
        holds
    }

    /// The same search, in the same order and with the same budget, as it was written first
    /// (`former_split` in the tests): every cut into `k` parts of at most [`MAX_PART_DIGITS`]
    /// digits, no part but `0` starting with a zero, each relation checked as soon as its
    /// last position is placed. The parts' values are read once per split rather than once
    /// per node (a run of ASCII digits as it grows), each relation's sum over the values
    /// before once per node, a node that returns at once is only counted, not entered, and
    /// no part's text is made until a cut is found.
    fn dfs(&mut self, gi: usize, ci: usize, cut: &mut Cut, values: &mut Vec<Option<i128>>) {
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
                self.out.found.push(cut.clone());
            }
            return;
        }
        if self.hopeless(gi, ci, placed) {
            return;
        }
        let groups = self.groups;
        let g = &groups[gi];
        let glen = g.chars.len();
        let lens = if self.splittable[gi] { 1..=(glen - ci).min(MAX_PART_DIGITS) } else { glen..=glen };
        let checked = !self.rels_at[placed].is_empty();
        if checked {
            self.prepare_checks(placed, values);
        }
        // The value of the part while it is ASCII digits alone, as it grows.
        let mut digits = self.splittable[gi].then_some(0i128);
        for len in lens {
            if len > 1 && matches!(g.chars[ci].c, '0' | '０') {
                break; // "07" is not a number a cell holds, nor any longer part from here
            }
            let c = g.chars[ci + len - 1].c;
            digits = digits
                .filter(|_| c.is_ascii_digit() && len <= MAX_PART_DIGITS)
                .map(|d| d * 10 + i128::from(c as u8 - b'0'));
            let with_unit = ci + len == glen && g.has_unit();
            let value = match digits {
                Some(d) if !with_unit => Some(d),
                _ => self.value(gi, ci, len),
            };
            if checked && !self.relations_hold(placed, value, values) {
                continue;
            }
            let (ngi, nci) = if ci + len == glen { (gi + 1, 0) } else { (gi, ci + len) };
            if ngi < groups.len() && self.hopeless(ngi, nci, placed + 1) {
                self.enter_and_leave();
                continue;
            }
            values.push(value);
            cut.push((gi, ci, ci + len));
            self.dfs(ngi, nci, cut, values);
            cut.pop();
            values.pop();
        }
    }
}

/// Every way to cut `groups` into `k` cells (each group into one or more, none across a
/// space), satisfying `rels`, up to `max_found`; the cuts only.
fn cuts(groups: &[Group], k: usize, rels: &[RowRel], max_found: usize) -> Cuts {
    let total: usize = groups.iter().map(|g| g.chars.len()).sum();
    if k == 0 || groups.is_empty() || groups.len() > k || total > k * MAX_PART_DIGITS {
        return Cuts::default();
    }
    let mut s = Splitter::new(groups, k, rels, max_found);
    s.dfs(0, 0, &mut Vec::with_capacity(k), &mut Vec::with_capacity(k));
    s.out
}

/// Every way to cut `groups` into `k` cells (each group into one or more, none across a
/// space), satisfying `rels`, up to `max_found`.
pub(super) fn split(groups: &[Group], k: usize, rels: &[RowRel], max_found: usize) -> Splits {
    let found = cuts(groups, k, rels, max_found);
    Splits { found: found.parts(groups), capped: found.capped }
}

/// The readings of one row given as glued digits: the only cut, or else the cuts the row's
/// own relations allow.
pub(super) fn split_row(groups: &[Group], k: usize, rels: &[RowRel]) -> Result<Vec<Vec<Part>>, Text> {
    let text = || groups.iter().map(Group::text).join_str(" ");
    // The cuts of the free search are made parts only when one alone is found.
    let free = cuts(groups, k, &[], 2);
    if free.found.len() == 1 && !free.capped {
        return Ok(free.parts(groups));
    }
    if free.found.is_empty() && !free.capped {
        return Err(Text::new(&super::CANNOT_CUT, Args::new().text("text", text()).text("count", k)));
    }
    if rels.is_empty() {
        return Err(Text::new(&super::CUT_SEVERAL_WAYS, Args::new().text("text", text()).text("count", k)));
    }
    let checked = split(groups, k, rels, MAX_CANDIDATES + 1);
    if checked.capped {
        return Err(Text::new(&super::CUT_TOO_MANY_WAYS, Args::new().text("text", text()).text("count", k)));
    }
    if checked.found.len() > MAX_CANDIDATES {
        return Err(Text::new(
            &super::CUT_OVER_CAP,
            Args::new().text("text", text()).text("cap", MAX_CANDIDATES).text("count", k),
        ));
    }
    if checked.found.is_empty() {
        return Err(Text::new(&super::NO_CUT_BALANCES, Args::new().text("text", text()).text("count", k)));
    }
    Ok(checked.found)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The checks worked out once per node decide as [`RowRel::holds`] does: on sums that
    /// balance and that do not, with a value that is no number, and with values whose sums
    /// overflow.
    #[test]
    fn checks_decide_as_the_relation_does() {
        let big = i128::MAX - 1;
        let samples =
            [Some(0), Some(1), Some(2), Some(3), None, Some(big), Some(-big), Some(i128::MIN), Some(i128::MAX)];
        let rels = [
            RowRel { total: vec![2], parts: vec![0, 1] },
            RowRel { total: vec![0], parts: vec![1, 2] },
            RowRel { total: vec![2, 2], parts: vec![0, 1, 2] },
            RowRel { total: vec![1], parts: vec![0, 2, 2] },
        ];
        let mut held = 0;
        for r in &rels {
            let mut s = Splitter::new(&[], 3, std::slice::from_ref(r), 1);
            for a in samples {
                for b in samples {
                    let mut values = vec![a, b];
                    s.prepare_checks(2, &values);
                    for c in samples {
                        let holds = r.holds(&[a, b, c]);
                        assert_eq!(s.relations_hold(2, c, &mut values), holds, "{r:?} on {a:?} {b:?} {c:?}");
                        assert_eq!(values, [a, b]);
                        held += usize::from(holds);
                    }
                }
            }
        }
        assert!(held > 20, "{held}");
    }
}
