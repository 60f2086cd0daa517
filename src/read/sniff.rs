//! What a file is, told from its first bytes — never from its name: a report saved as
//! `报告.txt` may be a Word file, and an attachment named `.doc` is often a `.docx`.

use crate::message::Message;
use crate::read::ReadError;

// What a refused file is, in words (the `what` of [`ReadError::Binary`] and
// [`ReadError::OldOffice`]).
const PNG: Message = Message { id: "INPUT/png", zh: "PNG 图片", en: english!("a PNG image") };
const JPEG: Message = Message { id: "INPUT/jpeg", zh: "JPEG 图片", en: english!("a JPEG image") };
const GIF: Message = Message { id: "INPUT/gif", zh: "GIF 图片", en: english!("a GIF image") };
const RTF: Message = Message { id: "INPUT/rtf", zh: "RTF 文件", en: english!("an RTF file") };
const RAR: Message = Message { id: "INPUT/rar", zh: "RAR 压缩包", en: english!("a RAR archive") };
const SEVEN_ZIP: Message = Message { id: "INPUT/7z", zh: "7-Zip 压缩包", en: english!("a 7-Zip archive") };
pub(crate) const BINARY_DATA: Message =
    Message { id: "INPUT/binary-data", zh: "二进制数据", en: english!("binary data") };
#[cfg(not(feature = "docx"))]
pub(crate) const ZIP_NO_DOCX: Message = Message {
    id: "INPUT/zip-no-docx",
    zh: "ZIP 压缩包（此版本不读取 .docx）",
    en: english!("a ZIP archive (this build reads no .docx)"),
};
pub(crate) const ZIP_NOT_TEXT: Message =
    Message { id: "INPUT/zip-not-text", zh: "ZIP 压缩包，不是文本", en: english!("a ZIP archive, not text") };
const OLD_WORD: Message = Message {
    id: "INPUT/old-word",
    zh: "旧版二进制 Word 或 WPS 文档（.doc、.wps）",
    en: english!("an old binary Word or WPS document (.doc, .wps)"),
};
const OLD_EXCEL: Message = Message {
    id: "INPUT/old-excel",
    zh: "旧版二进制 Excel 工作簿（.xls、.et）",
    en: english!("an old binary Excel workbook (.xls, .et)"),
};
const OLD_OFFICE: Message = Message {
    id: "INPUT/old-office",
    zh: "旧版二进制 Office 文件（.doc、.wps、.xls）",
    en: english!("an old binary Office file (.doc, .wps, .xls)"),
};

/// What the bytes of a file are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sniffed {
    /// A ZIP archive: a Word/WPS `.docx` (or another Office Open XML or OpenDocument file,
    /// which the `.docx` reader tells apart and refuses).
    Zip,
    /// A PDF.
    Pdf,
    /// Text or HTML, in some encoding (decoded by [`crate::read::decode`]).
    Text,
}

/// Tell what `bytes` are, or why they cannot be a report at all (an image, an old binary
/// Office file, an encrypted document, bytes full of control characters).
pub fn sniff(bytes: &[u8]) -> Result<Sniffed, ReadError> {
    const REFUSED: &[(&[u8], &Message)] = &[
        (b"\x89PNG\r\n\x1a\n", &PNG),
        (b"\xFF\xD8\xFF", &JPEG),
        (b"GIF8", &GIF),
        (b"{\\rtf", &RTF),
        (b"Rar!\x1a\x07", &RAR),
        (b"7z\xbc\xaf\x27\x1c", &SEVEN_ZIP),
    ];
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return Ok(Sniffed::Zip);
    }
    if bytes.starts_with(b"%PDF-") {
        return Ok(Sniffed::Pdf);
    }
    if bytes.starts_with(COMPOUND_FILE) {
        return Err(compound_file(bytes));
    }
    for (magic, what) in REFUSED {
        if bytes.starts_with(magic) {
            return Err(ReadError::Binary { what });
        }
    }
    // UTF-16 and UTF-32 text has NULs between ASCII letters: a byte-order mark says it is text.
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") || bytes.starts_with(b"\xEF\xBB\xBF") {
        return Ok(Sniffed::Text);
    }
    let sample = &bytes[..bytes.len().min(8192)];
    // NUL and controls other than tab, line feed, carriage return, form feed and ESC.
    let control = crate::read::count_controls(sample, 0x1b);
    if !sample.is_empty() && control * 10 > sample.len() {
        return Err(ReadError::Binary { what: &BINARY_DATA });
    }
    Ok(Sniffed::Text)
}

