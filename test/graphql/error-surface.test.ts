import { startTestServer, token, type TestServer } from '../support/test-server';
import { graphql } from '../support/graphql';

describe('in development', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ nodeEnv: 'development' });
  });
  afterAll(() => server.stop());

  it('a query that does not parse gets a 400 with GRAPHQL_PARSE_FAILED', async () => {
    const result = await server.rawQuery('{ agencies(first: 5) { totalCount ');
    expect(result.status).toBe(400);
    expect(result.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('a variable of the wrong type gets a 400 with BAD_USER_INPUT naming the variable', async () => {
    const result = await server.rawQuery('query ($first: Int) { agencies(first: $first) { totalCount } }', { first: 'five' });
    expect(result.status).toBe(400);
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('$first') });
  });

  // Signed in: without a token the limit is 64 KB (test/security/withheld-gzip-body.test.ts).
  it('a signed-in body over 1 MB gets a 413 in the GraphQL error shape', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await token('DISPLAY', 'error-surface.display')}` },
      body: JSON.stringify({ query: `{ agencies { totalCount } } # ${'x'.repeat(1_100_000)}` }),
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as any).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('an unknown field gets GRAPHQL_VALIDATION_FAILED with a suggestion', async () => {
    const result = await server.rawQuery('{ agencies { totalCont } }');
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' }, message: expect.stringContaining('totalCount') });
  });

  it('a body that is not JSON gets a 400, not a crash', async () => {
    const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [{ message: expect.stringContaining('not valid JSON'), extensions: { code: 'BAD_REQUEST' } }],
    });
    const again = await server.ok(graphql(`{ agencies { totalCount } }`));
    expect(again.agencies.totalCount).toBe(0);
  });
});

describe('in production', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ nodeEnv: 'production' });
  });
  afterAll(() => server.stop());

  it('errors carry codes but no stack traces', async () => {
    const result = await server.query(graphql(`{ agency(id: "00000000-0000-4000-8000-000000000000") { id } }`));
    expect(result.errors?.[0].extensions).toEqual({ code: 'NOT_FOUND', field: 'id', id: '00000000-0000-4000-8000-000000000000' });
  });

  it('introspection is off', async () => {
    const result = await server.query(graphql(`{ __schema { types { name } } }`));
    expect(result.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
