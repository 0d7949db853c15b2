import { readFileSync } from 'node:fs';
import { getIntrospectionQuery } from 'graphql';
import { PUBLIC_ANSWER_BYTES } from '../../src/graphql/http-limits/public-answer-size';
import { LIMITS } from '../../src/graphql/limits';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * hostile18 F3: on the development server (introspection on), 30 anonymous aliases of `__schema {
 * types { name description fields { name description args { name description } type { name
 * description } } } }` (3.7 KB) were answered with 5.1 MB: the estimate counted `__Schema.types` and
 * `__Type.fields` at the five items it assumes for a list it does not know, against ~166 types. They
 * now count the schema's real sizes (src/graphql/introspection-sizes.ts), so the request is refused
 * before it runs; GraphiQL's own schema query still runs without a token, and what passes the cost
 * limit is held by the anonymous answer's byte limit (PUBLIC_ANSWER_BYTES). Real server, over HTTP.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

const ALIAS = 'types { name description fields { name description args { name description } type { name description } } }';
const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: __schema { ${ALIAS} }`).join(' ')} }`;
const anonymous = (query: string) => fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });

it("refuses the report's 30 introspection aliases without running them, counting the schema's real number of types", async () => {
  server.resetStatements();
  const response = await anonymous(aliases(30));
  const text = await response.text();
  expect(response.status).toBe(400);
  expect(text.length).toBeLessThan(2_000);
  const body = JSON.parse(text);
  expect(body.data).toBeUndefined();
  expect(body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: LIMITS.cost });
  expect(body.errors[0].extensions.complexity).toBeGreaterThan(LIMITS.cost);
});

it("GraphiQL's schema query still runs without a token; the answer is within the anonymous byte limit", async () => {
  const response = await anonymous(getIntrospectionQuery({ descriptions: true }));
  const text = await response.text();
  expect(response.status).toBe(200);
  expect(JSON.parse(text).data.__schema.types.length).toBeGreaterThan(100);
  expect(Buffer.byteLength(text)).toBeLessThanOrEqual(PUBLIC_ANSWER_BYTES);
});

it('fewer aliases that pass the cost limit are not sent past the byte limit: ANSWER_TOO_LARGE', async () => {
  // The most aliases the cost limit lets through.
  let n = 1;
  while (n < 30) {
    const body = (await (await anonymous(aliases(n + 1))).json()) as { errors?: { extensions?: { code?: string } }[] };
    if (body.errors?.[0]?.extensions?.code === 'QUERY_TOO_COMPLEX') break;
    n++;
  }
  // About 14 aliases, about 2.4 MB built: refused in place of being sent.
  expect(n).toBeGreaterThan(5);
  const response = await anonymous(aliases(n));
  const text = await response.text();
  expect(response.status).toBe(400);
  expect(Buffer.byteLength(text)).toBeLessThan(2_000);
  expect(JSON.parse(text).errors[0].extensions).toMatchObject({ code: 'ANSWER_TOO_LARGE', limit: PUBLIC_ANSWER_BYTES });
});
