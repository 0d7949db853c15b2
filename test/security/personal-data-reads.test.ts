import { createAgency, createCivilServant, createRecord } from '../support/factories';
import { startTestServer, type Caller, type TestServer } from '../support/test-server';
import { graphql } from '../support/graphql';

/**
 * hostile4 M2: bulk reads of personal data left no trace. An INSPECTOR read every civil servant with
 * the whole ID-card number and their dishonesty records, three pages of 100, and the audit trail
 * stayed as it was. Now a civil servant's personal data read whole (FIELD_READERS `audited`: the
 * ID-card number, credit records, credit facts, listings) leaves one READ_PERSONAL_DATA event per
 * person per request: who (actor, role), which person, which fields. Masked reads are not recorded.
 */
let server: TestServer;
let servants: string[];
const INSPECTOR: Caller = { role: 'INSPECTOR', sub: 'zhao.inspector' };
const OFFICER: Caller = { role: 'OFFICER', sub: 'li.officer' };

beforeAll(async () => {
  server = await startTestServer();
  const agencyId = await createAgency(server);
  servants = [];
  for (let i = 0; i < 3; i += 1) servants.push(await createCivilServant(server, agencyId));
  await createRecord(server, 'CIVIL_SERVANT', servants[0], { occurredOn: '2025-03-01', recordedOn: '2025-03-20' });
});
afterAll(() => server.stop());

const BULK = graphql(`{ civilServants(first: 100) { edges { node { id name idCardNumber creditRecords { summary documentNumber } } } } }`);
const events = async () => server.sql<{ actor: string; role: string; subject_type: string; subject_id: string; outcome: string }>(
  "select actor, role, subject_type, subject_id, outcome from audit_event where action = 'READ_PERSONAL_DATA' order by subject_id",
);

it('a bulk read of whole ID-card numbers and records leaves one event per person: who, which person, which fields', async () => {
  const read = await server.ok(BULK, {}, INSPECTOR);
  expect(read.civilServants.edges).toHaveLength(3);
  expect(read.civilServants.edges.every((e) => /^\d{17}[\dX]$/.test(e.node.idCardNumber))).toBe(true);
  // The one with a record read its fields too: named by type after the servant's own fields.
  const outcome = (id: string) => (id === servants[0] ? 'read creditRecords, idCardNumber; CreditRecord: documentNumber, summary' : 'read creditRecords, idCardNumber');
  expect(await events()).toEqual([...servants].sort().map((id) => ({ actor: 'zhao.inspector', role: 'INSPECTOR', subject_type: 'CIVIL_SERVANT', subject_id: id, outcome: outcome(id) })));
});

it('reading the same again in one request adds no second event per person; a new request adds its own', async () => {
  const before = (await events()).length;
  await server.ok(graphql(`query ($id: ID!) { a: civilServant(id: $id) { idCardNumber } b: civilServant(id: $id) { idCardNumber listMemberships { id } } }`), { id: servants[0] }, { role: 'CLERK', sub: 'wang.clerk' });
  const after = await events();
  expect(after).toHaveLength(before + 1);
  expect(after.filter((e) => e.actor === 'wang.clerk')).toEqual([{ actor: 'wang.clerk', role: 'CLERK', subject_type: 'CIVIL_SERVANT', subject_id: servants[0], outcome: 'read idCardNumber, listMemberships' }]);
});

it('a masked read (OFFICER sees 4207**********0013) and a read of no personal field leave nothing', async () => {
  const before = (await events()).length;
  const read = await server.ok(graphql(`{ civilServants(first: 100) { edges { node { name idCardNumber post } } } }`), {}, OFFICER);
  expect(read.civilServants.edges[0].node.idCardNumber).toContain('**********');
  await server.ok(graphql(`{ civilServants(first: 100) { edges { node { name post } } } }`), {}, INSPECTOR);
  expect(await events()).toHaveLength(before);
});

it('a refused read records nothing', async () => {
  const before = (await events()).length;
  // One servant: a page of 100 servants' records with their summaries is over the anonymous field budget before it is refused for the role.
  const refused = await server.query(graphql(`{ civilServants(first: 1) { edges { node { creditRecords { summary } } } } }`), {}, { role: 'PUBLIC' });
  expect(refused.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  expect(await events()).toHaveLength(before);
});
