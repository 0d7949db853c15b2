import { createAgency, createCivilServant, createRecord } from '../support/factories';
import { serverPerFile } from '../support/server-per-file';
import { evaluator } from '../support/evaluate';
import { graphql } from '../support/graphql';

/**
 * A lawyer's third reading, the RISKY findings left open (issue 11), through the real server: what
 * a verdict says it rests on, and what the award and promotion matters say for the same facts.
 */
const EVALUATE = graphql(`mutation ($type: SubjectType!, $id: ID!, $matter: String!, $asOf: DateTime) {
  evaluate(subject: { type: $type, id: $id }, matter: $matter, asOf: $asOf) {
    outcome
    provisional
    provisionalOn
    reason { zh en }
    measures { ruleId effect measure { zh en } }
    explanation {
      rules { ruleId fired text { zh en } }
      zh: summary(locale: "zh")
      en: summary(locale: "en")
    }
  }
}`);

const server = serverPerFile();
const evaluate = evaluator(server, EVALUATE);
const rows = async (table: string) => (await server.sql<{ n: number }>(`select count(*)::int as n from ${table}`))[0].n;

/** A personal judgment-defaulter listing: personal credit information (三(四)), not government dishonesty (三(六)). */
const personalListing = { category: 'JUDGMENT_DEFAULTER' as const, severity: 'GENERAL' as const, occurredOn: '2025-02-01', recordedOn: '2025-02-20', loss: null };

describe('provisional marking rests on what the deciding conditions read', () => {
  it('a promotion caution on an unrepaired record is provisional on the dishonesty periods, not on the trustworthy period it never reads', async () => {
    const agencyId = await createAgency(server);
    const servantId = await createCivilServant(server, agencyId);
    await createRecord(server, 'CIVIL_SERVANT', servantId, personalListing);
    const verdict = await evaluate('CIVIL_SERVANT', servantId, 'PROMOTION');
    expect(verdict.outcome).toBe('CAUTION');
    // countsFor decides how long the record counts; personalCreditCategories (proposed) which categories 三(四) counts.
    // lawyer19 R7: and on the proposed local choice that a waiver reaches the cautions (三(七), the second).
    // lawyer21 R1: and on the proposed choice that a record behind an ended listing counts no more (四(一), the first).
    // law23 N6: and on the proposed choice that 三(六)'s restriction applies directly and citywide (三(六), the second), which the caution points to.
    expect(verdict.provisionalOn).toEqual(['countsFor', 'personalCreditCategories', 'localChoice:三(六)#2', 'localChoice:三(七)#2', 'localChoice:三(七)#5', 'localChoice:四(一)#2']);
    expect(verdict.explanation.zh).toContain('暂定结论：所依规则依据的参数');
    expect(verdict.explanation.zh).toContain('countsFor');
  });

  it('an award incentive on a trustworthy record is provisional on the trustworthy period it does read', async () => {
    const agencyId = await createAgency(server);
    const servantId = await createCivilServant(server, agencyId);
    await createRecord(server, 'CIVIL_SERVANT', servantId, { kind: 'TRUSTWORTHY', category: 'COMMENDATION', severity: null, occurredOn: '2025-01-10', recordedOn: '2025-01-20', loss: null });
    const verdict = await evaluate('CIVIL_SERVANT', servantId, 'AWARD');
    expect(verdict.measures.map((m) => m.ruleId)).toContain('cs-trustworthy-incentive');
    expect(verdict.provisionalOn).toContain('trustworthyCountsFor');
  });
});

describe('R1: the award matter weighs a personal record as the promotion matter does (三(四) 提拔任用和评先评优的重要依据)', () => {
  it('a personal judgment-defaulter listing gives CAUTION for AWARD as for PROMOTION; a government-dishonesty record still restricts awards', async () => {
    const agencyId = await createAgency(server);
    const listed = await createCivilServant(server, agencyId);
    await createRecord(server, 'CIVIL_SERVANT', listed, personalListing);
    const award = await evaluate('CIVIL_SERVANT', listed, 'AWARD');
    const promotion = await evaluate('CIVIL_SERVANT', listed, 'PROMOTION');
    expect(promotion.outcome).toBe('CAUTION');
    expect(award.outcome).toBe('CAUTION');
    expect(award.measures.map((m) => m.ruleId)).toEqual(['cs-award-caution']);
    expect(award.measures[0].measure.zh).toBe('评先评优中查询信用记录，作为重要依据予以考量');

    const dishonest = await createCivilServant(server, agencyId);
    await createRecord(server, 'CIVIL_SERVANT', dishonest, { severity: 'GENERAL', occurredOn: '2025-02-01', recordedOn: '2025-02-20' });
    const restricted = await evaluate('CIVIL_SERVANT', dishonest, 'AWARD');
    expect(restricted.outcome).toBe('RESTRICTED');
    expect(restricted.measures.map((m) => m.ruleId).sort()).toEqual(['cs-award-caution', 'cs-award-restrict']);
  });
});

