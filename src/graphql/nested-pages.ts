import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { runSql, type Binding } from '../db/repositories/sql';
import { DEFAULT_PAGE_SIZE, type ConnectionShape, type PageArgs } from './connection';
import { BadUserInputError } from '../errors';
import { openCursor, sealCursor } from './cursor';

type Ctor<E> = new (...args: never[]) => E;

/**
 * A nested list that can grow (an agency's civil servants, a subject's records), declared once:
 * its entity, the properties naming its parent, and its order (ending with the unique id, so
 * cursors are stable).
 */
export interface NestedList<E extends { id: string }> {
  /** Names the list in its sealed cursors, e.g. "Agency.civilServants". */
  name: string;
  entity: Ctor<E>;
  parent: readonly string[];
  orderBy: readonly (readonly [string, 'asc' | 'desc'])[];
  byId: DataLoader<string, E | null>;
}

/** One parent's page: the parent's values (in the order of `parent`), the page, and an extra SQL condition's name. */
export interface NestedPageKey {
  parent: readonly string[];
  page: PageArgs;
  /** A condition of the list (e.g. "disclosed": only records publicly disclosed), applied in SQL and in the total. */
  condition?: { name: string; sql: string; params: Binding[] };
}

/** A row of the list's table, with the window's own columns (named `__…`) beside its columns. */
interface Row {
  id: string;
  __total: string;
  [column: string]: unknown;
}

/** The table's columns of a row, without the window's. */
function columnsOf(row: Row): Record<string, unknown> {
  const columns: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(row)) if (!name.startsWith('__')) columns[name] = value;
  return columns;
}

/**
 * Pages of a nested list for many parents at once: one SQL statement per tick for all the parents
 * asking the same page (a window function numbers each parent's items and counts them), which
 * returns the items' rows themselves: they become entities as `em.find` makes them (`em.map`:
 * the same column conversions, the identity map), and prime the list's by-id loader, so a later
 * read of the same item by id (an objection's record, for the audit of personal reads) costs
 * nothing. So a page of 100 agencies, each with its `civilServantsConnection(first: 5)`, costs one
 * statement, as a page of 5 does.
 */
