// The official Easemob web SDK (npm `easemob-websdk` 4.21.1, its minified Easemob-chat.js) drives
// every chatroom REST method it has against the emulator, in headless Chromium, and each answer is
// checked against what the SDK promises its caller (its d.ts types, Easemob-chat.d.ts first).
//
// No login: the SDK's REST methods only need `context.orgName`, `context.appName` and
// `context.accessToken` (plus `context.jid.clientResource`, `context.userId` and `conn.user` for
// the URLs and bodies that name the current user, and `context.appKey` for the file upload), so
// the connection is built with `isHttpDNS: false` and `apiUrl` pointing at the emulator, and those
// fields are filled in by hand, with the app token. joinChatRoom / leaveChatRoom go over the
// websocket and are only checked to refuse without sending anything.
//
// The page comes from a fake origin, http://sdk.localhost (served by page.route, never by the
// network), so every SDK request to the emulator is cross-origin and goes through CORS exactly as
// in a real web app. `*.localhost` is a secure context, and the `local-network-access` permission
// lets it reach 127.0.0.1 (Chromium refuses loopback requests from other origins otherwise).
// The routes are removed once the SDK is loaded: while any route is set, Playwright answers every
// CORS preflight itself, allowing everything, and the emulator's own CORS would go untested.
//
// Every SDK call is attached to the test with the HTTP it caused (request, status, body), so a
// failure shows what the SDK sent and what the emulator answered.
import { test as base, expect, api, allRoomIds, setFaults, Emulator } from './fixtures';
import type { BrowserContext, Page } from '@playwright/test';
import * as path from 'node:path';

const SDK_JS = path.resolve(__dirname, '../../node_modules/easemob-websdk/Easemob-chat.js');
const ORIGIN = 'http://sdk.localhost';
const APP_KEY = 'demo#admin';
/** The user the SDK acts as (a demo user). */
const ME = 'alice';
/** What a logged-in SDK would put in `?resource=` (its device resource). */
const RESOURCE = 'webim_e2e';

/** The SDK's status codes (`WebIM.statusCode`) that these tests expect. */
const Code = {
  REQUEST_SUCCESS: 0,
  WEBIM_CONNCTION_AJAX_ERROR: 17,
  WEBIM_CONNECTION_CLOSED: 39,
  NO_PERMISSION: 52,
  SERVER_BUSY: 500,
  CHATROOM_NOT_JOINED: 702,
  CHATROOM_NOT_EXIST: 705,
} as const;

/** One HTTP exchange the SDK made, as its XMLHttpRequest saw it (status 0: never answered,
 * e.g. refused by CORS). */
type Exchange = { method: string; url: string; body: string | null; status?: number; response?: string };
type SdkError = { type?: number; code?: string; message: string; jsError?: string };
type Outcome =
  | { ok: true; value: any; http: Exchange[] }
  | { ok: false; error: SdkError; http: Exchange[] };

function describeHttp(http: Exchange[], consoleErrors: string[] = []): string {
  if (http.length === 0) return '  (no HTTP request)';
  return http
    .map((x) => {
      const why = consoleErrors.find((e) => e.includes(x.url.split('?')[0]));
      const answer = x.status === 0 ? `no answer (${why ?? 'blocked by CORS or unreachable'})` : `${x.status} ${(x.response ?? '').slice(0, 3000)}`;
      return `  → ${x.method} ${x.url}${x.body ? `\n    body: ${x.body}` : ''}\n  ← ${answer}`;
    })
    .join('\n');
}

/** The SDK loaded in a page, with a connection that never logged in. */
class Sdk {
  constructor(
    readonly page: Page,
    readonly emulator: Emulator,
    readonly token: string,
    /** Requests the page sent anywhere but the emulator once the SDK was loaded. */
    readonly stray: string[],
    /** The page's console errors (Chromium says there why it refused a cross-origin request). */
    readonly consoleErrors: string[],
  ) {}

  describe(http: Exchange[]) {
    return describeHttp(http, this.consoleErrors);
  }

  /** `conn[method](params)`: what the SDK resolved or rejected with, and the HTTP it caused. */
  async attempt(method: string, params?: unknown): Promise<Outcome> {
    const outcome: Outcome = await this.page.evaluate(
      ([m, p]) => (window as any).__sdkCall(m, p),
      [method, params] as const,
    );
    const result = outcome.ok
      ? `SDK resolved: ${JSON.stringify(outcome.value)}`
      : `SDK rejected: ${JSON.stringify(outcome.error)}`;
    await test.info().attach(`${method}`, {
      contentType: 'text/plain',
      body: `conn.${method}(${JSON.stringify(params)})\n${this.describe(outcome.http)}\n${result}\n`,
    });
    return outcome;
  }

  /** `conn[method](params)`, which must resolve; a rejection fails the test with the HTTP. */
  async call(method: string, params?: unknown): Promise<any> {
    const outcome = await this.attempt(method, params);
    if (!outcome.ok) {
      throw new Error(
        `conn.${method}(${JSON.stringify(params)}) was rejected: ${JSON.stringify(outcome.error)}\n${this.describe(outcome.http)}`,
      );
    }
    return outcome.value;
  }

  /** The emulator's REST API straight from the test (setup and checks), same app token. */
  rest(method: string, p: string, body?: unknown) {
    return api(this.emulator, this.token, method, p, body);
  }
}

