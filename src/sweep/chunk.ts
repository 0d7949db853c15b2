import type { EntityManager } from '@mikro-orm/postgresql';
import type { Pool, PoolClient } from 'pg';
import type { SubjectType } from '../domain/subject';
import type { RuleSet } from '../engine/rule-set';
import { evaluateChunk, type ChunkResult } from '../evaluation/sweep.service';
import type { FactsRunner } from '../evaluation/facts';
import { sweepChunkSeconds, sweepSubjectsTotal } from '../metrics';
import { subjectTable } from '../registry/subjects';
import type { ChunkJob } from './queue';
import { completeRunIfDone, findRunPlan, type RunPlan } from './run-state';

export interface ChunkReport {
  runId: string;
  seq: number;
  /** True when the chunk had already been committed (a retried or duplicated job) or its run was cancelled: nothing was done. */
  alreadyDone: boolean;
  evaluated: number;
  failed: number;
}

/** The subjects of one chunk: its id range, less those registered after the run started. */
async function chunkSubjects(em: EntityManager, plan: RunPlan, chunk: { subject_type: SubjectType; first_id: string; before_id: string | null }): Promise<string[]> {
  const rows: { id: string }[] = await em.getKnex()(subjectTable(em, chunk.subject_type))
    .select('id')
    .where('id', '>=', chunk.first_id)
    .modify((q) => (chunk.before_id ? q.where('id', '<', chunk.before_id) : q))
    .where('created_at', '<=', plan.startedAt)
    .orderBy('id');
  return rows.map((r) => r.id);
}

/**
 * A chunk's verdicts in one statement: the columns they share as single values, the rest as arrays
 * unnested by PostgreSQL, facts and explanations as two JSON arrays parsed once into JSONB and
 * joined by position. (Measured on 500 verdicts: 75 ms, against 113 ms for json_populate_recordset
 * and 160 ms for text arrays cast to JSONB.)
 */
async function insertVerdicts(client: PoolClient, runId: string, plan: RunPlan, subjectType: SubjectType, result: ChunkResult): Promise<void> {
  const v = result.verdicts;
  await client.query(
    `insert into verdict (id, subject_type, subject_id, matter, as_of, day, evaluated_at, outcome, score, rule_set_version, parameters_file, facts, rules, sweep_run_id)
     select r.id, $1, r.subject_id, $2, $3, $4, r.evaluated_at, r.outcome, r.score, $5, $6, f.value, x.value, $7
       from unnest($8::uuid[], $9::uuid[], $10::timestamptz[], $11::verdict_outcome[], $12::float8[]) with ordinality as r(id, subject_id, evaluated_at, outcome, score, n)
       join jsonb_array_elements($13::jsonb) with ordinality as f on f.ordinality = r.n
       join jsonb_array_elements($14::jsonb) with ordinality as x on x.ordinality = r.n
     on conflict do nothing`,
    [
      subjectType, plan.matter, plan.asOf, plan.day, plan.ruleSetVersion, result.parametersFile, runId,
      v.map((r) => r.id), v.map((r) => r.subjectId), v.map((r) => r.evaluatedAt), v.map((r) => r.outcome), v.map((r) => r.score),
      JSON.stringify(v.map((r) => r.facts)), JSON.stringify(v.map((r) => r.rules)),
    ],
  );
}

/** Runs `work` in a transaction on one pooled connection: committed if it returns, rolled back if it throws. */
async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Stores a chunk's verdicts, its failed subjects and its done mark in one transaction, after
 * locking the chunk's row; returns false (and writes nothing) when another delivery of the same
 * chunk committed first, or the run was cancelled.
 */
