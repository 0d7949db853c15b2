import { chinaToday } from '../../src/domain/day';
import { uscc } from '../support/factories';
import { noonInChina } from '../support/evaluate';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';
import type { Caller } from '../support/test-server';

/**
 * lawyer22 W2: a listing registered here against the wrong enterprise had no way out: a removal dated on
 * the listing day is refused (and would leave the listing standing on every past day), and the refusal
 * told the user "an officer corrects it", a path that did not exist. 三(七) “经核实有误的信息应及时更正或撤销”
 * covers this system's own entries: withdrawListing withdraws it as entered in error. It then counts on
 * no day, past days included, stays in the history with who, when and why, is audited, and verdicts
 * resting on it go stale. It rewrites past days, so for a listing on record before today a CLERK alone
 * is refused (SECOND_PERSON_REQUIRED) and an OFFICER or ADMIN does it; a listing entered today is the clerk's.
 */
const server = serverPerFile();
const CLERK: Caller = { role: 'CLERK', sub: 'law22.clerk' };
const OFFICER: Caller = { role: 'OFFICER', sub: 'law22.officer' };
const KEEPER = '鄂州市市场监督管理局';
const CREATE = graphql(`mutation ($u: String!) { createEnterprise(input: { uscc: $u, name: "鄂州市误登记商贸有限公司" }) { id } }`);
const LIST = graphql(`mutation ($input: ListSubjectInput!) { listSubject(input: $input) { id } }`);
const REMOVE = graphql(`mutation ($input: RemoveFromListInput!) { removeFromList(input: $input) { removedOn } }`);
const WITHDRAW = graphql(`mutation ($input: WithdrawListingInput!) { withdrawListing(input: $input) { id enteredInErrorAt enteredInErrorBy enteredInErrorReason enteredInErrorDocumentNumber } }`);
const EVALUATE = graphql(`mutation ($id: ID!, $asOf: DateTime) { evaluate(subject: { type: ENTERPRISE, id: $id }, matter: "PROCUREMENT", asOf: $asOf) { id outcome } }`);
const STALE = graphql(`query ($id: ID!) { verdict(id: $id) { stale } }`);
const PAST = noonInChina('2025-01-01');
const REASON = '法院名单所列统一社会信用代码为另一企业，本系统登记主体有误';

async function listedLongAgo(documentNumber: string) {
  const enterpriseId = (await server.ok(CREATE, { u: uscc('91') }, CLERK)).createEnterprise.id;
  const input = { subjectType: 'ENTERPRISE' as const, subjectId: enterpriseId, list: 'SERIOUS_ILLEGAL_DISHONEST' as const, listedOn: '2023-08-24', listedBy: KEEPER, documentNumber };
  const membershipId = (await server.ok(LIST, { input }, CLERK)).listSubject.id;
  await server.sql(`update list_membership set created_at = listed_on::timestamp where id = ?`, [membershipId]);
  const verdict = (await server.ok(EVALUATE, { id: enterpriseId, asOf: PAST }, CLERK)).evaluate;
  expect(verdict.outcome).toBe('RESTRICTED');
  return { enterpriseId, membershipId, verdictId: verdict.id, input };
}

it('the refusal of a removal on the listing day points to withdrawListing, a path that exists', async () => {
  const { membershipId } = await listedLongAgo('鄂州市监〔2023〕21号');
  const refused = await server.query(REMOVE, { input: { membershipId, removedOn: '2023-08-24', removedBy: KEEPER, documentNumber: '鄂州市监〔2023〕22号' } }, CLERK);
  expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'removedOn' });
  expect(refused.errors![0].message).toContain('withdrawListing');
  expect(refused.errors![0].message).not.toContain('corrected by an officer');
});

it('a CLERK alone may not withdraw a listing on record before today: SECOND_PERSON_REQUIRED, nothing changes', async () => {
  const { enterpriseId, membershipId } = await listedLongAgo('鄂州市监〔2023〕23号');
  const refused = await server.query(WITHDRAW, { input: { membershipId, reason: REASON } }, CLERK);
  expect(refused.data ?? null).toBeNull();
  expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SECOND_PERSON_REQUIRED', field: 'membershipId', role: 'CLERK', allowed: ['OFFICER', 'ADMIN'] });
  for (const says of ['2023-08-24', 'OFFICER', '须由第二人', 'Nothing was changed.']) expect(refused.errors![0].message).toContain(says);
  expect((await server.ok(EVALUATE, { id: enterpriseId, asOf: PAST }, CLERK)).evaluate.outcome).toBe('RESTRICTED');
});

