// Types for `xxgk-lint/editors` (see the README, "Editor adapters"). An ES module (editors.js
// is one): the import paths carry their extension, as node16/nodenext resolution requires.
import type { LintReport, LintOptions, LintFileOptions, TextRun } from './index.js';

export interface AdapterOptions {
  lint?: LintOptions;
  /** Debounce after an edit, ms (default 400). */
  delay?: number;
  onReport?: (report: LintReport, checker: Checker) => void;
  /** What the save/publish hook does on errors (default 'warn': a confirm dialog). */
  save?: 'warn' | 'block' | 'off';
  onBlocked?: (report: LintReport) => void;
  confirm?: (text: string) => boolean;
  /** Called with the report of each attachment checked by `checkFile`. */
  onFileReport?: (report: LintReport, checker: Checker) => void;
  /** wangEditor only: the `@wangeditor/editor` namespace, unless `window.wangEditor` is set. */
  wangEditor?: unknown;
}

export interface FixAllResult {
  applied: LintReport['diagnostics'][number][];
  skipped: { diagnostic: LintReport['diagnostics'][number]; reason: 'stale' | 'no-cell' | 'conflict' }[];
}

export interface Checker {
  report: LintReport | null;
  check(): LintReport | null;
  schedule(): void;
  setOptions(options: LintOptions): LintReport | null;
  cell(diagnostic: LintReport['diagnostics'][number]): Element | null;
  fix(diagnostic: LintReport['diagnostics'][number]): boolean;
  /**
   * Apply every pinned fix (`fix` and `cell`) of the current report as one undo step in the
   * editor, then lint again. Skipped: a finding whose cell is not in the editor ('no-cell',
   * e.g. tables given as text), a cell that no longer holds the text the fix was computed from
   * ('stale': edited meanwhile), a second, different value for a cell already fixed
   * ('conflict'). Two findings pinning one cell with one value change it once; both are applied.
   */
  fixAll(): FixAllResult;
  /**
   * The tables of the current report the editor can rebuild: read completely from text without
   * cells (every official cell a number, no TABLE-UNREADABLE), each with the text run it came
   * from (`report.rebuildable`, its `first` and `last` text points in the editor's DOM). `[]`
   * in an adapter that cannot rebuild (wangEditor).
   */
  rebuildable(): TextRun[];
  /**
   * Replace the text run table `table` was read from with the official table
   * (`tableHtml(report, table, { applyFixes })`) as one undo step in the editor, then lint
   * again (it lints first, so the run is where the content has it now). True when rebuilt;
   * false when the table is not rebuildable.
   */
  rebuildTable(table: '二' | '三' | '四', options?: { applyFixes?: boolean }): boolean;
  canPublish(): boolean;
  confirmPublish(): boolean;
  /**
   * Check an attachment (an upload's File, a Blob, an ArrayBuffer or bytes: a `.docx`, or a
   * text or HTML file) with the checker's lint options, `options` over them, through the API's
   * `lintFile`; calls `onFileReport`. Leaves the editor's content and `report` alone.
   */
  checkFile(file: Blob | ArrayBuffer | ArrayBufferView, options?: LintFileOptions): Promise<LintReport>;
  detach(): void;
}

/** The API the adapters use: the module's namespace (`import * as api from 'xxgk-lint'`). */
export type Api = typeof import('./index.js');
/** The report's verdict line (`report.verdict.message`); `''` without a report. */
export function summaryText(report: LintReport | null): string;
export function cellTextRange(cell: Element): Range;
export function setCellText(cell: Element, value: string): void;
/** The DOM Range of a rebuildable table's text run under `root` (the element `lintElement` read); null if the content no longer has those text nodes. */
export function textRunRange(root: Element | Document, run: TextRun): Range | null;
/** Replace `range` (under `root`) with the table in `html`, splitting the block it starts in; returns the table inserted. */
export function replaceWithTable(root: Element, range: Range, html: string): Element | null;
export function tinymce(api: Api, editor: unknown, options?: AdapterOptions): Checker;
export function ckeditor4(api: Api, editor: unknown, options?: AdapterOptions): Checker;
export function ckeditor5(api: Api, editor: unknown, options?: AdapterOptions): Checker;
export function wangeditor(api: Api, editor: unknown, options?: AdapterOptions): Checker;
export function kindeditor(api: Api, editor: unknown, options?: AdapterOptions): Checker;
export function ueditor(api: Api, editor: unknown, options?: AdapterOptions): Checker;
