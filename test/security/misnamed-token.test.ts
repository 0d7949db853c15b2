import WebSocket from 'ws';
import { startTestServer, token, type TestServer } from '../support/test-server';

/**
 * hostile10 N2: a token under the wrong key of connection_init ("Authorization", as an HTTP header
 * is written; "authorization " with a space), or an empty one, or an empty Authorization header
 * over HTTP, silently made a public connection: a display that got the key wrong received public
 * notices only, and no error. Each is now refused (UNAUTHENTICATED; 4403 on a socket) with a
 * message saying what to send. N7: any Authorization header skipped the anonymous rate limit, even
 * one that fails; now only a valid token does. Real server, real sockets.
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
  return new Promise((resolve) => {
    const socket = new WebSocket(server.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    opened.push(socket);
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload })));
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
