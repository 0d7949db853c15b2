import { TransactionPropagation } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/role';
import { AuditEvent } from '../db/entities';
import type { AuditAction, AuditEntry } from '../domain/audit';
import { type NoticeDetail, notifyIn } from './change-notice';

/** Adds an audit event to a transaction under way; it is stored with the transaction's other writes. */
export function auditIn(tx: EntityManager, actor: Viewer, entry: AuditEntry): void {
  tx.create(AuditEvent, { actor: actor.subject ?? 'public', role: actor.role, ...entry });
}

/**
 * How a use case writes, and the only place one opens its transaction: the change, its audit event
 * and its change notice in one transaction — all stored, or none. It flushes once, at the end: the
 * use case's `work` only creates and changes entities (MikroORM flushes before a query that needs
 * it). `about` says what to record of the result: the subject, the object acted on, the outcome.
 *
 * The rule it keeps: a use case (src/registry/*.service.ts, starting and cancelling a sweep,
 * reloading and previewing rules) calls this once; resolvers and the command line call use cases
 * and open no transaction; no use case runs inside another's. Evaluate and recheck (recheck is
 * evaluate with `recheckOf`) are the exception: their verdict and its event are one statement,
 * so one implicit transaction (insertVerdictAudited, src/db/repositories/verdict.repository.ts,
 * says why). A caller that must put several use cases in one transaction (the demo data, all or
 * nothing) opens it and passes its EntityManager: the use cases join it (REQUIRED) instead of
 * nesting savepoints in it.
 */
export async function withAudit<T>(
  em: EntityManager,
  actor: Viewer,
  action: AuditAction,
  work: (tx: EntityManager) => Promise<T>,
  about: (result: T) => Omit<AuditEntry, 'action'> & NoticeDetail & {
    /** false: the write changed nothing a verdict rests on, so no change notice (a reload that kept the version). */
    notify?: boolean;
  },
): Promise<T> {
  return em.transactional(
    async (tx) => {
      const result = await work(tx);
      const { notify, changed, findingOn, ...told } = about(result);
      const entry = { action, ...told };
      auditIn(tx, actor, entry);
      if (notify !== false) await notifyIn(tx, entry, { changed, findingOn });
      await tx.flush();
      return result;
    },
    { propagation: TransactionPropagation.REQUIRED },
  );
}
