import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { SOCKET_LIMITS } from '../../src/graphql/limits';
import { createAgency, createRecord } from '../support/factories';
import { serverPerFile } from '../support/server-per-file';
import { token } from '../support/test-server';
import { until } from '../support/until';

/**
 * hostile7 F7: 101 public sockets × 20 subscriptions took the process's whole budget (2,000), and a
 * DISPLAY's subscription was then refused. Now the public holds at most its share
 * (SUBSCRIPTIONS_PUBLIC_PER_PROCESS, here 4 of 8) and one address at most PUBLIC_SOCKETS_PER_ADDRESS
 * public sockets (here 3). hostile7 N5: 10 sockets opened with a replayed token closed the holder's
 * next one with 4429, which clients treat as final; now the newest wins and the oldest closes with
 * 4410, which graphql-ws clients retry. Real WebSockets against the real server.
 */
const PER_SOCKET = 4;
const PER_PROCESS = 8;
const PUBLIC_SHARE = 4;
const PER_ADDRESS = 3;
const server = serverPerFile({
  subscriptionsPerSocket: PER_SOCKET,
  subscriptionsPerProcess: PER_PROCESS,
  subscriptionsPublicPerProcess: PUBLIC_SHARE,
  publicSocketsPerAddress: PER_ADDRESS,
});
const CHANGES = 'subscription { subjectChanged { action subjectId } }';
const opened: WebSocket[] = [];
afterAll(() => opened.forEach((s) => s.close()));

interface Socket { socket: WebSocket; acked: boolean; byId: Map<string, any[]>; closed: Promise<{ code: number; reason: string }> }

/** A raw graphql-ws socket, resolved once acknowledged or closed; records every message by subscription id. */
function connect(authorization?: string, headers: Record<string, string> = {}): Promise<Socket> {
  return new Promise((resolve) => {
    const socket = new WebSocket(server.url.replace(/^http/, 'ws'), 'graphql-transport-ws', { headers });
    opened.push(socket);
    const byId = new Map<string, any[]>();
    const closed = new Promise<{ code: number; reason: string }>((done) => socket.on('close', (code, reason) => done({ code, reason: String(reason) })));
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: authorization ? { authorization } : {} })));
    socket.on('message', (data) => {
      const message = JSON.parse(String(data));
      if (message.type === 'connection_ack') resolve({ socket, acked: true, byId, closed });
      if (message.id) byId.set(message.id, [...(byId.get(message.id) ?? []), message]);
    });
    void closed.then(() => resolve({ socket, acked: false, byId, closed }));
  });
}

const subscribe = (s: Socket, id: string) => s.socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query: CHANGES } }));
const refusal = (s: Socket, id: string) => {
  const payload = s.byId.get(id)?.find((m) => m.type === 'error' || m.payload?.errors)?.payload;
  return payload && (Array.isArray(payload) ? payload[0] : payload.errors[0]);
};
const received = (s: Socket, id: string, subjectId: string) => (s.byId.get(id) ?? []).some((m) => m.type === 'next' && m.payload.data?.subjectChanged.subjectId === subjectId);
const listening = () => server.app.http.subscriptionsListening();

it(`the public holds at most its share (${PUBLIC_SHARE} of ${PER_PROCESS}); a DISPLAY still subscribes and receives changes`, async () => {
  const before = listening();
  const first = await connect();
  const second = await connect();
  for (let i = 0; i < PER_SOCKET; i++) subscribe(first, `a${i}`);
  subscribe(second, 'b0');
  await until(() => refusal(second, 'b0') !== undefined);
  expect(refusal(second, 'b0')).toMatchObject({ extensions: { code: 'TOO_MANY_SUBSCRIPTIONS', limit: PUBLIC_SHARE, scope: 'public' } });
  expect(refusal(second, 'b0').message).toMatch(/SUBSCRIPTIONS_PUBLIC_PER_PROCESS.*Nothing was started/);
  expect(listening() - before).toBe(PUBLIC_SHARE);

  // The rest of the process's budget is the signed-in roles': a display takes it.
  const display = await connect(`Bearer ${await token('DISPLAY', 'hall-screen-f7')}`);
  for (let i = 0; i < PER_PROCESS - PUBLIC_SHARE; i++) subscribe(display, `d${i}`);
  await until(() => listening() - before === PER_PROCESS);
  for (let i = 0; i < PER_PROCESS - PUBLIC_SHARE; i++) expect(refusal(display, `d${i}`)).toBeUndefined();
  const agency = await createAgency(server);
  await createRecord(server, 'AGENCY', agency);
  await until(() => received(display, 'd0', agency));

  // Past the process's limit a signed-in caller is refused too, with the process's scope.
  const officer = await connect(`Bearer ${await token('OFFICER', 'officer-f7')}`);
  subscribe(officer, 'o0');
  await until(() => refusal(officer, 'o0') !== undefined);
  expect(refusal(officer, 'o0')).toMatchObject({ extensions: { code: 'TOO_MANY_SUBSCRIPTIONS', limit: PER_PROCESS, scope: 'process' } });
  expect(listening() - before).toBe(PER_PROCESS);

  for (const s of [first, second, display, officer]) s.socket.close();
  await until(() => listening() === before);
});

