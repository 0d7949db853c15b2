import { randomUUID } from 'node:crypto';
import { commitChunk, completeRunIfDone, findChunk, findRunPlan, type ChunkWrite } from '../../src/db/repositories/sweep.repository';
import { sweepVerdictRow, type SweepVerdictRow } from '../../src/db/repositories/verdict.repository';
import { Outcome } from '../../src/domain/verdict';
import { createAgency, createCivilServant } from '../support/factories';
import { startTestServer, type TestServer } from '../support/test-server';
import { graphql } from '../support/graphql';

/**
 * The chunk's write (src/db/repositories/sweep.repository.ts) straight against PostgreSQL: whole or
 * not at all, once however often it is delivered. What a user sees of it is read back through the API.
 */
let server: TestServer;
let runId = '';
const servants: string[] = [];
beforeAll(async () => {
  server = await startTestServer();
  const agencyId = await createAgency(server);
  for (let i = 0; i < 4; i++) servants.push(await createCivilServant(server, agencyId));
  const started = await server.ok(graphql(`mutation { startSweep(matter: "PROMOTION", asOf: "2026-11-01T00:00:00+08:00", chunkSize: 2) { id chunks } }`));
  expect(started.startSweep.chunks).toBe(2);
  runId = started.startSweep.id;
});
afterAll(() => server?.stop());

const em = () => server.app.orm.em.fork();
const count = async (sql: string) => (await server.sql<{ n: number }>(sql, [runId]))[0].n;
const verdictOf = (subjectId: string): SweepVerdictRow => sweepVerdictRow(randomUUID(), { subjectId, evaluatedAt: new Date(), outcome: Outcome.ELIGIBLE, score: null, facts: { subject: { id: subjectId }, parameters: {} }, rules: [], provisionalOn: [] }, null);

it('a chunk is written whole or not at all, and a second delivery writes nothing', async () => {
  const plan = await findRunPlan(em(), runId);
  const first = (await findChunk(em(), runId, 0))!;
  const stage = () => ({ facts: 1 });

  // The error row cannot be stored (not an id): the verdict written before it in the same transaction goes too.
  const broken: ChunkWrite = { verdicts: [verdictOf(servants[0])], parametersFile: 'parameters/2018.json', byOutcome: { ELIGIBLE: 1 }, errors: [{ subjectId: 'not-an-id', reason: 'x' }] };
  await expect(commitChunk(em(), first, plan, broken, stage)).rejects.toThrow();
  expect(await count('select count(*)::int as n from verdict where sweep_run_id = ?')).toBe(0);
  expect((await findChunk(em(), runId, 0))!.done).toBe(false);

  const good: ChunkWrite = { ...broken, errors: [{ subjectId: servants[1], reason: '事实查询失败 / facts query failed' }] };
  expect(await commitChunk(em(), first, plan, good, stage)).toBe(true);
  expect(await commitChunk(em(), first, plan, { ...good, verdicts: [verdictOf(servants[0])] }, stage)).toBe(false);
  expect(await count('select count(*)::int as n from verdict where sweep_run_id = ?')).toBe(1);
  expect(await count('select count(*)::int as n from sweep_error where run_id = ?')).toBe(1);
  expect(await completeRunIfDone(em(), runId)).toBe(false);

  const second = (await findChunk(em(), runId, 1))!;
  expect(await commitChunk(em(), second, plan, { verdicts: [verdictOf(servants[2]), verdictOf(servants[3])], parametersFile: 'parameters/2018.json', byOutcome: { ELIGIBLE: 2 }, errors: [] }, stage)).toBe(true);
  expect(await completeRunIfDone(em(), runId)).toBe(true);
  expect(await completeRunIfDone(em(), runId)).toBe(false);

  const run = await server.ok(graphql(`query ($id: ID!) { sweepRun(id: $id) { status subjects subjectsDone counts failed errors { edges { node { subjectId reason } } } } verdicts(sweepRunId: $id) { totalCount } }`), { id: runId });
  expect(run.sweepRun).toEqual({
    status: 'COMPLETED', subjects: 4, subjectsDone: 4, counts: { ELIGIBLE: 3 }, failed: 1,
    errors: { edges: [{ node: { subjectId: servants[1], reason: '事实查询失败 / facts query failed' } }] },
  });
  expect(run.verdicts.totalCount).toBe(3);
});
