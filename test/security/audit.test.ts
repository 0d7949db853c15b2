import { createAgency, createCivilServant, createRecord, idCardNumber, uscc } from '../support/factories';
import { graphql } from '../support/graphql';
import { startTestServer, type Caller, type TestServer } from '../support/test-server';

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

/** What an audit row must say: who (actor, role), what (action, outcome) and which (subject, target). */
interface ExpectedRow {
  action: string;
  subjectType: 'AGENCY' | 'CIVIL_SERVANT' | 'ENTERPRISE' | null;
  subjectId: string | null;
  targetId: string | null;
  outcome: string;
}

/**
 * Every mutation of the API, performed for real by a caller of its own (`sub` = audit.<mutation>),
 * with the one row the audit trail must then hold for that caller. The inputs a mutation needs
 * (an agency, a record, a verdict …) are made beforehand as ADMIN, so the caller's only row is the
 * mutation's own.
 */
const MUTATIONS: { mutation: string; role: Caller['role']; perform: (as: Caller) => Promise<ExpectedRow> }[] = [
  {
    mutation: 'createAgency',
    role: 'CLERK',
    async perform(as) {
      const { createAgency: a } = await server.ok(graphql(`mutation ($u: String!) { createAgency(input: { uscc: $u, name: "审计局", level: CITY, kind: DEPARTMENT }) { id } }`), { u: uscc() }, as);
      return { action: 'REGISTER_SUBJECT', subjectType: 'AGENCY', subjectId: a.id, targetId: null, outcome: 'registered' };
    },
  },
  {
    mutation: 'updateAgency',
    role: 'CLERK',
    async perform(as) {
      const id = await createAgency(server);
      await server.ok(graphql(`mutation ($id: ID!) { updateAgency(id: $id, input: { name: "审计局（更名）" }) { name } }`), { id }, as);
      return { action: 'UPDATE_SUBJECT', subjectType: 'AGENCY', subjectId: id, targetId: null, outcome: 'updated name: "鄂州市测试局" → "审计局（更名）"' };
    },
  },
  {
    mutation: 'confirmAgencyKind',
    role: 'OFFICER',
    async perform(as) {
      const id = await createAgency(server);
      await server.ok(graphql(`mutation ($id: ID!) { confirmAgencyKind(id: $id, kind: OTHER) { kind } }`), { id }, as);
      return { action: 'CONFIRM_AGENCY_KIND', subjectType: 'AGENCY', subjectId: id, targetId: null, outcome: 'kind DEPARTMENT → OTHER (confirmed)' };
    },
  },
  {
    mutation: 'createCivilServant',
    role: 'ADMIN',
    async perform(as) {
      const agencyId = await createAgency(server);
      const { createCivilServant: c } = await server.ok(
        graphql(`mutation ($a: ID!, $n: String!) { createCivilServant(input: { idCardNumber: $n, name: "审计员", agencyId: $a, post: "科员", rank: "一级科员" }) { id } }`),
        { a: agencyId, n: idCardNumber() },
        as,
      );
      return { action: 'REGISTER_SUBJECT', subjectType: 'CIVIL_SERVANT', subjectId: c.id, targetId: null, outcome: 'registered' };
    },
  },
  {
    mutation: 'updateCivilServant',
    role: 'CLERK',
    async perform(as) {
      const id = await createCivilServant(server, await createAgency(server));
      await server.ok(graphql(`mutation ($id: ID!) { updateCivilServant(id: $id, input: { post: "副科长" }) { post } }`), { id }, as);
      return { action: 'UPDATE_SUBJECT', subjectType: 'CIVIL_SERVANT', subjectId: id, targetId: null, outcome: 'updated post: "科员" → "副科长"' };
    },
  },
  {
    mutation: 'createEnterprise',
    role: 'CLERK',
    async perform(as) {
      const { createEnterprise: e } = await server.ok(graphql(`mutation ($u: String!) { createEnterprise(input: { uscc: $u, name: "鄂州市审计建设有限公司" }) { id } }`), { u: uscc('91') }, as);
      return { action: 'REGISTER_SUBJECT', subjectType: 'ENTERPRISE', subjectId: e.id, targetId: null, outcome: 'registered' };
    },
  },
  {
    mutation: 'updateEnterprise',
    role: 'CLERK',
    async perform(as) {
      const id = await enterprise();
      await server.ok(graphql(`mutation ($id: ID!) { updateEnterprise(id: $id, input: { creditGrade: A, gradedOn: "2025-01-01" }) { creditGrade } }`), { id }, as);
      return { action: 'UPDATE_SUBJECT', subjectType: 'ENTERPRISE', subjectId: id, targetId: null, outcome: 'updated creditGrade: null → "A"; gradedOn: null → "2025-01-01"' };
    },
  },
  {
    mutation: 'withdrawCreditGrade',
    role: 'CLERK',
    async perform(as) {
      const id = await enterprise();
      await server.ok(graphql(`mutation ($id: ID!) { updateEnterprise(id: $id, input: { creditGrade: B, gradedOn: "2025-01-01" }) { creditGrade } }`), { id });
      await server.ok(graphql(`mutation ($id: ID!) { withdrawCreditGrade(enterpriseId: $id, input: { reason: WITHDRAWN, on: "2025-03-01" }) { creditGrade } }`), { id }, as);
      return { action: 'UPDATE_SUBJECT', subjectType: 'ENTERPRISE', subjectId: id, targetId: null, outcome: 'updated creditGrade: "B" → null; gradedOn: "2025-01-01" → null; grade B given 2025-01-01 WITHDRAWN from 2025-03-01: it held until then' };
    },
  },
  {
    mutation: 'createCreditRecord',
    role: 'CLERK',
    async perform(as) {
      const servantId = await createCivilServant(server, await createAgency(server));
      const { createCreditRecord: r } = await server.ok(
        graphql(`mutation ($s: ID!) { createCreditRecord(input: { subjectType: CIVIL_SERVANT, subjectId: $s, kind: DISHONEST, category: BREACH_OF_CONTRACT, severity: GENERAL, summary: "逾期未付", occurredOn: "2024-01-01", recordedOn: "2024-01-02", sourceDepartment: "市发展改革委", documentNumber: "鄂州信〔2024〕1号" }) { id } }`),
        { s: servantId },
        as,
      );
      return { action: 'CREATE_RECORD', subjectType: 'CIVIL_SERVANT', subjectId: servantId, targetId: r.id, outcome: 'DISHONEST BREACH_OF_CONTRACT' };
    },
  },
  {
    mutation: 'fileObjection',
    role: 'CLERK',
    async perform(as) {
      const { subjectId, recordId } = await agencyRecord();
      await server.ok(graphql(`mutation ($r: ID!) { fileObjection(input: { recordId: $r, filedBy: "本单位", reason: "金额有误", filedOn: "2023-04-01" }) { id } }`), { r: recordId }, as);
      return { action: 'FILE_OBJECTION', subjectType: 'AGENCY', subjectId, targetId: recordId, outcome: 'filed' };
    },
  },
  {
    mutation: 'resolveObjection',
    role: 'ADMIN',
    async perform(as) {
      const { subjectId, recordId } = await agencyRecord();
      const { fileObjection: o } = await server.ok(graphql(`mutation ($r: ID!) { fileObjection(input: { recordId: $r, filedBy: "本单位", reason: "金额有误", filedOn: "2023-04-01" }) { id } }`), { r: recordId });
      await server.ok(graphql(`mutation ($o: ID!) { resolveObjection(input: { objectionId: $o, decision: UPHELD, remedy: REVOKE, resolution: "认定有误", resolvedOn: "2023-04-20" }) { status } }`), { o: o.id }, as);
      return { action: 'DECIDE_OBJECTION', subjectType: 'AGENCY', subjectId, targetId: recordId, outcome: 'UPHELD REVOKE' };
    },
  },
  {
    mutation: 'requestCreditRepair',
    role: 'CLERK',
    async perform(as) {
      const { subjectId, recordId } = await agencyRecord();
      await requestRepair(recordId, as);
      return { action: 'REQUEST_REPAIR', subjectType: 'AGENCY', subjectId, targetId: recordId, outcome: 'requested' };
    },
  },
  {
    mutation: 'decideCreditRepair',
    role: 'CLERK',
    async perform(as) {
      const { subjectId, recordId } = await agencyRecord();
      const repairId = await requestRepair(recordId);
      await server.ok(graphql(`mutation ($r: ID!) { decideCreditRepair(input: { repairId: $r, decision: APPROVED, relief: WAIVE, decidedOn: "2025-05-01" }) { status } }`), { r: repairId }, as);
      return { action: 'DECIDE_REPAIR', subjectType: 'AGENCY', subjectId, targetId: recordId, outcome: 'APPROVED' };
    },
  },
  {
    mutation: 'stateRepairRelief',
    role: 'CLERK',
    async perform(as) {
      const { subjectId, recordId } = await agencyRecord();
      const repairId = await requestRepair(recordId);
      await server.ok(graphql(`mutation ($r: ID!) { decideCreditRepair(input: { repairId: $r, decision: APPROVED, relief: WAIVE, decidedOn: "2025-05-01" }) { status } }`), { r: repairId });
      // An approval of before Migration…RepairReliefStated: its relief was never stated.
      await server.sql('update credit_repair set relief_stated = false where id = ?', [repairId]);
      await server.ok(graphql(`mutation ($r: ID!) { stateRepairRelief(input: { repairId: $r, relief: WAIVE, statedOn: "2025-06-01", documentNumber: "鄂州信〔2025〕9号" }) { reliefStated } }`), { r: repairId }, as);
      return { action: 'STATE_REPAIR_RELIEF', subjectType: 'AGENCY', subjectId, targetId: recordId, outcome: 'relief stated WAIVE' };
    },
  },
  {
    mutation: 'createCommitment',
    role: 'CLERK',
    async perform(as) {
      const agencyId = await createAgency(server);
      const id = await commitment(agencyId, as);
      return { action: 'RECORD_COMMITMENT', subjectType: 'AGENCY', subjectId: agencyId, targetId: id, outcome: 'recorded' };
    },
  },
  {
    mutation: 'settleCommitment',
    role: 'CLERK',
    async perform(as) {
      const agencyId = await createAgency(server);
      const id = await commitment(agencyId);
      await server.ok(graphql(`mutation ($c: ID!) { settleCommitment(input: { commitmentId: $c, status: FULFILLED, settledOn: "2025-03-01" }) { status } }`), { c: id }, as);
      return { action: 'SETTLE_COMMITMENT', subjectType: 'AGENCY', subjectId: agencyId, targetId: id, outcome: 'FULFILLED' };
    },
  },
  {
    mutation: 'createCourtCase',
    role: 'CLERK',
    async perform(as) {
      const agencyId = await createAgency(server);
      const id = await courtCase(agencyId, as);
      return { action: 'RECORD_COURT_CASE', subjectType: 'AGENCY', subjectId: agencyId, targetId: id, outcome: 'recorded' };
    },
  },
  {
    mutation: 'updateCourtCase',
    role: 'CLERK',
    async perform(as) {
      const agencyId = await createAgency(server);
      const id = await courtCase(agencyId);
      await server.ok(graphql(`mutation ($id: ID!) { updateCourtCase(id: $id, input: { judgmentDefaulter: true, defaulterListedOn: "2025-02-01" }) { id } }`), { id }, as);
      return { action: 'UPDATE_COURT_CASE', subjectType: 'AGENCY', subjectId: agencyId, targetId: id, outcome: "updated judgmentDefaulter: false → true; defaulterListedOn: null → \"2025-02-01\"" };
    },
  },
  {
    mutation: 'recordAbsenceFinding',
    role: 'CLERK',
    async perform(as) {
      const agencyId = await createAgency(server);
      const id = await courtCase(agencyId);
      await server.ok(graphql(`mutation ($id: ID!) { updateCourtCase(id: $id, input: { headAppeared: false, hearingOn: "2025-02-01" }) { id } }`), { id });
      await server.ok(graphql(`mutation ($id: ID!) { recordAbsenceFinding(input: { courtCaseId: $id, finding: UNEXCUSED, foundOn: "2025-03-01", foundBy: "鄂州市人民政府办公室", document: "鄂州政办函〔2025〕7号" }) { id } }`), { id }, as);
      return { action: 'RECORD_ABSENCE_FINDING', subjectType: 'AGENCY', subjectId: agencyId, targetId: id, outcome: 'absence UNEXCUSED' };
    },
  },
  {
    mutation: 'listSubject',
    role: 'CLERK',
    async perform(as) {
      const id = await enterprise();
      const membershipId = await listing(id, as);
      return { action: 'LIST_SUBJECT', subjectType: 'ENTERPRISE', subjectId: id, targetId: membershipId, outcome: 'JUDGMENT_DEFAULTER' };
    },
  },
  {
    mutation: 'removeFromList',
    role: 'CLERK',
    async perform(as) {
      const id = await enterprise();
      const membershipId = await listing(id);
      await server.ok(
        graphql(`mutation ($m: ID!) { removeFromList(input: { membershipId: $m, removedOn: "2025-06-01", removedBy: "湖北省鄂州市中级人民法院", documentNumber: "(2025)鄂07执恢1号" }) { id } }`),
        { m: membershipId },
        as,
      );
      return { action: 'REMOVE_FROM_LIST', subjectType: 'ENTERPRISE', subjectId: id, targetId: membershipId, outcome: 'removed JUDGMENT_DEFAULTER' };
    },
  },
  {
    mutation: 'evaluate',
    role: 'OFFICER',
    async perform(as) {
      const servantId = await createCivilServant(server, await createAgency(server));
      await createRecord(server, 'CIVIL_SERVANT', servantId, { occurredOn: '2025-03-01', recordedOn: '2025-03-20' });
      const { evaluate: v } = await server.ok(EVALUATE, { s: servantId }, as);
      expect(v.outcome).toBe('RESTRICTED');
      return { action: 'EVALUATE', subjectType: 'CIVIL_SERVANT', subjectId: servantId, targetId: v.id, outcome: 'AWARD RESTRICTED' };
    },
  },
  {
    mutation: 'recheck',
    role: 'INSPECTOR',
    async perform(as) {
      const servantId = await createCivilServant(server, await createAgency(server));
      const { evaluate: v } = await server.ok(EVALUATE, { s: servantId });
      await createRecord(server, 'CIVIL_SERVANT', servantId, { occurredOn: '2025-03-01', recordedOn: '2025-03-20' });
      const { recheck } = await server.ok(graphql(`mutation ($v: ID!) { recheck(verdictId: $v) { sameDecision } }`), { v: v.id }, as);
      expect(recheck.sameDecision).toBe(false);
      // The target is the verdict rechecked; the outcome says how the decision moved.
      return { action: 'RECHECK', subjectType: 'CIVIL_SERVANT', subjectId: servantId, targetId: v.id, outcome: 'ELIGIBLE → RESTRICTED' };
    },
  },
  {
    mutation: 'reloadRules',
    role: 'OFFICER',
    async perform(as) {
      const { reloadRules } = await server.ok(graphql(`mutation { reloadRules { version } }`), undefined, as);
      return { action: 'RELOAD_RULES', subjectType: null, subjectId: null, targetId: null, outcome: `in force: ${reloadRules.version}` };
    },
  },
  {
    mutation: 'previewRules',
    role: 'OFFICER',
    async perform(as) {
      const { previewRules } = await server.ok(graphql(`mutation { previewRules(files: [], matter: "HONOUR") { draftVersion changedTotal } }`), undefined, as);
      return { action: 'PREVIEW_RULES', subjectType: null, subjectId: null, targetId: null, outcome: `${previewRules.draftVersion}: 0 change(s)` };
    },
  },
  {
    mutation: 'updateCommitment',
    role: 'CLERK',
    async perform(as) {
      const agencyId = await createAgency(server);
      const id = await commitment(agencyId);
      await server.ok(graphql(`mutation ($c: ID!) { updateCommitment(id: $c, input: { domain: LIVELIHOOD }) { domain } }`), { c: id }, as);
      return { action: 'UPDATE_COMMITMENT', subjectType: 'AGENCY', subjectId: agencyId, targetId: id, outcome: 'updated domain: "PUBLIC_SERVICE" → "LIVELIHOOD"' };
    },
  },
  {
    mutation: 'recordBreachFinding',
    role: 'CLERK',
    async perform(as) {
      const agencyId = await createAgency(server);
      const id = await commitment(agencyId);
      // An unreviewed breach is one the migration of the lawyer's review left without a finding.
      await server.ok(graphql(`mutation ($c: ID!) { settleCommitment(input: { commitmentId: $c, status: BREACHED, breachFinding: FORCE_MAJEURE, foundBy: "督查室", settledOn: "2025-03-01" }) { status } }`), { c: id });
      await server.sql('update commitment set breach_finding = null, breach_found_on = null where id = ?', [id]);
      await server.ok(graphql(`mutation ($c: ID!) { recordBreachFinding(input: { commitmentId: $c, breachFinding: LAWFUL_CHANGE, foundOn: "2025-03-05", foundBy: "督查室" }) { id } }`), { c: id }, as);
      return { action: 'RECORD_BREACH_FINDING', subjectType: 'AGENCY', subjectId: agencyId, targetId: id, outcome: 'LAWFUL_CHANGE' };
    },
  },
  {
    mutation: 'cancelSweep',
    role: 'ADMIN',
    async perform(as) {
      const { startSweep: run } = await server.ok(graphql(`mutation { startSweep(matter: "AWARD") { id subjects chunks } }`));
      await server.ok(graphql(`mutation ($id: ID!) { cancelSweep(id: $id) { status } }`), { id: run.id }, as);
      return { action: 'SWEEP', subjectType: null, subjectId: null, targetId: run.id, outcome: `AWARD cancelled after 0 of ${run.subjects} subjects; queued jobs deleted: ${run.chunks}` };
    },
  },
  {
    mutation: 'startSweep',
    role: 'ADMIN',
    async perform(as) {
      const { startSweep: run } = await server.ok(graphql(`mutation { startSweep(matter: "HONOUR") { id subjects chunks } }`), undefined, as);
      return { action: 'SWEEP', subjectType: null, subjectId: null, targetId: run.id, outcome: `HONOUR started: ${run.subjects} subjects in ${run.chunks} chunks` };
    },
  },
];

