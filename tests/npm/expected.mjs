// The findings of the native build on every fixture: what the Node and browser builds must
// reproduce. Compared without spans (byte offsets natively, UTF-16 in JS, none for HTML in
// browsers) — everything else must be equal, the DOM cell address included.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURES = [];
for (const dir of ['tests/fixtures', 'tests/fixtures/clipboard']) {
  for (const f of readdirSync(join(process.env.XXGK_ROOT || '.', dir))) {
    if (/\.(txt|md|html)$/.test(f) && !['CORPUS.md', 'README.md'].includes(f)) FIXTURES.push(join(dir, f));
  }
}

export function nativeReports(root, lang = 'zh') {
  // Exit status 1 means "an error was found": expected for several fixtures. Each file on its
  // own (--no-pairing): the builds compared check one report at a time.
  const run = spawnSync(join(root, 'target/release/xxgk-lint'), ['check', '--json', '--no-pairing', '--lang', lang, ...FIXTURES], { cwd: root, maxBuffer: 64 << 20, encoding: 'utf8' });
  if (run.status !== 0 && run.status !== 1) throw new Error('native check failed: ' + run.stderr);
  return Object.fromEntries(JSON.parse(run.stdout).map((r) => [r.file, r]));
}

/** What must agree between builds. */
export function comparable(report) {
  return {
    format: report.format, year: report.year, title: report.title, organ: report.organ, summary: report.summary,
    verdict: report.verdict, titles: report.titles,
    diagnostics: report.diagnostics.map((d) => ({
      id: d.id, rule: d.rule, severity: d.severity, table: d.table, row: d.row, column: d.column,
      expected: d.expected, actual: d.actual, fix: d.fix, cell: d.cell, excerpt: d.excerpt, message: d.message,
      // How the message was made: the same template and arguments in every build.
      messageId: d.messageId, args: d.args,
    })),
    tables: report.tables,
  };
}
