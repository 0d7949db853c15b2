import { VerdictOutcome } from '../domain/verdict';
import { EFFECTS, type Bilingual, type Matter } from '../engine/rule-file';
import type { RuleResult } from '../engine/rule-runner';

/** Said for ELIGIBLE when the matter gives no `eligibleReason` in rules/matters.json. */
export const NOTHING_APPLIES: Bilingual = { zh: '未发现影响该事项的信用记录，无限制措施。', en: 'No credit record affects this matter; no measure applies.' };

/** Said when no rule of the matter was in force on the day: nothing was decided, which is not a clearance. */
export const NO_RULE_IN_FORCE: Bilingual = { zh: '当日该事项没有生效的规则，未作任何认定，这不是“符合条件”。', en: 'No rule of this matter was in force on the day: nothing was decided, and this is not a clearance.' };

type Applying<R extends Pick<RuleResult, 'fired' | 'effect'>> = R & { effect: NonNullable<RuleResult['effect']> };

/** Fired rules whose measure applies (not waived), strongest effect first: what a one-line reason and the measures are taken from. */
export function firedStrongestFirst<R extends Pick<RuleResult, 'fired' | 'effect'>>(rules: R[]): Applying<R>[] {
  return rules
    .filter((r): r is Applying<R> => r.fired && r.effect !== null)
    .sort((a, b) => EFFECTS.indexOf(b.effect) - EFFECTS.indexOf(a.effect));
}

type ReasonSource = Pick<RuleResult, 'ruleId' | 'fired' | 'effect' | 'text' | 'mitigatedBy'>;

/**
 * One plain sentence saying why, for a screen: the explanation of the strongest measure that
 * applies, filled with the facts (the rule file's own words, no fact paths) — or, when a
 * mitigating rule lowered that measure (三(七)), the mitigating rule's explanation, which says what
 * the outcome now is. When no measure applies: the matter's `eligibleReason` from
 * rules/matters.json (policy words stay in the rule data), else a generic sentence.
 * NO_RULE_IN_FORCE says that nothing was decided.
 */
export function reasonFor(outcome: string, rules: ReasonSource[], matter: Matter | undefined): Bilingual {
  if (outcome === VerdictOutcome.NO_RULE_IN_FORCE) return NO_RULE_IN_FORCE;
  const strongest = firedStrongestFirst(rules).find((r) => r.text);
  const mitigating = strongest?.mitigatedBy ? rules.find((r) => r.ruleId === strongest.mitigatedBy!.byRule && r.fired && r.text) : undefined;
  return mitigating?.text ?? strongest?.text ?? matter?.eligibleReason ?? NOTHING_APPLIES;
}
