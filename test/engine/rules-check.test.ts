import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { GraphQLSchema } from 'graphql';
import { inspectRules } from '../../src/engine/rule-set';
import type { RuleProblem } from '../../src/engine/rule-problem';
import { getSchema } from '../../src/graphql/schema';

const SHIPPED = path.resolve(__dirname, '../../rules');
const BASE = 'civil-servant/trustworthy-incentive.json';
let schema: GraphQLSchema;
const dirs: string[] = [];

beforeAll(async () => {
  schema = await getSchema();
});
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** The shipped rules with one file written anew: what a policy officer's edit would leave. */
function rulesWith(file: string, edit: (text: string) => string) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chengxin-check-'));
  dirs.push(dir);
  cpSync(SHIPPED, dir, { recursive: true });
  writeFileSync(path.join(dir, file), edit(readFileSync(path.join(SHIPPED, BASE), 'utf8')));
  return inspectRules(dir, schema);
}

/** The line on which `needle` first stands in the edited text. */
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

function only(problems: RuleProblem[], file: string) {
  return problems.filter((p) => p.file === file);
}

describe('rules check finds', () => {
  it('malformed JSON, at the line and column of the mistake', () => {
    let edited = '';
    const { problems, ruleSet } = rulesWith('civil-servant/x.json', (t) => (edited = t.replace('"priority": 1,', '"priority": 1 "oops": 2,')));
    expect(ruleSet).toBeNull();
    expect(only(problems, 'civil-servant/x.json')[0]).toMatchObject({ line: lineOf(edited, '"oops"'), en: expect.stringContaining('JSON syntax error: comma expected'), zh: expect.stringContaining('此处应为逗号') });
  });

  it('schema violations, with the JSON pointer and its line', () => {
    let edited = '';
    const { problems } = rulesWith('civil-servant/x.json', (t) => (edited = t.replace('"priority": 1', '"priorty": 1').replace(/"basis": \[[\s\S]*?\],\n  "effective"/, '"basis": [],\n  "effective"')));
    const found = only(problems, 'civil-servant/x.json');
    expect(found).toEqual(expect.arrayContaining([
      expect.objectContaining({ line: lineOf(edited, '"basis"'), en: '/basis: needs at least 1 item(s)' }),
      expect.objectContaining({ line: lineOf(edited, '"priorty"'), en: '/: unknown field "priorty" (a typo?)', zh: '/：不认识的字段 "priorty"（拼写错误？）' }),
    ]));
  });

  it('a path the facts query cannot produce, with the closest name', () => {
    let edited = '';
    const { problems } = rulesWith('civil-servant/x.json', (t) => (edited = t.replace('"id": "cs-trustworthy-incentive"', '"id": "x"').replace('"$.credit.trustworthy"', '"$.credit.trustworthi"')));
    expect(only(problems, 'civil-servant/x.json')).toEqual([
      expect.objectContaining({ line: lineOf(edited, '$.credit.trustworthi'), en: expect.stringContaining('"trustworthi" in path "$.credit.trustworthi" is not in the facts query\'s result; did you mean "trustworthy"?') }),
    ]);
  });

  it('a fact the engine does not know', () => {
    const { problems } = rulesWith('civil-servant/x.json', (t) => t.replace('"id": "cs-trustworthy-incentive"', '"id": "x"').replace('"fact": "subject"', '"fact": "person"'));
    expect(only(problems, 'civil-servant/x.json')).toEqual([expect.objectContaining({ en: '/conditions/all/0/fact: must be one of subject, parameters' })]);
  });

  it('an unknown operator, and operators given values of the wrong type', () => {
    const { problems } = rulesWith('civil-servant/x.json', (t) =>
      t
        .replace('"id": "cs-trustworthy-incentive"', '"id": "x"')
        .replace('"operator": "equal"', '"operator": "equals"')
        .replace('"operator": "greaterThanInclusive",\n        "value": 1', '"operator": "greaterThanInclusive",\n        "value": "1"'),
    );
    const found = only(problems, 'civil-servant/x.json').map((p) => p.en);
    expect(found).toEqual(expect.arrayContaining([expect.stringContaining('unknown operator "equals"'), '"greaterThanInclusive" needs a number, not "1"']));
  });

  it('a date compared as a number', () => {
    const { problems } = rulesWith('civil-servant/x.json', (t) => t.replace('"id": "cs-trustworthy-incentive"', '"id": "x"').replace('"$.credit.trustworthy"', '"$.credit.lastDishonestOn"'));
    expect(only(problems, 'civil-servant/x.json').map((p) => p.en)).toEqual(['"greaterThanInclusive" compares numbers, but $.credit.lastDishonestOn is a date']);
  });

  it('duplicate ids, in both files', () => {
    const { problems } = rulesWith('civil-servant/x.json', (t) => t);
    expect(problems.map((p) => [p.file, p.line, p.en])).toEqual([
      ['civil-servant/x.json', 3, `rule id "cs-trustworthy-incentive" is also used by ${BASE}`],
      [BASE, 3, 'rule id "cs-trustworthy-incentive" is also used by civil-servant/x.json'],
    ]);
  });

  it('an unknown matter, a subject type that is not the folder\'s, and effective dates out of order', () => {
    const { problems } = rulesWith('civil-servant/x.json', (t) =>
      t.replace('"id": "cs-trustworthy-incentive"', '"id": "x"').replace('"AWARD"', '"LOTTERY"').replace('"subjectType": "CIVIL_SERVANT"', '"subjectType": "AGENCY"').replace('"to": null', '"to": "2010-01-01"'),
    );
    expect(only(problems, 'civil-servant/x.json').map((p) => p.en)).toEqual([
      '"subjectType" must be "CIVIL_SERVANT", matching the folder',
      'unknown matter "LOTTERY"; declare it in matters.json first',
      '"to" 2010-01-01 is before "from" 2018-12-26',
      // An agency's facts have no governmentDishonesty (a civil servant's reading of 三(六)).
      expect.stringContaining('"governmentDishonesty" in path "$.governmentDishonesty.unrepaired" is not in the facts query\'s result'),
      // Nor the integrity-file findings the incentive reads (三(四)).
      expect.stringContaining('"fileFindings" in path "$.fileFindings.dishonest" is not in the facts query\'s result'),
      // The law check sees the same mistake from its side: 三(四) speaks of civil servants only.
      expect.stringContaining('rule x applies INCENTIVE to AGENCY in LOTTERY, which no clause it cites authorises'),
    ]);
  });

  it('in one run, the four mistakes of one file: a path typo, an unknown operator, a trailing comma and a duplicate id', () => {
    let edited = '';
    const { problems } = rulesWith('civil-servant/x.json', (t) =>
      (edited = t.replace('"$.credit.trustworthy"', '"$.credit.trustworthi"').replace('"operator": "equal"', '"operator": "equals"').replace('"value": 0\n', '"value": 0,\n')),
    );
    const found = only(problems, 'civil-servant/x.json');
    expect(found.map((p) => p.line).sort((a, b) => a - b)).toEqual([3, lineOf(edited, '"equals"'), lineOf(edited, '"value": 0,') + 1, lineOf(edited, 'trustworthi')].sort((a, b) => a - b));
    expect(found.map((p) => p.en)).toEqual(expect.arrayContaining([
      expect.stringContaining('also used by'),
      expect.stringContaining('unknown operator "equals"'),
      expect.stringContaining('(a trailing comma?)'),
      expect.stringContaining('did you mean "trustworthy"?'),
    ]));
  });
});

