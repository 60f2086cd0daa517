// The browser's PDF extractor (js/pdf.js) with pdf.js (pdfjs-dist, the exact version of
// tests/npm/pdfjs/package.json) in Debian Chromium, under the demo page's CSP: the corpus PDFs'
// pages, text and table borders; the geometry (y down, the CTM, Form XObjects, rotation, crop
// box, clips and soft masks) on PDFs made here; and the refusals. Run by tests/npm/pdfjs.sh.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { open, BUILDS } from './pdfjs-page.mjs';
import { pdf, stream } from './pdf.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const scratch = process.env.XXGK_PDFJS || join(root, 'target/pdfjs-e2e');

const HEADINGS = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];

/**
 * The corpus PDFs: their pages, title, and how they draw 表三 — every border its own stroked
 * one-segment path (WPS through Jisupdf), counted in 表三's region from its heading to 四's.
 * 洪泽 also fills every cell white, a rectangle per cell (淮安 2024 does not); both fill a white
 * rectangle behind every line of body text, and shade some rows (#c6d9f1).
 */
const PDFS = {
  'jiangsu-huaian-shi-2024.pdf': { pages: 6, title: '淮安市人民政府2024年政府信息公开工作年度报告', borders: { horizontal: 30, vertical: 22, rects: 0 } },
  'jiangsu-huaian-hongze-qu-2023.pdf': { pages: 5, title: '洪泽区人民政府2023年政府信息公开工作年度报告', borders: { horizontal: 27, vertical: 22, rects: 202 } },
  'jiangsu-huaian-hongze-qu-2024.pdf': { pages: 5, title: '洪泽区人民政府2024年政府信息公开工作年度报告', borders: { horizontal: 28, vertical: 22, rects: 202 } },
};

/** 表三's 总计 column as pdftotext -layout reads it: the last number of each line of the table. */
function totalsColumn(name) {
  const text = readFileSync(join(root, 'tests/fixtures', name.replace('.pdf', '.pdftotext-layout.txt')), 'utf8');
  const table = text.slice(text.indexOf(HEADINGS[2]), text.indexOf(HEADINGS[3]));
  return table.split('\n').map((l) => l.match(/(\d+)\s*$/)).filter(Boolean).map((m) => Number(m[1]));
}

/** 表三's region: from its heading to 四's, as [page, top, bottom] spans. */
function region(pages) {
  const at = (heading) => {
    for (const p of pages) for (const t of p.texts) if (t.text.replace(/\s/g, '') === heading) return [p.number, t.y];
    throw new Error('no heading ' + heading);
  };
  const [p0, y0] = at(HEADINGS[2]);
  const [p1, y1] = at(HEADINGS[3]);
  return pages.filter((p) => p.number >= p0 && p.number <= p1).map((p) => [p, p.number === p0 ? y0 : 0, p.number === p1 ? y1 : p.height]);
}

/** The 总计 column read from the runs: the rightmost number of each row of 表三, rows top to bottom. */
function totalsRead(pages) {
  const column = [];
  for (const [page, top, bottom] of region(pages)) {
    const rows = [];
    for (const t of page.texts) {
      if (!/^\d+$/.test(t.text) || t.y <= top || t.y >= bottom) continue;
      const row = rows.find((r) => Math.abs(r.y - t.y) < 2);
      if (!row) rows.push({ y: t.y, last: t });
      else if (t.x > row.last.x) row.last = t;
    }
    column.push(...rows.sort((a, b) => a.y - b.y).map((r) => Number(r.last.text)));
  }
  return column;
}

let site;
let modern; // the page with pdf.js's modern build
const extracted = {};

before(async () => {
  site = await open({ root, scratch });
  modern = await site.page('modern');
});

after(async () => {
  await site?.close();
});

