import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { SubjectType } from '../../../src/domain/subject';
import { subjectShape } from '../../../src/engine/facts-shape';
import type { ConditionNode, LoadedRule } from '../../../src/engine/rule-model';
import { loadRuleSet } from '../../../src/engine/rule-set';
import { decideRules } from '../../../src/evaluation/decide';
import { getSchema } from '../../../src/graphql/schema';
import { randomFacts } from '../../support/random-facts';
import { GOLDEN_DAYS, GOLDEN_FILE, GOLDEN_SUBJECTS_PER_TYPE, type Golden, type GoldenRun } from './golden';

/**
 * Writes the golden verdicts the differential test (verdict-golden.test.ts) compares with: every
 * shipped rule's cases, and random facts of each subject type decided for each of its matters on
 * a few days. The rules and facts go into the file with the results, so later edits to rules/ do
 * not move the goldens. First run on the evaluator that explained by evaluating every condition a
 * second time (commit 8f5123d), before the explanation came from json-rules-engine's own results.
 * Not part of the suite; run it again only to record a change of behaviour on purpose:
 *
 *     npx jest --testMatch '**\/capture.golden.ts'
 */
const numbersIn = (node: ConditionNode): number[] =>
  'all' in node ? node.all.flatMap(numbersIn) : 'any' in node ? node.any.flatMap(numbersIn) : 'not' in node ? numbersIn(node.not) : typeof node.value === 'number' ? [node.value] : [];

async function outcome(rules: LoadedRule[], facts: { subject: unknown; parameters: Record<string, unknown> }, day: string): Promise<GoldenRun['expect']> {
  try {
    // Through JSON: the file keeps what a stored verdict keeps.
    return JSON.parse(JSON.stringify(await decideRules(rules, facts, day)));
  } catch (error) {
    return { error: (error as Error).message };
  }
}

it('captures the golden verdicts', async () => {
  const schema = await getSchema();
  const ruleSet = loadRuleSet(path.resolve(__dirname, '../../../rules'), schema);
  const golden: Golden = { ruleSetVersion: ruleSet.version, rules: ruleSet.rules, subjects: [], runs: [] };
  for (const rule of ruleSet.rules) {
    for (const ruleCase of rule.cases ?? []) {
      const day = ruleCase.on ?? rule.effective.from;
      const given = ruleCase.facts.parameters as Record<string, unknown> | undefined;
      const facts = { subject: ruleCase.facts.subject ?? {}, parameters: given ?? (ruleCase.on ? ruleSet.parametersOn(day)?.values : undefined) ?? {} };
      golden.runs.push({ name: `${rule.id}: ${ruleCase.name}`, ruleIds: [rule.id], day, facts, expect: await outcome([rule], facts, day) });
    }
  }
  const interesting = [...new Set(ruleSet.rules.flatMap((r) => numbersIn(r.conditions)))];
  for (const type of Object.values(SubjectType)) {
    const shape = subjectShape(schema, ruleSet.factsQueries[type].document)!;
    for (let seed = 1; seed <= GOLDEN_SUBJECTS_PER_TYPE; seed++) {
      const subject = randomFacts(shape, seed, interesting);
      const subjectIndex = golden.subjects.push(subject) - 1;
      for (const matter of ruleSet.matters.filter((m) => m.subjectTypes.includes(type))) {
        for (const day of GOLDEN_DAYS) {
          const rules = ruleSet.rulesFor(type, matter.code);
          const parameters = ruleSet.parametersOn(day)?.values ?? {};
          const expect = await outcome(rules, { subject, parameters }, day);
          golden.runs.push({ name: `${type} #${seed} ${matter.code} ${day}`, ruleIds: rules.map((r) => r.id), day, facts: { subjectIndex, parameters }, expect });
        }
      }
    }
  }
  writeFileSync(path.join(__dirname, GOLDEN_FILE), gzipSync(JSON.stringify(golden), { level: 9 }));
  console.log(`${golden.runs.length} runs, ${golden.runs.filter((r) => 'error' in r.expect).length} refused, written to ${GOLDEN_FILE}`);
});
