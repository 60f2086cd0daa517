//! The narrative's words: what a keyword says a number counts ([`Kw`]), what a sentence is
//! about ([`Topic`]), and which sentences are table text run into prose.

use crate::strings::{next_char_in, CharSet};

/// What a keyword says a number counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kw {
    Received,
    ReceivedAny,
    Answered,
    CarriedIn,
    CarriedOut,
    Disclosed,
    Partly,
    DisclosedOrPartly,
    Withheld,
    Unavailable,
    NotHandled,
    OtherHandling,
    Review,
    Suit,
    Upheld,
    Corrected,
    OtherResult,
    Pending,
    Regulations,
    NormativeDocs,
    Fees,
}

impl Kw {
    pub(super) fn is_application(self) -> bool {
        matches!(self, Kw::Received | Kw::ReceivedAny | Kw::Answered | Kw::CarriedIn | Kw::CarriedOut)
    }
    pub(super) fn is_outcome(self) -> bool {
        matches!(
            self,
            Kw::Disclosed
                | Kw::Partly
                | Kw::DisclosedOrPartly
                | Kw::Withheld
                | Kw::Unavailable
                | Kw::NotHandled
                | Kw::OtherHandling
        )
    }
}

pub(super) const KEYWORDS: &[(&str, Kw)] = &[
    ("新收", Kw::Received),
    ("收到", Kw::ReceivedAny),
    ("受理", Kw::ReceivedAny),
    ("接收", Kw::ReceivedAny),
    ("共收", Kw::ReceivedAny),
    ("办结", Kw::Answered),
    ("答复", Kw::Answered),
    ("办复", Kw::Answered),
    ("办理", Kw::Answered),
    ("处理完毕", Kw::Answered),
    ("予以公开及部分公开", Kw::DisclosedOrPartly),
    ("予以公开和部分公开", Kw::DisclosedOrPartly),
    ("予以公开或部分公开", Kw::DisclosedOrPartly),
    ("公开及部分公开", Kw::DisclosedOrPartly),
    ("予以公开", Kw::Disclosed),
    ("部分公开", Kw::Partly),
    ("不予公开", Kw::Withheld),
    ("无法提供", Kw::Unavailable),
    ("不予处理", Kw::NotHandled),
    ("其他处理", Kw::OtherHandling),
    ("行政复议", Kw::Review),
    ("复议", Kw::Review),
    ("行政诉讼", Kw::Suit),
    ("诉讼", Kw::Suit),
    ("维持", Kw::Upheld),
    ("纠正", Kw::Corrected),
    ("其他结果", Kw::OtherResult),
    ("尚未审结", Kw::Pending),
    ("未审结", Kw::Pending),
    ("规章", Kw::Regulations),
    ("规范性文件", Kw::NormativeDocs),
    ("行政事业性收费", Kw::Fees),
];

/// The keyword closest before the end of `prefix` (the longest when two end together).
///
/// One pass over `prefix`, trying the keywords only where one can start: this runs on each
/// of the narrative's numbers, and a `str` search per keyword (building each keyword's
/// searcher on every call) cost the browser's eager module ≈ 0.27 M instructions per check
/// on the Word paste. The same matches as one `match_indices` per keyword (tested).
pub(super) fn closest_keyword(prefix: &str) -> Option<Kw> {
    let mut best: Option<(usize, usize, Kw)> = None;
    let mut consider = |end: usize, len: usize, kw: Kw| {
        if best.is_none_or(|(e, l, _)| (end, len) > (e, l)) {
            best = Some((end, len, kw));
        }
    };
    // Each keyword's matches as `match_indices` finds them (left to right, none overlapping
    // another of the same keyword): where each keyword may match next.
    let mut next_free = [0usize; KEYWORDS.len()];
    let mut from = 0;
    while let Some((at, c)) = next_char_in(prefix, from, &KEYWORD_STARTS) {
        let rest = &prefix.as_bytes()[at..];
        if matches!(c, '结' | '顺') {
            // No keyword starts so, and neither carry word overlaps itself: every place
            // one starts is a match.
            for pat in CARRY_WORDS {
                if rest.starts_with(pat.as_bytes()) {
                    if let Some((end, len, kw)) = carried(prefix, at, pat) {
                        consider(end, len, kw);
                    }
                }
            }
        } else {
            for ((pat, kw), free) in KEYWORDS.iter().zip(&mut next_free) {
                if at >= *free && rest.starts_with(pat.as_bytes()) {
                    consider(at + pat.len(), pat.len(), *kw);
                    *free = at + pat.len();
                }
            }
        }
        from = at + c.len_utf8();
    }
    best.map(|b| b.2)
}

