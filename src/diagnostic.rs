//! Diagnostics: what a rule found, where, and what the cell should hold.

use serde::Serialize;

use crate::document::{CellAddress, Span};
use crate::message::{Args, Message};

#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "error" => Some(Severity::Error),
            "warning" | "warn" => Some(Severity::Warning),
            "info" => Some(Severity::Info),
            _ => None,
        }
    }

    /// The name in JSON, as serialised: `"error"`, `"warning"`, `"info"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Severity::Error, Lang::Zh) => "错误",
            (Severity::Warning, Lang::Zh) => "警告",
            (Severity::Info, Lang::Zh) => "提示",
            (Severity::Error, Lang::En) => "error",
            (Severity::Warning, Lang::En) => "warning",
            (Severity::Info, Lang::En) => "info",
        }
    }
}

/// The language of messages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Zh,
    En,
}

/// The DOM address of the cell a diagnostic is about (HTML input).
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct DomCell {
    pub table: usize,
    pub row: usize,
    pub cell: usize,
}

impl From<CellAddress> for DomCell {
    fn from(a: CellAddress) -> Self {
        DomCell { table: a.table as usize, row: a.row as usize, cell: a.cell as usize }
    }
}

/// A value the cell should hold, when exactly one value explains every failing relation.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub value: String,
}

/// One finding.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Stable fingerprint: the same finding in the same report has the same id on every run,
    /// and edits elsewhere in the report do not change it.
    pub id: String,
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    /// `"二"`, `"三"`, `"四"` or `None`.
    pub table: Option<&'static str>,
    /// The official row label (docs/format.md's spelling), whatever the report printed.
    pub row: Option<String>,
    /// The official column label; 表四 columns are qualified by their block.
    pub column: Option<String>,
    pub expected: Option<String>,
    pub actual: Option<String>,
    pub cell: Option<DomCell>,
    /// Byte range in the input (the JS API converts to string indices).
    #[cfg_attr(target_arch = "wasm32", tsify(type = "[number, number] | null"))]
    pub span: Option<Span>,
    /// In a Word file: the index of the paragraph (its `w:p` among all of the document's, in
    /// document order, those in tables included) the finding is in; `null` for other inputs.
    pub paragraph: Option<usize>,
    /// In a PDF: the page (1-based) the finding is on; `null` for other inputs.
    pub page: Option<u32>,
    /// In a PDF: the box of the cell or text on its page, in points from the page's top-left
    /// corner, `[left, top, right, bottom]`; `null` for other inputs.
    #[cfg_attr(target_arch = "wasm32", tsify(type = "[number, number, number, number] | null"))]
    pub bbox: Option<[u32; 4]>,
    /// The source text the finding is about.
    pub excerpt: Option<String>,
    pub fix: Option<Fix>,
    /// The message's id ([`crate::message`]): `message` is its template filled with `args`.
    #[serde(rename = "messageId", serialize_with = "message_id")]
    #[cfg_attr(target_arch = "wasm32", tsify(type = "string"))]
    pub template: &'static Message,
    /// The message's named arguments: text, or a phrase `{ messageId, args }`.
    #[cfg_attr(target_arch = "wasm32", tsify(type = "Record<string, MessageArg>"))]
    pub args: Args,
}

fn message_id<S: serde::Serializer>(m: &&'static Message, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(m.id)
}

// The constructor and setters are `#[inline(never)]`: inlined into every rule's builder
// chain they moved and dropped the whole struct at each of ~40 sites (~6 KB of the
// WebAssembly module); called, they are a few hundred bytes once.
impl Diagnostic {
    /// A finding with only a rule, severity and message (its template and arguments; the
    /// text is rendered in the caller's language by [`Diagnostic::render`]); fill in the rest
    /// with the setters.
    #[inline(never)]
    pub fn new(rule: &'static str, severity: Severity, template: &'static Message, args: Args) -> Diagnostic {
        Diagnostic {
            id: String::new(),
            rule,
            severity,
            message: String::new(),
            template,
            args,
            table: None,
            row: None,
            column: None,
            expected: None,
            actual: None,
            cell: None,
            span: None,
            paragraph: None,
            page: None,
            bbox: None,
            excerpt: None,
            fix: None,
        }
    }

