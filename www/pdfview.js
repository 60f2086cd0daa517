// A PDF shown read-only on the demo page: its pages drawn by pdf.js onto canvases, and over
// each page a box at every place a finding points at (its `page` and `bbox`: points from the
// page's top-left corner, the page as shown — pdf.js's viewport at scale 1). pdf.js is the
// package's devDependency pdfjs-dist, served at /pdfjs/ (scripts/serve-demo.mjs): the same
// module lintFile loads from there, so it is downloaded once, when the first PDF is opened.
//
// The boxes are placed in percent of the page, so they stay on their cells whatever size the
// page is drawn at. A page is drawn when it comes near the view (one at a time: pdf.js paints
// in slices and the page stays responsive), at the view's width × devicePixelRatio, and drawn
// again when that width changes.

/** pdf.js's ERRORS verbosity: warnings about a font or an image would only clutter the console. */
const ERRORS = 0;

/** One pdf.js worker for the views, kept for the next file (starting one parses ~1 MB of script). */
let worker = null;

/**
 * Open `bytes` (a PDF lintFile has read) with the pdf.js of the pdfjs-dist folder at `base`, to
 * be shown in the scrolling element `scroller`. Returns `{ root, mark(places), find(d), destroy() }`: the element holding the pages; `mark`
 * puts a box at each place (`{ severity, messages, findings }`, the findings sharing one page
 * and bbox), replacing the boxes before; `find` is the box of a finding, or null; `destroy`
 * stops drawing and lets pdf.js free the document.
 */
export async function openPdf(bytes, base, scroller) {
  const folder = new URL(base, location.href);
  const at = (path) => new URL(path, folder).href;
  const pdfjs = await import(at('legacy/build/pdf.min.mjs'));
  if (!pdfjs.GlobalWorkerOptions.workerSrc && !pdfjs.GlobalWorkerOptions.workerPort) {
    pdfjs.GlobalWorkerOptions.workerSrc = at('legacy/build/pdf.worker.min.mjs');
  }
  if (!worker || worker.destroyed) worker = new pdfjs.PDFWorker({ verbosity: ERRORS });
  const task = pdfjs.getDocument({
    data: bytes.slice(), // handed over to the worker: the caller's bytes stay theirs
    worker,
    cMapUrl: at('cmaps/'),
    standardFontDataUrl: at('standard_fonts/'),
    wasmUrl: at('wasm/'),
    iccUrl: at('iccs/'),
    // The page's CSP has no 'unsafe-eval'. pdf.js 6 has no code it evaluates (nor this option);
    // said anyway, for a pdf.js that would.
    isEvalSupported: false,
    verbosity: ERRORS,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy();
    throw e;
  }

  const root = document.createElement('div');
  root.className = 'pdf';
  const pages = [];
  for (let number = 1; number <= doc.numPages; number++) {
    const { width, height } = (await doc.getPage(number)).getViewport({ scale: 1 });
    const el = document.createElement('div');
    el.className = 'pdf-page';
    el.dataset.page = String(number);
    el.style.aspectRatio = width + ' / ' + height;
    root.append(el);
    pages.push({ number, width, height, el, canvas: null, drawn: 0, near: false });
  }

  let destroyed = false;
  let drawing = null; // pdf.js's render task under way
  const queue = [];
  /** The canvas width a page wants: the view's width in device pixels. */
  const wanted = (p) => Math.round(p.el.getBoundingClientRect().width * devicePixelRatio);
  function schedule(p) {
    if (p.near && wanted(p) > 0 && p.drawn !== wanted(p) && !queue.includes(p)) queue.push(p);
  }
  let pumping = false;
  async function pump() {
    if (pumping) return;
    pumping = true;
    while (queue.length && !destroyed) {
      const p = queue.shift();
      if (p.near) await draw(p);
    }
    pumping = false;
  }
  async function draw(p) {
    const pixels = wanted(p);
    if (!pixels) return;
    try {
      const page = await doc.getPage(p.number);
      const viewport = page.getViewport({ scale: pixels / p.width });
      // Drawn aside and swapped in: a page drawn again does not go blank meanwhile.
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(viewport.width);
      canvas.height = Math.round(viewport.height);
      drawing = page.render({ canvasContext: canvas.getContext('2d'), viewport });
      await drawing.promise;
      if (destroyed) return;
      if (p.canvas) p.canvas.replaceWith(canvas);
      else p.el.prepend(canvas);
      p.canvas = canvas;
      p.drawn = pixels;
      p.el.dataset.drawn = 'true';
    } catch (e) {
      // Destroyed meanwhile, or a page pdf.js cannot draw: that page stays blank, its boxes shown.
      if (!destroyed) p.el.dataset.drawn = 'failed';
    } finally {
      drawing = null;
    }
  }
  const near = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      const p = pages.find((q) => q.el === entry.target);
      p.near = entry.isIntersecting;
      schedule(p);
    }
    pump();
  }, { root: scroller, rootMargin: '100% 0px' }); // the pages a view's height away are drawn too
  const resized = new ResizeObserver(() => {
    for (const p of pages) schedule(p);
    pump();
  });
  for (const p of pages) near.observe(p.el);
  resized.observe(root);

  let boxes = new Map(); // finding → its box
  return {
    root,
    mark(places) {
      for (const box of root.querySelectorAll('.pdf-box')) box.remove();
      boxes = new Map();
      for (const { severity, messages, findings } of places) {
        const { page: number, bbox } = findings[0];
        const p = pages[number - 1];
        if (!p) continue;
        const [left, top, right, bottom] = bbox;
        const box = document.createElement('div');
        box.className = 'pdf-box';
        box.setAttribute('data-xxgk-severity', severity);
        box.title = messages.join('\n');
        box.style.left = (100 * left) / p.width + '%';
        box.style.top = (100 * top) / p.height + '%';
        box.style.width = (100 * (right - left)) / p.width + '%';
        box.style.height = (100 * (bottom - top)) / p.height + '%';
        p.el.append(box);
        for (const d of findings) boxes.set(d, box);
      }
    },
    find: (d) => boxes.get(d) || null,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      near.disconnect();
      resized.disconnect();
      if (drawing) drawing.cancel();
      task.destroy().catch(() => {}); // a document still opening: nothing more to free
    },
  };
}
