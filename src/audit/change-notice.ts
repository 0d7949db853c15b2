import type { EntityManager } from '@mikro-orm/postgresql';
import { runSql } from '../db/repositories/sql';
import { AuditAction, type AuditEntry } from '../domain/audit';

/** The PostgreSQL channel every server process LISTENs on (src/graphql/change-feed.ts). */
export const CHANGE_CHANNEL = 'chengxin_change';

/** Writes that can change a subject's verdicts: its records, their objections and repairs, its list memberships, commitments and cases, the subject itself, the rules. */
const AFFECTS_VERDICTS: ReadonlySet<AuditAction> = new Set([
  AuditAction.CREATE_RECORD,
  AuditAction.FILE_OBJECTION,
  AuditAction.DECIDE_OBJECTION,
  AuditAction.REQUEST_REPAIR,
  AuditAction.DECIDE_REPAIR,
  AuditAction.RECORD_COMMITMENT,
  AuditAction.SETTLE_COMMITMENT,
  AuditAction.RECORD_BREACH_FINDING,
  AuditAction.UPDATE_COMMITMENT,
  AuditAction.RECORD_COURT_CASE,
  AuditAction.UPDATE_COURT_CASE,
  AuditAction.FILE_FINDING_OBJECTION,
  AuditAction.DECIDE_FINDING_OBJECTION,
  AuditAction.ADMIT_OBJECTION,
  AuditAction.ADMIT_FINDING_OBJECTION,
  AuditAction.UPDATE_SUBJECT,
  AuditAction.CONFIRM_AGENCY_KIND,
  AuditAction.LIST_SUBJECT,
  AuditAction.REMOVE_FROM_LIST,
  AuditAction.SET_LISTING_TERM,
  AuditAction.RELOAD_RULES,
]);

/** What a change notice carries: no personal data, only what changed and about whom (ids). */
export interface ChangeNotice {
  action: AuditAction;
  subjectType: string | null;
  subjectId: string | null;
  targetId: string | null;
  at: string;
}

/**
 * NOTIFY in the transaction of the write: PostgreSQL delivers it to every listening server process
 * when, and only if, the transaction commits — a refused write notifies no one.
 */
export async function notifyIn(tx: EntityManager, entry: AuditEntry): Promise<void> {
  if (!AFFECTS_VERDICTS.has(entry.action)) return;
  const notice: ChangeNotice = { action: entry.action, subjectType: entry.subjectType ?? null, subjectId: entry.subjectId ?? null, targetId: entry.targetId ?? null, at: new Date().toISOString() };
  await runSql(tx, 'select pg_notify(?, ?)', [CHANGE_CHANNEL, JSON.stringify(notice)]);
}
