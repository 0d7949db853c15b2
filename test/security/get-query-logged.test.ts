import { Writable } from 'node:stream';
import pino from 'pino';
import { createAgency, createCivilServant, idCardNumber } from '../support/factories';
import { startTestServer, token, type TestServer } from '../support/test-server';

/**
 * hostile5 F8: a GET request's log line carried its whole URL, query string included — the
 * document and its variables, where a caller's search for an ID-card number or a name ends up.
 * Now the line keeps the path, the query string's length and a keyed hash, and the operation's type,
 * name and root fields; never the document, the variables, or Express's parsed query.
 */
const lines: string[] = [];
let server: TestServer;
let idCard: string;
beforeAll(async () => {
  const sink = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
  server = await startTestServer({}, undefined, { logger: pino({ level: 'info', redact: { paths: ['req.headers.authorization'], censor: '[redacted]' } }, sink) });
  idCard = idCardNumber();
  await createCivilServant(server, await createAgency(server), { name: '何佳浩', idCardNumber: idCard });
});
afterAll(() => server.stop());

it('a GET query with an ID-card number in its variables is logged by operation name and the query string\'s length, not its text', async () => {
  const query = 'query FindServant($name: String) { civilServants(first: 5, filter: { nameContains: $name }) { totalCount } }';
  const url = `${server.url}?${new URLSearchParams({ query, operationName: 'FindServant', variables: JSON.stringify({ name: '何佳浩', note: idCard }) })}`;
  lines.splice(0);
  const response = await fetch(url, { headers: { authorization: `Bearer ${await token('CLERK', 'wang.clerk')}`, 'apollo-require-preflight': 'true', referer: `${url}&from=console` } });
  expect(response.status).toBe(200);
  expect(((await response.json()) as any).data.civilServants.totalCount).toBe(1);
  await new Promise((resolve) => setImmediate(resolve));
  const logged = lines.map((line) => JSON.parse(line)).filter((line) => line.req?.url !== undefined);
  expect(logged).toHaveLength(1);
  const [line] = logged;
  expect(line.req.url).toBe('/graphql');
  expect(line.req.query).toBeUndefined();
  expect(line.req.queryString).toEqual({ length: url.length - server.url.length - 1, hmac: expect.stringMatching(/^[0-9a-f]{16}$/) });
  expect(line.req.headers.referer).toBe(server.url);
  expect(line).toMatchObject({ sub: 'wang.clerk', role: 'CLERK', operation: 'query FindServant', fields: ['civilServants'] });
  const text = lines.join('\n');
  for (const leak of [idCard, '何佳浩', encodeURIComponent('何佳浩'), 'nameContains', 'variables=']) expect(text).not.toContain(leak);
});
