import { createAgency, createCivilServant, createRecord, findAbsence, uscc, type SubjectType } from '../support/factories';
import { evaluator } from '../support/evaluate';
import { serverPerFile } from '../support/server-per-file';
import { graphql } from '../support/graphql';

/**
 * Issue 11 through the real server: listed status and repair (四(一)), the rules clause by clause,
 * the sources of parameters and the boundary days of calendar periods and look-back windows.
 */
const EVALUATE = graphql(`mutation ($type: SubjectType!, $id: ID!, $matter: String!, $asOf: DateTime) {
  evaluate(subject: { type: $type, id: $id }, matter: $matter, asOf: $asOf) {
    id outcome score
    measures { ruleId effect mitigatedBy { byRule relief from to } }
    explanation {
      parameters { name value usedBy source { document clause decidedBy decidedOn text } }
      rules { ruleId fired effect evidence parameters { name value source { text } } conditions { path expected expectedParameter actual passed } }
      zh: summary(locale: "zh")
    }
  }
}`);
const LIST = graphql(`mutation ($input: ListSubjectInput!) { listSubject(input: $input) { id list listedOn removedOn } }`);
const REMOVE = graphql(`mutation ($input: RemoveFromListInput!) { removeFromList(input: $input) { id removedOn removedBy removalDocumentNumber } }`);

const server = serverPerFile();
const evaluate = evaluator(server, EVALUATE);

async function createEnterprise(fields: Record<string, unknown> = {}): Promise<string> {
  const result = await server.query(graphql(`mutation ($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { id } }`), {
    input: { uscc: uscc('91'), name: '鄂州市测试建设有限公司', ...fields },
  });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.createEnterprise.id;
}

async function list(subjectType: SubjectType, subjectId: string, fields: Record<string, unknown> = {}): Promise<string> {
  const result = await server.query(LIST, {
    input: { subjectType, subjectId, list: 'JUDGMENT_DEFAULTER', listedOn: '2025-01-10', listedBy: '湖北省鄂州市中级人民法院', documentNumber: '(2024)鄂07执88号', ...fields },
  });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.listSubject.id;
}

async function repair(recordId: string, decidedOn: string, relief: 'WAIVE' | 'LIGHTEN') {
  const requested = await server.ok(graphql(`mutation ($input: RequestCreditRepairInput!) { requestCreditRepair(input: $input) { id } }`), {
    input: { recordId, actions: ['RECOVERED_LOSS'], description: '已履行全部义务', appliedOn: '2025-03-01' },
  });
  const decided = await server.query(graphql(`mutation ($input: DecideCreditRepairInput!) { decideCreditRepair(input: $input) { status relief } }`), {
    input: { repairId: requested.requestCreditRepair.id, decision: 'APPROVED', decidedOn, relief },
  });
  if (decided.errors) throw new Error(JSON.stringify(decided.errors));
  return decided.data!.decideCreditRepair;
}

