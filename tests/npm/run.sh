#!/usr/bin/env bash
# Pack the npm package and use it from a scratch folder as a user would: Node (ESM, CJS),
# a plain browser page (and the classic script), and a Vite build, in Debian Chromium; its types
# (types.test.mjs: @arethetypeswrong/cli on the tarball, a strict tsc consumer).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
export PATH="$root/node_modules/.bin:$HOME/.cargo/bin:$PATH"
scratch="$root/target/npm-e2e"
rm -rf "$scratch"
mkdir -p "$scratch"
tarball=$(npm pack --silent --pack-destination "$scratch" | tail -n 1)
cp tests/npm/*.mjs "$scratch/"
cd "$scratch"
echo '{"name": "xxgk-lint-e2e", "private": true, "type": "module"}' > package.json
npm install --no-audit --no-fund --silent "./$tarball" playwright-core@1.65.1 vite@8
export XXGK_ROOT="$root"
# pdf.js for the browser's PDFs (an optional peer dependency; Node reads PDFs itself): the copy
# tests/npm/pdfjs.sh installs, at the version the package is tested with.
bash "$root/tests/npm/pdfjs.sh" install
export XXGK_PDFJS="$root/target/pdfjs-e2e"
node --test --test-concurrency=1 node.test.mjs types.test.mjs browser.test.mjs files.test.mjs vite.test.mjs
