// The browser's PDF extractor: pdf.js turns a PDF's pages into the `PdfPage`s that the
// layout reader takes in (src/read/pdf/page.rs) — the text runs, the straight segments of
// stroked paths and the rectangles filled, in points in the page as shown (rotation and crop
// box applied), x from the left, y from the TOP growing down. Natively the Rust PDF reader gives
// the same pages; one piece of Rust makes the Document of either. Loaded on the first PDF.
//
// pdf.js is not imported here: the caller loads `pdfjs-dist` (written for 6.x, tested with
// 6.5.438) and passes its module in, so a page that never checks a PDF downloads none of it.
//
//   pdfPages(bytes, pdfjs, { workerSrc, cMapUrl, cMapPacked, standardFontDataUrl })
//     → { pages: PdfPage[] } | { refusal: { code, text, n } }
//
// * workerSrc: the URL of pdfjs-dist's build/pdf.worker.min.mjs, set as pdf.js's
//   GlobalWorkerOptions.workerSrc unless the caller has set that already. It must be of the
//   page's origin where the page's CSP is `script-src 'self'`: pdf.js starts it as a module
//   Worker, which that policy allows; a worker from another origin is wrapped by pdf.js in a
//   blob: URL, which it refuses. One worker is kept per pdf.js module and reused.
// * cMapUrl (pdfjs-dist's cmaps/, with cMapPacked, true by default) and standardFontDataUrl
//   (its standard_fonts/): without the CMaps the text of a CJK font that is not embedded
//   (Adobe-GB1, UniGB-UCS2-H…) cannot be read.
// * timings: an object to fill with the milliseconds spent in pdf.js: `open` (getDocument),
//   `text` (getTextContent, all pages), `operators` (getOperatorList, all pages).
//
// Refusals (`code`, with `text` and the number `n` where one is named):
//   'pdfjs'      pdf.js is missing, too old (6.x is needed), or could not run here (no worker
//                source, a browser without what it needs); `text` says what failed
//   'encrypted'  a password is needed to open the file (pdf.js's PasswordException)
//   'damaged'    not a PDF pdf.js can read (InvalidPDFException, or its parser gave up); `text`
//                is pdf.js's message, `n` the page (0: the document)
//   'pages'      more than MAX_PAGES pages: `n` pages
//   'no-text'    no page has any text: a scan (`n` pages), which only OCR could read

const MAX_PAGES = 500;

// pdf.js 6 hands a path over in one `constructPath` operation: [paint operator, [path data],
// bounding box]. The path data is a Float32Array of these codes, each followed by its
// coordinates (pdf.js's DrawOPS, which pdfjs-dist does not export); `re` arrives as a moveTo,
// three lineTos and a closePath. The coordinates are in the user space of that moment: the CTM
// is not applied (its optimiser folds a `q cm … re f Q` into the coordinates and drops the
// operators, which comes to the same), so we follow the CTM through the operator list.
const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const QUADRATIC_CURVE_TO = 3;
const CLOSE_PATH = 4;

/** How far apart (points) two coordinates may be and still count as the same. */
const EPSILON = 0.01;

/** A problem that makes the file unreadable, named for the refusal. */
class Refusal extends Error {
  constructor(code, text = '', n = 0) {
    super(code);
    this.code = code;
    this.text = text;
    this.n = n;
  }
}

/** One pdf.js worker per pdf.js module, kept for the next file: starting one parses ~1 MB of script. */
const workers = new WeakMap();

/** The pages of a PDF as the layout reader takes them in, or why it cannot be read. */
export async function pdfPages(bytes, pdfjs, options = {}) {
  try {
    return { pages: await extract(bytes, pdfjs, options) };
  } catch (e) {
    const r = refusal(e);
    return { refusal: { code: r.code, text: r.text, n: r.n } };
  }
}

/** Name what went wrong: pdf.js's exceptions by their names, anything else as pdf.js failing. */
function refusal(e) {
  if (e instanceof Refusal) return e;
  const name = e && e.name;
  const text = String((e && e.message) || e);
  if (name === 'PasswordException') return new Refusal('encrypted', text);
  // An error inside the worker comes back as UnknownErrorException, its original in `details`:
  // a parser's FormatError is a damaged file, a TypeError is pdf.js failing in this browser.
  if (name === 'UnknownErrorException' && /^(TypeError|ReferenceError|SyntaxError)\b/.test(e.details || '')) {
    return new Refusal('pdfjs', e.details);
  }
  if (name === 'InvalidPDFException' || name === 'UnknownErrorException' || name === 'FormatError') {
    return new Refusal('damaged', text, e.page || 0);
  }
  return new Refusal('pdfjs', text);
}

