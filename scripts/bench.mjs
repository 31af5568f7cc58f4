// `make bench`, the browser half: the release site in dist/, an emulator (release build) with
// 100,000 rooms, and Debian's headless Chromium. Prints figures; asserts nothing about speed.
//
//   node scripts/bench.mjs [rooms]
//
// Every figure is measured inside the page (performance.now, requestAnimationFrame) or read
// from Chromium (CDP Performance metrics), so the test driver's own delays do not count.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = resolve(new URL('..', import.meta.url).pathname);
const dist = join(root, 'dist');
const rooms = Number(process.argv[2] ?? 100_000);

const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
const ms = (n) => `${n.toFixed(1)} ms`;
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.round((s.length - 1) * q))];
};

// 1. The first load: every file of dist/ but the page modules, which load when a page is first
// opened (bundle.spec.ts checks which files the browser fetches); then the page modules.
const isPageModule = (name) => name.endsWith('.wasm') && !name.endsWith('_bg.wasm');
const names = readdirSync(dist).sort().filter((name) =>
  !/\.(br|gz)$/.test(name) && !statSync(join(dist, name)).isDirectory() && name !== 'config.json');
for (const [title, group] of [
  ['First load (dist/)', names.filter((n) => !isPageModule(n))],
  ['Page modules, each fetched when a page that needs it is first opened', names.filter(isPageModule)],
]) {
  console.log(`\n== ${title} ==`);
  const totals = { raw: 0, gzip: 0, brotli: 0 };
  for (const name of group) {
    const path = join(dist, name);
    const raw = statSync(path).size;
    const gzip = gzipSync(readFileSync(path), { level: 9 }).length;
    const brotli = statSync(`${path}.br`).size;
    totals.raw += raw; totals.gzip += gzip; totals.brotli += brotli;
    console.log(`${name.padEnd(64)} ${kb(raw).padStart(10)} raw ${kb(gzip).padStart(10)} gzip ${kb(brotli).padStart(10)} brotli`);
  }
  console.log(`${'total'.padEnd(64)} ${kb(totals.raw).padStart(10)} raw ${kb(totals.gzip).padStart(10)} gzip ${kb(totals.brotli).padStart(10)} brotli`);
}

