import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { createAgency, createCivilServant } from '../support/factories';
import { startTestServer, type Caller, type TestServer } from '../support/test-server';
import { graphql } from '../support/graphql';

/**
 * Attack: re-identifying a civil servant's dishonesty finding through an agency's public commitment.
 * A commitment breached through 履职不力 (DERELICTION) enters the integrity file of the person the
 * finding names (here its responsible person) with the settling document's number, so `commitment { breachFinding settlementDocument
 * responsiblePerson { name post agency { name } } }` read by the public named the person behind a
 * finding that is their dishonesty record. The public must get none of the three, by any path (the
 * commitment by id, the list, an agency's nested list and its page, a change notice), nor a court
 * case's representative or the head's reason for absence; signed-in roles still read them. A facts
 * query of a public verdict (agency, enterprise) may not read a civil servant at all.
 */
let server: TestServer;
let agencyId: string;
let cadreId: string;
let commitmentId: string;
let caseId: string;
const clients: Client[] = [];

const CLERK: Caller = { role: 'CLERK', sub: 'li.clerk' };
const PUBLIC: Caller = { role: 'PUBLIC' };

beforeAll(async () => {
  server = await startTestServer();
  agencyId = await createAgency(server, { name: '鄂州市招商局' });
  cadreId = await createCivilServant(server, agencyId, { name: '何佳婷', post: '局长', rank: '正处级', leadingCadre: true, principal: true, principalSince: '2024-01-01' });
  const created = await server.ok(
    graphql(`mutation ($input: CreateCommitmentInput!) { createCommitment(input: $input) { id } }`),
    { input: { agencyId, responsiblePersonId: cadreId, kind: 'DEADLINE', domain: 'PUBLIC_SERVICE', publiclyDisclosed: true, content: '30个工作日内办结企业投诉', publishedOn: '2025-01-01', dueOn: '2025-03-01' } },
    CLERK,
  );
  commitmentId = created.createCommitment.id;
  const court = await server.query(
    graphql(`mutation ($input: CreateCourtCaseInput!) { createCourtCase(input: $input) { id } }`),
    { input: { agencyId, caseNumber: '(2025)鄂07行初1号', court: '鄂州市中级人民法院', filedOn: '2025-02-01', kind: 'ADMINISTRATIVE', headAppeared: false } },
    CLERK,
  );
  caseId = court.data!.createCourtCase.id;
  const absent = await server.query(
    graphql(`mutation ($id: ID!) { updateCourtCase(id: $id, input: { entrustedRepresentative: "王副局长", validAbsenceReason: "住院手术" }) { id } }`),
    { id: caseId },
    CLERK,
  );
  expect(absent.errors).toBeUndefined();
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await server.stop();
});

const SETTLE = graphql(`mutation ($input: SettleCommitmentInput!) { settleCommitment(input: $input) { id status } }`);
const FIELDS = 'id status breachFinding settlementDocument responsiblePerson { name post agency { name } }';

async function settleAsDereliction() {
  const settled = await server.query(SETTLE, { input: { commitmentId, status: 'BREACHED', settledOn: '2025-03-10', breachFinding: 'DERELICTION', settlementDocument: '鄂州督〔2025〕7号', foundBy: '鄂州市人民政府督查室', answerablePersonIds: [cadreId], answerableSeverity: 'GENERAL' } }, CLERK);
  expect(settled.errors).toBeUndefined();
}

