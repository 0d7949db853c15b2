import type { Bilingual } from './bilingual';
import type { SubjectType } from './subject';

/**
 * The verdict as a noun, in one place: what it can decide (the outcomes and their words), what a
 * rule can do (the effects), how one rule came out (RuleResult, condition by condition), how a
 * mitigation lowers a measure, how the strongest effect becomes the outcome, and the form a
 * verdict is stored in. The entity, the GraphQL types, the CLI and the summaries import these;
 * nothing re-declares them. Where a verdict is decided: src/evaluation/decide.ts.
 */

/**
 * What a verdict decides: the strongest effect that applies after mitigation, or that no rule of
 * the matter was in force on the day (which must never read as "eligible").
 */
export enum Outcome {
  ELIGIBLE = 'ELIGIBLE',
  CAUTION = 'CAUTION',
  RESTRICTED = 'RESTRICTED',
  DISQUALIFIED = 'DISQUALIFIED',
  NO_RULE_IN_FORCE = 'NO_RULE_IN_FORCE',
}

/**
 * Each outcome's words: `zh`/`en` as a heading (结论：提示关注), `adjective` inside an English
 * sentence, `meaning` for the API's enum descriptions.
 */
export const OUTCOME_TITLES: Record<Outcome, Bilingual & { adjective: string; meaning: string }> = {
  [Outcome.ELIGIBLE]: { zh: '符合条件', en: 'Eligible', adjective: 'eligible', meaning: 'rules of the matter were in force and none restricts (incentives and scores may apply)' },
  [Outcome.CAUTION]: { zh: '提示关注', en: 'Caution', adjective: 'cautioned', meaning: 'the record is to be weighed (重要依据); not a bar' },
  [Outcome.RESTRICTED]: { zh: '予以限制', en: 'Restricted', adjective: 'restricted', meaning: 'the measure is restricted' },
  [Outcome.DISQUALIFIED]: { zh: '取消资格', en: 'Disqualified', adjective: 'disqualified', meaning: 'the subject is barred from the matter' },
  [Outcome.NO_RULE_IN_FORCE]: {
    zh: '无适用规则',
    en: 'No rule in force',
    adjective: 'not decided: no rule of the matter was in force on the day',
    meaning: 'no rule of the matter was in force on the day: nothing was decided; this is not a clearance',
  },
};

/** What NO_RULE_IN_FORCE means, as a reason and in a summary: nothing was decided, which is not a clearance. */
export const NOTHING_DECIDED: Bilingual = {
  zh: `当日该事项没有生效的规则，未作任何认定，这不是“${OUTCOME_TITLES[Outcome.ELIGIBLE].zh}”。`,
  en: 'No rule of this matter was in force on the day: nothing was decided, and this is not a clearance.',
};

/** "提示关注 CAUTION": how a terminal shows an outcome, Chinese first. */
export function outcomeLabel(outcome: string): string {
  const title = OUTCOME_TITLES[outcome as Outcome];
  return title ? `${title.zh} ${outcome}` : outcome;
}

/**
 * What a rule does when it fires, weakest first. MITIGATE decides nothing by itself: it lowers or
 * waives the measure of the rule it names (三(七) 从轻或免于). SUPERVISE puts an agency under special
 * governance (三(八) 专项治理): a supervision measure that bars nothing, so it ranks above a caution
 * and below a restriction. Which clause authorises which effect is in rules/catalogue/.
 */
export const EFFECTS = ['INCENTIVE', 'SCORE', 'MITIGATE', 'CAUTION', 'SUPERVISE', 'RESTRICT', 'DISQUALIFY'] as const;
export type Effect = (typeof EFFECTS)[number];

/** Each effect in Chinese, as the law checks name them beside the code (looked up by a rule file's own, unchecked word). */
export const EFFECT_ZH: Record<string, string> = { INCENTIVE: '守信激励', SCORE: '计分', MITIGATE: '从轻或免于', CAUTION: '提示关注', SUPERVISE: '专项治理监督', RESTRICT: '限制', DISQUALIFY: '取消资格' } satisfies Record<Effect, string>;

/** The measures a mitigation can lower, weakest first: LIGHTEN moves one step down this ladder, off its bottom to none. */
export const MITIGABLE: readonly Effect[] = ['CAUTION', 'RESTRICT', 'DISQUALIFY'];

export type Relief = 'LIGHTEN' | 'WAIVE';

/** The outcome each effect gives; the strongest wins. */
const OUTCOME_OF: Record<Effect, Outcome> = {
  INCENTIVE: Outcome.ELIGIBLE,
  SCORE: Outcome.ELIGIBLE,
  MITIGATE: Outcome.ELIGIBLE,
  CAUTION: Outcome.CAUTION,
  // Supervision bars nothing: the verdict is a caution, its measure says SUPERVISE (专项治理).
  SUPERVISE: Outcome.CAUTION,
  RESTRICT: Outcome.RESTRICTED,
  DISQUALIFY: Outcome.DISQUALIFIED,
};

