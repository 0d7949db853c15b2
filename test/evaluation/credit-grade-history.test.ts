import { uscc } from '../support/factories';
import { evaluator } from '../support/evaluate';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';
import type { Caller } from '../support/test-server';

/**
 * Issue 10: an enterprise's credit grade keeps its history, and a past as-of evaluation reads the
 * grade in force on its day. Given B on day 1, replaced by A on day 10 and withdrawn on day 20, the
 * facts say B on day 5, A on day 15 and none on day 25. A grade entered in error never held: past
 * days no longer see it, and the grade it replaced holds again. Clearing with a plain null is refused.
 */
const server = serverPerFile();
const CLERK: Caller = { role: 'CLERK', sub: 'clerk-grade10' };

const EVALUATE = graphql(`mutation ($type: SubjectType!, $id: ID!, $matter: String!, $asOf: DateTime) {
  evaluate(subject: { type: $type, id: $id }, matter: $matter, asOf: $asOf) { id outcome explanation { facts } }
}`);
const CREATE = graphql(`mutation ($u: String!, $g: CreditGrade, $on: LocalDate) { createEnterprise(input: { uscc: $u, name: "鄂州市等级历史测试有限公司", creditGrade: $g, gradedOn: $on }) { id } }`);
const REGRADE = graphql(`mutation ($id: ID!, $g: CreditGrade, $on: LocalDate) { updateEnterprise(id: $id, input: { creditGrade: $g, gradedOn: $on }) { creditGrade gradedOn } }`);
const WITHDRAW = graphql(`mutation ($id: ID!, $reason: CreditGradeEnd!, $on: LocalDate) { withdrawCreditGrade(enterpriseId: $id, input: { reason: $reason, on: $on }) { creditGrade gradedOn } }`);
const STALE = graphql(`query ($id: ID!) { verdict(id: $id) { stale } }`);

const evaluate = evaluator(server, EVALUATE);
/** The grade the enterprise's facts say held on `day`, through a real evaluation as of that day. */
const gradeOn = async (id: string, day: string) => ((await evaluate('ENTERPRISE', id, 'BIDDING', day)).explanation.facts as { subject: { creditGradeOn: string | null } }).subject.creditGradeOn;
const history = (id: string) => server.sql(`select grade, graded_on::text, ended_on::text, end_reason from enterprise_credit_grade where enterprise_id = ? order by graded_on, created_at`, [id]);
const trail = async (id: string) => (await server.sql<{ outcome: string }>(`select outcome from audit_event where action = 'UPDATE_SUBJECT' and subject_id = ? order by created_at`, [id])).map((e) => e.outcome);

async function graded(grade: string, on: string): Promise<string> {
  return (await server.ok(CREATE, { u: uscc('91'), g: grade as 'B', on }, CLERK)).createEnterprise.id;
}

it('B from day 1, replaced by A on day 10, withdrawn on day 20: day 5 reads B, day 15 A, day 25 none', async () => {
  const id = await graded('B', '2025-01-01');
  expect((await server.ok(REGRADE, { id, g: 'A', on: '2025-01-10' }, CLERK)).updateEnterprise).toEqual({ creditGrade: 'A', gradedOn: '2025-01-10' });
  expect((await server.ok(WITHDRAW, { id, reason: 'WITHDRAWN', on: '2025-01-20' }, CLERK)).withdrawCreditGrade).toEqual({ creditGrade: null, gradedOn: null });

  expect(await gradeOn(id, '2025-01-05')).toBe('B');
  expect(await gradeOn(id, '2025-01-10')).toBe('A');
  expect(await gradeOn(id, '2025-01-15')).toBe('A');
  expect(await gradeOn(id, '2025-01-19')).toBe('A');
  expect(await gradeOn(id, '2025-01-20')).toBeNull();
  expect(await gradeOn(id, '2025-01-25')).toBeNull();
  expect(await history(id)).toEqual([
    { grade: 'B', graded_on: '2025-01-01', ended_on: '2025-01-10', end_reason: 'REPLACED' },
    { grade: 'A', graded_on: '2025-01-10', ended_on: '2025-01-20', end_reason: 'WITHDRAWN' },
  ]);
  expect(await trail(id)).toEqual([
    'updated creditGrade: "B" → "A"; gradedOn: "2025-01-01" → "2025-01-10"',
    'updated creditGrade: "A" → null; gradedOn: "2025-01-10" → null; grade A given 2025-01-10 WITHDRAWN from 2025-01-20: it held until then',
  ]);
});

