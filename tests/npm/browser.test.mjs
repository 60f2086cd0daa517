// The packed package in a real browser (Debian Chromium, driven by playwright-core): a plain
// `<script type="module">` page with an import map and a strict CSP, the classic-script
// build, `lintElement` on a live editable element, highlighting, and the DOMParser path
// giving the same findings as the Node build on every fixture.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { chromium } from 'playwright-core';
import { FIXTURES, nativeReports, comparable } from './expected.mjs';
import { serve, CHROMIUM_ARGS } from './serve.mjs';

const root = process.env.XXGK_ROOT;
const scratch = process.cwd();
let server, url, browser, page;

const IMPORT_MAP = '{"imports": {"xxgk-lint": "./node_modules/xxgk-lint/pkg/web/index.js"}}';
// Only 'self' and 'wasm-unsafe-eval' (plus the import map's own hash: an inline import map is
// an inline script to CSP).
const csp = (extra = '') => `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'${extra}">`;
const CSP = csp();
const MAP_HASH = createHash('sha256').update(IMPORT_MAP).digest('base64');

before(async () => {
  mkdirSync(join(scratch, 'site/fixtures'), { recursive: true });
  cpSync(join(scratch, 'node_modules/xxgk-lint'), join(scratch, 'site/node_modules/xxgk-lint'), { recursive: true });
  for (const f of FIXTURES) writeFileSync(join(scratch, 'site/fixtures', f.replaceAll('/', '__')), readFileSync(join(root, f)));
  writeFileSync(join(scratch, 'site/index.html'), `<!doctype html><html><head><meta charset="utf-8">${csp(` 'sha256-${MAP_HASH}'`)}
<script type="importmap">${IMPORT_MAP}</script>
<script type="module" src="./main.js"></script></head><body><div id="editor" contenteditable="true"></div></body></html>`);
  writeFileSync(join(scratch, 'site/main.js'), `import * as api from 'xxgk-lint';
await api.init();
window.api = api;
window.ready = true;`);
  writeFileSync(join(scratch, 'site/classic.html'), `<!doctype html><html><head><meta charset="utf-8">${CSP}
<script src="./node_modules/xxgk-lint/pkg/classic/xxgk-lint.js"></script><script src="./classic.js"></script></head><body></body></html>`);
  writeFileSync(join(scratch, 'site/classic.js'), `xxgkLint.init().then(function () { window.ready = true; });`);
  ({ server, url } = await serve(join(scratch, 'site')));
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(url);
  await page.waitForFunction(() => window.ready === true, null, { timeout: 20000 }).catch((e) => { throw new Error(e.message + ' ' + errors.join('\n')); });
});

after(async () => {
  await browser?.close();
  server?.close();
});

