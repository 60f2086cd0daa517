// Editor adapters for xxgk-lint: lint on change, highlight the named cells in the editor's own
// document (iframe or not), warn or block on the editor's save/publish hook, keep our highlight
// attributes out of what the editor saves, and apply a pinned fix through the editor's own undo.
//
// Every adapter takes the xxgk-lint API object first (the ES module namespace, or
// `window.xxgkLint` from the classic script, after `init()`), then the editor instance, then
// options, and returns a checker:
//
//   { report, check(), schedule(), setOptions(lintOptions), cell(diagnostic), fix(diagnostic),
//     fixAll(), rebuildable(), rebuildTable(table, { applyFixes }?), canPublish(), confirmPublish(),
//     checkFile(file, lintOptions?), detach() }
//
// Options: { lint: { lang, format, rules }, delay: 400 (ms, debounce), onReport(report, checker),
//            save: 'warn' | 'block' | 'off' (default 'warn'), onBlocked(report), confirm(text),
//            onFileReport(report, checker) }.

const ATTRS = ['data-xxgk-severity', 'data-xxgk-title'];

/**
 * The report's verdict line, as the checker words it in the report's language: "2 个错误，2 个警告，
 * 0 个提示 — 请勿发布" / "2 errors, 2 warnings, 0 infos — do not publish yet" / "… — 可以发布".
 */
export function summaryText(report) {
  return (report && report.verdict && report.verdict.message) || '';
}

function textNodes(cell) {
  const walker = cell.ownerDocument.createTreeWalker(cell, 4 /* NodeFilter.SHOW_TEXT */);
  const out = [];
  while (walker.nextNode()) if (walker.currentNode.data.trim()) out.push(walker.currentNode);
  return out;
}

/**
 * A Range over a cell's visible text (first to last non-blank character), for replacing it
 * with `execCommand('insertText')` so the browser's own undo covers the change.
 */
export function cellTextRange(cell) {
  const nodes = textNodes(cell);
  const range = cell.ownerDocument.createRange();
  if (!nodes.length) {
    let inner = cell;
    while (inner.lastElementChild && inner.lastElementChild.localName !== 'br') inner = inner.lastElementChild;
    range.selectNodeContents(inner);
    return range;
  }
  const first = nodes[0];
  const last = nodes[nodes.length - 1];
  range.setStart(first, first.data.length - first.data.replace(/^\s+/, '').length);
  range.setEnd(last, last.data.replace(/\s+$/, '').length);
  return range;
}

/** Replace a cell's visible text with `value`, keeping its paragraphs and spans (DOM editors). */
export function setCellText(cell, value) {
  const range = cellTextRange(cell);
  range.deleteContents();
  range.insertNode(cell.ownerDocument.createTextNode(value));
  cell.normalize();
}

/** Subtrees the package's DOM walker does not enter (js/core.js's SKIP): their text nodes are not counted. */
const UNWALKED = new Set(['script', 'style', 'template', 'noscript', 'head', 'iframe', 'object', 'svg', 'math']);

/**
 * The DOM Range of a report's text run (`report.rebuildable[i]`, read by `lintElement(root)`):
 * from its `first` point to its `last`, each a text node — counted as the walker hands them over:
 * in document order, not inside `script`, `style`, … — and a UTF-16 offset in it. `null` when
 * the run has no DOM points (a string's report) or the content no longer has those nodes.
 */
export function textRunRange(root, run) {
  if (!root || !run || !run.first || !run.last) return null;
  const doc = root.nodeType === 9 ? root : root.ownerDocument;
  const top = root.nodeType === 9 ? root.documentElement : root;
  const walker = doc.createTreeWalker(top, 1 | 4 | 8 /* elements, text, CDATA */, {
    acceptNode: (n) => (n.nodeType === 1 ? (UNWALKED.has(n.localName) ? 2 /* reject */ : 3 /* skip */) : 1),
  });
  const range = doc.createRange();
  let found = 0;
  for (let i = 0, node = walker.nextNode(); node && found < 2; i++, node = walker.nextNode()) {
    for (const [point, set] of [[run.first, 'setStart'], [run.last, 'setEnd']]) {
      if (point.node !== i) continue;
      if (point.offset > node.data.length) return null;
      range[set](node, point.offset);
      found++;
    }
  }
  return found === 2 ? range : null;
}

