// The editor adapters (js/editors.js) inside the real editors, installed from npm into
// target/editors-e2e (see run.sh), in Debian Chromium driven by playwright-core.
//
// For each editor: load it, fire a real `ClipboardEvent('paste')` carrying a DataTransfer with
// the Word clipboard HTML of the sample report (表三 （一）予以公开 / 总计 is 0, should be 3), and
// check that exactly that cell is highlighted with the right message, that what the editor
// saves carries none of our attributes (and still lints to the same two errors), that the save
// hook blocks publishing, that a fix applied through the adapter changes exactly that cell and
// that the editor's own undo takes it back; that `checker.fixAll()` fixes two wrong 表三 cells as one
// undo step and skips a cell edited since the report ('stale'; UEditor pasteplain: 'no-cell'); and that `checker.checkFile` checks an attachment
// (a `.docx` with two comments) with the checker's options without touching the content — in
// KindEditor through the classic script's `xxgkLint.editors` too; and, in TinyMCE, CKEditor 5 and
// UEditor, that `checker.rebuildTable('三')` on 平潭 2022's page text (pasted as paragraphs) puts a
// real <table> where 表三's text was, as one undo step, the report reading the same.
//
// How the paste reaches each editor:
// - TinyMCE 8, CKEditor 4.22.1, CKEditor 5: the synthetic paste event itself (they read
//   event.clipboardData and insert through their own paste pipelines, Word filters included).
// - KindEditor 4: its paste handler moves the caret into a hidden <div> and waits for the
//   browser's native paste to fill it (then runs its Word filter). A synthetic event has no
//   native default action, so the test performs it — document.execCommand('insertHTML'), what
//   Chromium does for a real paste — right after dispatching the event, and KindEditor's own
//   handler then takes the content from its <div> as it would.
// - wangEditor 5: ignores the synthetic paste (nothing is inserted; asserted below), so the
//   content goes in through its own API, editor.dangerouslyInsertHtml().
// - UEditor 1.4.3: its paste handler moves the caret into a hidden `#baidu_pastebin` and waits
//   for the browser's native paste to fill it (then filterWord, its input rules, `beforepaste`,
//   `afterpaste`). So the test pastes for real: the Word HTML (and its text) on Chromium's
//   clipboard through navigator.clipboard.write, the caret in the editor's iframe body, and
//   Ctrl+V pressed; Ctrl+Z is pressed for its undo too. Twice: UEditor's default config, and
//   `pasteplain: true`, where its filterTxtRules turn every table row into a paragraph — the
//   tables then arrive as text, the first report says TEXT-READERS-LOADING (`pending: 'text'`)
//   and the adapter checks again once the text readers have loaded: the same two errors, but
//   no cell to light up or fix (the findings carry no `cell`). UEditor's page also has a custom
//   save button guarded by `canPublish()`, and its saved content is rendered as the published
//   article by UEditor's own `ueditor.parse.js` (pages/ueditor-view.html) and linted there
//   with `lintElement`: the same findings.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serveDirs } from '../../scripts/serve-demo.mjs';
import { CHROMIUM_ARGS } from '../npm/serve.mjs';

const root = join(import.meta.dirname, '../..');
const scratch = process.env.XXGK_EDITORS ?? join(root, 'target/editors-e2e');
const WORD = readFileSync(join(root, 'tests/fixtures/clipboard/word-xizou-2019.html'), 'utf8');
// The same paste with a second wrong cell: 表三 二、上年结转 / 自然人 1 (should be 0), pinned by
// T3-IDENTITY and T3-ROW-TOTAL, in another row and column than （一）予以公开 / 总计 0 (should be
// 3). Only 表三's cells get a pinned fix (two of its relations meet in one cell; 表四's sums have
// no second relation), so both wrong cells are in 表三.
const WORD2 = (() => {
  const tables = [...WORD.matchAll(/<table/g)].map((m) => m.index);
  const rows = [...WORD.slice(tables[1], tables[2]).matchAll(/<tr/g)].map((m) => m.index + tables[1]);
  const cells = [...WORD.slice(rows[4], rows[5]).matchAll(/<td/g)].map((m) => m.index + rows[4]);
  const at = WORD.indexOf('>0<o:p>', cells[1]);
  if (at < 0 || at > cells[2]) throw new Error('word-xizou-2019.html: 表三 二、上年结转 / 自然人 not where expected');
  return WORD.slice(0, at) + '>1<o:p>' + WORD.slice(at + 7);
})();
// An attachment: 平潭 2022 with two comments left in (a sentence and a 表三 cell).
const COMMENTED = [...readFileSync(join(root, 'tests/fixtures/docx/pingtan-2022.comment.docx'))];
const COMMENTED_RULES = ['DOCX-COMMENTS', 'FMT-HEADING-TEXT', 'DOCX-COMMENTS'];
// A published PDF with two wrong 表四 totals (page 4).
const HONGZE_PDF = [...readFileSync(join(root, 'tests/fixtures/pdf/jiangsu-huaian-hongze-qu-2023.pdf'))];
let server, url, browser;

