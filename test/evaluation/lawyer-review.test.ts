import { createAgency, createCivilServant, createRecord, findAbsence, uscc } from '../support/factories';
import { evaluator } from '../support/evaluate';
import { serverPerFile } from '../support/server-per-file';
import { graphql, type VariablesOf } from '../support/graphql';

/**
 * The findings a lawyer's clause-by-clause reading left open, through the real server: a court case
 * says its kind; an estimated decision day is said to be one; honour selection keeps to 政府部门;
 * 四(四) counts the commitments it speaks of; the minor tier; an ungraded enterprise's bid score; a
 * principal's tenure; the procurement bar says why a repair ends it. (Rows written before these
 * rules: test/db/lawyer-review-migrations.test.ts.)
 */
const EVALUATE = graphql(`mutation ($type: SubjectType!, $id: ID!, $matter: String!, $asOf: DateTime) {
  evaluate(subject: { type: $type, id: $id }, matter: $matter, asOf: $asOf) {
    outcome score
    reason { zh en }
    measures { ruleId effect }
    explanation {
      rules { ruleId fired evidence text { zh en } }
      zh: summary(locale: "zh")
      en: summary(locale: "en")
    }
  }
}`);
const CASE = graphql(`mutation ($input: CreateCourtCaseInput!) { createCourtCase(input: $input) { id kind } }`);
const COMMITMENT = graphql(`mutation ($input: CreateCommitmentInput!) { createCommitment(input: $input) { id domain publiclyDisclosed } }`);
const SETTLE = graphql(`mutation ($input: SettleCommitmentInput!) { settleCommitment(input: $input) { breachFinding breachFoundOn } }`);

const server = serverPerFile();
const evaluate = evaluator(server, EVALUATE);

const ruleIds = (verdict: { measures: { ruleId: string }[] }) => verdict.measures.map((m) => m.ruleId).sort();

describe('三(八): a court case says its kind', () => {
  it('is refused without a kind (BAD_USER_INPUT on kind, naming the kinds in Chinese and English), storing nothing', async () => {
    const agencyId = await createAgency(server);
    const input = { agencyId, caseNumber: '(2025)鄂0702行初77号', court: '鄂城区人民法院', filedOn: '2025-02-01', headAppeared: false };
    const refused = await server.query(CASE, { input });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kind' });
    for (const words of ['案件类型必填', 'ADMINISTRATIVE', 'CIVIL', 'OTHER', '行政诉讼', 'the only kind that counts under 三(八)']) expect(refused.errors?.[0].message).toContain(words);
    expect(await server.sql('select count(*)::int as n from court_case where agency_id = ?', [agencyId])).toEqual([{ n: 0 }]);

    const civil = await server.ok(CASE, { input: { ...input, caseNumber: '(2025)鄂0702民初77号', kind: 'CIVIL' } });
    expect(civil.createCourtCase.kind).toBe('CIVIL');
    expect((await evaluate('AGENCY', agencyId, 'SPECIAL_GOVERNANCE')).outcome).toBe('ELIGIBLE');
    const administrative = await server.ok(CASE, { input: { ...input, kind: 'ADMINISTRATIVE' } });
    expect(administrative.createCourtCase.kind).toBe('ADMINISTRATIVE');
    await findAbsence(server, administrative.createCourtCase.id, '2025-03-01');
    expect((await evaluate('AGENCY', agencyId, 'SPECIAL_GOVERNANCE')).outcome).toBe('CAUTION');
  });
});

