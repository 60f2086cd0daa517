//! Fonts as the text interpreter needs them: how a shown string splits into codes, each
//! code's text and its advance width (ISO 32000-1 §9.6–9.10).
//!
//! * Text: the font's `ToUnicode` map first (what every CJK font in the reports carries);
//!   else, for a simple font, its encoding (standard encodings and `Differences` glyph names,
//!   through lopdf); else, for a CID font with a predefined CJK CMap, the code itself decoded
//!   in that CMap's character set (`UniGB-UCS2-H`, `UniGB-UTF16-H`: UTF-16; `GBK-EUC-H`,
//!   `GBpc-EUC-H`, `GBK2K-H`: GB18030; `B5pc-H`, `ETen-B5-H`: Big5; `90ms-RKSJ-H`: Shift_JIS;
//!   the EUC CMaps of Japan and Korea). `Identity-H` without a `ToUnicode` map has no text: its
//!   codes are glyph numbers of the embedded font (U+FFFD).
//! * Widths: a simple font's `Widths` from `FirstChar` (else its `MissingWidth`, else half an
//!   em); a CID font's `W` array by CID, else `DW` (1000). The CID is the code for
//!   `Identity-H`/`-V`, the `cidchar`/`cidrange` of an embedded CMap; a predefined CMap's
//!   table of CIDs is not carried (it would weigh megabytes): its one-byte ASCII codes take the
//!   CIDs every Adobe CJK collection gives them (CID 1–95 for U+0020–007E), the rest `DW`.

use super::cmap::CMap;
use super::{PdfProblem, Source};
use lopdf::{Dictionary, Document, Object};

/// How a string splits into codes.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Codes {
    /// Simple fonts.
    OneByte,
    /// `Identity-H`/`-V`, UCS-2 CMaps.
    TwoBytes,
    /// UTF-16 CMaps: two bytes, four for a surrogate pair.
    Utf16,
    /// Multi-byte legacy sets: one byte up to `single_max`, else two (four for GB18030's
    /// four-byte codes when `four` is set).
    Legacy { single_max: u8, four: bool },
    /// By the embedded encoding CMap's (or else the ToUnicode map's) code space.
    CodeSpace,
}

/// A predefined CMap's character set, to decode codes without a ToUnicode map.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Charset {
    None,
    Utf16,
    Encoding(&'static encoding_rs::Encoding),
}

/// `W` array entries: CIDs `first..=last` with one width each or all the same.
#[derive(Clone, Debug)]
enum CidWidths {
    Each(u32, Vec<f32>),
    Same(u32, u32, f32),
}

#[derive(Clone, Debug)]
pub struct Font {
    codes: Codes,
    to_unicode: Option<CMap>,
    /// An embedded encoding CMap (CID fonts).
    encoding_cmap: Option<CMap>,
    identity: bool,
    charset: Charset,
    /// A simple font's text per byte, from its encoding (when it has no ToUnicode entry).
    simple_text: Option<Vec<String>>,
    /// A simple font's widths from `first_char`, in text space units per unit of font size.
    simple_widths: Vec<f32>,
    first_char: u32,
    /// Missing width (simple) or `DW` (CID), same units.
    default_width: f32,
    /// Sorted by first CID.
    cid_widths: Vec<CidWidths>,
    /// Vertical writing (`-V` CMaps): glyphs advance downwards by one em.
    pub vertical: bool,
}

/// One code of a shown string.
pub struct Glyph {
    pub text: String,
    /// Horizontal advance in text space units per unit of font size (w0 / 1000).
    pub width: f32,
    /// A single-byte code 32: word spacing applies to it.
    pub word_space: bool,
}

fn number(doc: &Document, o: &Object) -> Option<f32> {
    doc.dereference(o).ok()?.1.as_float().ok().filter(|v| v.is_finite())
}

fn deref<'a>(doc: &'a Document, o: &'a Object) -> Option<&'a Object> {
    doc.dereference(o).ok().map(|(_, o)| o)
}

fn dict_get<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    deref(doc, dict.get(key).ok()?)
}

/// Legacy CJK character sets of predefined CMaps, by the CMap's name.
fn predefined(name: &[u8]) -> (Codes, Charset) {
    let name = String::from_utf8_lossy(name);
    let stem = name.trim_end_matches("-H").trim_end_matches("-V");
    if stem.starts_with("Identity") {
        return (Codes::TwoBytes, Charset::None);
    }
    if stem.contains("UCS2") {
        return (Codes::TwoBytes, Charset::Utf16);
    }
    if stem.contains("UTF16") {
        return (Codes::Utf16, Charset::Utf16);
    }
    let legacy = |single_max, four, enc| (Codes::Legacy { single_max, four }, Charset::Encoding(enc));
    if stem.starts_with("GB") {
        return legacy(0x80, stem.starts_with("GBK2K"), encoding_rs::GB18030);
    }
    if stem.starts_with("B5") || stem.starts_with("ETen") || stem.starts_with("HKscs") || stem.starts_with("CNS-EUC") {
        return legacy(0x80, false, encoding_rs::BIG5);
    }
    if stem.contains("RKSJ") {
        return (Codes::Legacy { single_max: 0x80, four: false }, Charset::Encoding(encoding_rs::SHIFT_JIS));
    }
    if stem.starts_with("EUC") {
        return legacy(0x8d, false, encoding_rs::EUC_JP);
    }
    if stem.starts_with("KSC") {
        return legacy(0x80, false, encoding_rs::EUC_KR);
    }
    (Codes::CodeSpace, Charset::None)
}

