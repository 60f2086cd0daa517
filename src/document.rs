//! The `Document`: what every reader produces and every later stage reads.
//!
//! A report, whatever shape it was pasted in (Word/WPS/Excel clipboard HTML, a portal
//! page, plain text, `pdftotext` output, Markdown), becomes an ordered list of
//! [`Block`]s. Every block and every table cell keeps the byte [`Span`] it came from in
//! the input, and every table cell has its DOM address (its position in its table:
//! [`Table::address`]), so diagnostics can point back at the exact place the user has to
//! fix. A long text report has hundreds of thousands of cells and grid positions, so
//! these are kept small: `u32` offsets, a table's cell texts in one string.

use std::borrow::Cow;

use serde::Serialize;

/// A half-open byte range `[start, end)` into the (UTF-8) input.
///
/// Serialised as a two-element array `[start, end]`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    pub fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub fn is_empty(self) -> bool {
        self.len() == 0
    }
}

impl Serialize for Span {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (self.start, self.end).serialize(s)
    }
}

/// Which reader produced the document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum InputKind {
    Html,
    Text,
    /// A live DOM handed over by the browser (an editor's content, or what `DOMParser` made
    /// of a string): cells have DOM addresses, nothing has a byte span.
    Dom,
    /// A Word or WPS `.docx` file: cells have their position in the file's tables, and spans
    /// count paragraphs (a block's span is the range of the indices of the `w:p` elements it
    /// came from), not bytes.
    Docx,
    /// A PDF, read by its pages' geometry: a block's or cell's span `[k, k + 1)` is the index
    /// of its place ([`Document::places`]: page and box), not bytes.
    Pdf,
}

impl InputKind {
    /// Read from markup (HTML, a DOM, a Word file) rather than from plain text: cells are
    /// real cells, with addresses, and the columns of a table line up.
    pub fn is_markup(self) -> bool {
        !matches!(self, InputKind::Text)
    }

    /// Spans are byte offsets into the input the caller gave (not for a DOM, whose spans point
    /// into the text its walker handed over — [`Document::source`] — which the caller never
    /// sees, nor for a Word file, whose spans count paragraphs).
    pub fn has_byte_spans(self) -> bool {
        matches!(self, InputKind::Html | InputKind::Text)
    }

    /// The name in JSON, as serialised: `"html"`, `"text"`, `"dom"`, `"docx"`, `"pdf"`.
    pub fn as_str(self) -> &'static str {
        match self {
            InputKind::Html => "html",
            InputKind::Text => "text",
            InputKind::Dom => "dom",
            InputKind::Docx => "docx",
            InputKind::Pdf => "pdf",
        }
    }
}

/// The whole input, read.
///
/// It keeps the text its spans point into ([`Document::source`], borrowed from the input
/// wherever it can be), so whatever reads the document finds the source of any block, cell or
/// sentence with [`Document::slice`] — whichever shape the report came in.
#[derive(Clone, Debug, Serialize)]
pub struct Document<'s> {
    pub input: InputKind,
    /// The text the spans are byte offsets into: the string or decoded file read (HTML or
    /// text), the text a browser's DOM walker handed over (a DOM: its text nodes' strings,
    /// which the spans of its blocks and cells point into), or "" for a Word file or a PDF,
    /// whose spans count paragraphs or places. Not in `dump --json`: it is the input.
    #[serde(skip)]
    pub source: Cow<'s, str>,
    pub blocks: Vec<Block>,
    /// What the reader noticed and repaired or skipped: lossy decoding, table-model
    /// errors, capped grids, hidden rows, dropped page footers, … Never silent.
    pub notes: Vec<ReadNote>,
    /// Tracked changes and comments a Word file still holds (empty for other inputs).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub marks: Vec<crate::read::docx::Mark>,
    /// For a PDF: where each block, row and cell was read from, which their spans index
    /// (empty for other inputs).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<PagePlace>,
    /// For a DOM: the byte range in [`Document::source`] of each text node the walker handed
    /// over, in its order (document order), so that a place in the source can be named as the
    /// browser finds it again — a text node and an offset in it ([`Document::text_point`]).
    /// Empty for other inputs.
    #[serde(skip)]
    pub dom_texts: Vec<(u32, u32)>,
}