/** The block that holds a place in the content (a `<p>`, `<div>`, …, under `root`), or null. */
function blockOf(node, root) {
  for (let n = node.nodeType === 1 ? node : node.parentNode; n && n !== root; n = n.parentNode) {
    if (n.nodeType === 1 && /^(p|div|li|h[1-6]|pre|blockquote|section|article)$/.test(n.localName)) return n;
  }
  return null;
}

/**
 * Replace a Range of an editable DOM with a table given as HTML (DOM editors): the range's
 * content removed, the block it starts in split there, the table put between the halves, and
 * a half left without text removed.
 */
export function replaceWithTable(root, range, html) {
  const doc = root.ownerDocument;
  const template = doc.createElement('template');
  template.innerHTML = html;
  const table = template.content.querySelector('table');
  if (!table) return null;
  range.deleteContents();
  const block = blockOf(range.startContainer, root);
  if (!block) {
    range.insertNode(table);
    return table;
  }
  const tail = doc.createRange();
  tail.setStart(range.startContainer, range.startOffset);
  tail.setEndAfter(block);
  const rest = tail.extractContents();
  block.after(table);
  table.after(rest);
  const empty = (el) => el && !el.textContent.replace(/[\s\uFEFF\u200B]+/g, '') && !el.querySelector('img, table');
  const after = table.nextElementSibling;
  if (empty(after)) after.remove();
  if (empty(block)) block.remove();
  return table;
}

/** A cell's text as a fix compares it: no whitespace, no zero-width characters. */
function cellValue(text) {
  return String(text == null ? '' : text).replace(/[\s\uFEFF\u200B]+/g, '');
}

/**
 * The shared part of every adapter. `spec`: root(), applyFixes([[cell, value], …]) — every change
 * as one undo step in the editor (or the older applyFix(cell, value), one step each) —,
 * replaceRun(range, html) — a DOM Range of the content replaced by a table, as one undo step
 * (without it, `rebuildTable` rebuilds nothing) —, hooks(checker) → undo fn.
 */
