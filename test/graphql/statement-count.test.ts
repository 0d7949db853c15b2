import { createAgency, createCivilServant, createRecord } from '../support/factories';
import { startTestServer, type TestServer } from '../support/test-server';
import { graphql } from '../support/graphql';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  const parent = await createAgency(server, { name: '上级机关' });
  for (let i = 0; i < 30; i++) {
    const agencyId = await createAgency(server, { name: `机关${String(i).padStart(2, '0')}`, parentId: parent });
    await createRecord(server, 'AGENCY', agencyId);
    const servantId = await createCivilServant(server, agencyId);
    await createRecord(server, 'CIVIL_SERVANT', servantId);
  }
});
afterAll(() => server.stop());

/**
 * Every plain nested list the API has, each batched. Split over three pages so that a page of 100
 * stays under the cost limit, which counts each plain list at its cap (src/engine/query-cost.ts):
 * records with their history under a page of 100 agencies would count 100 × 100 × 50.
 */
const PAGE = graphql(`query ($first: Int) {
  agencies(first: $first) { totalCount edges { node { name parent { name } children { name } commitments { status } courtCases { caseNumber }
    creditRecords { severity subject { __typename } } } } }
  creditRecords(first: $first) { edges { node { severity history { action } objections { status } repairs { status } } } }
  civilServants(first: $first) { edges { node { name agency { name } creditRecords { severity } } } }
}`);

async function statementsFor(first: number): Promise<number> {
  server.resetStatements();
  const result = await server.query(PAGE, { first });
  expect(result.errors).toBeUndefined();
  expect(result.data!.agencies.edges).toHaveLength(Math.min(first, 31));
  if (process.env.SHOW) console.log(first, server.statements.map((x) => x.slice(0, 90)).join('\n'));
  return server.statements.length;
}

describe('a list page with nested records', () => {
  it('costs the same number of SQL statements for 5 agencies as for 31: nested fields are loaded in batches', async () => {
    const small = await statementsFor(5);
    const large = await statementsFor(100);
    expect(small).toBeGreaterThanOrEqual(3); // the counter really counts: at least page, count and one batch
    // Not always equal: with three root pages, agencies by id may be asked for in one tick or two.
    expect(large).toBeLessThanOrEqual(small);
    // three pages + count + one batch per nested field (parent, children, commitments, court cases,
    // records, their history, objections, repairs and subjects, civil servants' agency and records),
    // and the read audit of the civil servants' records read (begin, one batched insert, commit)
    expect(large).toBeLessThanOrEqual(18);
  });
});

const PAGED = graphql(`query ($first: Int) { agencies(first: $first) {
  edges { node { name
    civilServantsConnection(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { name creditRecordsConnection(first: 1) { totalCount edges { node { severity } } } } } }
    creditRecordsConnection(first: 1) { totalCount edges { node { severity objections { status } } } }
    commitmentsConnection(first: 3) { totalCount edges { node { status } } }
    courtCasesConnection(first: 3) { edges { node { caseNumber } } }
  } }
} }`);

describe('nested connections (issue 16, item 13)', () => {
  async function pagedStatementsFor(first: number): Promise<number> {
    server.resetStatements();
    const result = await server.query(PAGED, { first });
    expect(result.errors).toBeUndefined();
    const withServant = result.data!.agencies.edges.find((e) => e.node.civilServantsConnection.totalCount === 1)!.node;
    expect(withServant.civilServantsConnection.edges[0].node.creditRecordsConnection.totalCount).toBe(1);
    expect(withServant.creditRecordsConnection.edges).toHaveLength(1);
    return server.statements.length;
  }

  it('cost the same number of SQL statements for 5 agencies as for 31: each page of each parent comes from one windowed statement per field', async () => {
    const small = await pagedStatementsFor(5);
    const large = await pagedStatementsFor(100);
    expect(large).toBe(small);
    // page + one window statement and one by-id batch per connection field (4 on agencies, 1 on their
    // civil servants) + objections; totalCount of a nested page costs nothing extra
    expect(large).toBeLessThanOrEqual(13);
  });
});
