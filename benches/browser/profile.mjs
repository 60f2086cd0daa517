// Where lintElement's time goes in Chromium (a tool, not a test): builds nothing itself; run
//   scripts/build-npm.sh && PROFILE_NAMES=1 node benches/browser/profile.mjs [KB | FILE.html]
// (a Word paste of KB kilobytes, 1024 by default, or an HTML file such as a real report fixture).
// With PROFILE_NAMES=1 the module is rebuilt with its function names kept (wasm-opt -g) so the
// profile names Rust functions. Prints the top functions by self time over N=30 lintElement runs (N to change).
import { mkdirSync, cpSync, writeFileSync, rmSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openBenchPage } from './page.mjs';
import { wordPaste } from './paste.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const site = join(root, 'target/profile-browser');
rmSync(site, { recursive: true, force: true });
mkdirSync(site, { recursive: true });
cpSync(join(root, 'pkg/web'), join(site, 'web'), { recursive: true });
if (process.env.PROFILE_NAMES) {
  const wasm = join(root, 'target/wasm-out/web.wasm'); // as scripts/build-npm.sh leaves it, before wasm-opt
  const out = join(root, 'target/profile-names');
  execFileSync('wasm-bindgen', ['--target', 'web', '--keep-debug', '--out-dir', out, '--out-name', 'xxgk_lint', wasm]);
  execFileSync(join(root, 'node_modules/.bin/wasm-opt'), ['--mvp-features', '--enable-sign-ext', '--enable-bulk-memory', '--enable-mutable-globals', '--enable-nontrapping-float-to-int', '-Oz', '-g', join(out, 'xxgk_lint_bg.wasm'), '-o', join(site, 'web/xxgk_lint_bg.wasm')]);
  cpSync(join(out, 'xxgk_lint.js'), join(site, 'web/xxgk_lint.js'));
}
const arg = process.argv[2] || '1024';
const kb = /^\d+$/.test(arg) ? Number(arg) : null;
writeFileSync(join(site, 'paste.html'), kb === null ? readFileSync(arg) : wordPaste(root, kb * 1024));
const what = kb === null ? arg : `${kb} KB paste`;
writeFileSync(join(site, 'index.html'), '<!doctype html><meta charset="utf-8"><div id="editor" contenteditable="true"></div><script type="module" src="./page.js"></script>');
writeFileSync(join(site, 'page.js'), `
import * as api from './web/index.js';
window.setup = async () => {
  await api.init();
  const html = await (await fetch('./paste.html')).text();
  document.getElementById('editor').innerHTML = new DOMParser().parseFromString(html, 'text/html').body.innerHTML;
};
window.work = (n) => { for (let i = 0; i < n; i++) api.lintElement(document.getElementById('editor')); };
window.ready = true;`);

const { page, close } = await openBenchPage(site);
await page.evaluate(() => window.setup());
await page.evaluate(() => window.work(5));
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
await cdp.send('Profiler.start');
await page.evaluate((n) => window.work(n), Number(process.env.N || 30));
const { profile } = await cdp.send('Profiler.stop');
await close();

const self = new Map();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const dt = profile.timeDeltas;
let total = 0;
profile.samples.forEach((id, i) => {
  const n = byId.get(id);
  const name = n.callFrame.functionName || '(anonymous ' + n.callFrame.url.split('/').pop() + ')';
  const t = (dt[i] || 0) / 1000;
  total += t;
  self.set(name, (self.get(name) || 0) + t);
});
const per = (ms) => (ms / Number(process.env.N || 30)).toFixed(2);
console.log(`total ${per(total)} ms per lintElement (${what}), self time:`);
for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(per(ms).padStart(7), ' ', name.slice(0, 150));

// CALLERS=name[,name…]: who calls the functions whose name contains it (self time by caller).
for (const callee of (process.env.CALLERS || '').split(',').filter(Boolean)) {
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n);
  const by = new Map();
  profile.samples.forEach((id, i) => {
    const n = byId.get(id);
    if (!n.callFrame.functionName.includes(callee)) return;
    const chain = [];
    for (let p = parent.get(id); p && chain.length < 3; p = parent.get(p.id)) chain.push(p.callFrame.functionName.replace(/::h[0-9a-f]{16}$/, ''));
    const key = chain.join(' < ');
    by.set(key, (by.get(key) || 0) + (dt[i] || 0) / 1000);
  });
  console.log(`\ncallers of *${callee}*:`);
  for (const [k, ms] of [...by].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(per(ms).padStart(7), ' ', k.slice(0, 240));
}

// Inclusive time of the main phases (a function counts once per sample however deep).
{
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n);
  const phases = ['walkDom', 'lintDom', 'from_dom', 'read_dom', 'read_tree', 'lint_document', 'recognize::recognize', 'rules::run', 'sentences', 'serialize', 'js::report', 'passStringToWasm0', 'guarded', ...(process.env.PHASES || '').split(',').filter(Boolean)];
  const incl = new Map(phases.map((p) => [p, 0]));
  profile.samples.forEach((id, i) => {
    const seen = new Set();
    for (let n = byId.get(id); n; n = parent.get(n.id)) {
      for (const p of phases) if (!seen.has(p) && n.callFrame.functionName.includes(p)) { seen.add(p); incl.set(p, incl.get(p) + (dt[i] || 0) / 1000); }
    }
  });
  console.log('\ninclusive:');
  for (const [p, ms] of incl) console.log(per(ms).padStart(7), ' ', p);
}

// CHILDREN=name[,name…]: the inclusive time of each function called by the functions whose name
// contains it (self time of the named function itself as "(self)").
for (const caller of (process.env.CHILDREN || '').split(',').filter(Boolean)) {
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n);
  const by = new Map();
  profile.samples.forEach((id, i) => {
    let child = null;
    for (let n = byId.get(id); n; child = n, n = parent.get(n.id)) {
      if (!n.callFrame.functionName.includes(caller)) continue;
      const key = child ? child.callFrame.functionName.replace(/::h[0-9a-f]{16}$/, '') || '(anonymous)' : '(self)';
      by.set(key, (by.get(key) || 0) + (dt[i] || 0) / 1000);
      break;
    }
  });
  console.log(`\ncalled by *${caller}* (inclusive):`);
  for (const [k, ms] of [...by].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(per(ms).padStart(7), ' ', k.slice(0, 200));
}