describe('认定之日: an estimated decision day is said to be one', () => {
  it('a record registered without its decision day is marked estimated, the explanation says its period ran from an estimate (zh, en), and a correction replaces it', async () => {
    const servantId = await createCivilServant(server, await createAgency(server));
    const recordId = await createRecord(server, 'CIVIL_SERVANT', servantId, { severity: 'GENERAL', occurredOn: '2025-01-05', recordedOn: '2025-02-01', documentNumber: '鄂州司〔2025〕9号' });
    const READ = graphql(`query ($id: ID!) { creditRecord(id: $id) { decidedOn decidedOnEstimated } }`);
    expect((await server.ok(READ, { id: recordId })).creditRecord).toEqual({ decidedOn: '2025-02-01', decidedOnEstimated: true });

    const verdict = await evaluate('CIVIL_SERVANT', servantId, 'AWARD');
    expect(verdict.outcome).toBe('RESTRICTED');
    expect(verdict.explanation.rules.find((r) => r.ruleId === 'cs-award-restrict')!.evidence).toEqual([expect.objectContaining({ id: recordId, decidedOnEstimated: true })]);
    expect(verdict.explanation.zh).toContain('记录 鄂州司〔2025〕9号 的认定之日未登记，以登记之日 2025-02-01 估计：自该日起计入，但计入期间自行为发生之日 2025-01-05 起算');
    expect(verdict.explanation.en).toContain('Record 鄂州司〔2025〕9号: its decision day was not registered; the day it was recorded, 2025-02-01, stands in as an estimate');

    const objection = await server.ok(graphql(`mutation ($input: FileObjectionInput!) { fileObjection(input: $input) { id } }`), { input: { recordId, filedBy: '本人', reason: '认定日期有误', filedOn: '2025-03-01' } });
    const corrected = await server.ok(graphql(`mutation ($input: ResolveObjectionInput!) { resolveObjection(input: $input) { record { decidedOn decidedOnEstimated version } } }`), {
      input: { objectionId: objection.fileObjection.id, decision: 'UPHELD', remedy: 'CORRECT', correction: { decidedOn: '2025-01-20' }, resolution: '按处罚决定书更正认定日期', resolvedOn: '2025-03-05' },
    });
    expect(corrected.resolveObjection.record).toEqual({ decidedOn: '2025-01-20', decidedOnEstimated: false, version: 2 });
    const after = await evaluate('CIVIL_SERVANT', servantId, 'AWARD');
    expect(after.explanation.zh).not.toContain('估计');
  });

  it('a record registered with its decision day is not marked', async () => {
    const servantId = await createCivilServant(server, await createAgency(server));
    const recordId = await createRecord(server, 'CIVIL_SERVANT', servantId, { occurredOn: '2025-01-05', decidedOn: '2025-02-01', recordedOn: '2025-02-01' });
    expect((await server.ok(graphql(`query ($id: ID!) { creditRecord(id: $id) { decidedOnEstimated } }`), { id: recordId })).creditRecord!.decidedOnEstimated).toBe(false);
  });
});

