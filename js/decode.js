// Decoding a file's bytes in the browser, the way the native reader does (src/read/decode/),
// with the platform's TextDecoder. No dependencies; Chrome 96, Firefox 79, Safari 15, Node 18+.
//
//   decodeBytes(bytes, { encoding }?) → { text, encoding, malformed, bytes, start } | { error, kind }
//   fileOffsets(decoded, indices)     → the byte offset in the file of each UTF-16 index of text
//   fileOffset(decoded, index)        → one of them
//
// The steps, as in Rust:
// 1. A byte-order mark (UTF-8, UTF-16LE, UTF-16BE) decides.
// 2. Else `options.encoding` (any WHATWG label: gbk, gb2312, gb18030, big5, utf-16le, …) does.
// 3. Else the page's <meta charset> or <meta http-equiv=Content-Type content="…charset=…"> in its
//    first 1024 bytes (the HTML standard's prescan; a UTF-16 declaration means UTF-8,
//    x-user-defined windows-1252; labels browsers refuse, such as hz-gb-2312, are an error).
// 4. Else detection: valid UTF-8 is UTF-8; UTF-8 with few malformed sequences (and more
//    well-formed non-ASCII characters than twice those) is damaged UTF-8; else GB18030 if it
//    decodes sensibly; else an error.
// "Sensibly": at most 8 malformed sequences, or at most one per hundred non-ASCII characters.
// Bytes that are not sensible in the encoding chosen are an error ({ error, kind:
// 'INPUT-ENCODING' }), never mojibake; a few malformed sequences become U+FFFD (`malformed`
// counts them). GBK and GB2312 decode as GB18030 (the same WHATWG decoder) and are named
// "GB18030"; other names are the WHATWG ones as Rust's encoding_rs spells them ("UTF-8",
// "UTF-16LE", "Big5", "windows-1252", …).
//
// Where it may differ from the native reader: step 4 there asks chardetng (Firefox's detector),
// which can recognise Big5, Shift_JIS, EUC-KR or EUC-JP text; here undeclared non-UTF-8 bytes are
// GB18030 or an error. Traditional-Chinese Big5 text, which decodes as GB18030 with few errors,
// reads as GB18030 here and as Big5 natively; give `encoding: 'big5'` for it. For GB18030, UTF-8
// and UTF-16 the malformed sequences are counted exactly as the native decoder counts them (the
// WHATWG decoders' rules, followed byte by byte below); for other encodings `malformed` is the
// number of U+FFFD in the text, so a U+FFFD the file itself holds counts too — and the text is
// the platform's: Node's TextDecoder (ICU) maps Big5 pairs that WHATWG leaves unmapped, so GBK
// bytes forced to Big5 are an error natively and mojibake in Node.
//
// fileOffsets maps through UTF-8, UTF-16, GB18030 and the single-byte encodings, following the
// same WHATWG rules (GB18030's sequences are 1, 2 or 4 bytes, told by their first two bytes, and
// its malformed ones as the standard cuts them); for Big5, EUC-JP, ISO-2022-JP, Shift_JIS and
// EUC-KR it gives null. One call walks the file once: map all of a report's spans in one call.

const PRESCAN_BYTES = 1024;