async function startSdk(page: Page, context: BrowserContext, emulator: Emulator): Promise<Sdk> {
  const token = await emulator.token();
  await context.grantPermissions(['local-network-access'], { origin: ORIGIN });
  await page.route(`${ORIGIN}/**`, (route) =>
    new URL(route.request().url()).pathname === '/Easemob-chat.js'
      ? route.fulfill({ path: SDK_JS, contentType: 'text/javascript' })
      : route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Easemob web SDK</title>' }),
  );
  await page.goto(`${ORIGIN}/`);
  // Records every XMLHttpRequest (the SDK's only transport for REST). The listener is added in
  // the constructor, before the SDK sets its own `onreadystatechange`, so an exchange is complete
  // in the log by the time the SDK's promise settles.
  await page.evaluate(() => {
    const w = window as any;
    const log: any[] = [];
    w.__http = log;
    const Native = w.XMLHttpRequest;
    w.XMLHttpRequest = class extends Native {
      __x: any = {};
      constructor() {
        super();
        this.addEventListener('readystatechange', () => {
          if (this.readyState !== 4) return;
          this.__x.status = this.status;
          try {
            this.__x.response = this.responseText;
          } catch {
            this.__x.response = `[${this.responseType}]`;
          }
        });
      }
      open(method: string, url: string, ...rest: any[]) {
        Object.assign(this.__x, { method, url });
        return super.open(method, url, ...rest);
      }
      send(body?: any) {
        this.__x.body = body instanceof FormData ? `[multipart form: ${[...body.keys()].join(', ')}]` : body ?? null;
        log.push(this.__x);
        return super.send(body);
      }
    };
  });
  await page.addScriptTag({ url: `${ORIGIN}/Easemob-chat.js` });
  // From here on the page talks to the network itself (see the top of the file), and anything it
  // sends elsewhere than the emulator (the SDK's DNS service, log or metrics upload) is noted.
  await page.unrouteAll({ behavior: 'wait' });
  const stray: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(emulator.url)) stray.push(`${r.method()} ${r.url()}`);
  });
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  await page.evaluate(
    ({ apiUrl, token, user, appKey, resource }) => {
      const w = window as any;
      const [orgName, appName] = appKey.split('#');
      // isHttpDNS false: no call to the DNS service (rs.easemob.com) for hosts; apiUrl is used as is.
      const conn = new w.WebIM.connection({ appKey, isHttpDNS: false, apiUrl, url: `${apiUrl.replace(/^http/, 'ws')}/websocket` });
      // What open() would have set (`yc` in the SDK), minus the websocket.
      conn.user = user; // createChatRoom's owner, getJoinedChatRooms' path
      Object.assign(conn.context, {
        accessToken: token, // every REST call's Bearer token
        orgName,
        appName,
        appKey,
        userId: user, // isInChatRoomMutelist's path, the attribute calls' /user/{userId}
        jid: { appKey, name: user, domain: 'easemob.com', clientResource: resource }, // `?resource=`
      });
      w.conn = conn;
      const codeName = (t: unknown) => (typeof t === 'number' ? w.WebIM.statusCode[t] : undefined);
      w.__sdkCall = async (method: string, params: unknown) => {
        const from = w.__http.length;
        try {
          const value = await conn[method](params);
          return { ok: true, value, http: w.__http.slice(from) };
        } catch (e: any) {
          const error = e instanceof Error
            ? { message: e.message, jsError: e.name }
            : { type: e?.type, code: codeName(e?.type), message: String(e?.message ?? e) };
          return { ok: false, error, http: w.__http.slice(from) };
        }
      };
    },
    { apiUrl: emulator.url, token, user: ME, appKey: APP_KEY, resource: RESOURCE },
  );
  return new Sdk(page, emulator, token, stray, consoleErrors);
}

const test = base.extend<{ sdk: Sdk }>({
  sdk: async ({ page, context, emulator }, use) => {
    await use(await startSdk(page, context, emulator));
  },
});

// ---- d.ts shapes (Easemob-chat.d.ts), as matchers -------------------------------------------

/** `AsyncResult<T>`: `type` is REQUEST_SUCCESS and `data` holds T. A plain object given for
 * `data` is matched on the fields it names: more fields are fine, as in TypeScript. */
function success(data: unknown) {
  const plain = data !== null && typeof data === 'object' && Object.getPrototypeOf(data) === Object.prototype && !('asymmetricMatch' in data);
  return expect.objectContaining({ type: Code.REQUEST_SUCCESS, data: plain ? expect.objectContaining(data) : data });
}
/** Any of these values (primitives compared with ===, matchers applied). */
function oneOf(...options: unknown[]) {
  return {
    $$typeof: Symbol.for('jest.asymmetricMatcher'),
    asymmetricMatch: (v: unknown) =>
      options.some((o) => (o && typeof (o as any).asymmetricMatch === 'function' ? (o as any).asymmetricMatch(v) : o === v)),
    toAsymmetricMatcher: () =>
      `oneOf(${options.map((o: any) => o?.toAsymmetricMatcher?.() ?? o?.toString?.() ?? JSON.stringify(o) ?? 'undefined').join(', ')})`,
  };
}
/** Every element of an array matches `shape` (and it is an array). */
function eachLike(shape: Record<string, unknown>) {
  return {
    $$typeof: Symbol.for('jest.asymmetricMatcher'),
    asymmetricMatch: (list: unknown) =>
      Array.isArray(list) && list.every((el) => expect.objectContaining(shape).asymmetricMatch(el)),
    toAsymmetricMatcher: () => `every element with ${Object.keys(shape).join(', ')}`,
  };
}
const str = () => expect.any(String);
const num = () => expect.any(Number);
const bool = () => expect.any(Boolean);

/** ChatRoomBaseInfo */
const ChatRoomBaseInfo = { id: str(), name: str(), owner: str(), affiliations_count: num() };
/** GetChatRoomDetailsResult. `shieldgroup` (declared, boolean) is left out: the recorded server
 * answers to an app token (reference §2.3) do not have it; see the report. */
const GetChatRoomDetailsResult = {
  affiliations: expect.any(Array),
  affiliations_count: num(),
  allowinvites: bool(),
  created: num(),
  custom: str(),
  description: str(),
  id: str(),
  maxusers: num(),
  membersonly: bool(),
  mute: bool(),
  name: str(),
  owner: str(),
  public: bool(),
};
/** CommonRequestResult (`reason` optional). */
const CommonRequestResult = { result: bool(), action: str(), user: str(), id: str() };
/** FetchedGroupMember */
const FetchedGroupMember = { role: expect.stringMatching(/^(owner|admin|member)$/), userId: str(), joinedTime: num() };
/** JoinedChatRoomInfo = Pick<GetChatRoomDetailsResult, id | name | owner | created | description | maxusers> */
const JoinedChatRoomInfo = { id: str(), name: str(), owner: str(), created: num(), description: str(), maxusers: num() };
/** ChatroomAttributes */
const ChatroomAttributes = { status: expect.stringMatching(/^(success|fail)$/), errorKeys: expect.any(Object), successKeys: expect.any(Array) };

// ---- setup through the REST API -------------------------------------------------------------

const MEMBERS = ['bob', 'carol', 'dave', 'erin'];

/** A fresh room: owner `owner` (default: the SDK's user) and `members`. */
async function newRoom(sdk: Sdk, owner = ME, members = MEMBERS): Promise<string> {
  const r = await sdk.rest('POST', '/chatrooms', {
    name: 'SDK room',
    description: 'made for the web SDK tests',
    maxusers: 100,
    owner,
    members,
  });
  expect(r.status).toBe(200);
  return r.body.data.id;
}

