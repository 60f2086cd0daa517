//! The tables' arithmetic (docs/format.md §7): every sum relation the format declares, checked
//! on the cells as typed, with the wrong cell pinned when one value explains every failure.
//!
//! **Pinning.** In 表三 every cell sits in a row relation and a column relation. When the
//! failing relations that share cells are all explained by one cell — one value makes every
//! one of them hold, and no relation that holds contains that cell — the diagnostics name
//! that cell and carry the value as `fix`: "（一）予以公开 / 总计 应为 3", not two sums that
//! disagree. Otherwise (a 表四 block has a single relation, so any of its cells could be the
//! wrong one) the diagnostic points at the relation's total cell with `expected` = the sum of
//! its parts and no `fix`.
//!
//! Blank and placeholder cells count as 0 here; CELL-BLANK says so once per table.
//! Relations touching an unreadable row, a missing cell or a non-numeric cell are not
//! checked (CELL-NONNUM and TABLE-UNREADABLE report those).

use crate::diagnostic::{Diagnostic, Severity};
use crate::format::{ColumnId, RelationSpec, RowId};
use crate::message::{Args, Message};
use crate::recognize::value::Decimal;
use crate::recognize::{FoundTable, MappedCell, Origin};
use crate::rules::{Context, Family, Rule};
use crate::strings::JoinStr;

declare_rules! {
/// ## What it checks
/// In 表三, in each of the seven columns: 一、本年新收 + 二、上年结转 = （七）总计 + 四、结转下年度继续办理.
/// Every application the organ had in the year was either answered or carried into the next year.
/// When one cell explains every failing sum, the finding names it and the value it should hold.
///
/// ## Why
/// The table prints this relation itself, in its header cell: "本列数据的勾稽关系为：第一项加第二项之和，
/// 等于第三项加第四项之和" (docs/format.md §7.1 T3-A; the third item, 三、本年度办理结果, is represented by its
/// （七）总计).
///
/// ## Example
/// Fails — 75 + 1 ≠ 74 + 0:
///
/// | 表三 | 总计 |
/// |---|---|
/// | 一、本年新收政府信息公开申请数量 | 75 |
/// | 二、上年结转政府信息公开申请数量 | 1 |
/// | （七）总计 | 74 |
/// | 四、结转下年度继续办理 | 0 |
///
/// Fixed — the application carried over is counted (and its outcome added to its row):
///
/// | 表三 | 总计 |
/// |---|---|
/// | 一、本年新收政府信息公开申请数量 | 75 |
/// | 二、上年结转政府信息公开申请数量 | 1 |
/// | （七）总计 | 76 |
/// | 四、结转下年度继续办理 | 0 |
///
/// ## 检查内容
/// 表三的七列中，每一列：一、本年新收 ＋ 二、上年结转 ＝ （七）总计 ＋ 四、结转下年度继续办理。本年度经手的每件申请，要么已办理，要么结转下年度。
/// 若某一个单元格能解释所有不平衡的算式，结果会指出该单元格及其应填的数值。
///
/// ## 依据
/// 表格在表头单元格中写明了这一关系：“本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和”（docs/format.md §7.1 T3-A；第三项“三、本年度办理结果”以其“（七）总计”表示）。
///
/// ## 示例
/// 不通过：75 ＋ 1 ≠ 74 ＋ 0：
///
/// | 表三 | 总计 |
/// |---|---|
/// | 一、本年新收政府信息公开申请数量 | 75 |
/// | 二、上年结转政府信息公开申请数量 | 1 |
/// | （七）总计 | 74 |
/// | 四、结转下年度继续办理 | 0 |
///
/// 修改后：把上年结转的申请计入（其办理结果也计入相应的行）：
///
/// | 表三 | 总计 |
/// |---|---|
/// | 一、本年新收政府信息公开申请数量 | 75 |
/// | 二、上年结转政府信息公开申请数量 | 1 |
/// | （七）总计 | 76 |
/// | 四、结转下年度继续办理 | 0 |
pub const T3_IDENTITY: Rule = Rule {
    id: "T3-IDENTITY",
    severity: Severity::Error,
    summary_zh: "表三各列：一、本年新收＋二、上年结转＝（七）总计＋四、结转下年度继续办理",
    summary_en: english!("Table 三, each column: received + carried over = (七) total + carried to next year"),
};
}

