import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { AFFECTS_VERDICTS, NOT_AFFECTING_VERDICTS } from '../../src/audit/change-notice';
import { AuditAction } from '../../src/domain/audit';
import { chinaToday } from '../../src/domain/day';
import { createAgency, createRecord, uscc } from '../support/factories';
import { graphql } from '../support/graphql';
import { startTestServer, token, type Caller, type TestServer } from '../support/test-server';
import { until } from '../support/until';

/**
 * hostile29 F4: subscribers were never told of WITHDRAW_LISTING, ADMIT_OBJECTION, RECORD_ABSENCE_FINDING or
 * STATE_REPAIR_RELIEF — missing from a hand-kept list — so a display kept an enterprise on the blacklist after
 * its listing was withdrawn as entered in error. The list is now every audit action but a stated few.
 * hostile29 F7: a subscriber without a token heard FILE_/DECIDE_FINDING_OBJECTION naming the commitment whose
 * 履职不力 finding the query API withholds from it, and UPDATE_COURT_CASE when only the withheld representative
 * changed. The public now hears of a commitment's finding as a change of one of the agency's commitments,
 * naming none, and not at all of a correction of what it may not read.
 */
let server: TestServer;
const clients: Client[] = [];
const CLERK: Caller = { role: 'CLERK', sub: 'h29.CLERK' };
const OFFICER: Caller = { role: 'OFFICER', sub: 'h29.officer' };

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await server.stop();
});

type Notice = { action: string; targetId: string | null };
async function follow(role: string | null, subjectId: string) {
  const client = createClient({
    url: server.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0, lazy: false, onNonLazyError: () => undefined,
    connectionParams: role ? { authorization: `Bearer ${await token(role, `h29-${role.toLowerCase()}`)}` } : undefined,
  });
  clients.push(client);
  const received: Notice[] = [];
  const errors: unknown[] = [];
  client.subscribe({ query: 'subscription ($id: ID) { subjectChanged(subjectId: $id) { action targetId } }', variables: { id: subjectId } }, {
    next: (result) => (result.errors ? errors.push(...result.errors) : received.push((result.data as any).subjectChanged)),
    error: (error) => errors.push(error),
    complete: () => undefined,
  });
  return { received, errors };
}

