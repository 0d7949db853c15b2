import { startTestServer, type TestServer } from '../support/test-server';

const PORTAL = 'https://portal.ezhou.gov.cn';
let open: TestServer;
let closed: TestServer;
beforeAll(async () => {
  [open, closed] = await Promise.all([startTestServer({ corsOrigins: [PORTAL] }), startTestServer()]);
});
afterAll(() => Promise.all([open?.stop(), closed?.stop()]));

const preflight = (server: TestServer, origin: string) =>
  fetch(server.url, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
  });

describe('CORS for browser apps on other origins (CORS_ORIGINS)', () => {
  it('answers the preflight of an allowed origin before CSRF prevention, and its POST carries Access-Control-Allow-Origin', async () => {
    const response = await preflight(open, PORTAL);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    const post = await fetch(open.url, { method: 'POST', headers: { origin: PORTAL, 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ agencies { totalCount } }' }) });
    expect(post.status).toBe(200);
    expect(post.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(post.headers.get('access-control-expose-headers')).toContain('x-request-id');
  });

  it('gives another origin no CORS headers: its preflight falls to CSRF prevention', async () => {
    const response = await preflight(open, 'https://evil.example');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.status).toBe(400);
    const post = await fetch(open.url, { method: 'POST', headers: { origin: 'https://evil.example', 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ agencies { totalCount } }' }) });
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows no origin by default', async () => {
    const response = await preflight(closed, PORTAL);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.status).toBe(400);
  });
});
