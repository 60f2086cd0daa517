//! The HTML standard's "prescan a byte stream to determine its encoding": the
//! `<meta charset=…>` or `<meta http-equiv=Content-Type content="…; charset=…">` in the first
//! 1024 bytes, found the way browsers find it (comments and other tags' attributes skipped, so a
//! `charset=` inside them declares nothing). Followed step by step, with the standard's names.

/// How far browsers look (the standard lets them choose; Firefox and Chrome read 1024 bytes).
pub const PRESCAN_BYTES: usize = 1024;

use encoding_rs::Encoding;

/// An encoding a page declares.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Declared {
    pub encoding: &'static Encoding,
    /// The label as written, lower-cased (`gb2312`), for messages.
    pub label: String,
}

/// The encoding the page declares, if any. As the standard says, a UTF-16 declaration means
/// UTF-8 (a page that can declare it in ASCII is not UTF-16) and x-user-defined windows-1252.
pub fn declared(bytes: &[u8]) -> Option<Declared> {
    let input = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    let mut p = Prescan { input, position: 0 };
    let (mut encoding, label) = p.run()?;
    if encoding == encoding_rs::UTF_16BE || encoding == encoding_rs::UTF_16LE {
        encoding = encoding_rs::UTF_8;
    } else if encoding == encoding_rs::X_USER_DEFINED {
        encoding = encoding_rs::WINDOWS_1252;
    }
    Some(Declared { encoding, label: String::from_utf8_lossy(&label).trim().to_string() })
}

/// "Get an encoding": the encoding a label names, `None` (failure) for an unknown one.
fn encoding_for(label: &[u8]) -> Option<(&'static Encoding, Vec<u8>)> {
    Encoding::for_label(label).map(|e| (e, label.to_vec()))
}

fn is_space(b: u8) -> bool {
    matches!(b, 0x09 | 0x0A | 0x0C | 0x0D | 0x20)
}

struct Prescan<'a> {
    input: &'a [u8],
    position: usize,
}

impl Prescan<'_> {
    fn byte(&self) -> Option<u8> {
        self.input.get(self.position).copied()
    }

    fn at(&self, s: &[u8]) -> bool {
        self.input.len() >= self.position + s.len()
            && self.input[self.position..self.position + s.len()].eq_ignore_ascii_case(s)
    }

    fn run(&mut self) -> Option<(&'static Encoding, Vec<u8>)> {
        while self.position < self.input.len() {
            // Every step below but the last starts at a `<`: the bytes before the next one are
            // passed over at once (a text file may have none).
            self.position += self.input[self.position..].iter().position(|&b| b == b'<')?;
            let next = self.input.get(self.position + 1).copied();
            if self.at(b"<!--") {
                // To the '>' of the first "-->" (whose dashes may be the opener's own).
                let from = self.position + 2;
                match self.input[from..].windows(3).position(|w| w == b"-->") {
                    Some(i) => self.position = from + i + 2,
                    None => return None,
                }
            } else if self.at(b"<meta") && self.input.get(self.position + 5).is_some_and(|&b| is_space(b) || b == b'/')
            {
                self.position += 6;
                if let Some(label) = self.meta() {
                    return Some(label);
                }
                continue;
            } else if self.byte() == Some(b'<')
                && (next.is_some_and(|b| b.is_ascii_alphabetic())
                    || (next == Some(b'/') && self.input.get(self.position + 2).is_some_and(u8::is_ascii_alphabetic)))
            {
                // Another tag: its attributes are skipped, values and all.
                while self.byte().is_some_and(|b| !is_space(b) && b != b'>') {
                    self.position += 1;
                }
                while self.attribute().is_some() {}
            } else if self.at(b"<!") || self.at(b"</") || self.at(b"<?") {
                match self.input[self.position..].iter().position(|&b| b == b'>') {
                    Some(i) => self.position += i,
                    None => return None,
                }
            }
            self.position += 1;
        }
        None
    }

    /// The attributes of a `<meta>`: a declaration if they make one. Leaves the position at
    /// the byte after the attributes (the "next byte" step then moves past it).
    fn meta(&mut self) -> Option<(&'static Encoding, Vec<u8>)> {
        let mut seen: Vec<Vec<u8>> = Vec::new();
        let mut got_pragma = false;
        let mut need_pragma: Option<bool> = None;
        let mut charset: Option<(&'static Encoding, Vec<u8>)> = None;
        while let Some((name, value)) = self.attribute() {
            if seen.contains(&name) {
                continue;
            }
            match name.as_slice() {
                b"http-equiv" => got_pragma |= value == b"content-type",
                b"content" if charset.is_none() => {
                    if let Some(found) = charset_from_content(&value).as_deref().and_then(encoding_for) {
                        charset = Some(found);
                        need_pragma = Some(true);
                    }
                }
                b"charset" => {
                    charset = encoding_for(&value);
                    need_pragma = Some(false);
                }
                _ => {}
            }
            seen.push(name);
        }
        self.position += 1;
        match need_pragma {
            None => None,
            Some(true) if !got_pragma => None,
            _ => charset,
        }
    }

    /// "Get an attribute": its name and value, lower-cased, or `None` at the tag's end.
    fn attribute(&mut self) -> Option<(Vec<u8>, Vec<u8>)> {
        while self.byte().is_some_and(|b| is_space(b) || b == b'/') {
            self.position += 1;
        }
        if self.byte()? == b'>' {
            return None;
        }
        let mut name = Vec::new();
        let mut value = Vec::new();
        loop {
            match self.byte()? {
                b'=' if !name.is_empty() => {
                    self.position += 1;
                    break;
                }
                b if is_space(b) => {
                    while self.byte().is_some_and(is_space) {
                        self.position += 1;
                    }
                    if self.byte()? != b'=' {
                        return Some((name, value));
                    }
                    self.position += 1;
                    break;
                }
                b'/' | b'>' => return Some((name, value)),
                b => name.push(b.to_ascii_lowercase()),
            }
            self.position += 1;
        }
        while self.byte().is_some_and(is_space) {
            self.position += 1;
        }
        match self.byte()? {
            quote @ (b'"' | b'\'') => loop {
                self.position += 1;
                match self.byte()? {
                    b if b == quote => {
                        self.position += 1;
                        return Some((name, value));
                    }
                    b => value.push(b.to_ascii_lowercase()),
                }
            },
            b'>' => Some((name, value)),
            _ => loop {
                match self.byte()? {
                    b if is_space(b) || b == b'>' => return Some((name, value)),
                    b => value.push(b.to_ascii_lowercase()),
                }
                self.position += 1;
            },
        }
    }
}

