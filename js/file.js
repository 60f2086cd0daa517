// `lintFile` in the browser: one entry point for a file however it came (an upload's File,
// a fetch's ArrayBuffer, bytes), told apart by its content, never its name. Loaded on the
// first `lintFile` call; a page that never checks a file downloads none of it.
//
// * a ZIP archive → the `.docx` reader (docx.js, loaded on the first Word file) → the
//   module's records reader: findings at the file's cells (w:tc) and paragraphs;
// * a PDF → pdf.js (which the caller provides: `options.pdfjs`) through pdf.js's reader (pdf.js
//   of this package, loaded on the first PDF) → the module's layout reader: findings with
//   their page and box;
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

const isPdf = (b) => b.length >= 5 && b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46 && b[4] === 0x2d;

/**
 * pdf.js as the caller gives it (`options.pdfjs`): the URL of a pdfjs-dist folder (its legacy
 * build is loaded from there, with its worker, CMaps and standard fonts), or `{ module,
 * workerSrc, cMapUrl, standardFontDataUrl }` for an app that imports pdfjs-dist itself.
 */
function pdfjsOf(given) {
  if (typeof given === 'string' || given instanceof URL) {
    const base = new URL(String(given).replace(/\/?$/, '/'), typeof location !== 'undefined' ? location.href : undefined);
    return {
      module: import(/* @vite-ignore */ new URL('legacy/build/pdf.min.mjs', base).href),
      workerSrc: new URL('legacy/build/pdf.worker.min.mjs', base).href,
      cMapUrl: new URL('cmaps/', base).href,
      standardFontDataUrl: new URL('standard_fonts/', base).href,
    };
  }
  if (given && given.module) return { ...given, module: Promise.resolve(given.module) };
  return null;
}

/** Pages as the module takes them (src/read/pdf/page.rs `pages_from_numbers`). */
function compact(pages) {
  const numbers = [pages.length];
  const strings = [];
  for (const p of pages) {
    numbers.push(p.number, p.width, p.height, p.texts.length);
    for (const t of p.texts) {
      numbers.push(t.x, t.y, t.width, t.size);
      strings.push(t.text.includes('\0') ? t.text.split('\0').join('\uFFFD') : t.text);
    }
    for (const list of [p.lines, p.rects]) {
      numbers.push(list.length);
      for (const q of list) numbers.push(q[0], q[1], q[2], q[3]);
    }
  }
  return { numbers: Float32Array.from(numbers), strings: strings.join('\0') };
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
  const lang = options && options.lang;
  const bytes = await toBytes(input);
  const refusal = guarded(glue, () => glue.fileRefusal(bytes, options), options);
  if (refusal) return refusal;
  if (isPdf(bytes)) {
    const pdfjs = pdfjsOf(options && options.pdfjs);
    if (!pdfjs) return glue.pdfRefusal('pdfjs', 'no options.pdfjs given', 0, lang);
    let read;
    try {
      const [{ pdfPages }, module] = await Promise.all([import('./pdf.js'), pdfjs.module]);
      read = await pdfPages(bytes, module, pdfjs);
    } catch (e) {
      return glue.pdfRefusal('pdfjs', String((e && e.message) || e), 0, lang);
    }
    if (read.refusal) return glue.pdfRefusal(read.refusal.code, read.refusal.text || '', read.refusal.n || 0, lang);
    const { numbers, strings } = compact(read.pages);
    return guarded(glue, () => glue.lintPdf(numbers, strings, options), options);
  }
  if (isZip(bytes)) {
    if (!canInflate()) return glue.docxRefusal('browser', '', 0, lang);
    const { docxRecords } = await import('./docx.js');
    const records = await docxRecords(bytes);
    if (records.refusal) return glue.docxRefusal(records.refusal.code, records.refusal.text, records.refusal.n, lang);
    return guarded(glue, () => glue.lintDom(records.nodes, records.strings, false, options, records.file), options);
  }
  const decoded = decodeBytes(bytes, { encoding: options && options.encoding });
  if (decoded.error) return api.errorReport(decoded.kind, decoded.error, glue, lang);
  const report = api.lint(decoded.text, options);
  if (report.diagnostics.some((d) => d.rule === 'INTERNAL-ERROR' || d.rule === 'OPTIONS')) return report;
  report.encoding = decoded.encoding;
  // Text spans are string indices into the decoded text: make them byte offsets into the file
  // (the findings' and the rebuildable tables' text runs).
  const spans = report.diagnostics.concat(report.rebuildable || []).filter((d) => d.span);
  if (spans.length) {
    const offsets = fileOffsets(decoded, spans.flatMap((d) => d.span));
    spans.forEach((d, i) => { d.span = [offsets[2 * i], offsets[2 * i + 1]]; });
  }
  return report;
}
