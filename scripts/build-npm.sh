#!/usr/bin/env bash
# Build the npm package into pkg/: the browser build (no HTML parser: the page parses),
# the Node build (with the Rust HTML reader), the classic-script build, and the facades.
# Installs what it needs (wasm target, rust-src, wasm-bindgen-cli 0.2.130, npm devDependencies).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi
# std's source: the modules are built with std rebuilt for the browser floor (below).
if ! rustup component list --installed 2>/dev/null | grep -qx rust-src; then
  rustup component add rust-src
fi
# Exactly the crate's version (wasm-bindgen refuses any other); no --locked (see toolchain notes).
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen 0.2.130" ]; then
  cargo install wasm-bindgen-cli --version 0.2.130
fi
# wasm-opt from npm's binaryen (never Debian's binaryen 108: it breaks the module).
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ ! -x node_modules/.bin/esbuild ] || [ ! -d node_modules/pdfjs-dist ]; then
  npm install --no-audit --no-fund
fi

version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)
rm -rf pkg
mkdir -p pkg/web pkg/node pkg/classic

# Every shipped module is built for the browser floor, Chromium 78 / Firefox 79 / Safari 15 (360
# 安全浏览器 12, the 信创 browsers' kernels): WebAssembly 1.0 ("mvp") plus only the four features
# Chromium 78 has — sign-ext, bulk-memory, mutable-globals, non-trapping float-to-int — and so no
# reference types and no multi-value, which stable Rust's default wasm32 target emits. The std
# Rust ships is built for that default, so std is rebuilt for this CPU (-Zbuild-std, a nightly
# flag that RUSTC_BOOTSTRAP=1 allows on the stable toolchain; std's source from rustup's rust-src).
# The three builds share one target dir, so std (the same features in all three) is built once:
# each build's .wasm is copied away before the next one overwrites it.
# Three more settings of the rebuilt std, for size: a panic aborts at once (-Cpanic=immediate-abort:
# no panic message is formatted — on wasm32-unknown-unknown it had nowhere to go anyway; the module
# traps and the facade restarts it, as before), std's own code picks its smaller variants
# (optimize_for_size), and panic locations carry no file, line and column (-Zlocation-detail=none,
# for the crate and std alike: a panic traps, nothing reads them; −167 B gzip on the eager module).
# Together −12.9 KB gzip on the eager module. (-Zfmt-debug=shallow would save 28 B more on the
# browser's modules, but not on the Node module, whose zip and PDF errors, quoted in its refusals,
# print fields with `{:?}`: other flags for it would rebuild std in a target dir of its own.)
# (All these settings only for these builds: the CLI built below stays an ordinary stable build.)
mkdir -p target/wasm-out
build() { # name features
  RUSTC_BOOTSTRAP=1 \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-C target-cpu=mvp -C target-feature=+sign-ext,+bulk-memory,+mutable-globals,+nontrapping-fptoint -Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none" \
  cargo build --quiet --lib --target wasm32-unknown-unknown --profile wasm --no-default-features --features "$2" \
    --target-dir target/wasm-floor -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size
  cp target/wasm-floor/wasm32-unknown-unknown/wasm/xxgk_lint.wasm "target/wasm-out/$1.wasm"
}
# The browser's two modules (see js/web.js): the first, loaded by init(), reads tables from
# cells and speaks Chinese; the second adds the text readers and the English messages, and is
# loaded when an input or `lang: 'en'` needs them.
build web ""
build web-text "text-readers english"
build node "html-parser docx encodings pdf english"
web_wasm=target/wasm-out/web.wasm
text_wasm=target/wasm-out/web-text.wasm
node_wasm=target/wasm-out/node.wasm

wasm-bindgen --target web --experimental-reset-state-function --out-dir pkg/web --out-name xxgk_lint "$web_wasm"
wasm-bindgen --target web --experimental-reset-state-function --out-dir pkg/web --out-name xxgk_lint_text "$text_wasm"
rm pkg/web/xxgk_lint_text.d.ts pkg/web/xxgk_lint_text_bg.wasm.d.ts
wasm-bindgen --target nodejs --experimental-reset-state-function --out-dir pkg/node --out-name xxgk_lint "$node_wasm"
# --converge repeats the passes while they still shrink the module (~0.5 KB gzip); the
# producers and target_features sections are metadata wasm-bindgen has already read.
# The floor's features are named to wasm-opt too, so no pass brings in another.
floor=(--mvp-features --enable-sign-ext --enable-bulk-memory --enable-mutable-globals --enable-nontrapping-float-to-int)
for w in pkg/web/xxgk_lint_bg.wasm pkg/web/xxgk_lint_text_bg.wasm pkg/node/xxgk_lint_bg.wasm; do
  wasm-opt "${floor[@]}" -Oz --converge --strip-producers --strip-target-features "$w" -o "$w"
