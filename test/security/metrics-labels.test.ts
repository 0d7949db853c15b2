import { startTestServer, token, type TestServer } from '../support/test-server';
import { graphql } from '../support/graphql';

let shared: TestServer;
let separate: TestServer;
beforeAll(async () => {
  [shared, separate] = await Promise.all([startTestServer(), startTestServer({ metricsPort: 0, metricsHost: '127.0.0.1' })]);
});
afterAll(() => Promise.all([shared?.stop(), separate?.stop()]));

const base = (server: TestServer) => server.url.replace(/\/graphql$/, '');

describe('metrics labels stay bounded whatever clients send', () => {
  it('a 900,000-character operation name adds no series: operations are labelled by the root field they call, else "other"', async () => {
    const name = `A${'x'.repeat(900_000)}`;
    // Signed in: a request without a token may send at most 64 KB (hostile13 F2), so that is refused before the name is read.
    const response = await fetch(shared.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${await token('DISPLAY', 'metrics.display')}` }, body: JSON.stringify({ query: `query ${name} { __typename }` }) });
    expect(response.status).toBe(200);
    await shared.query(graphql(`query Whatever { agencies { totalCount } }`), undefined, { role: 'PUBLIC' });
    await shared.query(graphql(`query Two { ruleSet { version } agencies { totalCount } }`), undefined, { role: 'PUBLIC' });
    const metrics = await (await fetch(`${base(shared)}/metrics`)).text();
    expect(metrics).not.toContain('xxxxxxxxxx');
    expect(metrics).not.toContain('Whatever');
    expect(metrics).toMatch(/chengxin_graphql_requests_total\{type="query",operation="__typename"\} \d+/);
    expect(metrics).toMatch(/chengxin_graphql_requests_total\{type="query",operation="agencies"\} \d+/);
    expect(metrics).toMatch(/chengxin_graphql_requests_total\{type="query",operation="other"\} \d+/);
    expect(metrics.length).toBeLessThan(200_000);
  });
});

describe('METRICS_PORT', () => {
  it('serves /metrics on its own port and address, and no longer on the GraphQL port', async () => {
    const metricsUrl = separate.app.http.metricsUrl;
    expect(metricsUrl).not.toBe(`${base(separate)}/metrics`);
    expect(metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    await separate.query(graphql(`{ agencies { totalCount } }`), undefined, { role: 'PUBLIC' });
    const metrics = await fetch(metricsUrl);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('chengxin_graphql_requests_total');
    expect((await fetch(`${base(separate)}/metrics`)).status).toBe(404);
    expect((await fetch(`${base(separate)}/healthz`)).status).toBe(200);
  });
});
