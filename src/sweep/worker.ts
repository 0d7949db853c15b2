import type { MikroORM } from '@mikro-orm/postgresql';
import type PgBoss from 'pg-boss';
import { setTimeout as sleep } from 'node:timers/promises';
import { SweepStatus } from '../domain/sweep';
import type { EvaluationDeps } from '../evaluation/evaluate.service';
import { randomUUID } from 'node:crypto';
import { processChunk, RulesMismatchError, type ChunkReport } from './chunk';
import { CHUNK_JOB_OPTIONS, CHUNK_QUEUE, type ChunkJob } from './queue';
import { failRun, noteChunkJobs, runProgress } from '../db/repositories/sweep.repository';

export interface WorkerOptions {
  orm: MikroORM;
  /** A fresh unit of work per chunk: its EntityManager, the rule set in force and the facts runner. */
  unitOfWork: () => EvaluationDeps;
  /** Subjects a chunk reads facts for at once (SWEEP_FACTS_BATCH); default FACTS_BATCH. */
  factsBatch?: number;
  boss: PgBoss;
  /** Chunks this process works on at once: one reads facts while another runs rules. */
  concurrency: number;
  /** Stop once this run is complete or cancelled (the local workers a sweep starts); otherwise work until stopped. */
  untilRunCompletes?: string;
  onChunk?: (report: ChunkReport) => void;
  onFailure?: (job: ChunkJob, error: Error) => void;
  onQueueError?: (error: Error) => void;
}

/** How long an idle worker waits before asking the queue again. */
const IDLE_WAIT_MS = 500;
/** How long a chunk released by a worker with other rules waits before any worker may take it again. */
const RELEASE_DELAY_SECONDS = 5;
/** How long a worker waits when the queue cannot be reached. */
const QUEUE_RETRY_MS = 2000;

/**
 * Takes chunks from the queue and processes them until stopped (or, for a sweep's own workers,
 * until its run is complete). A chunk that throws is failed back to the queue, which retries it, and
 * once its retries are spent the run is FAILED; a chunk of a run with other rules is released
 * without spending a retry. Subject-level failures never throw, they are recorded with the chunk.
 */
export function startWorker(options: WorkerOptions): { stop(): void; done: Promise<void> } {
  let stopping = false;
  const nextJob = async () => {
    const [job] = (await options.boss.fetch<ChunkJob>(CHUNK_QUEUE, { batchSize: 1 })) ?? [];
    return job;
  };
  /**
   * A chunk this worker's rules cannot do goes back to the queue as a new job, a while later, with
   * its retries whole: failing it spent them, and the same stale worker took every retry, so the
   * chunk failed for good though workers with the run's rules were there (hostile31 F9). The new
   * job is noted on the chunk (a resume or cancel finds it) before the old one is let go; should
   * this worker die between, the old job expires and is retried.
   */
  const release = async (job: PgBoss.Job<ChunkJob>, failure: Error) => {
    const jobId = randomUUID();
    await options.boss.send(CHUNK_QUEUE, job.data, { ...CHUNK_JOB_OPTIONS, id: jobId, startAfter: RELEASE_DELAY_SECONDS });
    await noteChunkJobs(options.orm.em.fork(), job.data.runId, [{ seq: job.data.seq, jobId }]);
    await options.boss.complete(CHUNK_QUEUE, job.id, { released: failure.message });
  };
  /**
   * A chunk whose job has failed for good (its retries spent) fails its run, saying how to resume:
   * no worker will take the chunk again, so the run would stay RUNNING, blocking its matter.
   */
  const failRunIfSpent = async (job: PgBoss.Job<ChunkJob>) => {
    const state = await options.boss.getJobById<ChunkJob>(CHUNK_QUEUE, job.id);
    if (state?.state !== 'failed') return;
    const reason = (state.output as { message?: string } | null)?.message ?? 'unknown';
    await failRun(options.orm.em.fork(), job.data.runId,
      `批次 ${job.data.seq} 重试 ${state.retryCount} 次后仍失败 / chunk ${job.data.seq} failed after ${state.retryCount} retries: ${reason} ` +
        `修复后继续 Mend the cause, then resume with: npx chengxin evaluate --all --resume ${job.data.runId}`);
  };
  const loop = async () => {
    while (!stopping) {
      let job: Awaited<ReturnType<typeof nextJob>>;
      try {
        job = await nextJob();
        if (!job && options.untilRunCompletes && (await runProgress(options.orm.em.fork(), options.untilRunCompletes)).status !== SweepStatus.RUNNING) return;
      } catch (error) {
        // The database is away: wait and ask again rather than give up the worker.
        options.onQueueError?.(error instanceof Error ? error : new Error(String(error)));
        await sleep(QUEUE_RETRY_MS);
        continue;
      }
      if (!job) {
        await sleep(IDLE_WAIT_MS);
        continue;
      }
      try {
        const report = await processChunk({ ...options.unitOfWork(), factsBatch: options.factsBatch }, job.data);
        await options.boss.complete(CHUNK_QUEUE, job.id, { evaluated: report.evaluated, failed: report.failed });
        options.onChunk?.(report);
      } catch (error) {
        const failure = error instanceof Error ? error : new Error(String(error));
        if (failure instanceof RulesMismatchError) {
          await release(job, failure).catch(() => undefined);
        } else {
          // Should the failure not reach the queue either, the job expires and is retried all the same.
          await options.boss.fail(CHUNK_QUEUE, job.id, { message: failure.message }).catch(() => undefined);
          await failRunIfSpent(job).catch(() => undefined);
        }
        options.onFailure?.(job.data, failure);
      }
    }
  };
  const done = Promise.all(Array.from({ length: options.concurrency }, loop)).then(() => undefined);
  return { stop: () => void (stopping = true), done };
}
