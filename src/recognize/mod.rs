//! Recognition: from a [`Document`] to a [`Report`] — the title, year and organ, the six
//! sections, and the three statutory tables mapped cell by cell onto the official format.

pub mod format_version;
pub mod labels;
pub mod model;
pub mod prose;
pub mod sections;
pub mod tables;
#[cfg(feature = "text-readers")]
pub mod text_tables;
pub mod value;

pub use model::*;

use crate::document::{Block, Document, Paragraph, Span};
use crate::format::{Formats, TableId};

/// The messages of the text-table reader, in the builds that have it.
#[cfg(feature = "text-readers")]
pub(crate) const TEXT_TABLE_MESSAGES: &[&crate::message::Message] = text_tables::MESSAGES;
#[cfg(not(feature = "text-readers"))]
pub(crate) const TEXT_TABLE_MESSAGES: &[&crate::message::Message] = &[];

/// Recognise the report in `doc` in the official formats.
pub fn recognize(doc: &Document) -> Report {
    recognize_in(doc, Formats::OFFICIAL)
}

/// Recognise the report in `doc` in one of `formats`.
pub fn recognize_in(doc: &Document, formats: Formats) -> Report {
    let section_specs = formats.newest().sections;
    let sections = sections::find_sections(doc, section_specs);
    let first_section = sections.first().map(|s| s.block);
    let title = sections::find_title(doc, first_section);
    let organ = title.as_ref().and_then(|t| sections::organ_from_title(&t.text));
    let year = title
        .as_ref()
        .and_then(|t| sections::first_year(&t.text))
        .map(|(y, _)| y)
        .or_else(|| sections::period_year(doc));
    let mut tables = Vec::new();
    let mut needs_text_readers = false;
    // (A unit struct without the text readers.)
    #[allow(clippy::default_constructed_unit_structs)]
    let mut text_tokens = TextTokens::default();
    // What each of the document's tables looks like, worked out once for the three searches.
    let classes: Vec<Option<TableId>> = doc
        .blocks
        .iter()
        .map(|b| match b {
            Block::Table(t) => tables::classify(t, formats),
            _ => None,
        })
        .collect();
    for id in TableId::ALL {
        match find_table(doc, &sections, &classes, id, year, formats, &mut text_tokens) {
            Ok(Some(t)) => tables.push(t),
            Ok(None) => {}
            Err(NoTextReaders) => needs_text_readers = true,
        }
    }
    Report { title, organ, year, sections, tables, formats, needs_text_readers }
}

/// The block range of a section: from its heading to the next heading found.
fn section_range(sections: &[FoundSection], id: TableId, blocks: usize) -> Option<(usize, usize)> {
    let i = sections.iter().position(|s| s.section == id.section())?;
    let start = sections[i].block;
    let end = sections.get(i + 1).map_or(blocks, |s| s.block.max(start + 1));
    Some((start, end))
}

/// A table that only the text readers could read, in a build without them.
struct NoTextReaders;

/// What the text readers keep from one table of a document for the next (the tokens of a
/// section's text); nothing without them.
#[cfg(feature = "text-readers")]
type TextTokens = text_tables::SectionTokens;
#[cfg(not(feature = "text-readers"))]
#[derive(Default)]
struct TextTokens;

