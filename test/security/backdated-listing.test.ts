import { uscc } from '../support/factories';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';
import type { Caller } from '../support/test-server';

/**
 * hostile9 F4: a listing could be back-dated into a period the subject had already been listed and
 * removed: memberships 2024-01-01 → 2024-06-01 and 2024-03-01 → open both stood, and in March–May the
 * subject was on one list twice. Now a listing begins on or after the removal day of every earlier
 * listing of the same list (BAD_USER_INPUT on listedOn), and a trigger keeps listings from overlapping.
 */
const server = serverPerFile();
const CLERK: Caller = { role: 'CLERK', sub: 'clerk-h9f4' };
const LIST = graphql(`mutation ($input: ListSubjectInput!) { listSubject(input: $input) { id listedOn removedOn } }`);
const REMOVE = graphql(`mutation ($input: RemoveFromListInput!) { removeFromList(input: $input) { id } }`);
const KEEPER = '鄂州市市场监督管理局';
const listings = async (subjectId: string) => (await server.sql(`select count(*)::int as n from list_membership where subject_id = ?`, [subjectId]))[0].n as number;
const listingEvents = async (subjectId: string) => (await server.sql(`select count(*)::int as n from audit_event where action = 'LIST_SUBJECT' and subject_id = ?`, [subjectId]))[0].n as number;

let enterpriseId: string;
let firstId: string;
beforeAll(async () => {
  const created = await server.ok(graphql(`mutation ($u: String!) { createEnterprise(input: { uscc: $u, name: "鄂州市回溯贸易有限公司" }) { id } }`), { u: uscc('91') }, CLERK);
  enterpriseId = created.createEnterprise.id;
  firstId = (await server.ok(LIST, listing('2024-01-01', '鄂州市监〔2024〕1号'), CLERK)).listSubject.id;
  await server.ok(REMOVE, { input: { membershipId: firstId, removedOn: '2024-06-01', removedBy: KEEPER, documentNumber: '鄂州市监〔2024〕2号' } }, CLERK);
});

function listing(listedOn: string, documentNumber: string) {
  return { input: { subjectType: 'ENTERPRISE' as const, subjectId: enterpriseId, list: 'SERIOUS_ILLEGAL_DISHONEST' as const, listedOn, listedBy: KEEPER, documentNumber } };
}

it('a listing back-dated into an earlier, removed listing of the same list is refused on listedOn and writes nothing', async () => {
  const before = [await listings(enterpriseId), await listingEvents(enterpriseId)];
  for (const listedOn of ['2024-03-01', '2024-01-01', '2023-12-01', '2024-05-31']) {
    const { errors } = await server.query(LIST, listing(listedOn, '鄂州市监〔2024〕3号'), CLERK);
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'listedOn' });
    expect(errors![0].message).toContain('2024-06-01');
  }
  expect([await listings(enterpriseId), await listingEvents(enterpriseId)]).toEqual(before);
});

it('a listing from the earlier one\'s removal day on is accepted', async () => {
  const { listSubject } = await server.ok(LIST, listing('2024-06-01', '鄂州市监〔2024〕4号'), CLERK);
  expect(listSubject).toMatchObject({ listedOn: '2024-06-01', removedOn: null });
});

it('the database refuses overlapping listings whatever the API checked, and still lets a listing be removed', async () => {
  await expect(server.sql(
    `insert into list_membership (id, subject_type, subject_id, list, listed_on, listed_by, document_number, removed_on) values (gen_random_uuid(), 'ENTERPRISE', ?, 'SERIOUS_ILLEGAL_DISHONEST', '2024-02-01', ?, '鄂州市监〔2024〕5号', '2024-02-15')`,
    [enterpriseId, KEEPER],
  )).rejects.toMatchObject({ code: '23514', constraint: 'list_membership_no_overlap' });
  await expect(server.sql(`update list_membership set removed_on = '2024-07-01' where id = ?`, [firstId])).rejects.toMatchObject({ constraint: 'list_membership_no_overlap' });
  // Shrinking a period never makes an overlap, so it is not refused.
  await server.sql(`update list_membership set removed_on = '2024-05-01' where id = ?`, [firstId]);
});
