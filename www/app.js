// The xxgk-lint demo page: paste a report into the editing area, or drop or choose a file,
// see the findings and the wrong cells. Plain DOM, no framework. Everything the user pastes
// stays inside #editor; a Word file is shown read-only in #document, built from the reader's
// records (docview.js), a PDF as pdf.js draws its pages (pdfview.js, loaded with pdf.js on the
// first PDF); findings are written with textContent only.
import * as api from './pkg/web/index.js';
import { createChecker, summaryText, cellTextRange } from './pkg/web/editors.js';
import { decodeBytes } from './pkg/web/decode.js';
import { renderRecords } from './docview.js';

const $ = (id) => document.getElementById(id);
const editor = $('editor');
const findingsBox = $('findings');
const summaryBox = $('summary');
const langSelect = $('lang');
const formatSelect = $('format');
const fileView = $('fileview');
const documentBox = $('document');
const refusalBox = $('refusal');
/** pdf.js: the package's devDependency pdfjs-dist, served here (scripts/serve-demo.mjs). */
const PDFJS = '/pdfjs/';

const UI = {
  zh: {
    title: '政府信息公开工作年度报告检查', lang: '语言', format: '格式', auto: '自动识别', f2019: '2019 年格式', f2021: '2021 年格式',
    sample: '载入示例', clear: '清空', findings: '检查结果', footer: 'xxgk-lint', choose: '选择文件', back: '返回编辑区',
    hint: '把年报从 Word、WPS、Excel 或网页粘贴到左侧（也可粘贴纯文本），或把 PDF、Word 文件（.docx）或 .html / .txt 文件拖到左侧、点“选择文件”。内容只在本机浏览器中检查，不会上传。',
    showingEditor: '正在显示：编辑区中的内容（可编辑）', showingFile: (name) => '正在显示：文件“' + name + '”（只读）',
    reading: (name) => '正在读取“' + name + '”…', unreadable: (name) => '无法读取文件“' + name + '”',
    editorLabel: '在此粘贴年报', loading: '正在载入检查程序…', none: '没有发现问题。',
    sev: { error: '错误', warning: '警告', info: '提示' },
    fix: (v) => '改为 ' + v, values: (a, e) => (a === null ? '' : '现为 ' + a + '，') + '应为 ' + e,
    locate: '点击定位到单元格',
    fixAll: (n) => '全部修正（' + n + ' 处）',
    rebuild: (table) => '重建规范表格（表' + table + '）',
    fixedAll: (n) => '已修正 ' + n + ' 处。',
    skippedStale: (where) => '未修正「' + where + '」：单元格已被改动，请重新检查后再修正。',
    skippedCell: (where) => '未修正「' + where + '」：在编辑区中找不到该单元格。',
  },
  en: {
    title: 'Government information disclosure annual report checker', lang: 'Language', format: 'Format', auto: 'Auto-detect', f2019: '2019 format', f2021: '2021 format',
    sample: 'Load the sample', clear: 'Clear', findings: 'Findings', footer: 'xxgk-lint', choose: 'Choose a file', back: 'Back to the editor',
    hint: 'Paste a report from Word, WPS, Excel or a web page on the left (or plain text), or drop a PDF, a Word file (.docx) or an .html / .txt file there, or choose one. It is checked in this browser only; nothing is uploaded.',
    showingEditor: 'Showing: the content of the editor (editable)', showingFile: (name) => 'Showing: the file “' + name + '” (read-only)',
    reading: (name) => 'Reading “' + name + '”…', unreadable: (name) => 'Cannot read the file “' + name + '”',
    editorLabel: 'Paste a report here', loading: 'Loading the checker…', none: 'No problems found.',
    sev: { error: 'error', warning: 'warning', info: 'info' },
    fix: (v) => 'Change to ' + v, values: (a, e) => (a === null ? '' : 'is ' + a + ', ') + 'should be ' + e,
    locate: 'Click to go to the cell',
    fixAll: (n) => 'Fix all (' + n + ')',
    rebuild: (table) => 'Rebuild table ' + table + ' in the official format',
    fixedAll: (n) => n + ' fixed.',
    skippedStale: (where) => 'Not fixed: 「' + where + '」, the cell was edited since; check again first.',
    skippedCell: (where) => 'Not fixed: 「' + where + '」, the cell is not in the editor.',
  },
};