// 2. The emulator with `rooms` rooms.
const seeding = performance.now();
const emulator = spawn(join(root, 'target/release/easemob-emulator'),
  ['--memory', '--listen', '127.0.0.1:0', '--dist', dist, '--demo-rooms', String(rooms)],
  { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((ok, fail) => {
  let out = '';
  emulator.stdout.on('data', (c) => {
    out += c;
    const m = out.match(/Easemob emulator on (http:\/\/[0-9.:]+)/);
    if (m) ok(m[1]);
  });
  emulator.on('exit', (code) => fail(new Error(`emulator exited with ${code}`)));
});
emulator.stdout.resume();
console.log(`\n== Dashboard in headless Chromium, ${rooms.toLocaleString('en')} rooms (emulator seeded in ${ms(performance.now() - seeding)}) ==`);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--enable-precise-memory-info'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // trunk's start-up script hands the wasm exports (and so its memory) to this event.
  await page.addInitScript(() => addEventListener('TrunkApplicationStarted', (e) => { globalThis.__wasm = e.detail?.wasm; }));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');

  // Navigation to the connect form: from the request to the form filled in from config.json.
  const t0 = Date.now();
  await page.goto(`${url}/connect`);
  await page.waitForFunction(() => document.querySelector('#client_id')?.value === 'demo-client-id');
  const nav = await page.evaluate(() => {
    const n = performance.getEntriesByType('navigation')[0];
    return { ready: performance.now(), load: n.loadEventEnd };
  });
  console.log(`navigation to the connect form      ${ms(nav.ready)} (load event ${ms(nav.load)}; driver saw ${Date.now() - t0} ms)`);

  // Connect to the first rows.
  const connect = await page.evaluate(() => new Promise((done) => {
    const start = performance.now();
    const seen = () => document.querySelector('table.rooms tbody tr');
    new MutationObserver((_, obs) => {
      if (seen()) { obs.disconnect(); requestAnimationFrame(() => done(performance.now() - start)); }
    }).observe(document.body, { subtree: true, childList: true });
    document.querySelector('main form button[type=submit]').click();
  }));
  console.log(`Connect to first rows               ${ms(connect)}`);

  // Loading every room.
  const loadAll = await page.evaluate((n) => new Promise((done) => {
    const start = performance.now();
    const want = `${n.toLocaleString('en')} chatrooms`;
    const check = () => document.querySelector('[data-testid=all-summary]')?.textContent === want;
    new MutationObserver((_, obs) => {
      if (check()) { obs.disconnect(); requestAnimationFrame(() => done(performance.now() - start)); }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
    document.querySelector('[data-testid=all-rooms]').click();
  }), rooms);
  console.log(`loading all ${rooms.toLocaleString('en')} rooms              ${ms(loadAll)} (${Math.ceil(rooms / 1000)} requests of 1000)`);

  // Filter latency: from the input event to the next frame, by which the rows on screen have
  // followed (the dashboard updates them before the browser draws again).
  const typed = ['l', 'lo', 'lob', 'lobb', 'lobby', 'lobby 1', 'lobby 12', 'lobby 123', 'lobby 12',
    'lobby 1', 'lobby', '', 'a', 'al', 'ali', 'alic', 'alice', 'alic', 'ali', 'al', 'a', '', 'music 2', ''];
  const filter = await page.evaluate((steps) => (async () => {
    const input = document.querySelector('[data-testid=all-filter]');
    const summary = document.querySelector('[data-testid=all-summary]');
    const out = [];
    for (const text of steps) {
      const start = performance.now();
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(() => r()));
      out.push(performance.now() - start);
      if (!summary.isConnected) throw new Error('the summary went away');
      await new Promise((r) => setTimeout(r, 30));
    }
    return out;
  })(), typed);
  // The last filter shown is the last typed: the rows did follow.
  const shownSummary = await page.getByTestId('all-summary').innerText();
  console.log(`filter at ${rooms.toLocaleString('en')}                    median ${ms(quantile(filter, 0.5))}, p95 ${ms(quantile(filter, 0.95))}, max ${ms(Math.max(...filter))} (${filter.length} keystrokes; last: "${shownSummary}")`);

  // Frame times while scrolling the whole table, 360 px a frame.
  const frames = await page.evaluate(() => new Promise((done) => {
    const box = document.querySelector('[data-testid=all-scroll]');
    const times = [];
    let last = performance.now();
    const step = (now) => {
      times.push(now - last);
      last = now;
      box.scrollTop += 360;
      if (times.length < 600 && box.scrollTop + box.clientHeight < box.scrollHeight) requestAnimationFrame(step);
      else done(times.slice(1));
    };
    requestAnimationFrame(step);
  }));
  const rows = await page.locator('[data-testid=all-scroll] [role=row]').count();
  console.log(`frame time while scrolling          p95 ${ms(quantile(frames, 0.95))}, median ${ms(quantile(frames, 0.5))} (${frames.length} frames; ${rows} rows in the DOM)`);

  // Memory with every room loaded.
  const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const wasm = await page.evaluate(() => globalThis.__wasm?.memory?.buffer?.byteLength ?? 0);
  console.log(`JS heap with every room loaded      ${(metrics.JSHeapUsedSize / 1e6).toFixed(1)} MB used of ${(metrics.JSHeapTotalSize / 1e6).toFixed(1)} MB${wasm ? `; wasm memory ${(wasm / 1e6).toFixed(1)} MB` : ''}`);

  // The overview: opened from the top bar with every room walked (its module, one pass over
  // the rooms, the charts drawn); then walked again from the overview, from the end of the last
  // page's response to the next frame after the overview is drawn from it.
  const openOverview = await page.evaluate((n) => new Promise((done) => {
    const start = performance.now();
    const want = n.toLocaleString('en');
    const check = () => document.querySelector('[data-testid=total-rooms]')?.textContent === want
      && document.querySelector('[data-testid=owners] svg a');
    new MutationObserver((_, obs) => {
      if (check()) { obs.disconnect(); requestAnimationFrame(() => done(performance.now() - start)); }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
    [...document.querySelectorAll('header nav a')].find((a) => a.getAttribute('href').endsWith('/overview')).click();
  }), rooms);
  console.log(`open the overview, rooms walked     ${ms(openOverview)} (its module, one pass over ${rooms.toLocaleString('en')} rooms, the charts drawn)`);
  const walkToOverview = await page.evaluate(() => new Promise((done) => {
    performance.clearResourceTimings();
    performance.setResourceTimingBufferSize(1000);
    let walking = false;
    new MutationObserver((_, obs) => {
      const progress = document.querySelector('[data-testid=all-progress]');
      if (progress) walking = true;
      else if (walking) {
        obs.disconnect();
        requestAnimationFrame(() => {
          const drawn = performance.now();
          const pages = performance.getEntriesByType('resource').filter((e) => /\/chatrooms\?limit=1000/.test(e.name));
          const end = Math.max(...pages.map((e) => e.responseEnd));
          done({ ms: drawn - end, pages: pages.length });
        });
      }
    }).observe(document.body, { subtree: true, childList: true });
    document.querySelector('[data-testid=reload-all]').click();
  }));
  console.log(`walk's end to the overview drawn    ${ms(walkToOverview.ms)} (last of ${walkToOverview.pages} pages read to the next frame: the rooms kept, the figures of ${rooms.toLocaleString('en')} rooms, the charts)`);

  // The journal with 10,000 entries, written straight into its IndexedDB store in the shape
  // src/journal/store.rs keeps; then /journal opened from the top bar, to its summary and the
  // next frame; then the memory again.
  const journalN = 10_000;
  await page.evaluate((n) => new Promise((done, fail) => {
    const info = JSON.parse(sessionStorage.getItem('chatroom-admin.session'));
    const app = { host: info.host, org: info.org, app: info.app };
    const key = `${app.host} ${app.org}#${app.app}`;
    const open = indexedDB.open('chatroom-admin-journal', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('entries', { keyPath: 'id' }).createIndex('app', 'app');
    open.onerror = () => fail(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction('entries', 'readwrite');
      const store = tx.objectStore('entries');
      const now = Date.now();
      for (let i = 0; i < n; i++) {
        const at = now - (n - i) * 60_000;
        const edit = i % 3 === 0;
        const items = [{
          op: edit ? 'edit' : 'mute', room: String(100000 + (i % 5000)), users: edit ? [] : [`user${i % 700}`],
          set: edit ? { name: `Room ${i}` } : { duration: '3600000' },
          before: edit ? { name: `Old ${i}`, description: '', maxusers: '200', owner: 'alice' } : {},
          outcome: { is: 'done' },
        }];
        const entry = { id: at * 1000 + (i % 1000), at, app, kind: 'single', running: false, items };
        store.put({ id: entry.id, app: key, at, json: JSON.stringify(entry) });
      }
      tx.oncomplete = () => { open.result.close(); done(); };
      tx.onerror = () => fail(tx.error);
    };
  }), journalN);
  const openJournal = await page.evaluate((n) => new Promise((done) => {
    const start = performance.now();
    const want = `${n} of ${n} entries`;
    const check = () => document.querySelector('[data-testid=journal-summary]')?.textContent?.trim() === want;
    new MutationObserver((_, obs) => {
      if (check()) { obs.disconnect(); requestAnimationFrame(() => done(performance.now() - start)); }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
    [...document.querySelectorAll('header nav a')].find((a) => a.getAttribute('href').endsWith('/journal')).click();
  }), journalN);
  const journalRows = await page.locator('[data-testid=journal-scroll] [role=row]').count();
  const jm = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const jwasm = await page.evaluate(() => globalThis.__wasm?.memory?.buffer?.byteLength ?? 0);
  console.log(`open the journal, ${journalN.toLocaleString('en')} entries        ${ms(openJournal)} (its module, reading and parsing every entry, the first rows; ${journalRows} rows in the DOM)`);
  console.log(`JS heap with the journal open       ${(jm.JSHeapUsedSize / 1e6).toFixed(1)} MB used of ${(jm.JSHeapTotalSize / 1e6).toFixed(1)} MB${jwasm ? `; wasm memory ${(jwasm / 1e6).toFixed(1)} MB` : ''}`);
} finally {
  await browser.close();
  emulator.kill('SIGKILL');
}
