// The package's types, checked against the packed tarball as a user installs it (run.sh installs
// it into node_modules here): @arethetypeswrong/cli on the tarball, and a strict `tsc` compile of a
// small consumer — the API, `xxgk-lint/editors`, the `xxgk-lint/classic` global — under
// moduleResolution node16, nodenext (an ES module and a CommonJS consumer each) and bundler.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = process.env.XXGK_ROOT;
const bin = (name) => join(root, 'node_modules', '.bin', name);
const here = process.cwd();
const tarball = readdirSync(here).find((f) => /^xxgk-lint-.*\.tgz$/.test(f));
const installed = join(here, 'node_modules', 'xxgk-lint');

test('arethetypeswrong: no problem but the ones documented', () => {
  assert.ok(tarball, 'the packed tarball is beside the tests');
  // ./wasm and ./text-wasm are binary assets, not modules: what importing one gives is the
  // bundler's business (a URL, with Vite's `?url`), so no declaration could be true for them
  // (README, "Types").
  const run = spawnSync(bin('attw'), [tarball, '--format', 'json', '--exclude-entrypoints', './wasm', './text-wasm'], { encoding: 'utf8' });
  assert.equal(run.error, undefined);
  const { analysis } = JSON.parse(run.stdout);
  const problems = analysis.problems.map((p) => `${p.kind} ${p.entrypoint ?? ''} ${p.resolutionKind ?? ''}`.trim()).sort();
  // None: the editor adapters have a CommonJS build with CommonJS types for `require`, and the
  // classic script (a plain script, in a folder that says CommonJS) CommonJS declarations.
  assert.deepEqual(problems, []);
  // Every entrypoint resolves to types, in every resolution mode, and the root's types have the
  // module format of the file they describe (CommonJS for `require`, ESM for `import`).
  const entrypoints = Object.keys(analysis.entrypoints).sort();
  assert.deepEqual(entrypoints, ['.', './classic', './editors', './package.json']);
  for (const [name, entry] of Object.entries(analysis.entrypoints)) {
    if (name === './package.json') continue;
    for (const [kind, resolution] of Object.entries(entry.resolutions)) {
      assert.ok(resolution.resolution?.isTypeScript, `${name} under ${kind} resolves to types`);
    }
  }
  const rootTypes = analysis.entrypoints['.'].resolutions;
  assert.match(rootTypes['node16-cjs'].resolution.fileName, /pkg\/index\.d\.cts$/);
  assert.match(rootTypes['node16-esm'].resolution.fileName, /pkg\/index\.d\.ts$/);
  assert.match(rootTypes.bundler.resolution.fileName, /pkg\/index\.d\.ts$/);
  const editorTypes = analysis.entrypoints['./editors'].resolutions;
  assert.match(editorTypes['node16-cjs'].resolution.fileName, /pkg\/editors\.d\.cts$/);
  assert.match(editorTypes['node16-esm'].resolution.fileName, /pkg\/editors\.d\.ts$/);
  assert.match(editorTypes.bundler.resolution.fileName, /pkg\/editors\.d\.ts$/);
  for (const kind of ['node16-cjs', 'node16-esm', 'bundler']) {
    assert.match(analysis.entrypoints['./classic'].resolutions[kind].resolution.fileName, /pkg\/classic\/xxgk-lint\.d\.ts$/);
  }
});

test('require(\'xxgk-lint/editors\'): the CommonJS build has the ES module\'s adapters', () => {
  const run = spawnSync(process.execPath, ['-e', `
    const cjs = require('xxgk-lint/editors');
    import('xxgk-lint/editors').then((esm) => {
      console.log(JSON.stringify([Object.keys(cjs).sort(), Object.keys(esm).sort()]));
    });`], { encoding: 'utf8', cwd: here });
  assert.equal(run.status, 0, run.stderr);
  const [cjs, esm] = JSON.parse(run.stdout);
  assert.deepEqual(cjs, esm);
  assert.deepEqual(esm, ['cellTextRange', 'ckeditor4', 'ckeditor5', 'createChecker', 'kindeditor', 'replaceWithTable', 'setCellText', 'summaryText', 'textRunRange', 'tinymce', 'ueditor', 'wangeditor']);
});

