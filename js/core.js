// The parts of the xxgk-lint API written in JavaScript, shared by the browser and Node
// builds: walking a live DOM into the compact structure the WebAssembly module reads,
// finding a diagnostic's cell again, highlighting, and error recovery.

/** Subtrees whose content is never report text (the linter skips them anyway). */
const SKIP = new Set(['script', 'style', 'template', 'noscript', 'head', 'iframe', 'object', 'svg', 'math']);

/** The inline-style properties the linter reads (display, mso-hide, visibility, mso-ignore,
 * mso-zero-height); a style attribute without any of them is not handed over. */
const STYLE_READ = /display|mso-hide|visibility|mso-ignore|mso-zero-height/i;

/**
 * Walk a DOM subtree into `{ nodes, strings, quirks }`: for each node in document order
 * `[kind, parent, string, attributeCount, (name, value)…]` in an Int32Array, and every
 * string joined with U+0000 (which an HTML parser never leaves in a DOM). Only the
 * attributes the linter reads are taken (style, hidden, colspan, rowspan, height).
 * Iterative: no recursion, whatever the depth; the walk follows the sibling and parent
 * links, with one stack entry per open ancestor (not one per pending node).
 */
export function walkDom(root) {
  // Room for a real report (2 000–3 000 nodes, 8 000–12 000 fields) from the start: each
  // growth allocates and copies a new buffer, which cost a Word paste's walk 0.08–0.15 ms.
  let nodes = new Int32Array(16384);
  let n = 0;
  // Strings 0–5 are fixed: the kept attribute names, and the empty string.
  const strings = ['style', 'hidden', 'colspan', 'rowspan', 'height', ''];
  const names = new Map();
  const grow = () => {
    const grown = new Int32Array(nodes.length * 2);
    grown.set(nodes);
    nodes = grown;
  };
  const intern = (str) => strings.push(str.includes('\0') ? str.split('\0').join('\uFFFD') : str) - 1;
  // The record index of each open ancestor (-1: the root, which has no record).
  const parents = [-1];
  // The top level: a document's root element, or the children of an element.
  const isDocument = root.nodeType === 9;
  let node = isDocument ? root.documentElement : root.firstChild;
  let count = 0;
  while (node) {
    const type = node.nodeType;
    const parent = parents[parents.length - 1];
    // The longest record: 4 fields and 5 attribute pairs.
    if (n + 14 > nodes.length) grow();
    let descend = false;
    if (type === 1) {
      const name = node.localName;
      let id = names.get(name);
      if (id === undefined) {
        id = intern(name);
        names.set(name, id);
      }
      nodes[n] = 1;
      nodes[n + 1] = parent;
      nodes[n + 2] = id;
      const countAt = n + 3;
      n += 4;
      // Only what the linter reads: style declarations that can hide an element or mark
      // Word's fake merges and zero-height rows (other styles change nothing it finds, and
      // Word's are long), hidden everywhere, spans on cells, height on rows.
      let kept = 0;
      if (node.hasAttributes()) {
        const style = node.getAttribute('style');
        if (style !== null && STYLE_READ.test(style)) { nodes[n++] = 0; nodes[n++] = intern(style); kept++; }
        // The `hidden` IDL attribute is a cheaper read than hasAttribute('hidden'); it is a
        // boolean on HTML elements, and anything else (undefined on SVG, 'until-found', a
        // form's control named "hidden") falls back to the attribute itself.
        const hidden = node.hidden;
        if (typeof hidden === 'boolean' ? hidden : node.hasAttribute('hidden')) { nodes[n++] = 1; nodes[n++] = 5; kept++; }
        if (name === 'td' || name === 'th') {
          const colspan = node.getAttribute('colspan');
          if (colspan !== null) { nodes[n++] = 2; nodes[n++] = intern(colspan); kept++; }
          const rowspan = node.getAttribute('rowspan');
          if (rowspan !== null) { nodes[n++] = 3; nodes[n++] = intern(rowspan); kept++; }
        } else if (name === 'tr') {
          const height = node.getAttribute('height');
          if (height !== null) { nodes[n++] = 4; nodes[n++] = intern(height); kept++; }
        }
      }
      nodes[countAt] = kept;
      descend = !SKIP.has(name);
      count++;
    } else if (type === 3 || type === 4) {
      nodes[n] = 3;
      nodes[n + 1] = parent;
      nodes[n + 2] = intern(node.data);
      nodes[n + 3] = 0;
      n += 4;
      count++;
    } else if (type === 8) {
      nodes[n] = 8;
      nodes[n + 1] = parent;
      nodes[n + 2] = node.data.includes('supportMisalignedColumns') ? intern('supportMisalignedColumns') : 5;
      nodes[n + 3] = 0;
      n += 4;
      count++;
    }
    const first = descend ? node.firstChild : null;
    if (first) {
      parents.push(count - 1);
      node = first;
      continue;
    }
    // Then the next sibling, or that of the nearest open ancestor that has one.
    for (;;) {
      const next = parents.length === 1 && isDocument ? null : node.nextSibling;
      if (next || parents.length === 1) {
        node = next;
        break;
      }
      parents.pop();
      node = node.parentNode;
    }
  }
  const doc = isDocument ? root : root.ownerDocument;
  return { nodes: nodes.subarray(0, n), strings: strings.join('\0'), quirks: !!doc && doc.compatMode === 'BackCompat' };
}

