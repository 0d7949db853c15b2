import { ConfigError, loadConfig } from '../../src/config';
import { createAgency, createCivilServant } from '../support/factories';
import { startTestServer, token, type TestServer } from '../support/test-server';

/**
 * hostile14 F3: a DISPLAY token's `assess` of 100 civil servants wrote 100 READ_PERSONAL_DATA events
 * a request, with nothing bounding how many such requests one token sent. Now a token holder (`sub`)
 * may send PERSONAL_READS_PER_MINUTE queries that read personal data a minute (for the whole server, sec23);
 * past it: HTTP 429, Retry-After, RATE_LIMITED with scope "token", nothing shown and no read recorded.
 * Other holders, queries reading no personal data, and writes are not counted.
 */
const LIMIT = 3;
let server: TestServer;
let servants: string[];

beforeAll(async () => {
  server = await startTestServer({ personalReadsPerMinute: LIMIT });
  const agencyId = await createAgency(server);
  servants = [];
  for (let i = 0; i < 4; i += 1) servants.push(await createCivilServant(server, agencyId));
});
afterAll(() => server.stop());

const ASSESS = 'query ($s: [SubjectInput!]!) { assess(subjects: $s, matter: "PROMOTION") { subjectId assessment { outcome } } }';
const subjects = () => servants.map((id) => ({ type: 'CIVIL_SERVANT', id }));
const personalReads = async () => (await server.sql<{ n: number }>("select count(*)::int as n from audit_event where action = 'READ_PERSONAL_DATA'"))[0].n;

async function send(query: string, variables: Record<string, unknown>, role: string, sub: string) {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await token(role, sub)}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), ...((await response.json()) as { data?: any; errors?: any[] }) };
}

it('a DISPLAY token past PERSONAL_READS_PER_MINUTE gets 429 with Retry-After and RATE_LIMITED; nothing shown, no read recorded', async () => {
  const before = await personalReads();
  for (let i = 0; i < LIMIT; i += 1) {
    const ok = await send(ASSESS, { s: subjects() }, 'DISPLAY', 'hr-screen-3f');
    expect(ok.errors).toBeUndefined();
    expect(ok.data.assess).toHaveLength(servants.length);
  }
  expect(await personalReads()).toBe(before + LIMIT * servants.length);

  const refused = await send(ASSESS, { s: subjects() }, 'DISPLAY', 'hr-screen-3f');
  expect(refused.status).toBe(429);
  expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
  expect(Number(refused.retryAfter)).toBeLessThanOrEqual(60);
  expect(refused.data).toBeUndefined();
  expect(refused.errors).toHaveLength(1);
  expect(refused.errors?.[0]).toMatchObject({
    extensions: { code: 'RATE_LIMITED', scope: 'token', limit: LIMIT, windowSeconds: 60, retryAfterSeconds: Number(refused.retryAfter) },
    message: expect.stringContaining('PERSONAL_READS_PER_MINUTE'),
  });
  expect(refused.errors?.[0].message).toContain('sub hr-screen-3f');
  expect(refused.errors?.[0].message).toContain('across the whole server');
  expect(await personalReads()).toBe(before + LIMIT * servants.length);
});

it('another holder, a query reading no personal data and a write by the same holder are not held back', async () => {
  const other = await send(ASSESS, { s: subjects() }, 'DISPLAY', 'hr-screen-4f');
  expect(other.status).toBe(200);
  expect(other.errors).toBeUndefined();
  const plain = await send('{ civilServants(first: 10) { edges { node { id post } } } }', {}, 'DISPLAY', 'hr-screen-3f');
  expect(plain.status).toBe(200);
  expect(plain.errors).toBeUndefined();
  const write = await send('mutation ($id: ID!) { updateCivilServant(id: $id, input: { post: "副科长" }) { post idCardNumber } }', { id: servants[0] }, 'ADMIN', 'hr-screen-3f');
  expect(write.errors).toBeUndefined();
  expect(write.data.updateCivilServant.post).toBe('副科长');
});

it('PERSONAL_READS_PER_MINUTE defaults to 60, takes 0 (no limit) to 100000, and refuses anything else naming the setting', () => {
  expect(loadConfig({}).personalReadsPerMinute).toBe(60);
  expect(loadConfig({ PERSONAL_READS_PER_MINUTE: '0' }).personalReadsPerMinute).toBe(0);
  expect(loadConfig({ PERSONAL_READS_PER_MINUTE: '600' }).personalReadsPerMinute).toBe(600);
  for (const bad of ['-1', 'lots', '100001', '1.5']) {
    expect(() => loadConfig({ PERSONAL_READS_PER_MINUTE: bad })).toThrow(ConfigError);
    expect(() => loadConfig({ PERSONAL_READS_PER_MINUTE: bad })).toThrow(/PERSONAL_READS_PER_MINUTE/);
  }
});