async function details(sdk: Sdk, id: string) {
  const r = await sdk.rest('GET', `/chatrooms/${id}`);
  expect(r.status).toBe(200);
  return r.body.data[0];
}

function memberNames(d: { affiliations: Record<string, string>[] }): string[] {
  return d.affiliations.map((a) => a.owner ?? a.member).sort();
}

// ---- rooms ------------------------------------------------------------------------------------

test.describe('rooms', () => {
  test('getChatRooms pages through the app by page number', async ({ sdk, emulator }) => {
    // GET /chatrooms?pagenum=&pagesize=&_v= : pages of 7 until a short one, which together are
    // every room of the app (30 demo rooms), each once.
    const seen: string[] = [];
    for (let pagenum = 1; pagenum <= 10; pagenum++) {
      const res = await sdk.call('getChatRooms', { pagenum, pagesize: 7 });
      expect(res).toEqual(success(eachLike(ChatRoomBaseInfo)));
      expect(res.data.length).toBeLessThanOrEqual(7);
      seen.push(...res.data.map((r: { id: string }) => r.id));
      if (res.data.length < 7) break;
    }
    expect(seen.sort()).toEqual((await allRoomIds(emulator)).sort());
  });

  test('createChatRoom makes a room owned by the connected user', async ({ sdk }) => {
    // POST /chatrooms?resource= {name, description, maxusers, owner: conn.user, members}
    const res = await sdk.call('createChatRoom', {
      name: 'Made by the SDK',
      description: 'created through the web SDK',
      maxusers: 300,
      members: ['bob', 'carol'],
    });
    expect(res).toEqual(success({ id: expect.stringMatching(/^\d+$/) }));
    const d = await details(sdk, res.data.id);
    expect(d).toMatchObject({ name: 'Made by the SDK', description: 'created through the web SDK', maxusers: 300, owner: ME });
    expect(memberNames(d)).toEqual([ME, 'bob', 'carol'].sort());
  });

  test('destroyChatRoom dissolves the room', async ({ sdk }) => {
    const id = await newRoom(sdk);
    // DELETE /chatrooms/{id}?resource=&version=v3 (token: the caller's, here the app token)
    const res = await sdk.call('destroyChatRoom', { chatRoomId: id, token: sdk.token });
    expect(res).toEqual(success(expect.objectContaining({ id })));
    expect((await sdk.rest('GET', `/chatrooms/${id}`)).status).toBe(404);
  });

  test('getChatRoomDetails returns the room', async ({ sdk }) => {
    const id = await newRoom(sdk);
    // GET /chatrooms/{id}
    const res = await sdk.call('getChatRoomDetails', { chatRoomId: id });
    expect(res).toEqual(success([expect.objectContaining(GetChatRoomDetailsResult)]));
    const [d] = res.data;
    expect(d).toMatchObject({ id, name: 'SDK room', owner: ME, maxusers: 100, affiliations_count: 5 });
    expect(d.affiliations).toContainEqual({ owner: ME });
    expect(memberNames(d)).toEqual([ME, ...MEMBERS].sort());
    // Declared in the d.ts; not in the recorded server answers (see the report).
    if ('shieldgroup' in d) expect(typeof d.shieldgroup).toBe('boolean');
  });

  test('modifyChatRoom changes name (sent as groupname), description and maxusers', async ({ sdk }) => {
    const id = await newRoom(sdk);
    // PUT /chatrooms/{id}?resource= {groupname, description, maxusers}
    const res = await sdk.call('modifyChatRoom', {
      chatRoomId: id,
      chatRoomName: 'Renamed by the SDK',
      description: 'edited through the web SDK',
      maxusers: 150,
    });
    expect(res).toEqual(success({ groupname: true, description: true, maxusers: true }));
    expect(await details(sdk, id)).toMatchObject({ name: 'Renamed by the SDK', description: 'edited through the web SDK', maxusers: 150 });
  });
});

// ---- members ----------------------------------------------------------------------------------

