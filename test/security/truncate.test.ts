import { KEPT_FOREVER } from '../../src/db/migrations/Migration20261129010000NoTruncate';
import { createAgency, createRecord } from '../support/factories';
import { startTestServer, type TestServer } from '../support/test-server';
import { graphql } from '../support/graphql';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  const agency = await createAgency(server);
  await createRecord(server, 'AGENCY', agency);
  await server.query(graphql(`mutation ($id: ID!) { evaluate(subject: { type: AGENCY, id: $id }, matter: "HONOUR") { id } }`), { id: agency });
});
afterAll(() => server.stop());

describe('TRUNCATE of the tables whose rows are kept forever', () => {
  it.each(KEPT_FOREVER)('TRUNCATE %s is refused and its rows stay', async (table) => {
    const before = await server.sql(`select count(*)::int as n from "${table}"`);
    await expect(server.sql(`truncate "${table}" cascade`)).rejects.toThrow(/never removed; TRUNCATE is refused/);
    expect(await server.sql(`select count(*)::int as n from "${table}"`)).toEqual(before);
  });

  it('the audit trail and verdicts in this database are not empty, so the refusals above protected rows', async () => {
    const [row] = await server.sql('select (select count(*) from audit_event)::int as audit, (select count(*) from verdict)::int as verdicts, (select count(*) from credit_record)::int as records');
    expect(row.audit).toBeGreaterThan(0);
    expect(row.verdicts).toBeGreaterThan(0);
    expect(row.records).toBeGreaterThan(0);
  });
});
