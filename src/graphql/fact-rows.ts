import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { Commitment, CourtCase, CreditRecord, CreditRecordRevision, CreditRepair, EnterpriseCreditGrade, FindingObjection, ListMembership, Objection } from '../db/entities';
import { RevisionAction } from '../domain/credit-record';
import { sqlNames } from '../db/repositories/sql';
import { factsSql } from './facts-sql';
import type { CommitmentLike } from '../domain/commitment-facts';
import type { CourtCaseLike } from '../domain/court-facts';
import type { CreditGradeLike } from '../domain/credit-grade';
import type { FindingObjectionLike } from '../domain/finding-objection';
import type { ObjectionLike, RecordLike, RepairLike } from '../domain/credit-facts-input';
import type { MembershipLike } from '../domain/list-membership';
import type { SubjectType } from '../domain/subject';
import type { StatementGate } from './statement-gate';
import { lazyMembers } from './lazy-members';

/**
 * What the facts resolvers (src/graphql/resolvers/*-facts.resolver.ts) read: plain rows, not ORM
 * entities. A sweep reads the facts of every subject, and hydrating an entity for each record,
 * repair, objection, listing, commitment and case, then tracking it in the identity map, was most
 * of a facts read's CPU time and garbage; the facts are computed by pure functions over plain data
 * (src/domain/*-facts.ts) and never needed the entities. Registry reads and writes keep entities.
 *
 * Each row holds only the properties those functions read, under the entities' property names,
 * with the values the ORM's hydrator gives: dates as 'YYYY-MM-DD' text (MikroORM's pg type
 * parsers, which knex shares), enums as their text, a decimal declared `runtimeType: 'number'` as
 * a number, and a relation as its id. Names come from the entities' metadata (`sqlNames`); the
 * statements go to the driver itself (facts-sql.ts). The
 * batching is the entity loaders' (src/graphql/loaders.ts): one statement per loader per tick, in
 * the same order, so a facts read sends as many statements as before.
 */

/** Every row also carries its `xmin` as text: the version a verdict's row digest is made of (src/graphql/facts-row-digest.ts). */
interface Versioned {
  version: string;
}

export type RecordRow = RecordLike & Versioned & { subjectType: SubjectType; subjectId: string };
export type RepairRow = RepairLike & Versioned & { id: string; recordId: string };
export type ObjectionRow = ObjectionLike & Versioned & { id: string; recordId: string };
export type MembershipRow = MembershipLike & Versioned & { subjectType: SubjectType; subjectId: string };
export type CommitmentRow = CommitmentLike & Versioned & { agencyId: string; responsiblePersonId: string | null };
export type CourtCaseRow = CourtCaseLike & Versioned & { agencyId: string };
export type FindingObjectionRow = FindingObjectionLike & Versioned & { id: string; agencyId: string; commitmentId: string | null; courtCaseId: string | null };
export type CreditGradeRow = CreditGradeLike & Versioned & { id: string; enterpriseId: string };

/** A relation selected as its id: the property `record` read as `recordId`. */
type Selected<R> = readonly (keyof R & string)[];

interface RowQuery<E, R> {
  entity: EntityClass<E>;
  /** Plain properties selected under their own names. */
  columns: Selected<R>;
  /** Relations selected as ids: [property, name in the row]. */
  ids?: readonly (readonly [keyof E & string, keyof R & string])[];
  /** The property (or relation) the loader's keys match. */
  key: keyof E & string;
  orderBy: readonly (readonly [keyof E & string, 'asc' | 'desc'])[];
}

/** One SELECT of `query`'s rows whose key is one of `keys`, in the loader's order. */
function selectRows<E, R>(em: EntityManager, query: RowQuery<E, R>, keys: readonly string[]): Promise<R[]> {
  const names = sqlNames(em, query.entity);
  const col = names.col as Record<string, string>;
  const list = [
    ...query.columns.map((p) => `${col[p]} as "${p}"`),
    ...(query.ids ?? []).map(([p, as]) => `${col[p]} as "${as}"`),
    `xmin::text as "version"`,
  ].join(', ');
  const order = query.orderBy.map(([p, direction]) => `${col[p]} ${direction}`).join(', ');
  const text = `select ${list} from ${names.table} where ${col[query.key]} = any($1::uuid[]) order by ${order}`;
  return factsSql<R>(em, text, [[...keys]]);
}

/**
 * A loader of rows grouped by `groupOf` under the keys asked: one statement per tick. `asked`: every
 * key it was asked for, so a facts read knows which parts of a subject's rows its facts came from.
 */
