//! The official formats of the annual report, as data.
//!
//! Each revision ([`Format`]) declares its six sections, its three statutory tables (row
//! and column labels in order, the kind of value each column holds), the sum relations
//! between their cells, and what tells it from the other revisions. Recognition and rules
//! read these declarations and loop over the revisions in use; they match on none.
//!
//! **Ids.** Rows and columns are named in code by typed ids ([`RowId`], [`ColumnId`]), each
//! declared once here as a constant ([`rows`], [`columns`]): a misspelt id does not compile,
//! and a row dropped from the format is found by the compiler at every use. An id's string
//! is stable (it is hashed into each finding's `id` fingerprint); users only ever see the
//! official labels. A relation names the [`Rule`](crate::rules::Rule) it is checked under,
//! not its id string.
//!
//! **Revisions.** A [`FormatVersion`] is a small copyable handle onto a `&'static Format`
//! (equal when their [`Format::name`]s are). The revisions in use are a [`Formats`] list,
//! [`Formats::OFFICIAL`] (2019 and 2021) by default, which the pipeline takes as data
//! ([`crate::rules::LintOptions::formats`], carried on the recognised
//! [`Report`](crate::recognize::Report) to the rules): recognition tries each revision in the
//! list, and a report's year selects the newest one that applies to it. What each revision
//! needs to be told apart is part of its declaration:
//!
//! - [`TableSpec::keys`]: the words that tell a document table is this statutory table;
//! - [`TableSpec::markers`]: the words only this revision's table prints (表二's column
//!   headers; 2021's （六）其他处理 sub-items), for tables given as text;
//! - [`TableSpec::evidence`]: how FMT-VERSION names the table's layout;
//! - [`Format::document_counts`]: which 表二 columns count documents issued, repealed, in
//!   force or published, for the narrative rules.
//!
//! So a new revision is a new declaration (a file like `y2021.rs`, registered in
//! [`Formats::OFFICIAL`]), not new code: README "How to add a format revision", and the test
//! `tests/format_revision.rs`, which declares a made-up third revision and checks a report
//! in it.
//!
//! Sources: `docs/format.md` §3 (headings), §4 (2019 tables), §5 (2021 tables), §6 (the
//! differences), §7 (relations).

mod ids;
mod shared;
pub use ids::{columns, rows, ColumnId, RowId};
pub use shared::APPLICANT_COLUMNS;
pub mod y2019;
pub mod y2021;

use serde::{Serialize, Serializer};

use crate::rules::Rule;

/// A revision of the format, as a copyable handle: `"2019"`, `"2021"` (its [`Format::name`]),
/// which is also how it is serialised.
#[derive(Clone, Copy)]
pub struct FormatVersion(&'static Format);

impl FormatVersion {
    /// The revision `format` declares.
    pub const fn of(format: &'static Format) -> FormatVersion {
        FormatVersion(format)
    }

    /// The declaration.
    pub fn format(self) -> &'static Format {
        self.0
    }

    /// The name, as serialised: `"2019"`, `"2021"`.
    pub fn as_str(self) -> &'static str {
        self.0.name
    }
}

impl PartialEq for FormatVersion {
    fn eq(&self, other: &FormatVersion) -> bool {
        self.0.name == other.0.name
    }
}

impl Eq for FormatVersion {}

impl std::fmt::Debug for FormatVersion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0.name)
    }
}

impl Serialize for FormatVersion {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0.name)
    }
}

/// The revisions in use, oldest first: the official ones by default; a test or a caller may
/// add its own ([`crate::rules::LintOptions::formats`]).
#[derive(Clone, Copy)]
pub struct Formats(&'static [&'static Format]);

impl Formats {
    /// 国办公开办函〔2019〕60号 and 〔2021〕30号.
    pub const OFFICIAL: Formats = Formats(&[&y2019::FORMAT, &y2021::FORMAT]);

