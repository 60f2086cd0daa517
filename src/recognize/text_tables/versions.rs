//! Which revision's layout a table printed as text follows, from the markers only one of
//! them prints ([`TableSpec::markers`](crate::format::TableSpec::markers)); the report's year
//! decides when the markers do not.

use super::tokens::Tok;
use crate::format::{Format, Formats, TableId};
use crate::recognize::labels::canonical;

/// Which revision's layout the text prints, for 表二 (column headers) and 表三 (（六）):
/// of the revisions whose markers are present, those whose markers another one present also
/// prints (and not the other way round) yield to it; of the rest, the one with the most
/// markers present, or else `year_format`.
pub(super) fn detect_layout(
    id: TableId,
    tokens: &[Tok],
    year_format: &'static Format,
    formats: Formats,
) -> &'static Format {
    let texts: Vec<String> = tokens
        .iter()
        .filter_map(|t| if let Tok::Text { text, .. } = t { Some(canonical(text)) } else { None })
        .collect();
    let any = |m: &str| {
        let m = canonical(m);
        texts.iter().any(|t| t.contains(&m))
    };
    let present = |f: &Format| f.table(id).markers.iter().filter(|m| any(m)).count();
    // Does `a` print every marker of `b`?
    let prints_all = |a: &Format, b: &Format| b.table(id).markers.iter().all(|m| a.prints(id, m));
    let yields = |g: &Format| {
        formats.iter().any(|f| f.name != g.name && present(f) > 0 && prints_all(f, g) && !prints_all(g, f))
    };
    let (mut best, mut most, mut tied) = (year_format, 0, false);
    for f in formats.iter() {
        let n = present(f);
        if n == 0 || n < most || yields(f) {
            continue;
        }
        tied = n == most;
        (best, most) = (f, n);
    }
    if tied {
        year_format
    } else {
        best
    }
}