test.describe('members', () => {
  test('addUsersToChatRoom adds members', async ({ sdk }) => {
    const id = await newRoom(sdk);
    // POST /chatrooms/{id}/users?resource= {usernames}
    const res = await sdk.call('addUsersToChatRoom', { chatRoomId: id, users: ['frank', 'grace'] });
    expect(res).toEqual(success({ newmembers: expect.arrayContaining(['frank', 'grace']), action: 'add_member', id }));
    expect(memberNames(await details(sdk, id))).toEqual([ME, ...MEMBERS, 'frank', 'grace'].sort());
  });

  test('removeChatRoomMember removes one member', async ({ sdk }) => {
    const id = await newRoom(sdk);
    // DELETE /chatrooms/{id}/users/{username}?resource=
    const res = await sdk.call('removeChatRoomMember', { chatRoomId: id, username: 'bob' });
    expect(res).toEqual(success(expect.objectContaining({ ...CommonRequestResult, result: true, user: 'bob', id })));
    expect(memberNames(await details(sdk, id))).not.toContain('bob');
  });

  test('removeChatRoomMembers removes several members, a result each', async ({ sdk }) => {
    const id = await newRoom(sdk);
    // DELETE /chatrooms/{id}/users/{u1},{u2}?resource=
    const res = await sdk.call('removeChatRoomMembers', { chatRoomId: id, users: ['carol', 'dave'] });
    expect(res).toEqual(success(eachLike({ ...CommonRequestResult, result: true, id })));
    expect(res.data.map((r: { user: string }) => r.user).sort()).toEqual(['carol', 'dave']);
    expect(memberNames(await details(sdk, id))).toEqual([ME, 'bob', 'erin']);
  });

  test('listChatRoomMembers (deprecated) pages by number', async ({ sdk }) => {
    const id = await newRoom(sdk);
    // GET /chatrooms/{id}/users?version=v3&pagenum=&pagesize=&_v=
    const seen: Record<string, string>[] = [];
    for (const [pageNum, size] of [[1, 2], [2, 2], [3, 1]]) {
      const res = await sdk.call('listChatRoomMembers', { chatRoomId: id, pageNum, pageSize: 2 });
      expect(res.type).toBe(Code.REQUEST_SUCCESS);
      expect(res.data).toHaveLength(size);
      for (const m of res.data) expect(Object.keys(m).length === 1 && (typeof m.member === 'string' || typeof m.owner === 'string')).toBe(true);
      seen.push(...res.data);
    }
    expect(seen).toContainEqual({ owner: ME });
    expect(seen.map((m) => m.owner ?? m.member).sort()).toEqual([ME, ...MEMBERS].sort());
  });

  test('getChatRoomMembers pages by cursor, with roles and join times', async ({ sdk }) => {
    const id = await newRoom(sdk);
    // GET /chatrooms/{id}/users?cursor=undefined&limit=2&joined_time=true&_v= (the first page
    // sends the literal "undefined"), then cursor={cursor}
    const members: { role: string; userId: string; joinedTime: number }[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const res = await sdk.call('getChatRoomMembers', { chatRoomId: id, limit: 2, ...(cursor ? { cursor } : {}) });
      expect(res).toEqual(success({ cursor: oneOf(undefined, expect.any(String)), members: eachLike(FetchedGroupMember) }));
      expect(res.data.members.length).toBeLessThanOrEqual(2);
      members.push(...res.data.members);
      cursor = res.data.cursor;
      if (!cursor) break;
    }
    expect(cursor, 'the last page has no cursor').toBeFalsy();
    expect(members.map((m) => m.userId).sort()).toEqual([ME, ...MEMBERS].sort());
    expect(members.find((m) => m.userId === ME)?.role).toBe('owner');
  });

  test("getJoinedChatRooms lists the user's rooms with details", async ({ sdk }) => {
    const id = await newRoom(sdk);
    // GET /users/{me}/joined_chatrooms?pagenum=&pagesize=&detail=true&_v=; the SDK renames
    // title → name and max_users → maxusers and strips "{appKey}_" from owner.
    const rooms: Record<string, unknown>[] = [];
    for (let pageNum = 1; pageNum <= 10; pageNum++) {
      const res = await sdk.call('getJoinedChatRooms', { pageNum, pageSize: 2 });
      expect(res).toEqual(success(eachLike(JoinedChatRoomInfo)));
      expect(res.data.length).toBeLessThanOrEqual(2);
      rooms.push(...res.data);
      if (res.data.length < 2) break;
    }
    expect(rooms).toContainEqual({ id, name: 'SDK room', owner: ME, created: expect.any(Number), description: 'made for the web SDK tests', maxusers: 100 });
    // The same rooms as the plain REST list (no paging: the latest 500), each once.
    const all = (await sdk.rest('GET', `/users/${ME}/joined_chatrooms`)).body.data.map((r: { id: string }) => r.id);
    expect(rooms.map((r) => r.id as string).sort()).toEqual(all.sort());
  });

  test('joinChatRoom and leaveChatRoom go over the websocket: refused without a login, nothing sent', async ({ sdk }) => {
    const id = await newRoom(sdk, 'bob', ['carol']);
    for (const [method, params] of [
      ['joinChatRoom', { roomId: id }],
      ['leaveChatRoom', { roomId: id }],
      ['quitChatRoom', { roomId: id }],
    ] as const) {
      const out = await sdk.attempt(method, params);
      expect(out).toEqual({ ok: false, error: { type: Code.WEBIM_CONNECTION_CLOSED, code: 'WEBIM_CONNECTION_CLOSED', message: 'not login' }, http: [] });
    }
  });
});

// ---- admins -----------------------------------------------------------------------------------

test.describe('admins', () => {
  test('getChatRoomAdmin lists the admins', async ({ sdk }) => {
    const id = await newRoom(sdk);
    expect((await sdk.rest('POST', `/chatrooms/${id}/admin`, { newadmin: 'bob' })).status).toBe(200);
    // GET /chatrooms/{id}/admin?version=v3
    expect(await sdk.call('getChatRoomAdmin', { chatRoomId: id })).toEqual(success(['bob']));
  });

  test('setChatRoomAdmin makes a member an admin', async ({ sdk }) => {
    const id = await newRoom(sdk);
    // POST /chatrooms/{id}/admin?resource=&version=v3 {newadmin}
    const res = await sdk.call('setChatRoomAdmin', { chatRoomId: id, username: 'bob' });
    // d.ts: result boolean. The recorded server answer (reference §4) is the string "success",
    // which the SDK passes on untouched; either is accepted.
    expect(res).toEqual(success({ result: oneOf(true, 'success'), newadmin: 'bob' }));
    expect((await sdk.rest('GET', `/chatrooms/${id}/admin`)).body.data).toEqual(['bob']);
  });

  test('removeChatRoomAdmin demotes an admin', async ({ sdk }) => {
    const id = await newRoom(sdk);
    await sdk.rest('POST', `/chatrooms/${id}/admin`, { newadmin: 'bob' });
    // DELETE /chatrooms/{id}/admin/{username}?resource=
    const res = await sdk.call('removeChatRoomAdmin', { chatRoomId: id, username: 'bob' });
    // As for setChatRoomAdmin: d.ts boolean, recorded server "success".
    expect(res).toEqual(success({ result: oneOf(true, 'success'), oldadmin: 'bob' }));
    expect((await sdk.rest('GET', `/chatrooms/${id}/admin`)).body.data).toEqual([]);
  });
});

// ---- mutes ------------------------------------------------------------------------------------

