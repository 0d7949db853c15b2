import { createAgency } from '../support/factories';
import { graphql } from '../support/graphql';
import { raceBehindLock } from '../support/row-lock';
import { serverPerFile } from '../support/server-per-file';

/**
 * hostile9 F1: two clerks recording the finding on a head's absence at once both passed the "recorded
 * once" check (the case was read without a lock); the later UPDATE won, both were told their finding
 * was recorded, and an EXCUSED finding became UNEXCUSED, counting under 三(八). Now the case is locked
 * first: the second finding waits, sees the first and is refused; a trigger keeps a finding once set.
 */
const server = serverPerFile();
const CREATE_CASE = graphql(`mutation ($input: CreateCourtCaseInput!) { createCourtCase(input: $input) { id } }`);
const RECORD_FINDING = graphql(`mutation ($input: RecordAbsenceFindingInput!) { recordAbsenceFinding(input: $input) { id absenceFinding absenceFoundBy } }`);

let serial = 0;
async function caseWithAbsentHead(): Promise<string> {
  const agencyId = await createAgency(server);
  const input = { agencyId, caseNumber: `(2025)鄂0702行初${++serial}号`, court: '鄂州市鄂城区人民法院', kind: 'ADMINISTRATIVE' as const, filedOn: '2025-03-01', hearingOn: '2025-06-01', headAppeared: false };
  return (await server.ok(CREATE_CASE, { input })).createCourtCase.id;
}
const findingEvents = async (id: string) => (await server.sql(`select count(*)::int as n from audit_event where action = 'RECORD_ABSENCE_FINDING' and target_id = ?`, [id]))[0].n as number;

it('two findings recorded at once: one is recorded, the other gets CONFLICT and changes nothing', async () => {
  const courtCaseId = await caseWithAbsentHead();
  const results = await raceBehindLock(server, 'select id from court_case where id = $1 for update', [courtCaseId], () => [
    server.query(RECORD_FINDING, { input: { courtCaseId, finding: 'EXCUSED', foundOn: '2025-10-01', foundBy: '鄂州市甲机关', document: '鄂州甲〔2025〕1号' } }, { role: 'CLERK' }),
    server.query(RECORD_FINDING, { input: { courtCaseId, finding: 'UNEXCUSED', foundOn: '2025-10-02', foundBy: '鄂州市乙机关', document: '鄂州乙〔2025〕2号' } }, { role: 'ADMIN' }),
  ]);
  const recorded = results.filter((r) => !r.errors);
  const refused = results.filter((r) => r.errors);
  expect(recorded).toHaveLength(1);
  expect(refused).toHaveLength(1);
  expect(refused[0].errors![0].extensions).toMatchObject({ code: 'CONFLICT', field: 'courtCaseId' });
  // The use case's own answer (the trigger's is the last resort): it names the finding already recorded.
  expect(refused[0].errors![0].message).toMatch(new RegExp(`a finding was recorded on 2025-10-0[12] by 鄂州市[甲乙]机关 .*a finding is recorded once`));
  const [row] = await server.sql('select absence_finding, absence_found_by from court_case where id = ?', [courtCaseId]);
  expect(row).toEqual({ absence_finding: recorded[0].data!.recordAbsenceFinding.absenceFinding, absence_found_by: recorded[0].data!.recordAbsenceFinding.absenceFoundBy });
  expect(await findingEvents(courtCaseId)).toBe(1);
});

it('the database keeps a finding once set, whatever the API checked', async () => {
  const courtCaseId = await caseWithAbsentHead();
  await server.ok(RECORD_FINDING, { input: { courtCaseId, finding: 'EXCUSED', foundOn: '2025-10-01', foundBy: '鄂州市甲机关', document: '鄂州甲〔2025〕3号' } });
  for (const change of [`absence_finding = 'UNEXCUSED'`, `absence_found_by = '鄂州市乙机关'`, `absence_finding = null, absence_found_on = null, absence_found_by = null, absence_finding_document = null`]) {
    await expect(server.sql(`update court_case set ${change} where id = ?`, [courtCaseId])).rejects.toMatchObject({ code: '23514', constraint: 'court_case_absence_finding_once' });
  }
  // What else a case records still changes.
  await server.sql(`update court_case set judgment_defaulter = false where id = ?`, [courtCaseId]);
  expect((await server.sql('select absence_finding from court_case where id = ?', [courtCaseId]))[0].absence_finding).toBe('EXCUSED');
});
