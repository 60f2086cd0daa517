//! Readers: every pasted shape of a report becomes one [`Document`].
//!
//! * [`html`]: Word/WPS/Excel clipboard HTML, editor content, whole portal pages.
//! * [`text`]: Word/Excel plain-text pastes, PDF extractions (`pdftotext`, `-layout`),
//!   Markdown, flattened page text.
//!
//! A file is first told apart by its bytes ([`sniff`]), then decoded ([`decode`]); the kind
//! of text (HTML or plain) is detected from the input unless the caller says which it is.

pub mod decode;
pub mod docx;
pub mod grid;
pub mod html;
pub mod normalize;
pub mod pdf;
pub mod sniff;
#[cfg(feature = "text-readers")]
pub mod text;

use crate::diagnostic::Lang;
use crate::document::{Document, InputKind, NoteKind, ReadNote};
use crate::message::{Args, Message, Text};
pub use grid::GridLimits;

/// Default limit on the input size: 20 MB. Reports are 10–300 KB; a portal page with
/// inline images may reach a few MB.
pub const DEFAULT_MAX_BYTES: usize = 20 * 1024 * 1024;

#[derive(Clone, Debug)]
pub struct ReadOptions {
    /// Read as this kind instead of detecting it.
    pub input: Option<InputKind>,
    /// Inputs larger than this are refused with [`ReadError::TooLarge`] (a file: its bytes
    /// as given, before decoding).
    pub max_bytes: usize,
    pub grid: GridLimits,
    /// Decode a file as this encoding instead of its declaration or a detection (a
    /// byte-order mark still decides, as in browsers); see [`decode`]. (Only with the legacy
    /// encodings: the browser build is handed strings.)
    #[cfg(feature = "encodings")]
    pub encoding: Option<decode::TextEncoding>,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            input: None,
            max_bytes: DEFAULT_MAX_BYTES,
            grid: GridLimits::default(),
            #[cfg(feature = "encodings")]
            encoding: None,
        }
    }
}

