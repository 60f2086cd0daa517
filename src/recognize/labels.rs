//! Matching printed labels to official ones (docs/format.md §9.1): full/half width, spaces,
//! `1.`/`1、`/`1．`, quotes, and typos.

use crate::format::{ColumnSpec, RowSpec};
use crate::strings::char_count;

/// Fold a label to a canonical form: no whitespace, ASCII punctuation turned full-width as
/// the format writes it, sub-item numbering `1、`/`1．` → `1.`, quotes → `“”`, full-width
/// digits → ASCII.
pub fn canonical(label: &str) -> String {
    let mut out = String::with_capacity(label.len());
    let chars: Vec<char> = label.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let prev_digit = i > 0 && chars[i - 1].is_ascii_digit();
        let mapped = match c {
            c if c.is_whitespace() || c == '\u{3000}' || c == '\u{a0}' => continue,
            '(' => '（',
            ')' => '）',
            ',' => '，',
            ':' => '：',
            ';' => '；',
            '"' | '＂' | '「' | '」' => {
                // Alternate opening and closing quotes.
                if out.chars().filter(|&c| c == '“').count() > out.chars().filter(|&c| c == '”').count() {
                    '”'
                } else {
                    '“'
                }
            }
            '、' | '．' | '.' if prev_digit => '.',
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '／' => '/',
            c => c,
        };
        out.push(mapped);
    }
    out
}

/// Like [`canonical`], also without punctuation and sub-item numbers: what is left are the
/// words.
pub fn words(label: &str) -> String {
    canonical(label).chars().filter(|c| !c.is_ascii_punctuation() && !is_cjk_punct(*c) && !c.is_ascii_digit()).collect()
}

