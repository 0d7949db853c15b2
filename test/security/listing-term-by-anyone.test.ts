import { uscc } from '../support/factories';
import { evaluator } from '../support/evaluate';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';
import type { Caller } from '../support/test-server';

/**
 * hostile11 F3: any CLERK ended a court's judgment-defaulter listing by "setting its term" to the
 * listing day, with no deciding court and the number "随便〔2023〕1号": the listing stopped counting on
 * every past day, and a 2024 verdict flipped to ELIGIBLE on recheck. Now the term is decided by the
 * listing court or a court above it (decidedBy), it is set where none is recorded or extended but never
 * shortened (an early end is a removal), and it ends after the listing day and at most 5 years after it, the fifth anniversary included as a court counts (lawyer24 R1).
 * Each refusal is BAD_USER_INPUT on its field, and changes neither the row, the audit trail nor a verdict.
 */
const server = serverPerFile();
const CLERK: Caller = { role: 'CLERK', sub: 'clerk-h11f3' };
const COURT = '鄂州市中级人民法院';
const LIST = graphql(`mutation ($input: ListSubjectInput!) { listSubject(input: $input) { id } }`);
const SET_TERM = graphql(`mutation ($id: ID!, $termEndsOn: LocalDate!, $documentNumber: String!, $decidedBy: String!) { setListingTerm(id: $id, termEndsOn: $termEndsOn, documentNumber: $documentNumber, decidedBy: $decidedBy) { termEndsOn } }`);
const EVALUATE = graphql(`mutation ($type: SubjectType!, $id: ID!, $matter: String!, $asOf: DateTime) { evaluate(subject: { type: $type, id: $id }, matter: $matter, asOf: $asOf) { outcome } }`);
const evaluate = evaluator(server, EVALUATE);

let enterpriseId: string;
let membershipId: string;
beforeAll(async () => {
  enterpriseId = (await server.ok(graphql(`mutation ($u: String!) { createEnterprise(input: { uscc: $u, name: "鄂州市期限攻击建材有限公司" }) { id } }`), { u: uscc('91') }, CLERK)).createEnterprise.id;
  const input = { subjectType: 'ENTERPRISE' as const, subjectId: enterpriseId, list: 'JUDGMENT_DEFAULTER' as const, listedOn: '2023-03-07', listedBy: COURT, documentNumber: '(2023)鄂07执31号' };
  membershipId = (await server.ok(LIST, { input }, CLERK)).listSubject.id;
});

/** The row's term and the SET_LISTING_TERM events on it: what a refused change must leave as it was. */
const state = async () => ({
  row: await server.sql(`select term_ends_on::text, term_document_number from list_membership where id = ?`, [membershipId]),
  events: await server.sql(`select outcome from audit_event where action = 'SET_LISTING_TERM' and target_id = ? order by created_at`, [membershipId]),
});

const term = (termEndsOn: string, decidedBy: string, documentNumber = '(2023)鄂07执31号之一') => ({ id: membershipId, termEndsOn, documentNumber, decidedBy });

async function refused(variables: ReturnType<typeof term>, field: string, says: string) {
  const before = await state();
  const { errors } = await server.query(SET_TERM, variables, CLERK);
  expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  expect(errors?.[0].message).toContain(says);
  expect(await state()).toEqual(before);
  expect((await evaluate('ENTERPRISE', enterpriseId, 'PROCUREMENT', '2024-01-01')).outcome).toBe('RESTRICTED');
}

it('a term decided by no court of the listing, or by a court not above it, is refused on decidedBy', async () => {
  expect((await evaluate('ENTERPRISE', enterpriseId, 'PROCUREMENT', '2024-01-01')).outcome).toBe('RESTRICTED');
  await refused(term('2025-03-06', '某某局'), 'decidedBy', '人民法院');
  await refused(term('2025-03-06', '某某县人民法院'), 'decidedBy', COURT);
  await refused(term('2025-03-06', '湖北省黄石市中级人民法院'), 'decidedBy', 'a court of a higher level');
  await refused(term('2025-03-06', '\u200b湖北省高级人民法院'), 'decidedBy', 'U+200B');
});

