import { createAgency, createCivilServant, createRecord } from '../support/factories';
import { startTestServer, type TestServer } from '../support/test-server';

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

const PAGE = `query ($first: Int) { agencies(first: $first) {
  totalCount
  edges { node { name parent { name } children { name } commitments { status } courtCases { caseNumber }
    creditRecords { severity history { action } objections { status } repairs { status } subject { __typename } }
    civilServants { name agency { name } creditRecords { severity } } } }
} }`;

async function statementsFor(first: number): Promise<number> {
  server.resetStatements();
  const result = await server.gql(PAGE, { first });
  expect(result.errors).toBeUndefined();
  expect(result.data.agencies.edges).toHaveLength(Math.min(first, 31));
  return server.statements.length;
}

describe('a list page with nested records', () => {
  it('costs the same number of SQL statements for 5 agencies as for 31: nested fields are loaded in batches', async () => {
    const small = await statementsFor(5);
    const large = await statementsFor(100);
    expect(small).toBeGreaterThanOrEqual(3); // the counter really counts: at least page, count and one batch
    expect(large).toBe(small);
    // page + count + one batch per nested field (parent, children, commitments, court cases,
    // records, their history, objections, repairs and subjects, civil servants, their agency, their records)
    expect(large).toBeLessThanOrEqual(14);
  });
});
