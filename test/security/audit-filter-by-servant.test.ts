import { agencyWithServant, createRecord } from '../support/factories';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';
import type { Caller } from '../support/test-server';

/**
 * hostile12 F2: an INSPECTOR asking `auditEvents(filter: { subjectId: <civil servant>, action:
 * CREATE_RECORD }) { totalCount edges { node { id actor } } }` learned that a dishonesty record was
 * entered about that person (and by whom, and when), and no READ_PERSONAL_DATA was written: only
 * the fields action, subjectId, targetId and outcome were audited, and the filter itself supplied
 * the person and the action. A filter naming a civil servant is now a read of that person's data,
 * as `creditRecords(filter: { subjectId })` is: one event per person per request, naming what the
 * filter told; a filter naming an agency, or none, records nothing.
 */
const server = serverPerFile();
const INSPECTOR: Caller = { role: 'INSPECTOR', sub: 'zhou.inspector' };
const BY_SUBJECT = graphql(`query ($id: ID, $action: AuditAction) { auditEvents(first: 50, filter: { subjectId: $id, action: $action }) { totalCount edges { node { id actor createdAt } } } }`);

let servant: string;
let agency: string;
beforeAll(async () => {
  ({ agencyId: agency, servantId: servant } = await agencyWithServant(server));
  await createRecord(server, 'CIVIL_SERVANT', servant);
});

const personalReads = () => server.sql<{ actor: string; role: string; subject_type: string; subject_id: string; outcome: string }>(
  "select actor, role, subject_type, subject_id, outcome from audit_event where action = 'READ_PERSONAL_DATA' order by created_at, id",
);
const auditRows = async () => (await server.sql<{ n: number }>('select count(*)::int as n from audit_event'))[0].n;

it('filtering the trail by a civil servant and an action writes one READ_PERSONAL_DATA for that person, whatever is selected', async () => {
  const before = await auditRows();
  const reads = (await personalReads()).length;
  const { auditEvents } = await server.ok(BY_SUBJECT, { id: servant, action: 'CREATE_RECORD' }, INSPECTOR);
  expect(auditEvents.totalCount).toBe(1);
  expect(await auditRows()).toBe(before + 1);
  expect((await personalReads()).slice(reads)).toEqual([
    { actor: 'zhou.inspector', role: 'INSPECTOR', subject_type: 'CIVIL_SERVANT', subject_id: servant, outcome: 'read AuditEvent: action, subjectId' },
  ]);
});

it('the subject alone, a count alone and aliases of the same filter each make one event per request', async () => {
  const before = await auditRows();
  await server.ok(BY_SUBJECT, { id: servant }, INSPECTOR);
  expect(await auditRows()).toBe(before + 1);
  expect((await personalReads()).at(-1)).toMatchObject({ subject_id: servant, outcome: 'read AuditEvent: subjectId' });
  const aliased = await server.rawQuery(`query ($id: ID) { a: auditEvents(filter: { subjectId: $id }) { totalCount } b: auditEvents(filter: { subjectId: $id, action: CREATE_RECORD }) { totalCount } }`, { id: servant }, INSPECTOR);
  expect(aliased.errors).toBeUndefined();
  expect(await auditRows()).toBe(before + 2);
  expect((await personalReads()).at(-1)).toMatchObject({ subject_id: servant, outcome: 'read AuditEvent: action, subjectId' });
});

it('a filter naming an agency, or an actor only, is nobody\'s personal data and writes nothing', async () => {
  const before = await auditRows();
  const { auditEvents } = await server.ok(BY_SUBJECT, { id: agency, action: 'REGISTER_SUBJECT' }, INSPECTOR);
  expect(auditEvents.totalCount).toBeGreaterThanOrEqual(1);
  await server.ok(graphql(`{ auditEvents(first: 10, filter: { actor: "zhou.inspector" }) { totalCount edges { node { id createdAt } } } }`), undefined, INSPECTOR);
  expect(await auditRows()).toBe(before);
});
