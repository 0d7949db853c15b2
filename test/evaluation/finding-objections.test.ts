import { createAgency, createCivilServant, findAbsence } from '../support/factories';
import { evaluator } from '../support/evaluate';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';

/**
 * Issue 11 W3: a unit (agency) objects to a finding against it — a commitment's 履职不力 finding
 * (四(四)), read by the 四(五)/三(五) performance rules, and its head's absence from a hearing found
 * without valid reason (三(八)), read by special governance. While the objection is pending the
 * finding is set aside (findingsCountWhileDisputed false, a local choice); rejected, it counts from
 * the rejection day; upheld, it is revoked and counts no more. Bad requests answer coded errors and
 * change nothing.
 */
const EVALUATE = graphql(`mutation ($type: SubjectType!, $id: ID!, $matter: String!, $asOf: DateTime) {
  evaluate(subject: { type: $type, id: $id }, matter: $matter, asOf: $asOf) {
    id
    outcome
    measures { ruleId }
    explanation { zh: summary(locale: "zh") en: summary(locale: "en") parameters { name value usedBy source { proposed decidedBy } } }
  }
}`);
const COMMITMENT = graphql(`mutation ($input: CreateCommitmentInput!) { createCommitment(input: $input) { id } }`);
const SETTLE = graphql(`mutation ($input: SettleCommitmentInput!) { settleCommitment(input: $input) { status breachFinding } }`);
const CASE = graphql(`mutation ($input: CreateCourtCaseInput!) { createCourtCase(input: $input) { id } }`);
const FILE = graphql(`mutation ($input: FileFindingObjectionInput!) { fileFindingObjection(input: $input) { id finding agencyId commitmentId courtCaseId status filedOn } }`);
const STALE = graphql(`query ($id: ID!) { verdict(id: $id) { stale } }`);
const DECIDE = graphql(`mutation ($input: DecideFindingObjectionInput!) { decideFindingObjection(input: $input) { id status resolvedOn } }`);
const FACTS = graphql(`query ($id: ID!, $asOf: DateTime!) { agency(id: $id) {
  review: commitmentFacts(asOf: $asOf, reviewYearStartsOn: "01-01") { breached breachedDisputed breachedRevoked breachedCommitments { id findingStanding } notCounted { id reason } }
  courtFacts(asOf: $asOf, within: "P2Y") { headAbsences absencesDisputed absencesRevoked cases { id findingStanding headFailure } notCounted { id reason } }
} }`);

const server = serverPerFile();
const evaluate = evaluator(server, EVALUATE);
const noon = (day: string) => `${day}T12:00:00+08:00`;
const CLERK = { role: 'CLERK' } as const;
/** Upholding takes someone other than the clerk who entered the objection (hostile13 F5). */
const SECOND_CLERK = { role: 'CLERK', sub: 'second-clerk' } as const;
/** Objections here are dated on past days, which takes a second person to enter (hostile18 F2): ADMIN. */
const FILER = { role: 'ADMIN', sub: 'filing.admin' } as const;
const ruleIds = (verdict: { measures: { ruleId: string }[] }) => verdict.measures.map((m) => m.ruleId);

let serial = 0;
/** A township's public commitment, breached and found 履职不力 on 2025-03-10. */
async function derelictCommitment(agencyId: string, finding: 'DERELICTION' | 'LAWFUL_CHANGE' = 'DERELICTION', answerablePersonIds: string[] = []): Promise<string> {
  const made = await server.ok(COMMITMENT, {
    input: { agencyId, responsiblePersonId: null, kind: 'DEADLINE', domain: 'LIVELIHOOD', publiclyDisclosed: true, content: `社区食堂按期开放${++serial}`, publishedOn: '2025-01-01', dueOn: '2025-03-01' },
  });
  const id = made.createCommitment.id;
  await server.ok(SETTLE, { input: { commitmentId: id, status: 'BREACHED', breachFinding: finding, foundBy: '鄂州市人民政府督查室', settledOn: '2025-03-10', settlementDocument: `鄂州督〔2025〕${serial}号`, ...(answerablePersonIds.length ? { answerablePersonIds, answerableSeverity: 'GENERAL' as const } : {}) } });
  return id;
}

