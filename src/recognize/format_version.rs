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

/// Read the revision off the tables that tell (表二, 表三).
pub fn detect(report: &Report) -> Option<DetectedFormat> {
    let layouts: Vec<FormatVersion> =
        [TableId::Proactive, TableId::Requests].iter().filter_map(|id| report.table(*id)?.layout).collect();
    match layouts.as_slice() {
        [] => None,
        [one] | [one, _] if layouts.iter().all(|l| l == one) => Some(DetectedFormat::Version(*one)),
        _ => Some(DetectedFormat::Hybrid),
    }
}
