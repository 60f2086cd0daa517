// xxgk-lint for the browser (ES module). `await init()` once, then `lint(html)` or
// `lintElement(editorBody)`. HTML strings are parsed by the browser (DOMParser); the
// WebAssembly module carries no HTML parser of its own.
//
// Two modules from the same crate. `init()` loads the first (xxgk_lint_bg.wasm), which reads
// tables from cells — an HTML paste, an editor's DOM — and speaks Chinese. The second
// (xxgk_lint_text_bg.wasm, the first plus the text readers — plain and flattened text, a PDF's
// geometry, a Word file's records — and the English messages) is loaded on the first input or
// option that needs it — `lintFile`, a text paste, a table section without cells, `lang: 'en'`
// — or up front with `init({ text: true })` (or `init({ lang: 'en' })`); from then on it does
// all the checking (it gives the same findings on everything the first reads). Before it is
// there, `lint`/`lintElement` stay synchronous and give the TEXT-READERS-LOADING report
// (`report.pending === 'text'`); `loadTextReaders()` resolves when it is there, and the
// editor adapters check again then.
import * as glue from './xxgk_lint.js';
import { walkDom, looksLikeHtml, findCell, highlight, clearHighlight, stripHighlight, guarded, errorReport, ruleDocOf } from './core.js';

export { findCell, highlight, clearHighlight, stripHighlight };

let ready = false;
/** The second module's glue, once loaded; its load in flight; where its `.wasm` is. */
let text = null;
let textLoad = null;
let textSource;

/** The module that checks: the second once it is there (a superset of the first). */
const active = () => text || glue;

/** The oldest engines that run the module: Chromium 78 (Chrome/Edge, 360安全浏览器 12), Firefox 79, Safari 15. */
const FLOOR = 'xxgk-lint needs WebAssembly with bulk memory (Chrome/Edge 78+, Firefox 79+, Safari 15+); ' +
  'this browser (IE or an old “兼容模式” kernel) cannot run it. 当前浏览器版本过旧（需 Chrome/Edge 78、Firefox 79、Safari 15 以上），请使用极速模式或更新浏览器。';

function supported() {
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.validate !== 'function') return false;
  // The four features the module is built with beyond WebAssembly 1.0 (scripts/build-npm.sh):
  // (module (import "a" "b" (global (mut i32))) (memory 1)
  //   (func (param i32) (result i32) (memory.fill (local.get 0) (local.get 0) (local.get 0))
  //     (i32.extend8_s (i32.trunc_sat_f32_s (f32.const 0)))))
  return WebAssembly.validate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 6, 1, 96, 1, 127, 1, 127, 2, 8, 1, 1, 97, 1, 98, 3, 127, 1,
    3, 2, 1, 0, 5, 3, 1, 0, 1, 10, 21, 1, 19, 0, 32, 0, 32, 0, 32, 0, 252, 11, 0, 67, 0, 0, 0, 0, 252, 0, 192, 11]));
}

async function compile(source) {
  if (source instanceof WebAssembly.Module) return source;
  if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) return WebAssembly.compile(source);
  const response = source instanceof Response ? source : await fetch(source);
  if (!response.ok) throw new Error('xxgk-lint: cannot load ' + response.url + ' (' + response.status + ')');
  if (typeof WebAssembly.compileStreaming === 'function' && response.headers.get('Content-Type') === 'application/wasm') {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}

/**
 * Load the module. `options.wasm` may be a URL, a Response, bytes or a WebAssembly.Module;
 * by default the `.wasm` beside this file. `options.textWasm` is where the second module is
 * (the same kinds; by default `xxgk_lint_text_bg.wasm` beside this file), and `options.text:
 * true` or `options.lang: 'en'` (whose messages are in it) loads it now too. Calling it again
 * loads only what is not loaded yet.
 */
export async function init(options = {}) {
  if (options.textWasm !== undefined) textSource = options.textWasm;
  if (!ready) {
    if (!supported()) throw new Error(FLOOR);
    const source = options.wasm !== undefined ? options.wasm : new URL('xxgk_lint_bg.wasm', import.meta.url);
    glue.initSync({ module: await compile(source) });
    ready = true;
  }
  if (options.text || options.lang === 'en') await loadTextReaders();
}

/**
 * Load the second module, the one with the text readers (see the top of this file); resolves
 * when it checks. Loaded once; a failed load is tried again on the next call.
 */
