#!/usr/bin/env bash
# Fuzz the HTML reader, the text reader, the .docx reader's walk of a document's XML, the
# whole check of any file (a .docx archive included), the native PDF extractor and the PDF
# layout as the browser feeds it, for a bounded time each (default 15 s;
# `scripts/fuzz.sh 3600` for a long run), seeded with the real reports.
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
for target in read_html read_text read_docx_xml lint read_pdf pdf_layout; do
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
      # The PDF fixtures small enough for -max_len (a scan, a Chromium print, the encrypted page).
      find tests/fixtures/pdf -name '*.pdf' -size -256k -exec cp {} "fuzz/corpus/$target/" \; ;;
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
    lint)
      cp tests/fixtures/*.txt tests/fixtures/*.md tests/fixtures/*.html tests/fixtures/clipboard/*.html \
        tests/fixtures/docx/*.docx "fuzz/corpus/$target/" 2>/dev/null || true ;;
    *)
      cp tests/fixtures/*.txt tests/fixtures/*.md tests/fixtures/*.html tests/fixtures/clipboard/*.html "fuzz/corpus/$target/" 2>/dev/null || true ;;
  esac
  echo "== fuzz $target for ${seconds}s"
  log="fuzz/$target.log"
  if ! cargo fuzz run --sanitizer none "$target" -- -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=262144 > "$log" 2>&1; then
    tail -40 "$log"
    echo "fuzz $target FAILED (reproducer in fuzz/artifacts/$target/)"
    exit 1
  fi
  grep -E '^Done|DONE' "$log" | tail -2
done