it("the attack itself — a term ending on the listing day — and a term beyond 5 years are refused on termEndsOn, whoever decides", async () => {
  await refused(term('2023-03-07', COURT, '随便〔2023〕1号'), 'termEndsOn', '期限须在列入日之后届满');
  await refused(term('2023-03-01', COURT), 'termEndsOn', 'on or before the listing day');
  await refused(term('2199-12-31', '最高人民法院'), 'termEndsOn', '2028-03-07');
  // A court's five years from a listing of 2023-03-07 end on the anniversary, 2028-03-07, as a court counts (lawyer24 R1): the day after is the first day out.
  await refused(term('2028-03-08', COURT), 'termEndsOn', 'at most 5');
});

it("a court's lawful five-year term ending on the anniversary is accepted, as the court counts it (lawyer24 R1)", async () => {
  const id = (await server.ok(graphql(`mutation ($u: String!) { createEnterprise(input: { uscc: $u, name: "鄂州市五年期限建材有限公司" }) { id } }`), { u: uscc('91') }, CLERK)).createEnterprise.id;
  const input = { subjectType: 'ENTERPRISE' as const, subjectId: id, list: 'JUDGMENT_DEFAULTER' as const, listedOn: '2020-03-10', listedBy: COURT, documentNumber: '(2020)鄂07执10号' };
  const listing = (await server.ok(LIST, { input }, CLERK)).listSubject.id;
  // Two years, extended by three (法释〔2017〕7号 art. 2): the court's decision says 2025-03-10.
  expect((await server.ok(SET_TERM, { id: listing, termEndsOn: '2025-03-10', documentNumber: '(2020)鄂07执10号之一', decidedBy: COURT }, CLERK)).setListingTerm.termEndsOn).toBe('2025-03-10');
  expect((await evaluate('ENTERPRISE', id, 'PROCUREMENT', '2025-03-10')).outcome).toBe('RESTRICTED');
  expect((await evaluate('ENTERPRISE', id, 'PROCUREMENT', '2025-03-11')).outcome).toBe('ELIGIBLE');
});

it('the listing court sets the term, a higher court extends it; a shorter or the same term is refused as a removal in disguise', async () => {
  // The listing court, spelled with a full-width space: one body.
  await server.ok(SET_TERM, term('2025-03-06', '鄂州市　中级人民法院'), CLERK);
  expect((await evaluate('ENTERPRISE', enterpriseId, 'PROCUREMENT', '2025-03-07')).outcome).toBe('ELIGIBLE');

  await refused(term('2024-01-01', '湖北省高级人民法院', '(2024)鄂执监1号'), 'termEndsOn', 'removeFromList');
  await refused(term('2025-03-06', '湖北省高级人民法院', '(2024)鄂执监1号'), 'termEndsOn', '不能缩短');

  await server.ok(SET_TERM, term('2027-03-06', '湖北省高级人民法院', '(2025)鄂执监2号'), CLERK);
  await server.ok(SET_TERM, term('2028-03-06', '最高人民法院', '(2026)最高法执监3号'), CLERK);
  expect((await evaluate('ENTERPRISE', enterpriseId, 'PROCUREMENT', '2028-03-06')).outcome).toBe('RESTRICTED');
  expect((await state()).events).toEqual([
    { outcome: 'term none → 2025-03-06 ((2023)鄂07执31号之一, 鄂州市　中级人民法院)' },
    { outcome: 'term 2025-03-06 → 2027-03-06 ((2025)鄂执监2号, 湖北省高级人民法院)' },
    { outcome: 'term 2027-03-06 → 2028-03-06 ((2026)最高法执监3号, 最高人民法院)' },
  ]);
});