it(`one address holds at most ${PER_ADDRESS} public sockets (4429); a header naming another address does not help; token holders still connect`, async () => {
  const sockets: Socket[] = [];
  for (let i = 0; i < PER_ADDRESS; i++) sockets.push(await connect());
  expect(sockets.every((s) => s.acked)).toBe(true);

  const extra = await connect();
  expect(extra.acked).toBe(false);
  expect(await extra.closed).toEqual({ code: 4429, reason: `Too many connections: at most ${PER_ADDRESS} without a token from one address (PUBLIC_SOCKETS_PER_ADDRESS)` });
  // With no proxy trusted (TRUST_PROXY unset) the peer is the client, whatever X-Forwarded-For says.
  const spoofed = await connect(undefined, { 'X-Forwarded-For': '203.0.113.9' });
  expect(spoofed.acked).toBe(false);
  expect((await spoofed.closed).code).toBe(4429);

  expect((await connect(`Bearer ${await token('DISPLAY', 'hall-screen-address')}`)).acked).toBe(true);

  // Closing one gives its place back.
  sockets[0]!.socket.close();
  await sockets[0]!.closed;
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect((await connect()).acked).toBe(true);
  for (const s of sockets) s.socket.close();
});

it(`a replayed token's ${SOCKET_LIMITS.socketsPerHolder} sockets do not lock its holder out: the newest wins, the oldest closes with 4410 and a graphql-ws client reconnects`, async () => {
  const agency = await createAgency(server);
  const events: string[] = [];
  const closes: number[] = [];
  // The legitimate display: a graphql-ws client with its default retry policy (only the wait shortened).
  const holder = createClient({
    url: server.url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: async () => ({ authorization: `Bearer ${await token('DISPLAY', 'hall-screen-n5')}` }),
    retryAttempts: 5,
    retryWait: () => new Promise((resolve) => setTimeout(resolve, 100)),
    on: { closed: (event) => closes.push((event as { code: number }).code) },
  });
  const stop = holder.subscribe({ query: `subscription { subjectChanged(subjectType: AGENCY, subjectId: "${agency}") { action subjectId } }` }, {
    next: (value) => events.push((value.data as any).subjectChanged.action),
    error: () => undefined,
    complete: () => undefined,
  });
  await until(() => listening() === 1);

  // Someone replays the same holder's token and opens the most sockets a holder may hold.
  const replayed: Socket[] = [];
  for (let i = 0; i < SOCKET_LIMITS.socketsPerHolder; i++) replayed.push(await connect(`Bearer ${await token('DISPLAY', 'hall-screen-n5')}`));
  expect(replayed.every((s) => s.acked)).toBe(true);
  await until(() => closes.includes(4410));

  // The holder's client retried by itself, took a place back (closing the replayer's oldest) and hears changes again.
  expect(await Promise.race([replayed[0]!.closed, new Promise((resolve) => setTimeout(() => resolve('still open'), 5000))])).toEqual({
    code: 4410,
    reason: 'Replaced: the same token holder opened a newer connection',
  });
  await until(() => listening() === 1);
  await createRecord(server, 'AGENCY', agency);
  await until(() => events.includes('CREATE_RECORD'));
  stop();
  await holder.dispose();
  for (const s of replayed) s.socket.close();
});
