import { agencyWithServant, createRecord, uscc } from '../support/factories';
import { evaluator } from '../support/evaluate';
import { serverPerFile } from '../support/server-per-file';
import { graphql } from '../support/graphql';

/**
 * The enterprise, agency and text findings of lawyer5's reading (issue 11), through the real server:
 * what an inspector reading the verdict would notice.
 */
const EVALUATE = graphql(`mutation ($type: SubjectType!, $id: ID!, $matter: String!, $asOf: DateTime) {
  evaluate(subject: { type: $type, id: $id }, matter: $matter, asOf: $asOf) {
    id outcome score reason { zh en }
    measures { ruleId effect }
    explanation {
      rules { ruleId fired evidence text { zh en } }
      zh: summary(locale: "zh")
      en: summary(locale: "en")
    }
  }
}`);

const server = serverPerFile();
const evaluate = evaluator(server, EVALUATE);

async function createEnterprise(fields: Record<string, unknown> = {}): Promise<string> {
  const created = await server.ok(graphql(`mutation ($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { id } }`), {
    input: { uscc: uscc('91'), name: '鄂州市梁湖测试器械有限公司', ...fields },
  });
  return created.createEnterprise.id;
}

async function approveRepair(recordId: string, decidedOn: string, relief: 'LIGHTEN' | 'WAIVE' = 'WAIVE') {
  const requested = await server.ok(graphql(`mutation ($input: RequestCreditRepairInput!) { requestCreditRepair(input: $input) { id } }`), {
    input: { recordId, actions: ['RECOVERED_LOSS'], description: '已履行全部义务', appliedOn: '2025-03-01' },
  });
  await server.ok(graphql(`mutation ($input: DecideCreditRepairInput!) { decideCreditRepair(input: $input) { status } }`), {
    input: { repairId: requested.requestCreditRepair.id, decision: 'APPROVED', decidedOn, relief },
  });
}

