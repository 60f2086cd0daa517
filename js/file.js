// `lintFile` in the browser: one entry point for a file however it came (an upload's File,
// a fetch's ArrayBuffer, bytes), told apart by its content, never its name. Loaded on the
// first `lintFile` call; a page that never checks a file downloads none of it.
//
// * a ZIP archive → the `.docx` reader (docx.js, loaded on the first Word file) → the
//   module's records reader: findings at the file's cells (w:tc) and paragraphs;
// * text or HTML → decoded as a browser decodes a file (decode.js: BOM, <meta charset>,
//   detection) → `lint`; spans of text findings are byte offsets into the file;
// * anything else (a PDF, an old binary or encrypted Office file, an image) → the report
//   that says why, in the module's words.

import { decodeBytes, fileOffsets } from './decode.js';

/** The bytes of a File, Blob, ArrayBuffer or typed array. */
async function toBytes(input) {
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  if (typeof Blob !== 'undefined' && input instanceof Blob) return new Uint8Array(await input.arrayBuffer());
  throw new TypeError('xxgk-lint: lintFile() takes a File, Blob, ArrayBuffer or Uint8Array; use lint() for a string');
}

const isZip = (b) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && ((b[2] === 3 && b[3] === 4) || (b[2] === 5 && b[3] === 6));

/** Can this browser inflate a ZIP archive's parts (DecompressionStream 'deflate-raw')? */
function canInflate() {
  try {
    return typeof DecompressionStream === 'function' && !!new DecompressionStream('deflate-raw');
  } catch (e) {
    return false;
  }
}

/**
 * Check a file. `api` is the facade's: `{ glue, lint, guarded, errorReport }`.
 */
export async function lintFile(api, input, options) {
  const { glue, guarded } = api;
  const bytes = await toBytes(input);
  const refusal = guarded(glue, () => glue.fileRefusal(bytes, options));
  if (refusal) return refusal;
  if (isZip(bytes)) {
    if (!canInflate()) return glue.docxRefusal('browser', '', 0);
    const { docxRecords } = await import('./docx.js');
    const records = await docxRecords(bytes);
    if (records.refusal) return glue.docxRefusal(records.refusal.code, records.refusal.text, records.refusal.n);
    return guarded(glue, () => glue.lintDom(records.nodes, records.strings, false, options, records.file));
  }
  const decoded = decodeBytes(bytes, { encoding: options && options.encoding });
  if (decoded.error) return api.errorReport(decoded.kind, decoded.error);
  const report = api.lint(decoded.text, options);
  if (report.diagnostics.some((d) => d.rule === 'INTERNAL-ERROR' || d.rule === 'OPTIONS')) return report;
  report.encoding = decoded.encoding;
  // Text spans are string indices into the decoded text: make them byte offsets into the file.
  const spans = report.diagnostics.filter((d) => d.span);
  if (spans.length) {
    const offsets = fileOffsets(decoded, spans.flatMap((d) => d.span));
    spans.forEach((d, i) => { d.span = [offsets[2 * i], offsets[2 * i + 1]]; });
  }
  return report;
}