test.describe('mutes', () => {
  test('muteChatRoomMember mutes one member for a while', async ({ sdk }) => {
    const id = await newRoom(sdk);
    // POST /chatrooms/{id}/mute?resource= {usernames: [username], mute_duration}
    const res = await sdk.call('muteChatRoomMember', { chatRoomId: id, username: 'bob', muteDuration: 60_000 });
    expect(res.type).toBe(Code.REQUEST_SUCCESS);
    // d.ts: one MuteChatRoomMemberResult. The SDK passes `data` on untouched and the documented
    // server answer is an array of them (reference §4), so both are accepted.
    const results = Array.isArray(res.data) ? res.data : [res.data];
    expect(results).toEqual([expect.objectContaining({ result: true, expire: expect.any(Number), user: 'bob' })]);
    const list = (await sdk.rest('GET', `/chatrooms/${id}/mute`)).body.data;
    expect(list.map((m: { user: string }) => m.user)).toEqual(['bob']);
  });

  test('unmuteChatRoomMember unmutes', async ({ sdk }) => {
    const id = await newRoom(sdk);
    await sdk.rest('POST', `/chatrooms/${id}/mute`, { usernames: ['bob'], mute_duration: -1 });
    // DELETE /chatrooms/{id}/mute/{username}?resource=
    const res = await sdk.call('unmuteChatRoomMember', { chatRoomId: id, username: 'bob' });
    expect(res).toEqual(success([expect.objectContaining({ result: true, user: 'bob' })]));
    expect((await sdk.rest('GET', `/chatrooms/${id}/mute`)).body.data).toEqual([]);
  });

  test('getChatRoomMutelist lists the muted', async ({ sdk }) => {
    const id = await newRoom(sdk);
    await sdk.rest('POST', `/chatrooms/${id}/mute`, { usernames: ['bob', 'carol'], mute_duration: 60_000 });
    // GET /chatrooms/{id}/mute?version=v3
    const res = await sdk.call('getChatRoomMutelist', { chatRoomId: id });
    expect(res).toEqual(success(eachLike({ expire: num(), user: str() })));
    expect(res.data.map((m: { user: string }) => m.user).sort()).toEqual(['bob', 'carol']);
  });

  test('isInChatRoomMutelist tells whether the connected user is muted', async ({ sdk }) => {
    const id = await newRoom(sdk, 'bob', [ME, 'carol']);
    // GET /sdk/chatrooms/{id}/mute/{me}?version=v3; the SDK returns {type, data} only.
    expect(await sdk.call('isInChatRoomMutelist', { chatRoomId: id })).toEqual({ type: Code.REQUEST_SUCCESS, data: false });
    await sdk.rest('POST', `/chatrooms/${id}/mute`, { usernames: [ME], mute_duration: 60_000 });
    expect(await sdk.call('isInChatRoomMutelist', { chatRoomId: id })).toEqual({ type: Code.REQUEST_SUCCESS, data: true });
  });

  test('disableSendChatRoomMsg and enableSendChatRoomMsg mute and unmute everyone', async ({ sdk }) => {
    const id = await newRoom(sdk);
    // POST /chatrooms/{id}/ban?resource=&version=v3
    expect(await sdk.call('disableSendChatRoomMsg', { chatRoomId: id })).toEqual(success({ mute: true }));
    expect((await details(sdk, id)).mute).toBe(true);
    // DELETE /chatrooms/{id}/ban?resource=&version=v3
    expect(await sdk.call('enableSendChatRoomMsg', { chatRoomId: id })).toEqual(success({ mute: false }));
    expect((await details(sdk, id)).mute).toBe(false);
  });
});

// ---- blocklist --------------------------------------------------------------------------------

test.describe('blocklist', () => {
  test('blockChatRoomMember blocks one member', async ({ sdk }) => {
    const id = await newRoom(sdk);
    // POST /chatrooms/{id}/blocks/users/{username}?resource=&version=v3. The SDK reads data[0]
    // (so it expects an array) and adds action "add_blocks" and id itself.
    const res = await sdk.call('blockChatRoomMember', { chatRoomId: id, username: 'carol' });
    expect(res).toEqual(success({ ...CommonRequestResult, result: true, action: 'add_blocks', user: 'carol', id }));
    expect((await sdk.rest('GET', `/chatrooms/${id}/blocks/users`)).body.data).toEqual(['carol']);
  });

  test('blockChatRoomMembers blocks several, a result each', async ({ sdk }) => {
    const id = await newRoom(sdk);
    // POST /chatrooms/{id}/blocks/users?resource=&version=v3 {usernames}
    const res = await sdk.call('blockChatRoomMembers', { chatRoomId: id, usernames: ['carol', 'dave'] });
    expect(res).toEqual(success(eachLike({ ...CommonRequestResult, result: true, action: 'add_blocks', id })));
    expect(res.data.map((r: { user: string }) => r.user).sort()).toEqual(['carol', 'dave']);
  });

  test('unblockChatRoomMember unblocks one', async ({ sdk }) => {
    const id = await newRoom(sdk);
    await sdk.rest('POST', `/chatrooms/${id}/blocks/users/carol`);
    // DELETE /chatrooms/{id}/blocks/users/{username}?resource=&version=v3 (data[0] read, as above)
    const res = await sdk.call('unblockChatRoomMember', { chatRoomId: id, username: 'carol' });
    expect(res).toEqual(success({ ...CommonRequestResult, result: true, action: 'remove_blocks', user: 'carol', id }));
    expect((await sdk.rest('GET', `/chatrooms/${id}/blocks/users`)).body.data).toEqual([]);
  });

  test('unblockChatRoomMembers unblocks several, a result each', async ({ sdk }) => {
    const id = await newRoom(sdk);
    await sdk.rest('POST', `/chatrooms/${id}/blocks/users`, { usernames: ['carol', 'dave'] });
    // DELETE /chatrooms/{id}/blocks/users/{u1},{u2}?resource=&version=v3
    const res = await sdk.call('unblockChatRoomMembers', { chatRoomId: id, usernames: ['carol', 'dave'] });
    expect(res).toEqual(success(eachLike({ ...CommonRequestResult, result: true, action: 'remove_blocks', id })));
    expect(res.data.map((r: { user: string }) => r.user).sort()).toEqual(['carol', 'dave']);
  });

  test('getChatRoomBlocklist lists the blocked', async ({ sdk }) => {
    const id = await newRoom(sdk);
    await sdk.rest('POST', `/chatrooms/${id}/blocks/users`, { usernames: ['carol', 'dave'] });
    // GET /chatrooms/{id}/blocks/users
    const res = await sdk.call('getChatRoomBlocklist', { chatRoomId: id });
    expect(res).toEqual(success(expect.arrayContaining(['carol', 'dave'])));
    expect(res.data).toHaveLength(2);
  });
});

// ---- allowlist --------------------------------------------------------------------------------

