import { NESTED_COUNT_COST } from '../../src/engine/query-cost';
import { createAgency, createRecord } from '../support/factories';
import { serverPerFile } from '../support/server-per-file';

/**
 * sec10a item 2: a nested page's `totalCount` was priced as a plain field (1), yet it counts every
 * item of its parent's list — `(select count(*) … where parent = ?)` in the page's statement, once
 * per parent, through the list's index, where the page reads at most `first` + 1. 25 aliases of
 * `creditRecordsConnection(first: 1) { totalCount }` on a page of 100 agencies were estimated at
 * 5,201 of the 100,000 limit and served to anyone. Now each nested count costs NESTED_COUNT_COST
 * (a full page, 100) per parent, so that request is priced 255,201 and refused before any statement
 * runs; the same page without the count, and one count per list per parent, are still served.
 */
const server = serverPerFile();
const aliases = (n: number, body: (i: number) => string) => Array.from({ length: n }, (_, i) => body(i)).join(' ');
const registryReads = (statements: string[]) => statements.filter((s) => /from "(agency|credit_record|civil_servant|commitment|court_case)"/.test(s));
const rows = async () => (await server.sql(`select (select count(*)::int from audit_event) as audit, (select count(*)::int from credit_record) as records`))[0];

beforeAll(async () => {
  for (let i = 0; i < 3; i++) {
    const agency = await createAgency(server);
    await createRecord(server, 'AGENCY', agency);
  }
});

it(`refuses 25 aliases of a nested count on a page of 100 agencies (anonymous): priced 100 × 25 × (${NESTED_COUNT_COST} + 2) + 201 = 255,201 (it was 5,201); nothing runs`, async () => {
  const before = await rows();
  server.resetStatements();
  const result = await server.rawQuery(`{ agencies(first: 100) { edges { node { ${aliases(25, (i) => `a${i}: creditRecordsConnection(first: 1) { totalCount }`)} } } } }`, undefined, { role: 'PUBLIC' });
  expect(result.status).toBe(400);
  expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX', limit: 100000, complexity: 255201 } });
  expect(result.data).toBeUndefined();
  expect(registryReads(server.statements)).toEqual([]);
  expect(await rows()).toEqual(before);
});

it('prices a count reached through a fragment spread or an inline fragment the same way', async () => {
  server.resetStatements();
  const spread = await server.rawQuery(
    `{ agencies(first: 100) { edges { node { ${aliases(25, (i) => `a${i}: creditRecordsConnection(first: 1) { ...c }`)} } } } } fragment c on CreditRecordConnection { pageInfo { hasNextPage } ... on CreditRecordConnection { totalCount } }`,
    undefined,
    { role: 'PUBLIC' },
  );
  expect(spread.errors?.[0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX' } });
  expect(spread.errors?.[0].extensions?.complexity).toBeGreaterThan(250000);
  expect(registryReads(server.statements)).toEqual([]);
});

it('serves the same page without the counts, and one count of each nested list on every agency of a page of 100', async () => {
  const pages = await server.rawQuery(`{ agencies(first: 100) { edges { node { ${aliases(25, (i) => `a${i}: creditRecordsConnection(first: 1) { edges { cursor } }`)} } } } }`, undefined, { role: 'PUBLIC' });
  expect(pages.errors).toBeUndefined();
  // Four counts per agency, 400 at most: priced about 41,000, within the limit.
  const counts = await server.rawQuery('{ agencies(first: 100) { edges { node { civilServantsConnection(first: 1) { totalCount } creditRecordsConnection(first: 1) { totalCount } commitmentsConnection(first: 1) { totalCount } courtCasesConnection(first: 1) { totalCount } } } } }', undefined, { role: 'CLERK' });
  expect(counts.errors).toBeUndefined();
  expect(counts.data.agencies.edges.filter(({ node }: any) => node.creditRecordsConnection.totalCount === 1)).toHaveLength(3);
});