describe('W2: a judgment defaulter stays barred until the court removes it from its list', () => {
  it('an approved repair of the record behind the listing does not end the bar; the court removal does; the text names the listing', async () => {
    const enterpriseId = await createEnterprise();
    const recordId = await createRecord(server, 'ENTERPRISE', enterpriseId, { category: 'JUDGMENT_DEFAULTER', severity: 'SEVERE', occurredOn: '2025-01-05', recordedOn: '2025-01-12', decidedOn: '2025-01-10' });
    const listed = await server.ok(graphql(`mutation ($input: ListSubjectInput!) { listSubject(input: $input) { id } }`), {
      input: { subjectType: 'ENTERPRISE', subjectId: enterpriseId, list: 'JUDGMENT_DEFAULTER', listedOn: '2025-01-10', listedBy: '湖北省鄂州市中级人民法院', documentNumber: '(2024)鄂07执88号', recordId },
    });
    const membershipId = listed.listSubject.id;
    await approveRepair(recordId, '2025-04-15');

    const after = await evaluate('ENTERPRISE', enterpriseId, 'PROCUREMENT', '2025-05-01');
    expect(after.outcome).toBe('RESTRICTED');
    expect(after.measures.filter((m) => m.effect === 'RESTRICT')).toEqual([{ ruleId: 'en-bar-defaulters', effect: 'RESTRICT' }]);
    const bar = after.explanation.rules.find((r) => r.ruleId === 'en-bar-defaulters')!;
    // The listing is the evidence, repaired record or not, and the text names it: list, court, day, number.
    expect(bar.evidence).toEqual(expect.arrayContaining([expect.objectContaining({ id: membershipId, listed: false, endedBy: 'REPAIRED' }), expect.objectContaining({ id: recordId, repaired: true })]));
    expect(after.reason.zh).toContain('由湖北省鄂州市中级人民法院于2025-01-10列入失信被执行人名单（文号(2024)鄂07执88号），截至2025-05-01本系统未登记法院移出');
    expect(after.reason.zh).toContain('信用修复不终止此项限制');
    expect(after.reason.en).toContain('by 湖北省鄂州市中级人民法院 on 2025-01-10 (No. (2024)鄂07执88号)');
    // The trace no longer says the enterprise is off the list: the bar's own condition reads the court's listing.
    expect(after.explanation.zh).not.toMatch(/当日是否在失信被执行人名单.*为 false/);

    await server.ok(graphql(`mutation ($input: RemoveFromListInput!) { removeFromList(input: $input) { id } }`), {
      input: { membershipId, removedOn: '2025-06-01', removedBy: '湖北省鄂州市中级人民法院', documentNumber: '(2024)鄂07执88号之一' },
    });
    expect((await evaluate('ENTERPRISE', enterpriseId, 'BIDDING', '2025-05-31')).outcome).toBe('RESTRICTED');
    const removed = await evaluate('ENTERPRISE', enterpriseId, 'BIDDING', '2025-06-01');
    expect(removed.outcome).toBe('ELIGIBLE');
  });

  it('a seriously illegal and dishonest listing names its listing body, and stays a bar after an approved repair until the authority removes it (lawyer8 W3)', async () => {
    const enterpriseId = await createEnterprise();
    const recordId = await createRecord(server, 'ENTERPRISE', enterpriseId, { category: 'SERIOUS_ILLEGAL_DISHONEST', severity: 'SEVERE', occurredOn: '2024-11-01', recordedOn: '2024-12-01', decidedOn: '2024-11-20' });
    const listed = await server.ok(graphql(`mutation ($input: ListSubjectInput!) { listSubject(input: $input) { id } }`), {
      input: { subjectType: 'ENTERPRISE', subjectId: enterpriseId, list: 'SERIOUS_ILLEGAL_DISHONEST', listedOn: '2024-11-20', listedBy: '鄂州市市场监督管理局', documentNumber: '鄂州市监〔2024〕7号', recordId },
    });
    const membershipId = listed.listSubject.id;
    const before = await evaluate('ENTERPRISE', enterpriseId, 'PROCUREMENT', '2025-03-01');
    expect(before.measures.filter((m) => m.effect === 'RESTRICT')).toEqual([{ ruleId: 'en-bar-serious-illegal', effect: 'RESTRICT' }]);
    expect(before.reason.zh).toContain('由鄂州市市场监督管理局于2024-11-20列入严重违法失信名单（文号鄂州市监〔2024〕7号）');
    expect(before.reason.zh).toContain('所依记录信用修复获批之日：—');

    await approveRepair(recordId, '2025-04-15');
    const repaired = await evaluate('ENTERPRISE', enterpriseId, 'PROCUREMENT', '2025-04-15');
    expect(repaired.outcome).toBe('RESTRICTED');
    expect(repaired.measures.filter((m) => m.effect === 'RESTRICT')).toEqual([{ ruleId: 'en-bar-serious-illegal', effect: 'RESTRICT' }]);
    // The repair is a note: the text gives its day, and says it does not end the bar.
    expect(repaired.reason.zh).toContain('截至2025-04-15本系统未登记列入机关移出');
    expect(repaired.reason.zh).toContain('信用修复不终止此项限制（所依记录信用修复获批之日：2025-04-15，仅作说明）');
    expect(repaired.reason.en).toContain('(approval of such a repair: 2025-04-15; a note only)');
    expect(repaired.reason.zh).not.toContain('本系统的选择');
    const bar = repaired.explanation.rules.find((r) => r.ruleId === 'en-bar-serious-illegal')!;
    expect(bar.evidence).toEqual(expect.arrayContaining([
      expect.objectContaining({ id: membershipId, listed: true, endedBy: null, recordRepairedOn: '2025-04-15' }),
      expect.objectContaining({ id: recordId, repaired: true }),
    ]));

    await server.ok(graphql(`mutation ($input: RemoveFromListInput!) { removeFromList(input: $input) { id } }`), {
      input: { membershipId, removedOn: '2025-06-01', removedBy: '鄂州市市场监督管理局', documentNumber: '鄂州市监〔2025〕2号' },
    });
    expect((await evaluate('ENTERPRISE', enterpriseId, 'BIDDING', '2025-05-31')).outcome).toBe('RESTRICTED');
    const removed = await evaluate('ENTERPRISE', enterpriseId, 'BIDDING', '2025-06-01');
    expect(removed.outcome).toBe('ELIGIBLE');
    expect(removed.measures.filter((m) => m.effect === 'RESTRICT')).toEqual([]);
  });
});

