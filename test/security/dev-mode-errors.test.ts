import { createAgency, createCivilServant, createRecord } from '../support/factories';
import { startTestServer, type TestServer } from '../support/test-server';
import { graphql } from '../support/graphql';

/**
 * A development server (NODE_ENV=development, the default) sent stack traces with its errors, and
 * the stack of "exists but hidden" differed from "does not exist": an id oracle. No mode sends them.
 */
let server: TestServer;
let recordId: string;
const UNKNOWN = '00000000-0000-4000-8000-000000000000';
/** The whole error with ids taken out: what would tell an existing id from an unknown one. */
const shape = (errors: unknown) => JSON.stringify(errors).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '…');

beforeAll(async () => {
  server = await startTestServer({ nodeEnv: 'development' });
  const servantId = await createCivilServant(server, await createAgency(server));
  recordId = await createRecord(server, 'CIVIL_SERVANT', servantId, { occurredOn: '2025-03-01', recordedOn: '2025-03-20' });
});
afterAll(() => server?.stop());

it("a development server answers a hidden record and an unknown id alike, with no stack trace, and writes nothing", async () => {
  const [before] = await server.sql('select count(*)::int as n from audit_event');
  const query = 'query ($id: ID!) { creditRecord(id: $id) { id summary } }';
  const hidden = await server.rawQuery(query, { id: recordId }, { role: 'PUBLIC' });
  const unknown = await server.rawQuery(query, { id: UNKNOWN }, { role: 'PUBLIC' });
  expect(hidden.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  expect(shape(hidden.errors)).toBe(shape(unknown.errors));
  expect(hidden.status).toBe(unknown.status);
  for (const result of [hidden, unknown]) expect(JSON.stringify(result.errors)).not.toMatch(/stacktrace|node_modules|\.ts:\d+/);
  const [after] = await server.sql('select count(*)::int as n from audit_event');
  expect(after).toEqual(before);
});

it('a development server sends no stack trace with a validation or input error either', async () => {
  const bad = await server.rawQuery('{ agencies(first: "x") { totalCount } }', undefined, { role: 'PUBLIC' });
  const input = await server.query(graphql(`{ agencies(first: -1) { totalCount } }`), undefined, { role: 'PUBLIC' });
  for (const result of [bad, input]) {
    expect(result.errors?.[0].extensions?.code).toBeDefined();
    expect(result.errors?.[0].extensions?.stacktrace).toBeUndefined();
  }
});
