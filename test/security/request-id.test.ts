import { startTestServer, type TestServer } from '../support/test-server';

/**
 * Attack: a 5 KB (or otherwise hostile) X-Request-Id, reflected in the response and written into every
 * log line of the request. Only ids of at most 64 of [A-Za-z0-9._-] are taken over; others are
 * replaced by one the server makes. Through the real server over HTTP.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const send = (requestId: string) =>
  fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': requestId }, body: JSON.stringify({ query: '{ agencies { totalCount } }' }) });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('X-Request-Id is taken over only when short and plain', () => {
  it.each([
    ['5 KB long', 'a'.repeat(5000)],
    ['65 characters', 'b'.repeat(65)],
    ['with markup', '<script>alert(1)</script>'],
    ['with a space and quotes', 'req "1"'],
    ['with a log-forging JSON fragment', 'x","level":60,"msg":"admin login'],
    ['with non-ASCII letters', 'r\u00e9q-1'],
  ])('%s: replaced by a generated id, and the request still answers', async (_name, given) => {
    const before = await server.sql('select count(*)::int as n from audit_event');
    const response = await send(given);
    expect(response.status).toBe(200);
    const returned = response.headers.get('x-request-id');
    expect(returned).toMatch(UUID);
    expect(returned).not.toBe(given);
    expect(((await response.json()) as any).data.agencies.totalCount).toBe(0);
    expect(await server.sql('select count(*)::int as n from audit_event')).toEqual(before);
  });

  it.each([['a UUID', '2f1c7d2e-8a4b-4c1d-9e3f-0a1b2c3d4e5f'], ['64 plain characters', `trace.${'Z'.repeat(52)}_-09`]])('%s is kept and returned as given', async (_name, given) => {
    expect(given.length).toBeLessThanOrEqual(64);
    const response = await send(given);
    expect(response.headers.get('x-request-id')).toBe(given);
  });
});
