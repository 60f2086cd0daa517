// Browser benchmark (not a test) of lintFile on PDFs: headless Debian Chromium, the built package
// (pkg/web) and pdf.js (pdfjs-dist, the version tests/npm/pdfjs.sh installs), every real PDF of
// tests/fixtures/pdf/ — time by stage (pdf.js opening the file, its text, its operator lists; the
// module's layout reader and rules) and whole, and the renderer process's peak memory (VmHWM,
// reset before each file; pdf.js's worker runs in that process) over what the page held before.
// The same natively is `cargo bench --bench read -- pdf/`. Also what the first PDF loads.
// Run: node benches/browser/pdf.mjs (after scripts/build-npm.sh and bash tests/npm/pdfjs.sh install).
import { readFileSync, readdirSync, mkdirSync, cpSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve, CHROMIUM_ARGS } from '../../tests/npm/serve.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const pdfjsDir = [join(root, 'node_modules/pdfjs-dist'), join(root, 'target/pdfjs-e2e/node_modules/pdfjs-dist')].find(existsSync);
if (!pdfjsDir) throw new Error('no pdfjs-dist: run bash tests/npm/pdfjs.sh install');
const site = join(root, 'target/bench-pdf');
rmSync(site, { recursive: true, force: true });
mkdirSync(join(site, 'pdf'), { recursive: true });
cpSync(join(root, 'pkg/web'), join(site, 'web'), { recursive: true });
cpSync(pdfjsDir, join(site, 'pdfjs-dist'), { recursive: true });
// The reports (not the scan and the encrypted copies, which are refused or a page's fragment).
const files = readdirSync(join(root, 'tests/fixtures/pdf')).filter((f) => f.endsWith('.pdf') && !/^(scanned|encrypted)/.test(f));
for (const f of files) cpSync(join(root, 'tests/fixtures/pdf', f), join(site, 'pdf', f));
writeFileSync(join(site, 'index.html'), '<!doctype html><meta charset="utf-8"><script type="module" src="./bench-page.js"></script>');
writeFileSync(join(site, 'bench-page.js'), `
import * as api from './web/index.js';
import * as glue from './web/xxgk_lint.js';
const PDFJS = { pdfjs: '/pdfjs-dist/' };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
const timeAsync = async (n, f) => { const t = []; for (let i = 0; i < n; i++) { const a = performance.now(); await f(); t.push(performance.now() - a); } return { p50: pct(t, 0.5), p95: pct(t, 0.95) }; };
window.bytesOf = async (name) => new Uint8Array(await (await fetch('pdf/' + name)).arrayBuffer());
window.first = async (name) => {
  await api.init();
  const a = performance.now();
  const r = await api.lintFile(await window.bytesOf(name), PDFJS);
  return { ms: performance.now() - a, rules: r.diagnostics.map((d) => d.rule) };
};
window.once = async (name) => (await api.lintFile(await window.bytesOf(name), PDFJS)).diagnostics.map((d) => d.rule + (d.page ? '@' + d.page : '')).join(' ');
window.run = async (name, n) => {
  const bytes = await window.bytesOf(name);
  const { pdfPages } = await import('./web/pdf.js');
  const pdfjs = await import('/pdfjs-dist/legacy/build/pdf.min.mjs');
  const urls = { workerSrc: '/pdfjs-dist/legacy/build/pdf.worker.min.mjs', cMapUrl: '/pdfjs-dist/cmaps/', standardFontDataUrl: '/pdfjs-dist/standard_fonts/' };
  const stages = [];
  let pages;
  for (let i = 0; i < n; i++) {
    const timings = {};
    pages = (await pdfPages(bytes, pdfjs, { ...urls, timings })).pages;
    stages.push(timings);
  }
  const numbers = [pages.length];
  const strings = [];
  for (const p of pages) {
    numbers.push(p.number, p.width, p.height, p.texts.length);
    for (const t of p.texts) { numbers.push(t.x, t.y, t.width, t.size); strings.push(t.text); }
    for (const list of [p.lines, p.rects]) { numbers.push(list.length); for (const q of list) numbers.push(q[0], q[1], q[2], q[3]); }
  }
  const f32 = Float32Array.from(numbers);
  const joined = strings.join('\\0');
  const median = (k) => pct(stages.map((s) => s[k] || 0), 0.5);
  return {
    size: bytes.length,
    pages: pages.length,
    texts: pages.reduce((n, p) => n + p.texts.length, 0),
    open: median('open'), text: median('text'), operators: median('operators'),
    module: await timeAsync(n, () => glue.lintPdf(f32, joined, undefined)),
    lintFile: await timeAsync(n, () => api.lintFile(bytes, PDFJS)),
  };
};
window.ready = true;`);

const { server, url } = await serve(site);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'] });

/** The renderer processes of this Chromium: their pids (the newest is the page's). */
function renderers() {
  const out = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (cmd.includes('--type=renderer') && cmd.includes('chromium')) out.push(Number(pid));
    } catch { /* gone */ }
  }
  return out.sort((a, b) => a - b);
}
const status = (pid, key) => Number(new RegExp(key + ':\\s+(\\d+)').exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);

const before = new Set(renderers());
const page = await browser.newPage();
await page.goto(url);
await page.waitForFunction(() => window.ready === true);
const pid = renderers().filter((p) => !before.has(p)).pop();

const first = await page.evaluate((n) => window.first(n), files[0]);
const result = {};
for (const name of files) {
  // Peak memory of one check, the file loaded: reset the high-water mark, check once.
  await page.evaluate(() => window.gc());
  const held = status(pid, 'VmRSS');
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
  const rules = await page.evaluate((n) => window.once(n), name);
  const peak = status(pid, 'VmHWM');
  result[name] = { ...(await page.evaluate(({ n, k }) => window.run(n, k), { n: name, k: 10 })), held, peak, rules };
}
await browser.close();
server.close();

const f = (x) => x.toFixed(0);
const kb = (b) => (b / 1024).toFixed(1);
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const pdfjsVersion = JSON.parse(readFileSync(join(pdfjsDir, 'package.json'), 'utf8')).version;
const lazy = ['legacy/build/pdf.min.mjs', 'legacy/build/pdf.worker.min.mjs'].map((p) => gz(join(pdfjsDir, p)));
console.log(`pdf.js ${pdfjsVersion}, loaded on the first PDF (gzip -9): legacy/build/pdf.min.mjs ${kb(lazy[0])} KB + its worker ${kb(lazy[1])} KB, and the package's pdf.js ${kb(gz(join(root, 'pkg/web/pdf.js')))} KB (+ the CMaps a CJK font without its own needs, ~1–5 KB each)`);
console.log(`first lintFile on a PDF (loading file.js, pdf.js and pdf.js's worker from localhost, and checking ${files[0]}): ${f(first.ms)} ms\n`);
console.log('| file | size | pages | text runs | pdf.js open p50 | pdf.js text p50 | pdf.js operators p50 | module (layout + rules) p50 | lintFile p50 / p95 | renderer peak RSS during the check (over before) |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const name of files) {
  const r = result[name];
  console.error(`${name}: ${r.rules}`);
  console.log(`| ${name} | ${kb(r.size)} KB | ${r.pages} | ${r.texts} | ${f(r.open)} ms | ${f(r.text)} ms | ${f(r.operators)} ms | ${r.module.p50.toFixed(2)} ms | ${f(r.lintFile.p50)} / ${f(r.lintFile.p95)} ms | ${(r.peak / 1024).toFixed(0)} MB (+${((r.peak - r.held) / 1024).toFixed(0)} MB) |`);
}
