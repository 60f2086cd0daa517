//! The `.docx` package: a ZIP archive of XML parts linked by relationships. This module
//! finds the parts the reader needs (the main document, its numbering, styles and comments)
//! and inflates them within limits, so that no archive — a zip bomb, a million entries, a
//! damaged one — can take more than a bounded amount of time and memory.
//!
//! The `zip` crate does the archive (with flate2's pure-Rust inflate); the limits are ours.

use std::io::{Cursor, Read};

use crate::read::ReadError;

use super::{DocxProblem, MAX_ENTRIES, MAX_PART_BYTES, MAX_TOTAL_BYTES};

/// The parts of a Word document that the reader uses, as text.
#[derive(Debug, Default)]
pub struct Parts {
    pub document: String,
    pub numbering: Option<String>,
    pub styles: Option<String>,
    pub comments: Option<String>,
}

/// Open the archive and read the parts of its main document.
pub fn read_parts(bytes: &[u8]) -> Result<Parts, ReadError> {
    let entries = entry_count(bytes).ok_or_else(|| DocxProblem::Damaged("no central directory".into()))?;
    if entries > MAX_ENTRIES {
        return Err(DocxProblem::TooManyEntries(entries).into());
    }
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| DocxProblem::Damaged(e.to_string()))?;
    let mut budget = MAX_TOTAL_BYTES;
    let package_rels = read_part(&mut zip, "_rels/.rels", &mut budget)?;
    let Some(main) = package_rels.as_deref().and_then(|rels| target(rels, "", "officeDocument")) else {
        return Err(not_a_word_document(&mut zip));
    };
    let document = read_part(&mut zip, &main, &mut budget)?.ok_or_else(|| DocxProblem::PartMissing(main.clone()))?;
    if document.contains("spreadsheetml") || document.contains("presentationml") {
        return Err(not_a_word_document(&mut zip));
    }
    // The document's own relationships: `word/_rels/document.xml.rels` for `word/document.xml`.
    let (dir, name) = main.rsplit_once('/').unwrap_or(("", main.as_str()));
    let rels_path = if dir.is_empty() { format!("_rels/{name}.rels") } else { format!("{dir}/_rels/{name}.rels") };
    let rels = read_part(&mut zip, &rels_path, &mut budget)?.unwrap_or_default();
    let mut related = |kind: &str| -> Result<Option<String>, ReadError> {
        match target(&rels, dir, kind) {
            Some(path) => read_part(&mut zip, &path, &mut budget),
            None => Ok(None),
        }
    };
    Ok(Parts { numbering: related("numbering")?, styles: related("styles")?, comments: related("comments")?, document })
}

/// What a ZIP archive that holds no Word document is, for the message.
fn not_a_word_document(zip: &mut zip::ZipArchive<Cursor<&[u8]>>) -> ReadError {
    let has = |zip: &zip::ZipArchive<Cursor<&[u8]>>, name: &str| zip.index_for_name(name).is_some();
    let kind = if has(zip, "xl/workbook.xml") {
        "xlsx"
    } else if has(zip, "ppt/presentation.xml") {
        "pptx"
    } else if has(zip, "content.xml") && has(zip, "mimetype") {
        "odt"
    } else if has(zip, "word/document.xml") {
        "no-main"
    } else {
        "zip"
    };
    DocxProblem::NotWord(super::records::not_word(kind).unwrap_or_default()).into()
}

/// The number of entries the archive's end-of-central-directory record declares (the
/// zip64 record when the classic one says 0xFFFF), read before the archive is opened so a
/// central directory of millions of entries is never parsed.
fn entry_count(bytes: &[u8]) -> Option<usize> {
    const EOCD: &[u8] = b"PK\x05\x06";
    // The record is 22 bytes plus a comment of at most 65 535.
    let tail = bytes.len().saturating_sub(22 + 65_535);
    let at = (tail..bytes.len().saturating_sub(21)).rev().find(|&i| bytes[i..].starts_with(EOCD))?;
    let total = u16::from_le_bytes([bytes[at + 10], bytes[at + 11]]);
    if total != 0xFFFF {
        return Some(usize::from(total));
    }
    // Zip64: the locator (20 bytes) just before says where the zip64 record is.
    let locator = at.checked_sub(20)?;
    if !bytes[locator..].starts_with(b"PK\x06\x07") {
        return Some(usize::MAX);
    }
    let offset = u64::from_le_bytes(bytes[locator + 8..locator + 16].try_into().ok()?);
    let record = usize::try_from(offset).ok()?;
    let count = bytes.get(record + 32..record + 40)?;
    Some(usize::try_from(u64::from_le_bytes(count.try_into().ok()?)).unwrap_or(usize::MAX))
}

