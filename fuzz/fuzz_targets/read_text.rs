//! The text reader on any input: never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;
use xxgk_lint::{read_bytes, InputKind, ReadOptions};

fuzz_target!(|data: &[u8]| {
    let options = ReadOptions { input: Some(InputKind::Text), ..ReadOptions::default() };
    let _ = read_bytes(data, &options);
});
