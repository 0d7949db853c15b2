import { chinaToday } from '../../src/domain/day';
import { uscc } from '../support/factories';
import { noonInChina } from '../support/evaluate';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';
import type { Caller } from '../support/test-server';

/**
 * hostile21 F4: one clerk erased a 严重违法失信名单 listing from every past day. On record since
 * 2023-08-24, it was removed by a CLERK alone with removedOn "2023-08-25" (the body's name and number
 * typed by the same clerk), and a verdict as of 2025-01-01 flipped from RESTRICTED to ELIGIBLE on
 * recheck. A removal dated before today of a listing on record before today rewrites past days, as a
 * back-dated grade or objection does: it takes a second person (ADMIN). The clerk is refused
 * (FORBIDDEN, SECOND_PERSON_REQUIRED, field removedOn) and nothing changes; dated today, or on a
 * listing entered today (a history typed in from the papers), the removal stays the clerk's.
 */
const server = serverPerFile();
const CLERK: Caller = { role: 'CLERK', sub: 'h21f4.clerk' };
const ADMIN: Caller = { role: 'ADMIN', sub: 'h21f4.admin' };
const KEEPER = '鄂州市市场监督管理局';
const CREATE = graphql(`mutation ($u: String!) { createEnterprise(input: { uscc: $u, name: "鄂州市移出回溯商贸有限公司" }) { id } }`);
const LIST = graphql(`mutation ($input: ListSubjectInput!) { listSubject(input: $input) { id } }`);
const REMOVE = graphql(`mutation ($input: RemoveFromListInput!) { removeFromList(input: $input) { removedOn } }`);
const EVALUATE = graphql(`mutation ($id: ID!, $asOf: DateTime) { evaluate(subject: { type: ENTERPRISE, id: $id }, matter: "PROCUREMENT", asOf: $asOf) { id outcome } }`);
const RECHECK = graphql(`mutation ($id: ID!, $asOf: DateTime) { recheck(verdictId: $id, asOf: $asOf) { sameDecision current { outcome } } }`);
const PAST = noonInChina('2025-01-01');

/** An enterprise listed on 2023-08-24, the listing on record since that day, and a verdict as of 2025-01-01. */
async function listedLongAgo(): Promise<{ enterpriseId: string; membershipId: string; verdictId: string }> {
  const enterpriseId = (await server.ok(CREATE, { u: uscc('91') }, CLERK)).createEnterprise.id;
  const input = { subjectType: 'ENTERPRISE' as const, subjectId: enterpriseId, list: 'SERIOUS_ILLEGAL_DISHONEST' as const, listedOn: '2023-08-24', listedBy: KEEPER, documentNumber: '鄂州市监〔2023〕7号' };
  const membershipId = (await server.ok(LIST, { input }, CLERK)).listSubject.id;
  await server.sql(`update list_membership set created_at = listed_on::timestamp where id = ?`, [membershipId]);
  const verdict = (await server.ok(EVALUATE, { id: enterpriseId, asOf: PAST }, CLERK)).evaluate;
  expect(verdict.outcome).toBe('RESTRICTED');
  return { enterpriseId, membershipId, verdictId: verdict.id };
}

const removal = (membershipId: string, removedOn: string) => ({ input: { membershipId, removedOn, removedBy: KEEPER, documentNumber: '鄂州市监〔2023〕8号' } });
/** The listing row and the non-refused audit events: what a refused removal must leave as they were. */
const state = async (membershipId: string) => ({
  row: await server.sql(`select removed_on::text, removed_by, removal_document_number from list_membership where id = ?`, [membershipId]),
  events: (await server.sql<{ n: number }>(`select count(*)::int as n from audit_event where outcome not like 'refused%'`))[0].n,
});
const recheckPast = async (verdictId: string) => (await server.ok(RECHECK, { id: verdictId, asOf: PAST }, CLERK)).recheck;

it('the attack: a clerk alone removes a listing on record since 2023 from 2023-08-25 — refused, nothing changes, the past verdict stands', async () => {
  const { membershipId, verdictId } = await listedLongAgo();
  const before = await state(membershipId);
  const { data, errors } = await server.query(REMOVE, removal(membershipId, '2023-08-25'), CLERK);
  expect(data ?? null).toBeNull();
  expect(errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SECOND_PERSON_REQUIRED', field: 'removedOn', role: 'CLERK', allowed: ['ADMIN'] });
  const message = errors![0].message;
  for (const says of ['2023-08-25', '2023-08-24', `dated today (${chinaToday()})`, 'ADMIN', '须由第二人', 'Nothing was changed.']) expect(message).toContain(says);
  expect(await state(membershipId)).toEqual(before);
  expect(await recheckPast(verdictId)).toEqual({ sameDecision: true, current: { outcome: 'RESTRICTED' } });
});

it('dated today the removal is the clerk\'s, and every past day keeps the listing', async () => {
  const { membershipId, verdictId } = await listedLongAgo();
  expect((await server.ok(REMOVE, removal(membershipId, chinaToday()), CLERK)).removeFromList.removedOn).toBe(chinaToday());
  expect(await recheckPast(verdictId)).toEqual({ sameDecision: true, current: { outcome: 'RESTRICTED' } });
});

it('ADMIN, the second person, enters a removal decision that states an earlier day', async () => {
  const { membershipId, verdictId } = await listedLongAgo();
  expect((await server.ok(REMOVE, removal(membershipId, '2023-08-25'), ADMIN)).removeFromList.removedOn).toBe('2023-08-25');
  expect(await recheckPast(verdictId)).toEqual({ sameDecision: false, current: { outcome: 'ELIGIBLE' } });
});

it('a listing entered today is removed back-dated by the clerk entering its history from the papers', async () => {
  const enterpriseId = (await server.ok(CREATE, { u: uscc('91') }, CLERK)).createEnterprise.id;
  const input = { subjectType: 'ENTERPRISE' as const, subjectId: enterpriseId, list: 'SERIOUS_ILLEGAL_DISHONEST' as const, listedOn: '2023-08-24', listedBy: KEEPER, documentNumber: '鄂州市监〔2023〕9号' };
  const membershipId = (await server.ok(LIST, { input }, CLERK)).listSubject.id;
  expect((await server.ok(REMOVE, removal(membershipId, '2024-02-01'), CLERK)).removeFromList.removedOn).toBe('2024-02-01');
});
