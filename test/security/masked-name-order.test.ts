import { createAgency, createCivilServant } from '../support/factories';
import { startTestServer, type Caller, type TestServer } from '../support/test-server';
import { graphql, type ResultOf } from '../support/graphql';

/**
 * Attack: reading the hidden characters of masked names from their order. Lists ordered by the real
 * name put 何*浩 between 何* and 何*建 exactly where the hidden character sorts. The public's lists
 * of civil servants go by id. Through the real server over HTTP.
 */
let server: TestServer;
let agencyId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer();
  agencyId = await createAgency(server, { name: '鄂州市排序测试局' });
  // Registered out of name order, so that id order and name order differ.
  for (const name of ['何佳浩', '何一浩', '何建', '何丁浩', '何三建', '何二浩']) ids[name] = await createCivilServant(server, agencyId, { name });
});
afterAll(() => server.stop());

const PAGE = graphql(`query ($after: String, $a: ID) { civilServants(first: 2, after: $after, filter: { agencyId: $a }) { totalCount edges { node { id name } } pageInfo { endCursor hasNextPage } } }`);

/** The order by real name, as the database sorts it. */
const byName = async () => (await server.sql(`select id from civil_servant where agency_id = '${agencyId}' order by name, id`)).map((r) => r.id);

async function walk(role: Caller['role']): Promise<{ id: string; name: string }[]> {
  const seen: { id: string; name: string }[] = [];
  let after: string | null = null;
  for (;;) {
    const page: ResultOf<typeof PAGE> = await server.ok(PAGE, { after, a: agencyId }, { role });
    seen.push(...page.civilServants.edges.map((e) => e.node));
    if (!page.civilServants.pageInfo.hasNextPage) return seen;
    after = page.civilServants.pageInfo.endCursor;
  }
}

describe("PUBLIC lists of civil servants hint at no hidden character", () => {
  it('civilServants pages through all of them by id for PUBLIC (keyset cursors still work), by name for a CLERK', async () => {
    const asPublic = await walk('PUBLIC');
    const byId = Object.values(ids).sort();
    expect(byId).not.toEqual(await byName()); // else the test would prove nothing (1 chance in 720)
    expect(asPublic.map((s) => s.id)).toEqual(byId);
    expect(new Set(asPublic.map((s) => s.name))).toEqual(new Set(['何*浩', '何*', '何*建']));
    const asClerk = await walk('CLERK');
    expect(asClerk.map((s) => s.id)).toEqual(await byName());
  });

  it("an agency's nested civilServants are in id order for PUBLIC too", async () => {
    const query = graphql(`query ($id: ID!) { agency(id: $id) { civilServants { id name } } }`);
    const asPublic = (await server.ok(query, { id: agencyId }, { role: 'PUBLIC' })).agency!.civilServants;
    expect(asPublic.map((s) => s.id)).toEqual(Object.values(ids).sort());
    const asClerk = (await server.ok(query, { id: agencyId }, { role: 'CLERK' })).agency!.civilServants;
    expect(asClerk.map((s) => s.id)).toEqual(await byName());
  });

  it("a CLERK's cursor is not accepted in PUBLIC's list (another order, another list)", async () => {
    const clerk = await server.ok(PAGE, { after: null, a: agencyId }, { role: 'CLERK' });
    const result = await server.query(PAGE, { after: clerk.civilServants.pageInfo.endCursor, a: agencyId }, { role: 'PUBLIC' });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