describe('三(六): honour selection speaks of 相关政府部门', () => {
  it("disqualifies a department with a major record, but not a people's government or a street office with the same record; the reason says why", async () => {
    const department = await createAgency(server, { name: '鄂州市测试局', kind: 'DEPARTMENT' });
    const government = await createAgency(server, { name: '鄂州市测试区人民政府', level: 'DISTRICT', kind: 'PEOPLES_GOVERNMENT' });
    const street = await createAgency(server, { name: '测试街道办事处', level: 'STREET', kind: 'SUB_DISTRICT_OFFICE' });
    for (const id of [department, government, street]) await createRecord(server, 'AGENCY', id, { severity: 'MAJOR', occurredOn: '2025-02-01', recordedOn: '2025-02-20' });
    expect((await evaluate('AGENCY', department, 'HONOUR')).outcome).toBe('DISQUALIFIED');
    for (const id of [government, street]) {
      const verdict = await evaluate('AGENCY', id, 'HONOUR');
      expect(verdict.outcome).toBe('ELIGIBLE');
      expect(verdict.reason.zh).toContain('本机构不是政府部门');
      expect(verdict.reason.en).toContain('相关政府部门');
    }
    // Correcting the kind is a change the verdict follows.
    const updated = await server.ok(graphql(`mutation ($id: ID!) { updateAgency(id: $id, input: { kind: DEPARTMENT }) { kind } }`), { id: government });
    expect(updated.updateAgency.kind).toBe('DEPARTMENT');
    expect((await evaluate('AGENCY', government, 'HONOUR')).outcome).toBe('DISQUALIFIED');
  });

  it('an agency is registered with its kind', async () => {
    const refused = await server.rawQuery('mutation ($u: String!) { createAgency(input: { uscc: $u, name: "无类别机关", level: CITY }) { id } }', { u: uscc() });
    expect(refused.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(refused.errors?.[0].message).toContain('kind');
  });
});

describe('四(四): the commitments it speaks of — public, of infrastructure, public service or livelihood', () => {
  async function breach(agencyId: string, cadreId: string, domain: VariablesOf<typeof COMMITMENT>['input']['domain'], publiclyDisclosed: boolean, content: string) {
    const created = await server.query(COMMITMENT, { input: { agencyId, responsiblePersonId: cadreId, kind: 'DEADLINE', domain, publiclyDisclosed, content, publishedOn: '2025-01-01', dueOn: '2025-03-01' } });
    expect(created.errors).toBeUndefined();
    const input = { commitmentId: created.data!.createCommitment.id, status: 'BREACHED' as const, settledOn: '2025-03-10', breachFinding: 'DERELICTION' as const, settlementDocument: '鄂州督〔2025〕9号', foundBy: '鄂州市人民政府督查室' };
    const covered = publiclyDisclosed && domain !== 'OTHER';
    if (!covered) {
      // The finding may not name the cadre on a commitment 四(四) does not speak of: the unit alone answers.
      const refused = await server.query(SETTLE, { input: { ...input, answerablePersonIds: [cadreId], answerableSeverity: 'GENERAL' } });
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'answerablePersonIds' });
    }
    const settled = await server.ok(SETTLE, { input: covered ? { ...input, answerablePersonIds: [cadreId], answerableSeverity: 'GENERAL' } : input });
    expect(settled.settleCommitment).toEqual({ breachFinding: 'DERELICTION', breachFoundOn: '2025-03-10' });
  }
  const fileOf = async (id: string) => server.sql(`select category from credit_record where subject_id = ?`, [id]);

  it("a dereliction on a commitment outside 四(四) counts against the unit, but enters no one's file and does not weigh in a cadre's promotion", async () => {
    const agencyId = await createAgency(server);
    const internal = await createCivilServant(server, agencyId, { post: '副局长', rank: '二级调研员', leadingCadre: true });
    await breach(agencyId, internal, 'PUBLIC_SERVICE', false, '内部办文按期办结');
    const other = await createCivilServant(server, agencyId, { post: '副局长', rank: '二级调研员', leadingCadre: true });
    await breach(agencyId, other, 'OTHER', true, '招商项目按期签约');
    for (const id of [internal, other]) {
      expect(await fileOf(id)).toEqual([]);
      const promotion = await evaluate('CIVIL_SERVANT', id, 'PROMOTION');
      expect(promotion.outcome).toBe('ELIGIBLE');
    }
    expect((await evaluate('AGENCY', agencyId, 'PERFORMANCE_REVIEW')).score).toBe(-3); // 三(五): the unit's performance
  });

  it("a dereliction on a public livelihood commitment enters the cadre's file and weighs in promotion under 四(四)", async () => {
    const agencyId = await createAgency(server);
    const cadre = await createCivilServant(server, agencyId, { post: '局长', rank: '一级调研员', leadingCadre: true });
    await breach(agencyId, cadre, 'LIVELIHOOD', true, '养老服务站按期开放');
    expect(await fileOf(cadre)).toEqual([{ category: 'COMMITMENT_DERELICTION' }]);
    const promotion = await evaluate('CIVIL_SERVANT', cadre, 'PROMOTION');
    expect(ruleIds(promotion)).toEqual(['cs-cadre-breached-commitment']);
    const rule = promotion.explanation.rules.find((r) => r.ruleId === 'cs-cadre-breached-commitment');
    expect(rule!.evidence).toEqual([expect.objectContaining({ category: 'COMMITMENT_DERELICTION', decidedOn: '2025-03-10', documentNumber: '鄂州督〔2025〕9号' })]);
  });

  it('a commitment is registered with its field and disclosure', async () => {
    const agencyId = await createAgency(server);
    const refused = await server.rawQuery(COMMITMENT, { input: { agencyId, kind: 'DEADLINE', content: '无领域', publishedOn: '2025-01-01', dueOn: '2025-03-01' } });
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0].message).toMatch(/"(domain|publiclyDisclosed)" of required type/);
  });
});

