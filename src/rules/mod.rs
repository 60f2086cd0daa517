//! The rules. One family per file; each rule is a [`Rule`] with its ID (docs/format.md §11),
//! default severity and a one-line summary, and its doc comment is its user documentation
//! (see [`declare_rules!`]). Each family file ends its declarations with a [`Family`]: its rules
//! and the check that emits them; [`FAMILIES`] lists the families, and [`RULES`], [`rule`] and
//! [`run`] are derived from that one list. The pseudo rules — what a finding's `rule` says
//! when the input could not be checked at all — are in [`input`] ([`INPUT_RULES`]).
//!
//! | family | rules |
//! |---|---|
//! | [`arithmetic`] | T3-IDENTITY, T3-RESULT-SUM, T3-ROW-TOTAL, T3-SUBTOTAL, T4-SUM |
//! | [`cells`] | CELL-BLANK, CELL-NONNUM |
//! | [`structure`] | FMT-SECTION-MISSING, FMT-SECTION-ORDER, FMT-HEADING-TEXT, FMT-TITLE |
//! | [`version`] | FMT-VERSION |
//! | [`labels`] | FMT-TABLE-LABEL |
//! | [`readability`] | TABLE-UNREADABLE, GRID-OVERLAP |
//! | [`artifacts`] | PASTE-ARTIFACT |
//! | [`narrative`] | TXT-TABLE-MISMATCH, TXT-CATEGORY-SUM, TXT-PERCENT (sentences from [`crate::recognize::prose`]) |
//! | [`period`] | PERIOD-YEAR |
//! | [`sections_content`] | SEC5-EMPTY, SEC6-FEE-MISSING |
//! | [`cross_year`] | X-CARRYOVER, X-VALID-DOCS (with last year's report) |
//! | [`template`] | TEMPLATE-UNFILLED |
//! | [`file_marks`] | DOCX-TRACKED-CHANGES, DOCX-COMMENTS (what only a Word file shows) |
//!
//! **Why a rule cannot emit unregistered.** A family's check may only emit the rules of its
//! own [`Family`]: [`run`] checks every finding against the family that made it in every debug
//! build (so the corpus, mutation and property tests all check it), and the registry tests
//! below read the sources to prove that every `Rule` constant a family file declares is in that
//! file's `FAMILY`, and every family is in [`FAMILIES`]. The rules the formats' relations name
//! are checked at compile time to be arithmetic's (`arithmetic::RELATIONS_NAME_ARITHMETIC_RULES`).

/// Declare rules: each `pub const NAME: Rule = Rule { id, severity, summary_zh, summary_en };`
/// with its doc comment, which is the rule's user documentation. The doc comment has fixed
/// headings, English then Chinese: `## What it checks`, `## Why` (the official basis, citing
/// docs/format.md §N), `## Example` (mini tables, failing and fixed), then `## 检查内容`,
/// `## 依据`, `## 示例` (the test `rules::docs::every_rule_has_its_headings` holds it).
///
/// The doc comment is captured into [`Rule::doc`] only outside WebAssembly: the module does not
/// carry the docs; the npm package loads them from `rule-docs.json`, generated from them by
/// `xxgk-lint rules --docs-json` (ruff keeps its rule docs the same way).
macro_rules! declare_rules {
    ($(
        $(#[doc = $doc:literal])*
        pub const $name:ident: Rule = Rule { $($field:ident: $value:expr),* $(,)? };
    )*) => {$(
        $(#[doc = $doc])*
        pub const $name: $crate::rules::Rule = $crate::rules::Rule {
            $($field: $value,)*
            #[cfg(not(target_arch = "wasm32"))]
            doc: concat!($($doc, "\n"),*),
        };
    )*};
}

pub mod arithmetic;
pub mod artifacts;
pub mod cells;
pub mod cross_year;
pub mod file_marks;
pub mod input;
pub mod labels;
pub mod narrative;
pub mod period;
pub mod readability;
pub mod sections_content;
pub mod structure;
pub mod template;
pub mod version;

#[cfg(test)]
mod properties;

#[cfg(not(target_arch = "wasm32"))]
mod docs;
#[cfg(not(target_arch = "wasm32"))]
pub use docs::{docs_json, explain, markdown};
pub use input::INPUT_RULES;

#[cfg(test)]
pub mod testkit;

use crate::diagnostic::{Diagnostic, Lang, Severity};
use crate::document::Document;
use crate::format::{FormatVersion, Formats};
use crate::recognize::prose::{self, Sentence};
use crate::recognize::Report;

/// A rule's identity and documentation.
#[derive(Debug)]
pub struct Rule {
    pub id: &'static str,
    pub severity: Severity,
    pub summary_zh: &'static str,
    pub summary_en: &'static str,
    /// The rule's doc comment as written ([`declare_rules!`]): English, then Chinese, under
    /// fixed headings. Native builds only (see [`Rule::doc`]).
    #[cfg(not(target_arch = "wasm32"))]
    pub doc: &'static str,
}

impl Rule {
    /// The rule's one line in `lang` (the Chinese in a build without the English: `english!`).
    pub fn summary(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.summary_zh,
            Lang::En if !self.summary_en.is_empty() => self.summary_en,
            Lang::En => self.summary_zh,
        }
    }
}

/// A rule family: the rules one file declares, and the check that emits them (and only them).
pub struct Family {
    pub rules: &'static [&'static Rule],
    pub check: fn(&Context, &mut Vec<Diagnostic>),
}

