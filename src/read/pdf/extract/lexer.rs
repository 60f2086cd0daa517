//! A content stream cut into operations: operands, then their operator (ISO 32000-1 §7.8.2).
//!
//! Our own small tokenizer rather than lopdf's `Content::decode`, which builds every operation
//! of a stream as a heap object before the first one is looked at: a hostile page of a few
//! million operators would cost gigabytes there; here one operation is held at a time and
//! the interpreter stops at its budget. Malformed syntax never fails: a stray byte is
//! skipped, as viewers do.

/// One operand. Only what the interpreter reads is kept; dictionaries (marked-content
/// properties, inline-image parameters) are parsed past and kept as [`Operand::Other`].
#[derive(Clone, Debug, PartialEq)]
pub enum Operand {
    Number(f32),
    Name(Vec<u8>),
    String(Vec<u8>),
    Array(Vec<Operand>),
    Other,
}

impl Operand {
    pub fn number(&self) -> Option<f32> {
        match self {
            Operand::Number(n) => Some(*n),
            _ => None,
        }
    }
}

/// Arrays and dictionaries nested deeper than this are skipped whole (a TJ array is one level).
const MAX_NESTING: usize = 32;

/// At most this many operands are kept before one operator (no operator takes more than a
/// dozen; a stream of numbers without operators must not grow a vector without end). A CMap's
/// sections, read as the operands of their `end…` keyword, are allowed more.
const MAX_OPERANDS: usize = 64;

pub struct Lexer<'a> {
    data: &'a [u8],
    pos: usize,
    max_operands: usize,
}

fn is_white(b: u8) -> bool {
    matches!(b, 0 | 9 | 10 | 12 | 13 | 32)
}

