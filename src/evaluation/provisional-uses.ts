import type { EntityManager } from '@mikro-orm/postgresql';
import type { Verdict } from '../db/entities';
import type { RuleResult } from '../domain/verdict';
import type { RuleSet } from '../engine/rule-set';
import { provisionalOn } from './provisional';
import { storedRuleSet } from './snapshot';
import { proposedChoicesOf } from '../engine/proposed-choices';

/**
 * The proposed parameters and local choices a stored verdict's deciding rules rest on: as stored, or, for a verdict
 * stored before they were kept, worked out from its own rule-set version (that version's parameter
 * sources and facts query), never today's.
 */
export async function storedProvisionalOn(
  em: EntityManager,
  current: RuleSet,
  verdict: Pick<Verdict, 'provisionalOn' | 'ruleSetVersion' | 'parametersFile' | 'subjectType' | 'outcome'>,
  rules: RuleResult[],
): Promise<string[]> {
  if (verdict.provisionalOn) return verdict.provisionalOn;
  const { parameterSources, queryReach, files } = await storedRuleSet(em, current, verdict.ruleSetVersion);
  return provisionalOn(verdict.outcome, rules, parameterSources.get(verdict.parametersFile) ?? {}, queryReach.get(verdict.subjectType) ?? {}, proposedChoicesOf(files));
}
