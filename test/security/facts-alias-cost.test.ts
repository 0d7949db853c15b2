import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createAgency, createRecord } from '../support/factories';
import { serverPerFile } from '../support/server-per-file';

/**
 * The facts fields (credit, listings, commitmentFacts, courtFacts) load a subject's rows and compute
 * over all of them, once per alias; they were priced 1 each, their lists five items. The hostile
 * tester's alias floods over a page of agencies were served at a price of a few thousand. Each must
 * be refused with QUERY_TOO_COMPLEX before anything is read, while one subject's whole facts query
 * (the shipped rules/facts/agency.graphql) is still served.
 */
const server = serverPerFile();
const ASOF = '"2025-06-01T04:00:00Z"';
const aliases = (n: number, body: (i: number) => string) => Array.from({ length: n }, (_, i) => body(i)).join(' ');
const facts = (statements: string[]) => statements.filter((s) => /"credit_record"|"commitment"|"court_case"|"list_membership"/.test(s));

let agencyId: string;
beforeAll(async () => {
  agencyId = await createAgency(server);
  await createRecord(server, 'AGENCY', agencyId);
});

it('refuses 60 aliases of credit { dishonest } over a page of 100 agencies (anonymous): priced 606,201 (it was about 12,000); nothing is read', async () => {
  server.resetStatements();
  const result = await server.rawQuery(`{ agencies(first: 100) { edges { node { ${aliases(60, (i) => `a${i}: credit(asOf: ${ASOF}) { dishonest }`)} } } } }`, undefined, { role: 'PUBLIC' });
  expect(result.status).toBe(400);
  expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX', limit: 100000, complexity: 606201 } });
  expect(result.data).toBeUndefined();
  expect(facts(server.statements)).toEqual([]);
});

it("refuses 20 aliases of each facts field with their lists over a page of 20 agencies: their records are priced at the cap of the agency's records", async () => {
  const each = (i: number) =>
    `c${i}: credit(asOf: ${ASOF}) { records { id documentNumber } notCounted { id } } ` +
    `m${i}: commitmentFacts(asOf: ${ASOF}) { breachedCommitments { id } } ` +
    `k${i}: courtFacts(asOf: ${ASOF}) { cases { id } } ` +
    `l${i}: listings(asOf: ${ASOF}) { memberships { id } }`;
  server.resetStatements();
  const result = await server.rawQuery(`{ agencies(first: 20) { edges { node { ${aliases(10, each)} } } } }`, undefined, { role: 'CLERK' });
  expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX' } });
  expect(result.errors?.[0].extensions?.complexity).toBeGreaterThan(100000);
  expect(facts(server.statements)).toEqual([]);
});

it("serves one subject's whole shipped facts query, a page of 100 agencies' counts to a token and of 30 without one", async () => {
  const query = readFileSync(path.resolve(__dirname, '../../rules/facts/agency.graphql'), 'utf8');
  const one = await server.rawQuery(query, { id: agencyId, asOf: '2025-06-01T04:00:00Z' }, { role: 'CLERK' });
  expect(one.errors).toBeUndefined();
  expect(one.data.subject.credit.dishonest).toBe(1);
  const page = (first: number) => `{ agencies(first: ${first}) { edges { node { credit(asOf: ${ASOF}) { dishonest unrepaired } } } } }`;
  expect((await server.rawQuery(page(100), undefined, { role: 'CLERK' })).errors).toBeUndefined();
  expect((await server.rawQuery(page(30), undefined, { role: 'PUBLIC' })).errors).toBeUndefined();
  // Without a token each agency's credit is priced in the row limit at what computing it over 100
  // records costs (260): 100 × (30 + 260) is more than 10,000 (hostile17 F2).
  const refused = await server.rawQuery(page(100), undefined, { role: 'PUBLIC' });
  expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX', limit: 10000, rows: 29000 } });
});