// WHATWG encoding names as encoding_rs spells them, by TextDecoder's lower-case name.
const NAMES = new Map(
  [
    'UTF-8', 'IBM866', 'ISO-8859-2', 'ISO-8859-3', 'ISO-8859-4', 'ISO-8859-5', 'ISO-8859-6', 'ISO-8859-7',
    'ISO-8859-8', 'ISO-8859-8-I', 'ISO-8859-10', 'ISO-8859-13', 'ISO-8859-14', 'ISO-8859-15', 'ISO-8859-16',
    'KOI8-R', 'KOI8-U', 'macintosh', 'windows-874', 'windows-1250', 'windows-1251', 'windows-1252',
    'windows-1253', 'windows-1254', 'windows-1255', 'windows-1256', 'windows-1257', 'windows-1258',
    'x-mac-cyrillic', 'Big5', 'EUC-JP', 'ISO-2022-JP', 'Shift_JIS', 'EUC-KR', 'UTF-16BE', 'UTF-16LE',
    'x-user-defined',
  ].map((name) => [name.toLowerCase(), name]).concat([['gbk', 'GB18030'], ['gb18030', 'GB18030']]),
);
const MULTI_BYTE_UNMAPPED = new Set(['Big5', 'EUC-JP', 'ISO-2022-JP', 'Shift_JIS', 'EUC-KR']);
// The labels of the "replacement" encoding: browsers refuse to decode them.
const REFUSED = new Set(['csiso2022kr', 'hz-gb-2312', 'iso-2022-cn', 'iso-2022-cn-ext', 'iso-2022-kr', 'replacement']);

function encodingError(why) {
  // The why, in English; the module's INPUT-ENCODING message says it in the caller's language.
  return { error: why, kind: 'INPUT-ENCODING' };
}

// The encoding a label names (its encoding_rs name), or null.
function resolve(label) {
  try {
    return NAMES.get(new TextDecoder(label.trim()).encoding) || null;
  } catch (_) {
    return null;
  }
}

export function decodeBytes(bytes, options = {}) {
  if (!(bytes instanceof Uint8Array)) bytes = new Uint8Array(bytes);
  const bom = byteOrderMark(bytes);
  if (bom) return decodeAs(bytes, bom.start, bom.encoding, 'as its byte-order mark says');
  if (options.encoding != null) {
    const forced = resolve(String(options.encoding));
    if (!forced) return encodingError(`not an encoding label: ${options.encoding}`);
    return decodeAs(bytes, 0, forced, 'as --encoding says');
  }
  const declared = prescan(bytes);
  if (declared) {
    if (REFUSED.has(declared)) {
      return encodingError(
        `the page declares charset=${declared}, which browsers refuse to decode (it can smuggle markup past filters); save it as UTF-8`,
      );
    }
    let encoding = resolve(declared);
    if (encoding) {
      if (encoding === 'UTF-16LE' || encoding === 'UTF-16BE') encoding = 'UTF-8';
      if (encoding === 'x-user-defined') encoding = 'windows-1252';
      return decodeAs(bytes, 0, encoding, `as the page declares (charset=${declared})`);
    }
  }
  const utf8 = strictUtf8(bytes, 0);
  if (utf8 !== null) return { text: utf8, encoding: 'UTF-8', malformed: 0, bytes, start: 0 };
  const tried = [];
  for (const encoding of ['UTF-8', 'GB18030']) {
    const m = measure(encoding, bytes, 0);
    const damagedUtf8 = encoding !== 'UTF-8' || m.nonAscii > 2 * m.malformed;
    if (sensible(m) && damagedUtf8) return { text: m.text, encoding, malformed: m.malformed, bytes, start: 0 };
    tried.push(`as ${encoding}, ${malformedText(m)}`);
  }
  return encodingError(
    `it declares no encoding and none fits: ${tried.join('; ')}; if you know its encoding, give it with --encoding`,
  );
}

function decodeAs(bytes, start, encoding, why) {
  if (encoding === 'UTF-8') {
    const text = strictUtf8(bytes, start);
    if (text !== null) return { text, encoding, malformed: 0, bytes, start };
  }
  const m = measure(encoding, bytes, start);
  if (!sensible(m)) {
    let hint = '';
    if (strictUtf8(bytes, start) !== null) hint = '; its bytes are valid UTF-8: try --encoding utf-8';
    else if (encoding !== 'GB18030' && sensible(measure('GB18030', bytes, start))) {
      hint = '; it reads as GB18030: try --encoding gb18030';
    }
    return encodingError(`read as ${encoding}, ${why}, ${malformedText(m)}${hint}`);
  }
  return { text: m.text, encoding, malformed: m.malformed, bytes, start };
}

