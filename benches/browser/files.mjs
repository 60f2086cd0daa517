// Browser benchmark (not a test) of lintFile: headless Debian Chromium, the built package
// (pkg/web), every Word fixture and the ~100 KB one (tests/fixtures/docx/pingtan-2022.long.docx),
// timed by stage — unpacking and inflating the archive (DecompressionStream), parsing its XML
// (DOMParser), walking it into records, the module reading and checking them — and whole; the
// same for the native CLI is `cargo bench --bench read -- docx/`. Also the sizes: the eager
// bundle (what `init()` needs) and what lintFile loads on first use.
// Run: node benches/browser/files.mjs (after scripts/build-npm.sh).
import { readFileSync, readdirSync, mkdirSync, cpSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openBenchPage } from './page.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const site = join(root, 'target/bench-files');
rmSync(site, { recursive: true, force: true });
mkdirSync(join(site, 'docx'), { recursive: true });
cpSync(join(root, 'pkg/web'), join(site, 'web'), { recursive: true });
const files = readdirSync(join(root, 'tests/fixtures/docx')).filter((f) => f.endsWith('.docx') && !f.includes('encrypted'));
for (const f of files) cpSync(join(root, 'tests/fixtures/docx', f), join(site, 'docx', f));
cpSync(join(root, 'www/index.html'), join(site, 'index.html'));
import { writeFileSync } from 'node:fs';
writeFileSync(join(site, 'index.html'), '<!doctype html><meta charset="utf-8"><script type="module" src="./bench-page.js"></script>');
writeFileSync(join(site, 'bench-page.js'), `
import * as api from './web/index.js';
import * as glue from './web/xxgk_lint.js';
import { readParts, translate, walkDocument } from './web/docx.js';
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
const timeAsync = async (n, f) => { const t = []; for (let i = 0; i < n; i++) { const a = performance.now(); await f(); t.push(performance.now() - a); } return { p50: pct(t, 0.5), p95: pct(t, 0.95) }; };
window.run = async (names, n) => {
  await api.init();
  // The first call loads file.js and docx.js: timed apart.
  const first = performance.now();
  await api.lintFile(new Uint8Array(await (await fetch('docx/' + names[0])).arrayBuffer()));
  const out = { firstCall: performance.now() - first };
  for (const name of names) {
    const bytes = new Uint8Array(await (await fetch('docx/' + name)).arrayBuffer());
    const parts = await readParts(bytes);
    const records = translate(parts);
    out[name] = {
      size: bytes.length,
      xml: new TextEncoder().encode(parts.document).length,
      unzip: await timeAsync(n, () => readParts(bytes)),
      xmlParse: await timeAsync(n, () => new DOMParser().parseFromString(parts.document, 'application/xml')),
      walk: await (async () => { const doc = new DOMParser().parseFromString(parts.document, 'application/xml'); return timeAsync(n, () => walkDocument(doc, parts)); })(),
      module: await timeAsync(n, () => glue.lintDom(records.nodes, records.strings, false, undefined, records.file)),
      lintFile: await timeAsync(n, () => api.lintFile(bytes)),
      rules: (await api.lintFile(bytes)).diagnostics.map((d) => d.rule).join(' '),
    };
  }
  return out;
};
window.ready = true;`);

const { page, close } = await openBenchPage(site);
const names = ['pingtan-2022.long.docx', ...files.filter((f) => f !== 'pingtan-2022.long.docx')];
const result = await page.evaluate(({ names }) => window.run(names, 20), { names });
await close();

const f = (x) => x.toFixed(2);
const gz = (file) => gzipSync(readFileSync(join(root, 'pkg/web', file)), { level: 9 }).length;
const kb = (b) => (b / 1024).toFixed(1);
const eager = gz('xxgk_lint_bg.wasm') + gz('xxgk_lint.js') + gz('index.js') + gz('core.js');
console.log(`eager bundle (gzip -9): ${kb(eager)} KB (wasm ${kb(gz('xxgk_lint_bg.wasm'))} KB + JS ${kb(gz('xxgk_lint.js') + gz('index.js') + gz('core.js'))} KB)`);
console.log(`loaded by lintFile on first use (gzip -9): file.js ${kb(gz('file.js'))} KB + decode.js ${kb(gz('decode.js'))} KB; docx.js ${kb(gz('docx.js'))} KB on the first Word file`);
console.log(`first lintFile call (loading file.js and docx.js from localhost, and checking): ${f(result.firstCall)} ms\n`);
console.log('| file | size | document.xml | unzip + inflate p50 | DOMParser (XML) p50 | walk into records p50 (styles, numbering, comments parsed) | module p50 | lintFile p50 / p95 |');
console.log('|---|---|---|---|---|---|---|---|');
for (const name of names) {
  const r = result[name];
  console.log(`| ${name} | ${kb(r.size)} KB | ${kb(r.xml)} KB | ${f(r.unzip.p50)} | ${f(r.xmlParse.p50)} | ${f(r.walk.p50)} | ${f(r.module.p50)} | ${f(r.lintFile.p50)} / ${f(r.lintFile.p95)} |`);
}