    /// A list of revisions, oldest first (by [`Format::first_year`]); it must not be empty.
    pub const fn new(formats: &'static [&'static Format]) -> Formats {
        assert!(!formats.is_empty(), "no format");
        Formats(formats)
    }

    /// Oldest first.
    pub fn iter(self) -> impl DoubleEndedIterator<Item = &'static Format> {
        self.0.iter().copied()
    }

    /// The revision a report on `year` must use: the newest one that applies to it.
    pub fn for_year(self, year: u16) -> Option<&'static Format> {
        self.iter().rev().find(|f| f.applies_to(year))
    }

    /// The revision a report must use, or the newest one when its year is not known.
    pub fn for_year_or_newest(self, year: Option<u16>) -> &'static Format {
        year.and_then(|y| self.for_year(y)).unwrap_or(self.newest())
    }

    /// The newest revision.
    pub fn newest(self) -> &'static Format {
        self.0[self.0.len() - 1]
    }

    /// The revision called `name` (`"2019"`).
    pub fn named(self, name: &str) -> Option<FormatVersion> {
        self.iter().find(|f| f.name == name).map(Format::version)
    }
}

impl Default for Formats {
    fn default() -> Formats {
        Formats::OFFICIAL
    }
}

impl std::fmt::Debug for Formats {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter().map(|x| x.name)).finish()
    }
}

/// The three statutory tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum TableId {
    /// 表二 主动公开政府信息情况 (section 二).
    #[serde(rename = "二")]
    Proactive,
    /// 表三 收到和处理政府信息公开申请情况 (section 三).
    #[serde(rename = "三")]
    Requests,
    /// 表四 政府信息公开行政复议、行政诉讼情况 (section 四).
    #[serde(rename = "四")]
    Review,
}

impl TableId {
    pub const ALL: [TableId; 3] = [TableId::Proactive, TableId::Requests, TableId::Review];

    /// The Chinese numeral users know the table by: "二", "三", "四".
    pub fn numeral(self) -> &'static str {
        match self {
            TableId::Proactive => "二",
            TableId::Requests => "三",
            TableId::Review => "四",
        }
    }

    /// The section the table belongs to.
    pub fn section(self) -> Section {
        match self {
            TableId::Proactive => Section::ProactiveDisclosure,
            TableId::Requests => Section::Requests,
            TableId::Review => Section::ReviewLitigation,
        }
    }
}

/// The six sections, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Section {
    Overview,
    ProactiveDisclosure,
    Requests,
    ReviewLitigation,
    Problems,
    Other,
}

impl Section {
    pub const ALL: [Section; 6] = [
        Section::Overview,
        Section::ProactiveDisclosure,
        Section::Requests,
        Section::ReviewLitigation,
        Section::Problems,
        Section::Other,
    ];

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn numeral(self) -> &'static str {
        ["一", "二", "三", "四", "五", "六"][self.index()]
    }
}

/// A section heading as the format writes it, and the variants seen in published reports.
#[derive(Debug)]
pub struct SectionSpec {
    pub section: Section,
    /// The official heading, e.g. `一、总体情况`.
    pub heading: &'static str,
    /// Known variant titles (without the numeral), accepted with a FMT-HEADING-TEXT warning.
    pub variants: &'static [&'static str],
    /// Words that identify the section's title even when it is misspelt or reworded.
    pub keys: &'static [&'static str],
}

impl SectionSpec {
    /// The title without its numeral, e.g. `总体情况`.
    pub fn title(&self) -> &'static str {
        self.heading.split_once('、').map_or(self.heading, |(_, t)| t)
    }
}

/// What a value cell holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ValueKind {
    /// A non-negative whole number (件, 项, 条).
    Count,
    /// A signed whole number: 2019's `本年增/减` (`+1036`, `-3`).
    SignedCount,
    /// An amount of money in 万元, decimals allowed (2021's 行政事业性收费).
    TenThousandYuan,
    /// An amount of money with no unit prescribed (2019's 采购总金额): reports write `0万元`,
    /// `251000元`; decimals allowed.
    Money,
}

