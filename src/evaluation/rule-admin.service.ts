import type { EntityManager } from '@mikro-orm/postgresql';
import { withAudit } from '../audit/audit.service';
import { writeReads } from '../audit/read-log';
import { SubjectType } from '../domain/subject';
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
 * previewRules mutation), with its PREVIEW_RULES audit event and a READ_PERSONAL_DATA event for
 * each civil servant whose verdict it changes. Nothing else is stored: the facts are read (as the
 * system, read-only) before the audit events' transaction opens.
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
  const servants = servantsDisclosed(report);
  return withAudit(
    em,
    actor,
    AuditAction.PREVIEW_RULES,
    async (tx) => {
      await writeReads(tx, actor, servants.map((subjectId) => ({
        action: AuditAction.READ_PERSONAL_DATA,
        subjectType: SubjectType.CIVIL_SERVANT,
        subjectId,
        outcome: `read previewRules: verdicts under draft ${report.draftVersion}`.slice(0, 200),
      })));
      return report;
    },
    (r) => ({ outcome: `${r.draftVersion}: ${r.changes.length} change(s)${servants.length ? `, ${servants.length} civil servant(s) disclosed (READ_PERSONAL_DATA)` : ''}`.slice(0, 200) }),
  );
}

/**
 * The civil servants a preview tells something about beyond the rules in force (hostile5 F5): those
 * whose verdict the draft changes — all of them, not only the first 1000 listed, since the counts per
 * rule and per transition tell the same of a draft written for one person. A draft can be written to
 * fire on any fact its author may read, so each such verdict is a read of that person's facts, and is
 * recorded as one (READ_PERSONAL_DATA), in the PREVIEW_RULES event's transaction. Subjects whose
 * verdict the draft leaves as the rules in force give it tell nothing those rules do not.
 */
function servantsDisclosed(report: ImpactReport): string[] {
  return [...new Set(report.changes.filter((c) => c.subjectType === SubjectType.CIVIL_SERVANT).map((c) => c.subjectId))];
}