done
# The classic script is the module build bundled: the same glue, so the same modules (the
# second one's glue stays a module of its own, loaded beside the script like file.js).
cp pkg/web/xxgk_lint_bg.wasm pkg/web/xxgk_lint_text_bg.wasm pkg/classic/

# The rules' docs, loaded by ruleDoc() on its first call, never with the module: generated from
# the rules' doc comments by the CLI (the debug build the tests use), beside the browser build and
# the classic script (the Node build reads the browser build's copy).
cargo run --quiet --bin xxgk-lint -- rules --docs-json > pkg/web/rule-docs.json
cp pkg/web/rule-docs.json pkg/classic/rule-docs.json

# Facades.
cp js/core.js pkg/web/core.js
# Loaded on the first lintFile call only (and docx.js on the first Word file): beside the
# module build, and beside the classic script, which imports them as modules.
for f in file.js docx.js decode.js pdf.js; do
  cp "js/$f" "pkg/web/$f"
  cp "js/$f" "pkg/classic/$f"
done
cp pkg/web/xxgk_lint_text.js pkg/classic/xxgk_lint_text.js
sed "s/^export const version = .*/export const version = '$version';/" js/web.js > pkg/web/index.js
{ sed 's/^export //' js/core.js; echo 'module.exports = { walkDom, looksLikeHtml, findCell, highlight, clearHighlight, stripHighlight, errorReport, guarded, ruleDocOf };'; } > pkg/node/core.cjs
cp js/node.cjs pkg/node/index.cjs
cp js/node.mjs pkg/node/index.mjs
echo '{"type": "commonjs"}' > pkg/node/package.json
cp js/editors.js pkg/web/editors.js
# The same adapters for a CommonJS program (`require('xxgk-lint/editors')`: a CMS plugin's build or
# tests in CommonJS), made from the ES module; not minified (no page loads it).
esbuild js/editors.js --format=cjs --log-level=warning --outfile=pkg/web/editors.cjs
# Types. index.d.ts types the ES module entries (the package is "type": "module"); the `require`
# entry, a CommonJS file, needs CommonJS types: index.d.cts, the same declarations with the report
# types taken from the Node build's generated (CommonJS) .d.ts instead of the browser build's
# (an ES module, which a CommonJS declaration cannot import without a `resolution-mode`).
# The two generated files declare the same report types (tests/npm/types.test.mjs checks).
cp js/index.d.ts pkg/index.d.ts
{ echo '// Generated from index.d.ts by scripts/build-npm.sh: the types of the CommonJS (`require`) entry.'
  sed "s|from './web/xxgk_lint.js'|from './node/xxgk_lint.js'|" js/index.d.ts; } > pkg/index.d.cts
grep -q "from './node/xxgk_lint.js'" pkg/index.d.cts
cp js/editors.d.ts pkg/editors.d.ts
# Their CommonJS types take the API's from the CommonJS declarations (index.d.cts).
{ echo '// Generated from editors.d.ts by scripts/build-npm.sh: the types of the CommonJS (`require`) entry.'
  sed "s|'./index.js'|'./index.cjs'|g" js/editors.d.ts; } > pkg/editors.d.cts
