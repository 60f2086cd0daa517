//! The hostile-input benchmark (issue 7): each case of the hostile suite, checked natively in
//! a process of its own, with its wall time and the process's peak resident memory (VmHWM)
//! against the targets — at most 1 s and 256 MB. Run: `cargo bench --bench hostile`.
//! (The suite itself, `tests/hostile.rs`, asserts only generous bounds so it never flakes.)
//! Linux only: the peak is read from /proc/self/status.

use std::process::Command;
use std::time::Instant;

use xxgk_lint::{lint_bytes, LintOptions, ReadOptions};

#[path = "../tests/common/hostile_inputs.rs"]
#[allow(dead_code)] // random_bytes is the suite's alone
mod inputs;
#[path = "../tests/common/pdf_builder.rs"]
mod pdf_builder;

/// Every case: a name and its input (built in the measuring process, so the peak includes
/// the input itself), with the size limit raised where the case needs it.
fn case(name: &str) -> Option<(Vec<u8>, usize)> {
    let default = ReadOptions::default().max_bytes;
    let fixture = |p: &str| std::fs::read_to_string(p).unwrap_or_default();
    Some(match name {
        "giant spans" => (inputs::giant_spans().into_bytes(), default),
        "10 000 tables" => (inputs::ten_thousand_tables().into_bytes(), default),
        "50 MB paste (refused)" => (inputs::fifty_megabytes().into_bytes(), default),
        "50 MB paste (limit raised)" => (inputs::fifty_megabytes().into_bytes(), 64 << 20),
        "NUL + invalid UTF-8" => (inputs::nul_and_invalid_utf8(), default),
        "lone surrogates (U+FFFD)" => (inputs::replacement_characters().into_bytes(), default),
        "20 MB of four-byte GB18030" => (inputs::gb18030_four_byte_sequences(), default),
        ".docx zip bomb (1 GB of XML)" => (inputs::docx_zip_bomb(), default),
        ".docx nested 100 000 deep" => (inputs::docx_deep_nesting(), default),
        "PDF flate bomb (256 MB)" => (pdf_builder::flate_bomb(256), default),
        "PDF operator flood (1.2 M)" => (pdf_builder::operator_flood(), default),
        "PDF ruled 300 × 300" => (pdf_builder::ruled_page(), default),
        "表三 × 20" => (
            inputs::table_three_twenty_times(&fixture("tests/fixtures/clipboard/excel-table3.html")).into_bytes(),
            default,
        ),
        "wrong script" => (inputs::wrong_script(&fixture("tests/fixtures/xizou-2019.txt")).into_bytes(), default),
        "30/40-digit numbers" => {
            (inputs::absurd_numbers(&fixture("tests/fixtures/xizou-2019.txt")).into_bytes(), default)
        }
        _ => {
            let tag = name.strip_prefix("100 000 nested <")?.strip_suffix('>')?;
            (inputs::nested(tag).into_bytes(), default)
        }
    })
}

fn names() -> Vec<String> {
    let mut v: Vec<String> = ["giant spans", "10 000 tables"].map(String::from).to_vec();
    v.extend(inputs::NESTED_TAGS.iter().map(|t| format!("100 000 nested <{t}>")));
    v.extend(
        [
            "50 MB paste (refused)",
            "50 MB paste (limit raised)",
            "NUL + invalid UTF-8",
            "lone surrogates (U+FFFD)",
            "20 MB of four-byte GB18030",
            ".docx zip bomb (1 GB of XML)",
            ".docx nested 100 000 deep",
            "PDF flate bomb (256 MB)",
            "PDF operator flood (1.2 M)",
            "PDF ruled 300 × 300",
            "表三 × 20",
            "wrong script",
            "30/40-digit numbers",
        ]
        .map(String::from),
    );
    v
}

fn peak_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    // In a child: run one case, print "input-bytes seconds peak-kB outcome".
    if let Some(i) = args.iter().position(|a| a == "--case") {
        let Some((input, max_bytes)) = args.get(i + 1).and_then(|n| case(n)) else { std::process::exit(2) };
        let read = ReadOptions { max_bytes, ..ReadOptions::default() };
        let started = Instant::now();
        let outcome = match lint_bytes(&input, &read, &LintOptions::default()) {
            Ok(r) => format!("report: {} errors, {} warnings", r.summary.errors, r.summary.warnings),
            Err(e) => format!("error: {e}"),
        };
        println!("{} {:.3} {} {}", input.len(), started.elapsed().as_secs_f64(), peak_rss_kb(), outcome);
        return;
    }
    let Ok(me) = std::env::current_exe() else { return };
    println!("| case | input | time | peak RSS | ≤ 1 s, ≤ 256 MB | outcome |");
    println!("|---|---|---|---|---|---|");
    for name in names() {
        let out = Command::new(&me).args(["--case", &name]).output();
        let line = out.ok().map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string()).unwrap_or_default();
        let mut parts = line.splitn(4, ' ');
        let (Some(size), Some(secs), Some(kb), Some(outcome)) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            println!("| {name} | | | | **failed** | {line} |");
            continue;
        };
        let (size, secs, kb): (f64, f64, f64) =
            (size.parse().unwrap_or(0.0), secs.parse().unwrap_or(0.0), kb.parse().unwrap_or(0.0));
        let ok = if secs <= 1.0 && kb <= 256.0 * 1024.0 { "yes" } else { "**no**" };
        let outcome: String = outcome.chars().take(90).collect();
        println!("| {name} | {:.1} MB | {:.2} s | {:.0} MB | {ok} | {outcome} |", size / 1048576.0, secs, kb / 1024.0);
    }
}
