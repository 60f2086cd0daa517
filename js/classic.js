// Classic-script build: defines `window.xxgkLint` with the same API as the ES module, for
// CMS pages and editor plugins (UEditor, KindEditor, CKEditor 4) that cannot load modules.
// Loads `xxgk_lint_bg.wasm` from beside the script (or `xxgkLint.init({ wasm: url })`).
//
// Not a copy of the module: scripts/build-npm.sh bundles this entry and the ES module build
// (index.js, its glue and core.js; editors.js) into one script with esbuild (an IIFE). There
// `import.meta.url` is the script's own URL, taken while it runs (the banner's
// `__xxgk_script`), so `init()` finds the `.wasm` beside it; `lintFile` still loads file.js
// (and the readers it loads) from beside the script, on the first call, as a module.
import * as module from './index.js';
import { tinymce, ckeditor4, ckeditor5, wangeditor, kindeditor, ueditor, summaryText, cellTextRange, setCellText, textRunRange } from './editors.js';

const api = Object.assign({}, module);
// The editor adapters, bound to this API: xxgkLint.editors.tinymce(editor, options), …
const bind = (attach) => (editor, options) => attach(api, editor, options);
api.editors = {
  tinymce: bind(tinymce),
  ckeditor4: bind(ckeditor4),
  ckeditor5: bind(ckeditor5),
  wangeditor: bind(wangeditor),
  kindeditor: bind(kindeditor),
  ueditor: bind(ueditor),
  summaryText,
  cellTextRange,
  setCellText,
  textRunRange,
};
(typeof window !== 'undefined' ? window : self).xxgkLint = api;
