import { SignJWT } from 'jose';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { SOCKET_LIMITS } from '../../src/graphql/limits';
import { createAgency } from '../support/factories';
import { TEST_JWT_SECRET, startTestServer, token, type TestServer } from '../support/test-server';
import { graphql } from '../support/graphql';
import { until } from '../support/until';

/**
 * Attacks on the WebSocket endpoint (graphql-ws): a huge message, a burst of subscriptions on one
 * socket, many sockets for one token holder (and connect-and-drop loops to leak the count), and a
 * token that expires while its socket stays open. Each must fail with a code — a close code for
 * the socket, an error code for a subscription — and leave the server serving. Real WebSocket
 * clients against the real server.
 */
let server: TestServer;
let wsUrl: string;
const opened: { close(): void }[] = [];
beforeAll(async () => {
  server = await startTestServer();
  wsUrl = server.url.replace(/^http/, 'ws');
});
afterAll(async () => {
  for (const socket of opened) socket.close();
  await server.stop();
});

const CHANGES = 'subscription { subjectChanged { action } }';
const secret = new TextEncoder().encode(TEST_JWT_SECRET);

/** A raw graphql-ws socket: connection_init with the token, resolves once acknowledged (or closed, with the code). */
function rawSocket(authorization?: string): Promise<{ socket: WebSocket; acked: boolean; closed: Promise<{ code: number; reason: string }> }> {
  return new Promise((resolve) => {
    const socket = new WebSocket(wsUrl, 'graphql-transport-ws');
    opened.push(socket);
    const closed = new Promise<{ code: number; reason: string }>((done) => socket.on('close', (code, reason) => done({ code, reason: String(reason) })));
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: authorization ? { authorization } : {} })));
    socket.on('message', (data) => {
      if (JSON.parse(String(data)).type === 'connection_ack') resolve({ socket, acked: true, closed });
    });
    void closed.then(() => resolve({ socket, acked: false, closed }));
  });
}

/** Every message the socket receives, by subscription id. */
function messages(socket: WebSocket): Map<string, any[]> {
  const byId = new Map<string, any[]>();
  socket.on('message', (data) => {
    const message = JSON.parse(String(data));
    if (!message.id) return;
    byId.set(message.id, [...(byId.get(message.id) ?? []), message]);
  });
  return byId;
}

