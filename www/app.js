// The xxgk-lint demo page: paste a report into the editing area, see the findings and the
// wrong cells. Plain DOM, no framework. Everything the user pastes stays inside #editor;
// findings are written with textContent only.
import * as api from './pkg/web/index.js';
import { createChecker, summaryText, cellTextRange } from './pkg/web/editors.js';

const $ = (id) => document.getElementById(id);
const editor = $('editor');
const findingsBox = $('findings');
const summaryBox = $('summary');
const langSelect = $('lang');
const formatSelect = $('format');

const UI = {
  zh: {
    title: '政府信息公开工作年度报告检查', lang: '语言', format: '格式', auto: '自动识别', f2019: '2019 年格式', f2021: '2021 年格式',
    sample: '载入示例', clear: '清空', findings: '检查结果', footer: 'xxgk-lint',
    hint: '把年报从 Word、WPS、Excel 或网页粘贴到左侧（也可粘贴纯文本，或拖入 .html / .txt 文件）。内容只在本机浏览器中检查，不会上传。',
    editorLabel: '在此粘贴年报', loading: '正在载入检查程序…', none: '没有发现问题。',
    sev: { error: '错误', warning: '警告', info: '提示' },
    tables: { '二': '表二 主动公开政府信息情况', '三': '表三 收到和处理政府信息公开申请情况', '四': '表四 政府信息公开行政复议、行政诉讼情况' },
    whole: '全文', fix: (v) => '改为 ' + v, values: (a, e) => (a === null ? '' : '现为 ' + a + '，') + '应为 ' + e,
    locate: '点击定位到单元格',
  },
  en: {
    title: 'Government information disclosure annual report checker', lang: 'Language', format: 'Format', auto: 'Auto-detect', f2019: '2019 format', f2021: '2021 format',
    sample: 'Load the sample', clear: 'Clear', findings: 'Findings', footer: 'xxgk-lint',
    hint: 'Paste a report from Word, WPS, Excel or a web page on the left (or plain text, or drop an .html / .txt file). It is checked in this browser only; nothing is uploaded.',
    editorLabel: 'Paste a report here', loading: 'Loading the checker…', none: 'No problems found.',
    sev: { error: 'error', warning: 'warning', info: 'info' },
    tables: { '二': 'Table 2 — proactive disclosure', '三': 'Table 3 — requests received and handled', '四': 'Table 4 — administrative reconsideration and litigation' },
    whole: 'Whole report', fix: (v) => 'Change to ' + v, values: (a, e) => (a === null ? '' : 'is ' + a + ', ') + 'should be ' + e,
    locate: 'Click to go to the cell',
  },
};

let lang = 'zh';
let pristine = true; // the editor still holds the untouched sample: a paste replaces it
let checker = null;

function t() { return UI[lang]; }

function applyUi() {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t()[el.getAttribute('data-i18n')];
  editor.setAttribute('aria-label', t().editorLabel);
  document.title = 'xxgk-lint — ' + t().title;
}

function text(tag, cls, value) {
  const el = document.createElement(tag);
  if (cls) el.className = cls;
  el.textContent = value;
  return el;
}

/** Scroll the editing area to a finding's cell and select its text. */
function reveal(d) {
  const cell = checker.cell(d);
  if (!cell) return;
  cell.scrollIntoView({ block: 'center', behavior: 'smooth' });
  const sel = document.getSelection();
  sel.removeAllRanges();
  sel.addRange(cellTextRange(cell));
}

function render(report) {
  const s = report.summary;
  summaryBox.textContent = summaryText(report, lang);
  summaryBox.className = 'summary' + (s.errors ? ' bad' : '');
  findingsBox.replaceChildren();
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
    group.append(text('h3', '', key === null ? t().whole : t().tables[key] || key));
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
      if (d.cell) {
        li.title = t().locate;
        li.addEventListener('click', () => reveal(d));
        li.addEventListener('keydown', (e) => { if (e.key === 'Enter') reveal(d); });
      }
      if (d.fix && d.cell) {
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

async function readFile(file) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let s = new TextDecoder('utf-8').decode(bytes);
  // GBK files are common in government offices: fall back when UTF-8 fails badly.
  if ((s.match(/\uFFFD/g) || []).length > 3) {
    try { s = new TextDecoder('gbk').decode(bytes); } catch (_) { /* keep UTF-8 */ }
  }
  return s;
}

editor.addEventListener('dragover', (e) => { if (e.dataTransfer && [...e.dataTransfer.types].includes('Files')) e.preventDefault(); });
editor.addEventListener('drop', async (e) => {
  const file = e.dataTransfer && e.dataTransfer.files[0];
  if (!file) return;
  e.preventDefault();
  const content = await readFile(file);
  if (/\.html?$/i.test(file.name) || /^[\s\uFEFF]*</.test(content)) insert({ html: content, replace: true });
  else insert({ plain: content, replace: true });
});

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
});
formatSelect.addEventListener('change', () => checker.setOptions(options()));
$('sample').addEventListener('click', loadSample);
$('clear').addEventListener('click', () => {
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
  hooks(c) {
    editor.addEventListener('input', () => c.schedule());
  },
}, { lint: options(), onReport: render, delay: 300 });
window.xxgkDemo = { checker, api };
await loadSample();
document.body.dataset.ready = 'true';
