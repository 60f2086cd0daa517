// The browser's `.docx` reader: the ZIP archive unpacked with the platform's
// DecompressionStream('deflate-raw'), its XML parsed with DOMParser('application/xml'), and
// the main document walked into the records the WebAssembly module reads
// (src/read/docx/records.rs). It mirrors the Rust reader line for line — src/read/docx/
// package.rs (the archive and its limits), wordml.rs (the walk), numbering.rs (Word's list
// numbers) — and the tests compare the two readers' records on every fixture: a change
// there is a change here. Loaded only when a `.docx` is checked.

const W = ['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main'];
const MARKUP_COMPATIBILITY = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const MATH = 'http://schemas.openxmlformats.org/officeDocument/2006/math';
const MAX_DEPTH = 200;
const MAX_ENTRIES = 10000;
const MAX_PART_BYTES = 64 * 1024 * 1024;
const MAX_TOTAL_BYTES = 128 * 1024 * 1024;
const FIXED_STRINGS = ['style', 'hidden', 'colspan', 'rowspan', 'height', ''];
const COLSPAN = 2;
const ROWSPAN = 3;
const MARK = { inserted: 1, deleted: 2, changed: 3, comment: 4, hidden: 5 };

/** A problem that makes the file unreadable, named for the module's `docxRefusal`. */
class Refusal extends Error {
  constructor(code, text = '', n = 0) {
    super(code);
    this.code = code;
    this.text = text;
    this.n = n;
  }
}

// ---------------------------------------------------------------- the archive (package.rs)

const u16 = (b, i) => b[i] | (b[i + 1] << 8);
const u32 = (b, i) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;

/** The archive's entries by name, from its central directory. */
function entries(bytes) {
  const tail = Math.max(0, bytes.length - (22 + 65535));
  let at = -1;
  for (let i = bytes.length - 22; i >= tail; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 5 && bytes[i + 3] === 6) { at = i; break; }
  }
  if (at < 0) throw new Refusal('damaged', 'no central directory');
  const total = u16(bytes, at + 10);
  if (total === 0xffff) throw new Refusal('damaged', 'ZIP64 archives are not read');
  if (total > MAX_ENTRIES) throw new Refusal('entries', '', total);
  const map = new Map();
  let p = u32(bytes, at + 16);
  for (let n = 0; n < total; n++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) throw new Refusal('damaged', 'bad central directory');
    const flags = u16(bytes, p + 8);
    const nameLength = u16(bytes, p + 28);
    const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength));
    if (!map.has(name)) {
      map.set(name, { encrypted: (flags & 1) !== 0, method: u16(bytes, p + 10), size: u32(bytes, p + 20), offset: u32(bytes, p + 42) });
    }
    p += 46 + nameLength + u16(bytes, p + 30) + u16(bytes, p + 32);
  }
  return map;
}

/** Inflate a part, counting what comes out against `limit`. */
async function inflate(data, limit, path) {
  const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  const chunks = [];
  let length = 0;
  for (;;) {
    let step;
    try { step = await reader.read(); } catch (e) { throw new Refusal('part-damaged', path); }
    if (step.done) break;
    length += step.value.length;
    if (length > limit) {
      reader.cancel().catch(() => {});
      throw new Refusal('too-large', path, limit);
    }
    chunks.push(step.value);
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.length; }
  return out;
}

/** The text of an XML part: UTF-8 (with or without a byte-order mark) or UTF-16 with one. */
function xmlText(bytes, path) {
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch (e) {
    throw new Refusal('part-damaged', path);
  }
}

function resolve(base, target) {
  const parts = target.startsWith('/') ? target.slice(1).split('/') : [...base.split('/'), ...target.split('/')];
  const out = [];
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    if (p === '..') out.pop(); else out.push(p);
  }
  return out.join('/');
}

function parseXml(text) {
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length > 0 || doc.doctype !== null) return null;
  return doc;
}

/** The target of the first relationship of type `…/kind` in a `.rels` part. */
function target(rels, base, kind) {
  const doc = rels === null ? null : parseXml(rels);
  if (!doc) return null;
  for (const r of doc.getElementsByTagName('*')) {
    if (r.localName !== 'Relationship') continue;
    const type = r.getAttribute('Type');
    if (type === null || type.split('/').pop() !== kind || r.getAttribute('TargetMode') === 'External') continue;
    const t = r.getAttribute('Target');
    return t === null ? null : resolve(base, t);
  }
  return null;
}