/** A department's administrative case whose head's absence was found without valid reason on 2025-03-01. */
async function absentCase(agencyId: string): Promise<string> {
  const filed = await server.ok(CASE, {
    input: { agencyId, caseNumber: `(2025)鄂07行初${600 + ++serial}号`, court: '鄂州市中级人民法院', kind: 'ADMINISTRATIVE', filedOn: '2025-01-05', hearingOn: '2025-02-20', headAppeared: false },
  });
  await findAbsence(server, filed.createCourtCase.id, '2025-03-01');
  return filed.createCourtCase.id;
}

const objection = (fields: { commitmentId?: string; courtCaseId?: string; filedOn?: string }) => ({ filedBy: '本单位', reason: '系上级调整项目安排所致，非履职不力', filedOn: '2025-04-01', ...fields });

describe('a unit objects to a 履职不力 finding (四(四), read by 四(五))', () => {
  it('disputed: no points while it is decided; rejected: points from the rejection day, a day before still sees the dispute', async () => {
    const agencyId = await createAgency(server, { level: 'TOWNSHIP' });
    const commitmentId = await derelictCommitment(agencyId);
    const scored = await evaluate('AGENCY', agencyId, 'PERFORMANCE_REVIEW');
    expect(ruleIds(scored)).toContain('ag-performance-breached-commitments');
    expect((await server.ok(STALE, { id: scored.id })).verdict!.stale).toBe(false);

    const filed = (await server.ok(FILE, { input: objection({ commitmentId }) }, FILER)).fileFindingObjection;
    // The verdict stored before the filing no longer says what an evaluation would: it is stale.
    expect((await server.ok(STALE, { id: scored.id })).verdict!.stale).toBe(true);
    expect(filed).toMatchObject({ finding: 'COMMITMENT_DERELICTION', agencyId, commitmentId, courtCaseId: null, status: 'PENDING', filedOn: '2025-04-01' });
    const disputed = await evaluate('AGENCY', agencyId, 'PERFORMANCE_REVIEW');
    expect(ruleIds(disputed)).not.toContain('ag-performance-breached-commitments');
    expect(disputed.explanation.zh).toContain('但该单位已提出异议、尚未处理完毕：异议处理期间暂不计入（本地选择参数 findingsCountWhileDisputed');
    expect(disputed.explanation.en).toContain("but the unit's objection to the finding is pending");
    // The local choice is shown with its value and source, as every parameter is.
    expect(disputed.explanation.parameters.find((p) => p.name === 'findingsCountWhileDisputed')).toEqual({
      name: 'findingsCountWhileDisputed', value: false, usedBy: ['facts'], source: { proposed: true, decidedBy: '市发展改革委、人行鄂州中心支行（三(七)牵头单位）；市政府办公室、市发展改革委、市财政局、市公共资源交易监管局、市政府采购中心（三(五)牵头单位）；各区人民政府、开发区管委会,各街道办事处（四(五)牵头单位）；市发展改革委、市中级法院（三(八)牵头单位）' },
    });
    expect((await server.ok(FACTS, { id: agencyId, asOf: noon('2025-06-01') })).agency!.review).toEqual({
      breached: 0, breachedDisputed: 1, breachedRevoked: 0, breachedCommitments: [], notCounted: [{ id: commitmentId, reason: 'FINDING_DISPUTED' }],
    });
    // The day before the filing still counts the finding.
    expect(ruleIds(await evaluate('AGENCY', agencyId, 'PERFORMANCE_REVIEW', '2025-03-31'))).toContain('ag-performance-breached-commitments');

    await server.ok(DECIDE, { input: { objectionId: filed.id, decision: 'REJECTED', resolution: '经核实，系未按期组织施工，属履职不力', resolvedOn: '2025-05-01' } }, CLERK);
    expect(ruleIds(await evaluate('AGENCY', agencyId, 'PERFORMANCE_REVIEW'))).toContain('ag-performance-breached-commitments');
    expect(ruleIds(await evaluate('AGENCY', agencyId, 'PERFORMANCE_REVIEW', '2025-04-30'))).not.toContain('ag-performance-breached-commitments');
    expect((await server.ok(FACTS, { id: agencyId, asOf: noon('2025-06-01') })).agency!.review).toMatchObject({ breached: 1, breachedDisputed: 0, breachedCommitments: [{ id: commitmentId, findingStanding: 'IN_FORCE' }], notCounted: [] });
    const audit = await server.sql(`select action, outcome from audit_event where target_id = ? and action in ('FILE_FINDING_OBJECTION', 'DECIDE_FINDING_OBJECTION') order by created_at`, [commitmentId]);
    expect(audit).toEqual([{ action: 'FILE_FINDING_OBJECTION', outcome: 'filed COMMITMENT_DERELICTION' }, { action: 'DECIDE_FINDING_OBJECTION', outcome: 'REJECTED COMMITMENT_DERELICTION: finding stands' }]);
    // Decided, the finding takes a new objection.
    await server.ok(FILE, { input: objection({ commitmentId, filedOn: '2025-05-20' }) }, FILER);
  });

  it('upheld: the finding is revoked, on every day, and costs no points, with the file entry it made on the answerable person; the verdict says why', async () => {
    const agencyId = await createAgency(server, { level: 'TOWNSHIP' });
    const servantId = await createCivilServant(server, agencyId);
    const commitmentId = await derelictCommitment(agencyId, 'DERELICTION', [servantId]);
    const entry = async () => server.sql(`select status, category from credit_record where subject_id = ?`, [servantId]);
    expect(await entry()).toEqual([{ status: 'ACTIVE', category: 'COMMITMENT_DERELICTION' }]);
    // The person objects to their own entry as well; once the finding goes, that objection must not hang pending for ever.
    const [{ id: entryId }] = await server.sql<{ id: string }>(`select id from credit_record where subject_id = ?`, [servantId]);
    const own = (await server.ok(graphql(`mutation ($r: ID!) { fileObjection(input: { recordId: $r, filedBy: "本人", reason: "非本人职责", filedOn: "2025-04-20" }) { id } }`), { r: entryId }, FILER)).fileObjection.id;
    const filed = (await server.ok(FILE, { input: objection({ commitmentId }) }, FILER)).fileFindingObjection;
    // Whoever entered the objection may not also uphold it unless ADMIN (hostile13 F5): test/security/clerk-backdates-objection-and-rejects.test.ts.
    await server.ok(DECIDE, { input: { objectionId: filed.id, decision: 'UPHELD', resolution: '经核实，系上级调整项目安排，不属履职不力', resolvedOn: '2025-05-01' } }, SECOND_CLERK);
    const revoked = await evaluate('AGENCY', agencyId, 'PERFORMANCE_REVIEW');
    expect(ruleIds(revoked)).not.toContain('ag-performance-breached-commitments');
    expect(revoked.explanation.zh).toContain('但该单位的异议经核实成立，认定已撤销（三(七)“经核实有误的信息应及时更正或撤销”）');
    expect(revoked.explanation.en).toContain("the unit's objection was upheld and the finding revoked");
    expect((await server.ok(FACTS, { id: agencyId, asOf: noon('2025-06-01') })).agency!.review).toMatchObject({ breached: 0, breachedDisputed: 0, breachedRevoked: 1, notCounted: [{ id: commitmentId, reason: 'FINDING_REVOKED' }] });
    // Found wrong, it counts on no day: a past as-of before the objection was filed does not count it either (lawyer14 W1).
    expect((await server.ok(FACTS, { id: agencyId, asOf: noon('2025-03-20') })).agency!.review).toMatchObject({ breached: 0, breachedRevoked: 1, notCounted: [{ id: commitmentId, reason: 'FINDING_REVOKED' }] });
    expect(await server.sql('select breach_finding_disputed, breach_finding_revoked_on::text as revoked from commitment where id = ?', [commitmentId])).toEqual([{ breach_finding_disputed: false, revoked: '2025-05-01' }]);
    // The answerable person's 四(四) entry rested on the finding alone: revoked with it, its history saying why.
    expect(await entry()).toEqual([{ status: 'REVOKED', category: 'COMMITMENT_DERELICTION' }]);
    const history = await server.sql(`select v.action, v.cause_id from credit_record_revision v join credit_record r on r.id = v.record_id where r.subject_id = ? order by v.created_at, v.action`, [servantId]);
    expect(history).toEqual([{ action: 'CREATED', cause_id: commitmentId }, { action: 'DISPUTED', cause_id: own }, { action: 'REVOKED', cause_id: filed.id }]);
    expect(await server.sql(`select status, remedy, resolved_on::text as resolved from objection where id = ?`, [own])).toEqual([{ status: 'UPHELD', remedy: 'REVOKE', resolved: '2025-05-01' }]);
    expect(await server.sql(`select action, outcome from audit_event where subject_id = ? and action = 'DECIDE_FINDING_OBJECTION'`, [servantId])).toEqual([{ action: 'DECIDE_FINDING_OBJECTION', outcome: 'file entry revoked with the finding' }]);
  });
});

