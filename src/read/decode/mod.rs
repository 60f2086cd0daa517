//! Decoding a text or HTML file into a string, the way a browser does:
//!
//! 1. a byte-order mark (UTF-8, UTF-16LE, UTF-16BE) decides;
//! 2. else `--encoding` ([`ReadOptions::encoding`]) does;
//! 3. else the page's `<meta charset>` or `<meta http-equiv=Content-Type>` in its first 1024
//!    bytes ([`prescan`], the HTML standard's prescan);
//! 4. else detection: valid UTF-8 is UTF-8; UTF-8 with a few malformed bytes is damaged UTF-8;
//!    otherwise chardetng (the detector Firefox uses, told the file is from `.cn`, reading up to
//!    [`DETECTION_BYTES`] past the first non-ASCII byte) guesses,
//!    and its guess is taken if it is an encoding of Chinese, Japanese or Korean text (GBK,
//!    Big5, …) that decodes sensibly; otherwise GB18030 is tried.
//!
//! GBK and GB2312 decode as GB18030 (their superset; WHATWG's GBK decoder is GB18030's).
//! Bytes that do not decode sensibly in the encoding chosen — more malformed sequences than
//! [`Measure::is_sensible`] allows — are an error that says so, never mojibake checked as a
//! report; a few malformed sequences become U+FFFD, with a note.
//!
//! The text is the decoded UTF-8; [`Decoded::file_offsets`] maps a byte offset in it back to
//! the byte offset in the file as given, by decoding again from the nearest checkpoint (one
//! every [`CHECKPOINT_BYTES`] of the file, kept while decoding).
//!
//! Without the `encodings` feature (the browser build, which is handed strings): a byte-order
//! mark (UTF-8, UTF-16), else UTF-8, with U+FFFD for malformed bytes however many, as before.

mod codec;
#[cfg(feature = "encodings")]
mod prescan;

use std::borrow::Cow;

pub use codec::{measure, Measure, TextEncoding};

use crate::document::{NoteKind, ReadNote};
use crate::read::{ReadError, ReadOptions};

/// Bytes of the file between two checkpoints, at least (a piece ends at the first byte after
/// which the decoder has nothing pending; GBK text has one every line).
pub const CHECKPOINT_BYTES: usize = 4096;

/// How far chardetng reads past the first non-ASCII byte. Its guess is settled long before
/// (thousands of characters), and it reads 15–40 MB/s: all of a 20 MB file would take a second.
#[cfg(feature = "encodings")]
pub const DETECTION_BYTES: usize = 64 * 1024;

/// A file's text, decoded, and how to find a place in it again in the file's bytes.
#[derive(Debug)]
pub struct Decoded<'b> {
    /// The text (borrowed when the bytes were already valid UTF-8: not copied). Moved into the
    /// document by [`crate::read::decode_and_read`].
    pub text: Cow<'b, str>,
    /// The encoding the bytes were decoded from, by its WHATWG name ("UTF-8", "GB18030", …).
    pub encoding: &'static str,
    /// What the decoding repaired or overruled, for the document's notes.
    pub notes: Vec<ReadNote>,
    offsets: Offsets<'b>,
}

/// How text offsets become file offsets.
#[derive(Debug)]
enum Offsets<'b> {
    /// The text is the file's bytes after a byte-order mark this long.
    Shifted(usize),
    /// Decoded text: `points` pair offsets in `body` (the file after a byte-order mark of
    /// `skip` bytes) with offsets in the text, where the decoder had nothing pending.
    Checkpoints { body: &'b [u8], skip: usize, encoding: TextEncoding, points: Vec<Checkpoint> },
}

#[derive(Clone, Copy, Debug)]
struct Checkpoint {
    file: usize,
    text: usize,
}

