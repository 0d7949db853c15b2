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
  /** The client selected `totalCount`: the page's statement counts the parent's items too, so the count costs no statement of its own. */
  withTotal?: boolean;
}

/** A row of the list's table, with the statement's own columns (named `__…`) beside its columns. */
interface Row {
  id: string;
  __branch: number;
  __total: string | null;
  [column: string]: unknown;
}

/** The table's columns of a row, without the statement's own. */
function columnsOf(row: Row): Record<string, unknown> {
  const columns: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(row)) if (!name.startsWith('__')) columns[name] = value;
  return columns;
}

/** Parents read by one statement: a page of 100 parents is one statement, a longer list a few. */
const BRANCHES_PER_STATEMENT = 100;

/** One parent's read after one cursor: the keys asking it, and the most rows any of them needs. */
interface Branch {
  parent: readonly string[];
  after: string[] | null;
  first: number;
  /** Some key asks `totalCount`: the branch's rows carry the parent's count. */
  withTotal: boolean;
  keys: NestedPageKey[];
}

/**
 * Pages of a nested list for many parents at once: one SQL statement per tick for all the parents
 * (and every alias of the field, whatever its `first`), each parent's page read by its own
 * `ORDER BY … LIMIT first + 1` through the list's index, so a page reads what it shows and one row
 * more (hostile10 F2: a window over all of every parent's items, once per distinct `first`, read
 * the whole list again for each alias). Aliases of one parent share its read, with the largest
 * `first` among them. The statement returns the items' rows themselves: they become entities as
 * `em.find` makes them (`em.map`: the same column conversions, the identity map), and prime the
 * list's by-id loader, so a later read of the same item by id (an objection's record, for the audit
 * of personal reads) costs nothing. `totalCount` is counted only when asked (`withTotal`), by the
 * page's own statement; aliases share a parent's count.
 */
