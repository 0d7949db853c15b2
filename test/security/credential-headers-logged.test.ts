import { Writable } from 'node:stream';
import { createLogger } from '../../src/logger';
import { startTestServer, token, type TestServer } from '../support/test-server';

/**
 * hostile19 N1: `Proxy-Authorization: Basic …` and `X-Api-Key` were written in clear in every
 * request's log line; only `authorization` and `cookie` were redacted. Now every credential header
 * (CREDENTIAL_HEADERS, src/logger.ts) is. The server's own logger, the real server, over HTTP.
 */
const lines: string[] = [];
let server: TestServer;
beforeAll(async () => {
  const sink = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
  server = await startTestServer({}, undefined, { logger: createLogger({ nodeEnv: 'development' }, sink) });
});
afterAll(() => server.stop());

it('a request line redacts Proxy-Authorization, X-Api-Key and the other credential headers, and keeps the rest', async () => {
  const secrets = {
    authorization: `Bearer ${await token('OFFICER', 'officer-n1')}`,
    cookie: 'session=cookie-secret-n1',
    'proxy-authorization': `Basic ${Buffer.from('proxy-user:proxy-secret-n1').toString('base64')}`,
    'x-api-key': 'api-key-secret-n1',
    'x-auth-token': 'auth-token-secret-n1',
  };
  lines.splice(0);
  const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-note': 'kept-n1', ...secrets }, body: JSON.stringify({ query: '{ __typename }' }) });
  expect(response.status).toBe(200);
  await new Promise((resolve) => setImmediate(resolve));
  const logged = lines.map((line) => JSON.parse(line)).filter((line) => line.req?.url !== undefined);
  expect(logged).toHaveLength(1);
  for (const name of Object.keys(secrets)) expect(logged[0].req.headers[name]).toBe('[redacted]');
  expect(logged[0].req.headers['x-request-note']).toBe('kept-n1');
  const text = lines.join('\n');
  for (const value of Object.values(secrets)) expect(text).not.toContain(value);
  expect(text).not.toContain('secret-n1');
});