describe('四(一): a listed enterprise is restricted while listed', () => {
  it('is restricted from procurement while listed, and not from the day of its removal; the day before still shows the bar', async () => {
    const enterpriseId = await createEnterprise();
    const membershipId = await list('ENTERPRISE', enterpriseId);
    expect((await evaluate('ENTERPRISE', enterpriseId, 'PROCUREMENT', '2025-01-09')).outcome).toBe('ELIGIBLE');
    const listed = await evaluate('ENTERPRISE', enterpriseId, 'PROCUREMENT', '2025-01-10');
    expect(listed.outcome).toBe('RESTRICTED');
    // Beside its bid score (ungraded: 0 points, en-bid-score-ungraded), the bar.
    expect(listed.measures.filter((m) => m.effect !== 'SCORE')).toEqual([expect.objectContaining({ ruleId: 'en-bar-defaulters', effect: 'RESTRICT' })]);
    expect(listed.explanation.rules.find((r) => r.ruleId === 'en-bar-defaulters')!.evidence).toEqual([
      expect.objectContaining({ id: membershipId, list: 'JUDGMENT_DEFAULTER', listedOn: '2025-01-10', documentNumber: '(2024)鄂07执88号', listed: true }),
    ]);

    const removed = await server.query(REMOVE, { input: { membershipId, removedOn: '2025-06-01', removedBy: '湖北省鄂州市中级人民法院', documentNumber: '(2024)鄂07执88号之一' } });
    expect(removed.errors).toBeUndefined();
    expect((await evaluate('ENTERPRISE', enterpriseId, 'PROCUREMENT', '2025-05-31')).outcome).toBe('RESTRICTED');
    expect((await evaluate('ENTERPRISE', enterpriseId, 'BIDDING', '2025-06-01')).outcome).toBe('ELIGIBLE');

    // The listing stays, with its removal; it is never deleted.
    const history = await server.ok(graphql(`query ($id: ID!) { enterprise(id: $id) { listMemberships { id listedOn removedOn removedBy removalDocumentNumber } } }`), { id: enterpriseId });
    expect(history.enterprise!.listMemberships).toEqual([
      { id: membershipId, listedOn: '2025-01-10', removedOn: '2025-06-01', removedBy: '湖北省鄂州市中级人民法院', removalDocumentNumber: '(2024)鄂07执88号之一' },
    ]);
  });

  it('stays restricted after a repair of the record behind the listing: only the listing authority ends it (lawyer8 W3)', async () => {
    const enterpriseId = await createEnterprise();
    const recordId = await createRecord(server, 'ENTERPRISE', enterpriseId, { category: 'SERIOUS_ILLEGAL_DISHONEST', severity: 'SEVERE', occurredOn: '2024-11-01', recordedOn: '2024-12-01', decidedOn: '2024-11-20' });
    await list('ENTERPRISE', enterpriseId, { list: 'SERIOUS_ILLEGAL_DISHONEST', listedOn: '2024-11-20', listedBy: '鄂州市市场监督管理局', documentNumber: '鄂州市监〔2024〕7号', recordId });
    expect((await evaluate('ENTERPRISE', enterpriseId, 'PROCUREMENT', '2025-03-01')).outcome).toBe('RESTRICTED');
    expect(await repair(recordId, '2025-04-15', 'WAIVE')).toEqual({ status: 'APPROVED', relief: 'WAIVE' });
    expect((await evaluate('ENTERPRISE', enterpriseId, 'PROCUREMENT', '2025-04-14')).outcome).toBe('RESTRICTED');
    const after = await evaluate('ENTERPRISE', enterpriseId, 'PROCUREMENT', '2025-04-15');
    expect(after.outcome).toBe('RESTRICTED');
    const facts = await server.ok(graphql(`query ($id: ID!) { enterprise(id: $id) { listings(asOf: "2025-04-15T12:00:00+08:00") { seriousIllegalDishonest memberships { listed endedBy recordRepairedOn } } credit(asOf: "2025-04-15T12:00:00+08:00") { seriousIllegalDishonest repaired records { id repaired } } } }`), { id: enterpriseId });
    expect(facts.enterprise).toEqual({
      listings: { seriousIllegalDishonest: true, memberships: [{ listed: true, endedBy: null, recordRepairedOn: '2025-04-15' }] },
      credit: { seriousIllegalDishonest: false, repaired: 1, records: [{ id: recordId, repaired: true }] },
    });
  });

  it('refuses a second open listing and a second removal, changing nothing, and audits each listing', async () => {
    const enterpriseId = await createEnterprise();
    const membershipId = await list('ENTERPRISE', enterpriseId);
    const count = async () => (await server.sql<{ n: number }>('select count(*)::int as n from list_membership where subject_id = ?', [enterpriseId]))[0].n;
    const again = await server.query(LIST, { input: { subjectType: 'ENTERPRISE', subjectId: enterpriseId, list: 'JUDGMENT_DEFAULTER', listedOn: '2025-02-01', listedBy: '湖北省鄂州市中级人民法院', documentNumber: '(2025)鄂07执99号' } });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'list' });
    expect(await count()).toBe(1);
    const early = await server.query(REMOVE, { input: { membershipId, removedOn: '2025-01-01', removedBy: '湖北省鄂州市中级人民法院', documentNumber: '(2024)鄂07执88号之一' } });
    expect(early.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'removedOn' });
    await server.query(REMOVE, { input: { membershipId, removedOn: '2025-02-01', removedBy: '湖北省鄂州市中级人民法院', documentNumber: '(2024)鄂07执88号之一' } });
    const twice = await server.query(REMOVE, { input: { membershipId, removedOn: '2025-03-01', removedBy: '湖北省鄂州市中级人民法院', documentNumber: '(2024)鄂07执88号之二' } });
    expect(twice.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'membershipId' });
    expect(await server.sql('select removed_on::text as "removedOn", removal_document_number as doc from list_membership where id = ?', [membershipId])).toEqual([{ removedOn: '2025-02-01', doc: '(2024)鄂07执88号之一' }]);
    const audit = await server.sql('select action, outcome from audit_event where subject_id = ? order by created_at', [enterpriseId]);
    expect(audit).toEqual(expect.arrayContaining([{ action: 'LIST_SUBJECT', outcome: 'JUDGMENT_DEFAULTER' }, { action: 'REMOVE_FROM_LIST', outcome: 'removed JUDGMENT_DEFAULTER' }]));
    const clerkOnly = await server.query(LIST, { input: { subjectType: 'ENTERPRISE', subjectId: enterpriseId, list: 'SERIOUS_ILLEGAL_DISHONEST', listedOn: '2025-02-01', listedBy: '法院', documentNumber: 'x' } }, { role: 'OFFICER' });
    expect(clerkOnly.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await count()).toBe(1);
    await expect(server.sql('delete from list_membership where id = ?', [membershipId])).rejects.toThrow();
    expect(await count()).toBe(1);
  });
});

