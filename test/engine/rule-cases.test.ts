import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadRuleSet } from '../../src/engine/rule-set';
import { runRules } from '../../src/engine/rule-runner';
import { getSchema } from '../../src/graphql/schema';

/** Every shipped rule's own cases (facts → expected outcome), as its file states them. */
describe('the shipped rules', () => {
  it('load without a problem and cover every matter with at least one rule', async () => {
    const ruleSet = loadRuleSet(path.resolve(__dirname, '../../rules'), await getSchema());
    expect(ruleSet.rules.length).toBeGreaterThanOrEqual(10);
    for (const matter of ruleSet.matters) {
      expect(ruleSet.rules.some((r) => r.matters.includes(matter.code))).toBe(true);
    }
    expect(ruleSet.rules.every((r) => (r.cases ?? []).some((c) => c.expect.fired) && (r.cases ?? []).some((c) => !c.expect.fired))).toBe(true);
  });
});

describe('rule cases', () => {
  // Read at collection time, so that each case is a test of its own, named by its sentence.
  const rulesDir = path.resolve(__dirname, '../../rules');
  const cases: [string, string, () => Promise<void>][] = [];
  for (const folder of ['agency', 'civil-servant', 'enterprise']) {
    for (const name of readdirSync(path.join(rulesDir, folder))) {
      const rule = JSON.parse(readFileSync(path.join(rulesDir, folder, name), 'utf8'));
      for (const ruleCase of rule.cases ?? []) {
        cases.push([rule.id, ruleCase.name, async () => {
          const facts = { subject: ruleCase.facts.subject, parameters: ruleCase.facts.parameters ?? {} };
          const result = await runRules([{ ...rule, file: `${folder}/${name}` }], facts, rule.effective.from);
          expect(result.rules[0].fired).toBe(ruleCase.expect.fired);
          if (ruleCase.expect.points !== undefined) expect(result.rules[0].points).toBe(ruleCase.expect.points);
        }]);
      }
    }
  }
  it.each(cases)('%s: %s', async (_id, _name, run) => run());
});