describe('the minor tier (轻微)', () => {
  it('a minor record counts three months from its decision, not a year', async () => {
    const servantId = await createCivilServant(server, await createAgency(server));
    await createRecord(server, 'CIVIL_SERVANT', servantId, { severity: 'MINOR', occurredOn: '2025-01-05', decidedOn: '2025-03-10', recordedOn: '2025-03-12' });
    // Decided 2025-03-10, three months end on 2025-06-09, the day before the anniversary (lawyer20 N1).
    expect((await evaluate('CIVIL_SERVANT', servantId, 'AWARD', '2025-06-09')).outcome).toBe('RESTRICTED');
    expect((await evaluate('CIVIL_SERVANT', servantId, 'AWARD', '2025-06-10')).outcome).toBe('ELIGIBLE');
  });
});

describe('四(一): bid scoring of an enterprise without a credit grade', () => {
  it('gets the ungraded points (0) by a rule of its own that says why, not the lowest grade', async () => {
    const created = await server.ok(graphql(`mutation ($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { id } }`), { input: { uscc: uscc('91'), name: '鄂州市未评级建设有限公司' } });
    const verdict = await evaluate('ENTERPRISE', created.createEnterprise.id, 'BIDDING');
    expect(verdict.score).toBe(0);
    expect(verdict.outcome).toBe('ELIGIBLE');
    const rule = verdict.explanation.rules.find((r) => r.ruleId === 'en-bid-score-ungraded');
    expect(rule!.fired).toBe(true);
    expect(rule!.text!.zh).toContain('未评定信用评价等级');
    expect(rule!.text!.zh).toContain('不视同最低等级');
  });
});

