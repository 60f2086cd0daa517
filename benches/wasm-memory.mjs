// WebAssembly memory growth (run after scripts/build-npm.sh): node benches/wasm-memory.mjs
// Linear memory never shrinks, so each figure is the peak so far.
import { fileURLToPath } from 'node:url';
import * as glue from '../pkg/web/xxgk_lint.js';
import { readFileSync } from 'node:fs';
const wasm = glue.initSync({ module: readFileSync(fileURLToPath(new URL('../pkg/web/xxgk_lint_bg.wasm', import.meta.url))) });
const mb = () => (wasm.memory.buffer.byteLength / 1048576).toFixed(1);
const seed = readFileSync(fileURLToPath(new URL('../tests/fixtures/xizou-2019.txt', import.meta.url)), 'utf8');
console.log('after init', mb(), 'MB');
glue.lintText(seed);
console.log('after the 9 KB seed', mb(), 'MB');
// The browser build reads HTML as a DOM; text input of ~1 MB and ~10 MB exercises the module alike.
const big = readFileSync(fileURLToPath(new URL('../tests/fixtures/xizou-2019.txt', import.meta.url)), 'utf8').repeat(110);
glue.lintText(big);
console.log('after', (Buffer.byteLength(big) / 1048576).toFixed(2), 'MB of text:', mb(), 'MB');
const bigger = big.repeat(10);
glue.lintText(bigger);
console.log('after', (Buffer.byteLength(bigger) / 1048576).toFixed(2), 'MB of text:', mb(), 'MB');
