import type { EntityManager } from '@mikro-orm/postgresql';
import { Agency, CivilServant, Commitment, CourtCase, CreditRecord, CreditRepair, Enterprise, EnterpriseCreditGrade, ListMembership, Objection } from '../db/entities';
import { runSql, sqlNames } from '../db/repositories/sql';
import type { SubjectRef } from './facts';

/**
 * A digest of every row version a subject's facts are read from, for many subjects in one
 * statement: the rows — the subject's own row, its credit
 * records, their objections and repairs, its list memberships, an enterprise's credit grades, the commitments it made or answers
 * for, court cases, and for a civil servant those of their agency — each as its table, id and
 * `xmin` (the transaction that wrote this version of the row).
 *
 * Why not the newest `updated_at`, as `stale` used: those times are taken when a transaction runs,
 * not when it commits, so a transaction that began earlier and committed later can add or change a
 * row without making the newest time newer. Every insert, update or delete changes the set of
 * (row, xmin) pairs whatever the clocks say, so two equal digests mean the same row versions, hence
 * the same facts for the same day and rule set: what a cache of decisions needs to be exact
 * (src/graphql/public-status-cache.ts). Read inside a facts read, it is of that read's snapshot.
 */
export async function rowVersionsOf(em: EntityManager, subjects: readonly SubjectRef[]): Promise<string[]> {
  return (await rowStatesOf(em, subjects)).map((state) => state.digest);
}

/** A subject's fact rows now: the digest of their versions, and the newest `created_at` / `updated_at` among them (null with none). */
export interface RowState {
  digest: string;
  lastChange: Date | null;
}

/**
 * rowVersionsOf with each subject's newest row time beside its digest, in the same one statement
 * over the same rows: `Verdict.stale` compares a verdict's stored digest with the digest now, and
 * falls back to the newest time for a verdict stored before verdicts kept a digest (src/evaluation/stale.ts).
 */
export async function rowStatesOf(em: EntityManager, subjects: readonly SubjectRef[]): Promise<RowState[]> {
  if (!subjects.length) return [];
  const agency = sqlNames(em, Agency);
  const cs = sqlNames(em, CivilServant);
  const enterprise = sqlNames(em, Enterprise);
  const record = sqlNames(em, CreditRecord);
  const listing = sqlNames(em, ListMembership);
  const commitment = sqlNames(em, Commitment);
  const courtCase = sqlNames(em, CourtCase);
  const objection = sqlNames(em, Objection);
  const repair = sqlNames(em, CreditRepair);
  const grade = sqlNames(em, EnterpriseCreditGrade);
  const type = record.type.subjectType;
  // One tag per table, so that equal ids of two tables cannot stand for each other.
  // Every table here has the base entity's two times, under the same names.
  const { createdAt, updatedAt } = record.col;
  const version = (tag: string, id: string) => `'${tag}' || t.${id}::text || ':' || t.xmin::text, greatest(t.${createdAt}, t.${updatedAt})`;
  const ofSubjects = (tag: string, names: { table: string; col: { id: string; subjectType: string; subjectId: string } }) =>
    `select s.k, ${version(tag, names.col.id)} from subjects s join ${names.table} t on t.${names.col.subjectType} = s.subject_type and t.${names.col.subjectId} = s.subject_id`;
  const ofRecords = (tag: string, names: { table: string; col: { id: string; record: string } }) =>
    `select s.k, ${version(tag, names.col.id)} from subjects s join ${record.table} r on r.${record.col.subjectType} = s.subject_type and r.${record.col.subjectId} = s.subject_id join ${names.table} t on t.${names.col.record} = r.${record.col.id}`;
  const own = (tag: string, table: string, id: string, subjectType: string) =>
    `select a.k, ${version(tag, id)} from wanted a join ${table} t on t.${id} = a.subject_id where a.subject_type = '${subjectType}'`;
  const { rows } = await runSql<{ k: number; digest: string; last_change: Date | null }>(em,
    `with wanted (k, subject_type, subject_id) as (
        select * from unnest(?::int[], ?::${type}[], ?::${record.type.subjectId}[])),
      subjects (k, subject_type, subject_id) as (
        select k, subject_type, subject_id from wanted
        union all
        select a.k, 'AGENCY'::${type}, c.${cs.col.agency} from wanted a join ${cs.table} c on c.${cs.col.id} = a.subject_id where a.subject_type = 'CIVIL_SERVANT'),
      versions (k, v, at) as (
        ${own('a', agency.table, agency.col.id, 'AGENCY')}
        union all ${own('c', cs.table, cs.col.id, 'CIVIL_SERVANT')}
        union all ${own('e', enterprise.table, enterprise.col.id, 'ENTERPRISE')}
        union all select a.k, ${version('g', grade.col.id)} from wanted a join ${grade.table} t on t.${grade.col.enterprise} = a.subject_id where a.subject_type = 'ENTERPRISE'
        union all ${ofSubjects('r', record as never)}
        union all ${ofRecords('o', objection as never)}
        union all ${ofRecords('p', repair as never)}
        union all ${ofSubjects('l', listing as never)}
        union all select s.k, ${version('m', commitment.col.id)} from subjects s join ${commitment.table} t on t.${commitment.col.agency} = s.subject_id
        union all select a.k, ${version('n', commitment.col.id)} from wanted a join ${commitment.table} t on t.${commitment.col.responsiblePerson} = a.subject_id
        union all select s.k, ${version('k', courtCase.col.id)} from subjects s join ${courtCase.table} t on t.${courtCase.col.agency} = s.subject_id)
     select a.k, md5(coalesce(string_agg(v.v, ',' order by v.v), '')) as digest, max(v.at) as last_change
     from wanted a left join versions v on v.k = a.k
     group by a.k`,
    [subjects.map((_, i) => i), subjects.map((s) => s.type), subjects.map((s) => s.id)],
  );
  const states: RowState[] = subjects.map(() => ({ digest: '', lastChange: null }));
  for (const row of rows) states[row.k] = { digest: row.digest, lastChange: row.last_change ? new Date(row.last_change) : null };
  return states;
}
