import type { ExecutionResult, FormattedExecutionResult } from 'graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/role';
import { AuditAction, type AuditEntry } from '../domain/audit';
import { chinaDate } from '../domain/day';
import { readLogOf, recordsReads, writeReads } from './read-log';

/**
 * Personal data delivered by a subscription (a change notice about a civil servant: that a record,
 * objection, repair or listing about them was written, and when) is a read of it, recorded as
 * READ_PERSONAL_DATA like one over HTTP — but once per subscription, person and day (China
 * Standard Time), not per event. A subscriber is one standing reader: an HR screen subscribed to
 * every civil servant would otherwise write a row for each change anyone makes, doubling the
 * trail's growth with rows that say nothing new; a row per day still tells who followed which
 * person on which days. The subscription itself (who, which filter) is the socket's, not logged here.
 *
 * Called for each event as it is sent (graphql-ws onNext): writes what that event's resolution noted
 * in the read log, less the people this subscription already has a row for today. If the write
 * fails, the event is replaced by SERVICE_UNAVAILABLE: no personal data leaves unrecorded.
 */
const recorded = new WeakMap<object, Map<string, string>>();

export async function recordSubscriptionReads(
  context: { em: EntityManager; viewer: Viewer },
  result: ExecutionResult,
  now = new Date(),
): Promise<FormattedExecutionResult | void> {
  const entries = readLogOf(context).drain();
  if (!entries.length || !recordsReads(context.viewer) || result.data == null) return;
  const day = chinaDate(now);
  let seen = recorded.get(context);
  if (!seen) recorded.set(context, (seen = new Map()));
  const fresh = entries.filter((entry) => entry.action !== AuditAction.READ_PERSONAL_DATA || seen!.get(key(entry)) !== day);
  if (!fresh.length) return;
  try {
    await writeReads(context.em.fork(), context.viewer, fresh);
  } catch {
    return { errors: [{ message: 'The read could not be recorded in the audit trail, so this change is not shown. It will be retried with the next one; reconcile with creditRecords(filter: { updatedAfter }).', extensions: { code: 'SERVICE_UNAVAILABLE' } }] };
  }
  for (const entry of fresh) if (entry.action === AuditAction.READ_PERSONAL_DATA) seen.set(key(entry), day);
}

const key = (entry: AuditEntry) => `${entry.subjectType} ${entry.subjectId}`;
