// The package in a Vite app: `import { init, lint } from 'xxgk-lint'`, a production build,
// served and run in Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { serve, CHROMIUM_ARGS } from './serve.mjs';

const root = process.env.XXGK_ROOT;
const scratch = process.cwd();

test('a Vite production build bundles the package and lints in the browser', async () => {
  const app = join(scratch, 'vite-app');
  mkdirSync(join(app, 'public'), { recursive: true });
  writeFileSync(join(app, 'public/seed.txt'), readFileSync(join(root, 'tests/fixtures/xizou-2019.txt')));
  writeFileSync(join(app, 'index.html'), '<!doctype html><html><head><meta charset="utf-8"></head><body><script type="module" src="/main.js"></script></body></html>');
  writeFileSync(join(app, 'main.js'), `import { init, lint, ruleDoc } from 'xxgk-lint';
// Both modules now: the seed is text, which the second reads.
await init({ text: true });
const seed = await (await fetch('/seed.txt')).text();
window.doc = (await ruleDoc('T4-SUM', 'en')).split('\\n')[0];
window.result = lint(seed).summary;`);
  execFileSync(join(scratch, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { cwd: app, stdio: 'inherit' });
  const { server, url } = await serve(join(app, 'dist'));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(url);
    await page.waitForFunction(() => window.result !== undefined, null, { timeout: 20000 });
    assert.deepEqual(await page.evaluate(() => window.result), { errors: 2, warnings: 5, infos: 0 });
    // The docs asset is bundled as the package fetches it (new URL(…, import.meta.url)).
    assert.match(await page.evaluate(() => window.doc), /^# T4-SUM — /);
    // Vite emitted both modules as assets (new URL(…, import.meta.url)) and the second's glue
    // as a chunk of its own (a dynamic import).
    const assets = readdirSync(join(app, 'dist/assets'));
    assert.ok(assets.some((a) => /^xxgk_lint_bg-.*\.wasm$/.test(a)), assets.join(' '));
    assert.ok(assets.some((a) => /^xxgk_lint_text_bg-.*\.wasm$/.test(a)), assets.join(' '));
  } finally {
    await browser.close();
    server.close();
  }
});
