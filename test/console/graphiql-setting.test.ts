import { ConfigError, loadConfig } from '../../src/config';
import { startTestServer, type TestServer } from '../support/test-server';

/** GraphiQL is a development tool: off in production unless GRAPHIQL turns it on. The console is always served. */
let server: TestServer;
let origin: string;

beforeAll(async () => {
  server = await startTestServer({ graphiql: false });
  origin = new URL(server.url).origin;
});

afterAll(async () => {
  await server?.stop();
});

test('GRAPHIQL defaults to on except in production, where it can be turned on', () => {
  expect(loadConfig({}).graphiql).toBe(true);
  expect(loadConfig({ NODE_ENV: 'production' }).graphiql).toBe(false);
  expect(loadConfig({ NODE_ENV: 'production', GRAPHIQL: 'true' }).graphiql).toBe(true);
  expect(loadConfig({ GRAPHIQL: 'false' }).graphiql).toBe(false);
  expect(() => loadConfig({ GRAPHIQL: 'sometimes' })).toThrow(new ConfigError('GRAPHIQL', 'is "sometimes", but must be true or false'));
});

test('with GraphiQL off, /graphiql is not there and a browser opening /graphql gets no landing page; the console still is served', async () => {
  expect((await fetch(`${origin}/graphiql/`, { redirect: 'manual' })).status).toBe(404);
  const landing = await fetch(`${origin}/graphql`, { redirect: 'manual', headers: { accept: 'text/html' } });
  expect(landing.status).not.toBe(302);
  expect(await landing.text()).not.toMatch(/<html|sandbox|cdn\./i);

  const page = await fetch(`${origin}/console/subjects`, { redirect: 'manual' });
  expect(page.status).toBe(200);
  expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
  expect(await page.text()).toContain('<div id="app">');
  expect((await fetch(`${origin}/`, { redirect: 'manual' })).headers.get('location')).toBe('/console/');
});
