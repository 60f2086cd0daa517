#!/usr/bin/env bash
# End-to-end tests in Debian Chromium (playwright-core): the demo page (www/) and the editor
# adapters inside TinyMCE 8, CKEditor 4.22.1, CKEditor 5, wangEditor 5, KindEditor 4 and UEditor 1.4.3,
# installed from npm (exact versions: tests/e2e/package.json and its lock) into
# target/editors-e2e — reinstalled only when the lock changes. Needs pkg/ (scripts/build-npm.sh)
# and playwright-core from the root devDependencies.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
scratch="$root/target/editors-e2e"
mkdir -p "$scratch"
if ! cmp -s "$root/tests/e2e/package-lock.json" "$scratch/.installed-lock" || [ ! -d "$scratch/node_modules" ]; then
  cp "$root/tests/e2e/package.json" "$root/tests/e2e/package-lock.json" "$scratch/"
  (cd "$scratch" && npm ci --no-audit --no-fund --silent)
  cp "$root/tests/e2e/package-lock.json" "$scratch/.installed-lock"
fi
cd "$root"
export XXGK_EDITORS="$scratch"
node --test --test-concurrency=1 tests/e2e/demo.test.mjs tests/e2e/editors.test.mjs
