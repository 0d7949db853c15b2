import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { createAgency, createCivilServant } from '../support/factories';
import { graphql } from '../support/graphql';
import { startTestServer, token, type Caller, type TestServer } from '../support/test-server';
import { until } from '../support/until';

/**
 * Attack (or accident): a dishonesty record put into a civil servant's integrity file with no trace
 * about them. A breach found through 履职不力 (DERELICTION) on a public commitment of 四(四) creates
 * a dishonesty record in the file of each person it names as answerable; the audit trail held only the agency's
 * SETTLE_COMMITMENT (or RECORD_BREACH_FINDING) row and the person's subscribers heard nothing, so
 * an inspector looking up the person saw no creation of the record, and an HR system watching them
 * kept a stale verdict. Now the record's creation is audited about the person (CREATE_RECORD, the
 * shape createCreditRecord writes, in the settlement's transaction) and announced to their
 * subscribers when it commits.
 */
let server: TestServer;
let agencyId: string;
let cadreId: string;
const clients: Client[] = [];

const CLERK: Caller = { role: 'CLERK', sub: 'wang.clerk' };
const CREATE = graphql(`mutation ($input: CreateCommitmentInput!) { createCommitment(input: $input) { id } }`);
const SETTLE = graphql(`mutation ($input: SettleCommitmentInput!) { settleCommitment(input: $input) { status } }`);
const FINDING = graphql(`mutation ($input: RecordBreachFindingInput!) { recordBreachFinding(input: $input) { breachFinding } }`);
const AUDIT = graphql(`query ($s: ID) { auditEvents(first: 50, filter: { subjectId: $s }) { edges { node { actor role action subjectType subjectId targetId outcome } } } }`);
const FILE = graphql(`query ($id: ID!) { civilServant(id: $id) { creditRecords { id category documentNumber } } }`);

beforeAll(async () => {
  server = await startTestServer();
  agencyId = await createAgency(server, { name: '鄂州市住建局' });
  cadreId = await createCivilServant(server, agencyId, { name: '刘建国', post: '局长', rank: '正处级', leadingCadre: true });
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await server.stop();
});

async function commitment(content: string): Promise<string> {
  const input = { agencyId, responsiblePersonId: cadreId, kind: 'DEADLINE' as const, domain: 'INFRASTRUCTURE' as const, publiclyDisclosed: true, content, publishedOn: '2025-01-01', dueOn: '2025-06-30' };
  return (await server.ok(CREATE, { input }, CLERK)).createCommitment.id;
}

