import type { EntityManager } from '@mikro-orm/postgresql';
import { Verdict } from '../db/entities';
import type { VerdictOutcome } from '../domain/verdict';
import { chinaDate } from '../domain/credit-facts';
import type { SubjectType } from '../domain/subject';
import type { RuleSet } from '../engine/rule-set';
import { runRules, type RunResult } from '../engine/rule-runner';
import { BadUserInputError } from '../errors';
import { evaluationSeconds } from '../metrics';
import { findSubject } from '../registry/subjects';
import { findOrFail } from '../registry/lookup';
import { gatherFacts, type FactsRunner, type GatheredFacts, type SubjectRef } from './facts';
import { withoutRuleTexts } from './rule-texts';
import { storeSnapshot } from './snapshot';

export interface EvaluationDeps {
  em: EntityManager;
  ruleSet: RuleSet;
  facts: FactsRunner;
}

export function assertMatter(ruleSet: RuleSet, subjectType: SubjectType, matter: string): void {
  const known = ruleSet.matter(matter);
  const applicable = ruleSet.matters.filter((m) => m.subjectTypes.includes(subjectType)).map((m) => m.code);
  if (!known) throw new BadUserInputError('matter', `"${matter}" 不是 rules/matters.json 中的事项，可用：${applicable.join('、')} / "${matter}" is not a matter in rules/matters.json; for ${subjectType} use one of ${applicable.join(', ')}.`);
  if (!known.subjectTypes.includes(subjectType)) {
    throw new BadUserInputError('matter', `${matter}（${known.title.zh}）不适用于 ${subjectType}，可用：${applicable.join('、')} / ${matter} (${known.title.en}) does not apply to ${subjectType}; use one of ${applicable.join(', ')}.`);
  }
}

export interface EvaluateOptions {
  /** The verdict this evaluation re-checks. */
  recheckOf?: string;
  /** Adds more writes (the audit event) to the transaction that stores the verdict. */
  alsoWrite?: (tx: EntityManager, verdict: Verdict) => void;
}

/**
 * Evaluates a subject for a matter as of a moment and stores the verdict with the facts it saw,
 * the rule-set version and the full explanation. Facts are read and rules run before the storing
 * transaction opens, so a transaction never waits on a read. Nothing is stored when anything fails.
 */
export async function evaluate(deps: EvaluationDeps, subject: SubjectRef, matter: string, asOf: Date, options: EvaluateOptions = {}): Promise<Verdict> {
  const stopTimer = evaluationSeconds.startTimer({ matter });
  const fields = await decide(deps, subject, matter, asOf);
  // A fresh, empty unit of work for the write: flushing in the one that read the facts would diff
  // every entity those reads loaded (measured: most of the server's CPU under load).
  return deps.em.fork({ clear: true }).transactional(async (tx) => {
    await storeSnapshot(tx, deps.ruleSet);
    const verdict = tx.create(Verdict, { ...fields, recheckOf: options.recheckOf ?? null });
    options.alsoWrite?.(tx, verdict);
    await tx.flush();
    stopTimer();
    return verdict;
  });
}

/**
 * The decision without storing it: facts read and rules run exactly as `evaluate` does. The CLI's
 * `--dry-run` shows this; nothing is written, not even the rule-set snapshot.
 */
export async function decide(deps: EvaluationDeps, subject: SubjectRef, matter: string, asOf: Date): Promise<ReturnType<typeof verdictFields>> {
  assertMatter(deps.ruleSet, subject.type, matter);
  await findSubject(deps.em, subject.type, subject.id);
  const day = chinaDate(asOf);
  const gathered = await deps.facts.read((run) => gatherFacts(run, deps.ruleSet, subject, asOf, day));
  const run = await runRules(deps.ruleSet.rulesFor(subject.type, matter), { subject: gathered.subject, parameters: gathered.parameters }, day);
  return verdictFields(deps.ruleSet, subject, matter, asOf, day, gathered, run);
}

/** What a verdict stores of one run: the decision, the facts it saw and the rule set it ran. */
export function verdictFields(ruleSet: RuleSet, subject: SubjectRef, matter: string, asOf: Date, day: string, gathered: GatheredFacts, run: RunResult) {
  return {
    subjectType: subject.type,
    subjectId: subject.id,
    matter,
    asOf,
    day,
    evaluatedAt: new Date(),
    outcome: run.outcome as VerdictOutcome,
    score: run.score,
    ruleSetVersion: ruleSet.version,
    parametersFile: gathered.parametersFile,
    facts: { subject: gathered.subject, parameters: gathered.parameters },
    rules: withoutRuleTexts(run.rules) as unknown as Record<string, unknown>[],
  };
}

/** Loads a stored verdict or throws NOT_FOUND on the given field. */
export function findVerdict(em: EntityManager, id: string, field = 'id'): Promise<Verdict> {
  return findOrFail(em, Verdict, 'verdict', id, field);
}
