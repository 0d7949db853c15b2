import type { EntityManager } from '@mikro-orm/postgresql';
import { Verdict } from '../db/entities';
import { SubjectType } from '../domain/subject';
import type { SubjectRef } from './facts';

/**
 * "The newest decision about now": of a subject's stored verdicts for a matter, the most recently
 * evaluated one whose day (China Standard Time) is the day it was evaluated on. A verdict
 * evaluated as of another day — 2019 for a file review, or a future date — says how things stood
 * (or would stand) then, not now, so it is never the current one, however recent. Null when none.
 */
export async function findLatestVerdict(em: EntityManager, subject: SubjectRef, matter: string): Promise<Verdict | null> {
  const rows = await em.getConnection().execute<Record<string, unknown>[]>(
    `select * from verdict
      where subject_type = ? and subject_id = ? and matter = ?
        and day = (evaluated_at at time zone 'Asia/Shanghai')::date
      order by evaluated_at desc, id asc limit 1`,
    [subject.type, subject.id, matter],
  );
  return rows.length ? em.map(Verdict, rows[0]) : null;
}

/** The table of each subject type's own row. */
const SUBJECT_TABLE: Record<SubjectType, string> = {
  [SubjectType.AGENCY]: 'agency',
  [SubjectType.CIVIL_SERVANT]: 'civil_servant',
  [SubjectType.ENTERPRISE]: 'enterprise',
};

/**
 * When anything a verdict's facts are read from last changed: the subject's own row, its credit
 * records, their objections and repairs, the commitments it made or answers for, and (agencies)
 * its court cases — the newest `created_at` / `updated_at` among them, in one statement over
 * indexed columns. Records are revoked, never deleted, so a change always leaves a newer time.
 * Null when the subject has none of these rows.
 */
export async function lastChangeOf(em: EntityManager, subject: SubjectRef): Promise<Date | null> {
  const id = subject.id;
  const newest = (table: string, where: string) => `(select max(greatest(t.created_at, t.updated_at)) from ${table} t ${where})`;
  const ofRecords = (table: string) =>
    newest(table, `join credit_record r on r.id = t.record_id where r.subject_type = ? and r.subject_id = ?`);
  const [row] = await em.getConnection().execute<{ changed_at: Date | null }[]>(
    `select greatest(
        ${newest(SUBJECT_TABLE[subject.type], 'where t.id = ?')},
        ${newest('credit_record', 'where t.subject_type = ? and t.subject_id = ?')},
        ${ofRecords('objection')},
        ${ofRecords('credit_repair')},
        ${newest('commitment', 'where t.agency_id = ? or t.responsible_person_id = ?')},
        ${newest('court_case', 'where t.agency_id = ?')}
      ) as changed_at`,
    [id, subject.type, id, subject.type, id, subject.type, id, id, id, id],
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