function malformedText(m) {
  return `${m.malformed} of its ${m.nonAscii} non-ASCII characters are malformed`;
}

function sensible(m) {
  return m.malformed <= 8 || m.malformed * 100 <= m.nonAscii;
}

function byteOrderMark(b) {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'UTF-8', start: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'UTF-16LE', start: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'UTF-16BE', start: 2 };
  return null;
}

function strictUtf8(bytes, start) {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(start));
  } catch (_) {
    return null;
  }
}

// The text, its malformed sequences and its non-ASCII characters (U+FFFD included).
function measure(encoding, bytes, start) {
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes.subarray(start));
  let nonAscii = 0;
  let replacements = 0;
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    if (u < 0x80 || (u >= 0xdc00 && u < 0xe000 && i > 0 && isHigh(text.charCodeAt(i - 1)))) continue;
    nonAscii++;
    if (u === 0xfffd) replacements++;
  }
  let malformed = replacements;
  const walk = walker(encoding);
  if (walk) {
    malformed = 0;
    walk(bytes, start, (end, units, bad) => {
      if (bad) malformed++;
    });
  }
  return { text, malformed, nonAscii };
}

function isHigh(u) {
  return u >= 0xd800 && u < 0xdc00;
}

// ---- offsets -------------------------------------------------------------------------------

export function fileOffset(decoded, index) {
  return fileOffsets(decoded, [index])[0];
}

export function fileOffsets(decoded, indices) {
  const out = indices.map(() => null);
  const walk = walker(decoded.encoding);
  if (!walk) return out;
  const order = indices.map((v, i) => [v, i]).sort((a, b) => a[0] - b[0]);
  let k = 0;
  while (k < order.length && order[k][0] <= 0) out[order[k++][1]] = decoded.start;
  let at = 0;
  walk(decoded.bytes, decoded.start, (end, units) => {
    at += units;
    while (k < order.length && order[k][0] <= at) out[order[k++][1]] = end;
  });
  while (k < order.length) out[order[k++][1]] = decoded.bytes.length;
  return out;
}

// A function walking `bytes` from `start`, calling each(end, utf16Units, malformed) for every
// character with the offset where its bytes end; null where there is none.
function walker(encoding) {
  if (encoding === 'UTF-8') return walkUtf8;
  if (encoding === 'UTF-16LE') return (b, s, each) => walkUtf16(b, s, each, true);
  if (encoding === 'UTF-16BE') return (b, s, each) => walkUtf16(b, s, each, false);
  if (encoding === 'GB18030') return walkGb18030;
  if (MULTI_BYTE_UNMAPPED.has(encoding)) return null;
  return (bytes, start, each) => {
    for (let i = start; i < bytes.length; i++) each(i + 1, 1, false);
  };
}

// The WHATWG UTF-8 decoder: a malformed sequence is the longest prefix of a valid one, and the
// byte that broke it is decoded again.
function walkUtf8(bytes, start, each) {
  let i = start;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      each(++i, 1, false);
      continue;
    }
    let need = 0;
    let lower = 0x80;
    let upper = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lower = 0xa0;
      if (b === 0xed) upper = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lower = 0x90;
      if (b === 0xf4) upper = 0x8f;
    } else {
      each(++i, 1, true);
      continue;
    }
    const four = need === 3;
    let j = i + 1;
    while (need > 0 && j < n && bytes[j] >= lower && bytes[j] <= upper) {
      lower = 0x80;
      upper = 0xbf;
      need--;
      j++;
    }
    each(j, need === 0 && four ? 2 : 1, need > 0);
    i = j;
  }
}