/** The parts of the main document, as text. */
export async function readParts(bytes) {
  const zip = entries(bytes);
  let budget = MAX_TOTAL_BYTES;
  const part = async (path) => {
    const e = zip.get(path);
    if (!e) return null;
    if (e.encrypted) throw new Refusal('encrypted');
    const local = e.offset;
    if (local + 30 > bytes.length || u32(bytes, local) !== 0x04034b50) throw new Refusal('part-damaged', path);
    const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    const data = bytes.subarray(start, Math.min(bytes.length, start + e.size));
    const limit = Math.min(MAX_PART_BYTES, budget);
    let raw;
    if (e.method === 0) {
      if (data.length > limit) throw new Refusal('too-large', path, limit);
      raw = data;
    } else if (e.method === 8) {
      raw = await inflate(data, limit, path);
    } else {
      throw new Refusal('part-damaged', path);
    }
    budget -= raw.length;
    return xmlText(raw, path);
  };
  const notWord = () => {
    const has = (n) => zip.has(n);
    if (has('xl/workbook.xml')) return new Refusal('xlsx');
    if (has('ppt/presentation.xml')) return new Refusal('pptx');
    if (has('content.xml') && has('mimetype')) return new Refusal('odt');
    if (has('word/document.xml')) return new Refusal('no-main');
    return new Refusal('zip');
  };
  const main = target(await part('_rels/.rels'), '', 'officeDocument');
  if (main === null) throw notWord();
  const document = await part(main);
  if (document === null) throw new Refusal('missing', main);
  if (document.includes('spreadsheetml') || document.includes('presentationml')) throw notWord();
  const slash = main.lastIndexOf('/');
  const dir = slash < 0 ? '' : main.slice(0, slash);
  const name = main.slice(slash + 1);
  const rels = (await part(dir === '' ? `_rels/${name}.rels` : `${dir}/_rels/${name}.rels`)) ?? '';
  const related = async (kind) => {
    const path = target(rels, dir, kind);
    return path === null ? null : part(path);
  };
  return { document, numbering: await related('numbering'), styles: await related('styles'), comments: await related('comments') };
}

// ---------------------------------------------------------------- XML helpers (wordml.rs)

// (Each DOM property read crosses into the browser's C++: the helpers read as few as they can.)
const [W0, W1] = W;
const isElement = (n) => n.nodeType === 1;
const inW = (n) => { const ns = n.namespaceURI; return ns === W0 || ns === W1; };
const isW = (n, local) => n.localName === local && n.nodeType === 1 && inW(n);

function attr(node, local) {
  const v = node.getAttributeNS(W0, local);
  return v !== null ? v : node.getAttributeNS(W1, local);
}

const wVal = (node) => attr(node, 'val');

function child(node, local) {
  for (let c = node.firstElementChild; c; c = c.nextElementSibling) if (c.localName === local && inW(c)) return c;
  return null;
}

const on = (node) => !['0', 'false', 'off'].includes(wVal(node));

/** Rust's `str::trim().parse::<uN>()`: digits only (a leading + allowed), at most `max`
 * (a BigInt: u8::MAX, usize::MAX); otherwise null. */
function parseUnsigned(v, max) {
  if (v === null) return null;
  const t = v.trim();
  if (!/^\+?\d+$/.test(t)) return null;
  const n = BigInt(t.replace('+', ''));
  return n <= max ? Number(n) : null;
}

const U8_MAX = 255n;
const USIZE_MAX = 18446744073709551615n;

function parseSigned(v) {
  if (v === null) return null;
  const t = v.trim();
  return /^[+-]?\d+$/.test(t) ? Number(t) : null;
}

/** The `w:t` text of everything in a node (roxmltree's `text()` of each). */
function visibleText(node) {
  let s = '';
  for (const t of descendants(node)) if (isW(t, 't')) s += t.textContent;
  return s;
}

