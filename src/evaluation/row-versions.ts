import type { EntityManager } from '@mikro-orm/postgresql';
import { Agency, CivilServant, Commitment, CourtCase, CreditRecord, CreditRecordRevision, CreditRepair, Enterprise, EnterpriseCreditGrade, FindingObjection, ListMembership, Objection } from '../db/entities';
import { runSql, sqlNames } from '../db/repositories/sql';
import type { SubjectRef } from './facts';
import { ALL_PARTS, composeDigest } from './row-digest';

/**
 * The row versions a subject's facts are read from, for many subjects in one statement: the rows
 * — the subject's own row, its credit records, their objections and repairs (and a 四(四) entry's unit
 * objections to the finding it rests on), its list memberships,
 * an enterprise's credit grades, the commitments it made or answers for, court cases, and for a
 * civil servant those of their agency — each as its table, id and `xmin` (the transaction that
 * wrote this version of the row), digested per part (src/evaluation/row-digest.ts).
 *
 * Why not the newest `updated_at`, as `stale` used: those times are taken when a transaction runs,
 * not when it commits, so a transaction that began earlier and committed later can add or change a
 * row without making the newest time newer. Every insert, update or delete changes the set of
 * (row, xmin) pairs whatever the clocks say, so two equal digests mean the same row versions, hence
 * the same facts for the same day and rule set: what a cache of decisions needs to be exact
 * (src/graphql/public-status-cache.ts). Read inside a facts read, it is of that read's snapshot.
 */
export async function rowVersionsOf(em: EntityManager, subjects: readonly SubjectRef[]): Promise<string[]> {
  return (await rowStatesOf(em, subjects)).map((state, i) => digestOfState(state, ALL_PARTS[subjects[i].type]));
}

/** A subject's fact rows now: each part's digest (src/evaluation/row-digest.ts), and the newest `created_at` / `updated_at` among them (null with none). */
export interface RowState {
  parts: Map<string, string>;
  lastChange: Date | null;
}

/** The digest of `parts` of a subject's rows now: what a verdict whose facts read those parts stored, if nothing changed. */
export const digestOfState = (state: RowState, parts: string) => composeDigest(parts, (part) => state.parts.get(part));

/**
 * Each subject's part digests with its newest row time, in one statement over the same rows:
 * `Verdict.stale` compares a verdict's stored digest with the digest of the same parts now, and
 * falls back to the newest time for a verdict stored before verdicts kept one (src/evaluation/stale.ts).
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
  const revision = sqlNames(em, CreditRecordRevision);
  const findingObjection = sqlNames(em, FindingObjection);
  const type = record.type.subjectType;
  // One tag per table, so that equal ids of two tables cannot stand for each other (row-digest.ts versionText).
  // Every table here has the base entity's two times, under the same names.
  const { createdAt, updatedAt } = record.col;
  const version = (tag: string, id: string) => `'${tag}' || t.${id}::text || ':' || t.xmin::text, greatest(t.${createdAt}, t.${updatedAt})`;
  // A part's letter: lower case for the subject's own rows, upper case for its agency's (`s.own`).
  const part = (letter: string) => `case when s.own then '${letter}' else '${letter.toUpperCase()}' end`;
  const ofSubjects = (letter: string, tag: string, names: { table: string; col: { id: string; subjectType: string; subjectId: string } }) =>
    `select s.k, ${part(letter)}, ${version(tag, names.col.id)} from subjects s join ${names.table} t on t.${names.col.subjectType} = s.subject_type and t.${names.col.subjectId} = s.subject_id`;
  const ofRecords = (tag: string, names: { table: string; col: { id: string; record: string } }) =>
    `select s.k, ${part('r')}, ${version(tag, names.col.id)} from subjects s join ${record.table} r on r.${record.col.subjectType} = s.subject_type and r.${record.col.subjectId} = s.subject_id join ${names.table} t on t.${names.col.record} = r.${record.col.id}`;
  const own = (tag: string, table: string, id: string, subjectType: string) =>
    `select s.k, case when s.own then 's' else 'a' end, ${version(tag, id)} from subjects s join ${table} t on t.${id} = s.subject_id where s.subject_type = '${subjectType}'`;
  const { rows } = await runSql<{ k: number; part: string; digest: string; last_change: Date | null }>(em,
    `with wanted (k, subject_type, subject_id) as (
        select * from unnest(?::int[], ?::${type}[], ?::${record.type.subjectId}[])),
      subjects (k, own, subject_type, subject_id) as (
        select k, true, subject_type, subject_id from wanted
        union all
        select a.k, false, 'AGENCY'::${type}, c.${cs.col.agency} from wanted a join ${cs.table} c on c.${cs.col.id} = a.subject_id where a.subject_type = 'CIVIL_SERVANT'),
      versions (k, part, v, at) as (
        ${own('a', agency.table, agency.col.id, 'AGENCY')}
        union all ${own('c', cs.table, cs.col.id, 'CIVIL_SERVANT')}
        union all ${own('e', enterprise.table, enterprise.col.id, 'ENTERPRISE')}
        union all ${ofSubjects('r', 'r', record as never)}
        union all select a.k, 'g', ${version('g', grade.col.id)} from wanted a join ${grade.table} t on t.${grade.col.enterprise} = a.subject_id where a.subject_type = 'ENTERPRISE'
        union all ${ofRecords('o', objection as never)}
        union all ${ofRecords('p', repair as never)}
        union all select s.k, ${part('r')}, ${version('f', findingObjection.col.id)} from subjects s join ${record.table} r on r.${record.col.subjectType} = s.subject_type and r.${record.col.subjectId} = s.subject_id and r.${record.col.category} = 'COMMITMENT_DERELICTION'
          join ${revision.table} v on v.${revision.col.record} = r.${record.col.id} and v.${revision.col.action} = 'CREATED' join ${findingObjection.table} t on t.${findingObjection.col.commitment} = v.${revision.col.causeId}
        union all ${ofSubjects('l', 'l', listing as never)}
        union all select s.k, ${part('m')}, ${version('m', commitment.col.id)} from subjects s join ${commitment.table} t on t.${commitment.col.agency} = s.subject_id
        union all select a.k, 'n', ${version('n', commitment.col.id)} from wanted a join ${commitment.table} t on t.${commitment.col.responsiblePerson} = a.subject_id
        union all select s.k, ${part('k')}, ${version('k', courtCase.col.id)} from subjects s join ${courtCase.table} t on t.${courtCase.col.agency} = s.subject_id)
     select k, part, md5(string_agg(v, ',' order by v collate "C")) as digest, max(at) as last_change
     from versions
     group by k, part`,
    [subjects.map((_, i) => i), subjects.map((s) => s.type), subjects.map((s) => s.id)],
  );
  const states: RowState[] = subjects.map(() => ({ parts: new Map(), lastChange: null }));
  for (const row of rows) {
    const state = states[row.k];
    state.parts.set(row.part, row.digest);
    const at = row.last_change ? new Date(row.last_change) : null;
    if (at && (!state.lastChange || at > state.lastChange)) state.lastChange = at;
  }
  return states;
}
