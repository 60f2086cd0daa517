//! Word's automatic list numbers (`w:numPr`): "1.", "（一）" are not in the document's text
//! but made by Word from `word/numbering.xml` as it shows the page. The reader makes them the
//! same way, so that a row label numbered by Word reads as the one typed: `1.属于国家秘密`.
//!
//! A paragraph names a list (`w:numId`) and a level (`w:ilvl`); the list's abstract definition
//! gives each level its format (`w:numFmt`: decimal, chineseCounting, …), its text
//! (`w:lvlText`: `%1.`, `（%1）`) and its start; every list counts on its own, and a level
//! restarts after a higher one. Bullets are not text a report needs and are left out.

use std::collections::HashMap;

use super::wordml::{attr, child, is_w, w_val};

/// The levels of one abstract numbering definition, or of a list's override of it.
#[derive(Clone, Debug, Default)]
struct Level {
    start: Option<i64>,
    format: String,
    text: Option<String>,
    /// What follows the number: a tab (the default), a space, or nothing.
    suffix: &'static str,
    legal: bool,
}

#[derive(Debug, Default)]
struct List {
    abstract_id: String,
    /// Levels redefined by the list (`w:lvlOverride/w:lvl`) and restarts (`w:startOverride`).
    overrides: HashMap<u8, Level>,
    start_overrides: HashMap<u8, i64>,
}

/// The numbering definitions of a document and the counters of its lists.
#[derive(Debug, Default)]
pub struct Numbering {
    abstracts: HashMap<String, [Option<Level>; 9]>,
    lists: HashMap<String, List>,
    counters: HashMap<String, [Option<i64>; 9]>,
}

fn level(node: roxmltree::Node) -> Level {
    let val = |name: &str| child(node, name).and_then(w_val).map(str::to_string);
    Level {
        start: val("start").and_then(|s| s.trim().parse().ok()),
        format: val("numFmt").unwrap_or_else(|| "decimal".into()),
        text: val("lvlText"),
        suffix: match val("suff").as_deref() {
            Some("space") => " ",
            Some("nothing") => "",
            _ => "\t",
        },
        legal: child(node, "isLgl").is_some_and(|n| w_val(n).is_none_or(|v| v != "0" && v != "false")),
    }
}

fn level_index(node: roxmltree::Node) -> Option<u8> {
    attr(node, "ilvl").and_then(|v| v.trim().parse::<u8>().ok()).filter(|&l| l < 9)
}

impl Numbering {
    /// Read `word/numbering.xml` (an unreadable part gives no numbering, never an error).
    pub fn parse(xml: &str) -> Numbering {
        let mut numbering = Numbering::default();
        let Some(doc) = super::wordml::parse_xml(xml) else { return numbering };
        for node in doc.root_element().children().filter(|n| n.is_element()) {
            if is_w(node, "abstractNum") {
                let Some(id) = attr(node, "abstractNumId") else { continue };
                let mut levels: [Option<Level>; 9] = Default::default();
                for lvl in node.children().filter(|n| is_w(*n, "lvl")) {
                    if let Some(i) = level_index(lvl) {
                        levels[usize::from(i)] = Some(level(lvl));
                    }
                }
                numbering.abstracts.insert(id.to_string(), levels);
            } else if is_w(node, "num") {
                let Some(id) = attr(node, "numId") else { continue };
                let mut list = List {
                    abstract_id: child(node, "abstractNumId").and_then(w_val).unwrap_or_default().to_string(),
                    ..List::default()
                };
                for o in node.children().filter(|n| is_w(*n, "lvlOverride")) {
                    let Some(i) = level_index(o) else { continue };
                    if let Some(start) = child(o, "startOverride").and_then(w_val).and_then(|v| v.trim().parse().ok()) {
                        list.start_overrides.insert(i, start);
                    }
                    if let Some(lvl) = child(o, "lvl") {
                        list.overrides.insert(i, level(lvl));
                    }
                }
                numbering.lists.insert(id.to_string(), list);
            }
        }
        numbering
    }

    fn level(&self, list: &str, ilvl: u8) -> Option<&Level> {
        let l = self.lists.get(list)?;
        l.overrides.get(&ilvl).or_else(|| self.abstracts.get(&l.abstract_id)?[usize::from(ilvl)].as_ref())
    }