/** Every element under `node`, in document order (not `node` itself). */
function* descendants(node) {
  const stack = [];
  for (let c = node.lastChild; c; c = c.previousSibling) stack.push(c);
  while (stack.length) {
    const n = stack.pop();
    if (n.nodeType !== 1) continue;
    yield n;
    for (let c = n.lastChild; c; c = c.previousSibling) stack.push(c);
  }
}

/** The `w:p` elements of a node and its descendants (roxmltree's `descendants()` includes the
 * node itself). */
function countParagraphs(node) {
  if (node.nodeType !== 1) return 0;
  let n = isW(node, 'p') ? 1 : 0;
  if (node.firstElementChild === null) return n;
  for (const ns of W) n += node.getElementsByTagNameNS(ns, 'p').length;
  return n;
}

const isAlternate = (n) => n.nodeType === 1 && n.namespaceURI === MARKUP_COMPATIBILITY && n.localName === 'AlternateContent';

// ---------------------------------------------------------------- list numbers (numbering.rs)

function levelOf(node) {
  const val = (name) => { const c = child(node, name); return c ? wVal(c) : null; };
  const suff = val('suff');
  const legal = child(node, 'isLgl');
  return {
    start: parseSigned(val('start')),
    format: val('numFmt') ?? 'decimal',
    text: val('lvlText'),
    suffix: suff === 'space' ? ' ' : suff === 'nothing' ? '' : '\t',
    legal: legal !== null && (wVal(legal) === null || (wVal(legal) !== '0' && wVal(legal) !== 'false')),
  };
}

const levelIndex = (node) => { const i = parseUnsigned(attr(node, 'ilvl'), U8_MAX); return i !== null && i < 9 ? i : null; };

class Numbering {
  constructor(xml) {
    this.abstracts = new Map();
    this.lists = new Map();
    this.counters = new Map();
    const doc = xml === null ? null : parseXml(xml);
    if (!doc) return;
    for (let node = doc.documentElement.firstChild; node; node = node.nextSibling) {
      if (!isElement(node)) continue;
      if (isW(node, 'abstractNum')) {
        const id = attr(node, 'abstractNumId');
        if (id === null) continue;
        const levels = new Array(9).fill(null);
        for (let l = node.firstChild; l; l = l.nextSibling) {
          if (!isW(l, 'lvl')) continue;
          const i = levelIndex(l);
          if (i !== null) levels[i] = levelOf(l);
        }
        this.abstracts.set(id, levels);
      } else if (isW(node, 'num')) {
        const id = attr(node, 'numId');
        if (id === null) continue;
        const a = child(node, 'abstractNumId');
        const list = { abstractId: (a && wVal(a)) ?? '', overrides: new Map(), startOverrides: new Map() };
        for (let o = node.firstChild; o; o = o.nextSibling) {
          if (!isW(o, 'lvlOverride')) continue;
          const i = levelIndex(o);
          if (i === null) continue;
          const so = child(o, 'startOverride');
          const start = so ? parseSigned(wVal(so)) : null;
          if (start !== null) list.startOverrides.set(i, start);
          const l = child(o, 'lvl');
          if (l) list.overrides.set(i, levelOf(l));
        }
        this.lists.set(id, list);
      }
    }
  }

  level(list, ilvl) {
    const l = this.lists.get(list);
    if (!l) return null;
    if (l.overrides.has(ilvl)) return l.overrides.get(ilvl);
    const a = this.abstracts.get(l.abstractId);
    return a ? a[ilvl] : null;
  }

  start(list, ilvl) {
    const l = this.lists.get(list);
    if (l && l.startOverrides.has(ilvl)) return l.startOverrides.get(ilvl);
    const level = this.level(list, ilvl);
    return level && level.start !== null ? level.start : 0;
  }

  next(list, ilvl) {
    const level = this.level(list, ilvl);
    if (!level) return '';
    const start = this.start(list, ilvl);
    if (!this.counters.has(list)) this.counters.set(list, new Array(9).fill(null));
    const counters = this.counters.get(list);
    counters[ilvl] = counters[ilvl] === null ? start : counters[ilvl] + 1;
    for (let d = ilvl + 1; d < 9; d++) counters[d] = null;
    if (level.format === 'bullet' || level.format === 'none' || level.text === null) return '';
    let out = '';
    const chars = Array.from(level.text);
    for (let i = 0; i < chars.length; i++) {
      const d = chars[i] === '%' && i + 1 < chars.length ? '123456789'.indexOf(chars[i + 1]) : -1;
      if (d >= 0) {
        i++;
        const n = counters[d] !== null ? counters[d] : this.start(list, d);
        const lv = this.level(list, d);
        out += formatNumber(n, level.legal ? 'decimal' : lv ? lv.format : 'decimal');
      } else {
        out += chars[i];
      }
    }
    if (out !== '') out += level.suffix;
    return out;
  }
}

