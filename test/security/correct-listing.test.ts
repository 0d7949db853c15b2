import { chinaToday } from '../../src/domain/day';
import { uscc } from '../support/factories';
import { noonInChina } from '../support/evaluate';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';
import type { Caller } from '../support/test-server';

/**
 * lawyer24 R3 (law28): a keeper's or a court's correction of a standing listing's details (the listing
 * day, the number, the listing body) had no route. correctListing corrects them, audited old → new;
 * verdicts' listing facts follow (a later listing day: the days before it no longer see the bar), and
 * the record-without-listing note names the corrected body and day. On a listing on record before
 * today a correction reaching past days takes a second person (ADMIN); the clerk is refused and nothing
 * changes.
 */
const server = serverPerFile();
const CLERK: Caller = { role: 'CLERK', sub: 'law28.clerk' };
const ADMIN: Caller = { role: 'ADMIN', sub: 'law28.admin' };
const COURT = '湖北省鄂州市中级人民法院';
const CREATE = graphql(`mutation ($u: String!) { createEnterprise(input: { uscc: $u, name: "鄂州市列入更正商贸有限公司" }) { id } }`);
const LIST = graphql(`mutation ($input: ListSubjectInput!) { listSubject(input: $input) { id } }`);
const CORRECT = graphql(`mutation ($input: CorrectListingInput!) { correctListing(input: $input) { id listedOn listedBy documentNumber } }`);
const EVALUATE = graphql(`mutation ($id: ID!, $asOf: DateTime) { evaluate(subject: { type: ENTERPRISE, id: $id }, matter: "PROCUREMENT", asOf: $asOf) { id outcome } }`);
const RECHECK = graphql(`mutation ($id: ID!, $asOf: DateTime) { recheck(verdictId: $id, asOf: $asOf) { sameDecision current { outcome } } }`);
const LISTINGS = graphql(`query ($id: ID!, $asOf: DateTime!) { enterprise(id: $id) { listings(asOf: $asOf) { listedByCourt memberships { listedOn listedBy documentNumber } } } }`);
const PAST = noonInChina('2023-09-01');

/** An enterprise listed by the court on 2023-08-24 (on record since that day), and a verdict as of 2023-09-01. */
async function listedLongAgo(): Promise<{ enterpriseId: string; membershipId: string; verdictId: string }> {
  const enterpriseId = (await server.ok(CREATE, { u: uscc('91') }, CLERK)).createEnterprise.id;
  const input = { subjectType: 'ENTERPRISE' as const, subjectId: enterpriseId, list: 'JUDGMENT_DEFAULTER' as const, listedOn: '2023-08-24', listedBy: COURT, documentNumber: '(2023)鄂07执100号' };
  const membershipId = (await server.ok(LIST, { input }, CLERK)).listSubject.id;
  await server.sql(`update list_membership set created_at = listed_on::timestamp where id = ?`, [membershipId]);
  const verdict = (await server.ok(EVALUATE, { id: enterpriseId, asOf: PAST }, CLERK)).evaluate;
  expect(verdict.outcome).toBe('RESTRICTED');
  return { enterpriseId, membershipId, verdictId: verdict.id };
}

const state = async (membershipId: string) => ({
  row: await server.sql(`select listed_on::text, listed_by, document_number from list_membership where id = ?`, [membershipId]),
  events: (await server.sql<{ n: number }>(`select count(*)::int as n from audit_event where action = 'CORRECT_LISTING'`))[0].n,
});

it('ADMIN enters the court\'s correction of the listing day: the days before it no longer see the bar, the facts show the corrected day, and the audit keeps old → new with the reason', async () => {
  const { enterpriseId, membershipId, verdictId } = await listedLongAgo();
  const corrected = (await server.ok(CORRECT, { input: { membershipId, listedOn: '2023-10-10', reason: '法院更正决定：列入日期应为2023-10-10' } }, ADMIN)).correctListing;
  expect(corrected).toEqual({ id: membershipId, listedOn: '2023-10-10', listedBy: COURT, documentNumber: '(2023)鄂07执100号' });
  expect((await server.ok(RECHECK, { id: verdictId, asOf: PAST }, CLERK)).recheck).toEqual({ sameDecision: false, current: { outcome: 'ELIGIBLE' } });
  expect((await server.ok(EVALUATE, { id: enterpriseId, asOf: noonInChina('2023-10-10') }, CLERK)).evaluate.outcome).toBe('RESTRICTED');
  const facts = (await server.ok(LISTINGS, { id: enterpriseId, asOf: noonInChina('2023-10-10') }, ADMIN)).enterprise!.listings;
  expect(facts).toEqual({ listedByCourt: true, memberships: [{ listedOn: '2023-10-10', listedBy: COURT, documentNumber: '(2023)鄂07执100号' }] });
  const [event] = await server.sql<{ outcome: string; actor: string }>(`select outcome, actor from audit_event where action = 'CORRECT_LISTING' and target_id = ?`, [membershipId]);
  expect(event.actor).toBe('law28.admin');
  expect(event.outcome).toContain('listedOn: "2023-08-24" → "2023-10-10"');
  expect(event.outcome).toContain('reason: 法院更正决定');
});

