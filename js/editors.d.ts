// Types for `xxgk-lint/editors` (see the README, "Editor adapters").
import type { LintReport, LintOptions } from './index';

export interface AdapterOptions {
  lint?: LintOptions;
  /** Debounce after an edit, ms (default 400). */
  delay?: number;
  onReport?: (report: LintReport, checker: Checker) => void;
  /** What the save/publish hook does on errors (default 'warn': a confirm dialog). */
  save?: 'warn' | 'block' | 'off';
  onBlocked?: (report: LintReport) => void;
  confirm?: (text: string) => boolean;
  /** wangEditor only: the `@wangeditor/editor` namespace, unless `window.wangEditor` is set. */
  wangEditor?: unknown;
}

export interface Checker {
  report: LintReport | null;
  check(): LintReport | null;
  schedule(): void;
  setOptions(options: LintOptions): LintReport | null;
  cell(diagnostic: LintReport['diagnostics'][number]): Element | null;
  fix(diagnostic: LintReport['diagnostics'][number]): boolean;
  canPublish(): boolean;
  confirmPublish(): boolean;
  detach(): void;
}

type Api = typeof import('./index');
export function summaryText(report: LintReport | null, lang?: 'zh' | 'en'): string;
export function cellTextRange(cell: Element): Range;
export function setCellText(cell: Element, value: string): void;
export function tinymce(api: Api, editor: unknown, options?: AdapterOptions): Checker;
export function ckeditor4(api: Api, editor: unknown, options?: AdapterOptions): Checker;
export function ckeditor5(api: Api, editor: unknown, options?: AdapterOptions): Checker;
export function wangeditor(api: Api, editor: unknown, options?: AdapterOptions): Checker;
export function kindeditor(api: Api, editor: unknown, options?: AdapterOptions): Checker;
export function ueditor(api: Api, editor: unknown, options?: AdapterOptions): Checker;
