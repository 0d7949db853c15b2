import { createAgency, createCivilServant } from '../support/factories';
import { graphql } from '../support/graphql';
import { startTestServer, type Caller, type TestServer } from '../support/test-server';

/**
 * sec10 item 3: the audit trail quotes a civil servant's data, old and new (`updated name: "何洋" →
 * "何阳"`), yet reading it left no trace: an INSPECTOR could page through every update of every
 * person unrecorded, where reading the same person's fields leaves a READ_PERSONAL_DATA event.
 * Now an audit event about a civil servant read by its action, subject, target or outcome is a read
 * of that person's data: one READ_PERSONAL_DATA event per person per request, naming the fields;
 * events about agencies and enterprises, and a read of only ids and times, leave nothing.
 */
const CLERK: Caller = { role: 'CLERK', sub: 'qian.clerk' };
const INSPECTOR: Caller = { role: 'INSPECTOR', sub: 'sun.inspector' };
const RENAME = graphql(`mutation ($id: ID!, $name: String!) { updateCivilServant(id: $id, input: { name: $name }) { name } }`);
const TRAIL = graphql(`query ($id: ID) { auditEvents(first: 100, filter: { subjectId: $id, action: UPDATE_SUBJECT }) { edges { node { subjectId outcome } } } }`);

let server: TestServer;
let agencyId: string;
let servants: string[];
beforeAll(async () => {
  server = await startTestServer();
  agencyId = await createAgency(server, { name: '鄂州市审计测试局' });
  servants = [await createCivilServant(server, agencyId, { name: '何洋' }), await createCivilServant(server, agencyId, { name: '李明' })];
  await server.ok(RENAME, { id: servants[0], name: '何阳' }, CLERK);
  await server.ok(RENAME, { id: servants[0], name: '何洋' }, CLERK);
  await server.ok(RENAME, { id: servants[1], name: '李鸣' }, CLERK);
  await server.ok(graphql(`mutation ($id: ID!) { updateAgency(id: $id, input: { name: "鄂州市审计测试二局" }) { id } }`), { id: agencyId }, CLERK);
});
afterAll(() => server.stop());

const reads = async () => server.sql<{ actor: string; role: string; subject_type: string; subject_id: string; outcome: string }>(
  "select actor, role, subject_type, subject_id, outcome from audit_event where action = 'READ_PERSONAL_DATA' order by created_at, subject_id",
);
const rows = async () => (await server.sql('select count(*)::int as n from audit_event'))[0].n as number;

it('reading the old and new values of two people\'s data leaves one READ_PERSONAL_DATA event per person for the request', async () => {
  const before = await reads();
  const total = await rows();
  const { auditEvents } = await server.ok(TRAIL, {}, INSPECTOR);
  const outcomes = auditEvents.edges.map((e) => e.node.outcome);
  expect(outcomes).toEqual(expect.arrayContaining(['updated name: "何阳" → "何洋"', 'updated name: "何洋" → "何阳"', 'updated name: "李明" → "李鸣"']));
  const written = (await reads()).slice(before.length);
  expect(written).toEqual(expect.arrayContaining([...servants].map((id) => ({ actor: 'sun.inspector', role: 'INSPECTOR', subject_type: 'CIVIL_SERVANT', subject_id: id, outcome: 'read AuditEvent: outcome, subjectId' }))));
  // Two people: two events, however many of their events were read; the agency's rename is nobody's personal data.
  expect(written).toHaveLength(2);
  expect(await rows()).toBe(total + 2);
});

it('a second request records again; a read of only ids and times records nothing', async () => {
  await server.ok(TRAIL, { id: servants[1] }, INSPECTOR);
  const [last] = (await reads()).slice(-1);
  expect(last).toMatchObject({ actor: 'sun.inspector', subject_id: servants[1] });
  const total = await rows();
  await server.ok(graphql(`{ auditEvents(first: 100) { edges { node { id createdAt actor role } } } }`), {}, INSPECTOR);
  expect(await rows()).toBe(total);
});
