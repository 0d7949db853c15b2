import { ROOT_COUNT_COST } from '../../src/engine/query-cost';
import { createAgency, createRecord } from '../support/factories';
import { serverPerFile } from '../support/server-per-file';

/**
 * hostile7 F5: 60 aliased root pages asking only `totalCount` — `enterprises(first: 1) { totalCount }`
 * — were estimated at about 120 of the 100,000 limit and cost 20–27 times a plain request's CPU:
 * each runs a count over the filtered table. A root page's count is now priced ROOT_COUNT_COST
 * (2,000), so such a request is refused with QUERY_TOO_COMPLEX before any statement runs, however
 * the count is reached (alias, fragment spread, inline fragment); a page with its count, a few
 * counts, and a nested page's count (made by the statement that reads the page) are still served.
 */
const server = serverPerFile();
const aliases = (n: number, body: (i: number) => string) => Array.from({ length: n }, (_, i) => body(i)).join(' ');
const registryReads = (statements: string[]) => statements.filter((s) => /from "(enterprise|civil_servant|agency|credit_record)"/.test(s));

beforeAll(async () => {
  const agency = await createAgency(server);
  await createRecord(server, 'AGENCY', agency);
});

it(`refuses 60 aliases of enterprises(first: 1) { totalCount } (anonymous): priced 60 × ${ROOT_COUNT_COST + 2} = 120,120 (it was 120); no statement runs`, async () => {
  server.resetStatements();
  const result = await server.rawQuery(`{ ${aliases(60, (i) => `a${i}: enterprises(first: 1) { totalCount }`)} }`, undefined, { role: 'PUBLIC' });
  expect(result.status).toBe(400);
  expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX', limit: 100000, complexity: 120120 } });
  expect(result.data).toBeUndefined();
  expect(registryReads(server.statements)).toEqual([]);
});

it('refuses 50 counts of a masked-name search, and counts reached through a fragment spread or an inline fragment', async () => {
  server.resetStatements();
  const search = await server.rawQuery(`{ ${aliases(50, (i) => `s${i}: civilServants(first: 1, filter: { nameContains: "王" }) { totalCount }`)} }`, undefined, { role: 'PUBLIC' });
  expect(search.errors?.[0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX', complexity: 100100 } });
  const spread = await server.rawQuery(`{ ${aliases(50, (i) => `f${i}: enterprises(first: 1) { ...n }`)} } fragment n on EnterpriseConnection { pageInfo { hasNextPage } ... on EnterpriseConnection { totalCount } }`, undefined, { role: 'PUBLIC' });
  expect(spread.errors?.[0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX' } });
  expect(spread.errors?.[0].extensions?.complexity).toBeGreaterThan(100000);
  expect(registryReads(server.statements)).toEqual([]);
});

it('serves a page of 100 with its count, ten counts, and a count on each of 100 nested pages', async () => {
  const page = await server.rawQuery('{ enterprises(first: 100) { totalCount edges { node { id name } } } }', undefined, { role: 'PUBLIC' });
  expect(page.errors).toBeUndefined();
  expect(page.data.enterprises.totalCount).toBeGreaterThanOrEqual(0);
  const ten = await server.rawQuery(`{ ${aliases(10, (i) => `a${i}: agencies(first: 1) { totalCount }`)} }`, undefined, { role: 'PUBLIC' });
  expect(ten.errors).toBeUndefined();
  expect(ten.data.a0.totalCount).toBeGreaterThanOrEqual(1);
  const nested = await server.rawQuery('{ agencies(first: 100) { edges { node { creditRecordsConnection(first: 1) { totalCount } } } } }', undefined, { role: 'CLERK' });
  expect(nested.errors).toBeUndefined();
});
