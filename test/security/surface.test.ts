import { startTestServer, type TestServer } from '../support/test-server';
import { graphql } from '../support/graphql';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const base = () => server.url.replace(/\/graphql$/, '');

describe('the GraphQL surface', () => {
  it('refuses a query 50 levels deep before running it', async () => {
    let query = 'name';
    for (let i = 0; i < 49; i++) query = `parent { ${query} }`;
    const result = await server.rawQuery(`{ agencies { edges { node { ${query} } } } }`);
    expect(result.status).toBe(400);
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 12 }, message: expect.stringContaining('levels of nesting; the limit is 12') });
  });

  it('refuses a query whose estimated cost is too high, saying what to do', async () => {
    const nested = 'children { civilServantsConnection(first: 100) { edges { node { post } } } }';
    const result = await server.rawQuery(`{ a: agencies(first: 100) { edges { node { ${nested} } } } b: agencies(first: 100) { edges { node { ${nested} } } } }`);
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX' }, message: expect.stringContaining('Ask for smaller pages') });
  });

  it('answers /healthz, /readyz and /metrics, and tags every response with a request id', async () => {
    const health = await fetch(`${base()}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${base()}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', database: 'reachable', ruleSet: expect.stringMatching(/^sha256:/) });
    await server.query(graphql(`query Count { agencies { totalCount } }`));
    const metrics = await (await fetch(`${base()}/metrics`)).text();
    expect(metrics).toMatch(/chengxin_graphql_requests_total\{type="query",operation="agencies"\} \d+/);
    expect(metrics).toContain('chengxin_evaluation_duration_seconds');
    const tagged = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'req-42' }, body: '{"query":"{ ruleSet { version } }"}' });
    expect(tagged.headers.get('x-request-id')).toBe('req-42');
  });

  it("keeps Apollo's CSRF prevention: a simple cross-site GET with a query is refused", async () => {
    const response = await fetch(`${server.url}?query=${encodeURIComponent('{ agencies { totalCount } }')}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('CSRF');
  });
});