declare_rules! {
/// ## What it checks
/// In 表三, in each column: （七）总计 = the sum of every outcome row — （一）予以公开, （二）部分公开, the
/// eight items of （三）不予公开, the three of （四）无法提供, the five of （五）不予处理 and （六）其他处理 (one row
/// in 2019, its three items from 2021). Group labels are not rows and are not added; a subtotal row a
/// report adds is not added either (T3-SUBTOTAL checks it).
///
/// ## Why
/// （七）总计 is the total of the outcomes, and each application is counted once among them — the
/// （二）部分公开 label says so: "区分处理的，只计这一情形，不计其他情形" (docs/format.md §7.1 T3-B, T3-E).
///
/// ## Example
/// Fails — the outcomes add up to 3 + 1 = 4:
///
/// | 表三 | 总计 |
/// |---|---|
/// | （一）予以公开 | 3 |
/// | （二）部分公开 | 1 |
/// | （三）…（六） | 0 |
/// | （七）总计 | 5 |
///
/// Fixed:
///
/// | 表三 | 总计 |
/// |---|---|
/// | （一）予以公开 | 3 |
/// | （二）部分公开 | 1 |
/// | （三）…（六） | 0 |
/// | （七）总计 | 4 |
///
/// ## 检查内容
/// 表三的每一列：（七）总计 ＝ 各项办理结果之和，即（一）予以公开、（二）部分公开、（三）不予公开的八项、（四）无法提供的三项、（五）不予处理的五项和（六）其他处理（2019 年格式为一行，2021 年格式起为三项）。
/// 分组标签不是行，不计入；报告自加的小计行也不计入（由 T3-SUBTOTAL 核对）。
///
/// ## 依据
/// （七）总计是各项办理结果的合计，每件申请只在其中计一次，“（二）部分公开”的标签写明：“区分处理的，只计这一情形，不计其他情形”（docs/format.md §7.1 T3-B、T3-E）。
///
/// ## 示例
/// 不通过：各项结果之和为 3 ＋ 1 ＝ 4：
///
/// | 表三 | 总计 |
/// |---|---|
/// | （一）予以公开 | 3 |
/// | （二）部分公开 | 1 |
/// | （三）…（六） | 0 |
/// | （七）总计 | 5 |
///
/// 修改后：
///
/// | 表三 | 总计 |
/// |---|---|
/// | （一）予以公开 | 3 |
/// | （二）部分公开 | 1 |
/// | （三）…（六） | 0 |
/// | （七）总计 | 4 |
pub const T3_RESULT_SUM: Rule = Rule {
    id: "T3-RESULT-SUM",
    severity: Severity::Error,
    summary_zh: "表三各列：（七）总计＝各项办理结果之和",
    summary_en: english!("Table 三, each column: (七) total = sum of all outcome rows"),
};
}

declare_rules! {
/// ## What it checks
/// In every row of 表三: 总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他. When one
/// cell explains every failing sum (this one and the column sums through it), the finding names
/// that cell and the value it should hold, and offers the fix.
///
/// ## Why
/// 总计 is the total over the six kinds of applicant (docs/format.md §4.2, §7.1 T3-C). With T3-A and
/// T3-B it ties every cell of the table into a row sum and a column sum, which is how a single wrong
/// cell can be found.
///
/// ## Example
/// Fails — 3 + 0 + 0 + 0 + 0 + 0 = 3, not 0:
///
/// | 表三 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |
/// |---|---|---|---|---|---|---|---|
/// | （一）予以公开 | 3 | 0 | 0 | 0 | 0 | 0 | 0 |
///
/// Fixed:
///
/// | 表三 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |
/// |---|---|---|---|---|---|---|---|
/// | （一）予以公开 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |
///
/// ## 检查内容
/// 表三的每一行：总计 ＝ 自然人 ＋ 商业企业 ＋ 科研机构 ＋ 社会公益组织 ＋ 法律服务机构 ＋ 其他。若某一个单元格能解释所有不平衡的算式（本行及经过它的各列），结果会指出该单元格及其应填的数值，并给出修改建议。
///
/// ## 依据
/// 总计是六类申请人的合计（docs/format.md §4.2、§7.1 T3-C）。它与 T3-A、T3-B 一起把表中每个单元格都纳入一个行算式和一个列算式，据此才能找出唯一填错的单元格。
///
/// ## 示例
/// 不通过：3 ＋ 0 ＋ 0 ＋ 0 ＋ 0 ＋ 0 ＝ 3，而不是 0：
///
/// | 表三 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |
/// |---|---|---|---|---|---|---|---|
/// | （一）予以公开 | 3 | 0 | 0 | 0 | 0 | 0 | 0 |
///
/// 修改后：
///
/// | 表三 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |
/// |---|---|---|---|---|---|---|---|
/// | （一）予以公开 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |
pub const T3_ROW_TOTAL: Rule = Rule {
    id: "T3-ROW-TOTAL",
    severity: Severity::Error,
    summary_zh: "表三各行：总计＝六类申请人之和",
    summary_en: english!("Table 三, each row: total = sum of the six applicant columns"),
};
}

