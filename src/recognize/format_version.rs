//! Which revision of the format (2019 or 2021) a report's tables follow, or both mixed:
//! report metadata, shown with the findings and checked by the FMT-VERSION rule.

use serde::Serialize;

use crate::format::{FormatVersion, TableId};
use crate::recognize::Report;

/// The format the report's tables follow.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum DetectedFormat {
    #[serde(rename = "2019")]
    Y2019,
    #[serde(rename = "2021")]
    Y2021,
    #[serde(rename = "hybrid")]
    Hybrid,
}

impl DetectedFormat {
    /// The name in JSON, as serialised: `"2019"`, `"2021"`, `"hybrid"`.
    pub fn as_str(self) -> &'static str {
        match self {
            DetectedFormat::Y2019 => "2019",
            DetectedFormat::Y2021 => "2021",
            DetectedFormat::Hybrid => "hybrid",
        }
    }
}

/// Read the revision off the tables that tell (表二, 表三).
pub fn detect(report: &Report) -> Option<DetectedFormat> {
    let layouts: Vec<FormatVersion> =
        [TableId::Proactive, TableId::Requests].iter().filter_map(|id| report.table(*id)?.layout).collect();
    match layouts.as_slice() {
        [] => None,
        [one] | [one, _] if layouts.iter().all(|l| l == one) => Some(match one {
            FormatVersion::Y2019 => DetectedFormat::Y2019,
            FormatVersion::Y2021 => DetectedFormat::Y2021,
        }),
        _ => Some(DetectedFormat::Hybrid),
    }
}
