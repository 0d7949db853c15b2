import { ALL_ROLES, PERMISSIONS } from '../../src/auth/role';
import { createAgency, createCivilServant, createRecord, idCardNumber, uscc } from '../support/factories';
import { startTestServer, token, type TestServer } from '../support/test-server';
import { graphql } from '../support/graphql';

let server: TestServer;
let agencyId: string;
let servantId: string;
let recordId: string;
/** Writes of the matrix go to an agency of their own, so they never change the verdicts read above them. */
let otherAgencyId: string;
let otherRecordId: string;
let verdictId: string;
let agencyVerdictId: string;
beforeAll(async () => {
  server = await startTestServer();
  agencyId = await createAgency(server);
  servantId = await createCivilServant(server, agencyId, { name: '王小明', idCardNumber: '420704198506120017' });
  recordId = await createRecord(server, 'CIVIL_SERVANT', servantId, { occurredOn: '2025-03-01', recordedOn: '2025-03-20' });
  otherAgencyId = await createAgency(server);
  otherRecordId = await createRecord(server, 'AGENCY', otherAgencyId, { occurredOn: '2025-03-01', recordedOn: '2025-03-20' });
  const verdict = await server.ok(graphql(`mutation ($id: ID!) { evaluate(subject: { type: CIVIL_SERVANT, id: $id }, matter: "AWARD") { id } }`), { id: servantId });
  verdictId = verdict.evaluate.id;
  const agencyVerdict = await server.ok(graphql(`mutation ($id: ID!) { evaluate(subject: { type: AGENCY, id: $id }, matter: "HONOUR") { id } }`), { id: agencyId });
  agencyVerdictId = agencyVerdict.evaluate.id;
});
afterAll(() => server.stop());

/**
 * Every operation of the matrix in README.md, with the permission that governs it. `check` asserts
 * what an allowed caller really gets, so a cell that is "not refused" but broken still fails.
 */