/** The outcomes a fired effect can give, weakest first. */
const OUTCOME_STRENGTH: readonly Outcome[] = [Outcome.ELIGIBLE, Outcome.CAUTION, Outcome.RESTRICTED, Outcome.DISQUALIFIED];

/** The legal clause a rule rests on, e.g. 鄂州政发〔2018〕17号 三(六). */
export interface Basis {
  document: string;
  clause: string;
  quote: string;
}

/** One leaf condition as json-rules-engine evaluated it: what the rule expected and what the fact really was. */
export interface ConditionResult {
  /** Where the leaf stands in the tree, e.g. `all[1]any[0]`, `not`. */
  place: string;
  fact: string;
  path: string | null;
  operator: string;
  /** The value compared with; for a parameter reference, the parameter's value in force. */
  expected: unknown;
  /** The parameter the expected value was read from, e.g. "honourLossThreshold". */
  expectedParameter?: string;
  actual: unknown;
  /**
   * Whether the condition held. The engine always sets it; null only in a reader's view of stored
   * facts (src/graphql/stored-facts-view.ts) where `actual` is not shown to the reader as it was
   * (withheld or masked): whether it held would tell what `actual` hides. `withheld` is then true.
   */
  passed: boolean | null;
  /** True in a reader's view when `actual` (and so `passed`) is not shown as it was; absent otherwise. */
  withheld?: boolean;
}

/** What a mitigating rule did to the measure of another rule (三(七)). */
export interface Mitigation {
  /** The mitigating rule. */
  byRule: string;
  relief: Relief;
  /** The measure's effect as its rule gave it. */
  from: Effect;
  /** The effect after relief; null when waived (or lightened off the bottom). */
  to: Effect | null;
}

/**
 * What every verdict under one rule-set version says the same way about a rule: its file, title,
 * legal basis and measure. Stored once, in the rule-set snapshot of the version, not in each verdict.
 */
export interface RuleTexts {
  file: string;
  title: Bilingual;
  basis: Basis[];
  measure: Bilingual;
}

/** One rule of the subject type and matter in a verdict, fired or not, condition by condition. */
export interface RuleResult extends RuleTexts {
  ruleId: string;
  /** The effect that applies: the rule's own, or what a mitigation lowered it to (null: waived). */
  effect: Effect | null;
  /** For a mitigating rule: the rule whose measure it lowers, and how. */
  mitigates: { rule: string; relief: Relief } | null;
  /** For a fired rule whose measure a mitigating rule lowered or waived. */
  mitigatedBy: Mitigation | null;
  inEffect: boolean;
  fired: boolean;
  points: number | null;
  /** Every leaf condition (none when the rule is not in effect on the day). */
  conditions: ConditionResult[];
  /** For a fired rule: the records (or commitments, cases) that made it fire. */
  evidence: Record<string, unknown>[];
  /** The rule's explanation template filled with the facts (fired rules only). */
  text: Bilingual | null;
  /** Dotted names of the parameters the rule read (conditions, points, explanation), e.g. "gradePoints.A". */
  parameters: string[];
}

/** Everything the rules read: the facts query's `subject` and the parameters in force. */
export interface VerdictFacts {
  subject: unknown;
  parameters: Record<string, unknown>;
}

/** A verdict as decided, before it is stored (or shown unstored: an assessment, a dry run, a preview). */
export interface Decision {
  subjectType: SubjectType;
  subjectId: string;
  matter: string;
  asOf: Date;
  /** The calendar day (China Standard Time) the facts were taken for. */
  day: string;
  outcome: Outcome;
  /** Sum of the points of fired SCORE rules; null when no SCORE rule of the matter is in effect. */
  score: number | null;
  ruleSetVersion: string;
  /** The parameters file in force on the day. */
  parametersFile: string;
  facts: VerdictFacts;
  rules: RuleResult[];
  /**
   * The proposed parameters (拟定，待有权机关确认) the rules deciding the outcome rest on: the verdict
   * is provisional while any is listed (src/evaluation/provisional.ts). Empty when it rests on
   * clause-sourced or decided values only.
   */
  provisionalOn: string[];
}

/**
 * A rule result as a verdict stores it. New verdicts leave out the rule's texts (RuleTexts: kept
 * once in the snapshot of their version); verdicts stored before that carry them. Verdicts stored
 * before mitigations and parameter sources lack those fields: `readStoredRule` fills them.
 */
