//! The rules' documentation for people, rendered from the rules' doc comments (the one source,
//! captured by [`super::declare_rules!`]): `xxgk-lint rules --explain RULE` ([`explain`]),
//! `docs/rules.md` ([`markdown`], checked up to date by a test) and the npm package's
//! `rule-docs.json` ([`docs_json`], which `ruleDoc()` loads). Native builds only: the
//! WebAssembly module carries no docs.

use super::{Rule, INPUT_RULES, RULES};
use crate::diagnostic::Lang;

/// The fixed headings of a rule's doc, in order: English, then Chinese.
#[cfg(test)]
pub const HEADINGS_EN: [&str; 3] = ["## What it checks", "## Why", "## Example"];
pub const HEADINGS_ZH: [&str; 3] = ["## 检查内容", "## 依据", "## 示例"];

/// The command that regenerates `docs/rules.md`.
pub const REGENERATE: &str = "cargo run -- rules --markdown > docs/rules.md";

impl Rule {
    /// The rule's doc in one language: its three sections, as Markdown. The doc comment holds
    /// the English sections, then the Chinese ones from `## 检查内容` on.
    pub fn doc(&self, lang: Lang) -> String {
        // `/// text` is `#[doc = " text"]`: drop the one space the comment marker leaves.
        let text = self.doc.lines().map(|l| l.strip_prefix(' ').unwrap_or(l)).collect::<Vec<_>>().join("\n");
        let (en, zh) = match text.find(HEADINGS_ZH[0]) {
            Some(i) => text.split_at(i),
            None => (text.as_str(), ""),
        };
        match lang {
            Lang::En => en.trim().to_string(),
            Lang::Zh => zh.trim().to_string(),
        }
    }

    /// Is this a pseudo rule ([`INPUT_RULES`]): what a finding says when the input could not
    /// be checked?
    pub fn is_input_rule(&self) -> bool {
        INPUT_RULES.iter().any(|r| r.id == self.id)
    }
}

/// A rule or a pseudo rule, by ID: every ID a finding's `rule` can hold.
pub fn documented(id: &str) -> Option<&'static Rule> {
    RULES.iter().chain(INPUT_RULES).copied().find(|r| r.id == id)
}

/// What `xxgk-lint rules --explain RULE` prints (and `ruleDoc()` returns): the ID and summary,
/// the default severity, then the doc. `None` for an ID that is no rule.
pub fn explain(id: &str, lang: Lang) -> Option<String> {
    let rule = documented(id)?;
    Some(explain_rule(rule, lang))
}

fn explain_rule(rule: &Rule, lang: Lang) -> String {
    let severity = match lang {
        Lang::Zh => format!("默认级别：{}", rule.severity.label(lang)),
        Lang::En => format!("Default severity: {}", rule.severity.label(lang)),
    };
    let kind = match (rule.is_input_rule(), lang) {
        (false, _) => "",
        (true, Lang::Zh) => "（不是对报告内容的规则：输入无法检查时，报告中唯一的一条错误。）\n\n",
        (true, Lang::En) => {
            "(Not a rule over the report: the single error of a report whose input could not be checked.)\n\n"
        }
    };
    format!("# {} — {}\n\n{severity}\n\n{kind}{}\n", rule.id, rule.summary(lang), rule.doc(lang))
}

/// Every doc as JSON, `{"zh": {ID: text}, "en": {ID: text}}`, the texts as [`explain`] gives
/// them: the npm package's `rule-docs.json`.
pub fn docs_json() -> String {
    let mut out = serde_json::Map::new();
    for (key, lang) in [("zh", Lang::Zh), ("en", Lang::En)] {
        let docs: serde_json::Map<String, serde_json::Value> =
            RULES.iter().chain(INPUT_RULES).map(|r| (r.id.to_string(), explain_rule(r, lang).into())).collect();
        out.insert(key.to_string(), docs.into());
    }
    serde_json::Value::Object(out).to_string() + "\n"
}

