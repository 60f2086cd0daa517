//! The encodings a file is decoded from, and the three things decoding needs of each: how much
//! text and how many malformed sequences the bytes make (before anything is allocated), the
//! text itself (piece by piece, each piece ending where the decoder has nothing pending, so it
//! can be decoded again on its own), and where each character's bytes end (to map a span back
//! into the file).
//!
//! UTF-8 and UTF-16 are decoded by the standard library (the same rules as the WHATWG
//! decoders: one U+FFFD per maximal malformed subpart); the legacy encodings by encoding_rs,
//! the library browsers use, behind the `encodings` feature.

/// An encoding a file can be decoded from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextEncoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    /// A legacy encoding decoded by encoding_rs: GB18030 (also for GBK and GB2312, which it
    /// contains), Big5, Shift_JIS, windows-1252, …
    #[cfg(feature = "encodings")]
    Legacy(&'static encoding_rs::Encoding),
}

impl TextEncoding {
    /// The encoding a WHATWG label names ("gbk", "GB2312", "utf-16le", "big5", "latin1", …), as
    /// browsers resolve labels; `None` for an unknown label and for the labels browsers refuse
    /// to decode at all (HZ-GB-2312, ISO-2022-KR, ISO-2022-CN: the "replacement" encoding).
    #[cfg(feature = "encodings")]
    pub fn for_label(label: &str) -> Option<TextEncoding> {
        encoding_rs::Encoding::for_label(label.trim().as_bytes()).and_then(TextEncoding::from_whatwg)
    }

    /// The encoding for an encoding_rs one; GBK decodes as GB18030 (the WHATWG GBK decoder
    /// *is* the GB18030 decoder), and the replacement encoding is refused.
    #[cfg(feature = "encodings")]
    pub fn from_whatwg(encoding: &'static encoding_rs::Encoding) -> Option<TextEncoding> {
        Some(if encoding == encoding_rs::UTF_8 {
            TextEncoding::Utf8
        } else if encoding == encoding_rs::UTF_16LE {
            TextEncoding::Utf16Le
        } else if encoding == encoding_rs::UTF_16BE {
            TextEncoding::Utf16Be
        } else if encoding == encoding_rs::REPLACEMENT {
            return None;
        } else if encoding == encoding_rs::GBK {
            TextEncoding::Legacy(encoding_rs::GB18030)
        } else {
            TextEncoding::Legacy(encoding)
        })
    }

    /// Its name as the report gives it: encoding_rs's (the WHATWG names), but "GB18030" for
    /// GB18030 (WHATWG spells it in lower case) and so for GBK and GB2312 too.
    pub fn name(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf16Le => "UTF-16LE",
            TextEncoding::Utf16Be => "UTF-16BE",
            #[cfg(feature = "encodings")]
            TextEncoding::Legacy(e) if e == encoding_rs::GB18030 => "GB18030",
            #[cfg(feature = "encodings")]
            TextEncoding::Legacy(e) => e.name(),
        }
    }

    /// Where a piece that starts at `from` may end: the first position at least `min` bytes
    /// on after which the decoder has nothing pending whatever came before — after a byte
    /// that no multi-byte sequence can continue with (the WHATWG decoders hand such a byte
    /// back and decode it as ASCII), or between two UTF-16 code units that are not a
    /// surrogate pair. `bytes.len()` when there is none.
    pub(super) fn piece_end(self, bytes: &[u8], from: usize, min: usize) -> usize {
        let at = (from + min.max(1)).min(bytes.len());
        // The first position from `at` on whose previous byte ends every sequence.
        let after = |ends: fn(u8) -> bool| {
            let first = at.max(from + 1) - 1;
            bytes[first..].iter().position(|&b| ends(b)).map_or(bytes.len(), |i| first + i + 1)
        };
        match self {
            TextEncoding::Utf8 => after(|b| b < 0x80),
            TextEncoding::Utf16Le | TextEncoding::Utf16Be => {
                let mut i = (at + (at - from) % 2).max(from + 2);
                while i < bytes.len() {
                    if !(0xD800..0xDC00).contains(&self.unit(bytes[i - 2], bytes[i - 1])) {
                        return i;
                    }
                    i += 2;
                }
                bytes.len()
            }
            #[cfg(feature = "encodings")]
            TextEncoding::Legacy(e) => {
                use encoding_rs::{BIG5, EUC_JP, EUC_KR, GB18030, SHIFT_JIS, X_USER_DEFINED};
                if e.is_single_byte() || e == X_USER_DEFINED {
                    at
                } else if e == GB18030 {
                    // Second and fourth bytes are 0x30–0x39, trail bytes 0x40–0xFE.
                    after(|b| b < 0x30 || (0x3A..0x40).contains(&b))
                } else if e == BIG5 || e == SHIFT_JIS {
                    after(|b| b < 0x40)
                } else if e == EUC_KR {
                    after(|b| b < 0x41)
                } else if e == EUC_JP {
                    after(|b| b < 0x80)
                } else {
                    // ISO-2022-JP keeps its mode across any byte: one piece.
                    bytes.len()
                }
            }
        }
    }

    fn unit(self, a: u8, b: u8) -> u16 {
        if self == TextEncoding::Utf16Be {
            u16::from_be_bytes([a, b])
        } else {
            u16::from_le_bytes([a, b])
        }
    }
}