describe('R1, R2, N6: a verdict says it is a recommendation, claims no more than the rule set knows, and sets no score beside a bar', () => {
  it('a barred enterprise: the summary and reason say the competent body decides, the measure is recommended, and its bid score does not apply', async () => {
    const enterpriseId = await createEnterprise({ creditGrade: 'D', gradedOn: '2024-01-01' });
    await server.ok(graphql(`mutation ($input: ListSubjectInput!) { listSubject(input: $input) { id } }`), {
      input: { subjectType: 'ENTERPRISE', subjectId: enterpriseId, list: 'JUDGMENT_DEFAULTER', listedOn: '2025-01-10', listedBy: '湖北省鄂州市中级人民法院', documentNumber: '(2024)鄂07执89号' },
    });
    const barred = await evaluate('ENTERPRISE', enterpriseId, 'BIDDING');
    expect(barred).toMatchObject({ outcome: 'RESTRICTED', score: -5 });
    expect(barred.explanation.zh).toContain('本结论是向有权机关提出的建议：是否采取及如何采取措施，由有权机关依照相关规定决定。');
    expect(barred.explanation.en).toContain('This verdict is a recommendation to the competent body, which decides under the relevant provisions whether and how to take the measure.');
    expect(barred.explanation.zh).toContain('建议措施：由采购人、招标人依法限制参与我市政府采购、建设工程招标投标（列入失信被执行人名单期间）');
    expect(barred.explanation.zh).toContain('信用得分：-5（受名单限制的，依法限制参与；此得分是否适用由采购人、招标人依法决定）。');
    expect(barred.explanation.en).toContain('Credit score: -5 (restricted by a listing, the subject is restricted under law from taking part; whether this score applies is for the purchaser or tenderer to decide under law).');
    expect(barred.explanation.zh).not.toContain('信用得分：-5。');
    expect(barred.reason.zh).toMatch(/（本结论为向有权机关提出的建议，由有权机关依照相关规定决定）。$/);
    expect(barred.reason.en).toMatch(/ \(a recommendation to the competent body, which decides under the relevant provisions\)\.$/);
  });

  it('a free enterprise keeps its score, and its texts restrict nothing beyond this rule set', async () => {
    const enterpriseId = await createEnterprise({ creditGrade: 'A', gradedOn: '2024-01-01' });
    const free = await evaluate('ENTERPRISE', enterpriseId, 'PROCUREMENT');
    expect(free).toMatchObject({ outcome: 'ELIGIBLE', score: 5 });
    expect(free.explanation.zh).toContain('信用得分：5。');
    expect(free.explanation.zh).toContain('依本规则集不建议采取限制措施；本结论是向有权机关提出的建议，由有权机关依照相关规定决定，其他规定另行适用。');
    expect(free.reason.zh).toContain('依本规则集未受限制的，其他规定（如《中华人民共和国政府采购法》第二十二条）另行适用');
    expect(free.reason.zh).not.toMatch(/可以参与/);
  });
});