/// Inflate one part as text, within the per-part and total limits (`None` if the archive has
/// no such part). The sizes the archive declares are not trusted: what is inflated is
/// counted as it comes.
fn read_part(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    path: &str,
    budget: &mut u64,
) -> Result<Option<String>, ReadError> {
    let mut file = match zip.by_name(path) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(DocxProblem::PartDamaged(path.into(), e.to_string()).into()),
    };
    if file.encrypted() {
        return Err(ReadError::Encrypted);
    }
    let limit = MAX_PART_BYTES.min(*budget);
    let mut bytes = Vec::with_capacity(usize::try_from(file.size().min(limit)).unwrap_or(0));
    (&mut file)
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| DocxProblem::PartDamaged(path.into(), e.to_string()))?;
    if bytes.len() as u64 > limit {
        return Err(DocxProblem::PartTooLarge(path.into(), limit).into());
    }
    *budget -= bytes.len() as u64;
    xml_text(bytes).map(Some).map_err(|why| DocxProblem::PartDamaged(path.into(), why.into()).into())
}

/// The text of an XML part: UTF-8 (with or without a byte-order mark) or UTF-16 with one.
fn xml_text(bytes: Vec<u8>) -> Result<String, &'static str> {
    let utf16 = |bytes: &[u8], from: fn([u8; 2]) -> u16| {
        let units: Vec<u16> = bytes.chunks_exact(2).map(|c| from([c[0], c[1]])).collect();
        String::from_utf16(&units).map_err(|_| "not valid UTF-16")
    };
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, u16::from_be_bytes);
    }
    let mut text = String::from_utf8(bytes).map_err(|_| "not valid UTF-8")?;
    if text.starts_with('\u{feff}') {
        text.drain(..3);
    }
    Ok(text)
}

/// The target of the first relationship of type `…/kind` in a `.rels` part, as a path in
/// the archive (`base` is the folder of the part the relationships belong to). External
/// targets (links to the web) are not parts.
fn target(rels: &str, base: &str, kind: &str) -> Option<String> {
    let doc = super::wordml::parse_xml(rels)?;
    let rel = doc.descendants().find(|n| {
        n.has_tag_name("Relationship")
            && n.attribute("Type").is_some_and(|t| t.rsplit('/').next() == Some(kind))
            && n.attribute("TargetMode") != Some("External")
    })?;
    let target = rel.attribute("Target")?;
    Some(resolve(base, target))
}

/// A relationship's target relative to the folder `base` (or absolute, from the archive's
/// root), with `.` and `..` resolved.
fn resolve(base: &str, target: &str) -> String {
    let mut parts: Vec<&str> = if let Some(abs) = target.strip_prefix('/') {
        abs.split('/').collect()
    } else {
        base.split('/').chain(target.split('/')).collect()
    };
    let mut out: Vec<&str> = Vec::new();
    for p in parts.drain(..) {
        match p {
            "" | "." => {}
            ".." => {
                out.pop();
            }
            p => out.push(p),
        }
    }
    out.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_relationship_targets() {
        assert_eq!(resolve("", "word/document.xml"), "word/document.xml");
        assert_eq!(resolve("word", "numbering.xml"), "word/numbering.xml");
        assert_eq!(resolve("word", "/word/styles.xml"), "word/styles.xml");
        assert_eq!(resolve("word", "../customXml/item1.xml"), "customXml/item1.xml");
    }

    #[test]
    fn reads_xml_parts_in_utf8_and_utf16() {
        assert_eq!(xml_text("\u{feff}<a/>".as_bytes().to_vec()).unwrap(), "<a/>");
        let utf16: Vec<u8> =
            [0xFF, 0xFE].into_iter().chain("<a>字</a>".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert_eq!(xml_text(utf16).unwrap(), "<a>字</a>");
        assert!(xml_text(vec![0xff, 0x00, 0x41]).is_err());
    }
}
