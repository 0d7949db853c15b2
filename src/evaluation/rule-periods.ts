import type { EntityManager } from '@mikro-orm/postgresql';
import { insertAudit } from '../audit/audit-sql';
import { SYSTEM_VIEWER } from '../auth/role';
import { RuleSetPeriod } from '../db/entities';
import { runSql, sqlNames, sqlTransaction } from '../db/repositories/sql';
import { AuditAction } from '../domain/audit';

/**
 * What took a version in: a start, a `reloadRules` request (audited by its own use case, with its
 * caller), the folder watcher (RULES_WATCH), or another server process's `reloadRules` fanned out
 * to this one (src/cluster-rules.ts).
 */
export type TakenInBy = 'start' | 'request' | 'watcher' | 'peer';

/** Why the system audits a swap it records: nobody asked through the API, so the trail says what did. */
const SYSTEM_SWAPS: Partial<Record<TakenInBy, string>> = { watcher: 'file watcher', start: 'server start' };

/** A constant key for pg_advisory_xact_lock: one period recorder at a time across the server's processes. */
const LOCK_KEY = 0x636878_01; // "chx" 1

/**
 * Records that `version` is in force from now (hostile21 F7): closes the open period of another
 * version and opens one for this, in one transaction. Every process that takes a version in calls
 * this, but the period and its audit event are written once per swap: the first caller opens the
 * period, the others find it open and write nothing (the advisory lock puts them in turn).
 *
 * A swap nobody asked for through the API — the folder watcher, a start on changed files — writes
 * a RELOAD_RULES event as `system` ("old → new (file watcher)"); a `reloadRules` request writes its
 * own event with its caller (rule-admin.service.ts), and a process taking in another's request
 * writes none. The first period of a database (no previous version) is opened without an event.
 *
 * Plain SQL in a sqlTransaction, not `transactional()` and a flush: every process calls this at its
 * start, and MikroORM's transaction and flush would turn node's promise hooks on for the life of the
 * process (insertAudit, src/audit/audit-sql.ts, says what that costs).
 */
export async function recordInForce(em: EntityManager, version: string, takenInBy: TakenInBy): Promise<{ opened: boolean; previous: string | null }> {
  const p = sqlNames(em, RuleSetPeriod);
  return sqlTransaction(em, async (tx) => {
    await runSql(tx, 'select pg_advisory_xact_lock(?)', [LOCK_KEY]);
    const open = (await runSql<{ id: number; version: string }>(tx, `select ${p.col.id} as id, ${p.col.version} as version from ${p.table} where ${p.col.servedTo} is null`)).rows[0];
    if (open?.version === version) return { opened: false, previous: open.version };
    if (open) await runSql(tx, `update ${p.table} set ${p.col.servedTo} = now() where ${p.col.id} = ?`, [open.id]);
    await runSql(tx, `insert into ${p.table} (${p.col.version}, ${p.col.servedFrom}, ${p.col.takenInBy}) values (?, now(), ?)`, [version, takenInBy]);
    const why = SYSTEM_SWAPS[takenInBy];
    if (why && open) {
      await insertAudit(tx, SYSTEM_VIEWER, { action: AuditAction.RELOAD_RULES, outcome: `${open.version} → ${version} (${why})` });
    }
    return { opened: true, previous: open?.version ?? null };
  });
}
