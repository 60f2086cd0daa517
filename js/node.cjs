// xxgk-lint for Node (CommonJS; `import` works too). No init needed: the module loads on
// require. HTML strings are read by the module's own HTML reader.
'use strict';
const glue = require('./xxgk_lint.js');
const { walkDom, findCell, highlight, clearHighlight, stripHighlight, guarded } = require('./core.cjs');

/** Kept for the same calling code as in browsers; does nothing in Node. */
async function init() {}
function initSync() {}

function lint(input, options) {
  if (typeof input !== 'string') throw new TypeError('xxgk-lint: lint() takes a string; use lintElement() for a DOM element');
  return guarded(glue, () => glue.lintText(input, options));
}

/** Check a DOM (jsdom, happy-dom, …) without serialising it. */
function lintElement(element, options) {
  const { nodes, strings, quirks } = walkDom(element);
  return guarded(glue, () => glue.lintDom(nodes, strings, quirks, options));
}

function rules(lang) {
  return glue.ruleList(lang);
}

const version = glue.version();

module.exports = { init, initSync, lint, lintElement, rules, version, findCell, highlight, clearHighlight, stripHighlight };