fn is_delimiter(b: u8) -> bool {
    matches!(b, b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%')
}

fn is_regular(b: u8) -> bool {
    !is_white(b) && !is_delimiter(b)
}

/// A token between operands.
enum Token<'a> {
    Operand(Operand),
    Operator(&'a [u8]),
    ArrayEnd,
    DictEnd,
    End,
}

impl<'a> Lexer<'a> {
    pub fn new(data: &'a [u8]) -> Self {
        Lexer { data, pos: 0, max_operands: MAX_OPERANDS }
    }

    pub fn with_max_operands(self, max_operands: usize) -> Self {
        Lexer { max_operands, ..self }
    }

    /// The next operator, with its operands in `operands` (cleared first); `None` at the end.
    pub fn next_operation(&mut self, operands: &mut Vec<Operand>) -> Option<&'a [u8]> {
        operands.clear();
        loop {
            match self.token(0) {
                Token::End => return None,
                Token::Operator(b"BI") => {
                    self.skip_inline_image();
                    return Some(b"BI");
                }
                Token::Operator(op) => return Some(op),
                Token::Operand(o) => {
                    if operands.len() < self.max_operands {
                        operands.push(o);
                    }
                }
                Token::ArrayEnd | Token::DictEnd => {}
            }
        }
    }

    fn skip_white(&mut self) {
        while let Some(&b) = self.data.get(self.pos) {
            if is_white(b) {
                self.pos += 1;
            } else if b == b'%' {
                while let Some(&c) = self.data.get(self.pos) {
                    if c == b'\n' || c == b'\r' {
                        break;
                    }
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    fn token(&mut self, depth: usize) -> Token<'a> {
        self.skip_white();
        let Some(&b) = self.data.get(self.pos) else { return Token::End };
        match b {
            b'/' => {
                self.pos += 1;
                let start = self.pos;
                while self.data.get(self.pos).is_some_and(|&c| is_regular(c)) {
                    self.pos += 1;
                }
                Token::Operand(Operand::Name(unescape_name(&self.data[start..self.pos])))
            }
            b'(' => {
                self.pos += 1;
                Token::Operand(Operand::String(self.literal_string()))
            }
            b'<' if self.data.get(self.pos + 1) == Some(&b'<') => {
                self.pos += 2;
                self.skip_container(depth, true);
                Token::Operand(Operand::Other)
            }
            b'<' => {
                self.pos += 1;
                Token::Operand(Operand::String(self.hex_string()))
            }
            b'>' if self.data.get(self.pos + 1) == Some(&b'>') => {
                self.pos += 2;
                Token::DictEnd
            }
            b'[' => {
                self.pos += 1;
                if depth >= MAX_NESTING {
                    self.skip_container(depth, false);
                    return Token::Operand(Operand::Other);
                }
                let mut items = Vec::new();
                loop {
                    match self.token(depth + 1) {
                        Token::Operand(o) => items.push(o),
                        Token::ArrayEnd | Token::End => break,
                        // An operator inside an array is malformed: keep what we have.
                        Token::Operator(_) | Token::DictEnd => {}
                    }
                }
                Token::Operand(Operand::Array(items))
            }
            b']' => {
                self.pos += 1;
                Token::ArrayEnd
            }
            b'{' | b'}' | b')' | b'>' => {
                self.pos += 1;
                Token::Operand(Operand::Other)
            }
            _ => {
                let start = self.pos;
                while self.data.get(self.pos).is_some_and(|&c| is_regular(c)) {
                    self.pos += 1;
                }
                let word = &self.data[start..self.pos];
                if word.first().is_some_and(|c| c.is_ascii_digit() || matches!(c, b'+' | b'-' | b'.')) {
                    Token::Operand(Operand::Number(parse_number(word)))
                } else if matches!(word, b"true" | b"false" | b"null") {
                    Token::Operand(Operand::Other)
                } else {
                    Token::Operator(word)
                }
            }
        }
    }

    /// Past the end of a dictionary (`<<` already read) or an array nested too deep.
    fn skip_container(&mut self, depth: usize, dict: bool) {
        let mut level = 1usize;
        while level > 0 {
            self.skip_white();
            let Some(&b) = self.data.get(self.pos) else { return };
            match b {
                b'(' => {
                    self.pos += 1;
                    self.literal_string();
                }
                b'<' if self.data.get(self.pos + 1) == Some(&b'<') => {
                    self.pos += 2;
                    if dict {
                        level += 1;
                    }
                }
                b'<' => {
                    self.pos += 1;
                    self.hex_string();
                }
                b'>' if self.data.get(self.pos + 1) == Some(&b'>') => {
                    self.pos += 2;
                    if dict {
                        level -= 1;
                    }
                }
                b'/' => {
                    self.pos += 1;
                    while self.data.get(self.pos).is_some_and(|&c| is_regular(c)) {
                        self.pos += 1;
                    }
                }
                b'[' if !dict => {
                    self.pos += 1;
                    level += 1;
                }
                b']' if !dict => {
                    self.pos += 1;
                    level -= 1;
                }
                _ if is_regular(b) => {
                    // An operator inside a dictionary means it was never closed: stop here
                    // so the operator is read as one.
                    let start = self.pos;
                    while self.data.get(self.pos).is_some_and(|&c| is_regular(c)) {
                        self.pos += 1;
                    }
                    let word = &self.data[start..self.pos];
                    let operand_like = word[0].is_ascii_digit()
                        || matches!(word[0], b'+' | b'-' | b'.')
                        || matches!(word, b"true" | b"false" | b"null" | b"R");
                    if dict && !operand_like && depth == 0 {
                        self.pos = start;
                        return;
                    }
                }
                _ => self.pos += 1,
            }
        }
    }

    /// A literal string, `(` already read: escapes, balanced parentheses, end of data.
    fn literal_string(&mut self) -> Vec<u8> {
        let mut out = Vec::new();
        let mut level = 1usize;
        while let Some(&b) = self.data.get(self.pos) {
            self.pos += 1;
            match b {
                b'(' => {
                    level += 1;
                    out.push(b);
                }
                b')' => {
                    level -= 1;
                    if level == 0 {
                        break;
                    }
                    out.push(b);
                }
                b'\\' => {
                    let Some(&e) = self.data.get(self.pos) else { break };
                    self.pos += 1;
                    match e {
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'0'..=b'7' => {
                            let mut v = u32::from(e - b'0');
                            for _ in 0..2 {
                                match self.data.get(self.pos) {
                                    Some(&d @ b'0'..=b'7') => {
                                        v = v * 8 + u32::from(d - b'0');
                                        self.pos += 1;
                                    }
                                    _ => break,
                                }
                            }
                            out.push((v & 0xff) as u8);
                        }
                        b'\r' => {
                            if self.data.get(self.pos) == Some(&b'\n') {
                                self.pos += 1;
                            }
                        }
                        b'\n' => {}
                        other => out.push(other),
                    }
                }
                _ => out.push(b),
            }
        }
        out
    }

    /// A hexadecimal string, `<` already read; an odd last digit is followed by 0.
    fn hex_string(&mut self) -> Vec<u8> {
        let mut out = Vec::new();
        let mut high: Option<u8> = None;
        while let Some(&b) = self.data.get(self.pos) {
            self.pos += 1;
            if b == b'>' {
                break;
            }
            let Some(v) = hex_digit(b) else { continue };
            match high.take() {
                Some(h) => out.push(h << 4 | v),
                None => high = Some(v),
            }
        }
        if let Some(h) = high {
            out.push(h << 4);
        }
        out
    }

    /// Past an inline image (`BI` read): its parameters up to `ID`, then its data up to an
    /// `EI` that stands between white space (the data's length is not given; viewers look
    /// for `EI` the same way).
    fn skip_inline_image(&mut self) {
        loop {
            match self.token(1) {
                Token::End => return,
                Token::Operator(b"ID") => break,
                _ => {}
            }
        }
        self.pos += 1; // the single white-space byte after ID
        let data = self.data;
        let mut i = self.pos;
        while i + 1 < data.len() {
            if data[i] == b'E'
                && data[i + 1] == b'I'
                && i > 0
                && is_white(data[i - 1])
                && data.get(i + 2).is_none_or(|&c| is_white(c))
            {
                self.pos = i + 2;
                return;
            }
            i += 1;
        }
        self.pos = data.len();
    }
}

fn hex_digit(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

/// A name's `#xx` escapes decoded.
fn unescape_name(raw: &[u8]) -> Vec<u8> {
    if !raw.contains(&b'#') {
        return raw.to_vec();
    }
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        if raw[i] == b'#' && i + 2 < raw.len() {
            if let (Some(h), Some(l)) = (hex_digit(raw[i + 1]), hex_digit(raw[i + 2])) {
                out.push(h << 4 | l);
                i += 3;
                continue;
            }
        }
        out.push(raw[i]);
        i += 1;
    }
    out
}

/// A number as viewers read it: a sign (extra signs ignored), digits, one point; anything
/// else ends it; nothing readable is 0.
fn parse_number(word: &[u8]) -> f32 {
    let mut negative = false;
    let mut i = 0;
    while i < word.len() && matches!(word[i], b'+' | b'-') {
        negative ^= word[i] == b'-';
        i += 1;
    }
    let mut value = 0f64;
    let mut scale = 0f64;
    for &b in &word[i..] {
        match b {
            b'0'..=b'9' => {
                let d = f64::from(b - b'0');
                if scale == 0.0 {
                    value = value * 10.0 + d;
                } else {
                    value += d * scale;
                    scale /= 10.0;
                }
            }
            b'.' if scale == 0.0 => scale = 0.1,
            _ => break,
        }
    }
    let v = if negative { -value } else { value };
    if v.is_finite() {
        v as f32
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ops(src: &str) -> Vec<(String, Vec<Operand>)> {
        let mut lexer = Lexer::new(src.as_bytes());
        let mut operands = Vec::new();
        let mut out = Vec::new();
        while let Some(op) = lexer.next_operation(&mut operands) {
            out.push((String::from_utf8_lossy(op).into_owned(), operands.clone()));
        }
        out
    }

    #[test]
    fn operators_and_operands() {
        let got = ops("BT /F1 12 Tf 1 0 0 1 72.5 -.5 Tm [(A\\(b\\)) -250 <0041 42>] TJ ET");
        assert_eq!(got[1].0, "Tf");
        assert_eq!(got[1].1, vec![Operand::Name(b"F1".to_vec()), Operand::Number(12.0)]);
        assert_eq!(got[2].1[5], Operand::Number(-0.5));
        assert_eq!(
            got[3].1,
            vec![Operand::Array(vec![
                Operand::String(b"A(b)".to_vec()),
                Operand::Number(-250.0),
                Operand::String(vec![0, 0x41, 0x42]),
            ])]
        );
        assert_eq!(got[4].0, "ET");
    }

    #[test]
    fn dictionaries_inline_images_and_comments_are_passed() {
        let got = ops(
            "/P <</MCID 3 /Alt (x>>) /A [1 /N] /B <</C /D>> >> BDC % note Tj\nBI /W 2 /H 1 ID \x00EI\x7fEI Q\nEI q EMC",
        );
        let names: Vec<&str> = got.iter().map(|(o, _)| o.as_str()).collect();
        assert_eq!(names, ["BDC", "BI", "q", "EMC"]);
    }

    #[test]
    fn octal_escapes_names_and_odd_numbers() {
        let got = ops("(\\101\\1012) Tj /A#42 gs --3 5. Td");
        assert_eq!(got[0].1, vec![Operand::String(b"AA2".to_vec())]);
        assert_eq!(got[1].1, vec![Operand::Name(b"AB".to_vec())]);
        assert_eq!(got[2].1, vec![Operand::Number(3.0), Operand::Number(5.0)]);
    }
}
