//! What recognition makes of a `Document`: a [`Report`] with its title, year, sections and
//! the three statutory tables mapped onto the official rows and columns.

use serde::Serialize;

use crate::document::{CellAddress, Span};
use crate::format::{ColumnId, Format, FormatVersion, Formats, RowId, Section, TableId};
use crate::recognize::value::Value;

/// Where something came from in the input.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Origin {
    /// Byte range in the input.
    pub span: Option<Span>,
    /// DOM address of the source cell (HTML input only).
    pub cell: Option<CellAddress>,
}

/// A value cell mapped onto the official format.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MappedCell {
    /// Official row id ([`crate::format::RowSpec::id`]); a subtotal row's is its group label
    /// ([`SubtotalRow::row`]).
    pub row: RowId,
    /// Official column id ([`crate::format::ColumnSpec::id`]).
    pub column: ColumnId,
    pub value: Value,
    pub origin: Origin,
}

/// A row or column label as the report printed it, matched to the official one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PrintedLabel<Id> {
    /// Official row ([`RowId`]) or column ([`ColumnId`]) id.
    pub id: Id,
    /// What the report printed (normalised whitespace); empty when the report printed none.
    pub printed: String,
    pub origin: Origin,
}

/// Something in a table that could not be read with certainty.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Unreadable {
    /// The official row concerned, or `None` for the whole table.
    pub row: Option<RowId>,
    /// Why, in plain words ([`crate::message`]): the English text keeps the detail (the
    /// digits that would not split, the count of readings), the Chinese one says it simply.
    #[serde(skip)]
    pub reason: crate::message::Text,
    /// The text that could not be read.
    pub excerpt: Option<String>,
    pub origin: Origin,
}

/// A subtotal row the report added (not in the official table), e.g. for （三）不予公开.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SubtotalRow {
    /// The group label, e.g. `（三）不予公开`.
    pub group: &'static str,
    /// The official rows it should sum.
    pub parts: Vec<RowId>,
    pub printed: String,
    /// Values by official column id.
    pub cells: Vec<MappedCell>,
}

/// One statutory table as found in the report.
#[derive(Clone, Debug, Serialize)]
pub struct FoundTable {
    pub id: TableId,
    /// Which revision's layout this table follows (表二: its column headers; 表三: the shape
    /// of （六）其他处理; 表四: identical in both, so `None`).
    pub layout: Option<FormatVersion>,
    /// The official table spec the cells were mapped with.
    #[serde(skip)]
    pub format: &'static Format,
    pub cells: Vec<MappedCell>,
    pub row_labels: Vec<PrintedLabel<RowId>>,
    pub column_labels: Vec<PrintedLabel<ColumnId>>,
    pub subtotals: Vec<SubtotalRow>,
    pub unreadable: Vec<Unreadable>,
    /// The `Document` table index the cells came from (HTML input), if any.
    pub source_tables: Vec<usize>,
    /// Byte range of the table (or of the text it was read from).
    pub span: Option<Span>,
}

impl SubtotalRow {
    /// The id its cells carry: the group label (it is no official row).
    pub fn row(&self) -> RowId {
        RowId::new(self.group)
    }
}

impl FoundTable {
    /// A table with nothing read yet.
    pub fn new(
        id: TableId,
        format: &'static Format,
        layout: Option<FormatVersion>,
        source_tables: Vec<usize>,
        span: Option<Span>,
    ) -> FoundTable {
        FoundTable {
            id,
            layout,
            format,
            cells: Vec::new(),
            row_labels: Vec::new(),
            column_labels: Vec::new(),
            subtotals: Vec::new(),
            unreadable: Vec::new(),
            source_tables,
            span,
        }
    }

    pub fn cell(&self, row: RowId, column: ColumnId) -> Option<&MappedCell> {
        self.cells.iter().find(|c| c.row == row && c.column == column)
    }

    /// The whole table could not be read.
    pub fn is_unreadable(&self) -> bool {
        self.unreadable.iter().any(|u| u.row.is_none())
    }

    pub fn row_unreadable(&self, row: RowId) -> bool {
        self.unreadable.iter().any(|u| u.row.is_none_or(|r| r == row))
    }
}

/// A section heading as found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FoundSection {
    pub section: Section,
    /// The heading as printed.
    pub printed: String,
    pub span: Span,
    /// Index of the heading's block in the document.
    pub block: usize,
}

/// A report title line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Title {
    pub text: String,
    pub span: Span,
}

/// Everything recognition found.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    pub title: Option<Title>,
    /// The organ that reports (from the title), e.g. `息陬镇人民政府`.
    pub organ: Option<String>,
    /// The report (data) year, from the title, else from the 统计期限.
    pub year: Option<u16>,
    pub sections: Vec<FoundSection>,
    pub tables: Vec<FoundTable>,
    /// The revisions it was recognised with, for the rules.
    #[serde(skip)]
    pub formats: Formats,
    /// A statutory table's section holds no table cells, so its table can only be read from
    /// the section's text, and this build has no text readers (feature `text-readers`; the
    /// browser's eager module): the report cannot be checked here (TEXT-READERS-LOADING).
    /// Always `false` where the text readers are built in.
    #[serde(skip)]
    pub needs_text_readers: bool,
}

impl Report {
    pub fn table(&self, id: TableId) -> Option<&FoundTable> {
        self.tables.iter().find(|t| t.id == id)
    }
}
