import { creditFacts } from '../../src/domain/credit-facts';
import { createRecord, uscc } from '../support/factories';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';

/**
 * hostile17 F2: a 645-byte request without a token — a page of 100 records of one enterprise, on
 * each record's `subject … on Enterprise` 9 aliases of `credit(asOf)` — computed the same
 * enterprise's credit facts 900 times (1.1 CPU-s, /healthz held 1–2 s, +450 MB). The anonymous row
 * limit did not price facts fields, and nothing shared a computation between parents and aliases.
 * Now the public's request is refused before any statement (QUERY_TOO_COMPLEX with `rows`), and a
 * signed-in caller's same request computes each distinct (subject, day, arguments) once.
 */
// Counts the computations: the server runs in this process, on this module registry.
jest.mock('../../src/domain/credit-facts', () => {
  const actual = jest.requireActual('../../src/domain/credit-facts');
  return { ...actual, creditFacts: jest.fn(actual.creditFacts) };
});
const computed = creditFacts as jest.MockedFunction<typeof creditFacts>;
const server = serverPerFile();
const CREATE_ENTERPRISE = graphql(`mutation ($u: String!) { createEnterprise(input: { uscc: $u, name: "鄂州市重复计算建设有限公司" }) { id } }`);
const RECORDS = 30;
const DAYS = Array.from({ length: 9 }, (_, i) => `20${25 - i}-01-01T00:00:00Z`);
const nineAliases = DAYS.map((day, i) => `c${i}: credit(asOf: "${day}") { dishonest }`).join(' ');
const attack = (eid: string, first: number) => `{ creditRecords(first: ${first}, filter: { subjectId: "${eid}" }) { edges { node { subject { ... on Enterprise { ${nineAliases} } } } } } }`;
const recordStatements = (statements: string[]) => statements.filter((s) => /"credit_record"/.test(s));

let enterpriseId: string;
beforeAll(async () => {
  enterpriseId = (await server.ok(CREATE_ENTERPRISE, { u: uscc('91') })).createEnterprise.id;
  for (let i = 0; i < RECORDS; i++) {
    await createRecord(server, 'ENTERPRISE', enterpriseId, { occurredOn: '2016-03-01', recordedOn: '2016-03-20', disclosureEndsOn: '2029-12-31' });
  }
});
beforeEach(() => computed.mockClear());

it('refuses the 645-byte anonymous request (100 records × 9 aliases of credit) before any statement, naming the row limit', async () => {
  server.resetStatements();
  const result = await server.rawQuery(attack(enterpriseId, 100), undefined, { role: 'PUBLIC' });
  expect(result.status).toBe(400);
  // 100 rows × (20 for the record + 9 × 260 for its subject's credit) = 236,000 of 10,000.
  expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX', limit: 10000, rows: 236000 } });
  expect(result.errors?.[0].message).toMatch(/facts field/);
  expect(result.data).toBeUndefined();
  expect(recordStatements(server.statements)).toEqual([]);
  expect(computed).not.toHaveBeenCalled();
});

it('computes the credit facts once per distinct day for a signed-in caller: 9 computations, not 30 records × 9 aliases', async () => {
  const result = await server.rawQuery(attack(enterpriseId, 100), undefined, { role: 'CLERK' });
  expect(result.errors).toBeUndefined();
  const edges = result.data.creditRecords.edges as { node: { subject: Record<string, { dishonest: number }> } }[];
  expect(edges).toHaveLength(RECORDS);
  // Every parent reads the same answers: the 2016 records count on the later days.
  for (const { node } of edges) expect(node.subject).toEqual(edges[0].node.subject);
  expect(edges[0].node.subject.c0.dishonest).toBe(RECORDS);
  expect(computed).toHaveBeenCalledTimes(DAYS.length);
});

it('still serves the public a page of 30 records with their subject\'s credit, computed once', async () => {
  const result = await server.rawQuery(`{ creditRecords(first: 30, filter: { subjectId: "${enterpriseId}" }) { edges { node { subject { ... on Enterprise { credit(asOf: "2025-01-01T00:00:00Z") { dishonest } } } } } } }`, undefined, { role: 'PUBLIC' });
  expect(result.errors).toBeUndefined();
  expect(result.data.creditRecords.edges).toHaveLength(RECORDS);
  expect(computed).toHaveBeenCalledTimes(1);
});

it("prices a facts field under a nested list for each of its items: one agency's 100 children's credit is refused without a token", async () => {
  server.resetStatements();
  const result = await server.rawQuery(`{ agencies(first: 1) { edges { node { children { credit(asOf: "2025-01-01T00:00:00Z") { dishonest } } } } } }`, undefined, { role: 'PUBLIC' });
  // 1 agency × (30 + 100 children × 260): each child computes its own facts.
  expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX', limit: 10000, rows: 26030 } });
  expect(recordStatements(server.statements)).toEqual([]);
});
