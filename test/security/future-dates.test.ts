import { chinaToday } from '../../src/domain/day';
import { happenedOnProblem } from '../../src/graphql/validators';
import { createAgency, createCivilServant, createRecord, uscc } from '../support/factories';
import { startTestServer, type TestServer } from '../support/test-server';
import type { DocumentNode } from 'graphql';
import { graphql, type VariablesOf } from '../support/graphql';

/**
 * Attack: dating what happened in the future. A listing dated 2199 blocks the real one (one open
 * listing per subject and list), a record "decided" next year counts on no day anyone can check, a
 * repair "approved" tomorrow waives a record in advance. Every day on which something happened
 * (occurred, recorded, decided, filed, resolved, applied, published, settled, listed, removed,
 * graded) must be on or before today in China Standard Time: BAD_USER_INPUT naming the input field,
 * in Chinese and English, and nothing written. Through the real server over HTTP.
 */
let server: TestServer;
let agencyId: string;
let enterpriseId: string;
let recordId: string;
let objectionId: string;
let repairId: string;
let commitmentId: string;
let caseId: string;
let membershipId: string;

/** The day after tomorrow in China: after today however the clock turns during the test. */
const future = (() => {
  const day = new Date(`${chinaToday()}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 2);
  return day.toISOString().slice(0, 10);
})();

beforeAll(async () => {
  server = await startTestServer();
  agencyId = await createAgency(server);
  const enterprise = await server.query(graphql(`mutation ($u: String!) { createEnterprise(input: { uscc: $u, name: "鄂州市日期测试有限公司" }) { id } }`), { u: uscc('91') });
  enterpriseId = enterprise.data!.createEnterprise.id;
  recordId = await createRecord(server, 'AGENCY', agencyId, { occurredOn: '2025-03-01', recordedOn: '2025-03-20' });
  const objection = await server.query(graphql(`mutation ($r: ID!) { fileObjection(input: { recordId: $r, filedBy: "本单位", reason: "金额有误", filedOn: "2025-04-01" }) { id } }`), { r: recordId });
  objectionId = objection.data!.fileObjection.id;
  const repairRecord = await createRecord(server, 'AGENCY', agencyId, { occurredOn: '2025-03-01', recordedOn: '2025-03-20' });
  const repair = await server.query(graphql(`mutation ($r: ID!) { requestCreditRepair(input: { recordId: $r, actions: [RECOVERED_LOSS], description: "已全额赔偿", appliedOn: "2025-04-01" }) { id } }`), { r: repairRecord });
  repairId = repair.data!.requestCreditRepair.id;
  const commitment = await server.query(graphql(`mutation ($a: ID!) { createCommitment(input: { agencyId: $a, kind: DEADLINE, domain: PUBLIC_SERVICE, publiclyDisclosed: true, content: "按期办结", publishedOn: "2025-01-01", dueOn: "2025-03-01" }) { id } }`), { a: agencyId });
  commitmentId = commitment.data!.createCommitment.id;
  const court = await server.query(graphql(`mutation ($a: ID!) { createCourtCase(input: { agencyId: $a, kind: ADMINISTRATIVE, caseNumber: "(2025)鄂07行初9号", court: "鄂州市中级人民法院", filedOn: "2025-02-01" }) { id } }`), { a: agencyId });
  caseId = court.data!.createCourtCase.id;
  const listing = await server.query(graphql(`mutation ($s: ID!) { listSubject(input: { subjectType: ENTERPRISE, subjectId: $s, list: JUDGMENT_DEFAULTER, listedOn: "2025-01-10", listedBy: "鄂州市中级人民法院", documentNumber: "(2025)鄂07执1号" }) { id } }`), { s: enterpriseId });
  membershipId = listing.data!.listSubject.id;
  for (const result of [enterprise, objection, repair, commitment, court, listing]) expect(result.errors).toBeUndefined();
});
afterAll(() => server.stop());

const TABLES = ['credit_record', 'credit_record_revision', 'objection', 'credit_repair', 'commitment', 'court_case', 'list_membership', 'enterprise', 'audit_event'];
async function snapshot() {
  const counts = await server.sql(`select ${TABLES.map((t) => `(select count(*)::int from ${t}) as ${t}`).join(', ')}`);
  const states = await server.sql(`select
    (select string_agg(status::text || coalesce(resolved_on::text, ''), ',') from objection) as objections,
    (select string_agg(status::text || coalesce(decided_on::text, ''), ',') from credit_repair) as repairs,
    (select string_agg(status::text || coalesce(settled_on::text, ''), ',') from commitment) as commitments,
    (select string_agg(coalesce(defaulter_listed_on::text, '-') || coalesce(defaulter_removed_on::text, '-'), ',') from court_case) as cases,
    (select string_agg(coalesce(removed_on::text, '-'), ',') from list_membership) as removals,
    (select string_agg(coalesce(graded_on::text, '-'), ',') from enterprise) as grades`);
  return { ...counts[0], ...states[0] };
}

type Attack = [name: string, field: string, query: string | DocumentNode, variables: () => Record<string, unknown>];
const RECORD = graphql(`mutation ($input: CreateCreditRecordInput!) { createCreditRecord(input: $input) { id } }`);
const record = (dates: { occurredOn?: string; recordedOn?: string; decidedOn?: string; disclosureEndsOn?: string }): VariablesOf<typeof RECORD> => ({ input: { subjectType: 'AGENCY', subjectId: agencyId, kind: 'DISHONEST', category: 'BREACH_OF_CONTRACT', severity: 'GENERAL', summary: '违约', occurredOn: '2025-01-01', recordedOn: '2025-01-02', sourceDepartment: '鄂州市发改委', documentNumber: '鄂州信〔2025〕1号', ...dates } });

const ATTACKS: Attack[] = [
  ['a record that occurs in the future', 'occurredOn', RECORD, () => record({ occurredOn: future, recordedOn: future })],
  ['a record recorded in the future', 'recordedOn', RECORD, () => record({ recordedOn: future })],
  ['a record decided in the future', 'decidedOn', RECORD, () => record({ decidedOn: future })],
  ['an objection filed in the future', 'filedOn', 'mutation ($r: ID!, $d: LocalDate!) { fileObjection(input: { recordId: $r, filedBy: "x", reason: "x", filedOn: $d }) { id } }', () => ({ r: recordId, d: future })],
  ['an objection resolved in the future', 'resolvedOn', 'mutation ($o: ID!, $d: LocalDate!) { resolveObjection(input: { objectionId: $o, decision: REJECTED, resolution: "x", resolvedOn: $d }) { id } }', () => ({ o: objectionId, d: future })],
  ['a correction that decides the record in the future', 'correction.decidedOn', 'mutation ($o: ID!, $d: LocalDate!) { resolveObjection(input: { objectionId: $o, decision: UPHELD, remedy: CORRECT, correction: { decidedOn: $d }, resolution: "x", resolvedOn: "2025-04-20" }) { id } }', () => ({ o: objectionId, d: future })],
  ['a breach finding made in the future', 'foundOn', 'mutation ($c: ID!, $d: LocalDate!) { recordBreachFinding(input: { commitmentId: $c, breachFinding: DERELICTION, foundOn: $d, foundBy: "x" }) { id } }', () => ({ c: commitmentId, d: future })],
  ['a principal taking office in the future', 'principalSince', 'mutation ($a: ID!, $d: LocalDate!) { createCivilServant(input: { idCardNumber: "420704198506120017", name: "x", agencyId: $a, post: "局长", rank: "x", principal: true, principalSince: $d }) { id } }', () => ({ a: agencyId, d: future })],
  ['a correction that moves the record into the future', 'correction.occurredOn', 'mutation ($o: ID!, $d: LocalDate!) { resolveObjection(input: { objectionId: $o, decision: UPHELD, remedy: CORRECT, correction: { occurredOn: $d }, resolution: "x", resolvedOn: "2025-04-20" }) { id } }', () => ({ o: objectionId, d: future })],
  ['a repair applied for in the future', 'appliedOn', 'mutation ($r: ID!, $d: LocalDate!) { requestCreditRepair(input: { recordId: $r, actions: [RECOVERED_LOSS], description: "x", appliedOn: $d }) { id } }', () => ({ r: recordId, d: future })],
  ['a repair approved in advance', 'decidedOn', 'mutation ($r: ID!, $d: LocalDate!) { decideCreditRepair(input: { repairId: $r, decision: APPROVED, relief: WAIVE, decidedOn: $d }) { id } }', () => ({ r: repairId, d: future })],
  ['a commitment published in the future', 'publishedOn', 'mutation ($a: ID!, $d: LocalDate!) { createCommitment(input: { agencyId: $a, kind: DEADLINE, domain: PUBLIC_SERVICE, publiclyDisclosed: true, content: "x", publishedOn: $d, dueOn: "2199-01-01" }) { id } }', () => ({ a: agencyId, d: future })],
  ['a commitment settled in the future', 'settledOn', 'mutation ($c: ID!, $d: LocalDate!) { settleCommitment(input: { commitmentId: $c, status: FULFILLED, settledOn: $d }) { id } }', () => ({ c: commitmentId, d: future })],
  ['a court case filed in the future', 'filedOn', 'mutation ($a: ID!, $d: LocalDate!) { createCourtCase(input: { agencyId: $a, kind: ADMINISTRATIVE, caseNumber: "x", court: "x", filedOn: $d }) { id } }', () => ({ a: agencyId, d: future })],
  ['a defaulter listing dated in the future', 'defaulterListedOn', 'mutation ($c: ID!, $d: LocalDate!) { updateCourtCase(id: $c, input: { judgmentDefaulter: true, defaulterListedOn: $d }) { id } }', () => ({ c: caseId, d: future })],
  ['a defaulter removal dated in the future', 'defaulterRemovedOn', 'mutation ($c: ID!, $d: LocalDate!) { updateCourtCase(id: $c, input: { defaulterRemovedOn: $d }) { id } }', () => ({ c: caseId, d: future })],
  ['a listing dated 2199', 'listedOn', 'mutation ($s: ID!) { listSubject(input: { subjectType: AGENCY, subjectId: $s, list: SERIOUS_ILLEGAL_DISHONEST, listedOn: "2199-01-01", listedBy: "x", documentNumber: "x" }) { id } }', () => ({ s: agencyId })],
  ['a removal from a list dated in the future', 'removedOn', 'mutation ($m: ID!, $d: LocalDate!) { removeFromList(input: { membershipId: $m, removedOn: $d, removedBy: "x", documentNumber: "x" }) { id } }', () => ({ m: membershipId, d: future })],
  ['a credit grade given in the future', 'gradedOn', 'mutation ($u: String!, $d: LocalDate!) { createEnterprise(input: { uscc: $u, name: "x", creditGrade: A, gradedOn: $d }) { id } }', () => ({ u: uscc('91'), d: future })],
  ['a credit grade changed to one given in the future', 'gradedOn', 'mutation ($e: ID!, $d: LocalDate!) { updateEnterprise(id: $e, input: { creditGrade: A, gradedOn: $d }) { id } }', () => ({ e: enterpriseId, d: future })],
];

describe('a day something happened on may not lie in the future (China Standard Time)', () => {
  it.each(ATTACKS)('%s: BAD_USER_INPUT on %s, bilingual, nothing written', async (_name, field, query, variables) => {
    const before = await snapshot();
    const result = await server.rawQuery(query, variables());
    expect(result.data ?? null).toBeNull();
    const [error] = result.errors ?? [];
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(error?.message).toMatch(/晚于今天（\d{4}-\d{2}-\d{2}，北京时间）.*is after today \(\d{4}-\d{2}-\d{2}, China Standard Time\)/s);
    expect(await snapshot()).toEqual(before);
  });

  it('the 2199 listing does not block the real one: refused, the real listing is then taken', async () => {
    const LIST = graphql(`mutation ($s: ID!, $d: LocalDate!) { listSubject(input: { subjectType: ENTERPRISE, subjectId: $s, list: SERIOUS_ILLEGAL_DISHONEST, listedOn: $d, listedBy: "鄂州市市场监督管理局", documentNumber: "鄂州市监〔2025〕3号" }) { listedOn } }`);
    const squatted = await server.query(LIST, { s: enterpriseId, d: '2199-01-01' });
    expect(squatted.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'listedOn' });
    const real = await server.query(LIST, { s: enterpriseId, d: '2025-06-01' });
    expect(real.errors).toBeUndefined();
    expect(real.data!.listSubject.listedOn).toBe('2025-06-01');
  });

  it('today in China is accepted', async () => {
    const servant = await createCivilServant(server, agencyId);
    const today = chinaToday();
    const result = await server.query(RECORD, { input: { ...record({ occurredOn: today, recordedOn: today, decidedOn: today }).input, subjectType: 'CIVIL_SERVANT', subjectId: servant } });
    expect(result.errors).toBeUndefined();
  });

  it("days that lie ahead by nature stay open: a commitment's due day, a record's disclosure end", async () => {
    const due = await server.ok(graphql(`mutation ($a: ID!) { createCommitment(input: { agencyId: $a, kind: DEADLINE, domain: PUBLIC_SERVICE, publiclyDisclosed: true, content: "年底前办结", publishedOn: "2025-01-01", dueOn: "2199-12-31" }) { dueOn } }`), { a: agencyId });
    expect(due.createCommitment.dueOn).toBe('2199-12-31');
    const disclosed = await server.query(RECORD, record({ disclosureEndsOn: future }));
    expect(disclosed.errors).toBeUndefined();
  });

  it('"today" is the day in China, whatever the UTC date: from 16:00 UTC the next day is already today', () => {
    expect(happenedOnProblem('2026-11-30', new Date('2026-11-29T15:59:59Z'))).toMatch(/2026-11-30 晚于今天（2026-11-29，北京时间）/);
    expect(happenedOnProblem('2026-11-30', new Date('2026-11-29T16:00:00Z'))).toBeNull();
    expect(happenedOnProblem('2026-11-29', new Date('2026-11-29T16:00:00Z'))).toBeNull();
    // A year's end in China comes eight hours before UTC's.
    expect(happenedOnProblem('2027-01-01', new Date('2026-12-31T16:00:00Z'))).toBeNull();
    expect(happenedOnProblem('2027-01-01', new Date('2026-12-31T15:59:59.999Z'))).not.toBeNull();
  });
});