/** HTML or plain text? The same test as the Rust reader's. */
export function looksLikeHtml(input) {
  const head = input.replace(/^[\s\u00a0\u3000\ufeff\u200b]+/, '');
  if (/^<[A-Za-z!?]/.test(head)) return true;
  return /<(table|html|body|div)\b|<p[\s>]/i.test(input.slice(0, 65536));
}

/** The rows of a table in the linter's order: `<tr>` children, or those of its sections. */
function tableRows(table) {
  const rows = [];
  for (let c = table.firstElementChild; c; c = c.nextElementSibling) {
    const n = c.localName;
    if (n === 'tr') rows.push(c);
    else if (n === 'thead' || n === 'tbody' || n === 'tfoot') {
      for (let r = c.firstElementChild; r; r = r.nextElementSibling) if (r.localName === 'tr') rows.push(r);
    }
  }
  return rows;
}

/** The `<td>`/`<th>` a diagnostic's `cell` address names, under `root`. */
export function findCell(root, cell) {
  if (!cell) return null;
  const table = root.querySelectorAll('table')[cell.table];
  if (!table) return null;
  const tr = tableRows(table)[cell.row];
  if (!tr) return null;
  let i = 0;
  for (let c = tr.firstElementChild; c; c = c.nextElementSibling) {
    if (c.localName === 'td' || c.localName === 'th') {
      if (i === cell.cell) return c;
      i++;
    }
  }
  return null;
}

const SEVERITY = 'data-xxgk-severity';
const TITLE_SAVED = 'data-xxgk-title';
const ORDER = { error: 0, warning: 1, info: 2 };

/**
 * Mark the cells a report names: `data-xxgk-severity` (the worst finding on the cell) and a
 * `title` with the messages. Returns the number of cells marked. Changes nothing else;
 * `clearHighlight` removes exactly what this added.
 */
export function highlight(root, report) {
  clearHighlight(root);
  const byCell = new Map();
  for (const d of (report && report.diagnostics) || []) {
    const el = findCell(root, d.cell);
    if (!el) continue;
    const entry = byCell.get(el) || { severity: d.severity, messages: [] };
    if (ORDER[d.severity] < ORDER[entry.severity]) entry.severity = d.severity;
    entry.messages.push(d.message);
    byCell.set(el, entry);
  }
  for (const [el, entry] of byCell) {
    el.setAttribute(SEVERITY, entry.severity);
    // The cell's own title, if it had one, is kept to be restored.
    if (el.hasAttribute('title')) el.setAttribute(TITLE_SAVED, el.getAttribute('title'));
    el.setAttribute('title', entry.messages.join('\n'));
  }
  return byCell.size;
}

