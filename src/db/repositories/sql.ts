import type { IsolationLevel } from '@mikro-orm/core';
import type { EntityClass } from '@mikro-orm/core';
import type { Knex } from '@mikro-orm/knex';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * The one way this code sends SQL the entity API cannot write (set-based inserts of a whole
 * chunk, window functions, aggregates, upserts, NOTIFY): knex, the query builder MikroORM itself
 * runs on. The repositories use it, and so do the few statements beside their use case (stale
 * verdicts, rule-set snapshots, nested pages, change notices).
 *
 * Why knex, and not the two other ways this code once used:
 * - `em.getConnection().execute(sql, params)` inlines the parameters into the SQL text (MikroORM's
 *   `formatQuery`): a chunk's facts and explanations, megabytes of JSON, would be escaped into the
 *   statement, and an array would be spread into a list. `knex.raw(sql, bindings)` sends them as
 *   bound parameters ($1, $2 …), so an array stays one array for `unnest`.
 * - a `pg.Pool` of its own was a second pool to size and close beside the ORM's, for the same
 *   database. knex uses the ORM's pool and its transactions (`em.getTransactionContext()`).
 * pg-boss keeps its own small pool (src/sweep/queue.ts): it runs its own schema, maintenance and
 * polling, and a queue call must not wait for a connection behind a chunk's write.
 *
 * The facts loaders' reads (src/graphql/facts-sql.ts) skip knex's raw path and hand their fixed
 * statements to the driver, on the same pool and transaction connection knex holds.
 *
 * Names come from the entities' metadata (`sqlNames`), so a table or column renamed in an entity
 * is renamed in this SQL too. Statements sent this way are written to MikroORM's query log (its
 * `debug`) by `runSql` itself (knex does not go through it), with their text but not their values.
 */
function knexOf(em: EntityManager): Knex {
  return em.getTransactionContext<Knex.Transaction>() ?? em.getKnex();
}

/** A bound value: knex's own, plus arrays holding nulls (node-postgres sends them as SQL arrays with NULL; knex's types leave them out). */
export type Binding = Knex.RawBinding | readonly (string | number | Date | null)[];

/** What a statement returns (node-postgres' result, as knex passes it on). */
export interface SqlResult<R> {
  rows: R[];
  rowCount: number;
}

/**
 * Runs one statement with `?` placeholders bound in order, in `em`'s transaction when it has one
 * (else on a pooled connection). Names in `text` come from `sqlNames`.
 */
export async function runSql<R = Record<string, never>>(em: EntityManager, text: string, bindings: Binding[] = []): Promise<SqlResult<R>> {
  const started = Date.now();
  let level: 'info' | 'error' = 'error';
  try {
    const result: SqlResult<R> = await knexOf(em).raw(text, bindings as Knex.RawBinding[]);
    level = 'info';
    return result;
  } finally {
    // Logged as MikroORM logs its own: the query log shows every statement, and the tests count them.
    em.config.getLogger().logQuery({ query: text, took: Date.now() - started, level });
  }
}

/** An entity's table, its properties' columns (both quoted) and the columns' SQL types (for casts of bound arrays). */
export interface SqlNames<E> {
  table: string;
  col: Record<keyof E & string, string>;
  type: Record<keyof E & string, string>;
}

const cache = new Map<string, SqlNames<unknown>>();
const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Table and column names of an entity as the ORM maps them (see `knexOf`). */
export function sqlNames<E>(em: EntityManager, entity: EntityClass<E>): SqlNames<E> {
  let names = cache.get(entity.name);
  if (!names) {
    const meta = em.getMetadata().get(entity.name);
    const col: Record<string, string> = {};
    const type: Record<string, string> = {};
    for (const prop of meta.props) {
      if (!prop.fieldNames?.length) continue;
      col[prop.name] = quote(prop.fieldNames[0]);
      type[prop.name] = prop.columnTypes[0];
    }
    names = { table: quote(meta.tableName), col, type };
    cache.set(entity.name, names);
  }
  return names as SqlNames<E>;
}

/**
 * A transaction on a fresh fork of `em`, opened and ended on the connection itself: for work of
 * plain SQL or reads only, which has nothing for the unit of work to flush. MikroORM's own
 * `transactional()` and `commit()` flush at the end (comparing every entity loaded) and run inside
 * an AsyncLocalStorage, whose hook then costs every promise of the process; a sweep's worker (its
 * facts reads and chunk commits) and the facts runner do without both.
 */
export async function sqlTransaction<T>(em: EntityManager, work: (tx: EntityManager) => Promise<T>, options: { readOnly?: boolean; isolationLevel?: IsolationLevel } = {}): Promise<T> {
  const connection = em.getConnection();
  const tx = em.fork({ clear: true });
  const trx = await connection.begin(options);
  tx.setTransactionContext(trx);
  try {
    const result = await work(tx);
    await connection.commit(trx);
    return result;
  } catch (error) {
    await connection.rollback(trx).catch(() => undefined);
    throw error;
  } finally {
    tx.resetTransactionContext();
  }
}
