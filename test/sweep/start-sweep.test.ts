import { createAgency, createCivilServant, createRecord } from '../support/factories';
import { runNode } from '../support/run-command';
import { startTestServer, type TestServer } from '../support/test-server';
import { graphql } from '../support/graphql';

/**
 * Issue 16, item 6: a sweep started through the API writes the same run record and audit event as
 * `npx chengxin evaluate --all`, its chunks wait on the queue, `npx chengxin worker` takes them, and
 * sweepRun(id) shows the progress.
 */
let server: TestServer;
const servants: string[] = [];
beforeAll(async () => {
  server = await startTestServer();
  const agencyId = await createAgency(server);
  for (let i = 0; i < 5; i++) servants.push(await createCivilServant(server, agencyId));
  await createRecord(server, 'CIVIL_SERVANT', servants[0], { occurredOn: '2025-03-01', recordedOn: '2025-03-20' });
});
afterAll(() => server?.stop());

const START = graphql(`mutation { startSweep(matter: "PROMOTION", asOf: "2026-11-01T00:00:00+08:00", chunkSize: 2) { id matter status startedBy subjects chunks subjectsDone day } }`);
const RUN = graphql(`query ($id: ID!) { sweepRun(id: $id) { status subjects subjectsDone counts failed } }`);
const count = async (table: string) => (await server.sql<{ n: number }>(`select count(*)::int as n from ${table}`))[0].n;

it('an officer starts a sweep: the run record and its SWEEP audit event, then a worker completes it and sweepRun shows the progress', async () => {
  const started = await server.query(START, undefined, { role: 'OFFICER', sub: 'wang.fang' });
  expect(started.errors).toBeUndefined();
  const run = started.data!.startSweep;
  // Who started it is a staff account, the audit trail's (below): an OFFICER reads only that it was itself (sec31 item 3).
  expect(run).toMatchObject({ matter: 'PROMOTION', status: 'RUNNING', startedBy: 'wang.fang', subjects: 5, chunks: 3, subjectsDone: 0, day: '2026-11-01' });
  const [audit] = await server.sql<{ actor: string; role: string; outcome: string }>("select actor, role, outcome from audit_event where action = 'SWEEP' and target_id = ?", [run.id]);
  expect(audit).toEqual({ actor: 'wang.fang', role: 'OFFICER', outcome: 'PROMOTION started: 5 subjects in 3 chunks' });
  expect((await server.sql<{ n: number }>("select count(*)::int as n from pgboss.job where name = 'chengxin-sweep-chunk' and state = 'created'"))[0].n).toBe(3);

  // The server runs no worker: the chunks wait for one.
  const worker = await runNode(['bin/chengxin.js', 'worker', '--run', run.id, '--quiet'], { ...process.env, DATABASE_URL: server.databaseUrl, SEED_DEMO_DATA: 'false', RULES_WATCH: 'false' });
  expect(worker.status).toBe(0);
  const done = (await server.ok(RUN, { id: run.id }, { role: 'INSPECTOR' })).sweepRun;
  expect(done).toEqual({ status: 'COMPLETED', subjects: 5, subjectsDone: 5, counts: { ELIGIBLE: 4, CAUTION: 1 }, failed: 0 });
  expect((await server.sql<{ n: number }>('select count(*)::int as n from verdict where sweep_run_id = ?', [run.id]))[0].n).toBe(5);
}, 60_000);

it('a clerk or a display system may not start a sweep: FORBIDDEN, no run, no audit event', async () => {
  const before = [await count('sweep_run'), await count('sweep_chunk'), await count('audit_event')];
  for (const role of ['CLERK', 'DISPLAY', 'INSPECTOR'] as const) {
    const refused = await server.query(START, undefined, { role });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', allowed: ['OFFICER', 'ADMIN'] });
  }
  expect([await count('sweep_run'), await count('sweep_chunk'), await count('audit_event')]).toEqual(before);
});

it('an unknown matter is BAD_USER_INPUT on matter and starts nothing', async () => {
  const before = await count('sweep_run');
  const result = await server.query(graphql(`mutation { startSweep(matter: "LOTTERY") { id } }`), undefined, { role: 'ADMIN' });
  expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'matter' });
  expect(await count('sweep_run')).toBe(before);
});
