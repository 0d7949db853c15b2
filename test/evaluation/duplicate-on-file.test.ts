import { randomUUID } from 'node:crypto';
import { agencyWithServant, createAgency, createRecord } from '../support/factories';
import { evaluator } from '../support/evaluate';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';

/**
 * One act counts once (lawyer11 W4): a decision entered twice before Migration20261205300000OneActOnce
 * keeps both rows, the second marked duplicate_on_file. The API refuses a second entry now, so the
 * copy is made in SQL, as the migration found it. It is in no count and no evidence, the facts list it
 * in notCounted (DUPLICATE_ON_FILE), and the verdict says why it was left out.
 */
const EVALUATE = graphql(`mutation ($type: SubjectType!, $id: ID!, $matter: String!, $asOf: DateTime) {
  evaluate(subject: { type: $type, id: $id }, matter: $matter, asOf: $asOf) {
    outcome
    measures { ruleId }
    explanation { zh: summary(locale: "zh") en: summary(locale: "en") rules { ruleId fired evidence } }
  }
}`);
const FACTS = graphql(`query ($id: ID!, $asOf: DateTime!) { agency(id: $id) {
  credit(asOf: $asOf) { dishonest unrepaired records { id } notCounted { id documentNumber reason } }
} }`);

const server = serverPerFile();
const evaluate = evaluator(server, EVALUATE);

/** A copy of record `id` under a new id, entered a day later and marked as the migration marks it. */
async function duplicateInSql(id: string): Promise<string> {
  const copy = randomUUID();
  await server.sql(
    `insert into credit_record
     select * from jsonb_populate_record(null::credit_record,
       (select to_jsonb(r) || jsonb_build_object('id', ?::uuid, 'created_at', r.created_at + interval '1 day', 'duplicate_on_file', true) from credit_record r where id = ?))`,
    [copy, id],
  );
  return copy;
}

it('a decision entered twice counts once, and the verdict says why the copy was left out', async () => {
  const agencyId = await createAgency(server, { name: '鄂州市重复登记局' });
  const documentNumber = '鄂州信〔2025〕7001号';
  const original = await createRecord(server, 'AGENCY', agencyId, { severity: 'GENERAL', loss: null, occurredOn: '2025-01-10', recordedOn: '2025-02-05', decidedOn: '2025-02-01', documentNumber });
  const copy = await duplicateInSql(original);
  expect(await server.sql('select count(*)::int as n from credit_record where subject_id = ?', [agencyId])).toEqual([{ n: 2 }]);

  const { agency } = await server.ok(FACTS, { id: agencyId, asOf: '2025-06-01T12:00:00+08:00' });
  expect(agency!.credit).toEqual({
    dishonest: 1,
    unrepaired: 1,
    records: [{ id: original }],
    notCounted: [{ id: copy, documentNumber, reason: 'DUPLICATE_ON_FILE' }],
  });

  const verdict = await evaluate('AGENCY', agencyId, 'HONOUR');
  expect(verdict.measures).toEqual([{ ruleId: 'ag-honour-caution' }]);
  const caution = verdict.explanation.rules.find((r) => r.ruleId === 'ag-honour-caution')!;
  expect(caution.evidence.map((e) => e.id)).toEqual([original]);
  expect(verdict.explanation.zh).toContain('有1条未修复的政务失信记录');
  expect(verdict.explanation.zh).toContain(`记录 ${documentNumber}（认定之日 2025-02-01）经数据迁移按主体、类别、认定之日、文号识别为同一认定决定的重复登记：同一行为只计一次`);
  expect(verdict.explanation.zh).toContain('对其提出的信用修复和异议，与所保留的同一文号、同一认定之日的记录一并读取');
  expect(verdict.explanation.en).toContain(`Record ${documentNumber} (decided on 2025-02-01) was matched by a data migration, on subject, category, decision day and document number, as a second entry of a decision already on file: one act counts once`);
});

/**
 * lawyer12 W1: a repair or an objection the clerk filed against the copy was filed against the
 * decision. The kept record reads them with its own; the stored rows stay where they were filed.
 */
describe('what was filed against a copy counts for the kept record', () => {
  const REQUEST = graphql(`mutation ($input: RequestCreditRepairInput!) { requestCreditRepair(input: $input) { id } }`);
  const DECIDE = graphql(`mutation ($input: DecideCreditRepairInput!) { decideCreditRepair(input: $input) { status } }`);
  const OBJECT = graphql(`mutation ($id: ID!) { fileObjection(input: { recordId: $id, reason: "该认定所依事实有误", filedOn: "2025-03-01", filedBy: "本机关" }) { id } }`);
  const SERVANT_FACTS = graphql(`query ($id: ID!, $asOf: DateTime!) { civilServant(id: $id) {
    credit(asOf: $asOf) { unrepaired unrepairedUndisputed disputed records { id repaired disputed } }
  } }`);

  async function servantWithDuplicate(documentNumber: string) {
    const { servantId } = await agencyWithServant(server);
    const original = await createRecord(server, 'CIVIL_SERVANT', servantId, {
      category: 'BREACH_OF_CONTRACT', inOffice: true, severity: 'MAJOR', loss: null,
      occurredOn: '2025-01-10', recordedOn: '2025-02-05', decidedOn: '2025-02-01', documentNumber,
    });
    const copy = await duplicateInSql(original);
    return { servantId, original, copy };
  }

  it('an approved waiver filed against the copy: the kept record is repaired and nothing restricts the award', async () => {
    const { servantId, original, copy } = await servantWithDuplicate('鄂州信〔2025〕7002号');
    const requested = await server.ok(REQUEST, { input: { recordId: copy, actions: ['RECOVERED_LOSS'], description: '已履行全部义务', appliedOn: '2025-03-01' } });
    await server.ok(DECIDE, { input: { repairId: requested.requestCreditRepair.id, decision: 'APPROVED', decidedOn: '2025-03-15', relief: 'WAIVE' } });

    const { civilServant } = await server.ok(SERVANT_FACTS, { id: servantId, asOf: '2025-06-01T12:00:00+08:00' });
    expect(civilServant!.credit).toEqual({ unrepaired: 0, unrepairedUndisputed: 0, disputed: 0, records: [{ id: original, repaired: true, disputed: false }] });
    const verdict = await evaluate('CIVIL_SERVANT', servantId, 'AWARD');
    expect(verdict.measures.map((m) => m.ruleId)).not.toContain('cs-award-restrict');
    expect(verdict.outcome).not.toBe('RESTRICT');
  });

  it('a pending objection filed against the copy: the kept record is disputed and nothing restricts on it', async () => {
    const { servantId, original, copy } = await servantWithDuplicate('鄂州信〔2025〕7003号');
    await server.ok(OBJECT, { id: copy });

    const { civilServant } = await server.ok(SERVANT_FACTS, { id: servantId, asOf: '2025-06-01T12:00:00+08:00' });
    expect(civilServant!.credit).toEqual({ unrepaired: 1, unrepairedUndisputed: 0, disputed: 1, records: [{ id: original, repaired: false, disputed: true }] });
    const verdict = await evaluate('CIVIL_SERVANT', servantId, 'AWARD');
    expect(verdict.measures.map((m) => m.ruleId)).not.toContain('cs-award-restrict');
  });
});