/// A place in a DOM's text, as the browser finds it again: the index of a text node among the
/// text nodes the package's walker visits (document order, skipping what it skips: `script`,
/// `style`, …), and an offset in that node's data in UTF-16 code units.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct TextPoint {
    pub node: u32,
    pub offset: u32,
}

/// Where something of a PDF is: its page (1-based) and its box in points, rounded outwards,
/// from the page's top-left corner: `[left, top, right, bottom]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct PagePlace {
    pub page: u32,
    pub bbox: [u32; 4],
}

impl<'s> Document<'s> {
    /// The source text at `span` (`None` where the span is not a byte range of
    /// [`Document::source`]: a Word file's, a PDF's, or one off a character boundary).
    pub fn slice(&self, span: Span) -> Option<&str> {
        self.source.get(span.start..span.end)
    }

    /// The same document over another source text (the text its spans point into, when
    /// that is not the text it was read from: a decoded file's, kept beside it; none at all).
    pub fn with_source<'t>(self, source: impl Into<Cow<'t, str>>) -> Document<'t> {
        let Document { input, source: _, blocks, notes, marks, places, dom_texts } = self;
        Document { input, source: source.into(), blocks, notes, marks, places, dom_texts }
    }

    /// The document with its own copy of its source (to keep it past the input's life).
    pub fn into_owned(self) -> Document<'static> {
        let Document { input, source, blocks, notes, marks, places, dom_texts } = self;
        Document { input, source: Cow::Owned(source.into_owned()), blocks, notes, marks, places, dom_texts }
    }

    /// A DOM's byte offset `at` in [`Document::source`] as a text node and an offset in it
    /// ([`Document::dom_texts`]). `end`: `at` ends a run (it is then named in the node before
    /// it, at that node's end, rather than at the start of the next). `None` for other inputs,
    /// or an offset in no text node.
    pub fn text_point(&self, at: usize, end: bool) -> Option<TextPoint> {
        let at = u32::try_from(at).ok()?;
        // The text nodes' ranges come in document order, ascending.
        let after = self.dom_texts.partition_point(|&(start, _)| if end { start < at } else { start <= at });
        let node = after.checked_sub(1)?;
        let (start, stop) = self.dom_texts[node];
        if at > stop {
            return None;
        }
        let text = self.source.get(start as usize..at as usize)?;
        let offset = text.chars().map(char::len_utf16).sum::<usize>();
        Some(TextPoint { node: u32::try_from(node).ok()?, offset: u32::try_from(offset).ok()? })
    }

    pub fn paragraphs(&self) -> impl Iterator<Item = &Paragraph> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Paragraph(p) => Some(p),
            Block::Table(_) => None,
        })
    }

    pub fn tables(&self) -> impl Iterator<Item = &Table> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Table(t) => Some(&**t),
            Block::Paragraph(_) => None,
        })
    }
}

/// One block of the document, in reading order.
#[derive(Clone, Debug, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Block {
    Paragraph(Paragraph),
    Table(Box<Table>),
}

/// Running text. Whitespace is normalised: NBSP, the full-width space, tabs, line breaks
/// and runs of spaces become one ASCII space; zero-width characters are dropped; the text
/// is trimmed. Entities are decoded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Paragraph {
    pub text: String,
    pub span: Span,
}

/// Where a table cell sits in the source markup: the index of its `<table>` among all
/// `<table>` elements of the input in document order, of its `<tr>` among the rows of that
/// table, and of the cell among the cells of that row (the DOM's `cellIndex`).
///
/// For text input the same three indices count the tables, rows and cells the text
/// reader found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct CellAddress {
    pub table: u32,
    pub row: u32,
    pub cell: u32,
}

