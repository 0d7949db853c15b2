import { createAgency, findAbsence } from '../support/factories';
import { evaluator } from '../support/evaluate';
import { serverPerFile } from '../support/server-per-file';
import { graphql } from '../support/graphql';

/**
 * 三(八) (lawyer10 W1): an absence of the head from an administrative hearing counts as one "without
 * valid reason" only once a finding says so (recordAbsenceFinding, with its body, day and document).
 * An absence nobody examined counts for nothing, and the verdict says how many were left out so.
 */
const EVALUATE = graphql(`mutation ($id: ID!, $asOf: DateTime) {
  evaluate(subject: { type: AGENCY, id: $id }, matter: "SPECIAL_GOVERNANCE", asOf: $asOf) {
    outcome
    measures { ruleId }
    explanation { zh: summary(locale: "zh") en: summary(locale: "en") }
  }
}`);
const CASE = graphql(`mutation ($input: CreateCourtCaseInput!) { createCourtCase(input: $input) { id } }`);
const FIND = graphql(`mutation ($input: RecordAbsenceFindingInput!) { recordAbsenceFinding(input: $input) { absenceFinding absenceFoundOn absenceFoundBy absenceFindingDocument } }`);
const FACTS = graphql(`query ($id: ID!, $asOf: DateTime!) { agency(id: $id) { courtFacts(asOf: $asOf, within: "P2Y") {
  headAbsences absencesUnreviewed cases { absenceFinding absenceFoundOn absenceExcused headFailure } notCounted { caseNumber occurredOn reason }
} } }`);

const server = serverPerFile();
const noon = (day: string) => `${day}T12:00:00+08:00`;
const evaluate = async (id: string, day: string) => (await server.ok(EVALUATE, { id, asOf: noon(day) })).evaluate;

const absentCase = (agencyId: string, caseNumber: string) => ({
  agencyId, caseNumber, court: '鄂州市中级人民法院', kind: 'ADMINISTRATIVE' as const, filedOn: '2025-01-10', hearingOn: '2025-03-01', headAppeared: false,
});

