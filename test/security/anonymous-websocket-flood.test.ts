import WebSocket from 'ws';
import { anonymousSocket } from '../support/anonymous-socket';
import { until } from '../support/until';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * hostile8 F9: one anonymous socket sent 150 Subscribe messages, each parsed, validated and costed,
 * while the anonymous HTTP limit (PUBLIC_RATE_LIMIT per address) did not move. Now each Subscribe
 * of a token-less socket counts against the same per-address limit as an HTTP request; past it the
 * subscription is refused (RATE_LIMITED) and the socket closes with 4429. Real sockets, real server.
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


/** An anonymous socket, acknowledged, with its messages by id. */
async function subscribingSocket() {
  const byId = new Map<string, any[]>();
  const { socket, closed } = await anonymousSocket(wsUrl, opened, (message) => {
    if (message.id) byId.set(message.id, [...(byId.get(message.id) ?? []), message]);
  });
  return { socket, byId, closed };
}

const anonymousHttp = () => fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });

describe('anonymous WebSocket messages and the anonymous rate limit (hostile8 F9)', () => {
  it('Subscribe messages count with HTTP requests from the address; past the limit the socket is closed with 4429 and nothing is run', async () => {
    const { socket, byId, closed } = await subscribingSocket();
    // Invalid documents: each is answered with a validation error, and each counts.
    for (let i = 1; i <= 3; i++) socket.send(JSON.stringify({ id: `s${i}`, type: 'subscribe', payload: { query: 'subscription { nope }' } }));
    await until(() => byId.size === 3);
    expect(byId.get('s1')![0]).toMatchObject({ type: 'error', payload: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED' }) })] });

    // The HTTP requests from the same address share the count with the socket's opening and its 3
    // messages (hostile10 F5): 2 more are served, the next is refused.
    for (let i = 0; i < LIMIT - 4; i++) expect((await anonymousHttp()).status).toBe(200);
    const refused = await anonymousHttp();
    expect(refused.status).toBe(429);

    // And the socket's next message is refused unparsed, and the socket closed: 4429, which clients do not retry.
    socket.send(JSON.stringify({ id: 'over', type: 'subscribe', payload: { query: 'subscription { subjectChanged { action } }' } }));
    expect(await closed).toMatchObject({ code: 4429, reason: expect.stringContaining('Too many requests without a token from this address') });
    expect(JSON.stringify(byId.get('over') ?? [])).not.toContain('GRAPHQL_VALIDATION_FAILED');
  });
});
