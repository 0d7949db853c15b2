import type { ConditionNode, LoadedRule } from '../src/engine/rule-model';
import type { GatheredFacts } from '../src/evaluation/facts';
import { median, repeated } from './median';

/** json-rules-engine operators as ZEN expression operators. */
const OPERATORS: Record<string, (left: string, right: string) => string> = {
  equal: (l, r) => `${l} == ${r}`,
  notEqual: (l, r) => `${l} != ${r}`,
  lessThan: (l, r) => `${l} < ${r}`,
  lessThanInclusive: (l, r) => `${l} <= ${r}`,
  greaterThan: (l, r) => `${l} > ${r}`,
  greaterThanInclusive: (l, r) => `${l} >= ${r}`,
  in: (l, r) => `${l} in ${r}`,
  notIn: (l, r) => `not (${l} in ${r})`,
  contains: (l, r) => `contains(${l}, ${r})`,
  doesNotContain: (l, r) => `not contains(${l}, ${r})`,
};

/**
 * The peer is not a dependency: its platform builds are not on every registry, and listing it made
 * `npm install` rewrite package-lock.json in a fresh clone. `npm run bench` installs it without
 * saving (`bench:peer`); it is loaded by name so the project compiles without it.
 */
const ZEN_PACKAGE = '@gorules/zen-engine';

interface ZenDecision {
  evaluate(input: object): Promise<{ result: { results: unknown } }>;
}
interface ZenModule {
  ZenEngine: new () => { createDecision(content: object): ZenDecision; dispose(): void };
}

async function loadZen(): Promise<ZenModule> {
  try {
    return (await import(ZEN_PACKAGE)) as ZenModule;
  } catch {
    throw new Error(`${ZEN_PACKAGE} is not installed: run \`npm run bench:peer\` (installs it without touching package.json or package-lock.json).`);
  }
}

const pathOf = (fact: string, path?: string) => `${fact}${path ? path.replace(/^\$/, '') : ''}`;

/** A json-rules-engine condition as one ZEN expression (the peer sees the same rules). */
function expression(node: ConditionNode): string {
  if ('all' in node) return `(${node.all.map(expression).join(' and ') || 'true'})`;
  if ('any' in node) return `(${node.any.map(expression).join(' or ') || 'false'})`;
  if ('not' in node) return `not (${expression(node.not)})`;
  const value = node.value as unknown;
  const right =
    value && typeof value === 'object' && 'fact' in (value as object)
      ? pathOf((value as { fact: string }).fact, (value as { path?: string }).path)
      : JSON.stringify(value);
  const operator = OPERATORS[node.operator];
  if (!operator) throw new Error(`the ZEN translation has no operator ${node.operator}`);
  return operator(pathOf(node.fact, node.path), right);
}

/**
 * (h) The peer: the same shipped rules translated into a GoRules ZEN decision (one expression node
 * whose outputs are the rules' firing, in loop mode over a batch of subjects), run over the same
 * in-memory facts. Returns the median of three passes in subjects per second, and checks ZEN fires
 * what json-rules-engine fires.
 */
export async function zenRate(rules: LoadedRule[], facts: GatheredFacts[], expectedFired: (i: number) => string[]): Promise<number> {
  const content = {
    nodes: [
      { id: 'in', type: 'inputNode', name: 'subjects', position: { x: 0, y: 0 } },
      {
        id: 'rules',
        type: 'expressionNode',
        name: 'rules',
        position: { x: 200, y: 0 },
        content: {
          executionMode: 'loop',
          inputField: 'items',
          outputPath: 'results',
          expressions: rules.map((rule, i) => ({ id: `e${i}`, key: rule.id.replace(/-/g, '_'), value: expression(rule.conditions) })),
        },
      },
      { id: 'out', type: 'outputNode', name: 'out', position: { x: 400, y: 0 } },
    ],
    edges: [
      { id: 'a', sourceId: 'in', targetId: 'rules', type: 'edge' },
      { id: 'b', sourceId: 'rules', targetId: 'out', type: 'edge' },
    ],
  };
  const { ZenEngine } = await loadZen();
  const engine = new ZenEngine();
  const decision = engine.createDecision(content);
  const BATCH = 1000;
  const items = facts.map((f) => ({ subject: f.subject, parameters: f.parameters }));
  const { result } = await decision.evaluate({ items: items.slice(0, Math.min(BATCH, items.length)) });
  const keys = rules.map((rule) => rule.id.replace(/-/g, '_'));
  (result.results as Record<string, boolean>[]).forEach((row, i) => {
    const fired = keys.filter((k) => row[k] === true).map((k) => rules[keys.indexOf(k)].id);
    if (fired.sort().join() !== expectedFired(i).sort().join()) throw new Error(`ZEN and json-rules-engine disagree on subject ${i}: ${fired} vs ${expectedFired(i)}`);
  });
  const rates = await repeated(3, async () => {
    const started = performance.now();
    for (let i = 0; i < items.length; i += BATCH) await decision.evaluate({ items: items.slice(i, i + BATCH) });
    return Math.round(items.length / ((performance.now() - started) / 1000));
  });
  const rate = median(rates);
  engine.dispose();
  return rate;
}
