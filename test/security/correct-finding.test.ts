import { createAgency, createCivilServant } from '../support/factories';
import { noonInChina } from '../support/evaluate';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';
import type { Caller } from '../support/test-server';

/**
 * law28 N11: a unit finding (四(四) 履职不力 on a breached commitment, 三(八) a head's absence) could only
 * be revoked (an objection upheld) or stand. correctCommitment/AbsenceFinding record the finding body's
 * correction of its category, day, body or document, audited CORRECT_FINDING old → new; the agency's
 * facts follow. On a finding on record before today a correction reaching past days takes ADMIN.
 */
const server = serverPerFile();
const CLERK: Caller = { role: 'CLERK', sub: 'law28.f.clerk' };
const ADMIN: Caller = { role: 'ADMIN', sub: 'law28.f.admin' };
const COMMITMENT = graphql(`mutation ($input: CreateCommitmentInput!) { createCommitment(input: $input) { id } }`);
const SETTLE = graphql(`mutation ($input: SettleCommitmentInput!) { settleCommitment(input: $input) { status } }`);
const CORRECT_BREACH = graphql(`mutation ($input: CorrectBreachFindingInput!) { correctBreachFinding(input: $input) { id breachFinding breachFoundOn } }`);
const CASE = graphql(`mutation ($input: CreateCourtCaseInput!) { createCourtCase(input: $input) { id } }`);
const FIND = graphql(`mutation ($input: RecordAbsenceFindingInput!) { recordAbsenceFinding(input: $input) { id } }`);
const CORRECT_ABSENCE = graphql(`mutation ($input: CorrectAbsenceFindingInput!) { correctAbsenceFinding(input: $input) { id absenceFinding absenceFoundOn absenceFindingDocument } }`);
const COMMITMENT_FACTS = graphql(`query ($id: ID!, $asOf: DateTime!) { agency(id: $id) { commitmentFacts(asOf: $asOf, within: "P2Y") { breached breachedExcused } } }`);
const COURT_FACTS = graphql(`query ($id: ID!, $asOf: DateTime!) { agency(id: $id) { courtFacts(asOf: $asOf, within: "P2Y") { headAbsences } } }`);

let serial = 0;
async function derelictCommitment(agencyId: string, answerablePersonIds: string[] = []): Promise<string> {
  const id = (await server.ok(COMMITMENT, { input: { agencyId, responsiblePersonId: null, kind: 'DEADLINE', domain: 'LIVELIHOOD', publiclyDisclosed: true, content: `社区食堂按期开放${++serial}`, publishedOn: '2025-01-01', dueOn: '2025-03-01' } })).createCommitment.id;
  await server.ok(SETTLE, { input: { commitmentId: id, status: 'BREACHED', breachFinding: 'DERELICTION', foundBy: '鄂州市人民政府督查室', settledOn: '2025-03-10', settlementDocument: `鄂州督〔2025〕${serial}号`, ...(answerablePersonIds.length ? { answerablePersonIds, answerableSeverity: 'GENERAL' as const } : {}) } });
  return id;
}
const facts = async (agencyId: string) => (await server.ok(COMMITMENT_FACTS, { id: agencyId, asOf: noonInChina('2025-06-01') }, ADMIN)).agency!.commitmentFacts;

it('a commitment\'s 履职不力 finding corrected to a lawful change (四(三)) counts against the unit no more, audited old → new with the reason', async () => {
  const agencyId = await createAgency(server, { level: 'TOWNSHIP', name: '鄂州市更正认定镇人民政府' });
  const commitmentId = await derelictCommitment(agencyId);
  expect(await facts(agencyId)).toEqual({ breached: 1, breachedExcused: 0 });
  const corrected = (await server.ok(CORRECT_BREACH, { input: { commitmentId, breachFinding: 'LAWFUL_CHANGE', reason: '督查室更正：系依法改变承诺' } }, CLERK)).correctBreachFinding;
  expect(corrected).toEqual({ id: commitmentId, breachFinding: 'LAWFUL_CHANGE', breachFoundOn: '2025-03-10' });
  expect(await facts(agencyId)).toEqual({ breached: 0, breachedExcused: 1 });
  const [event] = await server.sql<{ outcome: string }>(`select outcome from audit_event where action = 'CORRECT_FINDING' and target_id = ?`, [commitmentId]);
  expect(event.outcome).toContain('breachFinding: "DERELICTION" → "LAWFUL_CHANGE"');
  expect(event.outcome).toContain('reason: 督查室更正');
});

