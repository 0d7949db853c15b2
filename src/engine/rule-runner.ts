import { Engine, type RuleProperties } from 'json-rules-engine';
import { pathExists, resolvePath } from './path';
import { isParameterRef, MITIGABLE, type Basis, type Bilingual, type ConditionNode, type Effect, type EvidenceSpec, type LeafCondition, type LoadedRule } from './rule-file';
import { renderTemplate } from './template';
import { OUTCOME_STRENGTH, VerdictOutcome } from '../domain/verdict';

export type Outcome = VerdictOutcome;

const OUTCOME_OF: Record<Effect, Outcome> = {
  INCENTIVE: VerdictOutcome.ELIGIBLE,
  SCORE: VerdictOutcome.ELIGIBLE,
  MITIGATE: VerdictOutcome.ELIGIBLE,
  CAUTION: VerdictOutcome.CAUTION,
  // Supervision bars nothing: the verdict is a caution, its measure says SUPERVISE (专项治理).
  SUPERVISE: VerdictOutcome.CAUTION,
  RESTRICT: VerdictOutcome.RESTRICTED,
  DISQUALIFY: VerdictOutcome.DISQUALIFIED,
};

/** One leaf condition as it was evaluated: what the rule expected and what the fact really was. */
export interface ConditionResult {
  /** Where the leaf stands in the tree, e.g. `all[1].any[0]`. */
  place: string;
  fact: string;
  path: string | null;
  operator: string;
  /** The value compared with; for a parameter reference, the parameter's value in force. */
  expected: unknown;
  /** The parameter the expected value was read from, e.g. "honourLossThreshold". */
  expectedParameter?: string;
  actual: unknown;
  passed: boolean;
}

/** What a mitigating rule did to the measure of another rule (三(七)). */
export interface Mitigation {
  /** The mitigating rule. */
  byRule: string;
  relief: 'LIGHTEN' | 'WAIVE';
  /** The measure's effect as its rule gave it. */
  from: Effect;
  /** The effect after relief; null when waived (or lightened off the bottom). */
  to: Effect | null;
}

export interface RuleResult {
  ruleId: string;
  file: string;
  title: Bilingual;
  basis: Basis[];
  /** The effect that applies: the rule's own, or what a mitigation lowered it to (null: waived). */
  effect: Effect | null;
  measure: Bilingual;
  /** For a mitigating rule: the rule whose measure it lowers, and how. */
  mitigates: { rule: string; relief: 'LIGHTEN' | 'WAIVE' } | null;
  /** For a fired rule whose measure a mitigating rule lowered or waived. */
  mitigatedBy: Mitigation | null;
  inEffect: boolean;
  fired: boolean;
  points: number | null;
  conditions: ConditionResult[];
  evidence: Record<string, unknown>[];
  /** The rule's explanation template filled with the facts (fired rules only). */
  text: Bilingual | null;
  /** Dotted names of the parameters the rule read (conditions, points, explanation), e.g. "gradePoints.A". */
  parameters: string[];
}

export interface RunResult {
  outcome: Outcome;
  score: number | null;
  rules: RuleResult[];
}

export type Facts = { subject: unknown; parameters: Record<string, unknown> } & Record<string, unknown>;

/** A rule that cannot be run as written: the verdict is refused rather than silently wrong. */
export class RuleRuntimeError extends Error {
  constructor(readonly ruleId: string, readonly file: string, problem: string) {
    super(`规则 ${ruleId}（rules/${file}）无法运行，未作出裁决 / Rule ${ruleId} (rules/${file}) cannot run: ${problem}`);
    this.name = 'RuleRuntimeError';
  }
}

type Operators = { get(name: string): { evaluate(actual: unknown, expected: unknown): boolean } | undefined };

function isLeaf(node: ConditionNode): node is LeafCondition {
  return 'fact' in node;
}

