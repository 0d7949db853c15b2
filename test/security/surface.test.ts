import { createAgency } from '../support/factories';
import { graphql } from '../support/graphql';
import { metricValue } from '../support/metrics';
import { startTestServer, type TestServer } from '../support/test-server';

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

  it('answers /healthz and /readyz, and tags every response with a request id', async () => {
    const health = await fetch(`${base()}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${base()}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', database: 'reachable', ruleSet: expect.stringMatching(/^sha256:/) });
    const tagged = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'req-42' }, body: '{"query":"{ ruleSet { version } }"}' });
    expect(tagged.headers.get('x-request-id')).toBe('req-42');
  });

  it('counts in /metrics what it served: each operation by its root field, each error by its code, each evaluation by its matter', async () => {
    const metrics = `${base()}/metrics`;
    const agencyId = await createAgency(server);
    const requests = () => metricValue(metrics, 'chengxin_graphql_requests_total', { type: 'query', operation: 'agencies' });
    const validationErrors = () => metricValue(metrics, 'chengxin_graphql_errors_total', { code: 'GRAPHQL_VALIDATION_FAILED' });
    const evaluations = () => metricValue(metrics, 'chengxin_evaluation_duration_seconds_count', { matter: 'HONOUR' });
    const before = { requests: await requests(), errors: await validationErrors(), evaluations: await evaluations() };

    await server.ok(graphql(`query Count { agencies { totalCount } }`));
    await server.ok(graphql(`query Again { agencies(first: 1) { totalCount } }`));
    await server.rawQuery('{ agencies { totalCont } }');
    const { evaluate } = await server.ok(graphql(`mutation ($id: ID!) { evaluate(subject: { type: AGENCY, id: $id }, matter: "HONOUR") { matter } }`), { id: agencyId });
    expect(evaluate.matter).toBe('HONOUR');

    expect(await requests()).toBe(before.requests + 2);
    expect(await validationErrors()).toBe(before.errors + 1);
    expect(await evaluations()).toBe(before.evaluations + 1);
  });

  it("keeps Apollo's CSRF prevention: a simple cross-site GET with a query is refused", async () => {
    const response = await fetch(`${server.url}?query=${encodeURIComponent('{ agencies { totalCount } }')}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('CSRF');
  });
});
