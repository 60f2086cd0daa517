//! The browser's check of a walked DOM, natively, repeated: what `wasm::lint_dom` runs on the
//! eager module (`read_dom`, `lint_document`, the report out), for `valgrind --tool=callgrind`,
//! whose instruction counts at the eager module's opt-level are a steady proxy for its cost in
//! the browser (where profiles sample too coarsely to compare two builds).
//!
//! `node benches/browser/dump-walked.mjs` writes the walked DOMs (target/walked/NAME.*); then,
//! built as the eager module is (no HTML parser, no text readers, opt-level "z"):
//!
//! `cargo build --profile wasm --no-default-features --example profile_dom`
//! `target/wasm/examples/profile_dom MODE target/walked/NAME [N]`
//!
//! - MODE: `check` (the whole: read, rules, the report serialised as JSON in place of the
//!   JavaScript objects `to_js` makes), `read` (`read_dom` alone), `json` (one check's report as
//!   JSON on stdout, to compare with the browser's `lintElement` report in NAME.json).
//! - N: how many times (1 by default).

use xxgk_lint::read::html::read_dom;
use xxgk_lint::{lint_document, LintOptions, ReadOptions};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (mode, base) = match (args.first(), args.get(1)) {
        (Some(m), Some(b)) => (m.as_str(), b.as_str()),
        _ => {
            eprintln!("usage: profile_dom check|read|json target/walked/NAME [N]");
            std::process::exit(2);
        }
    };
    let n: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1);
    let read_file = |ext: &str| std::fs::read(format!("{base}.{ext}")).expect("a walked DOM (dump-walked.mjs)");
    let nodes: Vec<i32> =
        read_file("nodes").chunks_exact(4).map(|b| i32::from_le_bytes([b[0], b[1], b[2], b[3]])).collect();
    let strings = String::from_utf8(read_file("strings")).expect("UTF-8 strings");
    let quirks = read_file("quirks") == b"1";
    let (read, lint) = (ReadOptions::default(), LintOptions::default());
    let check = || {
        let doc = read_dom(&nodes, &strings, quirks, &read).expect("a well-formed walk");
        serde_json::to_string(&lint_document(&doc, &lint)).expect("serialisable")
    };
    let mut sink = 0usize;
    match mode {
        "check" => (0..n).for_each(|_| sink += check().len()),
        "read" => {
            (0..n).for_each(|_| sink += read_dom(&nodes, &strings, quirks, &read).expect("well-formed").blocks.len())
        }
        "json" => println!("{}", check()),
        _ => {
            eprintln!("unknown mode {mode}");
            std::process::exit(2);
        }
    }
    eprintln!("{sink}");
}
