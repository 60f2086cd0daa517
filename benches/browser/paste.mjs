// The input of the browser benchmarks: a full Word paste of the seed report (the Office
// clipboard fixture), its narrative repeated until the paste is about `bytes` long.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function wordPaste(root, bytes) {
  const word = readFileSync(join(root, 'tests/fixtures/clipboard/word-xizou-2019.html'), 'utf8');
  const start = word.indexOf('<p class=MsoNormal');
  const para = word.slice(start, word.indexOf('</p>', start) + 4);
  const at = word.indexOf('<!--EndFragment-->');
  let extra = '';
  while (word.length + extra.length < bytes) extra += para.replace('（一）', '（' + (extra.length % 97) + '）') + '\r\n';
  return word.slice(0, at) + extra + word.slice(at);
}
