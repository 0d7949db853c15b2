import { TransactionPropagation } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/role';
import { AuditEvent } from '../db/entities';
import type { AuditAction, AuditEntry } from '../domain/audit';
import { markedOutcome, takeBreakGlass } from './break-glass';
import { type NoticeDetail, notifyIn } from './change-notice';
import { type Compared, Correction } from './changes';

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
 *
 * A correction (an update of a row that keeps no history of its own) names the row and the fields it
 * may change with `correction.of(row, FIELDS)` once the row is locked; withAudit compares them when
 * the work is done and records what changed, old → new, as the outcome (unless `about` composes its
 * own from `corrected`) and the changed names in the change notice (change.resolver.ts reads them).
 */
export async function withAudit<T>(
  em: EntityManager,
  actor: Viewer,
  action: AuditAction,
  work: (tx: EntityManager, correction: Correction) => Promise<T>,
  about: (result: T, corrected: Compared | undefined) => Omit<AuditEntry, 'action' | 'outcome'> & Omit<NoticeDetail, 'changed'> & {
    /** Defaults to what a correction changed (`corrected.outcome`); required of a use case that corrects nothing. */
    outcome?: string;
    /** false: the write changed nothing a verdict rests on, so no change notice (a reload that kept the version). */
    notify?: boolean;
  },
): Promise<T> {
  takeBreakGlass(actor); // nothing noted before this use case began belongs to it
  return em.transactional(
    async (tx) => {
      const correction = new Correction();
      let result: T;
      let glass: string;
      try {
        result = await work(tx, correction);
      } finally {
        glass = takeBreakGlass(actor);
      }
      const corrected = correction.compared();
      const { notify, findingOn, recordUnchanged, outcome, ...told } = about(result, corrected);
      const said = outcome ?? corrected?.outcome;
      if (said === undefined) throw new Error(`${action}: a use case that corrects nothing says its outcome`);
      // An ADMIN who did alone what takes a second person says so in the act's own event (break-glass.ts).
      const entry = { action, ...told, outcome: markedOutcome(said, glass) };
      auditIn(tx, actor, entry);
      if (notify !== false) await notifyIn(tx, entry, { changed: corrected?.changed, findingOn, ...(recordUnchanged ? { recordUnchanged } : {}) });
      await tx.flush();
      return result;
    },
    { propagation: TransactionPropagation.REQUIRED },
  );
}
