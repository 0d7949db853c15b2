import type { EntityManager } from '@mikro-orm/postgresql';
import { chunkSubjectIds, commitChunk, completeRunIfDone, findChunk, findRunPlan, runStatus } from '../db/repositories/sweep.repository';
import { SweepStatus } from '../domain/sweep';
import type { RuleSet } from '../engine/rule-set';
import { evaluateChunk } from '../evaluation/sweep.service';
import { FACTS_BATCH } from '../config-defaults';
import type { FactsRunner } from '../evaluation/facts';
import { sweepChunkSeconds, sweepSubjectsTotal } from '../metrics';
import type { ChunkJob } from './queue';

/**
 * This worker's rules are not the run's: the chunk is not this worker's to do, and says nothing of
 * the chunk itself, so it goes back to the queue without spending a retry (src/sweep/worker.ts).
 */
export class RulesMismatchError extends Error {
  override name = 'RulesMismatchError';
}

export interface ChunkReport {
  runId: string;
  seq: number;
  /** True when the chunk had already been committed (a retried or duplicated job) or its run was cancelled: nothing was done. */
  alreadyDone: boolean;
  evaluated: number;
  failed: number;
}

/** What a worker brings to a chunk: a unit of work, the facts runner and the rule set. */
export interface ChunkDeps {
  em: EntityManager;
  facts: FactsRunner;
  ruleSet: RuleSet;
  /** Subjects read and decided at once within the chunk (SWEEP_FACTS_BATCH); default FACTS_BATCH. */
  factsBatch?: number;
}

/**
 * Evaluates one chunk of a sweep and commits it whole (the write itself: commitChunk in
 * src/db/repositories/sweep.repository.ts). A chunk already marked done (a job delivered twice, a
 * run resumed) is left alone, and the unique index on (run, subject) would refuse a second
 * verdict anyway: nothing is lost, nothing doubled. Subjects that fail are recorded, not thrown.
 */
export async function processChunk({ em, facts, ruleSet, factsBatch }: ChunkDeps, job: ChunkJob): Promise<ChunkReport> {
  const started = performance.now();
  const plan = await findRunPlan(em, job.runId);
  const none = { runId: job.runId, seq: job.seq, alreadyDone: true, evaluated: 0, failed: 0 };
  // A cancelled run's chunks are not evaluated at all, whatever rules this worker has (commitChunk
  // checks again under the run's lock): their jobs end quietly instead of failing into retries.
  if ((await runStatus(em, job.runId)) === SweepStatus.CANCELLED) return none;
  if (plan.ruleSetVersion !== ruleSet.version) {
    throw new RulesMismatchError(
      `This worker's rules (version ${ruleSet.version.slice(0, 12)}) differ from those sweep ${job.runId} started with (${plan.ruleSetVersion.slice(0, 12)}); ` +
        'start workers from the same rule files (规则文件须与开始时一致).',
    );
  }
  const chunk = await findChunk(em, job.runId, job.seq);
  if (!chunk) throw new Error(`Sweep ${job.runId} has no chunk ${job.seq}.`);
  if (chunk.done) return none;

  const ids = await chunkSubjectIds(em, plan, chunk);
  const result = await evaluateChunk(em, facts, ruleSet, chunk.subjectType, plan.matter, ids, plan.asOf, factsBatch ?? FACTS_BATCH);
  const writeStarted = performance.now();
  const committed = await commitChunk(em, chunk, plan, result, () => ({ ...result.stageMs, write: Math.round(performance.now() - writeStarted) }));
  if (!committed) return none;
  await completeRunIfDone(em, job.runId);

  for (const [outcome, n] of Object.entries(result.byOutcome)) sweepSubjectsTotal.inc({ matter: plan.matter, outcome }, n);
  if (result.errors.length) sweepSubjectsTotal.inc({ matter: plan.matter, outcome: 'FAILED' }, result.errors.length);
  sweepChunkSeconds.observe((performance.now() - started) / 1000);
  return { runId: job.runId, seq: job.seq, alreadyDone: false, evaluated: result.verdicts.length, failed: result.errors.length };
}
