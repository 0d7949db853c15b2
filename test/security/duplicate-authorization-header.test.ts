import http from 'node:http';
import { uscc } from '../support/factories';
import { startTestServer, token, type TestServer } from '../support/test-server';

/**
 * sec10a item 4: a request carrying the Authorization header twice was served as the first one's
 * holder (Node keeps the first and drops the rest), while a proxy, a log or another server in front
 * may read the other: one request, two callers. And the anonymous rate limit let it through
 * uncounted whenever the first token was valid. Now such a request — the header twice, or
 * `Authorization` beside `authorization` — is refused with 401 UNAUTHENTICATED naming the header,
 * before anything runs, and it counts against the anonymous limit like any request whose token fails.
 */
const LIMIT = 6;
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ publicRateLimit: LIMIT, publicRateWindowSeconds: 600 });
});
afterAll(() => server?.stop());

/** Sends one request with its headers exactly as given, repeats and case included (fetch would join repeats into one). */
function send(method: 'GET' | 'POST', headers: string[], query: string): Promise<{ status: number; body: any }> {
  const url = new URL(server.url);
  if (method === 'GET') url.searchParams.set('query', query);
  const body = method === 'POST' ? Buffer.from(JSON.stringify({ query })) : undefined;
  // Headers given as a list are sent as they are: Node adds neither Host nor the body's length.
  const framing = ['host', url.host, ...(body ? ['content-type', 'application/json', 'content-length', String(body.length)] : ['apollo-require-preflight', 'true'])];
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers: [...framing, ...headers] }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => {
        try {
          resolve({ status: response.statusCode!, body: JSON.parse(text) });
        } catch {
          reject(new Error(`HTTP ${response.statusCode}: ${text}`));
        }
      });
    });
    request.on('error', reject);
    request.end(body);
  });
}

const CREATE = `mutation { createAgency(input: { uscc: "${uscc()}", name: "鄂州市双令牌测试局", level: CITY, kind: DEPARTMENT }) { id } }`;
const counts = async () => (await server.sql(`select (select count(*)::int from agency) as agencies, (select count(*)::int from audit_event) as audit`))[0];

function expectRefused(result: { status: number; body: any }, times: number) {
  expect(result.status).toBe(401);
  expect(result.body.data ?? null).toBeNull();
  expect(result.body.errors).toHaveLength(1);
  expect(result.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  expect(result.body.errors[0].message).toContain(`The request carries the Authorization header ${times} times; send it once.`);
}

it('a mutation with two Authorization headers (a CLERK\'s and an ADMIN\'s) is refused, naming the header; nothing is written', async () => {
  const clerk = `Bearer ${await token('CLERK', 'sec10a.clerk')}`;
  const admin = `Bearer ${await token('ADMIN', 'sec10a.admin')}`;
  const before = await counts();
  expectRefused(await send('POST', ['Authorization', clerk, 'Authorization', admin], CREATE), 2);
  expect(await counts()).toEqual(before);
});

it('`Authorization` beside `authorization`, even with the same token, and three copies over GET, are refused alike', async () => {
  const clerk = `Bearer ${await token('CLERK', 'sec10a.clerk')}`;
  const before = await counts();
  expectRefused(await send('POST', ['Authorization', clerk, 'authorization', clerk], CREATE), 2);
  expectRefused(await send('GET', ['AUTHORIZATION', clerk, 'authorization', clerk, 'Authorization', clerk], '{ __typename }'), 3);
  expect(await counts()).toEqual(before);
});

it('one header still serves its holder', async () => {
  const clerk = `Bearer ${await token('CLERK', 'sec10a.clerk')}`;
  const before = await counts();
  const created = await send('POST', ['Authorization', clerk], CREATE);
  expect(created.status).toBe(200);
  expect(created.body.data.createAgency.id).toEqual(expect.any(String));
  expect(await counts()).toEqual({ agencies: before.agencies + 1, audit: before.audit + 1 });
});

it('each refused request counts against the anonymous limit, though its first token is valid', async () => {
  const clerk = `Bearer ${await token('CLERK', 'sec10a.clerk')}`;
  // Three refusals above counted already; the limit is LIMIT.
  for (let i = 3; i < LIMIT; i++) expectRefused(await send('POST', ['Authorization', clerk, 'Authorization', clerk], '{ __typename }'), 2);
  const over = await send('POST', ['Authorization', clerk, 'Authorization', clerk], '{ __typename }');
  expect(over.status).toBe(429);
  expect(over.body.errors[0].extensions.code).toBe('RATE_LIMITED');
  // The holder sending the header once is not counted by address.
  expect((await send('POST', ['Authorization', clerk], '{ __typename }')).status).toBe(200);
});
