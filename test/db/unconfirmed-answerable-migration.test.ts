import { randomUUID } from 'node:crypto';
import type { VariablesOf } from 'gql.tada';
import { idCardNumber, uscc } from '../support/factories';
import { evaluator } from '../support/evaluate';
import { serverAfterMigrations } from '../support/server-after-migrations';
import { graphql } from '../support/graphql';

/**
 * A database from before Migration20261203006000AnswerablePersons (issue 11, lawyer8 W4): two 履职不力
 * settlements had created UNFULFILLED_COMMITMENT records on the commitments' named responsible
 * persons, two leading cadres — one on a public livelihood commitment (四(四)'s scope), one on an
 * investment-promotion commitment (outside it). No finding body ever named either answerable. After
 * the server's start-up migrates, neither entry weighs in promotion and the verdict says why; a
 * finding naming the first cadre confirms the entry from its own day; the second cannot be confirmed.
 */
const ids = {
  agency: randomUUID(), cadre: randomUUID(), other: randomUUID(),
  inScope: randomUUID(), outOfScope: randomUUID(), entry: randomUUID(), outEntry: randomUUID(),
};
const server = serverAfterMigrations(async ({ migrateTo, sql }) => {
  await migrateTo('Migration20261203003000RepairReliefStated');
  await sql(`insert into agency (id, uscc, name, level, kind) values (?, ?, '鄂州市民政局', 'CITY', 'DEPARTMENT')`, [ids.agency, uscc()]);
  for (const [id, name] of [[ids.cadre, '王建国'], [ids.other, '李卫东']]) {
    await sql(`insert into civil_servant (id, id_card_number, name, agency_id, post, rank, leading_cadre) values (?, ?, ?, ?, '科长', '一级主任科员', true)`, [id, idCardNumber(), name, ids.agency]);
  }
  const commitment = (id: string, person: string, domain: string, content: string, doc: string) => sql(
    `insert into commitment (id, agency_id, responsible_person_id, kind, domain, publicly_disclosed, content, published_on, due_on, status, settled_on, breach_finding, breach_found_on, breach_found_by, breach_finding_document)
     values (?, ?, ?, 'DEADLINE', ?, true, ?, '2025-01-01', '2025-03-01', 'BREACHED', '2025-03-10', 'DERELICTION', '2025-03-10', '鄂州市人民政府督查室', ?)`,
    [id, ids.agency, person, domain, content, doc],
  );
  await commitment(ids.inScope, ids.cadre, 'LIVELIHOOD', '养老服务站按期开放', '鄂州督〔2025〕9号');
  await commitment(ids.outOfScope, ids.other, 'OTHER', '招商引资项目按期签约', '鄂州督〔2025〕11号');
  for (const [id, person, cause, doc] of [[ids.entry, ids.cadre, ids.inScope, '鄂州督〔2025〕9号'], [ids.outEntry, ids.other, ids.outOfScope, '鄂州督〔2025〕11号']]) {
    await sql(
      `insert into credit_record (id, subject_type, subject_id, kind, category, severity, summary, occurred_on, recorded_on, decided_on, source_department, document_number)
       values (?, 'CIVIL_SERVANT', ?, 'DISHONEST', 'UNFULFILLED_COMMITMENT', 'GENERAL', '承诺未兑现', '2025-03-01', '2025-03-10', '2025-03-10', '鄂州市人民政府督查室', ?)`,
      [id, person, doc],
    );
    await sql(
      `insert into credit_record_revision (id, record_id, action, version, cause_id, snapshot) values (?, ?, 'CREATED', 1, ?, '{"category":"UNFULFILLED_COMMITMENT","version":1,"severity":"GENERAL"}')`,
      [randomUUID(), id, cause],
    );
  }
});

const RECORD = graphql(`query ($id: ID!) { creditRecord(id: $id) { category severity version answerableUnconfirmed decidedOn documentNumber sourceDepartment history { action version reason causeId snapshot } } }`);
const EVALUATE = graphql(`mutation ($type: SubjectType!, $id: ID!, $matter: String!, $asOf: DateTime) {
  evaluate(subject: { type: $type, id: $id }, matter: $matter, asOf: $asOf) { outcome measures { ruleId } explanation { zh: summary(locale: "zh") en: summary(locale: "en") } }
}`);
const FIND = graphql(`mutation ($input: RecordBreachFindingInput!) { recordBreachFinding(input: $input) { breachFinding breachFoundOn breachFindingDocument } }`);
type FindingInput = VariablesOf<typeof FIND>['input'];
const finding = (commitmentId: string, personIds: string[], extra: Partial<FindingInput> = {}): { input: FindingInput } => ({
  input: { commitmentId, breachFinding: 'DERELICTION', foundOn: '2025-05-20', foundBy: '鄂州市人民政府督查室', findingDocument: '鄂州督〔2025〕20号', answerablePersonIds: personIds, answerableSeverity: 'MAJOR', ...extra },
});
const record = async (id: string) => (await server.ok(RECORD, { id }, { role: 'ADMIN' })).creditRecord!;

