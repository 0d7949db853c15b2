import { createAgency, findAbsence } from '../support/factories';
import { serverPerFile } from '../support/server-per-file';
import { evaluator } from '../support/evaluate';
import { graphql } from '../support/graphql';

/**
 * Lawyer R9: a verdict says what it did not count and why. A commitment settled as breached with no
 * finding of why (未认定, kept from before findings were required) and a head's absence in a case of
 * no recorded kind count for nothing; the facts list them in notCounted and the summary names each,
 * in zh and en, with what would make it count. Once the finding or the kind is recorded, the line goes.
 */
const EVALUATE = graphql(`mutation ($type: SubjectType!, $id: ID!, $matter: String!, $asOf: DateTime) {
  evaluate(subject: { type: $type, id: $id }, matter: $matter, asOf: $asOf) {
    outcome
    explanation { zh: summary(locale: "zh") en: summary(locale: "en") }
  }
}`);
const COMMITMENT = graphql(`mutation ($input: CreateCommitmentInput!) { createCommitment(input: $input) { id } }`);
const FINDING = graphql(`mutation ($input: RecordBreachFindingInput!) { recordBreachFinding(input: $input) { breachFinding } }`);
const CASE = graphql(`mutation ($input: CreateCourtCaseInput!) { createCourtCase(input: $input) { id } }`);
const KIND = graphql(`mutation ($id: ID!) { updateCourtCase(id: $id, input: { kind: CIVIL }) { kind } }`);
const FACTS = graphql(`query ($id: ID!) { agency(id: $id) {
  commitmentFacts(asOf: "2025-06-01T12:00:00+08:00", within: "P2Y") { breached breachedUnreviewed notCounted { id content occurredOn foundOn settledOn reason } }
  courtFacts(asOf: "2025-06-01T12:00:00+08:00", within: "P2Y") { headAbsences absencesOfUnknownKind notCounted { id caseNumber occurredOn reason } }
} }`);

const server = serverPerFile();
const evaluate = evaluator(server, EVALUATE);

/** An agency with an unreviewed breach and an absence in a case of unrecorded kind, as old rows left them. */
async function agencyWithSilentFacts(caseNumber = '(2025)鄂07民初3号', unexcusedFoundOn?: string) {
  const agencyId = await createAgency(server, { kind: 'DEPARTMENT' });
  const made = await server.ok(COMMITMENT, {
    input: { agencyId, responsiblePersonId: null, kind: 'DEADLINE', domain: 'LIVELIHOOD', publiclyDisclosed: true, content: '养老服务站按期开放', publishedOn: '2025-01-01', dueOn: '2025-03-01' },
  });
  const commitmentId = made.createCommitment.id;
  await server.sql(`update commitment set status = 'BREACHED', settled_on = '2025-03-10' where id = ?`, [commitmentId]);
  const filed = await server.ok(CASE, {
    input: { agencyId, caseNumber, court: '鄂州市中级人民法院', kind: 'ADMINISTRATIVE', filedOn: '2025-01-05', hearingOn: '2025-02-20', headAppeared: false },
  });
  const caseId = filed.createCourtCase.id;
  if (unexcusedFoundOn) await findAbsence(server, caseId, unexcusedFoundOn);
  await server.sql(`update court_case set kind = null where id = ?`, [caseId]);
  return { agencyId, commitmentId, caseId };
}

