// Browser benchmark (not a test), issue 18's budget per real report: every real HTML report
// fixture pasted into a contenteditable element (as bench.mjs does), then, interleaved in one
// loop so that both see the same machine, DOMParser.parseFromString(html, 'text/html') and
// lintElement(editor) — and lintElement's two parts apart: our JS walk (walkDom) and the module
// alone (lintDom on an already walked structure). Each sample times at least 10 calls together
// (Chromium's clock is coarse), more for a small fixture (≥ 5 ms a sample), divided by the count.
// Prints a Markdown table (p50 per call, and each fixture's lintElement ÷ DOMParser), the median
// ratio over the fixtures against the budget (≤ 0.75× the median, ≤ 1.0× every one), and init()
// from loaded bytes, in fresh pages.
// Run: node benches/browser/fixtures.mjs [SAMPLES] (after scripts/build-npm.sh; default 25 samples).
//
// The fixtures: the real reports as HTML a user pastes or a portal serves —
//   fujian-pingtan-zonghe-shiyanqu-2022.portal.html  the portal page as served (site chrome and all)
//   clipboard/word-xizou-2019.html, wps-xizou-2019.html, excel-table3.html  the clipboard's
//     text/html as Word, WPS and Excel put it there.
// Left out: tests/fixtures/encodings/*.html (the portal page re-encoded: once decoded, which a page
// has done before it holds a DOM, they are the same document as the portal page), and
// clipboard/messy-editor.html (an editor's markup artefacts, not a report: timed and printed
// apart, outside the median). The .docx and .pdf fixtures are files, checked by lintFile
// (files.mjs, pdf.mjs), not pasted HTML.
import { readFileSync, mkdirSync, cpSync, writeFileSync, rmSync } from 'node:fs';
import { join, dirname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openBenchPage } from './page.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const samples = Math.max(15, Number(process.argv[2] || 25));
const FIXTURES = [
  'tests/fixtures/fujian-pingtan-zonghe-shiyanqu-2022.portal.html',
  'tests/fixtures/clipboard/word-xizou-2019.html',
  'tests/fixtures/clipboard/wps-xizou-2019.html',
  'tests/fixtures/clipboard/excel-table3.html',
];
const APART = ['tests/fixtures/clipboard/messy-editor.html'];

const site = join(root, 'target/bench-browser-fixtures');
rmSync(site, { recursive: true, force: true });
mkdirSync(site, { recursive: true });
cpSync(join(root, 'pkg/web'), join(site, 'web'), { recursive: true });
const files = [...FIXTURES, ...APART].map((f) => {
  cpSync(join(root, f), join(site, basename(f)));
  return basename(f);
});
writeFileSync(join(site, 'index.html'), '<!doctype html><meta charset="utf-8"><div id="editor" contenteditable="true"></div><script type="module" src="./bench-page.js"></script>');
writeFileSync(join(site, 'bench-page.js'), `
import * as api from './web/index.js';
import { walkDom } from './web/core.js';
import * as glue from './web/xxgk_lint.js';
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
// One sample: k calls timed together, per call.
const sample = (k, f) => { const t = performance.now(); for (let i = 0; i < k; i++) f(); return (performance.now() - t) / k; };
window.init = async () => {
  const bytes = await (await fetch('./web/xxgk_lint_bg.wasm')).arrayBuffer();
  const a = performance.now();
  await api.init({ wasm: bytes });
  return performance.now() - a;
};
window.run = async (files, samples) => {
  await window.init();
  const editor = document.getElementById('editor');
  const out = {};
  for (const f of files) {
    const html = await (await fetch(f)).text();
    editor.innerHTML = new DOMParser().parseFromString(html, 'text/html').body.innerHTML;
    const w = document.createTreeWalker(editor);
    let nodes = 0;
    while (w.nextNode()) nodes++;
    const parse = () => new DOMParser().parseFromString(html, 'text/html');
    const lint = () => api.lintElement(editor);
    const walk = () => walkDom(editor);
    const walked = walkDom(editor);
    const module = () => glue.lintDom(walked.nodes, walked.strings, walked.quirks);
    // Warm-up, and the number of calls per sample: at least 10, and at least 5 ms of the slower one.
    for (let i = 0; i < 5; i++) { parse(); lint(); walk(); module(); }
    const once = Math.max(sample(5, parse), sample(5, lint));
    const k = Math.max(10, Math.ceil(5 / Math.max(once, 0.01)));
    const t = { domparser: [], lintElement: [], walk: [], module: [] };
    const steps = [['domparser', parse], ['lintElement', lint], ['walk', walk], ['module', module]];
    for (let s = 0; s < samples; s++) {
      // Alternate the order so that neither side always runs right after the other's garbage.
      for (const [name, f] of s % 2 ? [...steps].reverse() : steps) t[name].push(sample(k, f));
    }
    const report = api.lintElement(editor);
    const r = { k, nodes, bytes: new TextEncoder().encode(html).length, errors: report.summary.errors, warnings: report.summary.warnings };
    for (const [name, xs] of Object.entries(t)) r[name] = { p50: median(xs), p10: pct(xs, 0.1), p90: pct(xs, 0.9) };
    // The ratio sample by sample too (each pair ran back to back).
    r.ratios = t.lintElement.map((x, i) => x / t.domparser[i]);
    out[f] = r;
  }
  return out;
};
window.ready = true;`);