/// What decoding a file would make of it, measured without keeping the text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Measure {
    /// Malformed sequences (each becomes one U+FFFD).
    pub malformed: usize,
    /// Characters other than ASCII, U+FFFD included.
    pub non_ascii: usize,
    /// Bytes of UTF-8 text.
    pub text_len: usize,
}

impl Measure {
    /// Few enough malformed sequences to read the text with U+FFFD in their place: at most
    /// 8, or one in a hundred non-ASCII characters. A wrong encoding does worse: UTF-8 read as
    /// GB18030 or GBK read as Big5 gives 4–6 malformed per hundred, GBK read as UTF-8 over 80.
    pub fn is_sensible(&self) -> bool {
        self.malformed <= 8 || self.malformed * 100 <= self.non_ascii
    }

    fn add_text(&mut self, s: &str) {
        self.text_len += s.len();
        // Lead bytes of non-ASCII characters.
        self.non_ascii += s.bytes().filter(|&b| b >= 0xC0).count();
    }

    fn add_malformed(&mut self) {
        self.malformed += 1;
        self.non_ascii += 1;
        self.text_len += '\u{FFFD}'.len_utf8();
    }
}

/// Measure what `encoding` makes of `bytes` (after any byte-order mark).
pub fn measure(encoding: TextEncoding, bytes: &[u8]) -> Measure {
    let mut m = Measure::default();
    match encoding {
        TextEncoding::Utf8 => {
            for chunk in bytes.utf8_chunks() {
                m.add_text(chunk.valid());
                if !chunk.invalid().is_empty() {
                    m.add_malformed();
                }
            }
        }
        TextEncoding::Utf16Le | TextEncoding::Utf16Be => {
            let mut units = Utf16::new(encoding, bytes, true);
            while let Some((c, _)) = units.next() {
                match c {
                    Some(c) => m.add_text(c.encode_utf8(&mut [0; 4])),
                    None => m.add_malformed(),
                }
            }
        }
        #[cfg(feature = "encodings")]
        TextEncoding::Legacy(e) => {
            use encoding_rs::DecoderResult;
            let mut decoder = e.new_decoder_without_bom_handling();
            let mut buf = [0u8; 8192];
            let mut src = bytes;
            loop {
                let (result, read, written) = decoder.decode_to_utf8_without_replacement(src, &mut buf, true);
                src = &src[read..];
                // The decoder writes whole characters only.
                m.add_text(std::str::from_utf8(&buf[..written]).unwrap_or_default());
                match result {
                    DecoderResult::InputEmpty => break,
                    DecoderResult::OutputFull => {}
                    DecoderResult::Malformed(..) => m.add_malformed(),
                }
            }
        }
    }
    m
}

/// Decodes a file's bytes piece after piece, each piece ending at a [`TextEncoding::piece_end`].
pub(super) struct Stream {
    encoding: TextEncoding,
    #[cfg(feature = "encodings")]
    decoder: Option<encoding_rs::Decoder>,
}

impl Stream {
    pub(super) fn new(encoding: TextEncoding) -> Stream {
        Stream {
            encoding,
            #[cfg(feature = "encodings")]
            decoder: match encoding {
                TextEncoding::Legacy(e) => Some(e.new_decoder_without_bom_handling()),
                _ => None,
            },
        }
    }

    /// Append the text of `piece` to `out`, U+FFFD for each malformed sequence; `last` when
    /// the piece ends the file.
    pub(super) fn decode(&mut self, piece: &[u8], last: bool, out: &mut String) {
        match self.encoding {
            TextEncoding::Utf8 => {
                for chunk in piece.utf8_chunks() {
                    out.push_str(chunk.valid());
                    if !chunk.invalid().is_empty() {
                        out.push('\u{FFFD}');
                    }
                }
            }
            TextEncoding::Utf16Le | TextEncoding::Utf16Be => {
                let mut units = Utf16::new(self.encoding, piece, last);
                while let Some((c, _)) = units.next() {
                    out.push(c.unwrap_or('\u{FFFD}'));
                }
            }
            #[cfg(feature = "encodings")]
            TextEncoding::Legacy(_) => {
                let Some(decoder) = self.decoder.as_mut() else { return };
                let mut src = piece;
                loop {
                    let (result, read, _) = decoder.decode_to_string(src, out, last);
                    src = &src[read..];
                    match result {
                        encoding_rs::CoderResult::InputEmpty => break,
                        // The text was sized by `measure`; should it still not fit, make room.
                        encoding_rs::CoderResult::OutputFull => out.reserve(64),
                    }
                }
            }
        }
    }
}

