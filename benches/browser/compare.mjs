// Compare two builds of the browser package in one headless Chromium page, interleaved (a
// benchmark, not a test): on a shared or busy machine, runs of A and B alternate so that
// noise falls on both alike. Prints the median of every stage for each build.
// Run: node benches/browser/compare.mjs OLD_PKG_DIR NEW_PKG_DIR [ROUNDS] [FILE.html…]
// (each directory as scripts/build-npm.sh makes pkg/, e.g. a copy of an earlier pkg/; with
// files, such as the real report fixtures, those instead of the 300 KB and 1 MB Word pastes).
import { readFileSync, mkdirSync, cpSync, writeFileSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, dirname, resolve, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openBenchPage } from './page.mjs';
import { wordPaste } from './paste.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const [a, b] = [process.argv[2], process.argv[3]].map((d) => resolve(d));
const rounds = Number(process.argv[4] || 8);
const site = join(root, 'target/compare-browser');
rmSync(site, { recursive: true, force: true });
mkdirSync(site, { recursive: true });
cpSync(join(a, 'web'), join(site, 'a'), { recursive: true });
cpSync(join(b, 'web'), join(site, 'b'), { recursive: true });
const given = process.argv.slice(5);
const sizes = given.length ? Object.fromEntries(given.map((f) => [basename(f), f])) : { '300 KB': 300 * 1024, '1 MB': 1024 * 1024 };
for (const [name, what] of Object.entries(sizes)) writeFileSync(join(site, name.replace(' ', '') + (given.length ? '' : '.html')), given.length ? readFileSync(what) : wordPaste(root, what));
writeFileSync(join(site, 'index.html'), '<!doctype html><meta charset="utf-8"><div id="editor" contenteditable="true"></div><script type="module" src="./page.js"></script>');
writeFileSync(join(site, 'page.js'), `
import * as apiA from './a/index.js';
import * as coreA from './a/core.js';
import * as glueA from './a/xxgk_lint.js';
import * as apiB from './b/index.js';
import * as coreB from './b/core.js';
import * as glueB from './b/xxgk_lint.js';
const builds = { a: [apiA, coreA, glueA], b: [apiB, coreB, glueB] };
// One sample: n calls timed together (Chromium's clock is coarse), per call.
const time = (n, f, out) => { const t = performance.now(); for (let i = 0; i < n; i++) f(); out.push((performance.now() - t) / n); };
window.run = async (files, rounds, n) => {
  await apiA.init();
  await apiB.init();
  const editor = document.getElementById('editor');
  const out = {};
  for (const f of files) {
    const html = await (await fetch(f)).text();
    editor.innerHTML = new DOMParser().parseFromString(html, 'text/html').body.innerHTML;
    const same = JSON.stringify(apiA.lintElement(editor)) === JSON.stringify(apiB.lintElement(editor))
      && JSON.stringify(apiA.lint(html)) === JSON.stringify(apiB.lint(html));
    const s = {};
    for (const k of ['a', 'b']) s[k] = { domparser: [], walk: [], module: [], lintElement: [], lint: [] };
    for (let r = 0; r < rounds; r++) {
      for (const k of r % 2 ? ['b', 'a'] : ['a', 'b']) {
        const [api, core, glue] = builds[k];
        const t = s[k];
        time(n, () => new DOMParser().parseFromString(html, 'text/html'), t.domparser);
        time(n, () => core.walkDom(editor), t.walk);
        const w = core.walkDom(editor);
        time(n, () => glue.lintDom(...Object.values(w)), t.module);
        time(n, () => api.lintElement(editor), t.lintElement);
        time(n, () => api.lint(html), t.lint);
      }
    }
    out[f] = { same, s, diagnostics: apiA.lintElement(editor).diagnostics.length };
  }
  return out;
};
window.ready = true;`);

const { page, close } = await openBenchPage(site);
const file = (name) => name.replace(' ', '') + (given.length ? '' : '.html');
const files = Object.keys(sizes).map(file);
const result = await page.evaluate(({ files, rounds }) => window.run(files, rounds, 10), { files, rounds });
await close();

const median = (xs) => { const s = [...xs].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
const gz = (d) => gzipSync(readFileSync(join(d, 'web/xxgk_lint_bg.wasm')), { level: 9 }).length;
console.log(`wasm gzip -9: A ${gz(a)} B, B ${gz(b)} B (${gz(b) - gz(a) >= 0 ? '+' : ''}${gz(b) - gz(a)} B)`);
console.log(`${rounds} interleaved rounds, each stage one sample of 10 calls timed together; medians in ms per call (A → B)\n`);
console.log('| paste | DOMParser | walk | module alone | lintElement | lint(html) | lintElement ÷ DOMParser | lint ÷ DOMParser |');
console.log('|---|---|---|---|---|---|---|---|');
for (const name of Object.keys(sizes)) {
  const r = result[file(name)];
  const m = (k, stage) => median(r.s[k][stage]);
  const cell = (stage) => `${m('a', stage).toFixed(2)} → ${m('b', stage).toFixed(2)}`;
  const ratio = (stage) => `${(m('a', stage) / m('a', 'domparser')).toFixed(2)} → ${(m('b', stage) / m('b', 'domparser')).toFixed(2)}`;
  console.log(`| ${name} | ${['domparser', 'walk', 'module', 'lintElement', 'lint'].map(cell).join(' | ')} | ${ratio('lintElement')} | ${ratio('lint')} |`);
  if (!r.same) console.log(`(${name}: the two builds' reports DIFFER)`);
  console.log(`(${name}: ${r.diagnostics} diagnostics)`);
}