declare_rules! {
/// ## What it checks
/// A subtotal row a report adds to 表三 for （三）不予公开, （四）无法提供, （五）不予处理 or （六）其他处理: in each
/// column it must equal the sum of its items. Such a row is never added into （七）总计 a second time.
///
/// ## Why
/// The official table has no subtotal rows — the group labels span their items' rows (docs/format.md
/// §4.2) — but some reports and templates print them (§9.4). A subtotal that is there must be right
/// (docs/format.md §7.1 T3-S).
///
/// ## Example
/// Fails — the items add up to 4:
///
/// | 表三 | 总计 |
/// |---|---|
/// | （三）不予公开 | 5 |
/// | 1.属于国家秘密 | 1 |
/// | 4.保护第三方合法权益 | 3 |
/// | the other six items | 0 |
///
/// Fixed:
///
/// | 表三 | 总计 |
/// |---|---|
/// | （三）不予公开 | 4 |
/// | 1.属于国家秘密 | 1 |
/// | 4.保护第三方合法权益 | 3 |
/// | the other six items | 0 |
///
/// ## 检查内容
/// 报告在表三中为（三）不予公开、（四）无法提供、（五）不予处理或（六）其他处理自加的小计行：每一列都应等于其各小项之和。这样的行不会再次计入（七）总计。
///
/// ## 依据
/// 规定的表格没有小计行，分组标签跨越其各小项所在的行（docs/format.md §4.2），但有些报告和模板印有小计行（§9.4）。既然有，就必须正确（docs/format.md §7.1 T3-S）。
///
/// ## 示例
/// 不通过：各小项之和为 4：
///
/// | 表三 | 总计 |
/// |---|---|
/// | （三）不予公开 | 5 |
/// | 1.属于国家秘密 | 1 |
/// | 4.保护第三方合法权益 | 3 |
/// | 其余六项 | 0 |
///
/// 修改后：
///
/// | 表三 | 总计 |
/// |---|---|
/// | （三）不予公开 | 4 |
/// | 1.属于国家秘密 | 1 |
/// | 4.保护第三方合法权益 | 3 |
/// | 其余六项 | 0 |
pub const T3_SUBTOTAL: Rule = Rule {
    id: "T3-SUBTOTAL",
    severity: Severity::Error,
    summary_zh: "表三自加的小计行＝其各小项之和",
    summary_en: english!("Table 三: an added subtotal row = the sum of its sub-items"),
};
}

declare_rules! {
/// ## What it checks
/// In 表四, in each of the three blocks — 行政复议, 行政诉讼 未经复议直接起诉, 行政诉讼 复议后起诉: 总计 =
/// 结果维持 + 结果纠正 + 其他结果 + 尚未审结. Each block has a single relation, so any of its five cells
/// could be the wrong one: the finding points at the 总计 with the sum of the others, and offers no fix.
///
/// ## Why
/// 总计 is the total of the block's outcomes (docs/format.md §5.3, §7.2 T4-A, T4-B, T4-C); every case
/// has exactly one outcome, 尚未审结 included.
///
/// ## Example
/// Fails — 10 + 1 + 0 + 0 = 11:
///
/// | 行政复议 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |
/// |---|---|---|---|---|---|
/// | | 10 | 1 | 0 | 0 | 10 |
///
/// Fixed:
///
/// | 行政复议 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |
/// |---|---|---|---|---|---|
/// | | 10 | 1 | 0 | 0 | 11 |
///
/// ## 检查内容
/// 表四的三组（行政复议，行政诉讼“未经复议直接起诉”，行政诉讼“复议后起诉”）中，每组：总计 ＝ 结果维持 ＋ 结果纠正 ＋ 其他结果 ＋ 尚未审结。
/// 每组只有一个算式，五个单元格中任何一个都可能填错：结果指向总计并给出其余各项之和，不给修改建议。
///
/// ## 依据
/// 总计是该组各项结果的合计（docs/format.md §5.3、§7.2 T4-A、T4-B、T4-C）；每个案件恰有一种结果，“尚未审结”也是其中之一。
///
/// ## 示例
/// 不通过：10 ＋ 1 ＋ 0 ＋ 0 ＝ 11：
///
/// | 行政复议 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |
/// |---|---|---|---|---|---|
/// | | 10 | 1 | 0 | 0 | 10 |
///
/// 修改后：
///
/// | 行政复议 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |
/// |---|---|---|---|---|---|
/// | | 10 | 1 | 0 | 0 | 11 |
pub const T4_SUM: Rule = Rule {
    id: "T4-SUM",
    severity: Severity::Error,
    summary_zh: "表四各栏：总计＝结果维持＋结果纠正＋其他结果＋尚未审结",
    summary_en: english!("Table 四, each block: total = upheld + corrected + other + pending"),
};
}