describe('三(六): a principal answers on a finding naming them, not on tenure', () => {
  it('is refused as principal without the day they took office', async () => {
    const agencyId = await createAgency(server);
    const refused = await server.query(graphql(`mutation ($input: CreateCivilServantInput!) { createCivilServant(input: $input) { id } }`), {
      input: { idCardNumber: '420704198506120017', name: '赵测试', agencyId, post: '局长', rank: '一级调研员', principal: true },
    });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'principalSince' });
    expect(refused.errors?.[0].message).toContain('三(六)');
  });

  it('is not cautioned under 三(六) for an act of the agency during their tenure with no finding; a finding naming them is weighed, and still after they leave office', async () => {
    const agencyId = await createAgency(server);
    const principalId = await createCivilServant(server, agencyId, { post: '局长', rank: '一级调研员', leadingCadre: true, principal: true, principalSince: '2025-03-01' });
    await createRecord(server, 'AGENCY', agencyId, { severity: 'GENERAL', occurredOn: '2025-03-15', decidedOn: '2025-04-01', recordedOn: '2025-04-02' });
    const tenureOnly = await evaluate('CIVIL_SERVANT', principalId, 'PROMOTION');
    expect(tenureOnly.outcome).toBe('ELIGIBLE');
    expect(ruleIds(tenureOnly)).not.toContain('cs-principal-agency-dishonesty');

    const finding = await createRecord(server, 'CIVIL_SERVANT', principalId, { category: 'PRINCIPAL_RESPONSIBILITY', severity: 'MAJOR', summary: '经认定对该局违约毁约负有主要负责人责任', sourceDepartment: '鄂州市监察委员会', documentNumber: '鄂州纪〔2025〕3号', loss: null, occurredOn: '2025-03-15', decidedOn: '2025-04-10', recordedOn: '2025-04-12' });
    const verdict = await evaluate('CIVIL_SERVANT', principalId, 'PROMOTION');
    expect(verdict.outcome).toBe('CAUTION');
    expect(ruleIds(verdict)).toContain('cs-principal-agency-dishonesty');
    const rule = verdict.explanation.rules.find((r) => r.ruleId === 'cs-principal-agency-dishonesty');
    expect(rule!.evidence.map((r) => r.id)).toEqual([finding]);
    expect(rule!.text!.zh).toContain('仅凭任职期间不作归责');

    // Out of office: the finding names the person, so it follows them.
    await server.ok(graphql(`mutation ($id: ID!) { updateCivilServant(id: $id, input: { principal: false, leadingCadre: false, post: "调研员" }) { principal } }`), { id: principalId });
    const former = await evaluate('CIVIL_SERVANT', principalId, 'PROMOTION');
    expect(former.explanation.rules.find((r) => r.ruleId === 'cs-principal-agency-dishonesty')!.fired).toBe(true);
  });

  it('refuses a principal-responsibility finding entered on an agency, saying where it belongs', async () => {
    const agencyId = await createAgency(server);
    const refused = await server.rawQuery(graphql(`mutation ($input: CreateCreditRecordInput!) { createCreditRecord(input: $input) { id } }`), {
      input: { subjectType: 'AGENCY', subjectId: agencyId, kind: 'DISHONEST', category: 'PRINCIPAL_RESPONSIBILITY', severity: 'MAJOR', summary: '主要负责人责任', occurredOn: '2025-03-15', recordedOn: '2025-04-02', sourceDepartment: '鄂州市监察委员会', documentNumber: '鄂州纪〔2025〕4号' },
    });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'category' });
    expect(refused.errors?.[0].message).toContain('CIVIL_SERVANT');
  });
});

describe('四(一): the procurement bar says why a repair does not end it', () => {
  it("a judgment defaulter's verdict says that the court lists and removes it, so a repair does not end the bar (lawyer5 W2)", async () => {
    const created = await server.ok(graphql(`mutation ($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { id } }`), { input: { uscc: uscc('91'), name: '鄂州市被执行建设有限公司' } });
    const enterpriseId = created.createEnterprise.id;
    await server.query(graphql(`mutation ($input: ListSubjectInput!) { listSubject(input: $input) { id } }`), {
      input: { subjectType: 'ENTERPRISE', subjectId: enterpriseId, list: 'JUDGMENT_DEFAULTER', listedOn: '2025-01-10', listedBy: '湖北省鄂州市中级人民法院', documentNumber: '(2024)鄂07执90号' },
    });
    const verdict = await evaluate('ENTERPRISE', enterpriseId, 'PROCUREMENT');
    expect(verdict.outcome).toBe('RESTRICTED');
    // law23 N2: the court lists (法释〔2017〕7号 arts. 1, 5) and deletes (art. 10); arts. 11–12 correct an entry in error.
    expect(verdict.reason.zh).toContain('失信被执行人名单由人民法院决定纳入');
    expect(verdict.reason.zh).toContain('和删除（第十条）');
    expect(verdict.reason.zh).toContain('名单所依信用记录的信用修复不终止此项限制；');
    expect(verdict.reason.zh).toContain('请作决定的机关向列入名单的法院核实名单是否仍然有效；法院移出名单之日起，或登记的列入期限届满次日起，限制终止');
    expect(verdict.reason.en).toContain('a credit repair of the record behind the listing does not end the restriction');
    expect(verdict.reason.zh).not.toMatch(/README|法律审阅/);
  });
});
