//! Cross-year pairing in a batch: the reports of one organ, year after year, found among the
//! files of a `check` without pairing them by hand.
//!
//! Two passes. The first reads and recognises every file into a small [`Entry`] (the organ as
//! compared, the year, a digest of the file, a fingerprint of 表三) — a few dozen bytes a report,
//! so a region's tens of thousands fit. The second checks each file with its organ's report of
//! the year before as `previous` (X-CARRYOVER, X-VALID-DOCS), and adds what only the batch can
//! see: DUP-REPORT (two reports of one organ and year, on each) and DUP-PRIOR-YEAR (last year's
//! 表三 republished, on the later report).

use std::collections::HashMap;

use crate::diagnostic::Diagnostic;
use crate::format::TableId;
use crate::lint::{LintReport, Summary, Verdict};
use crate::message::Args;
use crate::recognize::Report;
use crate::rules::cross_year::{DUPLICATE, DUP_PRIOR_YEAR, DUP_REPORT, SAME_AS_LAST_YEAR};
use crate::rules::{group_order, LintOptions, RuleSetting};

/// What the first pass keeps of a report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The organ as compared ([`organ_key`]).
    pub organ: String,
    /// The organ as the report names it.
    pub printed_organ: String,
    pub year: u16,
    /// A digest of the file's bytes: two identical files are one report saved twice.
    pub digest: u64,
    /// 表三's values (a digest of every cell's row, column and value) and how many are not 0.
    pub requests: Option<(u64, usize)>,
}

/// The first pass's record of one file: `None` for a file that cannot be read or names no
/// organ or year.
pub fn entry(bytes: &[u8], report: &Report) -> Option<Entry> {
    let printed_organ = report.organ.clone()?;
    let year = report.year?;
    let requests = report.table(TableId::Requests).filter(|t| !t.is_unreadable()).map(|t| {
        let mut cells: Vec<(&str, &str, String)> = t
            .cells
            .iter()
            .map(|c| (c.row.as_str(), c.column.as_str(), c.value.number.map_or_else(String::new, |n| n.to_string())))
            .collect();
        cells.sort();
        let nonzero = t.cells.iter().filter(|c| c.value.number.is_some_and(|n| n.mantissa != 0)).count();
        let mut h = Fnv::new();
        for (r, c, v) in &cells {
            h.write(r.as_bytes());
            h.write(c.as_bytes());
            h.write(v.as_bytes());
        }
        (h.0, nonzero)
    });
    let mut digest = Fnv::new();
    digest.write(bytes);
    Some(Entry { organ: organ_key(&printed_organ), printed_organ, year, digest: digest.0, requests })
}

/// An organ's name as reports of one organ are compared: no whitespace, full-width letters and
/// digits as ASCII, and 人民政府 as 政府 (“洪泽区人民政府”, “洪泽区 政府”, “洪泽区政府” are one organ).
pub fn organ_key(organ: &str) -> String {
    let ascii: String = organ
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            _ => c,
        })
        .collect();
    ascii.replace("人民政府", "政府")
}