/** Evaluates every leaf (no short-circuit), so an explanation says why a rule did not fire, completely. */
function explain(rule: LoadedRule, node: ConditionNode, facts: Facts, operators: Operators, place: string, out: ConditionResult[]): boolean {
  if ('all' in node) return node.all.map((child, i) => explain(rule, child, facts, operators, `${place}all[${i}]`, out)).every(Boolean);
  if ('any' in node) return node.any.map((child, i) => explain(rule, child, facts, operators, `${place}any[${i}]`, out)).some(Boolean);
  if ('not' in node) return !explain(rule, node.not, facts, operators, `${place}not.`, out);
  if (!isLeaf(node)) throw new RuleRuntimeError(rule.id, rule.file, `a condition at ${place || 'the top'} is neither all, any, not nor a leaf`);
  const root = facts[node.fact];
  if (root === undefined) throw new RuleRuntimeError(rule.id, rule.file, `fact "${node.fact}" does not exist; use "subject" or "parameters"`);
  if (node.path && !pathExists(root, node.path)) {
    throw new RuleRuntimeError(rule.id, rule.file, `path "${node.path}" is not in the facts of "${node.fact}"; add the field to the facts query or correct the path`);
  }
  const actual = node.path ? resolvePath(root, node.path) : root;
  const operator = operators.get(node.operator);
  if (!operator) throw new RuleRuntimeError(rule.id, rule.file, `operator "${node.operator}" is unknown`);
  let expected = node.value;
  let expectedParameter: string | undefined;
  if (isParameterRef(node.value)) {
    if (!pathExists(facts.parameters, node.value.path)) {
      throw new RuleRuntimeError(rule.id, rule.file, `parameter "${node.value.path}" is not in the parameters in force; add it to the parameters file`);
    }
    expected = resolvePath(facts.parameters, node.value.path);
    expectedParameter = node.value.path.replace(/^\$\./, '');
  }
  const passed = operator.evaluate(actual, expected);
  out.push({ place: place.replace(/\.$/, ''), fact: node.fact, path: node.path ?? null, operator: node.operator, expected, ...(expectedParameter ? { expectedParameter } : {}), actual, passed });
  return passed;
}

function matches(item: Record<string, unknown>, where: Record<string, unknown> = {}): boolean {
  return Object.entries(where).every(([field, wanted]) => (Array.isArray(wanted) ? wanted.includes(item[field]) : item[field] === wanted));
}

/** The records (or commitments, cases) that made a rule fire, as its evidence specs select them. */
function evidenceFor(specs: EvidenceSpec[] = [], subject: unknown): Record<string, unknown>[] {
  const seen = new Set<unknown>();
  return specs.flatMap((spec) => {
    const items = resolvePath(subject, spec.path);
    if (!Array.isArray(items)) return [];
    return (items as Record<string, unknown>[]).filter((item) => {
      if (!matches(item, spec.where) || seen.has(item.id ?? item)) return false;
      seen.add(item.id ?? item);
      return true;
    });
  });
}

/** The parameters a rule read: condition facts and values, its points, its explanation's placeholders. */
function parametersRead(rule: LoadedRule, facts: Facts, conditions: ConditionResult[], fired: boolean): string[] {
  const names = new Set<string>();
  for (const c of conditions) {
    if (c.fact === 'parameters' && c.path) names.add(c.path.replace(/^\$\./, ''));
    if (c.expectedParameter) names.add(c.expectedParameter);
  }
  const points = rule.event.params.points;
  if (fired && points && typeof points === 'object') names.add(renderTemplate(points.parameter, facts));
  if (fired) {
    for (const locale of ['zh', 'en'] as const) {
      for (const [, name] of rule.explanation[locale].matchAll(/\{\{\s*parameters\.([\w.]+)\s*\}\}/g)) names.add(name);
    }
  }
  return [...names].sort();
}

/** One step down the ladder of measures, or none. */
function lowered(effect: Effect, relief: 'LIGHTEN' | 'WAIVE'): Effect | null {
  if (relief === 'WAIVE') return null;
  const step = MITIGABLE.indexOf(effect);
  return step > 0 ? MITIGABLE[step - 1] : null;
}

/**
 * Applies the fired mitigating rules (三(七)) to the fired rules they name: each such measure is
 * lowered one step or waived, and says by which rule. A measure is mitigated at most once.
 */
