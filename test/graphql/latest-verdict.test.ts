import { createAgency, createCivilServant, createRecord } from '../support/factories';
import { startTestServer, type Caller, type TestServer } from '../support/test-server';
import { graphql } from '../support/graphql';

/** Issue 16, items 2 and 3: the current verdict, whether it is stale, and its one-line reason. */
let server: TestServer;
let agencyId: string;
let candidate: string;
let colleague: string;
beforeAll(async () => {
  server = await startTestServer();
  agencyId = await createAgency(server);
  candidate = await createCivilServant(server, agencyId, { name: '周明亮' });
  colleague = await createCivilServant(server, agencyId, { name: '吴丽' });
});
afterAll(() => server.stop());

const EVALUATE = graphql(`mutation ($id: ID!, $asOf: DateTime) { evaluate(subject: { type: CIVIL_SERVANT, id: $id }, matter: "AWARD", asOf: $asOf) { id outcome } }`);
const LATEST = graphql(`query ($id: ID!) { latestVerdict(subject: { type: CIVIL_SERVANT, id: $id }, matter: "AWARD") { id outcome asOf stale reason { zh en } } }`);
const evaluate = async (id: string, asOf?: string) => {
  const result = await server.query(EVALUATE, { id, asOf }, { role: 'OFFICER' });
  expect(result.errors).toBeUndefined();
  return result.data!.evaluate as { id: string; outcome: string };
};
const latest = async (id: string, role: Caller['role'] = 'OFFICER') => {
  const result = await server.query(LATEST, { id }, { role });
  expect(result.errors).toBeUndefined();
  return result.data!.latestVerdict;
};

describe('latestVerdict (16.2)', () => {
  it('is null until a verdict about now exists, and ignores a newer verdict evaluated as of 2019', async () => {
    await evaluate(candidate, '2019-06-01T00:00:00+08:00');
    expect(await latest(candidate)).toBeNull();
    const now = await evaluate(candidate);
    await evaluate(candidate, '2019-06-01T00:00:00+08:00');
    expect(await latest(candidate)).toMatchObject({ id: now.id, outcome: 'ELIGIBLE', stale: false });
  });

  it('turns stale after a new credit record of its subject, not after a record of another subject', async () => {
    await evaluate(colleague);
    const before = await latest(colleague);
    expect(before!.stale).toBe(false);
    await createRecord(server, 'CIVIL_SERVANT', candidate, { occurredOn: '2025-03-01', recordedOn: '2025-03-20' });
    expect((await latest(colleague))!.stale).toBe(false);
    const stale = await latest(candidate);
    expect(stale).toMatchObject({ outcome: 'ELIGIBLE', stale: true });
    // A fresh evaluation is the new current verdict, and it is not stale.
    const fresh = await evaluate(candidate);
    expect(fresh.outcome).toBe('RESTRICTED');
    expect(await latest(candidate)).toMatchObject({ id: fresh.id, outcome: 'RESTRICTED', stale: false });
  });

  it("the public gets no civil servant's latest verdict; a display system does", async () => {
    const asPublic = await server.query(LATEST, { id: candidate }, { role: 'PUBLIC' });
    expect(asPublic.data?.latestVerdict ?? null).toBeNull();
    expect(asPublic.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await latest(candidate, 'DISPLAY'))!.outcome).toBe('RESTRICTED');
  });

  it('an unknown matter is BAD_USER_INPUT on matter', async () => {
    const result = await server.query(graphql(`query ($id: ID!) { latestVerdict(subject: { type: CIVIL_SERVANT, id: $id }, matter: "NOPE") { id } }`), { id: candidate });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'matter' });
  });
});

describe('Verdict.reason (16.3)', () => {
  const FACT_PATH = /\$\.|subject\.|\{\{/;

  it('is one plain sentence: the fired rule\'s filled text for RESTRICTED, the matter\'s eligibleReason for ELIGIBLE', async () => {
    const restricted = await latest(candidate, 'DISPLAY');
    // Still one sentence, saying it is a recommendation to the competent body (lawyer5 R1).
    expect(restricted!.reason.zh).toBe('「周明亮」有1条无异议的未修复政务失信记录，依据三(六)，按照相关规定限制评优评先；所称相关规定本规则集未收入，由评选机关依相关规定决定是否限制，本规则直接并对全市适用是本系统的理解，待确认（见授权清单三(六)本地选择）（本结论为向有权机关提出的建议，由有权机关依照相关规定决定）。');
    const eligible = await latest(colleague, 'DISPLAY');
    expect(eligible!.reason).toEqual({
      zh: '无计入期间内未修复的失信记录（三(四)个人相关信用信息，与职务晋升同样考量）、本系统未登记法院移出的失信被执行人名单、诚信档案中无异议未修复的主要负责人责任认定（三(四)），也无据以限制的未修复政务失信记录（三(六)，含四(四)履职不力记录；异议中的记录不据以限制）：依本规则集（鄂州政发〔2018〕17号三(四)、三(六)、三(七)）评优评先不予限制，无需提示关注；其他规定另行适用（本结论为向有权机关提出的建议，由有权机关依照相关规定决定）。',
      en: 'No counting unrepaired dishonesty record (personal credit information, 三(四)), no judgment-defaulter listing without a recorded court removal, no undisputed unrepaired principal finding in the integrity file (三(四)), no undisputed unrepaired government-dishonesty record (三(六), 四(四) entries too): nothing to restrict or flag under this rule set; other provisions apply separately (a recommendation to the competent body, which decides under the relevant provisions).',
    });
    for (const text of [restricted!.reason.zh, restricted!.reason.en, eligible!.reason.zh, eligible!.reason.en]) {
      expect(text).not.toMatch(FACT_PATH);
      expect(text.split(/[。.](?!\d)/).filter((s: string) => s.trim()).length).toBe(1);
    }
  });

  it('is not recorded as an explanation read', async () => {
    const before = (await server.sql("select count(*)::int as n from audit_event where action = 'READ_EXPLANATION'"))[0].n;
    await latest(candidate, 'INSPECTOR');
    expect((await server.sql("select count(*)::int as n from audit_event where action = 'READ_EXPLANATION'"))[0].n).toBe(before);
  });
});
