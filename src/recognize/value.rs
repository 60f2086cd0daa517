//! Reading a cell's value as typed: `3`, `96171.6`, `+1036`, `0万元`,
//! `22（其中修订16件）`, blank, `/`, `—`, `无`. Blank, zero and each placeholder stay
//! distinct (docs/format.md §9.2, §9.3).

use serde::Serialize;

/// An exact decimal number: `mantissa × 10^-scale`. Counts have scale 0. No floating
/// point anywhere, so sums are exact and nothing prints as `0.30000000000000004`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Decimal {
    pub mantissa: i128,
    pub scale: u32,
}

impl Decimal {
    pub const ZERO: Decimal = Decimal { mantissa: 0, scale: 0 };

    pub fn integer(n: i128) -> Decimal {
        Decimal { mantissa: n, scale: 0 }
    }

    pub fn is_integer(self) -> bool {
        self.scale == 0 || self.mantissa % 10i128.pow(self.scale.min(38)) == 0
    }

    pub fn is_negative(self) -> bool {
        self.mantissa < 0
    }

    /// Bring both to the same scale; `None` on overflow.
    fn aligned(self, other: Decimal) -> Option<(i128, i128, u32)> {
        // Counts (most values) share a scale: no 128-bit multiplications by 10⁰.
        if self.scale == other.scale {
            return Some((self.mantissa, other.mantissa, self.scale));
        }
        let scale = self.scale.max(other.scale);
        let a = self.mantissa.checked_mul(10i128.checked_pow(scale - self.scale)?)?;
        let b = other.mantissa.checked_mul(10i128.checked_pow(scale - other.scale)?)?;
        Some((a, b, scale))
    }

    pub fn checked_add(self, other: Decimal) -> Option<Decimal> {
        let (a, b, scale) = self.aligned(other)?;
        Some(Decimal { mantissa: a.checked_add(b)?, scale })
    }

    pub fn checked_sub(self, other: Decimal) -> Option<Decimal> {
        let (a, b, scale) = self.aligned(other)?;
        Some(Decimal { mantissa: a.checked_sub(b)?, scale })
    }

    /// Numeric equality regardless of scale (`1.50` = `1.5`).
    pub fn same_value(self, other: Decimal) -> bool {
        self.aligned(other).is_some_and(|(a, b, _)| a == b)
    }

    /// Rounded half up to `scale` decimals (`None` on overflow).
    pub fn round_to(self, scale: u32) -> Option<Decimal> {
        if scale >= self.scale {
            let m = self.mantissa.checked_mul(10i128.checked_pow(scale - self.scale)?)?;
            return Some(Decimal { mantissa: m, scale });
        }
        let div = 10i128.checked_pow(self.scale - scale)?;
        let half = div / 2;
        let m = if self.mantissa >= 0 { (self.mantissa + half) / div } else { (self.mantissa - half) / div };
        Some(Decimal { mantissa: m, scale })
    }

    /// `self ÷ base × 100`, rounded half up to `scale` decimals: exact, no floating point.
    pub fn percent_of(self, base: Decimal, scale: u32) -> Option<Decimal> {
        if base.mantissa == 0 {
            return None;
        }
        // self = a / 10^sa, base = b / 10^sb; result × 10^scale = 100 × 10^scale × a × 10^sb / (b × 10^sa).
        let num = self.mantissa.checked_mul(100)?.checked_mul(10i128.checked_pow(scale + base.scale)?)?;
        let den = base.mantissa.checked_mul(10i128.checked_pow(self.scale)?)?;
        let (num, den) = if den < 0 { (-num, -den) } else { (num, den) };
        let m = if num >= 0 { (2 * num + den) / (2 * den) } else { -((-2 * num + den) / (2 * den)) };
        Some(Decimal { mantissa: m, scale })
    }

    /// With exactly `scale` decimals, trailing zeros kept (`17.40`).
    pub fn fixed(self) -> String {
        let s = Decimal { mantissa: self.mantissa, scale: 0 }.to_string();
        if self.scale == 0 {
            return s;
        }
        let (sign, digits) = s.strip_prefix('-').map_or(("", s.as_str()), |d| ("-", d));
        let scale = self.scale as usize;
        let digits = format!("{}{digits}", "0".repeat((scale + 1).saturating_sub(digits.len())));
        let (int, frac) = digits.split_at(digits.len() - scale);
        format!("{sign}{int}.{frac}")
    }