/// Why an input could not be read at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    /// Nothing but whitespace.
    Empty,
    /// Larger than [`ReadOptions::max_bytes`].
    TooLarge { size: usize, limit: usize },
    /// Not text nor a document this build reads: an image, an archive, or bytes full of
    /// control characters.
    Binary { what: &'static Message },
    /// HTML given as a string to a build without an HTML parser (the browser build, where
    /// the page parses HTML and hands over its DOM).
    NoHtmlParser,
    /// A PDF, and this build reads none.
    Pdf,
    /// A PDF that cannot be read: a scan without text, damaged, too many pages.
    PdfUnreadable { why: String },
    /// An old binary Office file (`.doc`, WPS's `.wps`, `.xls`): save it as `.docx`.
    OldOffice { what: &'static Message },
    /// A password-protected Office document.
    Encrypted,
    /// A ZIP archive that is not a Word document that can be read (another kind of file, a
    /// damaged archive, or one that would inflate beyond the limits).
    Docx { why: String },
    /// Text whose bytes do not decode sensibly in the encoding declared, given or detected
    /// (many malformed sequences), or in an encoding browsers refuse; the message says what
    /// was tried and what fits. (Only with the legacy encodings: without them, text is read
    /// as UTF-8 however damaged, and the browser build, handed strings, stays as it was.)
    #[cfg(feature = "encodings")]
    Undecodable { why: String },
    /// Text, or a file, given to a build without the text readers (the browser's eager
    /// module, feature `text-readers`): the JS facade loads the module that has them.
    NoTextReaders,
}

const EMPTY: Message = Message { id: "INPUT-EMPTY", zh: "输入为空", en: english!("the input is empty") };
const TOO_LARGE: Message = Message {
    id: "INPUT-TOO-LARGE",
    zh: "输入为 {size} 字节，超过 {limit} 字节的上限；如确为一份报告，可用 --max-size 提高上限",
    en: english!("the input is {size} bytes, over the limit of {limit} bytes; raise the limit with --max-size if this is really one report"),
};
const NO_HTML_PARSER: Message = Message {
    id: "INPUT-HTML",
    zh: "此版本须由页面解析 HTML（传入 DOM），不能读取 HTML 字符串",
    en: english!("this build reads HTML from the page's DOM, not from a string"),
};
const BINARY: Message = Message {
    id: "INPUT-BINARY",
    zh: "输入不是文本，而是{what}；请粘贴报告的文字或 HTML，或先转换文件",
    en: english!("the input is not text but {what}; paste the report's text or HTML, or convert the file first"),
};
const NO_PDF: Message = Message {
    id: "INPUT-PDF/unsupported",
    zh: "输入是 PDF，此版本不读取 PDF；请粘贴报告的文字，或检查其 Word 原文件",
    en: english!("the input is a PDF, which this build does not read; paste the report's text, or check the Word file it was made from"),
};
const PDF_UNREADABLE: Message =
    Message { id: "INPUT-PDF", zh: "无法读取该 PDF：{why}", en: english!("the PDF cannot be read: {why}") };
const OLD_OFFICE: Message = Message {
    id: "INPUT-OLD-OFFICE",
    zh: "输入是{what}，无法读取（不支持旧版二进制格式）；请在 Word 或 WPS 中打开并另存为 .docx，或直接粘贴报告",
    en: english!(
        "the input is {what}, which cannot be read; open it in Word or WPS and save it as .docx, or paste the report"
    ),
};
const ENCRYPTED: Message = Message {
    id: "INPUT-ENCRYPTED",
    zh: "文档已加密；请去掉密码（另存一份无密码的副本）后检查该副本",
    en: english!(
        "the document is password-protected; remove the password (save a copy without one) and check that copy"
    ),
};
const DOCX: Message = Message {
    id: "INPUT-DOCX",
    zh: "无法读取该 Word 文档：{why}",
    en: english!("the file cannot be read as a Word document: {why}"),
};
const NO_TEXT_READERS: Message = Message {
    id: "TEXT-READERS-LOADING",
    zh: "这份报告的表格不是以表格形式给出的（纯文本，或从 PDF、网页复制的文字）；读取这类表格的模块正在加载，加载后将自动重新检查",
    en: english!("this report's tables did not come as table cells (plain text, or text copied from a PDF or a web page); the module that reads them is loading, and the report is checked again once it has loaded"),
};
/// An English report asked of a build without the English (the browser's first module): its
/// English is written plainly, not through `english!`, so that it is there to say so.
pub(crate) const ENGLISH_LOADING: Message = Message {
    id: "TEXT-READERS-LOADING/english",
    zh: "英文提示在另一个模块中，正在加载，加载后将自动重新检查",
    en: "the English messages come with the checker's second module, which is loading; the report is checked again once it has loaded",
};
const UNDECODABLE: Message = Message {
    id: "INPUT-ENCODING",
    zh: "无法识别文件编码：{why}",
    en: english!("the file's text cannot be decoded: {why}"),
};

impl ReadError {
    /// What went wrong and what to do, as a message ([`crate::message`]). The particulars
    /// of a damaged PDF, Word file or encoding (`why`) are in English.
    pub fn text(&self) -> Text {
        let args = Args::new();
        match self {
            ReadError::Empty => Text::new(&EMPTY, args),
            ReadError::TooLarge { size, limit } => Text::new(&TOO_LARGE, args.text("size", size).text("limit", limit)),
            ReadError::NoHtmlParser => Text::new(&NO_HTML_PARSER, args),
            ReadError::Binary { what } => Text::new(&BINARY, args.phrase("what", what)),
            ReadError::Pdf => Text::new(&NO_PDF, args),
            ReadError::PdfUnreadable { why } => Text::new(&PDF_UNREADABLE, args.text("why", why)),
            ReadError::OldOffice { what } => Text::new(&OLD_OFFICE, args.phrase("what", what)),
            ReadError::Encrypted => Text::new(&ENCRYPTED, args),
            ReadError::Docx { why } => Text::new(&DOCX, args.text("why", why)),
            #[cfg(feature = "encodings")]
            ReadError::Undecodable { why } => ReadError::undecodable_text(why),
            ReadError::NoTextReaders => Text::new(&NO_TEXT_READERS, args),
        }
    }

    /// The message of a file whose text cannot be decoded (the browser's decoder says why).
    pub fn undecodable_text(why: &str) -> Text {
        Text::new(&UNDECODABLE, Args::new().text("why", why))
    }

    /// The message in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        self.text().render(lang)
    }
}

/// In English (the CLI and the JS API say it in the caller's language: [`ReadError::render`]).
impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

impl std::error::Error for ReadError {}

/// A file, read.
#[derive(Debug)]
pub struct FileRead<'b> {
    pub document: Document<'b>,
    /// For a text or HTML file, how it was decoded and how its text's offsets become the
    /// file's (its text is the document's [`Document::source`], moved there); `None` for a
    /// Word file or a PDF.
    pub decoded: Option<decode::Decoded<'b>>,
}

impl FileRead<'_> {
    /// The text the document's spans point into ("" for a Word file or a PDF).
    pub fn text(&self) -> &str {
        &self.document.source
    }
}

