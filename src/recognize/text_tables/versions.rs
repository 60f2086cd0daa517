//! Which revision's layout (2019 or 2021) a table printed as text follows, from the
//! markers only one of them prints; the report's year decides when the markers do not.

use super::tokens::Tok;
use crate::format::{self, Format, FormatVersion, TableId};
use crate::recognize::labels::canonical;

pub(super) const Y2019_PROACTIVE: &[&str] =
    &["本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减", "政府集中采购"];
pub(super) const Y2021_PROACTIVE: &[&str] =
    &["本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额"];

pub(super) fn year_format(year: Option<u16>) -> &'static Format {
    year.and_then(format::format_for_year).unwrap_or(&crate::format::y2021::FORMAT)
}

/// Which revision's layout the text prints, for 表二 (column headers) and 表三 (（六）).
pub(super) fn detect_layout(id: TableId, tokens: &[Tok], year: Option<u16>) -> FormatVersion {
    let texts: Vec<String> = tokens
        .iter()
        .filter_map(|t| if let Tok::Text { text, .. } = t { Some(canonical(text)) } else { None })
        .collect();
    let any = |m: &str| texts.iter().any(|t| t.contains(&canonical(m)));
    match id {
        TableId::Proactive => {
            let old = Y2019_PROACTIVE.iter().filter(|m| any(m)).count();
            let new = Y2021_PROACTIVE.iter().filter(|m| any(m)).count();
            match old.cmp(&new) {
                std::cmp::Ordering::Greater => FormatVersion::Y2019,
                std::cmp::Ordering::Less => FormatVersion::Y2021,
                std::cmp::Ordering::Equal => year_format(year).version,
            }
        }
        _ => {
            let sub_items = ["逾期不补正", "收费通知", "缴纳费用"].iter().any(|m| any(m));
            if sub_items {
                FormatVersion::Y2021
            } else if any("其他处理") {
                FormatVersion::Y2019
            } else {
                year_format(year).version
            }
        }
    }
}