before(async () => {
  ({ server, url } = await serveDirs({
    '/': join(import.meta.dirname, 'pages'),
    '/pkg/': join(root, 'pkg'),
    '/node_modules/': join(scratch, 'node_modules'),
    // pdf.js, the package's optional peer dependency (the root devDependency), for a PDF attachment.
    '/pdfjs/': join(root, 'node_modules/pdfjs-dist'),
  }));
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  server?.close();
});

const EDITORS = [
  { name: 'tinymce', paste: 'event' },
  { name: 'ckeditor4', paste: 'event' },
  { name: 'ckeditor5', paste: 'event' },
  { name: 'kindeditor', paste: 'event+native-default', classic: true },
  { name: 'wangeditor', paste: 'api' },
  { name: 'ueditor', paste: 'clipboard', classic: true },
  { name: 'ueditor', config: 'pasteplain', paste: 'clipboard', classic: true, tablesAsText: true },
];

/** What a finding says, wherever it was read (the editor's body, the published page, saved HTML). */
const findings = (r) => r.diagnostics.map((d) => [d.severity, d.rule, d.table, d.row, d.column, d.message, d.fix && d.fix.value]);

/** The texts of every table cell in the editor's DOM. */
const cellTexts = () => [...window.harness.root().querySelectorAll('td, th')].map((c) => c.textContent.replace(/[\s\uFEFF\u200B]+/g, ''));

/** Paste `html` into the editor the way that editor takes a paste (see above). */
async function pasteInto(page, html, paste) {
    if (paste === 'clipboard') {
      // What Word puts on the clipboard: the HTML and its text.
      await page.evaluate(async (html) => {
        const div = document.createElement('div');
        div.innerHTML = html;
        document.body.appendChild(div);
        const text = div.innerText;
        div.remove();
        await navigator.clipboard.write([new ClipboardItem({
          'text/html': new Blob([html], { type: 'text/html' }),
          'text/plain': new Blob([text], { type: 'text/plain' }),
        })]);
      }, html);
      await page.evaluate(() => window.harness.focusEnd());
      await page.keyboard.press('Control+V');
    } else {
    const result = await page.evaluate(({ html, nativeDefault }) => {
      const h = window.harness;
      const target = h.pasteTarget();
      const doc = target.ownerDocument;
      const win = doc.defaultView;
      target.focus();
      const range = doc.createRange();
      range.selectNodeContents(target);
      range.collapse(false);
      doc.getSelection().removeAllRanges();
      doc.getSelection().addRange(range);
      const data = new win.DataTransfer();
      data.setData('text/html', html);
      const event = new win.ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
      const prevented = !target.dispatchEvent(event);
      // KindEditor: the browser's default action for a real paste, into where its handler put the caret.
      if (nativeDefault && !prevented) doc.execCommand('insertHTML', false, html);
      return { prevented };
    }, { html, nativeDefault: paste === 'event+native-default' });
    if (paste === 'event') assert.ok(result.prevented, `the editor handles the paste event itself`);
    }

}