/// This file's rules and their check ([`crate::rules::FAMILIES`]).
pub const FAMILY: Family =
    Family { rules: &[&T3_IDENTITY, &T3_RESULT_SUM, &T3_ROW_TOTAL, &T3_SUBTOTAL, &T4_SUM], check };

type Key = (RowId, ColumnId);

/// One concrete relation: Σ total = Σ parts.
#[derive(Debug)]
struct Relation {
    rule: &'static Rule,
    total: Vec<Key>,
    parts: Vec<Key>,
}

fn expand(found: &FoundTable) -> Vec<Relation> {
    let spec = found.format.table(found.id);
    let group = &spec.groups[0];
    let mut out = Vec::new();
    for rel in spec.relations {
        match rel {
            RelationSpec::EachColumn { rule, total, parts } => {
                for c in group.columns {
                    out.push(Relation {
                        rule,
                        total: total.iter().map(|r| (*r, c.id)).collect(),
                        parts: parts.iter().map(|r| (*r, c.id)).collect(),
                    });
                }
            }
            RelationSpec::EachRow { rule, total, parts } => {
                for r in group.rows {
                    out.push(Relation {
                        rule,
                        total: total.iter().map(|c| (r.id, *c)).collect(),
                        parts: parts.iter().map(|c| (r.id, *c)).collect(),
                    });
                }
            }
            RelationSpec::InRow { rule, row, total, parts } => out.push(Relation {
                rule,
                total: total.iter().map(|c| (*row, *c)).collect(),
                parts: parts.iter().map(|c| (*row, *c)).collect(),
            }),
        }
    }
    for sub in &found.subtotals {
        for c in group.columns {
            out.push(Relation {
                rule: &T3_SUBTOTAL,
                total: vec![(sub.row(), c.id)],
                parts: sub.parts.iter().map(|p| (*p, c.id)).collect(),
            });
        }
        // The subtotal row itself also sums across its applicant columns, as every row does.
        for rel in spec.relations {
            if let RelationSpec::EachRow { rule, total, parts } = rel {
                out.push(Relation {
                    rule,
                    total: total.iter().map(|c| (sub.row(), *c)).collect(),
                    parts: parts.iter().map(|c| (sub.row(), *c)).collect(),
                });
            }
        }
    }
    out
}

