import { createAgency, createCivilServant } from '../support/factories';
import { runNode } from '../support/run-command';
import { startTestServer, type Caller, type TestServer } from '../support/test-server';
import { graphql } from '../support/graphql';

/**
 * Attack: flooding startSweep. Each sweep plans a whole population and stores a verdict per subject,
 * so repeated starts (one after another, or a burst sent together) fill the queue and the verdict
 * table, and a sweep "as of 2199" stores a population of decisions about a day nobody can check.
 * One sweep per matter runs at a time — SWEEP_RUNNING naming the running run, held by a database
 * index so that a burst cannot race past a check — and asOf is not after today (China Standard
 * Time). The same for `npx chengxin evaluate --all`, which shares the code. A run that cannot finish
 * is cancelled (cancelSweep / --cancel), which frees its matter; its remaining chunks commit nothing.
 */
let server: TestServer;
const OFFICER: Caller = { role: 'OFFICER', sub: 'wang.fang' };
const env = () => ({ ...process.env, DATABASE_URL: server.databaseUrl, SEED_DEMO_DATA: 'false', RULES_WATCH: 'false' });

beforeAll(async () => {
  server = await startTestServer();
  const agencyId = await createAgency(server);
  for (let i = 0; i < 3; i++) await createCivilServant(server, agencyId);
});
afterAll(() => server?.stop());

const START = graphql(`mutation ($matter: String!, $asOf: DateTime) { startSweep(matter: $matter, asOf: $asOf, chunkSize: 1) { id status } }`);
const CANCEL = graphql(`mutation ($id: ID!) { cancelSweep(id: $id) { id status finishedAt } }`);
async function counts() {
  const [row] = await server.sql(`select (select count(*)::int from sweep_run) as runs, (select count(*)::int from sweep_chunk) as chunks,
    (select count(*)::int from audit_event where action = 'SWEEP') as audit, (select count(*)::int from verdict) as verdicts`);
  return row;
}

describe('startSweep sent again and again', () => {
  let winner: string;

  it('a burst of 8 starts of one matter sent together: one runs, the others are SWEEP_RUNNING naming it, and only its plan is written', async () => {
    const before = await counts();
    const results = await Promise.all(Array.from({ length: 8 }, () => server.query(START, { matter: 'PROMOTION' }, OFFICER)));
    const started = results.filter((r) => r.data?.startSweep);
    expect(started).toHaveLength(1);
    winner = started[0].data!.startSweep.id;
    const refused = results.filter((r) => !r.data?.startSweep);
    expect(refused).toHaveLength(7);
    for (const r of refused) {
      expect(r.errors?.[0]).toMatchObject({ extensions: { code: 'SWEEP_RUNNING', field: 'matter', runId: winner }, message: expect.stringContaining(`cancelSweep(id: "${winner}")`) });
    }
    expect(await counts()).toEqual({ ...before, runs: before.runs + 1, chunks: before.chunks + 3, audit: before.audit + 1 });
  });

  it('one more start later is refused the same way; another matter may run meanwhile', async () => {
    const before = await counts();
    const again = await server.query(START, { matter: 'PROMOTION' }, { role: 'ADMIN' });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'SWEEP_RUNNING', runId: winner });
    expect(await counts()).toEqual(before);
    const other = await server.query(START, { matter: 'AWARD' }, OFFICER);
    expect(other.errors).toBeUndefined();
    expect((await server.query(CANCEL, { id: other.data!.startSweep.id }, OFFICER)).errors).toBeUndefined();
  });

  it('the command line is held to the same: SWEEP_RUNNING with the run id, nothing written', async () => {
    const before = await counts();
    const cli = await runNode(['bin/chengxin.js', 'evaluate', '--all', '--matter', 'PROMOTION', '--workers', '0'], env());
    expect(cli.status).not.toBe(0);
    expect(cli.stderr).toContain('[SWEEP_RUNNING]');
    expect(cli.stderr).toContain(winner);
    expect(await counts()).toEqual(before);
  }, 60_000);

  it('cancelling frees the matter: CANCELLED, audited, a worker then commits none of its chunks, and a new sweep may start', async () => {
    expect((await server.query(CANCEL, { id: winner }, { role: 'CLERK' })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const cancelled = await server.query(CANCEL, { id: winner }, OFFICER);
    expect(cancelled.errors).toBeUndefined();
    expect(cancelled.data!.cancelSweep).toMatchObject({ id: winner, status: 'CANCELLED', finishedAt: expect.any(String) });
    expect(await server.sql("select actor, outcome from audit_event where action = 'SWEEP' and target_id = ? order by created_at", [winner])).toEqual([
      { actor: 'wang.fang', outcome: 'PROMOTION started: 3 subjects in 3 chunks' },
      { actor: 'wang.fang', outcome: 'PROMOTION cancelled after 0 of 3 subjects; queued jobs deleted: 3' },
    ]);
    const twice = await server.query(CANCEL, { id: winner }, OFFICER);
    expect(twice.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'id' });

    // Its queued jobs were deleted; a worker started for it anyway commits nothing.
    const worker = await runNode(['bin/chengxin.js', 'worker', '--run', winner, '--quiet'], env());
    expect(worker.status).toBe(0);
    expect(await server.sql('select count(*)::int as n from verdict where sweep_run_id = ?', [winner])).toEqual([{ n: 0 }]);
    expect(await server.sql('select count(*)::int as n from sweep_chunk where run_id = ? and done_at is not null', [winner])).toEqual([{ n: 0 }]);

    const resumed = await runNode(['bin/chengxin.js', 'evaluate', '--all', '--resume', winner, '--workers', '0'], env());
    expect(resumed.status).not.toBe(0);
    expect(resumed.stderr).toMatch(/was cancelled \(已取消\) and cannot be resumed/);

    const next = await server.query(START, { matter: 'PROMOTION' }, OFFICER);
    expect(next.errors).toBeUndefined();
    const cli = await runNode(['bin/chengxin.js', 'evaluate', '--cancel', next.data!.startSweep.id], env());
    expect(cli.status).toBe(0);
    expect(cli.stdout).toContain(`cancelled sweep ${next.data!.startSweep.id}`);
  }, 90_000);
});

describe('a sweep as of a future day', () => {
  it.each([
    ['the API, as of 2199', () => server.query(START, { matter: 'PROMOTION', asOf: '2199-01-01T00:00:00+08:00' }, OFFICER)],
    ['the API, as of the day after tomorrow', () => server.query(START, { matter: 'PROMOTION', asOf: new Date(Date.now() + 2 * 86_400_000).toISOString() }, OFFICER)],
  ])('%s: BAD_USER_INPUT on asOf, bilingual, nothing written', async (_name, send) => {
    const before = await counts();
    const result = await send();
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'asOf' }, message: expect.stringMatching(/晚于今天.*after today/s) });
    expect(await counts()).toEqual(before);
  });

  it('the command line: evaluate --all --as-of 2199-01-01 is refused, nothing written', async () => {
    const before = await counts();
    const cli = await runNode(['bin/chengxin.js', 'evaluate', '--all', '--matter', 'AWARD', '--as-of', '2199-01-01', '--workers', '0'], env());
    expect(cli.status).not.toBe(0);
    expect(cli.stderr).toMatch(/\[BAD_USER_INPUT\].*asOf.*after today/s);
    expect(await counts()).toEqual(before);
  }, 60_000);
});
