//! The benchmark inputs shared by `benches/read.rs`, `benches/check.rs` and the profiling
//! examples: the real reports of `tests/fixtures/`, and the tables-only extract of the portal
//! page (its three `<table>`s alone, derived here so that no second copy is kept).

/// The repository's fixture directory.
pub fn fixtures() -> String {
    format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR"))
}

/// The portal page of 平潭 2022 as served.
pub fn portal_page() -> String {
    std::fs::read_to_string(format!("{}/fujian-pingtan-zonghe-shiyanqu-2022.portal.html", fixtures()))
        .expect("portal fixture")
}

/// The portal page's three `<table>` elements alone, one after the other (≈ 42 KB).
pub fn tables_only() -> String {
    let page = portal_page();
    let mut out = String::new();
    let mut rest = page.as_str();
    while let Some(start) = rest.find("<table") {
        let end = rest[start..].find("</table>").map(|e| start + e + "</table>".len()).expect("a closed table");
        out.push_str(&rest[start..end]);
        out.push('\n');
        rest = &rest[end..];
    }
    out
}

/// The real HTML reports: (name, text).
pub fn html_inputs() -> Vec<(String, String)> {
    let mut v = vec![
        ("pingtan-2022.tables-only".to_string(), tables_only()),
        ("pingtan-2022.portal".to_string(), portal_page()),
    ];
    let dir = format!("{}/clipboard", fixtures());
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok()?.file_name().into_string().ok()).collect())
        .unwrap_or_default();
    names.retain(|n| n.ends_with(".html"));
    names.sort();
    for n in names {
        if let Ok(text) = std::fs::read_to_string(format!("{dir}/{n}")) {
            v.push((format!("clipboard/{n}"), text));
        }
    }
    v
}

/// The text-shaped reports (pdftotext layout and raw, flattened page text, Markdown, OCR):
/// (name, text).
pub fn text_inputs() -> Vec<(String, String)> {
    let mut names: Vec<String> = std::fs::read_dir(fixtures())
        .expect("fixtures")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| (n.ends_with(".txt") || n.ends_with(".md")) && n != "CORPUS.md")
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|n| {
            let text = std::fs::read_to_string(format!("{}/{n}", fixtures())).expect("text fixture");
            (n, text)
        })
        .collect()
}