/// The arithmetic value of each cell, by (row, column): blanks and placeholders as 0; `None`
/// for cells that cannot take part (text, overflow). A table has at most a few hundred
/// cells: a list, without another hash map type in the build. The cells of one row are
/// pushed together ([`crate::recognize`] maps a printed row at a time), so the list is held
/// with its runs of one row: a lookup passes over a table's ≈ 30 runs and then the ≤ 7 cells
/// of its row, not over every cell (a table's ≈ 1 000 lookups were the rules' top cost).
struct Values<'a> {
    cells: Vec<(Key, (Option<Decimal>, &'a MappedCell))>,
    /// (row, index of its first cell) of each run of consecutive cells of one row.
    runs: Vec<(RowId, usize)>,
    /// No two runs are of one row: a run found is its row's only one.
    distinct: bool,
}

impl<'a> Values<'a> {
    /// The cell at `key`; the last one read if a key repeats, as a map would keep it. The
    /// runs are searched from the end, and a run of the key's row from its end: the first
    /// cell met is the one the list searched from its end would give.
    fn get(&self, key: &Key) -> Option<&(Option<Decimal>, &'a MappedCell)> {
        // The ids are a few constants, so a key's row id mostly is the very text a run's is:
        // its run found by the text's address and length, two words compared a run, where the
        // runs' rows are distinct (two equal texts at two addresses are left to `by_text`).
        let same_text = |run: &(RowId, usize)| std::ptr::eq(run.0.as_str(), key.0.as_str());
        let by_address = if self.distinct { self.runs.iter().rposition(same_text) } else { None };
        let found = match by_address {
            Some(i) => {
                let end = self.runs.get(i + 1).map_or(self.cells.len(), |r| r.1);
                self.cells[self.runs[i].1..end].iter().rev().find(|(k, _)| k.1 == key.1)
            }
            None => self.by_text(key),
        };
        debug_assert_eq!(
            found.map(std::ptr::from_ref),
            self.cells.iter().rev().find(|(k, _)| k == key).map(std::ptr::from_ref),
            "the runs give the cell the whole list gives"
        );
        found.map(|(_, v)| v)
    }

    /// The cell at `key` by comparing the runs' row ids as texts.
    fn by_text(&self, key: &Key) -> Option<&(Key, (Option<Decimal>, &'a MappedCell))> {
        let mut end = self.cells.len();
        for &(row, start) in self.runs.iter().rev() {
            if row == key.0 {
                let found = self.cells[start..end].iter().rev().find(|(k, _)| k.1 == key.1);
                if found.is_some() {
                    return found;
                }
            }
            end = start;
        }
        None
    }
}

fn values(found: &FoundTable) -> Values<'_> {
    let all = found.cells.iter().chain(found.subtotals.iter().flat_map(|s| s.cells.iter()));
    let mut vals = Values { cells: Vec::new(), runs: Vec::new(), distinct: false };
    for c in all {
        let v = match c.value.number {
            Some(n) => Some(n),
            None if c.value.is_value_like() => Some(Decimal::ZERO),
            None => None,
        };
        if vals.runs.last().is_none_or(|&(row, _)| row != c.row) {
            vals.runs.push((c.row, vals.cells.len()));
        }
        vals.cells.push(((c.row, c.column), (v, c)));
    }
    let runs = &vals.runs;
    vals.distinct = runs.iter().enumerate().all(|(i, (row, _))| runs[..i].iter().all(|(r, _)| r != row));
    vals
}

fn sum(keys: &[Key], vals: &Values) -> Option<Decimal> {
    keys.iter().try_fold(Decimal::ZERO, |acc, k| acc.checked_add(vals.get(k)?.0?))
}

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for found in &ctx.report.tables {
        if found.is_unreadable() || found.cells.is_empty() {
            continue;
        }
        check_table(found, out);
    }
}

fn check_table(found: &FoundTable, out: &mut Vec<Diagnostic>) {
    let relations = expand(found);
    let vals = values(found);
    // Evaluate; keep only relations whose cells are all readable numbers.
    let mut evaluated = Vec::new();
    for (i, rel) in relations.iter().enumerate() {
        if rel.total.iter().chain(&rel.parts).any(|(r, _)| found.row_unreadable(*r)) {
            continue;
        }
        let (Some(t), Some(p)) = (sum(&rel.total, &vals), sum(&rel.parts, &vals)) else { continue };
        evaluated.push((i, t, p, t.same_value(p)));
    }
    // The failing relations and their sums, worked out once: pinning a cell holds every
    // candidate against the same sums.
    let failing: Vec<(usize, Decimal, Decimal)> = evaluated.iter().filter(|e| !e.3).map(|e| (e.0, e.1, e.2)).collect();
    if failing.is_empty() {
        return;
    }
    // Components of failing relations that share cells.
    let mut component: Vec<usize> = (0..failing.len()).collect();
    fn root(c: &mut [usize], i: usize) -> usize {
        let mut i = i;
        while c[i] != i {
            c[i] = c[c[i]];
            i = c[i];
        }
        i
    }
    for a in 0..failing.len() {
        for b in a + 1..failing.len() {
            let ra = &relations[failing[a].0];
            let rb = &relations[failing[b].0];
            let shares = ra.total.iter().chain(&ra.parts).any(|k| rb.total.contains(k) || rb.parts.contains(k));
            if shares {
                let (x, y) = (root(&mut component, a), root(&mut component, b));
                component[x] = y;
            }
        }
    }
    let passing: Vec<usize> = evaluated.iter().filter(|e| e.3).map(|e| e.0).collect();
    // Groups in the order of their first relation (the order sorting the disjoint, ascending
    // groups would give), without a sort or a map.
    let mut groups: Vec<Vec<(usize, Decimal, Decimal)>> = Vec::new();
    let mut group_of_root: Vec<Option<usize>> = vec![None; failing.len()];
    for (i, &relation) in failing.iter().enumerate() {
        let r = root(&mut component, i);
        let g = *group_of_root[r].get_or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(relation);
    }
    for group in groups {
        let pin = pin(&group, &relations, &passing, &vals);
        for &(ri, t, p) in &group {
            out.push(diagnostic(found, &relations[ri], (t, p), &vals, pin));
        }
    }
}

