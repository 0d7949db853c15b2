import { createAgency, createCivilServant, createRecord, uscc } from '../support/factories';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';

/**
 * Every root list (a Relay connection of the Query type) gives totalCount from its page's own
 * statement (src/graphql/page-with-total.ts), as civilServants does (list-page-statements): no COUNT
 * statement of its own, on the first page and past a cursor, and the count is the whole list's.
 */
const server = serverPerFile();

beforeAll(async () => {
  for (let i = 0; i < 3; i++) {
    const agencyId = await createAgency(server, { name: `总数局${i}` });
    const recordId = await createRecord(server, 'AGENCY', agencyId, { documentNumber: `鄂州总〔2025〕${i}号` });
    await server.ok(graphql(`mutation ($u: String!, $n: String!) { createEnterprise(input: { uscc: $u, name: $n }) { id } }`), { u: uscc('91'), n: `鄂州市总数建设有限公司${i}` });
    await server.ok(graphql(`mutation ($a: ID!) { createCommitment(input: { agencyId: $a, kind: DEADLINE, domain: PUBLIC_SERVICE, publiclyDisclosed: true, content: "三十日内办结", publishedOn: "2025-01-01", dueOn: "2025-02-01" }) { id } }`), { a: agencyId });
    await server.ok(graphql(`mutation ($a: ID!, $n: String!) { createCourtCase(input: { agencyId: $a, caseNumber: $n, court: "鄂州市中级人民法院", filedOn: "2025-01-10", kind: ADMINISTRATIVE }) { id } }`), { a: agencyId, n: `(2025)鄂07行初${900 + i}号` });
    await server.ok(graphql(`mutation ($r: ID!) { fileObjection(input: { recordId: $r, filedBy: "本单位", reason: "金额有误", filedOn: "2025-04-01" }) { id } }`), { r: recordId });
    await server.ok(graphql(`mutation ($a: ID!) { evaluate(subject: { type: AGENCY, id: $a }, matter: "HONOUR") { id } }`), { a: agencyId });
    await createCivilServant(server, agencyId);
  }
});

const FIRST = 2;
/** Each root list with the table it pages, read with totalCount: two pages of FIRST. */
const LISTS = [
  { table: 'agency', page: graphql(`query ($after: String) { list: agencies(first: 2, after: $after) { totalCount pageInfo { endCursor } edges { node { id } } } }`) },
  { table: 'enterprise', page: graphql(`query ($after: String) { list: enterprises(first: 2, after: $after) { totalCount pageInfo { endCursor } edges { node { id } } } }`) },
  { table: 'credit_record', page: graphql(`query ($after: String) { list: creditRecords(first: 2, after: $after) { totalCount pageInfo { endCursor } edges { node { id } } } }`) },
  { table: 'commitment', page: graphql(`query ($after: String) { list: commitments(first: 2, after: $after) { totalCount pageInfo { endCursor } edges { node { id } } } }`) },
  { table: 'court_case', page: graphql(`query ($after: String) { list: courtCases(first: 2, after: $after) { totalCount pageInfo { endCursor } edges { node { id } } } }`) },
  { table: 'objection', page: graphql(`query ($after: String) { list: objections(first: 2, after: $after) { totalCount pageInfo { endCursor } edges { node { id } } } }`) },
  { table: 'verdict', page: graphql(`query ($after: String) { list: verdicts(first: 2, after: $after) { totalCount pageInfo { endCursor } edges { node { id } } } }`) },
  { table: 'audit_event', page: graphql(`query ($after: String) { list: auditEvents(first: 2, after: $after) { totalCount pageInfo { endCursor } edges { node { id } } } }`) },
  { table: 'civil_servant', page: graphql(`query ($after: String) { list: civilServants(first: 2, after: $after) { totalCount pageInfo { endCursor } edges { node { id } } } }`) },
];

const rows = async (table: string) => (await server.sql<{ n: number }>(`select count(*)::int as n from ${table}`))[0].n;
/** A COUNT the server sent as a statement of its own, not inside a page's statement. */
const countsApart = (statements: string[]) => statements.filter((s) => /count\(\*\)/i.test(s) && !/__total/.test(s));

it.each(LISTS.map((l) => [l.table, l] as const))('%s: totalCount comes in the page statement, on the first page and past a cursor', async (table, { page }) => {
  const total = await rows(table);
  expect(total).toBeGreaterThan(FIRST);
  server.resetStatements();
  const first = (await server.ok(page, {})).list;
  expect(countsApart(server.statements)).toEqual([]);
  expect(server.statements.filter((s) => /__total/.test(s))).toHaveLength(1);
  expect(first.totalCount).toBe(total);
  expect(first.edges).toHaveLength(FIRST);

  server.resetStatements();
  const second = (await server.ok(page, { after: first.pageInfo.endCursor })).list;
  expect(countsApart(server.statements)).toEqual([]);
  expect(second.totalCount).toBe(total);
  expect(second.edges.map((e) => e.node.id)).not.toContain(first.edges[0].node.id);
});