    /// As an `f64`, for JSON output only.
    pub fn to_f64(self) -> f64 {
        self.mantissa as f64 / 10f64.powi(self.scale as i32)
    }
}

/// The decimal digits of `n`, zero-padded on the left to at least `min_len`. By hand: the
/// standard library's `u128` formatting is a large routine in the WebAssembly build, for the
/// few digits a report's numbers have.
fn decimal_digits(mut n: u128, min_len: usize) -> String {
    let mut digits = Vec::new();
    loop {
        digits.push(b'0' + (n % 10) as u8);
        n /= 10;
        if n == 0 && digits.len() >= min_len {
            break;
        }
    }
    digits.reverse();
    digits.into_iter().map(char::from).collect()
}

impl std::fmt::Display for Decimal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.scale == 0 {
            // As `i128`'s own `Display` does it.
            return f.pad_integral(self.mantissa >= 0, "", &decimal_digits(self.mantissa.unsigned_abs(), 1));
        }
        // At least one digit before the point.
        let scale = self.scale as usize;
        let digits = decimal_digits(self.mantissa.unsigned_abs(), scale + 1);
        let (int, frac) = digits.split_at(digits.len() - scale);
        let frac = frac.trim_end_matches('0');
        if self.mantissa < 0 {
            f.write_str("-")?;
        }
        f.write_str(int)?;
        if !frac.is_empty() {
            f.write_str(".")?;
            f.write_str(frac)?;
        }
        Ok(())
    }
}

impl Serialize for Decimal {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.scale == 0 {
            if let Ok(i) = i64::try_from(self.mantissa) {
                return s.serialize_i64(i);
            }
        }
        s.serialize_f64(self.to_f64())
    }
}

/// What kind of thing a cell holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ValueShape {
    /// A plain number: `3`, `96171.6`, `+1036`, `-2`, `1,234`.
    Number,
    /// A number with a unit written in: `0万元`, `251000元`, `3件`.
    NumberWithUnit,
    /// A number followed by a remark: `22（其中修订16件）`.
    Annotated,
    /// Nothing at all.
    Blank,
    /// A placeholder instead of a number: `/`, `—`, `-`, `无`, `不适用`.
    Placeholder,
    /// Text that is not a number.
    Text,
}

/// A cell's content, read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Value {
    /// The cell as typed (whitespace normalised). A single digit, as most cells of a report
    /// are (`0`), is borrowed from a constant rather than allocated ([`cell_text`]).
    pub text: std::borrow::Cow<'static, str>,
    pub shape: ValueShape,
    /// The number, for numeric shapes.
    pub number: Option<Decimal>,
    /// The unit or the remark after the number (`万元`, `（其中修订16件）`).
    pub note: Option<String>,
    /// The digits were full-width (`３`), or grouped with commas.
    pub unusual_digits: bool,
    /// Too many digits to hold exactly (more than 30).
    pub overflow: bool,
}

impl Value {
    /// Numbers, blanks and placeholders: what sits in a value cell.
    pub fn is_value_like(&self) -> bool {
        !matches!(self.shape, ValueShape::Text)
    }

    pub fn is_number(&self) -> bool {
        self.number.is_some()
    }
}

const PLACEHOLDERS: &[&str] =
    &["/", "／", "\\", "-", "－", "—", "——", "–", "―", "无", "不适用", "N/A", "n/a", "NA", "×", "*", "…"];
const UNITS: &[&str] = &["万元", "元", "件", "条", "项", "个", "次", "人"];
/// At most this many digits are held exactly; more is absurd for a report.
const MAX_DIGITS: usize = 30;

fn fold_digit(c: char) -> Option<char> {
    match c {
        '0'..='9' => Some(c),
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
        _ => None,
    }
}

/// Read a cell's text.
pub fn read_value(text: &str) -> Value {
    let text = text.trim();
    // Most cells are plain ASCII digits: read them without the general walk.
    plain_digits(text).unwrap_or_else(|| read_general(text))
}

/// `read_value(text).is_number()`, without making the value: most cells asked are labels,
/// which are known not to be numbers from their first character.
///
/// Plain digits (most value cells) are never made a value. Other texts are read by the general
/// walk where the text readers are (native, the second module); the eager browser module
/// reads them as a value, 71 bytes smaller.
pub fn reads_as_number(text: &str) -> bool {
    let text = text.trim();
    if !cfg!(feature = "text-readers") {
        return is_plain_digits(text) || !starts_as_text(text) && read_value(text).is_number();
    }
    is_plain_digits(text) || !starts_as_text(text) && read_general(text).is_number()
}

