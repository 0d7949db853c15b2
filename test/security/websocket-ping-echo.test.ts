import WebSocket from 'ws';
import { PING_PAYLOAD_BYTES } from '../../src/graphql/websocket';
import { anonymousSocket } from '../support/anonymous-socket';
import { until } from '../support/until';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * hostile18 N2: graphql-ws answers a `ping` with a `pong` echoing its payload whole, and pings were
 * not counted by the anonymous rate limit: 2,000 pings of 60 KB on one public socket came back as
 * 120 MB. Now a ping's payload is bounded (PING_PAYLOAD_BYTES; a larger one closes the socket with
 * 4400 and nothing is echoed), and an anonymous socket's pings count against its address's rate
 * limit like its Subscribe messages (past it: closed with 4429). Real sockets, real server.
 */
const LIMIT = 6;
let server: TestServer;
let wsUrl: string;
const opened: WebSocket[] = [];

beforeAll(async () => {
  server = await startTestServer({ publicRateLimit: LIMIT, publicRateWindowSeconds: 600 });
  wsUrl = server.url.replace(/^http/, 'ws');
});
afterAll(async () => {
  for (const socket of opened) socket.close();
  await server?.stop();
});


/** An anonymous socket, acknowledged, with the raw sizes of the pongs it receives. */
async function pingingSocket() {
  const pongs: number[] = [];
  const { socket, closed } = await anonymousSocket(wsUrl, opened, (message, raw) => {
    if (message.type === 'pong') pongs.push(raw.length);
  });
  return { socket, pongs, closed };
}

it('a ping of 60 KB is not echoed: the socket is closed with 4400 saying the bound; a small ping is answered with its payload', async () => {
  const { socket, pongs, closed } = await pingingSocket();
  socket.send(JSON.stringify({ type: 'ping', payload: { at: 1 } }));
  await until(() => pongs.length === 1);
  expect(pongs[0]).toBeLessThan(100);
  socket.send(JSON.stringify({ type: 'ping', payload: { x: 'a'.repeat(60_000) } }));
  expect(await closed).toMatchObject({ code: 4400, reason: expect.stringContaining(`at most ${PING_PAYLOAD_BYTES} are echoed`) });
  expect(pongs).toHaveLength(1);
});

it("an anonymous socket's pings count against its address's rate limit: past it the socket is closed with 4429, not answered", async () => {
  // The first test's socket took 2 (its opening and its small ping); this one's opening takes a third.
  const { socket, pongs, closed } = await pingingSocket();
  for (let i = 0; i < 20; i++) socket.send(JSON.stringify({ type: 'ping' }));
  expect(await closed).toMatchObject({ code: 4429, reason: expect.stringContaining('Too many requests without a token from this address') });
  expect(pongs.length).toBeLessThanOrEqual(LIMIT - 3);
  // And the address's HTTP requests are refused too: the pings were counted with them.
  const http = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
  expect(http.status).toBe(429);
});
