import { chinaToday } from '../../src/domain/day';
import { createAgency, createRecord, findAbsence } from '../support/factories';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';

/**
 * hostile18 F2: one clerk erased a record's effect on past days. An objection back-dated to the
 * record's recordedOn, then rejected today: the record was disputed on every day in between, so a
 * past as-of evaluation (DISQUALIFIED) came out ELIGIBLE for good. The same with a unit's objection
 * back-dated to a finding's day and rejected. An objection dated before the day it is entered
 * rewrites past days, so it takes a second person (ADMIN): a CLERK is refused (FORBIDDEN,
 * SECOND_PERSON_REQUIRED) and nothing changes; dated today it stays the clerk's.
 */
const server = serverPerFile();
const CLERK = { role: 'CLERK', sub: 'h18.clerk' } as const;
const ADMIN = { role: 'ADMIN', sub: 'h18.admin' } as const;
const PAST = '2025-06-01T12:00:00+08:00';

const ASSESS = graphql(`query ($id: ID!, $asOf: DateTime) { assess(subjects: [{ type: AGENCY, id: $id }], matter: "HONOUR", asOf: $asOf) { assessment { outcome } } }`);
const FILE = graphql(`mutation ($input: FileObjectionInput!) { fileObjection(input: $input) { id filedOn } }`);
const RESOLVE = graphql(`mutation ($input: ResolveObjectionInput!) { resolveObjection(input: $input) { status record { status } } }`);
const CASE = graphql(`mutation ($input: CreateCourtCaseInput!) { createCourtCase(input: $input) { id } }`);
const FILE_FINDING = graphql(`mutation ($input: FileFindingObjectionInput!) { fileFindingObjection(input: $input) { id filedOn } }`);
const DECIDE_FINDING = graphql(`mutation ($input: DecideFindingObjectionInput!) { decideFindingObjection(input: $input) { status } }`);
const ABSENCES = graphql(`query ($id: ID!) { agency(id: $id) { courtFacts(asOf: "2025-06-01T12:00:00+08:00", within: "P2Y") { headAbsences absencesDisputed } } }`);

const honourOn = async (agencyId: string, asOf?: string) => (await server.ok(ASSESS, { id: agencyId, asOf }, CLERK)).assess[0].assessment!.outcome;
const rows = async (table: string) => (await server.sql(`select count(*)::int as n from ${table}`))[0].n as number;

function expectRefused(result: { errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }, filedOn: string): void {
  expect(result.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SECOND_PERSON_REQUIRED', field: 'filedOn', allowed: ['ADMIN'] });
  const message = result.errors![0].message;
  expect(message).toContain(filedOn);
  expect(message).toContain(`dated today (${chinaToday()})`);
  expect(message).toContain('ADMIN');
  expect(message).toContain('Nothing was changed');
}

it('a clerk cannot back-date an objection to a record and reject it to take the record off past days', async () => {
  const agencyId = await createAgency(server);
  const recordId = await createRecord(server, 'AGENCY', agencyId, { category: 'SERIOUS_ILLEGAL_DISHONEST', severity: 'SEVERE', occurredOn: '2025-01-10', recordedOn: '2025-01-20' });
  expect(await honourOn(agencyId, PAST)).toBe('DISQUALIFIED');

  const before = await rows('objection');
  const refused = await server.query(FILE, { input: { recordId, filedBy: '本机关', reason: '认定有误', filedOn: '2025-01-20' } }, CLERK);
  expectRefused(refused, '2025-01-20');
  expect(await rows('objection')).toBe(before);
  expect((await server.sql(`select status from credit_record where id = ?`, [recordId]))[0].status).toBe('ACTIVE');

  // Dated today it is the clerk's, and rejecting it today leaves every past day as it was.
  const today = chinaToday();
  const filed = (await server.ok(FILE, { input: { recordId, filedBy: '本机关', reason: '认定有误', filedOn: today } }, CLERK)).fileObjection;
  expect(filed.filedOn).toBe(today);
  const rejected = await server.ok(RESOLVE, { input: { objectionId: filed.id, decision: 'REJECTED', resolution: '不予支持', resolvedOn: today } }, CLERK);
  expect(rejected.resolveObjection).toEqual({ status: 'REJECTED', record: { status: 'ACTIVE' } });
  expect(await honourOn(agencyId, PAST)).toBe('DISQUALIFIED');
  expect(await honourOn(agencyId)).toBe('DISQUALIFIED');

  // ADMIN, the second person, may enter it back-dated.
  expect((await server.ok(FILE, { input: { recordId, filedBy: '本机关', reason: '认定有误', filedOn: '2025-01-20' } }, ADMIN)).fileObjection.filedOn).toBe('2025-01-20');
});

it('a clerk cannot back-date a unit\'s objection to an absence finding and reject it to take the finding off past days', async () => {
  const agencyId = await createAgency(server, { kind: 'DEPARTMENT' });
  const caseId = (await server.ok(CASE, { input: { agencyId, caseNumber: '（2025）鄂07行初931号', court: '鄂州市中级人民法院', kind: 'ADMINISTRATIVE', filedOn: '2025-01-05', hearingOn: '2025-02-20', headAppeared: false } }, CLERK)).createCourtCase.id;
  await findAbsence(server, caseId, '2025-03-01');
  const counted = { headAbsences: 1, absencesDisputed: 0 };
  expect((await server.ok(ABSENCES, { id: agencyId }, CLERK)).agency!.courtFacts).toEqual(counted);

  const before = await rows('finding_objection');
  const refused = await server.query(FILE_FINDING, { input: { courtCaseId: caseId, filedBy: '本单位', reason: '负责人当日住院手术', filedOn: '2025-03-01' } }, CLERK);
  expectRefused(refused, '2025-03-01');
  expect(await rows('finding_objection')).toBe(before);
  expect((await server.sql(`select absence_finding_disputed as d from court_case where id = ?`, [caseId]))[0].d).toBe(false);

  const today = chinaToday();
  const filed = (await server.ok(FILE_FINDING, { input: { courtCaseId: caseId, filedBy: '本单位', reason: '负责人当日住院手术', filedOn: today } }, CLERK)).fileFindingObjection;
  expect(filed.filedOn).toBe(today);
  // Upholding it (revoking the finding) stays a second person's too (hostile13 F5); rejecting is anyone's.
  const alone = await server.query(DECIDE_FINDING, { input: { objectionId: filed.id, decision: 'UPHELD', resolution: '理由成立', resolvedOn: today } }, CLERK);
  expect(alone.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SECOND_PERSON_REQUIRED', field: 'objectionId' });
  expect((await server.ok(DECIDE_FINDING, { input: { objectionId: filed.id, decision: 'REJECTED', resolution: '理由不成立', resolvedOn: today } }, CLERK)).decideFindingObjection.status).toBe('REJECTED');
  expect((await server.ok(ABSENCES, { id: agencyId }, CLERK)).agency!.courtFacts).toEqual(counted);

  expect((await server.ok(FILE_FINDING, { input: { courtCaseId: caseId, filedBy: '本单位', reason: '负责人当日住院手术', filedOn: '2025-03-01' } }, ADMIN)).fileFindingObjection.filedOn).toBe('2025-03-01');
});
