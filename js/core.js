// The parts of the xxgk-lint API written in JavaScript, shared by the browser and Node
// builds: walking a live DOM into the compact structure the WebAssembly module reads,
// finding a diagnostic's cell again, highlighting, and error recovery.

/** Attributes the linter reads; everything else stays in the page. */
const KEPT = ['style', 'hidden', 'colspan', 'rowspan', 'height'];
/** Subtrees whose content is never report text (the linter skips them anyway). */
const SKIP = new Set(['script', 'style', 'template', 'noscript', 'head', 'iframe', 'object', 'svg', 'math']);

/**
 * Walk a DOM subtree into `{ nodes, strings, quirks }`: for each node in document order
 * `[kind, parent, string, attributeCount, (name, value)…]` in an Int32Array, and every
 * string joined with U+0000 (which an HTML parser never leaves in a DOM). Iterative: no
 * recursion, whatever the depth.
 */
export function walkDom(root) {
  const nodes = [];
  const strings = [];
  const intern = (s) => {
    strings.push(s.indexOf('\0') >= 0 ? s.split('\0').join('\uFFFD') : s);
    return strings.length - 1;
  };
  // Stack of [node, parentIndex]; children pushed in reverse.
  const stack = [];
  const start = root.nodeType === 9 ? root.documentElement : root;
  if (start && root.nodeType === 9) stack.push([start, -1]);
  else if (start) for (let c = start.lastChild; c; c = c.previousSibling) stack.push([c, -1]);
  let count = 0;
  while (stack.length) {
    const [node, parent] = stack.pop();
    const type = node.nodeType;
    if (type === 1) {
      const name = node.localName || node.nodeName.toLowerCase();
      const index = count++;
      nodes.push(1, parent, intern(name), 0);
      const countAt = nodes.length - 1;
      let attrs = 0;
      for (let k = 0; k < KEPT.length; k++) {
        const v = node.getAttribute(KEPT[k]);
        if (v !== null) {
          nodes.push(intern(KEPT[k]), intern(v));
          attrs++;
        }
      }
      nodes[countAt] = attrs;
      if (!SKIP.has(name)) {
        // <template> content is not in childNodes; skipped anyway.
        for (let c = node.lastChild; c; c = c.previousSibling) stack.push([c, index]);
      }
    } else if (type === 3 || type === 4) {
      count++;
      nodes.push(3, parent, intern(node.data), 0);
    } else if (type === 8) {
      count++;
      const marker = node.data.indexOf('supportMisalignedColumns') >= 0;
      nodes.push(8, parent, intern(marker ? 'supportMisalignedColumns' : ''), 0);
    }
  }
  const doc = root.nodeType === 9 ? root : root.ownerDocument;
  return { nodes: Int32Array.from(nodes), strings: strings.join('\0'), quirks: !!doc && doc.compatMode === 'BackCompat' };
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

/** The report returned instead of throwing when the module itself failed. */
export function errorReport(kind, message) {
  return {
    schemaVersion: 1,
    format: null, year: null, title: null, organ: null,
    summary: { errors: 1, warnings: 0, infos: 0 },
    diagnostics: [{
      id: kind, rule: kind, severity: 'error', message,
      table: null, row: null, column: null, expected: null, actual: null,
      cell: null, span: null, excerpt: null, fix: null,
    }],
    tables: {},
  };
}

/**
 * Call into the module; if it traps (a bug: it must not happen), start a fresh instance so
 * the page keeps working, and return an error report instead of throwing.
 */
export function guarded(glue, call) {
  try {
    return call();
  } catch (e) {
    if (typeof glue.__wbg_reset_state === 'function') {
      try { glue.__wbg_reset_state(); } catch (_) { /* the next call will say */ }
    }
    return errorReport('INTERNAL-ERROR', 'xxgk-lint failed on this input (' + (e && e.message) + '); please report it. 检查程序内部出错，请反馈。');
  }
}
