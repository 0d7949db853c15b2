import type { LoadedRule, ParameterSet } from './rule-model';
import { runRules } from './rule-runner';
import type { ConditionResult } from '../domain/verdict';

export interface CaseResult {
  ruleId: string;
  file: string;
  name: string;
  /** The case's day, and the parameters file in force that day, when it runs on the parameters in force. */
  on?: string;
  parametersFile?: string;
  passed: boolean;
  expected: { fired: boolean; points?: number; evidence?: string[] };
  actual: { fired: boolean; points: number | null; evidence: string[] } | null;
  /** The leaf conditions as evaluated for this case, to show why. */
  conditions: ConditionResult[];
  error?: string;
}

export interface Coverage {
  /** Rules that fired in some case and did not fire in another. */
  rulesCovered: number;
  rules: number;
  /** Leaf conditions seen both true and false across the cases of their rule. */
  conditionsCovered: number;
  conditions: number;
  /** Rule ids missing a firing case or a non-firing case. */
  uncoveredRules: string[];
  /** `ruleId all[0]`-style names of leaves never seen true, or never seen false. */
  uncoveredConditions: string[];
  /** The same, rule by rule. */
  perRule: { ruleId: string; cases: number; seenFiring: boolean; seenNotFiring: boolean; conditionsCovered: number; conditions: number }[];
}

export interface RuleTestReport {
  cases: CaseResult[];
  coverage: Coverage;
  /** The lower of rule and condition coverage, in percent. */
  percent: number;
}

const pct = (covered: number, total: number) => (total === 0 ? 100 : (100 * covered) / total);

/**
 * Runs every case of every rule and measures coverage. A case runs on its `on` day with the
 * parameters file in force that day (so a change to a parameters file has cases that notice it),
 * or on the rule's first effective day with the parameters it gives.
 */
export async function testRules(rules: LoadedRule[], parametersOn: (day: string) => ParameterSet | undefined = () => undefined): Promise<RuleTestReport> {
  const cases: CaseResult[] = [];
  const firing = new Map<string, Set<boolean>>();
  const leafSeen = new Map<string, Set<boolean>>();
  for (const rule of rules) {
    firing.set(rule.id, new Set());
    for (const ruleCase of rule.cases ?? []) {
      const day = ruleCase.on ?? rule.effective.from;
      const given = ruleCase.facts.parameters as Record<string, unknown> | undefined;
      const inForce = ruleCase.on && !given ? parametersOn(day) : undefined;
      const facts = { subject: ruleCase.facts.subject ?? {}, parameters: given ?? inForce?.values ?? {} };
      try {
        if (ruleCase.on && !given && !inForce) throw new Error(`${day} 没有生效的参数文件 / no parameters file is in force on ${day}`);
        const [result] = await runRules([rule], facts, day);
        const evidence = result.evidence.map((item) => String(item.id));
        const passed = result.fired === ruleCase.expect.fired
          && (ruleCase.expect.points === undefined || result.points === ruleCase.expect.points)
          && (ruleCase.expect.evidence === undefined || JSON.stringify(evidence) === JSON.stringify(ruleCase.expect.evidence));
        cases.push({ ruleId: rule.id, file: rule.file, name: ruleCase.name, on: ruleCase.on, parametersFile: inForce?.file, passed, expected: ruleCase.expect, actual: { fired: result.fired, points: result.points, evidence }, conditions: result.conditions });
        firing.get(rule.id)!.add(result.fired);
        for (const c of result.conditions) {
          const key = `${rule.id} ${c.place}`;
          leafSeen.set(key, (leafSeen.get(key) ?? new Set()).add(c.passed === true)); // the engine always sets it
        }
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        cases.push({ ruleId: rule.id, file: rule.file, name: ruleCase.name, on: ruleCase.on, parametersFile: inForce?.file, passed: false, expected: ruleCase.expect, actual: null, conditions: [], error: message });
      }
    }
  }
  const uncoveredRules = [...firing].filter(([, seen]) => seen.size < 2).map(([id]) => id);
  const uncoveredConditions = [...leafSeen].filter(([, seen]) => seen.size < 2).map(([key]) => key);
  const perRule = rules.map((rule) => {
    const leavesOf = [...leafSeen].filter(([key]) => key.startsWith(`${rule.id} `));
    return {
      ruleId: rule.id,
      cases: rule.cases?.length ?? 0,
      seenFiring: firing.get(rule.id)!.has(true),
      seenNotFiring: firing.get(rule.id)!.has(false),
      conditionsCovered: leavesOf.filter(([, seen]) => seen.size === 2).length,
      conditions: leavesOf.length,
    };
  });
  const coverage: Coverage = {
    perRule,
    rulesCovered: firing.size - uncoveredRules.length,
    rules: firing.size,
    conditionsCovered: leafSeen.size - uncoveredConditions.length,
    conditions: leafSeen.size,
    uncoveredRules,
    uncoveredConditions,
  };
  const percent = Math.min(pct(coverage.rulesCovered, coverage.rules), pct(coverage.conditionsCovered, coverage.conditions));
  return { cases, coverage, percent };
}
