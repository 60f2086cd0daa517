//! Which revision of the format a report's tables follow, or several mixed: report metadata,
//! shown with the findings and checked by the FMT-VERSION rule.

use serde::{Serialize, Serializer};

use crate::format::{FormatVersion, TableId};
use crate::recognize::Report;

/// The format the report's tables follow: one revision, or a mix (a 2021 表二 with a 2019
/// 表三). Serialised as the revision's name (`"2019"`, `"2021"`) or `"hybrid"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DetectedFormat {
    Version(FormatVersion),
    Hybrid,
}

impl DetectedFormat {
    /// The name in JSON, as serialised: `"2019"`, `"2021"`, `"hybrid"`.
    pub fn as_str(self) -> &'static str {
        match self {
            DetectedFormat::Version(v) => v.as_str(),
            DetectedFormat::Hybrid => "hybrid",
        }
    }
}

impl Serialize for DetectedFormat {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// The TypeScript type: the official revisions' names, as the package has always declared it.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(typescript_custom_section)]
const DETECTED_FORMAT_TS: &str = r#"export type DetectedFormat = "2019" | "2021" | "hybrid";"#;

/// Read the revision off the tables that tell (表二, 表三): the first of their layouts that
/// fits both — a table laid out the same in two revisions fits either (a revision that keeps
/// 2021's 表二 does not make a 2021 report hybrid) — or else a hybrid.
pub fn detect(report: &Report) -> Option<DetectedFormat> {
    let layouts: Vec<(TableId, FormatVersion)> = [TableId::Proactive, TableId::Requests]
        .into_iter()
        .filter_map(|id| Some((id, report.table(id)?.layout?)))
        .collect();
    if layouts.is_empty() {
        return None;
    }
    let fits = |v: FormatVersion| {
        layouts.iter().all(|&(id, l)| l == v || v.format().table(id).same_layout(l.format().table(id)))
    };
    Some(layouts.iter().map(|&(_, l)| l).find(|&v| fits(v)).map_or(DetectedFormat::Hybrid, DetectedFormat::Version))
}