impl Decoded<'_> {
    /// The byte offset in the file of byte `offset` of [`Decoded::text`].
    pub fn file_offset(&self, offset: usize) -> usize {
        let mut one = [offset];
        self.file_offsets(&mut one);
        one[0]
    }

    /// [`Decoded::file_offset`] of many offsets at once, in place: each part of the file is
    /// decoded again at most once, so mapping every span of a report stays linear.
    pub fn file_offsets(&self, offsets: &mut [usize]) {
        let (body, skip, encoding, points) = match &self.offsets {
            Offsets::Shifted(skip) => {
                offsets.iter_mut().for_each(|o| *o += skip);
                return;
            }
            Offsets::Checkpoints { body, skip, encoding, points } => (*body, *skip, *encoding, points),
        };
        let mut order: Vec<(usize, usize)> = offsets.iter().copied().zip(0..).collect();
        crate::order::sort_by_key(&mut order, |&(offset, _)| (offset as u64, 0));
        let mut k = 0;
        while k < order.len() {
            let c = points.partition_point(|p| p.text <= order[k].0).saturating_sub(1);
            let Checkpoint { file: start, text: mut at } = points[c];
            let (end, next_text) = points.get(c + 1).map_or((body.len(), usize::MAX), |p| (p.file, p.text));
            while k < order.len() && order[k].0 == at {
                offsets[order[k].1] = start + skip;
                k += 1;
            }
            codec::walk(encoding, &body[start..end], end == body.len(), &mut |len, byte_end| {
                at += len;
                while k < order.len() && order[k].0 <= at && order[k].0 < next_text {
                    offsets[order[k].1] = start + byte_end + skip;
                    k += 1;
                }
            });
            // Past the end of the text (or inside the last character).
            while k < order.len() && order[k].0 < next_text {
                offsets[order[k].1] = end + skip;
                k += 1;
            }
        }
    }
}

/// What chose the encoding, for notes and errors.
#[derive(Clone, Debug)]
enum Source {
    Bom,
    #[cfg(feature = "encodings")]
    Option,
    #[cfg(feature = "encodings")]
    Declared(String),
    Detected,
}

impl Source {
    fn describe(&self, encoding: TextEncoding) -> String {
        let name = encoding.name();
        match self {
            Source::Bom => format!("read as {name}, as its byte-order mark says"),
            #[cfg(feature = "encodings")]
            Source::Option => format!("read as {name}, as --encoding says"),
            #[cfg(feature = "encodings")]
            Source::Declared(label) => format!("read as {name}, as the page declares (charset={label})"),
            Source::Detected => format!("read as {name} (detected)"),
        }
    }
}

/// `bytes` as a `str` if they are valid UTF-8, as most files are. Where the legacy decoders are
/// (natively), simdutf8 validates them a block at a time: a third of the instructions of
/// `std::str::from_utf8` on a portal page's tables, with the same answer.
fn utf8(bytes: &[u8]) -> Option<&str> {
    #[cfg(feature = "encodings")]
    return simdutf8::basic::from_utf8(bytes).ok();
    #[cfg(not(feature = "encodings"))]
    std::str::from_utf8(bytes).ok()
}

/// Decode the bytes of a text or HTML file.
pub fn decode<'b>(bytes: &'b [u8], options: &ReadOptions) -> Result<Decoded<'b>, ReadError> {
    if let Some((encoding, skip)) = bom(bytes) {
        return decode_as(bytes, skip, encoding, Source::Bom, overruled_by_bom(bytes, options, encoding));
    }
    #[cfg(feature = "encodings")]
    if let Some((encoding, source)) = given(bytes, options)? {
        return decode_as(bytes, 0, encoding, source, Vec::new());
    }
    if let Some(text) = utf8(bytes) {
        return Ok(Decoded { text: text.into(), encoding: "UTF-8", notes: Vec::new(), offsets: Offsets::Shifted(0) });
    }
    #[cfg(feature = "encodings")]
    let (encoding, measured) = detect(bytes).map_err(|tried| undecodable(not_detected(&tried)))?;
    // This build decodes nothing else: UTF-8 with U+FFFD, however damaged, as before.
    #[cfg(not(feature = "encodings"))]
    let (encoding, measured) = (TextEncoding::Utf8, measure(TextEncoding::Utf8, bytes));
    Ok(decode_measured(bytes, 0, encoding, measured, Source::Detected, Vec::new()))
}

