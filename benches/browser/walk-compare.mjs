// Compare two versions of the JavaScript DOM walk (`walkDom` of js/core.js) in one headless
// Chromium page, interleaved (a benchmark, not a test): the walk alone, without building the
// package, so a change to the walk is measured in seconds. Checks that both walks hand over
// the same records and strings. Prints each walk's median ms per call and B ÷ A.
// Run: node benches/browser/walk-compare.mjs OLD_CORE.js NEW_CORE.js [ROUNDS] FILE.html…
// (e.g. `git show HEAD~1:js/core.js > /tmp/core-old.js` against js/core.js, on the real report
// fixtures; each round times 20 calls of each walk, in alternating order).
import { mkdirSync, writeFileSync, rmSync, copyFileSync } from 'node:fs';
import { join, dirname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openBenchPage } from './page.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const [a, b, rounds, ...files] = process.argv.slice(2);
const site = join(root, 'target/walk-compare');
rmSync(site, { recursive: true, force: true });
mkdirSync(site, { recursive: true });
copyFileSync(a, join(site, 'a.js'));
copyFileSync(b, join(site, 'b.js'));
for (const f of files) copyFileSync(f, join(site, basename(f)));
writeFileSync(join(site, 'index.html'), '<!doctype html><meta charset="utf-8"><div id="editor" contenteditable="true"></div><script type="module" src="./page.js"></script>');
writeFileSync(join(site, 'page.js'), `
import * as A from './a.js';
import * as B from './b.js';
const time = (n, f, out) => { const t = performance.now(); for (let i = 0; i < n; i++) f(); out.push((performance.now() - t) / n); };
window.run = async (files, rounds) => {
  const editor = document.getElementById('editor');
  const out = {};
  for (const f of files) {
    const html = await (await fetch(f)).text();
    editor.innerHTML = new DOMParser().parseFromString(html, 'text/html').body.innerHTML;
    const wa = A.walkDom(editor), wb = B.walkDom(editor);
    const same = wa.strings === wb.strings && wa.quirks === wb.quirks && wa.nodes.length === wb.nodes.length
      && wa.nodes.every((x, i) => x === wb.nodes[i]);
    const s = { a: [], b: [] };
    for (let r = 0; r < rounds; r++) {
      for (const k of r % 2 ? ['b', 'a'] : ['a', 'b']) time(20, () => (k === 'a' ? A : B).walkDom(editor), s[k]);
    }
    out[f] = { same, s };
  }
  return out;
};
window.ready = true;`);
const { page, close } = await openBenchPage(site);
const names = files.map((f) => basename(f));
const result = await page.evaluate(({ names, rounds }) => window.run(names, rounds), { names, rounds: Number(rounds || 40) });
await close();
const median = (xs) => { const s = [...xs].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
console.log('| file | same records | A ms | B ms | B ÷ A |\n|---|---|---|---|---|');
for (const n of names) {
  const r = result[n];
  const [ma, mb] = [median(r.s.a), median(r.s.b)];
  console.log(`| ${n} | ${r.same ? 'yes' : '**NO**'} | ${ma.toFixed(3)} | ${mb.toFixed(3)} | ${(mb / ma).toFixed(3)} |`);
}
