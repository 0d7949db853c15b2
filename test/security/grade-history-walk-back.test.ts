import { uscc } from '../support/factories';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';
import type { Caller } from '../support/test-server';

/**
 * hostile12 F5: `withdrawCreditGrade(reason: ENTERED_IN_ERROR)` erases the grade in force from every
 * past day and revives the one it had replaced, so a CLERK alone, repeating it, walked an
 * enterprise's grade history back to its start: a past D that barred it from procurement vanished
 * from every as-of evaluation and recheck, with no second person involved. The clerk still corrects
 * the latest grade entered; withdrawing in error a grade that holds again because the one entered
 * after it was withdrawn in error now takes an OFFICER (or ADMIN): FORBIDDEN with SECOND_PERSON_REQUIRED
 * for the clerk, naming who may, with nothing changed. The officer does only that.
 */
const server = serverPerFile();
const CLERK: Caller = { role: 'CLERK', sub: 'gao.clerk' };
const OFFICER: Caller = { role: 'OFFICER', sub: 'xu.officer' };
const CREATE = graphql(`mutation ($u: String!) { createEnterprise(input: { uscc: $u, name: "鄂州市等级回溯测试有限公司", creditGrade: D, gradedOn: "2024-01-01" }) { id } }`);
const REGRADE = graphql(`mutation ($id: ID!, $g: CreditGrade, $on: LocalDate) { updateEnterprise(id: $id, input: { creditGrade: $g, gradedOn: $on }) { creditGrade gradedOn } }`);
const WITHDRAW = graphql(`mutation ($id: ID!, $reason: CreditGradeEnd!, $on: LocalDate) { withdrawCreditGrade(enterpriseId: $id, input: { reason: $reason, on: $on }) { creditGrade gradedOn } }`);

/** An enterprise graded D (2024), then B (2025-01), then A (2025-06), each by the clerk. */
async function gradedThrice(): Promise<string> {
  const id = (await server.ok(CREATE, { u: uscc('91') }, CLERK)).createEnterprise.id;
  await server.ok(REGRADE, { id, g: 'B', on: '2025-01-01' }, CLERK);
  await server.ok(REGRADE, { id, g: 'A', on: '2025-06-01' }, CLERK);
  return id;
}
const state = async (id: string) => ({
  grades: await server.sql(`select grade, graded_on::text, ended_on::text, end_reason from enterprise_credit_grade where enterprise_id = ? order by graded_on`, [id]),
  audit: (await server.sql<{ n: number }>('select count(*)::int as n from audit_event'))[0].n,
});

it('the clerk corrects the latest grade, but walking further back is FORBIDDEN, SECOND_PERSON_REQUIRED, and changes nothing; an officer does it', async () => {
  const id = await gradedThrice();
  expect((await server.ok(WITHDRAW, { id, reason: 'ENTERED_IN_ERROR' }, CLERK)).withdrawCreditGrade).toEqual({ creditGrade: 'B', gradedOn: '2025-01-01' });

  const before = await state(id);
  const refused = await server.query(WITHDRAW, { id, reason: 'ENTERED_IN_ERROR' }, CLERK);
  expect(refused.data ?? null).toBeNull();
  expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SECOND_PERSON_REQUIRED', role: 'CLERK', allowed: ['OFFICER', 'ADMIN'] });
  expect(refused.errors?.[0].message).toContain('grade B given 2025-01-01 holds again because the grade entered after it was withdrawn as entered in error; withdrawing it in error too would erase it from every past day');
  expect(refused.errors?.[0].message).toContain('takes a second person: one of OFFICER, ADMIN. The CLERK role may still withdraw it from a day (WITHDRAWN) or give a new grade. Nothing was changed.');
  expect(refused.errors?.[0].message).toContain('须由第二人（OFFICER、ADMIN）确认办理');
  expect(await state(id)).toEqual(before);

  expect((await server.ok(WITHDRAW, { id, reason: 'ENTERED_IN_ERROR' }, OFFICER)).withdrawCreditGrade).toEqual({ creditGrade: 'D', gradedOn: '2024-01-01' });
  const [event] = await server.sql(`select actor, role, outcome from audit_event where subject_id = ? order by created_at desc limit 1`, [id]);
  expect(event).toMatchObject({ actor: 'xu.officer', role: 'OFFICER', outcome: expect.stringContaining('grade B given 2025-01-01 ENTERED_IN_ERROR: it never held') });
});

it('the clerk may still withdraw a revived grade from a day, which keeps the days it held', async () => {
  const id = await gradedThrice();
  await server.ok(WITHDRAW, { id, reason: 'ENTERED_IN_ERROR' }, CLERK);
  expect((await server.ok(WITHDRAW, { id, reason: 'WITHDRAWN', on: '2025-07-01' }, CLERK)).withdrawCreditGrade).toEqual({ creditGrade: null, gradedOn: null });
  expect((await state(id)).grades).toEqual(expect.arrayContaining([{ grade: 'B', graded_on: '2025-01-01', ended_on: '2025-07-01', end_reason: 'WITHDRAWN' }]));
});

it('the officer does nothing else: the latest grade is the clerk\'s to withdraw', async () => {
  const id = await gradedThrice();
  const before = await state(id);
  for (const reason of ['ENTERED_IN_ERROR', 'WITHDRAWN'] as const) {
    const refused = await server.query(WITHDRAW, { id, reason, on: reason === 'WITHDRAWN' ? '2025-07-01' : null }, OFFICER);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', role: 'OFFICER', allowed: ['CLERK', 'ADMIN'] });
    expect(refused.errors?.[0].extensions?.reason).toBeUndefined();
    expect(refused.errors?.[0].message).toContain(reason === 'WITHDRAWN' ? 'withdrawing grade A given 2025-06-01 from a day is registry work for one of CLERK, ADMIN.' : 'withdrawing in error grade A given 2025-06-01, the latest grade entered, is registry work for one of CLERK, ADMIN.');
    expect(refused.errors?.[0].message).toContain('The OFFICER role only withdraws in error an older grade that holds again after an entry in error. Nothing was changed.');
  }
  expect(await state(id)).toEqual(before);
});