/// "Extracting a character encoding from a meta element": the label after `charset=` in a
/// `content` attribute (`text/html; charset=gb2312`).
pub fn charset_from_content(content: &[u8]) -> Option<Vec<u8>> {
    let mut position = 0;
    loop {
        let i = content[position..].windows(7).position(|w| w.eq_ignore_ascii_case(b"charset"))?;
        position += i + 7;
        while content.get(position).is_some_and(|&b| is_space(b)) {
            position += 1;
        }
        if content.get(position) != Some(&b'=') {
            continue;
        }
        position += 1;
        while content.get(position).is_some_and(|&b| is_space(b)) {
            position += 1;
        }
        return match content.get(position)? {
            &quote @ (b'"' | b'\'') => {
                let rest = &content[position + 1..];
                rest.iter().position(|&b| b == quote).map(|end| rest[..end].to_vec())
            }
            _ => {
                let rest = &content[position..];
                let end = rest.iter().position(|&b| is_space(b) || b == b';').unwrap_or(rest.len());
                Some(rest[..end].to_vec())
            }
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(html: &str) -> Option<String> {
        declared(html.as_bytes()).map(|d| d.label)
    }

    #[test]
    fn finds_both_kinds_of_declaration() {
        assert_eq!(label("<!DOCTYPE html><html><head><meta charset=gb2312>").as_deref(), Some("gb2312"));
        assert_eq!(label("<meta charset=\"GBK\" name=viewport>").as_deref(), Some("gbk"));
        assert_eq!(
            label("<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=GB18030\">").as_deref(),
            Some("gb18030")
        );
        // The content attribute may come before http-equiv.
        assert_eq!(
            label("<meta content='text/html;charset=\"big5\"' http-equiv=content-type>").as_deref(),
            Some("big5")
        );
        assert_eq!(label("<meta/charset=utf-8>").as_deref(), Some("utf-8"));
    }

    #[test]
    fn ignores_what_browsers_ignore() {
        // content without http-equiv=Content-Type declares nothing.
        assert_eq!(label("<meta content=\"text/html; charset=gbk\">"), None);
        // Inside a comment or another tag's attribute.
        assert_eq!(label("<!-- <meta charset=gbk> --><p>"), None);
        assert_eq!(label("<div title='<meta charset=gbk>'>"), None);
        assert_eq!(label("<!--><meta charset=gbk>").as_deref(), Some("gbk"));
        // Past the first 1024 bytes.
        assert_eq!(label(&format!("{}<meta charset=gbk>", " ".repeat(1100))), None);
        // The first declaration wins; a repeated attribute is ignored.
        assert_eq!(label("<meta charset=gbk charset=big5><meta charset=utf-8>").as_deref(), Some("gbk"));
        assert_eq!(label("<metacharset=gbk>"), None);
        // An unknown label declares nothing, and the scan goes on.
        assert_eq!(label("<meta charset=klingon><meta charset=gbk>").as_deref(), Some("gbk"));
    }

    /// A declaration is found after any run of text, tags and comments before it (the text
    /// passed over at once up to each `<`), and not in text without one.
    #[test]
    fn found_after_text_of_any_length() {
        for before in ["", "a", "一、总体情况\n", "x < y < ", "<p>文字</p>", "<!-- c --> t", "<?x?>abc", "</p >"]
        {
            for n in [0, 1, 7, 40] {
                let text = before.repeat(n);
                assert_eq!(label(&format!("{text}<meta charset=gbk>")).as_deref(), Some("gbk"), "{text:?}");
                assert_eq!(label(&text), None, "{text:?}");
            }
        }
    }

    #[test]
    fn utf16_declared_in_ascii_means_utf8() {
        assert_eq!(declared(b"<meta charset=utf-16le>").unwrap().encoding, encoding_rs::UTF_8);
        assert_eq!(declared(b"<meta charset=x-user-defined>").unwrap().encoding, encoding_rs::WINDOWS_1252);
        assert_eq!(declared(b"<meta charset=gb2312>").unwrap().encoding, encoding_rs::GBK);
    }

    #[test]
    fn extracts_charset_from_content() {
        let get = |s: &str| charset_from_content(s.as_bytes()).map(|l| String::from_utf8(l).unwrap());
        assert_eq!(get("text/html; charset=gb2312").as_deref(), Some("gb2312"));
        assert_eq!(get("text/html; charset = 'x y'").as_deref(), Some("x y"));
        assert_eq!(get("text/html; charset=\"unterminated"), None);
        assert_eq!(get("charsetcharset=gbk;x").as_deref(), Some("gbk"));
        assert_eq!(get("text/html"), None);
    }
}
