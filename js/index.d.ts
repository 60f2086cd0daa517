// Types of the xxgk-lint API. The report types are generated from the Rust types (tsify).
import type { Diagnostic, DomCell, Fix, JsLintOptions, LintReport, RuleInfo, Severity, Summary, DetectedFormat, Verdict, Titles, MessageArg, TextRun, TextPoint } from './web/xxgk_lint.js';

export type { Diagnostic, DomCell, Fix, LintReport, RuleInfo, Severity, Summary, DetectedFormat, Verdict, Titles, MessageArg, TextRun, TextPoint };

/** Options of `lint` and `lintElement`. */
export type LintOptions = JsLintOptions;

/**
 * pdf.js as `lintFile` reads PDFs with it (pdfjs-dist 6.x, an optional peer dependency, never
 * loaded until the first PDF): the URL of a served `pdfjs-dist` folder — its legacy build, worker,
 * CMaps and standard fonts are loaded from there — or, for an app that bundles pdfjs-dist itself,
 * the imported module with the URLs of its worker, CMaps and standard fonts.
 */
export type PdfjsSource =
  | string
  | URL
  | { module: unknown; workerSrc?: string; cMapUrl?: string; cMapPacked?: boolean; standardFontDataUrl?: string };

/** Options of `lintFile`: those of `lint`, and how to read a PDF in a browser. */
export type LintFileOptions = LintOptions & {
  /** Browsers only (Node reads PDFs itself): where pdf.js is. Without it a PDF gives INPUT-PDF. */
  pdfjs?: PdfjsSource;
};

/** Where the `.wasm` comes from: a URL, a fetch Response, its bytes, or a compiled module. */
export type WasmSource = string | URL | Response | ArrayBuffer | ArrayBufferView | WebAssembly.Module;

/**
 * Load the module (browsers). Resolves at once in Node. Calling it again loads only what is
 * not loaded yet. In browsers the package has two modules: the first (`wasm`) reads tables from
 * cells (HTML, an editor's DOM) and speaks Chinese; the second (`textWasm`, by default beside
 * the first) adds the text readers — plain and flattened text, a PDF's geometry, a Word file's
 * records — and the English messages, and is loaded on the first input or `lang: 'en'` that
 * needs it, or now with `text: true` or `lang: 'en'`.
 */
export function init(options?: { wasm?: WasmSource; textWasm?: WasmSource; text?: boolean; lang?: 'zh' | 'en' }): Promise<void>;

/**
 * Load the second module, the one that reads tables given as text and has the English messages
 * (browsers; resolves at once in Node, whose one module has everything). Until it is loaded,
 * `lint`/`lintElement` on a report that needs it, or with `lang: 'en'`, give the
 * TEXT-READERS-LOADING report, marked `pending: 'text'`, and start
 * loading it; check again when this resolves (the editor adapters do). `lintFile` waits for it.
 */
export function loadTextReaders(): Promise<void>;

/** Load the module synchronously from bytes or a compiled module (workers). */
export function initSync(bytes: ArrayBuffer | ArrayBufferView | WebAssembly.Module): void;

/**
 * Check a report given as an HTML or plain-text string. Never throws on bad input: an input
 * that cannot be read (empty, too large, binary) gives a report whose single error diagnostic
 * says why (`rule` INPUT-EMPTY, INPUT-TOO-LARGE, INPUT-BINARY, OPTIONS, INTERNAL-ERROR; in
 * browsers, TEXT-READERS-LOADING with `pending: 'text'` while the second module loads — see
 * `loadTextReaders`).
 * `span`s are string indices (UTF-16) into `input`; `null` for HTML in browsers (the browser
 * parses it and keeps no offsets — use `cell`).
 */
export function lint(input: string, options?: LintOptions): LintReport;

/** Check an editor's live DOM (its body, or editable element) without serialising it. */
export function lintElement(element: Element | Document, options?: LintOptions): LintReport;