describe('an agency objects to an absence finding (三(八), read by special governance)', () => {
  it('disputed, then upheld: no recommendation while disputed nor after the revocation', async () => {
    const agencyId = await createAgency(server, { kind: 'DEPARTMENT' });
    const caseId = await absentCase(agencyId);
    expect(ruleIds(await evaluate('AGENCY', agencyId, 'SPECIAL_GOVERNANCE'))).toEqual(['ag-special-governance-absence']);

    const filed = (await server.ok(FILE, { input: objection({ courtCaseId: caseId, filedOn: '2025-03-15' }) }, FILER)).fileFindingObjection;
    expect(filed).toMatchObject({ finding: 'COURT_ABSENCE', courtCaseId: caseId, commitmentId: null });
    expect(ruleIds(await evaluate('AGENCY', agencyId, 'SPECIAL_GOVERNANCE'))).toEqual([]);
    expect((await server.ok(FACTS, { id: agencyId, asOf: noon('2025-06-01') })).agency!.courtFacts).toEqual({
      headAbsences: 0, absencesDisputed: 1, absencesRevoked: 0, cases: [{ id: caseId, findingStanding: 'DISPUTED', headFailure: false }], notCounted: [{ id: caseId, reason: 'FINDING_DISPUTED' }],
    });

    await server.ok(DECIDE, { input: { objectionId: filed.id, decision: 'UPHELD', resolution: '负责人已依规委托出庭', resolvedOn: '2025-04-10' } }, SECOND_CLERK);
    const verdict = await evaluate('AGENCY', agencyId, 'SPECIAL_GOVERNANCE');
    expect(verdict.measures).toEqual([]);
    expect(verdict.explanation.zh).toContain('认定已撤销');
    expect((await server.ok(FACTS, { id: agencyId, asOf: noon('2025-06-01') })).agency!.courtFacts).toMatchObject({ headAbsences: 0, absencesRevoked: 1, cases: [{ findingStanding: 'REVOKED' }] });
    // Found wrong, it grounds nothing on any day: not before the filing either (lawyer14 W1).
    expect(ruleIds(await evaluate('AGENCY', agencyId, 'SPECIAL_GOVERNANCE', '2025-03-10'))).toEqual([]);
  });
});