let lang = 'zh';
let pristine = true; // the editor still holds the untouched sample: a paste replaces it
let checker = null;
// The Word file or PDF shown instead of the editor, or null: { name, bytes, report, view }
// (view: the rendered document, null when the file could not be read).
let shown = null;
// What the last "fix all" did, shown above the findings until the next edit: [text] or null.
let fixAllNote = null;
let fileJob = 0; // the latest file read or re-check; older ones are dropped when they finish

function t() { return UI[lang]; }

function applyUi() {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t()[el.getAttribute('data-i18n')];
  editor.setAttribute('aria-label', t().editorLabel);
  document.title = 'xxgk-lint — ' + t().title;
  $('showing').textContent = shown ? t().showingFile(shown.name) : t().showingEditor;
}

function text(tag, cls, value) {
  const el = document.createElement(tag);
  if (cls) el.className = cls;
  el.textContent = value;
  return el;
}

/** Scroll to a finding's cell: in the editing area, selecting its text; in a file, marking it a moment. */
function reveal(d) {
  if (shown) {
    const el = located(d);
    if (!el) return;
    el.scrollIntoView({ block: 'center', behavior: 'smooth' });
    el.classList.add('located');
    setTimeout(() => el.classList.remove('located'), 1500);
    return;
  }
  const cell = checker.cell(d);
  if (!cell) return;
  cell.scrollIntoView({ block: 'center', behavior: 'smooth' });
  const sel = document.getSelection();
  sel.removeAllRanges();
  sel.addRange(cellTextRange(cell));
}

/** A finding's place in the file shown: its box on a PDF's page; a Word file's cell, else its paragraph. */
function located(d) {
  const view = shown && shown.view;
  if (!view) return null;
  if (view.find) return view.find(d);
  return api.findCell(view.root, view.treeCell(d.cell)) || view.paragraphAt(d.paragraph);
}

