import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Agency, CivilServant, Commitment, CourtCase, CreditRecord, CreditRepair, Enterprise, ListMembership, Objection, type Verdict } from '../db/entities';
import { runSql, sqlNames } from '../db/repositories/sql';
import { SubjectType } from '../domain/subject';
import type { SubjectRef } from './facts';

/** The entity of each subject type's own row. */
const SUBJECT_ENTITY: Record<SubjectType, EntityClass<Agency | CivilServant | Enterprise>> = {
  [SubjectType.AGENCY]: Agency,
  [SubjectType.CIVIL_SERVANT]: CivilServant,
  [SubjectType.ENTERPRISE]: Enterprise,
};

/**
 * When anything a verdict's facts are read from last changed: the subject's own row, its credit
 * records, their objections and repairs, its list memberships, the commitments it made or answers
 * for, and court cases — for a civil servant also those of their agency (whose dishonesty its
 * principal answers for, 三(六)) — the newest `created_at` / `updated_at` among them, in one
 * statement over indexed columns. Records and listings are never deleted, so a change always
 * leaves a newer time. Null when the subject has none of these rows. Names come from the entities
 * (src/db/repositories/sql.ts).
 */
export async function lastChangeOf(em: EntityManager, subject: SubjectRef): Promise<Date | null> {
  const own = sqlNames(em, SUBJECT_ENTITY[subject.type]);
  const cs = sqlNames(em, CivilServant);
  const record = sqlNames(em, CreditRecord);
  const listing = sqlNames(em, ListMembership);
  const commitment = sqlNames(em, Commitment);
  const courtCase = sqlNames(em, CourtCase);
  // Every table here has the base entity's two times, under the same names.
  const { createdAt, updatedAt } = record.col;
  const newest = (from: string) => `(select max(greatest(t.${createdAt}, t.${updatedAt})) ${from})`;
  const ofSubjects = (table: string, col: { subjectType: string; subjectId: string }) =>
    newest(`from ${table} t join subjects s on s.subject_type = t.${col.subjectType} and s.subject_id = t.${col.subjectId}`);
  const ofRecords = (t: { table: string; col: { record: string } }) =>
    newest(`from ${t.table} t join ${record.table} r on r.${record.col.id} = t.${t.col.record} join subjects s on s.subject_type = r.${record.col.subjectType} and s.subject_id = r.${record.col.subjectId}`);
  const { rows } = await runSql<{ changed_at: Date | null }>(em,
    `with subjects (subject_type, subject_id) as (
        select ?::${record.type.subjectType}, ?::${record.type.subjectId}
        union all
        select 'AGENCY'::${record.type.subjectType}, c.${cs.col.agency} from ${cs.table} c where c.${cs.col.id} = ? and ?::${record.type.subjectType} = 'CIVIL_SERVANT')
     select greatest(
        ${newest(`from ${own.table} t where t.${own.col.id} = ?`)},
        ${ofSubjects(record.table, record.col)},
        ${ofRecords(sqlNames(em, Objection))},
        ${ofRecords(sqlNames(em, CreditRepair))},
        ${ofSubjects(listing.table, listing.col)},
        ${newest(`from ${commitment.table} t where t.${commitment.col.agency} in (select subject_id from subjects) or t.${commitment.col.responsiblePerson} = ?`)},
        ${newest(`from ${courtCase.table} t where t.${courtCase.col.agency} in (select subject_id from subjects)`)}
      ) as changed_at`,
    [subject.type, subject.id, subject.id, subject.type, subject.id, subject.id],
  );
  return rows[0]?.changed_at ? new Date(rows[0].changed_at) : null;
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
