import { createAgency, createCivilServant, createRecord } from '../support/factories';
import { runNode } from '../support/run-command';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * A facts read is one read-only transaction, so all its statements share one connection, and the
 * batch loaders of its facts queries fire together. node-postgres 8 queues a query sent while
 * another runs on the same client, with a DeprecationWarning ("Calling client.query() when the
 * client is already executing a query"); pg 9 refuses it. The facts runner sends them one at a time.
 * Node prints a deprecation once per process, and jest's sandbox does not see it as an event, so
 * the commands run as their own processes with --trace-deprecation, and their stderr is read.
 */
let server: TestServer;
const servants: string[] = [];
beforeAll(async () => {
  server = await startTestServer();
  const agencyId = await createAgency(server);
  await createRecord(server, 'AGENCY', agencyId);
  for (let i = 0; i < 6; i++) {
    const id = await createCivilServant(server, agencyId, i === 0 ? { principal: true, principalSince: '2020-01-01' } : {});
    await createRecord(server, 'CIVIL_SERVANT', id, { occurredOn: '2025-03-01', recordedOn: '2025-03-20' });
    servants.push(id);
  }
});
afterAll(() => server?.stop());

const env = () => ({ ...process.env, NODE_OPTIONS: '--trace-deprecation', DATABASE_URL: server.databaseUrl, SEED_DEMO_DATA: 'false', RULES_WATCH: 'false' });

it('one subject, and a sweep whose chunks read many subjects at once, read facts without a query sent while another runs', async () => {
  const one = await runNode(['bin/chengxin.js', 'evaluate', '--subject', `civil-servant:${servants[0]}`, '--matter', 'PROMOTION', '--dry-run', '--json'], env());
  expect(one.status).toBe(0);
  expect(JSON.parse(one.stdout).stored).toBe(false);
  const sweep = await runNode(['bin/chengxin.js', 'evaluate', '--all', '--matter', 'PROMOTION', '--workers', '1', '--chunk-size', '3', '--json'], env());
  expect(sweep.status).toBe(0);
  expect(JSON.parse(sweep.stdout)).toMatchObject({ status: 'COMPLETED', subjects: 6, failed: 0 });
  for (const { stderr } of [one, sweep]) {
    expect(stderr).not.toMatch(/already executing a query/);
    expect(stderr).not.toMatch(/DeprecationWarning/);
  }
}, 60_000);