function render(report) {
  const s = report.summary;
  summaryBox.textContent = summaryText(report);
  summaryBox.className = 'summary' + (s.errors ? ' bad' : '');
  findingsBox.replaceChildren();
  if (fixAllNote && !shown) {
    const note = document.createElement('div');
    note.className = 'fixall-note';
    note.setAttribute('role', 'status');
    for (const line of fixAllNote) note.append(text('p', '', line));
    findingsBox.append(note);
  }
  // Every pinned fix at once (one undo step in the editors; here, one per cell), counted by cell.
  const fixable = shown ? 0 : new Set(report.diagnostics.filter((d) => d.fix && d.cell).map((d) => JSON.stringify(d.cell))).size;
  if (fixable) {
    const all = text('button', 'fix-all', t().fixAll(fixable));
    all.type = 'button';
    all.id = 'fix-all';
    all.addEventListener('click', () => {
      pristine = false;
      const places = (list) => new Set(list.map((d) => JSON.stringify(d.cell))).size;
      const where = (d) => [d.row, d.column].filter(Boolean).join(' / ');
      fixAllNote = null;
      const { applied, skipped } = checker.fixAll();
      const seen = new Set();
      const note = [t().fixedAll(places(applied))];
      for (const { diagnostic: d, reason } of skipped) {
        const key = JSON.stringify(d.cell) + reason;
        if (seen.has(key)) continue;
        seen.add(key);
        note.push(reason === 'stale' ? t().skippedStale(where(d)) : t().skippedCell(where(d)));
      }
      fixAllNote = note;
      render(checker.report);
    });
    findingsBox.append(all);
  }
  // A table read completely from text without cells: replaced by the official table (one undo step).
  for (const run of shown ? [] : checker.rebuildable()) {
    const rebuild = text('button', 'rebuild', t().rebuild(run.table));
    rebuild.type = 'button';
    rebuild.dataset.table = run.table;
    rebuild.addEventListener('click', () => {
      pristine = false;
      fixAllNote = null;
      checker.rebuildTable(run.table);
      render(checker.report);
    });
    findingsBox.append(rebuild);
  }
  if (!report.diagnostics.length) {
    findingsBox.append(text('p', 'none', t().none));
    return;
  }
  // Grouped by table, in the report's order: whole report, 表二, 表三, 表四.
  const order = [null, '二', '三', '四'];
  const groups = new Map();
  for (const d of report.diagnostics) {
    const key = order.includes(d.table) ? d.table : null;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(d);
  }
  for (const key of order) {
    const list = groups.get(key);
    if (!list) continue;
    const group = document.createElement('section');
    group.className = 'group';
    // The group's title as the checker names it, in the report's language.
    group.append(text('h3', '', report.titles[key === null ? 'whole' : key] || key));
    const ul = document.createElement('ul');
    for (const d of list) {
      const li = document.createElement('li');
      li.className = 'finding ' + d.severity;
      li.tabIndex = 0;
      li.dataset.rule = d.rule;
      const head = document.createElement('div');
      head.append(text('span', 'sev', t().sev[d.severity] || d.severity), text('span', 'rule', d.rule));
      li.append(head);
      if (d.row || d.column) li.append(text('span', 'where', [d.row, d.column].filter(Boolean).join(' / ')));
      if (d.expected !== null && d.expected !== undefined) li.append(text('span', 'values', t().values(d.actual ?? null, d.expected)));
      li.append(text('span', 'message', d.message));
      if (shown ? located(d) : d.cell) {
        li.title = t().locate;
        li.addEventListener('click', () => reveal(d));
        li.addEventListener('keydown', (e) => { if (e.key === 'Enter') reveal(d); });
      }
      // A file is shown read-only: its findings have nothing to fix in the editor.
      if (d.fix && d.cell && !shown) {
        const button = text('button', 'fix', t().fix(d.fix.value));
        button.type = 'button';
        button.addEventListener('click', (e) => {
          e.stopPropagation();
          pristine = false;
          checker.fix(d);
        });
        li.append(button);
      }
      ul.append(li);
    }
    group.append(ul);
    findingsBox.append(group);
  }
}

/** Pasted HTML, made inert: parsed by DOMParser (no scripts run), active content removed. */
function sanitize(html) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const el of doc.querySelectorAll('script, style, link, meta, base, iframe, frame, object, embed, form, input, button, textarea, select, template, svg, math, video, audio')) el.remove();
  for (const el of doc.body.querySelectorAll('*')) {
    for (const attr of [...el.attributes]) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on') || name === 'contenteditable' || name === 'id' || name === 'srcset') el.removeAttribute(attr.name);
      else if ((name === 'href' || name === 'src' || name === 'action' || name === 'xlink:href') && !/^(https?:|data:image\/|#)/i.test(attr.value.trim())) el.removeAttribute(attr.name);
    }
  }
  return doc.body.innerHTML;
}

/** Put content into the editor: replacing the sample (or everything) or at the caret. */
function insert({ html, plain, replace }) {
  editor.focus();
  const sel = document.getSelection();
  const inside = sel.rangeCount && editor.contains(sel.getRangeAt(0).commonAncestorContainer);
  if (replace || pristine || !inside) {
    const all = document.createRange();
    all.selectNodeContents(editor);
    sel.removeAllRanges();
    sel.addRange(all);
  }
  pristine = false;
  // execCommand keeps the change on the browser's undo stack; the content stays in #editor.
  if (html !== undefined) document.execCommand('insertHTML', false, sanitize(html));
  else document.execCommand('insertText', false, plain);
  checker.check();
}

editor.addEventListener('paste', (e) => {
  const data = e.clipboardData;
  if (!data) return;
  const html = data.getData('text/html');
  const plain = data.getData('text/plain');
  if (!html && !plain) return; // an image or a file: let the browser do what it does
  e.preventDefault();
  if (html) insert({ html });
  else insert({ plain });
});