/// FNV-1a, 64 bits: a digest that is the same on every run and machine.
struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes.iter().chain([&0x1f]) {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// The pairs the second pass uses, from the first pass's entries (by file index).
#[derive(Debug, Default)]
pub struct Pairing {
    /// For each file, the file whose report is its organ's of the year before.
    pub previous: Vec<Option<usize>>,
    /// For each file, the other files of its organ and year (DUP-REPORT).
    pub duplicates: Vec<Vec<usize>>,
}

/// Pair the files: each with its organ's report of the year before. When an organ has several
/// files for one year, each is a duplicate of the others; the first is the one the years around
/// it are paired with, and a copy identical to it is paired with none (its findings would only
/// repeat the first's).
pub fn pair(entries: &[Option<Entry>]) -> Pairing {
    let mut by_key: HashMap<(&str, u16), Vec<usize>> = HashMap::new();
    for (i, e) in entries.iter().enumerate() {
        if let Some(e) = e {
            by_key.entry((e.organ.as_str(), e.year)).or_default().push(i);
        }
    }
    let mut pairing = Pairing { previous: vec![None; entries.len()], duplicates: vec![Vec::new(); entries.len()] };
    for (i, e) in entries.iter().enumerate() {
        let Some(e) = e else { continue };
        let same = &by_key[&(e.organ.as_str(), e.year)];
        pairing.duplicates[i] = same.iter().copied().filter(|&j| j != i).collect();
        let first = same[0];
        let copy_of_first = first != i && entries[first].as_ref().is_some_and(|f| f.digest == e.digest);
        if copy_of_first {
            continue;
        }
        let Some(last_year) = e.year.checked_sub(1) else { continue };
        pairing.previous[i] = match by_key.get(&(e.organ.as_str(), last_year)) {
            Some(v) => Some(v[0]),
            // The same organ named with or without its city or province one year and not the
            // other (洪泽区人民政府 / 淮安市洪泽区人民政府): paired when exactly one of last year's
            // organs is it.
            None => {
                let mut candidates =
                    by_key.iter().filter(|((organ, y), _)| *y == last_year && same_organ(organ, &e.organ));
                match (candidates.next(), candidates.next()) {
                    (Some((_, v)), None) => Some(v[0]),
                    _ => None,
                }
            }
        };
    }
    pairing
}

/// Two organ keys that name one organ, one with the city or province in front: the longer ends
/// with the shorter, what it has more ends in 省/市/州/盟, and the shorter still names its own unit
/// (区, 县, 市, 旗, 镇, 乡 before 政府) — “淮安市政府” is not “政府”. Used across years only, where a
/// report is matched with exactly one of last year's; two reports of one year are duplicates only
/// under the same key.
fn same_organ(a: &str, b: &str) -> bool {
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    let Some(prefix) = long.strip_suffix(short) else { return false };
    let unit = short.split("政府").next().unwrap_or("");
    !prefix.is_empty() && prefix.ends_with(['省', '市', '州', '盟']) && unit.chars().any(|c| "区县市旗镇乡".contains(c))
}

/// Add the batch's findings to the report of file `i`: DUP-REPORT naming each other file of its
/// organ and year, and DUP-PRIOR-YEAR when its 表三 is its previous report's (at least five
/// non-zero cells). The caller's rule settings apply; the summary and verdict are made again.
pub fn add_findings(
    report: &mut LintReport,
    i: usize,
    entries: &[Option<Entry>],
    pairing: &Pairing,
    names: &[String],
    options: &LintOptions,
) {
    let Some(e) = &entries[i] else { return };
    let setting = |id: &str| options.rules.iter().find(|(r, _)| *r == id).map(|(_, s)| *s);
    let mut added = Vec::new();
    for &j in &pairing.duplicates[i] {
        let args = Args::new().text("other", &names[j]).text("organ", &e.printed_organ).text("year", e.year);
        added.push(
            Diagnostic::new(DUP_REPORT.id, DUP_REPORT.severity, &DUPLICATE, args).actual(&names[j]).finish(&names[j]),
        );
    }
    if let (Some(p), Some((mine, count))) = (pairing.previous[i], e.requests) {
        let theirs = entries[p].as_ref().and_then(|p| p.requests);
        if count >= 5 && theirs.is_some_and(|(t, _)| t == mine) {
            let args = Args::new().text("other", &names[p]).text("count", count);
            added.push(
                Diagnostic::new(DUP_PRIOR_YEAR.id, DUP_PRIOR_YEAR.severity, &SAME_AS_LAST_YEAR, args)
                    .table("三")
                    .actual(&names[p])
                    .finish(&names[p]),
            );
        }
    }
    let mut added: Vec<Diagnostic> = added
        .into_iter()
        .filter_map(|d| match setting(d.rule) {
            Some(RuleSetting::Off) => None,
            Some(RuleSetting::Severity(s)) => Some(d.severity(s)),
            None => Some(d),
        })
        .map(|mut d| {
            d.render(options.lang);
            d
        })
        .collect();
    if added.is_empty() {
        return;
    }
    // Each at the end of its group, in the order `run` gives the groups.
    for d in added.drain(..) {
        let after = |x: &Diagnostic| group_order(x.table) > group_order(d.table);
        let place = report.diagnostics.iter().position(after).unwrap_or(report.diagnostics.len());
        report.diagnostics.insert(place, d);
    }
    report.summary = Summary::of(&report.diagnostics);
    report.verdict = Verdict::new(report.summary, options.lang);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn organs_compare_without_spaces_full_width_or_the_people_s_government() {
        assert_eq!(organ_key("洪泽区人民政府"), organ_key("洪泽区 政府"));
        assert_eq!(organ_key("ＡＢ县政府"), "AB县政府");
        assert_ne!(organ_key("洪泽区政府"), organ_key("淮安市政府"));
    }

    fn e(organ: &str, year: u16, digest: u64) -> Option<Entry> {
        Some(Entry { organ: organ_key(organ), printed_organ: organ.into(), year, digest, requests: None })
    }

    #[test]
    fn an_organ_named_with_its_city_one_year_is_the_same_organ() {
        assert!(same_organ(&organ_key("淮安市洪泽区人民政府"), &organ_key("洪泽区人民政府")));
        assert!(same_organ(&organ_key("江苏省淮安市洪泽区政府"), &organ_key("洪泽区政府")));
        assert!(!same_organ(&organ_key("淮安市人民政府"), &organ_key("洪泽区人民政府")));
        assert!(!same_organ(&organ_key("上海市人民政府办公厅"), &organ_key("人民政府办公厅")));
        let entries = [e("洪泽区人民政府", 2023, 1), e("淮安市洪泽区人民政府", 2024, 2)];
        assert_eq!(pair(&entries).previous, [None, Some(0)]);
        // Two of last year's organs could be it: none is taken.
        let entries = [e("南京市鼓楼区政府", 2023, 1), e("福州市鼓楼区政府", 2023, 2), e("鼓楼区政府", 2024, 3)];
        assert_eq!(pair(&entries).previous, [None, None, None]);
    }

    #[test]
    fn each_report_is_paired_with_its_organ_s_year_before() {
        let entries = [
            e("甲县政府", 2023, 1),
            e("乙县政府", 2023, 2),
            e("甲县人民政府", 2024, 3),
            None,
            e("甲县政府", 2024, 4),
            e("甲县政府", 2024, 3),
        ];
        let p = pair(&entries);
        assert_eq!(
            p.previous,
            [None, None, Some(0), None, Some(0), None],
            "an identical copy of the first is paired with nothing"
        );
        assert_eq!(p.duplicates[2], [4, 5]);
        assert_eq!(p.duplicates[4], [2, 5]);
        assert!(p.duplicates[0].is_empty() && p.duplicates[3].is_empty());
    }
}
