#!/usr/bin/env bash
# Fuzz the HTML reader, the text reader, the .docx reader's walk of a document's XML, the
# whole check of any file (a .docx archive included), the native PDF extractor, the PDF
# layout as the browser feeds it, and the whole check of generated reports (`report`: a
# structure-aware target, its input an `arbitrary` model of a report rendered as HTML or text),
# for a bounded time each (default 15 s; `scripts/fuzz.sh 3600` for a long run), seeded with
# pieces of the real reports. `RUNS=1000000 scripts/fuzz.sh` runs a number of inputs instead;
# `TARGETS="lint report"` picks targets. `NO_TRACE_COMPARES=1` builds without libFuzzer's
# comparison tracing (into fuzz/target-ntc, beside the default build): 2–3× the inputs a second
# for the targets that run the whole check, at the price of the feedback that solves magic
# values — right for the structure-aware `report`, whose structure comes from its model; the
# 1 000 000-input run of `report` in the README was made so.
# The two targets that run the whole check on every input (`lint`, `report`) run with libFuzzer's
# entropic power schedule off (`-entropic=0`): each of their inputs touches ~10 000 coverage
# features, and the schedule's bookkeeping per feature and per new input (frequencies, energies
# with a logarithm each) cost more than the check itself — measured with `perf` on `lint` built
# without comparison tracing: 41 % of the time in the feature callback, 14 % in the corpus
# distribution and its logs, 18 % in the check; with the schedule off, 2.5× the inputs a second.
# The test command runs the bounded run with NO_TRACE_COMPARES=1: one build, the most inputs in its
# 13 s a target; a long run (`scripts/fuzz.sh 3600`) keeps comparison tracing by default.
# Inputs are capped at 8 KB (-max_len; a longer seed is cut there) and the seeds are small —
# each real report's first 8 KB and 8 KB from each of its tables — so that each target runs
# thousands of inputs a second rather than a hundred.
# cargo-fuzz needs nightly flags: on this stable toolchain RUSTC_BOOTSTRAP=1 allows them,
# and libFuzzer runs without a sanitizer (`--sanitizer none`): panics and aborts are caught,
# memory errors are not (there is no unsafe code of ours to have them).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-15}"
if ! command -v cargo-fuzz >/dev/null 2>&1; then
  cargo install cargo-fuzz --version '^0.13'
fi
export RUSTC_BOOTSTRAP=1
# Instrument only our crate, the targets and the parsers of the input formats, not the
# plumbing (serde, tendril, memchr…: see the wrapper).
export RUSTC_WRAPPER="$PWD/fuzz/rustc-wrapper.sh"
max_len=8192
build=()
if [ -n "${NO_TRACE_COMPARES:-}" ]; then
  build=(--no-trace-compares --target-dir fuzz/target-ntc)
fi
# 8 KB pieces of the text and HTML fixtures: the start, and from each table on.
pieces() { # corpus-dir files...
  python3 - "$@" <<'PY'
import sys, pathlib, re
out = pathlib.Path(sys.argv[1])
for name in sys.argv[2:]:
    data = pathlib.Path(name).read_bytes()
    starts = {0}
    for m in re.finditer(rb"<table|\xe4\xba\x8c\xe3\x80\x81|\xe4\xb8\x89\xe3\x80\x81|\xe5\x9b\x9b\xe3\x80\x81", data):  # <table, 二、 三、 四、
        starts.add(m.start())
    for s in sorted(starts)[:12]:
        piece = data[s:s + 8192]
        (out / f"{pathlib.Path(name).name}.{s}").write_bytes(piece)
PY
}
for target in ${TARGETS:-read_html read_text read_docx_xml lint read_pdf pdf_layout report}; do
  mkdir -p "fuzz/corpus/$target"
  case "$target" in
    read_docx_xml)
      # The main XML of every Word fixture.
      python3 -c '
import sys, zipfile, pathlib
for f in pathlib.Path("tests/fixtures/docx").glob("*.docx"):
    try:
        xml = zipfile.ZipFile(f).read("word/document.xml")
    except Exception:
        continue
    pathlib.Path("fuzz/corpus/read_docx_xml", f.stem + ".xml").write_bytes(xml)
' ;;
    read_pdf)
      # The PDF fixtures are all over 8 KB, so cut there (the parser's recovery paths), and a
      # whole one page PDF of 1 KB: a ruled 2 × 2 table of numbers, written here.
      find tests/fixtures/pdf -name '*.pdf' -size -256k -exec cp {} "fuzz/corpus/$target/" \;
      python3 -c '