export function loadTextReaders() {
  if (!textLoad) {
    textLoad = (async () => {
      if (!supported()) throw new Error(FLOOR);
      const [second, module] = await Promise.all([
        import('./xxgk_lint_text.js'),
        compile(textSource !== undefined ? textSource : new URL('xxgk_lint_text_bg.wasm', import.meta.url)),
      ]);
      second.initSync({ module });
      text = second;
    })();
    textLoad.catch(() => { textLoad = null; });
  }
  return textLoad;
}

/** A report the first module could not make: start loading the second, and say so. */
function pending(report) {
  if (report && report.pending === 'text') loadTextReaders().catch(() => {});
  return report;
}

/**
 * Load the module synchronously from bytes or a WebAssembly.Module (in workers); the second
 * module is loaded as in a page, when an input needs it.
 */
export function initSync(bytes) {
  if (ready) return;
  if (!supported()) throw new Error(FLOOR);
  glue.initSync({ module: bytes instanceof WebAssembly.Module ? bytes : new WebAssembly.Module(bytes) });
  ready = true;
}

function need() {
  if (!ready) throw new Error('xxgk-lint: call `await init()` first');
}

/** Check a report given as an HTML or plain-text string. */
export function lint(input, options) {
  need();
  if (typeof input !== 'string') throw new TypeError('xxgk-lint: lint() takes a string; use lintElement() for a DOM element');
  if (looksLikeHtml(input)) {
    const report = lintElement(new DOMParser().parseFromString(input, 'text/html'), options);
    report.input = 'html';
    return report;
  }
  const g = active();
  return pending(guarded(g, () => g.lintText(input, options), options));
}

/**
 * Check a file — a File, Blob, ArrayBuffer or Uint8Array — told apart by its content: a Word
 * `.docx`, or text or HTML in any encoding. The code that reads files is loaded on the first
 * call (file.js, and the second module; docx.js on the first Word file).
 */
export async function lintFile(input, options) {
  need();
  const [file] = await Promise.all([import('./file.js'), loadTextReaders()]);
  return file.lintFile({ glue: text, lint, guarded, errorReport }, input, options);
}

/**
 * Check the live DOM of an editor (its `body`, or its editable element) without serialising
 * it; diagnostics' `cell` addresses refer to that DOM.
 */
export function lintElement(element, options) {
  need();
  const { nodes, strings, quirks } = walkDom(element);
  const g = active();
  return pending(guarded(g, () => g.lintDom(nodes, strings, quirks, options), options));
}

/**
 * Table '二', '三' or '四' of a report (as `lint` returned it) in the official layout of the
 * revision for its year, with the values read — `{ applyFixes: true }`: and the pinned fixes —
 * as HTML with nothing of ours in it: what can replace a table that arrived as text. `null`
 * when the report has no such table. It runs in the second module (see the top of this file),
 * which a report whose tables came from text has loaded; otherwise `await loadTextReaders()`
 * first — before that it throws.
 */
export function tableHtml(report, table, options) {
  need();
  // The renderer is in the second module: loaded already when a report's tables came from text.
  if (!text) throw new Error('xxgk-lint: tableHtml() needs the second module: `await loadTextReaders()` first');
  const html = text.tableHtml(report, table, options);
  return html === undefined ? null : html;
}

/**
 * Every rule with its default severity and a one-line description, in 'zh' (default) or 'en'
 * — English is in the second module: `await loadTextReaders()` (or `init({ lang: 'en' })`)
 * first; before that it throws.
 */
export function rules(lang) {
  need();
  if (lang === 'en' && !text) throw new Error("xxgk-lint: rules('en') needs the second module: `await loadTextReaders()` first");
  return active().ruleList(lang);
}

let ruleDocs = null;

/**
 * A rule's documentation as Markdown (what it checks, why, an example failing and fixed), in
 * 'zh' (default) or 'en'. The docs are not in the module: rule-docs.json, beside this file, is
 * fetched on the first call. Needs no init().
 */
export function ruleDoc(id, lang) {
  if (!ruleDocs) {
    ruleDocs = fetch(new URL('rule-docs.json', import.meta.url)).then((r) => {
      if (!r.ok) throw new Error('xxgk-lint: cannot load ' + r.url + ' (' + r.status + ')');
      return r.json();
    });
    // A failed load is tried again on the next call.
    ruleDocs.catch(() => { ruleDocs = null; });
  }
  return ruleDocs.then((docs) => ruleDocOf(docs, id, lang));
}

export const version = '0.1.0';