it('marks the carried-over entries unconfirmed, with a CORRECTED entry saying why and re-checking 四(四)\'s scope', async () => {
  const entry = await record(ids.entry);
  expect(entry).toMatchObject({ category: 'COMMITMENT_DERELICTION', answerableUnconfirmed: true, version: 3 });
  expect(entry.history.map((h) => h.action)).toEqual(['CREATED', 'CORRECTED', 'CORRECTED']);
  expect(entry.history[2]).toMatchObject({ version: 3, causeId: ids.inScope, snapshot: { answerableUnconfirmed: true, category: 'COMMITMENT_DERELICTION', version: 3 } });
  for (const words of ['认定机关从未认定本人为相关责任人', '以 recordBreachFinding 列明本人为相关责任人予以确认', 'no finding body ever named this person answerable']) expect(entry.history[2].reason).toContain(words);

  const outside = await record(ids.outEntry);
  expect(outside).toMatchObject({ answerableUnconfirmed: true, version: 3 });
  for (const words of ['该承诺不属于四(四)所指', 'cannot be confirmed']) expect(outside.history[2].reason).toContain(words);
});

it('an unconfirmed entry weighs in no leading cadre\'s promotion, and the verdict says why', async () => {
  const evaluate = evaluator(server, EVALUATE);
  const verdict = await evaluate('CIVIL_SERVANT', ids.cadre, 'PROMOTION', '2025-05-19');
  expect(verdict.measures.map((m) => m.ruleId)).not.toContain('cs-cadre-breached-commitment');
  expect(verdict.explanation.zh).toContain('记录 鄂州督〔2025〕9号 由承诺载明的责任人记录迁移而来，未经认定机关认定为相关责任人');
  expect(verdict.explanation.en).toContain('Record 鄂州督〔2025〕9号 was carried over from the commitment\'s named responsible person');
});

it('refuses to confirm under another finding, without names, or outside 四(四)\'s scope, changing nothing', async () => {
  const other = await server.query(FIND, finding(ids.inScope, [ids.cadre], { breachFinding: 'FORCE_MAJEURE', answerablePersonIds: null, answerableSeverity: null }));
  expect(other.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'breachFinding' });
  const unnamed = await server.query(FIND, finding(ids.inScope, [], { answerableSeverity: null }));
  expect(unnamed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'answerablePersonIds' });
  const outside = await server.query(FIND, finding(ids.outOfScope, [ids.other]));
  expect(outside.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'answerablePersonIds' });
  expect(outside.errors?.[0].message).toContain('四(四)只把向社会公开的基础设施类、公共服务类、民生保障类项目和工作的承诺计入');
  expect((await record(ids.entry)).version).toBe(3);
  expect((await record(ids.outEntry))).toMatchObject({ version: 3, answerableUnconfirmed: true });
});

it('a finding naming the cadre answerable confirms the entry from its own day, with its document, body and severity; once only', async () => {
  const found = await server.ok(FIND, finding(ids.inScope, [ids.cadre]));
  // The unit's finding stands as first recorded.
  expect(found.recordBreachFinding).toEqual({ breachFinding: 'DERELICTION', breachFoundOn: '2025-03-10', breachFindingDocument: '鄂州督〔2025〕9号' });
  const entry = await record(ids.entry);
  expect(entry).toMatchObject({ answerableUnconfirmed: false, severity: 'MAJOR', decidedOn: '2025-05-20', documentNumber: '鄂州督〔2025〕20号', version: 4 });
  expect(entry.history.at(-1)).toMatchObject({ action: 'CORRECTED', causeId: ids.inScope, snapshot: { answerableUnconfirmed: false } });
  expect(entry.history.at(-1)!.reason).toContain('认定本人为相关责任人');
  const rows = await server.sql<{ n: number }>(`select count(*)::int as n from credit_record where subject_id = ?`, [ids.cadre]);
  expect(rows[0].n).toBe(1);

  const evaluate = evaluator(server, EVALUATE);
  expect((await evaluate('CIVIL_SERVANT', ids.cadre, 'PROMOTION', '2025-05-19')).measures.map((m) => m.ruleId)).not.toContain('cs-cadre-breached-commitment');
  const after = await evaluate('CIVIL_SERVANT', ids.cadre, 'PROMOTION', '2025-06-01');
  expect(after.measures.map((m) => m.ruleId)).toContain('cs-cadre-breached-commitment');
  expect(after.explanation.zh).not.toContain('由承诺载明的责任人记录迁移而来');

  const again = await server.query(FIND, finding(ids.inScope, [ids.cadre]));
  expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'commitmentId' });
});
