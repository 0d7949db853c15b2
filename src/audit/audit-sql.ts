import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/role';
import { AuditEvent } from '../db/entities';
import { runSql, sqlNames } from '../db/repositories/sql';
import type { AuditEntry } from '../domain/audit';

/**
 * Stores an audit event by one INSERT in `tx`'s transaction, for work that runs outside the unit
 * of work (sqlTransaction, src/db/repositories/sql.ts): the same row `auditIn` and a flush write.
 * Why not the flush: MikroORM's flush (and `transactional()`) run in an AsyncLocalStorage, and
 * once one has run, node's promise hooks stay on for the life of the process, a cost on every
 * promise of every later request (1.7–3.0 % of `evaluate`'s CPU, stop 31 in BENCHMARKS.md).
 */
export async function insertAudit(tx: EntityManager, actor: Viewer, entry: AuditEntry): Promise<void> {
  const a = sqlNames(tx, AuditEvent);
  const now = new Date();
  await runSql(tx,
    `insert into ${a.table} (${a.col.id}, ${a.col.createdAt}, ${a.col.updatedAt}, ${a.col.actor}, ${a.col.role}, ${a.col.action}, ${a.col.subjectType}, ${a.col.subjectId}, ${a.col.targetId}, ${a.col.outcome})
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [randomUUID(), now, now, actor.subject ?? 'public', actor.role, entry.action, entry.subjectType ?? null, entry.subjectId ?? null, entry.targetId ?? null, entry.outcome],
  );
}