type Data = Record<string, any>;
const OPERATIONS: { name: string; permission: keyof typeof PERMISSIONS; query: (role: string) => string; vars?: () => Record<string, unknown>; writes?: string; personnelId?: true; check: (data: Data | null | undefined, codes: unknown[]) => void }[] = [
  { name: 'list agencies', permission: 'readRegistry', query: () => '{ agencies { totalCount } }', check: (d) => expect(d?.agencies.totalCount).toBeGreaterThanOrEqual(1) },
  { name: 'register an agency', permission: 'writeRegistry', query: () => 'mutation ($u: String!) { createAgency(input: { uscc: $u, name: "矩阵局", level: CITY, kind: DEPARTMENT }) { name } }', vars: () => ({ u: uscc() }), writes: 'agency', check: (d) => expect(d?.createAgency.name).toBe('矩阵局') },
  { name: 'register a civil servant', permission: 'writeRegistry', query: () => 'mutation ($a: ID!, $n: String!) { createCivilServant(input: { idCardNumber: $n, name: "甲", agencyId: $a, post: "科员", rank: "一级科员" }) { post } }', vars: () => ({ a: otherAgencyId, n: idCardNumber() }), writes: 'civil_servant', check: (d) => expect(d?.createCivilServant.post).toBe('科员') },
  { name: 'record a credit record', permission: 'writeRegistry', query: () => `mutation ($s: ID!) { createCreditRecord(input: { subjectType: AGENCY, subjectId: $s, kind: DISHONEST, category: BREACH_OF_CONTRACT, severity: GENERAL, summary: "x", occurredOn: "2024-01-01", recordedOn: "2024-01-02", sourceDepartment: "x", documentNumber: "x" }) { subjectId } }`, vars: () => ({ s: otherAgencyId }), writes: 'credit_record', check: (d) => expect(d?.createCreditRecord.subjectId).toBe(otherAgencyId) },
  { name: 'file an objection', permission: 'writeRegistry', query: () => 'mutation ($r: ID!) { fileObjection(input: { recordId: $r, filedBy: "x", reason: "x", filedOn: "2025-04-01" }) { status } }', vars: () => ({ r: otherRecordId }), writes: 'objection', check: (d, codes) => (d?.fileObjection ? expect(d.fileObjection.status).toBe('PENDING') : expect(codes).toEqual([expect.not.stringMatching(/FORBIDDEN|UNAUTHENTICATED/)])) }, // a second filer of the same record may be told one is pending
  { name: 'decide a repair', permission: 'decide', query: () => 'mutation { decideCreditRepair(input: { repairId: "00000000-0000-4000-8000-000000000000", decision: APPROVED, decidedOn: "2025-05-01" }) { id } }', check: (_d, codes) => expect(codes).toEqual(['NOT_FOUND']) },
  { name: "read a record's history", permission: 'readHistory', query: () => 'query ($r: ID!) { creditRecord(id: $r) { history { action } } }', vars: () => ({ r: recordId }), personnelId: true, check: (d) => expect(d?.creditRecord.history[0].action).toBe('CREATED') },
  { name: 'evaluate', permission: 'evaluate', query: () => 'mutation ($s: ID!) { evaluate(subject: { type: CIVIL_SERVANT, id: $s }, matter: "AWARD") { outcome } }', vars: () => ({ s: servantId }), writes: 'verdict', check: (d) => expect(d?.evaluate.outcome).toBe('RESTRICTED') },
  { name: 'assess (stores nothing)', permission: 'assess', query: () => 'query ($s: ID!) { assess(subjects: [{ type: CIVIL_SERVANT, id: $s }], matter: "AWARD") { assessment { outcome } } }', vars: () => ({ s: servantId }), check: (d) => expect(d?.assess[0].assessment.outcome).toBe('RESTRICTED') },
  { name: 'recheck', permission: 'evaluate', query: () => 'mutation ($v: ID!) { recheck(verdictId: $v) { sameDecision } }', vars: () => ({ v: verdictId }), writes: 'verdict', check: (d) => expect(d?.recheck.sameDecision).toBe(true) },
  { name: "read an agency's verdict", permission: 'readVerdicts', query: () => 'query ($v: ID!) { verdict(id: $v) { id outcome } }', vars: () => ({ v: agencyVerdictId }), check: (d) => expect(d?.verdict.id).toBe(agencyVerdictId) },
  { name: "read a civil servant's verdict", permission: 'readPersonnelVerdicts', query: () => 'query ($v: ID!) { verdict(id: $v) { outcome reason { zh } } }', vars: () => ({ v: verdictId }), personnelId: true, check: (d) => expect(d?.verdict).toEqual({ outcome: 'RESTRICTED', reason: { zh: expect.stringContaining('王小明有1条无异议的未修复政务失信记录') } }) },
  { name: "read a civil servant's latest verdict", permission: 'readPersonnelVerdicts', query: () => 'query ($s: ID!) { latestVerdict(subject: { type: CIVIL_SERVANT, id: $s }, matter: "AWARD") { subjectId outcome stale } }', vars: () => ({ s: servantId }), check: (d) => expect(d?.latestVerdict).toEqual({ subjectId: servantId, outcome: 'RESTRICTED', stale: false }) },
  { name: 'reload the rules', permission: 'manageRules', query: () => 'mutation { reloadRules { version } }', check: (d) => expect(d?.reloadRules.version).toMatch(/\w{8}/) },
  { name: 'preview a draft', permission: 'manageRules', query: () => 'mutation { previewRules(files: [], matter: "HONOUR") { changedTotal } }', check: (d) => expect(d?.previewRules.changedTotal).toBe(0) },
  // One sweep per matter runs at a time: each allowed role starts its own matter.
  { name: 'start a sweep', permission: 'startSweeps', query: (role) => `mutation { startSweep(matter: "${role === 'ADMIN' ? 'PERFORMANCE_REVIEW' : 'HONOUR'}") { status subjects } }`, writes: 'sweep_run', check: (d) => expect(d?.startSweep).toEqual({ status: 'RUNNING', subjects: expect.any(Number) }) },
  { name: 'read sweep runs', permission: 'readSweeps', query: () => '{ sweepRuns { totalCount } }', check: (d) => expect(d?.sweepRuns.totalCount).toBe(2) }, // the OFFICER's and ADMIN's above
  { name: 'read the audit trail', permission: 'readAudit', query: () => '{ auditEvents { totalCount } }', check: (d) => expect(d?.auditEvents.totalCount).toBeGreaterThan(0) },
];