/** Writes disclosed records until every follower heard one (subscriptions start asynchronously), then forgets them. */
async function started(subjectType: 'AGENCY' | 'ENTERPRISE', subjectId: string, ...followers: { received: Notice[] }[]) {
  for (let i = 0; i < 20 && !followers.every((f) => f.received.length); i += 1) {
    await createRecord(server, subjectType, subjectId, { occurredOn: '2025-03-01', recordedOn: '2025-03-20' });
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await until(() => followers.every((f) => f.received.length > 0));
  await new Promise((resolve) => setTimeout(resolve, 300));
  for (const f of followers) f.received.splice(0);
}

/** A disclosed record written last: notices arrive in commit order, so once it is heard everything before would have been. */
async function heardUpTo(subjectType: 'AGENCY' | 'ENTERPRISE', subjectId: string, ...followers: { received: Notice[] }[]) {
  const marker = await createRecord(server, subjectType, subjectId, { occurredOn: '2025-05-01', recordedOn: '2025-05-20' });
  await until(() => followers.every((f) => f.received.some((r) => r.targetId === marker)));
  for (const f of followers) expect(f.received.pop()).toEqual({ action: 'CREATE_RECORD', targetId: marker });
}

it('F4: every audit action is announced but a stated few that change no verdict\'s rows', () => {
  expect(Object.keys(NOT_AFFECTING_VERDICTS).sort()).toEqual(['EVALUATE', 'PREVIEW_RULES', 'READ_EXPLANATION', 'READ_PERSONAL_DATA', 'RECHECK', 'REGISTER_SUBJECT', 'SWEEP']);
  for (const action of [AuditAction.WITHDRAW_LISTING, AuditAction.ADMIT_OBJECTION, AuditAction.RECORD_ABSENCE_FINDING, AuditAction.STATE_REPAIR_RELIEF]) {
    expect(AFFECTS_VERDICTS.has(action)).toBe(true);
  }
});

it('F4: a subscriber hears of a listing withdrawn as entered in error and of a renewed objection admitted', async () => {
  const enterpriseId = (await server.ok(graphql(`mutation ($u: String!) { createEnterprise(input: { uscc: $u, name: "鄂州市误登记通知测试有限公司" }) { id } }`), { u: uscc('91') }, CLERK)).createEnterprise.id;
  const inspector = await follow('INSPECTOR', enterpriseId);
  const anyone = await follow(null, enterpriseId);
  await started('ENTERPRISE', enterpriseId, inspector, anyone);

  const membershipId = (await server.ok(graphql(`mutation ($input: ListSubjectInput!) { listSubject(input: $input) { id } }`),
    { input: { subjectType: 'ENTERPRISE', subjectId: enterpriseId, list: 'SERIOUS_ILLEGAL_DISHONEST', listedOn: chinaToday(), listedBy: '鄂州市市场监督管理局', documentNumber: '鄂州市监〔2026〕9号' } }, CLERK)).listSubject.id;
  await server.ok(graphql(`mutation ($input: WithdrawListingInput!) { withdrawListing(input: $input) { id } }`), { input: { membershipId, reason: '误登记：名单所列为另一企业' } }, CLERK);
  const recordId = await createRecord(server, 'ENTERPRISE', enterpriseId, { occurredOn: '2025-01-05', recordedOn: '2025-01-12' });
  const FILE = graphql(`mutation ($id: ID!, $on: LocalDate!) { fileObjection(input: { recordId: $id, reason: "认定事实有误", filedOn: $on, filedBy: "本企业" }) { id } }`);
  const first = (await server.ok(FILE, { id: recordId, on: '2025-02-01' })).fileObjection.id;
  await server.ok(graphql(`mutation ($o: ID!) { resolveObjection(input: { objectionId: $o, decision: REJECTED, resolution: "经核实，记录无误", resolvedOn: "2025-03-01" }) { id } }`), { o: first });
  const renewed = (await server.ok(FILE, { id: recordId, on: '2025-03-02' })).fileObjection.id;
  await server.ok(graphql(`mutation ($input: AdmitObjectionInput!) { admitObjection(input: $input) { id } }`), { input: { objectionId: renewed, grounds: '新的证据', admittedOn: chinaToday() } }, OFFICER);
  await heardUpTo('ENTERPRISE', enterpriseId, inspector, anyone);

  const expected = [
    { action: 'LIST_SUBJECT', targetId: membershipId }, { action: 'WITHDRAW_LISTING', targetId: membershipId },
    { action: 'CREATE_RECORD', targetId: recordId }, { action: 'FILE_OBJECTION', targetId: recordId }, { action: 'DECIDE_OBJECTION', targetId: recordId },
    { action: 'FILE_OBJECTION', targetId: recordId }, { action: 'ADMIT_OBJECTION', targetId: recordId },
  ];
  expect(inspector.received).toEqual(expected);
  // hostile31 F3: the renewed objection's filing left the record ACTIVE; the public, which reads no objections,
  // hears of it only when the admission makes the record DISPUTED.
  expect(anyone.received).toEqual(expected.filter((notice, i) => i !== 5));
  expect([...inspector.errors, ...anyone.errors]).toEqual([]);
});

it('F7: the public hears of an objection to a commitment\'s 履职不力 finding without the commitment, and not of a change of a withheld field', async () => {
  const agencyId = await createAgency(server, { name: '鄂州市通知认定测试局' });
  const commitmentId = (await server.ok(graphql(`mutation ($input: CreateCommitmentInput!) { createCommitment(input: $input) { id } }`),
    { input: { agencyId, responsiblePersonId: null, kind: 'DEADLINE', domain: 'PUBLIC_SERVICE', publiclyDisclosed: true, content: '30个工作日内办结企业投诉', publishedOn: '2025-01-01', dueOn: '2025-03-01' } }, CLERK)).createCommitment.id;
  await server.ok(graphql(`mutation ($input: SettleCommitmentInput!) { settleCommitment(input: $input) { id } }`),
    { input: { commitmentId, status: 'BREACHED', settledOn: '2025-03-10', breachFinding: 'DERELICTION' } }, CLERK);
  const caseId = (await server.ok(graphql(`mutation ($a: ID!) { createCourtCase(input: { agencyId: $a, caseNumber: "(2025)鄂07行初901号", court: "鄂州市中级人民法院", filedOn: "2025-01-10", kind: ADMINISTRATIVE, headAppeared: false }) { id } }`), { a: agencyId }, CLERK)).createCourtCase.id;
  const inspector = await follow('INSPECTOR', agencyId);
  const anyone = await follow(null, agencyId);
  await started('AGENCY', agencyId, inspector, anyone);

  const objectionId = (await server.ok(graphql(`mutation ($c: ID!, $on: LocalDate!) { fileFindingObjection(input: { commitmentId: $c, filedBy: "本单位", reason: "认定有误", filedOn: $on }) { id } }`), { c: commitmentId, on: chinaToday() }, CLERK)).fileFindingObjection.id;
  const UPDATE = graphql(`mutation ($id: ID!, $input: UpdateCourtCaseInput!) { updateCourtCase(id: $id, input: $input) { id } }`);
  await server.ok(UPDATE, { id: caseId, input: { entrustedRepresentative: '张三' } }, CLERK);
  // A value that poses as another field's name in the audit outcome (`…"; hearingOn: "…`) is still a change of the representative only.
  await server.ok(UPDATE, { id: caseId, input: { entrustedRepresentative: '李四"; hearingOn: "2025-02-11' } }, CLERK);
  await server.ok(UPDATE, { id: caseId, input: { hearingOn: '2025-02-10' } }, CLERK);
  await heardUpTo('AGENCY', agencyId, inspector, anyone);

  expect(inspector.received).toEqual([
    { action: 'FILE_FINDING_OBJECTION', targetId: commitmentId }, { action: 'UPDATE_COURT_CASE', targetId: caseId }, { action: 'UPDATE_COURT_CASE', targetId: caseId }, { action: 'UPDATE_COURT_CASE', targetId: caseId },
  ]);
  expect(anyone.received).toEqual([{ action: 'UPDATE_COMMITMENT', targetId: null }, { action: 'UPDATE_COURT_CASE', targetId: caseId }]);
  // What the public reads agrees: no objection to that commitment's finding, no representative.
  const read = await server.ok(graphql(`query ($c: ID!, $k: ID!) { findingObjections(filter: { commitmentId: $c }) { totalCount } courtCase(id: $k) { entrustedRepresentative } }`), { c: commitmentId, k: caseId }, { role: 'PUBLIC' });
  expect(read).toEqual({ findingObjections: { totalCount: 0 }, courtCase: { entrustedRepresentative: null } });
  expect(objectionId).toBeTruthy();
  expect([...inspector.errors, ...anyone.errors]).toEqual([]);
});

it('F7: the public hears of a renewed objection to a commitment\'s 履职不力 finding, and its admission, without the commitment; of a court case\'s finding with it', async () => {
  const agencyId = await createAgency(server, { name: '鄂州市通知再次异议测试局' });
  const commitmentId = (await server.ok(graphql(`mutation ($input: CreateCommitmentInput!) { createCommitment(input: $input) { id } }`),
    { input: { agencyId, responsiblePersonId: null, kind: 'DEADLINE', domain: 'PUBLIC_SERVICE', publiclyDisclosed: true, content: '15个工作日内答复企业诉求', publishedOn: '2025-01-01', dueOn: '2025-03-01' } }, CLERK)).createCommitment.id;
  await server.ok(graphql(`mutation ($input: SettleCommitmentInput!) { settleCommitment(input: $input) { id } }`),
    { input: { commitmentId, status: 'BREACHED', settledOn: '2025-03-10', breachFinding: 'DERELICTION' } }, CLERK);
  const caseId = (await server.ok(graphql(`mutation ($a: ID!) { createCourtCase(input: { agencyId: $a, caseNumber: "(2025)鄂07行初902号", court: "鄂州市中级人民法院", filedOn: "2025-01-10", kind: ADMINISTRATIVE, headAppeared: false }) { id } }`), { a: agencyId }, CLERK)).createCourtCase.id;
  await server.ok(graphql(`mutation ($k: ID!) { recordAbsenceFinding(input: { courtCaseId: $k, finding: UNEXCUSED, foundOn: "2025-02-01", foundBy: "鄂州市人民政府", document: "鄂州府〔2025〕3号" }) { id } }`), { k: caseId }, CLERK);
  const inspector = await follow('INSPECTOR', agencyId);
  const anyone = await follow(null, agencyId);
  await started('AGENCY', agencyId, inspector, anyone);

  const today = chinaToday();
  const FILE = graphql(`mutation ($c: ID, $k: ID, $on: LocalDate!) { fileFindingObjection(input: { commitmentId: $c, courtCaseId: $k, filedBy: "本单位", reason: "认定有误", filedOn: $on }) { id } }`);
  const first = (await server.ok(FILE, { c: commitmentId, on: today }, CLERK)).fileFindingObjection.id;
  await server.ok(graphql(`mutation ($o: ID!, $on: LocalDate!) { decideFindingObjection(input: { objectionId: $o, decision: REJECTED, resolution: "经核实，认定无误", resolvedOn: $on }) { id } }`), { o: first, on: today }, CLERK);
  const renewed = (await server.ok(FILE, { c: commitmentId, on: today }, CLERK)).fileFindingObjection.id;
  await server.ok(graphql(`mutation ($input: AdmitObjectionInput!) { admitFindingObjection(input: $input) { id } }`), { input: { objectionId: renewed, grounds: '新的证据', admittedOn: today } }, OFFICER);
  await server.ok(FILE, { k: caseId, on: today }, CLERK);
  await heardUpTo('AGENCY', agencyId, inspector, anyone);

  expect(inspector.received).toEqual([
    { action: 'FILE_FINDING_OBJECTION', targetId: commitmentId }, { action: 'DECIDE_FINDING_OBJECTION', targetId: commitmentId },
    { action: 'FILE_FINDING_OBJECTION', targetId: commitmentId }, { action: 'ADMIT_FINDING_OBJECTION', targetId: commitmentId },
    { action: 'FILE_FINDING_OBJECTION', targetId: caseId },
  ]);
  expect(anyone.received).toEqual([
    ...Array.from({ length: 4 }, () => ({ action: 'UPDATE_COMMITMENT', targetId: null })),
    { action: 'FILE_FINDING_OBJECTION', targetId: caseId },
  ]);
  expect([...inspector.errors, ...anyone.errors]).toEqual([]);
});
