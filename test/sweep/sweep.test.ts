import type { ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '../../src/db/embedded-postgres';
import { runNode } from '../support/run-command';
import { startTestServer, type TestServer } from '../support/test-server';
import { graphql } from '../support/graphql';
import { smallestChunkFor } from '../../src/sweep/chunk-size';

/**
 * `npx chengxin evaluate --all` as a user runs it, next to a real server over the seeded data:
 * local worker processes take chunks from the pg-boss queue, every subject gets one verdict, a
 * sweep killed with SIGKILL resumes without losing or doubling anything, and a subject that cannot
 * be evaluated is recorded while the rest go on.
 */
let server: TestServer;
const AS_OF = '2026-11-01';

beforeAll(async () => {
  server = await startTestServer({ seedDemoData: true });
});
afterAll(() => server?.stop());

const env = (more: Record<string, string> = {}) => ({ ...process.env, DATABASE_URL: server.databaseUrl, SEED_DEMO_DATA: 'false', RULES_WATCH: 'false', ...more });
const sweep = (args: string[], started?: (child: ChildProcess) => void, more?: Record<string, string>) => runNode(['bin/chengxin.js', 'evaluate', '--all', ...args], env(more), started);
const runIdIn = (text: string) => text.match(/sweep ([0-9a-f-]{36})/)![1];

async function verdictsOfRun(runId: string) {
  const [row] = await server.sql<{ n: number; subjects: number }>('select count(*)::int as n, count(distinct subject_id)::int as subjects from verdict where sweep_run_id = ?', [runId]);
  return row;
}

/** Pids of this machine's processes whose command line contains `text` (from /proc). */
function processesWith(text: string): string[] {
  return readdirSync('/proc').filter((pid) => {
    if (!/^\d+$/.test(pid)) return false;
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').includes(text);
    } catch {
      return false; // ended between listing and reading
    }
  });
}

async function servants(): Promise<number> {
  const [row] = await server.sql<{ n: number }>('select count(*)::int as n from civil_servant');
  return row.n;
}

it('evaluates every civil servant once, shows progress and a summary, and gives the verdicts a single evaluation gives', async () => {
  const total = await servants();
  // Facts read 7 subjects at a time within chunks of 40 (SWEEP_FACTS_BATCH): every chunk has several batches and a short last one.
  const result = await sweep(['--matter', 'AWARD', '--as-of', AS_OF, '--chunk-size', '40', '--workers', '2'], undefined, { SWEEP_FACTS_BATCH: '7' });
  expect(result.stderr).toMatch(new RegExp(`${total}/${total}`));
  expect(result.status).toBe(0);
  expect(result.stdout).toMatch(/完成 completed/);
  expect(result.stdout).toMatch(/合计 total\s*│\s*\d+/);
  const runId = runIdIn(result.stdout);

  expect(await verdictsOfRun(runId)).toEqual({ n: total, subjects: total });
  const run = await server.ok(graphql(`query ($id: ID!) { sweepRun(id: $id) { status subjects failed counts errors { totalCount } } verdicts(sweepRunId: $id) { totalCount } }`), { id: runId });
  expect(run.sweepRun).toMatchObject({ status: 'COMPLETED', subjects: total, failed: 0, errors: { totalCount: 0 } });
  const counts: Record<string, number> = run.sweepRun.counts!;
  expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(total);
  expect(counts.RESTRICTED).toBeGreaterThan(0);
  expect(run.verdicts.totalCount).toBe(total);
  for (const [outcome, n] of Object.entries(counts)) expect(result.stdout).toMatch(new RegExp(`${outcome}\\s*│\\s*${n}\\s*│`));

  // The sweep's batched path and a single evaluation see the same facts and decide alike.
  const [restricted] = await server.sql<{ subject_id: string; facts: unknown; rules: unknown; outcome: string }>(
    `select subject_id, facts, rules, outcome from verdict where sweep_run_id = ? and outcome = 'RESTRICTED' order by subject_id limit 1`,
    [runId],
  );
  const single = await server.ok(graphql(`mutation ($id: ID!, $asOf: DateTime!) { evaluate(subject: { type: CIVIL_SERVANT, id: $id }, matter: "AWARD", asOf: $asOf) { id outcome } }`), {
    id: restricted.subject_id,
    asOf: `${AS_OF}T00:00:00+08:00`,
  });
  expect(single.evaluate.outcome).toBe('RESTRICTED');
  const [stored] = await server.sql<{ facts: unknown; rules: unknown }>('select facts, rules from verdict where id = ?', [single.evaluate.id]);
  expect(stored.facts).toEqual(restricted.facts);
  expect(stored.rules).toEqual(restricted.rules);

  // Every subject's facts, read by one execution of the facts query for its whole chunk, are the
  // facts its own query reads alone (assess: the query run once per subject), and so is the outcome.
  const swept = await server.sql<{ subject_id: string; facts: unknown; outcome: string }>('select subject_id, facts, outcome from verdict where sweep_run_id = ? order by subject_id', [runId]);
  for (let i = 0; i < swept.length; i += 100) {
    const page = swept.slice(i, i + 100);
    const assessed = await server.ok(
      graphql(`query ($subjects: [SubjectInput!]!, $asOf: DateTime!) { assess(matter: "AWARD", asOf: $asOf, subjects: $subjects) { subjectId assessment { outcome explanation { facts } } } }`),
      { subjects: page.map((v) => ({ type: 'CIVIL_SERVANT' as const, id: v.subject_id })), asOf: `${AS_OF}T00:00:00+08:00` },
    );
    expect(assessed.assess.map((a) => ({ subject_id: a.subjectId, facts: a.assessment?.explanation.facts, outcome: a.assessment?.outcome }))).toEqual(page);
  }

  const audit = await server.ok(graphql(`{ auditEvents(filter: { action: SWEEP }) { edges { node { targetId outcome } } } }`));
  expect(audit.auditEvents.edges.map((e: { node: unknown }) => e.node)).toContainEqual({ targetId: runId, outcome: `AWARD started: ${total} subjects in ${Math.ceil(total / 40)} chunks` });
});

