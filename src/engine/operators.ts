import { Engine } from 'json-rules-engine';
import { RULE_LIMITS } from './rule-limits';

/** An operator as json-rules-engine keeps it: `evaluate` runs its fact-value check, then its comparison. */
export interface EngineOperator {
  name: string;
  evaluate(factValue: unknown, compareTo: unknown): boolean;
}

interface OperatorMap {
  operators: Map<string, EngineOperator>;
  decorators: Map<string, unknown>;
  get(name: string): EngineOperator | null;
}

function isOperatorMap(value: unknown): value is OperatorMap {
  const map = value as Partial<OperatorMap> | null;
  return !!map && map.operators instanceof Map && map.decorators instanceof Map && typeof map.get === 'function';
}

/**
 * json-rules-engine's own operator table, the one every run uses: rule-runner.ts builds its
 * engines the same way and adds no operator. json-rules-engine 7 can add and remove operators but
 * offers no way to list or look one up, so the table is read from the engine's `operators` field
 * (an OperatorMap: operators and decorators in Maps by name; `get` applies decorators such as
 * `not:`), which its typings leave out. This is the one place that reaches it; should a version of
 * the engine move it, loading fails here, saying so, rather than checking against a stale copy.
 */
const table: OperatorMap = (() => {
  const found: unknown = Reflect.get(new Engine(), 'operators');
  if (!isOperatorMap(found)) throw new Error('json-rules-engine has no operator table where version 7 keeps it (engine.operators); see src/engine/operators.ts');
  return found;
})();

/** The engine's operators (equal, lessThan, contains …) and the decorators that may prefix them (not:equal). */
export const OPERATORS: readonly string[] = [...table.operators.keys()];
export const DECORATORS: readonly string[] = [...table.decorators.keys()];

/** How many decorators an operator name puts before its operator (`not:equal` has one). */
export function decoratorCount(name: string): number {
  let count = 0;
  for (let i = name.indexOf(':'); i !== -1; i = name.indexOf(':', i + 1)) count++;
  return count;
}

/**
 * An operator as the engine resolves it, decorators applied; null when the engine does not know it,
 * or when more decorators are stacked than RULE_LIMITS.operatorDecorators (the engine applies each
 * by recursion: thousands overflow the stack; the rule checks say so with the limit).
 */
export function engineOperator(name: string): EngineOperator | null {
  if (decoratorCount(name) > RULE_LIMITS.operatorDecorators) return null;
  const parts = name.split(':');
  // Only names built from the table: `get` would also find a decorated name it cached earlier.
  if (!OPERATORS.includes(parts.at(-1)!) || !parts.slice(0, -1).every((d) => DECORATORS.includes(d))) return null;
  return table.get(name);
}
