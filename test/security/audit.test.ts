import { chinaToday } from '../../src/domain/day';
import { createAgency, createCivilServant, createRecord, idCardNumber, uscc } from '../support/factories';
import { graphql } from '../support/graphql';
import { auditedMutation, type AuditedMutation } from '../support/audited-mutation';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const AUDIT = graphql(`query ($s: ID, $actor: String) { auditEvents(first: 50, filter: { subjectId: $s, actor: $actor }) { totalCount edges { node { actor role action subjectType subjectId targetId outcome createdAt } } } }`);

/** The audit rows an inspector reads for one actor, without their time. */
async function rowsOf(actor: string) {
  const trail = await server.ok(AUDIT, { actor }, { role: 'INSPECTOR' });
  return trail.auditEvents.edges.map(({ node: { createdAt, ...row } }) => row);
}

/** Documents the cases share: one sends it as the caller, others send it as ADMIN to make what they need. */
const CREATE_ENTERPRISE = graphql(`mutation ($u: String!) { createEnterprise(input: { uscc: $u, name: "鄂州市审计建设有限公司" }) { id } }`);
const FILE_OBJECTION = graphql(`mutation ($r: ID!) { fileObjection(input: { recordId: $r, filedBy: "本单位", reason: "金额有误", filedOn: "2023-04-01" }) { id } }`);
const REQUEST_REPAIR = graphql(`mutation ($r: ID!) { requestCreditRepair(input: { recordId: $r, actions: [RECOVERED_LOSS], description: "已履行全部义务", appliedOn: "2025-03-01" }) { id } }`);
const APPROVE_REPAIR = graphql(`mutation ($r: ID!) { decideCreditRepair(input: { repairId: $r, decision: APPROVED, relief: WAIVE, decidedOn: "2025-05-01" }) { status } }`);
const CREATE_COMMITMENT = graphql(`mutation ($a: ID!) { createCommitment(input: { agencyId: $a, kind: DEADLINE, domain: PUBLIC_SERVICE, publiclyDisclosed: true, content: "三十日内办结", publishedOn: "2025-01-01", dueOn: "2025-02-01" }) { id } }`);
const CREATE_COURT_CASE = graphql(`mutation ($a: ID!, $n: String!) { createCourtCase(input: { agencyId: $a, caseNumber: $n, court: "鄂州市中级人民法院", filedOn: "2025-01-10", kind: ADMINISTRATIVE }) { id } }`);
const LIST_SUBJECT = graphql(`mutation ($e: ID!) { listSubject(input: { subjectType: ENTERPRISE, subjectId: $e, list: JUDGMENT_DEFAULTER, listedOn: "2025-01-10", listedBy: "湖北省鄂州市中级人民法院", documentNumber: "(2024)鄂07执88号" }) { id } }`);
const EVALUATE = graphql(`mutation ($s: ID!) { evaluate(subject: { type: CIVIL_SERVANT, id: $s }, matter: "AWARD", asOf: "2025-06-01T00:00:00+08:00") { id outcome } }`);

const enterprise = async () => (await server.ok(CREATE_ENTERPRISE, { u: uscc('91') })).createEnterprise.id;
async function agencyRecord(): Promise<{ subjectId: string; r: string }> {
  const subjectId = await createAgency(server);
  return { subjectId, r: await createRecord(server, 'AGENCY', subjectId) };
}
/** A record of an agency with a pending repair request. */
async function pendingRepair(): Promise<{ subjectId: string; recordId: string; r: string }> {
  const { subjectId, r: recordId } = await agencyRecord();
  return { subjectId, recordId, r: (await server.ok(REQUEST_REPAIR, { r: recordId })).requestCreditRepair.id };
}
async function agencyCommitment(): Promise<{ agencyId: string; c: string }> {
  const agencyId = await createAgency(server);
  return { agencyId, c: (await server.ok(CREATE_COMMITMENT, { a: agencyId })).createCommitment.id };
}
let cases = 0;
const caseNumber = () => `(2025)鄂07行初${++cases}号`;
async function agencyCourtCase(): Promise<{ agencyId: string; id: string }> {
  const agencyId = await createAgency(server);
  return { agencyId, id: (await server.ok(CREATE_COURT_CASE, { a: agencyId, n: caseNumber() })).createCourtCase.id };
}
/** A court case whose head's absence was found without valid reason (三(八)). */
async function absenceFound(): Promise<{ agencyId: string; id: string }> {
  const courtCase = await agencyCourtCase();
  await server.ok(graphql(`mutation ($id: ID!) { updateCourtCase(id: $id, input: { headAppeared: false, hearingOn: "2025-02-01" }) { id } }`), { id: courtCase.id });
  await server.ok(graphql(`mutation ($id: ID!) { recordAbsenceFinding(input: { courtCaseId: $id, finding: UNEXCUSED, foundOn: "2025-03-01", foundBy: "鄂州市人民政府办公室", document: "鄂州政办函〔2025〕7号" }) { id } }`), { id: courtCase.id });
  return courtCase;
}
async function listedEnterprise(): Promise<{ id: string; m: string }> {
  const id = await enterprise();
  return { id, m: (await server.ok(LIST_SUBJECT, { e: id })).listSubject.id };
}
async function servantWithRecord(): Promise<{ s: string }> {
  const s = await createCivilServant(server, await createAgency(server));
  await createRecord(server, 'CIVIL_SERVANT', s, { occurredOn: '2025-03-01', recordedOn: '2025-03-20' });
  return { s };
}