test('the corpus PDFs: pages and sizes, y down, under the demo page\'s CSP, in one worker of pdf.js\'s own', async () => {
  assert.equal(await modern.evaluate(() => window.pdfjsVersion), JSON.parse(readFileSync(join(root, 'tests/npm/pdfjs/package.json'), 'utf8')).dependencies['pdfjs-dist']);
  for (const [name, want] of Object.entries(PDFS)) {
    const got = await modern.evaluate((f) => window.extract(f), name);
    assert.ok(!got.refusal, name + ': ' + JSON.stringify(got.refusal));
    assert.ok(got.intact, name + ': the caller\'s bytes were handed over to the worker');
    extracted[name] = got.pages;
    assert.equal(got.pages.length, want.pages, name);
    got.pages.forEach((p, i) => {
      assert.deepEqual([p.number, p.width, p.height], [i + 1, 595, 842], name);
      // y grows down: the page number sits at the foot, and a page's headings come down it in order.
      const footer = p.texts.find((t) => t.text.replace(/\s/g, '') === `-${p.number}-`);
      assert.ok(footer && footer.y > 790, `${name} p${p.number}: footer ${JSON.stringify(footer)}`);
      const ys = p.texts.filter((t) => HEADINGS.includes(t.text)).map((t) => t.y);
      assert.deepEqual(ys, [...ys].sort((a, b) => a - b), `${name} p${p.number}`);
      for (const t of p.texts) {
        assert.ok(t.text.trim() && t.x >= 0 && t.x < 595 && t.y > 0 && t.y < 842 && t.width > 0 && t.size > 5 && t.size < 30, `${name}: ${JSON.stringify(t)}`);
      }
    });
  }
  assert.deepEqual(modern.workersStarted, ['/pdfjs/build/pdf.worker.min.mjs'], 'one module worker, of the page\'s origin, kept for every file');
  assert.deepEqual(await modern.evaluate(() => window.violations), []);
  assert.deepEqual(modern.errors, []);
});

test('the corpus PDFs: the runs in order hold the title, the six headings and 表三\'s 总计 column', () => {
  for (const name of Object.keys(PDFS)) {
    const text = extracted[name].flatMap((p) => p.texts.map((t) => t.text)).join('').replace(/\s/g, '');
    let at = text.indexOf(PDFS[name].title);
    assert.ok(at >= 0 && at < 100, name + ': title');
    for (const h of HEADINGS) {
      const next = text.indexOf(h, at);
      assert.ok(next > at, `${name}: ${h} after what precedes it`);
      at = next;
    }
    assert.deepEqual(totalsRead(extracted[name]), totalsColumn(name), name + ': 表三 总计, as pdftotext reads it');
  }
  // The corpus README's figures for 淮安 2024: 3119 + 34 = 3050 + 103; 3050 = 1362 + 454 + 178 + 781 + 88 + 187.
  const c = totalsRead(extracted['jiangsu-huaian-shi-2024.pdf']);
  const sum = (from, to) => c.slice(from, to).reduce((a, b) => a + b, 0);
  assert.deepEqual([c[0], c[1], c[2], c[3], sum(4, 12), sum(12, 15), sum(15, 20), sum(20, 23), c[23], c[24]], [3119, 34, 1362, 454, 178, 781, 88, 187, 3050, 103]);
});

