import { createAgency, createCivilServant, createRecord } from '../support/factories';
import { startTestServer, type Caller, type TestServer } from '../support/test-server';
import { graphql } from '../support/graphql';

/**
 * hostile5 F1: a civil servant's dishonesty records, the objections to them and the commitments they
 * answer for were read through the root lists — `creditRecords`, `creditRecord`, `objections`,
 * `commitments` — with no READ_PERSONAL_DATA event, where reading the same through `civilServant`
 * left one. Now every path that returns a civil servant's personal data leaves one event per
 * person per request, naming what was read; an agency's record leaves none.
 */
let server: TestServer;
let agencyId: string;
let servantId: string;
let cadreId: string;
let servantRecordId: string;
let agencyRecordId: string;
let objectionId: string;
const CLERK: Caller = { role: 'CLERK', sub: 'li.clerk' };
const INSPECTOR: Caller = { role: 'INSPECTOR', sub: 'zhao.inspector' };
const DISPLAY: Caller = { role: 'DISPLAY', sub: 'hr-screen-3f' };

beforeAll(async () => {
  server = await startTestServer();
  agencyId = await createAgency(server, { name: '鄂州市审计测试局' });
  servantId = await createCivilServant(server, agencyId, { name: '何佳浩' });
  cadreId = await createCivilServant(server, agencyId, { name: '欧阳明', post: '局长', rank: '正处级', leadingCadre: true, principal: true, principalSince: '2024-01-01' });
  servantRecordId = await createRecord(server, 'CIVIL_SERVANT', servantId, { occurredOn: '2025-03-01', recordedOn: '2025-03-20', documentNumber: '鄂州纪〔2025〕31号' });
  agencyRecordId = await createRecord(server, 'AGENCY', agencyId, { occurredOn: '2025-03-02', recordedOn: '2025-03-21' });
  objectionId = (await server.ok(graphql(`mutation ($r: ID!) { fileObjection(input: { recordId: $r, filedBy: "何佳浩本人", reason: "当日在外地出差", filedOn: "2025-04-01" }) { id } }`), { r: servantRecordId }, { role: 'ADMIN' })).fileObjection.id; // dated on a past day: a second person's to enter (hostile18 F2)
  const created = await server.ok(
    graphql(`mutation ($input: CreateCommitmentInput!) { createCommitment(input: $input) { id } }`),
    { input: { agencyId, responsiblePersonId: cadreId, kind: 'DEADLINE', domain: 'PUBLIC_SERVICE', publiclyDisclosed: true, content: '30个工作日内办结企业投诉', publishedOn: '2025-01-01', dueOn: '2025-03-01' } },
    CLERK,
  );
  await server.ok(graphql(`mutation ($input: SettleCommitmentInput!) { settleCommitment(input: $input) { id } }`),
    { input: { commitmentId: created.createCommitment.id, status: 'BREACHED', settledOn: '2025-03-10', breachFinding: 'DERELICTION', settlementDocument: '鄂州督〔2025〕7号', foundBy: '鄂州市人民政府督查室', answerablePersonIds: [cadreId], answerableSeverity: 'GENERAL' } }, CLERK);
});
afterAll(() => server.stop());

/** The READ_PERSONAL_DATA events written since `after` (an audit_event count), oldest first. */
const eventsSince = async (after: number) => server.sql<{ actor: string; role: string; subject_id: string; outcome: string }>(
  `select actor, role, subject_id, outcome from (select *, row_number() over (order by created_at, id) as n from audit_event) e
    where n > ? and action = 'READ_PERSONAL_DATA' order by subject_id`, [after],
);
const auditCount = async () => (await server.sql<{ n: number }>('select count(*)::int as n from audit_event'))[0].n;