export function nestedPages<E extends { id: string }>(em: EntityManager, list: NestedList<E>) {
  const meta = em.getMetadata().get(list.entity.name);
  const column = (property: string) => meta.properties[property as never].fieldNames[0];
  const parentColumns = list.parent.map(column);
  const orderColumns = list.orderBy.map(([property, direction]) => [column(property), direction] as const);
  const cursorList = (parent: readonly string[]) => `${list.name}:${parent.join(':')}`;

  return new DataLoader<NestedPageKey, ConnectionShape<E>, string>(
    async (keys) => {
      const groups = new Map<string, NestedPageKey[]>();
      for (const key of keys) {
        const after = key.page.after != null ? openAfter(cursorList(key.parent), key.page.after, orderColumns.length) : null;
        const group = JSON.stringify([key.page.first ?? DEFAULT_PAGE_SIZE, after, key.condition?.name ?? null]);
        groups.set(group, [...(groups.get(group) ?? []), key]);
      }
      const answers = new Map<NestedPageKey, ConnectionShape<E>>();
      await Promise.all(
        [...groups.entries()].map(async ([group, members]) => {
          const [first, after] = JSON.parse(group) as [number, string[] | null];
          const rows = await selectPages(members, first, after);
          const byParent = new Map<string, Row[]>();
          for (const row of rows) {
            const parentKey = parentColumns.map((c) => row[`__p_${c}`]).join(':');
            byParent.set(parentKey, [...(byParent.get(parentKey) ?? []), row]);
          }
          const entityOf = new Map<string, E>();
          for (const row of rows) {
            if (entityOf.has(row.id)) continue;
            const entity = em.map(list.entity, columnsOf(row) as never) as E;
            entityOf.set(row.id, entity);
            list.byId.clear(row.id).prime(row.id, entity);
          }
          for (const key of members) {
            const found = byParent.get(key.parent.join(':')) ?? [];
            const page = found.slice(0, first);
            const seal = (row: Row) => sealCursor(cursorList(key.parent), JSON.stringify(orderColumns.map(([c]) => row[`__o_${c}`])));
            const edges = page.flatMap((row) => {
              const node = entityOf.get(row.id);
              return node ? [{ cursor: seal(row), node }] : [];
            });
            const total = Number(found[0]?.__total ?? 0);
            // Past the last item the window has no row to count on: counted apart, only when asked.
            const counted = found.length || after == null ? Promise.resolve(total) : undefined;
            answers.set(key, {
              edges,
              pageInfo: {
                hasNextPage: found.length > first,
                hasPreviousPage: after != null,
                startCursor: edges[0]?.cursor ?? null,
                endCursor: edges[edges.length - 1]?.cursor ?? null,
              },
              get totalCount() {
                return counted ?? countOf(key);
              },
            });
          }
        }),
      );
      return keys.map((key) => answers.get(key)!);
    },
    { cacheKeyFn: (key) => JSON.stringify([key.parent, key.page.first ?? null, key.page.after ?? null, key.condition?.name ?? null]) },
  );

  /** Each parent's items after the cursor, numbered per parent; at most first + 1 each (the extra one says hasNextPage). */
  async function selectPages(members: NestedPageKey[], first: number, after: string[] | null): Promise<Row[]> {
    const params: Binding[] = [];
    const parents = members.map((key) => {
      params.push(...key.parent);
      return `(${key.parent.map(() => '?').join(', ')})`;
    });
    const condition = members[0].condition;
    if (condition) params.push(...condition.params);
    const keyset = after ? keysetCondition(after, params) : 'true';
    const order = orderColumns.map(([c, direction]) => `t."${c}" ${direction}`).join(', ');
    const partition = parentColumns.map((c) => `t."${c}"`).join(', ');
    const sql = `select * from (
        select t.*,
          ${parentColumns.map((c) => `t."${c}"::text as "__p_${c}"`).join(', ')},
          ${orderColumns.map(([c]) => `t."${c}"::text as "__o_${c}"`).join(', ')},
          row_number() over (partition by ${partition} order by ${order}) as "__position"
        from (
          select t.*, count(*) over (partition by ${partition})::text as "__total"
          from "${meta.tableName}" t
          where (${parentColumns.map((c) => `t."${c}"`).join(', ')}) in (${parents.join(', ')})
            and ${condition ? condition.sql : 'true'}
        ) t
        where ${keyset}
      ) numbered
      where "__position" <= ${first + 1}
      order by "__position"`;
    return (await runSql<Row>(em, sql, params)).rows;
  }

  /** Items after the cursor's values: (a < x) or (a = x and b > y) …, by each column's direction. */
  function keysetCondition(after: string[], params: Binding[]): string {
    const alternatives = orderColumns.map(([c, direction], i) => {
      const equal = orderColumns.slice(0, i).map(([earlier], j) => {
        params.push(after[j]);
        return `t."${earlier}"::text = ?`;
      });
      params.push(after[i]);
      const comparison = `t."${c}" ${direction === 'desc' ? '<' : '>'} ?`;
      return `(${[...equal, comparison].join(' and ')})`;
    });
    return `(${alternatives.join(' or ')})`;
  }

  async function countOf(key: NestedPageKey): Promise<number> {
    const params = [...key.parent, ...(key.condition?.params ?? [])];
    const sql = `select count(*)::int as n from "${meta.tableName}" t where (${parentColumns.map((c) => `t."${c}"`).join(', ')}) = (${key.parent.map(() => '?').join(', ')}) and ${key.condition ? key.condition.sql : 'true'}`;
    const { rows } = await runSql<{ n: number }>(em, sql, params);
    return rows[0].n;
  }
}

/** The sort values a sealed cursor of this parent's list holds; BAD_USER_INPUT on `after` otherwise. */
function openAfter(list: string, sealed: string, columns: number): string[] {
  const inner = openCursor(list, sealed);
  const values = JSON.parse(inner) as unknown;
  if (!Array.isArray(values) || values.length !== columns) throw new BadUserInputError('after', 'is not a cursor of this list; pass an endCursor or an edge cursor from a previous page.');
  return values as string[];
}
