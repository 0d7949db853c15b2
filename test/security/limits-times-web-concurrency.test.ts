import http from 'node:http';
import WebSocket from 'ws';
import { buildServer, startClusteredServer, type ClusteredServer } from '../support/clustered-server';
import { idCardNumber, uscc } from '../support/factories';
import { createTestDatabase } from '../support/test-database';
import { token } from '../support/test-server';

/**
 * sec23 (issue 10, trust boundaries): every limit a process counted in its own memory was multiplied
 * by WEB_CONCURRENCY — production's default is one process per core — so a token allowed 3 personal
 * reads a minute read 6 with two processes, an address allowed 4 anonymous requests sent 8, a holder
 * allowed 3 audited rows wrote 6. The attack: spread the requests over both processes (each on a new
 * TCP connection, which the cluster hands out in turn). Now the counts are kept for the whole server
 * (src/graphql/shared-counts.ts): exactly the limit is served, whatever the number of processes.
 */
const PUBLIC_RATE = 4;
const PERSONAL = 3;
const AUDITED = 3;
const STORED = 3;
const TRIES = 8;
const SOCKETS = 3;

let database: { url: string; drop(): Promise<void> };
let server: ClusteredServer | undefined;
let url: URL;

let requestNo = 0;
/** One POST on a connection of its own (no keep-alive), so that the cluster may hand it to either process. */
async function post(query: string, variables: Record<string, unknown>, caller?: { role: string; sub: string }) {
  const id = `sec23-${requestNo++}`;
  const headers: http.OutgoingHttpHeaders = { 'content-type': 'application/json', 'x-request-id': id };
  if (caller) headers.authorization = `Bearer ${await token(caller.role, caller.sub)}`;
  const body = JSON.stringify({ query, variables });
  return new Promise<{ id: string; status: number; body: any }>((resolve, reject) => {
    const request = http.request(url, { method: 'POST', agent: false, headers }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => resolve({ id, status: response.statusCode!, body: JSON.parse(text) }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

/** The processes that answered these requests, from their log lines (pino writes the pid on each). */
async function processesOf(ids: string[]): Promise<Set<number>> {
  const pids = new Set<number>();
  for (const id of ids) {
    const [line] = await server!.waitFor(new RegExp(`"pid":(\\d+)[^\\n]*"id":"${id}"`), 1, 10_000);
    pids.add(Number(line[1]));
  }
  return pids;
}

async function sequentially<T>(n: number, send: () => Promise<T>): Promise<T[]> {
  const answers: T[] = [];
  for (let i = 0; i < n; i += 1) answers.push(await send());
  return answers;
}

beforeAll(async () => {
  buildServer();
  database = await createTestDatabase({ empty: true }); // migrated by the compiled start-up, as `npm start` migrates a new database
  const env = {
    PUBLIC_RATE_LIMIT: String(PUBLIC_RATE), PERSONAL_READS_PER_MINUTE: String(PERSONAL), AUDITED_READS_PER_MINUTE: String(AUDITED), STORED_WRITES_PER_MINUTE: String(STORED), PUBLIC_SOCKETS_PER_ADDRESS: String(SOCKETS),
  };
  server = await startClusteredServer({ webConcurrency: 2, databaseUrl: database.url, env });
  expect(new Set(server.pids).size).toBe(2);
  url = new URL(server.url);
}, 240_000);

afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

const statuses = (answers: { status: number }[]) => answers.map((a) => a.status);
const refusedAfter = (limit: number) => [...Array(limit).fill(200), ...Array(TRIES - limit).fill(429)];

it('an address without a token gets PUBLIC_RATE_LIMIT requests from the server, not that many from each of WEB_CONCURRENCY processes', async () => {
  const answers = await sequentially(TRIES, () => post('{ __typename }', {}));
  expect(await processesOf(answers.map((a) => a.id))).toHaveProperty('size', 2);
  expect(statuses(answers)).toEqual(refusedAfter(PUBLIC_RATE));
  expect(answers[PUBLIC_RATE].body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', limit: PUBLIC_RATE });
}, 60_000);

it('a token gets PERSONAL_READS_PER_MINUTE personal reads from the server, and AUDITED_READS_PER_MINUTE audited rows, whatever WEB_CONCURRENCY', async () => {
  const admin = { role: 'ADMIN', sub: 'sec23-admin' };
  const agency = await post('mutation ($uscc: String!) { createAgency(input: { uscc: $uscc, name: "鄂州市集群局", level: CITY, kind: DEPARTMENT }) { id } }', { uscc: uscc() }, admin);
  const agencyId = agency.body.data.createAgency.id;
  const servant = await post('mutation ($input: CreateCivilServantInput!) { createCivilServant(input: $input) { id } }', {
    input: { idCardNumber: idCardNumber(), name: '张集群', agencyId, post: '科员', rank: '一级科员' },
  }, admin);
  const servantId = servant.body.data.createCivilServant.id;

  // Each assess of one civil servant reads their personal data (one READ_PERSONAL_DATA row).
  const display = { role: 'DISPLAY', sub: 'sec23-screen' };
  const assess = 'query ($s: [SubjectInput!]!) { assess(subjects: $s, matter: "PROMOTION") { subjectId assessment { outcome } } }';
  const personal = await sequentially(TRIES, () => post(assess, { s: [{ type: 'CIVIL_SERVANT', id: servantId }] }, display));
  expect(await processesOf(personal.map((a) => a.id))).toHaveProperty('size', 2);
  expect(statuses(personal)).toEqual(refusedAfter(PERSONAL));
  expect(personal[PERSONAL].body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', scope: 'token', limit: PERSONAL });
  expect(personal[PERSONAL].body.errors[0].message).toContain('across the whole server');

  // Each read of an agency verdict's explanation writes one READ_EXPLANATION row (an agency is nobody's personal data).
  const officer = { role: 'OFFICER', sub: 'sec23-officer' };
  const verdict = await post('mutation ($id: ID!) { evaluate(subject: { type: AGENCY, id: $id }, matter: "PERFORMANCE_REVIEW") { id } }', { id: agencyId }, officer);
  const verdictId = verdict.body.data.evaluate.id;
  const inspector = { role: 'INSPECTOR', sub: 'sec23-inspector' };
  const explained = await sequentially(TRIES, () => post('query ($id: ID!) { verdict(id: $id) { explanation { day } } }', { id: verdictId }, inspector));
  expect(await processesOf(explained.map((a) => a.id))).toHaveProperty('size', 2);
  expect(statuses(explained)).toEqual(refusedAfter(AUDITED));
  expect(explained[AUDITED].body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', scope: 'token', limit: AUDITED, rows: 1 });

  const audit = await post('query ($s: ID!) { auditEvents(first: 50, filter: { subjectId: $s }) { edges { node { action actor } } } }', { s: agencyId }, admin);
  const reads = audit.body.data.auditEvents.edges.map((e: any) => e.node).filter((e: any) => e.action === 'READ_EXPLANATION');
  expect(reads).toHaveLength(AUDITED);
}, 120_000);

it('a token gets STORED_WRITES_PER_MINUTE stored evaluations from the server, not that many from each process (hostile21 N2)', async () => {
  const admin = { role: 'ADMIN', sub: 'sec23-admin' };
  const agency = await post('mutation ($uscc: String!) { createAgency(input: { uscc: $uscc, name: "鄂州市集群评估局", level: CITY, kind: DEPARTMENT }) { id } }', { uscc: uscc() }, admin);
  const agencyId = agency.body.data.createAgency.id;
  const clerk = { role: 'CLERK', sub: 'sec23-clerk' };
  const evaluate = 'mutation ($id: ID!) { evaluate(subject: { type: AGENCY, id: $id }, matter: "PERFORMANCE_REVIEW") { id } }';
  const answers = await sequentially(TRIES, () => post(evaluate, { id: agencyId }, clerk));
  expect(await processesOf(answers.map((a) => a.id))).toHaveProperty('size', 2);
  expect(statuses(answers)).toEqual(refusedAfter(STORED));
  expect(answers[STORED].body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', scope: 'token', limit: STORED, calls: 1 });
  const verdicts = await post('query ($s: ID!) { verdicts(subject: { type: AGENCY, id: $s }, first: 50) { totalCount } }', { s: agencyId }, admin);
  expect(verdicts.body.data.verdicts.totalCount).toBe(STORED);
}, 120_000);

/** A WebSocket from `localAddress` (another loopback address: its own rate and socket counts) on a new connection; what became of it. */
function socket(localAddress: string, init: boolean): Promise<{ ws: WebSocket; outcome: string }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url.href.replace(/^http/, 'ws'), 'graphql-transport-ws', { localAddress });
    ws.on('error', () => undefined); // a refused upgrade; its outcome is told below
    ws.once('unexpected-response', (_request, response) => resolve({ ws, outcome: `http ${response.statusCode}` }));
    ws.once('close', (code, reason) => resolve({ ws, outcome: `closed ${code} ${reason.toString()}` }));
    ws.once('open', () => {
      if (!init) return resolve({ ws, outcome: 'open' });
      ws.send(JSON.stringify({ type: 'connection_init' }));
      ws.once('message', (data) => resolve({ ws, outcome: JSON.parse(data.toString()).type }));
    });
  });
}

it('an address without a token holds PUBLIC_SOCKETS_PER_ADDRESS WebSockets on the server, waiting or acknowledged, not that many in each process', async () => {
  // Upgrades that never send connection_init (hostile19 F1), each on a new connection.
  const waiting = await sequentially(2 * SOCKETS, () => socket('127.0.0.2', false));
  expect(waiting.map((s) => s.outcome)).toEqual([...Array(SOCKETS).fill('open'), ...Array(SOCKETS).fill('http 429')]);
  for (const s of waiting) if (s.ws.readyState === WebSocket.OPEN) s.ws.terminate();
  // Acknowledged sockets: each opening is also one anonymous request of the address (PUBLIC_RATE_LIMIT 4).
  const acknowledged = await sequentially(SOCKETS + 1, () => socket('127.0.0.3', true));
  expect(acknowledged.map((s) => s.outcome)).toEqual([...Array(SOCKETS).fill('connection_ack'), expect.stringMatching(/^closed 4429 .*PUBLIC_SOCKETS_PER_ADDRESS/)]);
  for (const s of acknowledged) if (s.ws.readyState === WebSocket.OPEN) s.ws.terminate();
}, 60_000);

it('a count the primary does not answer (stopped) refuses the request with 503 SERVICE_UNAVAILABLE, never lets it pass uncounted', async () => {
  // One kept-alive connection, opened while the primary hands connections out; then the primary stops.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const send = (headers: http.OutgoingHttpHeaders = {}) =>
    new Promise<{ status: number; body: any }>((resolve, reject) => {
      const request = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', ...headers } }, (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode!, body: JSON.parse(text) }));
      });
      request.on('error', reject);
      request.end(JSON.stringify({ query: '{ __typename }' }));
    });
  const opened = await send({ authorization: `Bearer ${await token('OFFICER', 'sec23-officer')}` });
  expect(opened.status).toBe(200);
  process.kill(server!.pid!, 'SIGSTOP');
  try {
    const refused = await send();
    expect(refused.status).toBe(503);
    expect(refused.body.errors).toEqual([{ message: expect.stringMatching(/public-rate count could not be taken.*Nothing was run/), extensions: { code: 'SERVICE_UNAVAILABLE' } }]);
  } finally {
    process.kill(server!.pid!, 'SIGCONT');
    agent.destroy();
  }
}, 60_000);
