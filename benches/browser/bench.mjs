// Browser benchmark (not a test): headless Debian Chromium, the built package (pkg/web),
// Word-style full-report pastes of ~300 KB and ~1 MB. Prints p50/p95 in milliseconds for
// DOMParser, a plain TreeWalker pass, our JS walk alone, lintElement on the live DOM and
// lint(html), plus init() time from loaded bytes and the gzip size of the browser bundle.
// Also the floors of the two speed budgets: the least any checker that reads the DOM from
// JavaScript must do (visit every node and read its type and its name or text), on the live
// DOM and right after DOMParser on a fresh document.
// Run: node benches/browser/bench.mjs (after scripts/build-npm.sh).
import { readFileSync, mkdirSync, cpSync, writeFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openBenchPage } from './page.mjs';
import { wordPaste } from './paste.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const site = join(root, 'target/bench-browser');
rmSync(site, { recursive: true, force: true });
mkdirSync(site, { recursive: true });
cpSync(join(root, 'pkg/web'), join(site, 'web'), { recursive: true });
// The web-sys walker the package does not ship (feature `websys-walker`), for comparison.
execFileSync('cargo', ['build', '--quiet', '--lib', '--target', 'wasm32-unknown-unknown', '--profile', 'wasm', '--no-default-features',
  '--features', 'websys-walker', '--target-dir', join(root, 'target/wasm-websys')], { cwd: root, stdio: 'inherit' });
execFileSync('wasm-bindgen', ['--target', 'web', '--out-dir', join(site, 'websys'), join(root, 'target/wasm-websys/wasm32-unknown-unknown/wasm/xxgk_lint.wasm')]);
execFileSync(join(root, 'node_modules/.bin/wasm-opt'), ['-Oz', join(site, 'websys/xxgk_lint_bg.wasm'), '-o', join(site, 'websys/xxgk_lint_bg.wasm')]);

// A full Word paste of the seed report, its narrative repeated to reach the size.
const inputs = { '300 KB': wordPaste(root, 300 * 1024), '1 MB': wordPaste(root, 1024 * 1024) };
for (const [name, html] of Object.entries(inputs)) writeFileSync(join(site, name.replace(' ', '') + '.html'), html);
writeFileSync(join(site, 'index.html'), '<!doctype html><meta charset="utf-8"><div id="editor" contenteditable="true"></div><script type="module" src="./bench-page.js"></script>');
writeFileSync(join(site, 'bench-page.js'), `
import * as api from './web/index.js';
import { walkDom } from './web/core.js';
import * as glue from './web/xxgk_lint.js';
import * as websys from './websys/xxgk_lint.js';
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
// The least a DOM-reading checker must read: every node's type, and its name or text.
const read = (root) => {
  const w = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT | NodeFilter.SHOW_COMMENT);
  let c = 0;
  for (let n = w.nextNode(); n; n = w.nextNode()) c += n.nodeType === 1 ? n.localName.length : n.data.length;
  return c;
};
const time = (n, f) => { const t = []; for (let i = 0; i < n; i++) { const a = performance.now(); f(); t.push(performance.now() - a); } return { p50: pct(t, 0.5), p95: pct(t, 0.95) }; };
const interleaved = (n, f, g) => {
  const a = [], b = [];
  for (let i = 0; i < n; i++) {
    let t = performance.now(); f(); a.push(performance.now() - t);
    t = performance.now(); g(); b.push(performance.now() - t);
  }
  return [{ p50: pct(a, 0.5), p95: pct(a, 0.95) }, { p50: pct(b, 0.5), p95: pct(b, 0.95) }];
};
window.run = async (files, n) => {
  const bytes = await (await fetch('./web/xxgk_lint_bg.wasm')).arrayBuffer();
  const a = performance.now();
  await api.init({ wasm: bytes });
  const init = performance.now() - a;
  await websys.default({ module_or_path: './websys/xxgk_lint_bg.wasm' });
  const memory = () => glue.initSync().memory.buffer.byteLength;
  const out = { init, memory0: memory() };
  for (const f of files) {
    const html = await (await fetch(f)).text();
    const editor = document.getElementById('editor');
    editor.innerHTML = new DOMParser().parseFromString(html, 'text/html').body.innerHTML;
    api.lintElement(editor);
    const grown = memory() - out.memory0;
    let nodes = 0;
    const r = {
      domparser: time(n, () => new DOMParser().parseFromString(html, 'text/html')),
      treewalker: time(n, () => { const w = document.createTreeWalker(editor); nodes = 0; while (w.nextNode()) nodes++; }),
      reading: time(n, () => read(editor)),
      walk: time(n, () => walkDom(editor)),
      module: (() => { const w = walkDom(editor); return time(n, () => glue.lintDom(w.nodes, w.strings, w.quirks)); })(),
      lintElement: time(n, () => api.lintElement(editor)),
      websys: time(n, () => websys.lintNodeWebSys(editor)),
      lint: time(n, () => api.lint(html)),
    };
    // Parsing alone and parsing then reading, interleaved so that both see the same machine.
    [r.parseAlone, r.parseAndRead] = interleaved(n, () => new DOMParser().parseFromString(html, 'text/html'),
      () => read(new DOMParser().parseFromString(html, 'text/html')));
    r.nodes = nodes;
    r.grown = grown;
    r.size = new TextEncoder().encode(html).length; // bytes, as the native figures count
    r.errors = api.lintElement(editor).summary.errors;
    r.sameFindings = JSON.stringify(api.lintElement(editor).diagnostics) === JSON.stringify(websys.lintNodeWebSys(editor).diagnostics);
    out[f] = r;
  }
  return out;
};
window.ready = true;`);

