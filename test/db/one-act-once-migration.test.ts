import { randomUUID } from 'node:crypto';
import { uscc } from '../support/factories';
import { graphql } from '../support/graphql';
import { serverAfterMigrations } from '../support/server-after-migrations';

/**
 * A database from before Migration20261205300000OneActOnce (hostile8 F4/F5) holding one case
 * registered twice under two spellings and one decision entered twice: the start-up migration
 * succeeds, deletes nothing, keys the first of each and leaves the others on file outside the new
 * indexes; from then on the same act is refused.
 */
const ids = { agency: randomUUID(), case1: randomUUID(), case2: randomUUID(), rec1: randomUUID(), rec2: randomUUID() };

const server = serverAfterMigrations(async ({ migrateTo, sql }) => {
  await migrateTo('Migration20261204090900UnconfirmedAnswerable');
  await sql(`insert into agency (id, uscc, name, level, kind) values (?, ?, '鄂州市自然资源局', 'CITY', 'DEPARTMENT')`, [ids.agency, uscc()]);
  const courtCase = (id: string, number: string, at: string) => sql(`insert into court_case (id, created_at, agency_id, case_number, court, filed_on, kind, head_appeared) values (?, ?, ?, ?, '鄂州市鄂城区人民法院', '2026-01-05', 'ADMINISTRATIVE', false)`, [id, at, ids.agency, number]);
  await courtCase(ids.case1, '(2026)鄂0702行初803号', '2026-02-01T00:00:00Z');
  await courtCase(ids.case2, '（2026）鄂0702行初０８０３号', '2026-02-02T00:00:00Z');
  const record = (id: string, at: string) => sql(
    `insert into credit_record (id, created_at, subject_type, subject_id, kind, category, severity, summary, occurred_on, recorded_on, decided_on, source_department, document_number)
     values (?, ?, 'AGENCY', ?, 'DISHONEST', 'BREACH_OF_CONTRACT', 'MAJOR', '未按合同约定支付工程款', '2026-01-10', '2026-02-05', '2026-02-01', '鄂州市发展和改革委员会', '鄂州信〔2026〕801号')`,
    [id, at, ids.agency],
  );
  await record(ids.rec1, '2026-02-05T00:00:00Z');
  await record(ids.rec2, '2026-02-06T00:00:00Z');
});

it('keeps every row, keys the first of each act, and refuses the act a third time', async () => {
  expect(await server.sql('select id, case_number_key from court_case where agency_id = ? order by created_at', [ids.agency])).toEqual([
    { id: ids.case1, case_number_key: '(2026)鄂0702行初803号' },
    { id: ids.case2, case_number_key: null },
  ]);
  expect(await server.sql('select id, duplicate_on_file from credit_record where subject_id = ? order by created_at', [ids.agency])).toEqual([
    { id: ids.rec1, duplicate_on_file: false },
    { id: ids.rec2, duplicate_on_file: true },
  ]);
  const again = await server.query(graphql(`mutation ($a: ID!) { createCourtCase(input: { agencyId: $a, caseNumber: "(2026)鄂0702行初803号", court: "鄂州市鄂城区人民法院", filedOn: "2026-01-05", kind: ADMINISTRATIVE }) { id } }`), { a: ids.agency });
  expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'caseNumber' });
  const record = await server.query(graphql(`mutation ($a: ID!) { createCreditRecord(input: { subjectType: AGENCY, subjectId: $a, kind: DISHONEST, category: BREACH_OF_CONTRACT, severity: MAJOR, summary: "再次登记", occurredOn: "2026-01-10", recordedOn: "2026-02-07", decidedOn: "2026-02-01", sourceDepartment: "鄂州市发展和改革委员会", documentNumber: "鄂州信〔2026〕801号" }) { id } }`), { a: ids.agency });
  expect(record.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'documentNumber' });
  expect((await server.sql('select count(*)::int as n from credit_record where subject_id = ?', [ids.agency]))[0].n).toBe(2);
});