test.describe('allowlist', () => {
  test('addUsersToChatRoomAllowlist: one user gives one result, several an array', async ({ sdk }) => {
    const id = await newRoom(sdk);
    // POST /chatrooms/{id}/white/users?resource=&version=v3 {usernames}; the SDK adds action and
    // id to each element and unwraps a one-element array.
    const one = await sdk.call('addUsersToChatRoomAllowlist', { chatRoomId: id, users: ['bob'] });
    expect(one).toEqual(success({ ...CommonRequestResult, result: true, action: 'add_user_whitelist', user: 'bob', id }));
    const two = await sdk.call('addUsersToChatRoomAllowlist', { chatRoomId: id, users: ['carol', 'dave'] });
    expect(two).toEqual(success(eachLike({ ...CommonRequestResult, result: true, action: 'add_user_whitelist', id })));
    expect(two.data).toHaveLength(2);
    expect(((await sdk.rest('GET', `/chatrooms/${id}/white/users`)).body.data as string[]).sort()).toEqual(['bob', 'carol', 'dave']);
  });

  test('removeChatRoomAllowlistMember removes one', async ({ sdk }) => {
    const id = await newRoom(sdk);
    await sdk.rest('POST', `/chatrooms/${id}/white/users`, { usernames: ['bob'] });
    // DELETE /chatrooms/{id}/white/users/{userName}?resource=&version=v3 (data[0] read)
    const res = await sdk.call('removeChatRoomAllowlistMember', { chatRoomId: id, userName: 'bob' });
    expect(res).toEqual(success({ ...CommonRequestResult, result: true, action: 'remove_user_whitelist', user: 'bob', id }));
    expect((await sdk.rest('GET', `/chatrooms/${id}/white/users`)).body.data).toEqual([]);
  });

  test('getChatRoomAllowlist lists the allowlist', async ({ sdk }) => {
    const id = await newRoom(sdk);
    await sdk.rest('POST', `/chatrooms/${id}/white/users`, { usernames: ['bob', 'carol'] });
    // GET /chatrooms/{id}/white/users
    const res = await sdk.call('getChatRoomAllowlist', { chatRoomId: id });
    expect(res).toEqual(success(expect.arrayContaining(['bob', 'carol'])));
    expect(res.data).toHaveLength(2);
  });

  test('isInChatRoomAllowlist tells whether a member is on it', async ({ sdk }) => {
    const id = await newRoom(sdk);
    await sdk.rest('POST', `/chatrooms/${id}/white/users`, { usernames: ['bob'] });
    // GET /chatrooms/{id}/white/users/{userName}
    expect(await sdk.call('isInChatRoomAllowlist', { chatRoomId: id, userName: 'bob' })).toEqual(success({ member: 'bob', white: true }));
    expect(await sdk.call('isInChatRoomAllowlist', { chatRoomId: id, userName: 'carol' })).toEqual(success({ member: 'carol', white: false }));
  });
});

// ---- announcement -----------------------------------------------------------------------------

test.describe('announcement', () => {
  test('updateChatRoomAnnouncement sets it', async ({ sdk }) => {
    const id = await newRoom(sdk);
    // POST /chatrooms/{id}/announcement?resource=&version=v3 {announcement}
    expect(await sdk.call('updateChatRoomAnnouncement', { roomId: id, announcement: 'Hello from the SDK' })).toEqual(success({ id, result: true }));
    expect((await sdk.rest('GET', `/chatrooms/${id}/announcement`)).body.data).toEqual({ announcement: 'Hello from the SDK' });
  });

  test('fetchChatRoomAnnouncement reads it', async ({ sdk }) => {
    const id = await newRoom(sdk);
    await sdk.rest('POST', `/chatrooms/${id}/announcement`, { announcement: 'Read me' });
    // GET /chatrooms/{id}/announcement?version=v3
    expect(await sdk.call('fetchChatRoomAnnouncement', { roomId: id })).toEqual(success({ announcement: 'Read me' }));
  });
});

// ---- shared files -----------------------------------------------------------------------------

/** uploadChatRoomSharedFile returns nothing: it reports through callbacks, turned into an outcome
 * here. The SDK posts multipart/form-data (field "file") with the non-CORS-safelisted header
 * `restrict-access: true`, and calls onFileUploadComplete with the parsed JSON of any answer
 * that is JSON and not a 400. */
async function upload(sdk: Sdk, roomId: string, name: string, text: string) {
  const out = await sdk.page.evaluate(
    ({ roomId, name, text }) =>
      new Promise<any>((resolve) => {
        const w = window as any;
        const from = w.__http.length;
        const done = (o: object) => resolve({ ...o, http: w.__http.slice(from) });
        w.conn.uploadChatRoomSharedFile({
          roomId,
          file: { data: new File([text], name, { type: 'text/plain' }), filename: name, filetype: 'txt' },
          onFileUploadComplete: (data: unknown) => done({ ok: true, value: data }),
          onFileUploadError: (e: any) => done({ ok: false, error: { type: e?.type, message: e?.message ?? '' } }),
          onFileUploadCanceled: () => done({ ok: false, error: { message: 'canceled' } }),
        });
      }),
    { roomId, name, text },
  );
  await test.info().attach('uploadChatRoomSharedFile', {
    contentType: 'text/plain',
    body: `conn.uploadChatRoomSharedFile(${roomId}, ${name})\n${sdk.describe(out.http)}\n${JSON.stringify(out.ok ? out.value : out.error)}\n`,
  });
  if (!out.ok) throw new Error(`the upload failed: ${JSON.stringify(out.error)}\n${sdk.describe(out.http)}`);
  return out.value;
}

const FetchChatRoomSharedFileListResult = { file_id: str(), file_name: str(), file_owner: str(), file_size: num(), created: num() };

test.describe('shared files', () => {
  test('getChatRoomSharedFilelist of a new room is empty', async ({ sdk }) => {
    const id = await newRoom(sdk);
    // GET /chatrooms/{id}/share_files
    expect(await sdk.call('getChatRoomSharedFilelist', { roomId: id })).toEqual(success([]));
  });

  test('uploadChatRoomSharedFile uploads a file that the list then shows', async ({ sdk }) => {
    const id = await newRoom(sdk);
    // POST /chatrooms/{id}/share_files?resource= (multipart)
    const answer = await upload(sdk, id, 'notes.txt', 'hello');
    expect(answer).not.toHaveProperty('error');
    const res = await sdk.call('getChatRoomSharedFilelist', { roomId: id });
    // file_owner: whoever the token belongs to; an app token names no user, so any string.
    expect(res).toEqual(success([expect.objectContaining({ ...FetchChatRoomSharedFileListResult, file_name: 'notes.txt', file_size: 5 })]));
  });

  test('deleteChatRoomSharedFile deletes one', async ({ sdk }) => {
    const id = await newRoom(sdk);
    await upload(sdk, id, 'notes.txt', 'hello');
    const [file] = (await sdk.call('getChatRoomSharedFilelist', { roomId: id })).data;
    // DELETE /chatrooms/{id}/share_files/{fileId}?resource=
    const res = await sdk.call('deleteChatRoomSharedFile', { roomId: id, fileId: file.file_id });
    expect(res).toEqual(success({ id, file_id: file.file_id, result: true }));
    expect(await sdk.call('getChatRoomSharedFilelist', { roomId: id })).toEqual(success([]));
  });
});

