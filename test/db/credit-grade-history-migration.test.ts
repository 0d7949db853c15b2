import { randomUUID } from 'node:crypto';
import { evaluator } from '../support/evaluate';
import { uscc } from '../support/factories';
import { graphql } from '../support/graphql';
import { serverAfterMigrations } from '../support/server-after-migrations';

/**
 * A database from before Migration20261206400000CreditGradeHistory (issue 10) holding a graded
 * enterprise and an ungraded one: the start-up migration copies the current grade into the history
 * as the open grade from its day, deletes nothing and leaves the enterprise rows as they were; past
 * as-of evaluations read it from the history, and a new grade replaces it.
 */
const ids = { graded: randomUUID(), ungraded: randomUUID() };

const server = serverAfterMigrations(async ({ migrateTo, sql }) => {
  await migrateTo('Migration20261205700000AgencyKindEstimated');
  await sql(`insert into enterprise (id, uscc, name, credit_grade, graded_on) values (?, ?, '鄂州市旧库评级有限公司', 'B', '2024-03-01')`, [ids.graded, uscc('91')]);
  await sql(`insert into enterprise (id, uscc, name) values (?, ?, '鄂州市旧库未评级有限公司')`, [ids.ungraded, uscc('91')]);
});

const EVALUATE = graphql(`mutation ($type: SubjectType!, $id: ID!, $matter: String!, $asOf: DateTime) {
  evaluate(subject: { type: $type, id: $id }, matter: $matter, asOf: $asOf) { explanation { facts } }
}`);
const evaluate = evaluator(server, EVALUATE);
const gradeOn = async (id: string, day: string) => ((await evaluate('ENTERPRISE', id, 'BIDDING', day)).explanation.facts as { subject: { creditGradeOn: string | null } }).subject.creditGradeOn;
const history = () => server.sql(`select enterprise_id, grade, graded_on::text, ended_on::text, end_reason from enterprise_credit_grade order by graded_on`);

it("copies each enterprise's current grade into its history, keeps the enterprise rows, and reads it as of each day", async () => {
  expect(await history()).toEqual([{ enterprise_id: ids.graded, grade: 'B', graded_on: '2024-03-01', ended_on: null, end_reason: null }]);
  expect(await server.sql(`select id, credit_grade, graded_on::text from enterprise order by name`)).toEqual(expect.arrayContaining([
    { id: ids.graded, credit_grade: 'B', graded_on: '2024-03-01' },
    { id: ids.ungraded, credit_grade: null, graded_on: null },
  ]));
  expect(await gradeOn(ids.graded, '2024-02-29')).toBeNull();
  expect(await gradeOn(ids.graded, '2024-03-01')).toBe('B');
  expect(await gradeOn(ids.ungraded, '2025-01-01')).toBeNull();

  await server.ok(graphql(`mutation ($id: ID!) { updateEnterprise(id: $id, input: { creditGrade: A, gradedOn: "2025-01-10" }) { creditGrade } }`), { id: ids.graded });
  expect(await history()).toEqual([
    { enterprise_id: ids.graded, grade: 'B', graded_on: '2024-03-01', ended_on: '2025-01-10', end_reason: 'REPLACED' },
    { enterprise_id: ids.graded, grade: 'A', graded_on: '2025-01-10', ended_on: null, end_reason: null },
  ]);
  expect(await gradeOn(ids.graded, '2024-06-01')).toBe('B');
  expect(await gradeOn(ids.graded, '2025-01-10')).toBe('A');
});
