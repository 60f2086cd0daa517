//! Issue 18's budgets, per input: the whole check (read + recognise + rules + the report as
//! JSON) of every real HTML report beside html5ever parsing the same bytes into its reference
//! DOM (`markup5ever_rcdom`), the tables-only extract of the portal page first; and the whole
//! check of every text-shaped report, in bytes per second.
//!
//! `cargo bench --bench check` (`-- html/` or `-- text/` for one half). The same work, counted
//! in instructions: `cargo run --release --example profile -- check|rcdom INPUT N` under
//! `valgrind --tool=callgrind`.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{parse_document, ParseOpts};
use xxgk_lint::{lint_bytes, LintOptions, ReadOptions};

#[path = "common/inputs.rs"]
mod inputs;

fn check(bytes: &[u8]) -> usize {
    let report = lint_bytes(bytes, &ReadOptions::default(), &LintOptions::default()).expect("readable");
    serde_json::to_string(&report).expect("serialisable").len()
}

fn bench_html(c: &mut Criterion) {
    for (name, input) in inputs::html_inputs() {
        let mut g = c.benchmark_group(format!("html/{name}"));
        g.throughput(Throughput::Bytes(input.len() as u64));
        g.sample_size(30);
        g.bench_function("html5ever-rcdom", |b| {
            b.iter(|| {
                parse_document(markup5ever_rcdom::RcDom::default(), ParseOpts::default())
                    .one(StrTendril::from_slice(black_box(&input)))
            })
        });
        g.bench_function("whole-check", |b| b.iter(|| check(black_box(input.as_bytes()))));
        g.finish();
    }
}

fn bench_text(c: &mut Criterion) {
    for (name, input) in inputs::text_inputs() {
        let mut g = c.benchmark_group(format!("text/{name}"));
        g.throughput(Throughput::Bytes(input.len() as u64));
        g.sample_size(30);
        g.bench_function("whole-check", |b| b.iter(|| check(black_box(input.as_bytes()))));
        g.finish();
    }
}

criterion_group!(benches, bench_html, bench_text);
criterion_main!(benches);
