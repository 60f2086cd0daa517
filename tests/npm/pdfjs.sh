#!/usr/bin/env bash
# The browser's PDF extractor (js/pdf.js) with pdf.js in Debian Chromium (playwright-core):
# pdfjs-dist and playwright-core at exact versions (tests/npm/pdfjs/package.json and its lock)
# installed into target/pdfjs-e2e — again only when the lock changes. `pdfjs.sh install` only
# installs (scripts/fixtures/pdfjs-dump.mjs uses it).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
scratch="$root/target/pdfjs-e2e"
mkdir -p "$scratch"
if ! cmp -s "$root/tests/npm/pdfjs/package-lock.json" "$scratch/.installed-lock" || [ ! -d "$scratch/node_modules" ]; then
  cp "$root/tests/npm/pdfjs/package.json" "$root/tests/npm/pdfjs/package-lock.json" "$scratch/"
  # Without the optional @napi-rs/canvas (35 MB): pdf.js needs it only to render in Node.
  (cd "$scratch" && npm ci --omit=optional --no-audit --no-fund --silent)
  cp "$root/tests/npm/pdfjs/package-lock.json" "$scratch/.installed-lock"
fi
[ "${1:-}" = install ] && exit 0
cd "$root"
export XXGK_PDFJS="$scratch"
node --test --test-concurrency=1 tests/npm/pdfjs.test.mjs
