#!/usr/bin/env bash
# The whole test suite, from a fresh clone on a machine with Rust, Node and apt.
# Installs what it needs, idempotently; safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step "toolchain"
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed 2>/dev/null | grep -q "^$component"; then
    rustup component add "$component"
  fi
done

step "format"
cargo fmt --all -- --check

step "lint"
cargo clippy --all-targets --quiet -- -D warnings

step "the core builds for WebAssembly"
cargo build --quiet --lib --target wasm32-unknown-unknown

step "native tests"
cargo test --all-targets --quiet
