import type { Bilingual } from '../domain/bilingual';
import { firedStrongestFirst, NOTHING_DECIDED, Outcome, type StoredRuleResult } from '../domain/verdict';
import type { Matter } from '../engine/rule-model';
import { asRecommendation } from '../domain/recommendation';
import { eligibleReasonFor } from './eligible-reason';

/** Said for ELIGIBLE when the matter gives no `eligibleReason` in rules/matters.json. */
export const NOTHING_APPLIES: Bilingual = { zh: '未发现影响该事项的信用记录，无限制措施。', en: 'No credit record affects this matter; no measure applies.' };

/** What a reason is taken from: a rule result as decided, or as a verdict stores it. */
type ReasonSource = Pick<StoredRuleResult, 'ruleId' | 'fired' | 'effect' | 'text' | 'mitigatedBy'>;

/**
 * One plain sentence saying why, for a screen: the explanation of the strongest measure that
 * applies, filled with the facts (the rule file's own words, no fact paths) — or, when a
 * mitigating rule lowered that measure (三(七)), the mitigating rule's explanation, which says what
 * the outcome now is. When no measure applies: the matter's `eligibleReason` from
 * rules/matters.json (policy words stay in the rule data) — the first of its `eligibleReasons` whose
 * conditions hold on the subject's facts, when given —, else a generic sentence.
 * NO_RULE_IN_FORCE says that nothing was decided. Every other reason ends saying it is a
 * recommendation to the competent body (src/domain/recommendation.ts).
 */
export function reasonFor(outcome: Outcome, rules: ReasonSource[], matter: Matter | undefined, subject?: unknown): Bilingual {
  if (outcome === Outcome.NO_RULE_IN_FORCE) return NOTHING_DECIDED;
  const strongest = firedStrongestFirst(rules).find((r) => r.text);
  const mitigating = strongest?.mitigatedBy ? rules.find((r) => r.ruleId === strongest.mitigatedBy!.byRule && r.fired && r.text) : undefined;
  return asRecommendation(outcome, mitigating?.text ?? strongest?.text ?? eligibleReasonFor(matter, subject) ?? NOTHING_APPLIES);
}
