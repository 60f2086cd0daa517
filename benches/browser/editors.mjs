// lintElement on a live ~1 MB document inside each real editor (a benchmark, not a test):
// the editors from tests/e2e (installed by tests/e2e/run.sh into target/editors-e2e), Debian
// Chromium, the built package (scripts/build-npm.sh). The Word paste of the full seed report,
// narrative repeated to 1 MB, goes in through each editor's own API (setContent/setData/html/
// setHtml), so what is measured is the DOM the editor really keeps. Prints p50/p95 (ms) of
// lintElement on the editor's root, with DOMParser on the same content and a plain
// TreeWalker pass for scale. Run: node benches/browser/editors.mjs [KB]
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serveDirs } from '../../scripts/serve-demo.mjs';
import { CHROMIUM_ARGS } from '../../tests/npm/serve.mjs';
import { wordPaste } from './paste.mjs';

const root = join(import.meta.dirname, '../..');
const scratch = process.env.XXGK_EDITORS ?? join(root, 'target/editors-e2e');
const kb = Number(process.argv[2] || 1024);
const html = wordPaste(root, kb * 1024);

const SET = {
  tinymce: (h, html) => h.editor.setContent(html),
  ckeditor4: (h, html) => new Promise((ok) => h.editor.setData(html, { callback: ok })),
  ckeditor5: (h, html) => h.editor.setData(html),
  kindeditor: (h, html) => h.editor.html(html),
  wangeditor: (h, html) => h.editor.setHtml(html),
};

const { server, url } = await serveDirs({
  '/': join(root, 'tests/e2e/pages'),
  '/pkg/': join(root, 'pkg'),
  '/node_modules/': join(scratch, 'node_modules'),
});
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
console.log(`| editor (${kb} KB Word paste) | DOM nodes kept | DOMParser on its content p50 / p95 | TreeWalker p50 / p95 | lintElement p50 / p95 | lintElement ÷ DOMParser | errors found |`);
console.log('|---|---|---|---|---|---|---|');
for (const name of Object.keys(SET)) {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  await page.goto(url + name + '.html');
  await page.waitForFunction(() => window.ready || window.failed, null, { timeout: 30000 });
  const r = await page.evaluate(async ({ html, set }) => {
    const h = window.harness;
    await new Function('h', 'html', `return (${set})(h, html)`)(h, html);
    await new Promise((ok) => setTimeout(ok, 1000)); // the adapter's own check settles
    const el = h.root();
    const content = el.innerHTML;
    const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
    const time = (n, f) => { const t = []; for (let i = 0; i < n; i++) { const a = performance.now(); f(); t.push(performance.now() - a); } return [pct(t, 0.5), pct(t, 0.95)]; };
    let nodes = 0;
    return {
      domparser: time(20, () => new DOMParser().parseFromString(content, 'text/html')),
      treewalker: time(20, () => { const w = el.ownerDocument.createTreeWalker(el); nodes = 0; while (w.nextNode()) nodes++; }),
      lintElement: time(20, () => h.api.lintElement(el)),
      nodes,
      errors: h.api.lintElement(el).summary.errors,
    };
  }, { html, set: SET[name].toString() });
  const f = ([a, b]) => `${a.toFixed(1)} / ${b.toFixed(1)}`;
  console.log(`| ${name} | ${r.nodes} | ${f(r.domparser)} | ${f(r.treewalker)} | ${f(r.lintElement)} | ${(r.lintElement[0] / r.domparser[0]).toFixed(2)} | ${r.errors} |`);
  await page.close();
}
await browser.close();
server.close();
