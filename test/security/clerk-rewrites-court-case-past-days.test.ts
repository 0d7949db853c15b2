import { createAgency, findAbsence } from '../support/factories';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';

/**
 * hostile30 F1: on a case on record before today, one clerk's updateCourtCase back-dated the
 * defaulter's removal (`defaulterRemovedOn`) or cleared `judgmentDefaulter`, taking the listing off
 * every past day since (`cases[].defaulterOnDay` as of 2023 went false), and entered a first
 * `hearingOn` after an absence finding, moving a past window's `headAbsences` 0 → 1. Each rewrites
 * days the registry has answered for, so it takes a second person (src/registry/court-case-past-days.ts);
 * on a case entered today, or a removal dated today, it stays the clerk's.
 */
const server = serverPerFile();
const CLERK = { role: 'CLERK', sub: 'sec29.clerk' } as const;
const ADMIN = { role: 'ADMIN', sub: 'sec29.admin' } as const;
const CREATE_CASE = graphql(`mutation ($input: CreateCourtCaseInput!) { createCourtCase(input: $input) { id } }`);
const UPDATE = graphql(`mutation ($id: ID!, $input: UpdateCourtCaseInput!) { updateCourtCase(id: $id, input: $input) { id judgmentDefaulter defaulterRemovedOn hearingOn } }`);
const ON_DAY = graphql(`query ($id: ID!) { agency(id: $id) { courtFacts(asOf: "2023-01-01T00:00:00+08:00") { cases { defaulterOnDay } } } }`);
const ABSENCES = graphql(`query ($id: ID!) { agency(id: $id) { courtFacts(asOf: "2023-12-26T12:00:00+08:00", within: "P2Y") { headAbsences } } }`);

const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const onRecordSince2022 = (caseId: string) => server.sql(`update court_case set created_at = '2022-01-01', updated_at = '2022-01-01' where id = ?`, [caseId]);

async function listedCase(caseNumber: string) {
  const agencyId = await createAgency(server, { kind: 'DEPARTMENT' });
  const input = { agencyId, caseNumber, court: '湖北省鄂州市中级人民法院', kind: 'ADMINISTRATIVE' as const, filedOn: '2020-03-01' };
  const caseId = (await server.ok(CREATE_CASE, { input }, CLERK)).createCourtCase.id;
  // Entered today: the listing's days are still the clerk's to type in.
  await server.ok(UPDATE, { id: caseId, input: { judgmentDefaulter: true, defaulterListedOn: '2020-05-02' } }, CLERK);
  await onRecordSince2022(caseId);
  return { agencyId, caseId };
}

it('a back-dated defaulterRemovedOn or judgmentDefaulter: false on a case on record before today takes a second person', async () => {
  const { agencyId, caseId } = await listedCase('（2020）鄂07行初301号');
  for (const [input, field] of [[{ defaulterRemovedOn: '2020-05-03' }, 'defaulterRemovedOn'], [{ judgmentDefaulter: false }, 'judgmentDefaulter'], [{ defaulterListedOn: '2022-06-01' }, 'defaulterListedOn']] as const) {
    const refused = await server.query(UPDATE, { id: caseId, input }, CLERK);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SECOND_PERSON_REQUIRED', field, role: 'CLERK', allowed: ['ADMIN'] });
    expect(refused.errors?.[0].message).toContain('未作任何更改');
    expect(refused.errors?.[0].message).toContain('Nothing was changed');
  }
  expect((await server.ok(ON_DAY, { id: agencyId }, CLERK)).agency!.courtFacts.cases).toEqual([{ defaulterOnDay: true }]);
  // A removal dated today changes no past day: the clerk's.
  expect((await server.ok(UPDATE, { id: caseId, input: { defaulterRemovedOn: today } }, CLERK)).updateCourtCase.defaulterRemovedOn).toBe(today);
  // The court's earlier removal day, entered by a second person.
  expect((await server.ok(UPDATE, { id: caseId, input: { defaulterRemovedOn: '2020-05-03' } }, ADMIN)).updateCourtCase.defaulterRemovedOn).toBe('2020-05-03');
});

it('a first hearingOn after an absence finding, on a case on record before today, takes a second person', async () => {
  const agencyId = await createAgency(server, { kind: 'DEPARTMENT' });
  const input = { agencyId, caseNumber: '（2021）鄂07行初302号', court: '湖北省鄂州市中级人民法院', kind: 'ADMINISTRATIVE' as const, filedOn: '2021-12-26', headAppeared: false };
  const caseId = (await server.ok(CREATE_CASE, { input }, CLERK)).createCourtCase.id;
  await findAbsence(server, caseId, '2022-01-25');
  await onRecordSince2022(caseId);
  expect((await server.ok(ABSENCES, { id: agencyId }, CLERK)).agency!.courtFacts.headAbsences).toBe(0);
  const refused = await server.query(UPDATE, { id: caseId, input: { hearingOn: '2021-12-27' } }, CLERK);
  expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SECOND_PERSON_REQUIRED', field: 'hearingOn', allowed: ['ADMIN'] });
  expect((await server.ok(ABSENCES, { id: agencyId }, CLERK)).agency!.courtFacts.headAbsences).toBe(0);
  expect((await server.ok(UPDATE, { id: caseId, input: { hearingOn: '2021-12-27' } }, ADMIN)).updateCourtCase.hearingOn).toBe('2021-12-27');
});