/** Remove what `highlight` added, restoring any `title` the cell had. */
export function clearHighlight(root) {
  for (const el of root.querySelectorAll('[' + SEVERITY + ']')) {
    const saved = el.getAttribute(TITLE_SAVED);
    if (saved === null) el.removeAttribute('title');
    else el.setAttribute('title', saved);
    el.removeAttribute(SEVERITY);
    el.removeAttribute(TITLE_SAVED);
  }
}

/**
 * Remove what `highlight` added from serialised HTML (for an editor's save hook): in a
 * browser by parsing it into a template and clearing that; elsewhere by pattern.
 */
export function stripHighlight(html) {
  if (html.indexOf('data-xxgk-') < 0) return html;
  if (typeof document !== 'undefined' && typeof document.createElement === 'function') {
    const t = document.createElement('template');
    t.innerHTML = html;
    clearHighlight(t.content);
    return t.innerHTML;
  }
  // Without a DOM: drop our attributes and the title we added (a cell's own title, saved in
  // data-xxgk-title, is put back).
  return html.replace(/<(td|th)\b([^>]*)\sdata-xxgk-severity="[^"]*"([^>]*)>/gi, (_, tag, before, after) => {
    let attrs = before + after;
    const saved = /\sdata-xxgk-title="([^"]*)"/.exec(attrs);
    attrs = attrs.replace(/\sdata-xxgk-title="[^"]*"/, '').replace(/\stitle="[^"]*"/, '');
    return '<' + tag + attrs + (saved ? ' title="' + saved[1] + '"' : '') + '>';
  });
}

/**
 * A rule's doc out of rule-docs.json (`{ zh: { ID: text }, en: { … } }`, made by `xxgk-lint rules
 * --docs-json` from the rules' doc comments); throws for an ID that is no rule.
 */
export function ruleDocOf(docs, id, lang) {
  const texts = docs[lang === 'en' ? 'en' : 'zh'];
  if (!texts || !Object.prototype.hasOwnProperty.call(texts, id)) {
    throw new Error('xxgk-lint: unknown rule “' + id + '”; rules() lists them');
  }
  return texts[id];
}

/**
 * The report returned instead of throwing when the module itself failed, or an input the
 * JavaScript refused (`INPUT-ENCODING`): made by the module's own message path when it can be
 * called, by hand (in both languages) only when it cannot.
 */
export function errorReport(kind, why, glue, lang) {
  if (glue && typeof glue.refusal === 'function') {
    try { return glue.refusal(kind, why, lang); } catch (_) { /* the module is gone: by hand */ }
  }
  const message = kind + ': ' + why;
  const verdict = { messageId: 'verdict/errors', args: {}, message: lang === 'en' ? '1 error — do not publish yet' : '1 个错误 — 请勿发布' };
  return {
    schemaVersion: 1,
    input: null, encoding: null, format: null, year: null, title: null, organ: null,
    summary: { errors: 1, warnings: 0, infos: 0 },
    verdict,
    titles: lang === 'en'
      ? { whole: 'Whole report', '二': 'Table 二', '三': 'Table 三', '四': 'Table 四' }
      : { whole: '全文', '二': '表二', '三': '表三', '四': '表四' },
    diagnostics: [{
      id: kind, rule: kind, severity: 'error', message,
      table: null, row: null, column: null, expected: null, actual: null,
      cell: null, span: null, paragraph: null, page: null, bbox: null, excerpt: null, fix: null,
      messageId: kind, args: { why },
    }],
    tables: {},
    rebuildable: [],
  };
}

/**
 * Call into the module; if it traps (a bug: it must not happen), start a fresh instance so
 * the page keeps working, and return an error report instead of throwing.
 */
export function guarded(glue, call, options) {
  try {
    return call();
  } catch (e) {
    if (typeof glue.__wbg_reset_state === 'function') {
      try { glue.__wbg_reset_state(); } catch (_) { /* the next call will say */ }
    }
    return errorReport('INTERNAL-ERROR', String(e && e.message), glue, options && options.lang);
  }
}
