import net from 'node:net';
import WebSocket from 'ws';
import { startTestServer, token, type TestServer } from '../support/test-server';

/**
 * hostile19 F1: 3,000 raw WebSocket upgrades from one address that never sent connection_init were
 * all switched (101), none met the per-address cap (PUBLIC_SOCKETS_PER_ADDRESS) or the anonymous
 * rate limit, and each kept its descriptor ~33 s (ws's 30 s close timeout after graphql-ws's 4408).
 * 400 connection_init messages with a bad token were not counted either. Now every upgrade counts
 * against its address until acknowledged or closed (past the cap: HTTP 429, no socket), a socket
 * closed unanswered is dropped after 1 s, and a never-initialised socket or a failed token counts
 * against the address's anonymous rate. Real sockets against the real server.
 */
const PER_ADDRESS = 3;
const LIMIT = 100;
let server: TestServer;
const raw: net.Socket[] = [];
const opened: WebSocket[] = [];

beforeAll(async () => {
  server = await startTestServer({ publicSocketsPerAddress: PER_ADDRESS, publicRateLimit: LIMIT, publicRateWindowSeconds: 600 });
});
afterAll(async () => {
  for (const socket of raw) socket.destroy();
  for (const socket of opened) socket.terminate();
  await server?.stop();
});

interface RawUpgrade { status: number; closedAfterMs: Promise<number> }

/** An upgrade written by hand, as the attack did: never sends connection_init, never answers the close frame. */
function rawUpgrade(): Promise<RawUpgrade> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = net.connect(Number(port), '127.0.0.1', () =>
      socket.write(
        'GET /graphql HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n' +
          'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: graphql-transport-ws\r\n\r\n',
      ),
    );
    raw.push(socket);
    const closedAfterMs = new Promise<number>((done) => socket.on('close', () => done(Date.now() - started)));
    socket.on('error', () => undefined);
    socket.once('data', (data) => resolve({ status: Number(/^HTTP\/1\.1 (\d+)/.exec(String(data))?.[1]), closedAfterMs }));
    socket.once('close', () => reject(new Error('closed before any answer')));
  });
}

/** What the anonymous rate limit has left for this address, read from an anonymous HTTP request (which counts one). */
async function remaining(): Promise<number> {
  const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
  return Number(/remaining=(\d+)/.exec(response.headers.get('ratelimit') ?? '')?.[1]);
}

/** A graphql-ws socket sending `payload` as its connection_init: acked, or how it closed. */
function connect(payload: Record<string, unknown>): Promise<{ acked: boolean; code?: number }> {
  return new Promise((resolve) => {
    const socket = new WebSocket(server.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    opened.push(socket);
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload })));
    socket.on('message', (data) => {
      if (JSON.parse(String(data)).type === 'connection_ack') resolve({ acked: true });
    });
    socket.on('close', (code) => resolve({ acked: false, code }));
    socket.on('error', () => undefined);
  });
}

it(`upgrades that never send connection_init: ${PER_ADDRESS} from one address are switched, the next gets HTTP 429; each is dropped soon after its 4408 and counted against the anonymous rate`, async () => {
  const before = await remaining();
  const switched: RawUpgrade[] = [];
  for (let i = 0; i < PER_ADDRESS; i++) switched.push(await rawUpgrade());
  expect(switched.map((s) => s.status)).toEqual(Array(PER_ADDRESS).fill(101));
  const refused = await rawUpgrade();
  expect(refused.status).toBe(429);

  // graphql-ws closes each with 4408 after 3 s; the client never answers, and the server drops it 1 s later (not 30 s).
  for (const socket of switched) expect(await socket.closedAfterMs).toBeLessThan(8_000);
  await new Promise((resolve) => setTimeout(resolve, 100));
  // Each never-initialised socket counted as a request without a token (the refused upgrade made no socket and is not counted).
  expect(before - (await remaining())).toBe(PER_ADDRESS + 1);

  // Their places are given back on close.
  const again = await rawUpgrade();
  expect(again.status).toBe(101);
  raw.at(-1)!.destroy();
  await again.closedAfterMs;
  await new Promise((resolve) => setTimeout(resolve, 100)); // the server sees it close, and counts it
}, 60_000);

it('a connection_init whose token fails is closed with 4403 and counts against the address\'s anonymous rate, as over HTTP', async () => {
  const before = await remaining();
  for (let i = 0; i < 5; i++) expect(await connect({ authorization: 'Bearer a.b.c' })).toEqual({ acked: false, code: 4403 });
  expect(before - (await remaining())).toBe(5 + 1);
});

it(`signed-in sockets leave the address's count once acknowledged: more than ${PER_ADDRESS} from one address (an office behind NAT) all connect`, async () => {
  for (let i = 0; i < PER_ADDRESS + 3; i++) {
    expect(await connect({ authorization: `Bearer ${await token('DISPLAY', `hall-screen-nat-${i}`)}` })).toEqual({ acked: true });
  }
  expect(await connect({})).toEqual({ acked: true });
});
