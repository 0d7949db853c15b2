import type { EntityManager } from '@mikro-orm/postgresql';
import { withAudit } from '../audit/audit.service';
import type { Viewer } from '../auth/role';
import { AuditAction } from '../domain/audit';
import type { ReloadResult, RuleReloader } from '../engine/rule-reloader';
import type { RuleSet } from '../engine/rule-set';
import type { FactsRunner } from './facts';
import { previewImpact, type ImpactReport } from './impact.service';

/**
 * The rules folder read again now (the reloadRules mutation), with its RELOAD_RULES audit event:
 * a valid change is swapped in, an invalid one keeps the last good set (src/engine/rule-reloader.ts).
 */
export function reloadRules(em: EntityManager, actor: Viewer, reloader: RuleReloader): Promise<ReloadResult> {
  return withAudit(em, actor, AuditAction.RELOAD_RULES, async () => reloader.reload(), (r) => ({
    outcome: r.errors.length ? `kept ${r.version}: ${r.errors.length} error(s)` : `in force: ${r.version}`,
  }));
}

/**
 * A draft rule set run against every subject concerned, compared with the set in force (the
 * previewRules mutation), with its PREVIEW_RULES audit event. Nothing else is stored: the facts are
 * read (as the system, read-only) before the audit event's transaction opens.
 */
export async function previewRules(
  em: EntityManager,
  actor: Viewer,
  facts: FactsRunner,
  current: RuleSet,
  draft: RuleSet,
  options: { matter?: string; asOf: Date },
): Promise<ImpactReport> {
  const report = await previewImpact(em, facts, current, draft, options);
  return withAudit(em, actor, AuditAction.PREVIEW_RULES, async () => report, (r) => ({ outcome: `${r.draftVersion}: ${r.changes.length} change(s)` }));
}
