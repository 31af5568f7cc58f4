// Deployment anywhere: the dashboard built for a sub-path (`make dist PUBLIC_URL=/admin/`, in
// target/dist-admin), served by a plain static file server with SPA fallback on one port, and
// the emulator as the API host on another. The main journey passes there.
import { test, expect, tokenFor } from './fixtures';
import { spawn, ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

const root = path.resolve(__dirname, '../..');
const dist = process.env.DIST_ADMIN ?? path.join(root, 'target/dist-admin');

async function staticServer(config: unknown, apiOrigin: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn('node', [path.join(root, 'tests/deploy/static-server.mjs'), dist, '/admin/', JSON.stringify(config), apiOrigin], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c) => {
      out += c.toString();
      const m = out.match(/static server on (http:\/\/[0-9.:]+)/);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`static server exited with ${code}: ${out}`)));
  });
  return { child, url };
}

test('built for /admin/ and served by a static server, the main journey works against another host', async ({ page, emulator }) => {
  expect(fs.existsSync(path.join(dist, 'index.html')), `${dist} is built (make dist-admin)`).toBe(true);
  const config = {
    presets: [{ label: 'Emulator', host: emulator.url, org: 'demo', app: 'admin', client_id: 'demo-client-id', client_secret: 'demo-client-secret' }],
    locked_host: emulator.url,
  };
  const { child, url } = await staticServer(config, emulator.url);
  try {
    const outside: string[] = [];
    const failed: string[] = [];
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (u.origin === url && !u.pathname.startsWith('/admin/')) outside.push(u.pathname);
    });
    page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
    const csp: string[] = [];
    page.on('console', (m) => { if (/Content Security Policy/.test(m.text())) csp.push(m.text()); });

    // Connect: the preset of this deployment's config.json, with its host locked.
    await page.goto(`${url}/admin/`);
    await page.getByRole('link', { name: 'Connect', exact: true }).click();
    await expect(page).toHaveURL(`${url}/admin/connect`);
    await expect(page.getByLabel('Client ID', { exact: true })).toHaveValue('demo-client-id');
    await expect(page.getByLabel('REST API host')).toHaveValue(emulator.url);
    await page.getByRole('button', { name: 'Connect', exact: true }).click();

    // List, and a detail by its link.
    await expect(page).toHaveURL(`${url}/admin/rooms`);
    await expect(page.locator('table.rooms tbody tr').first()).toBeVisible();
    const first = page.locator('table.rooms tbody tr td.id a').first();
    const id = (await first.innerText()).trim();
    expect(await first.getAttribute('href')).toBe(`/admin/rooms/${id}`);
    await first.click();
    await expect(page).toHaveURL(`${url}/admin/rooms/${id}`);
    await expect(page.getByTestId('room-id')).toHaveText(id);
    // A reload on a deep link is answered by the SPA fallback, and the tab stays connected.
    await page.reload();
    await expect(page.getByTestId('room-id')).toHaveText(id);
    await page.goBack();
    await expect(page).toHaveURL(`${url}/admin/rooms`);

    // Create, then dissolve what was created.
    await page.getByRole('button', { name: 'New chatroom' }).click();
    const create = page.getByRole('dialog', { name: 'New chatroom' });
    await create.getByLabel('Name').fill('Deployed');
    await create.getByLabel('Description').fill('made under /admin/');
    await create.getByLabel('Owner').fill('alice');
    await create.getByRole('button', { name: 'Create' }).click();
    await expect(page).toHaveURL(new RegExp(`^${url}/admin/rooms/\\d+$`));
    const newId = (await page.getByTestId('room-id').innerText()).trim();
    const admin = await tokenFor(emulator, 0);
    const read = await fetch(`${emulator.api}/chatrooms/${newId}`, { headers: { Authorization: `Bearer ${admin}` } });
    expect((await read.json()).data[0].name).toBe('Deployed');
    await page.getByRole('button', { name: 'Dissolve' }).click();
    const dissolve = page.getByRole('dialog', { name: 'Dissolve chatroom' });
    await dissolve.getByLabel(/Type the chatroom/).fill(newId);
    await dissolve.getByRole('button', { name: 'Dissolve' }).click();
    await expect(page).toHaveURL(`${url}/admin/rooms`);
    const gone = await fetch(`${emulator.api}/chatrooms/${newId}`, { headers: { Authorization: `Bearer ${admin}` } });
    expect(gone.status).toBe(404);

    // The skip link stays on the page (a <base href> must not turn it into a link away).
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(`${url}/admin/rooms`);

    expect(outside, 'requests outside /admin/').toEqual([]);
    expect(failed.filter((f) => !f.includes(`/chatrooms/${newId}`)), 'failed responses').toEqual([]);
    expect(csp).toEqual([]);

    // The caching headers a CDN needs.
    const index = await fetch(`${url}/admin/rooms/1`);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const wasm = fs.readdirSync(dist).find((f) => f.endsWith('.wasm'))!;
    expect((await fetch(`${url}/admin/${wasm}`)).headers.get('cache-control')).toContain('immutable');
  } finally {
    child.kill('SIGKILL');
  }
});

test('a host that refuses the page by CORS is told apart from one that cannot be reached', async ({ page, emulator }) => {
  // A host that answers everything, without any CORS header (a REST host that does not allow
  // the page's origin), and a port where nothing listens.
  const corsless = http.createServer((req, res) => {
    res.writeHead(req.method === 'OPTIONS' ? 204 : 200, { 'Content-Type': 'application/json' });
    res.end(req.method === 'OPTIONS' ? '' : '{"entities":[],"data":[]}');
  });
  await new Promise<void>((r) => corsless.listen(0, '127.0.0.1', () => r()));
  const corslessUrl = `http://127.0.0.1:${(corsless.address() as AddressInfo).port}`;
  const closed = http.createServer();
  await new Promise<void>((r) => closed.listen(0, '127.0.0.1', () => r()));
  const closedUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
  await new Promise((r) => closed.close(r));
  const { child, url } = await staticServer({ presets: [] }, `${emulator.url} ${corslessUrl} ${closedUrl}`);
  try {
    const attempt = async (host: string) => {
      await page.goto(`${url}/admin/connect`);
      await page.getByLabel('REST API host').fill(host);
      await page.getByLabel('Org name').fill('demo');
      await page.getByLabel('App name').fill('admin');
      await page.getByLabel('An app token').check();
      await page.getByLabel('App token', { exact: true }).fill('some-token');
      await page.getByRole('button', { name: 'Connect', exact: true }).click();
      return page.getByRole('alert');
    };
    const cors = await attempt(corslessUrl);
    await expect(cors.locator('.error-title')).toHaveText('Blocked by CORS');
    await expect(cors.locator('.error-explanation')).toContainText(`do not allow pages from ${url}`);
    const down = await attempt(closedUrl);
    // A read that gets no answer is sent again, 10 times in all, with backoff: about 30 s.
    await expect(down.locator('.error-title')).toHaveText('Network failure', { timeout: 60_000 });
    await expect(down.locator('.error-explanation')).toContainText('the host could not be reached');
  } finally {
    child.kill('SIGKILL');
    corsless.close();
  }
});