const EVALUATE = graphql(`mutation ($s: ID!) { evaluate(subject: { type: CIVIL_SERVANT, id: $s }, matter: "AWARD", asOf: "2025-06-01T00:00:00+08:00") { id outcome } }`);

async function enterprise(): Promise<string> {
  return (await server.ok(graphql(`mutation ($u: String!) { createEnterprise(input: { uscc: $u, name: "鄂州市审计建设有限公司" }) { id } }`), { u: uscc('91') })).createEnterprise.id;
}

async function agencyRecord(): Promise<{ subjectId: string; recordId: string }> {
  const subjectId = await createAgency(server);
  return { subjectId, recordId: await createRecord(server, 'AGENCY', subjectId) };
}

async function requestRepair(recordId: string, as?: Caller): Promise<string> {
  const requested = await server.ok(
    graphql(`mutation ($r: ID!) { requestCreditRepair(input: { recordId: $r, actions: [RECOVERED_LOSS], description: "已履行全部义务", appliedOn: "2025-03-01" }) { id } }`),
    { r: recordId },
    as,
  );
  return requested.requestCreditRepair.id;
}

async function commitment(agencyId: string, as?: Caller): Promise<string> {
  const created = await server.ok(
    graphql(`mutation ($a: ID!) { createCommitment(input: { agencyId: $a, kind: DEADLINE, domain: PUBLIC_SERVICE, publiclyDisclosed: true, content: "三十日内办结", publishedOn: "2025-01-01", dueOn: "2025-02-01" }) { id } }`),
    { a: agencyId },
    as,
  );
  return created.createCommitment.id;
}

let cases = 0;
async function courtCase(agencyId: string, as?: Caller): Promise<string> {
  const created = await server.ok(
    graphql(`mutation ($a: ID!, $n: String!) { createCourtCase(input: { agencyId: $a, caseNumber: $n, court: "鄂州市中级人民法院", filedOn: "2025-01-10", kind: ADMINISTRATIVE }) { id } }`),
    { a: agencyId, n: `(2025)鄂07行初${++cases}号` },
    as,
  );
  return created.createCourtCase.id;
}

async function listing(enterpriseId: string, as?: Caller): Promise<string> {
  const listed = await server.ok(
    graphql(`mutation ($e: ID!) { listSubject(input: { subjectType: ENTERPRISE, subjectId: $e, list: JUDGMENT_DEFAULTER, listedOn: "2025-01-10", listedBy: "湖北省鄂州市中级人民法院", documentNumber: "(2024)鄂07执88号" }) { id } }`),
    { e: enterpriseId },
    as,
  );
  return listed.listSubject.id;
}

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
    const expected = await perform(as);
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
