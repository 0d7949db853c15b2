import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAgency, createCivilServant } from '../support/factories';
import { runNode } from '../support/run-command';
import { startTestServer, type TestServer } from '../support/test-server';
import { graphql } from '../support/graphql';

/**
 * hostile31 F9: a worker started with other rules failed each chunk it took back to the queue, and
 * took the retries too, so the chunks' jobs failed for good; the run stayed RUNNING with nothing done
 * and blocked its matter (SWEEP_RUNNING). Now such a worker releases the chunk with its retries whole,
 * and a chunk whose job does fail for good fails the run, saying how to resume it.
 */
let server: TestServer;
let staleRules: string;
beforeAll(async () => {
  server = await startTestServer();
  const agencyId = await createAgency(server);
  for (let i = 0; i < 5; i++) await createCivilServant(server, agencyId);
  // The shipped rules with one priority changed: another version, as a stale copy on another machine.
  staleRules = mkdtempSync(path.join(os.tmpdir(), 'chengxin-stale-rules-'));
  cpSync(path.resolve(__dirname, '../../rules'), staleRules, { recursive: true });
  const file = path.join(staleRules, 'civil-servant/award-restrict.json');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/"priority": (\d+)/, (_m, n) => `"priority": ${Number(n) + 1}`));
});
afterAll(async () => {
  await server?.stop();
  rmSync(staleRules, { recursive: true, force: true });
});

const START = graphql(`mutation ($matter: String!) { startSweep(matter: $matter, asOf: "2026-11-01T00:00:00+08:00", chunkSize: 2) { id status subjects chunks } }`);
const RUN = graphql(`query ($id: ID!) { sweepRun(id: $id) { status subjectsDone failure } }`);
const env = (extra: NodeJS.ProcessEnv = {}) => ({ ...process.env, DATABASE_URL: server.databaseUrl, SEED_DEMO_DATA: 'false', RULES_WATCH: 'false', ...extra });
/** Stops a worker after `ms` unless it ended first. */
const stopAfter = (ms: number) => (child: import('node:child_process').ChildProcess) => {
  const timer = setTimeout(() => child.kill('SIGTERM'), ms);
  child.once('exit', () => clearTimeout(timer));
};
const jobs = async (runId: string, state: string) =>
  (await server.sql<{ n: number }>("select count(*)::int as n from pgboss.job where name = 'chengxin-sweep-chunk' and data->>'runId' = ? and state = ?", [runId, state]))[0].n;

it('stale-worker-strands-sweep: a worker with other rules spends no retry; the workers with the run rules then finish it', async () => {
  const run = (await server.ok(START, { matter: 'PROMOTION' }, { role: 'OFFICER' })).startSweep;
  expect(run).toMatchObject({ status: 'RUNNING', subjects: 5, chunks: 3 });
  // Long enough for every retry to be spent, as they were (2 s apart, three each).
  const stale = await runNode(['bin/chengxin.js', 'worker', '--run', run.id, '--quiet'], env({ RULES_DIR: staleRules }), stopAfter(12_000));
  expect(stale.stderr).toContain('differ from those sweep');
  expect(await jobs(run.id, 'failed')).toBe(0);
  expect((await server.ok(RUN, { id: run.id }, { role: 'INSPECTOR' })).sweepRun).toEqual({ status: 'RUNNING', subjectsDone: 0, failure: null });

  const right = await runNode(['bin/chengxin.js', 'worker', '--run', run.id, '--quiet'], env());
  expect(right.status).toBe(0);
  expect((await server.ok(RUN, { id: run.id }, { role: 'INSPECTOR' })).sweepRun).toEqual({ status: 'COMPLETED', subjectsDone: 5, failure: null });
});

it('a chunk whose job fails after its retries fails the run, saying how to resume; the matter is not blocked', async () => {
  const run = (await server.ok(START, { matter: 'AWARD' }, { role: 'OFFICER' })).startSweep;
  // The job of chunk 2 names a chunk that is no longer there: it fails on every try.
  await server.sql('update sweep_chunk set seq = seq + 100 where run_id = ? and seq = 2', [run.id]);
  const worker = await runNode(['bin/chengxin.js', 'worker', '--run', run.id, '--quiet'], env(), stopAfter(60_000));
  expect(worker.status).toBe(0);
  const failed = (await server.ok(RUN, { id: run.id }, { role: 'INSPECTOR' })).sweepRun;
  expect(failed.status).toBe('FAILED');
  expect(failed.failure).toContain(`chunk 2 failed after 3 retries: Sweep ${run.id} has no chunk 2.`);
  expect(failed.failure).toContain(`npx chengxin evaluate --all --resume ${run.id}`);
  // Its matter is free again.
  const next = await server.query(START, { matter: 'AWARD' }, { role: 'OFFICER' });
  expect(next.errors).toBeUndefined();
});
