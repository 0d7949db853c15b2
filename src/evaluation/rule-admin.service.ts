import type { EntityManager } from '@mikro-orm/postgresql';
import { withAudit } from '../audit/audit.service';
import { writeReads } from '../audit/read-log';
import { SubjectType } from '../domain/subject';
import type { Viewer } from '../auth/role';
import { AuditAction, type AuditEntry } from '../domain/audit';
import { allOn, describeProcesses, pidsNotOn } from '../engine/other-processes';
import type { ReloadAnswer, ReloadResult, RuleReloader } from '../engine/rule-reloader';
import { RulesNotEverywhereError } from '../errors';
import type { RuleSet } from '../engine/rule-set';
import type { FactsRunner } from './facts';
import { previewImpact, type ImpactReport } from './impact.service';

/**
 * The rules folder read again now (the reloadRules mutation), with its RELOAD_RULES audit event:
 * a valid change is swapped in, an invalid one keeps the last good set (src/engine/rule-reloader.ts).
 * With several server processes every other one then reloads too (src/cluster-rules.ts, hostile21
 * F1), waited for within a bound: the answer comes once all are on the version, or is
 * RULES_NOT_EVERYWHERE naming those that are not — after the event is written, since the reload
 * did happen where it happened.
 */
export async function reloadRules(em: EntityManager, actor: Viewer, reloader: RuleReloader): Promise<ReloadResult> {
  // Askers together share one reload, requests and the folder watcher alike (hostile19 F3,
  // src/engine/shared-reload.ts); each request is audited, saying whether it shared and whose it was.
  // Subscribers hear of a reload only when it swapped in another version (hostile8 F10): a reload that
  // changed nothing, or kept the last good set, changes no verdict, and clients re-assess on the notice.
  // A shared reload notifies once, through the first request it answers.
  // Waited for before the audit's transaction opens: requests sharing a reload hold no connection meanwhile.
  const settled = await reloader.reload('request').then((value) => ({ value }), (error: unknown) => ({ error }));
  // Even when this process kept its version: another may be behind (a reload it missed), and this brings it in line.
  const others = 'value' in settled ? await reloader.others.reload() : null;
  const alone = !others || (!others.primarySilent && !others.answered.length && !others.unanswered);
  const result = await withAudit(em, actor, AuditAction.RELOAD_RULES, async () => {
    if ('error' in settled) throw settled.error;
    return settled.value.result;
  }, (r) => {
    const answer = (settled as { value: ReloadAnswer }).value;
    const shared = answer.shared ? ` (shared a reload ${answer.begunBy === 'watcher' ? 'the rules folder watcher' : answer.begunBy === 'peer' ? 'another server process' : 'another request'} began)` : '';
    const everywhere = alone ? '' : ` [${describeProcesses(r.version, others!)}]`;
    return {
      outcome: ((r.errors.length ? `kept ${r.version}: ${r.errors.length} error(s)` : `in force: ${r.version}`) + shared + everywhere).slice(0, 1000),
      notify: r.changed && answer.announces,
    };
  });
  if (others && !allOn(result.version, others)) throw new RulesNotEverywhereError(result.version, describeProcesses(result.version, others), 'reload', pidsNotOn(result.version, others));
  return result;
}

/**
 * Refuses to go on unless `version` is in force in every server process (RULES_NOT_EVERYWHERE):
 * a sweep planned under a version the others do not serve would store verdicts that the rest of
 * the server calls stale, and `chengxin worker` processes reading the folder refuse its chunks
 * while it holds the matter's one sweep slot (hostile21 F1). One process: nothing to ask.
 */
export async function assertInForceEverywhere(reloader: RuleReloader, version: string): Promise<void> {
  const others = await reloader.others.versions();
  if (!allOn(version, others)) throw new RulesNotEverywhereError(version, describeProcesses(version, others), 'sweep', pidsNotOn(version, others));
}

/**
 * A draft rule set run against every subject concerned, compared with the set in force (the
 * previewRules mutation), with its PREVIEW_RULES audit event and a READ_PERSONAL_DATA event for
 * each civil servant whose facts it read. Nothing else is stored: the facts are read (as the
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
  const reads = servantsRead(report);
  return withAudit(
    em,
    actor,
    AuditAction.PREVIEW_RULES,
    async (tx) => {
      for (let i = 0; i < reads.length; i += WRITE_CHUNK) await writeReads(tx, actor, reads.slice(i, i + WRITE_CHUNK));
      return report;
    },
    (r) => ({ outcome: `${r.draftVersion}: ${r.changes.length} change(s)${reads.length ? `, ${reads.length} civil servant(s) read (READ_PERSONAL_DATA)` : ''}`.slice(0, 200) }),
  );
}

/** Rows per INSERT: a whole population (100,000 civil servants) in statements of bounded size, one transaction. */
const WRITE_CHUNK = 5000;

/**
 * The civil servants a preview tells something about (hostile5 F5, hostile7 F1): every one whose
 * facts it read. A draft can be written to fire on any fact its author may read, so each changed
 * verdict tells that fact of the person, and each unchanged one tells its absence: a draft firing
 * for everyone with NO record names those with one by leaving them out. So each person read is
 * recorded as a read of their facts (READ_PERSONAL_DATA), in the PREVIEW_RULES event's transaction,
 * the outcome saying whether the preview listed them as changed. One row per person rather than one
 * row for the whole population: "who looked at this person" stays the one query it is for every
 * other read (auditEvents filtered by subject), exact, with no scope to reconstruct (README "What a
 * preview discloses").
 */
function servantsRead(report: ImpactReport): AuditEntry[] {
  const changed = new Set(report.changes.filter((c) => c.subjectType === SubjectType.CIVIL_SERVANT).map((c) => c.subjectId));
  return [...new Set(report.civilServantsRead)].map((subjectId) => ({
    action: AuditAction.READ_PERSONAL_DATA,
    subjectType: SubjectType.CIVIL_SERVANT,
    subjectId,
    outcome: `read previewRules: verdicts under draft ${report.draftVersion} (${changed.has(subjectId) ? 'changed' : 'unchanged'})`.slice(0, 200),
  }));
}