test('the CommonJS types (index.d.cts) declare the same report types as the ES module types', () => {
  // index.d.cts takes the report types from the Node build's generated .d.ts, index.d.ts from the
  // browser build's: both are generated from the same Rust types (tsify), before the functions.
  const reportTypes = (file) => readFileSync(join(installed, file), 'utf8').split(/^export function /m)[0];
  assert.equal(reportTypes('pkg/node/xxgk_lint.d.ts'), reportTypes('pkg/web/xxgk_lint.d.ts'));
  const esm = readFileSync(join(installed, 'pkg/index.d.ts'), 'utf8');
  const cjs = readFileSync(join(installed, 'pkg/index.d.cts'), 'utf8');
  assert.equal(cjs.replace(/^\/\/ Generated.*\n/, '').replace("'./node/xxgk_lint.js'", "'./web/xxgk_lint.js'"), esm);
});

// The consumer, as a TypeScript user writes it. Each `@ts-expect-error` proves the types are
// there (an `any` would make it unused, which is an error).
const esmConsumer = `
import { init, initSync, loadTextReaders, lint, lintElement, lintFile, findCell, highlight, clearHighlight, stripHighlight, rules, ruleDoc, version } from 'xxgk-lint';
import type { LintReport, Diagnostic, Fix, LintOptions, LintFileOptions, Severity, TextRun } from 'xxgk-lint';
import * as api from 'xxgk-lint';
import { tinymce, ckeditor5, ueditor, summaryText, setCellText } from 'xxgk-lint/editors';
import type { Checker, AdapterOptions } from 'xxgk-lint/editors';

export async function check(body: HTMLElement, file: File, bytes: Uint8Array): Promise<string> {
  await init();
  await init({ wasm: new URL('https://cms.example/xxgk_lint_bg.wasm'), text: true });
  await loadTextReaders();
  if (version.length === 0) initSync(bytes);
  const options: LintOptions = { lang: 'en', format: '2021', rules: { 'CELL-BLANK': 'off' } };
  const report: LintReport = lint('<table><tr><td>1</td></tr></table>', options);
  if (report.pending === 'text') await loadTextReaders();
  const first: Diagnostic | undefined = report.diagnostics[0];
  const fix: Fix | null | undefined = report.diagnostics[0]?.fix;
  const value: string | undefined = fix?.value;
  const severity: Severity | undefined = first?.severity;
  // @ts-expect-error: a finding's fix may be null
  const unchecked: string = report.diagnostics[0].fix.value;
  // @ts-expect-error: no such option
  lint('', { language: 'en' });
  const live = lintElement(body, { lang: 'zh' });
  highlight(body, live);
  const cell: Element | null = first?.cell ? findCell(body, first.cell) : null;
  clearHighlight(body);
  const clean: string = stripHighlight(body.innerHTML);
  const fileOptions: LintFileOptions = { encoding: 'gbk', pdfjs: '/node_modules/pdfjs-dist/' };
  const fromFile = await lintFile(file, fileOptions);
  const fromBytes = await lintFile(bytes);
  const doc: string = await ruleDoc('T3-ROW-TOTAL', 'zh');
  const ids: string[] = rules('en').map((r) => r.id);
  const adapterOptions: AdapterOptions = { save: 'block', delay: 200, onReport: (r, c) => void c.canPublish() };
  const checker: Checker = tinymce(api, {}, adapterOptions);
  ckeditor5(api, {});
  ueditor(api, {}, { lint: { lang: 'en' } });
  const fixed: boolean = first ? checker.fix(first) : false;
  const runs: TextRun[] = checker.rebuildable();
  const node: number | undefined = live.rebuildable[0]?.first?.node;
  const rebuilt: boolean = runs.length > 0 && checker.rebuildTable(runs[0].table, { applyFixes: true });
  // @ts-expect-error: there is no 表五
  checker.rebuildTable('五');
  const td = checker.report ? checker.cell(checker.report.diagnostics[0]) : null;
  if (td) setCellText(td, '3');
  const pending: 'text' | undefined = live.pending;
  return [summaryText(live), value, severity, unchecked, String(cell), clean, fromFile.input, fromBytes.encoding, doc, ids.join(), String(fixed), pending, node, rebuilt, version].join();
}
`;

