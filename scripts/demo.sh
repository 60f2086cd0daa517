#!/usr/bin/env bash
# The demo page: build the npm package (installs what it needs), then serve www/ and pkg/ on
# http://127.0.0.1:8080/ (another port: ./scripts/demo.sh 9000). Open it in a browser; Ctrl+C stops.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build-npm.sh
exec node scripts/serve-demo.mjs "${1:-8080}"
