//! Hostile input: every case gets a report or a clear error, in bounded time, never a panic.
//! The bound here is generous (60 s of wall time) so that the suite never flakes on a busy
//! machine — the 50 MB paste took 11.6 s in a debug build with two other builds running — while a
//! hang or quadratic work on these inputs (hours) still fails it; the benchmark
//! (benches/hostile.rs) measures the real figures against 1 s / 256 MB.

use std::time::{Duration, Instant};

use xxgk_lint::{lint_bytes, lint_str, LintOptions, ReadError, ReadOptions};

#[path = "common/hostile_inputs.rs"]
mod inputs;
#[path = "common/pdf_builder.rs"]
mod pdf_builder;

fn bounded<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let started = Instant::now();
    let out = f();
    assert!(started.elapsed() < Duration::from_secs(60), "{what} took {:?}", started.elapsed());
    out
}

fn lint(input: &str) -> xxgk_lint::LintReport {
    lint_str(input, &ReadOptions::default(), &LintOptions::default()).expect("a report")
}

#[test]
fn giant_spans() {
    let html = inputs::giant_spans();
    bounded("colspan=99999 × rowspan=99999", || lint(&html));
}

#[test]
fn ten_thousand_tables() {
    let html = inputs::ten_thousand_tables();
    bounded("10 000 tables", || lint(&html));
}

#[test]
fn a_hundred_thousand_nested_elements() {
    for tag in inputs::NESTED_TAGS {
        let html = inputs::nested(tag);
        bounded(tag, || lint(&html));
    }
}

#[test]
fn fifty_megabytes_is_refused_past_the_limit_and_read_with_a_higher_one() {
    let big = inputs::fifty_megabytes();
    let err = lint_str(&big, &ReadOptions::default(), &LintOptions::default()).unwrap_err();
    assert!(matches!(err, ReadError::TooLarge { .. }), "{err:?}");
    assert!(err.to_string().contains("--max-size"));
    let raised = ReadOptions { max_bytes: 64 * 1024 * 1024, ..ReadOptions::default() };
    let r = bounded("50 MB paste", || lint_str(&big, &raised, &LintOptions::default()).unwrap());
    assert!(r.summary.errors > 0);
}

#[test]
fn nul_bytes_invalid_utf8_and_lone_surrogates() {
    let bytes = inputs::nul_and_invalid_utf8();
    let r = bounded("NUL and invalid UTF-8", || {
        lint_bytes(&bytes, &ReadOptions::default(), &LintOptions::default()).unwrap()
    });
    assert!(r.summary.errors > 0);
    // A JS string with a lone surrogate reaches Rust as U+FFFD (wasm-bindgen converts lossily).
    bounded("replacement characters", || lint(&inputs::replacement_characters()));
}

#[test]
fn twenty_megabytes_of_four_byte_gb18030() {
    let bytes = inputs::gb18030_four_byte_sequences();
    let r = bounded("20 MB of GB18030 four-byte sequences", || {
        lint_bytes(&bytes, &ReadOptions::default(), &LintOptions::default()).unwrap()
    });
    assert_eq!(r.encoding, Some("GB18030"));
    assert!(r.summary.errors > 0);
}

#[test]
fn word_files_a_zip_bomb_and_deep_nesting() {
    let bomb = inputs::docx_zip_bomb();
    assert!(bomb.len() < 2 << 20, "{} bytes", bomb.len());
    let e =
        bounded(".docx zip bomb", || lint_bytes(&bomb, &ReadOptions::default(), &LintOptions::default()).unwrap_err());
    assert!(e.to_string().contains("inflates to more than 64 MB"), "{e}");
    let deep = inputs::docx_deep_nesting();
    let r = bounded(".docx nested 100 000 deep", || {
        lint_bytes(&deep, &ReadOptions::default(), &LintOptions::default()).unwrap_err()
    });
    // Deeper than a browser's XML parser takes (5 000 levels): not well-formed, to both readers.
    assert!(r.to_string().contains("not well-formed XML"), "{r}");
}

#[test]
fn pdf_files_a_bomb_an_operator_flood_and_a_page_ruled_all_over() {
    let check = |bytes: &[u8]| lint_bytes(bytes, &ReadOptions::default(), &LintOptions::default());
    let bomb = pdf_builder::flate_bomb(256);
    assert!(bomb.len() < 1 << 20, "{} bytes", bomb.len());
    let e = bounded("PDF flate bomb (256 MB)", || check(&bomb).unwrap_err());
    assert!(e.to_string().contains("inflates to more than 32 MB"), "{e}");
    let e = bounded("PDF operator flood", || check(&pdf_builder::operator_flood()).unwrap_err());
    assert!(e.to_string().contains("page 1 of the PDF draws more than 1000000 operators"), "{e}");
    // Read, as a table of 300 × 300 cells, in bounded time: a report (of no known format).
    let r = bounded("PDF page ruled 300 × 300", || check(&pdf_builder::ruled_page()).expect("a report"));
    assert_eq!(serde_json::to_value(r.input).unwrap(), "pdf");
}

#[test]
fn table_three_repeated_twenty_times() {
    let t3 = std::fs::read_to_string("tests/fixtures/clipboard/excel-table3.html").unwrap();
    let html = inputs::table_three_twenty_times(&t3);
    let r = bounded("表三 × 20", || lint(&html));
    assert!(r.summary.errors > 0);
}

#[test]
fn labels_in_the_wrong_script_and_absurd_numbers() {
    let seed = std::fs::read_to_string("tests/fixtures/xizou-2019.txt").unwrap();
    // Traditional characters, full-width Latin, Cyrillic look-alikes.
    let odd = inputs::wrong_script(&seed);
    bounded("wrong script", || lint(&odd));
    // 30-digit and 40-digit numbers: no overflow, a finding instead.
    let absurd = inputs::absurd_numbers(&seed);
    let r = bounded("absurd numbers", || lint(&absurd));
    assert!(r.summary.errors > 0);
}

#[test]
fn random_bytes_never_panic() {
    // A small deterministic generator: no dependency, same bytes every run.
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    for round in 0..200 {
        let bytes = inputs::random_bytes(&mut x, round);
        let _ = lint_bytes(&bytes, &ReadOptions::default(), &LintOptions::default());
    }
}