export function createChecker(api, spec, options = {}) {
  let lintOptions = Object.assign({}, options.lint);
  let timer = null;
  let detachHooks = null;
  let detached = false;
  // An older spec with applyFix(cell, value) only: one change (one undo step) per cell.
  const apply = (pairs) => (spec.applyFixes ? spec.applyFixes(pairs) : pairs.forEach(([cell, value]) => spec.applyFix(cell, value)));
  const c = {
    report: null,
    check() {
      clearTimeout(timer);
      timer = null;
      const root = spec.root();
      if (!root) return null;
      c.report = api.lintElement(root, lintOptions);
      api.highlight(root, c.report);
      if (options.onReport) options.onReport(c.report, c);
      // Tables given as text, before the module that reads them has loaded: check again
      // once it is there (the report says TEXT-READERS-LOADING meanwhile).
      if (c.report && c.report.pending === 'text' && typeof api.loadTextReaders === 'function') {
        api.loadTextReaders().then(() => { if (!timer && !detached) c.check(); }, (e) => console.error(e));
      }
      return c.report;
    },
    schedule() {
      clearTimeout(timer);
      timer = setTimeout(() => { try { c.check(); } catch (e) { console.error(e); } }, options.delay === undefined ? 400 : options.delay);
    },
    setOptions(more) {
      lintOptions = Object.assign({}, lintOptions, more);
      return c.check();
    },
    /** The cell a diagnostic names, in the editor's live DOM (null for text findings). */
    cell(d) {
      const root = spec.root();
      return root && d && d.cell ? api.findCell(root, d.cell) : null;
    },
    /** Apply `d.fix.value` to its cell through the editor (undoable), then lint again. */
    fix(d) {
      const cell = c.cell(d);
      if (!cell || !d.fix) return false;
      // No stale highlight in the editor's undo snapshots: the check after the fix puts it back.
      api.clearHighlight(spec.root());
      apply([[cell, d.fix.value]]);
      c.check();
      return true;
    },
    /**
     * Apply every pinned fix of the current report as one undo step in the editor, then lint
     * again. A fix whose cell is gone ('no-cell': tables given as text, or the table was
     * removed) or no longer holds the text it was computed from ('stale': edited meanwhile) is
     * skipped; two findings pinning one cell change it once (both are applied; differing values
     * for one cell: the later is skipped as 'conflict').
     * Returns { applied: [diagnostic], skipped: [{ diagnostic, reason }] }.
     */
    fixAll() {
      const report = c.report || c.check();
      const applied = [];
      const skipped = [];
      const pairs = [];
      const byCell = new Map();
      for (const d of (report && report.diagnostics) || []) {
        if (!d.fix) continue;
        const cell = c.cell(d);
        if (!cell) { skipped.push({ diagnostic: d, reason: 'no-cell' }); continue; }
        if (byCell.has(cell)) {
          if (byCell.get(cell) === d.fix.value) applied.push(d);
          else skipped.push({ diagnostic: d, reason: 'conflict' });
          continue;
        }
        const now = cellValue(cell.textContent);
        if (now !== cellValue(d.actual) && now !== cellValue(d.excerpt)) { skipped.push({ diagnostic: d, reason: 'stale' }); continue; }
        byCell.set(cell, d.fix.value);
        pairs.push([cell, d.fix.value]);
        applied.push(d);
      }
      if (pairs.length) {
        api.clearHighlight(spec.root());
        apply(pairs);
      }
      c.check();
      return { applied, skipped };
    },
    /**
     * The tables of the current report the editor can rebuild: read completely from text
     * without cells (no TABLE-UNREADABLE), with the run of text each came from
     * (`report.rebuildable`, those with DOM points). `[]` when the adapter cannot rebuild.
     */
    rebuildable() {
      const report = c.report || c.check();
      if (!spec.replaceRun || !report) return [];
      return (report.rebuildable || []).filter((run) => run.first && run.last);
    },
    /**
     * Replace the text run table `table` ('二', '三', '四') was read from with the official
     * table (`tableHtml(report, table, { applyFixes })`), as one undo step in the editor, then
     * lint again. Lints first, so the run is where the content has it now. Returns true when
     * the table was rebuilt; false when it is not rebuildable (see `rebuildable()`).
     */
    rebuildTable(table, more = {}) {
      if (!spec.replaceRun) return false;
      c.check();
      const run = c.rebuildable().find((r) => r.table === table);
      const root = spec.root();
      const range = run && textRunRange(root, run);
      if (!range) return false;
      const html = api.tableHtml(c.report, table, { applyFixes: !!more.applyFixes });
      if (!html) return false;
      api.clearHighlight(root);
      spec.replaceRun(range, html);
      c.check();
      return true;
    },
    /** Lint now; true when there is no error. */
    canPublish() {
      const r = c.check();
      return !r || r.summary.errors === 0;
    },
    /** The save hook's decision: 'block' refuses on errors, 'warn' asks, 'off' lets it through. */
    confirmPublish() {
      const mode = options.save || 'warn';
      if (mode === 'off' || c.canPublish()) return true;
      if (mode === 'block') {
        if (options.onBlocked) options.onBlocked(c.report);
        return false;
      }
      const text = summaryText(c.report) + (lintOptions.lang === 'en' ? '. Publish anyway?' : '。仍要发布吗？');
      const ask = options.confirm || ((t) => (typeof window !== 'undefined' && window.confirm ? window.confirm(t) : true));
      return ask(text) !== false;
    },
    /**
     * Check an attachment — a File, Blob, ArrayBuffer or bytes, a `.docx` or a text or HTML
     * file — with this checker's lint options (`more` over them) through the API's `lintFile`.
     * Resolves to its report and hands it to `onFileReport`; the editor, its content and
     * `report` are left as they are.
     */
    checkFile(file, more) {
      if (typeof api.lintFile !== 'function') return Promise.reject(new TypeError('xxgk-lint: this API has no lintFile (an older xxgk-lint?)'));
      return api.lintFile(file, Object.assign({}, lintOptions, more)).then((report) => {
        if (options.onFileReport) options.onFileReport(report, c);
        return report;
      });
    },
    detach() {
      detached = true;
      clearTimeout(timer);
      if (detachHooks) detachHooks();
      const root = spec.root();
      if (root) api.clearHighlight(root);
    },
  };
  detachHooks = spec.hooks(c) || null;
  return c;
}