    fn start(&self, list: &str, ilvl: u8) -> i64 {
        let overridden = self.lists.get(list).and_then(|l| l.start_overrides.get(&ilvl)).copied();
        overridden.or_else(|| self.level(list, ilvl).and_then(|l| l.start)).unwrap_or(0)
    }

    /// The number Word shows before a paragraph of list `list` at level `ilvl`, with what
    /// follows it (a tab or a space), counting the paragraph; "" for a bullet, for no list
    /// (`numId` 0) and for a list the file does not define.
    pub fn next(&mut self, list: &str, ilvl: u8) -> String {
        let Some(level) = self.level(list, ilvl).cloned() else { return String::new() };
        let start = self.start(list, ilvl);
        let counters = self.counters.entry(list.to_string()).or_default();
        let i = usize::from(ilvl);
        counters[i] = Some(counters[i].map_or(start, |n| n.saturating_add(1)));
        for deeper in counters.iter_mut().skip(i + 1) {
            *deeper = None;
        }
        let counters = *counters;
        if level.format == "bullet" || level.format == "none" {
            return String::new();
        }
        let Some(pattern) = level.text.as_deref() else { return String::new() };
        let mut out = String::new();
        let mut chars = pattern.chars().peekable();
        while let Some(c) = chars.next() {
            let digit = chars.peek().and_then(|d| d.to_digit(10)).filter(|d| (1..=9).contains(d));
            match (c, digit) {
                ('%', Some(d)) => {
                    chars.next();
                    let at = (d - 1) as u8;
                    let n = counters[usize::from(at)].unwrap_or_else(|| self.start(list, at));
                    let format = if level.legal {
                        "decimal".to_string()
                    } else {
                        self.level(list, at).map_or_else(|| "decimal".to_string(), |l| l.format.clone())
                    };
                    out.push_str(&format_number(n, &format));
                }
                _ => out.push(c),
            }
        }
        if !out.is_empty() {
            out.push_str(level.suffix);
        }
        out
    }
}

/// A counter in one of Word's number formats (the ones Chinese documents use, and the
/// common Latin ones; any other format is written in decimal).
pub fn format_number(n: i64, format: &str) -> String {
    const CIRCLED: &str = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";
    const FULLSTOP: &str = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛";
    const PAREN: &str = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇";
    let nth = |set: &str| usize::try_from(n).ok().filter(|&i| i >= 1).and_then(|i| set.chars().nth(i - 1));
    match format {
        "decimalZero" if (0..10).contains(&n) => format!("0{n}"),
        "upperRoman" => roman(n).unwrap_or_else(|| n.to_string()),
        "lowerRoman" => roman(n).map_or_else(|| n.to_string(), |r| r.to_lowercase()),
        "upperLetter" => letters(n, b'A').unwrap_or_else(|| n.to_string()),
        "lowerLetter" => letters(n, b'a').unwrap_or_else(|| n.to_string()),
        "chineseCounting"
        | "chineseCountingThousand"
        | "japaneseCounting"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand"
        | "koreanCounting" => chinese(n, "〇一二三四五六七八九", ["十", "百", "千"], true),
        "chineseLegalSimplified" | "japaneseLegal" => chinese(n, "零壹贰叁肆伍陆柒捌玖", ["拾", "佰", "仟"], false),
        "ideographDigital" | "taiwaneseDigital" | "japaneseDigitalTenThousand" => n
            .to_string()
            .chars()
            .map(|d| d.to_digit(10).and_then(|d| "〇一二三四五六七八九".chars().nth(d as usize)).unwrap_or(d))
            .collect(),
        "ideographTraditional" => nth("甲乙丙丁戊己庚辛壬癸").map_or_else(|| n.to_string(), String::from),
        "ideographZodiac" => nth("子丑寅卯辰巳午未申酉戌亥").map_or_else(|| n.to_string(), String::from),
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .map(|d| d.to_digit(10).and_then(|d| char::from_u32(0xFF10 + d)).unwrap_or(d))
            .collect(),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" | "ideographEnclosedCircle" => {
            nth(CIRCLED).map_or_else(|| n.to_string(), String::from)
        }
        "decimalEnclosedFullstop" => nth(FULLSTOP).map_or_else(|| n.to_string(), String::from),
        "decimalEnclosedParen" => nth(PAREN).map_or_else(|| n.to_string(), String::from),
        _ => n.to_string(),
    }
}

