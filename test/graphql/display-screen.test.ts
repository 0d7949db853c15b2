import { createAgency, createCivilServant, createRecord } from '../support/factories';
import { runNode } from '../support/run-command';
import { startTestServer, TEST_JWT_SECRET, type TestServer } from '../support/test-server';
import { graphql } from '../support/graphql';

/**
 * Issue 16, screen A, as a display system (role DISPLAY) shows it: 30 candidates, each with the
 * PROMOTION status and a one-line reason, in one request that stores nothing.
 */
let server: TestServer;
const candidates: string[] = [];
const restricted = new Set<string>(); // with an unrepaired record
beforeAll(async () => {
  server = await startTestServer();
  const agencyId = await createAgency(server);
  for (let i = 0; i < 30; i++) candidates.push(await createCivilServant(server, agencyId, { name: `候选人${String.fromCharCode(0x4e00 + i)}` }));
  for (const id of candidates.slice(0, 10)) {
    await createRecord(server, 'CIVIL_SERVANT', id, { occurredOn: '2025-03-01', recordedOn: '2025-03-20' });
    restricted.add(id);
  }
});
afterAll(() => server.stop());

const TABLES = ['verdict', 'audit_event', 'credit_record', 'civil_servant'];
const counts = async () => Promise.all(TABLES.map(async (t) => (await server.sql(`select count(*)::int as n from ${t}`))[0].n as number));

const SCREEN = graphql(`query ($subjects: [SubjectInput!]!) { assess(subjects: $subjects, matter: "PROMOTION") {
  subjectId error { code }
  assessment { outcome reason { zh } subject { ... on CivilServant { name idCardNumber } } }
} }`);

it('screen A is one assess request by a display system: 30 candidates with their status and a one-line reason, nothing stored but the reads of the reasons', async () => {
  const before = await counts();
  const result = await server.query(SCREEN, { subjects: candidates.map((id) => ({ type: 'CIVIL_SERVANT' as const, id })) }, { role: 'DISPLAY' });
  expect(result.errors).toBeUndefined();
  const rows = result.data!.assess as any[];
  expect(rows).toHaveLength(30);
  for (const [i, row] of rows.entries()) {
    expect(row.subjectId).toBe(candidates[i]);
    expect(row.error).toBeNull();
    expect(row.assessment.outcome).toBe(restricted.has(row.subjectId) ? 'CAUTION' : 'ELIGIBLE'); // promotion cautions (三(四))
    expect(row.assessment.reason.zh).not.toMatch(/\$\.|subject\.|\n/);
    expect(row.assessment.reason.zh.match(/。/g)).toHaveLength(1);
    // A signed-in reader: whole names, masked ID-card numbers.
    expect(row.assessment.subject.name).toMatch(/^候选人.$/);
    expect(row.assessment.subject.idCardNumber).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
  }
  expect(rows[0].assessment.reason.zh).toContain(`「${rows[0].assessment.subject.name}」有1条未修复的失信记录（三(四)所称公务员个人相关信用信息，不限于政务失信；`);
  // The reasons are filled with the candidates' facts: one READ_EXPLANATION row each (test/security/assess-explanation-unaudited.test.ts);
  // the outcomes tell the rules that fired for each: one READ_PERSONAL_DATA row each (test/security/assess-measures-unaudited.test.ts).
  const [verdicts, audit, ...rest] = before;
  expect(await counts()).toEqual([verdicts, audit + 60, ...rest]);
});

it('a display system may not write, evaluate, preview rules or read the audit trail: FORBIDDEN, nothing changed', async () => {
  const before = await counts();
  const attempts = [
    ['createCreditRecord', 'mutation ($s: ID!) { createCreditRecord(input: { subjectType: CIVIL_SERVANT, subjectId: $s, kind: DISHONEST, category: BREACH_OF_CONTRACT, severity: GENERAL, summary: "x", occurredOn: "2024-01-01", recordedOn: "2024-01-02", sourceDepartment: "x", documentNumber: "x" }) { id } }'],
    ['evaluate', 'mutation ($s: ID!) { evaluate(subject: { type: CIVIL_SERVANT, id: $s }, matter: "PROMOTION") { id } }'],
    ['previewRules', 'mutation { previewRules(files: [], matter: "PROMOTION") { changedTotal } }'],
    ['reloadRules', 'mutation { reloadRules { version } }'],
    ['auditEvents', '{ auditEvents { totalCount } }'],
  ];
  for (const [field, query] of attempts) {
    const result = await server.rawQuery(query, query.includes('$s') ? { s: candidates[20] } : undefined, { role: 'DISPLAY' });
    expect([field, result.data?.[field] ?? null]).toEqual([field, null]);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', role: 'DISPLAY' });
  }
  expect(await counts()).toEqual(before);
});

it('npx chengxin token --role DISPLAY mints a token the server accepts as a display system', async () => {
  const minted = await runNode(['bin/chengxin.js', 'token', '--role', 'DISPLAY', '--sub', 'hr-screen'], { ...process.env, JWT_SECRET: TEST_JWT_SECRET, JWKS_URL: '' });
  expect(minted.status).toBe(0);
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${minted.stdout.trim()}` },
    body: JSON.stringify({ query: 'query ($id: ID!) { civilServant(id: $id) { name idCardNumber } }', variables: { id: candidates[0] } }),
  });
  const body = (await response.json()) as any;
  expect(body.errors).toBeUndefined();
  expect(body.data.civilServant).toEqual({ name: '候选人一', idCardNumber: expect.stringMatching(/^\d{4}\*{10}[\dX]{4}$/) });
});
