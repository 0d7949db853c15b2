import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import type PgBoss from 'pg-boss';
import { failedChunks as failedChunksOf, noteChunkJobs, pendingChunks } from '../db/repositories/sweep.repository';
import { CHUNK_QUEUE, CHUNK_JOB_OPTIONS, QUEUE_JOB_TABLE, type ChunkJob } from './queue';

const INSERT_BATCH = 1000;

/**
 * Puts every chunk of the run that is not yet committed on the queue, and notes each chunk's job.
 * On a resumed run the jobs left from before are cancelled first, so that a chunk is normally
 * taken once; should an old job run anyway, the chunk's done mark makes it a no-op.
 */
export async function enqueuePendingChunks(boss: PgBoss, em: EntityManager, runId: string): Promise<number> {
  const pending = await pendingChunks(em, runId);
  const stale = pending.flatMap((chunk) => (chunk.jobId ? [chunk.jobId] : []));
  for (let i = 0; i < stale.length; i += INSERT_BATCH) await boss.cancel(CHUNK_QUEUE, stale.slice(i, i + INSERT_BATCH)).catch(() => undefined);
  for (let i = 0; i < pending.length; i += INSERT_BATCH) {
    const batch = pending.slice(i, i + INSERT_BATCH).map((chunk) => ({ seq: chunk.seq, jobId: randomUUID() }));
    await boss.insert(batch.map(({ seq, jobId }) => ({ id: jobId, name: CHUNK_QUEUE, data: { runId, seq } satisfies ChunkJob, ...CHUNK_JOB_OPTIONS })));
    await noteChunkJobs(em, runId, batch);
  }
  return pending.length;
}

/** Chunks of the run whose job failed for good (retries used up), with the last reason. */
export function failedChunks(em: EntityManager, runId: string): Promise<{ seq: number; reason: string }[]> {
  return failedChunksOf(em, runId, { name: CHUNK_QUEUE, jobTable: QUEUE_JOB_TABLE });
}
