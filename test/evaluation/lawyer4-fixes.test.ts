import { createAgency, createCivilServant, type SubjectType } from '../support/factories';
import { startTestServer, type TestServer } from '../support/test-server';
import { graphql } from '../support/graphql';

/**
 * A lawyer's fourth review, through the real server: no retroactivity is one rule for every fact
 * (credit records, commitment breaches, court absences), and the verdict texts say what the rules count.
 */
const EVALUATE = graphql(`mutation ($type: SubjectType!, $id: ID!, $matter: String!, $asOf: DateTime) {
  evaluate(subject: { type: $type, id: $id }, matter: $matter, asOf: $asOf) {
    outcome
    score
    measures { ruleId effect }
    explanation {
      zh: summary(locale: "zh")
      en: summary(locale: "en")
    }
  }
}`);
const CASE = graphql(`mutation ($input: CreateCourtCaseInput!) { createCourtCase(input: $input) { id } }`);
const COMMITMENT = graphql(`mutation ($input: CreateCommitmentInput!) { createCommitment(input: $input) { id } }`);
const SETTLE = graphql(`mutation ($input: SettleCommitmentInput!) { settleCommitment(input: $input) { breachFoundOn } }`);
const day = (d: string) => `${d}T12:00:00+08:00`;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

async function evaluate(type: SubjectType, id: string, matter: string, on: string) {
  const result = await server.query(EVALUATE, { type, id, matter, asOf: day(on) });
  expect(result.errors).toBeUndefined();
  return result.data!.evaluate;
}

describe('不溯及既往 for every fact: commitment breaches and court absences before 2018-12-26 ground no measure', () => {
  const absence = (agencyId: string, caseNumber: string, hearingOn: string) => ({
    agencyId, caseNumber, court: '鄂州市中级人民法院', kind: 'ADMINISTRATIVE' as const, filedOn: '2018-03-01', hearingOn, headAppeared: false,
  });

  it('a head absent from a hearing of 2018-06-01 puts no agency under special governance in 2019; the facts and the summary say why; a hearing on 2018-12-26 does', async () => {
    const before = await createAgency(server);
    const caseId = (await server.ok(CASE, { input: absence(before, '(2018)鄂07行初1号', '2018-06-01') })).createCourtCase.id;
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
    await server.ok(CASE, { input: absence(onTheDay, '(2018)鄂07行初2号', '2018-12-26') });
    expect((await evaluate('AGENCY', onTheDay, 'SPECIAL_GOVERNANCE', '2019-05-01')).outcome).toBe('CAUTION');
  });

  it("a public livelihood commitment due 2018-05-01 and found 履职不力 on 2018-07-01 weighs neither in the cadre's promotion nor in the unit's performance in 2019", async () => {
    const agencyId = await createAgency(server);
    const cadre = await createCivilServant(server, agencyId, { post: '副局长', rank: '二级调研员', leadingCadre: true });
    const created = await server.ok(COMMITMENT, {
      input: { agencyId, responsiblePersonId: cadre, kind: 'DEADLINE', domain: 'LIVELIHOOD', publiclyDisclosed: true, content: '老旧小区改造按期完工', publishedOn: '2018-01-01', dueOn: '2018-05-01' },
    });
    const commitmentId = created.createCommitment.id;
    await server.ok(SETTLE, { input: { commitmentId, status: 'BREACHED', settledOn: '2018-07-01', breachFinding: 'DERELICTION', settlementDocument: '鄂州督〔2018〕5号', foundBy: '鄂州市人民政府督查室' } });

    const promotion = await evaluate('CIVIL_SERVANT', cadre, 'PROMOTION', '2019-05-01');
    expect(promotion.outcome).toBe('ELIGIBLE');
    expect(promotion.measures).toEqual([]);
    expect(promotion.explanation.zh).toContain('承诺“老旧小区改造按期完工”的未兑现发生于 2018-05-01，早于文件施行之日 2018-12-26：不溯及既往，不据以采取任何措施，记录仍予保留。');
    expect(promotion.explanation.en).toContain('Commitment "老旧小区改造按期完工": the breach occurred on 2018-05-01, before the document took effect on 2018-12-26; no retroactivity');
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