it('a sweep killed with SIGKILL halfway, started again with its run id, ends with exactly one verdict per subject', async () => {
  const total = await servants();
  let stderr = '';
  let killedAt = 0;
  // As many chunks as a run may plan (sweep/chunk-size.ts), so that it can be killed halfway.
  const killed = await sweep(['--matter', 'AWARD', '--as-of', AS_OF, '--chunk-size', String(smallestChunkFor(total)), '--workers', '1'], (child) => {
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    void (async () => {
      while (!/sweep [0-9a-f-]{36}/.test(stderr)) await sleep(20);
      const runId = runIdIn(stderr);
      for (;;) {
        const [row] = await server.sql<{ done: number }>('select count(done_at)::int as done from sweep_chunk where run_id = ?', [runId]);
        if (row.done >= 5) break;
        await sleep(20);
      }
      child.kill('SIGKILL');
      killedAt = Date.now();
    })();
  });
  expect(killed.status).toBeNull();
  expect(killedAt).toBeGreaterThan(0);
  const runId = runIdIn(stderr);
  // No waiting needed: runNode resolves on 'close', which comes only once every holder of the
  // coordinator's stderr pipe has exited — and its worker inherits that pipe, and exits when its
  // parent's IPC channel goes. So the worker is gone before the chunks are counted.
  expect(processesWith(`worker --run ${runId}`)).toEqual([]);
  const [before] = await server.sql<{ status: string; done: number; chunks: number }>(
    'select r.status, r.chunks, count(c.done_at)::int as done from sweep_run r join sweep_chunk c on c.run_id = r.id where r.id = ? group by r.id',
    [runId],
  );
  expect(before.status).toBe('RUNNING');
  expect(before.done).toBeLessThan(before.chunks);
  const partial = await verdictsOfRun(runId);
  expect(partial.n).toBe(partial.subjects);
  expect(partial.n).toBeLessThan(total);

  const resumed = await sweep(['--resume', runId, '--workers', '2']);
  expect(resumed.stderr).toMatch(/继续 resuming/);
  expect(resumed.status).toBe(0);
  expect(await verdictsOfRun(runId)).toEqual({ n: total, subjects: total });
  const [after] = await server.sql<{ status: string; counts: Record<string, number> }>('select status, counts from sweep_run where id = ?', [runId]);
  expect(after.status).toBe('COMPLETED');
  expect(Object.values(after.counts).reduce((a, b) => a + b, 0)).toBe(total);

  const again = await sweep(['--resume', runId]);
  expect(again.status).toBe(0);
  expect(await verdictsOfRun(runId)).toEqual({ n: total, subjects: total });
});

