import { uscc } from '../support/factories';
import { evaluator } from '../support/evaluate';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';
import type { Caller } from '../support/test-server';

/**
 * hostile11 F5: any name ending in 人民法院 ("某某县人民法院") took an intermediate court's listing off,
 * dated its first day, so the listing vanished from every past day and a 2025 verdict flipped on recheck.
 * Now the removing body is the listing body, or for a court's listing a court of a higher level; a
 * seriously-illegal-and-dishonest listing is removed by the authority that made it; and the removal
 * takes effect after the listing day. Each refusal is BAD_USER_INPUT on its field and changes nothing.
 */
const server = serverPerFile();
const CLERK: Caller = { role: 'CLERK', sub: 'clerk-h11f5' };
const COURT = '湖北省鄂州市中级人民法院';
const AUTHORITY = '鄂州市市场监督管理局';
const LIST = graphql(`mutation ($input: ListSubjectInput!) { listSubject(input: $input) { id } }`);
const REMOVE = graphql(`mutation ($input: RemoveFromListInput!) { removeFromList(input: $input) { removedOn removedBy } }`);
const EVALUATE = graphql(`mutation ($type: SubjectType!, $id: ID!, $matter: String!, $asOf: DateTime) { evaluate(subject: { type: $type, id: $id }, matter: $matter, asOf: $asOf) { outcome } }`);
const evaluate = evaluator(server, EVALUATE);

let courtListed: { enterpriseId: string; membershipId: string };
let authorityListed: { enterpriseId: string; membershipId: string };
async function listed(name: string, fields: { list: 'JUDGMENT_DEFAULTER' | 'SERIOUS_ILLEGAL_DISHONEST'; listedBy: string; documentNumber: string }) {
  const enterpriseId = (await server.ok(graphql(`mutation ($u: String!, $n: String!) { createEnterprise(input: { uscc: $u, name: $n }) { id } }`), { u: uscc('91'), n: name }, CLERK)).createEnterprise.id;
  const membershipId = (await server.ok(LIST, { input: { subjectType: 'ENTERPRISE', subjectId: enterpriseId, listedOn: '2022-07-02', ...fields } }, CLERK)).listSubject.id;
  return { enterpriseId, membershipId };
}
beforeAll(async () => {
  courtListed = await listed('鄂州市移出攻击机械有限公司', { list: 'JUDGMENT_DEFAULTER', listedBy: COURT, documentNumber: '(2022)鄂07执77号' });
  authorityListed = await listed('鄂州市移出攻击商贸有限公司', { list: 'SERIOUS_ILLEGAL_DISHONEST', listedBy: AUTHORITY, documentNumber: '鄂州市监严〔2022〕7号' });
});

/** Removed rows and REMOVE_FROM_LIST events: what a refused removal must leave as it was. */
const state = async () => ({
  removed: (await server.sql(`select count(removed_on)::int as n from list_membership`))[0].n,
  events: (await server.sql(`select count(*)::int as n from audit_event where action = 'REMOVE_FROM_LIST'`))[0].n,
});

const removal = (membershipId: string, removedBy: string, removedOn = '2025-06-01', documentNumber = '(2025)鄂07执恢7号') => ({ input: { membershipId, removedOn, removedBy, documentNumber } });

async function refused(variables: ReturnType<typeof removal>, field: string, says: string, enterpriseId: string) {
  const before = await state();
  const { errors } = await server.query(REMOVE, variables, CLERK);
  expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  expect(errors?.[0].message).toContain(says);
  expect(await state()).toEqual(before);
  expect((await evaluate('ENTERPRISE', enterpriseId, 'PROCUREMENT', '2025-01-01')).outcome).toBe('RESTRICTED');
}

it("a court's listing is not removed by a lower court, another court of its level, or a court beside the name", async () => {
  const { enterpriseId, membershipId } = courtListed;
  await refused(removal(membershipId, '某某县人民法院', '2022-07-02', '随便〔2022〕9号'), 'removedBy', 'a court of a higher level', enterpriseId);
  await refused(removal(membershipId, '鄂州市鄂城区人民法院'), 'removedBy', COURT, enterpriseId);
  await refused(removal(membershipId, '湖北省黄石市中级人民法院'), 'removedBy', '上级法院', enterpriseId);
  await refused(removal(membershipId, '鄂州市市场监督管理局'), 'removedBy', '人民法院', enterpriseId);
});

it('a removal on (or before) the listing day is refused on removedOn, even by the listing court: a listing entered in error is withdrawn, not removed', async () => {
  const { enterpriseId, membershipId } = courtListed;
  await refused(removal(membershipId, COURT, '2022-07-02'), 'removedOn', 'withdraw it as entered in error with withdrawListing', enterpriseId);
  await refused(removal(membershipId, COURT, '2022-07-01'), 'removedOn', '不晚于列入日期', enterpriseId);
});

it('a seriously-illegal-and-dishonest listing is removed by the authority that made it only', async () => {
  const { enterpriseId, membershipId } = authorityListed;
  await refused(removal(membershipId, '湖北省市场监督管理局', '2025-06-01', '鄂市监〔2025〕1号'), 'removedBy', 'changed by the authority that made it', enterpriseId);
  await refused(removal(membershipId, '某某县市场监督管理局', '2025-06-01', '鄂市监〔2025〕1号'), 'removedBy', 'changed by the authority that made it', enterpriseId);
  const done = await server.ok(REMOVE, removal(membershipId, AUTHORITY, '2025-06-01', '鄂州市监严〔2025〕8号'), CLERK);
  expect(done.removeFromList).toEqual({ removedOn: '2025-06-01', removedBy: AUTHORITY });
});

it("the listing court's superior removes it from a later day; the listing still counts before that day", async () => {
  const { enterpriseId, membershipId } = courtListed;
  const before = await state();
  await server.ok(REMOVE, removal(membershipId, '湖北省高级人民法院', '2025-06-01', '(2025)鄂执监7号'), CLERK);
  expect(await state()).toEqual({ removed: before.removed + 1, events: before.events + 1 });
  expect((await evaluate('ENTERPRISE', enterpriseId, 'PROCUREMENT', '2025-01-01')).outcome).toBe('RESTRICTED');
  expect((await evaluate('ENTERPRISE', enterpriseId, 'PROCUREMENT', '2025-06-02')).outcome).toBe('ELIGIBLE');
});
