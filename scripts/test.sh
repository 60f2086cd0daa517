#!/usr/bin/env bash
# The whole test suite, from a fresh clone on a machine with Rust, Node and apt.
# Installs what it needs, idempotently; safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

# Each step says how long the suite has run, so a slow step shows in the CI log.
step() { printf '\n== %s (at %dm%02ds)\n' "$*" $((SECONDS / 60)) $((SECONDS % 60)); }
trap 'printf "\n== the suite ran %dm%02ds (exit $?)\n" $((SECONDS / 60)) $((SECONDS % 60))' EXIT

step "toolchain"
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi
# rust-src: the npm package's modules are built with std rebuilt for the browser floor.
for component in rustfmt clippy rust-src; do
  if ! rustup component list --installed 2>/dev/null | grep -q "^$component"; then
    rustup component add "$component"
  fi
done

step "browser and packaging tools"
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1 || [ ! -d /usr/share/fonts/truetype/wqy ]; then
  # Debian's Chromium and its driver (the same build), never a browser download; a CJK font so
  # the demo page's screenshot shows Chinese.
  apt-get update -qq && apt-get install -y -qq chromium chromium-driver fonts-wqy-microhei
fi
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen 0.2.130" ]; then
  cargo install wasm-bindgen-cli --version 0.2.130   # no --locked: see the README
fi
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/pdfjs-dist ] || [ ! -x node_modules/.bin/attw ] || [ ! -x node_modules/.bin/tsc ] || [ ! -d node_modules/acorn ]; then
  npm install --no-audit --no-fund
fi

step "format"
cargo fmt --all -- --check

step "lint"
cargo clippy --all-targets --quiet -- -D warnings
# The browser build, and the web-sys walker the browser benchmark compares with.
cargo clippy --lib --target wasm32-unknown-unknown --no-default-features --features websys-walker --quiet -- -D warnings

step "native tests"
cargo test --all-targets --quiet
cargo build --release --quiet

step "the batch summary page (check --html) opened in headless Chromium"
bash tests/batch/run.sh

step "JavaScript: the browser's file decoder (js/decode.js) on the encoding fixtures"
node --test tests/js/

# The wasm tests check behaviour and run on the default wasm32 features (std as shipped by
# rustup); the modules the package ships are built for the browser floor by scripts/build-npm.sh
# and checked by tests/npm/floor.sh and the npm tests.
step "wasm tests under Node (wasm-bindgen-test)"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
cargo test --target wasm32-unknown-unknown --no-default-features --features "html-parser text-readers english" --test wasm_node

step "wasm tests in headless Chromium (wasm-bindgen-test)"
CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=120 \
  cargo test --target wasm32-unknown-unknown --no-default-features --test wasm_browser

step "fuzzing, bounded (cargo-fuzz; scripts/fuzz.sh SECONDS for a long run)"
# 13 s for each of the seven targets: the same total as 15 s for the six before the report target.
# Built without comparison tracing (one build for all seven): the most inputs in a short run; the
# README's long runs say which build they used.
NO_TRACE_COMPARES=1 ./scripts/fuzz.sh 13

step "npm package: build"
./scripts/build-npm.sh

step "npm package: the browser floor (every .wasm under Chromium 78's features, the scripts' syntax)"
bash tests/npm/floor.sh

step "the browser's PDF extractor (js/pdf.js) with pdf.js in Chromium"
bash tests/npm/pdfjs.sh

step "npm package: packed and used from Node, a plain page, the classic script and Vite"
bash tests/npm/run.sh

step "end to end: the demo page and the editors (TinyMCE, CKEditor 4 and 5, KindEditor, wangEditor, UEditor)"
bash tests/e2e/run.sh