/// Walk the characters `bytes` decode to — `bytes` starting where a piece starts, `last` when
/// they run to the end of the file — calling `each(text_len, end)` for each character with
/// the length of its UTF-8 and the offset in `bytes` where its bytes end.
pub(super) fn walk(encoding: TextEncoding, bytes: &[u8], last: bool, each: &mut impl FnMut(usize, usize)) {
    match encoding {
        TextEncoding::Utf8 => {
            let mut at = 0;
            for chunk in bytes.utf8_chunks() {
                for c in chunk.valid().chars() {
                    at += c.len_utf8();
                    each(c.len_utf8(), at);
                }
                if !chunk.invalid().is_empty() {
                    at += chunk.invalid().len();
                    each('\u{FFFD}'.len_utf8(), at);
                }
            }
        }
        TextEncoding::Utf16Le | TextEncoding::Utf16Be => {
            let mut units = Utf16::new(encoding, bytes, last);
            while let Some((c, end)) = units.next() {
                each(c.unwrap_or('\u{FFFD}').len_utf8(), end);
            }
        }
        #[cfg(feature = "encodings")]
        TextEncoding::Legacy(e) => walk_legacy(e, bytes, last, each),
    }
}

/// encoding_rs keeps its position inside a character to itself, so the bytes are fed one at
/// a time: a character is written when its last byte goes in. A malformed sequence is
/// reported with the number of bytes consumed after it (which the decoder holds and decodes
/// next); characters written before it in the same call end where it begins. When one call
/// writes several characters, the earlier ones are ASCII bytes the decoder handed back after
/// an error (one byte each) or, in Big5, the first of a pair one sequence decodes to (no
/// bytes of its own).
#[cfg(feature = "encodings")]
fn walk_legacy(
    encoding: &'static encoding_rs::Encoding,
    bytes: &[u8],
    last: bool,
    each: &mut impl FnMut(usize, usize),
) {
    use encoding_rs::DecoderResult;
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut buf = [0u8; 64];
    let mut start = 0; // where the next character's bytes begin
    for i in 0..bytes.len() {
        let mut src = &bytes[i..=i];
        let mut pos = i;
        loop {
            let (result, read, written) =
                decoder.decode_to_utf8_without_replacement(src, &mut buf, last && i + 1 == bytes.len());
            pos += read;
            src = &src[read..];
            let (chars_end, malformed) = match result {
                DecoderResult::Malformed(bad, extra) => {
                    let end = pos - usize::from(extra);
                    (end - usize::from(bad), Some(end))
                }
                _ => (pos, None),
            };
            let text = std::str::from_utf8(&buf[..written]).unwrap_or_default();
            let mut chars = text.chars().peekable();
            while let Some(c) = chars.next() {
                let end = if chars.peek().is_none() {
                    chars_end
                } else if c.is_ascii() {
                    start + 1
                } else {
                    start
                };
                each(c.len_utf8(), end);
                start = end;
            }
            if let Some(end) = malformed {
                each('\u{FFFD}'.len_utf8(), end);
                start = end;
            }
            if matches!(result, DecoderResult::InputEmpty) {
                break;
            }
        }
    }
}

/// UTF-16 code units to characters, as the WHATWG UTF-16 decoder does: a surrogate without
/// its pair is malformed (and the unit after a lone high surrogate is decoded again), and so
/// is an odd byte at the end of the file. Yields `(character or None if malformed, offset
/// where its bytes end)`.
struct Utf16<'a> {
    encoding: TextEncoding,
    bytes: &'a [u8],
    at: usize,
    last: bool,
}

impl<'a> Utf16<'a> {
    fn new(encoding: TextEncoding, bytes: &'a [u8], last: bool) -> Utf16<'a> {
        Utf16 { encoding, bytes, at: 0, last }
    }

    fn unit_at(&self, i: usize) -> Option<u16> {
        (i + 2 <= self.bytes.len()).then(|| self.encoding.unit(self.bytes[i], self.bytes[i + 1]))
    }

    fn next(&mut self) -> Option<(Option<char>, usize)> {
        let Some(unit) = self.unit_at(self.at) else {
            // An odd byte left at the end of the file.
            if self.last && self.at < self.bytes.len() {
                self.at = self.bytes.len();
                return Some((None, self.at));
            }
            return None;
        };
        if !(0xD800..0xE000).contains(&unit) {
            self.at += 2;
            return Some((char::from_u32(u32::from(unit)), self.at));
        }
        if unit >= 0xDC00 {
            self.at += 2;
            return Some((None, self.at));
        }
        match self.unit_at(self.at + 2) {
            Some(low @ 0xDC00..0xE000) => {
                self.at += 4;
                let c = 0x10000 + ((u32::from(unit) - 0xD800) << 10) + (u32::from(low) - 0xDC00);
                Some((char::from_u32(c), self.at))
            }
            Some(_) => {
                self.at += 2;
                Some((None, self.at))
            }
            // A high surrogate and then an odd byte, or nothing: one error for both.
            None if self.last => {
                self.at = self.bytes.len();
                Some((None, self.at))
            }
            None => None,
        }
    }
}