const cjsConsumer = `
import xxgk = require('xxgk-lint');
import editors = require('xxgk-lint/editors');
import { lint, lintFile } from 'xxgk-lint';
import type { LintReport, Fix } from 'xxgk-lint';

export async function check(body: Element, bytes: Uint8Array): Promise<string> {
  await xxgk.init();
  await xxgk.loadTextReaders();
  const report: LintReport = lint('报告', { lang: 'en' });
  if (report.pending === 'text') await xxgk.loadTextReaders();
  const fix: Fix | null | undefined = report.diagnostics[0]?.fix;
  // @ts-expect-error: a finding's fix may be null
  const unchecked: string = report.diagnostics[0].fix.value;
  const live = xxgk.lintElement(body);
  const fromBytes = await lintFile(bytes, { encoding: 'gb18030' });
  const doc: string = await xxgk.ruleDoc(report.diagnostics[0]?.rule ?? 'T3-ROW-TOTAL');
  // The adapters' CommonJS build, handed the API it required.
  const rebuilt: boolean = editors.tinymce(xxgk, {}).rebuildTable('三', { applyFixes: true });
  const checker = editors.ckeditor4(xxgk, {}, { save: 'warn' });
  const ok: boolean = checker.canPublish();
  return [fix?.value, unchecked, live.summary.errors, fromBytes.input, doc, ok, rebuilt, editors.summaryText(report), xxgk.version].join();
}
`;

const classicConsumer = `
/// <reference types="xxgk-lint/classic" />
// A page that loads pkg/classic/xxgk-lint.js with a <script> tag.
export async function page(body: HTMLElement): Promise<boolean> {
  await window.xxgkLint.init({ wasm: '/static/xxgk_lint_bg.wasm' });
  const report = xxgkLint.lintElement(body, { lang: 'zh' });
  const fix = report.diagnostics[0]?.fix;
  const checker = xxgkLint.editors.kindeditor({}, { save: 'block' });
  // @ts-expect-error: the bound adapters take no API argument
  xxgkLint.editors.tinymce(xxgkLint, {}, {});
  const doc: string = await globalThis.xxgkLint.ruleDoc('T3-ROW-TOTAL');
  return checker.canPublish() && !report.pending && fix?.value !== doc && xxgkLint.editors.summaryText(report) !== '';
}
`;

function compile(name, compilerOptions, files) {
  const dir = join(here, 'types', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  const tsconfig = {
    compilerOptions: { strict: true, skipLibCheck: false, noEmit: true, target: 'es2022', lib: ['es2022', 'dom'], types: [], ...compilerOptions },
    files: Object.keys(files),
  };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
  const run = spawnSync(bin('tsc'), ['-p', dir, '--listFiles'], { encoding: 'utf8' });
  assert.equal(run.status, 0, `tsc (${name}):\n${run.stdout}${run.stderr}`);
  // What it compiled against: the installed package's declarations, never the source tree's.
  return run.stdout.split('\n').filter((f) => f.includes('xxgk-lint')).map((f) => relative(installed, f));
}

for (const mode of ['node16', 'nodenext']) {
  test(`strict tsc, moduleResolution ${mode}: an ES module and a CommonJS consumer`, () => {
    const used = compile(mode, { module: mode, moduleResolution: mode }, { 'esm.mts': esmConsumer, 'cjs.cts': cjsConsumer, 'classic.mts': classicConsumer });
    for (const f of ['pkg/index.d.ts', 'pkg/index.d.cts', 'pkg/editors.d.ts', 'pkg/editors.d.cts', 'pkg/classic/xxgk-lint.d.ts', 'pkg/web/xxgk_lint.d.ts', 'pkg/node/xxgk_lint.d.ts']) {
      assert.ok(used.includes(f), `${f} in ${used.join(', ')}`);
    }
    assert.ok(used.every((f) => !f.startsWith('..')), used.join(', '));
  });
}

test('strict tsc, moduleResolution bundler', () => {
  const used = compile('bundler', { module: 'esnext', moduleResolution: 'bundler' }, { 'esm.ts': esmConsumer, 'classic.ts': classicConsumer });
  for (const f of ['pkg/index.d.ts', 'pkg/editors.d.ts', 'pkg/classic/xxgk-lint.d.ts', 'pkg/web/xxgk_lint.d.ts']) {
    assert.ok(used.includes(f), `${f} in ${used.join(', ')}`);
  }
  assert.ok(used.every((f) => !f.startsWith('..')), used.join(', '));
});

test('tsc is the pinned one', () => {
  const pinned = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies.typescript;
  assert.equal(execFileSync(bin('tsc'), ['--version'], { encoding: 'utf8' }).trim(), `Version ${pinned}`);
});
