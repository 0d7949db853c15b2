import { Engine, type RuleProperties, type RuleResult as EngineRuleResult, type TopLevelCondition } from 'json-rules-engine';
import type { ConditionResult, RuleResult, VerdictFacts } from '../domain/verdict';
import { RuleRuntimeError } from '../errors';
import { dottedName, pathExists, resolvePath } from './path';
import { isParameterRef, WHERE_COMPARISONS, type ConditionNode, type EvidenceSpec, type LeafCondition, type LoadedRule } from './rule-model';
import { parameterPlaceholders, renderTemplate } from './template';
import { pointsWithinBound, RULE_LIMITS } from './rule-limits';

/**
 * The one evaluator: json-rules-engine runs the rules, and every rule's explanation is read from
 * the engine's own result — each leaf of its copy of the conditions carries the value the fact had
 * (`factResult`), the value compared with (`valueResult`, a parameter reference already resolved)
 * and whether it held (`result`). Nothing here compares values again.
 *
 * Every leaf is evaluated, so "why not" is complete: json-rules-engine stops early only between
 * conditions of different priorities (rule.js, prioritizeAndRun: each priority set is evaluated
 * whole with Promise.all, and the sets one after the other, stopping when the outcome is settled).
 * The engine is given the conditions as `toEngine` copies them — fact, path, operator and value,
 * never a priority — so every condition of an all/any shares one priority and all are evaluated.
 */

/** A condition as json-rules-engine takes it (its own typings do not export the leaf's type). */
type EngineLeaf = Pick<LeafCondition, 'fact' | 'path' | 'operator' | 'value'>;
type EngineCondition = TopLevelCondition | EngineLeaf;

/** A node of the engine's result tree, as far as an explanation reads it. */
type ResultNode = { all: ResultNode[] } | { any: ResultNode[] } | { not: ResultNode } | { condition: string } | ResultLeaf;
interface ResultLeaf extends EngineLeaf {
  factResult?: unknown;
  valueResult?: unknown;
  result?: boolean;
}

const isLeaf = (node: ConditionNode): node is LeafCondition => 'fact' in node;

function toEngine(node: ConditionNode): EngineCondition {
  if ('all' in node) return { all: node.all.map(toEngine) };
  if ('any' in node) return { any: node.any.map(toEngine) };
  if ('not' in node) return { not: toEngine(node.not) };
  const { fact, path, operator, value } = node;
  return path === undefined ? { fact, operator, value } : { fact, path, operator, value };
}

/** The engine wants all, any or not at the top: a rule whose conditions are one leaf is given `all: [leaf]`. */
function engineConditions(rule: LoadedRule): TopLevelCondition {
  const top = toEngine(rule.conditions);
  return 'fact' in top ? { all: [top] } : top;
}

/** The engine's result tree of a rule, from the rule's own top (unwrapping the `all` a single leaf was given). */
function resultTree(rule: LoadedRule, result: EngineRuleResult): ResultNode {
  const tree: ResultNode = result.conditions;
  return isLeaf(rule.conditions) && 'all' in tree ? tree.all[0] : tree;
}

/** The value of a fact the rules may name: the subject's facts or the parameters in force. */
function factValue(facts: VerdictFacts, fact: string): unknown {
  return fact === 'subject' ? facts.subject : fact === 'parameters' ? facts.parameters : undefined;
}

/**
 * Each leaf of the engine's result, in the order the rule file writes them, with the value it saw.
 * Refuses (RuleRuntimeError) a leaf whose fact, path or parameter the facts lack: the engine reads
 * those as undefined, which would decide on a value that is not there.
 */
