//! The official formats of the annual report, as data.
//!
//! Each revision ([`Format`]) declares its six sections, its three statutory tables (row
//! and column labels in order, the kind of value each column holds) and the sum relations
//! between their cells. Recognition and rules read these declarations; a future revision
//! is a new `Format` value, not new code.
//!
//! Sources: `docs/format.md` §3 (headings), §4 (2019 tables), §5 (2021 tables), §6 (the
//! differences), §7 (relations).

mod shared;
pub use shared::APPLICANT_COLUMNS;
pub mod y2019;
pub mod y2021;

use serde::Serialize;

/// Which revision of the format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum FormatVersion {
    /// 国办公开办函〔2019〕60号 (试行): reports on 2019 and 2020.
    #[serde(rename = "2019")]
    Y2019,
    /// 国办公开办函〔2021〕30号: reports on 2021 onwards.
    #[serde(rename = "2021")]
    Y2021,
}

impl FormatVersion {
    pub fn as_str(self) -> &'static str {
        match self {
            FormatVersion::Y2019 => "2019",
            FormatVersion::Y2021 => "2021",
        }
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
    /// Stable identifier used in code and tests, e.g. `natural_person`.
    pub id: &'static str,
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
    /// Stable identifier, e.g. `received`, `withheld_state_secret`.
    pub id: &'static str,
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

/// A sum relation: Σ `total` side = Σ `parts` side. Rules report the `total` side's cell
/// as the actual value and the parts' sum as the expected one.
#[derive(Debug)]
pub enum RelationSpec {
    /// In every column of the group: Σ rows `total` = Σ rows `parts`.
    EachColumn { rule: &'static str, total: &'static [&'static str], parts: &'static [&'static str] },
    /// In every row of the group: Σ columns `total` = Σ columns `parts`.
    EachRow { rule: &'static str, total: &'static [&'static str], parts: &'static [&'static str] },
    /// In one row: Σ columns `total` = Σ columns `parts`.
    InRow { rule: &'static str, row: &'static str, total: &'static [&'static str], parts: &'static [&'static str] },
}

/// One statutory table.
#[derive(Debug)]
pub struct TableSpec {
    pub id: TableId,
    /// The section heading the table sits under, without its numeral.
    pub title: &'static str,
    pub groups: &'static [GroupSpec],
    pub relations: &'static [RelationSpec],
}

impl TableSpec {
    /// All rows with their group, in order.
    pub fn rows(&self) -> impl Iterator<Item = (&GroupSpec, &RowSpec)> {
        self.groups.iter().flat_map(|g| g.rows.iter().map(move |r| (g, r)))
    }

    pub fn row(&self, id: &str) -> Option<(&GroupSpec, &RowSpec)> {
        self.rows().find(|(_, r)| r.id == id)
    }

    /// Number of value cells the table has.
    pub fn value_cells(&self) -> usize {
        self.groups.iter().map(|g| g.rows.len() * g.columns.len()).sum()
    }
}

/// A revision of the format.
#[derive(Debug)]
pub struct Format {
    pub version: FormatVersion,
    /// The notice that issued it.
    pub notice: &'static str,
    /// First report year (data year) it applies to.
    pub first_year: u16,
    /// Last report year it applies to, if superseded.
    pub last_year: Option<u16>,
    pub sections: &'static [SectionSpec],
    pub tables: [&'static TableSpec; 3],
}

impl Format {
    pub fn table(&self, id: TableId) -> &'static TableSpec {
        self.tables[id as usize]
    }

    pub fn section(&self, s: Section) -> &'static SectionSpec {
        &self.sections[s.index()]
    }

    pub fn applies_to(&self, year: u16) -> bool {
        year >= self.first_year && self.last_year.is_none_or(|l| year <= l)
    }
}

/// Every known revision, oldest first.
pub const FORMATS: [&Format; 2] = [&y2019::FORMAT, &y2021::FORMAT];

/// The revision a report on `year` must use.
pub fn format_for_year(year: u16) -> Option<&'static Format> {
    FORMATS.iter().copied().find(|f| f.applies_to(year))
}

pub fn format(version: FormatVersion) -> &'static Format {
    match version {
        FormatVersion::Y2019 => &y2019::FORMAT,
        FormatVersion::Y2021 => &y2021::FORMAT,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_cell_counts_match_the_official_tables() {
        // docs/format.md §4.1, §4.2, §5.1, §5.2, §5.3.
        let f19 = format(FormatVersion::Y2019);
        let f21 = format(FormatVersion::Y2021);
        assert_eq!(f19.table(TableId::Proactive).value_cells(), 22);
        assert_eq!(f21.table(TableId::Proactive).value_cells(), 10);
        assert_eq!(f19.table(TableId::Requests).value_cells(), 161);
        assert_eq!(f21.table(TableId::Requests).value_cells(), 175);
        assert_eq!(f19.table(TableId::Review).value_cells(), 15);
        assert_eq!(f21.table(TableId::Review).value_cells(), 15);
    }

    #[test]
    fn years_select_the_format() {
        assert_eq!(format_for_year(2019).unwrap().version, FormatVersion::Y2019);
        assert_eq!(format_for_year(2020).unwrap().version, FormatVersion::Y2019);
        assert_eq!(format_for_year(2021).unwrap().version, FormatVersion::Y2021);
        assert_eq!(format_for_year(2030).unwrap().version, FormatVersion::Y2021);
        assert!(format_for_year(2008).is_none());
    }

    #[test]
    fn relations_name_existing_rows_and_columns() {
        for f in FORMATS {
            for t in f.tables {
                for rel in t.relations {
                    let group = &t.groups[0];
                    let (rows, cols): (Vec<&str>, Vec<&str>) = match rel {
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
                        assert!(group.rows.iter().any(|x| x.id == r), "{:?} {:?}: no row {r}", f.version, t.id);
                    }
                    for c in cols {
                        assert!(group.columns.iter().any(|x| x.id == c), "{:?} {:?}: no column {c}", f.version, t.id);
                    }
                }
            }
        }
    }
}