describe('rules check warns of', () => {
  it('a rule whose conditions can never hold together', () => {
    const { warnings, problems } = rulesWith('civil-servant/x.json', (t) =>
      t.replace('"id": "cs-trustworthy-incentive"', '"id": "x"').replace('"operator": "greaterThanInclusive",\n        "value": 1', '"operator": "greaterThan",\n        "value": 5').replace('"$.credit.trustworthy"', '"$.credit.dishonest"'),
    );
    expect(problems).toEqual([]);
    expect(warnings.map((w) => [w.file, w.en])).toContainEqual(['civil-servant/x.json', 'the conditions of x contradict each other: it can never fire']);
  });

  it('two rules of one matter that can both fire with opposite effects', () => {
    // A rule of few conditions as the base: the lint gives up past MAX_COMBINATIONS candidate values, and
    // cs-trustworthy-incentive paired with a copy of itself now has five facts (lawyer11 W2 added listedByCourt).
    const { warnings } = rulesWith('civil-servant/x.json', () =>
      readFileSync(path.join(SHIPPED, 'civil-servant/court-listing-caution.json'), 'utf8').replace('"id": "cs-court-listing-caution"', '"id": "x"').replace('"type": "CAUTION"', '"type": "INCENTIVE"'),
    );
    expect(warnings.map((w) => w.en)).toContainEqual(expect.stringMatching(/^cs-court-listing-caution \(CAUTION\) and x \(INCENTIVE, civil-servant\/x.json\) can both fire for PROMOTION, AWARD with opposite effects|^x \(INCENTIVE\) and cs-court-listing-caution/));
  });

  it('a mitigating rule naming a rule that does not exist, or one no mitigation can lower', () => {
    // A mitigating rule rests on the clause that lightens (三(七)), as the law check requires.
    const mitigating = (target: string) => (t: string) =>
      t.replace('"id": "cs-trustworthy-incentive"', '"id": "x"')
        .replace('"clause": "三(四)"', '"clause": "三(七)"')
        .replace('"quote": "并将公务员诚信记录作为公务员提拔任用和评先评优的重要依据。"', '"quote": "公务员在政务失信行为发生后主动挽回损失、消除不良影响或者有效阻止危害结果发生的,可从轻或免于实施失信惩戒措施。"').replace('"type": "INCENTIVE",\n    "params": {', `"type": "MITIGATE",\n    "params": {\n      "mitigates": { "rule": "${target}", "relief": "LIGHTEN" },`);
    expect(only(rulesWith('civil-servant/x.json', mitigating('cs-award-restrikt')).problems, 'civil-servant/x.json').map((p) => p.en)).toEqual(['the rule to mitigate, "cs-award-restrikt", does not exist']);
    expect(only(rulesWith('civil-servant/x.json', mitigating('cs-trustworthy-incentive')).problems, 'civil-servant/x.json').map((p) => p.en)).toEqual([
      'rule "cs-trustworthy-incentive" has effect INCENTIVE, which no mitigation can lower (only CAUTION, RESTRICT, DISQUALIFY)',
    ]);
    expect(only(rulesWith('civil-servant/x.json', mitigating('cs-award-restrict')).problems, 'civil-servant/x.json')).toEqual([]);
  });

  it('nothing in the shipped rules', async () => {
    const { warnings, problems, ruleSet } = inspectRules(SHIPPED, schema);
    expect([problems, warnings]).toEqual([[], []]);
    expect(ruleSet?.version).toMatch(/^sha256:/);
  });
});
