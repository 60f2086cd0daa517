// lintFile as a user calls it, from the packed package: in Node (the CLI's Rust readers
// compiled in) and in Debian Chromium (the lazily loaded JavaScript `.docx` reader, walking
// the file's XML with DOMParser into the records the module reads; PDFs through pdf.js, served
// as a CMS serves it). Every file fixture must give, in both, exactly the native CLI's report
// (a PDF finding's box may differ by a point where pdf.js and the Rust reader round apart); the browser's `.docx` reader must make
// exactly the native reader's records; files that cannot be read say why in the CLI's words;
// and a page that never checks a file downloads none of the file-reading code.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync, cpSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { serve, CHROMIUM_ARGS } from './serve.mjs';
import { zip } from './zip.mjs';

const root = process.env.XXGK_ROOT;
const scratch = process.cwd();
const cli = join(root, 'target/release/xxgk-lint');
const require = createRequire(join(scratch, 'package.json'));

/** Every file fixture the file entry point reads: Word files, PDFs and text in other encodings. */
const FILES = [];
for (const dir of ['tests/fixtures/docx', 'tests/fixtures/encodings', 'tests/fixtures/pdf']) {
  let names = [];
  try { names = readdirSync(join(root, dir)); } catch { continue; }
  for (const f of names) if (!/\.(md|py|sh|json)$/.test(f)) FILES.push(join(dir, f));
}

const RELS = '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

/** Files that cannot be read (made here), with the report kind they must give. */
const HOSTILE = {
  'zip-bomb.docx': zip([['_rels/.rels', RELS], ['word/document.xml', Buffer.alloc(100 << 20, 0x20)]]),
  'workbook.xlsx': zip([['xl/workbook.xml', '<workbook/>']]),
  'broken.docx': zip([['_rels/.rels', RELS], ['word/document.xml', '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>']]),
  'doctype.docx': zip([['_rels/.rels', RELS], ['word/document.xml', '<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>']]),
  // Deeper than the browser's XML parser takes (5 000 levels): refused alike by both readers.
  'deep.docx': zip([['_rels/.rels', RELS], ['word/document.xml', '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' + '<w:sdt><w:sdtContent>'.repeat(3000) + '<w:p/>' + '</w:sdtContent></w:sdt>'.repeat(3000) + '</w:body></w:document>']]),
  'report.pdf': Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n'),
  'image.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
};

// Not vacuous: the Word fixtures are there (16 when this was written), and the real PDFs.
assert.ok(FILES.filter((f) => f.includes('/docx/')).length >= 16, FILES.join('\n'));
assert.ok(FILES.filter((f) => f.endsWith('.pdf')).length >= 3, FILES.join('\n'));

/** Where the page finds pdf.js (a pdfjs-dist folder served beside the package). */
const PDFJS = { pdfjs: '/node_modules/pdfjs-dist/' };

/**
 * The browser's report against the native one: equal, but for PDF boxes, which may be a
 * point apart (pdf.js and the Rust reader place a glyph run each in their own arithmetic).
 */
function assertSameReport(got, want, name) {
  if (got.input === 'pdf') {
    assert.equal(got.diagnostics.length, want.diagnostics.length, name);
    for (const [i, d] of got.diagnostics.entries()) {
      const w = want.diagnostics[i];
      assert.equal(Boolean(d.bbox), Boolean(w.bbox), name + ': ' + d.rule + ' has a box in both or neither');
      if (!d.bbox) continue;
      assert.ok(d.bbox.every((v, k) => Math.abs(v - w.bbox[k]) <= 1), `${name}: ${d.rule} box ${d.bbox} against ${w.bbox}`);
      d.bbox = w.bbox;
    }
  }
  assert.deepEqual(got, want, name);
}

let hostileDir;
/** The native report of a file, or the native refusal `{ rule: null, message }` (exit 2). */
function native(path) {
  const run = spawnSync(cli, ['check', '--json', path], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (run.status === 2) return { refusal: run.stderr.trim().replace(/^xxgk-lint: [^:]*: /, '') };
  const [report] = JSON.parse(run.stdout);
  delete report.file;
  return report;
}

function nativeRecords(path) {
  const run = spawnSync(cli, ['dump', '--records', path], { encoding: 'utf8', maxBuffer: 256 << 20 });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout);
}

