import type { EntityManager } from '@mikro-orm/postgresql';
import type { Verdict } from '../db/entities';
import { sourceText } from '../engine/parameter-file';
import { resolvePath } from '../engine/path';
import type { ParameterSource } from '../engine/rule-file';
import type { RuleResult } from '../engine/rule-runner';
import type { SubjectType } from '../domain/subject';
import { SUBJECT_FOLDERS, type RuleSet } from '../engine/rule-set';
import { findSnapshot } from './snapshot';

/** A parameter an evaluation read: the value used and its source, as an explanation shows them. */
export interface ParameterUse {
  name: string;
  value: unknown;
  source: (ParameterSource & { text: string }) | null;
  /** Rule ids, and "facts" for the facts query. */
  usedBy: string[];
}

interface VersionParameters {
  sources: Map<string, Record<string, ParameterSource>>;
  /** Facts-query variables by subject type. */
  queryVariables: Map<string, string[]>;
}

/** By rule-set version: a version's files never change, so each is read once per process. */
const byVersion = new Map<string, VersionParameters>();

function read(files: Record<string, string>): VersionParameters {
  const sources = new Map<string, Record<string, ParameterSource>>();
  for (const [file, content] of Object.entries(files)) {
    if (!file.startsWith('parameters/')) continue;
    try {
      const values = (JSON.parse(content) as { values?: Record<string, { source?: ParameterSource }> }).values ?? {};
      sources.set(file, Object.fromEntries(Object.entries(values).flatMap(([name, entry]) => (entry && typeof entry === 'object' && entry.source ? [[name, entry.source]] : []))));
    } catch {
      // a file that does not parse was never in force
    }
  }
  const queryVariables = new Map<string, string[]>();
  for (const [type, folder] of Object.entries(SUBJECT_FOLDERS)) {
    const query = files[`facts/${folder}.graphql`] ?? '';
    const header = query.slice(0, query.indexOf('{'));
    queryVariables.set(type, [...header.matchAll(/\$(\w+)\s*:/g)].map((m) => m[1]).filter((name) => name !== 'id' && name !== 'asOf'));
  }
  return { sources, queryVariables };
}

async function parametersOf(em: EntityManager, current: RuleSet, version: string): Promise<VersionParameters> {
  let found = byVersion.get(version);
  if (!found) {
    const files = version === current.version ? current.files : ((await findSnapshot(em, version))?.files as Record<string, string> | undefined);
    found = read(files ?? {});
    byVersion.set(version, found);
  }
  return found;
}

/**
 * Every parameter a stored verdict read, with the value it used (from the verdict's own facts) and
 * its source (from the parameters file of the verdict's own rule-set version).
 */
export async function parameterUses(em: EntityManager, current: RuleSet, verdict: Verdict, rules: RuleResult[]): Promise<ParameterUse[]> {
  const { sources, queryVariables } = await parametersOf(em, current, verdict.ruleSetVersion);
  const values = ((verdict.facts as { parameters?: Record<string, unknown> }).parameters ?? {}) as Record<string, unknown>;
  return usesOf(sources.get(verdict.parametersFile) ?? {}, queryVariables.get(verdict.subjectType) ?? [], values, rules);
}

/** The same for a run under the rule set in force (an assessment): everything is in memory. */
export function parameterUsesNow(ruleSet: RuleSet, subjectType: SubjectType, parametersFile: string, values: Record<string, unknown>, rules: RuleResult[]): ParameterUse[] {
  const sources = ruleSet.parameterSets.find((p) => p.file === parametersFile)?.sources ?? {};
  return usesOf(sources, ruleSet.factsQueries[subjectType]?.variables ?? [], values, rules);
}

function usesOf(fileSources: Record<string, ParameterSource>, queryVariables: string[], values: Record<string, unknown>, rules: RuleResult[]): ParameterUse[] {
  const usedBy = new Map<string, string[]>();
  const use = (name: string, by: string) => usedBy.set(name, [...(usedBy.get(name) ?? []), by]);
  for (const name of queryVariables) if (name !== 'id' && name !== 'asOf' && name in values) use(name, 'facts');
  for (const rule of rules) for (const name of rule.parameters ?? []) use(name, rule.ruleId);
  return [...usedBy].map(([name, by]) => {
    const source = fileSources[name.split('.')[0]];
    return { name, value: resolvePath(values, `$.${name}`) ?? null, source: source ? { ...source, text: sourceText(source) } : null, usedBy: by };
  });
}
