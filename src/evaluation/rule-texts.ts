import type { EntityManager } from '@mikro-orm/postgresql';
import type { Verdict } from '../db/entities';
import { carriedTexts, readStoredRule, type RuleResult } from '../domain/verdict';
import type { RuleSet } from '../engine/rule-set';
import { RuleSnapshotError } from '../errors';
import { storedRuleSet } from './snapshot';

/**
 * A stored verdict's rules read back whole. What every verdict under one rule-set version says the
 * same way about a rule — its file, title, legal basis and measure — is not repeated in each
 * verdict (halving the stored explanation: a sweep of a million subjects stores a million fewer
 * copies of each clause); it is joined back here from the snapshot of the verdict's own version,
 * so an old verdict shows the clause as it stood then. Verdicts stored before that carry their texts.
 */
export async function explainedRules(em: EntityManager, current: RuleSet, verdict: Pick<Verdict, 'rules' | 'ruleSetVersion'>): Promise<RuleResult[]> {
  const lean = verdict.rules.some((rule) => !carriedTexts(rule));
  const version = lean ? await storedRuleSet(em, current, verdict.ruleSetVersion) : null;
  return verdict.rules.map((rule) => {
    const texts = carriedTexts(rule) ?? version?.texts.get(rule.ruleId);
    if (!texts) throw new RuleSnapshotError(verdict.ruleSetVersion, `rule ${rule.ruleId} of the verdict is not in it / 裁决中的规则 ${rule.ruleId} 不在其中`);
    return readStoredRule(rule, texts);
  });
}