describe('records and repairs', () => {
  it('a record shows the day it was decided, which defaults to the day it was recorded', async () => {
    const servantId = await createCivilServant(server, await createAgency(server));
    const given = await createRecord(server, 'CIVIL_SERVANT', servantId, { occurredOn: '2025-01-05', decidedOn: '2025-01-20', recordedOn: '2025-02-01' });
    const defaulted = await createRecord(server, 'CIVIL_SERVANT', servantId, { occurredOn: '2025-01-05', recordedOn: '2025-02-01' });
    const READ = graphql(`query ($id: ID!) { creditRecord(id: $id) { decidedOn recordedOn } }`);
    expect((await server.ok(READ, { id: given })).creditRecord).toEqual({ decidedOn: '2025-01-20', recordedOn: '2025-02-01' });
    expect((await server.ok(READ, { id: defaulted })).creditRecord).toEqual({ decidedOn: '2025-02-01', recordedOn: '2025-02-01' });
    const early = await server.query(graphql(`mutation ($input: CreateCreditRecordInput!) { createCreditRecord(input: $input) { id } }`), {
      input: { subjectType: 'CIVIL_SERVANT', subjectId: servantId, kind: 'DISHONEST', category: 'BREACH_OF_CONTRACT', severity: 'GENERAL', summary: '测试', occurredOn: '2025-01-05', decidedOn: '2025-01-04', recordedOn: '2025-02-01', sourceDepartment: '某局', documentNumber: '某号' },
    });
    expect(early.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'decidedOn' });
    expect(await server.sql('select count(*)::int as n from credit_record where subject_id = ?', [servantId])).toEqual([{ n: 2 }]);
  });

  it('refuses to lighten (从轻) the record of an enterprise, changing nothing: 三(七) lightens for civil servants only', async () => {
    const enterpriseId = await createEnterprise();
    const recordId = await createRecord(server, 'ENTERPRISE', enterpriseId);
    const requested = await server.ok(graphql(`mutation ($input: RequestCreditRepairInput!) { requestCreditRepair(input: $input) { id } }`), {
      input: { recordId, actions: ['RECOVERED_LOSS'], description: '已退赔', appliedOn: '2025-03-01' },
    });
    const repairId = requested.requestCreditRepair.id;
    const refused = await server.query(graphql(`mutation ($input: DecideCreditRepairInput!) { decideCreditRepair(input: $input) { status } }`), {
      input: { repairId, decision: 'APPROVED', decidedOn: '2025-03-10', relief: 'LIGHTEN' },
    });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'relief' });
    // law14a R8: the refusal says why this is law, not a setting — the clause's own words, in both languages — and what to do.
    expect(refused.errors?.[0].message).toContain('三(七)“公务员在政务失信行为发生后主动挽回损失、消除不良影响或者有效阻止危害结果发生的,可从轻或免于实施失信惩戒措施”只及公务员');
    expect(refused.errors?.[0].message).toContain('no clause of the document lightens for an agency or an enterprise');
    // lawyer24 W2: only a waiver can be recorded; a different decision goes back to the body, never re-recorded as WAIVE.
    expect(refused.errors?.[0].message).toContain('批准机关作出的是从轻或其他不同决定的，本系统不代为改登为免于：请将该决定退回作出决定的机关');
    expect(refused.errors?.[0].message).toContain('only a waiver (WAIVE, ending the record\'s effect on measures from the approval day) can be recorded here; a lightening or any other decision is not recorded as a waiver instead: return it to the body that decided it');
    expect(refused.errors?.[0].message).not.toMatch(/请以 WAIVE|批准或写明|approve or state the relief as WAIVE/);
    expect(await server.sql('select status, relief, decided_on from credit_repair where id = ?', [repairId])).toEqual([{ status: 'PENDING', relief: null, decided_on: null }]);
    // WAIVE is accepted and ends the record's effect from the approval day; the record stays, marked repaired.
    await server.ok(graphql(`mutation ($input: DecideCreditRepairInput!) { decideCreditRepair(input: $input) { status } }`), { input: { repairId, decision: 'APPROVED', decidedOn: '2025-03-10', relief: 'WAIVE' } });
    const FACTS = graphql(`query ($id: ID!, $asOf: DateTime!) { enterprise(id: $id) { credit(asOf: $asOf) { unrepaired repaired records { id repaired repairApprovedOn } } } }`);
    expect((await server.ok(FACTS, { id: enterpriseId, asOf: '2025-03-09T12:00:00+08:00' })).enterprise!.credit).toMatchObject({ unrepaired: 1, repaired: 0 });
    expect((await server.ok(FACTS, { id: enterpriseId, asOf: '2025-03-10T12:00:00+08:00' })).enterprise!.credit).toEqual({ unrepaired: 0, repaired: 1, records: [{ id: recordId, repaired: true, repairApprovedOn: '2025-03-10' }] });
  });
});