fn find_table(
    doc: &Document,
    sections: &[FoundSection],
    classes: &[Option<TableId>],
    id: TableId,
    year: Option<u16>,
    formats: Formats,
    text_tokens: &mut TextTokens,
) -> Result<Option<FoundTable>, NoTextReaders> {
    let range = section_range(sections, id, doc.blocks.len());
    let in_range = |i: usize| range.is_some_and(|(s, e)| i >= s && i < e);
    // Document tables that look like this statutory table, or that sit in its section and
    // look like no other (Markdown fragments holding only numbers).
    let mut picked: Vec<&crate::document::Table> = Vec::new();
    for (i, block) in doc.blocks.iter().enumerate() {
        let Block::Table(t) = block else { continue };
        let class = classes[i];
        if class == Some(id) && (range.is_none() || in_range(i) || !sections.iter().any(|s| s.section == id.section()))
            || (class.is_none() && in_range(i))
        {
            picked.push(t);
        }
    }
    // A table classified as this one outside its section only counts when no table sits in
    // the section itself.
    if picked.is_empty() {
        for (block, class) in doc.blocks.iter().zip(classes) {
            if let Block::Table(t) = block {
                if *class == Some(id) {
                    picked.push(t);
                }
            }
        }
        // Only the first run of such tables.
        picked.truncate(1);
    }
    if !picked.is_empty() {
        // The section's blocks (its tables and the loose lines around them); without a
        // section heading, the picked tables and what lies between them.
        let (from, to) = match range {
            Some((s, e))
                if picked
                    .iter()
                    .all(|t| doc.blocks[s..e].iter().any(|b| matches!(b, Block::Table(x) if x.index == t.index))) =>
            {
                (s + 1, e)
            }
            _ => {
                let pos = |t: &&crate::document::Table| {
                    doc.blocks.iter().position(|b| matches!(b, Block::Table(x) if x.index == t.index))
                };
                let s = picked.first().and_then(pos).unwrap_or(0);
                let e = picked.last().and_then(pos).map_or(doc.blocks.len(), |e| e + 1);
                (s, e)
            }
        };
        let run: Vec<&Block> = doc.blocks[from..to]
            .iter()
            .filter(|b| match b {
                Block::Table(t) => picked.iter().any(|p| p.index == t.index),
                Block::Paragraph(_) => true,
            })
            .collect();
        let rows = tables::read_blocks(&run, doc.input);
        let span = picked.iter().map(|t| t.span).reduce(Span::cover);
        let found = tables::map_table(id, &rows, year, formats, picked.iter().map(|t| t.index).collect(), span);
        return Ok(Some(found));
    }
    // No cells: read the section's text, up to the next heading even when that is run into
    // a paragraph (the table's last cells glued to it: `…3147230元三、收到和处理…`).
    let Some((start, end)) = range else { return Ok(None) };
    let end = if next_heading_is_run_in(doc, sections, id) { (end + 1).min(doc.blocks.len()) } else { end };
    let paragraphs: Vec<&Paragraph> = doc.blocks[start..end]
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(p),
            Block::Table(_) => None,
        })
        .collect();
    text_tables_fallback(text_tokens, id, &paragraphs, &doc.source, year, formats)
}

/// Does the heading after table `id`'s section sit inside its paragraph rather than open it?
fn next_heading_is_run_in(doc: &Document, sections: &[FoundSection], id: TableId) -> bool {
    let Some(i) = sections.iter().position(|s| s.section == id.section()) else { return false };
    let Some(next) = sections.get(i + 1) else { return false };
    match doc.blocks.get(next.block) {
        Some(Block::Paragraph(p)) => next.block > sections[i].block && !sections::opens(&p.text, &next.printed),
        _ => false,
    }
}

/// `source`: the text the paragraphs' spans point into ([`Document::source`]).
#[cfg(feature = "text-readers")]
fn text_tables_fallback(
    text_tokens: &mut TextTokens,
    id: TableId,
    paragraphs: &[&Paragraph],
    source: &str,
    year: Option<u16>,
    formats: Formats,
) -> Result<Option<FoundTable>, NoTextReaders> {
    Ok(text_tables::read_text_table_with(text_tokens, id, paragraphs, source, year, formats))
}

/// Without the text readers, a section with text and no table cells cannot be read here.
#[cfg(not(feature = "text-readers"))]
fn text_tables_fallback(
    _text_tokens: &mut TextTokens,
    _id: TableId,
    paragraphs: &[&Paragraph],
    _source: &str,
    _year: Option<u16>,
    _formats: Formats,
) -> Result<Option<FoundTable>, NoTextReaders> {
    if paragraphs.is_empty() {
        Ok(None)
    } else {
        Err(NoTextReaders)
    }
}