/// The one cell (and its value) that makes every relation of `group` (each with its total's
/// and its parts' sums) hold while touching no relation that holds, if there is exactly one.
fn pin(
    group: &[(usize, Decimal, Decimal)],
    relations: &[Relation],
    passing: &[usize],
    vals: &Values,
) -> Option<(Key, Decimal)> {
    // One failing relation alone cannot tell which of its cells is wrong.
    if group.len() < 2 {
        return None;
    }
    let first = &relations[group[0].0];
    let mut candidates = Vec::new();
    'keys: for &k in first.total.iter().chain(&first.parts) {
        let Some(current) = vals.get(&k).and_then(|v| v.0) else { continue };
        let mut needed: Option<Decimal> = None;
        for &(ri, t, p) in group {
            let rel = &relations[ri];
            debug_assert_eq!((Some(t), Some(p)), (sum(&rel.total, vals), sum(&rel.parts, vals)));
            let n = if rel.total.contains(&k) {
                p.checked_sub(t.checked_sub(current)?)?
            } else if rel.parts.contains(&k) {
                t.checked_sub(p.checked_sub(current)?)?
            } else {
                continue 'keys;
            };
            match needed {
                None => needed = Some(n),
                Some(prev) if prev.same_value(n) => {}
                Some(_) => continue 'keys,
            }
        }
        let Some(n) = needed else { continue };
        if n.is_negative()
            || passing.iter().any(|&pi| relations[pi].total.contains(&k) || relations[pi].parts.contains(&k))
        {
            continue;
        }
        // A count must stay a whole number.
        if !n.is_integer() {
            continue;
        }
        candidates.push((k, n));
    }
    match candidates.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

fn row_label(found: &FoundTable, row: RowId) -> String {
    let spec = found.format.table(found.id);
    if let Some((_, r)) = spec.row(row) {
        return r.label.to_string();
    }
    // A subtotal row: its id is its group label.
    row.as_str().to_string()
}

fn column_label(found: &FoundTable, column: ColumnId) -> String {
    let spec = found.format.table(found.id);
    spec.groups[0]
        .columns
        .iter()
        .find(|c| c.id == column)
        .map_or_else(|| column.as_str().to_string(), |c| c.qualified_label())
}

fn cell_name(found: &FoundTable, k: Key) -> String {
    let row = row_label(found, k.0);
    let col = column_label(found, k.1);
    if row.is_empty() {
        col
    } else {
        format!("{row} / {col}")
    }
}

/// `a + b + c = 12`, naming each term by its row or column.
fn terms(found: &FoundTable, keys: &[Key], vals: &Values, by_row: bool) -> String {
    keys.iter()
        .map(|k| {
            let v = vals.get(k).and_then(|v| v.0).map_or_else(|| "?".to_string(), |v| v.to_string());
            let name = if by_row { row_label(found, k.0) } else { column_label(found, k.1) };
            let name = if name.is_empty() { column_label(found, k.1) } else { name };
            format!("{name} {v}")
        })
        .join_str(" + ")
}

/// The message of a broken relation whose wrong cell is known: the relation, then the cell.
const PINNED: Message = Message {
    id: "sum/pinned",
    zh: "表{table}{relation}。单元格「{cell}」应为 {should}，现为 {current}。",
    en: english!("Table {table}, {relation}. Cell 「{cell}」 should be {should}, not {current}."),
};
/// … and when it is not: the total is named, if its terms are right.
const UNPINNED: Message = Message {
    id: "sum/unpinned",
    zh: "表{table}{relation}。若参与求和的各项无误，「{cell}」应为 {should}。",
    en: english!("Table {table}, {relation}. If the terms are right, 「{cell}」 should be {should}."),
};
const IDENTITY: Message = Message {
    id: "T3-IDENTITY/relation",
    zh: "「{column}」列：一、本年新收＋二、上年结转 = {total}，而（七）总计＋四、结转下年度继续办理 = {parts}",
    en: english!(
        "column 「{column}」: received + carried over = {total}, but (七) total + carried to next year = {parts}"
    ),
};
const RESULT_SUM: Message = Message {
    id: "T3-RESULT-SUM/relation",
    zh: "「{column}」列：（七）总计 {total} ≠ 各项办理结果之和 {parts}",
    en: english!("column 「{column}」: (七) total {total} ≠ sum of the outcome rows {parts}"),
};
const SUBTOTAL: Message = Message {
    id: "T3-SUBTOTAL/relation",
    zh: "小计行「{row}」的「{column}」列 {total} ≠ 其各小项之和 {parts}",
    en: english!("subtotal row 「{row}」, column 「{column}」: {total} ≠ sum of its items {parts}"),
};
const COLUMN_SUM: Message = Message {
    id: "sum/column",
    zh: "「{column}」列：{total} ≠ {terms} = {parts}",
    en: english!("column 「{column}」: {total} ≠ {terms} = {parts}"),
};
const BLOCK_SUM: Message = Message {
    id: "T4-SUM/relation",
    zh: "「{block}」：总计 {total} ≠ {terms} = {parts}",
    en: english!("「{block}」: total {total} ≠ {terms} = {parts}"),
};
const ROW_SUM: Message = Message {
    id: "sum/row",
    zh: "「{row}」行：总计 {total} ≠ {terms} = {parts}",
    en: english!("row 「{row}」: total {total} ≠ {terms} = {parts}"),
};