import pathlib
content = b"0 0 0 RG 1 w 100 700 m 300 700 l S 100 680 m 300 680 l S 100 660 m 300 660 l S 100 700 m 100 660 l S 200 700 m 200 660 l S 300 700 m 300 660 l S BT /F1 10 Tf 110 686 Td (12) Tj 100 0 Td (3) Tj -100 -20 Td (7) Tj 100 0 Td (5) Tj ET"
objs = [b"<</Type/Catalog/Pages 2 0 R>>", b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>",
        b"<</Length %d>>\nstream\n" % len(content) + content + b"\nendstream",
        b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>"]
out = bytearray(b"%PDF-1.4\n")
offsets = []
for i, o in enumerate(objs, 1):
    offsets.append(len(out))
    out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
xref = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
out += b"trailer\n<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
pathlib.Path("fuzz/corpus/read_pdf/table.pdf").write_bytes(out)
' ;;
    pdf_layout)
      # A page of a table (2 × 2 cells, ruled) and its four numbers, in the compact form.
      python3 -c '
import struct, pathlib
nums = [1, 1, 595, 842, 4]
texts = []
for i, (x, y) in enumerate([(110, 120), (210, 120), (110, 150), (210, 150)]):
    nums += [x, y, 20, 12]
lines = [[100, 100, 300, 100], [100, 130, 300, 130], [100, 160, 300, 160], [100, 100, 100, 160], [200, 100, 200, 160], [300, 100, 300, 160]]
nums += [len(lines)] + [v for l in lines for v in l] + [0]
data = b"".join(struct.pack("<f", v) for v in nums) + b"\xff\xff" + "\0".join(["总计", "3", "（一）予以公开", "0"]).encode()
pathlib.Path("fuzz/corpus/pdf_layout/table.bin").write_bytes(data)
' ;;
    report)
      # A few random models; the target makes a report of any bytes.
      python3 -c '
import random, pathlib
r = random.Random(18)
for i in range(16):
    pathlib.Path("fuzz/corpus/report", "seed%02d" % i).write_bytes(bytes(r.randrange(256) for _ in range(64 + 64 * i)))
' ;;
    lint)
      # The Word fixtures whole (an archive cut at 8 KB is mostly refused: still a path to fuzz).
      pieces "fuzz/corpus/$target" tests/fixtures/*.txt tests/fixtures/*.md tests/fixtures/*.html tests/fixtures/clipboard/*.html
      find tests/fixtures/docx -name '*.docx' -size -8k -exec cp {} "fuzz/corpus/$target/" \; ;;
    *)
      pieces "fuzz/corpus/$target" tests/fixtures/*.txt tests/fixtures/*.md tests/fixtures/*.html tests/fixtures/clipboard/*.html ;;
  esac
  if [ -n "${RUNS:-}" ]; then
    bound=(-runs="$RUNS")
    echo "== fuzz $target for $RUNS inputs"
  else
    bound=(-max_total_time="$seconds")
    echo "== fuzz $target for ${seconds}s"
  fi
  log="fuzz/$target.log"
  if [ "$target" = report ]; then export XXGK_FUZZ_COUNT=1; else unset XXGK_FUZZ_COUNT; fi
  schedule=()
  case "$target" in lint|report) schedule=(-entropic=0) ;; esac
  if ! cargo fuzz run --sanitizer none "${build[@]}" "$target" -- "${bound[@]}" "${schedule[@]}" -rss_limit_mb=2048 -max_len="$max_len" > "$log" 2>&1; then
    tail -40 "$log"
    echo "fuzz $target FAILED (reproducer in fuzz/artifacts/$target/)"
    exit 1
  fi
  grep -E '^Done|DONE' "$log" | tail -2
  # Inputs a second over the whole run (libFuzzer's last status line has it).
  grep -E '^#[0-9]+' "$log" | tail -1
  if [ "$target" = report ]; then
    # The generated reports must reach the rules: at least a quarter with a finding in a table.
    line=$(grep '^report model:' "$log" | tail -1)
    echo "$line"
    read -r inputs tables < <(sed -E 's/report model: ([0-9]+) inputs, [0-9]+ reports, ([0-9]+) with a table finding/\1 \2/' <<<"$line")
    if [ $((tables * 4)) -lt "$inputs" ]; then
      echo "fuzz report: too few generated reports reach the table rules"; exit 1
    fi
  fi
done
