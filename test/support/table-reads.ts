import type { TestServer } from './test-server';

/** The parts of knex's client (and its tarn pool) used to reach every connection the server holds. */
interface PooledClient {
  pool: { numFree(): number; numUsed(): number };
  acquireConnection(): Promise<{ query(text: string): Promise<unknown> }>;
  releaseConnection(connection: unknown): Promise<void>;
}

/**
 * Makes every connection of the server's pool report its pending table statistics now. A backend
 * reports its reads when it goes idle, but at most once a second, else within PostgreSQL's 10 s idle
 * interval: a test that measured reads by the statistics had to sleep that long. With
 * `pg_stat_force_next_flush()` (PostgreSQL 15+) a backend's next report is forced, and it happens
 * before the backend answers ReadyForQuery, so when this returns every read is counted.
 * All the pool's connections are held at once, so each gets the statement (none is new).
 */
export async function flushServerStatistics(server: TestServer): Promise<void> {
  const client = server.app.orm.em.getConnection().getKnex().client as PooledClient;
  const held = await Promise.all(Array.from({ length: client.pool.numFree() + client.pool.numUsed() }, () => client.acquireConnection()));
  try {
    await Promise.all(held.map((connection) => connection.query('select pg_stat_force_next_flush()')));
  } finally {
    await Promise.all(held.map((connection) => client.releaseConnection(connection)));
  }
}

/** Rows of a table the server's sessions read (sequentially or through an index), as PostgreSQL's statistics count them once reported. */
export async function tableRowsRead(server: TestServer, table: string): Promise<number> {
  await flushServerStatistics(server);
  const [row] = await server.sql<{ n: string }>('select (coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0))::text as n from pg_stat_user_tables where relname = ?', [table]);
  return Number(row.n);
}
