//! Which revision's layout a table printed as text follows, from the markers only one of
//! them prints ([`TableSpec::markers`](crate::format::TableSpec::markers)); the report's year
//! decides when the markers do not.

use super::tokens::Tok;
use crate::format::{Format, Formats, TableId};

/// Which revision's layout the text prints, for 表二 (column headers) and 表三 (（六）):
/// of the revisions whose markers are present, those whose markers another one present also
/// prints (and not the other way round) yield to it; of the rest, the one with the most
/// markers present, or else `year_format`.
///
/// `canonical`: [`canonical`] of each token's text (of a text token; any string for the others).
pub(super) fn detect_layout(
    id: TableId,
    tokens: &[Tok],
    canonical: &[&str],
    year_format: &'static Format,
    formats: Formats,
) -> &'static Format {
    // The texts, each after a line break (which no canonical form holds): a marker is in
    // the joined texts exactly when it is in one of them.
    let mut texts = String::new();
    for (t, c) in tokens.iter().zip(canonical) {
        if let Tok::Text { .. } = t {
            texts.push('\n');
            texts.push_str(c);
        }
    }
    let any = |m: &str| {
        let m = crate::recognize::labels::canonical(m);
        if m.is_empty() {
            !texts.is_empty()
        } else {
            texts.contains(&m)
        }
    };
    // How many of each revision's markers are present.
    let present: Vec<usize> = formats.iter().map(|f| f.table(id).markers.iter().filter(|m| any(m)).count()).collect();
    // Does `a` print every marker of `b`?
    let prints_all = |a: &Format, b: &Format| b.table(id).markers.iter().all(|m| a.prints(id, m));
    let yields = |g: &Format| {
        formats.iter().zip(&present).any(|(f, &n)| f.name != g.name && n > 0 && prints_all(f, g) && !prints_all(g, f))
    };
    let (mut best, mut most, mut tied) = (year_format, 0, false);
    for (f, &n) in formats.iter().zip(&present) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::recognize::labels::canonical;
    use crate::recognize::text_tables::tokens::{region, tokenize};

    /// [`detect_layout`] as it was: each marker looked for in each text, the markers of a
    /// revision counted anew each time they are asked about.
    fn former_detect_layout(
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

    /// The same revision as before, for both tables and either year's revision, on every text
    /// fixture's tables and on each of their texts alone.
    #[test]
    fn layouts_are_the_former_ones() {
        let formats = Formats::OFFICIAL;
        let mut n = 0;
        crate::test_fixtures::for_each_text_fixture(|input, doc| {
            let mut tokens = Vec::new();
            for p in doc.paragraphs() {
                tokenize(p, input, formats.newest().sections, &mut tokens);
            }
            for id in [TableId::Proactive, TableId::Requests] {
                let whole = region(&tokens, id.section());
                for tokens in std::iter::once(whole).chain(whole.chunks(1)) {
                    let canon: Vec<String> = tokens
                        .iter()
                        .map(|t| if let Tok::Text { text, .. } = t { canonical(text) } else { String::new() })
                        .collect();
                    let canon: Vec<&str> = canon.iter().map(String::as_str).collect();
                    for year_format in formats.iter() {
                        let new = detect_layout(id, tokens, &canon, year_format, formats);
                        assert_eq!(new.name, former_detect_layout(id, tokens, year_format, formats).name);
                        n += 1;
                    }
                }
            }
        });
        assert!(n > 1000, "{n}");
    }
}
