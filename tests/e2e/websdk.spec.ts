import { test, expect } from './fixtures';
import * as path from 'node:path';
const SDK_JS = path.resolve(__dirname, '../../node_modules/easemob-websdk/Easemob-chat.js');
test('probe', async ({ page, context, emulator }) => {
  await context.grantPermissions(['local-network-access'], { origin: 'http://sdk.localhost' });
  const token = await emulator.token();
  page.on('console', (m) => { if (m.type() !== 'debug') console.log('console', m.type(), m.text().slice(0, 300)); });
  page.on('request', (r) => console.log('REQ', r.method(), r.url()));
  page.on('requestfailed', (r) => console.log('FAILED', r.method(), r.url(), r.failure()?.errorText));
  await page.route('http://sdk.localhost/**', (route) => {
    const u = new URL(route.request().url());
    if (u.pathname === '/sdk.js') return route.fulfill({ path: SDK_JS, contentType: 'text/javascript' });
    return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>sdk</title>' });
  });
  await page.goto('http://sdk.localhost/');
  await page.addScriptTag({ url: 'http://sdk.localhost/sdk.js' });
  const r = await page.evaluate(async ({ apiUrl, token }) => {
    const W = (window as any).WebIM;
    const conn = new W.connection({ appKey: 'demo#admin', isHttpDNS: false, apiUrl, url: 'ws://127.0.0.1:9/websocket' });
    conn.user = 'alice';
    Object.assign(conn.context, { accessToken: token, orgName: 'demo', appName: 'admin', appKey: 'demo#admin', userId: 'alice', jid: { appKey: 'demo#admin', name: 'alice', domain: 'easemob.com', clientResource: 'e2e' } });
    (window as any).conn = conn;
    try { return { ok: await conn.getChatRooms({ pagenum: 1, pagesize: 2 }), keys: Object.keys(W), lk: Object.keys(W.logger) }; } catch (e: any) { return { err: { type: e.type, message: e.message } } }
  }, { apiUrl: emulator.url, token });
  console.log(JSON.stringify(r, null, 1));
});
