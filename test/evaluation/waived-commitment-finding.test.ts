import { createAgency, createCivilServant } from '../support/factories';
import { evaluator } from '../support/evaluate';
import { serverPerFile } from '../support/server-per-file';
import { graphql } from '../support/graphql';

/**
 * 三(七) waives 失信惩戒措施; 四(四) has a 履职不力 entry “计入相关责任人诚信档案,作为领导干部提拔考核重要内容”.
 * Whether that weighing is a punishment the document does not say; until its lead units decide, it is read
 * in the subject's favour (lawyer28 R1, catalogue 四(四) local choices): a waived 四(四) entry is no longer
 * weighed in a leading cadre's promotion (cs-cadre-breached-commitment reads the unrepaired entries, as the
 * clerk's cs-promotion-commitment-finding does), and the waiver lifts the award restriction for both.
 */
const EVALUATE = graphql(`mutation ($type: SubjectType!, $id: ID!, $matter: String!, $asOf: DateTime) {
  evaluate(subject: { type: $type, id: $id }, matter: $matter, asOf: $asOf) {
    outcome
    measures { ruleId effect }
    explanation { rules { ruleId fired evidence text { zh en } } }
  }
}`);
const COMMITMENT = graphql(`mutation ($input: CreateCommitmentInput!) { createCommitment(input: $input) { id } }`);
const SETTLE = graphql(`mutation ($input: SettleCommitmentInput!) { settleCommitment(input: $input) { status } }`);
const REQUEST = graphql(`mutation ($id: ID!) { requestCreditRepair(input: { recordId: $id, actions: [ELIMINATED_EFFECT], description: "已补建养老服务站并向社会公开说明", appliedOn: "2025-04-01" }) { id } }`);
const DECIDE = graphql(`mutation ($id: ID!) { decideCreditRepair(input: { repairId: $id, decision: APPROVED, decidedOn: "2025-04-20", relief: WAIVE }) { id } }`);

const server = serverPerFile();
const evaluate = evaluator(server, EVALUATE);
const measures = (v: { measures: { ruleId: string; effect: string }[] }) => v.measures.map((m) => `${m.ruleId}:${m.effect}`).sort();

describe('三(七) and 四(四): a waived 四(四) entry', () => {
  it('is no longer weighed in a leading cadre\'s promotion assessment from the approval day, as a clerk\'s is not; neither is restricted in awards', async () => {
    const agencyId = await createAgency(server);
    const cadre = await createCivilServant(server, agencyId, { post: '副局长', rank: '二级调研员', leadingCadre: true });
    const clerk = await createCivilServant(server, agencyId, { post: '科员', rank: '一级科员' });
    const created = await server.ok(COMMITMENT, { input: { agencyId, responsiblePersonId: null, kind: 'DEADLINE', domain: 'LIVELIHOOD', publiclyDisclosed: true, content: '养老服务站按期开放', publishedOn: '2025-01-01', dueOn: '2025-03-01' } });
    await server.ok(SETTLE, { input: { commitmentId: created.createCommitment.id, status: 'BREACHED', settledOn: '2025-03-10', breachFinding: 'DERELICTION', settlementDocument: '鄂州督〔2025〕9号', foundBy: '鄂州市人民政府督查室', answerablePersonIds: [cadre, clerk], answerableSeverity: 'GENERAL' } });
    for (const person of [cadre, clerk]) {
      const [entry] = await server.sql<{ id: string }>(`select id from credit_record where subject_id = ? and category = 'COMMITMENT_DERELICTION'`, [person]);
      const requested = await server.ok(REQUEST, { id: entry.id });
      await server.ok(DECIDE, { id: requested.requestCreditRepair.id });
    }

    const cadrePromotion = await evaluate('CIVIL_SERVANT', cadre, 'PROMOTION');
    expect(cadrePromotion.outcome).toBe('ELIGIBLE');
    expect(cadrePromotion.explanation.rules.find((r) => r.ruleId === 'cs-cadre-breached-commitment')!.fired).toBe(false);

    // The day before the approval the same entry is weighed, unrepaired: the text counts no waiver.
    const before = await evaluate('CIVIL_SERVANT', cadre, 'PROMOTION', '2025-04-19');
    expect(measures(before)).toEqual(['cs-cadre-breached-commitment:CAUTION']);
    const rule = before.explanation.rules.find((r) => r.ruleId === 'cs-cadre-breached-commitment')!;
    expect(rule.evidence).toEqual([expect.objectContaining({ category: 'COMMITMENT_DERELICTION', documentNumber: '鄂州督〔2025〕9号', repaired: false })]);
    expect(rule.text!.zh).toContain('有1条未经信用修复决定免于的四(四)诚信档案记录');
    expect(rule.text!.zh).toContain('另有经信用修复决定免于的0条');
    expect(rule.text!.zh).toContain('其中在异议中、尚待核实的0条');
    expect(rule.text!.en).toContain('0 more waived by a credit repair are, from the approval day, not weighed');

    // The clerk's entry was weighed under 三(四); the waiver takes it out (a local choice).
    const clerkPromotion = await evaluate('CIVIL_SERVANT', clerk, 'PROMOTION');
    expect(clerkPromotion.outcome).toBe('ELIGIBLE');
    expect(clerkPromotion.explanation.rules.find((r) => r.ruleId === 'cs-promotion-commitment-finding')!.fired).toBe(false);
    expect(measures(await evaluate('CIVIL_SERVANT', clerk, 'PROMOTION', '2025-04-19'))).toEqual(['cs-promotion-commitment-finding:CAUTION']);

    // The award restriction is the punishment 三(七) waives, for both.
    for (const person of [cadre, clerk]) {
      expect(measures(await evaluate('CIVIL_SERVANT', person, 'AWARD'))).not.toContain('cs-award-restrict:RESTRICT');
      expect(measures(await evaluate('CIVIL_SERVANT', person, 'AWARD', '2025-04-19'))).toContain('cs-award-restrict:RESTRICT');
    }
  });
});
