//! The HTML reader on any input: never a panic, a bounded grid.
#![no_main]
use libfuzzer_sys::fuzz_target;
use xxgk_lint::{read_bytes, InputKind, ReadOptions};

fuzz_target!(|data: &[u8]| {
    let options = ReadOptions { input: Some(InputKind::Html), ..ReadOptions::default() };
    if let Ok(doc) = read_bytes(data, &options) {
        for t in doc.tables() {
            assert!(t.grid.width() * t.grid.height() <= options.grid.max_slots);
        }
    }
});