function grouped<E, R>(em: EntityManager, gate: StatementGate, query: RowQuery<E, R>, idOf: (key: string) => string, groupOf: (row: R) => string, convert?: (row: R) => R) {
  const asked = new Set<string>();
  const loader = new DataLoader<string, R[]>(async (keys) => {
    for (const key of keys) asked.add(key);
    const rows = await gate(() => selectRows(em, query, keys.map(idOf)));
    const groups = new Map<string, R[]>(keys.map((key) => [key, []]));
    for (const row of rows) groups.get(groupOf(row))?.push(convert ? convert(row) : row);
    return keys.map((key) => groups.get(key) ?? []);
  });
  return Object.assign(loader, { asked: asked as ReadonlySet<string> });
}

/**
 * The unit's objections to the 履职不力 finding each 四(四) entry rests on, by the entry's id: the
 * commitment is the cause of the entry's CREATED revision (applyFinding), as revokeFileEntries reads
 * it. One statement per tick, as the other loaders; `asked` as theirs.
 */
function findingObjectionsOfEntries(em: EntityManager, gate: StatementGate) {
  const asked = new Set<string>();
  const loader = new DataLoader<string, FindingObjectionRow[]>(async (keys) => {
    for (const key of keys) asked.add(key);
    const v = sqlNames(em, CreditRecordRevision);
    const f = sqlNames(em, FindingObjection);
    const vc = v.col as Record<string, string>;
    const fc = f.col as Record<string, string>;
    const text = `select t.${fc.id} as "id", t.${fc.status} as "status", t.${fc.filedOn} as "filedOn", t.${fc.resolvedOn} as "resolvedOn", t.${fc.renewed} as "renewed", t.${fc.admittedOn} as "admittedOn",
        t.${fc.agency} as "agencyId", t.${fc.commitment} as "commitmentId", t.${fc.courtCase} as "courtCaseId", t.xmin::text as "version", v.${vc.record} as "recordId"
      from ${v.table} v join ${f.table} t on t.${fc.commitment} = v.${vc.causeId}
      where v.${vc.action} = '${RevisionAction.CREATED}' and v.${vc.record} = any($1::uuid[])
      order by t.${fc.filedOn} asc, t.${fc.id} asc`;
    const rows = await gate(() => factsSql<FindingObjectionRow & { recordId: string }>(em, text, [[...keys]]));
    const groups = new Map<string, FindingObjectionRow[]>(keys.map((key) => [key, []]));
    for (const { recordId, ...row } of rows) groups.get(recordId)?.push(row);
    return keys.map((key) => groups.get(key) ?? []);
  });
  return Object.assign(loader, { asked: asked as ReadonlySet<string> });
}

const itself = (key: string) => key;
const subjectIdOf = (key: string) => key.slice(key.indexOf(':') + 1);
const subjectOf = (row: { subjectType: SubjectType; subjectId: string }) => `${row.subjectType}:${row.subjectId}`;

/** `numeric` comes as text; the entity declares `loss` a number, and its hydrator converts it with `+value`. */
function recordRow(row: RecordRow): RecordRow {
  if (row.loss != null) row.loss = +row.loss;
  return row;
}

/** What the facts rows' loaders are made with: the request's (or facts read's) `em` and gate. */
interface RowContext {
  em: EntityManager;
  gate: StatementGate;
}

/** Commitments grouped by `key`: an agency's, or those a civil servant answers for. */
const commitments = ({ em, gate }: RowContext, key: 'agency' | 'responsiblePerson', groupOf: (row: CommitmentRow) => string) =>
  grouped<Commitment, CommitmentRow>(
    em,
    gate,
    {
      entity: Commitment,
      columns: ['id', 'status', 'content', 'dueOn', 'settledOn', 'breachFinding', 'breachFoundOn', 'domain', 'publiclyDisclosed'],
      ids: [['agency', 'agencyId'], ['responsiblePerson', 'responsiblePersonId']],
      key,
      orderBy: [['dueOn', 'desc'], ['id', 'asc']],
    },
    itself,
    groupOf,
  );

