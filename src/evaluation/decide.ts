import { chinaDate } from '../domain/day';
import { applyMitigations, strongestOutcome, type Decision, type Outcome, type RuleResult, type VerdictFacts } from '../domain/verdict';
import type { LoadedRule } from '../engine/rule-model';
import { runRules, type RunTiming } from '../engine/rule-runner';
import type { RuleSet } from '../engine/rule-set';
import { factsReach } from '../engine/facts-reach';
import type { GatheredFacts, SubjectRef } from './facts';
import { provisionalOn } from './provisional';
import { proposedChoicesOf } from '../engine/proposed-choices';
import { EvaluationError } from '../errors';

/**
 * Where a verdict is decided. Pure: no database, no I/O — the facts come in, the decision goes out.
 * Every caller goes through it, so the same subject, matter, as-of and facts give the same verdict
 * whoever asks: evaluate and recheck (stored), sweep chunks (stored in bulk), assess and public
 * status (shown), the CLI's dry run, and `previewRules` / `rules diff` (under two rule sets).
 * The callers only gather facts (src/evaluation/facts.ts, through the one facts runner) and store;
 * they check the matter (assertMatter) before gathering, so a matter of no rules here — new in a
 * draft, or one the draft removes — is NO_RULE_IN_FORCE, never an error.
 */
export async function decide(ruleSet: RuleSet, subject: SubjectRef, matter: string, asOf: Date, facts: GatheredFacts, timing?: RunTiming): Promise<Decision> {
  const day = chinaDate(asOf);
  const verdictFacts: VerdictFacts = { subject: facts.subject, parameters: facts.parameters };
  const { outcome, score, rules } = await decideRules(ruleSet.rulesFor(subject.type, matter), verdictFacts, day, timing);
  return {
    subjectType: subject.type,
    subjectId: subject.id,
    matter,
    asOf,
    day,
    outcome,
    score,
    ruleSetVersion: ruleSet.version,
    parametersFile: facts.parametersFile,
    facts: verdictFacts,
    rules,
    provisionalOn: provisionalOn(outcome, rules, ruleSet.parameterSets.find((p) => p.file === facts.parametersFile)?.sources ?? {}, reachOf(ruleSet, subject.type), proposedChoicesOf(ruleSet.files)),
  };
}

/** The facts query's reach of each parameter (src/engine/facts-reach.ts), once per query document. */
const reaches = new WeakMap<object, Record<string, string[]>>();
function reachOf(ruleSet: RuleSet, type: SubjectRef['type']): Record<string, string[]> {
  const query = ruleSet.factsQueries[type];
  if (!query) return {};
  let reach = reaches.get(query.document);
  if (!reach) reaches.set(query.document, (reach = factsReach(query.document)));
  return reach;
}

/**
 * The decision of the rules of one subject type and matter over facts on a day: every rule run by
 * json-rules-engine with its explanation, the fired mitigations applied (三(七)), the strongest
 * effect as the outcome, and the points of the fired SCORE rules as the score (null when no SCORE
 * rule is in effect).
 */
export async function decideRules(rules: LoadedRule[], facts: VerdictFacts, day: string, timing?: RunTiming): Promise<{ outcome: Outcome; score: number | null; rules: RuleResult[] }> {
  const results = await runRules(rules, facts, day, timing);
  applyMitigations(results);
  // SCORE is not a measure a mitigation lowers: a SCORE rule's effect stays SCORE.
  const scoring = results.some((r) => r.inEffect && r.effect === 'SCORE');
  const score = scoring ? results.reduce((sum, r) => sum + (r.fired ? (r.points ?? 0) : 0), 0) : null;
  // A non-finite score would be stored and then never read back (GraphQL Float has no Infinity):
  // refused before anything is written, whatever let it through (hostile31 F8).
  if (score !== null && !Number.isFinite(score)) {
    throw new EvaluationError(`规则给出的分数 ${score} 不是有限数，未作出裁决；请检查规则与参数文件中的分值 / The rules give the score ${score}, which is not a finite number; no verdict was given. Check the points in the rule and parameters files.`);
  }
  return { outcome: strongestOutcome(results), score, rules: results };
}
