//! What the text reader makes of the text fixtures: every paragraph and table row, and
//! the reader's notes.
//!
//! `cargo run --example dump_text [FILTER]` — only the fixtures whose name contains FILTER.

use xxgk_lint::{read_str, Block, InputKind, ReadOptions};

fn main() {
    let filter = std::env::args().nth(1).unwrap_or_default();
    let mut names: Vec<String> = std::fs::read_dir("tests/fixtures")
        .expect("run from the repository root")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|name| !name.ends_with(".html") && name != "CORPUS.md" && name.contains(&filter))
        .collect();
    names.sort();
    let options = ReadOptions { input: Some(InputKind::Text), ..ReadOptions::default() };
    for name in names {
        let Ok(input) = std::fs::read_to_string(format!("tests/fixtures/{name}")) else { continue };
        let doc = match read_str(&input, &options) {
            Ok(doc) => doc,
            Err(e) => {
                println!("=================== {name}: {e}");
                continue;
            }
        };
        println!("=================== {name}");
        for b in &doc.blocks {
            match b {
                Block::Paragraph(p) => println!("P {:?} {}", (p.span.start, p.span.end), p.text),
                Block::Table(t) => {
                    println!("T{} {:?}", t.index, (t.span.start, t.span.end));
                    for r in &t.rows {
                        let cells: Vec<&str> = r.cells.iter().map(|c| t.text(c)).collect();
                        println!("  | {}", cells.join(" | "));
                    }
                }
            }
        }
        for n in &doc.notes {
            println!("N {:?} {} {:?}", n.kind, n.message, n.table);
        }
    }
}