for (const { name, config, paste, classic, tablesAsText } of EDITORS) {
  test(config ? `${name} (${config})` : name, async () => {
    // A real paste reads Chromium's clipboard: the page may write it (and the paste read it).
    const context = await browser.newContext({
      viewport: { width: 1200, height: 900 },
      permissions: paste === 'clipboard' ? ['clipboard-read', 'clipboard-write'] : [],
    });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url + name + '.html' + (config ? '?' + config : ''));
    await page.waitForFunction(() => window.ready || window.failed, null, { timeout: 30000 })
      .catch((e) => { throw new Error(e.message + '\n' + errors.join('\n')); });
    assert.equal(await page.evaluate(() => window.failed ?? null), null);

    await pasteInto(page, WORD, paste);

    const inserted = () => page.waitForFunction(() => window.harness.root().textContent.includes('予以公开'), null, { timeout: 5000 }).then(() => true, () => false);
    if (paste === 'api') {
      assert.equal(await inserted(), false, `${name} ignores a synthetic paste (if this fails, it no longer does: test the event path)`);
      await page.evaluate((html) => window.harness.insertHtml(html), WORD);
    }
    assert.ok(await inserted(), `${name}: the report is in the editor`);
    if (paste === 'clipboard') {
      // It went through UEditor's own pipeline, once (its `afterpaste` fired).
      assert.equal(await page.evaluate(() => window.harness.pastes.length), 1);
    }

    if (tablesAsText) {
      // pasteplain: no table reached the editor; the first report waited for the text readers
      // (TEXT-READERS-LOADING, pending 'text'), the adapter checked again when they had loaded.
      await page.waitForFunction(() => {
        const r = window.harness.checker.report;
        return r && !r.pending && r.diagnostics.some((d) => d.rule === 'T3-RESULT-SUM');
      }, null, { timeout: 10000 });
      const seen = await page.evaluate(() => {
        const h = window.harness;
        const r = h.checker.report;
        return {
          tables: h.root().querySelectorAll('table, td').length,
          pending: h.reports,
          errors: r.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.rule, d.table, d.row, d.column, d.actual, d.fix && d.fix.value, d.cell]),
          lit: h.root().querySelectorAll('[data-xxgk-severity]').length,
        };
      });
      assert.equal(seen.tables, 0, 'pasteplain: the tables arrived as text');
      assert.ok(seen.pending.includes('text'), JSON.stringify(seen.pending));
      assert.equal(seen.pending[seen.pending.length - 1], null);
      assert.deepEqual(seen.errors, [
        ['T3-RESULT-SUM', '三', '（一）予以公开', '总计', '0', '3', null],
        ['T3-ROW-TOTAL', '三', '（一）予以公开', '总计', '0', '3', null],
      ]);
      assert.equal(seen.lit, 0, 'no cell to light up');
    } else {

    // The wrong cell lights up, with the right message.
    await page.waitForFunction(() => window.harness.root().querySelector('[data-xxgk-severity]'), null, { timeout: 10000 });
    const lit = await page.evaluate(() => {
      const cells = [...window.harness.root().querySelectorAll('[data-xxgk-severity]')];
      const r = window.harness.checker.report;
      return {
        errors: r.summary.errors,
        rules: r.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.rule, d.row, d.column, d.fix && d.fix.value]),
        cells: cells.map((c) => ({
          severity: c.getAttribute('data-xxgk-severity'),
          text: c.textContent.replace(/[\s\uFEFF\u200B]+/g, ''),
          title: c.getAttribute('title'),
          row: c.closest('tr').textContent.replace(/[\s\uFEFF\u200B]+/g, ''),
        })),
      };
    });
    assert.equal(lit.errors, 2, JSON.stringify(lit));
    assert.deepEqual(lit.rules, [['T3-RESULT-SUM', '（一）予以公开', '总计', '3'], ['T3-ROW-TOTAL', '（一）予以公开', '总计', '3']]);
    // Exactly one cell in error. CKEditor 4 and 5's Word filters drop Word's list numbers
    // ("1." … "3." of 表三's （四） items, `mso-list:Ignore` spans), which the linter rightly
    // reports as label warnings on those cells.
    const warned = lit.cells.filter((c) => c.severity === 'warning');
    assert.ok(warned.every((c) => /标点与规定格式不同/.test(c.title)), JSON.stringify(warned));
    lit.cells = lit.cells.filter((c) => c.severity === 'error');
    assert.equal(lit.cells.length, 1, JSON.stringify(lit.cells));
    assert.equal(lit.cells[0].text, '0');
    assert.match(lit.cells[0].row, /予以公开/);
    assert.match(lit.cells[0].title, /（一）予以公开 \/ 总计」应为 3/);
    }

    // What the editor saves: none of our attributes, and the same findings.
    // (Tables given as text: lint's first report waits for the text readers; the final one counts.)
    const saved = await page.evaluate(async () => {
      const { api, saved } = window.harness;
      const html = saved();
      let r = api.lint(html);
      if (r.pending === 'text') { await api.loadTextReaders(); r = api.lint(html); }
      return { html, errors: r.summary.errors };
    });
    assert.doesNotMatch(saved.html, /data-xxgk|应为 3/);
    assert.equal(saved.errors, 2, 'the saved HTML still has the two errors');
    if (name === 'ueditor') {
      // linted again, the saved HTML gives the editor's findings, and so does the published
      // article: the saved HTML rendered by UEditor's ueditor.parse.js, read by lintElement.
      const again = await page.evaluate((html) => window.harness.api.lint(html), saved.html);
      const inEditor = await page.evaluate(() => window.harness.checker.report);
      assert.deepEqual(findings(again), findings(inEditor));
      const view = await context.newPage();
      view.on('pageerror', (e) => errors.push('view: ' + e.message));
      await view.goto(url + 'ueditor-view.html');
      await view.waitForFunction(() => window.ready, null, { timeout: 10000 });
      const published = await view.evaluate(async (html) => {
        const r = await window.show(html);
        const content = document.getElementById('content');
        // uParse's table styles (a <style id="table">) when there are tables.
        return { r, tables: content.querySelectorAll('table').length, styled: !!document.getElementById('table') };
      }, saved.html);
      assert.deepEqual([published.tables, published.styled], tablesAsText ? [0, false] : [3, true]);
      assert.deepEqual(findings(published.r), findings(inEditor));
      await view.close();
    }

    // The save hook blocks publishing while there are errors.
    assert.equal(await page.evaluate(() => window.harness.checker.confirmPublish()), false);
    if (await page.evaluate(() => !!window.harness.publish)) {
      const before = page.url();
      await page.evaluate(() => window.harness.publish());
      await page.waitForTimeout(300);
      assert.equal(page.url(), before, `${name}: publishing was blocked`);
      assert.equal(await page.evaluate(() => window.ready), true);
    }
    // A custom save button that asks `canPublish()` first saves nothing.
    const button = await page.evaluate(() => !!window.harness.savedByButton);
    if (button) {
      await page.click('#save');
      assert.equal(await page.evaluate(() => window.harness.savedByButton.length), 0);
    }

    if (tablesAsText) {
      // No cell, nothing the adapter can fix in place: fix() says so and changes nothing.
      const refused = await page.evaluate(() => {
        const h = window.harness;
        const before = h.saved();
        const d = h.checker.report.diagnostics.find((x) => x.rule === 'T3-RESULT-SUM');
        return { applied: h.checker.fix(d), same: h.saved() === before };
      });
      assert.deepEqual(refused, { applied: false, same: true });
    } else {

    // The fix, through the adapter: exactly that cell changes.
    const beforeFix = await page.evaluate(cellTexts);
    await page.evaluate(() => {
      const h = window.harness;
      const d = h.checker.report.diagnostics.find((x) => x.rule === 'T3-RESULT-SUM');
      if (!h.checker.fix(d)) throw new Error('fix not applied');
    });
    await page.waitForFunction(() => window.harness.checker.report.summary.errors === 0 && !window.harness.root().querySelector('[data-xxgk-severity="error"]'), null, { timeout: 10000 });
    const afterFix = await page.evaluate(cellTexts);
    assert.equal(afterFix.length, beforeFix.length);
    const changed = afterFix.map((t, i) => [i, beforeFix[i], t]).filter(([, a, b]) => a !== b);
    assert.equal(changed.length, 1, JSON.stringify(changed));
    assert.deepEqual(changed[0].slice(1), ['0', '3']);
    const savedFixed = await page.evaluate(() => {
      const html = window.harness.saved();
      return { clean: !/data-xxgk/.test(html), errors: window.harness.api.lint(html).summary.errors };
    });
    assert.deepEqual(savedFixed, { clean: true, errors: 0 });
    assert.equal(await page.evaluate(() => window.harness.checker.confirmPublish()), true);
    if (button) {
      await page.click('#save');
      const saves = await page.evaluate(() => window.harness.savedByButton);
      assert.equal(saves.length, 1);
      assert.equal(await page.evaluate((html) => window.harness.api.lint(html).summary.errors, saves[0]), 0);
      assert.doesNotMatch(saves[0], /data-xxgk/);
    }
    if (name === 'ueditor') {
      // Clean now, the form submit goes through, posting what was checked: UEditor's textarea
      // (synced by default only when its iframe loses focus) carries the fixed content
      // (answered 204: the page stays for the undo below).
      const posted = new Promise((ok) => page.route('**/submitted', (route) => { ok(route.request().postData()); route.fulfill({ status: 204 }); }));
      await page.evaluate(() => window.harness.publish());
      const content = new URLSearchParams(await posted).get('content');
      assert.ok(content && content.includes('予以公开'), 'the form carries the content');
      assert.doesNotMatch(content, /data-xxgk/);
      assert.equal(content, await page.evaluate(() => window.harness.saved()));
      assert.equal(await page.evaluate((html) => window.harness.api.lint(html).summary.errors, content), 0);
    }

    // The editor's own undo takes the fix back (UEditor: Ctrl+Z pressed in its body).
    if (paste === 'clipboard') {
      await page.evaluate(() => window.harness.focusEnd());
      await page.keyboard.press('Control+Z');
      // UEditor's undo fires contentChange: the adapter lints again and the cell lights up, unasked.
      await page.waitForFunction(() => window.harness.root().querySelector('[data-xxgk-severity="error"]'), null, { timeout: 10000 });
    } else {
      await page.evaluate(() => window.harness.undo());
    }
    await page.waitForFunction(() => { window.harness.checker.check(); return window.harness.checker.report.summary.errors === 2; }, null, { timeout: 10000 });
    assert.deepEqual(await page.evaluate(cellTexts), beforeFix);
    }

    // An attachment checked before publishing: the file's findings, with the checker's options
    // (then `more` over them), handed to onFileReport; the editor's content and report untouched.
    const attachment = await page.evaluate(async (bytes) => {
      const h = window.harness;
      const before = { saved: h.saved(), text: h.root().textContent, report: h.checker.report };
      const fromFile = await h.checker.checkFile(new File([new Uint8Array(bytes)], '附件.docx'));
      h.checker.setOptions({ lang: 'en' });
      const english = await h.checker.checkFile(new Uint8Array(bytes).buffer);
      const chinese = await h.checker.checkFile(new Uint8Array(bytes), { lang: 'zh' });
      h.checker.setOptions({ lang: 'zh' });
      const report = h.checker.report;
      return {
        input: fromFile.input,
        rules: [fromFile, english, chinese].map((r) => r.diagnostics.map((d) => d.rule)),
        comments: [fromFile, english, chinese].map((r) => r.diagnostics.filter((d) => d.rule === 'DOCX-COMMENTS').map((d) => d.message)),
        cell: fromFile.diagnostics[2].cell,
        notified: h.fileReports.map(([r, c]) => [[fromFile, english, chinese].indexOf(r), c === h.checker]),
        unchanged: { saved: h.saved() === before.saved, text: h.root().textContent === before.text, errors: report.summary.errors },
      };
    }, COMMENTED);
    assert.equal(attachment.input, 'docx');
    assert.deepEqual(attachment.rules, [COMMENTED_RULES, COMMENTED_RULES, COMMENTED_RULES]);
    assert.match(attachment.comments[0][0], /留有批注（王芳）：“数据需要再核对”/);
    assert.match(attachment.comments[1][1], /has a comment by 李明/);
    assert.deepEqual(attachment.comments[2], attachment.comments[0]);
    assert.deepEqual(attachment.cell, { table: 1, row: 3, cell: 7 });
    assert.deepEqual(attachment.notified, [[0, true], [1, true], [2, true]]);
    assert.deepEqual(attachment.unchanged, { saved: true, text: true, errors: 2 });

    // A PDF attachment, read through pdf.js where the options say it is.
    const pdfAttachment = await page.evaluate(async (bytes) => {
      const r = await window.harness.checker.checkFile(new Uint8Array(bytes), { pdfjs: '/pdfjs/' });
      return { input: r.input, errors: r.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.rule, d.column, d.expected, d.page]) };
    }, HONGZE_PDF);
    assert.deepEqual(pdfAttachment, { input: 'pdf', errors: [['T4-SUM', '行政复议/总计', '11', 4], ['T4-SUM', '复议后起诉/总计', '5', 4]] });

    // The classic script (the build CMS pages load for KindEditor, CKEditor 4, UEditor): its
    // adapters are bound to `xxgkLint`, whose lintFile loads file.js beside the script.
    if (classic) {
      const viaClassic = await page.evaluate(async ({ name, bytes }) => {
        const h = window.harness;
        const saved = h.saved();
        await window.xxgkLint.init();
        const seen = [];
        const c = window.xxgkLint.editors[name](h.editor, { save: 'off', onFileReport: (r) => seen.push(r) });
        const r = await c.checkFile(new Blob([new Uint8Array(bytes)]));
        c.detach();
        return { rules: r.diagnostics.map((d) => d.rule), notified: seen.length === 1 && seen[0] === r, saved: h.saved() === saved };
      }, { name, bytes: COMMENTED });
      assert.deepEqual(viaClassic, { rules: COMMENTED_RULES, notified: true, saved: true });
    }

    assert.deepEqual(errors, []);
    await context.close();
  });
}