/**
 * Guard a <form>'s submit (capture phase, before the editor's own handler); `allowed()`, if
 * given, runs when the submit goes through.
 */
function guardForm(form, c, allowed) {
  if (!form) return () => {};
  const onSubmit = (e) => {
    if (!c.confirmPublish()) {
      e.preventDefault();
      e.stopImmediatePropagation();
    } else if (allowed) allowed();
  };
  form.addEventListener('submit', onSubmit, true);
  return () => form.removeEventListener('submit', onSubmit, true);
}

function observe(root, schedule) {
  // Text and structure only: our own attribute changes never trigger a lint.
  const mo = new MutationObserver(schedule);
  mo.observe(root, { childList: true, characterData: true, subtree: true });
  return () => mo.disconnect();
}

/** TinyMCE 5–8: `editor.getBody()` (iframe or inline); GetContent stripped; form submit guarded. */
export function tinymce(api, editor, options) {
  return createChecker(api, {
    root: () => editor.getBody(),
    applyFixes: (pairs) => editor.undoManager.transact(() => pairs.forEach(([cell, value]) => setCellText(cell, value))),
    replaceRun: (range, html) => editor.undoManager.transact(() => replaceWithTable(editor.getBody(), range, html)),
    hooks(c) {
      const onChange = () => c.schedule();
      const onGet = (e) => { if (typeof e.content === 'string') e.content = api.stripHighlight(e.content); };
      const onSubmit = (e) => { if (!c.confirmPublish()) e.preventDefault(); };
      editor.on('input change SetContent Undo Redo paste', onChange);
      editor.on('GetContent', onGet);
      let unguard = () => {};
      const start = () => { unguard = guardForm(editor.formElement, c); c.check(); };
      if (editor.initialized) start(); else editor.once('init', start);
      editor.on('SubmitContent', onSubmit);
      return () => {
        editor.off('input change SetContent Undo Redo paste', onChange);
        editor.off('GetContent', onGet);
        editor.off('SubmitContent', onSubmit);
        unguard();
      };
    },
  }, options);
}

/** CKEditor 4: `editor.editable()` (iframe body in classic mode); getData/snapshots stripped; `save` command guarded. */
export function ckeditor4(api, editor, options) {
  return createChecker(api, {
    root: () => (editor.mode === 'wysiwyg' && editor.editable() ? editor.editable().$ : null),
    applyFixes(pairs) {
      editor.fire('saveSnapshot');
      pairs.forEach(([cell, value]) => setCellText(cell, value));
      editor.fire('saveSnapshot');
      editor.fire('change');
    },
    replaceRun(range, html) {
      editor.fire('saveSnapshot');
      replaceWithTable(editor.editable().$, range, html);
      editor.fire('saveSnapshot');
      editor.fire('change');
    },
    hooks(c) {
      const listeners = [
        editor.on('change', () => c.schedule()),
        editor.on('afterPaste', () => c.schedule()),
        editor.on('contentDom', () => c.schedule()),
        editor.on('getData', (e) => { e.data.dataValue = api.stripHighlight(e.data.dataValue); }, null, null, 999),
        editor.on('getSnapshot', (e) => { if (typeof e.data === 'string') e.data = api.stripHighlight(e.data); }, null, null, 999),
        editor.on('save', (e) => { if (!c.confirmPublish()) e.cancel(); }),
      ];
      const unguard = guardForm(editor.element && editor.element.$ && editor.element.$.form, c);
      if (editor.status === 'ready') c.check(); else listeners.push(editor.on('instanceReady', () => c.check()));
      return () => { listeners.forEach((l) => l.removeListener()); unguard(); };
    },
  }, options);
}

