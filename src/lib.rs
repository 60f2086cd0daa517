//! xxgk-lint: a validator for 政府信息公开工作年度报告, the annual government information
//! disclosure reports every Chinese government organ publishes.
//!
//! Pipeline: reader ([`read`]) → [`Document`] → recognition → rules → diagnostics →
//! outputs (CLI, Wasm).

/// An English message template or rule summary: the text itself with the `english` feature, and
/// empty without it — the browser's first module, which speaks Chinese only and leaves the
/// English to the second (see `js/web.js`); [`message::Message::template`] and
/// [`rules::Rule::summary`] then give the Chinese.
#[cfg(feature = "english")]
macro_rules! english {
    ($text:literal) => {
        $text
    };
}
#[cfg(not(feature = "english"))]
macro_rules! english {
    ($text:literal) => {
        ""
    };
}

pub mod document;
pub mod format;
pub mod read;
pub mod recognize;
pub mod render;

pub use document::{
    Block, Cell, CellAddress, CellRef, Document, Grid, InputKind, Paragraph, ReadNote, Row, Slot, Span, Table,
    TextRange,
};
pub use read::{decode::TextEncoding, read_bytes, read_file, read_str, FileRead, ReadError, ReadOptions};
#[cfg(feature = "cli")]
pub mod batch;
pub mod diagnostic;
pub mod lint;
pub mod message;
mod order;
pub mod rules;
mod strings;
#[cfg(feature = "cli")]
pub mod tabular;
#[cfg(test)]
mod test_fixtures;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use diagnostic::{Diagnostic, Lang, Severity};
pub use lint::{lint_bytes, lint_document, lint_str, recognize_bytes, recognize_str, render_human, LintReport};
pub use rules::{LintOptions, RuleSetting, RULES};