describe('bad requests answer coded errors and change nothing', () => {
  it('refuses an unknown finding, a finding that is not against the unit, a date before the finding, a second pending objection, a decided or revoked one, and a role that does not record', async () => {
    const agencyId = await createAgency(server, { level: 'TOWNSHIP' });
    const commitmentId = await derelictCommitment(agencyId);
    const excused = await derelictCommitment(agencyId, 'LAWFUL_CHANGE');
    const caseId = await absentCase(agencyId);
    const pending = (await server.ok(FILE, { input: objection({ commitmentId }) }, FILER)).fileFindingObjection;
    const upheld = (await server.ok(FILE, { input: objection({ courtCaseId: caseId, filedOn: '2025-03-15' }) }, FILER)).fileFindingObjection;
    await server.ok(DECIDE, { input: { objectionId: upheld.id, decision: 'UPHELD', resolution: '已依规委托出庭', resolvedOn: '2025-04-10' } }, SECOND_CLERK);

    const counts = async () => ({
      objections: await server.sql(`select id, status, resolved_on::text as resolved from finding_objection where agency_id = ? order by id`, [agencyId]),
      findings: await server.sql(`select id, breach_finding_disputed as d, breach_finding_revoked_on::text as r from commitment where agency_id = ? order by id`, [agencyId]),
      cases: await server.sql(`select absence_finding_disputed as d, absence_finding_revoked_on::text as r from court_case where agency_id = ?`, [agencyId]),
      audit: await server.sql(`select count(*)::int as n from audit_event where subject_id = ? and action in ('FILE_FINDING_OBJECTION', 'DECIDE_FINDING_OBJECTION')`, [agencyId]),
    });
    const before = await counts();
    expect(before.objections).toHaveLength(2);

    const refused = async (document: typeof FILE | typeof DECIDE, input: object, code: string, field: string, as: object = CLERK) => {
      const answer = await server.query(document as typeof FILE, { input } as never, as as never);
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code, ...(field ? { field } : {}) });
      return answer.errors![0]!.message;
    };
    await refused(FILE, objection({ commitmentId: '018f0000-0000-7000-8000-000000000000' }), 'NOT_FOUND', 'commitmentId');
    expect(await refused(FILE, objection({ commitmentId: excused }), 'BAD_USER_INPUT', 'commitmentId')).toContain('no 履职不力 (DERELICTION) finding');
    await refused(FILE, objection({}), 'BAD_USER_INPUT', 'commitmentId');
    await refused(FILE, objection({ commitmentId, courtCaseId: caseId }), 'BAD_USER_INPUT', 'commitmentId');
    expect(await refused(FILE, objection({ commitmentId, filedOn: '2025-03-09' }), 'CONFLICT', 'commitmentId')).toContain('already has a pending objection');
    expect(await refused(FILE, objection({ courtCaseId: caseId, filedOn: '2025-05-01' }), 'CONFLICT', 'courtCaseId')).toContain('revoked on 2025-04-10');
    expect(await refused(DECIDE, { objectionId: upheld.id, decision: 'REJECTED', resolution: '再议', resolvedOn: '2025-05-01' }, 'CONFLICT', 'objectionId')).toContain('already decided (UPHELD)');
    await refused(DECIDE, { objectionId: pending.id, decision: 'REJECTED', resolution: '驳回', resolvedOn: '2025-03-31' }, 'BAD_USER_INPUT', 'resolvedOn');
    await refused(DECIDE, { objectionId: pending.id, decision: 'PENDING', resolution: '待定', resolvedOn: '2025-05-01' }, 'BAD_USER_INPUT', 'decision');
    await refused(DECIDE, { objectionId: '018f0000-0000-7000-8000-000000000000', decision: 'REJECTED', resolution: '驳回', resolvedOn: '2025-05-01' }, 'NOT_FOUND', 'objectionId');
    await refused(DECIDE, { objectionId: pending.id, decision: 'UPHELD', resolution: '成立', resolvedOn: '2025-05-01' }, 'FORBIDDEN', '', { role: 'INSPECTOR' });
    await refused(FILE, objection({ commitmentId }), 'FORBIDDEN', '', { role: 'OFFICER' });

    // A date before the finding, on a finding with no objection pending.
    const fresh = await derelictCommitment(agencyId);
    const withFresh = await counts();
    expect(await refused(FILE, objection({ commitmentId: fresh, filedOn: '2025-03-09' }), 'BAD_USER_INPUT', 'filedOn')).toContain('before the finding\'s day (foundOn) 2025-03-10');
    expect(await counts()).toEqual(withFresh);
    expect(withFresh.objections).toEqual(before.objections);
    expect(withFresh.audit).toEqual(before.audit);
    expect(withFresh.cases).toEqual(before.cases);
  });
});