describe('R3: a performance review counts the findings of its own review year, once', () => {
  it('a breach found in March 2025 costs points in the 2025 review and not in the 2026 one, and the verdict names the period', async () => {
    const { agencyId, servantId } = await agencyWithServant(server);
    const created = await server.ok(graphql(`mutation ($input: CreateCommitmentInput!) { createCommitment(input: $input) { id } }`), {
      input: { agencyId, responsiblePersonId: servantId, kind: 'DEADLINE', domain: 'PUBLIC_SERVICE', publiclyDisclosed: true, content: '行政审批三个工作日办结', publishedOn: '2025-01-01', dueOn: '2025-03-01' },
    });
    await server.ok(graphql(`mutation ($input: SettleCommitmentInput!) { settleCommitment(input: $input) { breachFinding } }`), {
      input: { commitmentId: created.createCommitment.id, status: 'BREACHED', settledOn: '2025-03-10', breachFinding: 'DERELICTION', settlementDocument: '鄂州督〔2025〕9号', foundBy: '鄂州市人民政府督查室' },
    });
    const review2025 = await evaluate('AGENCY', agencyId, 'PERFORMANCE_REVIEW', '2025-12-31');
    expect(review2025.score).toBe(-3);
    const rule = review2025.explanation.rules.find((r) => r.ruleId === 'ag-performance-government-commitments')!;
    expect(rule.fired).toBe(true);
    expect(rule.text!.zh).toContain('在考核期间2025-01-01至2025-12-31（截至2025-12-31）有1项承诺经认定因履职不力未兑现');
    expect(rule.text!.en).toContain('In the review period 2025-01-01 to 2025-12-31 (as of 2025-12-31)');
    expect(review2025.explanation.zh).toContain('参数 reviewYearStartsOn = 01-01');
    // A review that scores is not called 符合条件 (eligible): the matter's own word (the API's outcome stays ELIGIBLE).
    expect(review2025.outcome).toBe('ELIGIBLE');
    expect(review2025.explanation.zh).toContain('截至2025-12-31，绩效考核事项的结论：计分。');
    expect(review2025.explanation.en).toContain('As of 2025-12-31, for Performance review: scored.');

    // Within the two-year look-back of other measures, but a finding of the 2025 review year: no points in 2026.
    const review2026 = await evaluate('AGENCY', agencyId, 'PERFORMANCE_REVIEW', '2026-06-01');
    expect(review2026.explanation.rules.find((r) => r.ruleId === 'ag-performance-government-commitments')!.fired).toBe(false);
    expect(review2026.score).toBe(0);
    expect(review2026.reason.zh).toContain('考核期间内没有经认定履职不力的未兑现承诺');
  });

  it('refuses a review year that starts on a day not every year has, naming the argument', async () => {
    const { agencyId } = await agencyWithServant(server);
    const QUERY = graphql(`query ($id: ID!, $starts: String) { agency(id: $id) { commitmentFacts(asOf: "2026-06-01T12:00:00+08:00", reviewYearStartsOn: $starts) { breached reviewPeriod { from to } } } }`);
    const refused = await server.query(QUERY, { id: agencyId, starts: '02-29' });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reviewYearStartsOn' });
    expect(refused.errors?.[0].message).toContain('"MM-DD"');
    const april = await server.ok(QUERY, { id: agencyId, starts: '04-01' });
    expect(april.agency!.commitmentFacts.reviewPeriod).toEqual({ from: '2026-04-01', to: '2027-03-31' });
  });
});

describe('R4: a repair granted as lightening is named in the promotion caution', () => {
  it('a civil servant whose only record was lightened is still cautioned in promotion, and the text says how many records were lightened', async () => {
    const { servantId } = await agencyWithServant(server);
    const recordId = await createRecord(server, 'CIVIL_SERVANT', servantId, { occurredOn: '2025-01-05', recordedOn: '2025-01-20', decidedOn: '2025-01-20' });
    await approveRepair(recordId, '2025-04-15', 'LIGHTEN');
    const promotion = await evaluate('CIVIL_SERVANT', servantId, 'PROMOTION', '2025-06-01');
    expect(promotion.outcome).toBe('CAUTION');
    const caution = promotion.explanation.rules.find((r) => r.ruleId === 'cs-promotion-caution')!;
    expect(caution.fired).toBe(true);
    expect(caution.text!.zh).toContain('其中经信用修复决定从轻的1条（三(七)“可从轻或免于实施失信惩戒措施”）仍予考量，有权机关考量时应一并斟酌该从轻决定');
    expect(caution.text!.en).toContain('1 of them with a repair granted as lightening');
  });
});
