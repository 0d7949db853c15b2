import { chinaToday } from '../../src/domain/day';
import { createAgency, createCivilServant, createRecord, uscc } from '../support/factories';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';
import type { Caller } from '../support/test-server';

/**
 * hostile29 F10: the "second person" was a role, not a person. One `sub` holding a CLERK and an OFFICER
 * token filed a renewed objection as CLERK and admitted it as OFFICER; a listing it entered as CLERK it
 * withdrew as OFFICER over past days. Where a second person is required, the acting `sub` may not be the
 * one who entered the thing: FORBIDDEN, SECOND_PERSON_REQUIRED, the message naming who entered it,
 * nothing written. Another person with the same role may.
 */
const server = serverPerFile();
const WANG_CLERK: Caller = { role: 'CLERK', sub: 'h29f10.wang' };
const WANG_OFFICER: Caller = { role: 'OFFICER', sub: 'h29f10.wang' };
const LI_OFFICER: Caller = { role: 'OFFICER', sub: 'h29f10.li' };

const FILE = graphql(`mutation ($input: FileObjectionInput!) { fileObjection(input: $input) { id renewed } }`);
const RESOLVE = graphql(`mutation ($input: ResolveObjectionInput!) { resolveObjection(input: $input) { status } }`);
const ADMIT = graphql(`mutation ($input: AdmitObjectionInput!) { admitObjection(input: $input) { admittedOn } }`);
const CREATE = graphql(`mutation ($u: String!) { createEnterprise(input: { uscc: $u, name: "鄂州市同人商贸有限公司" }) { id } }`);
const LIST = graphql(`mutation ($input: ListSubjectInput!) { listSubject(input: $input) { id } }`);
const WITHDRAW = graphql(`mutation ($input: WithdrawListingInput!) { withdrawListing(input: $input) { enteredInErrorBy } }`);