/// Read the bytes of a file, told apart by its content: a Word `.docx`, a PDF (with the
/// `pdf` feature: its pages extracted, then read by their geometry), or text or HTML in any
/// encoding ([`decode`]). Refuses what cannot be a report, with the reason.
pub fn read_file<'b>(bytes: &'b [u8], options: &ReadOptions) -> Result<FileRead<'b>, ReadError> {
    if bytes.len() > options.max_bytes {
        return Err(ReadError::TooLarge { size: bytes.len(), limit: options.max_bytes });
    }
    match sniff::sniff(bytes)? {
        #[cfg(feature = "docx")]
        sniff::Sniffed::Zip => Ok(FileRead { document: docx::read_docx(bytes, options)?, decoded: None }),
        #[cfg(not(feature = "docx"))]
        sniff::Sniffed::Zip => Err(ReadError::Binary { what: &sniff::ZIP_NO_DOCX }),
        #[cfg(feature = "pdf")]
        sniff::Sniffed::Pdf => {
            let pages = pdf::pdf_pages(bytes, &pdf::PdfLimits::default())?;
            Ok(FileRead { document: pdf::layout::read_pages(&pages, options), decoded: None })
        }
        #[cfg(not(feature = "pdf"))]
        sniff::Sniffed::Pdf => Err(ReadError::Pdf),
        sniff::Sniffed::Text => {
            let (decoded, document) = decode_and_read(bytes, options)?;
            Ok(FileRead { document, decoded: Some(decoded) })
        }
    }
}

/// Read the bytes of a file ([`read_file`]) into its document.
pub fn read_bytes<'b>(bytes: &'b [u8], options: &ReadOptions) -> Result<Document<'b>, ReadError> {
    read_file(bytes, options).map(|f| f.document)
}

/// Decode the bytes of a text or HTML file and read them. The decoded text the document's
/// spans point into becomes its source (borrowed when the bytes are valid UTF-8: the input is
/// checked once and not copied), moved out of the [`decode::Decoded`] given back beside it.
pub fn decode_and_read<'b>(
    bytes: &'b [u8],
    options: &ReadOptions,
) -> Result<(decode::Decoded<'b>, Document<'b>), ReadError> {
    if bytes.len() > options.max_bytes {
        return Err(ReadError::TooLarge { size: bytes.len(), limit: options.max_bytes });
    }
    match sniff::sniff(bytes)? {
        sniff::Sniffed::Text => {}
        sniff::Sniffed::Pdf => return Err(ReadError::Pdf),
        sniff::Sniffed::Zip => return Err(ReadError::Binary { what: &sniff::ZIP_NOT_TEXT }),
    }
    let mut decoded = decode::decode(bytes, options)?;
    // The size limit was the file's; decoded GBK is half as long again.
    // Read from the text borrowed, then given the text itself.
    let doc = read_str(&decoded.text, &ReadOptions { max_bytes: usize::MAX, ..options.clone() })?.with_source("");
    let mut doc = doc.with_source(std::mem::take(&mut decoded.text));
    let notes = std::mem::take(&mut decoded.notes);
    doc.notes.splice(0..0, notes);
    Ok((decoded, doc))
}

/// Read plain text ([`text`]).
#[cfg(feature = "text-readers")]
fn read_plain<'a>(input: &'a str, options: &ReadOptions) -> Result<Document<'a>, ReadError> {
    Ok(text::read_text(input, options))
}

/// Without the text readers, plain text is not read here (the JS facade loads them).
#[cfg(not(feature = "text-readers"))]
fn read_plain<'a>(_input: &'a str, _options: &ReadOptions) -> Result<Document<'a>, ReadError> {
    Err(ReadError::NoTextReaders)
}

/// Read a string (what a browser or the JS API hands over).
pub fn read_str<'a>(input: &'a str, options: &ReadOptions) -> Result<Document<'a>, ReadError> {
    if input.len() > options.max_bytes {
        return Err(ReadError::TooLarge { size: input.len(), limit: options.max_bytes });
    }
    if input.chars().all(|c| normalize::is_space(c) || normalize::is_invisible(c) || c == '\0') {
        return Err(ReadError::Empty);
    }
    let kind = options.input.unwrap_or_else(|| detect(input));
    let mut doc = match kind {
        #[cfg(feature = "html-parser")]
        InputKind::Html => html::read_html(input, options),
        #[cfg(not(feature = "html-parser"))]
        InputKind::Html => return Err(ReadError::NoHtmlParser),
        // A DOM comes as a tree (`html::read_tree`) and a Word file as bytes, never as a string.
        InputKind::Text | InputKind::Dom | InputKind::Docx | InputKind::Pdf => read_plain(input, options)?,
    };
    let controls = count_controls(input.as_bytes(), b'\t');
    if controls > 0 {
        doc.notes.push(ReadNote {
            kind: NoteKind::ControlCharacters,
            message: format!("{controls} NUL or control characters in the input were ignored"),
            span: None,
            table: None,
            position: None,
        });
    }
    Ok(doc)
}

