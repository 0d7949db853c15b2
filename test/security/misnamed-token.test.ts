import WebSocket from 'ws';
import { startTestServer, token, type TestServer } from '../support/test-server';

/**
 * hostile10 N2: a token under the wrong key of connection_init ("Authorization", as an HTTP header
 * is written; "authorization " with a space), or an empty one, or an empty Authorization header
 * over HTTP, silently made a public connection: a display that got the key wrong received public
 * notices only, and no error. Each is now refused (UNAUTHENTICATED; 4403 on a socket) with a
 * message saying what to send. N7: any Authorization header skipped the anonymous rate limit, even
 * one that fails; now only a valid token does. hostile11 F4: other near misses (invisible characters,
 * token-ish keys, the `headers` shape) and `"authorization": null` were public too; N1: a
 * connection_init giving one key twice was read by its last. Real server, real sockets.
 */
const LIMIT = 4;
let server: TestServer;
/** A second server for the HTTP tests: its anonymous count starts at zero (the sockets' openings count on the first). */
let httpServer: TestServer;
const opened: WebSocket[] = [];
beforeAll(async () => {
  server = await startTestServer();
  httpServer = await startTestServer({ publicRateLimit: LIMIT, publicRateWindowSeconds: 600 }, server);
});
afterAll(async () => {
  for (const socket of opened) socket.close();
  await httpServer?.stop();
  await server?.stop();
});

/** Sends connection_init with `payload`; resolves with acked, or with the close code and reason. */
function connect(payload: unknown): Promise<{ acked: boolean; code?: number; reason?: string }> {
  return connectRaw(JSON.stringify({ type: 'connection_init', payload }));
}

/** Sends `text` as the first message, as it is (a message JSON.stringify cannot write, such as one key given twice). */
function connectRaw(text: string): Promise<{ acked: boolean; code?: number; reason?: string }> {
  return new Promise((resolve) => {
    const socket = new WebSocket(server.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    opened.push(socket);
    socket.on('open', () => socket.send(text));
    socket.on('message', (data) => {
      if (JSON.parse(String(data)).type === 'connection_ack') resolve({ acked: true });
    });
    socket.on('close', (code, reason) => resolve({ acked: false, code, reason: String(reason) }));
  });
}

const post = (headers: Record<string, string>) =>
  fetch(httpServer.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: '{ __typename }' }) });

