// Classic-script build: defines `window.xxgkLint` with the same API as the ES module, for
// CMS pages and editor plugins (UEditor, KindEditor, CKEditor 4) that cannot load modules.
// Loads `xxgk_lint_bg.wasm` from beside this file (or `xxgkLint.init({ wasm: url })`).
var __xxgk_script = typeof document !== 'undefined' && document.currentScript ? document.currentScript.src : '';
/* @@GLUE@@ */
/* @@CORE@@ */
(function (global) {
  var glue = wasm_bindgen;
  var ready = false;
  var ruleDocs = null;
  var FLOOR = 'xxgk-lint needs WebAssembly with reference types (Chrome/Edge 96+, Firefox 79+, Safari 15+); ' +
    'this browser (IE or an old “兼容模式” kernel) cannot run it. 当前浏览器版本过旧，请使用极速模式或更新浏览器。';
  function supported() {
    if (typeof WebAssembly !== 'object' || typeof WebAssembly.validate !== 'function') return false;
    return WebAssembly.validate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 111, 3, 2, 1, 0, 10, 6, 1, 4, 0, 208, 111, 11]));
  }
  function need() {
    if (!ready) throw new Error('xxgk-lint: call `await xxgkLint.init()` first');
  }
  var api = {
    init: function (options) {
      options = options || {};
      if (ready) return Promise.resolve();
      if (!supported()) return Promise.reject(new Error(FLOOR));
      var source = options.wasm !== undefined ? options.wasm : new URL('xxgk_lint_bg.wasm', __xxgk_script || location.href);
      var bytes = source instanceof WebAssembly.Module ? Promise.resolve(source)
        : (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) ? WebAssembly.compile(source)
        : fetch(source).then(function (r) {
          if (!r.ok) throw new Error('xxgk-lint: cannot load ' + r.url + ' (' + r.status + ')');
          return r.arrayBuffer();
        }).then(function (b) { return WebAssembly.compile(b); });
      return bytes.then(function (module) {
        glue.initSync({ module: module });
        ready = true;
      });
    },
    initSync: function (bytes) {
      if (ready) return;
      if (!supported()) throw new Error(FLOOR);
      glue.initSync({ module: bytes instanceof WebAssembly.Module ? bytes : new WebAssembly.Module(bytes) });
      ready = true;
    },
    lint: function (input, options) {
      need();
      if (typeof input !== 'string') throw new TypeError('xxgk-lint: lint() takes a string; use lintElement() for a DOM element');
      if (looksLikeHtml(input)) {
        var report = api.lintElement(new DOMParser().parseFromString(input, 'text/html'), options);
        report.input = 'html';
        return report;
      }
      return guarded(glue, function () { return glue.lintText(input, options); });
    },
    // The code that reads files (file.js, docx.js, decode.js beside this script) is loaded
    // on the first call, as a module.
    lintFile: function (input, options) {
      need();
      return import(new URL('file.js', __xxgk_script || location.href).href).then(function (file) {
        return file.lintFile({ glue: glue, lint: api.lint, guarded: guarded, errorReport: errorReport }, input, options);
      });
    },
    lintElement: function (element, options) {
      need();
      var w = walkDom(element);
      return guarded(glue, function () { return glue.lintDom(w.nodes, w.strings, w.quirks, options); });
    },
    rules: function (lang) { need(); return glue.ruleList(lang); },
    // The docs are not in the module: rule-docs.json, beside this script, is fetched on the
    // first call (and again after a failed load).
    ruleDoc: function (id, lang) {
      if (!ruleDocs) {
        ruleDocs = fetch(new URL('rule-docs.json', __xxgk_script || location.href)).then(function (r) {
          if (!r.ok) throw new Error('xxgk-lint: cannot load ' + r.url + ' (' + r.status + ')');
          return r.json();
        });
        ruleDocs.catch(function () { ruleDocs = null; });
      }
      return ruleDocs.then(function (docs) { return ruleDocOf(docs, id, lang); });
    },
    findCell: findCell,
    highlight: highlight,
    clearHighlight: clearHighlight,
    stripHighlight: stripHighlight,
    version: '@@VERSION@@'
  };
  /* @@EDITORS@@ */
  global.xxgkLint = api;
})(typeof window !== 'undefined' ? window : self);
