import type { EntityManager } from '@mikro-orm/postgresql';
import { auditIn } from '../audit/audit.service';
import { notifyIn } from '../audit/change-notice';
import type { Viewer } from '../auth/role';
import { AuditAction } from '../domain/audit';
import { CreditRecord, CreditRecordRevision, type Commitment } from '../db/entities';
import { RecordStatus, RevisionAction, type Severity } from '../domain/credit-record';
import { appendRevision } from './credit-record.service';

/**
 * The 四(四) entries carried over from a commitment's named responsible person that no finding has
 * confirmed (answerableUnconfirmed, Migration20261204090900UnconfirmedAnswerable): made on the
 * commitment (their CREATED revision's cause), not revoked. The caller holds the commitment's row
 * lock, so two confirmations of one entry run one after the other.
 */
export async function unconfirmedEntriesOf(tx: EntityManager, commitment: Commitment): Promise<CreditRecord[]> {
  const made = await tx.find(CreditRecordRevision, { action: RevisionAction.CREATED, causeId: commitment.id }, { fields: ['record'] });
  const ids = made.map((r) => r.record.id);
  if (!ids.length) return [];
  return tx.find(CreditRecord, { id: { $in: ids }, answerableUnconfirmed: true, status: { $ne: RecordStatus.REVOKED } }, { orderBy: { id: 'asc' } });
}

export interface Confirmation {
  foundOn: string;
  foundBy: string;
  document: string;
  severity: Severity;
}

/**
 * A finding body names the person answerable (相关责任人) for the commitment whose carried-over entry
 * is on their file: the entry becomes a 四(四) file entry resting on that finding — its document,
 * body, severity and day (it counts from the finding day, never before: until now no finding stood
 * behind it). The earlier state stays in its history; the person's subscribers hear of it, and the
 * audit trail names the person and the record.
 */
export async function confirmAnswerable(tx: EntityManager, actor: Viewer, commitment: Commitment, entry: CreditRecord, finding: Confirmation): Promise<void> {
  Object.assign(entry, {
    answerableUnconfirmed: false,
    severity: finding.severity,
    decidedOn: finding.foundOn,
    decidedOnEstimated: false,
    sourceDepartment: finding.foundBy,
    documentNumber: finding.document,
    summary: `认定为履职不力导致公开承诺未能实现的相关责任人（四(四)）：${commitment.content}`,
  });
  entry.version += 1;
  appendRevision(
    tx,
    entry,
    RevisionAction.CORRECTED,
    `认定机关${finding.foundBy}于${finding.foundOn}以${finding.document}认定本人为相关责任人，此前未经认定的记录自该日起计入四(四)诚信档案。 / ${finding.foundBy} named this person answerable (相关责任人) on ${finding.foundOn} (No. ${finding.document}); the entry, unconfirmed until now, counts as a 四(四) file entry from that day.`,
    commitment.id,
  );
  const entryAudit = { action: AuditAction.RECORD_BREACH_FINDING, subjectType: entry.subjectType, subjectId: entry.subjectId, targetId: entry.id, outcome: 'answerable confirmed' };
  auditIn(tx, actor, entryAudit);
  await notifyIn(tx, entryAudit);
}
