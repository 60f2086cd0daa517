// The browser benchmarks' page: serve a folder, open it in headless Debian Chromium and wait
// until the page sets `window.ready`. `close()` shuts the browser and the server down.
import { chromium } from 'playwright-core';
import { serve, CHROMIUM_ARGS } from '../../tests/npm/serve.mjs';

export async function openBenchPage(site) {
  const { server, url } = await serve(site);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.ready === true);
  return { page, close: async () => { await browser.close(); server.close(); } };
}
