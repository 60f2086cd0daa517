// `xxgk-lint check --html` on a region's batch made from the corpus (the batch tests/cli.rs
// pairs: 平潭 2021–2022, 洪泽 2023–2025 with a broken carry-over and 2024 republished as 2025,
// 淮安 2024 and a copy of it; plus the sample report with its wrong 表三 cell and an encrypted
// Word file), with --csv and --summary-csv in the same run. The page is opened in headless
// Chromium from a file:// URL: it fetches nothing; its charts' numbers (read from the SVG's
// data attributes) and totals equal the CSVs'; the table sorts, filters and lists the
// unreadable file with why; a report's detail lights its wrong cell in the official 表三; it
// prints without its controls; --lang en gives an English page. Takes the README's screenshot
// (target/batch-html/batch-summary.png; with XXGK_UPDATE_SCREENSHOT=1 also docs/batch-summary.png).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync, rmSync, copyFileSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(import.meta.dirname, '../..');
const bin = process.env.XXGK_LINT || join(process.env.CARGO_TARGET_DIR || join(root, 'target'), 'release/xxgk-lint');
const scratch = join(root, 'target/batch-html');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/** The batch, in scratch/reports (the CLI is run from scratch: the page names files reports/…). */
function makeBatch() {
  const dir = join(scratch, 'reports');
  const fixture = (name) => readFileSync(join(root, 'tests/fixtures', name), 'utf8');
  rmSync(dir, { recursive: true, force: true });
  for (const sub of ['pingtan', 'hongze', 'huaian', 'copy', 'xizou', 'other']) mkdirSync(join(dir, sub), { recursive: true });
  const write = (name, text) => writeFileSync(join(dir, name), text);
  write('pingtan/2021.txt', fixture('fujian-pingtan-zonghe-shiyanqu-2021.page.txt'));
  write('pingtan/2022.txt', fixture('fujian-pingtan-zonghe-shiyanqu-2022.page.txt'));
  // 洪泽 2023 with two applications carried to 2024 that 2024 does not carry in.
  const hongze2023 = fixture('jiangsu-huaian-hongze-qu-2023.pdftotext-layout.txt');
  const carried = hongze2023.replace(
    '四、结转下年度继续办理                            0    0   0   0    0    0   0',
    '四、结转下年度继续办理                            2    0   0   0    0    0   2');
  assert.notEqual(carried, hongze2023);
  write('hongze/2023.txt', carried);
  const hongze2024 = fixture('jiangsu-huaian-hongze-qu-2024.pdftotext-layout.txt');
  write('hongze/2024.txt', hongze2024);
  write('hongze/2025.txt', hongze2024.replaceAll('2024', '2025'));
  write('huaian/2024.txt', fixture('jiangsu-huaian-shi-2024.pdftotext-layout.txt'));
  write('copy/淮安市2024年报.txt', fixture('jiangsu-huaian-shi-2024.pdftotext-layout.txt'));
  write('xizou/2019.txt', fixture('xizou-2019.txt'));
  copyFileSync(join(root, 'tests/fixtures/docx/pingtan-2022.encrypted.docx'), join(dir, 'other/encrypted.docx'));
}

/** A CSV file as rows of fields (RFC 4180: quoted fields, doubled quotes), its byte-order mark checked. */
function readCsv(path) {
  let text = readFileSync(path, 'utf8');
  assert.ok(text.startsWith('\ufeff'), 'a byte-order mark');
  text = text.slice(1);
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; } else if (c !== '\r') field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

function check(lang) {
  const out = join(scratch, lang);
  mkdirSync(out, { recursive: true });
  let status = 0;
  try {
    execFileSync(bin, ['check', '--quiet', '--lang', lang, '--json', '--html', `${lang}/page.html`, '--csv', `${lang}/findings.csv`,
      '--summary-csv', `${lang}/summary.csv`, 'reports'], { cwd: scratch, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 });
  } catch (e) {
    status = e.status;
  }
  return { status, page: join(out, 'page.html'), findings: readCsv(join(out, 'findings.csv')), summary: readCsv(join(out, 'summary.csv')) };
}

let browser, zh;
const requests = [];
const problems = [];

before(async () => {
  assert.ok(existsSync(bin), `${bin}: build it first (cargo build --release)`);
  mkdirSync(scratch, { recursive: true });
  makeBatch();
  zh = check('zh');
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
});

async function open(path) {
  const page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  await page.goto(pathToFileURL(path).href);
  await page.waitForSelector('body[data-ready]', { timeout: 30000 });
  return page;
}