/// [`words`] of an official label or key term, worked out once: labels are matched against
/// every printed row, and the official side never changes.
pub fn official_words(label: &'static str) -> &'static str {
    use std::sync::Mutex;
    /// (address, length) of the official string → its words, sorted by key.
    static CACHE: Mutex<Vec<((usize, usize), &'static str)>> = Mutex::new(Vec::new());
    let mut cache = CACHE.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    // Keyed by the static string's address and length; the set of official strings is
    // finite, so the leaked copies are bounded.
    let key = (label.as_ptr() as usize, label.len());
    match cache.binary_search_by(|(k, _)| k.cmp(&key)) {
        Ok(i) => cache[i].1,
        Err(i) => {
            let w: &'static str = Box::leak(words(label).into_boxed_str());
            cache.insert(i, (key, w));
            w
        }
    }
}

fn is_cjk_punct(c: char) -> bool {
    matches!(
        c,
        '（' | '）'
            | '，'
            | '：'
            | '；'
            | '“'
            | '”'
            | '、'
            | '。'
            | '《'
            | '》'
            | '〔'
            | '〕'
            | '【'
            | '】'
            | '‘'
            | '’'
    )
}

/// How a printed label relates to the official one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LabelMatch {
    /// Identical, or differing only in whitespace or sub-item numbering (`1、`/`1．`).
    Exact,
    /// Differing only in punctuation width or quotes: `(一)` for `（一）`.
    Punctuation,
    /// A part of the official label (wrapped, truncated or without its number).
    Partial,
    /// Recognisably the same label, misspelt (`其他法律行政止公开`).
    Misspelt,
    /// Not this label.
    Different,
}

/// Compare a printed label with an official one; `keys` are the official label's key
/// terms (any one of them identifies it).
pub fn compare(printed: &str, official: &str, keys: &[&str]) -> LabelMatch {
    let strip_spaces = |s: &str| s.chars().filter(|c| !c.is_whitespace() && *c != '\u{3000}').collect::<String>();
    let p_raw = strip_spaces(printed).replace(['、', '．'], ".");
    let o_raw = strip_spaces(official);
    if p_raw == o_raw || strip_spaces(printed) == o_raw {
        return LabelMatch::Exact;
    }
    let p = canonical(printed);
    let o = canonical(official);
    if p == o {
        // Only numbering differed (`1、`) → exact; otherwise punctuation width.
        let renumbered = canonical(&p_raw) == o
            && p_raw.chars().filter(|c| c.is_ascii_punctuation()).count()
                == o_raw.chars().filter(|c| c.is_ascii_punctuation()).count();
        return if renumbered { LabelMatch::Exact } else { LabelMatch::Punctuation };
    }
    let pw = words(printed);
    let ow = words(official);
    if pw.is_empty() {
        return LabelMatch::Different;
    }
    if pw == ow {
        return LabelMatch::Punctuation;
    }
    if ow.contains(&pw) && char_count(&pw) >= 2 {
        return LabelMatch::Partial;
    }
    let has_key = keys.iter().any(|k| pw.contains(&words(k)) && !words(k).is_empty());
    let overlap = similarity(&pw, &ow, MAX_LABEL);
    if has_key && overlap >= 0.6 || overlap >= 0.8 {
        return LabelMatch::Misspelt;
    }
    if has_key && char_count(&pw) <= char_count(&ow) + 2 {
        return LabelMatch::Misspelt;
    }
    LabelMatch::Different
}

/// How alike two labels or titles are: their longest common subsequence of characters over
/// the longer one's length (0 to 1); 0 when either is empty or longer than `max_chars`.
pub fn similarity(a: &str, b: &str, max_chars: usize) -> f64 {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.is_empty() || b.is_empty() || a.len() > max_chars || b.len() > max_chars {
        return 0.0;
    }
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    for &ca in &a {
        for (j, &cb) in b.iter().enumerate() {
            cur[j + 1] = if ca == cb { prev[j] + 1 } else { cur[j].max(prev[j + 1]) };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    let lcs = prev[b.len()];
    lcs as f64 / b.len().max(a.len()) as f64
}

/// No label compared by [`similarity`] is longer than this many characters.
const MAX_LABEL: usize = 200;

/// How strongly a printed row label points at an official row: 0 = not at all; higher is
/// better (the length of the longest key term found, or more for a full match).
pub fn row_score(printed: &str, row: &RowSpec) -> usize {
    row_score_of_words(&words(printed), row)
}

/// [`row_score`] of a label already reduced to its [`words`] (a label is scored against
/// every official row: reduce it once).
pub fn row_score_of_words(pw: &str, row: &RowSpec) -> usize {
    if pw.is_empty() {
        return 0;
    }
    let ow = official_words(row.label);
    if !ow.is_empty() && pw == ow {
        return 100;
    }
    let key =
        row.keys.iter().map(|k| official_words(k)).filter(|k| !k.is_empty() && pw.contains(*k)).map(char_count).max();
    match key {
        Some(n) => n * 2 + usize::from(ow.contains(pw)),
        None if ow.contains(pw) && char_count(pw) >= 3 => 1,
        None => 0,
    }
}

/// Does this header text name the column?
pub fn column_matches(printed: &str, column: &ColumnSpec) -> bool {
    let pw = words(printed);
    !pw.is_empty() && (pw == official_words(column.label) || column.keys.iter().any(|k| pw.contains(official_words(k))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::{rows, y2021, TableId};

    #[test]
    fn canonical_forms() {
        assert_eq!(canonical("第二十条 第(一)项"), "第二十条第（一）项");
        assert_eq!(canonical("1、申请人无正当理由"), "1.申请人无正当理由");
        assert_eq!(canonical("3.危及\"三安全一稳定\""), "3.危及“三安全一稳定”");
        assert_eq!(canonical("商业\n企业"), "商业企业");
    }

    #[test]
    fn comparisons() {
        use LabelMatch::*;
        let keys: &[&str] = &["禁止公开", "行政止公开"];
        assert_eq!(compare("2.其他法律行政法规禁止公开", "2.其他法律行政法规禁止公开", keys), Exact);
        assert_eq!(compare("2、其他法律行政法规禁止公开", "2.其他法律行政法规禁止公开", keys), Exact);
        assert_eq!(compare("2.其他法律行政止公开", "2.其他法律行政法规禁止公开", keys), Misspelt);
        assert_eq!(compare("(一)予以公开", "（一）予以公开", &["予以公开"]), Punctuation);
        assert_eq!(compare("予以公开", "（一）予以公开", &["予以公开"]), Partial);
        assert_eq!(
            compare(
                "（二）部分公开（区分处理的，只计这一情",
                "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
                &["部分公开"]
            ),
            Partial
        );
        assert_eq!(compare("行政许可", "（一）予以公开", &["予以公开"]), Different);
        assert_eq!(compare("3.危及\"三安全一稳定\"", "3.危及“三安全一稳定”", &["三安全"]), Punctuation);
    }

    #[test]
    fn row_scores_pick_the_right_row() {
        let t = y2021::FORMAT.table(TableId::Requests);
        let best = |printed: &str| t.rows().max_by_key(|(_, r)| row_score(printed, r)).map(|(_, r)| r.id).unwrap();
        assert_eq!(best("2.其他法律行政止公开"), rows::WITHHELD_PROHIBITED);
        assert_eq!(best("2.申请人逾期未按收费通知要求缴纳费用"), rows::OTHER_HANDLING_UNPAID_FEE);
        assert_eq!(best("1.本机关不掌握相关政府信息"), rows::UNAVAILABLE_NOT_HELD);
        assert_eq!(best("（七）总计"), rows::OUTCOMES_TOTAL);
        assert_eq!(best("四、结转下年度继续办理"), rows::CARRIED_OUT);
    }
}
