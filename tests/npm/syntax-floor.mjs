// No shipped browser script needs syntax beyond Chromium 78 / Firefox 79 / Safari 15: each file
// given must parse as ECMAScript 2020 (the newest edition all three have, but for its `?.` and
// `??`, which came with Chromium 80 and are refused token by token). Stricter than the floor
// where the floor runs some later syntax (public class fields, Chromium 72): esbuild lowers those
// when built for the floor anyway. Why not esbuild alone: it lowers what is beyond its target
// without a word, so a re-transform cannot tell a file that needed lowering from one that did not.
// Usage: node syntax-floor.mjs [--script FILE]... [FILE]...  (files are ES modules unless --script)
import { readFileSync } from 'node:fs';
import { Parser, tokTypes } from 'acorn';

let failed = 0;
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const script = args[i] === '--script';
  const file = script ? args[++i] : args[i];
  try {
    Parser.parse(readFileSync(file, 'utf8'), {
      ecmaVersion: 2020,
      sourceType: script ? 'script' : 'module',
      onToken(t) {
        if (t.type === tokTypes.questionDot || t.type === tokTypes.coalesce) {
          throw new SyntaxError(`'${t.type.label}' (Chromium 80) at ${t.start}`);
        }
      },
    });
  } catch (e) {
    console.log(`${file}: syntax beyond chrome78,firefox79,safari15: ${e.message}`);
    failed++;
  }
}
process.exit(failed ? 1 : 0);