function roman(n) {
  if (n < 1 || n >= 4000) return null;
  const values = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of values) while (n >= v) { out += s; n -= v; }
  return out;
}

function letters(n, first) {
  if (n < 1 || n > 780) return null;
  const i = n - 1;
  return String.fromCharCode(first + (i % 26)).repeat(Math.floor(i / 26) + 1);
}

function chinese(n, digits, units, shortTen) {
  if (n < 0 || n >= 10000) return String(n);
  const digit = (d) => Array.from(digits)[d];
  if (n === 0) return digit(0);
  const parts = [Math.floor(n / 1000), Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10];
  let out = '';
  let zero = false;
  parts.forEach((d, i) => {
    const unit = i === 0 ? units[2] : i === 1 ? units[1] : i === 2 ? units[0] : '';
    if (d === 0) { zero = out !== ''; return; }
    if (zero) { out += '零'; zero = false; }
    if (!(shortTen && i === 2 && d === 1 && out === '')) out += digit(d);
    out += unit;
  });
  return out;
}

export function formatNumber(n, format) {
  const nth = (set) => { const a = Array.from(set); return n >= 1 && n <= a.length ? a[n - 1] : null; };
  const or = (v) => (v === null ? String(n) : v);
  switch (format) {
    case 'decimalZero': return n >= 0 && n < 10 ? '0' + n : String(n);
    case 'upperRoman': return or(roman(n));
    case 'lowerRoman': { const r = roman(n); return r === null ? String(n) : r.toLowerCase(); }
    case 'upperLetter': return or(letters(n, 65));
    case 'lowerLetter': return or(letters(n, 97));
    case 'chineseCounting': case 'chineseCountingThousand': case 'japaneseCounting': case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand': case 'koreanCounting':
      return chinese(n, '〇一二三四五六七八九', ['十', '百', '千'], true);
    case 'chineseLegalSimplified': case 'japaneseLegal':
      return chinese(n, '零壹贰叁肆伍陆柒捌玖', ['拾', '佰', '仟'], false);
    case 'ideographDigital': case 'taiwaneseDigital': case 'japaneseDigitalTenThousand':
      return Array.from(String(n)).map((d) => (/\d/.test(d) ? Array.from('〇一二三四五六七八九')[Number(d)] : d)).join('');
    case 'ideographTraditional': return or(nth('甲乙丙丁戊己庚辛壬癸'));
    case 'ideographZodiac': return or(nth('子丑寅卯辰巳午未申酉戌亥'));
    case 'decimalFullWidth': case 'decimalFullWidth2':
      return Array.from(String(n)).map((d) => (/\d/.test(d) ? String.fromCharCode(0xff10 + Number(d)) : d)).join('');
    case 'decimalEnclosedCircle': case 'decimalEnclosedCircleChinese': case 'ideographEnclosedCircle':
      return or(nth('①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳'));
    case 'decimalEnclosedFullstop': return or(nth('⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛'));
    case 'decimalEnclosedParen': return or(nth('⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇'));
    default: return String(n);
  }
}

// ---------------------------------------------------------------- styles and comments

class Styles {
  constructor(xml) {
    this.styles = new Map();
    const doc = xml === null ? null : parseXml(xml);
    if (!doc) return;
    for (let s = doc.documentElement.firstChild; s; s = s.nextSibling) {
      if (!isW(s, 'style')) continue;
      const id = attr(s, 'styleId');
      if (id === null) continue;
      const pPr = child(s, 'pPr');
      const num = pPr ? child(pPr, 'numPr') : null;
      const basedOn = child(s, 'basedOn');
      const rPr = child(s, 'rPr');
      const vanish = rPr ? child(rPr, 'vanish') : null;
      let list = null;
      if (num) {
        const numId = child(num, 'numId');
        const ilvl = child(num, 'ilvl');
        list = [numId ? wVal(numId) : null, ilvl ? parseUnsigned(wVal(ilvl), U8_MAX) : null];
      }
      this.styles.set(id, { basedOn: basedOn ? wVal(basedOn) : null, list, hidden: vanish ? on(vanish) : null });
    }
  }

