import type { EntityManager } from '@mikro-orm/postgresql';
import { withAudit, type AuditEntry } from '../audit/audit.service';
import type { Viewer } from '../auth/role';
import type { AuditAction } from '../domain/audit';

/**
 * A resolver's change and its audit event, in one transaction. `about` says what to record of the
 * result: the subject, the object acted on, the outcome.
 */
export function audited<T>(
  context: { em: EntityManager; viewer: Viewer },
  action: AuditAction,
  run: (tx: EntityManager) => Promise<T>,
  about: (result: T) => Omit<AuditEntry, 'action'>,
): Promise<T> {
  return withAudit(context.em, context.viewer, async (tx) => {
    const result = await run(tx);
    return { result, entry: { action, ...about(result) } };
  });
}
