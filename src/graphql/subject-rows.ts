import { ReferenceKind, Utils, wrap, type EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { Agency, CivilServant, Enterprise } from '../db/entities';
import { sqlNames } from '../db/repositories/sql';
import { factsSql } from './facts-sql';
import type { StatementGate } from './statement-gate';

/**
 * The subjects of a facts read (agencies, civil servants, enterprises) as plain rows, not ORM
 * entities: what the facts runner's loaders give (createLoaders(…, { plainSubjects: true }),
 * src/graphql/facts-runner.ts). A sweep reads thousands of subjects, and hydrating each (and a
 * servant's agency) through MikroORM's EntityFactory, with its identity map and relation
 * propagation, was 3–4 % of a facts read's CPU and more in garbage (issue 13, stop 28 profile).
 *
 * A row has every property the entity maps, under the entity's names and with the values its
 * hydrator gives: dates as 'YYYY-MM-DD' text, times as Date, enums as their text, `rowVersion` as
 * the row's `xmin` (the version the verdict's row digest is made of). A relation is `{ id }`, as
 * an entity's unloaded reference reads, or, for a civil servant's agency read in the servant's
 * statement, the agency's own row. So every field resolver of the served schema reads a row as it
 * reads an entity (`servant.agency.id`, `agency.parent?.id`, the Guarded `name`, …):
 * test/graphql/subject-rows.test.ts compares each with its entity, property by property.
 *
 * Only the facts runner reads subjects so; the served schema's requests keep entities.
 */

export type AgencyRow = Pick<Agency, 'id' | 'uscc' | 'name' | 'level' | 'kind' | 'kindEstimated' | 'createdAt' | 'updatedAt' | 'rowVersion'> & { parent: { id: string } | null };
export type CivilServantRow = Pick<CivilServant, 'id' | 'idCardNumber' | 'name' | 'post' | 'rank' | 'leadingCadre' | 'principal' | 'principalSince' | 'createdAt' | 'updatedAt' | 'rowVersion'> & { agency: { id: string } | AgencyRow };
export type EnterpriseRow = Pick<Enterprise, 'id' | 'uscc' | 'name' | 'creditGrade' | 'gradedOn' | 'createdAt' | 'updatedAt' | 'rowVersion'>;

/** How a property's value comes out of its column: as it is, parsed to a Date, or as a reference `{ id }`. */
type Way = 'value' | 'date' | 'reference';

interface Shape {
  table: string;
  /** [property, quoted column, way]. */
  columns: readonly (readonly [string, string, Way])[];
}

const shapes = new Map<string, Shape>();

/** Every mapped column of `entity`, from the ORM's metadata (so a column added to the entity is in the row too). */
function shapeOf(em: EntityManager, entity: EntityClass<unknown>): Shape {
  let shape = shapes.get(entity.name);
  if (!shape) {
    const meta = em.getMetadata().get(entity.name);
    const names = sqlNames(em, entity);
    const col = names.col as Record<string, string>;
    const columns: [string, string, Way][] = [];
    for (const prop of meta.props) {
      if (prop.formula || prop.persist === false || !prop.fieldNames?.length) continue;
      if (prop.kind === ReferenceKind.MANY_TO_ONE) columns.push([prop.name, col[prop.name], 'reference']);
      else if (prop.kind === ReferenceKind.SCALAR) columns.push([prop.name, col[prop.name], prop.runtimeType === 'Date' ? 'date' : 'value']);
    }
    shape = { table: names.table, columns };
    shapes.set(entity.name, shape);
  }
  return shape;
}

/** The select list of `shape` under `alias`, each column named `prefix` + property; `xmin` as `rowVersion`. */
function selectList(shape: Shape, alias: string, prefix: string): string {
  return [...shape.columns.map(([prop, column]) => `${alias}.${column} as "${prefix}${prop}"`), `${alias}.xmin::text as "${prefix}rowVersion"`].join(', ');
}

/** Rows made here: whole rows, where a relation `{ id }` is a reference only (isWholeRow). */
const wholeRows = new WeakSet<object>();

/** The row of `shape` out of a result row's columns named `prefix` + property. */
function rowOf<R extends object>(em: EntityManager, shape: Shape, raw: Record<string, unknown>, prefix: string): R {
  const row: Record<string, unknown> = {};
  for (const [prop, , way] of shape.columns) {
    const value = raw[prefix + prop];
    row[prop] = value == null ? (value ?? null) : way === 'date' ? em.getPlatform().parseDate(value as string) : way === 'reference' ? { id: value } : value;
  }
  row.rowVersion = raw[`${prefix}rowVersion`];
  wholeRows.add(row);
  return row as R;
}

/** Whether `value` is a whole subject: a row made here or an initialized entity, not a reference `{ id }`. */
export function isWhole(value: object): boolean {
  return wholeRows.has(value) || (Utils.isEntity(value) && wrap(value).isInitialized());
}

/** Subjects of `entity` by id, as rows: one statement per tick. */
function byId<R extends { id: string }>(em: EntityManager, gate: StatementGate, entity: EntityClass<unknown>) {
  return new DataLoader<string, R | null>(async (ids) => {
    const shape = shapeOf(em, entity);
    const text = `select ${selectList(shape, 't', '')} from ${shape.table} t where t."id" = any($1::uuid[])`;
    const raws = await gate(() => factsSql<Record<string, unknown>>(em, text, [[...ids]]));
    const found = new Map<string, R>();
    for (const raw of raws) {
      const row = rowOf<R>(em, shape, raw, '');
      found.set(row.id, row);
    }
    return ids.map((id) => found.get(id) ?? null);
  });
}

/**
 * Civil servants with their agencies in the same statement (a join), each agency given as the
 * servant's `agency` and both handed to their own loaders: as the entity loader does
 * (loaders.ts withAgency), for a facts query that reads the servant's agency.
 */
function withAgency(em: EntityManager, gate: StatementGate, servants: DataLoader<string, CivilServantRow | null>, agencies: DataLoader<string, AgencyRow | null>) {
  return new DataLoader<string, CivilServantRow | null>(async (ids) => {
    const s = shapeOf(em, CivilServant);
    const a = shapeOf(em, Agency);
    const agencyColumn = s.columns.find(([prop]) => prop === 'agency')![1];
    const text = `select ${selectList(s, 's', '')}, ${selectList(a, 'a', 'a.')} from ${s.table} s join ${a.table} a on a."id" = s.${agencyColumn} where s."id" = any($1::uuid[])`;
    const raws = await gate(() => factsSql<Record<string, unknown>>(em, text, [[...ids]]));
    const found = new Map<string, CivilServantRow>();
    // One row per agency in the batch, as the identity map gave one entity.
    const agencyRows = new Map<string, AgencyRow>();
    for (const raw of raws) {
      const servant = rowOf<CivilServantRow>(em, s, raw, '');
      let agency = agencyRows.get(servant.agency.id);
      if (!agency) agencyRows.set(servant.agency.id, (agency = rowOf<AgencyRow>(em, a, raw, 'a.')));
      servant.agency = agency;
      servants.prime(servant.id, servant);
      agencies.prime(agency.id, agency);
      found.set(servant.id, servant);
    }
    return ids.map((id) => found.get(id) ?? null);
  });
}

/** The subject loaders of a facts read, as rows (see above). */
export interface SubjectRowLoaders {
  agency: DataLoader<string, AgencyRow | null>;
  civilServant: DataLoader<string, CivilServantRow | null>;
  civilServantWithAgency: DataLoader<string, CivilServantRow | null>;
  enterprise: DataLoader<string, EnterpriseRow | null>;
}

export const subjectRowLoaders = {
  agency: (em: EntityManager, gate: StatementGate) => byId<AgencyRow>(em, gate, Agency),
  civilServant: (em: EntityManager, gate: StatementGate) => byId<CivilServantRow>(em, gate, CivilServant),
  civilServantWithAgency: withAgency,
  enterprise: (em: EntityManager, gate: StatementGate) => byId<EnterpriseRow>(em, gate, Enterprise),
};
