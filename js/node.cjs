// xxgk-lint for Node (CommonJS; `import` works too). No init needed: the module loads on
// require. HTML strings are read by the module's own HTML reader.
'use strict';
const glue = require('./xxgk_lint.js');
const { walkDom, findCell, highlight, clearHighlight, stripHighlight, guarded, ruleDocOf } = require('./core.cjs');

/** Kept for the same calling code as in browsers; does nothing in Node. */
async function init() {}
function initSync() {}
/** The one Node module has the text readers: nothing to load. */
async function loadTextReaders() {}

function lint(input, options) {
  if (typeof input !== 'string') throw new TypeError('xxgk-lint: lint() takes a string; use lintElement() for a DOM element');
  return guarded(glue, () => glue.lintText(input, options));
}

/** Check a DOM (jsdom, happy-dom, …) without serialising it. */
function lintElement(element, options) {
  const { nodes, strings, quirks } = walkDom(element);
  return guarded(glue, () => glue.lintDom(nodes, strings, quirks, options));
}

/**
 * Check a file — a Buffer, Uint8Array, ArrayBuffer or Blob — told apart by its content: a
 * Word `.docx`, or text or HTML in any encoding (the CLI's readers). Spans are byte offsets
 * into the file.
 */
async function lintFile(input, options) {
  let bytes;
  if (input instanceof Uint8Array) bytes = input;
  else if (input instanceof ArrayBuffer) bytes = new Uint8Array(input);
  else if (ArrayBuffer.isView(input)) bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  else if (typeof Blob !== 'undefined' && input instanceof Blob) bytes = new Uint8Array(await input.arrayBuffer());
  else throw new TypeError('xxgk-lint: lintFile() takes a Buffer, Uint8Array, ArrayBuffer or Blob; use lint() for a string');
  return guarded(glue, () => glue.lintBytes(bytes, options));
}

/** A report's table in its official layout, as HTML (see the browser build). */
function tableHtml(report, table, options) {
  const html = glue.tableHtml(report, table, options);
  return html === undefined ? null : html;
}

function rules(lang) {
  return glue.ruleList(lang);
}

let ruleDocs = null;

/**
 * A rule's documentation as Markdown, in 'zh' (default) or 'en'; read on the first call from
 * the package's rule-docs.json (the browser build's copy).
 */
function ruleDoc(id, lang) {
  if (!ruleDocs) {
    ruleDocs = require('fs').promises.readFile(require('path').join(__dirname, '../web/rule-docs.json'), 'utf8').then(JSON.parse);
    ruleDocs.catch(() => { ruleDocs = null; });
  }
  return ruleDocs.then((docs) => ruleDocOf(docs, id, lang));
}

const version = glue.version();

module.exports = { init, initSync, loadTextReaders, lint, lintElement, lintFile, tableHtml, rules, ruleDoc, version, findCell, highlight, clearHighlight, stripHighlight };
