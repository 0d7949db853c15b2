import type { Knex } from '@mikro-orm/knex';
import { randomUUID } from 'node:crypto';
import type PgBoss from 'pg-boss';
import { CHUNK_QUEUE, CHUNK_JOB_OPTIONS, type ChunkJob } from './queue';

const INSERT_BATCH = 1000;

/**
 * Puts every chunk of the run that is not yet committed on the queue, and notes each chunk's job.
 * On a resumed run the jobs left from before are cancelled first, so that a chunk is normally
 * taken once; should an old job run anyway, the chunk's done mark makes it a no-op.
 */
export async function enqueuePendingChunks(boss: PgBoss, knex: Knex, runId: string): Promise<number> {
  const pending: { seq: number; job_id: string | null }[] = await knex('sweep_chunk').where({ run_id: runId }).whereNull('done_at').select('seq', 'job_id').orderBy('seq');
  const stale = pending.flatMap((chunk) => (chunk.job_id ? [chunk.job_id] : []));
  for (let i = 0; i < stale.length; i += INSERT_BATCH) await boss.cancel(CHUNK_QUEUE, stale.slice(i, i + INSERT_BATCH)).catch(() => undefined);
  for (let i = 0; i < pending.length; i += INSERT_BATCH) {
    const batch = pending.slice(i, i + INSERT_BATCH).map((chunk) => ({ seq: chunk.seq, jobId: randomUUID() }));
    await boss.insert(batch.map(({ seq, jobId }) => ({ id: jobId, name: CHUNK_QUEUE, data: { runId, seq } satisfies ChunkJob, ...CHUNK_JOB_OPTIONS })));
    await knex.raw(
      'update sweep_chunk c set job_id = v.job_id from unnest(?::int[], ?::uuid[]) as v(seq, job_id) where c.run_id = ? and c.seq = v.seq',
      [batch.map((b) => b.seq), batch.map((b) => b.jobId), runId],
    );
  }
  return pending.length;
}

/** Chunks of the run whose job failed for good (retries used up), with the last reason. */
export async function failedChunks(knex: Knex, runId: string): Promise<{ seq: number; reason: string }[]> {
  const { rows } = await knex.raw(
    `select c.seq, coalesce(j.output->>'message', 'unknown') as reason
       from sweep_chunk c join pgboss.job j on j.name = ? and j.id = c.job_id
      where c.run_id = ? and c.done_at is null and j.state = 'failed' order by c.seq`,
    [CHUNK_QUEUE, runId],
  );
  return rows;
}
