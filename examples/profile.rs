//! One stage on one benchmark input, repeated: what `valgrind --tool=callgrind` measures (its
//! instruction counts do not depend on the machine's load, unlike criterion's times).
//!
//! `cargo run --release --example profile -- MODE INPUT [N]`
//!
//! - MODE: `check` (read + recognise + rules + the report as JSON), `read` (into a `Document`),
//!   `rcdom` (html5ever parsing into `markup5ever_rcdom`, the baseline), `allocs` (one check,
//!   counting the heap allocations it makes), `ratio` (the whole check ÷ rcdom in wall time,
//!   the two timed in turns for N rounds: what the budget is, robust to a drifting machine).
//! - INPUT: `tables-only` (the portal page's three tables), `portal`, or a path.
//! - N: how many times (1 by default).

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{parse_document, ParseOpts};
use xxgk_lint::{lint_bytes, LintOptions, ReadOptions};

#[path = "../benches/common/inputs.rs"]
#[allow(dead_code)]
mod inputs;

/// The system allocator, counting (only while `COUNTING` is set).
struct Counting;
static COUNTING: AtomicUsize = AtomicUsize::new(0);
static ALLOCS: AtomicUsize = AtomicUsize::new(0);
static BYTES: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if COUNTING.load(Relaxed) != 0 {
            ALLOCS.fetch_add(1, Relaxed);
            BYTES.fetch_add(layout.size(), Relaxed);
        }
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if COUNTING.load(Relaxed) != 0 {
            ALLOCS.fetch_add(1, Relaxed);
            BYTES.fetch_add(new_size.saturating_sub(layout.size()), Relaxed);
        }
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn check(bytes: &[u8]) -> usize {
    match lint_bytes(bytes, &ReadOptions::default(), &LintOptions::default()) {
        Ok(report) => serde_json::to_string(&report).expect("serialisable").len(),
        Err(_) => 0,
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (mode, input) = match (args.first(), args.get(1)) {
        (Some(m), Some(i)) => (m.as_str(), i.as_str()),
        _ => {
            eprintln!("usage: profile check|read|rcdom|allocs|ratio tables-only|portal|PATH [N]");
            std::process::exit(2);
        }
    };
    let n: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1);
    let text = match input {
        "tables-only" => inputs::tables_only(),
        "portal" => inputs::portal_page(),
        // Lossy, so that a fuzz seed cut inside a character can be profiled too.
        path => String::from_utf8_lossy(&std::fs::read(path).expect("a readable file")).into_owned(),
    };
    let bytes = text.as_bytes();
    let mut sink = 0usize;
    match mode {
        "check" => (0..n).for_each(|_| sink += check(bytes)),
        "read" => (0..n).for_each(|_| {
            sink += xxgk_lint::read_file(bytes, &ReadOptions::default()).map(|f| f.document.blocks.len()).unwrap_or(0)
        }),
        "rcdom" => (0..n).for_each(|_| {
            let dom = parse_document(markup5ever_rcdom::RcDom::default(), ParseOpts::default())
                .one(StrTendril::from_slice(&text));
            sink += dom.document.children.borrow().len();
        }),
        "ratio" => {
            // Whole check ÷ html5ever → rcdom, timed in turns (N rounds of a batch of each), so
            // that both see the same machine however its speed drifts: the median of the rounds'
            // ratios, and the median times.
            let rcdom = |_: ()| {
                let dom = parse_document(markup5ever_rcdom::RcDom::default(), ParseOpts::default())
                    .one(StrTendril::from_slice(&text));
                let len = dom.document.children.borrow().len();
                len
            };
            let batch = (2_000_000 / bytes.len().max(1)).clamp(3, 200);
            let time = |f: &dyn Fn(()) -> usize, sink: &mut usize| {
                let start = std::time::Instant::now();
                for _ in 0..batch {
                    *sink += f(());
                }
                start.elapsed().as_secs_f64() / batch as f64
            };
            check(bytes); // warm-up
            let (mut ratios, mut ours, mut theirs) = (Vec::new(), Vec::new(), Vec::new());
            for _ in 0..n.max(5) {
                let a = time(&rcdom, &mut sink);
                let b = time(&|_| check(bytes), &mut sink);
                ratios.push(b / a);
                ours.push(b);
                theirs.push(a);
            }
            let median = |v: &mut Vec<f64>| {
                v.sort_by(f64::total_cmp);
                v[v.len() / 2]
            };
            let (r, o, t) = (median(&mut ratios), median(&mut ours), median(&mut theirs));
            println!(
                "{input}: {} bytes; rcdom {:.3} ms, whole check {:.3} ms; ratio median {r:.3} (rounds {:.3}–{:.3})",
                bytes.len(),
                t * 1e3,
                o * 1e3,
                ratios[0],
                ratios[ratios.len() - 1]
            );
        }
        "allocs" => {
            check(bytes); // warm-up: anything built once per process is not the report's
            COUNTING.store(1, Relaxed);
            for _ in 0..n {
                sink += check(bytes);
            }
            COUNTING.store(0, Relaxed);
            let (a, b) = (ALLOCS.load(Relaxed) / n, BYTES.load(Relaxed) / n);
            println!("{input}: {} bytes in, {a} allocations and {b} bytes allocated per check", bytes.len());
        }
        _ => {
            eprintln!("unknown mode {mode}");
            std::process::exit(2);
        }
    }
    std::hint::black_box(sink);
}