// The WHATWG UTF-16 decoder: a surrogate without its pair is malformed (the unit after a lone
// high surrogate is decoded again), and so is an odd byte at the end.
function walkUtf16(bytes, start, each, littleEndian) {
  const n = bytes.length;
  const unit = (i) => (littleEndian ? bytes[i] | (bytes[i + 1] << 8) : (bytes[i] << 8) | bytes[i + 1]);
  let i = start;
  while (i < n) {
    if (i + 2 > n) {
      each(n, 1, true);
      return;
    }
    const u = unit(i);
    if (u < 0xd800 || u >= 0xe000) {
      each((i += 2), 1, false);
    } else if (u >= 0xdc00) {
      each((i += 2), 1, true);
    } else if (i + 4 <= n && unit(i + 2) >= 0xdc00 && unit(i + 2) < 0xe000) {
      each((i += 4), 2, false);
    } else if (i + 4 <= n) {
      each((i += 2), 1, true);
    } else {
      each(n, 1, true);
      return;
    }
  }
}

// The WHATWG GB18030 decoder's lengths: ASCII and 0x80 one byte, 0xFF malformed; a first byte
// 0x81–0xFE takes a second 0x30–0x39 into a four-byte sequence (third 0x81–0xFE, fourth
// 0x30–0x39), or 0x40–0x7E / 0x80–0xFE into a two-byte one (every such pair is mapped). When a
// sequence breaks, the first byte alone is malformed and the rest is decoded again — except a
// second byte that is neither ASCII nor valid (0xFF), taken with it, and a complete four-byte
// sequence outside the mapped ranges, malformed as a whole.
function walkGb18030(bytes, start, each) {
  const n = bytes.length;
  let i = start;
  const digit = (b) => b >= 0x30 && b <= 0x39;
  const lead = (b) => b >= 0x81 && b <= 0xfe;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x81) {
      each(++i, 1, false);
      continue;
    }
    if (b === 0xff) {
      each(++i, 1, true);
      continue;
    }
    if (i + 1 >= n) {
      each((i = n), 1, true);
      continue;
    }
    const b2 = bytes[i + 1];
    if (digit(b2)) {
      if (i + 2 >= n) {
        each((i = n), 1, true);
        continue;
      }
      if (!lead(bytes[i + 2])) {
        each(++i, 1, true);
        continue;
      }
      if (i + 3 >= n) {
        each((i = n), 1, true);
        continue;
      }
      const b4 = bytes[i + 3];
      if (!digit(b4)) {
        each(++i, 1, true);
        continue;
      }
      const pointer = (((b - 0x81) * 10 + (b2 - 0x30)) * 126 + (bytes[i + 2] - 0x81)) * 10 + (b4 - 0x30);
      const unmapped = (pointer > 39419 && pointer < 189000) || pointer > 1237575;
      each((i += 4), pointer >= 189000 && !unmapped ? 2 : 1, unmapped);
      continue;
    }
    if ((b2 >= 0x40 && b2 <= 0x7e) || (b2 >= 0x80 && b2 <= 0xfe)) {
      each((i += 2), 1, false);
    } else if (b2 < 0x80) {
      each(++i, 1, true);
    } else {
      each((i += 2), 1, true);
    }
  }
}

// ---- the HTML standard's prescan -------------------------------------------------------------

const isSpace = (b) => b === 0x09 || b === 0x0a || b === 0x0c || b === 0x0d || b === 0x20;
const isAlpha = (b) => (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);
const lower = (b) => (b >= 0x41 && b <= 0x5a ? b + 0x20 : b);
const ascii = (arr) => String.fromCharCode(...arr);