/// Whether [`plain_digits`] reads `text`.
fn is_plain_digits(text: &str) -> bool {
    !text.is_empty() && text.len() <= MAX_DIGITS && text.bytes().all(|b| b.is_ascii_digit())
}

/// Whether [`read_general`] stops at the first character with no digit read: neither a
/// sign nor a digit starts the text (its value is then text, blank or a placeholder).
fn starts_as_text(text: &str) -> bool {
    text.chars().next().is_none_or(|c| fold_digit(c).is_none() && !matches!(c, '+' | '＋' | '-' | '－' | '−'))
}

/// A cell of ASCII digits alone (as many as a [`Decimal`] holds exactly) read as
/// [`read_general`] reads it.
fn plain_digits(text: &str) -> Option<Value> {
    if !is_plain_digits(text) {
        return None;
    }
    let mantissa = text.bytes().fold(0i128, |m, b| m * 10 + i128::from(b - b'0'));
    Some(Value {
        text: cell_text(text),
        shape: ValueShape::Number,
        number: Some(Decimal { mantissa, scale: 0 }),
        note: None,
        unusual_digits: false,
        overflow: false,
    })
}

/// A cell's text: a single ASCII digit borrowed from a constant, any other text copied.
fn cell_text(text: &str) -> std::borrow::Cow<'static, str> {
    const DIGITS: &str = "0123456789";
    match *text.as_bytes() {
        [d @ b'0'..=b'9'] => {
            let at = usize::from(d - b'0');
            std::borrow::Cow::Borrowed(&DIGITS[at..at + 1])
        }
        _ => std::borrow::Cow::Owned(text.to_string()),
    }
}