describe('WebSocket connection_init', () => {
  it.each(['Authorization', 'authorization ', 'AUTHORIZATION', ' Authorisation'])('a valid token under %j is refused with 4403 saying which key to use, not taken as public', async (key) => {
    const result = await connect({ [key]: `Bearer ${await token('DISPLAY', 'screen-1')}` });
    expect(result).toEqual({ acked: false, code: 4403, reason: expect.stringMatching(/UNAUTHENTICATED.*send it as "authorization"/) });
  });

  // hostile11 F4: invisible characters (zero-width space, BOM, a direction mark), full-width letters,
  // other token-ish keys, and the `headers` object Apollo and urql send were still taken as public.
  it.each(['authorization\u200b', '\ufeffauthorization', 'author\u200dization', '\u200eAuthorization', 'ａｕｔｈｏｒｉｚａｔｉｏｎ', 'auth_token', 'token', 'Bearer', 'jwt'])('a valid token under %j is refused with 4403 naming the key, escaped', async (key) => {
    const result = await connect({ [key]: `Bearer ${await token('ADMIN', 'admin-f4')}` });
    expect(result).toEqual({ acked: false, code: 4403, reason: expect.stringMatching(/UNAUTHENTICATED: key ".*" is not "authorization"; send it as "authorization"/) });
    // Quoted with invisible and other non-ASCII characters escaped (\u200b), so the officer sees what was sent; long keys are cut.
    expect(result.reason).toContain(JSON.stringify(key).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).slice(0, 20));
  });

  it.each(['Authorization', 'authorization'])('the Apollo/urql shape {"headers": {%j: …}} is refused with 4403, not read and not taken as public', async (inner) => {
    const result = await connect({ headers: { [inner]: `Bearer ${await token('ADMIN', 'admin-f4')}` } });
    expect(result).toEqual({ acked: false, code: 4403, reason: 'Forbidden: UNAUTHENTICATED: key "headers" is not "authorization"; send it as "authorization"' });
  });

  it('a key too long for a close reason is cut, and the socket still closes with 4403 (not 1011)', async () => {
    const result = await connect({ [`authorization${'\u200b'.repeat(200)}`]: 'Bearer x' });
    expect(result).toMatchObject({ acked: false, code: 4403, reason: expect.stringMatching(/key "authorization\\u200b.*\.\.\." is not/) });
  });

  it('"authorization": null is refused with 4403 (null is not "no token": leave the key out)', async () => {
    expect(await connect({ authorization: null })).toEqual({ acked: false, code: 4403, reason: expect.stringMatching(/"authorization" must be a string/) });
  });

  // hostile11 N1: JSON.parse keeps the last of two equal keys; a reader that keeps the first sees another token.
  it('a connection_init whose payload gives "authorization" twice is refused with 4403, whichever token is valid', async () => {
    const [display, admin] = [await token('DISPLAY', 'screen-n1'), await token('ADMIN', 'admin-n1')];
    const twice = `{"type":"connection_init","payload":{"authorization":"Bearer ${display}","authorization":"Bearer ${admin}"}}`;
    expect(await connectRaw(twice)).toEqual({ acked: false, code: 4403, reason: 'Forbidden: UNAUTHENTICATED: connection_init holds the key "authorization" twice; send each key once' });
    // Escaped, it is the same key; and "type" twice is refused too.
    const escaped = `{"type":"connection_init","payload":{"authorization":"Bearer ${display}","authori\\u007aation":"Bearer ${admin}"}}`;
    expect(await connectRaw(escaped)).toMatchObject({ acked: false, code: 4403 });
    expect(await connectRaw(`{"type":"connection_init","type":"connection_init","payload":{"authorization":"Bearer ${admin}"}}`)).toMatchObject({ acked: false, code: 4403 });
    // The same token once, in the same raw form, connects.
    expect(await connectRaw(`{"type":"connection_init","payload":{"authorization":"Bearer ${admin}"}}`)).toEqual({ acked: true });
  });

  it('other keys beside the token (a client name) still connect', async () => {
    expect((await connect({ authorization: `Bearer ${await token('DISPLAY', 'screen-1')}`, client: 'hall-screen' })).acked).toBe(true);
  });

  it.each(['', '   '])('an empty token (%j) is refused with 4403', async (authorization) => {
    expect(await connect({ authorization })).toEqual({ acked: false, code: 4403, reason: expect.stringMatching(/UNAUTHENTICATED: "authorization" is empty/) });
  });

  it('the documented key, and no token at all, still connect', async () => {
    expect((await connect({ authorization: `Bearer ${await token('DISPLAY', 'screen-1')}` })).acked).toBe(true);
    expect((await connect({})).acked).toBe(true);
  });
});

describe('HTTP Authorization header', () => {
  it('an empty header is UNAUTHENTICATED (401), not public', async () => {
    const response = await post({ authorization: '' });
    expect(response.status).toBe(401);
    const body = (await response.json()) as any;
    expect(body.data).toBeUndefined();
    expect(body.errors[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringContaining('The Authorization header is empty') });
  });

  it('a header that fails counts against the anonymous limit; a valid token is not counted', async () => {
    // The empty header above counted once already.
    const counted = [];
    for (const authorization of ['Bearer x', 'Basic dXNlcjpwYXNz', 'Bearer x']) counted.push((await post({ authorization })).status);
    expect(counted).toEqual([401, 401, 401]);
    const over = await post({ authorization: 'Bearer x' });
    expect(over.status).toBe(429);
    expect(((await over.json()) as any).errors[0].extensions.code).toBe('RATE_LIMITED');
    expect((await post({})).status).toBe(429);
    const valid = `Bearer ${await token('CLERK', 'clerk.li')}`;
    for (let i = 0; i < 3; i++) expect((await post({ authorization: valid })).status).toBe(200);
  });
});