/// The words of a carry-over, into the next year or from the last one as the words around say.
const CARRY_WORDS: [&str; 2] = ["结转", "顺延"];

/// The carry-over `pat` at `at` in `prefix` as [`closest_keyword`] weighs it (its end, its
/// length counting one more character, its keyword), if the words around say which way it goes.
#[inline(always)]
fn carried(prefix: &str, at: usize, pat: &str) -> Option<(usize, usize, Kw)> {
    let after = prefix[at + pat.len()..].trim_start_matches(['至', '到', '于']);
    let before = &prefix[..at];
    let kw = if after.starts_with('下') {
        Kw::CarriedOut
    } else if ["上年", "上年度", "上一年", "上一年度", "去年", "上年度申请"].iter().any(|b| before.ends_with(b))
    {
        Kw::CarriedIn
    } else {
        return None;
    };
    Some((at + pat.len(), pat.len() + 3, kw))
}

/// The first characters of the keywords of [`KEYWORDS`] and of [`CARRY_WORDS`].
const KEYWORD_STARTS: CharSet = CharSet::new(
    &[
        '新', '收', '受', '接', '共', '办', '答', '处', '予', '公', '部', '不', '无', '其', '行', '复', '诉', '维',
        '纠', '尚', '未', '规', '结', '顺',
    ],
    |c| {
        matches!(
            c,
            '新' | '收'
                | '受'
                | '接'
                | '共'
                | '办'
                | '答'
                | '处'
                | '予'
                | '公'
                | '部'
                | '不'
                | '无'
                | '其'
                | '行'
                | '复'
                | '诉'
                | '维'
                | '纠'
                | '尚'
                | '未'
                | '规'
                | '结'
                | '顺'
        )
    },
);

/// The first characters of the topic words ([`last_topic`]) and of the table marks ([`is_table_text`]).
const TOPIC_STARTS: CharSet =
    CharSet::new(&['复', '诉', '申', '起', '案'], |c| matches!(c, '复' | '诉' | '申' | '起' | '案'));
const MARK_STARTS: CharSet =
    CharSet::new(&['申', '第', '勾', '结', '信'], |c| matches!(c, '申' | '第' | '勾' | '结' | '信'));

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Topic {
    Apps,
    Review,
    Suit,
    Cases,
}

pub(super) fn last_topic(text: &str) -> Option<Topic> {
    const TOPICS: [(&str, Topic); 7] = [
        ("复议申请", Topic::Review),
        ("诉讼申请", Topic::Suit),
        ("申请", Topic::Apps),
        ("复议", Topic::Review),
        ("诉讼", Topic::Suit),
        ("起诉", Topic::Suit),
        ("案件", Topic::Cases),
    ];
    // The topic named last: the word ending last, the longer one on a tie. One pass over the
    // sentence, trying the words only where one can start (this runs on every sentence; see
    // `next_char_in`).
    let mut best: Option<(usize, usize, Topic)> = None;
    let mut from = 0;
    while let Some((at, _)) = next_char_in(text, from, &TOPIC_STARTS) {
        for (word, topic) in TOPICS {
            if text.as_bytes()[at..].starts_with(word.as_bytes()) {
                let key = (at + word.len(), word.len());
                if best.is_none_or(|(e, l, _)| key > (e, l)) {
                    best = Some((key.0, key.1, topic));
                }
            }
        }
        from = at + 3;
    }
    best.map(|b| b.2)
}