/// The encoding `--encoding` gives, else the one the page declares (steps 2 and 3 above).
#[cfg(feature = "encodings")]
fn given(bytes: &[u8], options: &ReadOptions) -> Result<Option<(TextEncoding, Source)>, ReadError> {
    if let Some(encoding) = options.encoding {
        return Ok(Some((encoding, Source::Option)));
    }
    let Some(d) = prescan::declared(bytes) else { return Ok(None) };
    match TextEncoding::from_whatwg(d.encoding) {
        Some(encoding) => Ok(Some((encoding, Source::Declared(d.label)))),
        None => Err(undecodable(format!(
            "the page declares charset={}, which browsers refuse to decode (it can smuggle markup past filters); save it as UTF-8",
            d.label
        ))),
    }
}

/// Notes on what a byte-order mark overruled: `--encoding`, the page's declaration.
#[cfg(feature = "encodings")]
fn overruled_by_bom(bytes: &[u8], options: &ReadOptions, encoding: TextEncoding) -> Vec<ReadNote> {
    let said = |what: String| {
        note(
            NoteKind::EncodingOverruled,
            format!(
                "{what}, but the file starts with a {} byte-order mark, which decides (as in browsers)",
                encoding.name()
            ),
        )
    };
    let mut notes = Vec::new();
    if let Some(forced) = options.encoding.filter(|&e| e != encoding) {
        notes.push(said(format!("--encoding {} was given", forced.name())));
    }
    if let Some(d) = prescan::declared(bytes).filter(|d| TextEncoding::from_whatwg(d.encoding) != Some(encoding)) {
        notes.push(said(format!("the page declares charset={}", d.label)));
    }
    notes
}

#[cfg(not(feature = "encodings"))]
fn overruled_by_bom(_: &[u8], _: &ReadOptions, _: TextEncoding) -> Vec<ReadNote> {
    Vec::new()
}

/// The encoding of undeclared bytes that are not valid UTF-8 (step 4 above), with what it makes
/// of them; or every encoding tried, with what each made of them.
#[cfg(feature = "encodings")]
fn detect(bytes: &[u8]) -> Result<(TextEncoding, Measure), Vec<(TextEncoding, Measure)>> {
    let utf8 = measure(TextEncoding::Utf8, bytes);
    // Damaged UTF-8: few malformed sequences, and more well-formed characters than
    // malformed ones (so a short GBK text is not taken for it).
    if utf8.is_sensible() && utf8.non_ascii > 2 * utf8.malformed {
        return Ok((TextEncoding::Utf8, utf8));
    }
    {
        let mut tried = vec![(TextEncoding::Utf8, utf8)];
        let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
        let first_non_ascii = bytes.iter().position(|&b| b >= 0x80).unwrap_or(bytes.len());
        let sample = &bytes[..first_non_ascii.saturating_add(DETECTION_BYTES).min(bytes.len())];
        detector.feed(sample, sample.len() == bytes.len());
        let guess = detector.guess(Some(b"cn"), chardetng::Utf8Detection::Deny);
        // A single-byte guess (windows-1252, KOI8-R, …) decodes any bytes without an error, so
        // it says nothing; chardetng also rules GBK out on a single malformed byte.
        let gb18030 = TextEncoding::Legacy(encoding_rs::GB18030);
        let candidates = match TextEncoding::from_whatwg(guess) {
            Some(e) if !guess.is_single_byte() && e != gb18030 => vec![e, gb18030],
            _ => vec![gb18030],
        };
        for encoding in candidates {
            let m = measure(encoding, bytes);
            if m.is_sensible() {
                return Ok((encoding, m));
            }
            tried.push((encoding, m));
        }
        Err(tried)
    }
}

#[cfg(feature = "encodings")]
fn not_detected(tried: &[(TextEncoding, Measure)]) -> String {
    let each: Vec<String> = tried.iter().map(|(e, m)| format!("as {}, {}", e.name(), malformed(m))).collect();
    format!(
        "it declares no encoding and none fits: {}; if you know its encoding, give it with --encoding",
        each.join("; ")
    )
}