describe('三(六) and 三(四): civil servants', () => {
  it('an unrepaired record restricts a civil servant in awards and cautions in promotion; awards also weigh it as promotion does (三(四))', async () => {
    const servantId = await createCivilServant(server, await createAgency(server));
    await createRecord(server, 'CIVIL_SERVANT', servantId, { occurredOn: '2025-03-01', recordedOn: '2025-03-20' });
    const award = await evaluate('CIVIL_SERVANT', servantId, 'AWARD', '2025-06-01');
    expect(award.outcome).toBe('RESTRICTED');
    expect(award.measures).toEqual([
      expect.objectContaining({ ruleId: 'cs-award-restrict', effect: 'RESTRICT' }),
      expect.objectContaining({ ruleId: 'cs-award-caution', effect: 'CAUTION' }),
    ]);
    const promotion = await evaluate('CIVIL_SERVANT', servantId, 'PROMOTION', '2025-06-01');
    expect(promotion.outcome).toBe('CAUTION');
    expect(promotion.measures).toEqual([expect.objectContaining({ ruleId: 'cs-promotion-caution', effect: 'CAUTION' })]);
  });

  it("a principal found responsible for the agency's government dishonesty is cautioned in promotion, with the finding as evidence; a clerk of the agency is not", async () => {
    const agencyId = await createAgency(server);
    const principalId = await createCivilServant(server, agencyId, { post: '局长', rank: '一级调研员', leadingCadre: true, principal: true, principalSince: '2024-01-01' });
    const clerkId = await createCivilServant(server, agencyId);
    await createRecord(server, 'AGENCY', agencyId, { occurredOn: '2025-02-01', recordedOn: '2025-02-20' });
    const recordId = await createRecord(server, 'CIVIL_SERVANT', principalId, { category: 'PRINCIPAL_RESPONSIBILITY', severity: 'MAJOR', summary: '经认定对该局违约毁约负有主要负责人责任', sourceDepartment: '鄂州市监察委员会', documentNumber: '鄂州纪〔2025〕3号', loss: null, occurredOn: '2025-02-01', recordedOn: '2025-02-20' });
    const principal = await evaluate('CIVIL_SERVANT', principalId, 'PROMOTION', '2025-06-01');
    expect(principal.outcome).toBe('CAUTION');
    const rule = principal.explanation.rules.find((r) => r.ruleId === 'cs-principal-agency-dishonesty');
    expect(rule).toMatchObject({ fired: true, evidence: [expect.objectContaining({ id: recordId })] });
    expect((await evaluate('CIVIL_SERVANT', clerkId, 'PROMOTION', '2025-06-01')).outcome).toBe('ELIGIBLE');
  });
});