/// The families, in catalogue order: the one list [`FAMILIES`] (hence [`RULES`]) and [`run`]'s
/// calls are made from. (A macro, so that [`run`] calls each check directly, as code written
/// out by hand would: calls through a table of function pointers cost the WebAssembly module.)
macro_rules! families {
    ($($family:ident),* $(,)?) => {
        /// Every family, in catalogue order.
        pub const FAMILIES: &[Family] = &[$($family::FAMILY),*];

        /// Every family's check, in catalogue order.
        fn every_family(ctx: &Context, out: &mut Vec<Diagnostic>) {
            $(check_family(&$family::FAMILY, ctx, out);)*
        }
    };
}

families![
    version,
    structure,
    labels,
    cells,
    arithmetic,
    readability,
    artifacts,
    narrative,
    period,
    sections_content,
    cross_year,
    template,
    file_marks,
];

/// How many rules the families declare.
const RULE_COUNT: usize = {
    let (mut n, mut i) = (0, 0);
    while i < FAMILIES.len() {
        n += FAMILIES[i].rules.len();
        i += 1;
    }
    n
};

/// The families' rules, flattened at compile time.
const RULE_ARRAY: [&Rule; RULE_COUNT] = {
    let mut out = [FAMILIES[0].rules[0]; RULE_COUNT];
    let (mut i, mut k) = (0, 0);
    while i < FAMILIES.len() {
        let mut j = 0;
        while j < FAMILIES[i].rules.len() {
            out[k] = FAMILIES[i].rules[j];
            k += 1;
            j += 1;
        }
        i += 1;
    }
    out
};

/// Every rule, in catalogue order (the families' rules, in [`FAMILIES`] order).
pub const RULES: &[&Rule] = &RULE_ARRAY;

pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| r.id == id)
}

/// How a rule is configured: off, or with another severity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleSetting {
    Off,
    Severity(Severity),
}

/// What the caller asks for.
#[derive(Clone, Debug, Default)]
pub struct LintOptions {
    pub lang: Lang,
    /// Force a format instead of detecting it from the tables.
    pub format: Option<FormatVersion>,
    /// The revisions of the format to recognise and check against: the official ones by
    /// default (a made-up one in `tests/format_revision.rs`).
    pub formats: Formats,
    /// Per-rule overrides, by rule ID; a later setting of a rule replaces the earlier one.
    /// (A list, not a hash map: a handful of entries, and no hashing code in the module.)
    pub rules: Vec<(&'static str, RuleSetting)>,
    /// Last year's report, recognised, for the cross-year rules (X-*).
    pub previous: Option<std::sync::Arc<Report>>,
}

impl LintOptions {
    /// Parse `RULE` or `RULE=off|error|warning|info`; unknown rules are an error.
    pub fn set_rule(&mut self, spec: &str) -> Result<(), String> {
        let (id, setting) = match spec.split_once('=') {
            Some((id, s)) => {
                let setting = if s == "off" {
                    RuleSetting::Off
                } else {
                    RuleSetting::Severity(
                        Severity::parse(s)
                            .ok_or_else(|| format!("unknown severity “{s}” (off, error, warning, info)"))?,
                    )
                };
                (id, setting)
            }
            None => (spec, RuleSetting::Off),
        };
        let Some(rule) = rule(id) else {
            return Err(format!("unknown rule “{id}”; `xxgk-lint rules` lists them"));
        };
        self.rules.retain(|(id, _)| *id != rule.id);
        self.rules.push((rule.id, setting));
        Ok(())
    }
}

/// Everything a rule can look at.
pub struct Context<'a> {
    /// The document, with its source text ([`Document::slice`]).
    pub doc: &'a Document<'a>,
    pub report: &'a Report,
    pub lang: Lang,
    pub forced_format: Option<FormatVersion>,
    /// Last year's report, when the caller gave one.
    pub previous: Option<&'a Report>,
    /// The running text split into sentences, once, for every rule that reads prose.
    pub sentences: std::cell::OnceCell<Vec<Sentence<'a>>>,
}