test('the corpus PDFs: 表三\'s borders are stroked segments, and every number sits in a bordered cell', () => {
  for (const [name, want] of Object.entries(PDFS)) {
    const counts = { horizontal: 0, vertical: 0, rects: 0 };
    for (const [page, top, bottom] of region(extracted[name])) {
      const inside = (y) => y > top && y < bottom;
      const across = page.lines.filter(([, y0, , y1]) => y0 === y1 && inside(y0));
      const down = page.lines.filter(([x0, y0, x1, y1]) => x0 === x1 && (inside(y0) || inside(y1)));
      assert.equal(across.length + down.length, page.lines.filter(([, y0, , y1]) => inside(y0) || inside(y1)).length, 'no slanted border');
      counts.horizontal += across.length;
      counts.vertical += down.length;
      counts.rects += page.rects.filter(([, y, , h]) => inside(y) && inside(y + h)).length;
      for (const t of page.texts.filter((t) => /^\d+$/.test(t.text) && inside(t.y))) {
        const mid = t.x + t.width / 2;
        const spans = (l) => Math.min(l[0], l[2]) <= mid && Math.max(l[0], l[2]) >= mid;
        const covers = (l) => Math.min(l[1], l[3]) <= t.y && Math.max(l[1], l[3]) >= t.y;
        const box = [
          across.some((l) => spans(l) && l[1] < t.y - t.size * 0.5),
          // At a page break WPS draws no bottom border: there the side borders end under the row.
          across.some((l) => spans(l) && l[1] > t.y) || down.some((l) => covers(l) && Math.max(l[1], l[3]) < t.y + t.size),
          down.some((l) => covers(l) && l[0] < t.x),
          down.some((l) => covers(l) && l[0] > t.x + t.width),
        ];
        assert.deepEqual(box, [true, true, true, true], `${name} p${page.number}: ${JSON.stringify(t)} above, below, left, right`);
        if (want.borders.rects) {
          const cell = page.rects.some(([x, y, w, h]) => x < t.x && x + w > t.x + t.width && y < t.y && y + h > t.y);
          assert.ok(cell, `${name} p${page.number}: ${JSON.stringify(t)} in its cell's filled rectangle`);
        }
      }
    }
    assert.deepEqual(counts, want.borders, name);
  }
});

test('pdf.js\'s legacy build (for older browsers) gives the same pages', async () => {
  const legacy = await site.page('legacy');
  for (const name of Object.keys(PDFS)) {
    const got = await legacy.evaluate((f) => window.extract(f), name);
    assert.deepEqual(got.pages, extracted[name], name);
  }
  assert.deepEqual(legacy.workersStarted, ['/pdfjs/legacy/build/pdf.worker.min.mjs']);
  assert.deepEqual(await legacy.evaluate(() => window.violations), []);
  assert.deepEqual(legacy.errors, []);
  await legacy.close();
});

// ---------------------------------------------------------------- PDFs made here

// One drawing, on three pages: as it is, turned (/Rotate 90), and cropped (/CropBox).
const CONTENT = [
  'BT /F1 10 Tf 1 0 0 1 20 70 Tm (Hello) Tj ET',
  '0.5 w 10 10 m 190 10 l S', // a line
  'q 1 0 0 1 50 0 cm 0 20 m 0 60 l S Q', // a line under a translation (pdf.js folds it into the path)
  'q 2 0 0 2 0 0 cm 60 10 5 5 re f Q', // a filled rectangle under a scale
  'q 10 10 30 30 re W n Q', // a clip: no drawing
  '/X1 Do', // a Form XObject, moved by its /Matrix
  '20 50 100 0 re S', // a rectangle of no height
  '150 40 m 180 40 l 180 60 l 150 60 l h S', // a closed four-sided path, stroked
  '160 5 m 170 5 l 170 8 l 160 8 l f', // four sides filled, not closed: filling closes it
  '120 80 m 130 90 140 90 150 80 c S', // a curve: left out
  'q /GS1 gs 60 60 m 70 60 l S Q', // a line under a soft mask, whose own drawing is never seen
].join('\n');
// In PDF coordinates (y up): what the page above must give. A stroked rectangle's sides are
// lines (the zero-height one: there and back); only filled rectangles are rects.
const LINES = [
  [10, 10, 190, 10], [50, 20, 50, 60], [100, 20, 110, 20], [60, 60, 70, 60],
  [20, 50, 120, 50], [120, 50, 20, 50],
  [150, 40, 180, 40], [180, 40, 180, 60], [180, 60, 150, 60], [150, 60, 150, 40],
];
const RECTS = [[120, 20, 130, 30], [160, 5, 170, 8]]; // corners

