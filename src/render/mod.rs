//! Rendering what the linter found for people to read: the statutory tables in their official
//! layout ([`tables`]). One renderer, for every place a table is shown (the batch's HTML
//! summary today; the npm package's `tableHtml` and a `tables` command can call the same code).

pub mod tables;

/// `text` with `&`, `<`, `>` and `"` escaped, for HTML text and attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}
