import { createAgency, createCivilServant } from '../support/factories';
import { startTestServer, type TestServer } from '../support/test-server';
import { graphql } from '../support/graphql';

/**
 * Nested plain lists used to be estimated at five items each while real agencies hold hundreds of
 * civil servants; explanations were counted as one field each. These are the hostile tester's
 * queries: each is refused before any resolver runs, and a plain list longer than its cap says so.
 */
let server: TestServer;
let agencyId: string;
beforeAll(async () => {
  server = await startTestServer();
  agencyId = await createAgency(server);
  const servant = await createCivilServant(server, agencyId);
  await server.query(graphql(`mutation ($id: ID!) { evaluate(subject: { type: CIVIL_SERVANT, id: $id }, matter: "PROMOTION") { id } }`), { id: servant });
});
afterAll(() => server?.stop());

async function rowCounts() {
  const [row] = await server.sql('select (select count(*) from audit_event)::int as audit, (select count(*) from verdict)::int as verdicts, (select count(*) from civil_servant)::int as servants');
  return row;
}

const aliases = (n: number, body: (i: number) => string) => Array.from({ length: n }, (_, i) => body(i)).join(' ');

it('refuses sixteen aliases of servants → agency → servants under a page of 100 agencies (anonymous)', async () => {
  const before = await rowCounts();
  const query = `{ agencies(first: 100) { edges { node { ${aliases(16, (i) => `a${i}: civilServants { agency { civilServants { agency { name } } } }`)} } } } }`;
  const result = await server.rawQuery(query, undefined, { role: 'PUBLIC' });
  expect(result.status).toBe(400);
  expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX', limit: 100000 } });
  expect(result.data).toBeUndefined();
  expect(await rowCounts()).toEqual(before);
  // One such nesting under a page of 100 agencies is refused too: 100 × 100 × 100 servants.
  const one = await server.query(graphql(`{ agencies(first: 100) { edges { node { civilServants { agency { civilServants { post } } } } } } }`), undefined, { role: 'PUBLIC' });
  expect(one.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
});

it('refuses twelve aliases of a page of 100 verdicts with explanations and two summaries, writing no audit row', async () => {
  const before = await rowCounts();
  const query = `{ ${aliases(12, (i) => `a${i}: verdicts(first: 100) { edges { node { stale explanation { zh: summary(locale: "zh") en: summary(locale: "en") facts rules { evidence } } } } }`)} }`;
  const result = await server.rawQuery(query, undefined, { role: 'INSPECTOR' });
  expect(result.status).toBe(400);
  expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX' } });
  expect(await rowCounts()).toEqual(before);
  // One page of them is an ordinary screen and runs.
  const page = await server.query(graphql(`{ verdicts(first: 100) { edges { node { stale explanation { summary(locale: "zh") facts rules { evidence } } } } } }`), undefined, { role: 'INSPECTOR' });
  expect(page.errors).toBeUndefined();
});

it('refuses a plain list longer than its cap with LIST_TOO_LONG naming the paged field; the paged field reads them all', async () => {
  const big = await createAgency(server);
  await server.sql(
    `insert into civil_servant (id, id_card_number, name, agency_id, post, rank)
     select gen_random_uuid(), '8' || lpad(n::text, 17, '0'), '王测试', '${big}', '科员', '一级科员' from generate_series(1, 101) n`,
  );
  const before = await rowCounts();
  const result = await server.query(graphql(`query ($id: ID!) { agency(id: $id) { name civilServants { post } } }`), { id: big }, { role: 'CLERK' });
  expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'LIST_TOO_LONG', field: 'Agency.civilServants', limit: 100, found: 101 }, message: expect.stringContaining('civilServantsConnection') });
  expect(result.data?.agency).toBeNull();
  expect(await rowCounts()).toEqual(before);
  const paged = await server.query(graphql(`query ($id: ID!) { agency(id: $id) { civilServantsConnection(first: 100) { totalCount edges { node { post } } } } }`), { id: big }, { role: 'CLERK' });
  expect(paged.errors).toBeUndefined();
  expect(paged.data!.agency!.civilServantsConnection).toMatchObject({ totalCount: 101 });
  expect(paged.data!.agency!.civilServantsConnection.edges).toHaveLength(100);
});
