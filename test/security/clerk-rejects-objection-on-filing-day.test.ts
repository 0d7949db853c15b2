import { chinaToday } from '../../src/domain/day';
import { createAgency, createRecord, findAbsence } from '../support/factories';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';
import type { Caller } from '../support/test-server';

/**
 * hostile29 F3: one clerk rejected an objection pending since long ago with `resolvedOn` set back to its
 * filing day, and the record counted, undisputed, on every day since — days past as-of evaluations and
 * rechecks had read as disputed. The mirror of a back-dated filing (hostile18 F2): a decision dated
 * before today on an objection on record before today rewrites past days and takes a second person
 * (ADMIN): FORBIDDEN, SECOND_PERSON_REQUIRED, field resolvedOn, nothing written. Dated today it stays the
 * clerk's. The same for a unit's objection to a finding, rejected or upheld dated back.
 */
const server = serverPerFile();
const ZHAO: Caller = { role: 'CLERK', sub: 'h29f3.zhao' };
const QIAN: Caller = { role: 'CLERK', sub: 'h29f3.qian' };
const ADMIN: Caller = { role: 'ADMIN', sub: 'h29f3.admin' };
const PAST = '2025-06-01T12:00:00+08:00';

const ASSESS = graphql(`query ($id: ID!, $asOf: DateTime) { assess(subjects: [{ type: AGENCY, id: $id }], matter: "HONOUR", asOf: $asOf) { assessment { outcome } } }`);
const FILE = graphql(`mutation ($input: FileObjectionInput!) { fileObjection(input: $input) { id } }`);
const RESOLVE = graphql(`mutation ($input: ResolveObjectionInput!) { resolveObjection(input: $input) { status resolvedOn } }`);
const CASE = graphql(`mutation ($input: CreateCourtCaseInput!) { createCourtCase(input: $input) { id } }`);
const FILE_FINDING = graphql(`mutation ($input: FileFindingObjectionInput!) { fileFindingObjection(input: $input) { id } }`);
const DECIDE_FINDING = graphql(`mutation ($input: DecideFindingObjectionInput!) { decideFindingObjection(input: $input) { status resolvedOn } }`);
const ABSENCES = graphql(`query ($id: ID!) { agency(id: $id) { courtFacts(asOf: "2025-06-01T12:00:00+08:00", within: "P2Y") { headAbsences absencesDisputed } } }`);

const honourOn = async (agencyId: string) => (await server.ok(ASSESS, { id: agencyId, asOf: PAST }, QIAN)).assess[0].assessment!.outcome;
const row = async (table: string, id: string) => server.sql(`select status, resolved_on::text from ${table} where id = ?`, [id]);

