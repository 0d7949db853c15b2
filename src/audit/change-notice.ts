import type { EntityManager } from '@mikro-orm/postgresql';
import { runSql } from '../db/repositories/sql';
import { AuditAction, type AuditEntry } from '../domain/audit';

/** The PostgreSQL channel every server process LISTENs on (src/graphql/change-feed.ts). */
export const CHANGE_CHANNEL = 'chengxin_change';

/**
 * Audit actions that change no row a verdict rests on, each with why. Every other action is announced
 * (AFFECTS_VERDICTS is derived): a new action is told to subscribers unless it is put here with a reason,
 * so one that changes a verdict's rows cannot be forgotten (hostile29 F4: WITHDRAW_LISTING, ADMIT_OBJECTION,
 * RECORD_ABSENCE_FINDING and STATE_REPAIR_RELIEF were, in the hand-kept list).
 */
export const NOT_AFFECTING_VERDICTS: Readonly<Partial<Record<AuditAction, string>>> = {
  [AuditAction.EVALUATE]: 'stores a verdict; changes none of the rows verdicts rest on',
  [AuditAction.RECHECK]: 'stores a verdict; changes none of the rows verdicts rest on',
  [AuditAction.SWEEP]: 'stores verdicts; changes none of the rows verdicts rest on',
  [AuditAction.READ_EXPLANATION]: 'a read',
  [AuditAction.READ_PERSONAL_DATA]: 'a read',
  [AuditAction.PREVIEW_RULES]: 'a draft, run and kept nowhere',
  [AuditAction.REGISTER_SUBJECT]: 'a new subject has no verdict yet; the records, listings and posts written about it afterwards are announced',
};

/** Writes that can change a subject's verdicts: every audit action but NOT_AFFECTING_VERDICTS. */
export const AFFECTS_VERDICTS: ReadonlySet<AuditAction> = new Set(Object.values(AuditAction).filter((action) => !(action in NOT_AFFECTING_VERDICTS)));

/** What a change notice carries: no personal data, only what changed and about whom (ids). */
export interface ChangeNotice {
  action: AuditAction;
  subjectType: string | null;
  subjectId: string | null;
  targetId: string | null;
  at: string;
  /**
   * For a correction (UPDATE_COURT_CASE, UPDATE_COMMITMENT): the names of the fields it changed, as
   * withAudit compared them (Correction, src/audit/changes.ts), without their values — never parsed from the outcome
   * text, where a value could pose as a field name. A subscriber who may read none of them is not told
   * of it (change.resolver.ts): a notice without the value still tells that it changed (hostile29 F7).
   */
  changed?: string[];
  /**
   * For a write about a unit's finding or an objection to it: what the finding is on, as its use case
   * knew it — a commitment (its 履职不力 finding, which not every role reads) or a court case (its
   * absence finding) — so a subscriber who may not read the former hears of it coarsened
   * (change.resolver.ts) without a lookup per notice.
   */
  findingOn?: 'Commitment' | 'CourtCase';
  /**
   * For a write about an objection to a record (FILE_OBJECTION, DECIDE_OBJECTION): true when it left
   * the record's status and fields as they were — a renewed objection filed, or rejected or withdrawn
   * before an officer admitted it (lawyer21 R5). A role that may not read a record's objections is not
   * told of it: it changes nothing that role reads (hostile31 F3). Absent: told as before.
   */
  recordUnchanged?: boolean;
}

/** What a use case adds to its audit entry for the change notice only (withAudit's `about`). */
export type NoticeDetail = Pick<ChangeNotice, 'changed' | 'findingOn' | 'recordUnchanged'>;

/**
 * NOTIFY in the transaction of the write: PostgreSQL delivers it to every listening server process
 * when, and only if, the transaction commits — a refused write notifies no one.
 */
export async function notifyIn(tx: EntityManager, entry: AuditEntry, detail: NoticeDetail = {}): Promise<void> {
  if (!AFFECTS_VERDICTS.has(entry.action)) return;
  const notice: ChangeNotice = { action: entry.action, subjectType: entry.subjectType ?? null, subjectId: entry.subjectId ?? null, targetId: entry.targetId ?? null, at: new Date().toISOString(), ...detail };
  await runSql(tx, 'select pg_notify(?, ?)', [CHANGE_CHANNEL, JSON.stringify(notice)]);
}
