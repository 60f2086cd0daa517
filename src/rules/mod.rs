//! The rules. One family per file; each rule is a [`Rule`] with its ID (docs/format.md §11),
//! default severity and a one-line summary, and its doc comment is its user documentation.
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

pub mod arithmetic;
pub mod artifacts;
pub mod cells;
pub mod cross_year;
pub mod file_marks;
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
}

/// Every rule, in catalogue order.
pub const RULES: &[&Rule] = &[
    &version::FMT_VERSION,
    &structure::FMT_SECTION_MISSING,
    &structure::FMT_SECTION_ORDER,
    &structure::FMT_HEADING_TEXT,
    &structure::FMT_TITLE,
    &labels::FMT_TABLE_LABEL,
    &cells::CELL_BLANK,
    &cells::CELL_NONNUM,
    &arithmetic::T3_IDENTITY,
    &arithmetic::T3_RESULT_SUM,
    &arithmetic::T3_ROW_TOTAL,
    &arithmetic::T3_SUBTOTAL,
    &arithmetic::T4_SUM,
    &readability::TABLE_UNREADABLE,
    &readability::GRID_OVERLAP,
    &artifacts::PASTE_ARTIFACT,
    &narrative::TXT_TABLE_MISMATCH,
    &narrative::TXT_CATEGORY_SUM,
    &narrative::TXT_PERCENT,
    &period::PERIOD_YEAR,
    &sections_content::SEC5_EMPTY,
    &sections_content::SEC6_FEE_MISSING,
    &cross_year::X_CARRYOVER,
    &cross_year::X_VALID_DOCS,
    &template::TEMPLATE_UNFILLED,
    &file_marks::DOCX_TRACKED_CHANGES,
    &file_marks::DOCX_COMMENTS,
];

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

/// Every rule's check, in catalogue order.
fn every_rule(ctx: &Context, out: &mut Vec<Diagnostic>) {
    version::check(ctx, out);
    structure::check(ctx, out);
    labels::check(ctx, out);
    cells::check(ctx, out);
    arithmetic::check(ctx, out);
    readability::check(ctx, out);
    artifacts::check(ctx, out);
    narrative::check(ctx, out);
    period::check(ctx, out);
    sections_content::check(ctx, out);
    cross_year::check(ctx, out);
    template::check(ctx, out);
    file_marks::check(ctx, out);
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
        file_marks::check(ctx, &mut out);
    } else {
        every_rule(ctx, &mut out);
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
    let table_order = |t: Option<&str>| match t {
        None => 0,
        Some("二") => 1,
        Some("三") => 2,
        Some(_) => 3,
    };
    crate::order::sort_by_key(&mut out, |d| (table_order(d.table), d.span.map_or(u64::MAX, |s| s.start as u64)));
    // One finding per id.
    crate::order::dedup_by_key(&mut out, |d| &d.id);
    out
}

#[cfg(test)]
mod registry {
    use super::{rule, RULES};

    /// The `id`s of the rule constants (`pub const …: Rule = Rule { id: "…"`) declared in
    /// the rule families' files, read from the source.
    fn declared() -> Vec<String> {
        fn walk(dir: &std::path::Path, out: &mut Vec<String>) {
            for entry in std::fs::read_dir(dir).expect("src/rules") {
                let path = entry.expect("entry").path();
                if path.is_dir() {
                    walk(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let text = std::fs::read_to_string(&path).expect("source");
                    let mut lines = text.lines();
                    while let Some(line) = lines.next() {
                        if line.starts_with("pub const ") && line.ends_with(": Rule = Rule {") {
                            let id = lines.next().and_then(|l| l.trim().strip_prefix("id: \""));
                            out.push(id.and_then(|i| i.split('"').next()).expect("an id on the next line").to_string());
                        }
                    }
                }
            }
        }
        let mut out = Vec::new();
        walk(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules"), &mut out);
        out.sort();
        out
    }

    /// A rule that is not in [`RULES`] cannot be listed, configured or documented: every rule
    /// constant declared is registered, once, and none is registered that is not declared.
    #[test]
    fn every_declared_rule_is_registered_once() {
        let declared = declared();
        let mut registered: Vec<String> = RULES.iter().map(|r| r.id.to_string()).collect();
        registered.sort();
        assert_eq!(declared, registered);
    }

    /// The rules the formats' relations name (the arithmetic reports under them) are
    /// registered: none falls back to a default severity.
    #[test]
    fn every_rule_a_format_names_is_registered() {
        use crate::format::Formats;
        for format in Formats::OFFICIAL.iter() {
            for table in format.tables {
                for relation in table.relations {
                    let id = relation.rule().id;
                    assert!(rule(id).is_some(), "{id}");
                }
            }
        }
    }
}