/// The signature of an OLE2 compound file: the container of old binary Office files (`.doc`,
/// WPS's `.wps`, `.xls`) and of password-protected `.docx`.
const COMPOUND_FILE: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// Why a compound file cannot be read: its directory names its streams (in UTF-16), which
/// tell an encrypted Office Open XML document (`EncryptedPackage`) from a Word or WPS
/// binary document (`WordDocument`) and an Excel one (`Workbook`, `Book`).
fn compound_file(bytes: &[u8]) -> ReadError {
    // The names as UTF-16LE bytes.
    const ENCRYPTED: &[u8] = b"E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0";
    const ENCRYPTION: &[u8] = b"E\0n\0c\0r\0y\0p\0t\0i\0o\0n\0I\0n\0f\0o\0";
    const WORD: &[u8] = b"W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0";
    const WORKBOOK: &[u8] = b"W\0o\0r\0k\0b\0o\0o\0k\0";
    const BOOK: &[u8] = b"B\0o\0o\0k\0";
    let has_stream = |name: &[u8]| bytes.windows(name.len()).any(|w| w == name);
    if has_stream(ENCRYPTED) || has_stream(ENCRYPTION) {
        ReadError::Encrypted
    } else if has_stream(WORD) {
        ReadError::OldOffice { what: &OLD_WORD }
    } else if has_stream(WORKBOOK) || has_stream(BOOK) {
        ReadError::OldOffice { what: &OLD_EXCEL }
    } else {
        ReadError::OldOffice { what: &OLD_OFFICE }
    }
}

/// Every message this module declares ([`crate::message::catalogue`]).
pub(crate) const MESSAGES: &[&crate::message::Message] = &[
    &PNG,
    &JPEG,
    &GIF,
    &RTF,
    &RAR,
    &SEVEN_ZIP,
    &BINARY_DATA,
    #[cfg(not(feature = "docx"))]
    &ZIP_NO_DOCX,
    &ZIP_NOT_TEXT,
    &OLD_WORD,
    &OLD_EXCEL,
    &OLD_OFFICE,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_files_by_their_first_bytes() {
        assert_eq!(sniff(b"PK\x03\x04rest"), Ok(Sniffed::Zip));
        assert_eq!(sniff(b"%PDF-1.7\n"), Ok(Sniffed::Pdf));
        assert_eq!(sniff("一、总体情况".as_bytes()), Ok(Sniffed::Text));
        assert_eq!(sniff(b"\xFF\xFEx\0"), Ok(Sniffed::Text));
        assert!(matches!(sniff(b"\x89PNG\r\n\x1a\n...."), Err(ReadError::Binary { .. })));
        assert!(matches!(sniff(&[0u8; 100]), Err(ReadError::Binary { .. })));
    }

    #[test]
    fn tells_encrypted_from_old_binary_office_files() {
        let file = |stream: &str| {
            let mut b = COMPOUND_FILE.to_vec();
            b.extend(std::iter::repeat_n(0u8, 500));
            b.extend(stream.encode_utf16().flat_map(u16::to_le_bytes));
            b
        };
        assert_eq!(compound_file(&file("EncryptedPackage")), ReadError::Encrypted);
        assert!(
            matches!(compound_file(&file("WordDocument")), ReadError::OldOffice { what } if what.en.contains(".doc"))
        );
        assert!(matches!(compound_file(&file("Workbook")), ReadError::OldOffice { what } if what.en.contains("Excel")));
        assert!(matches!(compound_file(&file("Book")), ReadError::OldOffice { what } if what.en.contains("Excel")));
        assert!(
            matches!(compound_file(&file("Other")), ReadError::OldOffice { what } if what.en.contains("Office file"))
        );
    }
}
