import { uscc } from '../support/factories';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';
import type { Caller } from '../support/test-server';

/**
 * hostile17 F5: one clerk rewrote a past D grade on every as-of day. `updateEnterprise(creditGrade: A,
 * gradedOn: "2023-01-02")` over a D on record since 2023-01-01 turned every day of 2023 and after from
 * D to A; withdrawing the newer grade in error and then the revived D WITHDRAWN "from 2023-01-02" left
 * the D one day long. A grade on record before today has held, on the registry's word, every day from
 * its gradedOn to today: ending it on an earlier day now takes a second person (OFFICER or ADMIN,
 * FORBIDDEN with SECOND_PERSON_REQUIRED for the clerk, nothing changed). The clerk ends it from today
 * on, and enters a grade history of its own, oldest first, the same day.
 */
const server = serverPerFile();
const CLERK: Caller = { role: 'CLERK', sub: 'li.clerk' };
const OFFICER: Caller = { role: 'OFFICER', sub: 'xu.officer' };
const ADMIN: Caller = { role: 'ADMIN', sub: 'wang.admin' };
const CREATE = graphql(`mutation ($u: String!, $g: CreditGrade, $on: LocalDate) { createEnterprise(input: { uscc: $u, name: "鄂州市等级改写测试有限公司", creditGrade: $g, gradedOn: $on }) { id } }`);
const REGRADE = graphql(`mutation ($id: ID!, $g: CreditGrade, $on: LocalDate) { updateEnterprise(id: $id, input: { creditGrade: $g, gradedOn: $on }) { creditGrade gradedOn } }`);
const WITHDRAW = graphql(`mutation ($id: ID!, $reason: CreditGradeEnd!, $on: LocalDate) { withdrawCreditGrade(enterpriseId: $id, input: { reason: $reason, on: $on }) { creditGrade gradedOn } }`);

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
/** The grades of an enterprise as they stand, and the size of the audit trail. */
const state = async (id: string) => ({
  grades: await server.sql(`select grade, graded_on::text, ended_on::text, end_reason from enterprise_credit_grade where enterprise_id = ? order by graded_on, created_at`, [id]),
  audit: (await server.sql<{ n: number }>('select count(*)::int as n from audit_event'))[0].n,
});
/** Grades entered as if long ago: on record since the day they were given. */
const enteredLongAgo = (id: string) => server.sql(`update enterprise_credit_grade set created_at = graded_on::timestamp where enterprise_id = ?`, [id]);

function expectSecondPerson(result: Awaited<ReturnType<typeof server.query>>, allowed = ['OFFICER', 'ADMIN']) {
  expect(result.data ?? null).toBeNull();
  expect(result.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SECOND_PERSON_REQUIRED', allowed });
  expect(result.errors?.[0].message).toContain('Nothing was changed.');
}

it('a D on record since 2023 is not regraded A from 2023-01-02 by a clerk; from today it is, and an admin may date it back', async () => {
  const id = (await server.ok(CREATE, { u: uscc('91'), g: 'D', on: '2023-01-01' }, CLERK)).createEnterprise.id;
  await enteredLongAgo(id);
  const before = await state(id);
  expectSecondPerson(await server.query(REGRADE, { id, g: 'A', on: '2023-01-02' }, CLERK), ['ADMIN']);
  expect(await state(id)).toEqual(before);
  expect((await server.ok(REGRADE, { id, g: 'A', on: '2023-01-02' }, ADMIN)).updateEnterprise).toEqual({ creditGrade: 'A', gradedOn: '2023-01-02' });

  const other = (await server.ok(CREATE, { u: uscc('91'), g: 'D', on: '2023-01-01' }, CLERK)).createEnterprise.id;
  await enteredLongAgo(other);
  expect((await server.ok(REGRADE, { id: other, g: 'A', on: today() }, CLERK)).updateEnterprise).toEqual({ creditGrade: 'A', gradedOn: today() });
});

it('a clerk cannot withdraw a grade on record from a past day, nor in error; from today on it can', async () => {
  const id = (await server.ok(CREATE, { u: uscc('91'), g: 'D', on: '2023-01-01' }, CLERK)).createEnterprise.id;
  await enteredLongAgo(id);
  const before = await state(id);
  expectSecondPerson(await server.query(WITHDRAW, { id, reason: 'WITHDRAWN', on: '2023-01-02' }, CLERK));
  expectSecondPerson(await server.query(WITHDRAW, { id, reason: 'ENTERED_IN_ERROR' }, CLERK));
  expect(await state(id)).toEqual(before);
  expect((await server.ok(WITHDRAW, { id, reason: 'WITHDRAWN', on: today() }, CLERK)).withdrawCreditGrade).toEqual({ creditGrade: null, gradedOn: null });
  // The officer, as the second person, withdraws one on record from a past day.
  const other = (await server.ok(CREATE, { u: uscc('91'), g: 'D', on: '2023-01-01' }, CLERK)).createEnterprise.id;
  await enteredLongAgo(other);
  expect((await server.ok(WITHDRAW, { id: other, reason: 'WITHDRAWN', on: '2023-06-01' }, OFFICER)).withdrawCreditGrade).toEqual({ creditGrade: null, gradedOn: null });
});

it('the second route: a newer grade on record is not withdrawn in error by a clerk to revive the D and cut it short', async () => {
  const id = (await server.ok(CREATE, { u: uscc('91'), g: 'D', on: '2023-01-01' }, CLERK)).createEnterprise.id;
  await server.ok(REGRADE, { id, g: 'B', on: '2024-01-01' }, CLERK);
  await enteredLongAgo(id);
  const before = await state(id);
  expectSecondPerson(await server.query(WITHDRAW, { id, reason: 'ENTERED_IN_ERROR' }, CLERK));
  expect(await state(id)).toEqual(before);
});

it("a clerk enters an enterprise's grade history from the papers the same day, oldest first, and corrects its own slip", async () => {
  const id = (await server.ok(CREATE, { u: uscc('91'), g: 'D', on: '2023-01-01' }, CLERK)).createEnterprise.id;
  expect((await server.ok(REGRADE, { id, g: 'C', on: '2023-07-01' }, CLERK)).updateEnterprise).toEqual({ creditGrade: 'C', gradedOn: '2023-07-01' });
  expect((await server.ok(REGRADE, { id, g: 'B', on: '2024-01-01' }, CLERK)).updateEnterprise).toEqual({ creditGrade: 'B', gradedOn: '2024-01-01' });
  expect((await server.ok(WITHDRAW, { id, reason: 'ENTERED_IN_ERROR' }, CLERK)).withdrawCreditGrade).toEqual({ creditGrade: 'C', gradedOn: '2023-07-01' });
});
