import type { EntityManager } from '@mikro-orm/postgresql';
import type { Verdict } from '../db/entities';
import type { SubjectType } from '../domain/subject';
import type { RuleResult } from '../domain/verdict';
import { sourceText } from '../engine/parameter-file';
import { resolvePath } from '../engine/path';
import { EVALUATION_VARIABLES, type ParameterSource } from '../engine/rule-model';
import type { RuleSet } from '../engine/rule-set';
import { storedRuleSet } from './snapshot';

/** A parameter an evaluation read: the value used and its source, as an explanation shows them. */
export interface ParameterUse {
  name: string;
  value: unknown;
  source: (ParameterSource & { text: string }) | null;
  /** Rule ids, and "facts" for the facts query. */
  usedBy: string[];
}

/**
 * Every parameter a stored verdict read, with the value it used (from the verdict's own facts) and
 * its source (from the parameters file of the verdict's own rule-set version, read back by the loader).
 */
export async function parameterUses(em: EntityManager, current: RuleSet, verdict: Pick<Verdict, 'ruleSetVersion' | 'parametersFile' | 'subjectType' | 'facts'>, rules: RuleResult[]): Promise<ParameterUse[]> {
  const { parameterSources, queryVariables } = await storedRuleSet(em, current, verdict.ruleSetVersion);
  return usesOf(parameterSources.get(verdict.parametersFile) ?? {}, queryVariables.get(verdict.subjectType) ?? [], verdict.facts.parameters ?? {}, rules);
}

/** The same for a decision under the rule set in force (an assessment, a dry run): everything is in memory. */
export function parameterUsesNow(ruleSet: RuleSet, subjectType: SubjectType, parametersFile: string, values: Record<string, unknown>, rules: RuleResult[]): ParameterUse[] {
  const sources = ruleSet.parameterSets.find((p) => p.file === parametersFile)?.sources ?? {};
  return usesOf(sources, ruleSet.factsQueries[subjectType]?.variables ?? [], values, rules);
}

function usesOf(fileSources: Record<string, ParameterSource>, queryVariables: string[], values: Record<string, unknown>, rules: RuleResult[]): ParameterUse[] {
  const usedBy = new Map<string, string[]>();
  const use = (name: string, by: string) => usedBy.set(name, [...(usedBy.get(name) ?? []), by]);
  for (const name of queryVariables) if (!EVALUATION_VARIABLES.includes(name) && name in values) use(name, 'facts');
  for (const rule of rules) for (const name of rule.parameters) use(name, rule.ruleId);
  return [...usedBy].map(([name, by]) => {
    const source = fileSources[name.split('.')[0]];
    return { name, value: resolvePath(values, `$.${name}`) ?? null, source: source ? { ...source, text: sourceText(source) } : null, usedBy: by };
  });
}
