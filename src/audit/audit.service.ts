import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/role';
import { AuditEvent } from '../db/entities';
import type { AuditAction } from '../domain/audit';
import type { SubjectType } from '../domain/subject';
import { notifyIn } from './change-notice';

export interface AuditEntry {
  action: AuditAction;
  subjectType?: SubjectType | null;
  subjectId?: string | null;
  targetId?: string | null;
  outcome: string;
}

/** Adds an audit event to a transaction under way; it is stored with the transaction's other writes. */
export function auditIn(tx: EntityManager, viewer: Viewer, entry: AuditEntry): void {
  tx.create(AuditEvent, { actor: viewer.subject ?? 'public', role: viewer.role, ...entry });
}

/**
 * Runs a change and writes its audit event in one transaction: both are stored, or neither. `work`
 * gets the transaction's EntityManager and returns its result and what to record of it.
 */
export async function withAudit<T>(em: EntityManager, viewer: Viewer, work: (tx: EntityManager) => Promise<{ result: T; entry: AuditEntry }>): Promise<T> {
  return em.transactional(async (tx) => {
    const { result, entry } = await work(tx);
    auditIn(tx, viewer, entry);
    await notifyIn(tx, entry);
    await tx.flush();
    return result;
  });
}
