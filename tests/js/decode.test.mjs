// js/decode.js against the encoding fixtures (tests/fixtures/encodings/manifest.json), which the
// native decoder is held to as well (tests/encodings.rs): the same encoding name and the same
// text on every file, and byte offsets that cut out exactly the text they map.
// Run: node --test tests/js/
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeBytes, fileOffsets, fileOffset, prescan } from '../../js/decode.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const read = (path) => new Uint8Array(readFileSync(root + path));
const manifest = JSON.parse(readFileSync(root + 'tests/fixtures/encodings/manifest.json', 'utf8'));
const gbk = (s) => new Uint8Array(encodeGbk(s));

// A GBK encoder for the tests' own strings, from the GBK fixture's decoder: every character the
// tests use occurs in the sample report, so it is found by decoding the fixture once.
let gbkTable = null;
function encodeGbk(s) {
  if (!gbkTable) {
    gbkTable = new Map();
    const bytes = read('tests/fixtures/encodings/xizou-2019.gbk.txt');
    const d = decodeBytes(bytes);
    const idx = [];
    let u = 0;
    for (const c of d.text) {
      idx.push(u);
      u += c.length;
    }
    idx.push(u);
    const offs = fileOffsets(d, idx);
    let k = 0;
    for (const c of d.text) {
      gbkTable.set(c, bytes.subarray(offs[k], offs[k + 1]));
      k++;
    }
  }
  return [...s].flatMap((c) => [...gbkTable.get(c)]);
}

/** UTF-16 indices of character boundaries, one in every `step` characters or so. */
function boundaries(text, step) {
  const out = [];
  let u = 0;
  let n = 0;
  for (const c of text) {
    if (n++ % step === 0) out.push(u);
    u += c.length;
  }
  out.push(u);
  return out;
}

const label = (name) => (name === 'GB18030' ? 'gb18030' : name);

for (const f of manifest) {
  test(`${f.file}: ${f.made}`, () => {
    const bytes = read(`tests/fixtures/encodings/${f.file}`);
    let expected = readFileSync(root + `tests/fixtures/${f.source}`, 'utf8');
    for (const [from, to] of f.edits) expected = expected.split(from).join(to);
    const d = decodeBytes(bytes);
    assert.equal(d.error, undefined);
    assert.equal(d.encoding, f.encoding);
    assert.equal(d.malformed, 0);
    assert.ok(d.text === expected, 'the text is the source with its edits, as natively');
    // Offsets: each range between two boundaries, cut out of the file and decoded, is the text.
    const at = boundaries(d.text, 37);
    const offs = fileOffsets(d, at);
    const decoder = new TextDecoder(label(f.encoding), { ignoreBOM: true });
    for (let k = 0; k + 1 < at.length; k++) {
      assert.equal(decoder.decode(bytes.subarray(offs[k], offs[k + 1])), d.text.slice(at[k], at[k + 1]));
    }
    assert.equal(offs[offs.length - 1], bytes.length);
    assert.equal(fileOffset(d, 0), d.start);
  });
}

test('a forced encoding is used, and a wrong one is an error naming what fits', () => {
  const bytes = read('tests/fixtures/encodings/xizou-2019.gbk.txt');
  for (const encoding of ['gbk', 'GB2312', 'gb18030']) assert.equal(decodeBytes(bytes, { encoding }).encoding, 'GB18030');
  const wrong = decodeBytes(bytes, { encoding: 'utf-8' });
  assert.equal(wrong.kind, 'INPUT-ENCODING');
  assert.match(wrong.error, /read as UTF-8, as --encoding says, .* malformed; it reads as GB18030/);
  assert.match(decodeBytes(read('tests/fixtures/xizou-2019.txt'), { encoding: 'gbk' }).error, /valid UTF-8/);
  assert.match(decodeBytes(bytes, { encoding: 'klingon' }).error, /not an encoding label/);
});

test('a byte-order mark wins over the declaration and over a forced encoding', () => {
  const bytes = read('tests/fixtures/encodings/pingtan-2022.portal.utf8-bom-meta-gb2312.html');
  assert.equal(prescan(bytes.subarray(3)), 'gb2312');
  assert.equal(decodeBytes(bytes).encoding, 'UTF-8');
  assert.equal(decodeBytes(bytes, { encoding: 'gbk' }).encoding, 'UTF-8');
});

