import { uscc } from '../support/factories';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';
import type { Caller } from '../support/test-server';

/**
 * law14a W4: the list keepers were read off the name too narrowly. A specialised court (武汉海事法院,
 * 武汉铁路运输中级法院, a military court) lists judgment defaulters as any people's court does, and the
 * seriously-illegal-and-dishonest listings decided before the 2018 reform were made by a 工商行政管理局,
 * whose duties its 市场监督管理局 took over. They are accepted; a body that only looks like one (武汉海事局,
 * 鄂州市工商局, 某某法院) is still refused, and the message says which forms are accepted.
 */
const server = serverPerFile();
const CLERK: Caller = { role: 'CLERK', sub: 'clerk-law14a' };
const LIST = graphql(`mutation ($input: ListSubjectInput!) { listSubject(input: $input) { id listedBy } }`);
const REMOVE = graphql(`mutation ($input: RemoveFromListInput!) { removeFromList(input: $input) { id removedOn } }`);
const count = async () => (await server.sql<{ n: number }>(`select count(*)::int as n from list_membership`))[0].n;

async function enterprise(): Promise<string> {
  const created = await server.ok(graphql(`mutation ($u: String!) { createEnterprise(input: { uscc: $u, name: "鄂州市测试航运有限公司" }) { id } }`), { u: uscc('91') }, CLERK);
  return created.createEnterprise.id;
}
const defaulter = (subjectId: string, listedBy: string) => ({ input: { subjectType: 'ENTERPRISE' as const, subjectId, list: 'JUDGMENT_DEFAULTER' as const, listedOn: '2025-01-10', listedBy, documentNumber: '(2024)鄂72执12号' } });
const seriousIllegal = (subjectId: string, listedBy: string) => ({ input: { subjectType: 'ENTERPRISE' as const, subjectId, list: 'SERIOUS_ILLEGAL_DISHONEST' as const, listedOn: '2017-06-01', listedBy, documentNumber: '鄂州工商〔2017〕15号' } });

it.each(['武汉海事法院', '武汉铁路运输中级法院', '武汉铁路运输法院', '中国人民解放军中部战区军事法院', '北京知识产权法院', '上海金融法院', '杭州互联网法院', '湖北省鄂州市中级人民法院'])(
  'a judgment-defaulter listing by %s is accepted',
  async (court) => {
    const { listSubject } = await server.ok(LIST, defaulter(await enterprise(), court), CLERK);
    expect(listSubject.listedBy).toBe(court);
  },
);

it.each(['武汉海事局', '某某法院', '武汉铁路局'])('a judgment-defaulter listing by %s (no court) is refused on listedBy, naming the accepted forms; nothing is written', async (body) => {
  const subjectId = await enterprise();
  const before = await count();
  const { errors } = await server.query(LIST, defaulter(subjectId, body), CLERK);
  expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'listedBy' });
  expect(errors?.[0].message).toContain('海事法院');
  expect(errors?.[0].message).toContain('铁路运输中级法院');
  expect(errors?.[0].message).toContain('specialised people\'s court');
  expect(await count()).toBe(before);
});

it('a railway court\'s listing is taken off by the railway intermediate court above it, not by another basic court', async () => {
  const { listSubject } = await server.ok(LIST, defaulter(await enterprise(), '武汉铁路运输法院'), CLERK);
  const removal = (removedBy: string) => ({ input: { membershipId: listSubject.id, removedOn: '2025-06-01', removedBy, documentNumber: '(2025)鄂71执监3号' } });
  const sideways = await server.query(REMOVE, removal('杭州互联网法院'), CLERK);
  expect(sideways.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'removedBy' });
  expect((await server.ok(REMOVE, removal('武汉铁路运输中级法院'), CLERK)).removeFromList.removedOn).toBe('2025-06-01');
});

it('a 2017 seriously-illegal listing by a 工商行政管理局 is accepted, and taken off by the 市场监督管理局 that succeeded it, not by another', async () => {
  const { listSubject } = await server.ok(LIST, seriousIllegal(await enterprise(), '鄂州市工商行政管理局'), CLERK);
  const removal = (removedBy: string) => ({ input: { membershipId: listSubject.id, removedOn: '2020-06-01', removedBy, documentNumber: '鄂州市监〔2020〕8号' } });
  const other = await server.query(REMOVE, removal('武汉市市场监督管理局'), CLERK);
  expect(other.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'removedBy' });
  expect(other.errors?.[0].message).toContain('鄂州市市场监督管理局');
  expect((await server.ok(REMOVE, removal('鄂州市市场监督管理局'), CLERK)).removeFromList.removedOn).toBe('2020-06-01');
});

it('a seriously-illegal listing by 鄂州市工商局 (no full name) or by a court is refused, naming both accepted forms', async () => {
  for (const body of ['鄂州市工商局', '湖北省鄂州市中级人民法院']) {
    const subjectId = await enterprise();
    const before = await count();
    const { errors } = await server.query(LIST, seriousIllegal(subjectId, body), CLERK);
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'listedBy' });
    expect(errors?.[0].message).toContain('工商行政管理局');
    expect(errors?.[0].message).toContain('市场监督管理局');
    expect(await count()).toBe(before);
  }
});
