// Types for `xxgk-lint/classic` (pkg/classic/xxgk-lint.js, a classic script): the global
// `xxgkLint` it defines — the ES module's API and `editors`, the adapters bound to that API.
// The script is loaded with a <script> tag, not imported; bring these declarations into a
// program with `/// <reference types="xxgk-lint/classic" />` (or `"types": ["xxgk-lint/classic"]`
// in tsconfig.json), then use `window.xxgkLint` / `xxgkLint`.
import type * as Api from '../index.js';
import type { AdapterOptions, Checker, summaryText, cellTextRange, setCellText, textRunRange } from '../editors.js';

/** An editor adapter bound to the script's API: `xxgkLint.editors.tinymce(editor, options)`. */
export type BoundAdapter = (editor: unknown, options?: AdapterOptions) => Checker;

/** `xxgkLint.editors`: the adapters of `xxgk-lint/editors`, without their first argument. */
export interface XxgkLintEditors {
  tinymce: BoundAdapter;
  ckeditor4: BoundAdapter;
  ckeditor5: BoundAdapter;
  wangeditor: BoundAdapter;
  kindeditor: BoundAdapter;
  ueditor: BoundAdapter;
  summaryText: typeof summaryText;
  cellTextRange: typeof cellTextRange;
  setCellText: typeof setCellText;
  textRunRange: typeof textRunRange;
}

/** `window.xxgkLint`: the API of `xxgk-lint` (init, lint, lintElement, lintFile, …) and `editors`. */
export type XxgkLint = typeof Api & { editors: XxgkLintEditors };

declare global {
  /** Defined by the classic script `xxgk-lint/classic` (on `window`, or `self` in a worker). */
  var xxgkLint: XxgkLint;
}