impl CellAddress {
    /// The address of cell `cell` of row `row` of table `table` (indices far below 2³²: inputs
    /// are capped at a few hundred MB and a table at 262 144 grid positions).
    pub fn new(table: usize, row: usize, cell: usize) -> CellAddress {
        let narrow = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
        CellAddress { table: narrow(table), row: narrow(row), cell: narrow(cell) }
    }
}

/// A cell as written in the source.
///
/// Kept small, as a long text report has tens of thousands of cells: its text sits in its
/// table's shared text ([`Table::text`]), and its [`CellAddress`] is its position (the
/// table's index, the row's among [`Table::rows`] and the cell's among [`Row::cells`]:
/// [`Table::address`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    /// Where the text is in the table's text; [`Table::text`] gives it. Normalised like
    /// [`Paragraph::text`]; block boundaries inside the cell become spaces.
    pub text: TextRange,
    /// For HTML, the whole element from `<td` to `</td>`; for text, the cell's characters
    /// ([`Cell::span`]).
    span: NarrowSpan,
    /// [`Cell::rowspan`].
    rowspan: u16,
    /// [`Cell::colspan`] in the low 15 bits, and [`Cell::HEADER`] for a `<th>`.
    colspan_and_header: u16,
}

impl Cell {
    /// The bit of `colspan_and_header` that marks a `<th>`.
    const HEADER: u16 = 1 << 15;

    /// A cell; `colspan` is at most 1000 (the HTML standard's clamping).
    pub fn new(text: TextRange, span: Span, rowspan: u16, colspan: u16, header: bool) -> Cell {
        let header = if header { Self::HEADER } else { 0 };
        Cell { text, span: NarrowSpan::new(span), rowspan, colspan_and_header: colspan.min(Self::HEADER - 1) | header }
    }

    /// Where the cell is in the input.
    pub fn span(&self) -> Span {
        self.span.wide()
    }

    /// After the HTML standard's clamping (1..=65534, 0 = to the end of the row group).
    pub fn rowspan(&self) -> u16 {
        self.rowspan
    }

    /// After the HTML standard's clamping (1..=1000), and 1 for Excel's fake merges
    /// (`mso-ignore:colspan`).
    pub fn colspan(&self) -> u16 {
        self.colspan_and_header & !Self::HEADER
    }

    /// `<th>` rather than `<td>`.
    pub fn header(&self) -> bool {
        self.colspan_and_header & Self::HEADER != 0
    }
}

/// A [`Span`] in half the room, for the many cells, rows and sentences of a long text:
/// offsets in `u32`. Inputs are capped far below 4 GiB; past that, offsets would saturate,
/// never wrap.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub(crate) struct NarrowSpan {
    start: u32,
    end: u32,
}

impl NarrowSpan {
    pub(crate) fn new(span: Span) -> NarrowSpan {
        let narrow = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
        NarrowSpan { start: narrow(span.start), end: narrow(span.end) }
    }

    pub(crate) fn wide(self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }
}

/// Where a cell's text sits in its table's text: byte offsets, always at character
/// boundaries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct TextRange {
    start: u32,
    end: u32,
}

impl TextRange {
    pub fn len(self) -> usize {
        (self.end as usize).saturating_sub(self.start as usize)
    }

    pub fn is_empty(self) -> bool {
        self.len() == 0
    }

    /// This range of `text` ("" when it does not fit there).
    fn of(self, text: &str) -> &str {
        text.get(self.start as usize..self.end as usize).unwrap_or("")
    }
}

/// The texts of a table's cells, one after another in one string, as a reader gathers them.
#[derive(Debug, Default)]
pub struct CellTexts {
    text: String,
}