export function nestedPages<E extends { id: string }>(em: EntityManager, list: NestedList<E>) {
  const meta = em.getMetadata().get(list.entity.name);
  const column = (property: string) => meta.properties[property as never].fieldNames[0];
  const parentColumns = list.parent.map(column);
  const orderColumns = list.orderBy.map(([property, direction]) => [column(property), direction] as const);
  const cursorList = (parent: readonly string[]) => `${list.name}:${parent.join(':')}`;
  const parentTuple = parentColumns.map((c) => `t."${c}"`).join(', ');

  /** Counts by parent and condition; aliases of one parent's count share it. */
  const counts = new DataLoader<NestedPageKey, number, string>(
    async (keys) => {
      const byCondition = new Map<string | null, NestedPageKey[]>();
      for (const key of keys) byCondition.set(key.condition?.name ?? null, [...(byCondition.get(key.condition?.name ?? null) ?? []), key]);
      const found = new Map<string, number>();
      await Promise.all(
        [...byCondition.values()].map(async (members) => {
          const params: Binding[] = [];
          const parents = members.map((key) => {
            params.push(...key.parent);
            return `(${key.parent.map(() => '?').join(', ')})`;
          });
          const condition = members[0].condition;
          if (condition) params.push(...condition.params);
          const sql = `select ${parentColumns.map((c) => `t."${c}"::text as "__p_${c}"`).join(', ')}, count(*)::int as "__n"
            from "${meta.tableName}" t
            where (${parentTuple}) in (${parents.join(', ')}) and ${condition ? condition.sql : 'true'}
            group by ${parentTuple}`;
          for (const row of (await runSql<Record<string, unknown>>(em, sql, params)).rows) {
            found.set(JSON.stringify([parentColumns.map((c) => row[`__p_${c}`]), condition?.name ?? null]), Number(row.__n));
          }
        }),
      );
      return keys.map((key) => found.get(JSON.stringify([key.parent, key.condition?.name ?? null])) ?? 0);
    },
    { cacheKeyFn: (key) => JSON.stringify([key.parent, key.condition?.name ?? null]) },
  );

  return new DataLoader<NestedPageKey, ConnectionShape<E>, string>(
    async (keys) => {
      // One statement per condition (a condition's parameters are the same for every key naming it).
      const byCondition = new Map<string | null, Map<string, Branch>>();
      for (const key of keys) {
        const after = key.page.after != null ? openAfter(cursorList(key.parent), key.page.after, orderColumns.length) : null;
        const first = key.page.first ?? DEFAULT_PAGE_SIZE;
        const branches = byCondition.get(key.condition?.name ?? null) ?? new Map<string, Branch>();
        byCondition.set(key.condition?.name ?? null, branches);
        const id = JSON.stringify([key.parent, after]);
        const branch = branches.get(id);
        if (branch) {
          branch.first = Math.max(branch.first, first);
          branch.withTotal ||= !!key.withTotal;
          branch.keys.push(key);
        } else branches.set(id, { parent: key.parent, after, first, withTotal: !!key.withTotal, keys: [key] });
      }
      const answers = new Map<NestedPageKey, ConnectionShape<E>>();
      const statements: Branch[][] = [];
      for (const branches of byCondition.values()) {
        const all = [...branches.values()];
        for (let i = 0; i < all.length; i += BRANCHES_PER_STATEMENT) statements.push(all.slice(i, i + BRANCHES_PER_STATEMENT));
      }
      await Promise.all(
        statements.map(async (branches) => {
          const rows = await selectPages(branches);
          const byBranch = new Map<number, Row[]>();
          for (const row of rows) byBranch.set(Number(row.__branch), [...(byBranch.get(Number(row.__branch)) ?? []), row]);
          const entityOf = new Map<string, E>();
          for (const row of rows) {
            if (entityOf.has(row.id)) continue;
            const entity = em.map(list.entity, columnsOf(row) as never) as E;
            entityOf.set(row.id, entity);
            list.byId.clear(row.id).prime(row.id, entity);
          }
          branches.forEach((branch, index) => {
            const found = byBranch.get(index) ?? [];
            // Counted with the page. An empty first page counts none (most servants of a list have no
            // record); an empty page after a cursor has no row to carry the count: counted apart, if asked.
            const total = found.length ? found[0].__total : branch.withTotal && branch.after == null ? '0' : null;
            if (total != null) for (const key of branch.keys) counts.prime(key, Number(total));
            for (const key of branch.keys) {
              const first = key.page.first ?? DEFAULT_PAGE_SIZE;
              const page = found.slice(0, first);
              const seal = (row: Row) => sealCursor(cursorList(key.parent), JSON.stringify(orderColumns.map(([c]) => row[`__o_${c}`])));
              const edges = page.flatMap((row) => {
                const node = entityOf.get(row.id);
                // Sealed when first read, once, as a root page's (connection.ts): most selections ask for no cursor.
                let cursor: string | undefined;
                return node
                  ? [
                      {
                        get cursor() {
                          return (cursor ??= seal(row));
                        },
                        node,
                      },
                    ]
                  : [];
              });
              answers.set(key, {
                edges,
                pageInfo: {
                  hasNextPage: found.length > first,
                  hasPreviousPage: branch.after != null,
                  startCursor: edges[0]?.cursor ?? null,
                  endCursor: edges[edges.length - 1]?.cursor ?? null,
                },
                get totalCount() {
                  return counts.load(key);
                },
              });
            }
          });
        }),
      );
      return keys.map((key) => answers.get(key)!);
    },
    { cacheKeyFn: (key) => JSON.stringify([key.parent, key.page.first ?? null, key.page.after ?? null, key.condition?.name ?? null, !!key.withTotal]) },
  );

  /** Each branch's items after its cursor, in order, at most its first + 1 (the extra one says hasNextPage), each branch by its own LIMIT. */
  async function selectPages(branches: Branch[]): Promise<Row[]> {
    const params: Binding[] = [];
    const order = orderColumns.map(([c, direction]) => `t."${c}" ${direction}`).join(', ');
    const parts = branches.map((branch, index) => {
      const condition = branch.keys[0].condition;
      const parentIs = `(${parentTuple}) = (${branch.parent.map(() => '?').join(', ')}) and ${condition ? condition.sql : 'true'}`;
      // Placeholders bind in order of appearance: the count's (in the select list) come first.
      if (branch.withTotal) params.push(...branch.parent, ...(condition?.params ?? []));
      const total = branch.withTotal ? `(select count(*) from "${meta.tableName}" t where ${parentIs})::text` : 'null';
      params.push(...branch.parent);
      if (condition) params.push(...condition.params);
      const keyset = branch.after ? keysetCondition(branch.after, params) : 'true';
      return `(select t.*, ${index}::int as "__branch", ${total} as "__total",
          ${orderColumns.map(([c]) => `t."${c}"::text as "__o_${c}"`).join(', ')}
        from "${meta.tableName}" t
        where ${parentIs}
          and ${keyset}
        order by ${order}
        limit ${branch.first + 1})`;
    });
    return (await runSql<Row>(em, parts.join('\nunion all\n'), params)).rows;
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
}

/** The sort values a sealed cursor of this parent's list holds; BAD_USER_INPUT on `after` otherwise. */
function openAfter(list: string, sealed: string, columns: number): string[] {
  const inner = openCursor(list, sealed);
  const values = JSON.parse(inner) as unknown;
  if (!Array.isArray(values) || values.length !== columns) throw new BadUserInputError('after', 'is not a cursor of this list; pass an endCursor or an edge cursor from a previous page.');
  return values as string[];
}