  inherited(id, get) {
    for (let i = 0; i < 16; i++) {
      const style = this.styles.get(id);
      if (!style) return null;
      const v = get(style);
      if (v !== null && v !== undefined) return v;
      if (style.basedOn === null) return null;
      id = style.basedOn;
    }
    return null;
  }
}

function readComments(xml) {
  const out = new Map();
  const doc = xml === null ? null : parseXml(xml);
  if (!doc) return out;
  for (let c = doc.documentElement.firstChild; c; c = c.nextSibling) {
    if (!isW(c, 'comment')) continue;
    const id = attr(c, 'id');
    if (id === null) continue;
    const paragraphs = [];
    for (const p of descendants(c)) {
      if (!isW(p, 'p')) continue;
      let t = '';
      for (const x of descendants(p)) if (isW(x, 't')) t += x.textContent;
      paragraphs.push(t);
    }
    out.set(id, [paragraphs.join(' ').trim(), attr(c, 'author') ?? '']);
  }
  return out;
}

// ---------------------------------------------------------------- the walk (wordml.rs)

function flatten(parent, local) {
  const out = [];
  const stack = [];
  for (let c = parent.lastChild; c; c = c.previousSibling) stack.push(c);
  while (stack.length) {
    const n = stack.pop();
    if (isW(n, local)) out.push(n);
    else if (isW(n, 'sdt') || isW(n, 'sdtContent') || isW(n, 'customXml')) {
      for (let c = n.lastChild; c; c = c.previousSibling) stack.push(c);
    }
  }
  return out;
}

function mergeVertically(rows) {
  let open = new Map();
  rows.forEach((row, r) => {
    const stillOpen = new Map();
    row.cells.forEach((cell, c) => {
      const tcPr = child(cell.node, 'tcPr');
      const m = tcPr ? child(tcPr, 'vMerge') : null;
      if (m === null) return;
      const merge = wVal(m) ?? 'continue';
      if (merge === 'restart') {
        stillOpen.set(cell.column, [r, c]);
      } else if (open.has(cell.column)) {
        const [rr, rc] = open.get(cell.column);
        rows[rr].cells[rc].rowspan += 1;
        cell.merged = true;
        stillOpen.set(cell.column, [rr, rc]);
      }
    });
    open = stillOpen;
  });
}

class Walk {
  constructor(parts) {
    this.nodes = [];
    this.strings = FIXED_STRINGS.slice();
    this.names = new Map();
    this.positions = [];
    this.marks = [];
    this.moved = [];
    this.lastText = null;
    this.paragraph = -1;
    this.nextParagraph = 0;
    this.tables = 0;
    this.fields = [];
    this.parts = parts;
    this.parsedNumbering = null;
    this.parsedStyles = null;
    this.comments = readComments(parts.comments);
    this.depth = 0;
  }

  // Numbering and styles are parsed on first use: a document that names no list and no style
  // (python-docx's, whose template's styles.xml is 350 KB) never parses them.
  get numbering() {
    if (this.parsedNumbering === null) this.parsedNumbering = new Numbering(this.parts.numbering);
    return this.parsedNumbering;
  }

  get styles() {
    if (this.parsedStyles === null) this.parsedStyles = new Styles(this.parts.styles);
    return this.parsedStyles;
  }

  string(s) {
    this.strings.push(s.includes('\0') ? s.split('\0').join('\uFFFD') : s);
    return this.strings.length - 1;
  }

  element(name, parent, attrs, position) {
    let nameIndex = this.names.get(name);
    if (nameIndex === undefined) {
      nameIndex = this.string(name);
      this.names.set(name, nameIndex);
    }
    this.nodes.push(1, parent, nameIndex, attrs.length);
    for (const [a, value] of attrs) this.nodes.push(a, this.string(value));
    this.positions.push(position);
    this.lastText = null;
    return this.positions.length - 1;
  }