describe('R9: what a verdict did not count, and why', () => {
  it('lists an unreviewed breach and an absence of unknown kind in notCounted, and every agency verdict names them (zh, en)', async () => {
    const { agencyId, commitmentId, caseId } = await agencyWithSilentFacts();
    const facts = (await server.ok(FACTS, { id: agencyId })).agency!;
    expect(facts.commitmentFacts).toEqual({
      breached: 0,
      breachedUnreviewed: 1,
      notCounted: [{ id: commitmentId, content: '养老服务站按期开放', occurredOn: '2025-03-01', foundOn: null, settledOn: '2025-03-10', reason: 'BREACH_UNREVIEWED' }],
    });
    expect(facts.courtFacts).toEqual({ headAbsences: 0, absencesOfUnknownKind: 1, notCounted: [{ id: caseId, caseNumber: '(2025)鄂07民初3号', occurredOn: '2025-02-20', reason: 'CASE_KIND_UNKNOWN' }] });

    for (const matter of ['SPECIAL_GOVERNANCE', 'PERFORMANCE_REVIEW']) {
      const verdict = await evaluate('AGENCY', agencyId, matter);
      expect(verdict.explanation.zh).toContain('承诺“养老服务站按期开放”于 2025-03-10 办结为未兑现，但截至当日未认定未兑现的原因');
      expect(verdict.explanation.zh).toContain('四(四)仅对履职不力追究责任，故未计入任何计数，不据以提出任何建议；认定机关记录认定（recordBreachFinding）后');
      expect(verdict.explanation.en).toContain('Commitment "养老服务站按期开放" was settled as breached on 2025-03-10, but by the day no finding said why');
      // No finding was recorded on the absence: the line says so, and never 无正当理由 (lawyer11 W3).
      expect(verdict.explanation.zh).toContain('案件 (2025)鄂07民初3号 中负责人于 2025-02-20 未出庭应诉（是否有正当理由尚未认定），但案件类型未登记：三(八)的出庭应诉只计行政诉讼');
      expect(verdict.explanation.zh).toContain('如为行政诉讼且经认定无正当理由则计入');
      expect(verdict.explanation.zh).not.toContain('经认定无正当理由）');
      expect(verdict.explanation.en).toContain('Case (2025)鄂07民初3号: the head was absent on 2025-02-20 (whether with valid reason has not been found), but the case kind was never recorded');
      expect(verdict.explanation.en).not.toContain('the head was absent without excuse');
      // Each said once, though the performance review reads the commitments twice (the period and the review year).
      expect(verdict.explanation.zh.split('养老服务站按期开放').length - 1).toBe(1);
    }
  });

  it('an absence found without valid reason in a case of unknown kind: the line states that finding (lawyer11 W3)', async () => {
    const { agencyId } = await agencyWithSilentFacts('(2025)鄂07民初5号', '2025-03-01');
    const verdict = await evaluate('AGENCY', agencyId, 'SPECIAL_GOVERNANCE');
    expect(verdict.outcome).toBe('ELIGIBLE');
    expect(verdict.explanation.zh).toContain('案件 (2025)鄂07民初5号 中负责人于 2025-02-20 未出庭应诉（经认定无正当理由），但案件类型未登记');
    expect(verdict.explanation.zh).toContain('如为行政诉讼则计入');
    expect(verdict.explanation.en).toContain('Case (2025)鄂07民初5号: the head was absent on 2025-02-20 (found without valid reason), but the case kind was never recorded');
  });

  it('says nothing of them once the finding and the kind are recorded', async () => {
    const { agencyId, commitmentId, caseId } = await agencyWithSilentFacts('(2025)鄂07民初4号');
    await server.ok(FINDING, { input: { commitmentId, breachFinding: 'FORCE_MAJEURE', foundOn: '2025-04-01', foundBy: '鄂州市人民政府督查室', findingDocument: '鄂州督〔2025〕12号' } });
    expect((await server.ok(KIND, { id: caseId })).updateCourtCase.kind).toBe('CIVIL');
    const facts = (await server.ok(FACTS, { id: agencyId })).agency!;
    expect(facts.commitmentFacts.notCounted).toEqual([]);
    expect(facts.courtFacts.notCounted).toEqual([]);
    const verdict = await evaluate('AGENCY', agencyId, 'SPECIAL_GOVERNANCE');
    expect(verdict.explanation.zh).not.toContain('养老服务站按期开放');
    expect(verdict.explanation.en).not.toContain('(2025)鄂07民初4号');
  });
});
