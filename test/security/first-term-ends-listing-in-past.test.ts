import { addDays, chinaToday } from '../../src/domain/day';
import { uscc } from '../support/factories';
import { noonInChina } from '../support/evaluate';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';
import type { Caller } from '../support/test-server';

/**
 * hostile21 F5: setListingTerm was a second door to F4. A judgment-defaulter listing on record since
 * 2022-01-26 with no term (it counts until removed) was given, by a CLERK alone, a *first* term ending
 * 2022-01-27: it stopped counting on every day since, and a verdict as of 2025-01-01 flipped from
 * RESTRICTED to ELIGIBLE on recheck — the longest shortening there is, through a mutation that only
 * ever lengthens a recorded term. A first term whose end takes past days off a listing on record
 * before today now takes the same second person as a back-dated removal (ADMIN): FORBIDDEN,
 * SECOND_PERSON_REQUIRED, field termEndsOn, nothing changed. A term ending yesterday or later takes no
 * past day away (the listing counts through termEndsOn) and stays the clerk's.
 */
const server = serverPerFile();
const CLERK: Caller = { role: 'CLERK', sub: 'h21f5.clerk' };
const ADMIN: Caller = { role: 'ADMIN', sub: 'h21f5.admin' };
const COURT = '鄂州市中级人民法院';
const CREATE = graphql(`mutation ($u: String!) { createEnterprise(input: { uscc: $u, name: "鄂州市首次期限回溯建材有限公司" }) { id } }`);
const LIST = graphql(`mutation ($input: ListSubjectInput!) { listSubject(input: $input) { id } }`);
const SET_TERM = graphql(`mutation ($id: ID!, $termEndsOn: LocalDate!) { setListingTerm(id: $id, termEndsOn: $termEndsOn, decidedBy: "鄂州市中级人民法院", documentNumber: "（2022）鄂07执1号之一") { termEndsOn } }`);
const EVALUATE = graphql(`mutation ($id: ID!, $asOf: DateTime) { evaluate(subject: { type: ENTERPRISE, id: $id }, matter: "PROCUREMENT", asOf: $asOf) { id outcome } }`);
const RECHECK = graphql(`mutation ($id: ID!, $asOf: DateTime) { recheck(verdictId: $id, asOf: $asOf) { sameDecision current { outcome } } }`);
const PAST = noonInChina('2025-01-01');

/** A listing on record since its day, with no term, and a verdict as of `asOf` (2025-01-01 unless given). */
async function listedWithoutTerm(listedOn = '2022-01-26', asOf = PAST): Promise<{ membershipId: string; verdictId: string }> {
  const enterpriseId = (await server.ok(CREATE, { u: uscc('91') }, CLERK)).createEnterprise.id;
  const input = { subjectType: 'ENTERPRISE' as const, subjectId: enterpriseId, list: 'JUDGMENT_DEFAULTER' as const, listedOn, listedBy: COURT, documentNumber: '（2022）鄂07执1号' };
  const membershipId = (await server.ok(LIST, { input }, CLERK)).listSubject.id;
  await server.sql(`update list_membership set created_at = listed_on::timestamp where id = ?`, [membershipId]);
  const verdict = (await server.ok(EVALUATE, { id: enterpriseId, asOf }, CLERK)).evaluate;
  expect(verdict.outcome).toBe('RESTRICTED');
  return { membershipId, verdictId: verdict.id };
}

const state = async (membershipId: string) => ({
  row: await server.sql(`select term_ends_on::text, term_document_number from list_membership where id = ?`, [membershipId]),
  events: (await server.sql<{ n: number }>(`select count(*)::int as n from audit_event where outcome not like 'refused%'`))[0].n,
});
const recheckPast = async (verdictId: string, asOf = PAST) => (await server.ok(RECHECK, { id: verdictId, asOf }, CLERK)).recheck;

function expectSecondPerson(result: Awaited<ReturnType<typeof server.query>>, termEndsOn: string) {
  expect(result.data ?? null).toBeNull();
  expect(result.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SECOND_PERSON_REQUIRED', field: 'termEndsOn', role: 'CLERK', allowed: ['ADMIN'] });
  const message = result.errors![0].message;
  for (const says of [termEndsOn, addDays(termEndsOn, 1), 'no term recorded', `ending yesterday (${addDays(chinaToday(), -1)}) or later`, '须由第二人', 'Nothing was changed.']) expect(message).toContain(says);
}

it('the attack: a first term ending the day after a 2022 listing, by a clerk alone — refused, nothing changes, the past verdict stands', async () => {
  const { membershipId, verdictId } = await listedWithoutTerm();
  const before = await state(membershipId);
  expectSecondPerson(await server.query(SET_TERM, { id: membershipId, termEndsOn: '2022-01-27' }, CLERK), '2022-01-27');
  // Any first term whose day after is before today: here the day before yesterday.
  const twoDaysAgo = addDays(chinaToday(), -2);
  expectSecondPerson(await server.query(SET_TERM, { id: membershipId, termEndsOn: twoDaysAgo }, CLERK), twoDaysAgo);
  expect(await state(membershipId)).toEqual(before);
  expect(await recheckPast(verdictId)).toEqual({ sameDecision: true, current: { outcome: 'RESTRICTED' } });
});

it('a first term ending yesterday or later takes no past day away and is the clerk\'s', async () => {
  // Listed within five years of today, so a term ending yesterday is within the longest term.
  const yesterday = addDays(chinaToday(), -1);
  const asOf = noonInChina(yesterday);
  const { membershipId, verdictId } = await listedWithoutTerm(addDays(chinaToday(), -400), asOf);
  expect((await server.ok(SET_TERM, { id: membershipId, termEndsOn: yesterday }, CLERK)).setListingTerm.termEndsOn).toBe(yesterday);
  expect(await recheckPast(verdictId, asOf)).toEqual({ sameDecision: true, current: { outcome: 'RESTRICTED' } });
});

it('ADMIN, the second person, records a court decision whose term ended long ago', async () => {
  const { membershipId, verdictId } = await listedWithoutTerm();
  expect((await server.ok(SET_TERM, { id: membershipId, termEndsOn: '2024-01-25' }, ADMIN)).setListingTerm.termEndsOn).toBe('2024-01-25');
  expect(await recheckPast(verdictId)).toEqual({ sameDecision: false, current: { outcome: 'ELIGIBLE' } });
});

it('a listing entered today is given its term from the papers by the clerk, however long ago it ended', async () => {
  const enterpriseId = (await server.ok(CREATE, { u: uscc('91') }, CLERK)).createEnterprise.id;
  const input = { subjectType: 'ENTERPRISE' as const, subjectId: enterpriseId, list: 'JUDGMENT_DEFAULTER' as const, listedOn: '2022-01-26', listedBy: COURT, documentNumber: '（2022）鄂07执2号' };
  const membershipId = (await server.ok(LIST, { input }, CLERK)).listSubject.id;
  expect((await server.ok(SET_TERM, { id: membershipId, termEndsOn: '2024-01-25' }, CLERK)).setListingTerm.termEndsOn).toBe('2024-01-25');
});
