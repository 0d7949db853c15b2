import WebSocket from 'ws';
import { createAgency, createRecord } from '../support/factories';
import { serverPerFile } from '../support/server-per-file';
import { until } from '../support/until';

/**
 * Public subscriptions: 1,000 public sockets × 20 subscriptions each were allowed (20,000 listeners),
 * and every change notice naming a record made one lookup per public subscriber. Now the process
 * holds at most SUBSCRIPTIONS_PER_PROCESS, of which the public SUBSCRIPTIONS_PUBLIC_PER_PROCESS (here
 * 6; subscription-starvation.test.ts tries the signed-in rest), and a socket SUBSCRIPTIONS_PER_SOCKET
 * (here 4), more is TOO_MANY_SUBSCRIPTIONS; and one notice is looked up once, however many subscribe.
 */
const PER_SOCKET = 4;
const PUBLIC_SHARE = 6;
const server = serverPerFile({ subscriptionsPerSocket: PER_SOCKET, subscriptionsPerProcess: PUBLIC_SHARE + 1, subscriptionsPublicPerProcess: PUBLIC_SHARE });
const CHANGES = 'subscription { subjectChanged { action subjectId targetId } }';
const opened: WebSocket[] = [];
afterAll(() => opened.forEach((s) => s.close()));

interface Socket { socket: WebSocket; byId: Map<string, any[]> }

/** A public graphql-ws socket, acknowledged, recording every message by subscription id. */
function publicSocket(): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(server.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    opened.push(socket);
    const byId = new Map<string, any[]>();
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: {} })));
    socket.on('message', (data) => {
      const message = JSON.parse(String(data));
      if (message.type === 'connection_ack') resolve({ socket, byId });
      if (message.id) byId.set(message.id, [...(byId.get(message.id) ?? []), message]);
    });
    socket.on('close', (code) => reject(new Error(`closed ${code}`)));
  });
}

const subscribe = (s: Socket, id: string) => s.socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query: CHANGES } }));
const refusal = (s: Socket, id: string) => s.byId.get(id)?.find((m) => m.type === 'error' || m.payload?.errors)?.payload;
const refusalError = (payload: any) => (Array.isArray(payload) ? payload[0] : payload.errors[0]);

/** Waits until the server listens for `count` subscriptions (a change reaching them all would be slower to tell). */
const listening = (count: number) => until(() => server.app.http.subscriptionsListening() === count);

it(`refuses a socket's ${PER_SOCKET + 1}th subscription and the public's ${PUBLIC_SHARE + 1}th with TOO_MANY_SUBSCRIPTIONS; a freed place can be taken again`, async () => {
  const first = await publicSocket();
  for (let i = 0; i <= PER_SOCKET; i++) subscribe(first, `a${i}`);
  await until(() => refusal(first, `a${PER_SOCKET}`) !== undefined);
  expect(refusalError(refusal(first, `a${PER_SOCKET}`))).toMatchObject({ extensions: { code: 'TOO_MANY_SUBSCRIPTIONS', limit: PER_SOCKET, scope: 'socket' } });

  const second = await publicSocket();
  for (let i = 0; i < PUBLIC_SHARE - PER_SOCKET + 1; i++) subscribe(second, `b${i}`);
  const last = `b${PUBLIC_SHARE - PER_SOCKET}`;
  await until(() => refusal(second, last) !== undefined);
  expect(refusalError(refusal(second, last))).toMatchObject({ extensions: { code: 'TOO_MANY_SUBSCRIPTIONS', limit: PUBLIC_SHARE, scope: 'public' } });
  expect(refusalError(refusal(second, last)).message).toContain('Nothing was started');

  // Closing a socket gives its places back.
  first.socket.close();
  const third = await publicSocket();
  subscribe(third, 'c0');
  const agency = await createAgency(server);
  await createRecord(server, 'AGENCY', agency);
  await until(() => (third.byId.get('c0') ?? []).some((m) => m.type === 'next' && m.payload.data?.subjectChanged.subjectId === agency));
  for (const s of [second, third]) s.socket.close();
});

it('looks a notice’s record up once for any number of public subscribers', async () => {
  const agency = await createAgency(server);
  const recordLookups = () => server.statements.filter((s) => /from "credit_record"/.test(s)).length;

  /** The record lookups one new record costs, with `n` public subscribers receiving its notice. */
  async function lookupsWith(n: number): Promise<number> {
    const sockets: Socket[] = [];
    for (let i = 0; i < n; i++) {
      const s = await publicSocket();
      subscribe(s, 'x');
      sockets.push(s);
    }
    await listening(n);
    server.resetStatements();
    await createRecord(server, 'AGENCY', agency);
    await until(() => sockets.every((s) => (s.byId.get('x') ?? []).some((m) => m.type === 'next' && m.payload.data?.subjectChanged.subjectId === agency && m.payload.data.subjectChanged.action === 'CREATE_RECORD')));
    const count = recordLookups();
    for (const s of sockets) s.socket.close();
    await listening(0);
    return count;
  }

  const one = await lookupsWith(1);
  const six = await lookupsWith(PUBLIC_SHARE);
  expect(six).toBe(one);
});
