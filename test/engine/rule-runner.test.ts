import { decideRules } from '../../src/evaluation/decide';
import type { LoadedRule } from '../../src/engine/rule-model';
import { SubjectType } from '../../src/domain/subject';

function rule(fields: Partial<LoadedRule>): LoadedRule {
  return {
    id: 'test-rule',
    file: 'civil-servant/test-rule.json',
    title: { zh: '测试', en: 'test' },
    subjectType: SubjectType.CIVIL_SERVANT,
    matters: ['AWARD'],
    basis: [{ document: '鄂州政发〔2018〕17号', clause: '三(六)', quote: '……' }],
    effective: { from: '2020-01-01', to: '2020-12-31' },
    conditions: { all: [{ fact: 'subject', path: '$.credit.unrepaired', operator: 'greaterThan', value: 0 }] },
    event: { type: 'RESTRICT', params: { measure: { zh: '限制', en: 'restricted' } } },
    explanation: { zh: '{{subject.credit.unrepaired}}条', en: '{{subject.credit.unrepaired}} record(s)' },
    ...fields,
  };
}

const facts = { subject: { credit: { unrepaired: 2 } }, parameters: {} };

describe('running rules', () => {
  it('applies a rule only inside its effective dates', async () => {
    expect((await decideRules([rule({})], facts, '2020-06-01')).outcome).toBe('RESTRICTED');
    const after = await decideRules([rule({})], facts, '2021-01-01');
    // Its only rule out of effect, the matter is not decided: never read as a clearance.
    expect(after.outcome).toBe('NO_RULE_IN_FORCE');
    expect(after.rules[0]).toMatchObject({ inEffect: false, fired: false, conditions: [] });
  });

  it('evaluates every condition of an "any" even when the first one already holds', async () => {
    const anyRule = rule({
      conditions: { any: [{ fact: 'subject', path: '$.credit.unrepaired', operator: 'greaterThan', value: 0 }, { fact: 'subject', path: '$.credit.unrepaired', operator: 'greaterThan', value: 5 }] },
    });
    const result = await decideRules([anyRule], facts, '2020-06-01');
    expect(result.rules[0].conditions.map((c) => [c.place, c.passed, c.actual])).toEqual([['any[0]', true, 2], ['any[1]', false, 2]]);
  });

  it('takes the strongest effect as the outcome and fills the explanation template', async () => {
    const caution = rule({ id: 'caution', event: { type: 'CAUTION', params: { measure: { zh: '提示', en: 'caution' } } } });
    const disqualify = rule({ id: 'disqualify', event: { type: 'DISQUALIFY', params: { measure: { zh: '取消', en: 'disqualify' } } } });
    const result = await decideRules([caution, disqualify], facts, '2020-06-01');
    expect(result.outcome).toBe('DISQUALIFIED');
    expect(result.rules[1].text).toEqual({ zh: '2条', en: '2 record(s)' });
  });

  it('refuses to run a rule whose path the facts do not have, naming rule and file', async () => {
    const typo = rule({ conditions: { all: [{ fact: 'subject', path: '$.credit.unrepayred', operator: 'greaterThan', value: 0 }] } });
    await expect(decideRules([typo], facts, '2020-06-01')).rejects.toThrow(/^规则 test-rule（rules\/civil-servant\/test-rule.json）无法运行，未作出裁决 \/ Rule test-rule \(rules\/civil-servant\/test-rule.json\) cannot run: path "\$.credit.unrepayred" is not in the facts/);
  });

  it('a mitigating rule lowers the measure it names one step, or waives it, and says which rule did', async () => {
    const restrict = rule({ id: 'restrict' });
    const mitigate = (relief: 'LIGHTEN' | 'WAIVE') =>
      rule({ id: 'lighten', event: { type: 'MITIGATE', params: { measure: { zh: '从轻', en: 'lightened' }, mitigates: { rule: 'restrict', relief } } } });
    const lightened = await decideRules([restrict, mitigate('LIGHTEN')], facts, '2020-06-01');
    expect(lightened.outcome).toBe('CAUTION');
    expect(lightened.rules[0]).toMatchObject({ effect: 'CAUTION', mitigatedBy: { byRule: 'lighten', relief: 'LIGHTEN', from: 'RESTRICT', to: 'CAUTION' } });
    const waived = await decideRules([restrict, mitigate('WAIVE')], facts, '2020-06-01');
    expect(waived.outcome).toBe('ELIGIBLE');
    expect(waived.rules[0]).toMatchObject({ fired: true, effect: null, mitigatedBy: { to: null } });
    const unmet = rule({ id: 'lighten', conditions: { all: [{ fact: 'subject', path: '$.credit.unrepaired', operator: 'equal', value: 0 }] }, event: { type: 'MITIGATE', params: { measure: { zh: '从轻', en: 'lightened' }, mitigates: { rule: 'restrict', relief: 'LIGHTEN' } } } });
    const stands = await decideRules([restrict, unmet], facts, '2020-06-01');
    expect(stands.outcome).toBe('RESTRICTED');
    expect(stands.rules[0].mitigatedBy).toBeNull();
  });

  it('compares with a parameter in force and names it, and lists the parameters a rule read', async () => {
    const threshold = rule({
      conditions: { all: [{ fact: 'subject', path: '$.credit.unrepaired', operator: 'greaterThanInclusive', value: { fact: 'parameters', path: '$.limit' } }] },
      explanation: { zh: '限额{{parameters.limit}}', en: 'limit {{parameters.limit}}' },
    });
    const result = await decideRules([threshold], { ...facts, parameters: { limit: 2 } }, '2020-06-01');
    expect(result.rules[0]).toMatchObject({ fired: true, parameters: ['limit'], conditions: [{ expected: 2, expectedParameter: 'limit', actual: 2, passed: true }] });
    await expect(decideRules([threshold], facts, '2020-06-01')).rejects.toThrow('parameter "$.limit" is not in the parameters in force');
  });
});
