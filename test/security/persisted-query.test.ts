import { startTestServer, type TestServer } from '../support/test-server';

/**
 * Attack: automatic persisted queries (APQ). An unknown hash used to come back as
 * INTERNAL_SERVER_ERROR (a bad version, a hash that does not match its query), and any anonymous
 * caller could fill the server's query cache. APQ is off on purpose (README, "Limits"): every request
 * carrying extensions.persistedQuery is answered HTTP 400 with PERSISTED_QUERY_NOT_SUPPORTED, the
 * code by which Apollo's clients fall back to sending the query itself. Nothing runs, nothing is
 * stored; the full query still works.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ nodeEnv: 'production' });
});
afterAll(() => server.stop());

const hash = 'a'.repeat(64);
const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
const audit = async () => (await server.sql('select count(*)::int as n from audit_event'))[0].n;

describe('a persisted query is refused with a code, never INTERNAL_SERVER_ERROR', () => {
  it.each([
    ['an unknown hash', { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }],
    ['an unknown hash with variables', { variables: { id: 'x' }, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }],
    ['version 2', { extensions: { persistedQuery: { version: 2, sha256Hash: hash } } }],
    ['no version', { extensions: { persistedQuery: { sha256Hash: hash } } }],
    ['a hash that is not a string', { extensions: { persistedQuery: { version: 1, sha256Hash: { $gt: '' } } } }],
    ['a query with a hash that does not match it (registering)', { query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }],
    ['a mutation registered under a hash', { query: 'mutation { reloadRules { version } }', extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }],
  ])('%s: HTTP 400, PERSISTED_QUERY_NOT_SUPPORTED, saying to send the query', async (_name, body) => {
    const before = await audit();
    for (const headers of [{}, { authorization: 'Bearer not-even-a-token' }] as Record<string, string>[]) {
      const response = await post(body, headers);
      expect(response.status).toBe(400);
      const result = (await response.json()) as { data?: unknown; errors: { message: string; extensions: { code: string } }[] };
      expect(result.data).toBeUndefined();
      expect(result.errors).toEqual([{ message: expect.stringMatching(/不支持自动持久化查询.*send the whole document in "query"/s), extensions: { code: 'PERSISTED_QUERY_NOT_SUPPORTED' } }]);
    }
    expect(await audit()).toBe(before);
  });

  it('over GET too (extensions in the URL)', async () => {
    const url = `${server.url}?extensions=${encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }))}`;
    const response = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_SUPPORTED');
  });

  it('the whole query is served as before', async () => {
    const response = await post({ query: '{ agencies(first: 1) { totalCount } }' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { agencies: { totalCount: 0 } } });
  });
});