function applyMitigations(results: RuleResult[]): void {
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

function pointsOf(rule: LoadedRule, facts: Facts): number | null {
  const points = rule.event.params.points;
  if (rule.event.type !== 'SCORE' || points === undefined) return null;
  if (typeof points === 'number') return points;
  const value = resolvePath(facts.parameters, renderTemplate(points.parameter, facts));
  // The message names the template as written, never the path it became: that holds fact values.
  if (typeof value !== 'number') {
    throw new RuleRuntimeError(rule.id, rule.file, `points.parameter "${points.parameter}" does not lead to a number in the parameters in force for this subject's facts; add the value to the parameters file or correct the template`);
  }
  return value;
}

export function inEffectOn(rule: LoadedRule, day: string): boolean {
  return rule.effective.from <= day && (!rule.effective.to || day <= rule.effective.to);
}

/**
 * Built engines, by the list of rules they hold. Building one parses every rule, so engines are
 * reused; a run takes an idle engine and gives it back, because json-rules-engine keeps a run's
 * status on the engine and two runs must not share one at the same time.
 */
const idleEngines = new WeakMap<LoadedRule[], Map<string, Engine[]>>();

function takeEngine(rules: LoadedRule[], active: LoadedRule[]): { engine: Engine; release(): void } {
  const byActive = idleEngines.get(rules) ?? new Map<string, Engine[]>();
  idleEngines.set(rules, byActive);
  const key = active.map((rule) => rule.id).join('\n');
  const idle = byActive.get(key) ?? [];
  byActive.set(key, idle);
  const engine =
    idle.pop() ??
    new Engine(
      active.map((rule): RuleProperties => ({ name: rule.id, priority: rule.priority ?? 1, conditions: rule.conditions as never, event: rule.event })),
      { allowUndefinedFacts: true, pathResolver: resolvePath },
    );
  return { engine, release: () => void idle.push(engine) };
}

/** Milliseconds a caller can collect per stage: the engine's own run, and building the explanation. */
export interface RunTiming {
  engine: number;
  explain: number;
}

/**
 * Runs rules over facts with json-rules-engine, then explains every rule condition by condition:
 * fired or not, each leaf with the value it saw (no short-circuit), evidence and texts. The
 * engine's firing and the explanation must agree, or the run fails.
 */
export async function runRules(rules: LoadedRule[], facts: Facts, day: string, timing?: RunTiming): Promise<RunResult> {
  let started = performance.now();
  const active = rules.filter((rule) => inEffectOn(rule, day));
  const { engine, release } = takeEngine(rules, active);
  const { results } = await engine.run(facts).finally(release).catch((error: Error) => {
    // json-rules-engine's own messages may quote fact values; say which rules, not what they saw.
    throw new RuleRuntimeError(active.map((r) => r.id).join(', ') || '(none)', active.map((r) => r.file).join(', '), `json-rules-engine stopped (${error.name}); run \`npx chengxin rules test\` on these rules`);
  });
  if (timing) {
    timing.engine += performance.now() - started;
    started = performance.now();
  }
  const fired = new Set(results.map((r) => r.name));
  const operators = (engine as unknown as { operators: Operators }).operators;

  const ruleResults = rules.map((rule): RuleResult => {
    const inEffect = active.includes(rule);
    const conditions: ConditionResult[] = [];
    const holds = inEffect ? explain(rule, rule.conditions, facts, operators, '', conditions) : false;
    if (inEffect && holds !== fired.has(rule.id)) {
      throw new RuleRuntimeError(rule.id, rule.file, `json-rules-engine says ${fired.has(rule.id) ? 'fired' : 'not fired'} but its conditions evaluate to ${holds}`);
    }
    return {
      ruleId: rule.id,
      file: rule.file,
      title: rule.title,
      basis: rule.basis,
      effect: rule.event.type,
      measure: rule.event.params.measure,
      mitigates: rule.event.params.mitigates ?? null,
      mitigatedBy: null,
      inEffect,
      fired: holds,
      points: holds ? pointsOf(rule, facts) : null,
      conditions,
      evidence: holds ? evidenceFor(rule.evidence, facts.subject) : [],
      text: holds ? { zh: renderTemplate(rule.explanation.zh, facts), en: renderTemplate(rule.explanation.en, facts) } : null,
      parameters: parametersRead(rule, facts, conditions, holds),
    };
  });
  applyMitigations(ruleResults);

  const firedResults = ruleResults.filter((r) => r.fired);
  // With no rule of the matter in force nothing was decided: saying ELIGIBLE would read as cleared.
  // A fired rule whose measure a mitigation waived has no effect left.
  const outcome = active.length === 0
    ? VerdictOutcome.NO_RULE_IN_FORCE
    : firedResults.reduce<Outcome>((strongest, r) => {
        if (!r.effect) return strongest;
        const candidate = OUTCOME_OF[r.effect];
        return OUTCOME_STRENGTH.indexOf(candidate) > OUTCOME_STRENGTH.indexOf(strongest) ? candidate : strongest;
      }, VerdictOutcome.ELIGIBLE);
  const scoring = active.some((rule) => rule.event.type === 'SCORE');
  const score = scoring ? firedResults.reduce((sum, r) => sum + (r.points ?? 0), 0) : null;
  if (timing) timing.explain += performance.now() - started;
  return { outcome, score, rules: ruleResults };
}