/**
 * The table in `html` with its leading rows of `<th>` only (the official header) in a `<thead>`.
 * CKEditor 5 counts its heading rows from the `<thead>`; without one it takes the first row
 * alone and cuts the merged header cells that span into the next rows (表三's
 * `rowspan="3"` corner), and the table then reads differently.
 */
function headerRowsInThead(doc, html) {
  const template = doc.createElement('template');
  template.innerHTML = html;
  const table = template.content.querySelector('table');
  if (!table || table.tHead) return html;
  const rows = [...table.rows];
  const head = [];
  for (const row of rows) {
    if (![...row.cells].every((cell) => cell.localName === 'th')) break;
    head.push(row);
  }
  if (!head.length || head.length === rows.length) return html;
  const thead = table.createTHead();
  head.forEach((row) => thead.append(row));
  return template.innerHTML;
}

/**
 * CKEditor 5: the editing view's DOM root. getData() comes from the model, where our attributes
 * never are; the data pipeline is stripped anyway. Fixes go through the model (undoable).
 */
export function ckeditor5(api, editor, options) {
  return createChecker(api, {
    root: () => editor.editing.view.getDomRoot(),
    applyFixes(pairs) {
      // Every cell mapped to the model first, then one model change: one batch, one undo step.
      const targets = pairs.map(([cell, value]) => {
        const viewCell = editor.editing.view.domConverter.mapDomToView(cell);
        return [viewCell && editor.editing.mapper.toModelElement(viewCell), value];
      }).filter(([modelCell]) => modelCell);
      if (!targets.length) return;
      editor.model.change((writer) => {
        for (const [modelCell, value] of targets) {
          const first = modelCell.getChild(0);
          const last = modelCell.getChild(modelCell.childCount - 1);
          if (!first) continue;
          const range = writer.createRange(writer.createPositionAt(first, 0), writer.createPositionAt(last, 'end'));
          editor.model.insertContent(writer.createText(value), range);
        }
      });
    },
    replaceRun(range, html) {
      // The DOM range → the view's → the model's; the table parsed by the editor's data pipeline
      // and inserted there in one model change (one undo step), splitting the paragraph.
      const viewRange = editor.editing.view.domConverter.domRangeToView(range);
      const modelRange = viewRange && editor.editing.mapper.toModelRange(viewRange);
      if (!modelRange) return;
      editor.model.change(() => {
        editor.model.insertContent(editor.data.parse(headerRowsInThead(range.startContainer.ownerDocument, html)), modelRange);
      });
    },
    hooks(c) {
      const onChange = () => c.schedule();
      const onGet = (evt) => { if (typeof evt.return === 'string') evt.return = api.stripHighlight(evt.return); };
      editor.model.document.on('change:data', onChange);
      editor.data.on('get', onGet, { priority: 'lowest' });
      const unguard = guardForm(editor.sourceElement && editor.sourceElement.form, c);
      c.check();
      return () => {
        editor.model.document.off('change:data', onChange);
        editor.data.off('get', onGet);
        unguard();
      };
    },
  }, options);
}

/**
 * wangEditor 5: its editable container; getHtml() regenerates from the Slate model, so our
 * attributes never reach it. Fixes go through Slate (undoable): pass the `wangEditor` namespace
 * (`import * as wangEditor from '@wangeditor/editor'`) as `options.wangEditor` unless it is a global.
 */
export function wangeditor(api, editor, options = {}) {
  const ns = options.wangEditor || (typeof window !== 'undefined' && window.wangEditor);
  return createChecker(api, {
    root: () => editor.getEditableContainer(),
    applyFixes(pairs) {
      const { DomEditor, SlateEditor, SlateTransforms } = ns;
      // Every cell's path first (a text change replaces its ancestors' Slate nodes), then the
      // changes in one tick: Slate's history puts the operations of one tick in one undo batch.
      // Replace at a range, without selecting first: a selection change in the same tick would
      // make Slate's history merge the fix into the previous undo step.
      const targets = pairs.map(([cell, value]) => [DomEditor.findPath(editor, DomEditor.toSlateNode(editor, cell)), value]);
      SlateEditor.withoutNormalizing(editor, () => {
        for (const [path, value] of targets) {
          SlateTransforms.insertText(editor, value, { at: { anchor: SlateEditor.start(editor, path), focus: SlateEditor.end(editor, path) } });
        }
      });
    },
    hooks(c) {
      const stop = observe(editor.getEditableContainer(), () => c.schedule());
      c.check();
      return stop;
    },
  }, options);
}