describe('三(六): agencies in honour selection, graded by loss and impact', () => {
  it('one general record cautions, a major record or a loss above the threshold disqualifies, a disputed record alone does not', async () => {
    const general = await createAgency(server);
    await createRecord(server, 'AGENCY', general, { severity: 'GENERAL', loss: 50000, occurredOn: '2025-02-01', recordedOn: '2025-02-20' });
    const cautioned = await evaluate('AGENCY', general, 'HONOUR', '2025-06-01');
    expect(cautioned.outcome).toBe('CAUTION');
    expect(cautioned.measures.map((m) => m.ruleId)).toEqual(['ag-honour-caution']);

    const major = await createAgency(server);
    await createRecord(server, 'AGENCY', major, { severity: 'MAJOR', occurredOn: '2025-02-01', recordedOn: '2025-02-20' });
    expect((await evaluate('AGENCY', major, 'HONOUR', '2025-06-01')).outcome).toBe('DISQUALIFIED');

    const costly = await createAgency(server);
    await createRecord(server, 'AGENCY', costly, { severity: 'GENERAL', loss: 2500000, occurredOn: '2025-02-01', recordedOn: '2025-02-20' });
    const disqualified = await evaluate('AGENCY', costly, 'HONOUR', '2025-06-01');
    expect(disqualified.outcome).toBe('DISQUALIFIED');
    const loss = disqualified.explanation.rules.find((r) => r.ruleId === 'ag-honour-disqualify')!.conditions.find((c) => c.path === '$.credit.largestUndisputedLoss');
    expect(loss).toEqual({ path: '$.credit.largestUndisputedLoss', expected: 1000000, expectedParameter: 'honourLossThreshold', actual: 2500000, passed: true });

    // N4: the evidence names the records that disqualify — the costly one and a major one — not a general record of small loss beside them.
    const mixed = await createAgency(server);
    const costlyRecord = await createRecord(server, 'AGENCY', mixed, { severity: 'GENERAL', loss: 2500000, occurredOn: '2025-02-01', recordedOn: '2025-02-20' });
    const majorRecord = await createRecord(server, 'AGENCY', mixed, { severity: 'MAJOR', loss: null, occurredOn: '2025-02-02', recordedOn: '2025-02-21' });
    await createRecord(server, 'AGENCY', mixed, { severity: 'GENERAL', loss: 30000, occurredOn: '2025-02-03', recordedOn: '2025-02-22' });
    const named = (await evaluate('AGENCY', mixed, 'HONOUR', '2025-06-01')).explanation.rules.find((r) => r.ruleId === 'ag-honour-disqualify')!;
    expect((named.evidence as { id: string }[]).map((r) => r.id).sort()).toEqual([costlyRecord, majorRecord].sort());

    const disputed = await createAgency(server);
    const recordId = await createRecord(server, 'AGENCY', disputed, { severity: 'SEVERE', occurredOn: '2025-02-01', recordedOn: '2025-02-20' });
    await server.query(graphql(`mutation ($input: FileObjectionInput!) { fileObjection(input: $input) { id } }`), { input: { recordId, filedBy: '本单位', reason: '认定事实有误', filedOn: '2025-03-01' } });
    expect((await evaluate('AGENCY', disputed, 'HONOUR', '2025-06-01')).outcome).toBe('CAUTION');
  });
});