function expectSamePerson(result: { data?: unknown; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }, field: string): void {
  expect(result.data ?? null).toBeNull();
  expect(result.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SECOND_PERSON_REQUIRED', field, role: 'OFFICER', enteredBy: 'h29f10.wang' });
  for (const says of ['由 h29f10.wang 录入', 'was entered by h29f10.wang', 'Nothing was changed.']) expect(result.errors![0].message).toContain(says);
}

it('the attack: one sub files a renewed objection as CLERK and admits it as OFFICER — refused; another officer admits it', async () => {
  const today = chinaToday();
  const recordId = await createRecord(server, 'AGENCY', await createAgency(server));
  const first = (await server.ok(FILE, { input: { recordId, filedBy: '本机关', reason: '认定有误', filedOn: today } }, WANG_CLERK)).fileObjection.id;
  await server.ok(RESOLVE, { input: { objectionId: first, decision: 'REJECTED', resolution: '驳回', resolvedOn: today } }, { role: 'CLERK', sub: 'h29f10.zhao' });
  const renewed = (await server.ok(FILE, { input: { recordId, filedBy: '本机关', reason: '新证据', filedOn: today } }, WANG_CLERK)).fileObjection;
  expect(renewed.renewed).toBe(true);

  expectSamePerson(await server.query(ADMIT, { input: { objectionId: renewed.id, grounds: '新的事实和理由', admittedOn: today } }, WANG_OFFICER), 'objectionId');
  expect(await server.sql(`select admitted_on, admitted_by from objection where id = ?`, [renewed.id])).toEqual([{ admitted_on: null, admitted_by: null }]);
  expect((await server.sql(`select status from credit_record where id = ?`, [recordId]))[0].status).toBe('ACTIVE');

  expect((await server.ok(ADMIT, { input: { objectionId: renewed.id, grounds: '新的事实和理由', admittedOn: today } }, LI_OFFICER)).admitObjection.admittedOn).toBe(today);
});

it('one sub lists as CLERK and withdraws the listing over past days as OFFICER — refused; another officer withdraws it', async () => {
  const enterpriseId = (await server.ok(CREATE, { u: uscc('91') }, WANG_CLERK)).createEnterprise.id;
  const input = { subjectType: 'ENTERPRISE' as const, subjectId: enterpriseId, list: 'SERIOUS_ILLEGAL_DISHONEST' as const, listedOn: '2023-08-24', listedBy: '鄂州市市场监督管理局', documentNumber: '鄂州市监〔2023〕71号' };
  const membershipId = (await server.ok(LIST, { input }, WANG_CLERK)).listSubject.id;
  await server.sql(`update list_membership set created_at = listed_on::timestamp where id = ?`, [membershipId]);

  expectSamePerson(await server.query(WITHDRAW, { input: { membershipId, reason: '登记主体有误' } }, WANG_OFFICER), 'membershipId');
  expect(await server.sql(`select entered_in_error_at from list_membership where id = ?`, [membershipId])).toEqual([{ entered_in_error_at: null }]);

  await server.ok(WITHDRAW, { input: { membershipId, reason: '登记主体有误' } }, LI_OFFICER);
  // Who withdrew it is a staff account, which an OFFICER does not read back (hostile29 F2): the row holds it.
  expect(await server.sql(`select entered_in_error_by from list_membership where id = ?`, [membershipId])).toEqual([{ entered_in_error_by: 'h29f10.li' }]);
});

it('one sub enters a grade as CLERK and withdraws it from a past day as OFFICER — refused; another officer withdraws it', async () => {
  const CREATE_GRADED = graphql(`mutation ($u: String!) { createEnterprise(input: { uscc: $u, name: "鄂州市同人建设有限公司", creditGrade: D, gradedOn: "2023-01-01" }) { id } }`);
  const WITHDRAW_GRADE = graphql(`mutation ($id: ID!) { withdrawCreditGrade(enterpriseId: $id, input: { reason: WITHDRAWN, on: "2024-01-01" }) { creditGrade } }`);
  const id = (await server.ok(CREATE_GRADED, { u: uscc('91') }, WANG_CLERK)).createEnterprise.id;
  await server.sql(`update enterprise_credit_grade set created_at = graded_on::timestamp where enterprise_id = ?`, [id]);
  const grades = () => server.sql(`select grade, ended_on::text, end_reason, entered_by from enterprise_credit_grade where enterprise_id = ?`, [id]);
  expect(await grades()).toEqual([{ grade: 'D', ended_on: null, end_reason: null, entered_by: 'h29f10.wang' }]);

  const refused = await server.query(WITHDRAW_GRADE, { id }, WANG_OFFICER);
  expect(refused.data ?? null).toBeNull();
  expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SECOND_PERSON_REQUIRED', role: 'OFFICER', enteredBy: 'h29f10.wang' });
  for (const says of ['由 h29f10.wang 录入', 'was entered by h29f10.wang', 'Nothing was changed.']) expect(refused.errors![0].message).toContain(says);
  expect((await grades())[0].end_reason).toBeNull();

  expect((await server.ok(WITHDRAW_GRADE, { id }, LI_OFFICER)).withdrawCreditGrade.creditGrade).toBeNull();
});

it('one sub files a renewed objection to a finding as CLERK and admits it as OFFICER — refused; another officer admits it (ref15)', async () => {
  const today = chinaToday();
  const COMMITMENT = graphql(`mutation ($input: CreateCommitmentInput!) { createCommitment(input: $input) { id } }`);
  const SETTLE = graphql(`mutation ($input: SettleCommitmentInput!) { settleCommitment(input: $input) { status } }`);
  const FILE_FINDING = graphql(`mutation ($input: FileFindingObjectionInput!) { fileFindingObjection(input: $input) { id renewed } }`);
  const REJECT_FINDING = graphql(`mutation ($o: ID!, $on: LocalDate!) { decideFindingObjection(input: { objectionId: $o, decision: REJECTED, resolution: "经核实，认定无误", resolvedOn: $on }) { status } }`);
  const ADMIT_FINDING = graphql(`mutation ($input: AdmitObjectionInput!) { admitFindingObjection(input: $input) { admittedOn } }`);
  const agencyId = await createAgency(server, { level: 'TOWNSHIP' });
  const servantId = await createCivilServant(server, agencyId);
  const commitmentId = (await server.ok(COMMITMENT, {
    input: { agencyId, responsiblePersonId: null, kind: 'DEADLINE', domain: 'LIVELIHOOD', publiclyDisclosed: true, content: '社区食堂按期开放', publishedOn: '2025-01-01', dueOn: '2025-03-01' },
  })).createCommitment.id;
  await server.ok(SETTLE, { input: { commitmentId, status: 'BREACHED', breachFinding: 'DERELICTION', foundBy: '鄂州市人民政府督查室', settledOn: '2025-03-10', settlementDocument: '鄂州督〔2025〕9号', answerablePersonIds: [servantId], answerableSeverity: 'GENERAL' } });
  const objection = { commitmentId, filedBy: '本单位', reason: '系上级调整项目安排所致，非履职不力', filedOn: today };
  const first = (await server.ok(FILE_FINDING, { input: objection }, WANG_CLERK)).fileFindingObjection.id;
  await server.ok(REJECT_FINDING, { o: first, on: today }, { role: 'CLERK', sub: 'h29f10.zhao' });
  const renewed = (await server.ok(FILE_FINDING, { input: { ...objection, reason: '新证据' } }, WANG_CLERK)).fileFindingObjection;
  expect(renewed.renewed).toBe(true);

  expectSamePerson(await server.query(ADMIT_FINDING, { input: { objectionId: renewed.id, grounds: '新的事实和理由', admittedOn: today } }, WANG_OFFICER), 'objectionId');
  expect(await server.sql(`select admitted_on, admitted_by from finding_objection where id = ?`, [renewed.id])).toEqual([{ admitted_on: null, admitted_by: null }]);

  expect((await server.ok(ADMIT_FINDING, { input: { objectionId: renewed.id, grounds: '新的事实和理由', admittedOn: today } }, LI_OFFICER)).admitFindingObjection.admittedOn).toBe(today);
});
