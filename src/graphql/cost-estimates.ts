import { Kind, getVariableValues, visit, type ASTNode, type DocumentNode, type GraphQLSchema } from 'graphql';
import { estimateCost, estimateFields, type KnownSizes } from '../engine/query-cost';
import { estimateRows } from '../engine/row-cost';
import { LIMITS } from './limits';

/**
 * Costs already estimated, by parsed document (Apollo hands the same one for the same query text),
 * then by operation and the values of the variables the estimate reads: those given to `first` and
 * to directives (@include, @skip), and the length of those given to `ids` (a read by ids costs per
 * id, src/engine/query-cost.ts BY_IDS: keyed without them, a document priced with 1 id ran with
 * 10,000, hostile10 F1). Other variables (an id, a matter) change nothing in the cost, so a
 * document sent again and again (evaluate, a verdict page) is estimated once, not every request.
 */
const estimated = new WeakMap<DocumentNode, { costVariables: CostVariable[]; costs: Map<string, number> }>();

/** What is estimated: the cost (every caller), or the fields of the answer and the cost of its root rows (a caller without a token). */
export type Measure = 'cost' | 'fields' | 'rows';
const MEASURES = { cost: estimateCost, fields: estimateFields, rows: estimateRows } as const;
/** Per document: enough for every page size, and bounded whatever a caller sends. */
const MAX_COSTS_PER_DOCUMENT = 200;

/** A variable the cost estimate reads: its value, or (given to `ids`) only its length. */
interface CostVariable {
  name: string;
  length: boolean;
}

/** The variables whose values the cost estimate reads: those in a `first` or `ids` argument or a directive's arguments. */
function costVariables(document: DocumentNode): CostVariable[] {
  const values = new Set<string>();
  const lengths = new Set<string>();
  const inside = (node: ASTNode, into: Set<string>) => visit(node, { Variable: (v) => void into.add(v.name.value) });
  visit(document, {
    Argument: (argument, _key, _parent, _path, ancestors) => {
      const parent = ancestors[ancestors.length - 1];
      if (argument.name.value === 'first' || (parent && 'kind' in parent && parent.kind === Kind.DIRECTIVE)) inside(argument.value, values);
      else if (argument.name.value === 'ids') inside(argument.value, lengths);
    },
  });
  return [...new Set([...values, ...lengths])].sort().map((name) => ({ name, length: lengths.has(name) && !values.has(name) }));
}

/** What a variable adds to the cache key: its value, or a list's length (a single id, not a list, is coerced to a list of one). */
function costKeyOf(variable: CostVariable, variables: Record<string, unknown>): unknown {
  if (!(variable.name in variables)) return '\u0000absent'; // its default counts; told apart from null
  const value = variables[variable.name];
  if (!variable.length) return value;
  if (Array.isArray(value)) return { length: value.length };
  return value == null ? value : { length: 1 };
}

/**
 * One measure of an operation (limits.ts: LIMITS.cost, publicFields, publicRowCost), estimated once
 * per document, operation, variables read and rule-set sizes, then taken from the cache above; the
 * variables' values are still checked against their types. Throws what the estimate throws.
 */
export function estimateOnce(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>, measure: Measure, sizes: KnownSizes): number {
  let known = estimated.get(document);
  if (!known) estimated.set(document, (known = { costVariables: costVariables(document), costs: new Map() }));
  // The rule set's sizes are part of the key: a reload that changes them estimates the document again.
  const key = JSON.stringify([measure, sizes.key, operationName ?? null, ...known.costVariables.map((variable) => costKeyOf(variable, variables))]);
  const cost = known.costs.get(key);
  if (cost === undefined) {
    const fresh = MEASURES[measure](schema, document, operationName, variables, LIMITS.costNodes, sizes);
    if (known.costs.size >= MAX_COSTS_PER_DOCUMENT) known.costs.clear();
    known.costs.set(key, fresh);
    return fresh;
  }
  // The values are still checked against their declared types, as the estimate does (its first step).
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION || (operationName !== undefined && definition.name?.value !== operationName)) continue;
    const { errors } = getVariableValues(schema, definition.variableDefinitions ?? [], variables);
    if (errors?.length) throw errors[errors.length - 1];
  }
  return cost;
}
