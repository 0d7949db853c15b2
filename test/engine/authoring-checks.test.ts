import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { GraphQLSchema } from 'graphql';
import { inspectRules } from '../../src/engine/rule-set';
import { testRules } from '../../src/engine/rule-tests';
import { getSchema } from '../../src/graphql/schema';

const SHIPPED = path.resolve(__dirname, '../../rules');
let schema: GraphQLSchema;
const dirs: string[] = [];

beforeAll(async () => {
  schema = await getSchema();
});
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A copy of the shipped rules folder, changed as an officer's edits would change it. */
function folder(edits: Record<string, (text: string) => string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chengxin-authoring-'));
  dirs.push(dir);
  cpSync(SHIPPED, dir, { recursive: true });
  for (const [file, edit] of Object.entries(edits)) {
    const full = path.join(dir, file);
    let text = '';
    try {
      text = readFileSync(full, 'utf8');
    } catch {
      // a new file
    }
    writeFileSync(full, edit(text));
  }
  return dir;
}

const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;
const RULE = 'civil-servant/award-restrict.json';
const PARAMETERS = 'parameters/2018-12-26.json';
/** The shipped parameters, as the next dated file: complete, one value changed by `change`. */
const nextParameters = (change: (values: any) => void) => () => {
  const file = JSON.parse(readFileSync(path.join(SHIPPED, PARAMETERS), 'utf8'));
  file.effectiveFrom = '2026-12-01';
  change(file.values);
  return JSON.stringify(file, null, 2);
};

describe('impossible dates', () => {
  it('refuses a month 13 in a rule, a 30 February in a parameters file and in a case, each located with its fix', () => {
    let rule = '';
    const dir = folder({
      [RULE]: (t) => (rule = t.replace('"from": "2018-12-26"', '"from": "2025-13-01"').replace('"name": "张三"', '"name": "张三", "appointedOn": "2024-02-30"')),
      'parameters/2026-12-01.json': () => nextParameters(() => undefined)().replace('"2026-12-01"', '"2025-02-30"'),
    });
    const { ruleSet, problems } = inspectRules(dir, schema);
    expect(ruleSet).toBeNull();
    const dates = problems.filter((p) => p.en.includes('does not exist'));
    expect(dates).toEqual(expect.arrayContaining([
      expect.objectContaining({ file: RULE, line: lineOf(rule, '2025-13-01'), zh: expect.stringContaining('日期 "2025-13-01" 不存在：月份 13 不存在'), en: expect.stringContaining('Write a real calendar date as YYYY-MM-DD') }),
      expect.objectContaining({ file: RULE, line: lineOf(rule, '2024-02-30'), zh: expect.stringContaining('2024 年 2 月只有 29 天') }),
      expect.objectContaining({ file: 'parameters/2026-12-01.json', en: expect.stringContaining('2025-02 has 28 days, there is no day 30 (effectiveFrom)') }),
    ]));
    expect(dates).toHaveLength(3);
  });

  it('accepts 29 February in a leap year', () => {
    const dir = folder({ [RULE]: (t) => t.replace('"from": "2018-12-26"', '"from": "2024-02-29"') });
    expect(inspectRules(dir, schema).problems).toEqual([]);
  });
});

describe('full-width punctuation', () => {
  it('names each full-width character with its ASCII fix and the line, without the syntax errors it would set off', () => {
    let edited = '';
    const dir = folder({ [RULE]: (t) => (edited = t.replace('"priority": 10,', '"priority"： 10，').replace('"subjectType": "CIVIL_SERVANT"', '“subjectType”: "CIVIL_SERVANT"')) });
    const { problems } = inspectRules(dir, schema);
    const line = lineOf(edited, '"priority"：');
    expect(problems).toEqual([
      expect.objectContaining({ file: RULE, line: lineOf(edited, '“subjectType”'), zh: expect.stringContaining('将全角「“」改为半角 "') }),
      expect.objectContaining({ file: RULE, line: lineOf(edited, '“subjectType”'), zh: expect.stringContaining('将全角「”」改为半角 "') }),
      expect.objectContaining({ file: RULE, line, zh: '全角「：」不能用作 JSON 符号：将全角「：」改为半角 :（本行："priority"： 10，）', en: expect.stringContaining('change it to the ASCII ":" (line: "priority"： 10，)') }),
      expect.objectContaining({ file: RULE, line, zh: expect.stringContaining('将全角「，」改为半角 ,') }),
    ]);
  });

  it('leaves full-width punctuation inside texts alone', () => {
    const dir = folder({ [RULE]: (t) => t.replace('"zh": "有未修复政务失信记录的公务员限制评优评先"', '"zh": "有未修复政务失信记录的公务员，限制评优评先：“暂缓”"') });
    expect(inspectRules(dir, schema).problems).toEqual([]);
  });
});

