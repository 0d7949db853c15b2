import { randomUUID } from 'node:crypto';
import { idCardNumber, uscc } from '../support/factories';
import { evaluator } from '../support/evaluate';
import { serverAfterMigrations } from '../support/server-after-migrations';
import { graphql } from '../support/graphql';

/**
 * A database from before Migration20261203006000AnswerablePersons (issue 11, lawyer5 W1): a 履职不力
 * settlement had created an UNFULFILLED_COMMITMENT record on the commitment's named responsible
 * person, a clerk. The server's start-up migrates; an officer then sees the record as a 四(四) file
 * entry (COMMITMENT_DERELICTION) with a CORRECTED history entry saying why, no award restriction, and
 * a record entered by hand of the same category left as it was.
 */
const ids = { agency: randomUUID(), clerk: randomUUID(), commitment: randomUUID(), made: randomUUID(), byHand: randomUUID() };

const server = serverAfterMigrations(async ({ migrateTo, sql }) => {
  await migrateTo('Migration20261203003000RepairReliefStated');
  await sql(`insert into agency (id, uscc, name, level, kind) values (?, ?, '鄂州市民政局', 'CITY', 'DEPARTMENT')`, [ids.agency, uscc()]);
  await sql(`insert into civil_servant (id, id_card_number, name, agency_id, post, rank, leading_cadre) values (?, ?, '何红艳', ?, '科员', '一级科员', false)`, [ids.clerk, idCardNumber(), ids.agency]);
  await sql(
    `insert into commitment (id, agency_id, responsible_person_id, kind, domain, publicly_disclosed, content, published_on, due_on, status, settled_on, breach_finding, breach_found_on, breach_found_by, breach_finding_document)
     values (?, ?, ?, 'DEADLINE', 'LIVELIHOOD', true, '养老服务站按期开放', '2025-01-01', '2025-03-01', 'BREACHED', '2025-03-10', 'DERELICTION', '2025-03-10', '鄂州市人民政府督查室', '鄂州督〔2025〕9号')`,
    [ids.commitment, ids.agency, ids.clerk],
  );
  const record = (id: string, doc: string) => sql(
    `insert into credit_record (id, subject_type, subject_id, kind, category, severity, summary, occurred_on, recorded_on, decided_on, source_department, document_number)
     values (?, 'CIVIL_SERVANT', ?, 'DISHONEST', 'UNFULFILLED_COMMITMENT', 'GENERAL', '承诺未兑现', '2025-03-01', '2025-03-10', '2025-03-10', '鄂州市人民政府督查室', ?)`,
    [id, ids.clerk, doc],
  );
  await record(ids.made, '鄂州督〔2025〕9号');
  await record(ids.byHand, '鄂州督〔2025〕10号');
  const revision = (record: string, cause: string | null) => sql(
    `insert into credit_record_revision (id, record_id, action, version, cause_id, snapshot) values (?, ?, 'CREATED', 1, ?, '{"category":"UNFULFILLED_COMMITMENT","version":1,"severity":"GENERAL"}')`,
    [randomUUID(), record, cause],
  );
  await revision(ids.made, ids.commitment);
  await revision(ids.byHand, null);
});

const RECORD = graphql(`query ($id: ID!) { creditRecord(id: $id) { category version history { action version reason causeId snapshot } } }`);
const EVALUATE = graphql(`mutation ($type: SubjectType!, $id: ID!, $matter: String!, $asOf: DateTime) {
  evaluate(subject: { type: $type, id: $id }, matter: $matter, asOf: $asOf) { outcome measures { ruleId } }
}`);

it('the record a settlement made on the named person becomes a 四(四) file entry, with a CORRECTED entry saying why; one entered by hand is left alone', async () => {
  const made = (await server.ok(RECORD, { id: ids.made }, { role: 'ADMIN' })).creditRecord!;
  expect(made.category).toBe('COMMITMENT_DERELICTION');
  // The third entry is Migration20261204090900UnconfirmedAnswerable's provenance mark (test/db/unconfirmed-answerable-migration.test.ts).
  expect(made.version).toBe(3);
  expect(made.history.map((h) => h.action)).toEqual(['CREATED', 'CORRECTED', 'CORRECTED']);
  const corrected = made.history[1];
  expect(corrected).toMatchObject({ version: 2, causeId: ids.commitment, snapshot: { category: 'COMMITMENT_DERELICTION', version: 2, severity: 'GENERAL' } });
  for (const words of ['类别更正（issue 11）', '可提出异议', 'A person who was not answerable may object']) expect(corrected.reason).toContain(words);

  const byHand = (await server.ok(RECORD, { id: ids.byHand }, { role: 'ADMIN' })).creditRecord!;
  expect(byHand).toMatchObject({ category: 'UNFULFILLED_COMMITMENT', version: 1 });
});

it('the clerk is restricted and cautioned by the record entered by hand only; the migrated entry weighs in no promotion of a clerk', async () => {
  const evaluate = evaluator(server, EVALUATE);
  // An unfulfilled commitment restricts awards only when recorded as done in office (inOfficeCategories, lawyer11 R7).
  await server.sql(`update credit_record set in_office = true where id = ?`, [ids.byHand]);
  expect((await evaluate('CIVIL_SERVANT', ids.clerk, 'AWARD')).measures.map((m) => m.ruleId).sort()).toEqual(['cs-award-caution', 'cs-award-restrict']);
  await server.sql(`update credit_record set status = 'REVOKED' where id = ?`, [ids.byHand]);
  expect((await evaluate('CIVIL_SERVANT', ids.clerk, 'AWARD')).outcome).toBe('ELIGIBLE');
  expect((await evaluate('CIVIL_SERVANT', ids.clerk, 'PROMOTION')).outcome).toBe('ELIGIBLE');
});