/// NUL and control characters other than tab, line feed, form feed, carriage return and
/// `also` (a second tab when nothing else is allowed; [`sniff`] allows ESC).
/// Branch-free byte comparisons summed in `u8` lanes (chunks of at most 192 bytes: a whole
/// number of the vector loop's 64-byte steps), so the compiler vectorises this pass over the
/// whole input.
pub(crate) fn count_controls(bytes: &[u8], also: u8) -> usize {
    let count = |chunk: &[u8]| {
        let n = chunk.iter().fold(0u8, |n, &b| {
            let allowed = (b == b'\t') | (b == b'\n') | (b == 0x0c) | (b == b'\r') | (b == also);
            n + (u8::from(b < 0x20) & u8::from(!allowed))
        });
        usize::from(n)
    };
    // Where the text readers are (native, the second module): nearly every 64 bytes of a page
    // hold nothing below a space but line feeds, which one test of a few vector instructions
    // (half the count's) tells; only the other blocks are counted. The eager browser module,
    // without vectors, counts every chunk.
    if cfg!(feature = "text-readers") {
        let mut blocks = bytes.chunks_exact(64);
        let suspect = |block: &&[u8]| block.iter().fold(false, |any, &b| any | ((b < 0x20) & (b != b'\n')));
        let n: usize = (&mut blocks).filter(suspect).map(count).sum();
        return n + count(blocks.remainder());
    }
    bytes.chunks(192).map(count).sum()
}

/// HTML or text? HTML when the input starts with a tag, a comment or a doctype, or
/// contains the elements a report page is made of.
pub fn detect(input: &str) -> InputKind {
    let head = input.trim_start_matches(|c: char| normalize::is_space(c) || normalize::is_invisible(c));
    let mut chars = head.chars();
    if chars.next() == Some('<') && chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '!' || c == '?') {
        return InputKind::Html;
    }
    let sample = &input.as_bytes()[..input.len().min(1 << 16)];
    // One pass: every tag looked for starts with `<`; compared without regard to ASCII case.
    let tags: [&[u8]; 6] = [b"<table", b"<html", b"<body", b"<p>", b"<p ", b"<div"];
    let tag_at = |i: usize| tags.iter().any(|t| sample.get(i..i + t.len()).is_some_and(|w| w.eq_ignore_ascii_case(t)));
    // Where the text readers are, each `<` is found by the library's byte search (most texts
    // have none), not by a look at every byte; the eager module keeps the smaller walk. The
    // same answer either way (tested).
    #[cfg(feature = "text-readers")]
    let html = input.match_indices('<').map(|(i, _)| i).take_while(|&i| i < sample.len()).any(tag_at);
    #[cfg(not(feature = "text-readers"))]
    let html = sample.iter().enumerate().any(|(i, &b)| b == b'<' && tag_at(i));
    if html {
        InputKind::Html
    } else {
        InputKind::Text
    }
}