/// `docs/rules.md`: every rule's doc in both languages, then the pseudo rules'.
pub fn markdown() -> String {
    let mut out = String::new();
    out.push_str("# Rules / 规则说明\n\n");
    out.push_str(&format!(
        "<!-- Generated from the rules' doc comments in src/rules/: do not edit here; edit the doc \
         comment and run `{REGENERATE}` (a test checks it is up to date). -->\n\n"
    ));
    out.push_str(
        "Every rule xxgk-lint checks a report against, in English and Chinese: what it checks, why \
         (the official basis, with the section of [format.md](format.md) that gives it) and an \
         example, failing and fixed. The same text is printed by `xxgk-lint rules --explain RULE \
         [--lang en]` and returned by `ruleDoc(id, lang)` in the npm package. Severities are the \
         defaults; `--rule RULE=SEVERITY` (CLI) or `options.rules` (JS) changes them.\n\n\
         每条规则的说明（中英文）：检查内容、依据（官方格式及 [format.md](format.md) 的相应章节）和示例（不通过与修改后）。\
         命令行 `xxgk-lint rules --explain 规则` 与 npm 包的 `ruleDoc(id, lang)` 给出同样的文字。\n\n",
    );
    let index = |out: &mut String, rules: &[&Rule]| {
        out.push_str("| Rule | Severity | What it checks | 检查内容 |\n|---|---|---|---|\n");
        for r in rules {
            out.push_str(&format!(
                "| [{}](#{}) | {} | {} | {} |\n",
                r.id,
                r.id.to_ascii_lowercase(),
                r.severity.as_str(),
                r.summary_en.replace('|', "\\|"),
                r.summary_zh.replace('|', "\\|")
            ));
        }
        out.push('\n');
    };
    let section = |out: &mut String, rules: &[&Rule]| {
        for r in rules {
            out.push_str(&format!("### {}\n\n", r.id));
            out.push_str(&format!("*{}* — {} / {}\n\n", r.severity.as_str(), r.summary_en, r.summary_zh));
            for lang in [Lang::En, Lang::Zh] {
                // The doc's `##` headings sit under the rule's `###`.
                for line in r.doc(lang).lines() {
                    match line.strip_prefix("## ") {
                        Some(heading) => out.push_str(&format!("#### {heading}\n")),
                        None => out.push_str(line),
                    }
                    if !line.starts_with("## ") {
                        out.push('\n');
                    }
                }
                out.push('\n');
            }
        }
    };
    out.push_str("## The rules / 报告规则\n\n");
    index(&mut out, RULES);
    section(&mut out, RULES);
    out.push_str("## When a report cannot be checked / 无法检查时\n\n");
    out.push_str(
        "These are not rules over a report: when the input cannot be read or the options are wrong, \
         the report holds one error, whose `rule` is one of these IDs, and nothing else.\n\n\
         以下不是对报告内容的规则：输入无法读取或选项有误时，结果中只有一条错误，其 `rule` 为下列之一。\n\n",
    );
    index(&mut out, INPUT_RULES);
    section(&mut out, INPUT_RULES);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every rule and pseudo rule has the three headings, in order, in both languages, and
    /// every rule's example is a table, failing and fixed.
    #[test]
    fn every_rule_has_its_headings() {
        for rule in RULES.iter().chain(INPUT_RULES) {
            for (lang, headings) in [(Lang::En, HEADINGS_EN), (Lang::Zh, HEADINGS_ZH)] {
                let doc = rule.doc(lang);
                let lines: Vec<&str> = doc.lines().collect();
                let at: Vec<Option<usize>> = headings.iter().map(|h| lines.iter().position(|l| l == h)).collect();
                assert!(
                    at[0] == Some(0) && at.windows(2).all(|w| w[1] > w[0]),
                    "{} ({lang:?}): the doc must be the sections {headings:?}, in order:\n{doc}",
                    rule.id
                );
                assert_eq!(
                    lines.iter().filter(|l| l.starts_with("## ")).count(),
                    3,
                    "{} ({lang:?}): three sections",
                    rule.id
                );
                let sections: Vec<&str> = doc.split("\n## ").collect();
                assert!(
                    sections.iter().all(|s| s.trim().lines().count() > 1),
                    "{} ({lang:?}): an empty section",
                    rule.id
                );
                if !rule.is_input_rule() {
                    let example = sections[2];
                    assert!(example.contains("|---"), "{} ({lang:?}): the example has no table", rule.id);
                    let (fails, fixed) = match lang {
                        Lang::En => ("Fails", "Fixed"),
                        Lang::Zh => ("不通过", "修改后"),
                    };
                    assert!(
                        example.contains(fails) && example.contains(fixed),
                        "{} ({lang:?}): failing and fixed",
                        rule.id
                    );
                }
            }
            assert!(
                rule.doc.contains("docs/format.md §") || rule.is_input_rule(),
                "{}: the Why cites docs/format.md §N",
                rule.id
            );
        }
    }

    /// `docs/rules.md` is generated from the doc comments and checked in.
    #[test]
    fn docs_rules_md_is_up_to_date() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md");
        let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(checked_in == markdown(), "docs/rules.md is out of date: run `{REGENERATE}`");
    }

    #[test]
    fn explain_names_the_rule_and_its_severity() {
        let zh = explain("T3-ROW-TOTAL", Lang::Zh).expect("a rule");
        assert!(zh.starts_with("# T3-ROW-TOTAL — 表三各行"), "{zh}");
        assert!(zh.contains("默认级别：错误") && zh.contains("## 检查内容"), "{zh}");
        let en = explain("INPUT-EMPTY", Lang::En).expect("a pseudo rule");
        assert!(en.contains("Default severity: error") && en.contains("## What it checks"), "{en}");
        assert!(explain("NO-SUCH-RULE", Lang::En).is_none());
    }

    #[test]
    fn the_json_has_every_doc_in_both_languages() {
        let json: serde_json::Value = serde_json::from_str(&docs_json()).expect("JSON");
        for r in RULES.iter().chain(INPUT_RULES) {
            assert_eq!(json["zh"][r.id].as_str(), explain(r.id, Lang::Zh).as_deref());
            assert_eq!(json["en"][r.id].as_str(), explain(r.id, Lang::En).as_deref());
        }
    }
}