test('the DOMParser path gives the Node build\'s findings on every fixture, with the first module and then the second, in Chinese and English', async () => {
  const native = nativeReports(root);
  const nativeEn = nativeReports(root, 'en');
  // Fetched first, then checked in one synchronous run: the second module, whose load the
  // first pending report starts, cannot arrive in the middle of it.
  // Each in Chinese and in English; and whether rules('en') throws.
  const lintAll = (names) => page.evaluate(async (names) => {
    const inputs = await Promise.all(names.map(async (name) => (await fetch('fixtures/' + name)).text()));
    const zh = inputs.map((input) => window.api.lint(input));
    const en = inputs.map((input) => window.api.lint(input, { lang: 'en' }));
    let rulesEn;
    try { rulesEn = window.api.rules('en').find((r) => r.id === 'T3-ROW-TOTAL').description; } catch (e) { rulesEn = e.message; }
    return { zh, en, rulesEn };
  }, names);
  const names = FIXTURES.map((f) => f.replaceAll('/', '__'));
  // The page has loaded the first module only: what it reads from cells it checks alone, with
  // the Node build's findings; the rest says TEXT-READERS-LOADING and starts loading the second.
  const { zh: first, en: english, rulesEn } = await lintAll(names);
  const pending = [];
  FIXTURES.forEach((f, i) => {
    const report = first[i];
    if (report.pending) {
      assert.equal(report.pending, 'text', f);
      assert.deepEqual(report.diagnostics.map((d) => d.rule), ['TEXT-READERS-LOADING'], f);
      assert.equal(report.summary.errors, 1, f);
      pending.push(f);
    } else {
      assert.deepEqual(comparable(report), comparable(native[f]), f);
    }
  });
  // Text always needs the second module; a Word or WPS paste (tables as cells) never does.
  for (const f of FIXTURES) {
    if (!f.endsWith('.html')) assert.ok(pending.includes(f), f + ' is text: the first module cannot read it');
    if (f.startsWith('tests/fixtures/clipboard/')) assert.ok(!pending.includes(f), f + ' has its tables as cells');
  }
  console.log(`first module alone: ${FIXTURES.length - pending.length} of ${FIXTURES.length} fixtures checked; HTML needing the text readers: ${pending.filter((f) => f.endsWith('.html')).join(', ') || 'none'}`);
  // The English is in the second module only: every English report is pending, and says so
  // in English; rules('en') throws.
  FIXTURES.forEach((f, i) => {
    assert.equal(english[i].pending, 'text', f);
    assert.deepEqual(english[i].diagnostics.map((d) => [d.rule, d.messageId]), [['TEXT-READERS-LOADING', 'TEXT-READERS-LOADING/english']], f);
    assert.match(english[i].diagnostics[0].message, /^the English messages come with the checker's second module, which is loading/, f);
  });
  assert.match(rulesEn, /needs the second module/);
  // The first pending report started the load; once it is there, every fixture has the Node
  // build's findings.
  await page.evaluate(() => window.api.loadTextReaders());
  const { zh: second, en: secondEn, rulesEn: rulesEnAfter } = await lintAll(names);
  FIXTURES.forEach((f, i) => {
    const report = second[i];
    if (f.endsWith('.html')) {
      // The browser keeps no source offsets: excerpts of HTML findings agree, spans are null.
      assert.ok(report.diagnostics.every((d) => d.span === null), f);
    }
    assert.equal(report.pending, undefined, f);
    assert.deepEqual(comparable(report), comparable(native[f]), f);
  });
  // And in English, as the Node build words it.
  FIXTURES.forEach((f, i) => assert.deepEqual(comparable(secondEn[i]), comparable(nativeEn[f]), f));
  assert.equal(rulesEnAfter, 'Table 三, each row: total = sum of the six applicant columns');
});

test('tableHtml rebuilds a text report\'s tables, which check again to the same table errors, none with the fixes', async () => {
  const r = await page.evaluate(async () => {
    const seed = await (await fetch('fixtures/tests__fixtures__xizou-2019.txt')).text();
    await window.api.loadTextReaders();
    const report = window.api.lint(seed);
    const headings = { '二': '二、主动公开政府信息情况', '三': '三、收到和处理政府信息公开申请情况', '四': '四、政府信息公开行政复议、行政诉讼情况' };
    const rebuilt = (applyFixes) => '<p>' + report.title + '</p>' +
      ['二', '三', '四'].map((t) => '<p>' + headings[t] + '</p>' + window.api.tableHtml(report, t, { applyFixes })).join('');
    const key = (r) => r.diagnostics.filter((d) => d.table && d.severity === 'error')
      .map((d) => [d.rule, d.table, d.row, d.column, d.expected, d.actual].join('|')).sort();
    const html = window.api.tableHtml(report, '三');
    return {
      before: key(report), again: key(window.api.lint(rebuilt(false))), fixed: key(window.api.lint(rebuilt(true))),
      ours: /class=|data-|style=/.test(html), none: window.api.tableHtml(report, '五'),
    };
  });
  assert.ok(r.before.some((k) => k.startsWith('T3-ROW-TOTAL|三|（一）予以公开|总计|3|0')), r.before.join('\n'));
  assert.deepEqual(r.again, r.before);
  assert.deepEqual(r.fixed, []);
  assert.equal(r.ours, false);
  assert.equal(r.none, null);
});

test('lintElement on a live editable element, highlight and clearHighlight', async () => {
  const html = readFileSync(join(root, 'tests/fixtures/clipboard/word-xizou-2019.html'), 'utf8');
  const result = await page.evaluate((source) => {
    const editor = document.getElementById('editor');
    // What an editor does with a paste: the body's content into its editable element.
    editor.innerHTML = new DOMParser().parseFromString(source, 'text/html').body.innerHTML;
    const before = editor.innerHTML;
    const report = window.api.lintElement(editor);
    const marked = window.api.highlight(editor, report);
    const cells = [...editor.querySelectorAll('[data-xxgk-severity]')].map((td) => ({
      severity: td.getAttribute('data-xxgk-severity'),
      title: td.getAttribute('title'),
      text: td.textContent.trim(),
      row: td.parentElement.querySelector('td:nth-child(2)')?.textContent.trim(),
    }));
    const saved = window.api.stripHighlight(editor.innerHTML);
    window.api.clearHighlight(editor);
    return { errors: report.summary.errors, marked, cells, restored: editor.innerHTML === before, savedClean: saved === before };
  }, html);
  assert.equal(result.errors, 2);
  assert.equal(result.marked, 1);
  assert.equal(result.cells.length, 1);
  assert.equal(result.cells[0].severity, 'error');
  assert.equal(result.cells[0].text, '0');
  assert.match(result.cells[0].title, /（一）予以公开 \/ 总计」应为 3/);
  assert.ok(result.restored, 'clearHighlight leaves the content as it was');
  assert.ok(result.savedClean, 'stripHighlight removes our attributes from saved HTML');
});

test('a trap does not take the module down for the page', async () => {
  const result = await page.evaluate(async () => {
    // Both modules (the page loaded the second in the test above): the same glue files the
    // facade loaded, so the same instances.
    const first = await import('./node_modules/xxgk-lint/pkg/web/xxgk_lint.js');
    const second = await import('./node_modules/xxgk-lint/pkg/web/xxgk_lint_text.js');
    const core = await import('./node_modules/xxgk-lint/pkg/web/core.js');
    const failed = [first, second].map((glue) => core.guarded(glue, () => glue.__panicForTest()).diagnostics[0].rule);
    const seed = await (await fetch('fixtures/tests__fixtures__xizou-2019.txt')).text();
    const word = await (await fetch('fixtures/tests__fixtures__clipboard__word-xizou-2019.html')).text();
    return { failed, after: [window.api.lint(seed).summary.errors, window.api.lint(word).summary.errors] };
  });
  assert.deepEqual(result, { failed: ['INTERNAL-ERROR', 'INTERNAL-ERROR'], after: [2, 2] });
});

test('ruleDoc() fetches the rule docs on first use, not with the module', async () => {
  const r = await page.evaluate(async () => {
    const before = performance.getEntriesByType('resource').some((e) => e.name.endsWith('rule-docs.json'));
    const zh = await window.api.ruleDoc('T3-ROW-TOTAL');
    const en = await window.api.ruleDoc('T3-ROW-TOTAL', 'en');
    const unknown = await window.api.ruleDoc('NO-SUCH-RULE').then(() => 'resolved', (e) => e.message);
    return { before, zh, en, unknown };
  });
  assert.equal(r.before, false, 'init() and lint() do not load the docs');
  assert.match(r.zh, /^# T3-ROW-TOTAL — 表三各行[\s\S]*## 检查内容/);
  assert.match(r.en, /## What it checks[\s\S]*## Why[\s\S]*## Example/);
  assert.match(r.unknown, /unknown rule/);
});

test('the classic-script build defines window.xxgkLint', async () => {
  const p = await browser.newPage();
  await p.goto(url + 'classic.html');
  await p.waitForFunction(() => window.ready === true, null, { timeout: 20000 });
  const r = await p.evaluate(async () => {
    const seed = await (await fetch('fixtures/tests__fixtures__xizou-2019.txt')).text();
    const word = await (await fetch('fixtures/tests__fixtures__clipboard__word-xizou-2019.html')).text();
    const doc = await xxgkLint.ruleDoc('CELL-BLANK', 'en');
    const html = xxgkLint.lint(word).summary.errors;
    // Text before the second module: pending; the script loads it from beside itself.
    const pending = xxgkLint.lint(seed).pending;
    await xxgkLint.loadTextReaders();
    return { html, pending, errors: xxgkLint.lint(seed).summary.errors, rules: xxgkLint.rules().length, version: xxgkLint.version, doc };
  });
  assert.equal(r.html, 2);
  assert.equal(r.pending, 'text');
  assert.equal(r.errors, 2);
  assert.match(r.doc, /^# CELL-BLANK/);
  assert.ok(r.rules >= 16);
  assert.match(r.version, /^\d+\.\d+\.\d+$/);
  await p.close();
});

test('init() says clearly when the browser lacks the WebAssembly features', async () => {
  const p = await browser.newPage();
  await p.goto(url + 'classic.html');
  await p.waitForFunction(() => window.ready === true, null, { timeout: 20000 });
  const message = await p.evaluate(async () => {
    // An engine without bulk memory (Chromium before 75, Firefox before 79: an old 兼容模式
    // kernel) fails this check: it refuses memory.fill (0xfc 0x0b), and validates the rest.
    const validate = WebAssembly.validate;
    WebAssembly.validate = (bytes) => {
      const b = new Uint8Array(bytes);
      for (let i = 0; i + 1 < b.length; i++) if (b[i] === 0xfc && b[i + 1] === 0x0b) return false;
      return validate(bytes);
    };
    const api = await import('./node_modules/xxgk-lint/pkg/web/index.js?old-browser');
    try {
      await api.init();
      return 'no error';
    } catch (e) {
      return e.message;
    }
  });
  assert.match(message, /Chrome\/Edge 78\+/);
  assert.match(message, /当前浏览器版本过旧/);
  await p.close();
});