describe("the public reads no person, finding or document behind an agency's commitment", () => {
  beforeAll(settleAsDereliction);

  it('by id, in the list, in an agency\'s nested list and its page: all three are null, the status stays public', async () => {
    const result = await server.rawQuery(
      `query ($id: ID!, $agency: ID!) {
        commitment(id: $id) { ${FIELDS} }
        commitments(first: 10, filter: { agencyId: $agency }) { edges { node { ${FIELDS} } } }
        agency(id: $agency) { commitments { ${FIELDS} } commitmentsConnection(first: 10) { edges { node { ${FIELDS} } } } }
      }`,
      { id: commitmentId, agency: agencyId },
      PUBLIC,
    );
    expect(result.errors).toBeUndefined();
    const hidden = { id: commitmentId, status: 'BREACHED', breachFinding: null, settlementDocument: null, responsiblePerson: null };
    expect(result.data.commitment).toEqual(hidden);
    expect(result.data.commitments.edges.map((e: any) => e.node)).toEqual([hidden]);
    expect(result.data.agency.commitments).toEqual([hidden]);
    expect(result.data.agency.commitmentsConnection.edges.map((e: any) => e.node)).toEqual([hidden]);
    const text = JSON.stringify(result);
    for (const leak of ['何', '局长', '鄂州督', 'DERELICTION']) expect(text).not.toContain(leak);
  });

  it('a signed-in reader still reads them', async () => {
    for (const as of [CLERK, { role: 'INSPECTOR' }, { role: 'DISPLAY' }] satisfies Caller[]) {
      const result = await server.rawQuery(`query ($id: ID!) { commitment(id: $id) { ${FIELDS} } }`, { id: commitmentId }, as);
      expect(result.data.commitment).toEqual({
        id: commitmentId, status: 'BREACHED', breachFinding: 'DERELICTION', settlementDocument: '鄂州督〔2025〕7号',
        responsiblePerson: { name: '何佳婷', post: '局长', agency: { name: '鄂州市招商局' } },
      });
    }
  });

  it("a court case's representative and the head's reason for absence are null for the public, whether the head appeared stays public", async () => {
    const QUERY = graphql(`query ($id: ID!, $agency: ID!) { courtCase(id: $id) { headAppeared entrustedRepresentative validAbsenceReason } agency(id: $agency) { courtCases { entrustedRepresentative validAbsenceReason } } }`);
    const asPublic = await server.query(QUERY, { id: caseId, agency: agencyId }, PUBLIC);
    expect(asPublic.errors).toBeUndefined();
    expect(asPublic.data).toEqual({ courtCase: { headAppeared: false, entrustedRepresentative: null, validAbsenceReason: null }, agency: { courtCases: [{ entrustedRepresentative: null, validAbsenceReason: null }] } });
    const asClerk = await server.ok(QUERY, { id: caseId, agency: agencyId }, CLERK);
    expect(asClerk.courtCase).toEqual({ headAppeared: false, entrustedRepresentative: '王副局长', validAbsenceReason: '住院手术' });
  });

  it('an agency verdict the public reads carries no person: a facts query of an agency or enterprise may not read a civil servant', async () => {
    const shipped = readFileSync(path.resolve(__dirname, '../../rules/facts/agency.graphql'), 'utf8');
    const before = await server.sql('select (select count(*)::int from verdict) as verdicts, (select count(*)::int from audit_event) as audit');
    for (const reads of ['civilServants { name post }', 'commitments { responsiblePerson { name } }', 'civilServantsConnection(first: 5) { edges { node { post } } }']) {
      const content = shipped.replace('    level\n', `    level\n    ${reads}\n`);
      const result = await server.query(
        graphql(`mutation ($files: [DraftFileInput!]!) { previewRules(files: $files, matter: "HONOUR") { changedTotal } }`),
        { files: [{ path: 'facts/agency.graphql', content }] },
        { role: 'ADMIN' },
      );
      expect(result.errors?.[0]).toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field: 'files' },
        message: expect.stringMatching(/facts\/agency\.graphql:\d+:\d+ 机关和企业的结论连同事实向公众公开，其事实查询不能读取公务员.*cannot read a civil servant/s),
      });
    }
    // The preview refused before running writes not even its audit event.
    expect(await server.sql('select (select count(*)::int from verdict) as verdicts, (select count(*)::int from audit_event) as audit')).toEqual(before);
  });
});

describe('a public subscriber learns of the settlement, not of the person', () => {
  it('receives the agency\'s SETTLE_COMMITMENT, nothing about the civil servant, and reads the commitment without a person', async () => {
    const second = await server.ok(
      graphql(`mutation ($input: CreateCommitmentInput!) { createCommitment(input: $input) { id } }`),
      { input: { agencyId, responsiblePersonId: cadreId, kind: 'SERVICE_QUALITY', domain: 'PUBLIC_SERVICE', publiclyDisclosed: true, content: '窗口服务承诺', publishedOn: '2025-01-01', dueOn: '2025-02-01' } },
      CLERK,
    );
    const secondId = second.createCommitment.id;
    const client = createClient({ url: server.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0, lazy: false, onNonLazyError: () => undefined });
    clients.push(client);
    const received: any[] = [];
    const errors: unknown[] = [];
    client.subscribe({ query: 'subscription { subjectChanged { action subjectType subjectId targetId } }' }, { next: (r) => (r.errors ? errors.push(...r.errors) : received.push(r.data!.subjectChanged)), error: (e) => errors.push(e), complete: () => undefined });
    // The subscription is set up asynchronously: write until the first notice arrives.
    const deadline = Date.now() + 10_000;
    while (!received.length && Date.now() < deadline) {
      await server.query(graphql(`mutation ($id: ID!) { updateAgency(id: $id, input: { name: "鄂州市招商局" }) { id } }`), { id: agencyId }, CLERK);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    received.splice(0);
    const settled = await server.query(SETTLE, { input: { commitmentId: secondId, status: 'BREACHED', settledOn: '2025-03-10', breachFinding: 'DERELICTION', settlementDocument: '鄂州督〔2025〕8号', foundBy: '鄂州市人民政府督查室', answerablePersonIds: [cadreId], answerableSeverity: 'GENERAL' } }, CLERK);
    expect(settled.errors).toBeUndefined();
    while (!received.some((n) => n.action === 'SETTLE_COMMITMENT') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(errors).toEqual([]);
    expect(received).toContainEqual({ action: 'SETTLE_COMMITMENT', subjectType: 'AGENCY', subjectId: agencyId, targetId: secondId });
    expect(received.filter((n) => n.subjectType === 'CIVIL_SERVANT' || n.subjectId === cadreId)).toEqual([]);
    const read = await server.rawQuery(`query ($id: ID!) { commitment(id: $id) { ${FIELDS} } }`, { id: secondId }, PUBLIC);
    expect(read.data.commitment).toMatchObject({ breachFinding: null, settlementDocument: null, responsiblePerson: null });
    // The finding did enter the file of the person it named, which a signed-in reader sees.
    const file = await server.ok(graphql(`query ($id: ID!) { civilServant(id: $id) { creditRecords { category documentNumber } } }`), { id: cadreId }, CLERK);
    expect(file.civilServant!.creditRecords).toContainEqual({ category: 'COMMITMENT_DERELICTION', documentNumber: '鄂州督〔2025〕8号' });
  }, 30_000);
});
