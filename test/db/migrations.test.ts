import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

describe('migrations', () => {
  it('bring an empty database exactly to the schema the entities describe (no change left without a migration)', async () => {
    const pending = await server.app.orm.schema.getUpdateSchemaSQL({ wrap: false });
    expect(pending.trim()).toBe('');
  });

  it('are recorded, so that a restart applies nothing twice', async () => {
    const executed = await server.app.orm.getMigrator().getExecutedMigrations();
    expect(executed.map((m) => m.name)).toEqual(['Migration20261125000000Foundation', 'Migration20261125010000Verdicts', 'Migration20261125020000AuditTrail', 'Migration20261125030000Sweeps', 'Migration20261129010000NoTruncate', 'Migration20261129020000ListsAndPeriods', 'Migration20261129060000RuleServing', 'Migration20261129070000OneLiveDecision', 'Migration20261129080000OneSweepPerMatter', 'Migration20261130100000UnreviewedFindings', 'Migration20261130110000ClauseScopes']);
    expect(await server.app.orm.getMigrator().getPendingMigrations()).toEqual([]);
  });
});