/** A report that only says why the file cannot be read. */
const refused = (report) => report.diagnostics.length === 1 && /^INPUT-|^INTERNAL-ERROR$/.test(report.diagnostics[0].rule);

/** Check a file's bytes: the page's options, and pdf.js for a PDF. */
const lintFile = (bytes) => api.lintFile(bytes, { ...options(), pdfjs: PDFJS });

/**
 * A dropped or chosen file, told apart by its content (lintFile): a Word file or a PDF is
 * shown read-only with its findings; text or HTML goes into the editor, decoded as lintFile
 * decoded it; a file that cannot be read shows why.
 */
async function openFile(file) {
  const job = ++fileJob;
  const name = file.name || 'file';
  summaryBox.textContent = t().reading(name);
  summaryBox.className = 'summary busy';
  const asked = options();
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const report = await lintFile(bytes);
    if (job !== fileJob) return;
    let view = null;
    if (report.input === 'pdf' && !refused(report)) {
      // The pdf.js lintFile has just loaded, drawing the pages this time.
      const { openPdf } = await import('./pdfview.js');
      view = await openPdf(bytes, PDFJS, fileView);
      if (job !== fileJob) {
        view.destroy();
        return;
      }
    } else if (report.input === 'docx' && !refused(report)) {
      // The same reader lintFile used (the module is already loaded): its records, drawn.
      const { docxRecords } = await import('./pkg/web/docx.js');
      const records = await docxRecords(bytes);
      if (job !== fileJob) return;
      if (!records.refusal) view = renderRecords(records);
    } else if (!refused(report)) {
      showEditor();
      const { text: content = '' } = decodeBytes(bytes);
      insert(report.input === 'html' ? { html: content, replace: true } : { plain: content, replace: true });
      return;
    }
    showFile({ name, bytes, report, view });
    if (asked.lang !== lang || asked.format !== formatSelect.value) recheckFile();
  } catch (e) {
    if (job !== fileJob) return;
    summaryBox.textContent = t().unreadable(name) + ': ' + ((e && e.message) || e);
    summaryBox.className = 'summary bad';
  }
}

/** Stop drawing the file shown (a PDF's pages), if any. */
function dropFile() {
  if (shown && shown.view && shown.view.destroy) shown.view.destroy();
  shown = null;
}

/** Show a file instead of the editor. */
function showFile(state) {
  dropFile();
  shown = state;
  editor.hidden = true;
  fileView.hidden = false;
  $('back').hidden = false;
  documentBox.replaceChildren(...(state.view ? [state.view.root] : []));
  fileView.scrollTop = 0;
  applyUi();
  renderFile();
}

/** Back to the editing area and its findings. */
function showEditor() {
  fileJob++;
  dropFile();
  fileView.hidden = true;
  documentBox.replaceChildren();
  editor.hidden = false;
  $('back').hidden = true;
  applyUi();
  checker.check();
}

/** Check the file shown again (the language or format changed). */
async function recheckFile() {
  const state = shown;
  if (!state) return;
  const job = ++fileJob;
  const report = await lintFile(state.bytes);
  if (job !== fileJob || shown !== state) return;
  state.report = report;
  renderFile();
}

const SEVERITY_ORDER = ['error', 'warning', 'info'];

/**
 * The findings by the place `placeOf(d)` gives (a key; null: none), each place with its most
 * severe severity, its messages and its findings.
 */
function byPlace(diagnostics, placeOf) {
  const marked = new Map();
  for (const d of diagnostics) {
    const place = placeOf(d);
    if (place === null) continue;
    const entry = marked.get(place) || { severity: d.severity, messages: [], findings: [] };
    if (SEVERITY_ORDER.indexOf(d.severity) < SEVERITY_ORDER.indexOf(entry.severity)) entry.severity = d.severity;
    entry.messages.push(d.message);
    entry.findings.push(d);
    marked.set(place, entry);
  }
  return marked;
}

