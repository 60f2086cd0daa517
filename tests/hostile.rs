//! Hostile input: every case gets a report or a clear error, in bounded time, never a panic.
//! The bounds here are generous (10 s) so the suite never flakes on a busy machine; the
//! benchmark measures the real figures.

use std::time::{Duration, Instant};

use xxgk_lint::{lint_bytes, lint_str, LintOptions, ReadError, ReadOptions};

fn bounded<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let started = Instant::now();
    let out = f();
    assert!(started.elapsed() < Duration::from_secs(10), "{what} took {:?}", started.elapsed());
    out
}

fn lint(input: &str) -> xxgk_lint::LintReport {
    lint_str(input, &ReadOptions::default(), &LintOptions::default()).expect("a report")
}

#[test]
fn giant_spans() {
    let mut html = String::from("<table>");
    for _ in 0..50 {
        html.push_str("<tr><td colspan=99999 rowspan=99999>x</td><td>1</td></tr>");
    }
    html.push_str("</table>");
    bounded("colspan=99999 × rowspan=99999", || lint(&html));
}

#[test]
fn ten_thousand_tables() {
    let html: String = (0..10_000).map(|i| format!("<table><tr><td>本年新收</td><td>{i}</td></tr></table>")).collect();
    bounded("10 000 tables", || lint(&html));
}

#[test]
fn a_hundred_thousand_nested_elements() {
    for tag in ["div", "span", "blockquote", "ul", "b", "a", "font", "table"] {
        let html = format!("{}x{}", format!("<{tag}>").repeat(100_000), format!("</{tag}>").repeat(100_000));
        bounded(tag, || lint(&html));
    }
}

#[test]
fn fifty_megabytes_is_refused_past_the_limit_and_read_with_a_higher_one() {
    let big = "<p>一、总体情况</p>".repeat(50 * 1024 * 1024 / 26);
    let err = lint_str(&big, &ReadOptions::default(), &LintOptions::default()).unwrap_err();
    assert!(matches!(err, ReadError::TooLarge { .. }), "{err:?}");
    assert!(err.to_string().contains("--max-size"));
    let raised = ReadOptions { max_bytes: 64 * 1024 * 1024, ..ReadOptions::default() };
    let r = bounded("50 MB paste", || lint_str(&big, &raised, &LintOptions::default()).unwrap());
    assert!(r.summary.errors > 0);
}

#[test]
fn nul_bytes_invalid_utf8_and_lone_surrogates() {
    let mut bytes = "<p>一、总体情况</p>\0\0<table><tr><td>\0</td></tr></table>".as_bytes().to_vec();
    bytes.extend_from_slice(&[0xff, 0xfe, 0xed, 0xa0, 0x80]); // invalid UTF-8 and an encoded surrogate
    let r = bounded("NUL and invalid UTF-8", || {
        lint_bytes(&bytes, &ReadOptions::default(), &LintOptions::default()).unwrap()
    });
    assert!(r.summary.errors > 0);
    // A JS string with a lone surrogate reaches Rust as U+FFFD (wasm-bindgen converts lossily).
    bounded("replacement characters", || lint("一、总体情况\u{fffd}\u{fffd}\n表三\u{fffd}"));
}

#[test]
fn table_three_repeated_twenty_times() {
    let t3 = std::fs::read_to_string("tests/fixtures/clipboard/excel-table3.html").unwrap();
    let html = t3.repeat(20);
    let r = bounded("表三 × 20", || lint(&html));
    assert!(r.summary.errors > 0);
}

#[test]
fn labels_in_the_wrong_script_and_absurd_numbers() {
    let seed = std::fs::read_to_string("tests/fixtures/xizou-2019.txt").unwrap();
    // Traditional characters, full-width Latin, Cyrillic look-alikes.
    let odd = seed.replace("予以公开", "予以公開").replace("总计", "ＴＯＴＡＬ").replace("本年新收", "Бнсш");
    bounded("wrong script", || lint(&odd));
    // 30-digit and 40-digit numbers: no overflow, a finding instead.
    let absurd = seed.replacen("\t3\n", "\t999999999999999999999999999999\n", 1).replacen(
        "\t0\n",
        "\t9999999999999999999999999999999999999999\n",
        1,
    );
    let r = bounded("absurd numbers", || lint(&absurd));
    assert!(r.summary.errors > 0);
}

#[test]
fn random_bytes_never_panic() {
    // A small deterministic generator: no dependency, same bytes every run.
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    for round in 0..200 {
        let len = (round * 97) % 4096;
        let bytes: Vec<u8> = (0..len)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                // Bias towards markup and digits.
                const ALPHABET: &[u8] = b"<>/tdrp\"= 0123456789\n\t|";
                ALPHABET[(x % ALPHABET.len() as u64) as usize]
            })
            .collect();
        let _ = lint_bytes(&bytes, &ReadOptions::default(), &LintOptions::default());
    }
}
