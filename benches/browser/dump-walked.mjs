// The browser's walked DOM of each real report fixture, for the native profiler (a tool, not a
// test): each fixture pasted into a contenteditable element as fixtures.mjs does, then
// `walkDom(editor)` from pkg/web/core.js, written to target/walked/NAME.nodes (the Int32Array,
// little-endian), NAME.strings (UTF-8), NAME.quirks ("0" or "1") and NAME.json (the
// lintElement report, to check the native run's findings against).
// Run: node benches/browser/dump-walked.mjs [FILE.html…] (after scripts/build-npm.sh; the four
// fixtures of fixtures.mjs by default), then
//   cargo build --profile wasm --no-default-features --example profile_dom
//   target/wasm/examples/profile_dom target/walked/NAME [N]
import { mkdirSync, cpSync, writeFileSync, rmSync } from 'node:fs';
import { join, dirname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openBenchPage } from './page.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const given = process.argv.slice(2);
const FIXTURES = given.length ? given : [
  'tests/fixtures/fujian-pingtan-zonghe-shiyanqu-2022.portal.html',
  'tests/fixtures/clipboard/word-xizou-2019.html',
  'tests/fixtures/clipboard/wps-xizou-2019.html',
  'tests/fixtures/clipboard/excel-table3.html',
];
const site = join(root, 'target/dump-walked-site');
const out = join(root, 'target/walked');
rmSync(site, { recursive: true, force: true });
mkdirSync(site, { recursive: true });
mkdirSync(out, { recursive: true });
cpSync(join(root, 'pkg/web'), join(site, 'web'), { recursive: true });
const files = FIXTURES.map((f) => {
  cpSync(join(root, f), join(site, basename(f)));
  return basename(f);
});
writeFileSync(join(site, 'index.html'), '<!doctype html><meta charset="utf-8"><div id="editor" contenteditable="true"></div><script type="module" src="./dump-page.js"></script>');
writeFileSync(join(site, 'dump-page.js'), `
import * as api from './web/index.js';
import { walkDom } from './web/core.js';
window.walk = async (f) => {
  await api.init();
  const editor = document.getElementById('editor');
  const html = await (await fetch(f)).text();
  editor.innerHTML = new DOMParser().parseFromString(html, 'text/html').body.innerHTML;
  const w = walkDom(editor);
  return { nodes: Array.from(w.nodes), strings: w.strings, quirks: w.quirks, report: JSON.stringify(api.lintElement(editor)) };
};
window.ready = true;`);

const { page, close } = await openBenchPage(site);
for (const f of files) {
  const w = await page.evaluate((f) => window.walk(f), f);
  const name = join(out, f.replace(/\.html$/, ''));
  writeFileSync(name + '.nodes', Buffer.from(Int32Array.from(w.nodes).buffer));
  writeFileSync(name + '.strings', w.strings);
  writeFileSync(name + '.quirks', w.quirks ? '1' : '0');
  writeFileSync(name + '.json', w.report);
  console.log(`${name}: ${w.nodes.length} ints, ${Buffer.byteLength(w.strings)} bytes of strings, quirks ${w.quirks}`);
}
await close();
