import WebSocket from 'ws';
import { startTestServer, token, type TestServer } from '../support/test-server';

/**
 * connection_init with an `authorization` that is not a string (a number, an object) is refused
 * with 4403 — it used to connect silently as public. A string token and no token still connect.
 */
let server: TestServer;
const opened: WebSocket[] = [];
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  for (const socket of opened) socket.close();
  await server.stop();
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

const audits = async () => (await server.sql('select count(*)::int as n from audit_event'))[0].n as number;

it.each([[123], [{ token: 'x' }], [['Bearer x']], [true]])('authorization %j closes the socket with 4403 saying it must be a string; nothing is written', async (authorization) => {
  const before = await audits();
  const result = await connect({ authorization });
  expect(result).toEqual({ acked: false, code: 4403, reason: expect.stringMatching(/"authorization" must be a string/) });
  expect(await audits()).toBe(before);
});

it('a string token and no token still connect', async () => {
  expect((await connect({ authorization: `Bearer ${await token('DISPLAY', 'screen-1')}` })).acked).toBe(true);
  expect((await connect({})).acked).toBe(true);
});
