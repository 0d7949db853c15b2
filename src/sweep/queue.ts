import PgBoss from 'pg-boss';

/** The pg-boss queue that carries sweep chunks to workers, in the same PostgreSQL as the data. */
export const CHUNK_QUEUE = 'chengxin-sweep-chunk';

/** pg-boss's table of jobs, in the schema it creates (`pgboss`, its default): read to find chunks whose job failed for good. */
export const QUEUE_JOB_TABLE = 'pgboss.job';

/** What a job names: one chunk of one run. Everything else is read from the run and chunk rows. */
export interface ChunkJob {
  runId: string;
  seq: number;
}

/**
 * A chunk is retried a few times (a worker killed mid-chunk leaves its job active until it
 * expires, then another worker takes it); a chunk that keeps failing fails the sweep, which can
 * be resumed once the cause is mended.
 */
export const CHUNK_JOB_OPTIONS = { retryLimit: 3, retryDelay: 2, expireInSeconds: 600 };
const QUEUE_OPTIONS = { name: CHUNK_QUEUE, policy: 'standard' as const, ...CHUNK_JOB_OPTIONS };

/**
 * Connects to the queue (pg-boss creates or migrates its schema `pgboss` on first start). pg-boss
 * keeps a small pool of its own (max 3): it polls, maintains and migrates its schema by itself,
 * and a queue call must not wait behind a chunk's write for one of the ORM's connections.
 */
export async function openQueue(databaseUrl: string, onError: (error: Error) => void): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: databaseUrl, max: 3, application_name: 'chengxin-sweep' });
  boss.on('error', onError);
  await boss.start();
  await boss.createQueue(CHUNK_QUEUE, QUEUE_OPTIONS);
  return boss;
}