// checker.fixAll(): two wrong cells (WORD2) fixed at once, as one undo step; a stale fix skipped.
for (const { name, config, paste, tablesAsText } of EDITORS) {
  test(`${config ? `${name} (${config})` : name}: fixAll`, async () => {
    const context = await browser.newContext({
      viewport: { width: 1200, height: 900 },
      permissions: paste === 'clipboard' ? ['clipboard-read', 'clipboard-write'] : [],
    });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const open = async () => {
      await page.goto(url + name + '.html' + (config ? '?' + config : ''));
      await page.waitForFunction(() => window.ready || window.failed, null, { timeout: 30000 })
        .catch((e) => { throw new Error(e.message + '\n' + errors.join('\n')); });
      assert.equal(await page.evaluate(() => window.failed ?? null), null);
      if (paste === 'api') await page.evaluate((html) => window.harness.insertHtml(html), WORD2);
      else await pasteInto(page, WORD2, paste);
      // Four errors: two findings pin each wrong cell.
      await page.waitForFunction(() => {
        const r = window.harness.checker.check();
        return r && !r.pending && r.summary.errors === 4;
      }, null, { timeout: 15000 });
    };
    const pinned = (r) => r.map((d) => [d.rule, d.row, d.column, d.actual, d.fix && d.fix.value]);
    const FOUR = [
      ['T3-IDENTITY', '二、上年结转政府信息公开申请数量', '自然人', '1', '0'],
      ['T3-ROW-TOTAL', '二、上年结转政府信息公开申请数量', '自然人', '1', '0'],
      ['T3-RESULT-SUM', '（一）予以公开', '总计', '0', '3'],
      ['T3-ROW-TOTAL', '（一）予以公开', '总计', '0', '3'],
    ];
    await open();

    if (tablesAsText) {
      // pasteplain: no cell to change; every fix is skipped as 'no-cell', nothing changes.
      const res = await page.evaluate(() => {
        const h = window.harness;
        const before = h.saved();
        const { applied, skipped } = h.checker.fixAll();
        return { applied: applied.length, skipped: skipped.map((s) => [s.reason, s.diagnostic.rule, s.diagnostic.row]), same: h.saved() === before, errors: h.checker.report.summary.errors };
      });
      assert.deepEqual(res, { applied: 0, skipped: FOUR.map((f) => ['no-cell', f[0], f[1]]), same: true, errors: 4 });
    } else {
      const beforeFix = await page.evaluate(cellTexts);
      const res = await page.evaluate(() => {
        const { applied, skipped } = window.harness.checker.fixAll();
        return { applied: applied.map((d) => [d.rule, d.row, d.column, d.actual, d.fix.value]), skipped: skipped.length };
      });
      assert.deepEqual(res, { applied: FOUR, skipped: 0 });
      await page.waitForFunction(() => { const r = window.harness.checker.check(); return r.summary.errors === 0 && !r.diagnostics.some((d) => d.table === '三' && d.severity === 'error'); }, null, { timeout: 10000 });
      const afterFix = await page.evaluate(cellTexts);
      assert.equal(afterFix.length, beforeFix.length);
      const changed = afterFix.map((t, i) => [beforeFix[i], t]).filter(([a, b]) => a !== b);
      assert.deepEqual(changed, [['1', '0'], ['0', '3']]);
      const saved = await page.evaluate(() => { const html = window.harness.saved(); return { clean: !/data-xxgk/.test(html), errors: window.harness.api.lint(html).summary.errors }; });
      assert.deepEqual(saved, { clean: true, errors: 0 });

      // ONE undo brings both wrong values back.
      if (paste === 'clipboard') {
        await page.evaluate(() => window.harness.focusEnd());
        await page.keyboard.press('Control+Z');
      } else {
        await page.evaluate(() => window.harness.undo());
      }
      await page.waitForFunction(() => window.harness.checker.check().summary.errors === 4, null, { timeout: 10000 });
      assert.deepEqual(await page.evaluate(cellTexts), beforeFix);
      assert.deepEqual(pinned(await page.evaluate(() => window.harness.checker.report.diagnostics.filter((d) => d.severity === 'error'))), FOUR);

      // A stale fix: 二、上年结转 / 自然人 edited (to 2) after the report, before fixAll: skipped
      // and said; 予以公开 / 总计 fixed.
      const stale = await page.evaluate(() => {
        const h = window.harness;
        const report = h.checker.report;
        const d = report.diagnostics.find((x) => x.rule === 'T3-IDENTITY');
        const cell = h.checker.cell(d);
        const walker = cell.ownerDocument.createTreeWalker(cell, 4);
        let node = null;
        while (walker.nextNode()) if (walker.currentNode.data.includes('1')) { node = walker.currentNode; break; }
        node.data = node.data.replace('1', '2');
        const { applied, skipped } = h.checker.fixAll();
        return {
          applied: applied.map((x) => [x.rule, x.row]),
          skipped: skipped.map((x) => [x.reason, x.diagnostic.rule, x.diagnostic.row]),
        };
      });
      assert.deepEqual(stale, {
        applied: [['T3-RESULT-SUM', '（一）予以公开'], ['T3-ROW-TOTAL', '（一）予以公开']],
        skipped: [['stale', 'T3-IDENTITY', '二、上年结转政府信息公开申请数量'], ['stale', 'T3-ROW-TOTAL', '二、上年结转政府信息公开申请数量']],
      });
      await page.waitForFunction(() => {
        const r = window.harness.checker.check();
        return !r.diagnostics.some((d) => d.row === '（一）予以公开' && d.severity === 'error');
      }, null, { timeout: 10000 });
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
}

// checker.rebuildTable(): 平潭 2022's page text (its tables flattened into runs of text) pasted as
// paragraphs; 表三 and 表四 were read completely from it, so they can be rebuilt. Rebuilding 表三
// puts a real <table> where its text was, the report lints to the same values and findings, and
// ONE undo brings the text back.
const PINGTAN_TEXT = readFileSync(join(root, 'tests/fixtures/fujian-pingtan-zonghe-shiyanqu-2022.page.txt'), 'utf8');
const PINGTAN_PARAGRAPHS = PINGTAN_TEXT.split('\n').filter((l) => l.trim())
  .map((l) => '<p>' + l.replace(/&/g, '&amp;').replace(/</g, '&lt;') + '</p>').join('');
for (const { name, paste } of EDITORS.filter((e) => ['tinymce', 'ckeditor5', 'ueditor'].includes(e.name) && !e.config)) {
  test(`${name}: rebuildTable`, async () => {
    const context = await browser.newContext({
      viewport: { width: 1200, height: 900 },
      permissions: paste === 'clipboard' ? ['clipboard-read', 'clipboard-write'] : [],
    });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url + name + '.html');
    await page.waitForFunction(() => window.ready || window.failed, null, { timeout: 30000 })
      .catch((e) => { throw new Error(e.message + '\n' + errors.join('\n')); });
    assert.equal(await page.evaluate(() => window.failed ?? null), null);
    await pasteInto(page, PINGTAN_PARAGRAPHS, paste);
    // The text readers load on the first report; the adapter checks again then.
    await page.waitForFunction(() => {
      const r = window.harness.checker.report;
      return r && !r.pending && r.tables['三'];
    }, null, { timeout: 15000 });
    const state = () => {
      const h = window.harness;
      const r = h.checker.check();
      return {
        tables: h.root().querySelectorAll('table').length,
        text: h.root().textContent.replace(/[\s\uFEFF\u200B]+/g, ''),
        values: r.tables,
        findings: r.diagnostics.map((d) => [d.severity, d.rule, d.table, d.row, d.column, d.message]),
        rebuildable: h.checker.rebuildable().map((run) => run.table),
      };
    };
    const before = await page.evaluate(state);
    assert.equal(before.tables, 0, 'the tables arrived as text');
    assert.deepEqual(before.rebuildable, ['三', '四']);
    assert.ok(before.values['三'].some((row) => row.row === '（七）总计' && row.values['总计'].value === 75), JSON.stringify(before.values['三']));
    // A table that cannot be rebuilt (表二 was not read completely from this text) is refused.
    assert.equal(await page.evaluate(() => window.harness.checker.rebuildTable('二')), false);

    assert.equal(await page.evaluate(() => window.harness.checker.rebuildTable('三')), true);
    const after = await page.evaluate(state);
    assert.equal(after.tables, 1, 'a real table in place of the text');
    const table = await page.evaluate(async () => {
      // (UEditor's page: the checker runs in the classic script; the test's module loads its own.)
      await window.harness.api.loadTextReaders();
      const t = window.harness.root().querySelector('table');
      const text = window.harness.root().textContent;
      // CKEditor 5 wraps a table in a <figure>.
      const block = t.closest('figure') || t;
      const rendered = document.createElement('template');
      rendered.innerHTML = window.harness.api.tableHtml(window.harness.checker.report, '三');
      return {
        cells: [t.querySelectorAll('td, th').length, rendered.content.querySelectorAll('td, th').length],
        // What comes before and after the table: 表三's heading, then 表四's.
        before: (block.previousElementSibling || { textContent: '' }).textContent.slice(-17),
        after: (block.nextElementSibling || { textContent: '' }).textContent.trimStart().slice(0, 2),
        ours: /data-xxgk/.test(t.outerHTML),
        heading: text.includes('三、收到和处理政府信息公开申请情况'),
      };
    });
    // The editor's table has the rendered table's 215 cells (CKEditor 5 too: the adapter hands it
    // the header rows in a <thead>, or its table model would cut the merged header cells).
    assert.deepEqual(table, { cells: [215, 215], before: '三、收到和处理政府信息公开申请情况', after: '四、', ours: false, heading: true });
    assert.deepEqual(after.values, before.values, 'the same values, now read from cells');
    assert.deepEqual(after.findings, before.findings, 'no new finding');
    assert.deepEqual(after.rebuildable, ['四']);
    // What the editor saves has the table, and lints the same.
    const saved = await page.evaluate(() => {
      const html = window.harness.saved();
      const r = window.harness.api.lint(html);
      return { table: /<table/.test(html), values: r.tables, findings: r.diagnostics.map((d) => [d.severity, d.rule, d.table, d.row, d.column, d.message]) };
    });
    assert.deepEqual(saved, { table: true, values: before.values, findings: before.findings });

    // ONE undo brings the text back.
    if (paste === 'clipboard') {
      await page.evaluate(() => window.harness.focusEnd());
      await page.keyboard.press('Control+Z');
    } else {
      await page.evaluate(() => window.harness.undo());
    }
    await page.waitForFunction(() => window.harness.root().querySelectorAll('table').length === 0, null, { timeout: 10000 });
    assert.deepEqual(await page.evaluate(state), before);
    assert.deepEqual(errors, []);
    await context.close();
  });
}