/** The table's rows as shown: [organ, year, format, errors, warnings, tables, verdict, file]. */
const shownRows = (page) => page.$$eval('#list tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent)));

test('the run exits 2 (an unreadable file) and writes the page, the CSVs and no spool', () => {
  assert.equal(zh.status, 2);
  assert.ok(!existsSync(zh.page + '.part') && !existsSync(zh.page + '.details.part'), 'the spools are removed');
  const html = readFileSync(zh.page, 'utf8');
  assert.doesNotMatch(html, /<script[^>]+src=|<link[^>]+href=|@import|url\(/, 'nothing to fetch');
  assert.equal(zh.summary.length, 1 + 9, 'every file has its summary row');
});

test('the charts and totals equal the CSVs', async () => {
  const page = await open(zh.page);
  // Findings by rule: the SVG's bars against the findings CSV's rule column.
  const bars = await page.$$eval('#chart-rules g.bar', (gs) => gs.map((g) => [g.dataset.rule, +g.dataset.count]));
  const byRule = {};
  for (const row of zh.findings.slice(1)) byRule[row[4]] = (byRule[row[4]] || 0) + 1;
  assert.deepEqual(Object.fromEntries(bars), byRule);
  assert.ok(bars.length > 10);
  for (const rule of ['X-CARRYOVER', 'DUP-REPORT', 'DUP-PRIOR-YEAR', 'T3-ROW-TOTAL']) assert.ok(byRule[rule] > 0, rule);
  // Reports by verdict per year: the SVG's segments against the summary CSV (year; errors,
  // warnings — empty for a file that could not be read).
  const segments = await page.$$eval('#chart-years rect[data-verdict]', (rs) =>
    rs.map((r) => [r.closest('g').dataset.year, r.dataset.verdict, +r.dataset.count]));
  const want = {};
  for (const row of zh.summary.slice(1)) {
    const verdict = row[4] === '' ? 'unreadable' : +row[4] > 0 ? 'errors' : +row[5] > 0 ? 'warnings' : 'clean';
    const key = `${row[2]}/${verdict}`;
    want[key] = (want[key] || 0) + 1;
  }
  assert.deepEqual(Object.fromEntries(segments.map(([y, v, n]) => [`${y}/${v}`, n])), want);
  assert.equal(want['/unreadable'], 1);
  // The totals.
  const totals = Object.fromEntries(await page.$$eval('[data-total]', (ds) => ds.map((d) => [d.dataset.total, +d.querySelector('b').textContent])));
  assert.equal(totals.reports, zh.summary.length - 1);
  const severities = { error: '错误', warning: '警告', info: '提示' };
  for (const [key, word] of Object.entries(severities)) {
    assert.equal(totals[key], zh.findings.slice(1).filter((r) => r[5] === word).length, key);
  }
  assert.equal(totals.unreadable, 1);
  await page.close();
});

test('the table sorts, filters and lists the unreadable file with why', async () => {
  const page = await open(zh.page);
  let rows = await shownRows(page);
  assert.equal(rows.length, 9);
  assert.match(await page.textContent('#page'), /共 9 份/);
  // Sorted by errors, most first, then fewest first.
  const errorsHead = page.locator('#list th[data-key="errors"] button');
  await errorsHead.click();
  await errorsHead.click();
  assert.equal(await page.getAttribute('#list th[data-key="errors"]', 'aria-sort'), 'descending');
  rows = await shownRows(page);
  const errors = rows.filter((r) => r[3] !== '').map((r) => +r[3]);
  assert.deepEqual(errors, [...errors].sort((a, b) => b - a));
  const most = Math.max(...zh.summary.slice(1).filter((r) => r[4] !== '').map((r) => +r[4]));
  assert.equal(+rows[0][3], most);
  await errorsHead.click();
  rows = await shownRows(page);
  const ascending = rows.filter((r) => r[3] !== '').map((r) => +r[3]);
  assert.deepEqual(ascending, [...ascending].sort((a, b) => a - b));
  // Sorted by organ: in the locale's order.
  await page.click('#list th[data-key="organ"] button');
  rows = await shownRows(page);
  const organs = rows.map((r) => r[0]);
  assert.deepEqual(organs, [...organs].sort((a, b) => a.localeCompare(b)));
  // Filtered by organ or file name.
  await page.fill('#filter', '洪泽');
  await page.waitForFunction(() => document.querySelectorAll('#list tbody tr').length === 3);
  rows = await shownRows(page);
  assert.deepEqual(rows.map((r) => r[7]).sort(), zh.summary.filter((r) => r[1].includes('洪泽')).map((r) => r[0]).sort());
  await page.fill('#filter', '');
  // By year.
  await page.selectOption('#year', '2024');
  await page.waitForFunction(() => document.querySelectorAll('#list tbody tr').length !== 9);
  rows = await shownRows(page);
  assert.equal(rows.length, zh.summary.filter((r) => r[2] === '2024').length);
  assert.ok(rows.every((r) => r[1] === '2024'));
  await page.selectOption('#year', '');
  // By verdict: the unreadable file, with why.
  await page.selectOption('#verdict', '3');
  rows = await shownRows(page);
  assert.equal(rows.length, 1);
  assert.equal(rows[0][7], 'reports/other/encrypted.docx');
  assert.match(rows[0][6], /^文档已加密/);
  assert.equal(rows[0][6], zh.summary.find((r) => r[0] === 'reports/other/encrypted.docx')[10]);
  await page.click('#list tbody tr');
  assert.match(await page.textContent('#detail .why'), /无法读取：文档已加密/);
  await page.close();
});

test("a report's detail: its findings, and its three tables with the wrong cell lit", async () => {
  const page = await open(zh.page);
  await page.fill('#filter', 'xizou');
  await page.waitForFunction(() => document.querySelectorAll('#list tbody tr').length === 1);
  await page.click('#list tbody tr');
  await page.waitForSelector('#detail table.xxgk-table');
  // The findings, as the CSV lists them.
  const findings = await page.$$eval('#detail table.findings tr', (trs) => trs.slice(1).map((tr) => [...tr.cells].map((td) => td.textContent)));
  const want = zh.findings.filter((r) => r[0] === 'reports/xizou/2019.txt').map((r) => r.slice(4));
  assert.deepEqual(findings, want);
  // The three tables in the 2019 layout; the sample's wrong cell, 表三 （一）予以公开 / 总计 = 0, lit.
  assert.deepEqual(await page.$$eval('#detail table.xxgk-table', (ts) => ts.map((t) => t.dataset.table + t.dataset.format)), ['二2019', '三2019', '四2019']);
  const lit = await page.$$eval('#detail table.xxgk-table td.xxgk-error', (tds) => tds.map((td) => {
    const table = td.closest('table');
    const column = +td.dataset.column;
    const header = [...table.rows[2].cells].map((c) => c.textContent); // 商业企业 … 其他
    return {
      table: table.dataset.table,
      text: td.textContent,
      row: [...td.parentElement.querySelectorAll('th')].map((th) => th.textContent).pop(),
      column: column === 6 ? table.rows[1].cells[2].textContent : column === 0 ? table.rows[1].cells[0].textContent : header[column - 1],
      title: td.title,
    };
  }));
  assert.equal(lit.length, 1, JSON.stringify(lit));
  assert.deepEqual([lit[0].table, lit[0].text, lit[0].row, lit[0].column], ['三', '0', '（一）予以公开', '总计']);
  const messages = zh.findings.filter((r) => r[0] === 'reports/xizou/2019.txt' && r[7] === '（一）予以公开' && r[8] === '总计');
  assert.equal(lit[0].title, messages.map((r) => r[12]).join('\n'));
  // The labels are the revision's: 2019's 表三 has one （六）其他处理 row, across two columns.
  assert.equal(await page.$eval('#detail table[data-table="三"]', (t) => [...t.querySelectorAll('th')].find((th) => th.textContent === '（六）其他处理').colSpan), 2);

  // The README's screenshot: the sample's detail in view, beneath the charts and the table.
  await page.fill('#filter', '');
  await page.waitForFunction(() => document.querySelectorAll('#list tbody tr').length === 9);
  await page.click('#list tbody tr:has-text("xizou")');
  const shot = join(scratch, 'batch-summary.png');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: shot, fullPage: true });
  if (process.env.XXGK_UPDATE_SCREENSHOT) copyFileSync(shot, join(root, 'docs/batch-summary.png'));

  // Printed: the controls and the pager are left out, the charts and the detail stay.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.$eval('.controls', (e) => getComputedStyle(e).display), 'none');
  assert.equal(await page.$eval('.pager', (e) => getComputedStyle(e).display), 'none');
  assert.notEqual(await page.$eval('#chart-rules', (e) => getComputedStyle(e).display), 'none');
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 10000);
  await page.close();
});

test('--lang en: the page in English', async () => {
  const en = check('en');
  const page = await open(en.page);
  assert.equal(await page.textContent('h1'), 'Annual disclosure reports: check summary');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.deepEqual(await page.$$eval('#list th', (ths) => ths.map((th) => th.textContent)),
    ['organ', 'year', 'format', 'errors', 'warnings', 'Tables', 'verdict', 'file']);
  const bars = await page.$$eval('#chart-rules g.bar', (gs) => gs.map((g) => [g.dataset.rule, +g.dataset.count]));
  const byRule = {};
  for (const row of en.findings.slice(1)) byRule[row[4]] = (byRule[row[4]] || 0) + 1;
  assert.deepEqual(Object.fromEntries(bars), byRule);
  await page.fill('#filter', 'xizou');
  await page.waitForFunction(() => document.querySelectorAll('#list tbody tr').length === 1);
  await page.click('#list tbody tr');
  assert.match(await page.textContent('#detail'), /do not publish yet/);
  assert.ok(await page.$('#detail td.xxgk-error'));
  await page.close();
});

test('the pages fetched nothing and raised no error', () => {
  assert.deepEqual(requests.filter((u) => !u.startsWith('file:')), []);
  assert.deepEqual(problems, []);
});