describe('三(八): special governance', () => {
  it('counts only administrative cases whose head was absent without an entrusted representative and a valid reason; the defaulter flag comes from the list', async () => {
    const agencyId = await createAgency(server);
    const CASE = graphql(`mutation ($input: CreateCourtCaseInput!) { createCourtCase(input: $input) { id } }`);
    const UPDATE = graphql(`mutation ($id: ID!, $input: UpdateCourtCaseInput!) { updateCourtCase(id: $id, input: $input) { id } }`);
    await server.query(CASE, { input: { agencyId, caseNumber: '(2025)鄂07民初5号', court: '鄂州市中级人民法院', filedOn: '2025-02-01', kind: 'CIVIL', headAppeared: false } });
    const excused = await server.ok(CASE, { input: { agencyId, caseNumber: '(2025)鄂07行初6号', court: '鄂州市中级人民法院', filedOn: '2025-02-01', kind: 'ADMINISTRATIVE', headAppeared: false } });
    const absent = await server.query(UPDATE, { id: excused.createCourtCase.id, input: { entrustedRepresentative: '王副局长', validAbsenceReason: '出席全市防汛紧急会议' } });
    expect(absent.errors).toBeUndefined();
    await findAbsence(server, excused.createCourtCase.id, '2025-03-01', { finding: 'EXCUSED' });
    expect((await evaluate('AGENCY', agencyId, 'SPECIAL_GOVERNANCE', '2025-06-01')).outcome).toBe('ELIGIBLE');

    await list('AGENCY', agencyId, { listedOn: '2025-05-01' });
    const listed = await evaluate('AGENCY', agencyId, 'SPECIAL_GOVERNANCE', '2025-06-01');
    expect(listed.outcome).toBe('CAUTION');
    expect(listed.measures).toEqual([expect.objectContaining({ ruleId: 'ag-special-governance' })]);
  });
});

describe('四(四) and 四(五): commitments', () => {
  it("a breach found to be 履职不力 counts and enters the integrity file of the person the finding names as answerable; a lawful change does not count", async () => {
    const agencyId = await createAgency(server, { level: 'TOWNSHIP', name: '鄂州市测试镇人民政府' });
    const cadreId = await createCivilServant(server, agencyId, { post: '镇长', rank: '一级主任科员', leadingCadre: true });
    const CREATE = graphql(`mutation ($input: CreateCommitmentInput!) { createCommitment(input: $input) { id } }`);
    const SETTLE = graphql(`mutation ($input: SettleCommitmentInput!) { settleCommitment(input: $input) { breachFinding } }`);
    const promise = (content: string) => server.query(CREATE, { input: { agencyId, responsiblePersonId: cadreId, kind: 'DEADLINE', domain: 'LIVELIHOOD', publiclyDisclosed: true, content, publishedOn: '2025-01-01', dueOn: '2025-03-01' } });
    const changed = await promise('道路改造按期完工');
    await server.query(SETTLE, { input: { commitmentId: changed.data!.createCommitment.id, status: 'BREACHED', settledOn: '2025-03-10', breachFinding: 'LAWFUL_CHANGE' } });
    expect((await evaluate('AGENCY', agencyId, 'PERFORMANCE_REVIEW', '2025-06-01')).score).toBe(0);

    const failed = await promise('养老服务站按期开放');
    const answerable = { answerablePersonIds: [cadreId], answerableSeverity: 'GENERAL' as const };
    const refused = await server.query(SETTLE, { input: { commitmentId: failed.data!.createCommitment.id, status: 'BREACHED', settledOn: '2025-03-10', breachFinding: 'DERELICTION', ...answerable } });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'settlementDocument' });
    const settled = await server.query(SETTLE, { input: { commitmentId: failed.data!.createCommitment.id, status: 'BREACHED', settledOn: '2025-03-10', breachFinding: 'DERELICTION', settlementDocument: '鄂州督〔2025〕3号', foundBy: '鄂州市人民政府督查室', ...answerable } });
    expect(settled.errors).toBeUndefined();
    const review = await evaluate('AGENCY', agencyId, 'PERFORMANCE_REVIEW', '2025-06-01');
    expect(review.score).toBe(-5);
    expect(review.measures).toEqual([expect.objectContaining({ ruleId: 'ag-performance-breached-commitments' })]);
    const file = await server.sql('select category, severity, decided_on::text as "decidedOn", document_number as doc, source_department as dept from credit_record where subject_id = ?', [cadreId]);
    expect(file).toEqual([{ category: 'COMMITMENT_DERELICTION', severity: 'GENERAL', decidedOn: '2025-03-10', doc: '鄂州督〔2025〕3号', dept: '鄂州市人民政府督查室' }]);
    expect((await evaluate('CIVIL_SERVANT', cadreId, 'PROMOTION', '2025-06-01')).measures.map((m) => m.ruleId).sort()).toEqual(['cs-cadre-breached-commitment']);
  });
});