/// Sentences that are table text run into prose (flattened pages), not narrative.
pub(super) fn is_table_text(s: &str) -> bool {
    const MARKS: [&str; 6] = ["申请数量", "第二十条", "勾稽", "结果维持结果纠正", "申请人情况", "信息内容本年"];
    // One pass, trying the marks only where one can start (this runs on every sentence).
    let mut from = 0;
    while let Some((at, _)) = next_char_in(s, from, &MARK_STARTS) {
        if MARKS.iter().any(|m| s.as_bytes()[at..].starts_with(m.as_bytes())) {
            return true;
        }
        from = at + 3;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::{
        carried, closest_keyword, is_table_text, last_topic, Kw, Topic, CARRY_WORDS, KEYWORDS, KEYWORD_STARTS,
        MARK_STARTS, TOPIC_STARTS,
    };

    /// [`closest_keyword`] as one `match_indices` per keyword finds it.
    fn closest_keyword_by_searches(prefix: &str) -> Option<Kw> {
        let mut best: Option<(usize, usize, Kw)> = None;
        let mut consider = |end: usize, len: usize, kw: Kw| {
            if best.is_none_or(|(e, l, _)| (end, len) > (e, l)) {
                best = Some((end, len, kw));
            }
        };
        for (pat, kw) in KEYWORDS {
            for (at, _) in prefix.match_indices(pat) {
                consider(at + pat.len(), pat.len(), *kw);
            }
        }
        for pat in CARRY_WORDS {
            for (at, _) in prefix.match_indices(pat) {
                if let Some((end, len, kw)) = carried(prefix, at, pat) {
                    consider(end, len, kw);
                }
            }
        }
        best.map(|b| b.2)
    }

    #[test]
    fn the_keywords_are_found_alike_in_one_pass_and_one_search_each() {
        // Every keyword starts with a character of the set, and the set holds no other.
        for (pat, _) in KEYWORDS {
            assert!(!pat.starts_with(['结', '顺']), "{pat}");
        }
        let words = || KEYWORDS.iter().map(|(p, _)| *p).chain(CARRY_WORDS);
        for pat in words() {
            assert!((KEYWORD_STARTS.contains)(pat.chars().next().unwrap()), "{pat}");
        }
        let firsts: Vec<char> = words().filter_map(|p| p.chars().next()).collect();
        for c in '\u{4E00}'..='\u{9FFF}' {
            assert_eq!((KEYWORD_STARTS.contains)(c), firsts.contains(&c), "{c}");
        }
        // Every keyword alone, twice, overlapping itself, after and before the others, and
        // the sentences of every fixture cut at each of their characters.
        let mut texts: Vec<String> = vec![
            String::new(),
            "公开及部分公开及部分公开".into(),
            "予以公开及部分公开及部分公开3件".into(),
            "上年结转下年度".into(),
            "结转至下年".into(),
            "去年顺延".into(),
            "上年度申请结转至于到下".into(),
            "结转顺延结转下".into(),
        ];
        for (a, _) in KEYWORDS {
            texts.push(format!("{a}{a}"));
            for (b, _) in KEYWORDS {
                texts.push(format!("共{a}了{b}"));
                texts.push(format!("{a}{b}"));
            }
        }
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let text_fixture = path.extension().is_some_and(|e| e == "txt" || e == "md");
            let Ok(text) =
                std::fs::read_to_string(&path).map_err(drop).and_then(|t| text_fixture.then_some(t).ok_or(()))
            else {
                continue;
            };
            for sentence in text.split(['。', '\n']).filter(|s| s.len() < 300) {
                let ends: Vec<usize> = sentence.char_indices().map(|(i, _)| i).chain([sentence.len()]).collect();
                texts.extend(ends.iter().map(|&e| sentence[..e].to_string()));
            }
        }
        assert!(texts.len() > 10_000, "{}", texts.len());
        for t in &texts {
            assert_eq!(closest_keyword(t), closest_keyword_by_searches(t), "{t}");
        }
    }

    /// Each set's last-byte test passes every character it holds.
    #[test]
    fn the_start_sets_cover_their_characters() {
        assert!(KEYWORD_STARTS.covers() && TOPIC_STARTS.covers() && MARK_STARTS.covers());
    }

    #[test]
    fn the_topic_named_last_wins_and_the_longer_word_on_a_tie() {
        assert_eq!(last_topic("收到申请30件，其中行政复议2件"), Some(Topic::Review));
        assert_eq!(last_topic("行政复议2件，收到申请30件"), Some(Topic::Apps));
        // 复议申请 and 申请 end together: the longer word decides.
        assert_eq!(last_topic("收到行政复议申请"), Some(Topic::Review));
        assert_eq!(last_topic("收到诉讼申请"), Some(Topic::Suit));
        assert_eq!(last_topic("起诉1件，涉及案件"), Some(Topic::Cases));
        assert_eq!(last_topic("主动公开信息120条"), None);
        assert_eq!(last_topic(""), None);
    }

    #[test]
    fn table_text_is_told_by_its_marks() {
        assert!(is_table_text("三、收到和处理政府信息公开申请情况 本年新收政府信息公开申请数量 30"));
        assert!(is_table_text("结果维持结果纠正其他结果尚未审结"));
        assert!(!is_table_text("本年度共收到政府信息公开申请30件。"));
    }
}
