import WebSocket from 'ws';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * hostile10 F5: behind a proxy (TRUST_PROXY), the public's per-address socket limit keyed on the
 * exact address while the anonymous rate limit keys an IPv6 address by its /56: 1,000 sockets from
 * one /64 took every public socket of the process, and an unrelated public client was refused. The
 * socket limit now keys as the rate limit does, and opening a public socket counts against the
 * address's rate. Real sockets through the real server, addresses named in X-Forwarded-For.
 */
const servers: TestServer[] = [];
const opened: WebSocket[] = [];
afterAll(async () => {
  for (const socket of opened) socket.close();
  for (const server of servers) await server.stop();
});

/** A token-less graphql-ws socket as if from `address`: acked, or its close code and reason. */
function connect(server: TestServer, address: string): Promise<{ acked: boolean; socket: WebSocket; code?: number; reason?: string }> {
  return new Promise((resolve) => {
    const socket = new WebSocket(server.url.replace(/^http/, 'ws'), 'graphql-transport-ws', { headers: { 'x-forwarded-for': address } });
    opened.push(socket);
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: {} })));
    socket.on('message', (data) => {
      if (JSON.parse(String(data)).type === 'connection_ack') resolve({ acked: true, socket });
    });
    socket.on('close', (code, reason) => resolve({ acked: false, socket, code, reason: String(reason) }));
  });
}

it('20 sockets from one IPv6 /64 are acked, the 21st (and one from the same /56) refused with 4429; other clients still connect', async () => {
  const server = await startTestServer({ trustProxy: 'loopback' });
  servers.push(server);
  for (let n = 1; n <= 20; n++) expect((await connect(server, `2001:db8:1:2::${n.toString(16)}`)).acked).toBe(true);
  expect(await connect(server, '2001:db8:1:2::ff')).toMatchObject({ acked: false, code: 4429, reason: expect.stringContaining('Too many connections') });
  expect(await connect(server, '2001:db8:1:3::1')).toMatchObject({ acked: false, code: 4429 });
  expect((await connect(server, '198.51.100.7')).acked).toBe(true);
  expect((await connect(server, '2001:db8:2::1')).acked).toBe(true);
});

it('opening a public socket counts against the address\'s anonymous rate, with its HTTP requests', async () => {
  const server = await startTestServer({ trustProxy: 'loopback', publicRateLimit: 5, publicRateWindowSeconds: 600 });
  servers.push(server);
  for (let n = 0; n < 4; n++) {
    const { acked, socket } = await connect(server, '203.0.113.9');
    expect(acked).toBe(true);
    socket.close(); // connect and drop: the open socket count stays low, the rate does not
  }
  const http = () => fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9' }, body: JSON.stringify({ query: '{ __typename }' }) });
  expect((await http()).status).toBe(200);
  expect((await http()).status).toBe(429);
  expect(await connect(server, '203.0.113.9')).toMatchObject({ acked: false, code: 4429, reason: expect.stringContaining('Too many requests without a token from this address') });
  expect((await connect(server, '203.0.113.10')).acked).toBe(true);
});
