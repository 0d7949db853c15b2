import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditAction } from '../domain/audit';
import { AuditEvent } from '../db/entities';

/**
 * Who entered a row that keeps no `enteredBy` of its own (a listing), read from the audit event that
 * created it — written in the same transaction as the row, and append-only (hostile29 F10). Null when
 * no such event names a person: a row seeded or imported without one, or entered by the command line
 * ("system"), which no token's `sub` can be.
 */
export async function enteredByFromAudit(tx: EntityManager, action: AuditAction, targetId: string): Promise<string | null> {
  const event = await tx.findOne(AuditEvent, { action, targetId }, { orderBy: { createdAt: 'asc' }, fields: ['actor'] });
  return event && event.actor !== 'system' && event.actor !== 'public' ? event.actor : null;
}

/** Who listed a listing (its LIST_SUBJECT event). */
export const listingEnteredBy = (tx: EntityManager, membershipId: string) => enteredByFromAudit(tx, AuditAction.LIST_SUBJECT, membershipId);
