import { createAgency, createCivilServant, createRecord, findAbsence, uscc } from '../support/factories';
import { serverPerFile } from '../support/server-per-file';
import { evaluator } from '../support/evaluate';
import { graphql } from '../support/graphql';

/**
 * A lawyer's fourth review, through the real server: no retroactivity is one rule for every fact
 * (credit records, commitment breaches, court absences), and the verdict texts say what the rules count.
 */
const EVALUATE = graphql(`mutation ($type: SubjectType!, $id: ID!, $matter: String!, $asOf: DateTime) {
  evaluate(subject: { type: $type, id: $id }, matter: $matter, asOf: $asOf) {
    outcome
    score
    reason { zh en }
    measures { ruleId effect }
    explanation {
      rules { ruleId fired text { zh en } }
      parameters { name source { text } }
      zh: summary(locale: "zh")
      en: summary(locale: "en")
    }
  }
}`);
const CASE = graphql(`mutation ($input: CreateCourtCaseInput!) { createCourtCase(input: $input) { id } }`);
const COMMITMENT = graphql(`mutation ($input: CreateCommitmentInput!) { createCommitment(input: $input) { id } }`);
const SETTLE = graphql(`mutation ($input: SettleCommitmentInput!) { settleCommitment(input: $input) { breachFoundOn } }`);

const server = serverPerFile();
const evaluate = evaluator(server, EVALUATE);

describe('不溯及既往 for every fact: commitment breaches and court absences before 2018-12-26 ground no measure', () => {
  const absence = (agencyId: string, caseNumber: string, hearingOn: string) => ({
    agencyId, caseNumber, court: '鄂州市中级人民法院', kind: 'ADMINISTRATIVE' as const, filedOn: '2018-03-01', hearingOn, headAppeared: false,
  });

  it('a head absent from a hearing of 2018-06-01 puts no agency under special governance in 2019; the facts and the summary say why; a hearing on 2018-12-26 does', async () => {
    const before = await createAgency(server);
    const caseId = (await server.ok(CASE, { input: absence(before, '(2018)鄂07行初1号', '2018-06-01') })).createCourtCase.id;
    await findAbsence(server, caseId, '2019-01-10');
    const verdict = await evaluate('AGENCY', before, 'SPECIAL_GOVERNANCE', '2019-05-01');
    expect(verdict.outcome).toBe('ELIGIBLE');
    expect(verdict.explanation.zh).toContain('案件 (2018)鄂07行初1号 中负责人未出庭应诉发生于 2018-06-01，早于文件施行之日 2018-12-26：不溯及既往，不据以采取任何措施，记录仍予保留。');
    expect(verdict.explanation.en).toContain("Case (2018)鄂07行初1号: the head's absence from the hearing occurred on 2018-06-01, before the document took effect on 2018-12-26; no retroactivity");
    const FACTS = graphql(`query ($id: ID!) { agency(id: $id) {
      cut: courtFacts(asOf: "2019-05-01T12:00:00+08:00", within: "P2Y", actsFrom: "2018-12-26") { headAbsences notCounted { id caseNumber occurredOn reason } }
      all: courtFacts(asOf: "2019-05-01T12:00:00+08:00", within: "P2Y") { headAbsences notCounted { id } }
    } }`);
    expect((await server.ok(FACTS, { id: before })).agency).toEqual({
      cut: { headAbsences: 0, notCounted: [{ id: caseId, caseNumber: '(2018)鄂07行初1号', occurredOn: '2018-06-01', reason: 'ACT_BEFORE_IN_FORCE' }] },
      all: { headAbsences: 1, notCounted: [] },
    });

    const onTheDay = await createAgency(server);
    await findAbsence(server, (await server.ok(CASE, { input: absence(onTheDay, '(2018)鄂07行初2号', '2018-12-26') })).createCourtCase.id, '2019-01-10');
    expect((await evaluate('AGENCY', onTheDay, 'SPECIAL_GOVERNANCE', '2019-05-01')).outcome).toBe('CAUTION');
  });

  it("a public livelihood commitment due 2018-05-01 and found 履职不力 on 2018-07-01 weighs neither in the cadre's promotion nor in the unit's performance in 2019", async () => {
    const agencyId = await createAgency(server);
    const cadre = await createCivilServant(server, agencyId, { post: '副局长', rank: '二级调研员', leadingCadre: true });
    const created = await server.ok(COMMITMENT, {
      input: { agencyId, responsiblePersonId: cadre, kind: 'DEADLINE', domain: 'LIVELIHOOD', publiclyDisclosed: true, content: '老旧小区改造按期完工', publishedOn: '2018-01-01', dueOn: '2018-05-01' },
    });
    const commitmentId = created.createCommitment.id;
    await server.ok(SETTLE, { input: { commitmentId, status: 'BREACHED', settledOn: '2018-07-01', breachFinding: 'DERELICTION', settlementDocument: '鄂州督〔2018〕5号', foundBy: '鄂州市人民政府督查室', answerablePersonIds: [cadre], answerableSeverity: 'GENERAL' } });

    const promotion = await evaluate('CIVIL_SERVANT', cadre, 'PROMOTION', '2019-05-01');
    expect(promotion.outcome).toBe('ELIGIBLE');
    expect(promotion.measures).toEqual([]);
    // The cadre's verdict discloses the 四(四) entry the cadre rule reads (the civil servant's facts no longer read the commitments).
    expect(promotion.explanation.zh).toContain('记录 鄂州督〔2018〕5号 所涉行为发生于 2018-05-01，早于文件施行之日 2018-12-26：不溯及既往，不据以采取任何措施，记录仍予保留。');
    expect(promotion.explanation.en).toContain('Record 鄂州督〔2018〕5号: the act occurred on 2018-05-01, before the document took effect on 2018-12-26; no retroactivity');
    expect((await evaluate('AGENCY', agencyId, 'PERFORMANCE_REVIEW', '2019-05-01')).score).toBe(0);

    const FACTS = graphql(`query ($id: ID!) { civilServant(id: $id) {
      commitmentFacts(asOf: "2019-05-01T12:00:00+08:00", within: "P2Y", actsFrom: "2018-12-26") { breached notCounted { id occurredOn foundOn reason } }
    } }`);
    expect((await server.ok(FACTS, { id: cadre })).civilServant!.commitmentFacts).toEqual({
      breached: 0,
      notCounted: [{ id: commitmentId, occurredOn: '2018-05-01', foundOn: '2018-07-01', reason: 'ACT_BEFORE_IN_FORCE' }],
    });
  });
});