/**
 * Every mutation of the API, performed for real by a caller of its own (`sub` = audit.<mutation>),
 * with the one row the audit trail must then hold for that caller (test/support/audited-mutation.ts):
 * what it needs is made beforehand as ADMIN, so the caller's only row is the mutation's own.
 */
const MUTATIONS: AuditedMutation[] = [
  auditedMutation({
    role: 'CLERK',
    document: graphql(`mutation ($u: String!) { createAgency(input: { uscc: $u, name: "审计局", level: CITY, kind: DEPARTMENT }) { id } }`),
    given: async () => ({ u: uscc() }),
    row: (_, d) => ({ action: 'REGISTER_SUBJECT', subjectType: 'AGENCY', subjectId: d.createAgency.id, outcome: 'registered' }),
  }),
  auditedMutation({
    role: 'CLERK',
    document: graphql(`mutation ($id: ID!) { updateAgency(id: $id, input: { name: "审计局（更名）" }) { name } }`),
    given: async () => ({ id: await createAgency(server) }),
    row: (g) => ({ action: 'UPDATE_SUBJECT', subjectType: 'AGENCY', subjectId: g.id, outcome: 'updated name: "鄂州市测试局" → "审计局（更名）"' }),
  }),
  auditedMutation({
    role: 'OFFICER',
    document: graphql(`mutation ($id: ID!) { confirmAgencyKind(id: $id, kind: OTHER) { kind } }`),
    given: async () => ({ id: await createAgency(server) }),
    row: (g) => ({ action: 'CONFIRM_AGENCY_KIND', subjectType: 'AGENCY', subjectId: g.id, outcome: 'kind DEPARTMENT → OTHER (confirmed)' }),
  }),
  auditedMutation({
    role: 'ADMIN',
    document: graphql(`mutation ($a: ID!, $n: String!) { createCivilServant(input: { idCardNumber: $n, name: "审计员", agencyId: $a, post: "科员", rank: "一级科员" }) { id } }`),
    given: async () => ({ a: await createAgency(server), n: idCardNumber() }),
    row: (_, d) => ({ action: 'REGISTER_SUBJECT', subjectType: 'CIVIL_SERVANT', subjectId: d.createCivilServant.id, outcome: 'registered' }),
  }),
  auditedMutation({
    role: 'CLERK',
    document: graphql(`mutation ($id: ID!) { updateCivilServant(id: $id, input: { post: "副科长" }) { post } }`),
    given: async () => ({ id: await createCivilServant(server, await createAgency(server)) }),
    row: (g) => ({ action: 'UPDATE_SUBJECT', subjectType: 'CIVIL_SERVANT', subjectId: g.id, outcome: 'updated post: "科员" → "副科长"' }),
  }),
  auditedMutation({
    role: 'CLERK',
    document: CREATE_ENTERPRISE,
    given: async () => ({ u: uscc('91') }),
    row: (_, d) => ({ action: 'REGISTER_SUBJECT', subjectType: 'ENTERPRISE', subjectId: d.createEnterprise.id, outcome: 'registered' }),
  }),
  auditedMutation({
    role: 'CLERK',
    document: graphql(`mutation ($id: ID!) { updateEnterprise(id: $id, input: { creditGrade: A, gradedOn: "2025-01-01" }) { creditGrade } }`),
    given: async () => ({ id: await enterprise() }),
    row: (g) => ({ action: 'UPDATE_SUBJECT', subjectType: 'ENTERPRISE', subjectId: g.id, outcome: 'updated creditGrade: null → "A"; gradedOn: null → "2025-01-01"' }),
  }),
  auditedMutation({
    role: 'CLERK',
    document: graphql(`mutation ($id: ID!) { withdrawCreditGrade(enterpriseId: $id, input: { reason: WITHDRAWN, on: "2025-03-01" }) { creditGrade } }`),
    given: async () => {
      const id = await enterprise();
      await server.ok(graphql(`mutation ($id: ID!) { updateEnterprise(id: $id, input: { creditGrade: B, gradedOn: "2025-01-01" }) { creditGrade } }`), { id });
      return { id };
    },
    row: (g) => ({
      action: 'UPDATE_SUBJECT',
      subjectType: 'ENTERPRISE',
      subjectId: g.id,
      outcome: 'updated creditGrade: "B" → null; gradedOn: "2025-01-01" → null; grade B given 2025-01-01 WITHDRAWN from 2025-03-01: it held until then',
    }),
  }),
  auditedMutation({
    role: 'CLERK',
    document: graphql(`mutation ($s: ID!) { createCreditRecord(input: { subjectType: CIVIL_SERVANT, subjectId: $s, kind: DISHONEST, category: BREACH_OF_CONTRACT, severity: GENERAL, summary: "逾期未付", occurredOn: "2024-01-01", recordedOn: "2024-01-02", sourceDepartment: "市发展改革委", documentNumber: "鄂州信〔2024〕1号" }) { id } }`),
    given: async () => ({ s: await createCivilServant(server, await createAgency(server)) }),
    row: (g, d) => ({ action: 'CREATE_RECORD', subjectType: 'CIVIL_SERVANT', subjectId: g.s, targetId: d.createCreditRecord.id, outcome: 'DISHONEST BREACH_OF_CONTRACT' }),
  }),
  auditedMutation({
    // Dated on a past day, it is a second person's to enter (hostile18 F2).
    role: 'ADMIN',
    document: FILE_OBJECTION,
    given: agencyRecord,
    row: (g) => ({ action: 'FILE_OBJECTION', subjectType: 'AGENCY', subjectId: g.subjectId, targetId: g.r, outcome: 'filed' }),
  }),
  auditedMutation({
    role: 'ADMIN',
    document: graphql(`mutation ($o: ID!) { resolveObjection(input: { objectionId: $o, decision: UPHELD, remedy: REVOKE, resolution: "认定有误", resolvedOn: "2023-04-20" }) { status } }`),
    given: async () => {
      const { subjectId, r } = await agencyRecord();
      return { subjectId, recordId: r, o: (await server.ok(FILE_OBJECTION, { r })).fileObjection.id };
    },
    row: (g) => ({ action: 'DECIDE_OBJECTION', subjectType: 'AGENCY', subjectId: g.subjectId, targetId: g.recordId, outcome: 'UPHELD REVOKE' }),
  }),
  auditedMutation({
    // lawyer21 R5: an officer admits a renewed objection (after a rejection) on new grounds.
    role: 'OFFICER',
    document: graphql(`mutation ($input: AdmitObjectionInput!) { admitObjection(input: $input) { admittedOn } }`),
    given: async () => {
      const { subjectId, r } = await agencyRecord();
      const first = (await server.ok(FILE_OBJECTION, { r })).fileObjection.id;
      await server.ok(graphql(`mutation ($o: ID!) { resolveObjection(input: { objectionId: $o, decision: REJECTED, resolution: "记录无误", resolvedOn: "2023-04-20" }) { id } }`), { o: first });
      const renewed = (await server.ok(FILE_OBJECTION, { r })).fileObjection.id;
      return { subjectId, recordId: r, renewed, input: { objectionId: renewed, grounds: '新的证据', admittedOn: chinaToday() } };
    },
    row: (g) => ({ action: 'ADMIT_OBJECTION', subjectType: 'AGENCY', subjectId: g.subjectId, targetId: g.recordId, outcome: `admitted renewed objection ${g.renewed} from ${chinaToday()}` }),
  }),
  auditedMutation({
    role: 'CLERK',
    document: REQUEST_REPAIR,
    given: agencyRecord,
    row: (g) => ({ action: 'REQUEST_REPAIR', subjectType: 'AGENCY', subjectId: g.subjectId, targetId: g.r, outcome: 'requested' }),
  }),
  auditedMutation({
    role: 'CLERK',
    document: APPROVE_REPAIR,
    given: pendingRepair,
    row: (g) => ({ action: 'DECIDE_REPAIR', subjectType: 'AGENCY', subjectId: g.subjectId, targetId: g.recordId, outcome: 'APPROVED' }),
  }),
  auditedMutation({
    role: 'CLERK',
    document: graphql(`mutation ($r: ID!) { stateRepairRelief(input: { repairId: $r, relief: WAIVE, statedOn: "2025-06-01", documentNumber: "鄂州信〔2025〕9号" }) { reliefStated } }`),
    given: async () => {
      const repair = await pendingRepair();
      await server.ok(APPROVE_REPAIR, { r: repair.r });
      // An approval of before Migration…RepairReliefStated: its relief was never stated.
      await server.sql('update credit_repair set relief_stated = false where id = ?', [repair.r]);
      return repair;
    },
    row: (g) => ({ action: 'STATE_REPAIR_RELIEF', subjectType: 'AGENCY', subjectId: g.subjectId, targetId: g.recordId, outcome: 'relief stated WAIVE' }),
  }),
  auditedMutation({
    role: 'CLERK',
    document: CREATE_COMMITMENT,
    given: async () => ({ a: await createAgency(server) }),
    row: (g, d) => ({ action: 'RECORD_COMMITMENT', subjectType: 'AGENCY', subjectId: g.a, targetId: d.createCommitment.id, outcome: 'recorded' }),
  }),
  auditedMutation({
    role: 'CLERK',
    document: graphql(`mutation ($c: ID!) { settleCommitment(input: { commitmentId: $c, status: FULFILLED, settledOn: "2025-03-01" }) { status } }`),
    given: agencyCommitment,
    row: (g) => ({ action: 'SETTLE_COMMITMENT', subjectType: 'AGENCY', subjectId: g.agencyId, targetId: g.c, outcome: 'FULFILLED' }),
  }),
  auditedMutation({
    role: 'CLERK',
    document: CREATE_COURT_CASE,
    given: async () => ({ a: await createAgency(server), n: caseNumber() }),
    row: (g, d) => ({ action: 'RECORD_COURT_CASE', subjectType: 'AGENCY', subjectId: g.a, targetId: d.createCourtCase.id, outcome: 'recorded' }),
  }),
  auditedMutation({
    role: 'CLERK',
    document: graphql(`mutation ($id: ID!) { updateCourtCase(id: $id, input: { judgmentDefaulter: true, defaulterListedOn: "2025-02-01" }) { id } }`),
    given: agencyCourtCase,
    row: (g) => ({ action: 'UPDATE_COURT_CASE', subjectType: 'AGENCY', subjectId: g.agencyId, targetId: g.id, outcome: 'updated judgmentDefaulter: false → true; defaulterListedOn: null → "2025-02-01"' }),
  }),
  auditedMutation({
    role: 'CLERK',
    document: graphql(`mutation ($id: ID!) { recordAbsenceFinding(input: { courtCaseId: $id, finding: UNEXCUSED, foundOn: "2025-03-01", foundBy: "鄂州市人民政府办公室", document: "鄂州政办函〔2025〕7号" }) { id } }`),
    given: async () => {
      const courtCase = await agencyCourtCase();
      await server.ok(graphql(`mutation ($id: ID!) { updateCourtCase(id: $id, input: { headAppeared: false, hearingOn: "2025-02-01" }) { id } }`), { id: courtCase.id });
      return courtCase;
    },
    row: (g) => ({ action: 'RECORD_ABSENCE_FINDING', subjectType: 'AGENCY', subjectId: g.agencyId, targetId: g.id, outcome: 'absence UNEXCUSED' }),
  }),
  auditedMutation({
    // Dated on a past day, it is a second person's to enter (hostile18 F2).
    role: 'ADMIN',
    document: graphql(`mutation ($id: ID!) { fileFindingObjection(input: { courtCaseId: $id, filedBy: "本机关", reason: "负责人因公出差并已依规委托出庭", filedOn: "2025-03-10" }) { id } }`),
    given: absenceFound,
    row: (g) => ({ action: 'FILE_FINDING_OBJECTION', subjectType: 'AGENCY', subjectId: g.agencyId, targetId: g.id, outcome: 'filed COURT_ABSENCE' }),
  }),
  auditedMutation({
    role: 'CLERK',
    document: graphql(`mutation ($o: ID!) { decideFindingObjection(input: { objectionId: $o, decision: UPHELD, resolution: "委托手续齐全", resolvedOn: "2025-04-01" }) { status } }`),
    given: async () => {
      const found = await absenceFound();
      const filed = await server.ok(graphql(`mutation ($id: ID!) { fileFindingObjection(input: { courtCaseId: $id, filedBy: "本机关", reason: "已依规委托出庭", filedOn: "2025-03-10" }) { id } }`), { id: found.id });
      return { ...found, o: filed.fileFindingObjection.id };
    },
    row: (g) => ({ action: 'DECIDE_FINDING_OBJECTION', subjectType: 'AGENCY', subjectId: g.agencyId, targetId: g.id, outcome: 'UPHELD COURT_ABSENCE: finding revoked' }),
  }),
  auditedMutation({
    // lawyer23 R4: an officer admits a unit's renewed objection to a finding (after a rejection) on new grounds.
    role: 'OFFICER',
    document: graphql(`mutation ($input: AdmitObjectionInput!) { admitFindingObjection(input: $input) { admittedOn } }`),
    given: async () => {
      const found = await absenceFound();
      const FILE = graphql(`mutation ($id: ID!, $on: LocalDate!) { fileFindingObjection(input: { courtCaseId: $id, filedBy: "本机关", reason: "已依规委托出庭", filedOn: $on }) { id } }`);
      const first = (await server.ok(FILE, { id: found.id, on: '2025-03-10' })).fileFindingObjection.id;
      await server.ok(graphql(`mutation ($o: ID!) { decideFindingObjection(input: { objectionId: $o, decision: REJECTED, resolution: "认定无误", resolvedOn: "2025-04-01" }) { status } }`), { o: first });
      const renewed = (await server.ok(FILE, { id: found.id, on: '2025-04-02' })).fileFindingObjection.id;
      return { ...found, renewed, input: { objectionId: renewed, grounds: '新的证据', admittedOn: chinaToday() } };
    },
    row: (g) => ({ action: 'ADMIT_FINDING_OBJECTION', subjectType: 'AGENCY', subjectId: g.agencyId, targetId: g.id, outcome: `admitted renewed objection ${g.renewed} from ${chinaToday()}` }),
  }),
  auditedMutation({
    role: 'CLERK',
    document: LIST_SUBJECT,
    given: async () => ({ e: await enterprise() }),
    row: (g, d) => ({ action: 'LIST_SUBJECT', subjectType: 'ENTERPRISE', subjectId: g.e, targetId: d.listSubject.id, outcome: 'JUDGMENT_DEFAULTER' }),
  }),
  auditedMutation({
    role: 'CLERK',
    document: graphql(`mutation ($m: ID!) { removeFromList(input: { membershipId: $m, removedOn: "2025-06-01", removedBy: "湖北省鄂州市中级人民法院", documentNumber: "(2025)鄂07执恢1号" }) { id } }`),
    given: listedEnterprise,
    row: (g) => ({ action: 'REMOVE_FROM_LIST', subjectType: 'ENTERPRISE', subjectId: g.id, targetId: g.m, outcome: 'removed JUDGMENT_DEFAULTER' }),
  }),
  auditedMutation({
    role: 'CLERK',
    document: graphql(`mutation ($m: ID!) { setListingTerm(id: $m, termEndsOn: "2027-06-01", documentNumber: "(2025)鄂07执恢2号", decidedBy: "湖北省鄂州市中级人民法院") { id } }`),
    given: listedEnterprise,
    row: (g) => ({ action: 'SET_LISTING_TERM', subjectType: 'ENTERPRISE', subjectId: g.id, targetId: g.m, outcome: 'term none → 2027-06-01 ((2025)鄂07执恢2号, 湖北省鄂州市中级人民法院)' }),
  }),
  auditedMutation({
    role: 'CLERK',
    document: graphql(`mutation ($m: ID!) { withdrawListing(input: { membershipId: $m, reason: "登记错了主体 / registered against the wrong enterprise" }) { id enteredInErrorAt } }`),
    given: async () => {
      // Entered today with a listing day still to come, so the clerk alone may withdraw it.
      const id = await enterprise();
      const m = (await server.ok(graphql(`mutation ($e: ID!, $on: LocalDate!) { listSubject(input: { subjectType: ENTERPRISE, subjectId: $e, list: JUDGMENT_DEFAULTER, listedOn: $on, listedBy: "湖北省鄂州市中级人民法院", documentNumber: "(2026)鄂07执99号" }) { id } }`), { e: id, on: chinaToday() })).listSubject.id;
      return { id, m };
    },
    row: (g) => ({ action: 'WITHDRAW_LISTING', subjectType: 'ENTERPRISE', subjectId: g.id, targetId: g.m, outcome: `withdrawn JUDGMENT_DEFAULTER listed ${chinaToday()} ((2026)鄂07执99号) as entered in error` }),
  }),
  auditedMutation({
    // law28: a listing's details corrected; on record today, but dated in the past, so ADMIN enters it.
    role: 'ADMIN',
    document: graphql(`mutation ($m: ID!) { correctListing(input: { membershipId: $m, documentNumber: "(2025)鄂07执恢9号", reason: "文号更正" }) { id } }`),
    given: listedEnterprise,
    row: (g) => ({ action: 'CORRECT_LISTING', subjectType: 'ENTERPRISE', subjectId: g.id, targetId: g.m, outcome: expect.stringContaining('"(2025)鄂07执恢9号"; reason: 文号更正') }),
  }),
  auditedMutation({
    role: 'ADMIN',
    document: graphql(`mutation ($id: ID!) { correctAbsenceFinding(input: { courtCaseId: $id, document: "鄂州政办函〔2025〕17号", reason: "文书更正" }) { id } }`),
    given: absenceFound,
    row: (g) => ({ action: 'CORRECT_FINDING', subjectType: 'AGENCY', subjectId: g.agencyId, targetId: g.id, outcome: expect.stringContaining('absenceFindingDocument: "鄂州政办函〔2025〕7号" → "鄂州政办函〔2025〕17号"; reason: 文书更正') }),
  }),
  auditedMutation({
    role: 'ADMIN',
    document: graphql(`mutation ($c: ID!) { correctBreachFinding(input: { commitmentId: $c, breachFinding: LAWFUL_CHANGE, reason: "认定更正" }) { id } }`),
    given: async () => {
      const made = await agencyCommitment();
      await server.ok(graphql(`mutation ($c: ID!) { settleCommitment(input: { commitmentId: $c, status: BREACHED, breachFinding: FORCE_MAJEURE, foundBy: "督查室", settledOn: "2025-03-01" }) { status } }`), { c: made.c });
      return made;
    },
    row: (g) => ({ action: 'CORRECT_FINDING', subjectType: 'AGENCY', subjectId: g.agencyId, targetId: g.c, outcome: expect.stringContaining('breachFinding: "FORCE_MAJEURE" → "LAWFUL_CHANGE"') }),
  }),
  auditedMutation({
    role: 'OFFICER',
    document: EVALUATE,
    given: servantWithRecord,
    row: (g, d) => {
      expect(d.evaluate.outcome).toBe('RESTRICTED');
      return { action: 'EVALUATE', subjectType: 'CIVIL_SERVANT', subjectId: g.s, targetId: d.evaluate.id, outcome: 'AWARD RESTRICTED' };
    },
  }),
  auditedMutation({
    role: 'INSPECTOR',
    document: graphql(`mutation ($v: ID!) { recheck(verdictId: $v) { sameDecision } }`),
    given: async () => {
      const s = await createCivilServant(server, await createAgency(server));
      const v = (await server.ok(EVALUATE, { s })).evaluate.id;
      await createRecord(server, 'CIVIL_SERVANT', s, { occurredOn: '2025-03-01', recordedOn: '2025-03-20' });
      return { s, v };
    },
    // The target is the verdict rechecked; the outcome says how the decision moved.
    row: (g, d) => {
      expect(d.recheck.sameDecision).toBe(false);
      return { action: 'RECHECK', subjectType: 'CIVIL_SERVANT', subjectId: g.s, targetId: g.v, outcome: 'ELIGIBLE → RESTRICTED' };
    },
  }),
  auditedMutation({
    role: 'OFFICER',
    document: graphql(`mutation { reloadRules { version } }`),
    row: (_, d) => ({ action: 'RELOAD_RULES', outcome: `in force: ${d.reloadRules.version}` }),
  }),
  auditedMutation({
    role: 'OFFICER',
    document: graphql(`mutation { previewRules(files: [], matter: "HONOUR") { draftVersion changedTotal } }`),
    row: (_, d) => ({ action: 'PREVIEW_RULES', outcome: `${d.previewRules.draftVersion}: 0 change(s)` }),
  }),
  auditedMutation({
    role: 'CLERK',
    document: graphql(`mutation ($c: ID!) { updateCommitment(id: $c, input: { domain: LIVELIHOOD }) { domain } }`),
    given: agencyCommitment,
    row: (g) => ({ action: 'UPDATE_COMMITMENT', subjectType: 'AGENCY', subjectId: g.agencyId, targetId: g.c, outcome: 'updated domain: "PUBLIC_SERVICE" → "LIVELIHOOD"' }),
  }),
  auditedMutation({
    role: 'CLERK',
    document: graphql(`mutation ($c: ID!) { recordBreachFinding(input: { commitmentId: $c, breachFinding: LAWFUL_CHANGE, foundOn: "2025-03-05", foundBy: "督查室" }) { id } }`),
    given: async () => {
      const made = await agencyCommitment();
      // An unreviewed breach is one the migration of the lawyer's review left without a finding.
      await server.ok(graphql(`mutation ($c: ID!) { settleCommitment(input: { commitmentId: $c, status: BREACHED, breachFinding: FORCE_MAJEURE, foundBy: "督查室", settledOn: "2025-03-01" }) { status } }`), { c: made.c });
      await server.sql('update commitment set breach_finding = null, breach_found_on = null where id = ?', [made.c]);
      return made;
    },
    row: (g) => ({ action: 'RECORD_BREACH_FINDING', subjectType: 'AGENCY', subjectId: g.agencyId, targetId: g.c, outcome: 'LAWFUL_CHANGE' }),
  }),
  auditedMutation({
    role: 'ADMIN',
    document: graphql(`mutation ($id: ID!) { cancelSweep(id: $id) { status } }`),
    given: async () => (await server.ok(graphql(`mutation { startSweep(matter: "AWARD") { id subjects chunks } }`))).startSweep,
    row: (run) => ({ action: 'SWEEP', targetId: run.id, outcome: `AWARD cancelled after 0 of ${run.subjects} subjects; queued jobs deleted: ${run.chunks}` }),
  }),
  auditedMutation({
    role: 'ADMIN',
    document: graphql(`mutation { startSweep(matter: "HONOUR") { id subjects chunks } }`),
    row: (_, { startSweep: run }) => ({ action: 'SWEEP', targetId: run.id, outcome: `HONOUR started: ${run.subjects} subjects in ${run.chunks} chunks` }),
  }),
];

