import { createAgency, createCivilServant, createRecord } from '../support/factories';
import { startTestServer, type Caller, type TestServer } from '../support/test-server';
import { graphql } from '../support/graphql';

/**
 * Two reads of a person's data that left no READ_PERSONAL_DATA event:
 * - `objections(filter: { recordId }) { totalCount }` on a civil servant's record tells how many
 *   objections that person filed against their file, though no audited field was selected; it is now
 *   recorded as the person's `CreditRecord.objections`, as `creditRecords(filter: { subjectId })` is.
 * - `CourtCase.entrustedRepresentative` (who stood in for the head in court) and `validAbsenceReason`
 *   (the head's health or family) are a named person's data, withheld from the public but read by
 *   signed-in roles unrecorded; now each read leaves one event per court case per request, about
 *   the case's agency with the case as target (the representative is known only by name).
 * An agency's record's objections are nobody's personal data and leave none.
 */
let server: TestServer;
let agencyId: string;
let servantId: string;
let servantRecordId: string;
let agencyRecordId: string;
let caseId: string;
const CLERK: Caller = { role: 'CLERK', sub: 'li.clerk' };
const INSPECTOR: Caller = { role: 'INSPECTOR', sub: 'zhao.inspector' };
const DISPLAY: Caller = { role: 'DISPLAY', sub: 'hr-screen-3f' };

beforeAll(async () => {
  server = await startTestServer();
  agencyId = await createAgency(server, { name: '鄂州市异议测试局' });
  servantId = await createCivilServant(server, agencyId, { name: '何佳浩' });
  servantRecordId = await createRecord(server, 'CIVIL_SERVANT', servantId, { occurredOn: '2025-03-01', recordedOn: '2025-03-20' });
  agencyRecordId = await createRecord(server, 'AGENCY', agencyId, { occurredOn: '2025-03-02', recordedOn: '2025-03-21' });
  for (const r of [servantRecordId, agencyRecordId]) {
    await server.ok(graphql(`mutation ($r: ID!) { fileObjection(input: { recordId: $r, filedBy: "本人", reason: "当日在外地出差", filedOn: "2025-04-01" }) { id } }`), { r }, { role: 'ADMIN' }); // dated on a past day: a second person's to enter (hostile18 F2)
  }
  caseId = (await server.ok(graphql(`mutation ($input: CreateCourtCaseInput!) { createCourtCase(input: $input) { id } }`),
    { input: { agencyId, caseNumber: '(2025)鄂07行初9号', court: '鄂州市中级人民法院', filedOn: '2025-02-01', kind: 'ADMINISTRATIVE', headAppeared: false } }, CLERK)).createCourtCase.id;
  await server.ok(graphql(`mutation ($id: ID!) { updateCourtCase(id: $id, input: { entrustedRepresentative: "王副局长", validAbsenceReason: "住院手术" }) { id } }`), { id: caseId }, CLERK);
});
afterAll(() => server.stop());

const auditCount = async () => (await server.sql<{ n: number }>('select count(*)::int as n from audit_event'))[0].n;
const eventsSince = async (after: number) => server.sql<{ actor: string; subject_type: string; subject_id: string; target_id: string | null; outcome: string }>(
  `select actor, subject_type, subject_id, target_id, outcome from (select *, row_number() over (order by created_at, id) as n from audit_event) e
    where n > ? and action = 'READ_PERSONAL_DATA' order by subject_id`, [after],
);

it("objections(filter: { recordId }) { totalCount } on a civil servant's record leaves one event about them, under any number of aliases", async () => {
  const before = await auditCount();
  const result = await server.rawQuery(`query ($r: ID!) { a: objections(filter: { recordId: $r }) { totalCount } b: objections(filter: { recordId: $r }) { totalCount } }`, { r: servantRecordId }, INSPECTOR);
  expect(result.errors).toBeUndefined();
  expect(result.data.a.totalCount).toBe(1);
  expect(await eventsSince(before)).toEqual([{ actor: 'zhao.inspector', subject_type: 'CIVIL_SERVANT', subject_id: servantId, target_id: null, outcome: 'read CreditRecord: objections' }]);
});

it("objections of an agency's record are nobody's personal data: no event", async () => {
  const before = await auditCount();
  const result = await server.rawQuery(`query ($r: ID!) { objections(filter: { recordId: $r }) { totalCount } }`, { r: agencyRecordId }, INSPECTOR);
  expect(result.data.objections.totalCount).toBe(1);
  expect(await eventsSince(before)).toEqual([]);
});

it("a court case's entrusted representative and absence reason, read by any path, leave one event per case per request", async () => {
  for (const as of [INSPECTOR, DISPLAY]) {
    const before = await auditCount();
    const result = await server.rawQuery(`query ($id: ID!, $agency: ID!) {
      courtCase(id: $id) { entrustedRepresentative validAbsenceReason }
      agency(id: $agency) { courtCases { entrustedRepresentative } }
    }`, { id: caseId, agency: agencyId }, as);
    expect(result.errors).toBeUndefined();
    expect(result.data.courtCase).toEqual({ entrustedRepresentative: '王副局长', validAbsenceReason: '住院手术' });
    expect(await eventsSince(before)).toEqual([
      { actor: as.sub, subject_type: 'AGENCY', subject_id: agencyId, target_id: caseId, outcome: 'read CourtCase: entrustedRepresentative, validAbsenceReason' },
    ]);
  }
});

it('the public reads them as null and leaves no event', async () => {
  const before = await auditCount();
  const result = await server.rawQuery(`query ($id: ID!) { courtCase(id: $id) { headAppeared entrustedRepresentative validAbsenceReason } }`, { id: caseId }, { role: 'PUBLIC' });
  expect(result.data.courtCase).toEqual({ headAppeared: false, entrustedRepresentative: null, validAbsenceReason: null });
  expect(await auditCount()).toBe(before);
});