    /// Render the message in `lang` from its template and arguments.
    pub fn render(&mut self, lang: Lang) {
        self.message = self.template.render(lang, &self.args);
    }

    /// A severity other than the rule's default (a rule whose severity depends on the input).
    pub fn severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    #[inline(never)]
    pub fn table(mut self, t: &'static str) -> Self {
        self.table = Some(t);
        self
    }
    // The generic setters only convert: the one copy of each setter that moves the struct is
    // the `String` one, not one per argument type.
    pub fn row(self, r: impl Into<String>) -> Self {
        self.row_string(r.into())
    }
    #[inline(never)]
    fn row_string(mut self, r: String) -> Self {
        self.row = (!r.is_empty()).then_some(r);
        self
    }
    pub fn column(self, c: impl Into<String>) -> Self {
        self.column_string(c.into())
    }
    #[inline(never)]
    fn column_string(mut self, c: String) -> Self {
        self.column = Some(c);
        self
    }
    pub fn expected(self, e: impl Into<String>) -> Self {
        self.expected_string(e.into())
    }
    #[inline(never)]
    fn expected_string(mut self, e: String) -> Self {
        self.expected = Some(e);
        self
    }
    pub fn actual(self, a: impl Into<String>) -> Self {
        self.actual_string(a.into())
    }
    #[inline(never)]
    fn actual_string(mut self, a: String) -> Self {
        self.actual = Some(a);
        self
    }
    #[inline(never)]
    pub fn at(mut self, span: Option<Span>, cell: Option<CellAddress>) -> Self {
        self.span = span;
        self.cell = cell.map(DomCell::from);
        self
    }
    pub fn excerpt(self, e: impl AsRef<str>) -> Self {
        self.excerpt_str(e.as_ref())
    }
    #[inline(never)]
    fn excerpt_str(mut self, e: &str) -> Self {
        // Keep excerpts short: a sentence, not a page.
        // Cut at a character boundary; the string is made at its exact size.
        let cut = e.char_indices().nth(120).map_or(e.len(), |(i, _)| i);
        let short = e.get(..cut).unwrap_or(e);
        let mut excerpt = String::with_capacity(short.len() + if cut < e.len() { '…'.len_utf8() } else { 0 });
        excerpt.push_str(short);
        if cut < e.len() {
            excerpt.push('…');
        }
        self.excerpt = Some(excerpt);
        self
    }
    #[inline(never)]
    pub fn fix(mut self, value: impl Into<String>) -> Self {
        self.fix = Some(Fix { value: value.into() });
        self
    }

    /// Compute the stable id from what the finding is about (never from spans, which move
    /// when text elsewhere is edited). `key` distinguishes findings of one rule at one place.
    #[inline(never)]
    pub fn finish(mut self, key: &str) -> Self {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for part in [
            self.rule,
            self.table.unwrap_or(""),
            self.row.as_deref().unwrap_or(""),
            self.column.as_deref().unwrap_or(""),
            key,
        ] {
            for b in part.bytes().chain(std::iter::once(0x1f)) {
                h ^= u64::from(b);
                h = h.wrapping_mul(0x0100_0000_01b3);
            }
        }
        self.id = format!("{h:016x}");
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The WebAssembly build writes severities by `as_str`, the CLI's JSON by serde.
    #[test]
    fn severity_names_are_the_serialised_ones() {
        for s in [Severity::Error, Severity::Warning, Severity::Info] {
            assert_eq!(serde_json::to_value(s).unwrap(), s.as_str());
        }
    }
}