describe('parameters files are complete', () => {
  it('a dated file holding only countsFor is refused in that file, naming every value the rules and facts queries read', () => {
    const dir = folder({ 'parameters/2026-12-01.json': nextParameters((values) => {
      for (const key of Object.keys(values)) if (key !== 'countsFor') delete values[key];
    }) });
    const { ruleSet, problems } = inspectRules(dir, schema);
    expect(ruleSet).toBeNull();
    // Every problem is in the new parameters file; none is blamed on a rule.
    expect(new Set(problems.map((p) => p.file))).toEqual(new Set(['parameters/2026-12-01.json']));
    const shipped = JSON.parse(readFileSync(path.join(SHIPPED, PARAMETERS), 'utf8')).values;
    const missing = problems.map((p) => /lacks "([^"]+)"/.exec(p.en)?.[1]);
    // Each top-level value the shipped file holds (other than countsFor) is named, once per path.
    for (const key of Object.keys(shipped).filter((k) => k !== 'countsFor')) expect(missing.some((m) => m === key || m?.startsWith(`${key}.`))).toBe(true);
    expect(new Set(missing).size).toBe(missing.length);
    expect(problems.find((p) => p.en.includes('"courtWithin"'))).toMatchObject({ zh: expect.stringContaining('事实查询 facts/agency.graphql 的变量 $courtWithin'), en: expect.stringContaining('copy the value from the previous file') });
  });

  it('a value of the wrong type is refused where it stands, with the type its reader needs', () => {
    let text = '';
    const dir = folder({ 'parameters/2026-12-01.json': () => (text = nextParameters((values) => (values.breachedCommitmentPoints.value = '-5'))()) });
    const { problems } = inspectRules(dir, schema);
    expect(problems).toEqual([
      expect.objectContaining({ file: 'parameters/2026-12-01.json', line: lineOf(text, '"value": "-5"'), en: expect.stringContaining('the parameter "breachedCommitmentPoints" must be points between -1000000 and 1000000 (read by rule ag-performance-breached-commitments') }),
    ]);
  });

  it('a day count where a facts query needs a period is refused at the value, naming the GraphQL type and the queries that read it', () => {
    let text = '';
    const dir = folder({ 'parameters/2026-12-01.json': () => (text = nextParameters((values) => (values.commitmentWithin.value = 730))()) });
    const { ruleSet, problems } = inspectRules(dir, schema);
    expect(ruleSet).toBeNull();
    // The file's schema refuses the value too (a period is text or { years, months, days }); every problem stands at the value.
    expect(new Set(problems.map((p) => `${p.file}:${p.line}`))).toEqual(new Set([`parameters/2026-12-01.json:${lineOf(text, '"value": 730')}`]));
    expect(problems).toContainEqual(expect.objectContaining({ en: expect.stringContaining('the parameter "commitmentWithin" must be a value of type String (String cannot represent a non string value: 730) (read by the variable $commitmentWithin of the facts query facts/agency.graphql') }));
  });

  it('a parameter path no file holds is still the rule\'s mistake', () => {
    let edited = '';
    const dir = folder({ 'agency/performance-breached-commitments.json': (t) => (edited = t.replace('"parameter": "breachedCommitmentPoints"', '"parameter": "breachedCommitmentPoint"')) });
    const { problems } = inspectRules(dir, schema);
    expect(problems).toEqual([
      expect.objectContaining({ file: 'agency/performance-breached-commitments.json', line: lineOf(edited, '"breachedCommitmentPoint"'), en: 'the parameter "breachedCommitmentPoint" is in no parameters file; correct the path, or add the value to every parameters file' }),
    ]);
  });
});

describe('cases on the parameters in force', () => {
  const scoreCase = (points: number) => (t: string) => {
    const rule = JSON.parse(t);
    rule.cases.push({ name: 'from 2026-12-01 a breached commitment costs 8 points', on: '2026-12-01', facts: { subject: { name: '某镇', level: 'TOWNSHIP', kind: 'PEOPLES_GOVERNMENT', kindEstimated: false, review: { breached: 1, breachedCommitments: [], reviewPeriod: { from: '2026-01-01', to: '2026-12-31' } } } }, expect: { fired: true, points } });
    return JSON.stringify(rule, null, 2);
  };

  it('a case dated after a new parameters file passes with the change and fails without it', async () => {
    const withChange = inspectRules(folder({
      'agency/performance-breached-commitments.json': scoreCase(-8),
      'parameters/2026-12-01.json': nextParameters((values) => (values.breachedCommitmentPoints.value = -8)),
    }), schema).ruleSet!;
    const passed = (await testRules(withChange.rules, (day) => withChange.parametersOn(day))).cases.find((c) => c.on === '2026-12-01');
    expect(passed).toMatchObject({ passed: true, parametersFile: 'parameters/2026-12-01.json', actual: { fired: true, points: -8 } });

    const without = inspectRules(folder({ 'agency/performance-breached-commitments.json': scoreCase(-8) }), schema).ruleSet!;
    const failed = (await testRules(without.rules, (day) => without.parametersOn(day))).cases.find((c) => c.on === '2026-12-01');
    expect(failed).toMatchObject({ passed: false, parametersFile: 'parameters/2018-12-26.json', actual: { fired: true, points: -5 } });
  });
});
