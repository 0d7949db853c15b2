import { createAgency, createCivilServant, createRecord } from '../support/factories';
import { evaluator, noonInChina } from '../support/evaluate';
import { serverPerFile } from '../support/server-per-file';
import { graphql } from '../support/graphql';

/**
 * A lawyer's clause-by-clause review of the shipped rules, through the real server: each verdict
 * applies no more than its clause says (招录信用审查 flags, 主要负责人 is weighed, 异议中 records bar
 * nothing, 免于 repairs end a record's weight), from the day the document was published, with the
 * proposed local choices said to be proposed.
 */
const EVALUATE = graphql(`mutation ($type: SubjectType!, $id: ID!, $matter: String!, $asOf: DateTime) {
  evaluate(subject: { type: $type, id: $id }, matter: $matter, asOf: $asOf) {
    outcome
    measures { ruleId effect measure { zh en } }
    explanation {
      parameters { name source { decidedBy proposed text } }
      rules { ruleId fired evidence }
      zh: summary(locale: "zh")
      en: summary(locale: "en")
    }
  }
}`);
const OBJECT = graphql(`mutation ($input: FileObjectionInput!) { fileObjection(input: $input) { id } }`);
const LIST = graphql(`mutation ($input: ListSubjectInput!) { listSubject(input: $input) { id } }`);

const server = serverPerFile();
const evaluate = evaluator(server, EVALUATE);

async function object(recordId: string) {
  const filed = await server.query(OBJECT, { input: { recordId, filedBy: '本人', reason: '认定事实有误', filedOn: '2025-03-01' } });
  expect(filed.errors).toBeUndefined();
}

describe('三(六)/三(七): a record under a pending objection restricts nothing', () => {
  it('a civil servant whose only record is disputed is not restricted from awards; an undisputed one is, 按照相关规定, with only undisputed records as evidence', async () => {
    const agencyId = await createAgency(server);
    const servantId = await createCivilServant(server, agencyId);
    const disputed = await createRecord(server, 'CIVIL_SERVANT', servantId, { severity: 'GENERAL', occurredOn: '2025-02-01', recordedOn: '2025-02-20' });
    await object(disputed);
    const pending = await evaluate('CIVIL_SERVANT', servantId, 'AWARD');
    expect(pending.outcome).not.toBe('RESTRICTED');
    expect(pending.measures.map((m) => m.ruleId)).not.toContain('cs-award-restrict');

    const undisputed = await createRecord(server, 'CIVIL_SERVANT', servantId, { severity: 'GENERAL', occurredOn: '2025-02-05', recordedOn: '2025-02-20' });
    const restricted = await evaluate('CIVIL_SERVANT', servantId, 'AWARD');
    expect(restricted.outcome).toBe('RESTRICTED');
    const rule = restricted.explanation.rules.find((r) => r.ruleId === 'cs-award-restrict');
    expect(rule!.evidence.map((r) => r.id)).toEqual([undisputed]);
    expect(restricted.explanation.zh).toContain('按照相关规定');
  });
});

describe('三(六) 主要负责人: a finding naming the principal is a reference in promotion, not a finding of liability by Chengxin', () => {
  it('an agency record alone does not caution its principal; a finding naming them is weighed as a reference, and the verdict says liability is pursued elsewhere', async () => {
    const agencyId = await createAgency(server);
    const principalId = await createCivilServant(server, agencyId, { post: '局长', rank: '一级调研员', leadingCadre: true, principal: true, principalSince: '2024-01-01' });
    await createRecord(server, 'AGENCY', agencyId, { occurredOn: '2025-02-01', recordedOn: '2025-02-20' });
    expect((await evaluate('CIVIL_SERVANT', principalId, 'PROMOTION')).outcome).toBe('ELIGIBLE');

    await createRecord(server, 'CIVIL_SERVANT', principalId, { category: 'PRINCIPAL_RESPONSIBILITY', severity: 'MAJOR', summary: '经认定对该局违约毁约负有主要负责人责任', sourceDepartment: '鄂州市监察委员会', documentNumber: '鄂州纪〔2025〕3号', loss: null, occurredOn: '2025-02-01', recordedOn: '2025-02-20' });
    const weighed = await evaluate('CIVIL_SERVANT', principalId, 'PROMOTION');
    expect(weighed.outcome).toBe('CAUTION');
    const measure = weighed.measures.find((m) => m.ruleId === 'cs-principal-agency-dishonesty');
    expect(measure!.measure.zh).toContain('作为提拔任用的重要依据予以考量（三(四)）');
    expect(measure!.measure.zh).toContain('另行追究');
    expect(weighed.explanation.zh).toContain('本结论不认定、也不追究个人责任');
    expect(weighed.explanation.zh).not.toContain('依据三(六)追究责任');
  });
});

describe('三(六) 招录信用审查: the review is of candidates, so nothing is decided about serving staff', () => {
  it('a listed serving civil servant gets no recruitment measure: no rule is in force for RECRUITMENT', async () => {
    const agencyId = await createAgency(server);
    const listedId = await createCivilServant(server, agencyId);
    const listed = await server.query(LIST, {
      input: { subjectType: 'CIVIL_SERVANT', subjectId: listedId, list: 'JUDGMENT_DEFAULTER', listedOn: '2025-01-10', listedBy: '湖北省鄂州市中级人民法院', documentNumber: '(2024)鄂07执90号' },
    });
    expect(listed.errors).toBeUndefined();
    const serving = await evaluate('CIVIL_SERVANT', listedId, 'RECRUITMENT');
    expect(serving.outcome).toBe('NO_RULE_IN_FORCE');
    expect(serving.measures).toEqual([]);
    expect(serving.explanation.en).toContain('this is not a clearance');
  });
});

