#!/usr/bin/env bash
# The batch summary page (`check --html`) opened in Debian Chromium from a file:// URL
# (playwright-core from the root devDependencies). Uses the release binary
# (`cargo build --release` first), or the one XXGK_LINT names.
set -euo pipefail
cd "$(dirname "$0")/../.."
node --test --test-concurrency=1 tests/batch/