/// A value column.
#[derive(Clone, Copy, Debug)]
pub struct ColumnSpec {
    /// Its id, e.g. [`columns::NATURAL_PERSON`].
    pub id: ColumnId,
    /// The official label, e.g. `自然人`, `结果维持`.
    pub label: &'static str,
    /// For 表四: the block the column belongs to (`行政复议`, `未经复议直接起诉`, `复议后起诉`).
    pub block: Option<&'static str>,
    pub kind: ValueKind,
    /// Words that identify the header even when misspelt or split.
    pub keys: &'static [&'static str],
}

impl ColumnSpec {
    /// The label diagnostics use: `自然人`, or for 表四 `行政复议/总计`.
    pub fn qualified_label(&self) -> String {
        match self.block {
            Some(b) => format!("{b}/{}", self.label),
            None => self.label.to_string(),
        }
    }
}

/// A data row.
#[derive(Clone, Copy, Debug)]
pub struct RowSpec {
    /// Its id, e.g. [`rows::RECEIVED`], [`rows::WITHHELD_STATE_SECRET`].
    pub id: RowId,
    /// The official label as docs/format.md writes it, e.g. `（一）予以公开`, `1.属于国家秘密`.
    /// Empty for 表四's single value row.
    pub label: &'static str,
    /// The row-spanning group label it sits under, e.g. `（三）不予公开`.
    pub parent: Option<&'static str>,
    /// Words that identify the label even when it is misspelt, wrapped or truncated.
    pub keys: &'static [&'static str],
}

/// A block of rows sharing the same columns: 表二 has one per 第二十条 item, 表三 and 表四
/// one each.
#[derive(Debug)]
pub struct GroupSpec {
    /// The group header, e.g. `第二十条第（一）项`; `None` for 表三/表四.
    pub label: Option<&'static str>,
    pub columns: &'static [ColumnSpec],
    pub rows: &'static [RowSpec],
}

/// A sum relation: Σ `total` side = Σ `parts` side, checked under `rule`. Rules report the
/// `total` side's cell as the actual value and the parts' sum as the expected one.
#[derive(Clone, Copy, Debug)]
pub enum RelationSpec {
    /// In every column of the group: Σ rows `total` = Σ rows `parts`.
    EachColumn { rule: &'static Rule, total: &'static [RowId], parts: &'static [RowId] },
    /// In every row of the group: Σ columns `total` = Σ columns `parts`.
    EachRow { rule: &'static Rule, total: &'static [ColumnId], parts: &'static [ColumnId] },
    /// In one row: Σ columns `total` = Σ columns `parts`.
    InRow { rule: &'static Rule, row: RowId, total: &'static [ColumnId], parts: &'static [ColumnId] },
}

impl RelationSpec {
    /// The rule the relation is checked under.
    pub fn rule(&self) -> &'static Rule {
        match self {
            RelationSpec::EachColumn { rule, .. }
            | RelationSpec::EachRow { rule, .. }
            | RelationSpec::InRow { rule, .. } => rule,
        }
    }
}

/// One statutory table.
#[derive(Debug)]
pub struct TableSpec {
    pub id: TableId,
    /// The section heading the table sits under, without its numeral.
    pub title: &'static str,
    pub groups: &'static [GroupSpec],
    pub relations: &'static [RelationSpec],
    /// Words that tell a document table is this statutory table, whatever the revision (the
    /// table whose keys a document table holds most of, at least two, is the one it is).
    pub keys: &'static [&'static str],
    /// Words only this revision prints in this table (none: nothing tells it apart), which
    /// tell the revision of a table given as text: the revision with the most of its markers
    /// present wins — and a revision whose markers the other one prints as well (2019's 表三
    /// `其他处理` is 2021's （六） heading) only when that other one's are absent.
    pub markers: &'static [&'static str],
    /// How FMT-VERSION names this table's layout as evidence of the revision (Chinese,
    /// English), e.g. `表三（六）其他处理为单行（2019）`; `None`: "表二采用 2019 年格式".
    pub evidence: Option<(&'static str, &'static str)>,
}