impl CellTexts {
    /// Append a cell's text; returns where it is. (Past 4 GiB of cell text in one table,
    /// which no accepted input reaches, texts are left empty rather than misplaced.)
    pub fn push(&mut self, text: &str) -> TextRange {
        let start = self.text.len();
        let end = start.saturating_add(text.len());
        match (u32::try_from(start), u32::try_from(end)) {
            (Ok(start), Ok(end)) => {
                self.text.push_str(text);
                TextRange { start, end }
            }
            _ => TextRange::default(),
        }
    }

    /// The text at `range` ("" for a range that is not from here).
    pub fn get(&self, range: TextRange) -> &str {
        range.of(&self.text)
    }

    /// All the texts, without spare capacity (a table keeps them for the whole check).
    pub fn finish(self) -> Box<str> {
        self.text.into_boxed_str()
    }
}

/// A cell with its text and address, serialised as `dump --json` prints it: `text`, `span`,
/// the address's `table`, `row` and `cell`, `rowspan`, `colspan`, and `header` when true.
struct CellJson<'a> {
    cell: &'a Cell,
    text: &'a str,
    address: CellAddress,
}

impl Serialize for CellJson<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let c = self.cell;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("text", self.text)?;
        m.serialize_entry("span", &c.span())?;
        m.serialize_entry("table", &self.address.table)?;
        m.serialize_entry("row", &self.address.row)?;
        m.serialize_entry("cell", &self.address.cell)?;
        m.serialize_entry("rowspan", &c.rowspan())?;
        m.serialize_entry("colspan", &c.colspan())?;
        if c.header() {
            m.serialize_entry("header", &true)?;
        }
        m.end()
    }
}

/// Why a source row takes no part in the grid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RowSkip {
    /// Word's/Excel's `supportMisalignedColumns` phantom row (or an empty `height=0` row).
    Phantom,
    /// `display:none` / `mso-hidden` / `mso-zero-height:yes`: invisible to the reader of the page.
    Hidden,
}

/// A source row (`<tr>`, a line of a text table).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// [`Row::span`].
    span: NarrowSpan,
    /// Index of the row group (`<thead>`/`<tbody>`/`<tfoot>`, or the implied one) the row
    /// belongs to; `rowspan=0` runs to the end of it.
    pub group: u32,
    pub skipped: Option<RowSkip>,
    /// Exactly its cells, no spare capacity (kept for the whole check).
    pub cells: Box<[Cell]>,
}

impl Row {
    pub fn new(span: Span, group: u32, skipped: Option<RowSkip>, cells: Box<[Cell]>) -> Row {
        Row { span: NarrowSpan::new(span), group, skipped, cells }
    }

    /// Where the row is in the input (for HTML, the `<tr>` element).
    pub fn span(&self) -> Span {
        self.span.wide()
    }
}

/// A reference to a source cell: `rows[row].cells[cell]` of the same table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct CellRef {
    pub row: u32,
    pub cell: u32,
}

/// One position of the resolved grid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Slot {
    /// No cell covers this position (a ragged row).
    Empty,
    /// The top-left position of a cell.
    Anchor(CellRef),
    /// A position covered by a cell's rowspan/colspan, not its top-left one.
    Covered(CellRef),
}

impl Slot {
    pub fn cell(self) -> Option<CellRef> {
        match self {
            Slot::Empty => None,
            Slot::Anchor(c) | Slot::Covered(c) => Some(c),
        }
    }
}

/// A table: its source rows and cells, and the grid they form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    /// Index of the `<table>` among all `<table>` elements (text: among the tables found).
    pub index: usize,
    pub span: Span,
    pub rows: Vec<Row>,
    pub grid: Grid,
    /// The texts of all its cells, one after another ([`Cell::text`] says where each is).
    pub texts: Box<str>,
    /// For a Word file: the cells whose position in the file (`w:tr`, `w:tc`) is not their
    /// position here, sorted — a cell after a vertically merged one (whose continuation
    /// `w:tc` is no cell here). Empty for every other input.
    file_cells: Box<[(CellRef, CellRef)]>,
}

