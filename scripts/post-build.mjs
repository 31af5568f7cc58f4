// trunk post-build hook, on the staging folder before it becomes dist/:
// 1. moves the inline <script type="module"> that trunk writes into index.html to a file of its
//    own, named by the hash of its content, so the dashboard runs under a Content-Security-Policy
//    without 'unsafe-inline' (script-src 'self');
// 2. when the module was split at its lazy pages (`make dist`, scripts/wasm-split-link), brings
//    the pages' modules from target/wasm-split/: each optimised with wasm-opt like the main one and
//    named by the hash of its content, and their loader `__wasm_split.js` pointed at them and at
//    trunk's module;
// 3. writes a brotli (.br) and a gzip (.gz) copy beside every file, so a server or CDN can send
//    them as they are (the emulator does, with the right Content-Encoding).
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run this as a trunk hook');

const indexPath = join(dir, 'index.html');
const html = readFileSync(indexPath, 'utf8');
// (trunk's minified html writes `type=module`, unquoted)
const inline = /<script type="?module"?>([\s\S]*?)<\/script>/;
const found = html.match(inline);
if (!found) throw new Error('no inline module script in index.html');
const code = found[1].trim() + '\n';
// The boot script lives where trunk put the module it imports (the public URL).
const imported = code.match(/from\s*["']([^"']*\/)[^"'/]+\.js["']/);
if (!imported) throw new Error('the boot script imports no module');
const name = `boot-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
writeFileSync(join(dir, name), code);
writeFileSync(indexPath, html.replace(inline, `<script type="module" src="${imported[1]}${name}"></script>`));

// The split pages. trunk's module imports the loader by this name when the module was split.
// (trunk writes its hash as a number in hex: a leading zero is left out, so 12 to 16 digits.)
const mainJs = readdirSync(dir).find((f) => /^chatroom-admin-[0-9a-f]{12,16}\.js$/.test(f));
if (mainJs && readFileSync(join(dir, mainJs), 'utf8').includes('./__wasm_split.js')) {
  const source = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
  const split = join(process.env.CARGO_TARGET_DIR ?? join(source, 'target'), 'wasm-split');
  let loader = readFileSync(join(split, '__wasm_split.js'), 'utf8');
  if (!loader.includes('"./main.js"')) throw new Error('__wasm_split.js does not import ./main.js');
  loader = loader.replace('"./main.js"', `"./${mainJs}"`);
  for (const chunk of readdirSync(split).filter((f) => f.endsWith('.wasm'))) {
    const out = join(dir, chunk);
    // The features rustc's wasm32 target uses, which the main module has too.
    // (wasm-opt warns about a name subsection it does not know before stripping the names.)
    const opt = spawnSync(join(source, 'node_modules/.bin/wasm-opt'), [
      '-O2', '--strip-debug', '--enable-bulk-memory', '--enable-mutable-globals', '--enable-nontrapping-float-to-int',
      '--enable-sign-ext', '--enable-reference-types', '--enable-multivalue',
      join(split, chunk), '-o', out,
    ], { encoding: 'utf8' });
    const said = opt.stderr.split('\n').filter((l) => l && !l.startsWith('warning: unknown name subsection'));
    if (said.length) console.error(said.join('\n'));
    if (opt.status !== 0) throw new Error(`wasm-opt failed on ${chunk}`);
    const hash = createHash('sha256').update(readFileSync(out)).digest('hex').slice(0, 16);
    const named = chunk.replace(/\.wasm$/, `-${hash}.wasm`);
    renameSync(out, join(dir, named));
    if (!loader.includes(`"./${chunk}"`)) throw new Error(`__wasm_split.js does not load ${chunk}`);
    loader = loader.replaceAll(`"./${chunk}"`, `"./${named}"`);
  }
  writeFileSync(join(dir, '__wasm_split.js'), loader);
}

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
