// A Word file shown read-only on the demo page, built from the records the package's `.docx`
// reader makes (pkg/web/docx.js; format: src/read/docx/records.rs): the page tree — p,
// table, tr, td (colspan, rowspan), br, div and text — made into DOM with createElement and
// text nodes only, so nothing from the file ever goes through an HTML parser.
//
// The rendered tables are the tree's, and a finding names the file's cell (its w:tbl, w:tr,
// w:tc). They differ where a w:vMerge continuation cell was folded into its restart cell's
// rowspan, a row was a deleted tracked change, or a row starts with w:gridBefore: the records'
// moved-cells list says where each such tree cell sits in the file.

const TAGS = new Set(['p', 'table', 'tr', 'td', 'br', 'div']);
/** The fixed strings 2 and 3 of every record set name the attributes a cell carries. */
const CELL_ATTRIBUTES = new Map([[2, 'colspan'], [3, 'rowspan']]);

const key = (table, row, cell) => table + '/' + row + '/' + cell;

/**
 * Build the document of `records` ({ nodes, strings, file }). Returns `{ root, treeCell,
 * paragraphAt }`: the element holding it; the tree address of a file cell address (the
 * address `findCell` and `highlight` read under `root`; null for a cell the tree does not
 * have); the rendered `<p>` of a paragraph index (the nearest one before it if that
 * paragraph is not shown, as a deleted one is not).
 */
export function renderRecords(records) {
  const { nodes, file } = records;
  const strings = records.strings.split('\0');
  const positions = file.subarray(1, 1 + file[0]);
  const root = document.createElement('div');
  const made = [];
  const rows = new Map(); // <table> → { index, rows }
  const cellsOf = new Map(); // <tr> → { table, row, cells }
  const tree = []; // the tree address of every cell
  const paragraphs = []; // [paragraph index, <p>], in document order
  let tables = 0;
  for (let i = 0, r = 0; i + 4 <= nodes.length; r++) {
    const kind = nodes[i];
    const parent = nodes[i + 1];
    const string = strings[nodes[i + 2]] ?? '';
    const attributes = nodes.subarray(i + 4, i + 4 + 2 * nodes[i + 3]);
    i += 4 + attributes.length;
    const into = parent < 0 ? root : made[parent];
    let node = null;
    if (into && into.nodeType === 1) {
      if (kind === 3) node = document.createTextNode(string);
      else if (kind === 1) node = element(string, attributes, strings);
    }
    made.push(node);
    if (!node) continue;
    into.append(node);
    if (node.localName === 'table') rows.set(node, { index: tables++, rows: 0 });
    else if (node.localName === 'tr' && rows.has(into)) {
      const table = rows.get(into);
      cellsOf.set(node, { table: table.index, row: table.rows++, cells: 0 });
    } else if (node.localName === 'td' && cellsOf.has(into)) {
      const row = cellsOf.get(into);
      tree.push({ table: row.table, row: row.row, cell: row.cells++ });
    } else if (node.localName === 'p' && positions[r] >= 0) paragraphs.push([positions[r], node]);
  }
  // File address → tree address: a cell sits where it is in the tree unless the moved list
  // says otherwise. The moved ones go in last, over a gridBefore filler cell that has no
  // place in the file but would claim its row's first address.
  const marks = file[1 + file[0]];
  const movedAt = 1 + file[0] + 1 + 4 * marks + 1;
  const moved = new Map();
  for (let m = movedAt; m + 5 <= file.length; m += 5) moved.set(key(file[m], file[m + 1], file[m + 2]), [file[m + 3], file[m + 4]]);
  const toTree = new Map();
  for (const at of tree) if (!moved.has(key(at.table, at.row, at.cell))) toTree.set(key(at.table, at.row, at.cell), at);
  for (const at of tree) {
    const there = moved.get(key(at.table, at.row, at.cell));
    if (there) toTree.set(key(at.table, there[0], there[1]), at);
  }
  return {
    root,
    treeCell: (cell) => (cell ? toTree.get(key(cell.table, cell.row, cell.cell)) ?? null : null),
    paragraphAt(index) {
      if (index === null || index === undefined) return null;
      let found = null;
      for (const [p, el] of paragraphs) {
        if (p > index) break;
        found = el;
      }
      return found;
    },
  };
}

/** One element of the tree: only the tree's own names (anything else becomes a span), and
 * only a cell's spans as attributes. */
function element(name, attributes, strings) {
  const el = document.createElement(TAGS.has(name) ? name : 'span');
  if (name !== 'td') return el;
  for (let a = 0; a < attributes.length; a += 2) {
    const attribute = CELL_ATTRIBUTES.get(attributes[a]);
    const value = strings[attributes[a + 1]];
    if (attribute && /^[0-9]{1,4}$/.test(value)) el.setAttribute(attribute, value);
  }
  return el;
}
