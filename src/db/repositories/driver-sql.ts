import type { Knex } from '@mikro-orm/knex';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * One statement with `$n` parameters handed to node-postgres itself, on the connection knex holds
 * for `em`'s transaction, or on one of the ORM's pooled connections outside one: the one pool, and
 * the same transaction, as `runSql` (sql.ts), without knex's raw path (a Raw builder, its `?`
 * placeholders rewritten, a Runner with its connection bookkeeping, events and result processing).
 * For statements whose text is fixed once and sent often: the facts loaders' reads
 * (src/graphql/facts-sql.ts) and `evaluate`'s verdict and audit insert (verdict.repository.ts).
 *
 * Logged as `runSql` logs (MikroORM's query log): the tests count statements there.
 */
interface PgConnection {
  query<R>(config: { text: string; values: readonly unknown[] }): Promise<{ rows: R[] }>;
}

interface KnexClient {
  acquireConnection(): Promise<PgConnection>;
  releaseConnection(connection: PgConnection): Promise<void>;
}

export async function driverSql<R>(em: EntityManager, text: string, values: readonly unknown[]): Promise<R[]> {
  const knex = em.getTransactionContext<Knex.Transaction>() ?? em.getKnex();
  // A transaction's client always gives its own connection and releases nothing (knex makeTxClient).
  const client = (knex as unknown as { client: KnexClient }).client;
  const started = Date.now();
  let level: 'info' | 'error' = 'error';
  const connection = await client.acquireConnection();
  try {
    const { rows } = await connection.query<R>({ text, values });
    level = 'info';
    return rows;
  } finally {
    await client.releaseConnection(connection);
    em.config.getLogger().logQuery({ query: text, took: Date.now() - started, level });
  }
}