/// The diagnostic of `rel`, failing with the sums `(t, p)` of its total and its parts.
fn diagnostic(
    found: &FoundTable,
    rel: &Relation,
    (t, p): (Decimal, Decimal),
    vals: &Values,
    pin: Option<(Key, Decimal)>,
) -> Diagnostic {
    let table = found.id.numeral();
    // The relation's first total cell (every relation has one): one bounds check, not one per use.
    let first: Key = rel.total[0];
    // Which axis the relation runs along decides how terms are named.
    let along_column = rel.total.iter().chain(&rel.parts).all(|k| k.1 == first.1);
    let sums = |m: &'static Message, args: Args| (m, args.text("total", t).text("parts", p));
    let relation = match rel.rule.id {
        "T3-IDENTITY" => sums(&IDENTITY, Args::new().text("column", column_label(found, first.1))),
        "T3-RESULT-SUM" => sums(&RESULT_SUM, Args::new().text("column", column_label(found, first.1))),
        "T3-SUBTOTAL" => sums(&SUBTOTAL, Args::new().text("row", first.0).text("column", column_label(found, first.1))),
        _ if along_column => sums(
            &COLUMN_SUM,
            Args::new()
                .text("column", column_label(found, first.1))
                .text("terms", terms(found, &rel.parts, vals, true)),
        ),
        "T4-SUM" => {
            let block = found.format.table(found.id).groups[0]
                .columns
                .iter()
                .find(|c| c.id == first.1)
                .and_then(|c| c.block)
                .unwrap_or("");
            let terms = terms(found, &rel.parts, vals, false).replace(&format!("{block}/"), "");
            sums(&BLOCK_SUM, Args::new().text("block", block).text("terms", terms))
        }
        _ => sums(
            &ROW_SUM,
            Args::new().text("row", row_label(found, first.0)).text("terms", terms(found, &rel.parts, vals, false)),
        ),
    };
    let (key, template, args, expected, actual, fix) = match pin {
        Some((k, n)) => {
            let current = vals.get(&k).and_then(|v| v.0).unwrap_or_default();
            let args = Args::new().text("table", table).phrase_with("relation", relation.0, relation.1);
            let args = args.text("cell", cell_name(found, k)).text("should", n).text("current", current);
            (k, &PINNED, args, n.to_string(), current.to_string(), Some(n.to_string()))
        }
        None => {
            let k = first;
            let args = Args::new().text("table", table).phrase_with("relation", relation.0, relation.1);
            let args = args.text("cell", cell_name(found, k)).text("should", p);
            (k, &UNPINNED, args, p.to_string(), t.to_string(), None)
        }
    };
    let origin: Origin = vals.get(&key).map(|(_, c)| c.origin).unwrap_or_default();
    let excerpt = vals.get(&key).map(|(_, c)| c.value.text.clone()).unwrap_or_default();
    let mut d = Diagnostic::new(rel.rule.id, rel.rule.severity, template, args)
        .table(table)
        .row(row_label(found, key.0))
        .column(column_label(found, key.1))
        .expected(expected)
        .actual(actual)
        .at(origin.span, origin.cell)
        .excerpt(excerpt);
    if let Some(f) = fix {
        d = d.fix(f);
    }
    // Identify the relation, not the numbers: fixing the values keeps the id stable.
    let side = |keys: &[Key]| keys.iter().map(|(r, c)| format!("{r}/{c}")).join_str("+");
    let relation_key = format!("{}={}", side(&rel.total), side(&rel.parts));
    d.finish(&relation_key)
}