const { page, close } = await openBenchPage(site);
const files = Object.keys(inputs).map((n) => n.replace(' ', '') + '.html');
const result = await page.evaluate(({ files }) => window.run(files, 30), { files });
await close();

const gz = (f) => gzipSync(readFileSync(join(root, 'pkg/web', f)), { level: 9 }).length;
const wasm = gz('xxgk_lint_bg.wasm');
const js = gz('xxgk_lint.js') + gz('index.js') + gz('core.js');
const f = (x) => x.toFixed(2);
console.log(`init() from loaded bytes: ${f(result.init)} ms`);
console.log(`browser bundle, gzip -9: wasm ${(wasm / 1024).toFixed(1)} KB + JS ${(js / 1024).toFixed(1)} KB = ${((wasm + js) / 1024).toFixed(1)} KB\n`);
console.log('| paste | DOM nodes | DOMParser p50/p95 | TreeWalker p50/p95 | our walk p50/p95 | module alone p50/p95 | lintElement p50/p95 | web-sys walker + check p50/p95 | lint(html) p50/p95 | lintElement ÷ DOMParser | lint ÷ DOMParser |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
for (const [name, file] of Object.keys(inputs).map((n) => [n, n.replace(' ', '') + '.html'])) {
  const r = result[file];
  const row = [r.domparser, r.treewalker, r.walk, r.module, r.lintElement, r.websys, r.lint].map((t) => `${f(t.p50)} / ${f(t.p95)}`);
  if (!r.sameFindings) console.log(`(${name}: the web-sys walker's findings differ)`);
  console.log(`| ${name} | ${r.nodes} | ${row.join(' | ')} | ${f(r.lintElement.p50 / r.domparser.p50)} | ${f(r.lint.p50 / r.domparser.p50)} |`);
}
console.log('\nFloors: reading every node\'s type and name or text (a TreeWalker pass), on the live DOM and on a fresh DOMParser document:\n');
console.log('| paste | reading the live DOM p50/p95 | ÷ DOMParser | DOMParser alone p50/p95 | DOMParser + reading p50/p95 | ÷ DOMParser alone |');
console.log('|---|---|---|---|---|---|');
for (const [name, file] of Object.keys(inputs).map((n) => [n, n.replace(' ', '') + '.html'])) {
  const r = result[file];
  console.log(`| ${name} | ${f(r.reading.p50)} / ${f(r.reading.p95)} | ${f(r.reading.p50 / r.domparser.p50)} | ${f(r.parseAlone.p50)} / ${f(r.parseAlone.p95)} | ${f(r.parseAndRead.p50)} / ${f(r.parseAndRead.p95)} | ${f(r.parseAndRead.p50 / r.parseAlone.p50)} |`);
}
const mb = (b) => (b / 1048576).toFixed(1);
for (const [name, file] of Object.keys(inputs).map((n) => [n, n.replace(' ', '') + '.html'])) {
  const r = result[file];
  console.log(`wasm memory growth after lintElement on the ${name} paste: ${mb(r.grown)} MB (${(r.grown / r.size).toFixed(1)}× the paste; linear memory never shrinks, so this is the peak so far)`);
}