grep -q "'./index.cjs'" pkg/editors.d.cts
# The classic script is no ES module: a plain script (no import, no export), which Node would take
# for one in this "type": "module" package. Its folder says CommonJS (which the script is too: it
# only defines a global), so its declarations are CommonJS ones, taking the API's types from the
# CommonJS declarations. (The browser ignores package.json: file.js and the other modules the
# script loads beside it stay modules there.)
sed -e "s|'../index.js'|'../index.cjs'|" -e "s|'../editors.js'|'../editors.cjs'|" js/classic.d.ts > pkg/classic/xxgk-lint.d.ts
grep -q "'../editors.cjs'" pkg/classic/xxgk-lint.d.ts
rm -f pkg/*/.gitignore

# The browser files are minified (they count in the page's download), each with a source map
# carrying the readable source; the Node build stays as written. Syntax floor = the wasm floor.
# Non-ASCII characters are escaped (esbuild's default): a classic script on a GBK-encoded CMS
# page, served without a charset, must not turn the Chinese messages into mojibake.
browser_js=(--minify --sourcemap --sources-content=true --target=chrome78,firefox79,safari15 --log-level=warning)

# The classic script: js/classic.js and the module build it imports (index.js, the glue,
# core.js, editors.js) bundled into one script that defines window.xxgkLint, in a function of
# its own. `import.meta.url` becomes the script's own URL, taken while it runs; file.js stays a
# module loaded beside it. (Bundled as ESM, which here has no import or export left, and
# wrapped by hand: esbuild's IIFE format adds ~0.3 KB gzip of CommonJS helpers, unused, for an
# external dynamic import.)
cp js/classic.js pkg/web/classic.js
esbuild pkg/web/classic.js --bundle --format=esm "${browser_js[@]}" \
  --define:import.meta.url=__xxgk_script --external:./file.js --external:./xxgk_lint_text.js \
  --banner:js="(function () { 'use strict'; var __xxgk_script = typeof document !== 'undefined' && document.currentScript && document.currentScript.src || location.href;" \
  --footer:js="})();" \
  --outfile=pkg/classic/xxgk-lint.js
rm pkg/web/classic.js

for f in pkg/web/*.js pkg/classic/{file,docx,decode,pdf,xxgk_lint_text}.js; do
  esbuild "$f" "${browser_js[@]}" --outfile="$f.min" --allow-overwrite
  sed -i "s|sourceMappingURL=$(basename "$f").min.map|sourceMappingURL=$(basename "$f").map|" "$f.min"
  mv "$f.min" "$f"
  mv "$f.min.map" "$f.map"
done

echo '{"type": "commonjs"}' > pkg/classic/package.json

# Smoke test: the optimised Node build loads and lints (catches a broken wasm-opt).
node -e "
const x = require('./pkg/node/index.cjs');
const r = x.lint(require('fs').readFileSync('tests/fixtures/xizou-2019.txt', 'utf8'));
if (r.summary.errors !== 2) { console.error(JSON.stringify(r, null, 1)); process.exit(1); }
"
gz() { gzip -9c "$1" | wc -c; }
br() { node -e "const z=require('zlib');process.stdout.write(String(z.brotliCompressSync(require('fs').readFileSync(process.argv[1]),{params:{[z.constants.BROTLI_PARAM_QUALITY]:11}}).length))" "$1"; }
echo "browser bundle, eager (gzip -9 / brotli 11): wasm $(gz pkg/web/xxgk_lint_bg.wasm) / $(br pkg/web/xxgk_lint_bg.wasm) B + glue $(gz pkg/web/xxgk_lint.js) / $(br pkg/web/xxgk_lint.js) B + facade $(gz pkg/web/index.js) / $(br pkg/web/index.js) B + core $(gz pkg/web/core.js) / $(br pkg/web/core.js) B"
# Issue 18's budget for what init() loads (the module, its glue, the facade and core.js): ≤ 115 KB
# gzip, read as KiB. The build fails over it, so that no change spends the bytes unnoticed.
eager=$(( $(gz pkg/web/xxgk_lint_bg.wasm) + $(gz pkg/web/xxgk_lint.js) + $(gz pkg/web/index.js) + $(gz pkg/web/core.js) ))
budget=$((115 * 1024))
echo "eager bundle: $eager B gzip (budget $budget B)"
if [ "$eager" -gt "$budget" ]; then
  echo "the eager bundle is over its budget by $((eager - budget)) B (README: Speed and size)" >&2
  exit 1
fi
echo "second module, on the first input that needs the text readers (gzip -9 / brotli 11): wasm $(gz pkg/web/xxgk_lint_text_bg.wasm) / $(br pkg/web/xxgk_lint_text_bg.wasm) B + glue $(gz pkg/web/xxgk_lint_text.js) / $(br pkg/web/xxgk_lint_text.js) B"
echo "classic script (gzip -9): $(gz pkg/classic/xxgk-lint.js) B (with the editor adapters) + the same wasm"
echo "loaded on the first ruleDoc (gzip -9): rule-docs.json $(gz pkg/web/rule-docs.json) B"
echo "loaded on the first lintFile (gzip -9): file $(gz pkg/web/file.js) B + decode $(gz pkg/web/decode.js) B; on the first .docx: docx $(gz pkg/web/docx.js) B; on the first PDF: pdf $(gz pkg/web/pdf.js) B (and pdf.js itself)"
