//! What the recogniser reads from the statutory tables of text fixtures whose tables have
//! no cells (`pdftotext` raw output, flattened page text): each table's layout, the values
//! of every row, the rows it could not read and the row labels as printed.
//!
//! `cargo run --example dump_text_tables [FIXTURE…]` — by default the four fixtures of
//! `tests/text_tables.rs`.

use xxgk_lint::recognize::recognize;
use xxgk_lint::{read_str, InputKind, ReadOptions};

const DEFAULT: &[&str] = &[
    "jiangsu-huaian-shi-2024.pdftotext-raw.txt",
    "jiangsu-huaian-hongze-qu-2023.pdftotext-raw.txt",
    "fujian-pingtan-zonghe-shiyanqu-2021.page.txt",
    "fujian-pingtan-zonghe-shiyanqu-2022.page.txt",
];

fn main() {
    let mut names: Vec<String> = std::env::args().skip(1).collect();
    if names.is_empty() {
        names = DEFAULT.iter().map(|n| n.to_string()).collect();
    }
    let options = ReadOptions { input: Some(InputKind::Text), ..ReadOptions::default() };
    for name in names {
        let path = if name.contains('/') { name.clone() } else { format!("tests/fixtures/{name}") };
        let input = match std::fs::read_to_string(&path) {
            Ok(input) => input,
            Err(e) => {
                println!("== {name}: {e}");
                continue;
            }
        };
        let doc = match read_str(&input, &options) {
            Ok(doc) => doc,
            Err(e) => {
                println!("== {name}: {e}");
                continue;
            }
        };
        let report = recognize(&doc);
        for t in &report.tables {
            println!("== {name} {:?} layout {:?}", t.id, t.layout);
            let mut rows: Vec<xxgk_lint::format::RowId> = t.cells.iter().map(|c| c.row).collect();
            rows.dedup();
            for r in rows {
                let values: Vec<&str> = t.cells.iter().filter(|c| c.row == r).map(|c| &*c.value.text).collect();
                println!("  {r}: {values:?}");
            }
            for u in &t.unreadable {
                println!("  UNREADABLE {:?}: {} [{:?}]", u.row, u.reason, u.excerpt);
            }
            for l in &t.row_labels {
                println!("  label {} = {}", l.id, l.printed);
            }
        }
    }
}