  text(parent, text) {
    if (text === '') return;
    if (this.lastText !== null && this.lastText[1] === parent) {
      this.strings[this.lastText[0]] += text.includes('\0') ? text.split('\0').join('\uFFFD') : text;
      return;
    }
    const s = this.string(text);
    this.nodes.push(3, parent, s, 0);
    this.positions.push(this.paragraph);
    this.lastText = [s, parent];
  }

  mark(kind, text, author) {
    this.markAt(Math.max(this.paragraph, 0), kind, text, author);
  }

  markAt(paragraph, kind, text, author) {
    const t = this.string(text);
    const a = this.string(author);
    this.marks.push(kind, paragraph, t, a);
  }

  skip(node) {
    this.nextParagraph += countParagraphs(node);
  }

  inFieldCode() {
    return this.fields.some((code) => code);
  }

  block(node, parent) {
    if (!isElement(node)) return;
    if (this.depth >= MAX_DEPTH) { this.skip(node); return; }
    this.depth++;
    if (isW(node, 'p')) this.paragraphOf(node, parent);
    else if (isW(node, 'tbl')) this.table(node, parent);
    else if (isW(node, 'sdt')) this.content(node, (c) => this.block(c, parent));
    else if (isW(node, 'customXml') || isW(node, 'ins') || isW(node, 'moveTo')) {
      for (let c = node.firstChild; c; c = c.nextSibling) this.block(c, parent);
    } else this.skip(node);
    this.depth--;
  }

  content(sdt, read) {
    for (let c = sdt.firstChild; c; c = c.nextSibling) {
      if (isW(c, 'sdtContent')) {
        for (let x = c.firstChild; x; x = x.nextSibling) read(x);
      } else this.skip(c);
    }
  }

  paragraphOf(node, parent) {
    const index = this.nextParagraph;
    this.nextParagraph++;
    const outer = this.paragraph;
    this.paragraph = index;
    const p = this.element('p', parent, [], index);
    const properties = child(node, 'pPr');
    const pStyle = properties ? child(properties, 'pStyle') : null;
    const style = pStyle ? wVal(pStyle) : null;
    if (properties) {
      const rPr = child(properties, 'rPr');
      const markChanged = rPr !== null && (child(rPr, 'ins') !== null || child(rPr, 'del') !== null);
      if (markChanged || child(properties, 'pPrChange') !== null) this.mark(MARK.changed, '', revisionAuthor(properties));
    }
    this.text(p, this.listNumber(properties, style));
    for (let c = node.firstChild; c; c = c.nextSibling) this.inline(c, p, style);
    this.paragraph = outer;
  }

  listNumber(properties, style) {
    const direct = properties ? child(properties, 'numPr') : null;
    const directIdNode = direct ? child(direct, 'numId') : null;
    const directId = directIdNode ? wVal(directIdNode) : null;
    const directLevelNode = direct ? child(direct, 'ilvl') : null;
    const directLevel = directLevelNode ? parseUnsigned(wVal(directLevelNode), U8_MAX) : null;
    const styled = style !== null ? this.styles.inherited(style, (st) => st.list) : null;
    const id = directId !== null ? directId : styled ? styled[0] : null;
    const level = directLevel !== null ? directLevel : styled && styled[1] !== null ? styled[1] : 0;
    if (id !== null && id.trim() !== '0' && level < 9) return this.numbering.next(id.trim(), level);
    return '';
  }

