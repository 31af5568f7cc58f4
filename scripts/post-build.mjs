// trunk post-build hook, on the staging folder before it becomes dist/:
// 1. moves the inline <script type="module"> that trunk writes into index.html to a file of its
//    own, named by the hash of its content, so the dashboard runs under a Content-Security-Policy
//    without 'unsafe-inline' (script-src 'self');
// 2. writes a brotli (.br) and a gzip (.gz) copy beside every file, so a server or CDN can send
//    them as they are (the emulator does, with the right Content-Encoding).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run this as a trunk hook');

const indexPath = join(dir, 'index.html');
const html = readFileSync(indexPath, 'utf8');
const inline = /<script type="module">([\s\S]*?)<\/script>/;
const found = html.match(inline);
if (!found) throw new Error('no inline module script in index.html');
const code = found[1].trim() + '\n';
// The boot script lives where trunk put the module it imports (the public URL).
const imported = code.match(/from '([^']*\/)[^'/]+\.js'/);
if (!imported) throw new Error('the boot script imports no module');
const name = `boot-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
writeFileSync(join(dir, name), code);
writeFileSync(indexPath, html.replace(inline, `<script type="module" src="${imported[1]}${name}"></script>`));

function* files(folder) {
  for (const entry of readdirSync(folder)) {
    const path = join(folder, entry);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (!/\.(br|gz)$/.test(entry)) yield path;
  }
}
for (const path of [...files(dir)]) {
  const raw = readFileSync(path);
  writeFileSync(`${path}.br`, brotliCompressSync(raw, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
    },
  }));
  writeFileSync(`${path}.gz`, gzipSync(raw, { level: 9 }));
}
