import type { EntityManager } from '@mikro-orm/postgresql';
import { Agency, CivilServant, Commitment, CourtCase, CreditRecord, CreditRepair, Enterprise, ListMembership, Objection, type Verdict } from '../db/entities';
import { runSql, sqlNames } from '../db/repositories/sql';
import { SubjectType } from '../domain/subject';
import type { SubjectRef } from './facts';

/**
 * When anything a verdict's facts are read from last changed, for many subjects at once: the
 * subject's own row, its credit records, their objections and repairs, its list memberships, the
 * commitments it made or answers for, and court cases — for a civil servant also those of their
 * agency (whose dishonesty its principal answers for, 三(六)) — the newest `created_at` /
 * `updated_at` among them, in one statement over indexed columns whatever the number of subjects
 * (a page of verdicts asks once, not once per verdict). Records and listings are never deleted, so
 * a change always leaves a newer time. Null for a subject with none of these rows. Names come from
 * the entities (src/db/repositories/sql.ts).
 */
export async function lastChangesOf(em: EntityManager, subjects: readonly SubjectRef[]): Promise<(Date | null)[]> {
  if (!subjects.length) return [];
  const agency = sqlNames(em, Agency);
  const cs = sqlNames(em, CivilServant);
  const enterprise = sqlNames(em, Enterprise);
  const record = sqlNames(em, CreditRecord);
  const listing = sqlNames(em, ListMembership);
  const commitment = sqlNames(em, Commitment);
  const courtCase = sqlNames(em, CourtCase);
  // Every table here has the base entity's two times, under the same names.
  const { createdAt, updatedAt } = record.col;
  const type = record.type.subjectType;
  const newest = (from: string) => `(select max(greatest(t.${createdAt}, t.${updatedAt})) ${from})`;
  const own = (table: string, id: string, subjectType: SubjectType) => newest(`from ${table} t where a.subject_type = '${subjectType}' and t.${id} = a.subject_id`);
  const ofSubjects = (table: string, col: { subjectType: string; subjectId: string }) =>
    newest(`from ${table} t join subjects s on s.subject_type = t.${col.subjectType} and s.subject_id = t.${col.subjectId} where s.k = a.k`);
  const ofRecords = (t: { table: string; col: { record: string } }) =>
    newest(`from ${t.table} t join ${record.table} r on r.${record.col.id} = t.${t.col.record} join subjects s on s.subject_type = r.${record.col.subjectType} and s.subject_id = r.${record.col.subjectId} where s.k = a.k`);
  const { rows } = await runSql<{ k: number; changed_at: Date | null }>(em,
    `with asked (k, subject_type, subject_id) as (
        select * from unnest(?::int[], ?::${type}[], ?::${record.type.subjectId}[])),
      subjects (k, subject_type, subject_id) as (
        select k, subject_type, subject_id from asked
        union all
        select a.k, 'AGENCY'::${type}, c.${cs.col.agency} from asked a join ${cs.table} c on c.${cs.col.id} = a.subject_id where a.subject_type = 'CIVIL_SERVANT')
     select a.k, greatest(
        ${own(agency.table, agency.col.id, SubjectType.AGENCY)},
        ${own(cs.table, cs.col.id, SubjectType.CIVIL_SERVANT)},
        ${own(enterprise.table, enterprise.col.id, SubjectType.ENTERPRISE)},
        ${ofSubjects(record.table, record.col)},
        ${ofRecords(sqlNames(em, Objection))},
        ${ofRecords(sqlNames(em, CreditRepair))},
        ${ofSubjects(listing.table, listing.col)},
        ${newest(`from ${commitment.table} t where t.${commitment.col.agency} in (select s.subject_id from subjects s where s.k = a.k) or t.${commitment.col.responsiblePerson} = a.subject_id`)},
        ${newest(`from ${courtCase.table} t where t.${courtCase.col.agency} in (select s.subject_id from subjects s where s.k = a.k)`)}
      ) as changed_at
     from asked a`,
    [subjects.map((_, i) => i), subjects.map((s) => s.type), subjects.map((s) => s.id)],
  );
  const changed: (Date | null)[] = subjects.map(() => null);
  for (const row of rows) changed[row.k] = row.changed_at ? new Date(row.changed_at) : null;
  return changed;
}

/** lastChangesOf for one subject. */
export async function lastChangeOf(em: EntityManager, subject: SubjectRef): Promise<Date | null> {
  return (await lastChangesOf(em, [subject]))[0];
}

/**
 * Whether a stored verdict may no longer be what an evaluation would say now: the rule set in
 * force is another version, or a row its facts are read from changed after it was evaluated.
 * Limit: the passing of days alone (a record's counting period or disclosure ending) is not a
 * change; compare the verdict's `day` with today for that.
 */
export async function isStale(em: EntityManager, verdict: Verdict, currentRuleSetVersion: string): Promise<boolean> {
  if (verdict.ruleSetVersion !== currentRuleSetVersion) return true;
  const changed = await lastChangeOf(em, { type: verdict.subjectType, id: verdict.subjectId });
  return changed != null && changed.getTime() > verdict.evaluatedAt.getTime();
}

/**
 * Whether a verdict is stale, from its subject's last change (lastChangesOf, loaded once per
 * subject per request: the verdicts of a page and every alias of `stale` share one statement).
 */
export function staleGiven(verdict: Verdict, currentRuleSetVersion: string, lastChange: Date | null): boolean {
  if (verdict.ruleSetVersion !== currentRuleSetVersion) return true;
  return lastChange != null && lastChange.getTime() > verdict.evaluatedAt.getTime();
}
