//! The prose against the tables and against itself: numbers the narrative states about
//! applications, outcomes, 行政复议/行政诉讼, 规章/行政规范性文件 and 行政事业性收费 (against
//! the table cells they describe), enumerations "N条，其中 a条、b条…" (against their own
//! total), and percentages (against count ÷ base).
//!
//! All three rules are warnings: prose has scope and wording the tables lack ("区政府办代表
//! 区政府受理…"), and the tables are the statutory data. Each reads conservatively: a phrase
//! that can mean two things is checked against every reading the tables support, and only a
//! number no reading supports is a finding.
//!
//! * [`lexicon`]: the keywords and topics, and which sentences are table text;
//! * [`readings`]: the ways a phrase can be read against the tables;
//! * [`mismatch`], [`category_sum`], [`percent`]: the three rules.

pub(crate) mod category_sum;
mod lexicon;
pub(crate) mod mismatch;
pub(crate) mod percent;
mod readings;

pub use category_sum::TXT_CATEGORY_SUM;
pub use mismatch::TXT_TABLE_MISMATCH;
pub use percent::TXT_PERCENT;

use crate::diagnostic::Diagnostic;
use crate::recognize::prose::quantities;
use crate::rules::{Context, Family};
use lexicon::{is_table_text, last_topic, Topic};
use mismatch::Stated;

/// The narrative rules (declared one a file) and their check ([`crate::rules::FAMILIES`]).
pub const FAMILY: Family = Family { rules: &[&TXT_TABLE_MISMATCH, &TXT_CATEGORY_SUM, &TXT_PERCENT], check };

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let sentences = ctx.sentences();
    let mut para_topic: Option<Topic> = None;
    let mut stated: Vec<Stated> = Vec::new();
    let mut last_paragraph = usize::MAX;
    for (i, s) in sentences.iter().enumerate() {
        let first = s.paragraph != last_paragraph;
        if first {
            last_paragraph = s.paragraph;
            para_topic = None;
            stated.clear();
        }
        let alone = || sentences.get(i + 1).is_none_or(|n| n.paragraph != s.paragraph);
        if first && cfg!(feature = "text-readers") && (says_nothing(s.text) || alone() && states_nothing(s.text)) {
            // A paragraph of its own (a pdftotext -raw page makes every table cell one) is
            // passed over where the text readers are; the eager module's HTML has its cells
            // in tables. Tried on a paragraph's first sentence only: cheap on prose.
            continue;
        }
        let narrative = s.section.is_some();
        if !narrative || is_table_text(s.text) {
            para_topic = last_topic(s.text).or(para_topic);
            continue;
        }
        let qs = quantities(s.text);
        mismatch::table_mismatch(ctx, s, &qs, para_topic, &mut stated, out);
        category_sum::category_sum(sentences, i, &qs, out);
        percent::percent(ctx, s, &qs, &stated, out);
        para_topic = last_topic(s.text).or(para_topic);
    }
}

/// A sentence none of the rules reads anything in, told without the work below: ASCII with no
/// percent sign (a table cell's number as a paragraph of its own) states no quantity (every
/// unit but `%` is Chinese), names no topic and holds no enumeration marker, so it changes
/// neither the findings nor the paragraph's topic and totals (tested).
fn says_nothing(text: &str) -> bool {
    // The first byte first: prose fails there.
    text.as_bytes().first().is_some_and(u8::is_ascii) && text.is_ascii() && !text.contains('%')
}

/// A short sentence with no ASCII digit states no quantity ([`quantities`] reads only those):
/// alone in its paragraph (a pdftotext -raw table cell's label), its topic is never read
/// either. Only short ones are tried (a label's length): a long one is prose, and looking
/// through it for a digit would cost more than the rules spend on it.
fn states_nothing(text: &str) -> bool {
    text.len() <= 64 && !text.bytes().any(|b| b.is_ascii_digit())
}

#[cfg(test)]
pub(super) mod tests {
    use super::category_sum::PHRASINGS;
    use super::{last_topic, quantities, says_nothing, states_nothing};
    use crate::rules::testkit::mini;

    /// The sentences [`says_nothing`] passes over state no quantity, name no topic and hold no
    /// enumeration marker: every sentence of every text fixture, and a few made up.
    #[test]
    fn the_sentences_passed_over_say_nothing() {
        let mut texts: Vec<String> =
            ["447228", "96171.6", "12 34", "(1) 5;", "3 %", "17.46%", "3件", "其中3件"].map(String::from).into();
        crate::test_fixtures::for_each_text_fixture(|_, doc| {
            let report = crate::recognize::recognize(doc);
            let sentences = crate::recognize::prose::sentences(doc, &report.sections);
            texts.extend(sentences.iter().map(|s| s.text.to_string()));
        });
        let mut passed_over = 0;
        for t in &texts {
            if states_nothing(t) {
                assert!(quantities(t).is_empty(), "{t}");
            }
            if says_nothing(t) {
                passed_over += 1;
                assert!(quantities(t).is_empty(), "{t}");
                assert!(last_topic(t).is_none(), "{t}");
                assert!(PHRASINGS.iter().all(|p| !t.contains(p.marker)), "{t}");
            }
        }
        assert!(passed_over > 100, "{passed_over}");
        assert!(!says_nothing("17.46%") && !says_nothing("3件") && !states_nothing("其中3件"));
        assert!(states_nothing("行政许可") && states_nothing("三、收到和处理政府信息公开申请情况"));
    }

    /// A mini report whose overview paragraph says `text`.
    pub fn with_overview(text: &str) -> crate::lint::LintReport {
        let mut m = mini();
        m.body[0] = format!("本报告统计期限自2022年1月1日至2022年12月31日。{text}");
        m.lint()
    }
}
