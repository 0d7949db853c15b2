import { ALL_ROLES, PERMISSIONS, type Role } from '../../src/auth/role';
import { chinaToday } from '../../src/domain/day';
import { createAgency, createCivilServant, createRecord, idCardNumber, uscc } from '../support/factories';
import type { TadaDocumentNode } from 'gql.tada';
import { graphql } from '../support/graphql';
import { startTestServer, token, type Caller, type GraphQLResponse, type QueryArguments, type TestServer } from '../support/test-server';

let server: TestServer;
let agencyId: string;
let servantId: string;
let recordId: string;
/** Writes of the matrix go to an agency of their own, so they never change the verdicts read above them. */
let otherAgencyId: string;
let otherRecordId: string;
let verdictId: string;
let agencyVerdictId: string;
/** Each "record a credit record" cell records its own decision (one act is entered once). */
let decisions = 0;
let agencyOutcome: string;
let ruleSetVersion: string;
beforeAll(async () => {
  server = await startTestServer();
  agencyId = await createAgency(server);
  servantId = await createCivilServant(server, agencyId, { name: '王小明', idCardNumber: '420704198506120017' });
  recordId = await createRecord(server, 'CIVIL_SERVANT', servantId, { occurredOn: '2025-03-01', recordedOn: '2025-03-20' });
  otherAgencyId = await createAgency(server);
  otherRecordId = await createRecord(server, 'AGENCY', otherAgencyId, { occurredOn: '2025-03-01', recordedOn: '2025-03-20' });
  const verdict = await server.ok(graphql(`mutation ($id: ID!) { evaluate(subject: { type: CIVIL_SERVANT, id: $id }, matter: "AWARD") { id } }`), { id: servantId });
  verdictId = verdict.evaluate.id;
  const agencyVerdict = await server.ok(graphql(`mutation ($id: ID!) { evaluate(subject: { type: AGENCY, id: $id }, matter: "HONOUR") { id outcome } }`), { id: agencyId });
  agencyVerdictId = agencyVerdict.evaluate.id;
  agencyOutcome = agencyVerdict.evaluate.outcome;
  ruleSetVersion = (await server.ok(graphql(`{ ruleSet { version } }`))).ruleSet.version;
});
afterAll(() => server.stop());

/** One cell's call, prepared: how to send it, and what an allowed caller must get back. */
interface PreparedCall {
  send(as: Caller): Promise<GraphQLResponse<unknown>>;
  check(data: unknown): Promise<void>;
}

interface Operation {
  name: string;
  permission: keyof typeof PERMISSIONS;
  /** The table an allowed call adds exactly one row to; a refused call adds none. */
  writes?: string;
  /** Its id is of personnel data, which the public is told does not exist. */
  personnelId?: true;
  prepare(role: Role): Promise<PreparedCall>;
}

/**
 * An operation of the matrix as a typed document. `variables` runs afresh for every cell, making
 * what that one call needs (a record to object to, a pending repair to decide), so every allowed
 * role's call can really succeed, and `check` asserts the data it must get, typed by the document.
 */
function operation<Result, Variables>(spec: {
  name: string;
  permission: keyof typeof PERMISSIONS;
  writes?: string;
  personnelId?: true;
  document: TadaDocumentNode<Result, Variables>;
  variables: (role: Role) => Variables | Promise<Variables>;
  check: (data: Result, variables: Variables) => void | Promise<void>;
}): Operation {
  const { document, variables: make, check, ...rest } = spec;
  return {
    ...rest,
    async prepare(role) {
      const variables = await make(role);
      return {
        send: (as) => server.query(document, ...([variables, as] as QueryArguments<Variables>)),
        check: async (data) => check(data as Result, variables),
      };
    },
  };
}

const count = async (table: string) => (await server.sql<{ n: number }>(`select count(*)::int as n from ${table}`))[0].n;

/** A fresh dishonesty record of the matrix's own agency (never the civil servant whose verdicts are read). */
const freshRecord = () => createRecord(server, 'AGENCY', otherAgencyId, { occurredOn: '2025-03-01', recordedOn: '2025-03-20' });