/// Every message this module declares ([`crate::message::catalogue`]).
pub(crate) const MESSAGES: &[&crate::message::Message] =
    &[&PINNED, &UNPINNED, &IDENTITY, &RESULT_SUM, &SUBTOTAL, &COLUMN_SUM, &BLOCK_SUM, &ROW_SUM];

#[cfg(test)]
mod tests {
    use crate::format::rows;
    use crate::rules::testkit::{mini, quiet, rules};

    #[test]
    fn a_consistent_report_passes() {
        assert!(!rules(&mini().lint()).iter().any(|r| r.starts_with("T3-") || r.starts_with("T4-")));
    }

    #[test]
    fn one_wrong_cell_is_pinned_with_its_value() {
        // （一）予以公开 | 3 | 1 | 0 | 0 | 0 | 0 | 3 ← should be 4
        let r = mini().set_request(rows::DISCLOSED, 6, "3").lint();
        assert_eq!(rules(&r), vec!["T3-RESULT-SUM", "T3-ROW-TOTAL"]);
        for d in &r.diagnostics {
            assert_eq!((d.row.as_deref(), d.column.as_deref()), (Some("（一）予以公开"), Some("总计")));
            assert_eq!((d.expected.as_deref(), d.actual.as_deref()), (Some("4"), Some("3")));
            assert_eq!(d.fix.as_ref().map(|f| f.value.as_str()), Some("4"));
            // The DOM address of that <td>: table 1, row 3 + 2, cell 1 + 6.
            let c = d.cell.unwrap();
            assert_eq!((c.table, c.row, c.cell), (1, 5, 7));
        }
    }

    #[test]
    fn an_identity_broken_by_two_cells_is_reported_without_a_fix() {
        // 本年新收 自然人 4 and 总计 5: the row still adds up, two columns do not balance.
        let r = quiet().set_request(rows::RECEIVED, 0, "4").set_request(rows::RECEIVED, 6, "5").lint();
        assert_eq!(rules(&r), vec!["T3-IDENTITY", "T3-IDENTITY"]);
        let d = &r.diagnostics[0];
        assert_eq!(
            (d.column.as_deref(), d.expected.as_deref(), d.actual.as_deref()),
            (Some("自然人"), Some("3"), Some("4"))
        );
        assert!(d.fix.is_none());
    }

    #[test]
    fn a_review_block_total_is_pointed_at_without_a_fix() {
        let r = quiet().set_review(4, "3").lint();
        assert_eq!(rules(&r), vec!["T4-SUM"]);
        let d = &r.diagnostics[0];
        assert_eq!((d.row.as_deref(), d.column.as_deref()), (None, Some("行政复议/总计")));
        assert_eq!((d.expected.as_deref(), d.actual.as_deref(), d.fix.is_none()), (Some("2"), Some("3"), true));
        insta::assert_snapshot!(d.message, @"表四「行政复议」：总计 3 ≠ 结果维持 1 + 结果纠正 1 + 其他结果 0 + 尚未审结 0 = 2。若参与求和的各项无误，「行政复议/总计」应为 2。");
    }

    #[test]
    fn printed_subtotal_rows_are_checked_and_not_counted_twice() {
        let m = mini();
        let row =
            |label: &str, v: &str| format!("<tr><td colspan=3>{label}</td>{}</tr>", format!("<td>{v}</td>").repeat(7));
        let good = m.html().replacen(
            "<tr><td colspan=3>1.属于国家秘密",
            &format!("{}<tr><td colspan=3>1.属于国家秘密", row("（三）不予公开", "0")),
            1,
        );
        let r = crate::lint::lint_str(&good, &Default::default(), &Default::default()).unwrap();
        assert!(!rules(&r).iter().any(|r| r.starts_with("T3-")), "{:#?}", r.diagnostics);
        let bad = m.html().replacen(
            "<tr><td colspan=3>1.属于国家秘密",
            &format!("{}<tr><td colspan=3>1.属于国家秘密", row("（三）不予公开", "1")),
            1,
        );
        let r = crate::lint::lint_str(&bad, &Default::default(), &Default::default()).unwrap();
        assert!(rules(&r).contains(&"T3-SUBTOTAL"), "{:#?}", r.diagnostics);
        assert!(!rules(&r).contains(&"T3-RESULT-SUM"));
    }
}
