import { createAgency } from '../support/factories';
import { startTestServer, type Caller, type TestServer } from '../support/test-server';
import { graphql } from '../support/graphql';

/**
 * hostile4 L2: a filter revealed a withheld field. The public reads `breachFindingPending` as null on
 * every commitment "so that null tells nothing", yet `commitments(filter: { breachFindingPending: true })`
 * listed exactly the breaches with no finding. A filter on a field the role does not read whole
 * (FIELD_READERS) is now refused to that role — UNAUTHENTICATED for the public, naming the filter
 * field and the roles that may — whatever its value, and nothing is listed or written.
 */
let server: TestServer;
let pendingId: string;
const CLERK: Caller = { role: 'CLERK', sub: 'li.clerk' };
const PUBLIC: Caller = { role: 'PUBLIC' };

const LIST = graphql(`query ($pending: Boolean) { commitments(first: 100, filter: { breachFindingPending: $pending }) { totalCount edges { node { id breachFindingPending } } } }`);
const audit = async () => (await server.sql('select count(*)::int as n from audit_event'))[0].n as number;

beforeAll(async () => {
  server = await startTestServer();
  const agencyId = await createAgency(server, { name: '鄂州市筛选测试局' });
  const create = graphql(`mutation ($input: CreateCommitmentInput!) { createCommitment(input: $input) { id } }`);
  const input = { agencyId, kind: 'DEADLINE', domain: 'PUBLIC_SERVICE', publiclyDisclosed: true, publishedOn: '2025-01-01', dueOn: '2025-03-01' } as const;
  pendingId = (await server.ok(create, { input: { ...input, content: '30个工作日内办结企业投诉' } }, CLERK)).createCommitment.id;
  await server.ok(create, { input: { ...input, content: '按期完成道路修缮' } }, CLERK);
  // A breach with no finding recorded, as a legacy row holds it.
  await server.sql("update commitment set status = 'BREACHED', breach_finding = null, settled_on = '2025-03-02' where id = ?", [pendingId]);
});
afterAll(() => server.stop());

it.each([[true], [false]])('PUBLIC filtering by breachFindingPending: %s is refused (UNAUTHENTICATED, naming the filter field) and lists nothing', async (pending) => {
  const before = await audit();
  const result = await server.query(LIST, { pending }, PUBLIC);
  expect(result.data ?? null).toBeNull();
  expect(result.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', field: 'filter.breachFindingPending' });
  expect(result.errors?.[0].message).toMatch(/Commitment\.breachFindingPending is withheld from the PUBLIC role.*only CLERK, OFFICER, INSPECTOR, ADMIN, DISPLAY may filter by it/);
  expect(JSON.stringify(result)).not.toContain(pendingId);
  expect(await audit()).toBe(before);
});

it('PUBLIC without the filter lists every commitment, each with breachFindingPending null', async () => {
  const { commitments } = await server.ok(LIST, {}, PUBLIC);
  expect(commitments.totalCount).toBe(2);
  expect(commitments.edges.map((e) => e.node.breachFindingPending)).toEqual([null, null]);
});

it('a role that reads the field filters by it', async () => {
  const { commitments } = await server.ok(LIST, { pending: true }, CLERK);
  expect(commitments.edges.map((e) => e.node)).toEqual([{ id: pendingId, breachFindingPending: true }]);
  const display = await server.ok(LIST, { pending: true }, { role: 'DISPLAY', sub: 'hall.screen' });
  expect(display.commitments.totalCount).toBe(1);
});
