import { createAgency, createCivilServant, createRecord, uscc } from '../support/factories';
import { startTestServer, type Caller, type TestServer } from '../support/test-server';
import { graphql, type ResultOf } from '../support/graphql';

/**
 * Issue 16, item 13: nested lists that grow have a paged sibling (`creditRecordsConnection`,
 * `civilServantsConnection`, …) with the same items, order and visibility as the plain list.
 */
let server: TestServer;
let enterpriseId: string;
let agencyId: string;
let otherAgencyId: string;
let revokedId: string;

const RECORDS = graphql(`query ($id: ID!, $first: Int, $after: String) { enterprise(id: $id) {
  creditRecords { id }
  creditRecordsConnection(first: $first, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { id occurredOn } } }
} }`);

beforeAll(async () => {
  server = await startTestServer();
  const created = await server.ok(graphql(`mutation ($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { id } }`), { input: { uscc: uscc('91'), name: '鄂州市分页测试有限公司' } });
  enterpriseId = created.createEnterprise.id;
  for (const day of ['2025-01-05', '2025-02-05', '2025-03-05', '2025-03-05']) {
    await createRecord(server, 'ENTERPRISE', enterpriseId, { occurredOn: day, recordedOn: '2025-04-01' });
  }
  revokedId = await createRecord(server, 'ENTERPRISE', enterpriseId, { occurredOn: '2025-04-05', recordedOn: '2025-04-06' });
  const filed = await server.ok(graphql(`mutation ($input: FileObjectionInput!) { fileObjection(input: $input) { id } }`), { input: { recordId: revokedId, filedBy: '企业', reason: '认定错误', filedOn: '2025-04-10' } });
  const resolved = await server.query(graphql(`mutation ($input: ResolveObjectionInput!) { resolveObjection(input: $input) { id } }`), {
    input: { objectionId: filed.fileObjection.id, decision: 'UPHELD', remedy: 'REVOKE', resolution: '撤销', resolvedOn: '2025-04-20' },
  });
  if (resolved.errors) throw new Error(JSON.stringify(resolved.errors));
  agencyId = await createAgency(server, { name: '鄂州市分页局' });
  for (const name of ['丁一', '王二', '张三']) await createCivilServant(server, agencyId, { name });
  otherAgencyId = await createAgency(server, { name: '鄂州市另一局' });
  await createCivilServant(server, otherAgencyId, { name: '李四' });
});
afterAll(() => server.stop());

async function allPages(first: number, role: Caller['role'] = 'CLERK') {
  const ids: string[] = [];
  let after: string | null = null;
  let plain: string[] = [];
  const totals: number[] = [];
  for (let i = 0; i < 10; i++) {
    const result: ResultOf<typeof RECORDS> = await server.ok(RECORDS, { id: enterpriseId, first, after }, { role });
    const page = result.enterprise!.creditRecordsConnection;
    plain = result.enterprise!.creditRecords.map((r) => r.id);
    totals.push(page.totalCount);
    expect(page.pageInfo.hasPreviousPage).toBe(after != null);
    ids.push(...page.edges.map((e) => e.node.id));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return { ids, plain, totals };
}

describe('a subject’s records, a page at a time', () => {
  it('pages of 2 give every record once, in the order of the plain list (ties on the day broken by id), with the total on each page', async () => {
    const { ids, plain, totals } = await allPages(2);
    expect(ids).toEqual(plain);
    expect(ids).toHaveLength(5);
    expect(totals).toEqual([5, 5, 5]);
  });

  it('the public pages through the publicly disclosed records only: the revoked one is neither listed nor counted', async () => {
    const { ids, plain, totals } = await allPages(3, 'PUBLIC');
    expect(ids).toEqual(plain);
    expect(ids).not.toContain(revokedId);
    expect(ids).toHaveLength(4);
    expect(totals).toEqual([4, 4]);
  });

  it('refuses a page larger than 100 as BAD_USER_INPUT on first', async () => {
    const result = await server.query(RECORDS, { id: enterpriseId, first: 101 });
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.data?.enterprise ?? null).toBeNull();
  });
});

describe('an agency’s civil servants, a page at a time', () => {
  const SERVANTS = graphql(`query ($id: ID!, $after: String) { agency(id: $id) { civilServantsConnection(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { name } } } } }`);

  it('pages by name and says when more follow', async () => {
    const first = (await server.ok(SERVANTS, { id: agencyId })).agency!.civilServantsConnection;
    expect(first.edges.map((e) => e.node.name)).toEqual(['丁一', '张三']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(first.totalCount).toBe(3);
    const second = (await server.ok(SERVANTS, { id: agencyId, after: first.pageInfo.endCursor })).agency!.civilServantsConnection;
    expect(second.edges.map((e) => e.node.name)).toEqual(['王二']);
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect(second.totalCount).toBe(3);
  });

  it('refuses a cursor of another agency’s list as BAD_USER_INPUT on after', async () => {
    const first = (await server.ok(SERVANTS, { id: agencyId })).agency!.civilServantsConnection;
    const result = await server.query(SERVANTS, { id: otherAgencyId, after: first.pageInfo.endCursor });
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].extensions?.field).toBe('after');
  });

  it('the public gets masked names, as in the plain list', async () => {
    const page = (await server.ok(SERVANTS, { id: agencyId }, { role: 'PUBLIC' })).agency!.civilServantsConnection;
    const plain = (await server.ok(graphql(`query ($id: ID!) { agency(id: $id) { civilServants { name } } }`), { id: agencyId }, { role: 'PUBLIC' })).agency!.civilServants.map((c) => c.name);
    expect(page.edges.map((e) => e.node.name)).toEqual(plain.slice(0, 2));
    expect(page.edges.every((e) => /^.\*$/.test(e.node.name))).toBe(true);
    expect(page.totalCount).toBe(3);
  });
});
