import { startTestServer, token, type TestServer } from '../support/test-server';

/**
 * Sixth hostile pass F1 (b): nothing limited how often one anonymous caller could ask for costly
 * reads (a page of enterprises' public statuses). Anonymous GraphQL requests are now counted per
 * client address: past PUBLIC_RATE_LIMIT in PUBLIC_RATE_WINDOW_SECONDS the server answers HTTP 429
 * with Retry-After and RATE_LIMITED, runs nothing, and counts it in chengxin_rate_limited_total.
 * A forged X-Forwarded-For does not buy a new allowance unless TRUST_PROXY trusts the peer.
 */
const LIMIT = 5;
let server: TestServer;
let proxied: TestServer;

beforeAll(async () => {
  server = await startTestServer({ publicRateLimit: LIMIT, publicRateWindowSeconds: 600 });
  proxied = await startTestServer({ publicRateLimit: LIMIT, publicRateWindowSeconds: 600, trustProxy: 'loopback' }, server);
});
afterAll(async () => {
  await proxied.stop();
  await server.stop();
});

// 16 enterprises' statuses of 2 matters: within the anonymous row limit (hostile19 F2).
const QUERY = JSON.stringify({ query: '{ enterprises(first: 16) { totalCount edges { node { publicStatuses { outcome } } } } }' });

async function send(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: QUERY });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as { errors?: { message: string; extensions: Record<string, unknown> }[]; data?: unknown } };
}

const limited = async (target: TestServer) => {
  const text = await (await fetch(target.app.http.metricsUrl)).text();
  return Number(/chengxin_rate_limited_total (\d+)/.exec(text)?.[1] ?? 0);
};

it('past the limit an anonymous caller gets 429 RATE_LIMITED with Retry-After, and nothing runs', async () => {
  for (let i = 0; i < LIMIT; i++) expect((await send(server.url)).status).toBe(200);
  const before = await limited(server);
  server.resetStatements();
  const refused = await send(server.url);
  expect(refused.status).toBe(429);
  expect(Number(refused.retryAfter)).toBeGreaterThan(0);
  expect(Number(refused.retryAfter)).toBeLessThanOrEqual(600);
  expect(refused.body.data).toBeUndefined();
  expect(refused.body.errors).toEqual([
    expect.objectContaining({ message: expect.stringMatching(/at most 5 in 600 s \(PUBLIC_RATE_LIMIT/), extensions: expect.objectContaining({ code: 'RATE_LIMITED', limit: LIMIT, windowSeconds: 600 }) }),
  ]);
  expect(server.statements).toEqual([]);
  expect(await limited(server)).toBe(before + 1);
  // A forged X-Forwarded-For is not believed without TRUST_PROXY: still the same caller.
  expect((await send(server.url, { 'x-forwarded-for': '203.0.113.7' })).status).toBe(429);
  // An empty Authorization header is anonymous too (it is read as no token).
  expect((await send(server.url, { authorization: '' })).status).toBe(429);
});

it('signed-in callers are not limited by address; a bad token is refused as UNAUTHENTICATED, not served, and counts as anonymous', async () => {
  const clerk = await token('CLERK', 'wang.fang');
  for (let i = 0; i < LIMIT + 2; i++) expect((await send(server.url, { authorization: `Bearer ${clerk}` })).status).toBe(200);
  const forged = await send(proxied.url, { authorization: 'Bearer not-a-token', 'x-forwarded-for': '198.51.100.9' });
  expect(forged.status).toBe(401);
  expect(forged.body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  // hostile10 N7: a token that fails does not skip the count; this address has used its allowance.
  expect((await send(server.url, { authorization: 'Bearer not-a-token' })).status).toBe(429);
});

it('behind a trusted proxy (TRUST_PROXY) each client address the proxy names has its own allowance', async () => {
  for (let i = 0; i < LIMIT; i++) expect((await send(proxied.url, { 'x-forwarded-for': '198.51.100.1' })).status).toBe(200);
  expect((await send(proxied.url, { 'x-forwarded-for': '198.51.100.1' })).status).toBe(429);
  expect((await send(proxied.url, { 'x-forwarded-for': '198.51.100.2' })).status).toBe(200);
});
