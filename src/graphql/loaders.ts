import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { LoadStrategy } from '@mikro-orm/core';
import {
  Agency,
  CivilServant,
  Commitment,
  CourtCase,
  CreditRecord,
  CreditRecordRevision,
  CreditRepair,
  Enterprise,
  ListMembership,
  Objection,
  PrincipalTerm,
} from '../db/entities';
import { SubjectType } from '../domain/subject';
import { rowStatesOf, type RowState } from '../evaluation/row-versions';
import { NotFoundError } from '../errors';
import { assertId } from '../db/repositories/lookup';
import { createFactRowLoaders } from './fact-rows';
import { nestedPages } from './nested-pages';
import { withheldCausesOf, withheldKeyText, type WithheldCauses, type WithheldKey } from './withheld-facts';
import { chinaDate } from '../domain/day';
import { atOnce, type StatementGate } from './statement-gate';
import { lazyMembers } from './lazy-members';
import { subjectRowLoaders, type AgencyRow, type CivilServantRow, type EnterpriseRow } from './subject-rows';

/** A subject as a request reads it (an entity) or as a facts read does (a row, src/graphql/subject-rows.ts). */
export type AgencySubject = Agency | AgencyRow;
export type CivilServantSubject = CivilServant | CivilServantRow;
export type EnterpriseSubject = Enterprise | EnterpriseRow;

type Ctor<E> = new (...args: never[]) => E;

/** Loads entities by id: one SELECT ... WHERE id IN (...) per tick. */
function byId<E extends { id: string }>(em: EntityManager, entity: Ctor<E>, gate: StatementGate) {
  return new DataLoader<string, E | null>(async (ids) => {
    const rows = await gate(() => em.find(entity, { id: { $in: [...ids] } } as never));
    const found = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => found.get(id) ?? null);
  });
}

/**
 * Civil servants with their agencies in the same statement (a join), the agencies and the servants
 * handed to their own loaders: for a query that reads a servant's agency, such as a facts query,
 * whose agency's fields then load in the same tick as the servant's own (one statement fewer each).
 */
function withAgency(em: EntityManager, gate: StatementGate, servants: DataLoader<string, CivilServant | null>, agencies: DataLoader<string, Agency | null>) {
  return new DataLoader<string, CivilServant | null>(async (ids) => {
    const rows = await gate(() => em.find(CivilServant, { id: { $in: [...ids] } }, { populate: ['agency'], strategy: LoadStrategy.JOINED }));
    const found = new Map(rows.map((row) => [row.id, row]));
    for (const row of rows) {
      servants.prime(row.id, row);
      agencies.prime(row.agency.id, row.agency);
    }
    return ids.map((id) => found.get(id) ?? null);
  });
}

/** Loads children grouped by a foreign key: one SELECT ... WHERE fk IN (...) per tick. */
function groupedBy<E extends object>(
  em: EntityManager,
  entity: Ctor<E>,
  foreignKey: string,
  keyOf: (row: E) => string,
  orderBy: Record<string, 'asc' | 'desc'>,
  gate: StatementGate,
) {
  return new DataLoader<string, E[]>(async (keys) => {
    const rows = await gate(() => em.find(entity, { [foreignKey]: { $in: [...keys] } } as never, { orderBy: orderBy as never }));
    const groups = new Map<string, E[]>(keys.map((key) => [key, []]));
    for (const row of rows) groups.get(keyOf(row))?.push(row);
    return keys.map((key) => groups.get(key) ?? []);
  });
}

const refId = (ref: { id: string } | null | undefined) => ref?.id ?? '';

/** What every loader of a request is made with. */
interface LoaderContext {
  em: EntityManager;
  gate: StatementGate;
  /** Subjects as plain rows (src/graphql/subject-rows.ts): the facts runner's reads; entities otherwise. */
  plainSubjects: boolean;
}

/** The loaders by id, which other loaders hand their rows to or page through. */
interface ById {
  agency: DataLoader<string, AgencySubject | null>;
  civilServant: DataLoader<string, CivilServantSubject | null>;
  creditRecord: DataLoader<string, CreditRecord | null>;
  commitment: DataLoader<string, Commitment | null>;
  courtCase: DataLoader<string, CourtCase | null>;
}

/**
 * Each made when a request first reads it (lazy-members.ts): a request uses a few of them. Pages of
 * the nested lists that grow without bound (the `...Connection` fields) cost one statement per field
 * per tick for all parents, then the entities by id; lists that stay short (an agency's children, a
 * record's history, objections and repairs) stay plain lists.
 */
