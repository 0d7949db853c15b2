import { uscc } from '../support/factories';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';
import type { Caller } from '../support/test-server';

/**
 * hostile8 F7: an enterprise graded B on 2025-10-14 was regraded D "on 2019-01-01": a review as of
 * 2024 saw a D that did not exist then, and B vanished from every day. A new grade is dated on or
 * after the one it replaces.
 */
const server = serverPerFile();
const CLERK: Caller = { role: 'CLERK', sub: 'clerk-f7' };
const UPDATE = graphql(`mutation ($id: ID!, $g: CreditGrade, $on: LocalDate) { updateEnterprise(id: $id, input: { creditGrade: $g, gradedOn: $on }) { creditGrade gradedOn } }`);

it('a grade dated before the current one is refused; the current grade and the trail stay as they were', async () => {
  const { createEnterprise } = await server.ok(graphql(`mutation ($u: String!) { createEnterprise(input: { uscc: $u, name: "鄂州市测试建材有限公司", creditGrade: B, gradedOn: "2025-10-14" }) { id } }`), { u: uscc('91') }, CLERK);
  const id = createEnterprise.id;
  const events = async () => (await server.sql('select count(*)::int as n from audit_event'))[0].n;
  const before = await events();
  const refused = await server.query(UPDATE, { id, g: 'D', on: '2019-01-01' }, CLERK);
  expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'gradedOn' });
  expect(refused.errors?.[0].message).toContain('新等级不能倒签覆盖现有等级');
  expect(await events()).toBe(before);
  const [row] = await server.sql('select credit_grade, graded_on::text from enterprise where id = ?', [id]);
  expect(row).toEqual({ credit_grade: 'B', graded_on: '2025-10-14' });
  expect((await server.ok(UPDATE, { id, g: 'D', on: '2025-11-01' }, CLERK)).updateEnterprise).toEqual({ creditGrade: 'D', gradedOn: '2025-11-01' });
});
