import path from 'node:path';
import { loadRuleSet } from '../../src/engine/rule-set';
import { testRules } from '../../src/engine/rule-tests';
import { getSchema } from '../../src/graphql/schema';

/** The shipped rules, as `chengxin rules test` runs them: every case passes, full coverage. */
describe('the shipped rules', () => {
  it('load without a problem, cover every matter, and carry at least ten rules', async () => {
    const ruleSet = loadRuleSet(path.resolve(__dirname, '../../rules'), await getSchema());
    expect(ruleSet.rules.length).toBeGreaterThanOrEqual(10);
    for (const matter of ruleSet.matters) expect(ruleSet.rules.filter((r) => r.matters.includes(matter.code)).length).toBeGreaterThan(0);
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