describe('三(八): an absence counts only when found without valid reason', () => {
  it('an unexamined absence puts nobody under special governance, and the verdict says it was not counted; from the finding day it counts', async () => {
    const agencyId = await createAgency(server);
    const caseId = (await server.ok(CASE, { input: absentCase(agencyId, '(2025)鄂07行初41号') })).createCourtCase.id;

    const unexamined = await evaluate(agencyId, '2025-06-01');
    expect(unexamined.outcome).toBe('ELIGIBLE');
    expect(unexamined.explanation.zh).toContain('有 1 起行政案件负责人未出庭，尚未认定是否有正当理由（(2025)鄂07行初41号）：未计入，不据以提出任何建议');
    expect(unexamined.explanation.en).toContain('1 absence(s) of the head from administrative hearings have not been found with or without valid reason ((2025)鄂07行初41号): not counted');
    expect((await server.ok(FACTS, { id: agencyId, asOf: noon('2025-06-01') })).agency!.courtFacts).toEqual({
      headAbsences: 0, absencesUnreviewed: 1,
      cases: [{ absenceFinding: null, absenceFoundOn: null, absenceExcused: false, headFailure: false }],
      notCounted: [{ caseNumber: '(2025)鄂07行初41号', occurredOn: '2025-03-01', reason: 'ABSENCE_UNREVIEWED' }],
    });

    const found = await server.ok(FIND, { input: { courtCaseId: caseId, finding: 'UNEXCUSED', foundOn: '2025-04-15', foundBy: '鄂州市人民政府办公室', document: '鄂州政办函〔2025〕8号' } });
    expect(found.recordAbsenceFinding).toEqual({ absenceFinding: 'UNEXCUSED', absenceFoundOn: '2025-04-15', absenceFoundBy: '鄂州市人民政府办公室', absenceFindingDocument: '鄂州政办函〔2025〕8号' });
    const audit = await server.sql(`select outcome from audit_event where action = 'RECORD_ABSENCE_FINDING' and target_id = ?`, [caseId]);
    expect(audit).toEqual([{ outcome: 'absence UNEXCUSED' }]);

    const counted = await evaluate(agencyId, '2025-06-01');
    expect(counted.measures).toEqual([{ ruleId: 'ag-special-governance-absence' }]);
    expect(counted.explanation.zh).toContain('有1起行政案件经认定负责人无正当理由未出庭应诉');
    expect(counted.explanation.zh).not.toContain('尚未认定是否有正当理由');
    // A recommendation: the lead units of 三(八) decide (lawyer11 R2).
    expect(counted.explanation.zh).toContain('建议纳入专项治理（由三(八)牵头单位市发展改革委、市中级法院决定）');
    expect(counted.explanation.en).toContain('it is recommended for special governance (decided by 三(八)\'s lead units');
    // A day before the finding still sees an unexamined absence.
    expect((await evaluate(agencyId, '2025-04-14')).outcome).toBe('ELIGIBLE');
  });

  it('an absence found excused counts for nothing and is no longer listed as unexamined', async () => {
    const agencyId = await createAgency(server);
    const caseId = (await server.ok(CASE, { input: absentCase(agencyId, '(2025)鄂07行初42号') })).createCourtCase.id;
    await findAbsence(server, caseId, '2025-03-05', { finding: 'EXCUSED' });
    const verdict = await evaluate(agencyId, '2025-06-01');
    expect(verdict.outcome).toBe('ELIGIBLE');
    expect(verdict.explanation.zh).not.toContain('尚未认定是否有正当理由');
    expect((await server.ok(FACTS, { id: agencyId, asOf: noon('2025-06-01') })).agency!.courtFacts).toMatchObject({ headAbsences: 0, absencesUnreviewed: 0, cases: [{ absenceFinding: 'EXCUSED', absenceExcused: true }], notCounted: [] });
  });

  it('refuses a finding where no absence is recorded, before the hearing, twice, or from a role that does not record; nothing changes', async () => {
    const agencyId = await createAgency(server);
    const appeared = (await server.ok(CASE, { input: { ...absentCase(agencyId, '(2025)鄂07行初43号'), headAppeared: true } })).createCourtCase.id;
    const absent = (await server.ok(CASE, { input: absentCase(agencyId, '(2025)鄂07行初44号') })).createCourtCase.id;
    const input = { courtCaseId: absent, finding: 'UNEXCUSED' as const, foundOn: '2025-04-15', foundBy: '鄂州市人民政府办公室', document: '鄂州政办函〔2025〕9号' };
    const snapshot = () => server.sql('select absence_finding, absence_found_on from court_case where agency_id = ? order by case_number', [agencyId]);
    const before = await snapshot();

    const noAbsence = await server.query(FIND, { input: { ...input, courtCaseId: appeared } });
    expect(noAbsence.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'courtCaseId' });
    expect(noAbsence.errors?.[0].message).toContain('未登记负责人未出庭');
    const early = await server.query(FIND, { input: { ...input, foundOn: '2025-02-28' } });
    expect(early.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'foundOn' });
    const asOfficer = await server.query(FIND, { input }, { role: 'OFFICER' });
    expect(asOfficer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await snapshot()).toEqual(before);

    await server.ok(FIND, { input });
    const again = await server.query(FIND, { input: { ...input, finding: 'EXCUSED' } });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'courtCaseId' });
    const unsay = await server.query(graphql(`mutation ($id: ID!) { updateCourtCase(id: $id, input: { headAppeared: true }) { id } }`), { id: absent });
    expect(unsay.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'headAppeared' });
    expect((await snapshot()).map((r) => r.absence_finding)).toEqual([null, 'UNEXCUSED']);
  });
});
