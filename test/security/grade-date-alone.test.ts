import { uscc } from '../support/factories';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';
import type { Caller } from '../support/test-server';

/**
 * hostile11 F2: updateEnterprise with gradedOn but no creditGrade answered success, "nothing
 * changed": the caller took a silent no-op for a new grade date. It is BAD_USER_INPUT on gradedOn.
 */
const server = serverPerFile();
const CLERK: Caller = { role: 'CLERK', sub: 'clerk-f2' };
const UPDATE = graphql(`mutation ($id: ID!, $on: LocalDate, $name: String) { updateEnterprise(id: $id, input: { gradedOn: $on, name: $name }) { creditGrade gradedOn name } }`);

it.each([['2020-01-01'], [null]])('gradedOn %j without creditGrade is refused (zh + en) and changes nothing, not even a name sent with it', async (on) => {
  const { createEnterprise } = await server.ok(graphql(`mutation ($u: String!) { createEnterprise(input: { uscc: $u, name: "鄂州市测试建材有限公司", creditGrade: D, gradedOn: "2025-06-06" }) { id } }`), { u: uscc('91') }, CLERK);
  const id = createEnterprise.id;
  const events = async () => (await server.sql('select count(*)::int as n from audit_event'))[0].n as number;
  const before = await events();
  const refused = await server.query(UPDATE, { id, on, name: '鄂州市改名建材有限公司' }, CLERK);
  expect(refused.data).toBeNull();
  expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'gradedOn' });
  expect(refused.errors?.[0].message).toContain('只能与 creditGrade 一并填写');
  expect(refused.errors?.[0].message).toContain('Give creditGrade with it');
  expect(await events()).toBe(before);
  expect((await server.sql('select name, credit_grade, graded_on::text from enterprise where id = ?', [id]))[0]).toEqual({ name: '鄂州市测试建材有限公司', credit_grade: 'D', graded_on: '2025-06-06' });
  // Without gradedOn the same update goes through.
  expect((await server.ok(UPDATE, { id, name: '鄂州市改名建材有限公司' }, CLERK)).updateEnterprise).toEqual({ creditGrade: 'D', gradedOn: '2025-06-06', name: '鄂州市改名建材有限公司' });
});