impl<'a> Context<'a> {
    pub fn is_html(&self) -> bool {
        self.doc.input.is_markup()
    }

    /// Every sentence of the running text ([`prose::sentences`]), split on first use.
    pub fn sentences(&self) -> &[Sentence<'a>] {
        self.sentences.get_or_init(|| prose::sentences(self.doc, &self.report.sections))
    }
}

/// Run one family's check. In debug builds, every finding must be of one of the family's
/// rules: a rule that is not registered (or another family's) stops the test that made it.
#[inline(always)]
fn check_family(family: &Family, ctx: &Context, out: &mut Vec<Diagnostic>) {
    let start = out.len();
    (family.check)(ctx, out);
    if cfg!(debug_assertions) {
        for d in &out[start..] {
            assert!(
                family.rules.iter().any(|r| r.id == d.rule),
                "{} is emitted by a family that does not declare it (rules::FAMILIES)",
                d.rule
            );
        }
    }
}

/// Where a finding's group comes in a report: the whole report's first, then 表二, 表三, 表四.
pub fn group_order(table: Option<&str>) -> u64 {
    match table {
        None => 0,
        Some("二") => 1,
        Some("三") => 2,
        Some(_) => 3,
    }
}

/// Run every rule and apply the caller's overrides. Diagnostics come sorted by table, then
/// by position in the input.
pub fn run(ctx: &Context, options: &LintOptions) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let template_on =
        !options.rules.iter().any(|(id, s)| *id == template::TEMPLATE_UNFILLED.id && *s == RuleSetting::Off);
    if template_on && template::is_blank_template(ctx) {
        // A blank template is one finding, not a finding per empty cell and missing text
        // (its tracked changes and comments, if any, still said).
        out.push(template::blank_template(ctx));
        check_family(&file_marks::FAMILY, ctx, &mut out);
    } else {
        every_family(ctx, &mut out);
    }
    let mut out: Vec<Diagnostic> = out
        .into_iter()
        .filter_map(|mut d| match options.rules.iter().find(|(id, _)| *id == d.rule).map(|(_, s)| s) {
            Some(RuleSetting::Off) => None,
            Some(RuleSetting::Severity(s)) => {
                d.severity = *s;
                Some(d)
            }
            None => Some(d),
        })
        .collect();
    // The one place findings' messages are rendered: rules give templates and arguments.
    out.iter_mut().for_each(|d| d.render(ctx.lang));
    crate::order::sort_by_key(&mut out, |d| (group_order(d.table), d.span.map_or(u64::MAX, |s| s.start as u64)));
    // One finding per id.
    crate::order::dedup_by_key(&mut out, |d| &d.id);
    out
}

#[cfg(test)]
mod registry {
    use super::{FAMILIES, INPUT_RULES, RULES};
    use std::collections::BTreeMap;
    use std::path::{Path, PathBuf};

    /// A rule constant as declared in the source: its const name and its `id`.
    #[derive(Debug, PartialEq, Eq, PartialOrd, Ord, Clone)]
    struct Declared {
        name: String,
        id: String,
    }

