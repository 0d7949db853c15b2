import type { EntityManager } from '@mikro-orm/postgresql';
import type { Verdict } from '../db/entities';
import { SubjectType } from '../domain/subject';
import type { SubjectRef } from './facts';

/** The table of each subject type's own row. */
const SUBJECT_TABLE: Record<SubjectType, string> = {
  [SubjectType.AGENCY]: 'agency',
  [SubjectType.CIVIL_SERVANT]: 'civil_servant',
  [SubjectType.ENTERPRISE]: 'enterprise',
};

/**
 * When anything a verdict's facts are read from last changed: the subject's own row, its credit
 * records, their objections and repairs, its list memberships, the commitments it made or answers
 * for, and court cases — for a civil servant also those of their agency (whose dishonesty its
 * principal answers for, 三(六)) — the newest `created_at` / `updated_at` among them, in one
 * statement over indexed columns. Records and listings are never deleted, so a change always
 * leaves a newer time. Null when the subject has none of these rows.
 */
export async function lastChangeOf(em: EntityManager, subject: SubjectRef): Promise<Date | null> {
  const newest = (from: string) => `(select max(greatest(t.created_at, t.updated_at)) ${from})`;
  const ofRecords = (table: string) => newest(`from ${table} t join credit_record r on r.id = t.record_id join subjects s on s.subject_type = r.subject_type and s.subject_id = r.subject_id`);
  const [row] = await em.getConnection().execute<{ changed_at: Date | null }[]>(
    `with subjects (subject_type, subject_id) as (
        select ?::subject_type, ?::uuid
        union all
        select 'AGENCY'::subject_type, c.agency_id from civil_servant c where c.id = ? and ? = 'CIVIL_SERVANT')
     select greatest(
        ${newest(`from ${SUBJECT_TABLE[subject.type]} t where t.id = ?`)},
        ${newest('from credit_record t join subjects s using (subject_type, subject_id)')},
        ${ofRecords('objection')},
        ${ofRecords('credit_repair')},
        ${newest('from list_membership t join subjects s using (subject_type, subject_id)')},
        ${newest('from commitment t where t.agency_id in (select subject_id from subjects) or t.responsible_person_id = ?')},
        ${newest('from court_case t where t.agency_id in (select subject_id from subjects)')}
      ) as changed_at`,
    [subject.type, subject.id, subject.id, subject.type, subject.id, subject.id],
  );
  return row?.changed_at ? new Date(row.changed_at) : null;
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