it('the attack: a clerk alone turns a finding on record since 2025 into a lawful change — refused (ADMIN), nothing changes; ADMIN may', async () => {
  const agencyId = await createAgency(server, { level: 'TOWNSHIP', name: '鄂州市回溯认定镇人民政府' });
  const commitmentId = await derelictCommitment(agencyId);
  await server.sql(`update commitment set created_at = '2025-01-01' where id = ?`, [commitmentId]);
  const { data, errors } = await server.query(CORRECT_BREACH, { input: { commitmentId, breachFinding: 'LAWFUL_CHANGE', reason: '更正' } }, CLERK);
  expect(data ?? null).toBeNull();
  expect(errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SECOND_PERSON_REQUIRED', field: 'breachFinding', role: 'CLERK', allowed: ['ADMIN'] });
  for (const says of ['2025-03-10', '须由第二人', 'ADMIN', 'Nothing was changed.']) expect(errors![0].message).toContain(says);
  expect(await facts(agencyId)).toEqual({ breached: 1, breachedExcused: 0 });
  expect((await server.ok(CORRECT_BREACH, { input: { commitmentId, breachFinding: 'LAWFUL_CHANGE', reason: '更正' } }, ADMIN)).correctBreachFinding.breachFinding).toBe('LAWFUL_CHANGE');
});

it('a finding that entered answerable persons\' files is not corrected here (CONFLICT, names the objection routes)', async () => {
  const agencyId = await createAgency(server, { level: 'TOWNSHIP', name: '鄂州市责任人认定镇人民政府' });
  const personId = await createCivilServant(server, agencyId);
  const commitmentId = await derelictCommitment(agencyId, [personId]);
  const { errors } = await server.query(CORRECT_BREACH, { input: { commitmentId, foundOn: '2025-03-12', reason: '更正' } }, ADMIN);
  expect(errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'commitmentId' });
  expect(errors?.[0].message).toContain('fileFindingObjection');
});

it('an absence finding\'s day corrected later: the days before it no longer count the absence; a day before the hearing is refused', async () => {
  const agencyId = await createAgency(server, { name: '鄂州市出庭更正局' });
  const caseId = (await server.ok(CASE, { input: { agencyId, caseNumber: '(2025)鄂07行初77号', court: '鄂州市中级人民法院', kind: 'ADMINISTRATIVE', filedOn: '2025-01-10', hearingOn: '2025-03-01', headAppeared: false } })).createCourtCase.id;
  await server.ok(FIND, { input: { courtCaseId: caseId, finding: 'UNEXCUSED', foundOn: '2025-04-15', foundBy: '鄂州市人民政府办公室', document: '鄂州政办函〔2025〕8号' } });
  const absences = async (day: string) => (await server.ok(COURT_FACTS, { id: agencyId, asOf: noonInChina(day) }, ADMIN)).agency!.courtFacts.headAbsences;
  expect(await absences('2025-05-01')).toBe(1);
  const corrected = (await server.ok(CORRECT_ABSENCE, { input: { courtCaseId: caseId, foundOn: '2025-05-20', document: '鄂州政办函〔2025〕9号', reason: '认定文书更正' } }, CLERK)).correctAbsenceFinding;
  expect(corrected).toEqual({ id: caseId, absenceFinding: 'UNEXCUSED', absenceFoundOn: '2025-05-20', absenceFindingDocument: '鄂州政办函〔2025〕9号' });
  expect(await absences('2025-05-01')).toBe(0);
  expect(await absences('2025-05-20')).toBe(1);
  const refused = await server.query(CORRECT_ABSENCE, { input: { courtCaseId: caseId, foundOn: '2025-02-01', reason: '更正' } }, CLERK);
  expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'foundOn' });
});