/// Every message this module declares ([`crate::message::catalogue`]).
pub(crate) const MESSAGES: &[&crate::message::Message] = &[
    &EMPTY,
    &TOO_LARGE,
    &NO_HTML_PARSER,
    &BINARY,
    &NO_PDF,
    &PDF_UNREADABLE,
    &OLD_OFFICE,
    &ENCRYPTED,
    &DOCX,
    &UNDECODABLE,
    &NO_TEXT_READERS,
    &ENGLISH_LOADING,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_control_characters() {
        let all: Vec<u8> = (0..=255).collect();
        let slow = all.iter().filter(|&&b| b == 0 || (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))).count();
        assert_eq!(count_controls(&all, b'\t'), slow);
        assert_eq!(count_controls(b"a\0b\x01\t\n\r\x0c\x1f", b'\t'), 3);
        assert_eq!(count_controls(b"a\0b\x01\t\n\r\x0c\x1f\x1b", 0x1b), 3);
        let long: Vec<u8> = (0..1000u32).map(|i| (i * 7 % 40) as u8).collect();
        let slow =
            long.iter().filter(|&&b| b == 0 || (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b))).count();
        assert_eq!(count_controls(&long, 0x1b), slow);
        // Every control character alone in a block of line feeds or of text, at every place
        // of a block, as well as in the tail: counted once when not allowed.
        for b in 0..0x20u8 {
            for filler in [b'\n', b'a'] {
                for at in [0, 1, 31, 63, 64, 100, 128, 129] {
                    let mut bytes = vec![filler; 130];
                    bytes[at] = b;
                    let expected = usize::from(!matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b));
                    assert_eq!(count_controls(&bytes, 0x1b), expected, "{b} {filler} {at}");
                }
            }
        }
    }

    /// [`detect`] answers as the walk over every byte of the sample (the eager module's) does:
    /// on every fixture and on tags at the sample's edges.
    #[test]
    fn detect_by_byte_search_agrees() {
        let by_walk = |input: &str| {
            let head = input.trim_start_matches(|c: char| normalize::is_space(c) || normalize::is_invisible(c));
            let mut chars = head.chars();
            if chars.next() == Some('<')
                && chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '!' || c == '?')
            {
                return InputKind::Html;
            }
            let sample = &input.as_bytes()[..input.len().min(1 << 16)];
            let tags: [&[u8]; 6] = [b"<table", b"<html", b"<body", b"<p>", b"<p ", b"<div"];
            let tag_at =
                |i: usize| tags.iter().any(|t| sample.get(i..i + t.len()).is_some_and(|w| w.eq_ignore_ascii_case(t)));
            if sample.iter().enumerate().any(|(i, &b)| b == b'<' && tag_at(i)) {
                InputKind::Html
            } else {
                InputKind::Text
            }
        };
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let mut inputs: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .filter_map(|e| std::fs::read(e.unwrap().path()).ok())
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .collect();
        for tag in ["<p>", "<P ", "<Table", "<div", "<x", "<", "<p"] {
            for at in [0, 1, (1 << 16) - 7, (1 << 16) - 3, (1 << 16) - 1, 1 << 16, (1 << 16) + 2] {
                inputs.push(format!("{}{tag}中", "a".repeat(at)));
            }
            inputs.push(format!("一、{tag}"));
        }
        for input in &inputs {
            assert_eq!(detect(input), by_walk(input), "{:?}", &input[..input.len().min(80)]);
        }
    }

    #[test]
    fn detects_kind() {
        assert_eq!(detect("  <p>一、总体情况</p>"), InputKind::Html);
        assert_eq!(detect("\u{feff}<!DOCTYPE html><html>"), InputKind::Html);
        assert_eq!(detect("一、总体情况\n<table><tr><td>1</td></tr></table>"), InputKind::Html);
        assert_eq!(detect("一、总体情况\n| a | b |\n|---|---|"), InputKind::Text);
        assert_eq!(detect("<5 件"), InputKind::Text);
    }

    #[test]
    fn refuses_what_is_not_a_report() {
        let o = ReadOptions::default();
        assert_eq!(read_bytes(b"", &o).unwrap_err(), ReadError::Empty);
        assert_eq!(read_bytes(b" \n\t\xe3\x80\x80 ", &o).unwrap_err(), ReadError::Empty);
        #[cfg(not(feature = "pdf"))]
        assert_eq!(read_bytes(b"%PDF-1.7 ...", &o).unwrap_err(), ReadError::Pdf);
        #[cfg(feature = "pdf")]
        assert!(matches!(read_bytes(b"%PDF-1.7 ...", &o), Err(ReadError::PdfUnreadable { .. })));
        assert!(matches!(read_bytes(b"PK\x03\x04....", &o), Err(ReadError::Docx { .. })));
        assert!(matches!(read_bytes(&[0u8; 100], &o), Err(ReadError::Binary { .. })));
        let small = ReadOptions { max_bytes: 10, ..ReadOptions::default() };
        assert_eq!(read_bytes(b"0123456789ab", &small).unwrap_err(), ReadError::TooLarge { size: 12, limit: 10 });
    }

    #[test]
    fn invalid_utf8_is_read_lossily_and_said() {
        let doc = read_bytes(
            b"\xe4\xb8\x80\xe3\x80\x81\xff\xfe\xe6\x80\xbb\xe4\xbd\x93\xe6\x83\x85\xe5\x86\xb5",
            &ReadOptions::default(),
        )
        .unwrap();
        assert_eq!(doc.notes[0].kind, NoteKind::LossyDecoding);
        assert_eq!(doc.paragraphs().next().unwrap().text, "一、\u{fffd}\u{fffd}总体情况");
    }
}