impl TableSpec {
    /// All rows with their group, in order.
    pub fn rows(&self) -> Rows<'_> {
        Rows { groups: self.groups, next: 0 }
    }

    pub fn row(&self, id: RowId) -> Option<(&GroupSpec, &RowSpec)> {
        // Loops, not `rows().find`: the rules look rows up often, and a call of `Rows::next`
        // per row costs more than these.
        for group in self.groups {
            for row in group.rows {
                if row.id == id {
                    return Some((group, row));
                }
            }
        }
        None
    }

    /// Every column of every group (表二's repeat across groups).
    pub fn columns(&self) -> Columns<'_> {
        Columns { groups: self.groups, next: 0 }
    }

    /// The first column with this id (表二's repeat across groups: the first group's).
    pub fn column(&self, id: ColumnId) -> Option<&ColumnSpec> {
        // Loops, as in `row`.
        for group in self.groups {
            for column in group.columns {
                if column.id == id {
                    return Some(column);
                }
            }
        }
        None
    }

    /// Does the table print `word` in a label: a row's, its group's, a column's, a group
    /// header? (Loops, not iterator adapters: the module's size.)
    pub fn prints(&self, word: &str) -> bool {
        for g in self.groups {
            if g.label.is_some_and(|l| l.contains(word)) {
                return true;
            }
            for c in g.columns {
                if c.label.contains(word) {
                    return true;
                }
            }
            for r in g.rows {
                if r.label.contains(word) || r.parent.is_some_and(|p| p.contains(word)) {
                    return true;
                }
            }
        }
        false
    }

    /// Does `other` lay the table out the same (the same rows and columns, ids and labels)?
    /// A table two revisions share tells nothing of which one a report follows.
    pub fn same_layout(&self, other: &TableSpec) -> bool {
        self.groups.len() == other.groups.len()
            && self.groups.iter().zip(other.groups).all(|(a, b)| {
                a.label == b.label
                    && a.columns.len() == b.columns.len()
                    && a.rows.len() == b.rows.len()
                    && a.columns.iter().zip(b.columns).all(|(x, y)| x.id == y.id && x.label == y.label)
                    && a.rows.iter().zip(b.rows).all(|(x, y)| x.id == y.id && x.label == y.label)
            })
    }

    /// Number of value cells the table has.
    pub fn value_cells(&self) -> usize {
        self.groups.iter().map(|g| g.rows.len() * g.columns.len()).sum()
    }
}

/// A table's rows with their group, in order ([`TableSpec::rows`]). A plain `next` over the
/// groups, not `flat_map`: every search over the rows (`find`, `any`, `max_by_key`, …)
/// compiles its own copy of the iterator's loops, which `flat_map`'s nested folds make
/// several times larger in the WebAssembly module.
#[derive(Clone)]
pub struct Rows<'a> {
    /// The groups not yet done, the current one first.
    groups: &'a [GroupSpec],
    /// The current group's next row.
    next: usize,
}

impl<'a> Iterator for Rows<'a> {
    type Item = (&'a GroupSpec, &'a RowSpec);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let group = self.groups.first()?;
            if let Some(row) = group.rows.get(self.next) {
                self.next += 1;
                return Some((group, row));
            }
            self.groups = &self.groups[1..];
            self.next = 0;
        }
    }

    /// At least the current group's rows, as `flat_map` gives it: a `collect` allocates
    /// for them at once (a table of one group, 表三's, in one go).
    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.groups.first().map_or(0, |g| g.rows.len() - self.next), None)
    }
}

/// Every column of a table's groups, in order ([`TableSpec::columns`]): a plain `next`, as
/// [`Rows`].
#[derive(Clone)]
pub struct Columns<'a> {
    /// The groups not yet done, the current one first.
    groups: &'a [GroupSpec],
    /// The current group's next column.
    next: usize,
}