const makeLoaders = lazyMembers({
  agency: ({ em, gate, plainSubjects }: LoaderContext): DataLoader<string, AgencySubject | null> =>
    plainSubjects ? subjectRowLoaders.agency(em, gate) : byId(em, Agency, gate),
  civilServant: ({ em, gate, plainSubjects }: LoaderContext): DataLoader<string, CivilServantSubject | null> =>
    plainSubjects ? subjectRowLoaders.civilServant(em, gate) : byId(em, CivilServant, gate),
  civilServantWithAgency: ({ em, gate, plainSubjects }: LoaderContext, self: ById): DataLoader<string, CivilServantSubject | null> =>
    plainSubjects
      ? subjectRowLoaders.civilServantWithAgency(em, gate, self.civilServant as DataLoader<string, CivilServantRow | null>, self.agency as DataLoader<string, AgencyRow | null>)
      : withAgency(em, gate, self.civilServant as DataLoader<string, CivilServant | null>, self.agency as DataLoader<string, Agency | null>),
  enterprise: ({ em, gate, plainSubjects }: LoaderContext): DataLoader<string, EnterpriseSubject | null> =>
    plainSubjects ? subjectRowLoaders.enterprise(em, gate) : byId(em, Enterprise, gate),
  creditRecord: ({ em, gate }: LoaderContext) => byId(em, CreditRecord, gate),
  commitment: ({ em, gate }: LoaderContext) => byId(em, Commitment, gate),
  courtCase: ({ em, gate }: LoaderContext) => byId(em, CourtCase, gate),
  childAgencies: ({ em, gate }: LoaderContext) => groupedBy(em, Agency, 'parent', (a) => refId(a.parent), { name: 'asc', id: 'asc' }, gate),
  civilServantsOfAgency: ({ em, gate }: LoaderContext) => groupedBy(em, CivilServant, 'agency', (c) => refId(c.agency), { name: 'asc', id: 'asc' }, gate),
  principalTermsOfServant: ({ em, gate }: LoaderContext) => groupedBy(em, PrincipalTerm, 'servant', (t) => refId(t.servant), { startedOn: 'asc', id: 'asc' }, gate),
  commitmentsOfAgency: ({ em, gate }: LoaderContext) => groupedBy(em, Commitment, 'agency', (c) => refId(c.agency), { dueOn: 'desc', id: 'asc' }, gate),
  commitmentsOfResponsible: ({ em, gate }: LoaderContext) => groupedBy(em, Commitment, 'responsiblePerson', (c) => refId(c.responsiblePerson), { dueOn: 'desc', id: 'asc' }, gate),
  courtCasesOfAgency: ({ em, gate }: LoaderContext) => groupedBy(em, CourtCase, 'agency', (c) => refId(c.agency), { filedOn: 'desc', id: 'asc' }, gate),
  revisionsOfRecord: ({ em, gate }: LoaderContext) => groupedBy(em, CreditRecordRevision, 'record', (r) => refId(r.record), { version: 'asc', createdAt: 'asc' }, gate),
  objectionsOfRecord: ({ em, gate }: LoaderContext) => groupedBy(em, Objection, 'record', (o) => refId(o.record), { filedOn: 'asc', id: 'asc' }, gate),
  repairsOfRecord: ({ em, gate }: LoaderContext) => groupedBy(em, CreditRepair, 'record', (r) => refId(r.record), { appliedOn: 'asc', id: 'asc' }, gate),
  creditRecordsOfSubject: ({ em, gate }: LoaderContext) => creditRecordsOfSubject(em, gate),
  listMembershipsOfSubject: ({ em, gate }: LoaderContext) => listMembershipsOfSubject(em, gate),
  rowStateOfSubject: ({ em, gate }: LoaderContext) => rowStateOfSubject(em, gate),
  withheldFacts: ({ em, gate }: LoaderContext) => withheldFacts(em, gate),
  creditRecordPages: ({ em }: LoaderContext, self: ById) =>
    nestedPages(em, { name: 'creditRecords', entity: CreditRecord, parent: ['subjectType', 'subjectId'], orderBy: [['occurredOn', 'desc'], ['id', 'asc']], byId: self.creditRecord }),
  civilServantPages: ({ em }: LoaderContext, self: ById) =>
    nestedPages(em, { name: 'Agency.civilServants', entity: CivilServant, parent: ['agency'], orderBy: [['name', 'asc'], ['id', 'asc']], byId: self.civilServant }),
  // The public's order: by id, as the plain list gives it (name order would betray the masked names).
  civilServantPagesById: ({ em }: LoaderContext, self: ById) =>
    nestedPages(em, { name: 'Agency.civilServants.byId', entity: CivilServant, parent: ['agency'], orderBy: [['id', 'asc']], byId: self.civilServant }),
  commitmentPagesOfAgency: ({ em }: LoaderContext, self: ById) =>
    nestedPages(em, { name: 'Agency.commitments', entity: Commitment, parent: ['agency'], orderBy: [['dueOn', 'desc'], ['id', 'asc']], byId: self.commitment }),
  courtCasePagesOfAgency: ({ em }: LoaderContext, self: ById) =>
    nestedPages(em, { name: 'Agency.courtCases', entity: CourtCase, parent: ['agency'], orderBy: [['filedOn', 'desc'], ['id', 'asc']], byId: self.courtCase }),
  /** What the facts resolvers read: plain rows (src/graphql/fact-rows.ts). */
  factRows: ({ em, gate }: LoaderContext) => createFactRowLoaders(em, gate),
});