function explain(rule: LoadedRule, node: ResultNode, facts: VerdictFacts, place: string, out: ConditionResult[]): void {
  if ('all' in node) return node.all.forEach((child, i) => explain(rule, child, facts, `${place}all[${i}]`, out));
  if ('any' in node) return node.any.forEach((child, i) => explain(rule, child, facts, `${place}any[${i}]`, out));
  if ('not' in node) return explain(rule, node.not, facts, `${place}not.`, out);
  if (!('fact' in node)) throw new RuleRuntimeError(rule.id, rule.file, `a condition at ${place || 'the top'} is neither all, any, not nor a leaf`);
  const root = factValue(facts, node.fact);
  if (root === undefined) throw new RuleRuntimeError(rule.id, rule.file, `fact "${node.fact}" does not exist; use "subject" or "parameters"`);
  if (node.path && !pathExists(root, node.path)) {
    throw new RuleRuntimeError(rule.id, rule.file, `path "${node.path}" is not in the facts of "${node.fact}"; add the field to the facts query or correct the path`);
  }
  let expectedParameter: string | undefined;
  if (isParameterRef(node.value)) {
    if (!pathExists(facts.parameters, node.value.path)) {
      throw new RuleRuntimeError(rule.id, rule.file, `parameter "${node.value.path}" is not in the parameters in force; add it to the parameters file`);
    }
    expectedParameter = dottedName(node.value.path);
  }
  // Cannot happen with one priority (see above); said rather than shown as a condition that failed.
  if (typeof node.result !== 'boolean') throw new RuleRuntimeError(rule.id, rule.file, `json-rules-engine did not evaluate the condition at ${place.replace(/\.$/, '') || 'the top'}`);
  out.push({
    place: place.replace(/\.$/, ''),
    fact: node.fact,
    path: node.path ?? null,
    operator: node.operator,
    expected: node.valueResult,
    ...(expectedParameter ? { expectedParameter } : {}),
    actual: node.factResult,
    passed: node.result,
  });
}

/**
 * Whether an item's field satisfies one `where` entry: a value (equal), a list (one of), a parameter
 * reference (its value, equal or one of: the same set a facts argument used) or a comparison
 * `{ "greaterThan": 1000000 | { "fact": "parameters", ... } }` (numbers only; null never passes).
 */
function fieldMatches(actual: unknown, wanted: unknown, parameters: unknown): boolean {
  const value = isParameterRef(wanted) ? resolvePath(parameters, wanted.path) : wanted;
  if (Array.isArray(value)) return value.includes(actual);
  if (value && typeof value === 'object') {
    return Object.entries(value).every(([operator, bound]) => {
      const limit = isParameterRef(bound) ? resolvePath(parameters, bound.path) : bound;
      const compare = WHERE_COMPARISONS[operator];
      return !!compare && typeof actual === 'number' && typeof limit === 'number' && compare(actual, limit);
    });
  }
  return actual === value;
}

function matches(item: Record<string, unknown>, where: Record<string, unknown> = {}, parameters: unknown): boolean {
  return Object.entries(where).every(([field, wanted]) => fieldMatches(item[field], wanted, parameters));
}

/** The records (or commitments, cases) that made a rule fire, as its evidence specs select them. */
function evidenceFor(specs: EvidenceSpec[] = [], subject: unknown, parameters: unknown): Record<string, unknown>[] {
  const seen = new Set<unknown>();
  return specs.flatMap((spec) => {
    const items = resolvePath(subject, spec.path);
    if (!Array.isArray(items)) return [];
    return (items as Record<string, unknown>[]).filter((item) => {
      if (!matches(item, spec.where, parameters) || seen.has(item.id ?? item)) return false;
      seen.add(item.id ?? item);
      return true;
    });
  });
}

/** The parameters a rule read: condition facts and values, its points, its explanation's placeholders. */
function parametersRead(rule: LoadedRule, facts: VerdictFacts, conditions: ConditionResult[], fired: boolean): string[] {
  const names = new Set<string>();
  for (const c of conditions) {
    if (c.fact === 'parameters' && c.path) names.add(dottedName(c.path));
    if (c.expectedParameter) names.add(c.expectedParameter);
  }
  const points = rule.event.params.points;
  if (fired && points && typeof points === 'object') names.add(renderTemplate(points.parameter, facts));
  if (fired) for (const locale of ['zh', 'en'] as const) for (const name of parameterPlaceholders(rule.explanation[locale])) names.add(name);
  return [...names].sort();
}

