import { createAgency, findAbsence } from '../support/factories';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';

/**
 * hostile17 F6: after an UNEXCUSED finding on a head's absence, one clerk changed the case's kind to
 * CIVIL: the absence left every count (三(八) counts administrative cases only), past as-of days
 * included, and the agency's SPECIAL_GOVERNANCE verdict went CAUTION → ELIGIBLE — though the case
 * number said 行初 and undoing a finding takes an objection decided by a second person. Now the kind
 * of a case with a finding cannot change, and no case numbered 行… is registered as another kind.
 */
const server = serverPerFile();
const CLERK = { role: 'CLERK' } as const;
const CREATE_CASE = graphql(`mutation ($input: CreateCourtCaseInput!) { createCourtCase(input: $input) { id kind } }`);
const UPDATE_KIND = graphql(`mutation ($id: ID!, $kind: CaseKind!) { updateCourtCase(id: $id, input: { kind: $kind }) { id kind } }`);
const FACTS = graphql(`query ($id: ID!) { agency(id: $id) { courtFacts(asOf: "2025-06-01T12:00:00+08:00", within: "P2Y") { headAbsences } } }`);

const caseInput = (agencyId: string, caseNumber: string, kind: 'ADMINISTRATIVE' | 'CIVIL' | 'OTHER') => ({
  agencyId, caseNumber, court: '湖北省鄂州市中级人民法院', kind, filedOn: '2025-01-10', hearingOn: '2025-03-01', headAppeared: false,
});

it('a clerk cannot take an unexcused absence out of the count by changing the case to CIVIL after the finding', async () => {
  const agencyId = await createAgency(server, { kind: 'DEPARTMENT' });
  const caseId = (await server.ok(CREATE_CASE, { input: caseInput(agencyId, '（2025）鄂07行初917号', 'ADMINISTRATIVE') }, CLERK)).createCourtCase.id;
  await findAbsence(server, caseId, '2025-04-01');
  expect((await server.ok(FACTS, { id: agencyId }, CLERK)).agency!.courtFacts.headAbsences).toBe(1);

  for (const kind of ['CIVIL', 'OTHER'] as const) {
    const refused = await server.query(UPDATE_KIND, { id: caseId, kind }, CLERK);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'kind' });
    expect(refused.errors?.[0].message).toContain('fileFindingObjection');
  }
  expect((await server.sql(`select kind from court_case where id = ?`, [caseId]))[0].kind).toBe('ADMINISTRATIVE');
  expect((await server.ok(FACTS, { id: agencyId }, CLERK)).agency!.courtFacts.headAbsences).toBe(1);
  // Restating the kind it has changes nothing and is not refused.
  expect((await server.ok(UPDATE_KIND, { id: caseId, kind: 'ADMINISTRATIVE' }, CLERK)).updateCourtCase.kind).toBe('ADMINISTRATIVE');
});

it('a case numbered 行… (an administrative type code) is registered and kept only as ADMINISTRATIVE', async () => {
  const agencyId = await createAgency(server);
  const before = (await server.sql(`select count(*)::int as n from court_case`))[0].n;
  for (const number of ['(2025)鄂07行初918号', '(2025)鄂行终9号', '(2024)最高法行申12号']) {
    const refused = await server.query(CREATE_CASE, { input: caseInput(agencyId, number, 'CIVIL') }, CLERK);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kind' });
    expect(refused.errors?.[0].message).toContain('ADMINISTRATIVE');
  }
  expect((await server.sql(`select count(*)::int as n from court_case`))[0].n).toBe(before);
  // Numbers of other kinds keep the kind they are given; 执 is not 行 however the word 执行 reads.
  for (const [number, kind] of [['(2025)鄂07民初918号', 'CIVIL'], ['(2025)鄂07执918号', 'OTHER'], ['(2025)鄂07刑初918号', 'OTHER']] as const) {
    expect((await server.ok(CREATE_CASE, { input: caseInput(agencyId, number, kind) }, CLERK)).createCourtCase.kind).toBe(kind);
  }
  // Without a finding, a case numbered 行… still cannot be turned into another kind.
  const id = (await server.ok(CREATE_CASE, { input: { ...caseInput(agencyId, '(2025)鄂07行初919号', 'ADMINISTRATIVE'), headAppeared: true } }, CLERK)).createCourtCase.id;
  const refused = await server.query(UPDATE_KIND, { id, kind: 'CIVIL' }, CLERK);
  expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kind' });
});