// ---- custom attributes ------------------------------------------------------------------------

test.describe('attributes', () => {
  /** The room's attributes straight from the API. */
  async function attributes(sdk: Sdk, id: string) {
    const r = await sdk.rest('POST', `/metadata/chatroom/${id}`);
    expect(r.status).toBe(200);
    return r.body.data;
  }

  test('setChatRoomAttributes sets several', async ({ sdk }) => {
    const id = await newRoom(sdk);
    // PUT /metadata/chatroom/{id}/user/{me} {metaData, autoDelete: "NO_DELETE"}; the SDK turns
    // data into {status, errorKeys, successKeys}.
    const res = await sdk.call('setChatRoomAttributes', { chatRoomId: id, attributes: { topic: 'sdk', mood: 'fine' }, autoDelete: false });
    expect(res).toEqual({ type: Code.REQUEST_SUCCESS, data: { ...ChatroomAttributes, status: 'success', errorKeys: {}, successKeys: expect.arrayContaining(['topic', 'mood']) } });
    expect(await attributes(sdk, id)).toEqual({ topic: 'sdk', mood: 'fine' });
  });

  test('setChatRoomAttribute sets one (resolves with nothing)', async ({ sdk }) => {
    const id = await newRoom(sdk);
    // PUT /metadata/chatroom/{id}/user/{me}/forced {metaData: {k: v}, autoDelete: "DELETE"}
    expect(await sdk.call('setChatRoomAttribute', { chatRoomId: id, attributeKey: 'topic', attributeValue: 'one', isForced: true })).toBeUndefined();
    expect(await attributes(sdk, id)).toEqual({ topic: 'one' });
  });

  test('getChatRoomAttributes reads some or all', async ({ sdk }) => {
    const id = await newRoom(sdk);
    await sdk.rest('PUT', `/metadata/chatroom/${id}/user/${ME}`, { metaData: { topic: 'sdk', mood: 'fine' }, autoDelete: 'NO_DELETE' });
    // POST /metadata/chatroom/{id} {keys} ({} when no keys). The d.ts types data as
    // {chatRoomId, attributeKeys}, but the SDK returns the server's `data` as is: the key → value
    // map its doc comment describes ("the SDK returns the attribute value").
    expect(await sdk.call('getChatRoomAttributes', { chatRoomId: id, attributeKeys: ['topic'] })).toEqual({ type: Code.REQUEST_SUCCESS, data: { topic: 'sdk' } });
    expect(await sdk.call('getChatRoomAttributes', { chatRoomId: id })).toEqual({ type: Code.REQUEST_SUCCESS, data: { topic: 'sdk', mood: 'fine' } });
  });

  test('removeChatRoomAttributes removes several', async ({ sdk }) => {
    const id = await newRoom(sdk);
    await sdk.rest('PUT', `/metadata/chatroom/${id}/user/${ME}`, { metaData: { topic: 'sdk', mood: 'fine', keep: 'me' }, autoDelete: 'NO_DELETE' });
    // DELETE /metadata/chatroom/{id}/user/{me} {keys}
    const res = await sdk.call('removeChatRoomAttributes', { chatRoomId: id, attributeKeys: ['topic', 'mood'] });
    expect(res).toEqual({ type: Code.REQUEST_SUCCESS, data: { ...ChatroomAttributes, status: 'success', errorKeys: {}, successKeys: expect.arrayContaining(['topic', 'mood']) } });
    expect(await attributes(sdk, id)).toEqual({ keep: 'me' });
  });

  test('removeChatRoomAttribute removes one (resolves with nothing)', async ({ sdk }) => {
    const id = await newRoom(sdk);
    await sdk.rest('PUT', `/metadata/chatroom/${id}/user/${ME}`, { metaData: { topic: 'sdk', keep: 'me' }, autoDelete: 'NO_DELETE' });
    // DELETE /metadata/chatroom/{id}/user/{me} {keys: [key]}
    expect(await sdk.call('removeChatRoomAttribute', { chatRoomId: id, attributeKey: 'topic' })).toBeUndefined();
    expect(await attributes(sdk, id)).toEqual({ keep: 'me' });
  });
});

// ---- users ------------------------------------------------------------------------------------
// registerUser is the SDK's only /users REST method (it has no get-user, delete-user or
// delete-users call). It posts {username, password, nickname} to /users WITHOUT a token, which
// only an app in open-registration mode accepts.

test.describe('users', () => {
  test('registerUser is refused by an app in authorized-registration mode (the default)', async ({ sdk }) => {
    const out = await sdk.attempt('registerUser', { username: 'sdk.newbie', password: 'secret', nickname: 'Newbie' });
    // 401 whose error_description is not "Unable to authenticate (OAuth)" → AJAX_ERROR with the
    // raw answer as message; the SDK stops retrying on "Open registration doesn't allow".
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.error).toMatchObject({ type: Code.WEBIM_CONNCTION_AJAX_ERROR });
      expect(out.error.message).toContain("Open registration doesn't allow");
    }
    expect(out.http).toEqual([expect.objectContaining({ method: 'POST', url: `${sdk.emulator.api}/users`, status: 401 })]);
  });

  test.describe('with open registration', () => {
    // An emulator option the SDK needs for registerUser (see the report).
    test.use({ emulatorArgs: ['--open-registration'] });

    test('registerUser registers a user without a token', async ({ sdk }) => {
      // POST /users {username, password, nickname}, no Authorization header
      const res = await sdk.call('registerUser', { username: 'sdk.newbie', password: 'secret', nickname: 'Newbie' });
      expect(res).toEqual(expect.objectContaining({
        type: Code.REQUEST_SUCCESS,
        entities: [expect.objectContaining({ activated: true, created: num(), modified: num(), nickname: 'Newbie', type: 'user', username: 'sdk.newbie', uuid: str() })],
      }));
      expect((await sdk.rest('GET', '/users/sdk.newbie')).status).toBe(200);
    });
  });
});

// ---- the SDK's plumbing -----------------------------------------------------------------------

