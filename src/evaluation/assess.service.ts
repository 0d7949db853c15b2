import { chinaDate } from '../domain/day';
import type { Decision } from '../domain/verdict';
import type { RuleSet } from '../engine/rule-set';
import { decide } from './decide';
import type { EvaluationDeps } from './evaluate.service';
import { gatherFacts, type RunFactsQuery, type SubjectRef } from './facts';
import { assertMatter } from './matter';

/**
 * Assesses subjects for a matter without storing anything: no verdict, no audit event (reading the
 * explanation is recorded by the API, src/graphql/resolvers/assess.resolver.ts). The same
 * steps as `evaluate` — the facts runner (as the system, read-only) runs the subject type's facts
 * query with the parameters in force, then `decide` — so a display and a recorded decision cannot
 * disagree. All subjects are read in one facts read (one snapshot, shared batch loads). Each gets
 * its decision or the error that stopped it (a subject that does not exist, a matter that does not
 * concern it, a rule that cannot run); the others go on.
 * Use it to show a status; use `evaluate` (or a sweep) for a decision that must be on record.
 */
export async function assessSubjects(deps: EvaluationDeps, subjects: SubjectRef[], matter: string, asOf: Date): Promise<(Decision | Error)[]> {
  return assessPairs(deps, subjects.map((subject) => ({ subject, matter })), asOf);
}

/** A subject and the matter to assess it for. */
export interface SubjectMatter {
  subject: SubjectRef;
  matter: string;
}

/**
 * As assessSubjects, for pairs of any subjects and matters (a page of enterprises' publicStatus
 * for several matters): still one facts read — one read-only transaction, one pooled connection.
 */
export async function assessPairs(deps: EvaluationDeps, pairs: SubjectMatter[], asOf: Date): Promise<(Decision | Error)[]> {
  const day = chinaDate(asOf);
  return deps.facts.read((run) => Promise.all(pairs.map(({ subject, matter }) => assessOne(deps.ruleSet, run, subject, matter, asOf, day).catch((error: unknown) => toError(error)))));
}

/**
 * As assessPairs, with the digest of each subject's row versions read in the same snapshot as its
 * facts (src/evaluation/row-versions.ts): what a cache of these decisions keys them by.
 */
export async function assessPairsWithVersions(deps: EvaluationDeps, pairs: SubjectMatter[], asOf: Date): Promise<{ decisions: (Decision | Error)[]; versions: string[] }> {
  const day = chinaDate(asOf);
  return deps.facts.read(async (run, _runChunk, versionsOf) => {
    const [decisions, versions] = await Promise.all([
      Promise.all(pairs.map(({ subject, matter }) => assessOne(deps.ruleSet, run, subject, matter, asOf, day).catch((error: unknown) => toError(error)))),
      versionsOf(pairs.map((pair) => pair.subject)),
    ]);
    return { decisions, versions };
  });
}

async function assessOne(ruleSet: RuleSet, run: RunFactsQuery, subject: SubjectRef, matter: string, asOf: Date, day: string): Promise<Decision> {
  assertMatter(ruleSet, subject.type, matter);
  return decide(ruleSet, subject, matter, asOf, await gatherFacts(run, ruleSet, subject, asOf, day));
}

const toError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));
