import { SignJWT } from 'jose';
import { runNode } from '../support/run-command';
import { TEST_JWT_SECRET, startTestServer, type TestServer } from '../support/test-server';

/**
 * hostile4 L3: a token whose `sub` imitates an actor Chengxin writes itself (`system`, `public`,
 * `cli:<user>`) with one extra character (`system.`, `cli :root`) was accepted, and its audit rows
 * read like the demo loader's or the command line's. Reserved actors are compared after NFKC, case
 * folding and with everything but letters and digits taken out. And `chengxin token --ttl` longer
 * than JWT_MAX_TTL_DAYS refuses instead of minting a token the server would refuse.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const secret = new TextEncoder().encode(TEST_JWT_SECRET);
const signed = (sub: string) => new SignJWT({ role: 'ADMIN' }).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setIssuedAt().setExpirationTime('1h').sign(secret);

async function auditEventsAs(token: string) {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ auditEvents(first: 1) { totalCount } }' }),
  });
  return { status: response.status, ...((await response.json()) as { errors?: { message: string; extensions: Record<string, unknown> }[]; data?: unknown }) };
}

const auditRows = async () => (await server.sql<{ n: number }>('select count(*)::int as n from audit_event'))[0].n;

it.each(['system.', 'cli :root', 'sys-tem', 'SYSTEM_', 'public@', 'p.u.b.l.i.c', 'c.l.i:root', 'cli-root', 'cli', 'ｓｙｓ．ｔｅｍ'])(
  'a token with sub %j is refused as reserved (UNAUTHENTICATED) and nothing is recorded',
  async (sub) => {
    const before = await auditRows();
    const answer = await auditEventsAs(await signed(sub));
    expect(answer.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(answer.errors?.[0].message).toMatch(/reserved for Chengxin itself/);
    expect(answer.data ?? null).toBeNull();
    expect(await auditRows()).toBe(before);
  },
);

it.each(['client.app', 'clive', 'systems.team', 'wang.fang', '王芳'])('a holder named %j, which only shares letters with a reserved actor, is accepted', async (sub) => {
  const answer = await auditEventsAs(await signed(sub));
  expect(answer.errors).toBeUndefined();
});

describe('chengxin token --ttl', () => {
  const env = (extra: NodeJS.ProcessEnv = {}) => ({ ...process.env, DATABASE_URL: server.databaseUrl, JWT_SECRET: TEST_JWT_SECRET, SEED_DEMO_DATA: 'false', RULES_WATCH: 'false', ...extra });

  it('longer than JWT_MAX_TTL_DAYS: refused with a message naming the limit, and no token is printed', async () => {
    const result = await runNode(['bin/chengxin.js', 'token', '--role', 'ADMIN', '--sub', 'wang.fang', '--ttl', '365d'], env());
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('JWT_MAX_TTL_DAYS=30');
    expect(result.stderr).toMatch(/超过上限.*exceeds JWT_MAX_TTL_DAYS=30 days/s);
  });

  it('within the limit (JWT_MAX_TTL_DAYS raised to 400): the token is minted and the server takes it', async () => {
    const result = await runNode(['bin/chengxin.js', 'token', '--role', 'ADMIN', '--sub', 'wang.fang', '--ttl', '7d'], env({ JWT_MAX_TTL_DAYS: '400' }));
    expect(result.status).toBe(0);
    const answer = await auditEventsAs(result.stdout.trim());
    expect(answer.errors).toBeUndefined();
  });
});