  inline(node, parent, style) {
    if (!isElement(node)) return;
    if (this.depth >= MAX_DEPTH) { this.skip(node); return; }
    this.depth++;
    const name = node.localName;
    if (inW(node)) {
      switch (name) {
        case 'r': this.run(node, parent, style); break;
        case 'hyperlink': case 'smartTag': case 'customXml': case 'dir': case 'bdo': case 'fldSimple':
          for (let c = node.firstChild; c; c = c.nextSibling) this.inline(c, parent, style);
          break;
        case 'sdt': this.content(node, (c) => this.inline(c, parent, style)); break;
        case 'ins': case 'moveTo':
          this.mark(MARK.inserted, visibleText(node), attr(node, 'author') ?? '');
          for (let c = node.firstChild; c; c = c.nextSibling) this.inline(c, parent, style);
          break;
        case 'del': case 'moveFrom': {
          let text = '';
          for (const d of descendants(node)) if (isW(d, 'delText') || isW(d, 't')) text += d.textContent;
          this.mark(MARK.deleted, text, attr(node, 'author') ?? '');
          this.skip(node);
          break;
        }
        default: this.skip(node);
      }
    } else if (isAlternate(node)) {
      this.alternate(node, (c) => this.inline(c, parent, style));
    } else if (node.namespaceURI === MATH && (name === 'oMath' || name === 'oMathPara')) {
      let text = '';
      for (const d of descendants(node)) if (d.localName === 't') text += d.textContent;
      this.text(parent, text);
    } else this.skip(node);
    this.depth--;
  }

  alternate(node, read) {
    let chosen = false;
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (!isElement(c)) continue;
      if (!chosen && (c.localName === 'Choice' || c.localName === 'Fallback')) {
        chosen = true;
        for (let x = c.firstChild; x; x = x.nextSibling) read(x);
      } else this.skip(c);
    }
  }

  run(node, parent, style) {
    const properties = child(node, 'rPr');
    const hidden = this.hidden(properties, style);
    const change = properties ? child(properties, 'rPrChange') : null;
    if (change) this.mark(MARK.changed, visibleText(node), attr(change, 'author') ?? '');
    if (hidden) {
      let text = '';
      for (let c = node.firstChild; c; c = c.nextSibling) if (isW(c, 't')) text += c.textContent;
      if (text.trim() !== '') this.mark(MARK.hidden, text, '');
    }
    for (let c = node.firstElementChild; c; c = c.nextElementSibling) {
      const shown = !hidden && !this.inFieldCode();
      const w = inW(c);
      const name = c.localName;
      if (w && name === 't' && shown) this.text(parent, c.textContent);
      else if (w && (name === 'tab' || name === 'ptab') && shown) this.text(parent, '\t');
      else if (w && name === 'noBreakHyphen' && shown) this.text(parent, '-');
      else if (w && (name === 'br' || name === 'cr') && shown) this.element('br', parent, [], this.paragraph);
      else if (w && name === 'fldChar') {
        const type = attr(c, 'fldCharType');
        if (type === 'begin') this.fields.push(true);
        else if (type === 'separate') { if (this.fields.length) this.fields[this.fields.length - 1] = false; }
        else if (type === 'end') this.fields.pop();
      } else if (w && name === 'commentReference') {
        const [text, author] = this.comments.get(attr(c, 'id') ?? '') ?? ['', ''];
        this.mark(MARK.comment, text, author);
      } else if (w && name === 'ruby') {
        for (let b = c.firstChild; b; b = b.nextSibling) {
          if (!isW(b, 'rubyBase')) continue;
          for (let r = b.firstChild; r; r = r.nextSibling) this.inline(r, parent, style);
        }
      } else if (w && (name === 'drawing' || name === 'pict' || name === 'object') && shown) this.textBoxes(c, parent);
      else if (!w && shown && isAlternate(c)) this.textBoxes(c, parent);
      else this.skip(c);
    }
  }

  hidden(properties, style) {
    const v = properties ? child(properties, 'vanish') ?? child(properties, 'specVanish') : null;
    if (v) return on(v);
    const rStyle = properties ? child(properties, 'rStyle') : null;
    const character = rStyle ? wVal(rStyle) : null;
    const h = character !== null ? this.styles.inherited(character, (st) => st.hidden) : null;
    if (h !== null) return h;
    const p = style !== null ? this.styles.inherited(style, (st) => st.hidden) : null;
    return p === null ? false : p;
  }

  textBoxes(node, parent) {
    if (this.depth >= MAX_DEPTH) { this.skip(node); return; }
    this.depth++;
    if (isW(node, 'txbxContent')) {
      const div = this.element('div', parent, [], this.nextParagraph);
      for (let c = node.firstChild; c; c = c.nextSibling) this.block(c, div);
    } else if (isAlternate(node)) {
      this.alternate(node, (c) => this.textBoxes(c, parent));
    } else {
      for (let c = node.firstChild; c; c = c.nextSibling) if (isElement(c)) this.textBoxes(c, parent);
    }
    this.depth--;
  }

  table(node, parent) {
    const table = this.element('table', parent, [], this.nextParagraph);
    const index = this.tables++;
    const fileRows = flatten(node, 'tr');
    const rows = [];
    for (const tr of fileRows) {
      const properties = child(tr, 'trPr');
      if (properties && child(properties, 'del')) continue;
      const gb = properties ? child(properties, 'gridBefore') : null;
      const before = Math.min(gb ? parseUnsigned(wVal(gb), USIZE_MAX) ?? 0 : 0, 1000);
      let column = before;
      const cells = [];
      for (const tc of flatten(tr, 'tc')) {
        const tcPr = child(tc, 'tcPr');
        const span = tcPr ? child(tcPr, 'gridSpan') : null;
        const parsed = span ? parseUnsigned(wVal(span), USIZE_MAX) : null;
        const colspan = Math.min(Math.max(parsed ?? 1, 1), 1000);
        cells.push({ node: tc, column, colspan, rowspan: 1, merged: false });
        column += colspan;
      }
      rows.push({ tr, before, cells });
    }
    mergeVertically(rows);
    let next = 0;
    fileRows.forEach((tr, fileRow) => {
      // A row inserted or deleted by a tracked change is a change of its first paragraph.
      const properties = child(tr, 'trPr');
      const change = properties ? child(properties, 'ins') ?? child(properties, 'del') : null;
      if (change) this.markAt(this.nextParagraph, MARK.changed, visibleText(tr), attr(change, 'author') ?? '');
      if (next >= rows.length || rows[next].tr !== tr) { this.skip(tr); return; }
      const treeRow = next;
      const { before, cells } = rows[next++];
      const row = this.element('tr', table, [], this.nextParagraph);
      let treeCell = 0;
      if (before > 0) {
        this.element('td', row, [[COLSPAN, String(before)]], this.nextParagraph);
        treeCell++;
      }
      cells.forEach((cell, fileCell) => {
        if (cell.merged) { this.skip(cell.node); return; }
        const attrs = [];
        if (cell.colspan > 1) attrs.push([COLSPAN, String(cell.colspan)]);
        if (cell.rowspan > 1) attrs.push([ROWSPAN, String(cell.rowspan)]);
        const td = this.element('td', row, attrs, this.nextParagraph);
        if (treeRow !== fileRow || treeCell !== fileCell) this.moved.push(index, treeRow, treeCell, fileRow, fileCell);
        for (let c = cell.node.firstChild; c; c = c.nextSibling) this.block(c, td);
        treeCell++;
      });
    });
  }

  finish() {
    const file = [this.positions.length, ...this.positions, this.marks.length / 4, ...this.marks, this.moved.length / 5, ...this.moved];
    return { nodes: Int32Array.from(this.nodes), strings: this.strings.join('\0'), file: Int32Array.from(file) };
  }
}