describe('the audit trail', () => {
  it('holds who evaluated whom and who read the explanation, for an inspector to read', async () => {
    const servantId = await createCivilServant(server, await createAgency(server));
    await createRecord(server, 'CIVIL_SERVANT', servantId, { occurredOn: '2025-03-01', recordedOn: '2025-03-20' });
    const evaluated = await server.ok(graphql(`mutation ($id: ID!) { evaluate(subject: { type: CIVIL_SERVANT, id: $id }, matter: "AWARD") { id } }`), { id: servantId }, { role: 'OFFICER', sub: 'li.officer' });
    const verdictId = evaluated.evaluate.id;
    await server.ok(graphql(`query ($v: ID!) { verdict(id: $v) { explanation { day } } }`), { v: verdictId }, { role: 'INSPECTOR', sub: 'zhao.inspector' });

    const trail = await server.ok(AUDIT, { s: servantId }, { role: 'INSPECTOR' });
    const events = trail.auditEvents.edges.map((e) => e.node);
    expect(events).toEqual(expect.arrayContaining([
      expect.objectContaining({ actor: 'test-admin', role: 'ADMIN', action: 'REGISTER_SUBJECT', subjectType: 'CIVIL_SERVANT' }),
      expect.objectContaining({ actor: 'test-admin', action: 'CREATE_RECORD', outcome: 'DISHONEST BREACH_OF_CONTRACT' }),
      expect.objectContaining({ actor: 'li.officer', role: 'OFFICER', action: 'EVALUATE', targetId: verdictId, outcome: 'AWARD RESTRICTED' }),
      expect.objectContaining({ actor: 'zhao.inspector', role: 'INSPECTOR', action: 'READ_EXPLANATION', targetId: verdictId, outcome: 'read' }),
    ]));
  });

  it('gets no row for a write that failed', async () => {
    const code = uscc();
    await createAgency(server, { uscc: code });
    const before = await server.sql("select count(*)::int as n from audit_event where action = 'REGISTER_SUBJECT'");
    const duplicate = await server.query(graphql(`mutation ($u: String!) { createAgency(input: { uscc: $u, name: "重复", level: CITY, kind: DEPARTMENT }) { id } }`), { u: code });
    expect(duplicate.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(await server.sql("select count(*)::int as n from audit_event where action = 'REGISTER_SUBJECT'")).toEqual(before);
  });

  it('and a write whose audit row cannot be stored does not happen either', async () => {
    const before = await server.sql('select count(*)::int as n from agency');
    // A trigger that refuses this one actor's audit rows makes the audit insert fail.
    await server.sql(`create function refuse_audit_for_test() returns trigger language plpgsql as $$ begin if new.actor = 'audit.fails' then raise exception 'refused for the test'; end if; return new; end $$`);
    await server.sql('create trigger refuse_audit_for_test before insert on audit_event for each row execute function refuse_audit_for_test()');
    try {
      const result = await server.query(graphql(`mutation ($u: String!) { createAgency(input: { uscc: $u, name: "审计失败", level: CITY, kind: DEPARTMENT }) { id } }`), { u: uscc() }, { role: 'CLERK', sub: 'audit.fails' });
      expect(result.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(await server.sql('select count(*)::int as n from agency')).toEqual(before);
    } finally {
      await server.sql('drop trigger refuse_audit_for_test on audit_event');
      await server.sql('drop function refuse_audit_for_test()');
    }
  });

  it('cannot be changed or deleted behind the API either: the table refuses it', async () => {
    await expect(server.sql("update audit_event set actor = 'someone else'")).rejects.toThrow(/immutable/);
    await expect(server.sql('delete from audit_event')).rejects.toThrow(/immutable/);
  });
});

describe('every mutation, performed', () => {
  /** Every stored row, to show that a mutation only ever adds to the trail. */
  const allRows = () => server.sql<Record<string, unknown>>('select id, actor, role, action, subject_type, subject_id, target_id, outcome, created_at from audit_event');

  it.each(MUTATIONS.map((m) => [m.mutation, m.role, m] as const))('%s as %s leaves one row saying who, what and which, and changes no earlier row', async (mutation, role, { perform }) => {
    const as = { role, sub: `audit.${mutation}` };
    const before = await allRows();
    const expected = await perform(server, as);
    expect(await rowsOf(as.sub)).toEqual([{ actor: as.sub, role, ...expected }]);
    expect(await allRows()).toEqual(expect.arrayContaining(before));
  });

  it('is every mutation the server serves, so a new one cannot go unaudited here', async () => {
    const served = await server.rawQuery('{ __schema { mutationType { fields { name } } } }');
    const names: string[] = served.data.__schema.mutationType.fields.map((f: { name: string }) => f.name);
    expect(MUTATIONS.map((m) => m.mutation).sort()).toEqual(names.sort());
  });
});

describe('the audit trail by date', () => {
  const BY_DAY = graphql(`query ($s: ID, $from: LocalDate, $to: LocalDate) { auditEvents(first: 50, filter: { subjectId: $s, from: $from, to: $to }) { totalCount } }`);
  /** A day in China Standard Time, `offset` days from today. */
  const chinaDay = (offset: number) => new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);

  it('keeps the events of the days asked for, counted in China Standard Time, across every page', async () => {
    const agencyId = await createAgency(server);
    // One event four days ago (written straight into the table: the API cannot backdate), one today.
    await server.sql("insert into audit_event (id, actor, role, action, subject_type, subject_id, outcome, created_at) values (gen_random_uuid(), 'old.clerk', 'CLERK', 'UPDATE_SUBJECT', 'AGENCY', ?, 'updated', now() - interval '4 days')", [agencyId]);
    const count = async (from?: string, to?: string) => (await server.ok(BY_DAY, { s: agencyId, from, to }, { role: 'INSPECTOR' })).auditEvents.totalCount;
    expect(await count()).toBe(2);
    expect(await count(chinaDay(0), chinaDay(0))).toBe(1);
    expect(await count(chinaDay(-4), chinaDay(-4))).toBe(1);
    expect(await count(undefined, chinaDay(-1))).toBe(1);
    expect(await count(chinaDay(1))).toBe(0);
  });
});