/** Each made when first read (lazy-members.ts): an `evaluate` reads four to eight of them. */
const makeFactRowLoaders = lazyMembers({
  /** A subject's credit records, by subject key ("CIVIL_SERVANT:<uuid>"), newest act first. */
  recordsOfSubject: ({ em, gate }: RowContext) => grouped<CreditRecord, RecordRow>(
    em,
    gate,
    {
      entity: CreditRecord,
      columns: ['id', 'subjectType', 'subjectId', 'kind', 'category', 'severity', 'status', 'occurredOn', 'recordedOn', 'decidedOn', 'decidedOnEstimated', 'disclosureEndsOn', 'documentNumber', 'sourceDepartment', 'loss', 'answerableUnconfirmed', 'inOffice', 'duplicateOnFile'],
      key: 'subjectId',
      orderBy: [['occurredOn', 'desc'], ['id', 'asc']],
    },
    subjectIdOf,
    subjectOf,
    recordRow,
  ),
  /** A record's repairs, in the order they were applied for. */
  repairsOfRecord: ({ em, gate }: RowContext) => grouped<CreditRepair, RepairRow>(
    em,
    gate,
    { entity: CreditRepair, columns: ['id', 'status', 'decidedOn', 'relief', 'reliefStated', 'reliefStatedOn'], ids: [['record', 'recordId']], key: 'record', orderBy: [['appliedOn', 'asc'], ['id', 'asc']] },
    itself,
    (row) => row.recordId,
  ),
  /** A record's objections, in the order they were filed. */
  objectionsOfRecord: ({ em, gate }: RowContext) => grouped<Objection, ObjectionRow>(
    em,
    gate,
    { entity: Objection, columns: ['id', 'status', 'filedOn', 'resolvedOn', 'remedy', 'renewed', 'admittedOn'], ids: [['record', 'recordId']], key: 'record', orderBy: [['filedOn', 'asc'], ['id', 'asc']] },
    itself,
    (row) => row.recordId,
  ),
  /** A subject's list memberships, by subject key, newest listing first. */
  membershipsOfSubject: ({ em, gate }: RowContext) => grouped<ListMembership, MembershipRow>(
    em,
    gate,
    {
      entity: ListMembership,
      columns: ['id', 'subjectType', 'subjectId', 'list', 'listedOn', 'listedBy', 'documentNumber', 'removedOn', 'removedBy', 'removalDocumentNumber', 'termEndsOn', 'enteredInErrorAt'],
      ids: [['record', 'recordId']],
      key: 'subjectId',
      orderBy: [['listedOn', 'desc'], ['id', 'asc']],
    },
    subjectIdOf,
    subjectOf,
  ),
  /** An agency's public commitments, latest due first. */
  commitmentsOfAgency: (context: RowContext) => commitments(context, 'agency', (row) => row.agencyId),
  /** The commitments a civil servant is the responsible person of. */
  commitmentsOfResponsible: (context: RowContext) => commitments(context, 'responsiblePerson', (row) => row.responsiblePersonId ?? ''),
  /** An enterprise's credit grades (entries in error included: the domain function skips them), latest given first. */
  gradesOfEnterprise: ({ em, gate }: RowContext) => grouped<EnterpriseCreditGrade, CreditGradeRow>(
    em,
    gate,
    { entity: EnterpriseCreditGrade, columns: ['id', 'grade', 'gradedOn', 'endedOn', 'endReason'], ids: [['enterprise', 'enterpriseId']], key: 'enterprise', orderBy: [['gradedOn', 'desc'], ['id', 'asc']] },
    itself,
    (row) => row.enterpriseId,
  ),
  /**
   * An agency's objections to the findings against it (四(四), 三(八)), in the order filed. Every
   * objection write also changes its finding's row (commitment, court_case), which the verdict row
   * digest covers, so these rows need no digest part of their own.
   */
  findingObjectionsOfAgency: ({ em, gate }: RowContext) => grouped<FindingObjection, FindingObjectionRow>(
    em,
    gate,
    {
      entity: FindingObjection,
      columns: ['id', 'status', 'filedOn', 'resolvedOn', 'renewed', 'admittedOn'],
      ids: [['agency', 'agencyId'], ['commitment', 'commitmentId'], ['courtCase', 'courtCaseId']],
      key: 'agency',
      orderBy: [['filedOn', 'asc'], ['id', 'asc']],
    },
    itself,
    (row) => row.agencyId,
  ),
  /** A 四(四) entry's unit objections to the finding it rests on (ask only for COMMITMENT_DERELICTION records). */
  findingObjectionsOfEntry: ({ em, gate }: RowContext) => findingObjectionsOfEntries(em, gate),
  /** An agency's lawsuits, latest filed first. */
  courtCasesOfAgency: ({ em, gate }: RowContext) => grouped<CourtCase, CourtCaseRow>(
    em,
    gate,
    {
      entity: CourtCase,
      columns: ['id', 'caseNumber', 'kind', 'filedOn', 'hearingOn', 'headAppeared', 'entrustedRepresentative', 'validAbsenceReason', 'absenceFinding', 'absenceFoundOn', 'judgmentDefaulter', 'defaulterListedOn', 'defaulterRemovedOn'],
      ids: [['agency', 'agencyId']],
      key: 'agency',
      orderBy: [['filedOn', 'desc'], ['id', 'asc']],
    },
    itself,
    (row) => row.agencyId,
  ),
});

/** The facts resolvers' loaders, per request (beside the entity loaders, on the same `em` and gate). */
export function createFactRowLoaders(em: EntityManager, gate: StatementGate) {
  return makeFactRowLoaders({ em, gate });
}

export type FactRowLoaders = ReturnType<typeof createFactRowLoaders>;