/** Every operation of the matrix in README.md, with the permission that governs it. */
const OPERATIONS: Operation[] = [
  operation({
    name: 'list agencies',
    permission: 'readRegistry',
    document: graphql(`{ agencies { totalCount } }`),
    variables: () => ({}),
    // The two agencies made above: the first operation of the matrix, so nothing was registered yet.
    check: (d) => expect(d.agencies.totalCount).toBe(2),
  }),
  operation({
    name: 'register an agency',
    permission: 'writeRegistry',
    document: graphql(`mutation ($u: String!) { createAgency(input: { uscc: $u, name: "矩阵局", level: CITY, kind: DEPARTMENT }) { uscc name } }`),
    variables: () => ({ u: uscc() }),
    writes: 'agency',
    check: (d, v) => expect(d.createAgency).toEqual({ uscc: v.u, name: '矩阵局' }),
  }),
  operation({
    name: 'register a civil servant',
    permission: 'writeRegistry',
    document: graphql(`mutation ($a: ID!, $n: String!) { createCivilServant(input: { idCardNumber: $n, name: "甲", agencyId: $a, post: "科员", rank: "一级科员" }) { post agency { id } } }`),
    variables: () => ({ a: otherAgencyId, n: idCardNumber() }),
    writes: 'civil_servant',
    check: (d) => expect(d.createCivilServant).toEqual({ post: '科员', agency: { id: otherAgencyId } }),
  }),
  operation({
    name: 'record a credit record',
    permission: 'writeRegistry',
    // Each cell records its own decision: one act is entered once (hostile8 F5).
    document: graphql(`mutation ($s: ID!, $d: String!) { createCreditRecord(input: { subjectType: AGENCY, subjectId: $s, kind: DISHONEST, category: BREACH_OF_CONTRACT, severity: GENERAL, summary: "x", occurredOn: "2024-01-01", recordedOn: "2024-01-02", sourceDepartment: "x", documentNumber: $d }) { subjectId status version } }`),
    variables: (role) => ({ s: otherAgencyId, d: `鄂州信〔2024〕${role}${++decisions}号` }),
    writes: 'credit_record',
    check: (d) => expect(d.createCreditRecord).toEqual({ subjectId: otherAgencyId, status: 'ACTIVE', version: 1 }),
  }),
  operation({
    name: 'file an objection',
    permission: 'writeRegistry',
    // Dated today: dated on a past day it is ADMIN's alone, a second person's (hostile18 F2).
    document: graphql(`mutation ($r: ID!, $d: LocalDate!) { fileObjection(input: { recordId: $r, filedBy: "x", reason: "x", filedOn: $d }) { status record { id status } } }`),
    variables: async () => ({ r: await freshRecord(), d: chinaToday() }),
    writes: 'objection',
    check: (d, v) => expect(d.fileObjection).toEqual({ status: 'PENDING', record: { id: v.r, status: 'DISPUTED' } }),
  }),
  operation({
    name: 'decide a repair',
    permission: 'decide',
    document: graphql(`mutation ($r: ID!) { decideCreditRepair(input: { repairId: $r, decision: APPROVED, relief: WAIVE, decidedOn: "2025-05-01" }) { id status decidedOn } }`),
    variables: async () => {
      const requested = await server.ok(
        graphql(`mutation ($r: ID!) { requestCreditRepair(input: { recordId: $r, actions: [RECOVERED_LOSS], description: "已履行", appliedOn: "2025-04-01" }) { id } }`),
        { r: await freshRecord() },
      );
      return { r: requested.requestCreditRepair.id };
    },
    check: (d, v) => expect(d.decideCreditRepair).toEqual({ id: v.r, status: 'APPROVED', decidedOn: '2025-05-01' }),
  }),
  operation({
    name: "read a record's history",
    permission: 'readHistory',
    document: graphql(`query ($r: ID!) { creditRecord(id: $r) { id history { action version } } }`),
    variables: () => ({ r: recordId }),
    personnelId: true,
    check: (d) => expect(d.creditRecord).toEqual({ id: recordId, history: [{ action: 'CREATED', version: 1 }] }),
  }),
  operation({
    name: 'evaluate',
    permission: 'evaluate',
    document: graphql(`mutation ($s: ID!) { evaluate(subject: { type: CIVIL_SERVANT, id: $s }, matter: "AWARD") { subjectId outcome } }`),
    variables: () => ({ s: servantId }),
    writes: 'verdict',
    check: (d) => expect(d.evaluate).toEqual({ subjectId: servantId, outcome: 'RESTRICTED' }),
  }),
  operation({
    name: 'assess (stores nothing)',
    permission: 'assess',
    document: graphql(`query ($s: ID!) { assess(subjects: [{ type: CIVIL_SERVANT, id: $s }], matter: "AWARD") { subjectId assessment { outcome } error { code } } }`),
    variables: () => ({ s: servantId }),
    check: (d) => expect(d.assess).toEqual([{ subjectId: servantId, assessment: { outcome: 'RESTRICTED' }, error: null }]),
  }),
  operation({
    name: 'recheck',
    permission: 'evaluate',
    document: graphql(`mutation ($v: ID!) { recheck(verdictId: $v) { sameDecision original { id } current { id outcome } } }`),
    variables: () => ({ v: verdictId }),
    writes: 'verdict',
    check: (d) => {
      expect(d.recheck).toMatchObject({ sameDecision: true, original: { id: verdictId }, current: { outcome: 'RESTRICTED' } });
      expect(d.recheck.current.id).not.toBe(verdictId);
    },
  }),
  operation({
    name: "read an agency's verdict",
    permission: 'readVerdicts',
    document: graphql(`query ($v: ID!) { verdict(id: $v) { id subjectId outcome } }`),
    variables: () => ({ v: agencyVerdictId }),
    check: (d) => expect(d.verdict).toEqual({ id: agencyVerdictId, subjectId: agencyId, outcome: agencyOutcome }),
  }),
  operation({
    name: "read a civil servant's verdict",
    permission: 'readPersonnelVerdicts',
    document: graphql(`query ($v: ID!) { verdict(id: $v) { outcome reason { zh } } }`),
    variables: () => ({ v: verdictId }),
    personnelId: true,
    check: (d) => expect(d.verdict).toEqual({ outcome: 'RESTRICTED', reason: { zh: expect.stringContaining('「王小明」有1条无异议的未修复政务失信记录') } }),
  }),
  operation({
    name: "read a civil servant's latest verdict",
    permission: 'readPersonnelVerdicts',
    document: graphql(`query ($s: ID!) { latestVerdict(subject: { type: CIVIL_SERVANT, id: $s }, matter: "AWARD") { subjectId outcome stale } }`),
    variables: () => ({ s: servantId }),
    check: (d) => expect(d.latestVerdict).toEqual({ subjectId: servantId, outcome: 'RESTRICTED', stale: false }),
  }),
  operation({
    // lawyer21 R5: a renewed objection (one after a rejection) suspends only once an officer admits it on new grounds.
    name: 'admit a renewed objection',
    permission: 'admitRenewedObjection',
    // What the admitting role reads of its admission; `renewed` is the objection's, which OFFICER does not read (sec31 item 1).
    document: graphql(`mutation ($input: AdmitObjectionInput!) { admitObjection(input: $input) { admittedOn admissionGrounds } }`),
    variables: async () => {
      const r = await createRecord(server, 'AGENCY', await createAgency(server, { name: '矩阵再次异议局' }), { occurredOn: '2025-03-01', recordedOn: '2025-03-20' });
      const file = graphql(`mutation ($r: ID!) { fileObjection(input: { recordId: $r, filedBy: "本单位", reason: "金额有误", filedOn: "2025-04-01" }) { id } }`);
      const first = (await server.ok(file, { r })).fileObjection.id;
      await server.ok(graphql(`mutation ($o: ID!) { resolveObjection(input: { objectionId: $o, decision: REJECTED, resolution: "记录无误", resolvedOn: "2025-04-20" }) { id } }`), { o: first });
      const renewed = (await server.ok(file, { r })).fileObjection.id;
      return { input: { objectionId: renewed, grounds: '新的证据', admittedOn: chinaToday() } };
    },
    check: (d) => expect(d.admitObjection.admittedOn).toBe(chinaToday()),
  }),
  operation({
    name: 'confirm an agency kind',
    permission: 'confirmAgencyKind',
    document: graphql(`mutation ($id: ID!) { confirmAgencyKind(id: $id, kind: OTHER) { kind kindEstimated } }`),
    variables: async () => ({ id: await createAgency(server, { name: '矩阵确认局' }) }),
    check: (d) => expect(d.confirmAgencyKind).toEqual({ kind: 'OTHER', kindEstimated: false }),
  }),
  operation({
    name: 'reload the rules',
    permission: 'manageRules',
    document: graphql(`mutation { reloadRules { version } }`),
    variables: () => ({}),
    // The folder did not change: the same version stays in force.
    check: (d) => expect(d.reloadRules.version).toBe(ruleSetVersion),
  }),
  operation({
    name: 'preview a draft',
    permission: 'manageRules',
    document: graphql(`mutation { previewRules(files: [], matter: "HONOUR") { currentVersion changedTotal } }`),
    variables: () => ({}),
    check: (d) => expect(d.previewRules).toEqual({ currentVersion: ruleSetVersion, changedTotal: 0 }),
  }),
  operation({
    name: 'start a sweep',
    permission: 'startSweeps',
    document: graphql(`mutation ($m: String!) { startSweep(matter: $m) { matter subjects startedBy } }`),
    // One sweep per matter runs at a time: each allowed role starts its own matter.
    variables: (role) => ({ m: role === 'ADMIN' ? 'PERFORMANCE_REVIEW' : 'HONOUR' }),
    writes: 'sweep_run',
    // Both matters concern agencies: every one registered so far.
    // Who started it is a staff account, the audit trail's (hostile29 F2): each role that starts one reads only that it was itself (sec31 item 3).
    check: async (d, v) => expect(d.startSweep).toEqual({ matter: v.m, subjects: await count('agency'), startedBy: v.m === 'PERFORMANCE_REVIEW' ? 'test-admin' : 'test-officer' }),
  }),
  operation({
    name: 'read sweep runs',
    permission: 'readSweeps',
    document: graphql(`{ sweepRuns { totalCount } }`),
    variables: () => ({}),
    check: (d) => expect(d.sweepRuns.totalCount).toBe(2), // the OFFICER's and ADMIN's above
  }),
  operation({
    name: 'read the audit trail',
    permission: 'readAudit',
    document: graphql(`{ auditEvents { totalCount } }`),
    variables: () => ({}),
    check: async (d) => expect(d.auditEvents.totalCount).toBe(await count('audit_event')),
  }),
];

const cells = OPERATIONS.flatMap((op) => ALL_ROLES.map((role) => [op.name, role, (PERMISSIONS[op.permission] as readonly string[]).includes(role), op] as const));

describe('the role × operation matrix', () => {
  it.each(cells)('%s as %s: allowed=%s', async (_name, role, allowed, op) => {
    const call = await op.prepare(role);
    const table = op.writes;
    const before = table ? await count(table) : 0;
    const result = await call.send({ role });
    if (allowed) {
      // Allowed means answered: no error of any kind (an INTERNAL_SERVER_ERROR is not "not refused"), and the data asked for.
      expect(result.errors).toBeUndefined();
      await call.check(result.data);
      if (table) expect(await count(table)).toBe(before + 1);
    } else {
      // An id of personnel data answers the public NOT_FOUND, as an unknown id would (no existence oracle).
      expect(result.errors?.map((e) => e.extensions?.code)).toEqual([role === 'PUBLIC' ? (op.personnelId ? 'NOT_FOUND' : 'UNAUTHENTICATED') : 'FORBIDDEN']);
      // Nothing asked for comes back: no data, or null where the field may be null.
      for (const value of Object.values(result.data ?? {})) expect(value).toBeNull();
      if (table) expect(await count(table)).toBe(before);
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