impl Font {
    /// The font of a font dictionary. Only a stream that cannot be inflated within the limits
    /// is an error; anything else missing or malformed falls back to defaults, as viewers do.
    pub fn load(src: &Source, dict: &Dictionary) -> Result<Font, PdfProblem> {
        let doc = src.doc;
        let mut font = Font {
            codes: Codes::OneByte,
            to_unicode: None,
            encoding_cmap: None,
            identity: false,
            charset: Charset::None,
            simple_text: None,
            simple_widths: Vec::new(),
            first_char: 0,
            default_width: 0.5,
            cid_widths: Vec::new(),
            vertical: false,
        };
        if let Some(Object::Stream(s)) = dict_get(doc, dict, b"ToUnicode") {
            font.to_unicode = Some(CMap::parse(&src.stream_data(s)?));
        }
        let subtype = dict_get(doc, dict, b"Subtype").and_then(|o| o.as_name().ok()).unwrap_or(b"");
        if subtype == b"Type0" {
            font.load_cid(src, dict)?;
        } else {
            font.load_simple(doc, dict, subtype == b"Type3");
        }
        Ok(font)
    }

    fn load_cid(&mut self, src: &Source, dict: &Dictionary) -> Result<(), PdfProblem> {
        let doc = src.doc;
        self.default_width = 1.0;
        match dict_get(doc, dict, b"Encoding") {
            Some(Object::Name(name)) => {
                (self.codes, self.charset) = predefined(name);
                self.identity = name.starts_with(b"Identity");
                self.vertical = name.ends_with(b"-V");
            }
            Some(Object::Stream(s)) => {
                let cmap = CMap::parse(&src.stream_data(s)?);
                if let Some(uses) = &cmap.uses {
                    (self.codes, self.charset) = predefined(uses);
                    self.identity = uses.starts_with(b"Identity");
                }
                self.vertical = matches!(s.dict.get(b"WMode").ok().and_then(|o| o.as_i64().ok()), Some(1));
                if cmap.has_code_space() {
                    self.codes = Codes::CodeSpace;
                }
                self.encoding_cmap = Some(cmap);
            }
            _ => self.codes = Codes::TwoBytes,
        }
        let descendant = dict_get(doc, dict, b"DescendantFonts")
            .and_then(|o| o.as_array().ok())
            .and_then(|a| a.first())
            .and_then(|o| deref(doc, o))
            .and_then(|o| o.as_dict().ok());
        let Some(descendant) = descendant else { return Ok(()) };
        if let Some(dw) = dict_get(doc, descendant, b"DW").and_then(|o| number(doc, o)) {
            self.default_width = dw / 1000.0;
        }
        if let Some(Object::Array(w)) = dict_get(doc, descendant, b"W") {
            let mut i = 0;
            while i < w.len() && self.cid_widths.len() < 65_536 {
                let Some(first) = number(doc, &w[i]) else { break };
                let first = first.max(0.0) as u32;
                match deref(doc, w.get(i + 1).unwrap_or(&Object::Null)) {
                    Some(Object::Array(each)) => {
                        let widths = each.iter().map(|o| number(doc, o).unwrap_or(1000.0) / 1000.0).collect();
                        self.cid_widths.push(CidWidths::Each(first, widths));
                        i += 2;
                    }
                    Some(o) => {
                        let (Some(last), Some(width)) = (number(doc, o), w.get(i + 2).and_then(|o| number(doc, o)))
                        else {
                            break;
                        };
                        self.cid_widths.push(CidWidths::Same(first, last.max(0.0) as u32, width / 1000.0));
                        i += 3;
                    }
                    None => break,
                }
            }
            self.cid_widths.sort_by_key(|w| match w {
                CidWidths::Each(first, _) | CidWidths::Same(first, _, _) => *first,
            });
        }
        Ok(())
    }

