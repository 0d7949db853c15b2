import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/role';
import { AuditAction } from '../domain/audit';
import { Verdict } from '../db/entities';
import { insertVerdictAudited, newVerdict } from '../db/repositories/verdict.repository';
import { chinaDate } from '../domain/day';
import { toStored, type Decision } from '../domain/verdict';
import type { RuleSet } from '../engine/rule-set';
import { evaluationSeconds } from '../metrics';
import { findSubject } from '../db/repositories/subjects';
import { assertId, findOrFail } from '../db/repositories/lookup';
import { decide } from './decide';
import { gatherFacts, type FactsRunner, type SubjectRef } from './facts';
import { assertMatter } from './matter';
import { storeSnapshot } from './snapshot';

export interface EvaluationDeps {
  em: EntityManager;
  ruleSet: RuleSet;
  facts: FactsRunner;
}

export interface EvaluateOptions {
  /** The stored verdict this evaluation re-checks: the audit event is then its RECHECK. */
  recheckOf?: Verdict;
}

/**
 * One subject's decision, stored nowhere: its facts gathered through the facts runner, then
 * `decide`. What `evaluate` stores, and what the CLI's `--dry-run` shows (nothing written, not even
 * the rule-set snapshot).
 */
export async function decideSubject(deps: EvaluationDeps, subject: SubjectRef, matter: string, asOf: Date): Promise<Decision> {
  return (await decideWithRowVersions(deps, subject, matter, asOf)).decision;
}

/**
 * decideSubject, with the digest of the row versions the facts were read from, computed from the
 * rows the facts read brought (src/graphql/facts-row-digest.ts): what a stored verdict keeps for `stale`.
 */
async function decideWithRowVersions(deps: EvaluationDeps, subject: SubjectRef, matter: string, asOf: Date): Promise<{ decision: Decision; rowVersions: string }> {
  assertMatter(deps.ruleSet, subject.type, matter);
  assertId(subject.id, 'subjectId');
  const day = chinaDate(asOf);
  let read;
  try {
    read = await deps.facts.read(async (run, _runChunk, _versionsOf, digestsOf) => {
      const facts = await gatherFacts(run, deps.ruleSet, subject, asOf, day);
      const [rowVersions] = await digestsOf([subject]);
      return { facts, rowVersions };
    });
  } catch (error) {
    // The facts query reads the subject itself; only when it fails is the subject looked up, so a
    // missing one is NOT_FOUND on subjectId (as before this lookup was saved on every success).
    await findSubject(deps.em, subject.type, subject.id);
    throw error;
  }
  return { decision: await decide(deps.ruleSet, subject, matter, asOf, read.facts), rowVersions: read.rowVersions };
}

/**
 * Evaluates a subject for a matter as of a moment and stores the verdict with the facts it saw,
 * the rule-set version and the full explanation, and its audit event (EVALUATE, or RECHECK of
 * `recheckOf`) in one statement, so in one transaction (insertVerdictAudited). Facts are read and
 * rules run before it, so a write never waits on a read. Nothing is stored when anything fails.
 *
 * The one use case that writes without withAudit (src/audit/audit.service.ts): its two rows need
 * no transaction of their own, and the round trips of one (BEGIN, two INSERTs, COMMIT) were most
 * of the write's cost under load. The rule-set snapshot its verdict names is stored first, once
 * per version and process (storeSnapshot), and is never in the way of a failed write: a snapshot
 * stored for a verdict that then failed is a version's files, stored as any later verdict would.
 */
export async function evaluate(deps: EvaluationDeps, actor: Viewer, subject: SubjectRef, matter: string, asOf: Date, options: EvaluateOptions = {}): Promise<Verdict> {
  const stopTimer = evaluationSeconds.startTimer({ matter });
  const { decision, rowVersions } = await decideWithRowVersions(deps, subject, matter, asOf);
  const original = options.recheckOf;
  // A fresh, empty unit of work: the one that read the facts holds every entity those reads loaded.
  const em = deps.em.fork({ clear: true });
  await storeSnapshot(em, deps.ruleSet);
  const verdict = newVerdict(em, { ...toStored(decision), rowVersions, recheckOf: original?.id ?? null });
  await insertVerdictAudited(em, verdict, actor, {
    action: original ? AuditAction.RECHECK : AuditAction.EVALUATE,
    subjectType: verdict.subjectType,
    subjectId: verdict.subjectId,
    ...(original ? { targetId: original.id, outcome: `${original.outcome} → ${verdict.outcome}` } : { targetId: verdict.id, outcome: `${verdict.matter} ${verdict.outcome}` }),
  });
  stopTimer();
  return verdict;
}

/** Loads a stored verdict or throws NOT_FOUND on the given field. */
export function findVerdict(em: EntityManager, id: string, field = 'id'): Promise<Verdict> {
  return findOrFail(em, Verdict, 'verdict', id, field);
}