describe('the verdict texts say what the rules count', () => {
  it('三(四) weighs every personal credit record in promotion: a private judgment-defaulter listing is not called government dishonesty (zh, en)', async () => {
    const id = await createCivilServant(server, await createAgency(server));
    await createRecord(server, 'CIVIL_SERVANT', id, { category: 'JUDGMENT_DEFAULTER', severity: 'GENERAL', occurredOn: '2025-01-05', decidedOn: '2025-01-10', recordedOn: '2025-01-12', documentNumber: '(2025)鄂0702执19号' });
    const promotion = await evaluate('CIVIL_SERVANT', id, 'PROMOTION', '2025-06-01');
    expect(promotion.outcome).toBe('CAUTION');
    const text = promotion.explanation.rules.find((r) => r.ruleId === 'cs-promotion-caution')!.text!;
    expect(text.zh).toContain('有1条未修复的失信记录（三(四)所称公务员个人相关信用信息，不限于政务失信；');
    expect(text.zh).not.toContain('政务失信记录');
    expect(text.en).toContain('1 unrepaired dishonesty record(s) (personal credit information under 三(四), not only government dishonesty;');

    const clean = await evaluate('CIVIL_SERVANT', await createCivilServant(server, await createAgency(server)), 'PROMOTION', '2025-06-01');
    expect(clean.reason.zh).toContain('无计入期间内未修复的失信记录（三(四)所称个人相关信用信息，不限于政务失信）、本系统未登记法院移出的失信被执行人名单（三(四)）、主要负责人责任认定（三(六)）；四(四)计入诚信档案的履职不力记录（须经认定为相关责任人；领导干部依四(四)、其他公务员依三(四)考量）');
    expect(clean.reason.en).toContain('No unrepaired dishonesty record in its counting period (any personal credit information, 三(四)), no judgment-defaulter listing without a recorded court removal, no principal-responsibility finding (三(六)); no 四(四) entry (made only by a finding naming the person; 四(四) weighs it for leading cadres, 三(四) for others)');
  });

  it('an agency whose head missed a hearing, but which is not listed, is not told it is a judgment defaulter; and the text names the ground that applies', async () => {
    const agencyId = await createAgency(server);
    const absent = await server.ok(CASE, { input: { agencyId, caseNumber: '(2025)鄂07行初3号', court: '鄂州市中级人民法院', kind: 'ADMINISTRATIVE', filedOn: '2025-01-10', hearingOn: '2025-03-01', headAppeared: false } });
    await findAbsence(server, absent.createCourtCase.id, '2025-03-20');
    const verdict = await evaluate('AGENCY', agencyId, 'SPECIAL_GOVERNANCE', '2025-06-01');
    expect(verdict.measures).toEqual([expect.objectContaining({ ruleId: 'ag-special-governance-absence' })]);
    const text = verdict.explanation.rules.find((r) => r.ruleId === 'ag-special-governance-absence')!.text!;
    expect(text.zh).not.toContain('失信被执行人');
    expect(text.zh).toContain('有1起行政案件经认定负责人无正当理由未出庭应诉');
    expect(text.en).not.toContain('judgment-defaulter');
  });

  it('a principal-responsibility finding under objection is not stated as settled: the text names a finding and discloses the objection', async () => {
    const agencyId = await createAgency(server);
    const principalId = await createCivilServant(server, agencyId, { post: '局长', rank: '一级调研员', leadingCadre: true, principal: true, principalSince: '2025-03-01' });
    const recordId = await createRecord(server, 'CIVIL_SERVANT', principalId, { category: 'PRINCIPAL_RESPONSIBILITY', severity: 'MAJOR', summary: '主要负责人责任', sourceDepartment: '鄂州市监察委员会', documentNumber: '鄂州纪〔2025〕7号', loss: null, occurredOn: '2025-03-15', decidedOn: '2025-04-10', recordedOn: '2025-04-12' });
    await server.ok(graphql(`mutation ($input: FileObjectionInput!) { fileObjection(input: $input) { id } }`), { input: { recordId, filedBy: '本人', reason: '非本人任内行为', filedOn: '2025-04-20' } });
    const verdict = await evaluate('CIVIL_SERVANT', principalId, 'PROMOTION', '2025-06-01');
    const text = verdict.explanation.rules.find((r) => r.ruleId === 'cs-principal-agency-dishonesty')!.text!;
    expect(text.zh).not.toContain('经认定');
    expect(text.zh).toContain('有1项认定');
    expect(text.zh).toContain('其中在异议中、尚待核实的1项应待核实结果一并考量，不单独据以作出不利决定');
    // lawyer19 W2: that guidance is a local choice, not 三(七)'s words.
    expect(text.zh).toContain('不单独据以作出不利决定（本地选择，不是三(七)的原文，见授权清单三(七)）');
    expect(text.en).toContain('of which 1 under a pending objection');
  });

  it('an enterprise verdict states the system\'s choice and who must confirm it, citing no internal opinion', async () => {
    const enterprise = await server.ok(graphql(`mutation ($u: String!) { createEnterprise(input: { uscc: $u, name: "某建设公司" }) { id } }`), { u: uscc('91') });
    for (const matter of ['PROCUREMENT', 'BIDDING']) {
      const verdict = await evaluate('ENTERPRISE', enterprise.createEnterprise.id, matter, '2025-06-01');
      for (const text of [verdict.explanation.zh, verdict.explanation.en]) {
        expect(text).not.toMatch(/README|法律审阅|lawyer/);
      }
    }
  });
});