    /// What a family's sources declare: the rule constants (`pub const NAME: Rule = Rule {`,
    /// with `id: "…"` on the next line) and the names its `pub const FAMILY: Family = Family {
    /// rules: &[&A, &B], … }` lists. A family is a file of `src/rules/`, or a folder of it
    /// (narrative/: rules one a file, the family in mod.rs).
    fn families() -> BTreeMap<PathBuf, (Vec<Declared>, Vec<String>)> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules");
        let mut out: BTreeMap<PathBuf, (Vec<Declared>, Vec<String>)> = BTreeMap::new();
        let mut files = Vec::new();
        for entry in std::fs::read_dir(&root).expect("src/rules") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                for e in std::fs::read_dir(&path).expect("a family folder") {
                    files.push((path.clone(), e.expect("entry").path()));
                }
            } else {
                files.push((path.clone(), path));
            }
        }
        for (family, file) in files {
            if file.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(&file).expect("source");
            let entry = out.entry(family).or_default();
            let mut lines = text.lines().map(str::trim);
            while let Some(line) = lines.next() {
                if let Some(name) = line.strip_prefix("pub const ").and_then(|l| l.strip_suffix(": Rule = Rule {")) {
                    let id = lines.next().and_then(|l| l.strip_prefix("id: \"")).and_then(|i| i.split('"').next());
                    let id = id.expect("an id on the line after the const").to_string();
                    entry.0.push(Declared { name: name.to_string(), id });
                }
            }
            // `pub const FAMILY: Family = Family { rules: &[&A, &B], check };`, however wrapped.
            if let Some((_, family)) = text.split_once("\npub const FAMILY: Family =") {
                let list = family.split_once("rules: &[").and_then(|(_, l)| l.split_once(']')).map_or("", |(l, _)| l);
                entry.1.extend(
                    list.split(',').map(|n| n.trim().trim_start_matches('&').to_string()).filter(|n| !n.is_empty()),
                );
            }
        }
        out.retain(|_, (declared, listed)| !declared.is_empty() || !listed.is_empty());
        out
    }

    /// Every rule constant a family file declares is in that file's `FAMILY`, and its
    /// `FAMILY` lists nothing else: a rule cannot be declared and left out.
    #[test]
    fn every_declared_rule_is_in_its_family() {
        for (path, (declared, listed)) in families() {
            if path.ends_with("input.rs") {
                continue;
            }
            let mut names: Vec<String> = declared.iter().map(|d| d.name.clone()).collect();
            let mut listed = listed.clone();
            names.sort();
            listed.sort();
            assert_eq!(names, listed, "{}: the rules declared and those in its FAMILY", path.display());
        }
    }

    /// Every family is in [`FAMILIES`], so every rule declared is in [`RULES`], once, and none
    /// is registered that is not declared; the pseudo rules are in [`INPUT_RULES`] only.
    #[test]
    fn every_declared_rule_is_registered_once() {
        let all = families();
        let ids = |input: bool| -> Vec<String> {
            let mut v: Vec<String> = all
                .iter()
                .filter(|(path, _)| path.ends_with("input.rs") == input)
                .flat_map(|(_, (declared, _))| declared.iter().map(|d| d.id.clone()))
                .collect();
            v.sort();
            v
        };
        let sorted = |rules: &[&super::Rule]| {
            let mut v: Vec<String> = rules.iter().map(|r| r.id.to_string()).collect();
            v.sort();
            v
        };
        assert_eq!(ids(false), sorted(RULES), "the rules declared in src/rules/ and those in RULES");
        assert_eq!(ids(true), sorted(INPUT_RULES), "the pseudo rules declared and INPUT_RULES");
        assert_eq!(all.len() - 1, FAMILIES.len(), "a family file that is not in FAMILIES");
    }

    /// A family that emits a rule it does not declare stops the run (in debug builds).
    #[test]
    #[should_panic(expected = "is emitted by a family that does not declare it")]
    fn a_family_cannot_emit_another_familys_rule() {
        use crate::diagnostic::Diagnostic;
        fn emits_foreign(_: &super::Context, out: &mut Vec<Diagnostic>) {
            const NOTHING: crate::message::Message = crate::message::Message { id: "test", zh: "", en: english!("") };
            let blank = &super::cells::CELL_BLANK;
            out.push(Diagnostic::new(blank.id, blank.severity, &NOTHING, crate::message::Args::new()));
        }
        let family = super::Family { rules: &[&super::cells::CELL_NONNUM], check: emits_foreign };
        let input = "某某县人民政府2022年政府信息公开工作年度报告";
        let doc = crate::read::read_str(input, &crate::read::ReadOptions::default()).expect("a document");
        let report = crate::recognize::recognize(&doc);
        let ctx = super::Context {
            doc: &doc,
            report: &report,
            lang: Default::default(),
            forced_format: None,
            previous: None,
            sentences: Default::default(),
        };
        super::check_family(&family, &ctx, &mut Vec::new());
    }
}
