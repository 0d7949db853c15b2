import { Cursor, type Dictionary, type EntityMetadata } from '@mikro-orm/core';
import type { EntityManager, FilterQuery, QueryOrderMap } from '@mikro-orm/postgresql';
import type { ClassType } from 'type-graphql';

/** A page of entities and, when the page has rows, how many match the condition across all pages. */
export interface PageAndTotal<E extends object> {
  page: Cursor<E>;
  /** From the page's own statement; undefined when no row came back past a cursor (then nothing carried it). */
  total: number | undefined;
}

/**
 * One page by keyset, as `em.findByCursor` reads it, with the list's total carried by the same
 * statement: `(select count(*) from … where <condition>) as "__total"`, an uncorrelated subquery that
 * PostgreSQL runs once (an InitPlan), while the page itself keeps its ordered index scan and limit.
 * Used only when a client selects `totalCount`, so a page without it pays nothing.
 */
export async function pageWithTotal<E extends object>(
  em: EntityManager,
  entity: ClassType<E>,
  condition: () => FilterQuery<E>,
  options: { first: number; after: string | undefined; orderBy: QueryOrderMap<E> },
  joined: readonly string[],
): Promise<PageAndTotal<E>> {
  const meta = em.getMetadata().get(entity.name) as EntityMetadata<E>;
  const cursorOptions: Dictionary = { first: options.first, after: options.after, overfetch: true, orderBy: options.orderBy };
  // The keyset condition and order exactly as em.find builds them for a cursor (a protected method of the driver).
  const driver = em.getDriver() as unknown as { processCursorOptions(meta: unknown, options: unknown, orderBy: unknown): { orderBy: unknown; where: unknown } };
  const { orderBy, where: afterCursor } = driver.processCursorOptions(meta, cursorOptions, options.orderBy);
  const count = em.createQueryBuilder(entity, 'counted').count().where(condition());
  const qb = em.createQueryBuilder(entity, 'e0').select(['*', count.as('__total')]);
  for (const relation of joined) qb.leftJoinAndSelect(`e0.${relation}` as never, `j_${relation}`);
  qb.where(condition()).andWhere(afterCursor as never).orderBy(orderBy as never).limit(cursorOptions.limit as number);
  const rows = (await qb.execute('all', true)) as Dictionary[];
  const total = rows.length > 0 ? Number(rows[0].__total) : options.after === undefined ? 0 : undefined;
  const items = rows.map((row) => {
    delete row.__total;
    return em.map(entity, row as never) as E;
  });
  return { page: new Cursor(items as never[], undefined as never, cursorOptions as never, meta) as Cursor<E>, total };
}
