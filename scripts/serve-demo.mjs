// The demo page's static server: www/ at /, the built package (pkg/) at /pkg/, and pdf.js (the
// devDependency pdfjs-dist, which the page loads when a PDF is opened) at /pdfjs/, on
// 127.0.0.1. `node scripts/serve-demo.mjs [port]` (default 8080; 0 picks a free port). Used by
// scripts/demo.sh and by the end-to-end tests.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json', '.txt': 'text/plain; charset=utf-8', '.png': 'image/png', '.svg': 'image/svg+xml', '.ts': 'text/plain; charset=utf-8' };
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'";

/** Serve `mounts` ({ '/': dir, '/pkg/': dir }) on 127.0.0.1:port. */
export function serveDirs(mounts, port = 0, headers = {}) {
  const table = Object.entries(mounts).sort((a, b) => b[0].length - a[0].length);
  const server = createServer(async (req, res) => {
    let path;
    try { path = decodeURIComponent(new URL(req.url, 'http://x').pathname); } catch { path = '/'; }
    const [prefix, dir] = table.find(([p]) => path.startsWith(p)) || [];
    const base = dir && resolve(dir);
    let file = base && resolve(base, '.' + path.slice(prefix.length - 1));
    if (file && path.endsWith('/')) file = join(file, 'index.html');
    if (!file || (file !== base && !file.startsWith(base + sep))) { res.writeHead(404); res.end('not found'); return; }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-cache', ...headers });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end('not found');
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok({ server, url: `http://127.0.0.1:${server.address().port}/` }));
  });
}

/** Serve the demo page; `csp` is the policy sent with every file (a test adds a report-uri to it). */
export function serveDemo(port = 0, csp = CSP) {
  const mounts = { '/': join(ROOT, 'www'), '/pkg/': join(ROOT, 'pkg'), '/pdfjs/': join(ROOT, 'node_modules/pdfjs-dist') };
  return serveDirs(mounts, port, { 'Content-Security-Policy': csp });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] ?? process.env.PORT ?? 8080);
  const { url } = await serveDemo(port);
  console.log(`xxgk-lint demo: ${url}  (Ctrl+C to stop)`);
}
