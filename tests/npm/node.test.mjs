// The packed package used from Node as a user installs it: ESM import and CommonJS require,
// giving exactly the native findings on every fixture; UTF-16 spans; error values, not
// exceptions; recovery after a trap.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import * as esm from 'xxgk-lint';
import { FIXTURES, nativeReports, comparable } from './expected.mjs';

const root = process.env.XXGK_ROOT;
const require = createRequire(import.meta.url);
const cjs = require('xxgk-lint');
const native = nativeReports(root);

test('ESM and CommonJS give the native findings on every fixture', async () => {
  await esm.init();
  for (const f of FIXTURES) {
    const input = readFileSync(join(root, f), 'utf8');
    const want = comparable({ ...native[f], file: undefined });
    assert.deepEqual(comparable(esm.lint(input)), want, f);
    assert.deepEqual(comparable(cjs.lint(input)), want, f);
  }
});

test('spans are UTF-16 string indices', () => {
  const input = readFileSync(join(root, 'tests/fixtures/xizou-2019.txt'), 'utf8');
  const r = esm.lint(input);
  const artefact = r.diagnostics.find((d) => d.rule === 'PASTE-ARTIFACT');
  assert.equal(input.slice(artefact.span[0], artefact.span[1]), '[bookmark: _GoBack]');
  const pinned = r.diagnostics.find((d) => d.rule === 'T3-ROW-TOTAL');
  assert.equal(input.slice(pinned.span[0], pinned.span[1]), '0');
  assert.equal(pinned.fix.value, '3');
});

test('options: language, rules, format; bad options and bad input are error values', () => {
  const input = readFileSync(join(root, 'tests/fixtures/xizou-2019.txt'), 'utf8');
  const en = esm.lint(input, { lang: 'en', rules: { 'T3-ROW-TOTAL': 'off', 'FMT-TITLE': 'error' } });
  assert.equal(en.summary.errors, 2);
  assert.ok(en.diagnostics.every((d) => d.rule !== 'T3-ROW-TOTAL'));
  assert.match(en.diagnostics[0].message, /Title/);
  const bad = esm.lint(input, { rules: { 'NO-SUCH': 'off' } });
  assert.equal(bad.diagnostics[0].rule, 'OPTIONS');
  assert.equal(esm.lint('   ').diagnostics[0].rule, 'INPUT-EMPTY');
  assert.equal(esm.lint('x'.repeat(100), { maxSize: 10 }).diagnostics[0].rule, 'INPUT-TOO-LARGE');
  assert.equal(JSON.stringify(esm.lint('')), JSON.stringify(esm.lint('')), 'plain JSON data');
});

test('rules() and version', () => {
  const list = esm.rules('en');
  assert.ok(list.find((r) => r.id === 'T3-IDENTITY' && r.severity === 'error'));
  assert.equal(typeof esm.version, 'string');
  assert.equal(cjs.version, esm.version);
});

test('ruleDoc() reads the rule docs on first use (ESM and CommonJS)', async () => {
  const zh = await esm.ruleDoc('T3-ROW-TOTAL');
  assert.match(zh, /^# T3-ROW-TOTAL — 表三各行/);
  assert.match(zh, /## 检查内容[\s\S]*## 依据[\s\S]*## 示例/);
  const en = await cjs.ruleDoc('T3-ROW-TOTAL', 'en');
  assert.match(en, /## What it checks[\s\S]*## Why[\s\S]*## Example/);
  // The same text as the CLI prints.
  const cli = execFileSync(join(root, 'target/release/xxgk-lint'), ['rules', '--explain', 'T3-ROW-TOTAL', '--lang', 'en'], { encoding: 'utf8' });
  assert.equal(en, cli);
  assert.match(await esm.ruleDoc('INPUT-EMPTY', 'en'), /empty/);
  await assert.rejects(esm.ruleDoc('NO-SUCH-RULE'), /unknown rule “NO-SUCH-RULE”/);
});

test('a trap does not take the module down', async () => {
  // Internal modules (not exported): reached by path, the same instances the package uses.
  const dir = join(process.cwd(), 'node_modules/xxgk-lint/pkg/node');
  const glue = require(join(dir, 'xxgk_lint.js'));
  const core = require(join(dir, 'core.cjs'));
  const r = core.guarded(glue, () => glue.__panicForTest());
  assert.equal(r.diagnostics[0].rule, 'INTERNAL-ERROR');
  const input = readFileSync(join(root, 'tests/fixtures/xizou-2019.txt'), 'utf8');
  assert.equal(cjs.lint(input).summary.errors, 2, 'still works after the trap');
});

test('tables with more distinct texts than the module shares are the native ones', async () => {
  // Every cell of the Excel paste's 表三 a text of its own (the module makes the first 64
  // strings once and shares them; the rest are made apart).
  let html = readFileSync(join(root, 'tests/fixtures/clipboard/excel-table3.html'), 'utf8');
  let i = 0;
  html = html.replace(/x:num>0<\/td>/g, () => 'x:num>' + (1000 + i++) + '</td>');
  assert.ok(i > 100);
  const want = nativeTables(html);
  const got = esm.lint(html).tables;
  assert.equal(JSON.stringify(got), JSON.stringify(want));
  assert.ok(new Set(Object.values(got['三']).flatMap((r) => Object.values(r.values).map((c) => c.text))).size > 64);
});

// The tables the native CLI finds in an HTML text (written to a scratch file and checked).
function nativeTables(html) {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-tables-'));
  const file = join(dir, 'report.html');
  writeFileSync(file, html);
  const run = spawnSync(join(root, 'target/release/xxgk-lint'), ['check', '--json', '--no-pairing', file], { encoding: 'utf8' });
  rmSync(dir, { recursive: true });
  return JSON.parse(run.stdout)[0].tables;
}

test('stripHighlight without a DOM removes exactly what highlight added', () => {
  assert.equal(cjs.stripHighlight('<td data-xxgk-severity="error" title="应为 3">0</td>'), '<td>0</td>');
  assert.equal(cjs.stripHighlight('<td class="x" data-xxgk-severity="warning" data-xxgk-title="原有" title="新">0</td>'), '<td class="x" title="原有">0</td>');
  assert.equal(cjs.stripHighlight('<td title="不动">0</td>'), '<td title="不动">0</td>');
});

test('tables with odd values are the native ones, keys in the same order', async () => {
  // The Excel paste with odd values: in 表三's first row a fraction whose mantissa is beyond
  // 2^53, the largest safe integer, a text with a quote, a backslash and a control character;
  // in the second, short fractions; in the third, an integer beyond i64.
  let html = readFileSync(join(root, 'tests/fixtures/clipboard/excel-table3.html'), 'utf8');
  const odd = ['12345678901234567.25', '0.125', '1.5', '9007199254740991', '12.5&quot;\\x\u0001', '0.5',
    '0.000001', '-2.5', '0.1', '123.456', '0.30', '7.000', '2', '99999999999999999999'];
  for (const v of odd) html = html.replace('x:num>0</td>', 'x:num>' + v + '</td>');
  const want = nativeTables(html);
  const got = esm.lint(html).tables;
  assert.deepEqual(got, want);
  assert.equal(JSON.stringify(got), JSON.stringify(want), 'the same keys in the same order');
  assert.equal(got['三'][0].values['其他'].text, '12.5"\\x\u0001');
  assert.deepEqual(Object.values(got['三'][1].values).map((c) => c.value), [0.5, 0.000001, -2.5, 0.1, 123.456, 0.3, 7]);
  assert.equal(got['三'][2].values['科研机构'].value, 1e20);
});