/** An inspector's subscription to the person's changes: the notices it hears, from once a probe write about them has arrived. */
async function watchPerson(): Promise<any[]> {
  const client = createClient({
    url: server.url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${await token('INSPECTOR', 'sun.inspector')}` },
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => undefined,
  });
  clients.push(client);
  const received: any[] = [];
  client.subscribe(
    { query: 'subscription ($id: ID) { subjectChanged(subjectType: CIVIL_SERVANT, subjectId: $id) { action subjectType subjectId targetId } }', variables: { id: cadreId } },
    { next: (r) => void (r.data && received.push(r.data.subjectChanged)), error: (e) => received.push({ error: e }), complete: () => undefined },
  );
  // The subscription is set up asynchronously: probe with a write about the person until it is heard.
  const probe = graphql(`mutation ($id: ID!) { updateCivilServant(id: $id, input: { post: "局长" }) { id } }`);
  while (!received.some((n) => n.action === 'UPDATE_SUBJECT')) {
    await server.ok(probe, { id: cadreId }, CLERK);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  received.splice(0);
  return received;
}

/** The person's dishonesty record with this document number, as a clerk reads their file. */
async function recordWith(documentNumber: string): Promise<string> {
  const file = await server.ok(FILE, { id: cadreId }, CLERK);
  const records = file.civilServant!.creditRecords.filter((r) => r.documentNumber === documentNumber);
  expect(records).toHaveLength(1);
  expect(records[0].category).toBe('COMMITMENT_DERELICTION');
  return records[0].id;
}

// The inspector's own reads of the trail are READ_PERSONAL_DATA rows about the person too (audit-trail-reads):
// left out, so the rows compared are what the mutations under test wrote.
const auditAbout = async (subjectId: string) =>
  (await server.ok(AUDIT, { s: subjectId }, { role: 'INSPECTOR' })).auditEvents.edges.map((e) => e.node).filter((e) => e.actor !== 'test-inspector');

describe('a 履职不力 finding that enters the file of the person it names as answerable', () => {
  it('settleCommitment: the record\'s creation is audited about the person, in the settlement\'s transaction, and the person\'s subscribers are told', async () => {
    const heard = await watchPerson();
    const id = await commitment('年内完成老旧小区改造');
    const settled = await server.query(SETTLE, { input: { commitmentId: id, status: 'BREACHED', settledOn: '2025-07-10', breachFinding: 'DERELICTION', settlementDocument: '鄂州督〔2025〕11号', foundBy: '鄂州市人民政府督查室', answerablePersonIds: [cadreId], answerableSeverity: 'GENERAL' } }, CLERK);
    expect(settled.errors).toBeUndefined();
    const recordId = await recordWith('鄂州督〔2025〕11号');

    const aboutPerson = await auditAbout(cadreId);
    expect(aboutPerson.filter((e) => e.action === 'CREATE_RECORD')).toEqual([
      { actor: 'wang.clerk', role: 'CLERK', action: 'CREATE_RECORD', subjectType: 'CIVIL_SERVANT', subjectId: cadreId, targetId: recordId, outcome: 'DISHONEST COMMITMENT_DERELICTION' },
    ]);
    // The agency's own row stays as it was.
    expect(await auditAbout(agencyId)).toContainEqual({ actor: 'wang.clerk', role: 'CLERK', action: 'SETTLE_COMMITMENT', subjectType: 'AGENCY', subjectId: agencyId, targetId: id, outcome: 'BREACHED' });
    // One transaction: the record, its creation row and the settlement row were written together.
    const written = await server.sql<{ n: number }>(
      "select count(distinct xmin::text)::int as n from (select xmin from credit_record where id = ? union all select xmin from audit_event where target_id in (?, ?) and action in ('CREATE_RECORD', 'SETTLE_COMMITMENT')) t",
      [recordId, recordId, id],
    );
    expect(written).toEqual([{ n: 1 }]);

    await until(() => heard.some((n) => n.action === 'CREATE_RECORD'));
    expect(heard).toContainEqual({ action: 'CREATE_RECORD', subjectType: 'CIVIL_SERVANT', subjectId: cadreId, targetId: recordId });
  }, 30_000);

  it('recordBreachFinding on an unreviewed breach: the same row about the person and the same notice', async () => {
    const heard = await watchPerson();
    const id = await commitment('年内完成雨污分流改造');
    await server.ok(SETTLE, { input: { commitmentId: id, status: 'BREACHED', settledOn: '2025-07-10', breachFinding: 'FORCE_MAJEURE', foundBy: '鄂州市人民政府督查室' } }, CLERK);
    // An unreviewed breach is one the lawyer's review migration left without a finding.
    await server.sql('update commitment set breach_finding = null, breach_found_on = null, breach_found_by = null where id = ?', [id]);
    const found = await server.query(FINDING, { input: { commitmentId: id, breachFinding: 'DERELICTION', foundOn: '2025-08-01', foundBy: '鄂州市人民政府督查室', findingDocument: '鄂州督〔2025〕12号', answerablePersonIds: [cadreId], answerableSeverity: 'GENERAL' } }, CLERK);
    expect(found.errors).toBeUndefined();
    const recordId = await recordWith('鄂州督〔2025〕12号');

    expect((await auditAbout(cadreId)).filter((e) => e.targetId === recordId)).toEqual([
      { actor: 'wang.clerk', role: 'CLERK', action: 'CREATE_RECORD', subjectType: 'CIVIL_SERVANT', subjectId: cadreId, targetId: recordId, outcome: 'DISHONEST COMMITMENT_DERELICTION' },
    ]);
    expect((await auditAbout(agencyId)).filter((e) => e.targetId === id).map((e) => e.action).sort()).toEqual(['RECORD_BREACH_FINDING', 'RECORD_COMMITMENT', 'SETTLE_COMMITMENT']);
    await until(() => heard.some((n) => n.action === 'CREATE_RECORD'));
    expect(heard).toContainEqual({ action: 'CREATE_RECORD', subjectType: 'CIVIL_SERVANT', subjectId: cadreId, targetId: recordId });
  }, 30_000);

  it('a finding that enters no file (不可抗力) writes no row about the person, and a refused finding writes nothing at all', async () => {
    const before = await auditAbout(cadreId);
    const id = await commitment('年内完成背街小巷改造');
    await server.ok(SETTLE, { input: { commitmentId: id, status: 'BREACHED', settledOn: '2025-07-10', breachFinding: 'FORCE_MAJEURE', foundBy: '鄂州市人民政府督查室' } }, CLERK);
    const other = await commitment('年内完成口袋公园建设');
    const counts = async () => (await server.sql('select (select count(*)::int from audit_event) as audit, (select count(*)::int from credit_record) as records'))[0];
    const rows = await counts();
    // DERELICTION naming a person needs the settling document: refused, nothing written.
    const refused = await server.query(SETTLE, { input: { commitmentId: other, status: 'BREACHED', settledOn: '2025-07-10', breachFinding: 'DERELICTION', foundBy: '鄂州市人民政府督查室', answerablePersonIds: [cadreId], answerableSeverity: 'GENERAL' } }, CLERK);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'settlementDocument' });
    expect(await counts()).toEqual(rows);
    expect(await auditAbout(cadreId)).toEqual(before);
  });
});