function revisionAuthor(properties) {
  for (const n of descendants(properties)) {
    if ((isW(n, 'ins') || isW(n, 'del') || isW(n, 'pPrChange')) && attr(n, 'author') !== null) return attr(n, 'author');
  }
  return '';
}

/** Walk the main document's XML into records. */
export function translate(parts) {
  const doc = parseXml(parts.document);
  if (!doc) throw new Refusal('xml');
  return walkDocument(doc, parts);
}

/** Walk an already parsed main document (its numbering, styles and comments from `parts`). */
export function walkDocument(doc, parts) {
  let body = null;
  for (let c = doc.documentElement.firstChild; c; c = c.nextSibling) if (isW(c, 'body')) { body = c; break; }
  if (!body) throw new Refusal('no-body');
  const walk = new Walk(parts);
  for (let c = body.firstChild; c; c = c.nextSibling) walk.block(c, -1);
  return walk.finish();
}

/**
 * Read a `.docx` (its bytes) into the records the module reads: `{ nodes, strings, file }`,
 * or `{ refusal: { code, text, n } }` when it cannot be read.
 */
export async function docxRecords(bytes) {
  try {
    return translate(await readParts(bytes));
  } catch (e) {
    if (e instanceof Refusal) return { refusal: { code: e.code, text: e.text, n: e.n } };
    throw e;
  }
}