it('an OFFICER withdraws it as entered in error: it counts on no day, stays in the history, audited, the verdict goes stale; the true listing can be entered', async () => {
  const { enterpriseId, membershipId, verdictId, input } = await listedLongAgo('鄂州市监〔2023〕24号');
  const withdrawn = (await server.ok(WITHDRAW, { input: { membershipId, reason: REASON, documentNumber: '鄂州发改〔2026〕3号' } }, OFFICER)).withdrawListing;
  // Who withdrew it is a staff account, the audit trail's actor: null for OFFICER (hostile29 F2), read by INSPECTOR and ADMIN.
  expect(withdrawn).toMatchObject({ id: membershipId, enteredInErrorBy: null, enteredInErrorReason: REASON, enteredInErrorDocumentNumber: '鄂州发改〔2026〕3号' });
  expect(withdrawn.enteredInErrorAt).toBeTruthy();
  for (const day of [PAST, noonInChina('2023-08-24'), noonInChina(chinaToday())]) {
    expect((await server.ok(EVALUATE, { id: enterpriseId, asOf: day }, CLERK)).evaluate.outcome).not.toBe('RESTRICTED');
  }
  expect((await server.ok(STALE, { id: verdictId }, CLERK)).verdict?.stale).toBe(true);
  const history = await server.ok(graphql(`query ($id: ID!) { enterprise(id: $id) { listMemberships { id listedOn enteredInErrorBy enteredInErrorReason } } }`), { id: enterpriseId }, CLERK);
  expect(history.enterprise?.listMemberships).toEqual([{ id: membershipId, listedOn: '2023-08-24', enteredInErrorBy: null, enteredInErrorReason: REASON }]);
  const audit = await server.sql<{ outcome: string }>(`select outcome from audit_event where action = 'WITHDRAW_LISTING' and target_id = ?`, [membershipId]);
  expect(audit.map((a) => a.outcome)).toEqual([expect.stringContaining('as entered in error')]);
  // Withdrawn, it is history: no removal on it, no second withdrawal; it no longer blocks a listing of the same subject.
  const again = await server.query(WITHDRAW, { input: { membershipId, reason: REASON } }, OFFICER);
  expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'membershipId' });
  const removal = await server.query(REMOVE, { input: { membershipId, removedOn: chinaToday(), removedBy: KEEPER, documentNumber: '鄂州市监〔2023〕25号' } }, CLERK);
  expect(removal.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'membershipId' });
  await server.ok(LIST, { input: { ...input, documentNumber: '鄂州市监〔2023〕26号' } }, CLERK);
  expect((await server.ok(EVALUATE, { id: enterpriseId, asOf: PAST }, CLERK)).evaluate.outcome).toBe('RESTRICTED');
});

it('a listing entered today is withdrawn by the clerk who typed it', async () => {
  const enterpriseId = (await server.ok(CREATE, { u: uscc('91') }, CLERK)).createEnterprise.id;
  const input = { subjectType: 'ENTERPRISE' as const, subjectId: enterpriseId, list: 'SERIOUS_ILLEGAL_DISHONEST' as const, listedOn: '2023-08-24', listedBy: KEEPER, documentNumber: '鄂州市监〔2023〕27号' };
  const membershipId = (await server.ok(LIST, { input }, CLERK)).listSubject.id;
  const byInspector = await server.query(WITHDRAW, { input: { membershipId, reason: '录入时选错了企业' } }, { role: 'INSPECTOR', sub: 'law22.inspector' });
  expect(byInspector.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
  expect((await server.ok(WITHDRAW, { input: { membershipId, reason: '录入时选错了企业' } }, CLERK)).withdrawListing.id).toBe(membershipId);
  expect((await server.ok(EVALUATE, { id: enterpriseId, asOf: PAST }, CLERK)).evaluate.outcome).not.toBe('RESTRICTED');
});
