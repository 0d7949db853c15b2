import { createAgency, createCivilServant } from '../support/factories';
import { runNode } from '../support/run-command';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';
import type { Caller } from '../support/test-server';

/**
 * hostile7 L3: `startSweep(chunkSize: 1)` queued one pg-boss job per subject; a cancelled run's jobs
 * stayed in pgboss.job; a RECRUITMENT sweep judged the registered civil servants, who are not its
 * candidates. Now a run plans at most ten chunks, or one per 100 subjects (BAD_USER_INPUT on
 * chunkSize naming the smallest size that fits), cancelling deletes the run's queued jobs, and a
 * matter marked `notSwept` in rules/matters.json is refused (BAD_USER_INPUT on matter, giving its
 * reason) — by the API and the command line alike, nothing written.
 */
const server = serverPerFile();
const OFFICER: Caller = { role: 'OFFICER', sub: 'wang.fang' };
const START = graphql(`mutation ($matter: String!, $chunkSize: Int) { startSweep(matter: $matter, chunkSize: $chunkSize) { id subjects chunks } }`);
const CANCEL = graphql(`mutation ($id: ID!) { cancelSweep(id: $id) { status } }`);
const SERVANTS = 12;

async function counts() {
  const [row] = await server.sql(`select (select count(*)::int from sweep_run) as runs, (select count(*)::int from sweep_chunk) as chunks,
    (select count(*)::int from audit_event where action = 'SWEEP') as audit, (select count(*)::int from verdict) as verdicts`);
  // pg-boss makes its schema at the first sweep queued.
  const [{ queue }] = await server.sql<{ queue: boolean }>("select to_regclass('pgboss.job') is not null as queue");
  const jobs = queue ? (await server.sql<{ n: number }>("select count(*)::int as n from pgboss.job where name = 'chengxin-sweep-chunk'"))[0].n : 0;
  return { ...row, jobs };
}
const queuedJobsOf = async (runId: string) =>
  (await server.sql<{ n: number }>(`select count(*)::int as n from pgboss.job j join sweep_chunk c on c.job_id = j.id where c.run_id = ? and j.state = 'created'`, [runId]))[0].n;

beforeAll(async () => {
  const agencyId = await createAgency(server);
  for (let i = 0; i < SERVANTS; i++) await createCivilServant(server, agencyId);
});

it(`refuses chunkSize 1 for ${SERVANTS} subjects (${SERVANTS} chunks; at most 10), naming the smallest size that fits; nothing is written`, async () => {
  const before = await counts();
  const result = await server.query(START, { matter: 'PROMOTION', chunkSize: 1 }, OFFICER);
  expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'chunkSize' } });
  expect(result.errors?.[0].message).toContain(`splits ${SERVANTS} subjects into ${SERVANTS} chunks, each a queued job; a run plans at most 10 (ten, or one per 100 subjects): give a chunkSize of at least 2`);
  expect(result.errors?.[0].message).toMatch(/至多 10 批.*Nothing was started/s);
  expect(await counts()).toEqual(before);
});

it('cancelling a run deletes its queued jobs from pgboss.job', async () => {
  const before = await counts();
  const started = await server.query(START, { matter: 'PROMOTION', chunkSize: 2 }, OFFICER);
  expect(started.errors).toBeUndefined();
  const run = started.data!.startSweep;
  expect(run).toMatchObject({ subjects: SERVANTS, chunks: SERVANTS / 2 });
  expect(await queuedJobsOf(run.id)).toBe(SERVANTS / 2);
  expect(await counts()).toEqual({ ...before, runs: before.runs + 1, chunks: before.chunks + SERVANTS / 2, audit: before.audit + 1, jobs: before.jobs + SERVANTS / 2 });

  expect((await server.query(CANCEL, { id: run.id }, OFFICER)).data?.cancelSweep.status).toBe('CANCELLED');
  expect(await queuedJobsOf(run.id)).toBe(0);
  expect(await counts()).toEqual({ ...before, runs: before.runs + 1, chunks: before.chunks + SERVANTS / 2, audit: before.audit + 2 });
  expect(await server.sql("select outcome from audit_event where action = 'SWEEP' and target_id = ? order by created_at", [run.id])).toEqual([
    { outcome: `PROMOTION started: ${SERVANTS} subjects in ${SERVANTS / 2} chunks` },
    { outcome: `PROMOTION cancelled after 0 of ${SERVANTS} subjects; queued jobs deleted: ${SERVANTS / 2}` },
  ]);
});

it('refuses to sweep RECRUITMENT (notSwept in rules/matters.json: candidates are not registered civil servants), by the API and the command line; nothing is written', async () => {
  const before = await counts();
  const result = await server.query(START, { matter: 'RECRUITMENT' }, OFFICER);
  expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'matter' } });
  expect(result.errors?.[0].message).toMatch(/RECRUITMENT 不作批量评估.*报考人员不是本系统登记的公务员.*RECRUITMENT is not swept \(notSwept of the matter in rules\/matters\.json\): Candidates are not the civil servants registered/s);
  const env = { ...process.env, DATABASE_URL: server.databaseUrl, SEED_DEMO_DATA: 'false', RULES_WATCH: 'false' };
  const cli = await runNode(['bin/chengxin.js', 'evaluate', '--all', '--matter', 'RECRUITMENT', '--workers', '0'], env);
  expect(cli.status).not.toBe(0);
  expect(cli.stderr).toMatch(/\[BAD_USER_INPUT\].*RECRUITMENT is not swept/s);
  expect(await counts()).toEqual(before);
}, 60_000);
