import { networkInterfaces } from 'node:os';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * Attack: reading /metrics on the public API port to learn how many PROMOTION (personnel)
 * evaluations were made. Without METRICS_PORT, /metrics answers only loopback clients that no
 * proxy relayed; anyone else gets 404. Through the real server over HTTP.
 */
let server: TestServer;
let metrics: string;
beforeAll(async () => {
  server = await startTestServer();
  metrics = server.url.replace(/\/graphql$/, '/metrics');
});
afterAll(() => server.stop());

describe('/metrics on the API port is for this machine only', () => {
  it('a request relayed by a proxy (X-Forwarded-For, Forwarded or X-Real-IP) gets 404 and no metrics', async () => {
    const relayed: Record<string, string>[] = [{ 'x-forwarded-for': '203.0.113.7' }, { forwarded: 'for=203.0.113.7' }, { 'x-real-ip': '203.0.113.7' }];
    for (const headers of relayed) {
      const response = await fetch(metrics, { headers });
      expect(response.status).toBe(404);
      expect(await response.text()).not.toMatch(/chengxin_|evaluation/);
    }
  });

  it('the local scraper (loopback, direct) still reads them', async () => {
    const response = await fetch(metrics);
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/^chengxin_rules_degraded 0$/m);
  });
});

describe('a client on another address', () => {
  // The machine's own non-loopback address: a request to it does not come from 127.0.0.1.
  const external = Object.values(networkInterfaces()).flat().find((i) => i && !i.internal && i.family === 'IPv4')?.address;
  let open: TestServer;
  beforeAll(async () => {
    open = await startTestServer({ host: '0.0.0.0' });
  });
  afterAll(() => open.stop());

  (external ? it : it.skip)('gets 404 from /metrics, while GraphQL still answers it', async () => {
    const port = new URL(open.url).port;
    const response = await fetch(`http://${external}:${port}/metrics`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('chengxin_');
    const graphql = await fetch(`http://${external}:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ agencies { totalCount } }' }) });
    expect(graphql.status).toBe(200);
  });
});