#[cfg(feature = "encodings")]
fn malformed(m: &Measure) -> String {
    format!("{} of its {} non-ASCII characters are malformed", m.malformed, m.non_ascii)
}

/// The byte-order mark's encoding and length.
fn bom(bytes: &[u8]) -> Option<(TextEncoding, usize)> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        Some((TextEncoding::Utf8, 3))
    } else if bytes.starts_with(b"\xFF\xFE") {
        Some((TextEncoding::Utf16Le, 2))
    } else if bytes.starts_with(b"\xFE\xFF") {
        Some((TextEncoding::Utf16Be, 2))
    } else {
        None
    }
}

/// Decode `bytes` after `skip` bytes of byte-order mark as `encoding`, or say why not.
fn decode_as<'b>(
    bytes: &'b [u8],
    skip: usize,
    encoding: TextEncoding,
    source: Source,
    notes: Vec<ReadNote>,
) -> Result<Decoded<'b>, ReadError> {
    let body = &bytes[skip..];
    if encoding == TextEncoding::Utf8 {
        if let Some(text) = utf8(body) {
            return Ok(Decoded {
                text: text.into(),
                encoding: encoding.name(),
                notes,
                offsets: Offsets::Shifted(skip),
            });
        }
    }
    let measured = measure(encoding, body);
    // Without the legacy decoders there is nothing better to suggest: the text is read,
    // however damaged, as before.
    #[cfg(feature = "encodings")]
    if !measured.is_sensible() {
        let hint = match std::str::from_utf8(body) {
            Ok(_) => "; its bytes are valid UTF-8: try --encoding utf-8".to_string(),
            Err(_) => detect(body)
                .ok()
                .filter(|&(e, _)| e != encoding)
                .map(|(e, _)| format!("; it reads as {}: try --encoding {}", e.name(), e.name().to_lowercase()))
                .unwrap_or_default(),
        };
        return Err(undecodable(format!("{}, {}{hint}", source.describe(encoding), malformed(&measured))));
    }
    Ok(decode_measured(bytes, skip, encoding, measured, source, notes))
}

/// Decode into text of exactly the measured size, keeping a checkpoint at the end of each piece.
fn decode_measured<'b>(
    bytes: &'b [u8],
    skip: usize,
    encoding: TextEncoding,
    measured: Measure,
    source: Source,
    mut notes: Vec<ReadNote>,
) -> Decoded<'b> {
    let body = &bytes[skip..];
    // A few bytes over: the legacy decoders want room for a whole character before each one.
    let mut text = String::with_capacity(measured.text_len + 8);
    let mut points = Vec::with_capacity(body.len() / CHECKPOINT_BYTES + 1);
    points.push(Checkpoint { file: 0, text: 0 });
    let mut stream = codec::Stream::new(encoding);
    let mut at = 0;
    while at < body.len() {
        let end = encoding.piece_end(body, at, CHECKPOINT_BYTES);
        stream.decode(&body[at..end], end == body.len(), &mut text);
        at = end;
        if at < body.len() {
            points.push(Checkpoint { file: at, text: text.len() });
        }
    }
    if measured.malformed > 0 {
        notes.push(note(
            NoteKind::LossyDecoding,
            format!(
                "{}: {} malformed byte sequences were replaced with U+FFFD; spans are still byte offsets in the file",
                source.describe(encoding),
                measured.malformed
            ),
        ));
    }
    Decoded {
        text: text.into(),
        encoding: encoding.name(),
        notes,
        offsets: Offsets::Checkpoints { body, skip, encoding, points },
    }
}

#[cfg(feature = "encodings")]
fn undecodable(why: String) -> ReadError {
    ReadError::Undecodable { why }
}

fn note(kind: NoteKind, message: String) -> ReadNote {
    ReadNote { kind, message, span: None, table: None, position: None }
}

#[cfg(test)]
mod tests;
