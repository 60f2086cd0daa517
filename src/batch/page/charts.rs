//! The summary page's two charts, as inline SVG made here (no charting library): findings by
//! rule, and reports by verdict per year. Every bar carries its numbers as data attributes
//! (`data-rule`/`data-count`; `data-year`/`data-verdict`/`data-count`), which are the counts of
//! the rows the CSV tables hold (a test reads them back and compares).

use std::collections::BTreeMap;

use crate::render::escape_html;

/// The colours of errors, warnings and infos; and of the verdicts (errors, warnings only,
/// clean, unreadable).
const SEVERITY_COLOURS: [&str; 3] = ["#c62828", "#ef8f00", "#1e6fb8"];
pub const VERDICT_COLOURS: [&str; 4] = ["#c62828", "#ef8f00", "#2e7d32", "#777777"];

/// Findings by rule: one horizontal bar a rule, most frequent first, split by severity.
/// `counts`: rule → findings by severity (error, warning, info).
pub fn findings_by_rule(counts: &BTreeMap<&'static str, [usize; 3]>, severity_names: [&str; 3]) -> String {
    let mut rules: Vec<(&str, [usize; 3], usize)> = counts.iter().map(|(r, c)| (*r, *c, c.iter().sum())).collect();
    rules.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(b.0)));
    let max = rules.first().map_or(1, |r| r.2.max(1));
    let (label, bar, row) = (170.0, 400.0, 20.0);
    let height = row * rules.len().max(1) as f64 + 10.0;
    let mut svg = format!(
        "<svg class=\"chart\" id=\"chart-rules\" xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"{height}\" viewBox=\"0 0 640 {height}\" role=\"img\">"
    );
    for (i, (rule, by_severity, total)) in rules.iter().enumerate() {
        let y = 5.0 + row * i as f64;
        svg.push_str(&format!(
            "<g class=\"bar\" data-rule=\"{r}\" data-count=\"{total}\"><text x=\"{tx}\" y=\"{ty}\" text-anchor=\"end\">{r}</text>",
            r = escape_html(rule),
            tx = label - 6.0,
            ty = y + 13.0
        ));
        let mut x = label;
        for (s, n) in by_severity.iter().enumerate().filter(|(_, n)| **n > 0) {
            let w = bar * *n as f64 / max as f64;
            svg.push_str(&format!(
                "<rect x=\"{x:.1}\" y=\"{y}\" width=\"{w:.1}\" height=\"{h}\" fill=\"{c}\" data-severity=\"{s}\"><title>{r} · {name} {n}</title></rect>",
                h = row - 4.0,
                c = SEVERITY_COLOURS[s],
                r = escape_html(rule),
                name = severity_names[s],
            ));
            x += w;
        }
        svg.push_str(&format!("<text x=\"{:.1}\" y=\"{}\">{total}</text></g>", x + 4.0, y + 13.0));
    }
    svg.push_str("</svg>");
    svg
}

/// Reports by verdict per year: one stacked column a year (the unknown year last, as `?`).
/// `counts`: year → reports by verdict (errors, warnings only, clean, unreadable).
pub fn verdicts_by_year(counts: &BTreeMap<Option<u16>, [usize; 4]>, verdict_names: [&str; 4]) -> String {
    let mut years: Vec<(Option<u16>, [usize; 4])> = counts.iter().map(|(y, c)| (*y, *c)).collect();
    years.sort_by_key(|(y, _)| y.map_or(u32::MAX, u32::from));
    let max = years.iter().map(|(_, c)| c.iter().sum::<usize>()).max().unwrap_or(1).max(1);
    let (column, gap, plot, top) = (44.0, 18.0, 200.0, 20.0);
    let legend = 150.0;
    let width = 40.0 + (column + gap) * years.len().max(1) as f64 + legend;
    let height = top + plot + 30.0;
    let mut svg = format!(
        "<svg class=\"chart\" id=\"chart-years\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\">"
    );
    svg.push_str(&format!(
        "<line x1=\"36\" y1=\"{b}\" x2=\"{x2}\" y2=\"{b}\" stroke=\"#444\"/>",
        b = top + plot,
        x2 = width - legend
    ));
    for (i, (year, by_verdict)) in years.iter().enumerate() {
        let x = 40.0 + (column + gap) * i as f64;
        let name = year.map_or_else(|| "?".to_string(), |y| y.to_string());
        let total: usize = by_verdict.iter().sum();
        let mut y = top + plot;
        svg.push_str(&format!(
            "<g class=\"year\" data-year=\"{}\" data-count=\"{total}\">",
            year.map_or(String::new(), |y| y.to_string())
        ));
        for (v, n) in by_verdict.iter().enumerate().filter(|(_, n)| **n > 0) {
            let h = plot * *n as f64 / max as f64;
            y -= h;
            svg.push_str(&format!(
                "<rect x=\"{x}\" y=\"{y:.1}\" width=\"{column}\" height=\"{h:.1}\" fill=\"{c}\" data-verdict=\"{key}\" data-count=\"{n}\"><title>{name} · {label} {n}</title></rect>",
                c = VERDICT_COLOURS[v],
                key = VERDICT_KEYS[v],
                label = verdict_names[v],
            ));
        }
        svg.push_str(&format!(
            "<text x=\"{cx}\" y=\"{ty:.1}\" text-anchor=\"middle\">{total}</text><text x=\"{cx}\" y=\"{ly}\" text-anchor=\"middle\">{name}</text></g>",
            cx = x + column / 2.0,
            ty = y - 4.0,
            ly = top + plot + 18.0
        ));
    }
    let lx = width - legend + 10.0;
    for (v, name) in verdict_names.iter().enumerate() {
        let ly = top + 20.0 * v as f64;
        svg.push_str(&format!(
            "<rect x=\"{lx}\" y=\"{ly}\" width=\"12\" height=\"12\" fill=\"{}\"/><text x=\"{}\" y=\"{}\">{}</text>",
            VERDICT_COLOURS[v],
            lx + 18.0,
            ly + 11.0,
            escape_html(name)
        ));
    }
    svg.push_str("</svg>");
    svg
}

/// The verdicts' keys in the page (`data-verdict`, the filter's values).
pub const VERDICT_KEYS: [&str; 4] = ["errors", "warnings", "clean", "unreadable"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_carry_their_numbers() {
        let mut rules = BTreeMap::new();
        rules.insert("T3-ROW-TOTAL", [3, 0, 0]);
        rules.insert("FMT-TITLE", [0, 5, 1]);
        let svg = findings_by_rule(&rules, ["错误", "警告", "提示"]);
        // Most frequent first.
        let first = svg.find("data-rule=\"FMT-TITLE\" data-count=\"6\"").unwrap();
        let second = svg.find("data-rule=\"T3-ROW-TOTAL\" data-count=\"3\"").unwrap();
        assert!(first < second);
        let mut years = BTreeMap::new();
        years.insert(Some(2021), [1, 2, 0, 0]);
        years.insert(None, [0, 0, 0, 1]);
        let svg = verdicts_by_year(&years, ["a", "b", "c", "d"]);
        assert!(svg.contains("data-year=\"2021\" data-count=\"3\""));
        assert!(svg.contains("data-verdict=\"warnings\" data-count=\"2\""));
        assert!(svg.contains("data-year=\"\" data-count=\"1\""));
        assert!(svg.find("data-year=\"2021\"").unwrap() < svg.find("data-year=\"\"").unwrap());
    }
}
