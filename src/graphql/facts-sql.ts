import type { EntityManager } from '@mikro-orm/postgresql';
import { driverSql } from '../db/repositories/driver-sql';

/**
 * The facts loaders' statements (src/graphql/fact-rows.ts, subject-rows.ts), sent by the driver
 * itself: one node-postgres `query` with `$n` parameters on the connection knex holds for `em`'s
 * transaction (the facts runner's read), or on one of the ORM's pooled connections for a request
 * outside one — the one pool, and the same transaction, as `runSql` (src/db/repositories/sql.ts).
 *
 * Why not `runSql`: a facts read sends a dozen statements per batch of subjects, and knex's raw
 * path (a Raw builder, its `?` placeholders rewritten, a Runner, its events and result processing)
 * was most of MikroORM + knex's share of the sweep's facts stage once the subjects stopped being
 * hydrated (issue 13, stop 30 in BENCHMARKS.md). These statements need none of it: their text is
 * fixed and their parameters are arrays of ids.
 *
 * Logged as `runSql` logs (MikroORM's query log): the tests count statements there (driver-sql.ts).
 */
export function factsSql<R>(em: EntityManager, text: string, values: readonly unknown[]): Promise<R[]> {
  return driverSql<R>(em, text, values);
}
