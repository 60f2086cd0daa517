#!/usr/bin/env bash
# The browser floor, checked statically on the built package (no old browser can be installed
# here): every shipped .wasm validates under Chromium 78's WebAssembly features, and every shipped
# browser script needs no syntax beyond Chromium 78 / Firefox 79 / Safari 15. Each check is first
# shown to fail on an input beyond the floor, so a check that passes everything cannot go unseen.
# Run after scripts/build-npm.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$PWD/node_modules/.bin:$PATH"
scratch=target/floor-check
rm -rf "$scratch"
mkdir -p "$scratch"

# WebAssembly: wasm-opt with no pass only reads and validates (it says "no passes specified").
floor=(--mvp-features --enable-sign-ext --enable-bulk-memory --enable-mutable-globals --enable-nontrapping-float-to-int)
validate() {
  local out rc=0
  out=$(wasm-opt "${floor[@]}" "$1" -o /dev/null 2>&1) || rc=$?
  grep -v '^warning: no passes specified' <<<"$out" || true
  return "$rc"
}
# (module (func (result externref) ref.null extern)): reference types, which the default wasm32 build emits.
printf '\x00asm\x01\x00\x00\x00\x01\x05\x01\x60\x00\x01\x6f\x03\x02\x01\x00\x0a\x06\x01\x04\x00\xd0\x6f\x0b' > "$scratch/reference-types.wasm"
if out=$(validate "$scratch/reference-types.wasm"); then
  echo "the wasm floor check passes a module with reference types"; exit 1
fi
grep -q 'reference' <<<"$out"
wasms=$(find pkg -name '*.wasm' | sort)
[ "$(wc -l <<<"$wasms")" -eq 5 ] # web (two modules), node, classic (copies of the two)
for w in $wasms; do
  validate "$w"
  echo "ok: $w validates under mvp + sign-ext + bulk-memory + mutable-globals + nontrapping-fptoint"
done
if grep -l 'externref' pkg/web/*.js pkg/classic/*.js; then
  echo "externref in the browser glue"; exit 1
fi

# JavaScript: every shipped browser script parses as the floor's syntax (syntax-floor.mjs says how).
printf 'let a = null; a ??= 1; export { a };\n' > "$scratch/logical-assignment.js"
printf 'export class A { static { A.x = 1; } }\n' > "$scratch/static-block.js"
printf 'export const x = await Promise.resolve(1);\n' > "$scratch/top-level-await.js"
printf 'export const f = (o) => o?.x;\n' > "$scratch/optional-chaining.js"
printf 'export const f = (o) => o ?? 1;\n' > "$scratch/nullish.js"
for f in "$scratch"/*.js; do
  if node tests/npm/syntax-floor.mjs "$f" >/dev/null; then echo "the syntax check passes $f"; exit 1; fi
done
modules=(pkg/web/*.js pkg/classic/file.js pkg/classic/docx.js pkg/classic/decode.js pkg/classic/pdf.js pkg/classic/xxgk_lint_text.js)
[ "$(ls pkg/classic/*.js | wc -l)" -eq 6 ] # the classic script and the five modules it loads
node tests/npm/syntax-floor.mjs "${modules[@]}" --script pkg/classic/xxgk-lint.js
echo "ok: $((${#modules[@]} + 1)) shipped browser scripts need no syntax beyond chrome78,firefox79,safari15"
