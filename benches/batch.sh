#!/usr/bin/env bash
# Batch benchmark: N generated reports (10 000 by default): the corpus fixtures with numbers
# perturbed, one in twenty a Word clipboard HTML, each pass over the fixtures one more "organ"
# (its organ's name prefixed with the pass's number, so that a region's organs have their
# consecutive years — 平潭 2021–2022, 洪泽 2023–2024 — and pairing has real work), checked with
# `xxgk-lint check --json --csv --summary-csv --html DIR` on all cores, pairing on. Prints the
# wall time, the peak memory and the page's size; with OPEN=1 also the time the page takes to
# open in headless Chromium (benches/batch-open.mjs). JOBS=N checks on N worker threads
# (`--jobs N`; all cores by default): `JOBS=1 benches/batch.sh` then `JOBS=2 benches/batch.sh`
# gives the two-core speed-up.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-10000}"
target="${CARGO_TARGET_DIR:-target}"
bin="$target/release/xxgk-lint"
dir=target/batch
out=target/batch-out
cargo build --release --quiet
if [ ! -f "$dir/.count-$n-organs" ]; then
  rm -rf "$dir"
  mkdir -p "$dir"
  python3 - "$n" "$dir" "$bin" <<'PY'
import json, os, random, re, subprocess, sys
n, out, binary = int(sys.argv[1]), sys.argv[2], sys.argv[3]
random.seed(7)
root = 'tests/fixtures'
texts = [os.path.join(root, f) for f in sorted(os.listdir(root)) if f.endswith(('.txt', '.md')) and f != 'CORPUS.md']
word = os.path.join(root, 'clipboard', 'word-xizou-2019.html')
def organ(path):
    report = json.loads(subprocess.run([binary, 'recognize', path], capture_output=True, check=True).stdout)
    return report.get('organ')
sources = [(p, open(p, encoding='utf-8').read(), organ(p)) for p in texts + [word]]
per_pass = len(sources) - 1
for i in range(n):
    path, text, name = sources[-1] if i % 20 == 0 else sources[i % per_pass]
    if name:
        text = text.replace(name, f'样本{i // per_pass:05d}{name}')
    # Perturb a few numbers so the reports differ.
    digits = [m.start() for m in re.finditer(r'\d', text)]
    chars = list(text)
    for at in random.sample(digits, min(3, len(digits))):
        chars[at] = str(random.randint(0, 9))
    ext = os.path.splitext(path)[1]
    open(os.path.join(out, f'{i:05d}{ext}'), 'w', encoding='utf-8').write(''.join(chars))
PY
  touch "$dir/.count-$n-organs"
fi
mkdir -p "$out"
echo "$(ls "$dir" | wc -l) reports, $(du -sh "$dir" | cut -f1)"
jobs=()
if [ -n "${JOBS:-}" ]; then jobs=(--jobs "$JOBS"); fi
/usr/bin/time -f "wall %e s, peak RSS %M KB" "$bin" check "${jobs[@]}" --quiet --json --csv "$out/findings.csv" \
  --summary-csv "$out/summary.csv" --html "$out/summary.html" "$dir" > "$out/reports.json" || true
echo "page $(du -h "$out/summary.html" | cut -f1), findings $(($(wc -l < "$out/findings.csv") - 1)) rows"
if [ "${OPEN:-0}" = 1 ]; then
  node benches/batch-open.mjs "$out/summary.html"
fi
