import { chinaToday } from '../../src/domain/day';
import { createAgency, createCivilServant, findAbsence } from '../support/factories';
import { evaluator } from '../support/evaluate';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';

/**
 * lawyer23 R4: a unit re-filing its objection after each rejection kept a 履职不力 finding (and the 四(四)
 * entries resting on it) or an absence finding out of every review for ever. Finding objections now
 * follow the records' rule (lawyer21 R5, src/domain/objection-stay.ts): after a rejection, a renewed
 * objection is registered and decided but disputes nothing until an officer admits it on new grounds
 * (admitFindingObjection, audited ADMIT_FINDING_OBJECTION), and then from the admission day.
 */
const EVALUATE = graphql(`mutation ($type: SubjectType!, $id: ID!, $matter: String!, $asOf: DateTime) {
  evaluate(subject: { type: $type, id: $id }, matter: $matter, asOf: $asOf) { outcome measures { ruleId } explanation { zh: summary(locale: "zh") en: summary(locale: "en") } }
}`);
const COMMITMENT = graphql(`mutation ($input: CreateCommitmentInput!) { createCommitment(input: $input) { id } }`);
const SETTLE = graphql(`mutation ($input: SettleCommitmentInput!) { settleCommitment(input: $input) { status } }`);
const CASE = graphql(`mutation ($input: CreateCourtCaseInput!) { createCourtCase(input: $input) { id } }`);
const FILE = graphql(`mutation ($input: FileFindingObjectionInput!) { fileFindingObjection(input: $input) { id status renewed admittedOn } }`);
const REJECT = graphql(`mutation ($o: ID!, $on: LocalDate!) { decideFindingObjection(input: { objectionId: $o, decision: REJECTED, resolution: "经核实，认定无误", resolvedOn: $on }) { id status } }`);
const ADMIT = graphql(`mutation ($input: AdmitObjectionInput!) { admitFindingObjection(input: $input) { id renewed admittedOn } }`);
const FACTS = graphql(`query ($id: ID!, $asOf: DateTime!) { agency(id: $id) {
  review: commitmentFacts(asOf: $asOf, reviewYearStartsOn: "01-01") { breached breachedDisputed }
  courtFacts(asOf: $asOf, within: "P2Y") { headAbsences absencesDisputed }
} }`);

const server = serverPerFile();
const evaluate = evaluator(server, EVALUATE);
const ruleIds = (verdict: { measures: { ruleId: string }[] }) => verdict.measures.map((m) => m.ruleId);
/** Objections here are dated on past days, which takes a second person to enter (hostile18 F2): ADMIN. */
const ADMIN = { role: 'ADMIN', sub: 'filing.admin' } as const;
const OFFICER = { role: 'OFFICER', sub: 'li.officer' } as const;
const objection = (fields: { commitmentId?: string; courtCaseId?: string }, filedOn: string) => ({ filedBy: '本单位', reason: '系上级调整项目安排所致，非履职不力', filedOn, ...fields });

let serial = 0;
/** A township's public commitment, breached and found 履职不力 on 2025-03-10, naming one answerable person. */
async function derelictCommitment() {
  const agencyId = await createAgency(server, { level: 'TOWNSHIP' });
  const servantId = await createCivilServant(server, agencyId);
  const made = await server.ok(COMMITMENT, {
    input: { agencyId, responsiblePersonId: null, kind: 'DEADLINE', domain: 'LIVELIHOOD', publiclyDisclosed: true, content: `社区食堂按期开放${++serial}`, publishedOn: '2025-01-01', dueOn: '2025-03-01' },
  });
  const commitmentId = made.createCommitment.id;
  await server.ok(SETTLE, { input: { commitmentId, status: 'BREACHED', breachFinding: 'DERELICTION', foundBy: '鄂州市人民政府督查室', settledOn: '2025-03-10', settlementDocument: `鄂州督〔2025〕${serial}号`, answerablePersonIds: [servantId], answerableSeverity: 'GENERAL' } });
  return { agencyId, servantId, commitmentId, content: `社区食堂按期开放${serial}` };
}

/** The sentence a verdict gives a renewed objection pending and not admitted: the records' own, with the finding named. */
const PENDING_ZH = '有一项再次提出的异议待处理，此前对该认定的异议已被驳回 1 次；再次异议未经工作人员以新的事实和理由受理（admitFindingObjection），不中止该认定的效力，该认定照常计入（本地选择，见授权清单三(七)本地选择，拟定，待有权机关确认）。';
const PENDING_EN = 'has a renewed objection pending, after 1 objection(s) to it were rejected; not admitted by an officer on new grounds (admitFindingObjection), it does not suspend the finding, which counts as usual';

