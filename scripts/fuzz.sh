#!/usr/bin/env bash
# Fuzz the HTML reader, the text reader and the whole check for a bounded time each
# (default 15 s; `scripts/fuzz.sh 3600` for a long run), seeded with the real reports.
# cargo-fuzz needs nightly flags: on this stable toolchain RUSTC_BOOTSTRAP=1 allows them,
# and libFuzzer runs without a sanitizer (`--sanitizer none`): panics and aborts are caught,
# memory errors are not (there is no unsafe code of ours to have them).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-15}"
if ! command -v cargo-fuzz >/dev/null 2>&1; then
  cargo install cargo-fuzz --version '^0.13'
fi
export RUSTC_BOOTSTRAP=1
for target in read_html read_text lint; do
  mkdir -p "fuzz/corpus/$target"
  cp tests/fixtures/*.txt tests/fixtures/*.md tests/fixtures/*.html tests/fixtures/clipboard/*.html "fuzz/corpus/$target/" 2>/dev/null || true
  echo "== fuzz $target for ${seconds}s"
  log="fuzz/$target.log"
  if ! cargo fuzz run --sanitizer none "$target" -- -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=262144 > "$log" 2>&1; then
    tail -40 "$log"
    echo "fuzz $target FAILED (reproducer in fuzz/artifacts/$target/)"
    exit 1
  fi
  grep -E '^Done|DONE' "$log" | tail -2
done