impl<'a> Iterator for Columns<'a> {
    type Item = &'a ColumnSpec;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let group = self.groups.first()?;
            if let Some(column) = group.columns.get(self.next) {
                self.next += 1;
                return Some(column);
            }
            self.groups = &self.groups[1..];
            self.next = 0;
        }
    }
}

/// What a number the narrative gives for 规章 or 规范性文件 counts (the verb before them
/// says which): what [`Format::document_counts`] maps to 表二 columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocumentCount {
    /// 现行有效.
    InForce,
    /// 废止, 废除, 失效.
    Repealed,
    /// 制发, 制定, 出台, 印发, 新增, 发布.
    Issued,
    /// 公开.
    Published,
}

/// 表二 columns, each with its English name.
pub type NamedColumns = &'static [(ColumnId, &'static str)];

/// A revision of the format.
#[derive(Debug)]
pub struct Format {
    /// Its name, as reports, the JSON and `--format` write it: `"2019"`, `"2021"`.
    pub name: &'static str,
    /// The notice that issued it.
    pub notice: &'static str,
    /// First report year (data year) it applies to.
    pub first_year: u16,
    /// Last report year it applies to, if superseded.
    pub last_year: Option<u16>,
    pub sections: &'static [SectionSpec],
    pub tables: [&'static TableSpec; 3],
    /// The 表二 columns (of 第二十条第（一）项) a number of documents the narrative gives may
    /// be read against, for each thing it may count; where several are listed the number
    /// may mean any of them, and a thing not listed has no column (2019 counts no documents
    /// in force or repealed).
    pub document_counts: &'static [(DocumentCount, NamedColumns)],
}

impl Format {
    /// Its handle.
    pub fn version(&'static self) -> FormatVersion {
        FormatVersion(self)
    }

    pub fn table(&self, id: TableId) -> &'static TableSpec {
        self.tables[id as usize]
    }

