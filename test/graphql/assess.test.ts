import { createAgency, createCivilServant, createRecord, type SubjectType } from '../support/factories';
import { startTestServer, type TestServer } from '../support/test-server';
import { graphql } from '../support/graphql';

/** Issue 16, item 1: a screen of candidates in one request that stores nothing. */
let server: TestServer;
let agencyId: string;
let restricted: string;
let eligible: string;
beforeAll(async () => {
  server = await startTestServer();
  agencyId = await createAgency(server);
  restricted = await createCivilServant(server, agencyId, { name: '李晓红' });
  eligible = await createCivilServant(server, agencyId, { name: '赵文' });
  await createRecord(server, 'CIVIL_SERVANT', restricted, { occurredOn: '2025-03-01', recordedOn: '2025-03-20' });
});
afterAll(() => server.stop());

const count = async (table: string) => (await server.sql(`select count(*)::int as n from ${table}`))[0].n as number;
const ASSESS = graphql(`query ($subjects: [SubjectInput!]!, $asOf: DateTime) { assess(subjects: $subjects, matter: "PROMOTION", asOf: $asOf) {
  subjectType subjectId error { code field message }
  assessment { outcome score ruleSetVersion measures { ruleId } reason { zh en } subject { ... on CivilServant { name } }
    explanation { day summary(locale: "zh") rules { ruleId fired conditions { place actual passed } } } }
} }`);
const ASOF = '2025-06-01T00:00:00+08:00';

describe('assess (16.1)', () => {
  it('assesses a screen of subjects in one request, each with its result or its own error, storing no verdict and only the reads of the explanations it showed', async () => {
    const verdicts = await count('verdict');
    const audits = await count('audit_event');
    const subjects: { type: SubjectType; id: string }[] = [
      { type: 'CIVIL_SERVANT', id: restricted },
      { type: 'CIVIL_SERVANT', id: 'not-an-id' },
      { type: 'CIVIL_SERVANT', id: '00000000-0000-4000-8000-000000000000' },
      { type: 'AGENCY', id: agencyId },
      { type: 'CIVIL_SERVANT', id: eligible },
    ];
    const result = await server.query(ASSESS, { subjects, asOf: ASOF }, { role: 'CLERK' });
    expect(result.errors).toBeUndefined();
    const rows = result.data!.assess;
    expect(rows.map((r) => r.subjectId)).toEqual(subjects.map((s) => s.id));
    expect(rows[0].assessment).toMatchObject({ outcome: 'CAUTION', subject: { name: '李晓红' } });
    expect(rows[0].assessment!.reason.zh).not.toMatch(/subject\.|\$\./);
    expect(rows[0].error).toBeNull();
    expect(rows[1]).toMatchObject({ assessment: null, error: { code: 'BAD_USER_INPUT', field: 'subjects[1].id' } });
    expect(rows[2]).toMatchObject({ assessment: null, error: { code: 'NOT_FOUND', field: 'subjects[2].id' } });
    expect(rows[3]).toMatchObject({ assessment: null, error: { code: 'BAD_USER_INPUT', field: 'matter' } });
    expect(rows[4].assessment).toMatchObject({ outcome: 'ELIGIBLE', measures: [] });
    expect(rows[4].assessment!.reason.zh).toMatch(/^无计入期间内未修复的失信记录（三\(四\)所称个人相关信用信息，不限于政务失信[^。]*职务晋升中无需提示关注；其他规定另行适用（本结论为向有权机关提出的建议，由有权机关依照相关规定决定）。$/); // PROMOTION's eligibleReason, as a recommendation
    expect(await count('verdict')).toBe(verdicts);
    // The two assessed servants' explanations were read: one READ_EXPLANATION each (test/security/assess-explanation-unaudited.test.ts),
    // and their outcomes and measures: one READ_PERSONAL_DATA each (test/security/assess-measures-unaudited.test.ts).
    expect(await count('audit_event')).toBe(audits + 4);
  });

  it('explains exactly as evaluate does for the same moment', async () => {
    const assessed = (await server.ok(ASSESS, { subjects: [{ type: 'CIVIL_SERVANT', id: restricted }], asOf: ASOF }, { role: 'OFFICER' })).assess[0].assessment;
    const evaluated = (await server.ok(graphql(`mutation ($id: ID!, $asOf: DateTime) { evaluate(subject: { type: CIVIL_SERVANT, id: $id }, matter: "PROMOTION", asOf: $asOf) {
      outcome score ruleSetVersion measures { ruleId } explanation { day summary(locale: "zh") rules { ruleId fired conditions { place actual passed } } } } }`), { id: restricted, asOf: ASOF }, { role: 'OFFICER' })).evaluate;
    expect(assessed!.outcome).toBe(evaluated.outcome);
    expect(assessed!.score).toBe(evaluated.score);
    expect(assessed!.ruleSetVersion).toBe(evaluated.ruleSetVersion);
    expect(assessed!.measures).toEqual(evaluated.measures);
    expect(assessed!.explanation).toEqual(evaluated.explanation);
  });

  it('is refused to the public and to more than 100 subjects, storing nothing', async () => {
    const verdicts = await count('verdict');
    const asPublic = await server.query(ASSESS, { subjects: [{ type: 'CIVIL_SERVANT', id: eligible }] }, { role: 'PUBLIC' });
    expect(asPublic.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const many = Array.from({ length: 101 }, () => ({ type: 'CIVIL_SERVANT' as const, id: eligible }));
    const tooMany = await server.query(ASSESS, { subjects: many }, { role: 'CLERK' });
    expect(tooMany.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(tooMany.data?.assess ?? null).toBeNull();
    expect(await count('verdict')).toBe(verdicts);
  });
});