fn read_general(text: &str) -> Value {
    let mut v = Value {
        text: cell_text(text),
        shape: ValueShape::Text,
        number: None,
        note: None,
        unusual_digits: false,
        overflow: false,
    };
    if text.is_empty() {
        v.shape = ValueShape::Blank;
        return v;
    }
    if PLACEHOLDERS.contains(&text) {
        v.shape = ValueShape::Placeholder;
        return v;
    }
    // Text from its first character (most labels): what the walk below would find.
    if starts_as_text(text) {
        return v;
    }
    // Sign, digits (with optional grouping commas and one decimal point), then the rest:
    // `rest` is the text from the character looked at on (no list of characters, no copy of
    // the rest: most texts read here are labels such as `1.属于国家秘密`).
    let mut rest = text;
    let mut negative = false;
    if let Some(c) = text.chars().next() {
        if matches!(c, '+' | '＋' | '-' | '－' | '−') {
            negative = !matches!(c, '+' | '＋');
            rest = &text[c.len_utf8()..];
        }
    }
    // Whether a digit follows the character `rest` starts with.
    let digit_after = |rest: &str| rest.chars().nth(1).is_some_and(|n| fold_digit(n).is_some());
    let mut mantissa: i128 = 0;
    let mut digits = 0usize;
    let mut scale = 0u32;
    let mut seen_point = false;
    let mut overflow = false;
    while let Some(c) = rest.chars().next() {
        if let Some(d) = fold_digit(c) {
            if c != d {
                v.unusual_digits = true;
            }
            digits += 1;
            if digits > MAX_DIGITS {
                overflow = true;
            } else {
                mantissa = mantissa * 10 + i128::from(d as u8 - b'0');
                if seen_point {
                    scale += 1;
                }
            }
        } else if matches!(c, '.' | '．') && !seen_point && digits > 0 && digit_after(rest) {
            seen_point = true;
        } else if matches!(c, ',' | '，') && digits > 0 && !seen_point && digit_after(rest) {
            // Thousands separator: 1,234.
            v.unusual_digits = true;
        } else {
            break;
        }
        rest = &rest[c.len_utf8()..];
    }
    if digits == 0 {
        return v;
    }
    if overflow {
        v.overflow = true;
        v.shape = ValueShape::Text;
        return v;
    }
    let rest = rest.trim();
    let number = Decimal { mantissa: if negative { -mantissa } else { mantissa }, scale };
    if rest.is_empty() {
        v.shape = ValueShape::Number;
    } else if UNITS.contains(&rest) {
        v.shape = ValueShape::NumberWithUnit;
        v.note = Some(rest.to_string());
    } else if rest.starts_with(['（', '(', '[', '【']) {
        v.shape = ValueShape::Annotated;
        v.note = Some(rest.to_string());
    } else {
        // "3个月", "2019年": not a value.
        return v;
    }
    v.number = Some(number);
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(text: &str) -> Option<String> {
        read_value(text).number.map(|n| n.to_string())
    }

    #[test]
    fn integers_print_as_i128_does() {
        for n in [0, 7, -7, 10, -1000, 123_456_789_012_345_678, i128::MAX, i128::MIN] {
            let d = Decimal::integer(n);
            assert_eq!(d.to_string(), n.to_string());
            assert_eq!(format!("{d:>6}|{d:<6}|{d:+}|{d:06}"), format!("{n:>6}|{n:<6}|{n:+}|{n:06}"));
        }
        assert_eq!(Decimal { mantissa: -5, scale: 2 }.to_string(), "-0.05");
        assert_eq!(Decimal { mantissa: 12_500, scale: 3 }.to_string(), "12.5");
        assert_eq!(Decimal { mantissa: -12_000, scale: 3 }.to_string(), "-12");
        assert_eq!(Decimal { mantissa: 0, scale: 2 }.to_string(), "0");
        assert_eq!(Decimal { mantissa: 7, scale: 1 }.to_string(), "0.7");
        assert_eq!(Decimal { mantissa: 174, scale: 1 }.fixed(), "17.4");
    }

    #[test]
    fn plain_digits_read_as_the_general_walk_reads_them() {
        let mut texts: Vec<String> = ["0", "7", "00", "0012", "3119", "96171", "2147483648"].map(String::from).to_vec();
        texts.extend((1..=MAX_DIGITS + 2).map(|n| "9".repeat(n)));
        texts.extend((1..=MAX_DIGITS + 2).map(|n| "1234567890".repeat(4)[..n].to_string()));
        for t in &texts {
            let general = read_general(t);
            match plain_digits(t) {
                Some(fast) => assert_eq!(fast, general, "{t}"),
                None => assert!(t.len() > MAX_DIGITS && general.overflow, "{t}"),
            }
        }
        for t in ["", "3 ", "+3", "3.5", "３", "1,234", "3件"] {
            assert!(plain_digits(t).is_none(), "{t}");
        }
    }

    /// `reads_as_number` answers as the value read does, and a text that `starts_as_text`
    /// reads as the walk leaves a text it found no digit at the start of: every text of up
    /// to three characters from signs, digits, separators, units and letters.
    #[test]
    fn reads_as_number_is_the_value_read() {
        let alphabet =
            ['1', '０', '+', '＋', '-', '－', '−', '.', '．', ',', '，', '件', '（', '(', ' ', 'a', '/', '无'];
        let mut texts = vec![String::new()];
        for len in 1..=3 {
            let mut next = Vec::new();
            for t in texts.iter().filter(|t| t.chars().count() == len - 1) {
                next.extend(alphabet.iter().map(|c| format!("{t}{c}")));
            }
            texts.extend(next);
        }
        texts.extend(PLACEHOLDERS.iter().chain(UNITS).map(|s| s.to_string()));
        texts.extend(
            ["本年新收政府信息公开申请数量", "（一）予以公开", "3件", "１２", "-3", "+1,234.5"].map(String::from),
        );
        for t in &texts {
            let v = read_value(t);
            assert_eq!(reads_as_number(t), v.is_number(), "{t:?}");
            // The eager browser module's form.
            let t = t.trim();
            assert_eq!(is_plain_digits(t) || !starts_as_text(t) && read_value(t).is_number(), v.is_number(), "{t:?}");
            if starts_as_text(t.trim()) {
                assert!(!v.is_number() && v.note.is_none() && !v.unusual_digits && !v.overflow, "{t:?}");
                assert!(matches!(v.shape, ValueShape::Text | ValueShape::Blank | ValueShape::Placeholder), "{t:?}");
            }
        }
    }

    #[test]
    fn numbers_as_typed() {
        assert_eq!(num("3"), Some("3".into()));
        assert_eq!(num(" 3119 "), Some("3119".into()));
        assert_eq!(num("96171.6"), Some("96171.6".into()));
        assert_eq!(num("4068.208"), Some("4068.208".into()));
        assert_eq!(num("+1036"), Some("1036".into()));
        assert_eq!(num("-3"), Some("-3".into()));
        assert_eq!(num("1,234"), Some("1234".into()));
        assert_eq!(num("３"), Some("3".into()));
        assert!(read_value("３").unusual_digits);
        assert_eq!(read_value("0").shape, ValueShape::Number);
    }

    #[test]
    fn units_and_annotations_keep_the_leading_number() {
        let v = read_value("0万元");
        assert_eq!(
            (v.shape, v.number, v.note.as_deref()),
            (ValueShape::NumberWithUnit, Some(Decimal::ZERO), Some("万元"))
        );
        let v = read_value("22（其中修订16件）");
        assert_eq!(
            (v.shape, v.number.map(|n| n.to_string()), v.note.as_deref()),
            (ValueShape::Annotated, Some("22".into()), Some("（其中修订16件）"))
        );
        let v = read_value("55（含自然失效29件）");
        assert_eq!(v.number, Some(Decimal::integer(55)));
    }

    /// The walk over a text's characters: sign, digits, a point or a separator only before a
    /// digit, then the rest trimmed and read as a unit, a remark or text.
    #[test]
    fn the_walk_reads_sign_digits_and_the_rest() {
        let read = |t: &str| {
            let v = read_value(t);
            (v.shape, v.number.map(|n| n.fixed()), v.note, v.unusual_digits)
        };
        let some = |s: &str| Some(s.to_string());
        assert_eq!(read("-1,234.50件"), (ValueShape::NumberWithUnit, some("-1234.50"), some("件"), true));
        assert_eq!(read("＋5 （含2件）"), (ValueShape::Annotated, some("5"), some("（含2件）"), false));
        assert_eq!(read("１２．５"), (ValueShape::Number, some("12.5"), None, true));
        assert_eq!(read("−7"), (ValueShape::Number, some("-7"), None, false));
        for t in ["3.（注）", "3,", "1.5.3", "12..5", "1.属于国家秘密", "2019年", "-", "+", "3 4"] {
            assert_eq!(read_value(t).number, None, "{t}");
        }
    }

    #[test]
    fn blank_placeholder_and_text_stay_distinct() {
        assert_eq!(read_value("").shape, ValueShape::Blank);
        for p in ["/", "—", "-", "无", "不适用", "——"] {
            assert_eq!(read_value(p).shape, ValueShape::Placeholder, "{p}");
        }
        assert_eq!(read_value("自然人").shape, ValueShape::Text);
        assert_eq!(read_value("2019年").shape, ValueShape::Text);
        assert_eq!(read_value("1.属于国家秘密").shape, ValueShape::Text);
    }

    #[test]
    fn thirty_digits_and_beyond() {
        let v = read_value("123456789012345678901234567890");
        assert_eq!(v.number.map(|n| n.to_string()), Some("123456789012345678901234567890".into()));
        let v = read_value("1234567890123456789012345678901");
        assert!(v.overflow && v.number.is_none());
    }

    #[test]
    fn percentages_and_rounding_without_floats() {
        let d = |s: &str| read_value(s).number.unwrap();
        assert_eq!(d("208").percent_of(d("1191"), 2).unwrap().fixed(), "17.46");
        assert_eq!(d("20").percent_of(d("1191"), 2).unwrap().fixed(), "1.68");
        assert_eq!(d("1").percent_of(d("3"), 0).unwrap().fixed(), "33");
        assert_eq!(d("2").percent_of(d("3"), 1).unwrap().fixed(), "66.7");
        assert_eq!(d("1").percent_of(d("8"), 2).unwrap().fixed(), "12.50");
        assert!(d("1").percent_of(d("0"), 2).is_none());
        assert_eq!(d("96171.64").round_to(1).unwrap().fixed(), "96171.6");
        assert_eq!(d("0.05").round_to(1).unwrap().fixed(), "0.1");
    }

    #[test]
    fn decimal_arithmetic_is_exact() {
        let a = read_value("0.1").number.unwrap();
        let b = read_value("0.2").number.unwrap();
        assert_eq!(a.checked_add(b).unwrap().to_string(), "0.3");
        assert!(Decimal::integer(3).same_value(read_value("3.00").number.unwrap()));
        assert_eq!(Decimal::integer(i128::MAX).checked_add(Decimal::integer(1)), None);
    }

    /// A single ASCII digit's text is borrowed, every other text owned, and each reads as
    /// typed.
    #[test]
    fn single_digits_borrowed() {
        use std::borrow::Cow;
        for d in '0'..='9' {
            let text = d.to_string();
            assert!(matches!(read_value(&text).text, Cow::Borrowed(t) if t == text), "{text}");
        }
        for text in ["10", "０", "-", "", "无", "3.5"] {
            let v = read_value(text);
            assert!(matches!(&v.text, Cow::Owned(t) if t == text), "{text}");
        }
    }
}
