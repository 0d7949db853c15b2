import { Engine } from 'json-rules-engine';
import { resolvePath } from '../src/engine/path';
import type { LoadedRule } from '../src/engine/rule-model';
import { runRules } from '../src/engine/rule-runner';
import type { GatheredFacts } from '../src/evaluation/facts';
import { median, repeated } from './median';

/**
 * (a) json-rules-engine alone: the shipped rules of the matter, one engine, the facts already in
 * memory, one thread, the same JSONPath-free resolver the product uses. Also the product's runner,
 * which adds the full explanation (every condition, evidence, texts).
 */
export async function engineRates(rules: LoadedRule[], facts: GatheredFacts[], day: string): Promise<{ rawEngineRate: number; explainedEngineRate: number }> {
  const engine = new Engine(
    rules.map((r) => ({ name: r.id, priority: r.priority ?? 1, conditions: r.conditions as never, event: r.event })),
    { allowUndefinedFacts: true, pathResolver: resolvePath },
  );
  // Three passes over the facts after a warm-up; the median pass is the figure.
  const rate = async (each: (f: GatheredFacts) => Promise<unknown>) => {
    for (const f of facts.slice(0, 500)) await each(f);
    const rates = await repeated(3, async () => {
      const started = performance.now();
      for (const f of facts) await each(f);
      return Math.round(facts.length / ((performance.now() - started) / 1000));
    });
    return median(rates);
  };
  const rawEngineRate = await rate((f) => engine.run({ subject: f.subject, parameters: f.parameters }));
  const explainedEngineRate = await rate((f) => runRules(rules, { subject: f.subject, parameters: f.parameters }, day));
  return { rawEngineRate, explainedEngineRate };
}
