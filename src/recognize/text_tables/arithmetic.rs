//! Checking readings with the table's arithmetic: where the text allows several readings
//! of some rows, the relations between rows (the format's column sums) keep the readings
//! that balance, and a row is read only when all of them agree on it.

use super::placement::{positions, Layout, Unit};
use super::splitting::int_value;
use super::tokens::Part;
use super::COMBO_CAP;
use crate::format::{RelationSpec, RowId};
use crate::message::{Args, Text};

/// The relations between rows (T3-IDENTITY, T3-RESULT-SUM) as row indices.
pub(super) fn column_rels(layout: &Layout) -> Vec<(Vec<usize>, Vec<usize>)> {
    let index = |id: RowId| layout.rows.iter().position(|r| r.id == id);
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
pub(super) fn resolve(layout: &Layout, units: &mut [Unit<'_>]) {
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
            let why = if product.is_some_and(|p| p <= COMBO_CAP) {
                &super::READINGS_NONE_BALANCE
            } else {
                &super::READINGS_TOO_MANY_COMBINATIONS
            };
            let args = Args::new().text("count", unit.candidates.len()).text("text", unit.run.excerpt());
            unit.failure = Some(Text::new(why, args));
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
            let ways = chosen.iter().enumerate().filter(|&(i, c)| !chosen[..i].contains(c)).count();
            let args = Args::new().text("text", unit.run.excerpt()).text("count", ways);
            unit.failure.get_or_insert(Text::new(&super::READS_SEVERAL_WAYS, args));
            // Partly certain: keep the agreed rows as a one-candidate unit with holes.
            unit.candidates = vec![rows.into_iter().map(Option::unwrap_or_default).collect()];
        }
    }
}
