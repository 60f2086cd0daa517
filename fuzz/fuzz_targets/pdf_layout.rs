//! The layout reader as the browser build feeds it (pdf.js's pages in their compact form):
//! any numbers and strings give pages and a document, or an error — never a panic. The input
//! is cut into little-endian f32s up to a zero byte pair, then the strings.
#![no_main]
use libfuzzer_sys::fuzz_target;
use xxgk_lint::read::pdf::{layout::read_pages, page::pages_from_numbers};
use xxgk_lint::{lint_document, LintOptions, ReadOptions};

fuzz_target!(|data: &[u8]| {
    let cut = data.windows(2).position(|w| w == [0xff, 0xff]).unwrap_or(data.len());
    let numbers: Vec<f32> = data[..cut].chunks_exact(4).map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect();
    let strings = String::from_utf8_lossy(data.get(cut + 2..).unwrap_or(&[]));
    if let Ok(pages) = pages_from_numbers(&numbers, &strings) {
        let doc = read_pages(&pages, &ReadOptions::default());
        let _ = lint_document(&doc, &LintOptions::default());
    }
});