describe('R6: an approved repair states its relief; a silent approval is not read as a waiver', () => {
  const REQUEST = graphql(`mutation ($input: RequestCreditRepairInput!) { requestCreditRepair(input: $input) { id } }`);
  const DECIDE = graphql(`mutation ($input: DecideCreditRepairInput!) { decideCreditRepair(input: $input) { status relief reliefStated } }`);

  it('refuses an approval without relief, naming the field, and changes nothing; with the relief stated it is approved', async () => {
    const agencyId = await createAgency(server);
    const servantId = await createCivilServant(server, agencyId);
    const recordId = await createRecord(server, 'CIVIL_SERVANT', servantId, { severity: 'GENERAL', occurredOn: '2025-02-01', recordedOn: '2025-02-20' });
    const repairId = (await server.ok(REQUEST, { input: { recordId, actions: ['RECOVERED_LOSS'], description: '已全额挽回损失', appliedOn: '2025-03-01' } })).requestCreditRepair.id;

    const silent = await server.query(DECIDE, { input: { repairId, decision: 'APPROVED', decidedOn: '2025-04-01' } });
    expect(silent.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'relief' });
    expect(silent.errors?.[0].message).toContain('WAIVE');
    expect(silent.errors?.[0].message).toContain('批准须写明救济方式');
    const [row] = await server.sql<{ status: string; relief: string | null }>('select status, relief from credit_repair where id = ?', [repairId]);
    expect(row).toEqual({ status: 'PENDING', relief: null });
    expect((await evaluate('CIVIL_SERVANT', servantId, 'AWARD')).outcome).toBe('RESTRICTED');

    const stated = await server.ok(DECIDE, { input: { repairId, decision: 'APPROVED', relief: 'LIGHTEN', decidedOn: '2025-04-01' } });
    expect(stated.decideCreditRepair).toEqual({ status: 'APPROVED', relief: 'LIGHTEN', reliefStated: true });
    expect((await evaluate('CIVIL_SERVANT', servantId, 'AWARD')).outcome).toBe('CAUTION');
  });

  it('a verdict resting on a repair whose relief was never stated (a civil servant\'s approval stored before, migrated unstated) says so, in Chinese and English', async () => {
    const agencyId = await createAgency(server);
    const servantId = await createCivilServant(server, agencyId);
    const recordId = await createRecord(server, 'CIVIL_SERVANT', servantId, { severity: 'GENERAL', occurredOn: '2025-02-01', recordedOn: '2025-02-20', documentNumber: '鄂州信〔2025〕31号' });
    const repairId = (await server.ok(REQUEST, { input: { recordId, actions: ['RECOVERED_LOSS'], description: '已全额挽回损失', appliedOn: '2025-03-01' } })).requestCreditRepair.id;
    await server.ok(DECIDE, { input: { repairId, decision: 'APPROVED', relief: 'WAIVE', decidedOn: '2025-04-01' } });
    const stated = await evaluate('CIVIL_SERVANT', servantId, 'AWARD');
    expect(stated.outcome).not.toBe('RESTRICTED');
    expect(stated.explanation.zh).not.toContain('未写明救济方式');

    // What Migration20261203003000RepairReliefStated leaves on a civil servant's approval stored before the relief was required.
    await server.sql('update credit_repair set relief_stated = false where id = ?', [repairId]);
    const unstated = await evaluate('CIVIL_SERVANT', servantId, 'AWARD');
    expect(unstated.outcome).toBe(stated.outcome);
    expect(unstated.explanation.zh).toContain('记录 鄂州信〔2025〕31号 的信用修复于 2025-04-01 批准，批准时未写明救济方式，按当时的默认记为免于（WAIVE）');
    expect(unstated.explanation.zh).toContain('尚待批准机关确认');
    expect(unstated.explanation.en).toContain('Record 鄂州信〔2025〕31号: its credit repair was approved on 2025-04-01 without stating the relief; it stands as waived (WAIVE)');
    expect(unstated.explanation.en).toContain('awaits confirmation by the approving body');
  });

  it('the approving body states an unstated relief (stateRepairRelief): CLERK only, audited, bad input changes nothing, once only; the verdict then rests on the stated relief and says when it was stated', async () => {
    const STATE = graphql(`mutation ($input: StateRepairReliefInput!) { stateRepairRelief(input: $input) { relief reliefStated reliefStatedOn reliefStatementDocument decidedOn } }`);
    const agencyId = await createAgency(server);
    const servantId = await createCivilServant(server, agencyId);
    const recordId = await createRecord(server, 'CIVIL_SERVANT', servantId, { severity: 'GENERAL', occurredOn: '2025-02-01', recordedOn: '2025-02-20', documentNumber: '鄂州信〔2025〕41号' });
    const repairId = (await server.ok(REQUEST, { input: { recordId, actions: ['RECOVERED_LOSS'], description: '已全额挽回损失', appliedOn: '2025-03-01' } })).requestCreditRepair.id;
    await server.ok(DECIDE, { input: { repairId, decision: 'APPROVED', relief: 'WAIVE', decidedOn: '2025-04-01' } });
    // A civil servant's approval stored before the relief was required, as the migration left it.
    await server.sql('update credit_repair set relief_stated = false where id = ?', [repairId]);
    expect((await evaluate('CIVIL_SERVANT', servantId, 'AWARD')).outcome).toBe('ELIGIBLE');

    const state = (input: Record<string, unknown>, role?: 'CLERK' | 'OFFICER' | 'INSPECTOR') =>
      server.query(STATE, { input: { repairId, relief: 'LIGHTEN', statedOn: '2025-12-01', documentNumber: '鄂州人社〔2025〕88号', ...input } as never }, role ? { role } : undefined);
    const snapshot = async () => [await server.sql('select relief, relief_stated, relief_stated_on, relief_statement_document from credit_repair where id = ?', [repairId]), await rows('audit_event')];
    const before = await snapshot();
    for (const [input, role, code, field] of [
      [{}, 'OFFICER', 'FORBIDDEN', undefined],
      [{}, 'INSPECTOR', 'FORBIDDEN', undefined],
      [{ statedOn: '2025-03-31' }, 'CLERK', 'BAD_USER_INPUT', 'statedOn'],
      [{ documentNumber: ' ' }, 'CLERK', 'BAD_USER_INPUT', 'documentNumber'],
    ] as const) {
      const refused = await state(input, role);
      expect(refused.errors?.[0].extensions).toMatchObject({ code, ...(field ? { field } : {}) });
      expect(await snapshot()).toEqual(before);
    }

    const stated = await server.ok(STATE, { input: { repairId, relief: 'LIGHTEN', statedOn: '2025-12-01', documentNumber: '鄂州人社〔2025〕88号' } }, { role: 'CLERK' });
    expect(stated.stateRepairRelief).toEqual({ relief: 'LIGHTEN', reliefStated: true, reliefStatedOn: '2025-12-01', reliefStatementDocument: '鄂州人社〔2025〕88号', decidedOn: '2025-04-01' });
    expect(await server.sql(`select action, outcome, actor from audit_event where target_id = ? and action = 'STATE_REPAIR_RELIEF'`, [recordId])).toEqual([{ action: 'STATE_REPAIR_RELIEF', outcome: 'relief stated LIGHTEN', actor: 'test-clerk' }]);

    // Lightened, not waived, from the approval day: the record counts again, lowered one step.
    const verdict = await evaluate('CIVIL_SERVANT', servantId, 'AWARD');
    expect(verdict.outcome).toBe('CAUTION');
    expect(verdict.explanation.zh).not.toContain('尚待批准机关确认');
    expect(verdict.explanation.zh).toContain('记录 鄂州信〔2025〕41号 的信用修复于 2025-04-01 批准，批准时未写明救济方式；批准机关于 2025-12-01 补充写明为从轻（LIGHTEN）');
    expect(verdict.explanation.en).toContain('the approving body stated it on 2025-12-01 as lightened (LIGHTEN), holding from the approval day');

    // Stated once: a second statement is refused, coded, and changes nothing.
    const after = await snapshot();
    const again = await state({ relief: 'WAIVE', statedOn: '2025-12-05' }, 'CLERK');
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'repairId' });
    expect(again.errors?.[0].message).toContain('2025-12-01');
    expect(await snapshot()).toEqual(after);
  });
});
