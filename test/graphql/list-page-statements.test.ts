import { createAgency, createCivilServant, createRecord } from '../support/factories';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';

/**
 * The list page a front end asks for (bench/list-page.ts, BENCHMARKS.md (g)): civil servants with
 * their agency and their newest records, each record's objections and repairs, read by a clerk — a
 * read of personal records, so it leaves its READ_PERSONAL_DATA audit rows. The target is at most 5
 * SQL statements, counted from the server's query log, whatever the page's size.
 */
const server = serverPerFile();

const PAGE = graphql(`query ($first: Int) { civilServants(first: $first) {
  pageInfo { hasNextPage endCursor }
  edges { node { name agency { name }
    creditRecordsConnection(first: 5) { totalCount edges { node { severity occurredOn objections { status } repairs { status } } } } } } } }`);
const OBJECT = graphql(`mutation ($input: FileObjectionInput!) { fileObjection(input: $input) { id } }`);
const REPAIR = graphql(`mutation ($input: RequestCreditRepairInput!) { requestCreditRepair(input: $input) { id } }`);

beforeAll(async () => {
  for (let a = 0; a < 3; a++) {
    const agencyId = await createAgency(server, { name: `鄂州市测试局${a}` });
    for (let s = 0; s < 4; s++) {
      const servantId = await createCivilServant(server, agencyId, { name: `张测试${'甲乙丙'[a]}${'一二三四'[s]}` });
      for (let r = 0; r < 1 + (s % 3); r++) {
        const recordId = await createRecord(server, 'CIVIL_SERVANT', servantId, { category: 'ADMINISTRATIVE_VIOLATION', occurredOn: `2023-0${r + 1}-01`, recordedOn: `2023-0${r + 1}-20` });
        if (r === 0) await server.ok(OBJECT, { input: { recordId, filedBy: '本人', reason: '事实有误', filedOn: '2023-05-01' } });
        if (r === 1) await server.ok(REPAIR, { input: { recordId, actions: ['ELIMINATED_EFFECT'], description: '主动消除不良影响', appliedOn: '2023-06-01' } });
      }
    }
    // Most servants of a real list have no record (the bench's page: 63 records over 100 servants):
    // their empty pages must not cost a count of their own.
    await createCivilServant(server, agencyId, { name: `张测试${'甲乙丙'[a]}空` });
  }
});

async function page(first: number) {
  const auditBefore = (await server.sql<{ n: number }>(`select count(*)::int as n from audit_event where action = 'READ_PERSONAL_DATA'`))[0].n;
  server.resetStatements();
  const data = await server.ok(PAGE, { first }, { role: 'CLERK' });
  const statements = [...server.statements];
  const audited = (await server.sql<{ n: number }>(`select count(*)::int as n from audit_event where action = 'READ_PERSONAL_DATA'`))[0].n - auditBefore;
  return { data, statements, audited };
}

it('a clerk reads 100 civil servants with agency, newest records, objections and repairs in at most 5 statements, the audit rows included', async () => {
  const { data, statements, audited } = await page(100);
  if (process.env.SHOW) console.log(statements.map((s) => s.slice(0, 400)).join('\n'));
  const edges = data.civilServants.edges;
  expect(edges).toHaveLength(15);
  const records = edges.flatMap((e) => e.node.creditRecordsConnection.edges.map((r) => r.node));
  expect(records).toHaveLength(3 * (1 + 2 + 3 + 1));
  expect(records.filter((r) => r.objections.length === 1)).toHaveLength(12);
  expect(records.filter((r) => r.repairs.length === 1)).toHaveLength(3 * 2);
  expect(edges.every((e) => e.node.agency.name.startsWith('鄂州市测试局'))).toBe(true);
  // Every servant whose records were read is in the audit trail, an empty file too: one event per person.
  expect(audited).toBe(15);
  expect(statements.length).toBeLessThanOrEqual(5);
  // The same for a page of 2: the statements do not grow with the page.
  expect((await page(2)).statements.length).toBe(statements.length);
});

const COUNTED = graphql(`query ($first: Int, $after: String, $filter: CivilServantFilter) { civilServants(first: $first, after: $after, filter: $filter) { totalCount
  pageInfo { hasNextPage endCursor }
  edges { node { name agency { id name }
    creditRecordsConnection(first: 5) { totalCount edges { node { severity occurredOn objections { status } repairs { status } } } } } } } }`);

it('carries totalCount in the page statement: the page asking it costs no more statements than the page without it', async () => {
  const plain = await page(100);
  server.resetStatements();
  const counted = await server.ok(COUNTED, { first: 100 }, { role: 'CLERK' });
  const statements = [...server.statements];
  if (process.env.SHOW) console.log(statements.map((s) => s.slice(0, 600)).join('\n'));
  expect(counted.civilServants.totalCount).toBe(15);
  expect(counted.civilServants.edges.map((e) => e.node.name)).toEqual(plain.data.civilServants.edges.map((e) => e.node.name));
  expect(statements.filter((s) => /select count\(\*\)/i.test(s) && !/__total/.test(s))).toEqual([]);
  expect(statements.length).toBe(plain.statements.length);
  expect(statements.length).toBeLessThanOrEqual(5);
});

it('counts the whole list on every page and under a filter, not only the rows past the cursor', async () => {
  const first = await server.ok(COUNTED, { first: 5 }, { role: 'CLERK' });
  expect(first.civilServants.totalCount).toBe(15);
  const second = await server.ok(COUNTED, { first: 5, after: first.civilServants.pageInfo.endCursor }, { role: 'CLERK' });
  expect(second.civilServants.totalCount).toBe(15);
  expect(second.civilServants.edges).toHaveLength(5);
  const last = await server.ok(COUNTED, { first: 5, after: second.civilServants.pageInfo.endCursor }, { role: 'CLERK' });
  expect(last.civilServants).toMatchObject({ totalCount: 15, pageInfo: { hasNextPage: false } });
  expect(last.civilServants.edges).toHaveLength(5);
  // Past the last row: no row carries the count, so it is counted apart, and still right.
  const beyond = await server.ok(COUNTED, { first: 5, after: last.civilServants.pageInfo.endCursor }, { role: 'CLERK' });
  expect(beyond.civilServants).toMatchObject({ totalCount: 15, edges: [] });
  const agencyId = first.civilServants.edges[0].node.agency.id;
  const filtered = await server.ok(COUNTED, { first: 2, filter: { agencyId } }, { role: 'CLERK' });
  expect(filtered.civilServants.totalCount).toBe(5);
  expect(filtered.civilServants.edges).toHaveLength(2);
  const none = await server.ok(COUNTED, { first: 2, filter: { nameContains: '不存在的名字' } }, { role: 'CLERK' });
  expect(none.civilServants).toMatchObject({ totalCount: 0, edges: [] });
  // The public sees masked names and counts masked-name matches, the same way.
  const masked = await server.ok(graphql(`query { civilServants(first: 1, filter: { nameContains: "张*" }) { totalCount edges { node { name } } } }`), {}, { role: 'PUBLIC' });
  expect(masked.civilServants.totalCount).toBe(15);
});