/** KindEditor 4: `editor.edit.doc.body` (iframe); beforeGetHtml stripped; form submit guarded. */
export function kindeditor(api, editor, options) {
  return createChecker(api, {
    root: () => (editor.edit && editor.edit.doc ? editor.edit.doc.body : null),
    applyFixes(pairs) {
      editor.addBookmark(false);
      pairs.forEach(([cell, value]) => setCellText(cell, value));
      editor.addBookmark(false);
    },
    replaceRun(range, html) {
      editor.addBookmark(false);
      replaceWithTable(editor.edit.doc.body, range, html);
      editor.addBookmark(false);
    },
    hooks(c) {
      let stop = () => {};
      editor.beforeGetHtml((html) => api.stripHighlight(html));
      const unguard = guardForm(editor.srcElement && editor.srcElement[0] && editor.srcElement[0].form, c);
      const start = () => { stop = observe(editor.edit.doc.body, () => c.schedule()); c.check(); };
      if (editor.isCreated) start(); else editor.afterCreate(start);
      return () => { stop(); unguard(); };
    },
  }, options);
}

/**
 * UEditor 1.4/1.5: `editor.body` (iframe); an output rule strips our attributes from getContent(),
 * the form's textarea and the undo scenes; form submit guarded (the form UEditor itself syncs,
 * `editor.form`); fixes between two `saveScene`s (one undo step). Tested in UEditor 1.4.3.
 *
 * UEditor's default `autoSyncData: true` copies the content into the form's textarea only when
 * its iframe loses focus (or on setContent), not on submit: a fix applied from a button outside
 * the editor (the editor already blurred) would leave the textarea holding the unfixed content,
 * and the form would post what was not checked. So the adapter syncs after a fix and on every
 * submit it lets through (`editor.sync()`).
 */
export function ueditor(api, editor, options) {
  return createChecker(api, {
    root: () => editor.body || null,
    applyFixes(pairs) {
      editor.fireEvent('saveScene');
      pairs.forEach(([cell, value]) => setCellText(cell, value));
      editor.fireEvent('saveScene');
      editor.fireEvent('contentChange');
      if (editor.form && typeof editor.sync === 'function') editor.sync();
    },
    replaceRun(range, html) {
      editor.fireEvent('saveScene');
      replaceWithTable(editor.body, range, html);
      editor.fireEvent('saveScene');
      editor.fireEvent('contentChange');
      if (editor.form && typeof editor.sync === 'function') editor.sync();
    },
    hooks(c) {
      const onChange = () => c.schedule();
      const onReady = () => c.check();
      editor.addListener('contentChange afterpaste afterSetContent', onChange);
      // UEditor has no way to remove an output rule: after detach() it finds nothing to strip.
      editor.addOutputRule((root) => {
        root.traversal((node) => {
          if (node.type !== 'element' || node.getAttr(ATTRS[0]) === undefined) return;
          const saved = node.getAttr(ATTRS[1]);
          node.setAttr(ATTRS[0]);
          node.setAttr(ATTRS[1]);
          node.setAttr('title', saved);
        });
      });
      const form = editor.form || (editor.textarea && editor.textarea.form) || (editor.container && editor.container.closest && editor.container.closest('form'));
      const unguard = guardForm(form, c, () => { if (typeof editor.sync === 'function') editor.sync(); });
      if (editor.isReady) c.check(); else editor.addListener('ready', onReady);
      return () => {
        editor.removeListener('contentChange afterpaste afterSetContent', onChange);
        editor.removeListener('ready', onReady);
        unguard();
      };
    },
  }, options);
}
