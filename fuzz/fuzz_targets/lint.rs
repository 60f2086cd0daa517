//! The whole check (read → recognise → rules) on any input: never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;
use xxgk_lint::{lint_bytes, LintOptions, ReadOptions};

fuzz_target!(|data: &[u8]| {
    let _ = lint_bytes(data, &ReadOptions::default(), &LintOptions::default());
});
