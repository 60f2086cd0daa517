//! Property tests of the arithmetic: random consistent tables give no finding, and every
//! one-cell change of them is found — in 表三 pinned to that cell with its old value as the
//! fix. (A deterministic generator: the same tables on every run.)

use crate::format::{rows as row_ids, y2021, RowId, TableId};
use crate::rules::testkit::{quiet, rules};
use crate::Severity;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// A consistent 2021 表三 (25 rows × 7) and 表四 (15 values).
fn consistent(rng: &mut Rng) -> (Vec<[u64; 7]>, [u64; 15]) {
    let spec = y2021::FORMAT.table(TableId::Requests);
    let ids: Vec<RowId> = spec.rows().map(|(_, r)| r.id).collect();
    let mut rows = vec![[0u64; 7]; ids.len()];
    let row_of = |id: RowId| ids.iter().position(|x| *x == id).unwrap();
    let with_total = |mut r: [u64; 7]| {
        r[6] = r[..6].iter().sum();
        r
    };
    // Outcomes: sparse random counts, as real tables are.
    let outcome_total = row_of(row_ids::OUTCOMES_TOTAL);
    let first_outcome = row_of(row_ids::DISCLOSED);
    for row in rows.iter_mut().take(outcome_total).skip(first_outcome) {
        let mut r = [0u64; 7];
        for (c, value) in r.iter_mut().enumerate().take(6) {
            if rng.below(3) == 0 {
                *value = rng.below(if c == 0 { 400 } else { 20 });
            }
        }
        *row = with_total(r);
    }
    let mut total = [0u64; 7];
    for r in &rows[row_of(row_ids::DISCLOSED)..outcome_total] {
        for c in 0..7 {
            total[c] += r[c];
        }
    }
    rows[outcome_total] = total;
    // 一 + 二 = （七） + 四: carried in and out at random, received makes it balance.
    let (mut carried_in, mut carried_out, mut received) = ([0u64; 7], [0u64; 7], [0u64; 7]);
    for c in 0..6 {
        carried_out[c] = rng.below(10);
        carried_in[c] = rng.below(total[c] + carried_out[c] + 1);
        received[c] = total[c] + carried_out[c] - carried_in[c];
    }
    rows[row_of(row_ids::CARRIED_IN)] = with_total(carried_in);
    rows[row_of(row_ids::CARRIED_OUT)] = with_total(carried_out);
    rows[row_of(row_ids::RECEIVED)] = with_total(received);
    let mut review = [0u64; 15];
    for block in 0..3 {
        for k in 0..4 {
            review[block * 5 + k] = rng.below(8);
        }
        review[block * 5 + 4] = review[block * 5..block * 5 + 4].iter().sum();
    }
    (rows, review)
}

fn mini_with(rows: &[[u64; 7]], review: &[u64; 15]) -> crate::rules::testkit::Mini {
    let mut m = quiet();
    for (i, r) in rows.iter().enumerate() {
        m.requests[i].1 = r.iter().map(u64::to_string).collect();
    }
    m.review = review.iter().map(u64::to_string).collect();
    m
}

fn arithmetic_errors(r: &crate::LintReport) -> Vec<&crate::Diagnostic> {
    r.diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error && (d.rule.starts_with("T3-") || d.rule.starts_with("T4-")))
        .collect()
}

#[test]
fn consistent_tables_give_no_finding() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..40 {
        let (rows, review) = consistent(&mut rng);
        let r = mini_with(&rows, &review).lint();
        assert!(arithmetic_errors(&r).is_empty(), "{:?}\n{rows:?}", rules(&r));
    }
}

#[test]
fn every_one_cell_change_is_found_and_pinned() {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let spec = y2021::FORMAT.table(TableId::Requests);
    let labels: Vec<&str> = spec.rows().map(|(_, r)| r.label).collect();
    let columns: Vec<&str> = spec.groups[0].columns.iter().map(|c| c.label).collect();
    for _ in 0..6 {
        let (rows, review) = consistent(&mut rng);
        // Every 表三 cell, one at a time.
        for (i, row) in rows.iter().enumerate() {
            for c in 0..7 {
                let mut changed = rows.clone();
                changed[i][c] = row[c] + 1 + rng.below(5);
                let r = mini_with(&changed, &review).lint();
                let errors = arithmetic_errors(&r);
                assert!(!errors.is_empty(), "{} / {} not noticed", labels[i], columns[c]);
                for d in errors {
                    assert_eq!((d.row.as_deref(), d.column.as_deref()), (Some(labels[i]), Some(columns[c])), "{d:?}");
                    assert_eq!(d.fix.as_ref().map(|f| f.value.clone()), Some(row[c].to_string()));
                }
            }
        }
        // Every 表四 cell: one relation per block, so the total is reported, without a fix.
        for k in 0..15 {
            let mut changed = review;
            changed[k] += 1;
            let r = mini_with(&rows, &changed).lint();
            let errors = arithmetic_errors(&r);
            assert_eq!(errors.len(), 1, "表四 value {k}");
            assert_eq!(errors[0].rule, "T4-SUM");
            assert!(errors[0].fix.is_none());
        }
    }
}
