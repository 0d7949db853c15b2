import { Kind, getNamedType, isObjectType, type DocumentNode, type GraphQLObjectType, type GraphQLSchema, type SelectionSetNode } from 'graphql';
import { isList, itemsOf, NO_KNOWN_SIZES } from '../engine/query-cost';
import { pathSteps } from '../engine/path';
import type { RuleSet } from '../engine/rule-set';
import { FIELD_BYTES } from './answer-weights';

/**
 * What the JSON leaves of an explanation can hold, in answer fields (FIELD_BYTES each), for the
 * anonymous field budget (LIMITS.publicFields). Each is a copy of (part of) a stored facts document:
 * `Explanation.facts` the whole of it, a condition's `actual` the value at its path, a fired rule's
 * `evidence` the items of the lists its specs name. Counted as one field each, 45 verdicts'
 * `explanation { facts }` of an enterprise with 95 records were 2 MB for a 156-byte anonymous
 * request (hostile18 F1). Here every field the facts query selects counts one, each list it
 * selects at the cap the estimate counts it at (itemsOf: a subject's records at 100), as a
 * caller's own read of the same facts would.
 */
export interface StoredFactsWeights {
  'Explanation.facts': number;
  'ConditionExplanation.actual': number;
  'RuleExplanation.evidence': number;
}

/** Fields under a selection, each list at its items (itemsOf), and each path's own count (`credit.records` → its list). */
function countFields(schema: GraphQLSchema, document: DocumentNode, type: GraphQLObjectType, set: SelectionSetNode, at: string, paths: Map<string, number>): number {
  let total = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      const field = type.getFields()[selection.name.value];
      if (!field) continue;
      const named = getNamedType(field.type);
      const key = selection.alias?.value ?? selection.name.value;
      const path = at ? `${at}.${key}` : key;
      const items = isList(field.type) ? itemsOf(`${type.name}.${field.name}`, field, {}, NO_KNOWN_SIZES) : 1;
      const each = selection.selectionSet && isObjectType(named) ? countFields(schema, document, named, selection.selectionSet, path, paths) : 1;
      // Its key counts besides what it holds: a short field is one (FIELD_BYTES holds name and value).
      const size = items * each;
      paths.set(path, Math.max(paths.get(path) ?? 0, size));
      total += size;
      continue;
    }
    const fragment =
      selection.kind === Kind.INLINE_FRAGMENT ? selection : document.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value);
    if (!fragment || !('selectionSet' in fragment) || !fragment.selectionSet) continue;
    const condition = 'typeCondition' in fragment && fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : type;
    if (isObjectType(condition)) total += countFields(schema, document, condition, fragment.selectionSet, at, paths);
  }
  return total;
}

/** The facts query's `subject`, counted (countFields), with the count of each path under it. */
function subjectFields(schema: GraphQLSchema, document: DocumentNode): { total: number; paths: Map<string, number> } {
  const paths = new Map<string, number>();
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  const query = schema.getQueryType();
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION || !query) return { total: 1, paths };
  countFields(schema, document, query, operation.selectionSet, '', paths);
  const subject = new Map([...paths].filter(([path]) => path.startsWith('subject.')).map(([path, size]) => [path.slice('subject.'.length), size]));
  return { total: paths.get('subject') ?? 1, paths: subject };
}

/** The leaf conditions of a rule's condition tree (all, any, not; a leaf names a fact). */
function leaves(node: unknown, out: { fact: string; path?: string }[] = []): { fact: string; path?: string }[] {
  if (!node || typeof node !== 'object') return out;
  const value = node as Record<string, unknown>;
  if (typeof value.fact === 'string') out.push({ fact: value.fact, path: typeof value.path === 'string' ? value.path : undefined });
  for (const key of ['all', 'any']) if (Array.isArray(value[key])) for (const child of value[key] as unknown[]) leaves(child, out);
  if (value.not) leaves(value.not, out);
  return out;
}

const bytesOf = (value: unknown) => Buffer.byteLength(JSON.stringify(value ?? null));
const mean = (sizes: number[]) => Math.max(1, Math.ceil(sizes.reduce((sum, size) => sum + size, 0) / Math.max(1, sizes.length)));

/**
 * The weights of the rule set in force. `facts`: the largest subject type's facts (its query, lists
 * at their caps) and the largest parameter set. `actual` and `evidence`: the mean over the rule set's
 * leaf conditions (rules) of what its path (its evidence specs' paths) holds, as answer-weights.ts
 * weighs a rule's conditions, so a whole explanation's conditions cost about what they can hold.
 */
export function storedFactsWeights(schema: GraphQLSchema, ruleSet: RuleSet): StoredFactsWeights {
  const subjects = new Map(Object.entries(ruleSet.factsQueries).map(([type, query]) => [type, subjectFields(schema, query.document)]));
  const parameterSets = ruleSet.parameterSets.map((set) => Math.ceil(bytesOf(set.values) / FIELD_BYTES));
  const parameters = Math.max(1, ...parameterSets);
  const facts = Math.max(1, ...[...subjects.values()].map((subject) => subject.total)) + parameters;
  const atPath = (subjectType: string, fact: string, path: string | undefined): number => {
    if (fact === 'parameters') {
      const steps = pathSteps(path ?? '$');
      return Math.max(1, ...ruleSet.parameterSets.map((set) => Math.ceil(bytesOf(steps.reduce<unknown>((v, s) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[s] : undefined), set.values)) / FIELD_BYTES)));
    }
    const subject = subjects.get(subjectType);
    if (fact !== 'subject' || !subject) return 1;
    const steps = pathSteps(path ?? '$').filter((step) => !/^\d+$/.test(step));
    return steps.length ? subject.paths.get(steps.join('.')) ?? 1 : subject.total;
  };
  const actuals = ruleSet.rules.flatMap((rule) => leaves(rule.conditions).map((leaf) => atPath(rule.subjectType, leaf.fact, leaf.path)));
  const evidence = ruleSet.rules.map((rule) => (rule.evidence ?? []).reduce((sum, spec) => sum + atPath(rule.subjectType, 'subject', spec.path), 0));
  return {
    'Explanation.facts': Math.min(facts, WEIGHT_CAPS.facts),
    'ConditionExplanation.actual': Math.min(mean(actuals), WEIGHT_CAPS.actual),
    'RuleExplanation.evidence': Math.min(mean(evidence), WEIGHT_CAPS.evidence),
  };
}

/**
 * At every list's cap, one explanation's facts (about 11,000 fields for a civil servant's, 8,000 for an
 * agency's) and its rules' evidence (about 1,300 a rule) would be more than the whole anonymous budget
 * (15,000): the public could not read one verdict's explanation, which is what the public portal shows.
 * Counted at most these (64 KB of facts, 6.4 KB of evidence a rule), one explanation fits with room, 45
 * verdicts' facts are 90,000 and refused before any statement (hostile18 F1), and an answer whose stored
 * facts hold more rows than these allow is refused by the byte backstop (http-limits/public-answer-size.ts).
 */
const WEIGHT_CAPS = { facts: 2_000, actual: 200, evidence: 200 } as const;