test.describe('plumbing', () => {
  test('no login, no websocket, nothing sent anywhere but the emulator', async ({ sdk, page }) => {
    const sockets: string[] = [];
    page.on('websocket', (ws) => sockets.push(ws.url()));
    const res = await sdk.call('getChatRoomAdmin', { chatRoomId: await newRoom(sdk) });
    expect(res.type).toBe(Code.REQUEST_SUCCESS);
    expect(await page.evaluate(() => (window as any).conn.isOpened())).toBe(false);
    expect(sockets).toEqual([]);
    expect(sdk.stray).toEqual([]);
  });

  test('older and deprecated names are the same functions as the current ones', async ({ sdk }) => {
    const same = await sdk.page.evaluate(() => {
      const conn = (window as any).conn;
      const groups = [
        ['removeChatRoomMember', 'removeSingleChatRoomMember'],
        ['removeChatRoomMembers', 'removeMultiChatRoomMember'],
        ['leaveChatRoom', 'quitChatRoom'],
        ['listChatRoomMembers', 'listChatRoomMember'],
        ['unmuteChatRoomMember', 'removeMuteChatRoomMember'],
        ['getChatRoomMutelist', 'getChatRoomMuteList', 'getChatRoomMuted'],
        ['blockChatRoomMember', 'chatRoomBlockSingle'],
        ['blockChatRoomMembers', 'chatRoomBlockMulti'],
        ['unblockChatRoomMember', 'removeChatRoomBlockSingle'],
        ['unblockChatRoomMembers', 'removeChatRoomBlockMulti'],
        ['getChatRoomBlocklist', 'getChatRoomBlacklist', 'getChatRoomBlacklistNew'],
        ['addUsersToChatRoomAllowlist', 'addUsersToChatRoomWhitelist'],
        ['removeChatRoomAllowlistMember', 'removeChatRoomWhitelistMember', 'rmUsersFromChatRoomWhitelist'],
        ['getChatRoomAllowlist', 'getChatRoomWhitelist'],
        ['isInChatRoomAllowlist', 'isChatRoomWhiteUser'],
        ['getChatRoomSharedFilelist', 'fetchChatRoomSharedFileList'],
      ];
      return groups.map((g) => [g.join(' = '), g.every((name) => typeof conn[name] === 'function' && conn[name] === conn[g[0]])]);
    });
    expect(same.filter(([, ok]) => !ok)).toEqual([]);
  });
});

// ---- errors: how the SDK maps the emulator's error answers -----------------------------------

test.describe('errors', () => {
  test('an unknown room is CHATROOM_NOT_EXIST, on reads and on writes', async ({ sdk }) => {
    // 404 "do not find this group:{id}" (reads) or "grpID {id} does not exist!" (writes).
    const read = await sdk.attempt('getChatRoomDetails', { chatRoomId: '999999999' });
    expect(read).toMatchObject({ ok: false, error: { type: Code.CHATROOM_NOT_EXIST, message: 'The chat room dose not exist.' } });
    const write = await sdk.attempt('removeChatRoomMember', { chatRoomId: '999999999', username: 'bob' });
    expect(write).toMatchObject({ ok: false, error: { type: Code.CHATROOM_NOT_EXIST } });
  });

  test('removing a non-member is CHATROOM_NOT_JOINED', async ({ sdk }) => {
    const id = await newRoom(sdk);
    // 400 or 403 "users [zoe] are not members of this group!"
    const out = await sdk.attempt('removeChatRoomMember', { chatRoomId: id, username: 'zoe' });
    expect(out).toMatchObject({ ok: false, error: { type: Code.CHATROOM_NOT_JOINED } });
  });

  test('a bad token is NO_PERMISSION', async ({ sdk, page }) => {
    const id = await newRoom(sdk);
    await page.evaluate(() => ((window as any).conn.context.accessToken = 'YWMtnot-a-token'));
    // 401 "Unable to authenticate (OAuth)"
    const out = await sdk.attempt('getChatRoomAdmin', { chatRoomId: id });
    expect(out).toMatchObject({ ok: false, error: { type: Code.NO_PERMISSION, message: 'Unable to authenticate (OAuth)' } });
  });

  test('a 429 and a 503 are SERVER_BUSY', async ({ sdk, emulator }) => {
    const id = await newRoom(sdk);
    for (const fault of [{ fail_429: 1 }, { fail_429: 0, fail_503: 1 }]) {
      await setFaults(emulator, sdk.token, fault);
      const out = await sdk.attempt('getChatRoomAdmin', { chatRoomId: id });
      expect(out, JSON.stringify(fault)).toMatchObject({ ok: false, error: { type: Code.SERVER_BUSY, message: 'Server is busy.' } });
    }
  });

  test('an unknown shared file is not taken for an unknown room', async ({ sdk }) => {
    const id = await newRoom(sdk);
    // 404 resource_not_found "file {id} is not found in this group": no "does not exist" in it,
    // which the SDK would report as CHATROOM_NOT_EXIST.
    const out = await sdk.attempt('deleteChatRoomSharedFile', { roomId: id, fileId: 'no-such-file' });
    expect(out).toMatchObject({ ok: false, error: { type: Code.WEBIM_CONNCTION_AJAX_ERROR } });
    expect(out.http).toEqual([expect.objectContaining({ method: 'DELETE', status: 404 })]);
  });
});

// ---- what another origin may not do ----------------------------------------------------------
// The SDK's page is another origin than the emulator, as any web page the operator visits while
// the emulator runs would be. The Easemob API answers it (above); the emulator's own endpoints
// do not: the browser keeps /config.json (with the demo secret) from it and refuses the PUT of
// faults at its preflight.

test('another origin can use the API but not read /config.json or change the faults', async ({ sdk, emulator }) => {
  const tried = await sdk.page.evaluate(
    async ({ base, token }) => {
      const outcome = async (p: Promise<Response>) => {
        try {
          const r = await p;
          return `read ${r.status}`;
        } catch (e) {
          return `refused (${(e as Error).name})`;
        }
      };
      const auth = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
      return {
        config: await outcome(fetch(`${base}/config.json`)),
        faults: await outcome(fetch(`${base}/_emulator/faults`, { method: 'PUT', headers: auth, body: JSON.stringify({ fail_503: 1 }) })),
        api: await outcome(fetch(`${base}/demo/admin/chatrooms?limit=1`, { headers: auth })),
      };
    },
    { base: emulator.url, token: sdk.token },
  );
  expect(tried).toEqual({ config: 'refused (TypeError)', faults: 'refused (TypeError)', api: 'read 200' });
  // The PUT never reached the emulator: no fault was switched on.
  const faults = await fetch(`${emulator.url}/_emulator/faults`, { headers: { Authorization: `Bearer ${sdk.token}` } });
  expect((await faults.json()).fail_503).toBe(0);
});