function worker(pdfjs, workerSrc) {
  const { GlobalWorkerOptions, PDFWorker } = pdfjs;
  if (workerSrc && !GlobalWorkerOptions.workerSrc && !GlobalWorkerOptions.workerPort) GlobalWorkerOptions.workerSrc = workerSrc;
  let w = workers.get(pdfjs);
  if (!w || w.destroyed) {
    const fresh = PDFWorker.create({ port: GlobalWorkerOptions.workerPort, verbosity: pdfjs.VerbosityLevel.ERRORS });
    // One that could not start (no worker source yet) is not kept: the next file tries again.
    fresh.promise.catch(() => workers.get(pdfjs) === fresh && workers.delete(pdfjs));
    workers.set(pdfjs, (w = fresh));
  }
  return w;
}

async function extract(bytes, pdfjs, options) {
  if (!pdfjs || typeof pdfjs.getDocument !== 'function' || !pdfjs.OPS) throw new Refusal('pdfjs', 'pdf.js is not loaded');
  if (!(parseInt(pdfjs.version, 10) >= 6)) throw new Refusal('pdfjs', `pdf.js ${pdfjs.version} is too old: 6.x is needed`);
  const task = pdfjs.getDocument({
    data: bytes.slice(), // pdf.js hands the buffer over to its worker: the caller's bytes stay theirs
    worker: worker(pdfjs, options.workerSrc),
    cMapUrl: options.cMapUrl,
    cMapPacked: options.cMapPacked !== false,
    standardFontDataUrl: options.standardFontDataUrl,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    // Text and paths only: no image is decoded (an image larger than 0 pixels is left out), no
    // font is loaded into the page, no WebAssembly decoder is fetched, no renderer worker started.
    maxImageSize: 0,
    disableFontFace: true,
    useSystemFonts: false,
    useWasm: false,
    disableWorkerRendering: true,
    isOffscreenCanvasSupported: false,
  });
  const timings = options.timings || {};
  const timed = async (stage, promise) => {
    const t0 = performance.now();
    const value = await promise;
    timings[stage] = (timings[stage] || 0) + performance.now() - t0;
    return value;
  };
  try {
    const doc = await timed('open', task.promise);
    if (doc.numPages > MAX_PAGES) throw new Refusal('pages', '', doc.numPages);
    const pages = [];
    for (let number = 1; number <= doc.numPages; number++) {
      const page = await doc.getPage(number);
      const viewport = page.getViewport({ scale: 1 });
      pages.push({
        number,
        width: round(viewport.width),
        height: round(viewport.height),
        texts: await onPage(number, () => texts(page, viewport, timed)),
        lines: [],
        rects: [],
      });
    }
    if (pages.every((p) => p.texts.length === 0)) throw new Refusal('no-text', '', pages.length);
    for (const p of pages) {
      const page = await doc.getPage(p.number);
      await onPage(p.number, () => drawings(page, page.getViewport({ scale: 1 }), pdfjs, p, timed));
      page.cleanup();
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

/** Run a page's step, naming the page in a failure. */
async function onPage(number, step) {
  try {
    return await step();
  } catch (e) {
    if (e && typeof e === 'object' && !(e instanceof Refusal)) e.page = number;
    throw e;
  }
}

// ---------------------------------------------------------------- text

const BLANK = /^\p{White_Space}*$/u;

/** The page's text runs, in the order its content shows them. */
async function texts(page, viewport, timed) {
  const content = await timed('text', page.getTextContent());
  const runs = [];
  for (const item of content.items) {
    if (typeof item.str !== 'string' || BLANK.test(item.str)) continue; // and pdf.js's "" line ends
    // `transform` maps the run's text space (its origin on the baseline at its first glyph) to
    // the page's user space; the viewport takes that to the page as shown, y down.
    const m = multiply(viewport.transform, item.transform);
    // A vertical font's run goes down the page: its `width` is the font size, its `height` the
    // advance. The PdfPage has no place for a run's direction; such a run is one em wide.
    const vertical = content.styles[item.fontName]?.vertical;
    const size = vertical ? Math.hypot(m[0], m[1]) : Math.hypot(m[2], m[3]);
    runs.push({ text: item.str, x: round(m[4]), y: round(m[5]), width: round(vertical ? size : item.width), size: round(size) });
  }
  return runs;
}

// ---------------------------------------------------------------- drawings

/** Fill the page's `lines` and `rects` from its operator list. */
async function drawings(page, viewport, pdfjs, out, timed) {
  const { OPS } = pdfjs;
  // Annotations are not the page's content (nor is their text in getTextContent).
  const { fnArray, argsArray } = await timed('operators', page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE }));
  const stroked = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const filled = new Set([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  let ctm = viewport.transform.slice();
  const saved = [];
  let masks = 0; // inside a soft mask's group: what it draws is a mask, never seen
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i];
    switch (fn) {
      case OPS.save:
        saved.push(ctm);
        break;
      case OPS.restore:
        ctm = saved.pop() || ctm;
        break;
      case OPS.transform:
        ctm = multiply(ctm, args);
        break;
      case OPS.paintFormXObjectBegin: // a Form XObject: q, its /Matrix (its /BBox clips), … Q
        saved.push(ctm);
        if (args[0]) ctm = multiply(ctm, args[0]);
        break;
      case OPS.paintFormXObjectEnd:
        ctm = saved.pop() || ctm;
        break;
      // A group's own matrix is the Form XObject's, applied by paintFormXObjectBegin inside it.
      case OPS.beginGroup:
        if (args[0] && args[0].smask) masks++;
        break;
      case OPS.endGroup:
        if (args[0] && args[0].smask) masks--;
        break;
      case OPS.constructPath: {
        // [paint, [data], bbox]. endPath (after a clip W n) paints nothing; rawFillPath is a
        // Type 3 glyph's bitmap traced as a path.
        const [paint, [data]] = args;
        if (typeof paint !== 'number') throw new Error(`pdf.js ${pdfjs.version}: constructPath is not in the 6.x form`);
        const stroke = stroked.has(paint);
        if (masks > 0 || !data || !(stroke || filled.has(paint))) break;
        // (The closing paint operators come with a closePath already at the data's end.)
        // A stroked path's straight segments (a stroked rectangle's four sides among them) are
        // lines; a filled rectangle is a rect (a thin one is a drawn line, a wider one a
        // background: the layout reader tells them apart).
        for (const sub of subpaths(data, ctm)) {
          if (stroke) for (const s of sub.segments) out.lines.push(s.map(round));
          const rect = filled.has(paint) ? rectangle(sub, true) : null;
          if (rect) out.rects.push(rect.map(round));
        }
        break;
      }
      default:
        break;
    }
  }
}

/**
 * A path's subpaths, in the page as shown: each its vertices, its straight segments (a
 * closePath's closing side among them), whether a curve is in it and whether it is closed.
 */
function subpaths(data, m) {
  const list = [];
  let sub = null; // the subpath being drawn; none before a moveTo and after a closePath
  let at = null; // the current point
  const start = () => {
    sub = { points: [at], segments: [], curved: false, closed: false };
    list.push(sub);
  };
  const lineTo = (p) => {
    const q = sub.points[sub.points.length - 1];
    if (!same(p, q)) {
      sub.segments.push([q[0], q[1], p[0], p[1]]);
      sub.points.push(p);
    }
  };
  for (let i = 0; i < data.length;) {
    const op = data[i++];
    switch (op) {
      case MOVE_TO:
        at = apply(m, data[i], data[i + 1]);
        start();
        i += 2;
        break;
      case LINE_TO: {
        const p = apply(m, data[i], data[i + 1]);
        if (!sub) {
          at = at || p; // a path that does not begin with a moveTo begins where it is drawn
          start();
        }
        lineTo(p);
        at = p;
        i += 2;
        break;
      }
      case CURVE_TO:
      case QUADRATIC_CURVE_TO: {
        const n = op === CURVE_TO ? 6 : 4;
        const p = apply(m, data[i + n - 2], data[i + n - 1]);
        if (!sub) {
          at = at || p;
          start();
        }
        sub.curved = true;
        sub.points.push(p);
        at = p;
        i += n;
        break;
      }
      case CLOSE_PATH:
        if (sub) {
          lineTo(sub.points[0]);
          sub.closed = true;
          at = sub.points[0]; // a lineTo after it starts a new subpath there
          sub = null;
        }
        break;
      default:
        return list; // a code this version does not know: keep what was read
    }
  }
  return list;
}

/**
 * The rectangle a subpath is, `[x, y, width, height]` from its top-left, or null: four
 * axis-aligned sides, closed (by a closePath, by coming back to its start, or by being filled,
 * which closes it). `re` with a zero width or height comes as a closed two-point path: a
 * rectangle of no width or height.
 */
function rectangle(sub, fill) {
  if (sub.curved) return null;
  const p = sub.points.slice();
  const back = p.length > 1 && same(p[0], p[p.length - 1]);
  if (back) p.pop();
  if (!(sub.closed || back || fill)) return null;
  if (p.length !== 4 && !(p.length === 2 && (sub.closed || back))) return null;
  for (let k = 0; k < p.length; k++) {
    const [x0, y0] = p[k];
    const [x1, y1] = p[(k + 1) % p.length];
    if (Math.abs(x1 - x0) > EPSILON && Math.abs(y1 - y0) > EPSILON) return null;
  }
  const xs = p.map((q) => q[0]);
  const ys = p.map((q) => q[1]);
  const left = Math.min(...xs);
  const top = Math.min(...ys);
  return [left, top, Math.max(...xs) - left, Math.max(...ys) - top];
}

// ---------------------------------------------------------------- geometry

const same = (a, b) => Math.abs(a[0] - b[0]) <= EPSILON && Math.abs(a[1] - b[1]) <= EPSILON;

/** m × n: the transform that applies n, then m ([a, b, c, d, e, f] as PDF writes them). */
function multiply(m, n) {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

const apply = (m, x, y) => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** Thousandths of a point: far below what a layout tells apart, and short in a dump. */
const round = (v) => Math.round(v * 1000) / 1000 + 0;