/** A refusal report must carry the CLI's message. */
function assertRefusal(report, want, name) {
  assert.equal(report.summary.errors, 1, name);
  assert.equal(report.diagnostics.length, 1, name);
  assert.match(report.diagnostics[0].rule, /^INPUT-/, name);
  assert.equal(report.diagnostics[0].message, want.refusal, name);
}

let server, url, browser, page;
const requested = [];

before(async () => {
  hostileDir = join(scratch, 'hostile');
  mkdirSync(hostileDir, { recursive: true });
  for (const [name, bytes] of Object.entries(HOSTILE)) writeFileSync(join(hostileDir, name), bytes);
  mkdirSync(join(scratch, 'files-site/fixtures'), { recursive: true });
  cpSync(join(scratch, 'node_modules/xxgk-lint'), join(scratch, 'files-site/node_modules/xxgk-lint'), { recursive: true });
  cpSync(join(process.env.XXGK_PDFJS, 'node_modules/pdfjs-dist'), join(scratch, 'files-site/node_modules/pdfjs-dist'), { recursive: true });
  for (const f of FILES) writeFileSync(join(scratch, 'files-site/fixtures', f.replaceAll('/', '__')), readFileSync(join(root, f)));
  for (const name of Object.keys(HOSTILE)) writeFileSync(join(scratch, 'files-site/fixtures', name), HOSTILE[name]);
  writeFileSync(join(scratch, 'files-site/index.html'), `<!doctype html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'">
<script type="module" src="./main.js"></script></head><body></body></html>`);
  writeFileSync(join(scratch, 'files-site/main.js'), `import * as api from './node_modules/xxgk-lint/pkg/web/index.js';
await api.init();
window.api = api;
window.bytes = async (name) => new Uint8Array(await (await fetch('fixtures/' + name)).arrayBuffer());
window.ready = true;`);
  writeFileSync(join(scratch, 'files-site/classic.html'), `<!doctype html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'">
<script src="./node_modules/xxgk-lint/pkg/classic/xxgk-lint.js"></script><script src="./classic.js"></script></head><body></body></html>`);
  writeFileSync(join(scratch, 'files-site/classic.js'), 'xxgkLint.init().then(function () { window.ready = true; });');
  ({ server, url } = await serve(join(scratch, 'files-site')));
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  page = await browser.newPage();
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto(url);
  await page.waitForFunction(() => window.ready === true, null, { timeout: 20000 });
});

after(async () => {
  await browser?.close();
  server?.close();
});

test('a page that checks no file downloads none of the file-reading code', async () => {
  const html = readFileSync(join(root, 'tests/fixtures/clipboard/word-xizou-2019.html'), 'utf8');
  const reports = await page.evaluate((html) => [window.api.lint('<p>一、总体情况</p>'), window.api.lint(html)].map((r) => [r.pending, r.summary.errors]), html);
  assert.deepEqual(reports, [[undefined, 5], [undefined, 2]]);
  // Nor the second module: a report whose tables are cells is checked by the first alone.
  assert.ok(!requested.some((p) => /\/(file|docx|decode|pdf|xxgk_lint_text)\.js$|xxgk_lint_text_bg\.wasm$|pdfjs-dist/.test(p)), requested.join('\n'));
});

test('Node: lintFile gives the CLI report on every file fixture, and its refusals', async () => {
  const api = require('xxgk-lint');
  for (const f of FILES) {
    const want = native(join(root, f));
    const got = await api.lintFile(readFileSync(join(root, f)));
    if (want.refusal) assertRefusal(got, want, f);
    else assert.deepEqual(got, want, f);
  }
  for (const name of Object.keys(HOSTILE)) {
    const want = native(join(hostileDir, name));
    const got = await api.lintFile(HOSTILE[name]);
    assert.ok(want.refusal, name);
    assertRefusal(got, want, name);
  }
});

test('browser: the JavaScript .docx reader makes exactly the native records', async () => {
  for (const f of FILES.filter((f) => f.endsWith('.docx') && !f.includes('encrypted'))) {
    const want = nativeRecords(join(root, f));
    const got = await page.evaluate(async (name) => {
      const { docxRecords } = await import('./node_modules/xxgk-lint/pkg/web/docx.js');
      const r = await docxRecords(await window.bytes(name));
      return { nodes: Array.from(r.nodes), strings: r.strings, file: Array.from(r.file) };
    }, f.replaceAll('/', '__'));
    assert.deepEqual(got.strings.split('\0'), want.strings.split('\0'), f + ': strings');
    assert.deepEqual(got.nodes, want.nodes, f + ': nodes');
    assert.deepEqual(got.file, want.file, f + ': positions, marks, moved cells');
  }
});

