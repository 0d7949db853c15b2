import fs from 'node:fs';
import path from 'node:path';
import { creditFacts } from '../../src/domain/credit-facts';
import type { RecordLike } from '../../src/domain/credit-facts-input';
import { RecordCategory, RecordKind, RecordStatus, Severity } from '../../src/domain/credit-record';
import { RepairRelief, RepairStatus } from '../../src/domain/credit-repair';
import { CreditList, listFacts } from '../../src/domain/list-membership';
import { ObjectionStatus } from '../../src/domain/objection';
import { loadRuleSet, type RuleSet } from '../../src/engine/rule-set';
import { decideRules } from '../../src/evaluation/decide';
import { getSchema } from '../../src/graphql/schema';

/** The second lawyer's review of rules/ against 鄂州政发〔2018〕17号: what a reader of a verdict would notice. */
const RULES = path.resolve(__dirname, '../../rules');
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(RULES, file), 'utf8'));
let ruleSet: RuleSet;
beforeAll(async () => {
  ruleSet = loadRuleSet(RULES, await getSchema());
});

const record = (id: string): RecordLike => ({
  id, kind: RecordKind.DISHONEST, category: RecordCategory.ADMINISTRATIVE_VIOLATION, severity: Severity.GENERAL, status: RecordStatus.ACTIVE,
  occurredOn: '2023-05-01', recordedOn: '2023-05-20', decidedOn: '2023-05-18', documentNumber: `鄂州信〔2023〕${id}号`, sourceDepartment: '鄂州市司法局',
});

describe('a disputed record decides no restriction (三(六), 三(七))', () => {
  it('one lightened record beside one unlightened record under objection: the award restriction is lowered to a caution', async () => {
    const credit = creditFacts(
      [record('1'), record('2')],
      (id) => (id === '1' ? [{ status: RepairStatus.APPROVED, decidedOn: '2023-09-01', relief: RepairRelief.LIGHTEN }] : []),
      (id) => (id === '2' ? [{ status: ObjectionStatus.PENDING, filedOn: '2023-10-01' }] : []),
      '2024-01-01',
    );
    expect(credit).toMatchObject({ lightened: 1, unlightened: 1, unlightenedUndisputed: 0, unrepairedUndisputed: 1 });
    const award = ruleSet.rules.filter((r) => r.matters.includes('AWARD'));
    const decided = await decideRules(award, { subject: { name: '张三', credit, governmentDishonesty: credit, fileFindings: { dishonest: 0, unrepairedUndisputed: 0 }, principalFindings: { unrepaired: 0, disputed: 0, unrepairedUndisputed: 0 }, listings: { listedByCourt: false } }, parameters: {} } as never, '2024-01-01');
    expect(decided.outcome).toBe('CAUTION');
    expect(decided.rules.find((r) => r.ruleId === 'cs-award-restrict')).toMatchObject({ fired: true, mitigatedBy: { byRule: 'cs-award-mitigate-lightened', from: 'RESTRICT', to: 'CAUTION' } });
  });
});

describe('三(八) special governance ends only with the court\'s removal', () => {
  const listing = { id: 'm1', list: CreditList.JUDGMENT_DEFAULTER, listedOn: '2023-06-01', listedBy: '湖北省鄂州市中级人民法院', documentNumber: '(2023)鄂07执100号', recordId: 'r1' };
  const repaired = () => [{ status: RepairStatus.APPROVED, decidedOn: '2023-09-01' }];
  it('a repaired listing ends the 四(一) flag but not listedByCourt; removal ends both', () => {
    expect(listFacts([listing], repaired, '2024-01-01')).toMatchObject({ judgmentDefaulter: false, listedByCourt: true });
    expect(listFacts([{ ...listing, removedOn: '2023-12-01' }], repaired, '2024-01-01')).toMatchObject({ judgmentDefaulter: false, listedByCourt: false });
  });
  it('the rule reads listedByCourt', () => {
    expect(JSON.stringify(readJson('agency/special-governance.json').conditions)).toContain('$.courtFacts.listedByCourt');
  });
});

describe('texts state no false fact', () => {
  it('honour disqualification never says a loss of 0 yuan exceeds the threshold', () => {
    const { explanation } = readJson('agency/honour-disqualify.json');
    expect(explanation.zh).not.toMatch(/元超过/);
    expect(explanation.en).not.toMatch(/yuan exceeds/);
  });
  it('四(五) points are proposed for its lead units, not the civil-affairs bureau (a responsible unit)', () => {
    expect(readJson('parameters/2018-12-26.json').values.breachedCommitmentPoints.source.localChoice.body).toContain('各区人民政府、开发区管委会');
  });
  it('the AWARD and BIDDING eligible reasons say what the rules decide', () => {
    const matters = readJson('matters.json').matters as { code: string; eligibleReason?: { zh: string } }[];
    expect(matters.find((m) => m.code === 'AWARD')?.eligibleReason?.zh).toContain('异议中的记录不据以限制');
    expect(matters.find((m) => m.code === 'BIDDING')?.eligibleReason?.zh).toContain('本系统未登记列入机关移出的严重违法失信名单中（名单所依记录的信用修复不终止限制）');
  });
  it('nothing says 同等条件下优先 (三(四) makes the record an important basis only)', () => {
    expect(JSON.stringify(readJson('civil-servant/trustworthy-incentive.json'))).not.toContain('同等条件下优先');
    expect(JSON.stringify(readJson('catalogue/ezhou-zhengfa-2018-17.json'))).not.toContain('同等条件下作为优先');
  });
});