export type StoredRuleResult = Omit<RuleResult, keyof RuleTexts | 'mitigates' | 'mitigatedBy' | 'parameters'> &
  Partial<RuleTexts> &
  Partial<Pick<RuleResult, 'mitigates' | 'mitigatedBy' | 'parameters'>>;

/** What a verdict stores: the decision, when it was made, and each rule's result without its texts. */
export interface StoredVerdict extends Omit<Decision, 'rules'> {
  evaluatedAt: Date;
  rules: StoredRuleResult[];
}

/** A decision in the form it is stored in, made at `evaluatedAt`. */
export function toStored(decision: Decision, evaluatedAt: Date = new Date()): StoredVerdict {
  return { ...decision, evaluatedAt, rules: decision.rules.map(storedRule) };
}

/** The lean stored form of a decided rule: everything but its texts. */
export function storedRule({ file: _file, title: _title, basis: _basis, measure: _measure, ...rest }: RuleResult): StoredRuleResult {
  return rest;
}

/** The texts an older stored rule result carries itself; undefined for a lean one. */
export function carriedTexts({ file, title, basis, measure }: StoredRuleResult): RuleTexts | undefined {
  return file !== undefined && title !== undefined && basis !== undefined && measure !== undefined ? { file, title, basis, measure } : undefined;
}

/** A stored rule result read back whole, with its texts (its own, or its version's) and the fields older verdicts lack. */
export function readStoredRule(stored: StoredRuleResult, texts: RuleTexts): RuleResult {
  return { ...texts, ...stored, mitigates: stored.mitigates ?? null, mitigatedBy: stored.mitigatedBy ?? null, parameters: stored.parameters ?? [] };
}

/** One step down the ladder of measures, or none. */
function lowered(effect: Effect, relief: Relief): Effect | null {
  if (relief === 'WAIVE') return null;
  const step = MITIGABLE.indexOf(effect);
  return step > 0 ? MITIGABLE[step - 1] : null;
}

/**
 * Applies the fired mitigating rules (三(七)) to the fired rules they name: each such measure is
 * lowered one step or waived, and says by which rule. A measure is mitigated at most once.
 */
export function applyMitigations(results: RuleResult[]): void {
  const byId = new Map(results.map((r) => [r.ruleId, r]));
  for (const mitigating of results) {
    if (!mitigating.fired || !mitigating.mitigates) continue;
    const target = byId.get(mitigating.mitigates.rule);
    if (!target?.fired || target.mitigatedBy || !target.effect || !MITIGABLE.includes(target.effect)) continue;
    const to = lowered(target.effect, mitigating.mitigates.relief);
    target.mitigatedBy = { byRule: mitigating.ruleId, relief: mitigating.mitigates.relief, from: target.effect, to };
    target.effect = to;
  }
}

/**
 * The strongest effect wins: the outcome of the fired rules' effects after mitigation (a waived
 * measure has none left). With no rule of the matter in force nothing was decided, and saying
 * ELIGIBLE would read as cleared: NO_RULE_IN_FORCE.
 */
export function strongestOutcome(results: Pick<RuleResult, 'inEffect' | 'fired' | 'effect'>[]): Outcome {
  if (!results.some((r) => r.inEffect)) return Outcome.NO_RULE_IN_FORCE;
  return results.reduce<Outcome>((strongest, r) => {
    if (!r.fired || !r.effect) return strongest;
    const candidate = OUTCOME_OF[r.effect];
    return OUTCOME_STRENGTH.indexOf(candidate) > OUTCOME_STRENGTH.indexOf(strongest) ? candidate : strongest;
  }, Outcome.ELIGIBLE);
}

/** A measure that applies: from a fired rule whose measure was not waived. */
export interface Measure {
  ruleId: string;
  effect: Effect;
  measure: Bilingual;
  basis: Basis[];
  /** The rule is a mitigating rule (三(七)): it lowers the measure of the rule it names. */
  mitigation: boolean;
  mitigatedBy: Mitigation | null;
  points: number | null;
}

/** The measures that apply, one per fired rule, strongest first. */
export function measuresOf(rules: RuleResult[]): Measure[] {
  return firedStrongestFirst(rules).map((r) => ({ ruleId: r.ruleId, effect: r.effect, measure: r.measure, basis: r.basis, mitigation: !!r.mitigates, mitigatedBy: r.mitigatedBy, points: r.points }));
}

/** Fired rules whose measure applies (not waived), strongest effect first: what a one-line reason and the measures are taken from. */
export function firedStrongestFirst<R extends Pick<RuleResult, 'fired' | 'effect'>>(rules: R[]): (R & { effect: Effect })[] {
  return rules
    .filter((r): r is R & { effect: Effect } => r.fired && r.effect !== null)
    .sort((a, b) => EFFECTS.indexOf(b.effect) - EFFECTS.indexOf(a.effect));
}