it('a grade entered in error never held: day 15 no longer sees it, and the grade it replaced holds again', async () => {
  const alone = await graded('A', '2025-01-10');
  expect(await gradeOn(alone, '2025-01-15')).toBe('A');
  expect((await server.ok(WITHDRAW, { id: alone, reason: 'ENTERED_IN_ERROR' }, CLERK)).withdrawCreditGrade).toEqual({ creditGrade: null, gradedOn: null });
  expect(await gradeOn(alone, '2025-01-15')).toBeNull();
  expect(await trail(alone)).toEqual(['updated creditGrade: "A" → null; gradedOn: "2025-01-10" → null; grade A given 2025-01-10 ENTERED_IN_ERROR: it never held, past as-of evaluations no longer see it']);

  const replaced = await graded('B', '2025-01-01');
  await server.ok(REGRADE, { id: replaced, g: 'A', on: '2025-01-10' }, CLERK);
  expect((await server.ok(WITHDRAW, { id: replaced, reason: 'ENTERED_IN_ERROR' }, CLERK)).withdrawCreditGrade).toEqual({ creditGrade: 'B', gradedOn: '2025-01-01' });
  expect(await gradeOn(replaced, '2025-01-15')).toBe('B');
  expect(await history(replaced)).toEqual([
    { grade: 'B', graded_on: '2025-01-01', ended_on: null, end_reason: null },
    { grade: 'A', graded_on: '2025-01-10', ended_on: null, end_reason: 'ENTERED_IN_ERROR' },
  ]);
});

it('a plain creditGrade: null is refused, naming the field and the call to use; nothing changes', async () => {
  const id = await graded('C', '2025-01-01');
  const refused = await server.query(REGRADE, { id, g: null, on: null }, CLERK);
  expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'creditGrade' });
  expect(refused.errors?.[0].message).toContain('withdrawCreditGrade');
  expect(await history(id)).toEqual([{ grade: 'C', graded_on: '2025-01-01', ended_on: null, end_reason: null }]);
  expect(await trail(id)).toEqual([]);
  expect(await gradeOn(id, '2025-01-15')).toBe('C');
});

it('a withdrawal needs its day, after the grade was given; a new grade cannot start inside days a withdrawn grade held', async () => {
  const id = await graded('B', '2025-01-01');
  const codeOf = async (reason: 'WITHDRAWN' | 'ENTERED_IN_ERROR' | 'REPLACED', on?: string) => (await server.query(WITHDRAW, { id, reason, on }, CLERK)).errors?.[0].extensions;
  expect(await codeOf('WITHDRAWN')).toMatchObject({ code: 'BAD_USER_INPUT', field: 'on' });
  expect(await codeOf('WITHDRAWN', '2025-01-01')).toMatchObject({ code: 'BAD_USER_INPUT', field: 'on' });
  expect(await codeOf('ENTERED_IN_ERROR', '2025-01-05')).toMatchObject({ code: 'BAD_USER_INPUT', field: 'on' });
  expect(await codeOf('REPLACED', '2025-01-05')).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
  await server.ok(WITHDRAW, { id, reason: 'WITHDRAWN', on: '2025-01-20' }, CLERK);
  expect(await codeOf('WITHDRAWN', '2025-01-25')).toMatchObject({ code: 'BAD_USER_INPUT', field: 'enterpriseId' });
  const overlapping = await server.query(REGRADE, { id, g: 'A', on: '2025-01-15' }, CLERK);
  expect(overlapping.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'gradedOn' });
  expect(await history(id)).toEqual([{ grade: 'B', graded_on: '2025-01-01', ended_on: '2025-01-20', end_reason: 'WITHDRAWN' }]);
  await server.ok(REGRADE, { id, g: 'A', on: '2025-01-20' }, CLERK);
  expect(await gradeOn(id, '2025-01-19')).toBe('B');
  expect(await gradeOn(id, '2025-01-20')).toBe('A');
});

it('a verdict goes stale when the grade history changes, even without the enterprise row changing', async () => {
  const id = await graded('B', '2025-01-01');
  const verdict = await evaluate('ENTERPRISE', id, 'BIDDING', '2025-01-15');
  expect((await server.ok(STALE, { id: verdict.id })).verdict!.stale).toBe(false);
  // Behind the API, as a correction by hand would: only the history row changes.
  await server.sql(`update enterprise_credit_grade set graded_on = '2025-01-02' where enterprise_id = ?`, [id]);
  expect((await server.ok(STALE, { id: verdict.id })).verdict!.stale).toBe(true);
});

it('an enterprise evaluation reads the grade history in one statement of its facts read, whatever the number of grades', async () => {
  const id = await graded('B', '2025-01-01');
  await server.ok(REGRADE, { id, g: 'A', on: '2025-01-10' }, CLERK);
  await evaluate('ENTERPRISE', id, 'BIDDING', '2025-01-15');
  server.resetStatements();
  await evaluate('ENTERPRISE', id, 'BIDDING', '2025-01-15');
  expect(server.statements.filter((s) => /from "enterprise_credit_grade"/.test(s))).toHaveLength(1);
});