function drawing() {
  const page = (extra) => `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] ${extra} /Contents 3 0 R /Resources << /Font << /F1 4 0 R >> /XObject << /X1 5 0 R >> /ExtGState << /GS1 6 0 R >> >> >>`;
  return pdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [8 0 R 9 0 R 10 0 R] /Count 3 >>',
    stream('', CONTENT),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    stream('/Type /XObject /Subtype /Form /BBox [0 0 100 100] /Matrix [1 0 0 1 100 0]', '0 20 m 10 20 l S'),
    '<< /Type /ExtGState /SMask << /Type /Mask /S /Luminosity /G 7 0 R >> >>',
    stream('/Type /XObject /Subtype /Form /BBox [0 0 200 100] /Group << /S /Transparency /CS /DeviceGray >>', '1 g 0 0 m 200 100 l S 0 0 200 100 re f'),
    page(''),
    page('/Rotate 90'),
    page('/CropBox [10 10 190 90]'),
  ]);
}

const rounded = (v) => Math.round(v * 1000) / 1000 + 0;
/** A page's expected drawings and text, mapped from PDF coordinates to the page as shown. */
function expected(map, width, height, number) {
  const rect = ([x0, y0, x1, y1]) => {
    const [a, b] = [map(x0, y0), map(x1, y1)];
    const [left, top] = [Math.min(a[0], b[0]), Math.min(a[1], b[1])];
    return [left, top, Math.max(a[0], b[0]) - left, Math.max(a[1], b[1]) - top].map(rounded);
  };
  const [x, y] = map(20, 70);
  return {
    number, width, height,
    texts: [{ text: 'Hello', x, y, width: 22.78, size: 10 }], // Helvetica: H e l l o = 722 + 556 + 222 + 222 + 556
    lines: LINES.map(([x0, y0, x1, y1]) => [...map(x0, y0), ...map(x1, y1)]),
    rects: RECTS.map(rect),
  };
}

test('geometry: y down from the top, the CTM, Form XObjects, rotation and crop box; clips, curves and soft masks are no drawings', async () => {
  const got = await modern.evaluate((bytes) => window.extract(bytes), drawing());
  assert.ok(got.pages, JSON.stringify(got.refusal));
  const sort = (p) => ({ ...p, lines: [...p.lines].sort(), rects: [...p.rects].sort() });
  assert.deepEqual(got.pages.map(sort), [
    expected((x, y) => [x, 100 - y], 200, 100, 1),
    expected((x, y) => [y, x], 100, 200, 2), // turned a quarter clockwise: PDF's origin at the top left
    expected((x, y) => [x - 10, 90 - y], 180, 80, 3),
  ].map(sort));
});

test('a Chinese font not embedded is read through pdf.js\'s CMaps, fetched from cMapUrl under the CSP', async () => {
  // 政府信息 in UCS-2 codes, shown in STSong-Light (Adobe-GB1), which the file does not carry.
  const song = '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /DW 1000 /FontDescriptor << /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >> >>] >>';
  const bytes = pdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [4 0 R] /Count 1 >>', stream('', 'BT /F1 12 Tf 20 40 Td <653F5E9C4FE1606F> Tj ET'),
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 3 0 R /Resources << /Font << /F1 5 0 R >> >> >>', song]);
  const page = await site.page('modern');
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  const got = await page.evaluate((bytes) => window.extract(bytes), bytes);
  assert.deepEqual(got.pages && got.pages[0].texts, [{ text: '政府信息', x: 20, y: 60, width: 48, size: 12 }], JSON.stringify(got));
  assert.ok(fetched.includes('/pdfjs/cmaps/UniGB-UCS2-H.bcmap'), fetched.join(' '));
  assert.deepEqual(page.errors, []);
  // Without the CMaps pdf.js cannot read those codes.
  const without = await page.evaluate((bytes) => window.extract(bytes, { cMapUrl: undefined }), bytes);
  assert.notDeepEqual(without.pages && without.pages[0].texts.map((t) => t.text), ['政府信息']);
  await page.close();
});