const { page, close } = await openBenchPage(site);
const result = await page.evaluate(({ files, samples }) => window.run(files, samples), { files, samples });
// init() from loaded bytes, in fresh pages (a page initialises once).
const inits = [];
for (let i = 0; i < 7; i++) {
  await page.reload();
  await page.waitForFunction(() => window.ready === true);
  inits.push(await page.evaluate(() => window.init()));
}
await close();

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const f2 = (x) => x.toFixed(2);
const n = (x) => x.toLocaleString('en-US').replace(/,/g, ' ');
const ms = (t) => `${f2(t.p50)} (${f2(t.p10)}–${f2(t.p90)})`;
console.log(`headless Chromium, pkg/web; ${samples} samples per fixture, each of k calls timed together (per call, ms: p50 (p10–p90)); the four timings interleaved\n`);
console.log('| fixture | bytes | DOM nodes | calls per sample | DOMParser p50 | `lintElement` p50 | JS walk p50 | module alone p50 | **`lintElement` ÷ DOMParser** | per-sample ratio p50 | errors / warnings |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
const row = (file, name) => {
  const r = result[basename(file)];
  const ratio = r.lintElement.p50 / r.domparser.p50;
  console.log(`| ${name} | ${n(r.bytes)} | ${n(r.nodes)} | ${r.k} | ${ms(r.domparser)} | ${ms(r.lintElement)} | ${ms(r.walk)} | ${ms(r.module)} | **${f2(ratio)}** | ${f2(median(r.ratios))} | ${r.errors} / ${r.warnings} |`);
  return ratio;
};
const ratios = FIXTURES.map((file) => row(file, '`' + file.replace('tests/fixtures/', '') + '`'));
const med = median(ratios);
const worst = Math.max(...ratios);
console.log(`\nmedian lintElement ÷ DOMParser over the ${ratios.length} fixtures: **${f2(med)}** (budget ≤ 0.75: ${med <= 0.75 ? 'met' : 'NOT met'}); the highest: ${f2(worst)} (budget ≤ 1.0 for every one: ${worst <= 1.0 ? 'met' : 'NOT met'})`);
console.log(`init() from loaded bytes, ${inits.length} fresh pages: p50 ${f2(median(inits))} ms, max ${f2(Math.max(...inits))} ms (budget ≤ 20 ms: ${Math.max(...inits) <= 20 ? 'met' : median(inits) <= 20 ? 'met at the median' : 'NOT met'})`);
console.log('\nNot a report (outside the median):\n');
console.log('| fixture | bytes | DOM nodes | calls per sample | DOMParser p50 | `lintElement` p50 | JS walk p50 | module alone p50 | `lintElement` ÷ DOMParser | per-sample ratio p50 | errors / warnings |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
for (const file of APART) row(file, '`' + file.replace('tests/fixtures/', '') + '`');