/**
 * Per-request batch loaders, so that nested fields cost one statement per field per page,
 * whatever the page size. `gate`: how their statements go out (src/graphql/statement-gate.ts) —
 * one at a time when `em` is a transaction, whose statements share one connection. Each loader is
 * made when first read (above).
 */
export function createLoaders(em: EntityManager, gate: StatementGate = atOnce, { plainSubjects = false }: { plainSubjects?: boolean } = {}) {
  return makeLoaders({ em, gate, plainSubjects });
}

export type Loaders = ReturnType<typeof createLoaders>;

/** Key for a subject: "AGENCY:<uuid>". */
export const subjectKey = (type: SubjectType, id: string) => `${type}:${id}`;

function creditRecordsOfSubject(em: EntityManager, gate: StatementGate) {
  return new DataLoader<string, CreditRecord[]>(async (keys) => {
    const ids = keys.map((key) => key.slice(key.indexOf(':') + 1));
    const rows = await gate(() => em.find(CreditRecord, { subjectId: { $in: ids } }, { orderBy: { occurredOn: 'desc', id: 'asc' } }));
    const groups = new Map<string, CreditRecord[]>(keys.map((key) => [key, []]));
    for (const row of rows) groups.get(subjectKey(row.subjectType, row.subjectId))?.push(row);
    return keys.map((key) => groups.get(key) ?? []);
  });
}

function listMembershipsOfSubject(em: EntityManager, gate: StatementGate) {
  return new DataLoader<string, ListMembership[]>(async (keys) => {
    const ids = keys.map((key) => key.slice(key.indexOf(':') + 1));
    const rows = await gate(() => em.find(ListMembership, { subjectId: { $in: ids } }, { orderBy: { listedOn: 'desc', id: 'asc' } }));
    const groups = new Map<string, ListMembership[]>(keys.map((key) => [key, []]));
    for (const row of rows) groups.get(subjectKey(row.subjectType, row.subjectId))?.push(row);
    return keys.map((key) => groups.get(key) ?? []);
  });
}

/**
 * Each subject's fact rows now, their digest and newest time (src/evaluation/stale.ts): one statement for every subject
 * asked in a tick, memoised per request, so `Verdict.stale` on a page of verdicts, under any number
 * of aliases, costs one statement instead of one per verdict per alias.
 */
function rowStateOfSubject(em: EntityManager, gate: StatementGate) {
  return new DataLoader<string, RowState>(async (keys) => {
    const subjects = keys.map((key) => ({ type: key.slice(0, key.indexOf(':')) as SubjectType, id: key.slice(key.indexOf(':') + 1) }));
    return gate(() => rowStatesOf(em, subjects));
  });
}

/**
 * Whether verdicts' stored facts are withheld, by cause (src/graphql/withheld-facts.ts): one
 * statement for every verdict asked in a tick, memoised per request, so `Verdict.reason` and
 * `explanation` on a page, under any number of aliases, cost one statement, not two per verdict per alias.
 */
function withheldFacts(em: EntityManager, gate: StatementGate) {
  return new DataLoader<WithheldKey, WithheldCauses, string>((verdicts) => gate(() => withheldCausesOf(em, verdicts, chinaDate(new Date()))), { cacheKeyFn: withheldKeyText });
}

/**
 * Loads one entity by id through a batch loader (so many facts queries run together share one
 * SELECT), or throws NOT_FOUND naming the field.
 */
export async function loadOrFail<E>(loader: DataLoader<string, E | null>, what: string, id: string, field = 'id'): Promise<E> {
  assertId(id, field);
  const found = await loader.load(id);
  if (!found) throw new NotFoundError(what, id, field);
  return found;
}

/** The agency, civil servant or enterprise a record or verdict is about, through the batch loaders. */
export function loadSubject(loaders: Loaders, type: SubjectType, id: string) {
  switch (type) {
    case SubjectType.AGENCY:
      return loaders.agency.load(id);
    case SubjectType.CIVIL_SERVANT:
      return loaders.civilServant.load(id);
    case SubjectType.ENTERPRISE:
      return loaders.enterprise.load(id);
  }
}
