#!/usr/bin/env bash
# cargo-fuzz instruments every crate for libFuzzer's coverage (sancov) and comparison
# tracing. scripts/fuzz.sh sets this as RUSTC_WRAPPER so that only the crates whose branches
# follow the input's structure are instrumented: ours (and the targets), and the parsers of the
# formats a report arrives in (HTML, PDF, zip/deflate, XML, legacy encodings). The plumbing —
# serde and serde_json, tendril, string_cache, memchr, hashbrown, arbitrary, … — is compiled as
# in any release build: its code still runs on every input and a panic in it is still caught;
# only libFuzzer no longer steers by its branches. That makes the fuzz build faster to compile
# and each input cheaper to run (numbers in the README, "Fuzzing that reaches volume").
rustc="$1"
shift
case "${CARGO_PKG_NAME:-}" in
  xxgk-lint | xxgk-lint-fuzz | html5ever | markup5ever | lopdf | zip | flate2 | miniz_oxide | roxmltree | encoding_rs | chardetng)
    exec "$rustc" "$@" ;;
esac
args=()
for a in "$@"; do
  case "$a" in
    -Cpasses=sancov-module | -Cllvm-args=-sanitizer-coverage-* | -Cllvm-args=-simplifycfg-branch-fold-threshold=0) ;;
    *) args+=("$a") ;;
  esac
done
exec "$rustc" "${args[@]}"