async function commitChunk(pool: Pool, job: ChunkJob, plan: RunPlan, subjectType: SubjectType, result: ChunkResult, stageMs: () => object): Promise<boolean> {
  return inTransaction(pool, async (client) => {
    const { rows } = await client.query('select done_at from sweep_chunk where run_id = $1 and seq = $2 for update', [job.runId, job.seq]);
    if (rows[0].done_at) return false;
    // A cancelled run takes no more verdicts. FOR SHARE waits for a cancellation in progress (which
    // locks the row FOR UPDATE) and keeps the run from being cancelled until this chunk is in.
    const run = await client.query('select status from sweep_run where id = $1 for share', [job.runId]);
    if (run.rows[0]?.status !== 'RUNNING') return false;
    await client.query('set local synchronous_commit = off');
    if (result.verdicts.length) await insertVerdicts(client, job.runId, plan, subjectType, result);
    if (result.errors.length) {
      await client.query(
        `insert into sweep_error (id, run_id, subject_type, subject_id, reason)
         select gen_random_uuid(), $1, $2, e.subject_id, e.reason from unnest($3::uuid[], $4::text[]) as e(subject_id, reason)
         on conflict (run_id, subject_type, subject_id) do nothing`,
        [job.runId, subjectType, result.errors.map((e) => e.subjectId), result.errors.map((e) => e.reason)],
      );
    }
    await client.query('update sweep_chunk set done_at = now(), counts = $3, failed = $4, stage_ms = $5 where run_id = $1 and seq = $2', [
      job.runId, job.seq, JSON.stringify(result.byOutcome), result.errors.length, JSON.stringify(stageMs()),
    ]);
    return true;
  });
}

/** What a worker brings to a chunk: a unit of work, the facts runner, the rule set, and a pool for the bulk writes. */
export interface ChunkDeps {
  em: EntityManager;
  facts: FactsRunner;
  ruleSet: RuleSet;
  /** node-postgres pool: the writes pass whole arrays as parameters, which the ORM's query builder would expand. */
  pool: Pool;
}

/**
 * Evaluates one chunk of a sweep and commits it whole. A chunk already marked done (a job delivered
 * twice, a run resumed) is left alone, and the unique index on (run, subject) would refuse a second
 * verdict anyway: nothing is lost, nothing doubled. Subjects that fail are recorded, not thrown.
 *
 * The commit does not wait for the WAL flush (synchronous_commit off): should the database crash
 * just after, the chunk's rows and its done mark are lost together and the chunk is done again.
 */
export async function processChunk({ em, facts, ruleSet, pool }: ChunkDeps, job: ChunkJob): Promise<ChunkReport> {
  const started = performance.now();
  const knex = em.getKnex();
  const plan = await findRunPlan(knex, job.runId);
  const none = { runId: job.runId, seq: job.seq, alreadyDone: true, evaluated: 0, failed: 0 };
  // A cancelled run's chunks are not evaluated at all, whatever rules this worker has (commitChunk
  // checks again under the run's lock): their jobs end quietly instead of failing into retries.
  const { status } = await knex('sweep_run').where({ id: job.runId }).first('status');
  if (status === 'CANCELLED') return none;
  if (plan.ruleSetVersion !== ruleSet.version) {
    throw new Error(
      `This worker's rules (version ${ruleSet.version.slice(0, 12)}) differ from those sweep ${job.runId} started with (${plan.ruleSetVersion.slice(0, 12)}); ` +
        'start workers from the same rule files (规则文件须与开始时一致).',
    );
  }
  const chunk = await knex('sweep_chunk').where({ run_id: job.runId, seq: job.seq }).first();
  if (!chunk) throw new Error(`Sweep ${job.runId} has no chunk ${job.seq}.`);
  if (chunk.done_at) return none;

  const ids = await chunkSubjects(em, plan, chunk);
  const result = await evaluateChunk(em, facts, ruleSet, chunk.subject_type, plan.matter, ids, plan.asOf);
  const writeStarted = performance.now();
  const committed = await commitChunk(pool, job, plan, chunk.subject_type, result, () => ({ ...result.stageMs, write: Math.round(performance.now() - writeStarted) }));
  if (!committed) return none;
  await completeRunIfDone(knex, job.runId);

  for (const [outcome, n] of Object.entries(result.byOutcome)) sweepSubjectsTotal.inc({ matter: plan.matter, outcome }, n);
  if (result.errors.length) sweepSubjectsTotal.inc({ matter: plan.matter, outcome: 'FAILED' }, result.errors.length);
  sweepChunkSeconds.observe((performance.now() - started) / 1000);
  return { runId: job.runId, seq: job.seq, alreadyDone: false, evaluated: result.verdicts.length, failed: result.errors.length };
}