// The label the page declares (lower-cased, as written), or null. Labels TextDecoder does not
// know are skipped (the scan goes on), except those of the encoding browsers refuse.
export function prescan(bytes) {
  const input = bytes.subarray(0, Math.min(bytes.length, PRESCAN_BYTES));
  const known = (label) => label != null && (REFUSED.has(label.trim()) || resolve(label) !== null);
  let pos = 0;
  const at = (s) => {
    if (pos + s.length > input.length) return false;
    for (let k = 0; k < s.length; k++) if (lower(input[pos + k]) !== s.charCodeAt(k)) return false;
    return true;
  };
  const attribute = () => {
    while (pos < input.length && (isSpace(input[pos]) || input[pos] === 0x2f)) pos++;
    if (pos >= input.length || input[pos] === 0x3e) return null;
    const name = [];
    const value = [];
    for (;;) {
      if (pos >= input.length) return null;
      const b = input[pos];
      if (b === 0x3d && name.length) {
        pos++;
        break;
      }
      if (isSpace(b)) {
        while (pos < input.length && isSpace(input[pos])) pos++;
        if (pos >= input.length) return null;
        if (input[pos] !== 0x3d) return [ascii(name), ''];
        pos++;
        break;
      }
      if (b === 0x2f || b === 0x3e) return [ascii(name), ''];
      name.push(lower(b));
      pos++;
    }
    while (pos < input.length && isSpace(input[pos])) pos++;
    if (pos >= input.length) return null;
    const q = input[pos];
    if (q === 0x22 || q === 0x27) {
      for (;;) {
        pos++;
        if (pos >= input.length) return null;
        if (input[pos] === q) {
          pos++;
          return [ascii(name), ascii(value)];
        }
        value.push(lower(input[pos]));
      }
    }
    if (q === 0x3e) return [ascii(name), ''];
    for (;;) {
      if (pos >= input.length) return null;
      const b = input[pos];
      if (isSpace(b) || b === 0x3e) return [ascii(name), ascii(value)];
      value.push(lower(b));
      pos++;
    }
  };
  while (pos < input.length) {
    if (at('<!--')) {
      let end = -1;
      for (let k = pos + 2; k + 3 <= input.length; k++) {
        if (input[k] === 0x2d && input[k + 1] === 0x2d && input[k + 2] === 0x3e) {
          end = k + 2;
          break;
        }
      }
      if (end < 0) return null;
      pos = end;
    } else if (at('<meta') && pos + 5 < input.length && (isSpace(input[pos + 5]) || input[pos + 5] === 0x2f)) {
      pos += 6;
      const seen = new Set();
      let gotPragma = false;
      let needPragma = null;
      let charset = null;
      for (let a = attribute(); a; a = attribute()) {
        const [name, value] = a;
        if (seen.has(name)) continue;
        seen.add(name);
        if (name === 'http-equiv') {
          if (value === 'content-type') gotPragma = true;
        } else if (name === 'content') {
          if (charset === null) {
            const found = charsetFromContent(value);
            if (known(found)) {
              charset = found;
              needPragma = true;
            }
          }
        } else if (name === 'charset') {
          charset = known(value) ? value : null;
          needPragma = false;
        }
      }
      pos++;
      if (needPragma === null || (needPragma && !gotPragma) || charset === null) continue;
      return charset.trim();
    } else if (
      input[pos] === 0x3c &&
      ((pos + 1 < input.length && isAlpha(input[pos + 1])) ||
        (input[pos + 1] === 0x2f && pos + 2 < input.length && isAlpha(input[pos + 2])))
    ) {
      while (pos < input.length && !isSpace(input[pos]) && input[pos] !== 0x3e) pos++;
      while (attribute());
    } else if (at('<!') || at('</') || at('<?')) {
      const end = input.indexOf(0x3e, pos);
      if (end < 0) return null;
      pos = end;
    }
    pos++;
  }
  return null;
}

// "Extracting a character encoding from a meta element" (content is already lower-cased).
function charsetFromContent(content) {
  let pos = 0;
  for (;;) {
    const i = content.indexOf('charset', pos);
    if (i < 0) return null;
    pos = i + 7;
    while (pos < content.length && isSpace(content.charCodeAt(pos))) pos++;
    if (content[pos] !== '=') continue;
    pos++;
    while (pos < content.length && isSpace(content.charCodeAt(pos))) pos++;
    if (pos >= content.length) return null;
    const q = content[pos];
    if (q === '"' || q === "'") {
      const end = content.indexOf(q, pos + 1);
      return end < 0 ? null : content.slice(pos + 1, end);
    }
    let end = pos;
    while (end < content.length && !isSpace(content.charCodeAt(end)) && content[end] !== ';') end++;
    return content.slice(pos, end);
  }
}