/**
 * The file's findings: a PDF's places boxed on its pages; a Word file's cells lit (the
 * package's highlight) and its paragraphs marked; then the list.
 */
function renderFile() {
  const { name, report, view } = shown;
  refusalBox.hidden = !!view;
  if (!view) {
    render(report);
    refusalBox.textContent = report.diagnostics.map((d) => d.message).join('\n');
    summaryBox.textContent = t().unreadable(name);
    summaryBox.className = 'summary bad';
    return;
  }
  if (view.mark) {
    view.mark(byPlace(report.diagnostics, (d) => (d.page && d.bbox ? d.page + ':' + d.bbox.join(',') : null)).values());
    render(report);
    return;
  }
  // Findings name the file's cells; the view's cells are the tree's.
  api.highlight(view.root, Object.assign({}, report, {
    diagnostics: report.diagnostics.map((d) => Object.assign({}, d, { cell: view.treeCell(d.cell) })),
  }));
  // A finding with no cell (a paragraph's tracked change or comment, the title) marks its paragraph.
  for (const el of view.root.querySelectorAll('[data-finding]')) {
    el.removeAttribute('data-finding');
    el.removeAttribute('title');
  }
  const marked = byPlace(report.diagnostics, (d) => (view.treeCell(d.cell) ? null : view.paragraphAt(d.paragraph)));
  for (const [p, entry] of marked) {
    p.setAttribute('data-finding', entry.severity);
    p.setAttribute('title', entry.messages.join('\n'));
  }
  render(report);
}

const contentArea = document.querySelector('section.content');
contentArea.addEventListener('dragover', (e) => { if (e.dataTransfer && [...e.dataTransfer.types].includes('Files')) e.preventDefault(); });
contentArea.addEventListener('drop', (e) => {
  const file = e.dataTransfer && e.dataTransfer.files[0];
  if (!file) return;
  e.preventDefault();
  openFile(file);
});
$('file').addEventListener('change', (e) => {
  const file = e.target.files[0];
  e.target.value = ''; // the same file chosen again is read again
  if (file) openFile(file);
});
$('back').addEventListener('click', showEditor);

editor.addEventListener('input', () => { pristine = false; });

async function loadSample() {
  const html = await (await fetch('sample.html')).text();
  editor.innerHTML = html; // our own file, into the editing area only
  pristine = true;
  checker.check();
}

function options() {
  return { lang, format: formatSelect.value };
}

langSelect.addEventListener('change', () => {
  lang = langSelect.value;
  applyUi();
  checker.setOptions(options());
  recheckFile();
});
formatSelect.addEventListener('change', () => {
  checker.setOptions(options());
  recheckFile();
});
$('sample').addEventListener('click', () => {
  if (shown) showEditor();
  loadSample();
});
$('clear').addEventListener('click', () => {
  if (shown) showEditor();
  editor.focus();
  document.execCommand('selectAll');
  document.execCommand('delete');
  pristine = false;
  checker.check();
});

applyUi();
summaryBox.textContent = t().loading;
summaryBox.className = 'summary busy';
await api.init();
$('version').textContent = api.version;
checker = createChecker(api, {
  root: () => editor,
  applyFix(cell, value) {
    // Select the cell's text and type over it: Ctrl+Z undoes the fix.
    editor.focus();
    const sel = document.getSelection();
    sel.removeAllRanges();
    sel.addRange(cellTextRange(cell));
    document.execCommand('insertText', false, value);
  },
  replaceRun(range, html) {
    // Select the text run and insert the table over it: Ctrl+Z takes it back.
    editor.focus();
    const sel = document.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
    document.execCommand('insertHTML', false, html);
  },
  hooks(c) {
    editor.addEventListener('input', () => { fixAllNote = null; c.schedule(); });
  },
}, { lint: options(), onReport: (report) => { if (!shown) render(report); }, delay: 300 });
window.xxgkDemo = { checker, api, shown: () => shown };
await loadSample();
document.body.dataset.ready = 'true';
