import { conditionSize } from '../engine/rule-limits';
import { SubjectType } from '../domain/subject';
import type { GraphQLSchema } from 'graphql';
import { answerWeights } from './answer-weights';
import { introspectionSizes } from './introspection-sizes';
import { storedFactsWeights } from './stored-facts-weights';
import type { KnownSizes } from '../engine/query-cost';
import type { RuleSet } from '../engine/rule-set';

/**
 * The sizes of the lists the rule set in force makes, for the cost estimate (query-cost.ts,
 * KnownSizes): `ruleSet { rules }` holds every rule, not the five the estimate used to assume for a
 * list bounded by the rule files. At five, 60 anonymous aliases of `ruleSet { rules { … } }` over
 * the shipped 22 rules were priced 7,320 and built 20,000 fields, about a CPU-second (hostile12 F1).
 *
 * The lists of one rule (its basis, matters, leaf conditions) and of one matter (its rules, the
 * measures they may apply) count the largest such list in the set. A stored verdict's explanation
 * lists the rules of the set it was decided under; it is counted as if decided under the set in
 * force, whose size the server knows (both are bounded by the rule files' limits, rule-limits.ts).
 */
export function ruleSetSizes(ruleSet: RuleSet, schema: GraphQLSchema): KnownSizes {
  let sizes = computed.get(ruleSet);
  if (!sizes) computed.set(ruleSet, (sizes = { key: ruleSet.version, sizes: { ...introspectionSizes(schema), ...sizesOf(ruleSet) }, weights: { ...answerWeights(ruleSet), ...storedFactsWeights(schema, ruleSet) } }));
  return sizes;
}

/** Per rule set (the served schema is one per process): each is immutable once built, and the sizes are read by every request. */
const computed = new WeakMap<RuleSet, KnownSizes>();

function sizesOf(ruleSet: RuleSet): Record<string, number> {
  const largest = (values: number[]) => Math.max(1, ...values);
  const rules = ruleSet.rules;
  const basis = largest(rules.map((r) => r.basis.length));
  const perMatter = largest(ruleSet.matters.flatMap((m) => m.subjectTypes.map((type) => ruleSet.rulesFor(type, m.code).length)));
  const conditions = largest(rules.map((r) => conditionSize(r.conditions).conditions));
  return {
    'RuleSet.rules': Math.max(1, rules.length),
    'RuleSet.matters': Math.max(1, ruleSet.matters.length),
    'Matter.subjectTypes': largest(ruleSet.matters.map((m) => m.subjectTypes.length)),
    'RuleInfo.basis': basis,
    'RuleInfo.matters': largest(rules.map((r) => r.matters.length)),
    'Explanation.rules': perMatter,
    'RuleExplanation.basis': basis,
    'RuleExplanation.conditions': conditions,
    'Verdict.measures': perMatter,
    'Assessment.measures': perMatter,
    'PublicStatus.measures': perMatter,
    // One status per matter that concerns enterprises (the row limit prices each, row-cost.ts ROW_ITEM_COSTS).
    'Enterprise.publicStatuses': Math.max(1, ruleSet.matters.filter((m) => m.subjectTypes.includes(SubjectType.ENTERPRISE)).length),
    'Measure.basis': basis,
  };
}
