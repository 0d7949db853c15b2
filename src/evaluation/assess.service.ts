import { chinaDate } from '../domain/credit-facts';
import type { Bilingual, Matter } from '../engine/rule-file';
import { runRules, type RunResult } from '../engine/rule-runner';
import { assertMatter, type EvaluationDeps } from './evaluate.service';
import { firedStrongestFirst, reasonFor } from './reason';
import { gatherFacts, type GatheredFacts, type RunFactsQuery, type SubjectRef } from './facts';

/** How a subject stands for a matter as of a moment, from the same pipeline as a verdict, unstored. */
export interface Assessment {
  subject: SubjectRef;
  matter: string;
  asOf: Date;
  day: string;
  ruleSetVersion: string;
  gathered: GatheredFacts;
  run: RunResult;
}

/**
 * Assesses subjects for a matter without storing anything: no verdict, no audit event. The same
 * steps as `evaluate` — the facts runner (as the system, read-only) runs the subject type's facts
 * query with the parameters in force, then the rules give their full explanation — so a display
 * and a recorded decision cannot disagree. All subjects are read in one facts read (one snapshot,
 * shared batch loads). Each gets its assessment or the error that stopped it (a subject that does
 * not exist, a matter that does not concern it, a rule that cannot run); the others go on.
 * Use it to show a status; use `evaluate` (or a sweep) for a decision that must be on record.
 */
export async function assessSubjects(deps: EvaluationDeps, subjects: SubjectRef[], matter: string, asOf: Date): Promise<(Assessment | Error)[]> {
  const day = chinaDate(asOf);
  return deps.facts.read((run) => Promise.all(subjects.map((subject) => assessOne(deps, run, subject, matter, asOf, day).catch((error: unknown) => toError(error)))));
}

/** One subject: the pipeline of `evaluate` up to, and not including, storing. */
export async function assessSubject(deps: EvaluationDeps, subject: SubjectRef, matter: string, asOf: Date): Promise<Assessment> {
  const day = chinaDate(asOf);
  return deps.facts.read((run) => assessOne(deps, run, subject, matter, asOf, day));
}

async function assessOne(deps: EvaluationDeps, run: RunFactsQuery, subject: SubjectRef, matter: string, asOf: Date, day: string): Promise<Assessment> {
  assertMatter(deps.ruleSet, subject.type, matter);
  const gathered = await gatherFacts(run, deps.ruleSet, subject, asOf, day);
  const result = await runRules(deps.ruleSet.rulesFor(subject.type, matter), { subject: gathered.subject, parameters: gathered.parameters }, day);
  return { subject, matter, asOf, day, ruleSetVersion: deps.ruleSet.version, gathered, run: result };
}

const toError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

/** One sentence for a screen: see `reasonFor`. */
export function reasonOf(run: RunResult, matter: Matter | undefined): Bilingual {
  return reasonFor(run.outcome, run.rules, matter);
}

/** The measures that apply, as a verdict lists them: one per fired rule, strongest first. */
export function measuresOf(run: RunResult) {
  return firedStrongestFirst(run.rules).map((r) => ({ ruleId: r.ruleId, effect: r.effect, measure: r.measure, basis: r.basis, mitigation: !!r.mitigates, mitigatedBy: r.mitigatedBy, points: r.points }));
}