impl Table {
    /// The text of one of this table's cells ("" for a cell from another table).
    pub fn text(&self, cell: &Cell) -> &str {
        cell.text.of(&self.texts)
    }

    pub fn cell(&self, r: CellRef) -> Option<&Cell> {
        self.rows.get(r.row as usize)?.cells.get(r.cell as usize)
    }

    /// A table of these rows and grid.
    pub fn new(index: usize, span: Span, rows: Vec<Row>, grid: Grid, texts: Box<str>) -> Table {
        Table { index, span, rows, grid, texts, file_cells: Box::default() }
    }

    /// The source address of the cell at `r`: this table's index, the row, the cell (in a
    /// Word file, the `w:tr` and `w:tc` positions).
    pub fn address(&self, r: CellRef) -> CellAddress {
        let at = match self.file_cells.binary_search_by_key(&(r.row, r.cell), |(here, _)| (here.row, here.cell)) {
            Ok(i) => self.file_cells[i].1,
            Err(_) => r,
        };
        CellAddress::new(self.index, at.row as usize, at.cell as usize)
    }

    /// Set the file positions of the cells that are elsewhere in the file (sorted by their
    /// position here).
    pub fn set_file_addresses(&mut self, cells: Vec<(CellRef, CellRef)>) {
        self.file_cells = cells.into_boxed_slice();
    }

    /// The text at a grid position: `Some` only where a cell is anchored.
    pub fn anchored_text(&self, row: usize, col: usize) -> Option<&str> {
        match self.grid.get(row, col)? {
            Slot::Anchor(c) => self.cell(c).map(|c| self.text(c)),
            _ => None,
        }
    }

    /// The text of whatever cell covers a grid position (anchor or covered).
    pub fn text_at(&self, row: usize, col: usize) -> Option<&str> {
        let c = self.grid.get(row, col)?.cell()?;
        self.cell(c).map(|c| self.text(c))
    }

    /// The grid as text, `None` for covered and empty positions (as `dump --json` prints it).
    pub fn grid_texts(&self) -> Vec<Vec<Option<&str>>> {
        (0..self.grid.height()).map(|r| (0..self.grid.width()).map(|c| self.anchored_text(r, c)).collect()).collect()
    }

    /// All source cells in source order.
    pub fn cells(&self) -> impl Iterator<Item = &Cell> {
        self.rows.iter().flat_map(|r| r.cells.iter())
    }
}

impl Serialize for Table {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Table", 4)?;
        st.serialize_field("index", &self.index)?;
        st.serialize_field("span", &self.span)?;
        st.serialize_field("grid", &self.grid_texts())?;
        let cells: Vec<CellJson> = (self.rows.iter().enumerate())
            .flat_map(|(r, row)| {
                row.cells.iter().enumerate().map(move |(c, cell)| CellJson {
                    cell,
                    text: self.text(cell),
                    address: self.address(CellRef { row: r as u32, cell: c as u32 }),
                })
            })
            .collect();
        st.serialize_field("cells", &cells)?;
        st.end()
    }
}

/// The resolved grid: `height × width` slots, row-major.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Grid {
    width: usize,
    /// Exactly `height × width` positions, each a [`Slot`] in 8 bytes rather than 12 (a long
    /// text has hundreds of thousands).
    slots: Vec<PackedSlot>,
    /// For each grid row, the source row it was formed from (`None` for rows that exist
    /// only because a rowspan ran past the last source row).
    pub source_rows: Vec<Option<u32>>,
}

impl Grid {
    /// The grid of the rows `rows` (each padded with [`Slot::Empty`] to `width`).
    pub fn from_rows(width: usize, rows: Vec<Vec<Slot>>, mut source_rows: Vec<Option<u32>>) -> Grid {
        let mut slots = Vec::with_capacity(width.saturating_mul(rows.len()));
        for row in &rows {
            for x in 0..width {
                slots.push(PackedSlot::pack(row.get(x).copied().unwrap_or(Slot::Empty)));
            }
        }
        source_rows.shrink_to_fit();
        Grid { width, slots, source_rows }
    }