test('refusals: encrypted, damaged, a scan, too many pages, no pdf.js', async () => {
  const hex = (n, byte) => '<' + byte.repeat(n) + '>';
  const page = '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 3 0 R >>';
  const cases = {
    // AES-256 (revision 5) with a user password: the empty one does not open it.
    encrypted: pdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [4 0 R] /Count 1 >>', stream('', '0 0 m 1 1 l S'), page,
      `<< /Filter /Standard /V 5 /R 5 /Length 256 /P -4 /O ${hex(48, '11')} /U ${hex(48, '22')} /OE ${hex(32, '33')} /UE ${hex(32, '44')} /Perms ${hex(16, '55')} >>`],
    '/Encrypt 5 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]'),
    damaged: [...Buffer.from('%PDF-1.7\nthis is no PDF body\n%%EOF\n')],
    scan: pdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [4 0 R 5 0 R] /Count 2 >>', stream('', '0 0 m 200 100 l S'), page, page.replace('4 0', '5 0')]),
    pages: pdf(['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${Array(501).fill('4 0 R').join(' ')}] /Count 501 >>`, stream('', 'BT ET'), page]),
  };
  const want = { encrypted: ['encrypted', 0], damaged: ['damaged', 0], scan: ['no-text', 2], pages: ['pages', 501] };
  for (const [name, bytes] of Object.entries(cases)) {
    const got = await modern.evaluate((bytes) => window.extract(bytes), bytes);
    assert.deepEqual(got.refusal && [got.refusal.code, got.refusal.n], want[name], name + ': ' + JSON.stringify(got));
  }
  const missing = await modern.evaluate(() => window.extract('jiangsu-huaian-hongze-qu-2024.pdf', { noPdfjs: true }));
  assert.equal(missing.refusal.code, 'pdfjs');
  // No worker source (pdf.js 6 has no default in a browser): refused, and the next call with one works.
  const fresh = await site.page('modern');
  const noWorker = await fresh.evaluate(() => window.extract('jiangsu-huaian-hongze-qu-2024.pdf', { workerSrc: undefined }));
  assert.deepEqual([noWorker.refusal && noWorker.refusal.code, noWorker.refusal && noWorker.refusal.text], ['pdfjs', 'No "GlobalWorkerOptions.workerSrc" specified.']);
  assert.equal((await fresh.evaluate(() => window.extract('jiangsu-huaian-hongze-qu-2024.pdf'))).pages.length, 5);
  assert.deepEqual(fresh.workersStarted, ['/pdfjs/build/pdf.worker.min.mjs']);
  await fresh.close();
});

test('timings (Chromium, this machine) and what a page checking a PDF downloads', async (t) => {
  const { gzipSync } = await import('node:zlib');
  for (const [build, dir] of Object.entries(BUILDS)) {
    const size = (f) => gzipSync(readFileSync(join(scratch, 'node_modules/pdfjs-dist', dir, f)), { level: 9 }).length;
    t.diagnostic(`${build}: pdf.min.mjs ${(size('pdf.min.mjs') / 1024).toFixed(1)} KB + pdf.worker.min.mjs ${(size('pdf.worker.min.mjs') / 1024).toFixed(1)} KB gzip`);
  }
  for (const name of Object.keys(PDFS)) {
    const page = await site.page('modern'); // cold: a fresh page, its worker not started yet
    const runs = [];
    for (let i = 0; i < 4; i++) runs.push(await page.evaluate((f) => window.extract(f), name));
    await page.close();
    const ms = (r) => `${Math.round(r.ms)} ms (open ${Math.round(r.timings.open)}, text ${Math.round(r.timings.text)}, operators ${Math.round(r.timings.operators)})`;
    const warm = runs.slice(1).sort((a, b) => a.ms - b.ms)[1];
    t.diagnostic(`${name}, ${runs[0].pages.length} pages: first ${ms(runs[0])}; again (median of 3) ${ms(warm)}, ${Math.round(warm.ms / runs[0].pages.length)} ms a page`);
  }
});