function pointsOf(rule: LoadedRule, facts: VerdictFacts): number | null {
  const points = rule.event.params.points;
  if (rule.event.type !== 'SCORE' || points === undefined) return null;
  if (typeof points === 'number') return points;
  const value = resolvePath(facts.parameters, renderTemplate(points.parameter, facts));
  // The message names the template as written, never the path it became: that holds fact values.
  if (typeof value !== 'number') {
    throw new RuleRuntimeError(rule.id, rule.file, `points.parameter "${points.parameter}" does not lead to a number in the parameters in force for this subject's facts; add the value to the parameters file or correct the template`);
  }
  // A parameters file is checked (parameters-check.ts); a snapshot or a future path that is not is
  // still refused here rather than stored (hostile31 F8).
  if (!pointsWithinBound(value)) {
    throw new RuleRuntimeError(rule.id, rule.file, `points.parameter "${points.parameter}" leads to points out of bounds (${value}); points lie between -${RULE_LIMITS.points} and ${RULE_LIMITS.points}: correct the parameters file`);
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
      active.map((rule): RuleProperties => ({ name: rule.id, priority: rule.priority ?? 1, conditions: engineConditions(rule), event: rule.event })),
      { allowUndefinedFacts: true, pathResolver: resolvePath },
    );
  return { engine, release: () => void idle.push(engine) };
}

/** Milliseconds a caller can collect per stage: the engine's own run, and reading the explanation from it. */
export interface RunTiming {
  engine: number;
  explain: number;
}

/**
 * Runs rules over facts on a day with json-rules-engine and reads every rule's result from it:
 * in effect or not, fired or not, each leaf condition with the value it saw, evidence, points,
 * texts and the parameters read. In the order of `rules`; mitigation and the outcome are the
 * verdict's (src/evaluation/decide.ts).
 */
export async function runRules(rules: LoadedRule[], facts: VerdictFacts, day: string, timing?: RunTiming): Promise<RuleResult[]> {
  let started = performance.now();
  const active = rules.filter((rule) => inEffectOn(rule, day));
  const { engine, release } = takeEngine(rules, active);
  const { results, failureResults } = await engine.run({ subject: facts.subject, parameters: facts.parameters }).finally(release).catch((error: Error) => {
    // json-rules-engine's own messages may quote fact values; say which rules, not what they saw.
    throw new RuleRuntimeError(active.map((r) => r.id).join(', ') || '(none)', active.map((r) => r.file).join(', '), `json-rules-engine stopped (${error.name}); run \`npx chengxin rules test\` on these rules`);
  });
  if (timing) {
    timing.engine += performance.now() - started;
    started = performance.now();
  }
  const byRule = new Map([...results, ...failureResults].map((result) => [result.name, result]));
  const ruleResults = rules.map((rule): RuleResult => {
    const inEffect = active.includes(rule);
    const result = inEffect ? byRule.get(rule.id) : undefined;
    if (inEffect && !result) throw new RuleRuntimeError(rule.id, rule.file, 'json-rules-engine gave no result for it');
    const conditions: ConditionResult[] = [];
    if (result) explain(rule, resultTree(rule, result), facts, '', conditions);
    const fired = result?.result === true;
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
      fired,
      points: fired ? pointsOf(rule, facts) : null,
      conditions,
      evidence: fired ? evidenceFor(rule.evidence, facts.subject, facts.parameters) : [],
      text: fired ? { zh: renderTemplate(rule.explanation.zh, facts), en: renderTemplate(rule.explanation.en, facts) } : null,
      parameters: parametersRead(rule, facts, conditions, fired),
    };
  });
  if (timing) timing.explain += performance.now() - started;
  return ruleResults;
}
