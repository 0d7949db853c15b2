import type { EntityManager } from '@mikro-orm/postgresql';
import type { Verdict } from '../db/entities';
import type { Basis, Bilingual } from '../engine/rule-file';
import type { RuleResult } from '../engine/rule-runner';
import type { RuleSet } from '../engine/rule-set';
import { findSnapshot } from './snapshot';

/**
 * What every verdict under one rule-set version says the same way about a rule: its file, title,
 * legal basis and measure. A verdict does not repeat them (they are kept once, in the rule-set
 * snapshot of its version); they are joined back when the verdict is read. This halves the
 * stored explanation, and a sweep of a million subjects stores a million fewer copies of each clause.
 */
export interface RuleTexts {
  file: string;
  title: Bilingual;
  basis: Basis[];
  measure: Bilingual;
}

/** A rule result as a verdict stores it: everything but the rule's own texts. */
export type StoredRuleResult = Omit<RuleResult, keyof RuleTexts> & Partial<RuleTexts>;

export function withoutRuleTexts(rules: RuleResult[]): StoredRuleResult[] {
  return rules.map(({ file: _file, title: _title, basis: _basis, measure: _measure, ...rest }) => rest);
}

/** The texts of every rule in a version's files (paths relative to the rules folder). */
function ruleTextsOf(files: Record<string, string>): Map<string, RuleTexts> {
  const texts = new Map<string, RuleTexts>();
  for (const [file, content] of Object.entries(files)) {
    if (!file.endsWith('.json') || !file.includes('/') || file.startsWith('schemas/') || file.startsWith('parameters/')) continue;
    try {
      const rule = JSON.parse(content) as { id?: string; title?: Bilingual; basis?: Basis[]; event?: { params?: { measure?: Bilingual } } };
      if (rule.id && rule.title) texts.set(rule.id, { file, title: rule.title, basis: rule.basis ?? [], measure: rule.event?.params?.measure ?? { zh: '', en: '' } });
    } catch {
      // not a rule file
    }
  }
  return texts;
}

/** Texts by version: a version's files never change, so each is read and parsed once per process. */
const byVersion = new Map<string, Map<string, RuleTexts>>();

async function ruleTextsFor(em: EntityManager, current: RuleSet, version: string): Promise<Map<string, RuleTexts>> {
  let texts = byVersion.get(version);
  if (!texts) {
    const files = version === current.version ? current.files : (await findSnapshot(em, version))?.files;
    texts = ruleTextsOf((files as Record<string, string> | undefined) ?? {});
    byVersion.set(version, texts);
  }
  return texts;
}

/** A stored verdict's rules with their texts joined back from its own rule-set version. */
export async function explainedRules(em: EntityManager, current: RuleSet, verdict: Verdict): Promise<RuleResult[]> {
  const stored = verdict.rules as unknown as StoredRuleResult[];
  if (stored.every((rule) => rule.title)) return stored as RuleResult[];
  const texts = await ruleTextsFor(em, current, verdict.ruleSetVersion);
  return stored.map((rule) => ({ ...texts.get(rule.ruleId), ...rule }) as RuleResult);
}