it('a worker started on its own (as on another machine) takes the chunks of a sweep that runs no local worker, and reports metrics', async () => {
  const total = await servants();
  const port = await freePort();
  let worker!: ChildProcess;
  let workerOutput = '';
  const workerDone = runNode(['bin/chengxin.js', 'worker', '--metrics-port', String(port)], { ...env(), HOST: '127.0.0.1' }, (child) => {
    worker = child;
    child.stderr!.on('data', (chunk) => (workerOutput += chunk));
  });
  while (!/worker ready/.test(workerOutput)) await sleep(50);

  const result = await sweep(['--matter', 'AWARD', '--as-of', AS_OF, '--chunk-size', '60', '--workers', '0']);
  expect(result.stderr).toMatch(/0 local worker/);
  expect(result.status).toBe(0);
  expect(await verdictsOfRun(runIdIn(result.stdout))).toEqual({ n: total, subjects: total });
  expect(workerOutput).toMatch(/chunk 0: \d+ evaluated, 0 failed/);

  const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const counted = [...metrics.matchAll(/^chengxin_sweep_subjects_total\{matter="AWARD",outcome="\w+"\} (\d+)$/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
  expect(counted).toBe(total);

  worker.kill('SIGTERM');
  expect((await workerDone).status).toBe(0);
});

it('refuses an unknown matter or run with a clear message and stores nothing', async () => {
  const [{ n: runsBefore }] = await server.sql<{ n: number }>('select count(*)::int as n from sweep_run');
  const unknown = await sweep(['--matter', 'PROMOTON']);
  expect(unknown.status).toBe(1);
  expect(unknown.stderr).toMatch(/BAD_USER_INPUT.*"PROMOTON" is not a matter.*PROMOTION/);
  const wrongType = await sweep(['--matter', 'PROCUREMENT', '--subject-type', 'civil-servant']);
  expect(wrongType.status).toBe(1);
  expect(wrongType.stderr).toMatch(/does not apply to CIVIL_SERVANT/);
  const noRun = await sweep(['--resume', '00000000-0000-4000-8000-000000000000']);
  expect(noRun.status).toBe(1);
  expect(noRun.stderr).toMatch(/there is no sweep 00000000-0000-4000-8000-000000000000/);
  const [{ n: runsAfter }] = await server.sql<{ n: number }>('select count(*)::int as n from sweep_run');
  expect(runsAfter).toBe(runsBefore);
});

it('records a subject that cannot be evaluated, with the reason, and evaluates the rest', async () => {
  // A record imported by an older system carries a severity the API does not know.
  await server.sql(`alter type "severity" add value if not exists 'CATASTROPHIC'`);
  const [broken] = await server.sql<{ subject_id: string }>(
    `update credit_record set severity = 'CATASTROPHIC' where id = (select id from credit_record where subject_type = 'CIVIL_SERVANT' and kind = 'DISHONEST' and status = 'ACTIVE' and occurred_on < '2026-10-01' order by occurred_on desc, id limit 1) returning subject_id`,
  );
  const total = await servants();
  const result = await sweep(['--matter', 'PROMOTION', '--as-of', AS_OF, '--chunk-size', '50']);
  expect(result.status).toBe(0);
  expect(result.stdout).toContain(`CIVIL_SERVANT ${broken.subject_id}:`);
  // Where the bad value is, not the value: no fact value ever appears in an error message.
  expect(result.stdout).toMatch(/subject\.credit\.(records|notCounted)\.\d+\.severity could not be read/);
  expect(result.stdout).not.toMatch(/CATASTROPHIC/);
  const runId = runIdIn(result.stdout);
  expect(await verdictsOfRun(runId)).toEqual({ n: total - 1, subjects: total - 1 });
  const run = await server.query(graphql(`query ($id: ID!) { sweepRun(id: $id) { status failed errors { edges { node { subjectId reason } } } } }`), { id: runId });
  expect(run.errors).toBeUndefined();
  expect(run.data!.sweepRun.status).toBe('COMPLETED');
  expect(run.data!.sweepRun.failed).toBe(1);
  expect(run.data!.sweepRun.errors.edges).toEqual([{ node: { subjectId: broken.subject_id, reason: expect.stringMatching(/subject\.credit\.(records|notCounted)\.\d+\.severity could not be read/) } }]);
});