/// 1 → I, 4 → IV, 1999 → MCMXCIX (1 to 3999).
fn roman(n: i64) -> Option<String> {
    if !(1..4000).contains(&n) {
        return None;
    }
    const VALUES: [(i64, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut n = n;
    let mut out = String::new();
    for (v, s) in VALUES {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    Some(out)
}

/// Word's letters: 1 → A, 26 → Z, 27 → AA, 28 → BB (the letter repeated), up to 780.
fn letters(n: i64, first: u8) -> Option<String> {
    if !(1..=780).contains(&n) {
        return None;
    }
    let n = n as usize - 1;
    let letter = char::from(first + (n % 26) as u8);
    Some(std::iter::repeat_n(letter, n / 26 + 1).collect())
}

/// Chinese counting: 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 101 → 一百零一, 110 → 一百一十
/// (`short_ten`: 十一 rather than 一十一; the legal numerals keep the one: 壹拾壹).
fn chinese(n: i64, digits: &str, units: [&str; 3], short_ten: bool) -> String {
    if !(0..10_000).contains(&n) {
        return n.to_string();
    }
    let digit = |d: i64| digits.chars().nth(d as usize).unwrap_or('〇');
    if n == 0 {
        return digit(0).to_string();
    }
    let parts = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10];
    let mut out = String::new();
    let mut zero = false;
    for (i, &d) in parts.iter().enumerate() {
        let unit = match i {
            0 => units[2],
            1 => units[1],
            2 => units[0],
            _ => "",
        };
        if d == 0 {
            zero = !out.is_empty();
            continue;
        }
        if zero {
            out.push('零');
            zero = false;
        }
        // 十一 rather than 一十一 when the number starts with the tens.
        if !(short_ten && i == 2 && d == 1 && out.is_empty()) {
            out.push(digit(d));
        }
        out.push_str(unit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_numbers_as_word_does() {
        let f = |n, fmt| format_number(n, fmt);
        assert_eq!(f(3, "decimal"), "3");
        assert_eq!(f(1, "chineseCounting"), "一");
        assert_eq!(f(10, "chineseCounting"), "十");
        assert_eq!(f(11, "chineseCounting"), "十一");
        assert_eq!(f(20, "chineseCountingThousand"), "二十");
        assert_eq!(f(101, "chineseCounting"), "一百零一");
        assert_eq!(f(110, "chineseCounting"), "一百一十");
        assert_eq!(f(1005, "chineseCounting"), "一千零五");
        assert_eq!(f(12, "chineseLegalSimplified"), "壹拾贰");
        assert_eq!(f(3, "decimalEnclosedCircle"), "③");
        assert_eq!(f(2, "ideographTraditional"), "乙");
        assert_eq!(f(4, "lowerRoman"), "iv");
        assert_eq!(f(28, "upperLetter"), "BB");
        assert_eq!(f(7, "decimalFullWidth"), "７");
        assert_eq!(f(5, "decimalZero"), "05");
    }

    const NUMBERING: &str = r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
      <w:abstractNum w:abstractNumId="0">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%1）"/><w:suff w:val="nothing"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
      </w:abstractNum>
      <w:abstractNum w:abstractNumId="1">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="●"/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
      <w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>
    </w:numbering>"#;

    #[test]
    fn counts_each_list_and_restarts_deeper_levels() {
        let mut n = Numbering::parse(NUMBERING);
        assert_eq!(n.next("1", 0), "（一）");
        assert_eq!(n.next("1", 1), "1.\t");
        assert_eq!(n.next("1", 1), "2.\t");
        assert_eq!(n.next("1", 0), "（二）");
        assert_eq!(n.next("1", 1), "1.\t");
        // Another list of the same definition counts on its own, from its override.
        assert_eq!(n.next("2", 1), "5.\t");
        assert_eq!(n.next("3", 0), "");
        assert_eq!(n.next("0", 0), "");
        assert_eq!(n.next("9", 0), "");
    }
}
