// A plain static file server, as a CDN or nginx would be set up for the dashboard: the files of
// a `make dist PUBLIC_URL=/admin/` build under /admin/, index.html for every other path under it
// (SPA fallback), hashed files cached for good, index.html and config.json never, and the
// Content-Security-Policy. Used by the deployment test; no dependencies.
//
//   node tests/deploy/static-server.mjs <dist dir> <prefix> <config.json text> <API origin>
//
// Prints "static server on http://127.0.0.1:PORT" once it listens (on a free port).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const [dir, prefix, config, apiOrigin] = process.argv.slice(2);
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
};
const csp = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  `connect-src 'self' ${apiOrigin}`,
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

async function send(res, status, body, type, cache) {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': cache, 'Content-Security-Policy': csp });
  res.end(body);
}

createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (!path.startsWith(prefix)) return send(res, 404, 'not found', 'text/plain', 'no-cache');
  const rel = path.slice(prefix.length);
  if (rel === 'config.json') return send(res, 200, config, types['.json'], 'no-cache');
  const file = normalize(join(dir, rel));
  if (rel && file.startsWith(normalize(dir)) && (await stat(file).catch(() => null))?.isFile()) {
    // trunk names every file but index.html by its content hash.
    const hashed = /-[0-9a-f]{12,16}(_bg)?\.(js|wasm|css)$/.test(rel);
    return send(res, 200, await readFile(file), types[extname(file)] ?? 'application/octet-stream',
      hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
  }
  // Any other path under the prefix is a route of the app.
  return send(res, 200, await readFile(join(dir, 'index.html')), types['.html'], 'no-cache');
}).listen(0, '127.0.0.1', function () {
  console.log(`static server on http://127.0.0.1:${this.address().port}`);
});