    pub fn section(&self, s: Section) -> &'static SectionSpec {
        &self.sections[s.index()]
    }

    pub fn applies_to(&self, year: u16) -> bool {
        year >= self.first_year && self.last_year.is_none_or(|l| year <= l)
    }

    /// The 表二 columns that count `what` ([`Format::document_counts`]).
    pub fn document_columns(&self, what: DocumentCount) -> NamedColumns {
        self.document_counts.iter().find(|(w, _)| *w == what).map_or(&[], |(_, c)| c)
    }

    /// Does this revision print `word` anywhere in table `id`?
    pub fn prints(&self, id: TableId, word: &str) -> bool {
        self.table(id).prints(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_cell_counts_match_the_official_tables() {
        // docs/format.md §4.1, §4.2, §5.1, §5.2, §5.3.
        let f19 = &y2019::FORMAT;
        let f21 = &y2021::FORMAT;
        assert_eq!(f19.table(TableId::Proactive).value_cells(), 22);
        assert_eq!(f21.table(TableId::Proactive).value_cells(), 10);
        assert_eq!(f19.table(TableId::Requests).value_cells(), 161);
        assert_eq!(f21.table(TableId::Requests).value_cells(), 175);
        assert_eq!(f19.table(TableId::Review).value_cells(), 15);
        assert_eq!(f21.table(TableId::Review).value_cells(), 15);
    }

    /// `rows()`, `row()`, `columns()` and `column()` give what `flat_map` over the groups gives.
    #[test]
    fn rows_and_columns_are_the_groups_in_order() {
        for f in Formats::OFFICIAL.iter() {
            for t in f.tables {
                let flat: Vec<(&GroupSpec, &RowSpec)> =
                    t.groups.iter().flat_map(|g| g.rows.iter().map(move |r| (g, r))).collect();
                let mut rows = t.rows();
                // The first group's rows at first; never more than are left.
                assert_eq!(rows.size_hint().0, t.groups[0].rows.len());
                for (i, &(g, r)) in flat.iter().enumerate() {
                    assert!(rows.size_hint().0 <= flat.len() - i);
                    let (g2, r2) = rows.next().unwrap();
                    assert!(std::ptr::eq(g, g2) && std::ptr::eq(r, r2));
                    let (g3, r3) = t.row(r.id).unwrap();
                    let first = flat.iter().find(|(_, x)| x.id == r.id).unwrap();
                    assert!(std::ptr::eq(first.0, g3) && std::ptr::eq(first.1, r3));
                }
                assert_eq!(rows.size_hint().0, 0);
                assert!(rows.next().is_none());
                let flat: Vec<&ColumnSpec> = t.groups.iter().flat_map(|g| g.columns.iter()).collect();
                let columns: Vec<&ColumnSpec> = t.columns().collect();
                assert_eq!(columns.len(), flat.len());
                for (a, b) in flat.iter().zip(columns) {
                    assert!(std::ptr::eq(*a, b));
                    let first = flat.iter().find(|c| c.id == a.id).unwrap();
                    assert!(std::ptr::eq(*first, t.column(a.id).unwrap()));
                }
            }
        }
    }

    #[test]
    fn years_select_the_format() {
        let name = |y| Formats::OFFICIAL.for_year(y).unwrap().name;
        assert_eq!(name(2019), "2019");
        assert_eq!(name(2020), "2019");
        assert_eq!(name(2021), "2021");
        assert_eq!(name(2030), "2021");
        assert!(Formats::OFFICIAL.for_year(2008).is_none());
        assert_eq!(Formats::OFFICIAL.for_year_or_newest(None).name, "2021");
    }

    /// Versions are compared, and serialised, by name.
    #[test]
    fn versions_are_their_names() {
        let v = Formats::OFFICIAL.named("2019").unwrap();
        assert_eq!(v, y2019::FORMAT.version());
        assert_ne!(v, y2021::FORMAT.version());
        assert_eq!(serde_json::to_value(v).unwrap(), "2019");
        assert!(Formats::OFFICIAL.named("2020").is_none());
    }

    #[test]
    fn relations_name_existing_rows_and_columns() {
        for f in Formats::OFFICIAL.iter() {
            for t in f.tables {
                for rel in t.relations {
                    let group = &t.groups[0];
                    let (rows, cols): (Vec<RowId>, Vec<ColumnId>) = match rel {
                        RelationSpec::EachColumn { total, parts, .. } => {
                            (total.iter().chain(parts.iter()).copied().collect(), vec![])
                        }
                        RelationSpec::EachRow { total, parts, .. } => {
                            (vec![], total.iter().chain(parts.iter()).copied().collect())
                        }
                        RelationSpec::InRow { row, total, parts, .. } => {
                            (vec![*row], total.iter().chain(parts.iter()).copied().collect())
                        }
                    };
                    for r in rows {
                        assert!(group.rows.iter().any(|x| x.id == r), "{} {:?}: no row {r}", f.name, t.id);
                    }
                    for c in cols {
                        assert!(group.columns.iter().any(|x| x.id == c), "{} {:?}: no column {c}", f.name, t.id);
                    }
                }
            }
        }
    }

    /// Every column a format's document counts name is in its 表二.
    #[test]
    fn document_counts_name_proactive_columns() {
        for f in Formats::OFFICIAL.iter() {
            for (_, columns) in f.document_counts {
                for (c, _) in *columns {
                    assert!(f.table(TableId::Proactive).columns().any(|x| x.id == *c), "{} {c}", f.name);
                }
            }
        }
    }

    /// A revision's markers are words its own table prints.
    #[test]
    fn markers_are_printed_by_their_revision() {
        for f in Formats::OFFICIAL.iter() {
            for t in f.tables {
                for m in t.markers {
                    assert!(f.prints(t.id, m), "{} {:?}: {m}", f.name, t.id);
                }
            }
        }
    }
}