function expectRefused(result: { data?: unknown; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }, resolvedOn: string): void {
  expect(result.data ?? null).toBeNull();
  expect(result.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SECOND_PERSON_REQUIRED', field: 'resolvedOn', role: 'CLERK', allowed: ['ADMIN'] });
  for (const says of [resolvedOn, '须由第二人', `dated today (${chinaToday()})`, 'Nothing was changed.']) expect(result.errors![0].message).toContain(says);
}

/** An agency's severe record since 2025-01, and an objection to it pending, on record, since 2025-01-20. */
async function pendingSince2025(): Promise<{ agencyId: string; objectionId: string }> {
  const agencyId = await createAgency(server);
  const recordId = await createRecord(server, 'AGENCY', agencyId, { category: 'SERIOUS_ILLEGAL_DISHONEST', severity: 'SEVERE', occurredOn: '2025-01-10', recordedOn: '2025-01-20' });
  await server.sql(`update credit_record set created_at = recorded_on::timestamp where id = ?`, [recordId]);
  const objectionId = (await server.ok(FILE, { input: { recordId, filedBy: '本机关', reason: '认定有误', filedOn: '2025-01-20' } }, ADMIN)).fileObjection.id;
  await server.sql(`update objection set created_at = filed_on::timestamp where id = ?`, [objectionId]);
  return { agencyId, objectionId };
}

it('the attack: a clerk rejects an objection pending since 2025 "on" its filing day — refused, nothing written, past days stay disputed', async () => {
  const { agencyId, objectionId } = await pendingSince2025();
  const disputed = await honourOn(agencyId);
  expect(disputed).not.toBe('DISQUALIFIED');
  const before = await row('objection', objectionId);
  expectRefused(await server.query(RESOLVE, { input: { objectionId, decision: 'REJECTED', resolution: '驳回', resolvedOn: '2025-01-20' } }, ZHAO), '2025-01-20');
  expect(await row('objection', objectionId)).toEqual(before);
  expect(await honourOn(agencyId)).toBe(disputed);

  // Dated today the rejection is the clerk's, and the days it stood undecided stay disputed.
  const today = chinaToday();
  expect((await server.ok(RESOLVE, { input: { objectionId, decision: 'REJECTED', resolution: '驳回', resolvedOn: today } }, ZHAO)).resolveObjection).toEqual({ status: 'REJECTED', resolvedOn: today });
  expect(await honourOn(agencyId)).toBe(disputed);
});

it('ADMIN, the second person, enters a decision that states an earlier day', async () => {
  const { agencyId, objectionId } = await pendingSince2025();
  expect((await server.ok(RESOLVE, { input: { objectionId, decision: 'REJECTED', resolution: '驳回', resolvedOn: '2025-01-20' } }, ADMIN)).resolveObjection).toEqual({ status: 'REJECTED', resolvedOn: '2025-01-20' });
  expect(await honourOn(agencyId)).toBe('DISQUALIFIED');
});

it('an objection entered today may be decided dated back by the clerk: no day anyone read changes', async () => {
  const agencyId = await createAgency(server);
  const recordId = await createRecord(server, 'AGENCY', agencyId, { category: 'SERIOUS_ILLEGAL_DISHONEST', severity: 'SEVERE', occurredOn: '2025-01-10', recordedOn: '2025-01-20' });
  const objectionId = (await server.ok(FILE, { input: { recordId, filedBy: '本机关', reason: '认定有误', filedOn: '2025-01-20' } }, ADMIN)).fileObjection.id;
  expect((await server.ok(RESOLVE, { input: { objectionId, decision: 'REJECTED', resolution: '驳回', resolvedOn: '2025-02-01' } }, ZHAO)).resolveObjection.status).toBe('REJECTED');
});

it('a unit\'s objection to a finding pending since 2025: rejected or upheld dated back by a clerk — refused; dated today, the clerk\'s', async () => {
  const agencyId = await createAgency(server, { kind: 'DEPARTMENT' });
  const caseId = (await server.ok(CASE, { input: { agencyId, caseNumber: '（2025）鄂07行初977号', court: '鄂州市中级人民法院', kind: 'ADMINISTRATIVE', filedOn: '2025-01-05', hearingOn: '2025-02-20', headAppeared: false } }, ZHAO)).createCourtCase.id;
  await findAbsence(server, caseId, '2025-03-01');
  await server.sql(`update court_case set created_at = '2025-03-01' where id = ?`, [caseId]);
  const objectionId = (await server.ok(FILE_FINDING, { input: { courtCaseId: caseId, filedBy: '本单位', reason: '负责人当日住院手术', filedOn: '2025-03-01' } }, ADMIN)).fileFindingObjection.id;
  await server.sql(`update finding_objection set created_at = filed_on::timestamp where id = ?`, [objectionId]);
  const disputed = { headAbsences: 0, absencesDisputed: 1 };
  expect((await server.ok(ABSENCES, { id: agencyId }, QIAN)).agency!.courtFacts).toEqual(disputed);
  const before = await row('finding_objection', objectionId);

  for (const decision of ['REJECTED', 'UPHELD'] as const) {
    expectRefused(await server.query(DECIDE_FINDING, { input: { objectionId, decision, resolution: '处理', resolvedOn: '2025-03-01' } }, ZHAO), '2025-03-01');
  }
  expect(await row('finding_objection', objectionId)).toEqual(before);
  expect((await server.ok(ABSENCES, { id: agencyId }, QIAN)).agency!.courtFacts).toEqual(disputed);

  const today = chinaToday();
  expect((await server.ok(DECIDE_FINDING, { input: { objectionId, decision: 'REJECTED', resolution: '理由不成立', resolvedOn: today } }, ZHAO)).decideFindingObjection).toEqual({ status: 'REJECTED', resolvedOn: today });
  expect((await server.ok(ABSENCES, { id: agencyId }, QIAN)).agency!.courtFacts).toEqual(disputed);
});