it('creditRecords: the page of records leaves one event per civil servant in it, naming the fields; the agency\'s record none', async () => {
  const before = await auditCount();
  const { creditRecords } = await server.ok(graphql(`{ creditRecords(first: 100) { edges { node { id subjectId summary documentNumber } } } }`), {}, INSPECTOR);
  // The servant's record, the agency's, and the 履职不力 record the finding entered in the file of the cadre it named.
  expect(creditRecords.edges.map((e) => e.node.id)).toEqual(expect.arrayContaining([servantRecordId, agencyRecordId]));
  expect(creditRecords.edges).toHaveLength(3);
  const outcome = 'read CreditRecord: documentNumber, subjectId, summary';
  expect(await eventsSince(before)).toEqual([servantId, cadreId].sort().map((id) => ({ actor: 'zhao.inspector', role: 'INSPECTOR', subject_id: id, outcome })));
});

it('creditRecord(id), twice under aliases: one event; a DISPLAY system reading it is recorded too', async () => {
  for (const as of [INSPECTOR, DISPLAY]) {
    const before = await auditCount();
    const read = await server.ok(graphql(`query ($id: ID!) { a: creditRecord(id: $id) { summary } b: creditRecord(id: $id) { severity loss } }`), { id: servantRecordId }, as);
    expect(read.a?.summary).toBeTruthy();
    expect(await eventsSince(before)).toEqual([{ actor: as.sub, role: as.role, subject_id: servantId, outcome: 'read CreditRecord: loss, severity, summary' }]);
  }
});

it('creditRecords narrowed to one civil servant is their file even when only totalCount is read', async () => {
  const before = await auditCount();
  const { creditRecords } = await server.ok(graphql(`query ($id: ID!) { creditRecords(filter: { subjectId: $id }) { totalCount } }`), { id: servantId }, INSPECTOR);
  expect(creditRecords.totalCount).toBe(1);
  expect(await eventsSince(before)).toEqual([{ actor: 'zhao.inspector', role: 'INSPECTOR', subject_id: servantId, outcome: 'read creditRecords' }]);
});

it('objections and objection(id): the applicant and reasons are the record\'s person\'s, recorded as theirs', async () => {
  const before = await auditCount();
  const read = await server.ok(graphql(`query ($id: ID!) { objections(first: 10) { edges { node { filedBy reason } } } objection(id: $id) { status record { documentNumber } } }`), { id: objectionId }, INSPECTOR);
  expect(read.objections.edges[0].node.filedBy).toBe('何佳浩本人');
  expect(await eventsSince(before)).toEqual([
    { actor: 'zhao.inspector', role: 'INSPECTOR', subject_id: servantId, outcome: 'read CreditRecord: documentNumber; Objection: filedBy, reason, status' },
  ]);
});

it('commitments: the responsible person, finding and document are recorded as a read of the responsible person', async () => {
  const before = await auditCount();
  const { commitments } = await server.ok(graphql(`{ commitments(first: 10) { edges { node { status breachFinding settlementDocument responsiblePerson { post } } } } }`), {}, DISPLAY);
  expect(commitments.edges[0].node).toMatchObject({ status: 'BREACHED', breachFinding: 'DERELICTION', settlementDocument: '鄂州督〔2025〕7号', responsiblePerson: { post: '局长' } });
  expect(await eventsSince(before)).toEqual([
    { actor: 'hr-screen-3f', role: 'DISPLAY', subject_id: cadreId, outcome: 'read Commitment: breachFinding, responsiblePerson, settlementDocument' },
  ]);
});

it('what says nothing about a person (an agency\'s records, a commitment\'s status) and the public\'s reads leave nothing', async () => {
  const before = await auditCount();
  await server.ok(graphql(`query ($a: ID!) { creditRecords(first: 10, filter: { subjectType: AGENCY }) { edges { node { summary } } } commitments(first: 10) { edges { node { id status dueOn } } } agency(id: $a) { creditRecords { summary } } }`), { a: agencyId }, INSPECTOR);
  await server.ok(graphql(`{ commitments(first: 10) { edges { node { breachFinding responsiblePerson { id } } } } creditRecords(first: 10) { totalCount } }`), {}, { role: 'PUBLIC' });
  expect(await auditCount()).toBe(before);
});