    fn load_simple(&mut self, doc: &Document, dict: &Dictionary, type3: bool) {
        // Type 3 glyph widths are in glyph space, scaled by the font matrix.
        let scale = if type3 {
            dict_get(doc, dict, b"FontMatrix")
                .and_then(|o| o.as_array().ok())
                .and_then(|m| m.first())
                .and_then(|o| number(doc, o))
                .unwrap_or(0.001)
        } else {
            0.001
        };
        let base = dict_get(doc, dict, b"BaseFont").and_then(|o| o.as_name().ok()).unwrap_or(b"");
        let descriptor = dict_get(doc, dict, b"FontDescriptor").and_then(|o| o.as_dict().ok());
        if let Some(missing) = descriptor.and_then(|d| dict_get(doc, d, b"MissingWidth")).and_then(|o| number(doc, o)) {
            self.default_width = missing * scale;
        } else if base.windows(7).any(|w| w == b"Courier") {
            self.default_width = 0.6;
        }
        self.first_char = dict_get(doc, dict, b"FirstChar").and_then(|o| number(doc, o)).unwrap_or(0.0).max(0.0) as u32;
        if let Some(Object::Array(widths)) = dict_get(doc, dict, b"Widths") {
            self.simple_widths = widths.iter().take(256).map(|o| number(doc, o).unwrap_or(0.0) * scale).collect();
        }
        if let Ok(encoding) = dict.get_font_encoding(doc) {
            self.simple_text =
                Some((0u8..=255).map(|b| Document::decode_text(&encoding, &[b]).unwrap_or_default()).collect());
        }
    }

    /// The length of the code at the start of `bytes` (at least 1).
    fn code_len(&self, bytes: &[u8]) -> usize {
        let len = match self.codes {
            Codes::OneByte => 1,
            Codes::TwoBytes => 2,
            Codes::Utf16 => {
                if (0xd8..=0xdb).contains(&bytes[0]) {
                    4
                } else {
                    2
                }
            }
            Codes::Legacy { single_max, four } => {
                if bytes[0] <= single_max {
                    1
                } else if four && bytes.get(1).is_some_and(|b| (0x30..=0x39).contains(b)) {
                    4
                } else {
                    2
                }
            }
            Codes::CodeSpace => match (&self.encoding_cmap, &self.to_unicode) {
                (Some(c), _) if c.has_code_space() => c.code_len(bytes, 2),
                (_, Some(c)) if c.has_code_space() => c.code_len(bytes, 2),
                _ => 2,
            },
        };
        len.clamp(1, bytes.len().max(1))
    }

    fn cid(&self, len: usize, code: u32) -> Option<u32> {
        if let Some(c) = self.encoding_cmap.as_ref().and_then(|m| m.cid(len, code)) {
            return Some(c);
        }
        if self.identity {
            return Some(code);
        }
        // Predefined CMaps: printable ASCII has CIDs 1–95 in every Adobe CJK collection.
        let ascii = match self.codes {
            Codes::TwoBytes | Codes::Utf16 => len == 2,
            _ => len == 1,
        };
        (ascii && (0x20..=0x7e).contains(&code)).then(|| code - 0x1f)
    }

    fn cid_width(&self, cid: u32) -> Option<f32> {
        let end = self.cid_widths.partition_point(|w| match w {
            CidWidths::Each(first, _) | CidWidths::Same(first, _, _) => *first <= cid,
        });
        self.cid_widths[..end].iter().rev().take(4).find_map(|w| match w {
            CidWidths::Each(first, widths) => widths.get((cid - first) as usize).copied(),
            CidWidths::Same(_, last, width) => (cid <= *last).then_some(*width),
        })
    }

    fn text(&self, bytes: &[u8], code: u32) -> String {
        let len = bytes.len();
        // A simple font's one-byte codes are sometimes mapped as two-byte ones.
        let mapped = self
            .to_unicode
            .as_ref()
            .and_then(|m| m.text(len, code).or_else(|| (len == 1).then(|| m.text(2, code)).flatten()));
        if let Some(t) = mapped {
            return t;
        }
        if let (Some(table), 1) = (&self.simple_text, len) {
            if !table[bytes[0] as usize].is_empty() {
                return table[bytes[0] as usize].clone();
            }
        }
        match self.charset {
            Charset::Utf16 => {
                char::decode_utf16(bytes.chunks(2).map(|c| u16::from(c[0]) << 8 | u16::from(*c.get(1).unwrap_or(&0))))
                    .map(|r| r.unwrap_or('\u{fffd}'))
                    .collect()
            }
            Charset::Encoding(enc) => enc.decode_without_bom_handling(bytes).0.into_owned(),
            Charset::None => '\u{fffd}'.to_string(),
        }
    }

    /// Each code of a shown string, in order.
    pub fn glyphs(&self, mut bytes: &[u8], mut each: impl FnMut(Glyph)) {
        while !bytes.is_empty() {
            let len = self.code_len(bytes);
            let (code_bytes, rest) = bytes.split_at(len);
            bytes = rest;
            let code = code_bytes.iter().fold(0u32, |v, &b| v << 8 | u32::from(b));
            let width = if self.codes == Codes::OneByte {
                code.checked_sub(self.first_char)
                    .and_then(|i| self.simple_widths.get(i as usize).copied())
                    .unwrap_or(self.default_width)
            } else {
                self.cid(len, code).and_then(|c| self.cid_width(c)).unwrap_or(self.default_width)
            };
            each(Glyph { text: self.text(code_bytes, code), width, word_space: len == 1 && code == 32 });
        }
    }
}
