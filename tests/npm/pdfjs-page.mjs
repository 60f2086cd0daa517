// A Chromium page that runs js/pdf.js with pdf.js, under the demo page's CSP (its <meta> and
// its header): the test (pdfjs.test.mjs) and the dump (scripts/fixtures/pdfjs-dump.mjs) use it.
// `scratch` is target/pdfjs-e2e, where tests/npm/pdfjs.sh installed pdfjs-dist and playwright-core.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { serveDirs, CSP } from '../../scripts/serve-demo.mjs';
import { CHROMIUM_ARGS } from './serve.mjs';

/** pdf.js's builds: the modern one, and the legacy one for older browsers (its polyfills inside). */
export const BUILDS = { modern: 'build', legacy: 'legacy/build' };

const html = (script) => `<!doctype html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}"><link rel="icon" href="data:,">
<script type="module" src="./${script}"></script></head><body></body></html>`;

// The page's script: pdf.js as a caller loads it, passed to js/pdf.js with the worker and the
// data folders of the same origin.
const main = (dir) => `import * as pdfjs from '/pdfjs/${dir}/pdf.min.mjs';
import { pdfPages } from '/js/pdf.js';
const OPTIONS = { workerSrc: '/pdfjs/${dir}/pdf.worker.min.mjs', cMapUrl: '/pdfjs/cmaps/', standardFontDataUrl: '/pdfjs/standard_fonts/' };
window.violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.violations.push(e.violatedDirective + ' ' + e.blockedURI));
window.pdfjsVersion = pdfjs.version;
/** The extraction of a fixture (or of bytes given as an array), with its time and pdf.js's stages'. */
window.extract = async (file, options = {}) => {
  const bytes = typeof file === 'string' ? new Uint8Array(await (await fetch('/fixtures/' + file)).arrayBuffer()) : new Uint8Array(file);
  const timings = {};
  const t0 = performance.now();
  const result = await pdfPages(bytes, options.noPdfjs ? undefined : pdfjs, { ...OPTIONS, ...options, timings });
  return { ...result, ms: performance.now() - t0, timings, intact: bytes.length > 0 };
};
window.ready = true;
`;

/** Serve the pages, open Chromium; `page(build)` opens one with pdf.js's `build` loaded. */
export async function open({ root, scratch }) {
  const site = join(scratch, 'site');
  mkdirSync(site, { recursive: true });
  for (const [name, dir] of Object.entries(BUILDS)) {
    writeFileSync(join(site, `${name}.html`), html(`${name}.js`));
    writeFileSync(join(site, `${name}.js`), main(dir));
  }
  const mounts = { '/': site, '/js/': join(root, 'js'), '/pdfjs/': join(scratch, 'node_modules/pdfjs-dist'), '/fixtures/': join(root, 'tests/fixtures/pdf') };
  const { server, url } = await serveDirs(mounts, 0, { 'Content-Security-Policy': CSP });
  const { chromium } = createRequire(join(scratch, 'package.json'))('playwright-core');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return {
    url,
    browser,
    async page(build = 'modern') {
      const page = await browser.newPage();
      page.workersStarted = [];
      page.on('worker', (w) => page.workersStarted.push(new URL(w.url()).pathname));
      // pdf.js's errors, and a policy's refusals in the worker too (which the page's
      // securitypolicyviolation listener does not hear).
      page.errors = [];
      page.on('console', (m) => m.type() === 'error' && page.errors.push(m.text()));
      page.on('pageerror', (e) => page.errors.push(String(e)));
      await page.goto(url + build + '.html');
      await page.waitForFunction(() => window.ready === true, null, { timeout: 30000 });
      return page;
    },
    async close() {
      await browser.close();
      server.close();
    },
  };
}