describe('lawyer23 R4: a renewed objection to a finding disputes nothing unless an officer admits it on new grounds', () => {
  it('履职不力: the first objection sets the finding aside; after its rejection a renewed one leaves the points and the 四(四) entry in force', async () => {
    const { agencyId, servantId, commitmentId } = await derelictCommitment();
    const first = (await server.ok(FILE, { input: objection({ commitmentId }, '2025-04-01') }, ADMIN)).fileFindingObjection;
    expect(first).toMatchObject({ status: 'PENDING', renewed: false, admittedOn: null });
    expect(ruleIds(await evaluate('AGENCY', agencyId, 'PERFORMANCE_REVIEW', '2025-04-15'))).not.toContain('ag-performance-breached-commitments');
    expect((await evaluate('CIVIL_SERVANT', servantId, 'AWARD', '2025-04-15')).outcome).not.toBe('RESTRICTED');

    await server.ok(REJECT, { o: first.id, on: '2025-05-01' });
    const renewed = (await server.ok(FILE, { input: objection({ commitmentId }, '2025-05-02') }, ADMIN)).fileFindingObjection;
    expect(renewed).toMatchObject({ status: 'PENDING', renewed: true, admittedOn: null });
    // Pending but not admitted: the unit's review scores the finding, and the person's entry restricts awards.
    expect(ruleIds(await evaluate('AGENCY', agencyId, 'PERFORMANCE_REVIEW'))).toContain('ag-performance-breached-commitments');
    expect((await server.ok(FACTS, { id: agencyId, asOf: '2025-06-01T12:00:00+08:00' })).agency!.review).toEqual({ breached: 1, breachedDisputed: 0 });
    expect((await evaluate('CIVIL_SERVANT', servantId, 'AWARD')).outcome).toBe('RESTRICTED');
    expect(await server.sql('select breach_finding_disputed from commitment where id = ?', [commitmentId])).toEqual([{ breach_finding_disputed: false }]);
    const audit = await server.sql<{ outcome: string }>(`select outcome from audit_event where action = 'FILE_FINDING_OBJECTION' and target_id = ? order by created_at`, [commitmentId]);
    expect(audit.map((a) => a.outcome)).toEqual(['filed COMMITMENT_DERELICTION', 'filed COMMITMENT_DERELICTION (renewed: disputes nothing until admitted)']);
  });

  it('admitted on new grounds: disputed from the admission day only; a CLERK may not admit, an OFFICER only today, a first objection is never admitted; audited', async () => {
    const { agencyId, servantId, commitmentId } = await derelictCommitment();
    const first = (await server.ok(FILE, { input: objection({ commitmentId }, '2025-04-01') }, ADMIN)).fileFindingObjection;
    const refusedFirst = await server.query(ADMIT, { input: { objectionId: first.id, grounds: '新证据', admittedOn: chinaToday() } }, OFFICER);
    expect(refusedFirst.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'objectionId' });
    expect(refusedFirst.errors?.[0].message).toContain('对此认定的首次异议');
    await server.ok(REJECT, { o: first.id, on: '2025-05-01' });
    const renewed = (await server.ok(FILE, { input: objection({ commitmentId }, '2025-05-02') }, ADMIN)).fileFindingObjection;

    const byClerk = await server.query(ADMIT, { input: { objectionId: renewed.id, grounds: '新证据', admittedOn: chinaToday() } }, { role: 'CLERK' });
    expect(byClerk.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    // A past admission day rewrites past verdicts: an officer alone may not (as for records).
    const pastByOfficer = await server.query(ADMIT, { input: { objectionId: renewed.id, grounds: '新证据', admittedOn: '2025-06-10' } }, OFFICER);
    expect(pastByOfficer.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });

    const admitted = (await server.ok(ADMIT, { input: { objectionId: renewed.id, grounds: '提交了上级调整项目安排的批复文件', admittedOn: '2025-06-10' } }, ADMIN)).admitFindingObjection;
    expect(admitted).toEqual({ id: renewed.id, renewed: true, admittedOn: '2025-06-10' });
    expect(ruleIds(await evaluate('AGENCY', agencyId, 'PERFORMANCE_REVIEW', '2025-06-15'))).not.toContain('ag-performance-breached-commitments');
    expect((await evaluate('CIVIL_SERVANT', servantId, 'AWARD', '2025-06-15')).outcome).not.toBe('RESTRICTED');
    // The days between the renewed filing and its admission still count the finding.
    expect(ruleIds(await evaluate('AGENCY', agencyId, 'PERFORMANCE_REVIEW', '2025-06-05'))).toContain('ag-performance-breached-commitments');
    expect((await evaluate('CIVIL_SERVANT', servantId, 'AWARD', '2025-06-05')).outcome).toBe('RESTRICTED');

    const audit = await server.sql<{ outcome: string }>(`select outcome from audit_event where action = 'ADMIT_FINDING_OBJECTION' and target_id = ?`, [commitmentId]);
    // The same ADMIN account filed and admitted it: the break-glass exemption is marked (sec31 item 5).
    expect(audit).toEqual([{ outcome: `admitted renewed objection ${renewed.id} from 2025-06-10 [self-approved by ADMIN, break-glass: The renewed objection was entered by the same account (filing.admin)]` }]);
    const again = await server.query(ADMIT, { input: { objectionId: renewed.id, grounds: '再次', admittedOn: chinaToday() } }, OFFICER);
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT' });
  });

  it('absence (三(八)): a renewed objection leaves special governance recommending', async () => {
    const agencyId = await createAgency(server, { kind: 'DEPARTMENT' });
    const filed = await server.ok(CASE, {
      input: { agencyId, caseNumber: `(2025)鄂07行初${700 + ++serial}号`, court: '鄂州市中级人民法院', kind: 'ADMINISTRATIVE', filedOn: '2025-01-05', hearingOn: '2025-02-20', headAppeared: false },
    });
    const courtCaseId = filed.createCourtCase.id;
    await findAbsence(server, courtCaseId, '2025-03-01');
    const first = (await server.ok(FILE, { input: objection({ courtCaseId }, '2025-03-15') }, ADMIN)).fileFindingObjection;
    expect(ruleIds(await evaluate('AGENCY', agencyId, 'SPECIAL_GOVERNANCE', '2025-03-20'))).toEqual([]);
    await server.ok(REJECT, { o: first.id, on: '2025-04-01' });
    expect((await server.ok(FILE, { input: objection({ courtCaseId }, '2025-04-02') }, ADMIN)).fileFindingObjection.renewed).toBe(true);
    expect(ruleIds(await evaluate('AGENCY', agencyId, 'SPECIAL_GOVERNANCE'))).toEqual(['ag-special-governance-absence']);
    expect((await server.ok(FACTS, { id: agencyId, asOf: '2025-06-01T12:00:00+08:00' })).agency!.courtFacts).toEqual({ headAbsences: 1, absencesDisputed: 0 });
  });

  it('the verdict says so (as it does for records): a renewed finding objection is pending and not staying, for the unit, the person and an absence; not before the rejection, not once admitted', async () => {
    const { agencyId, servantId, commitmentId, content } = await derelictCommitment();
    const first = (await server.ok(FILE, { input: objection({ commitmentId }, '2025-04-01') }, ADMIN)).fileFindingObjection;
    const underFirst = await evaluate('AGENCY', agencyId, 'PERFORMANCE_REVIEW', '2025-04-15');
    expect(underFirst.explanation.zh).not.toContain('再次提出的异议');
    await server.ok(REJECT, { o: first.id, on: '2025-05-01' });
    const renewed = (await server.ok(FILE, { input: objection({ commitmentId }, '2025-05-02') }, ADMIN)).fileFindingObjection;

    const unit = await evaluate('AGENCY', agencyId, 'PERFORMANCE_REVIEW');
    expect(ruleIds(unit)).toContain('ag-performance-breached-commitments');
    expect(unit.explanation.zh).toContain(`承诺“${content}”的履职不力认定 ${PENDING_ZH}`);
    expect(unit.explanation.en).toContain(`The 履职不力 finding on the commitment "${content}" ${PENDING_EN}`);
    const person = await evaluate('CIVIL_SERVANT', servantId, 'AWARD');
    expect(person.outcome).toBe('RESTRICTED');
    expect(person.explanation.zh).toContain(`所依据的履职不力认定 ${PENDING_ZH}`);
    expect(person.explanation.en).toContain(`rests on ${PENDING_EN}`);

    await server.ok(ADMIT, { input: { objectionId: renewed.id, grounds: '提交了上级调整项目安排的批复文件', admittedOn: '2025-06-10' } }, ADMIN);
    for (const verdict of [await evaluate('AGENCY', agencyId, 'PERFORMANCE_REVIEW', '2025-06-15'), await evaluate('CIVIL_SERVANT', servantId, 'AWARD', '2025-06-15')]) {
      expect(verdict.explanation.zh).not.toContain('再次提出的异议待处理');
      expect(verdict.explanation.en).not.toContain('has a renewed objection pending');
    }

    const caseAgency = await createAgency(server, { kind: 'DEPARTMENT' });
    const caseNumber = `(2025)鄂07行初${800 + ++serial}号`;
    const courtCaseId = (await server.ok(CASE, {
      input: { agencyId: caseAgency, caseNumber, court: '鄂州市中级人民法院', kind: 'ADMINISTRATIVE', filedOn: '2025-01-05', hearingOn: '2025-02-20', headAppeared: false },
    })).createCourtCase.id;
    await findAbsence(server, courtCaseId, '2025-03-01');
    await server.ok(REJECT, { o: (await server.ok(FILE, { input: objection({ courtCaseId }, '2025-03-15') }, ADMIN)).fileFindingObjection.id, on: '2025-04-01' });
    await server.ok(FILE, { input: objection({ courtCaseId }, '2025-04-02') }, ADMIN);
    const absence = await evaluate('AGENCY', caseAgency, 'SPECIAL_GOVERNANCE');
    expect(ruleIds(absence)).toEqual(['ag-special-governance-absence']);
    expect(absence.explanation.zh).toContain(`案件 ${caseNumber} 中负责人无正当理由未出庭应诉的认定 ${PENDING_ZH}`);
    expect(absence.explanation.en).toContain(`The finding that the head was absent without valid reason in case ${caseNumber} ${PENDING_EN}`);
  });
});
