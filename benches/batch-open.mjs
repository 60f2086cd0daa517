// How long the --html summary page takes to open in headless Chromium from a file:// URL:
// from navigation to the page's script done (body[data-ready]: the data parsed, the first page
// of the table drawn), then a sort, a filter and one report's detail. The best of three loads.
import { chromium } from 'playwright-core';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const url = pathToFileURL(resolve(process.argv[2])).href;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
const times = [];
let page;
for (let i = 0; i < 3; i++) {
  page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
  const t0 = performance.now();
  await page.goto(url, { timeout: 120000 });
  await page.waitForSelector('body[data-ready]', { timeout: 120000 });
  times.push(performance.now() - t0);
  if (i < 2) await page.close();
}
const time = async (f) => { const t0 = performance.now(); await f(); return (performance.now() - t0).toFixed(0); };
const sort = await time(async () => { await page.click('#list th[data-key="errors"] button'); await page.waitForSelector('#list th[aria-sort]'); });
const filter = await time(async () => { await page.fill('#filter', '样本00001'); await page.waitForFunction(() => document.querySelectorAll('#list tbody tr').length < 100); });
const detail = await time(async () => { await page.click('#list tbody tr'); await page.waitForSelector('#detail h2'); });
console.log(`page opened in ${Math.min(...times).toFixed(0)} ms (loads: ${times.map((t) => t.toFixed(0)).join(', ')}); sort ${sort} ms, filter ${filter} ms, a detail ${detail} ms`);
await browser.close();