/**
 * Check a file — an upload's `File`, a `Blob`, an `ArrayBuffer` or bytes (a Node `Buffer`) —
 * told apart by its content, never its name: a PDF with a text layer, a Word or WPS `.docx`,
 * or text or HTML in any encoding (BOM, `<meta charset>`, else detection; GBK/GB2312 read as
 * GB18030). Resolves to the report; never rejects on bad input: a file that cannot be read
 * gives a report whose single error says why (`INPUT-PDF` — a scan without text, a damaged
 * PDF, no pdf.js in the browser —, `INPUT-DOCX`, `INPUT-ENCRYPTED`, `INPUT-OLD-OFFICE`,
 * `INPUT-BINARY`, `INPUT-ENCODING`, `INPUT-EMPTY`, `INPUT-TOO-LARGE`). `report.input` is
 * `'pdf'`, `'docx'`, `'html'` or `'text'`, `report.encoding` the encoding a text file was
 * decoded from. For a PDF, each finding's `page` (1-based) and `bbox` (`[left, top, right,
 * bottom]` in points from the page's top-left corner) say where it is, and `cell` addresses
 * the table as read from the page's rulings; for a `.docx`, `cell` is the file's cell (table,
 * `w:tr`, `w:tc`) and `paragraph` the index of its `w:p`; for text, `span` is a byte range in
 * the file. In browsers the code that reads files is loaded on the first call (a `.docx` needs
 * `DecompressionStream('deflate-raw')`: Chrome/Edge 103+, Firefox 113+, Safari 16.4+; a PDF
 * needs `options.pdfjs`).
 */
export function lintFile(input: Blob | ArrayBuffer | ArrayBufferView, options?: LintFileOptions): Promise<LintReport>;

/** The `<td>`/`<th>` a diagnostic's `cell` address names under `element` (null if none). */
export function findCell(element: Element | Document | DocumentFragment, cell: { table: number; row: number; cell: number } | null): Element | null;

/**
 * Mark the cells a report names with `data-xxgk-severity` and a `title` carrying the
 * messages. Returns how many cells were marked. Nothing else in the content changes.
 */
export function highlight(element: Element | Document, report: LintReport): number;

/** Remove exactly what `highlight` added. */
export function clearHighlight(element: Element | Document): void;

/** Remove our highlight attributes from serialised HTML (for an editor's save hook). */
export function stripHighlight(html: string): string;

/**
 * Table `'二'`, `'三'` or `'四'` of a report as `lint` returned it, rebuilt in the official layout of
 * the revision that applies to the report's year (2019's for 2019–2020, 2021's after; a hybrid
 * report's values placed by meaning, a cell no value means left blank), with its exact row and
 * column labels, the official merges and `border="1"`, and the values read; with
 * `{ applyFixes: true }`, each pinned fix in its cell. No class, `data-` attribute or style of
 * ours: the report's own table, e.g. to replace one that arrived as text (the CLI's
 * `xxgk-lint tables` prints the same). `null` when the report has no such table. In browsers it
 * runs in the second module (see `loadTextReaders`), loaded already when the report's tables came
 * from text; otherwise `await loadTextReaders()` first — before that it throws.
 */
export function tableHtml(report: LintReport, table: '二' | '三' | '四', options?: { applyFixes?: boolean }): string | null;

/**
 * Every rule with its default severity and one line. In browsers, `'en'` needs the second
 * module (`await loadTextReaders()` first; before that it throws).
 */
export function rules(lang?: 'zh' | 'en'): RuleInfo[];

/**
 * A rule's documentation as Markdown — what it checks, why (the official basis), an example
 * failing and fixed — in Chinese (default) or English: the text `xxgk-lint rules --explain RULE`
 * prints. Any ID a finding's `rule` holds, the input errors (INPUT-*, OPTIONS, INTERNAL-ERROR)
 * too. The docs are not in the module: `rule-docs.json` is loaded on the first call (fetched from
 * beside the module in browsers, read from the package in Node); needs no `init()`. Rejects for
 * an ID that is no rule.
 */
export function ruleDoc(id: string, lang?: 'zh' | 'en'): Promise<string>;

export const version: string;