test('a declaration is followed; one that does not fit is an error', () => {
  const head = new TextEncoder().encode('<meta charset=utf-8><p>');
  const body = gbk('一、总体情况'.repeat(20));
  const error = decodeBytes(new Uint8Array([...head, ...body])).error;
  assert.match(error, /as the page declares \(charset=utf-8\)/);
  const refused = new TextEncoder().encode('<meta charset=hz-gb-2312><p>~{<:Ky2;S{#,~}');
  assert.match(decodeBytes(refused).error, /hz-gb-2312/);
});

test('bytes nothing decodes are an error; a few bad bytes are replaced and counted', () => {
  const text = read('tests/fixtures/xizou-2019.txt');
  const noisy = [];
  text.forEach((b, i) => {
    noisy.push(b);
    if (i % 8 === 7) noisy.push(0xff);
  });
  assert.match(decodeBytes(new Uint8Array(noisy)).error, /none fits: as UTF-8, .*; as GB18030, /);
  const damaged = new Uint8Array([0xff, ...text]);
  const d = decodeBytes(damaged);
  assert.equal(d.encoding, 'UTF-8');
  assert.equal(d.malformed, 1);
  assert.equal(fileOffset(d, 1), 1);
});

test('malformed GB18030 decodes as natively and maps each character to its own bytes', () => {
  const bytes = new Uint8Array([
    0x81, 0x20, 0x81, 0x30, 0x20, 0x81, 0x30, 0x81, 0x20, 0x81, 0x30, 0x81, 0x41, 0xff, 0x80, 0xd6, 0xd0, 0x95, 0x32,
    0x82, 0x36, 0x81,
  ]);
  const d = decodeBytes(bytes, { encoding: 'gb18030' });
  // The same literal is in src/read/decode/tests.rs (encoding_rs's output).
  assert.equal(d.text, '\uFFFD \uFFFD0 \uFFFD0\uFFFD \uFFFD0\u4E04\uFFFD€中\u{20000}\uFFFD');
  assert.equal(d.malformed, 7);
  const at = boundaries(d.text, 1);
  const offs = fileOffsets(d, at);
  const decoder = new TextDecoder('gb18030');
  for (let k = 0; k + 1 < at.length; k++) {
    assert.equal(decoder.decode(bytes.subarray(offs[k], offs[k + 1])), d.text.slice(at[k], at[k + 1]), `at ${k}`);
  }
});

test('UTF-16 and UTF-8 errors are the WHATWG ones, mapped exactly', () => {
  const le = new Uint8Array([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00, 0x00, 0xdc, 0x42, 0x00, 0x43]);
  const d = decodeBytes(le);
  assert.equal(d.text, '\uFFFDA\uFFFDB\uFFFD');
  assert.deepEqual(fileOffsets(d, [0, 1, 2, 3, 4, 5]), [2, 4, 6, 8, 10, 11]);
  const u8 = new Uint8Array([0xe4, 0xb8, 0x80, 0xe4, 0xb8, 0x41, 0xf0, 0x9f, 0x98, 0x80, 0xed, 0xa0, 0x80]);
  const e = decodeBytes(u8, { encoding: 'utf-8' });
  assert.equal(e.text, '一\uFFFDA😀\uFFFD\uFFFD\uFFFD');
  assert.deepEqual(fileOffsets(e, [0, 1, 2, 3, 5, 6, 7, 8]), [0, 3, 5, 6, 10, 11, 12, 13]);
});

test('the prescan finds what browsers find', () => {
  const p = (s) => prescan(new TextEncoder().encode(s));
  assert.equal(p('<!DOCTYPE html><html><head><meta charset=gb2312>'), 'gb2312');
  assert.equal(p('<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=GB18030">'), 'gb18030');
  assert.equal(p('<meta content=\'text/html;charset="big5"\' http-equiv=content-type>'), 'big5');
  assert.equal(p('<meta/charset=utf-8>'), 'utf-8');
  assert.equal(p('<meta content="text/html; charset=gbk">'), null);
  assert.equal(p('<!-- <meta charset=gbk> --><p>'), null);
  assert.equal(p("<div title='<meta charset=gbk>'>"), null);
  assert.equal(p('<!--><meta charset=gbk>'), 'gbk');
  assert.equal(p(' '.repeat(1100) + '<meta charset=gbk>'), null);
  assert.equal(p('<meta charset=gbk charset=big5><meta charset=utf-8>'), 'gbk');
  assert.equal(p('<metacharset=gbk>'), null);
  assert.equal(p('<meta charset=klingon><meta charset=gbk>'), 'gbk');
  // A UTF-16 declaration in an ASCII-compatible page means UTF-8.
  assert.equal(decodeBytes(new TextEncoder().encode('<meta charset=utf-16le><p>一')).encoding, 'UTF-8');
});