describe('四(五): the integrity-title campaign weighs kept promises only', () => {
  it('a street with an unrepaired dishonesty record and no breached commitment is not cautioned, let alone disqualified', async () => {
    const streetId = await createAgency(server, { level: 'STREET', name: '鄂州市测试街道办事处' });
    await createRecord(server, 'AGENCY', streetId, { severity: 'SEVERE', occurredOn: '2025-02-01', recordedOn: '2025-02-20' });
    expect((await evaluate('AGENCY', streetId, 'INTEGRITY_TITLE')).outcome).toBe('ELIGIBLE');
  });
});

describe('三(四)/三(七) 免于: a waiver ends the punishment, not the record', () => {
  it('a commended civil servant whose only dishonesty record was repaired (免于) is no longer restricted, but earns the incentive only once the record stops counting', async () => {
    const agencyId = await createAgency(server);
    const servantId = await createCivilServant(server, agencyId);
    const recordId = await createRecord(server, 'CIVIL_SERVANT', servantId, { severity: 'GENERAL', occurredOn: '2025-01-05', decidedOn: '2025-01-20', recordedOn: '2025-01-20' });
    await createRecord(server, 'CIVIL_SERVANT', servantId, { kind: 'TRUSTWORTHY', category: 'COMMENDATION', severity: null, occurredOn: '2025-02-01', recordedOn: '2025-02-10' });
    // Unrepaired: restricted (三(六)) and weighed as personal credit information (三(四)).
    expect((await evaluate('CIVIL_SERVANT', servantId, 'AWARD', '2025-06-01')).measures.map((m) => m.ruleId)).toEqual(['cs-award-restrict', 'cs-award-caution']);
    const requested = await server.ok(graphql(`mutation ($input: RequestCreditRepairInput!) { requestCreditRepair(input: $input) { id } }`), {
      input: { recordId, actions: ['RECOVERED_LOSS'], description: '已消除不良影响', appliedOn: '2025-03-01' },
    });
    const decided = await server.query(graphql(`mutation ($input: DecideCreditRepairInput!) { decideCreditRepair(input: $input) { status } }`), {
      input: { repairId: requested.requestCreditRepair.id, decision: 'APPROVED', relief: 'WAIVE', decidedOn: '2025-04-01' },
    });
    expect(decided.errors).toBeUndefined();
    // 三(七) “免于实施失信惩戒措施”: the restriction goes; the record is still a dishonesty record while it counts.
    expect((await evaluate('CIVIL_SERVANT', servantId, 'AWARD', '2025-06-01')).measures).toEqual([]);
    // Decided 2025-01-20, a general record counts one year, through 2026-01-19 (the day before the anniversary).
    expect((await evaluate('CIVIL_SERVANT', servantId, 'AWARD', '2026-01-19')).measures).toEqual([]);
    const favoured = await evaluate('CIVIL_SERVANT', servantId, 'AWARD', '2026-01-20');
    expect(favoured.measures).toEqual([expect.objectContaining({ ruleId: 'cs-trustworthy-incentive', effect: 'INCENTIVE' })]);
  });
});

describe('commencement and proposed parameters', () => {
  it('nothing is evaluated before the document was published on 2018-12-26 (no parameters in force); from that day the rules apply', async () => {
    const agencyId = await createAgency(server);
    const servantId = await createCivilServant(server, agencyId);
    // An act on the day itself: one before it grounds nothing (不溯及既往, test/evaluation/lawyer-risky-facts.test.ts).
    await createRecord(server, 'CIVIL_SERVANT', servantId, { severity: 'GENERAL', occurredOn: '2018-12-26', recordedOn: '2018-12-26', decidedOn: '2018-12-26' });
    const before = await server.query(EVALUATE, { type: 'CIVIL_SERVANT', id: servantId, matter: 'AWARD', asOf: noonInChina('2018-12-25') });
    expect(before.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'asOf' }, message: expect.stringContaining('2018-12-25') });
    expect((await evaluate('CIVIL_SERVANT', servantId, 'AWARD', '2018-12-26')).outcome).toBe('RESTRICTED');
  });

  it('a local choice not yet decided by its body is shown as proposed beside the value', async () => {
    const agencyId = await createAgency(server);
    const servantId = await createCivilServant(server, agencyId);
    const verdict = await evaluate('CIVIL_SERVANT', servantId, 'AWARD');
    const countsFor = verdict.explanation.parameters.find((p) => p.name === 'countsFor');
    expect(countsFor!.source).toMatchObject({ decidedBy: '市发展改革委、市人社局（三(六)牵头单位）；市人社局、市委组织部、市委党校（三(四)牵头单位）；市发展改革委、人行鄂州中心支行（三(七)牵头单位）；市政府办公室,各区人民政府、开发区管委会,各街道办事处（四(四)牵头单位）；市公共资源交易监管局、市财政局、市政府采购中心、市发展改革委（四(一)牵头单位）', proposed: true });
    expect(countsFor!.source!.text).toContain('拟定，待有权机关确认');
    expect(countsFor!.source!.text).toContain('proposed, awaiting confirmation by the deciding body');
  });
});
