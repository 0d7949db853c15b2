import { agencyWithServant, createRecord, uscc } from '../support/factories';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';
import type { Caller } from '../support/test-server';

/**
 * hostile8 F6: a court's listing was removed by "某某局"; "张三" listed a subject as a judgment
 * defaulter by document "无"; listings rested on a revoked and on a trustworthy record; a civil
 * servant was put on the seriously-illegal-and-dishonest list; a listing was dated 1901. Each is
 * now BAD_USER_INPUT on its field, and writes no row.
 */
const server = serverPerFile();
const CLERK: Caller = { role: 'CLERK', sub: 'clerk-f6' };
const LIST = graphql(`mutation ($input: ListSubjectInput!) { listSubject(input: $input) { id } }`);
const REMOVE = graphql(`mutation ($input: RemoveFromListInput!) { removeFromList(input: $input) { id } }`);
const COURT = '湖北省鄂州市中级人民法院';
const listings = async () => (await server.sql(`select count(*)::int as n, count(removed_on)::int as removed from list_membership`))[0];

let enterpriseId: string;
let servantId: string;
beforeAll(async () => {
  ({ servantId } = await agencyWithServant(server));
  const created = await server.ok(graphql(`mutation ($u: String!) { createEnterprise(input: { uscc: $u, name: "鄂州市测试物流有限公司" }) { id } }`), { u: uscc('91') }, CLERK);
  enterpriseId = created.createEnterprise.id;
});

const listing = (fields: Record<string, unknown> = {}) => ({ input: { subjectType: 'ENTERPRISE' as const, subjectId: enterpriseId, list: 'JUDGMENT_DEFAULTER' as const, listedOn: '2025-01-10', listedBy: COURT, documentNumber: '(2024)鄂07执188号', ...fields } });

async function refused(result: Promise<{ errors?: { message: string; extensions?: Record<string, unknown> }[] }>, field: string, says: string) {
  const before = await listings();
  const { errors } = await result;
  expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  expect(errors?.[0].message).toContain(says);
  expect(await listings()).toEqual(before);
}

it('a listing by a body that does not keep the list, by a number that is none, of a subject the list does not hold, or before the list began, is refused', async () => {
  await refused(server.query(LIST, listing({ listedBy: '张三' }), CLERK), 'listedBy', '人民法院');
  await refused(server.query(LIST, listing({ documentNumber: '无' }), CLERK), 'documentNumber', '不是案号或文号的格式');
  await refused(server.query(LIST, listing({ list: 'SERIOUS_ILLEGAL_DISHONEST', listedBy: '鄂州市市场监督管理局', documentNumber: '鄂州市监〔2024〕7号', subjectType: 'CIVIL_SERVANT', subjectId: servantId }), CLERK), 'subjectType', 'CIVIL_SERVANT');
  await refused(server.query(LIST, listing({ list: 'SERIOUS_ILLEGAL_DISHONEST', listedBy: COURT }), CLERK), 'listedBy', '市场监督管理部门');
  await refused(server.query(LIST, listing({ listedOn: '1901-05-01' }), CLERK), 'listedOn', '2013-10-01');
});

it('a listing resting on a trustworthy or a revoked record is refused', async () => {
  const honoured = await createRecord(server, 'ENTERPRISE', enterpriseId, { kind: 'TRUSTWORTHY', category: 'COMMITMENT_HONOURED', severity: null, documentNumber: '鄂州信〔2024〕501号' });
  await refused(server.query(LIST, listing({ recordId: honoured }), CLERK), 'recordId', '守信记录');
  const revoked = await createRecord(server, 'ENTERPRISE', enterpriseId, { documentNumber: '鄂州信〔2024〕502号' });
  await server.sql(`update credit_record set status = 'REVOKED' where id = ?`, [revoked]);
  await refused(server.query(LIST, listing({ recordId: revoked }), CLERK), 'recordId', '已撤销');
});

it("a court's listing is taken off only by a court, by a removal decision's number", async () => {
  const recordId = await createRecord(server, 'ENTERPRISE', enterpriseId, { documentNumber: '鄂州信〔2024〕503号' });
  const { listSubject } = await server.ok(LIST, listing({ recordId }), CLERK);
  const removal = (fields: Record<string, unknown>) => ({ input: { membershipId: listSubject.id, removedOn: '2025-06-01', removedBy: COURT, documentNumber: '(2024)鄂07执188号之一', ...fields } });
  await refused(server.query(REMOVE, removal({ removedBy: '某某局' }), CLERK), 'removedBy', COURT);
  await refused(server.query(REMOVE, removal({ documentNumber: '无' }), CLERK), 'documentNumber', '不是案号或文号的格式');
  await server.ok(REMOVE, removal({}), CLERK);
  expect((await listings()).removed).toBe(1);
});
