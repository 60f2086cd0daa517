#!/usr/bin/env bash
# Batch benchmark: 10 000 generated reports (the corpus fixtures with numbers perturbed,
# one in twenty a Word clipboard HTML), checked with `xxgk-lint check --json DIR` on all
# cores. Prints the wall time and the peak memory.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-10000}"
dir=target/batch
if [ ! -f "$dir/.count-$n" ]; then
  rm -rf "$dir"
  mkdir -p "$dir"
  python3 - "$n" "$dir" <<'PY'
import os, random, re, sys
n, out = int(sys.argv[1]), sys.argv[2]
random.seed(7)
root = 'tests/fixtures'
texts = [os.path.join(root, f) for f in sorted(os.listdir(root)) if f.endswith(('.txt', '.md')) and f != 'CORPUS.md']
word = os.path.join(root, 'clipboard', 'word-xizou-2019.html')
sources = [(p, open(p, encoding='utf-8').read()) for p in texts + [word]]
for i in range(n):
    path, text = sources[-1] if i % 20 == 0 else sources[i % (len(sources) - 1)]
    # Perturb a few numbers so the reports differ.
    digits = [m.start() for m in re.finditer(r'\d', text)]
    chars = list(text)
    for at in random.sample(digits, min(3, len(digits))):
        chars[at] = str(random.randint(0, 9))
    ext = os.path.splitext(path)[1]
    open(os.path.join(out, f'{i:05d}{ext}'), 'w', encoding='utf-8').write(''.join(chars))
PY
  touch "$dir/.count-$n"
fi
cargo build --release --quiet
echo "$(ls "$dir" | wc -l) reports, $(du -sh "$dir" | cut -f1)"
/usr/bin/time -f "wall %e s, peak RSS %M KB" ./target/release/xxgk-lint check --json "$dir" > /dev/null || true