describe('dated, sourced parameters', () => {
  it("an explanation shows each parameter's value and source, beside the rules that read it", async () => {
    const enterpriseId = await createEnterprise({ creditGrade: 'B', gradedOn: '2025-01-01' });
    const verdict = await evaluate('ENTERPRISE', enterpriseId, 'BIDDING', '2025-06-01');
    expect(verdict.score).toBe(3);
    const byName = Object.fromEntries(verdict.explanation.parameters.map((p) => [p.name, p]));
    expect(byName.countsFor).toMatchObject({ value: { general: 'P1Y', major: 'P2Y', severe: 'P3Y' }, usedBy: ['facts'], source: { document: null, decidedBy: '市发展改革委、市人社局（三(六)牵头单位）；市人社局、市委组织部、市委党校（三(四)牵头单位）；市发展改革委、人行鄂州中心支行（三(七)牵头单位）；市政府办公室,各区人民政府、开发区管委会,各街道办事处（四(四)牵头单位）；市公共资源交易监管局、市财政局、市政府采购中心、市发展改革委（四(一)牵头单位）', decidedOn: null } });
    expect(byName['gradePoints.B']).toMatchObject({ value: 3, usedBy: ['en-bid-score-credit-grade'], source: { document: '鄂州政发〔2018〕17号', clause: '四(一)', decidedBy: '市公共资源交易监管局、市财政局、市政府采购中心、市发展改革委（四(一)牵头单位）' } });
    const scoring = verdict.explanation.rules.find((r) => r.ruleId === 'en-bid-score-credit-grade');
    expect(scoring!.parameters).toEqual([{ name: 'gradePoints.B', value: 3, source: { text: '鄂州政发〔2018〕17号 四(一)；本地选择 local choice：市公共资源交易监管局、市财政局、市政府采购中心、市发展改革委（四(一)牵头单位），拟定，待有权机关确认 proposed, awaiting confirmation by the deciding body' } }]);
    expect(verdict.explanation.zh).toContain('参数 gradePoints.B = 3（来源：鄂州政发〔2018〕17号 四(一)；本地选择 local choice：市公共资源交易监管局、市财政局、市政府采购中心、市发展改革委（四(一)牵头单位），拟定，待有权机关确认 proposed, awaiting confirmation by the deciding body）');
  });
});