it('the attack: a clerk alone moves a listing on record since 2023 to a later day — refused with SECOND_PERSON_REQUIRED, nothing changes, the past verdict stands', async () => {
  const { membershipId, verdictId } = await listedLongAgo();
  const before = await state(membershipId);
  const { data, errors } = await server.query(CORRECT, { input: { membershipId, listedOn: '2023-10-10', reason: '笔误' } }, CLERK);
  expect(data ?? null).toBeNull();
  expect(errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SECOND_PERSON_REQUIRED', field: 'listedOn', role: 'CLERK', allowed: ['ADMIN'] });
  for (const says of ['2023-08-24', '2023-10-10', '须由第二人', 'ADMIN', 'Nothing was changed.']) expect(errors![0].message).toContain(says);
  expect(await state(membershipId)).toEqual(before);
  expect((await server.ok(RECHECK, { id: verdictId, asOf: PAST }, CLERK)).recheck).toEqual({ sameDecision: true, current: { outcome: 'RESTRICTED' } });
});

it('a clerk may not rewrite the number past verdicts named either, but corrects a listing entered today alone', async () => {
  const { membershipId } = await listedLongAgo();
  const refused = await server.query(CORRECT, { input: { membershipId, documentNumber: '(2023)鄂07执101号', reason: '文号笔误' } }, CLERK);
  expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SECOND_PERSON_REQUIRED', field: 'documentNumber' });

  const enterpriseId = (await server.ok(CREATE, { u: uscc('91') }, CLERK)).createEnterprise.id;
  const today = (await server.ok(LIST, { input: { subjectType: 'ENTERPRISE', subjectId: enterpriseId, list: 'JUDGMENT_DEFAULTER', listedOn: '2024-03-01', listedBy: COURT, documentNumber: '(2024)鄂07执1号' } }, CLERK)).listSubject.id;
  const fixed = (await server.ok(CORRECT, { input: { membershipId: today, documentNumber: '(2024)鄂07执11号', listedBy: '鄂州市鄂城区人民法院', reason: '录入笔误' } }, CLERK)).correctListing;
  expect(fixed).toMatchObject({ documentNumber: '(2024)鄂07执11号', listedBy: '鄂州市鄂城区人民法院', listedOn: '2024-03-01' });
});

it.each([
  ['a body that keeps no such list', { listedBy: '鄂州市市场监督管理局' }, 'listedBy'],
  ['a malformed number', { documentNumber: '第100号' }, 'documentNumber'],
  ['a listing day before the list began', { listedOn: '2010-01-01' }, 'listedOn'],
  ['nothing to correct', {}, 'input'],
])('%s is refused on its field (BAD_USER_INPUT) and nothing changes', async (_name, change, field) => {
  const { membershipId } = await listedLongAgo();
  const before = await state(membershipId);
  const { errors } = await server.query(CORRECT, { input: { membershipId, reason: '更正', ...change } }, ADMIN);
  expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  expect(await state(membershipId)).toEqual(before);
});

it('a listing day moved onto or after its recorded removal is refused on listedOn', async () => {
  const { membershipId } = await listedLongAgo();
  await server.ok(graphql(`mutation ($input: RemoveFromListInput!) { removeFromList(input: $input) { id } }`), { input: { membershipId, removedOn: '2023-12-01', removedBy: COURT, documentNumber: '(2023)鄂07执100号之一' } }, ADMIN);
  const { errors } = await server.query(CORRECT, { input: { membershipId, listedOn: '2023-12-01', reason: '更正' } }, ADMIN);
  expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'listedOn' });
  expect(errors?.[0].message).toContain('2023-12-01');
  void chinaToday;
});
