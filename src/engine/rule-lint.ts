import type { Effect } from '../domain/verdict';
import type { LocatedJson } from './json-file';
import { engineOperator } from './operators';
import { leaves, type ConditionNode, type LoadedRule } from './rule-model';
import type { RuleProblem } from './rule-problem';

type Assignment = Map<string, unknown>;
const OTHER = '\u0000other';
/** Past this many combinations of candidate values the search gives up and warns of nothing. */
const MAX_COMBINATIONS = 20_000;

/**
 * A value json-rules-engine reads from a fact at run time (`{ "fact": "parameters", "path": … }`,
 * or any other fact): the lint cannot know it, so a comparison with one may go either way.
 */
const isFactRef = (value: unknown): boolean => !!value && typeof value === 'object' && !Array.isArray(value) && 'fact' in value;

const keyOf = (leaf: { fact: string; path?: string }) => `${leaf.fact}${leaf.path ? leaf.path.slice(1) : ''}`;

function candidatesFor(values: unknown[]): unknown[] {
  const out = new Set<unknown>([null, OTHER, true, false]);
  for (const value of values) {
    for (const item of Array.isArray(value) ? value : [value]) {
      out.add(item);
      if (typeof item === 'number') [item - 1, item + 1, item - 0.5, item + 0.5].forEach((n) => out.add(n));
    }
    if (Array.isArray(value)) out.add(value);
  }
  // List facts (contains): an empty list and a list holding every mentioned item.
  const items = values.flatMap((v) => (Array.isArray(v) ? v : [v]));
  out.add([]);
  out.add(items);
  return [...out];
}

function holds(node: ConditionNode, assignment: Assignment): boolean {
  if ('all' in node) return node.all.every((child) => holds(child, assignment));
  if ('any' in node) return node.any.some((child) => holds(child, assignment));
  if ('not' in node) return !holds(node.not, assignment);
  // A comparison with a parameter (or another fact) depends on it: either outcome is possible.
  if (isFactRef(node.value)) return true;
  try {
    return engineOperator(node.operator)?.evaluate(assignment.get(keyOf(node)), node.value) ?? false;
  } catch {
    // A value the operator cannot compare (an object where a number is wanted): the schema and
    // static checks name it; the lint only looks for contradictions, so it assumes nothing.
    return true;
  }
}

/**
 * Whether some facts could make the conditions hold, by trying the values the conditions mention
 * (and their neighbours) in every combination. `undefined` when there are too many to try.
 */
export function satisfiable(node: ConditionNode): boolean | undefined {
  const all = leaves(node);
  if (all.some(({ leaf }) => !engineOperator(leaf.operator))) return undefined; // an unknown operator is an error of its own
  const byKey = new Map<string, unknown[]>();
  for (const { leaf } of all.filter(({ leaf }) => !isFactRef(leaf.value))) byKey.set(keyOf(leaf), [...(byKey.get(keyOf(leaf)) ?? []), leaf.value]);
  const keys = [...byKey.keys()];
  const candidates = keys.map((key) => candidatesFor(byKey.get(key)!));
  if (candidates.reduce((n, c) => n * c.length, 1) > MAX_COMBINATIONS) return undefined;
  const assignment: Assignment = new Map();
  const search = (i: number): boolean => {
    if (i === keys.length) return holds(node, assignment);
    return candidates[i].some((value) => {
      assignment.set(keys[i], value);
      return search(i + 1);
    });
  };
  return search(0);
}

const FAVOURS: Effect[] = ['INCENTIVE'];
const PENALISES: Effect[] = ['CAUTION', 'SUPERVISE', 'RESTRICT', 'DISQUALIFY'];

function contradict(a: Effect, b: Effect): boolean {
  return (FAVOURS.includes(a) && PENALISES.includes(b)) || (FAVOURS.includes(b) && PENALISES.includes(a));
}

function overlapInTime(a: LoadedRule, b: LoadedRule): boolean {
  const end = (r: LoadedRule) => r.effective.to ?? '9999-12-31';
  return a.effective.from <= end(b) && b.effective.from <= end(a);
}

/**
 * Warnings, not errors: rules that can never fire, and pairs of rules of one subject type and
 * matter whose conditions can hold together while one favours and the other penalises.
 */
export function lintRules(rules: { rule: LoadedRule; json: LocatedJson }[]): RuleProblem[] {
  const warnings: RuleProblem[] = [];
  for (const { rule, json } of rules) {
    if (satisfiable(rule.conditions) === false) {
      warnings.push({ file: rule.file, ...json.locate(['conditions']), zh: `规则 ${rule.id} 的条件互相矛盾，永远不会适用`, en: `the conditions of ${rule.id} contradict each other: it can never fire` });
    }
  }
  for (const [i, { rule: a, json }] of rules.entries()) {
    for (const { rule: b } of rules.slice(i + 1)) {
      const shared = a.matters.filter((m) => b.matters.includes(m));
      if (a.subjectType !== b.subjectType || !shared.length || !contradict(a.event.type, b.event.type) || !overlapInTime(a, b)) continue;
      if (satisfiable({ all: [a.conditions, b.conditions] })) {
        warnings.push({
          file: a.file,
          ...json.locate(['event', 'type']),
          zh: `规则 ${a.id}（${a.event.type}）与 ${b.id}（${b.event.type}，${b.file}）在事项 ${shared.join('、')} 中可能同时适用而效果相反`,
          en: `${a.id} (${a.event.type}) and ${b.id} (${b.event.type}, ${b.file}) can both fire for ${shared.join(', ')} with opposite effects`,
        });
      }
    }
  }
  return warnings;
}