describe('one socket', () => {
  it(`a message over ${SOCKET_LIMITS.maxPayload / 1024} KB closes the socket (1009, message too big); the server keeps serving`, async () => {
    const printed = jest.spyOn(console, 'error');
    const { socket, acked, closed } = await rawSocket();
    expect(acked).toBe(true);
    socket.send(JSON.stringify({ id: 'big', type: 'subscribe', payload: { query: `${CHANGES} # ${'x'.repeat(SOCKET_LIMITS.maxPayload)}` } }));
    expect((await closed).code).toBe(1009);
    // Logged as one JSON line, not printed with a stack to stderr (anyone can send one).
    expect(printed).not.toHaveBeenCalled();
    printed.mockRestore();
    const still = await server.query(graphql(`{ agencies { totalCount } }`), undefined, { role: 'PUBLIC' });
    expect(still.errors).toBeUndefined();
  });

  it(`a burst of ${SOCKET_LIMITS.subscriptionsPerSocket + 5} Subscribe messages sent at once: ${SOCKET_LIMITS.subscriptionsPerSocket} run, the rest are TOO_MANY_SUBSCRIPTIONS`, async () => {
    const { socket, acked } = await rawSocket();
    expect(acked).toBe(true);
    const byId = messages(socket);
    const total = SOCKET_LIMITS.subscriptionsPerSocket + 5;
    // One frame each, all written before the server answers any: the limit must count subscriptions still being set up.
    for (let i = 0; i < total; i++) socket.send(JSON.stringify({ id: `s${i}`, type: 'subscribe', payload: { query: CHANGES } }));
    await until(() => [...byId.values()].filter((m) => m.some((x) => x.type === 'error')).length >= 5);
    const refused = [...byId.entries()].filter(([, m]) => m.some((x) => x.type === 'error'));
    expect(refused).toHaveLength(5);
    for (const [, m] of refused) expect(m[0].payload[0].extensions).toMatchObject({ code: 'TOO_MANY_SUBSCRIPTIONS', limit: SOCKET_LIMITS.subscriptionsPerSocket });
    // The ones that run receive changes: an agency's change reaches every public subscriber (a reload
    // that keeps the version notifies no one, hostile8 F10).
    const agencyId = await createAgency(server);
    const touch = (name: string) => server.ok(graphql(`mutation ($id: ID!, $input: UpdateAgencyInput!) { updateAgency(id: $id, input: $input) { id } }`), { id: agencyId, input: { name } });
    await touch('鄂州市测试局一');
    await until(() => [...byId.values()].filter((m) => m.some((x) => x.type === 'next')).length === SOCKET_LIMITS.subscriptionsPerSocket);

    // Completing one frees a place.
    socket.send(JSON.stringify({ id: 's0', type: 'complete' }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    socket.send(JSON.stringify({ id: 'again', type: 'subscribe', payload: { query: CHANGES } }));
    await touch('鄂州市测试局二');
    await until(() => (byId.get('again') ?? []).some((x) => x.type === 'next'));
    expect(byId.get('again')!.some((x) => x.type === 'error')).toBe(false);
    socket.close();
  });
});

describe('sockets per token holder', () => {
  it(`the ${SOCKET_LIMITS.socketsPerHolder + 1}th socket of one holder, whatever token it holds, closes the holder's oldest with 4410 (newest wins); another holder is untouched`, async () => {
    const sockets = [];
    for (let i = 0; i < SOCKET_LIMITS.socketsPerHolder; i++) {
      // A fresh token each time: the limit is the holder's, not the token's.
      const connected = await rawSocket(`Bearer ${await token('DISPLAY', 'hall-screen', `${60 + i}m`)}`);
      expect(connected.acked).toBe(true);
      sockets.push(connected);
    }
    const other = await rawSocket(`Bearer ${await token('DISPLAY', 'hr-screen')}`);
    const extra = await rawSocket(`Bearer ${await token('DISPLAY', 'hall-screen')}`);
    expect(extra.acked).toBe(true);
    expect(await sockets[0].closed).toEqual({ code: 4410, reason: 'Replaced: the same token holder opened a newer connection' });
    // Only the oldest: the others and the other holder's socket stay open.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect([...sockets.slice(1), other, extra].every((s) => s.socket.readyState === WebSocket.OPEN)).toBe(true);
  });

  it('connecting and dropping at once, again and again, leaks no place', async () => {
    for (let i = 0; i < SOCKET_LIMITS.socketsPerHolder + 5; i++) {
      const socket = new WebSocket(wsUrl, 'graphql-transport-ws');
      await new Promise<void>((resolve) => socket.on('open', () => resolve()));
      socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${await token('DISPLAY', 'dropper')}` } }));
      socket.terminate(); // gone while the server checks the token
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    const kept = [];
    for (let i = 0; i < SOCKET_LIMITS.socketsPerHolder; i++) kept.push(await rawSocket(`Bearer ${await token('DISPLAY', 'dropper')}`));
    expect(kept.every((s) => s.acked)).toBe(true);
    // No dropped socket still holds a place: none of these was closed to make room.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(kept.every((s) => s.socket.readyState === WebSocket.OPEN)).toBe(true);
  });
});

describe('a token that expires while its socket is open', () => {
  it('the socket is closed with 4403 when the token expires, its subscription ends, and the same token cannot connect again', async () => {
    const exp = Math.floor(Date.now() / 1000) + 3;
    const shortLived = await new SignJWT({ role: 'INSPECTOR' }).setProtectedHeader({ alg: 'HS256' }).setSubject('li.jiancha').setIssuedAt().setExpirationTime(exp).sign(secret);
    const closes: { code: number; reason: string }[] = [];
    const client: Client = createClient({
      url: wsUrl,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${shortLived}` },
      retryAttempts: 0,
      lazy: false,
      onNonLazyError: () => undefined,
      on: { closed: (event) => closes.push({ code: (event as { code: number }).code, reason: (event as { reason: string }).reason }) },
    });
    const received: unknown[] = [];
    let ended = false;
    client.subscribe({ query: 'subscription { subjectChanged(subjectType: CIVIL_SERVANT) { action } }' }, { next: (r) => received.push(r), error: () => (ended = true), complete: () => (ended = true) });
    await new Promise<void>((resolve) => client.on('connected', () => resolve()));
    await until(() => closes.length > 0, 8000);
    expect(Date.now()).toBeGreaterThanOrEqual(exp * 1000);
    expect(closes[0]).toEqual({ code: 4403, reason: 'Forbidden: the token expired' });
    await until(() => ended);
    await client.dispose();

    const again = await rawSocket(`Bearer ${shortLived}`);
    expect(again.acked).toBe(false);
    expect((await again.closed).code).toBe(4403);
  }, 20_000);
});