describe('boundary days of calendar periods and look-back windows', () => {
  it('a general record counts from the day it was decided through the day before the anniversary (lawyer20 N1), and never before it was decided', async () => {
    const servantId = await createCivilServant(server, await createAgency(server));
    await createRecord(server, 'CIVIL_SERVANT', servantId, { severity: 'GENERAL', occurredOn: '2024-01-15', decidedOn: '2024-03-10', recordedOn: '2024-03-20' });
    expect((await evaluate('CIVIL_SERVANT', servantId, 'AWARD', '2024-03-09')).outcome).toBe('ELIGIBLE');
    expect((await evaluate('CIVIL_SERVANT', servantId, 'AWARD', '2024-03-10')).outcome).toBe('RESTRICTED');
    expect((await evaluate('CIVIL_SERVANT', servantId, 'AWARD', '2025-03-09')).outcome).toBe('RESTRICTED');
    expect((await evaluate('CIVIL_SERVANT', servantId, 'AWARD', '2025-03-10')).outcome).toBe('ELIGIBLE');
  });

  // law23 N4: the month's last day is the anniversary (民法典 art. 202), so the period ends the day before it and
  // has the Civil Code's 365 days, not 366.
  it('with no corresponding day the month\'s last day is the anniversary: decided 2024-02-29, a general record counts through 2025-02-27', async () => {
    const servantId = await createCivilServant(server, await createAgency(server));
    await createRecord(server, 'CIVIL_SERVANT', servantId, { severity: 'GENERAL', occurredOn: '2024-01-15', decidedOn: '2024-02-29', recordedOn: '2024-03-05' });
    expect((await evaluate('CIVIL_SERVANT', servantId, 'AWARD', '2025-02-27')).outcome).toBe('RESTRICTED');
    expect((await evaluate('CIVIL_SERVANT', servantId, 'AWARD', '2025-02-28')).outcome).toBe('ELIGIBLE');
  });

  it('law23 N4: a minor record decided on a month end (2024-01-31, three months) counts through 2024-04-29, not on April 30', async () => {
    const servantId = await createCivilServant(server, await createAgency(server));
    await createRecord(server, 'CIVIL_SERVANT', servantId, { severity: 'MINOR', occurredOn: '2024-01-20', decidedOn: '2024-01-31', recordedOn: '2024-02-01' });
    expect((await evaluate('CIVIL_SERVANT', servantId, 'AWARD', '2024-04-29')).outcome).toBe('RESTRICTED');
    expect((await evaluate('CIVIL_SERVANT', servantId, 'AWARD', '2024-04-30')).outcome).toBe('ELIGIBLE');
  });

  it('a severe record counts three years, not five', async () => {
    const servantId = await createCivilServant(server, await createAgency(server));
    await createRecord(server, 'CIVIL_SERVANT', servantId, { severity: 'SEVERE', occurredOn: '2021-05-01', decidedOn: '2021-06-01', recordedOn: '2021-06-05' });
    expect((await evaluate('CIVIL_SERVANT', servantId, 'AWARD', '2024-05-31')).outcome).toBe('RESTRICTED');
    expect((await evaluate('CIVIL_SERVANT', servantId, 'AWARD', '2024-06-01')).outcome).toBe('ELIGIBLE');
  });

  it('a breach counts for two calendar years from its settlement (one review year in a performance review), and an administrative absence for two years from filing', async () => {
    const agencyId = await createAgency(server, { level: 'STREET', name: '鄂州市测试街道办事处' });
    const created = await server.ok(graphql(`mutation ($input: CreateCommitmentInput!) { createCommitment(input: $input) { id } }`), {
      input: { agencyId, kind: 'DEADLINE', domain: 'INFRASTRUCTURE', publiclyDisclosed: true, content: '老旧小区改造按期完工', publishedOn: '2023-01-01', dueOn: '2024-03-01' },
    });
    await server.query(graphql(`mutation ($input: SettleCommitmentInput!) { settleCommitment(input: $input) { id } }`), {
      input: { commitmentId: created.createCommitment.id, status: 'BREACHED', settledOn: '2024-03-10', breachFinding: 'DERELICTION' },
    });
    // The look-back window (commitmentWithin), as the integrity-title caution reads it.
    expect((await evaluate('AGENCY', agencyId, 'INTEGRITY_TITLE', '2026-03-09')).outcome).toBe('CAUTION');
    expect((await evaluate('AGENCY', agencyId, 'INTEGRITY_TITLE', '2026-03-10')).outcome).toBe('ELIGIBLE');
    // A performance review counts it in the review year of its finding only (reviewYearStartsOn, lawyer5 R3).
    expect((await evaluate('AGENCY', agencyId, 'PERFORMANCE_REVIEW', '2024-12-31')).score).toBe(-5);
    expect((await evaluate('AGENCY', agencyId, 'PERFORMANCE_REVIEW', '2025-01-01')).score).toBe(0);

    const heard = await server.ok(graphql(`mutation ($input: CreateCourtCaseInput!) { createCourtCase(input: $input) { id } }`), {
      input: { agencyId, caseNumber: '(2024)鄂0702行初31号', court: '鄂州市鄂城区人民法院', filedOn: '2024-03-10', kind: 'ADMINISTRATIVE', headAppeared: false },
    });
    await findAbsence(server, heard.createCourtCase.id, '2024-03-10');
    expect((await evaluate('AGENCY', agencyId, 'SPECIAL_GOVERNANCE', '2026-03-09')).outcome).toBe('CAUTION');
    expect((await evaluate('AGENCY', agencyId, 'SPECIAL_GOVERNANCE', '2026-03-10')).outcome).toBe('ELIGIBLE');
  });
});