const cells = OPERATIONS.flatMap((op) => ALL_ROLES.map((role) => [op.name, role, (PERMISSIONS[op.permission] as readonly string[]).includes(role), op] as const));

describe('the role × operation matrix', () => {
  it.each(cells)('%s as %s: allowed=%s', async (_name, role, allowed, op) => {
    const table = op.writes;
    const before = table ? await server.sql(`select count(*)::int as n from ${table}`) : null;
    const result = await server.rawQuery(op.query(role), op.vars?.(), { role });
    const codes = (result.errors ?? []).map((e) => e.extensions?.code);
    if (allowed) {
      op.check(result.data, codes);
    } else {
      // An id of personnel data answers the public NOT_FOUND, as an unknown id would (no existence oracle).
      expect(codes).toContain(role === 'PUBLIC' ? (op.personnelId ? 'NOT_FOUND' : 'UNAUTHENTICATED') : 'FORBIDDEN');
      if (table) expect(await server.sql(`select count(*)::int as n from ${table}`)).toEqual(before);
    }
  });
});

describe('personal data', () => {
  const SERVANT = graphql(`query ($id: ID!) { civilServant(id: $id) { name idCardNumber } }`);

  it('the public sees the ID-card number masked and the name partly masked; an inspector sees both', async () => {
    expect((await server.ok(SERVANT, { id: servantId }, { role: 'PUBLIC' })).civilServant).toEqual({ name: '王*明', idCardNumber: '4207**********0017' });
    expect((await server.ok(SERVANT, { id: servantId }, { role: 'OFFICER' })).civilServant).toEqual({ name: '王小明', idCardNumber: '4207**********0017' });
    expect((await server.ok(SERVANT, { id: servantId }, { role: 'DISPLAY' })).civilServant).toEqual({ name: '王小明', idCardNumber: '4207**********0017' });
    expect((await server.ok(SERVANT, { id: servantId }, { role: 'INSPECTOR' })).civilServant).toEqual({ name: '王小明', idCardNumber: '420704198506120017' });
  });

  it("the public gets no verdict about a civil servant at all; an inspector gets the full explanation", async () => {
    const QUERY = graphql(`query ($v: ID!) { verdict(id: $v) { outcome explanation { facts rules { fired evidence text { zh } } } } }`);
    const asPublic = await server.query(QUERY, { v: verdictId }, { role: 'PUBLIC' });
    expect(asPublic.data?.verdict ?? null).toBeNull();
    expect(asPublic.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const asInspector = (await server.ok(QUERY, { v: verdictId }, { role: 'INSPECTOR' })).verdict;
    expect(asInspector!.explanation.rules.find((r) => r.fired)!.evidence).toEqual([expect.objectContaining({ id: recordId })]);
  });

  it("the public does not see civil servants' credit records, but does see agencies' and enterprises'", async () => {
    await createRecord(server, 'AGENCY', agencyId);
    const list = await server.ok(graphql(`{ creditRecords(first: 100) { edges { node { subjectType } } } }`), undefined, { role: 'PUBLIC' });
    const types = new Set(list.creditRecords.edges.map((e) => e.node.subjectType));
    expect(types.has('AGENCY')).toBe(true);
    expect(types.has('CIVIL_SERVANT')).toBe(false);
    const one = await server.query(graphql(`query ($r: ID!) { creditRecord(id: $r) { id } }`), { r: recordId }, { role: 'PUBLIC' });
    expect(one.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});

describe('tokens', () => {
  const fetchWith = (authorization: string) =>
    fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify({ query: '{ agencies { totalCount } }' }) });

  it('a token signed with another secret, a malformed header and an expired token are refused with 401', async () => {
    const forged = (await token('ADMIN', 'x')).replace(/\.[^.]+$/, '.AAAA');
    for (const header of [`Bearer ${forged}`, 'Basic abc', `Bearer ${await token('ADMIN', 'x', '-1s')}`]) {
      const response = await fetchWith(header);
      expect(response.status).toBe(401);
      expect(((await response.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
  });
});
