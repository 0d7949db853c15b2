import type { EntityManager } from '@mikro-orm/postgresql';
import { withAudit } from '../audit/audit.service';
import type { Viewer } from '../auth/role';
import { AuditAction } from '../domain/audit';
import { Verdict } from '../db/entities';
import { addVerdict } from '../db/repositories/verdict.repository';
import { chinaDate } from '../domain/day';
import { toStored, type Decision } from '../domain/verdict';
import type { RuleSet } from '../engine/rule-set';
import { evaluationSeconds } from '../metrics';
import { findSubject } from '../registry/subjects';
import { findOrFail } from '../registry/lookup';
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
  assertMatter(deps.ruleSet, subject.type, matter);
  await findSubject(deps.em, subject.type, subject.id);
  const day = chinaDate(asOf);
  const facts = await deps.facts.read((run) => gatherFacts(run, deps.ruleSet, subject, asOf, day));
  return decide(deps.ruleSet, subject, matter, asOf, facts);
}

/**
 * Evaluates a subject for a matter as of a moment and stores the verdict with the facts it saw,
 * the rule-set version and the full explanation, and its audit event (EVALUATE, or RECHECK of
 * `recheckOf`) in the same transaction. Facts are read and rules run before the storing
 * transaction opens, so a transaction never waits on a read. Nothing is stored when anything fails.
 */
export async function evaluate(deps: EvaluationDeps, actor: Viewer, subject: SubjectRef, matter: string, asOf: Date, options: EvaluateOptions = {}): Promise<Verdict> {
  const stopTimer = evaluationSeconds.startTimer({ matter });
  const decision = await decideSubject(deps, subject, matter, asOf);
  const original = options.recheckOf;
  // A fresh, empty unit of work for the write: flushing in the one that read the facts would diff
  // every entity those reads loaded (measured: most of the server's CPU under load).
  const verdict = await withAudit(
    deps.em.fork({ clear: true }),
    actor,
    original ? AuditAction.RECHECK : AuditAction.EVALUATE,
    async (tx) => {
      await storeSnapshot(tx, deps.ruleSet);
      return addVerdict(tx, { ...toStored(decision), recheckOf: original?.id ?? null });
    },
    (v) => ({
      subjectType: v.subjectType,
      subjectId: v.subjectId,
      ...(original ? { targetId: original.id, outcome: `${original.outcome} → ${v.outcome}` } : { targetId: v.id, outcome: `${v.matter} ${v.outcome}` }),
    }),
  );
  stopTimer();
  return verdict;
}

/** Loads a stored verdict or throws NOT_FOUND on the given field. */
export function findVerdict(em: EntityManager, id: string, field = 'id'): Promise<Verdict> {
  return findOrFail(em, Verdict, 'verdict', id, field);
}