    pub fn width(&self) -> usize {
        self.width
    }

    pub fn height(&self) -> usize {
        self.slots.len().checked_div(self.width).unwrap_or(0)
    }

    pub fn get(&self, row: usize, col: usize) -> Option<Slot> {
        if col >= self.width {
            return None;
        }
        self.slots.get(row.checked_mul(self.width)?.checked_add(col)?).map(|s| s.unpack())
    }

    /// The slots of one grid row, left to right (none past the last row).
    pub fn row(&self, row: usize) -> impl ExactSizeIterator<Item = Slot> + '_ {
        let start = row.saturating_mul(self.width).min(self.slots.len());
        let end = start.saturating_add(self.width).min(self.slots.len());
        self.slots[start..end].iter().map(|s| s.unpack())
    }
}

/// A [`Slot`] in 8 bytes: the cell's row, with [`PackedSlot::COVERED`] set for a covered
/// position, and its index in the row; [`PackedSlot::EMPTY`] for an empty position. (Row
/// indices stay far below 2³¹; a slot that could not be packed reads as empty.)
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct PackedSlot {
    row: u32,
    cell: u32,
}

impl PackedSlot {
    const COVERED: u32 = 1 << 31;
    const EMPTY: PackedSlot = PackedSlot { row: u32::MAX, cell: u32::MAX };

    fn pack(slot: Slot) -> PackedSlot {
        match slot {
            Slot::Anchor(c) if c.row < Self::COVERED => PackedSlot { row: c.row, cell: c.cell },
            Slot::Covered(c) if c.row < Self::COVERED - 1 => PackedSlot { row: c.row | Self::COVERED, cell: c.cell },
            _ => Self::EMPTY,
        }
    }

    fn unpack(self) -> Slot {
        if self == Self::EMPTY {
            Slot::Empty
        } else if self.row & Self::COVERED != 0 {
            Slot::Covered(CellRef { row: self.row & !Self::COVERED, cell: self.cell })
        } else {
            Slot::Anchor(CellRef { row: self.row, cell: self.cell })
        }
    }
}

/// Something the reader noticed. Later stages turn the relevant ones into diagnostics
/// (e.g. `GRID-OVERLAP`); `dump` prints them all.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ReadNote {
    pub kind: NoteKind,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    /// The table concerned (its [`Table::index`]), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table: Option<usize>,
    /// The grid position concerned, if any: `[row, column]`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub position: Option<(usize, usize)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NoteKind {
    /// The input had malformed byte sequences in its encoding, decoded as U+FFFD.
    LossyDecoding,
    /// NUL or other control characters were removed.
    ControlCharacters,
    /// Two cells cover one grid position (an HTML table-model error).
    GridOverlap,
    /// A row of the grid in which no cell begins (a rowspan ran past the last row).
    GridRowWithoutCell,
    /// The grid would have exceeded the cell budget; spans were clipped.
    GridCapped,
    /// A row hidden with `display:none` (or Excel's hidden rows) was left out of the grid.
    HiddenRow,
    /// Excel's `mso-ignore:colspan` fake merge, read as a single cell.
    FakeMerge,
    /// A page footer such as `-3-` or `— 1 —` was removed from the text.
    PageFooter,
    /// Site navigation, headers and footers around the article were left out.
    SiteChrome,
    /// A layout table (one used to position the page, not holding data) was read as flow.
    LayoutTable,
    /// Block elements nested absurdly deep (thousands of levels) were flattened.
    NestingCapped,
    /// Text a Word file formats as hidden (`w:vanish`) was left out.
    HiddenText,
    /// A byte-order mark decided the encoding against the page's declaration or `--encoding`.
    EncodingOverruled,
}
