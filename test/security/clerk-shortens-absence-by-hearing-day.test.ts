import { createAgency, findAbsence } from '../support/factories';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';

/**
 * hostile18 F4: after an UNEXCUSED finding on a head's absence, one clerk moved the case's hearing day
 * earlier (updateCourtCase hearingOn): the absence counts in the periods that hold its hearing day,
 * so it left the count of later as-of days (SPECIAL_GOVERNANCE as of 2027-01-20 went CAUTION →
 * ELIGIBLE). As with kind and headAppeared, a finding fixes the hearing day (CONFLICT).
 */
const server = serverPerFile();
const CLERK = { role: 'CLERK' } as const;
const CREATE_CASE = graphql(`mutation ($input: CreateCourtCaseInput!) { createCourtCase(input: $input) { id } }`);
const UPDATE_HEARING = graphql(`mutation ($id: ID!, $hearingOn: LocalDate) { updateCourtCase(id: $id, input: { hearingOn: $hearingOn }) { id hearingOn } }`);
const FACTS = graphql(`query ($id: ID!) { agency(id: $id) { courtFacts(asOf: "2027-01-20T12:00:00+08:00", within: "P2Y") { headAbsences } } }`);

const caseInput = (agencyId: string, caseNumber: string) => ({
  agencyId, caseNumber, court: '湖北省鄂州市中级人民法院', kind: 'ADMINISTRATIVE' as const, filedOn: '2025-01-10', hearingOn: '2025-02-01', headAppeared: false,
});

it('a clerk cannot shorten how long an unexcused absence counts by moving the hearing day after the finding', async () => {
  const agencyId = await createAgency(server, { kind: 'DEPARTMENT' });
  const caseId = (await server.ok(CREATE_CASE, { input: caseInput(agencyId, '（2025）鄂07行初927号') }, CLERK)).createCourtCase.id;
  await findAbsence(server, caseId, '2025-03-01');
  expect((await server.ok(FACTS, { id: agencyId }, CLERK)).agency!.courtFacts.headAbsences).toBe(1);

  for (const hearingOn of ['2025-01-10', null]) {
    const refused = await server.query(UPDATE_HEARING, { id: caseId, hearingOn }, CLERK);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'hearingOn' });
    expect(refused.errors?.[0].message).toContain('fileFindingObjection');
  }
  expect((await server.sql(`select hearing_on::text as h from court_case where id = ?`, [caseId]))[0].h).toBe('2025-02-01');
  expect((await server.ok(FACTS, { id: agencyId }, CLERK)).agency!.courtFacts.headAbsences).toBe(1);
  // Restating the hearing day it has changes nothing and is not refused.
  expect((await server.ok(UPDATE_HEARING, { id: caseId, hearingOn: '2025-02-01' }, CLERK)).updateCourtCase.hearingOn).toBe('2025-02-01');
});

it('before a finding, the hearing day is still the clerk\'s to correct', async () => {
  const agencyId = await createAgency(server, { kind: 'DEPARTMENT' });
  const caseId = (await server.ok(CREATE_CASE, { input: caseInput(agencyId, '（2025）鄂07行初928号') }, CLERK)).createCourtCase.id;
  expect((await server.ok(UPDATE_HEARING, { id: caseId, hearingOn: '2025-01-20' }, CLERK)).updateCourtCase.hearingOn).toBe('2025-01-20');
});

it('after a finding, a hearing day nobody had recorded may still be recorded: the absence then counts as long or longer', async () => {
  const agencyId = await createAgency(server, { kind: 'DEPARTMENT' });
  const caseId = (await server.ok(CREATE_CASE, { input: { ...caseInput(agencyId, '（2025）鄂07行初929号'), hearingOn: null } }, CLERK)).createCourtCase.id;
  await findAbsence(server, caseId, '2025-03-01');
  expect((await server.ok(UPDATE_HEARING, { id: caseId, hearingOn: '2025-02-01' }, CLERK)).updateCourtCase.hearingOn).toBe('2025-02-01');
  // Once recorded, it is fixed like any other.
  expect((await server.query(UPDATE_HEARING, { id: caseId, hearingOn: '2025-01-15' }, CLERK)).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'hearingOn' });
  expect((await server.ok(FACTS, { id: agencyId }, CLERK)).agency!.courtFacts.headAbsences).toBe(1);
});