test('browser: lintFile gives the CLI report on every file fixture, and its refusals', async () => {
  for (const f of FILES) {
    const want = native(join(root, f));
    const got = await page.evaluate(async ({ name, options }) => window.api.lintFile(await window.bytes(name), options), { name: f.replaceAll('/', '__'), options: PDFJS });
    if (want.refusal) {
      assertRefusal(got, want, f);
      continue;
    }
    // HTML parsed by the browser keeps no source offsets: there `span` is null.
    if (got.input === 'html') for (const d of want.diagnostics) d.span = null;
    assertSameReport(got, want, f);
  }
  for (const name of Object.keys(HOSTILE)) {
    const want = native(join(hostileDir, name));
    const got = await page.evaluate(async ({ n, options }) => window.api.lintFile(await window.bytes(n), options), { n: name, options: PDFJS });
    assertRefusal(got, want, name);
  }
  // A File from an upload, as a CMS's upload button hands it over.
  const fromFile = await page.evaluate(async () => {
    const bytes = await window.bytes('tests__fixtures__docx__pingtan-2022.comment.docx');
    const file = new File([bytes], '年报.docx', { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    const r = await window.api.lintFile(file);
    return r.diagnostics.filter((d) => d.rule === 'DOCX-COMMENTS').map((d) => d.actual);
  });
  assert.deepEqual(fromFile, ['数据需要再核对', '含上年结转1件？请核对75件']);
  assert.ok(requested.some((p) => p.endsWith('/docx.js')) && requested.some((p) => p.endsWith('/file.js')));
  // lintFile loaded the second module, once.
  assert.equal(requested.filter((p) => p.endsWith('/xxgk_lint_text_bg.wasm')).length, 1, requested.join('\n'));
});

test('browser: a PDF without pdf.js given says what to add; pdf.js is fetched only for a PDF', async () => {
  const before = requested.filter((p) => p.includes('/pdfjs-dist/'));
  const f = FILES.find((f) => f.endsWith('.pdf'));
  const report = await page.evaluate(async (name) => window.api.lintFile(await window.bytes(name)), f.replaceAll('/', '__'));
  assert.equal(report.diagnostics.length, 1);
  assert.equal(report.diagnostics[0].rule, 'INPUT-PDF');
  assert.match(report.diagnostics[0].message, /pdf\.js \(pdfjs-dist 6\.x\)/);
  assert.deepEqual(before, requested.filter((p) => p.includes('/pdfjs-dist/')));
});

test('the classic script checks a Word file too', async () => {
  const p = await browser.newPage();
  await p.goto(url + 'classic.html');
  await p.waitForFunction(() => window.ready === true, null, { timeout: 20000 });
  const rules = await p.evaluate(async () => {
    const bytes = new Uint8Array(await (await fetch('fixtures/tests__fixtures__docx__template-2021.wps.docx')).arrayBuffer());
    const r = await xxgkLint.lintFile(bytes);
    return r.diagnostics.map((d) => d.rule + ' ' + d.severity);
  });
  assert.deepEqual(rules, ['TEMPLATE-UNFILLED error']);
  await p.close();
});

test('lintFile takes an encoding as the CLI takes --encoding, in Node and in the browser', async () => {
  const api = require('xxgk-lint');
  const f = 'tests/fixtures/encodings/xizou-2019.gbk.txt';
  for (const label of ['gb18030', 'utf-8']) {
    const run = spawnSync(cli, ['check', '--json', '--encoding', label, join(root, f)], { encoding: 'utf8' });
    const want = run.status === 2 ? { refusal: run.stderr.trim().replace(/^xxgk-lint: [^:]*: /, '') } : (() => { const [r] = JSON.parse(run.stdout); delete r.file; return r; })();
    const inNode = await api.lintFile(readFileSync(join(root, f)), { encoding: label });
    const inBrowser = await page.evaluate(async ({ name, label }) => window.api.lintFile(await window.bytes(name), { encoding: label }), { name: f.replaceAll('/', '__'), label });
    for (const got of [inNode, inBrowser]) {
      if (want.refusal) assertRefusal(got, want, label);
      else assert.deepEqual(got, want, label);
    }
  }
});
