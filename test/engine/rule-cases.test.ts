import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadRuleSet } from '../../src/engine/rule-set';
import { testRules } from '../../src/engine/rule-tests';
import { getSchema } from '../../src/graphql/schema';

/** The shipped rules, as `chengxin rules test` runs them: every case passes, full coverage. */
describe('the shipped rules', () => {
  it('load without a problem, cover every matter (or the catalogue says why no rule does), and carry at least ten rules', async () => {
    const rulesDir = path.resolve(__dirname, '../../rules');
    const ruleSet = loadRuleSet(rulesDir, await getSchema());
    expect(ruleSet.rules.length).toBeGreaterThanOrEqual(10);
    // A matter with no rule (RECRUITMENT: 招录 reviews candidates, whom Chengxin does not register) is
    // one whose every catalogued measure gives the reason none implements it.
    const measures = readdirSync(path.join(rulesDir, 'catalogue'))
      .flatMap((file) => (JSON.parse(readFileSync(path.join(rulesDir, 'catalogue', file), 'utf8')) as { clauses: { measures?: { matters: string[]; notImplemented?: unknown }[] }[] }).clauses)
      .flatMap((clause) => clause.measures ?? []);
    for (const matter of ruleSet.matters) {
      if (ruleSet.rules.some((r) => r.matters.includes(matter.code))) continue;
      const catalogued = measures.filter((m) => m.matters.includes(matter.code));
      expect({ matter: matter.code, catalogued: catalogued.length, allExplained: catalogued.every((m) => m.notImplemented) }).toEqual({ matter: matter.code, catalogued: expect.any(Number), allExplained: true });
      expect(catalogued.length).toBeGreaterThan(0);
    }
  });

  it('pass every case of every rule, with every rule seen firing and not, and every condition seen true and false', async () => {
    const ruleSet = loadRuleSet(path.resolve(__dirname, '../../rules'), await getSchema());
    const report = await testRules(ruleSet.rules);
    expect(report.cases.filter((c) => !c.passed).map((c) => `${c.ruleId}: ${c.name}`)).toEqual([]);
    expect(report.cases.length).toBeGreaterThanOrEqual(40);
    expect(report.coverage.uncoveredRules).toEqual([]);
    expect(report.coverage.uncoveredConditions).toEqual([]);
    expect(report.percent).toBe(100);
  });
});
