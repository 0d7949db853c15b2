import { agencyWithServant, createRecord, recordInput } from '../support/factories';
import { evaluator } from '../support/evaluate';
import { serverPerFile } from '../support/server-per-file';
import { graphql } from '../support/graphql';

/**
 * 三(六) (lawyer10 W3): a civil servant's breach of contract or administrative violation is a
 * government-dishonesty record only when the act was done in office (履职行为). Unrecorded, it is
 * personal credit information (三(四)): a caution in awards, no restriction, and the verdict says how
 * to record it. Recorded by an upheld objection's correction, it restricts; the trail shows old → new.
 */
const EVALUATE = graphql(`mutation ($type: SubjectType!, $id: ID!, $matter: String!, $asOf: DateTime) {
  evaluate(subject: { type: $type, id: $id }, matter: $matter, asOf: $asOf) {
    outcome
    measures { ruleId }
    explanation { zh: summary(locale: "zh") en: summary(locale: "en") }
  }
}`);
const CREATE = graphql(`mutation ($input: CreateCreditRecordInput!) { createCreditRecord(input: $input) { id inOffice } }`);
const FACTS = graphql(`query ($id: ID!, $asOf: DateTime!) { civilServant(id: $id) {
  governmentDishonesty: credit(asOf: $asOf, dishonestyCategories: [BREACH_OF_CONTRACT, ADMINISTRATIVE_VIOLATION], inOfficeCategories: [BREACH_OF_CONTRACT, ADMINISTRATIVE_VIOLATION]) {
    unrepairedUndisputed notCounted { documentNumber reason }
  }
} }`);
const FILE = graphql(`mutation ($r: ID!) { fileObjection(input: { recordId: $r, filedBy: "鄂州市司法局", reason: "核实是否为履职行为", filedOn: "2025-04-01" }) { id } }`);
const CORRECT = graphql(`mutation ($o: ID!, $inOffice: Boolean!) { resolveObjection(input: { objectionId: $o, decision: UPHELD, remedy: CORRECT, correction: { inOffice: $inOffice }, resolution: "经核实，系履行公务中的行为", resolvedOn: "2025-04-10" }) { record { inOffice history { version snapshot } } } }`);

const server = serverPerFile();
const evaluate = evaluator(server, EVALUATE);
const noon = (day: string) => `${day}T12:00:00+08:00`;
const violation = { category: 'ADMINISTRATIVE_VIOLATION' as const, severity: 'GENERAL' as const, documentNumber: '鄂州公交罚〔2025〕31号', occurredOn: '2025-03-01', recordedOn: '2025-03-20', loss: null };

describe('三(六): a record counts as government dishonesty only when recorded as done in office', () => {
  it('unrecorded: a caution, no restriction, a line saying how to record it; recorded in office by a correction: restricted, audited old → new', async () => {
    const { servantId } = await agencyWithServant(server);
    const created = await server.ok(CREATE, { input: recordInput('CIVIL_SERVANT', servantId, { ...violation, inOffice: null }) });
    expect(created.createCreditRecord.inOffice).toBeNull();
    const recordId = created.createCreditRecord.id;

    const unrecorded = await evaluate('CIVIL_SERVANT', servantId, 'AWARD');
    expect(unrecorded.outcome).toBe('CAUTION');
    expect(unrecorded.measures).toEqual([{ ruleId: 'cs-award-caution' }]);
    expect(unrecorded.explanation.zh).toContain('记录 鄂州公交罚〔2025〕31号（ADMINISTRATIVE_VIOLATION）未登记是否为履职行为');
    expect(unrecorded.explanation.zh).toContain('resolveObjection correction.inOffice');
    expect(unrecorded.explanation.en).toContain('nobody recorded whether the act was done in office');
    expect((await server.ok(FACTS, { id: servantId, asOf: noon('2025-06-01') })).civilServant!.governmentDishonesty).toEqual({
      unrepairedUndisputed: 0, notCounted: [{ documentNumber: '鄂州公交罚〔2025〕31号', reason: 'IN_OFFICE_UNRECORDED' }],
    });

    const { fileObjection } = await server.ok(FILE, { r: recordId });
    // A second person decides it: the same ADMIN account would be marked break-glass in the event (sec31 item 5).
    const corrected = await server.ok(CORRECT, { o: fileObjection.id, inOffice: true }, { role: 'ADMIN', sub: 'in-office.second' });
    expect(corrected.resolveObjection.record.inOffice).toBe(true);
    const history = corrected.resolveObjection.record.history;
    expect(history.map((h) => (h.snapshot as { inOffice: boolean | null }).inOffice)).toEqual(expect.arrayContaining([null, true]));
    const audit = await server.sql(`select outcome from audit_event where action = 'DECIDE_OBJECTION' and target_id = ?`, [recordId]);
    expect(audit).toEqual([{ outcome: 'UPHELD CORRECT; updated inOffice: null → true' }]);

    const restricted = await evaluate('CIVIL_SERVANT', servantId, 'AWARD');
    expect(restricted.outcome).toBe('RESTRICTED');
    expect(restricted.measures.map((m) => m.ruleId).sort()).toEqual(['cs-award-caution', 'cs-award-restrict']);
    expect(restricted.explanation.zh).not.toContain('未登记是否为履职行为');
  });

  it('an unfulfilled commitment unrecorded as done in office (a personal credit commitment may go unfulfilled): a caution, no restriction (lawyer11 R7)', async () => {
    const { servantId } = await agencyWithServant(server);
    await createRecord(server, 'CIVIL_SERVANT', servantId, { ...violation, category: 'UNFULFILLED_COMMITMENT', documentNumber: '鄂州信〔2025〕77号', inOffice: null });
    const verdict = await evaluate('CIVIL_SERVANT', servantId, 'AWARD');
    expect(verdict.outcome).toBe('CAUTION');
    expect(verdict.measures).toEqual([{ ruleId: 'cs-award-caution' }]);
    expect(verdict.explanation.zh).toContain('记录 鄂州信〔2025〕77号（UNFULFILLED_COMMITMENT）未登记是否为履职行为：此类记录（违约毁约、承诺未兑现、未出庭应诉、行政违法违规）仅在履职中发生时属政务失信记录');
    // lawyer23 N6: the categories come from the parameter inOfficeCategories in force, 未出庭应诉 included.
    expect(verdict.explanation.en).toContain('A record of this category (the parameter inOfficeCategories: breach of contract, unfulfilled commitment, failure to appear in court, administrative violation) is a government-dishonesty record only when done in office');
  });

  it('recorded as private conduct: personal credit information, a caution only', async () => {
    const { servantId } = await agencyWithServant(server);
    await createRecord(server, 'CIVIL_SERVANT', servantId, { ...violation, category: 'BREACH_OF_CONTRACT', inOffice: false });
    const verdict = await evaluate('CIVIL_SERVANT', servantId, 'AWARD');
    expect(verdict.measures).toEqual([{ ruleId: 'cs-award-caution' }]);
    expect(verdict.explanation.zh).toContain('登记为非履职行为：属个人信用信息（三(四)）');
  });

  it('inOffice on an agency\'s record is BAD_USER_INPUT on inOffice, and nothing is stored', async () => {
    const { agencyId } = await agencyWithServant(server);
    const before = (await server.sql('select count(*)::int as n from credit_record'))[0].n;
    const result = await server.query(CREATE, { input: recordInput('AGENCY', agencyId, { inOffice: true }) });
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].extensions?.field).toBe('inOffice');
    expect(result.errors?.[0].message).toContain('只登记在公务员名下');
    expect((await server.sql('select count(*)::int as n from credit_record'))[0].n).toBe(before);
  });
});

describe("三(六): a civil servant's own failure to appear in court is government dishonesty only when recorded as done in office (lawyer17 W1)", () => {
  // 三(八) puts the duty to appear on an organ's head in an administrative case; anyone may fail to
  // appear in a private case of their own (a personal loan dispute), and the category does not say which.
  const absence = { category: 'FAILURE_TO_APPEAR' as const, severity: 'MINOR' as const, documentNumber: '(2025)鄂0702民初88号', occurredOn: '2025-03-01', recordedOn: '2025-03-20', loss: null };

  it('recorded as private conduct, or not recorded: a caution in awards, no restriction; recorded in office: restricted', async () => {
    for (const inOffice of [false, null]) {
      const { servantId } = await agencyWithServant(server);
      await server.ok(CREATE, { input: recordInput('CIVIL_SERVANT', servantId, { ...absence, inOffice }) });
      const verdict = await evaluate('CIVIL_SERVANT', servantId, 'AWARD', '2025-04-01');
      expect({ inOffice, outcome: verdict.outcome, measures: verdict.measures }).toEqual({ inOffice, outcome: 'CAUTION', measures: [{ ruleId: 'cs-award-caution' }] });
    }
    const { servantId } = await agencyWithServant(server);
    await server.ok(CREATE, { input: recordInput('CIVIL_SERVANT', servantId, { ...absence, documentNumber: '(2025)鄂07行初88号', inOffice: true }) });
    const restricted = await evaluate('CIVIL_SERVANT', servantId, 'AWARD', '2025-04-01');
    expect(restricted.outcome).toBe('RESTRICTED');
    expect(restricted.measures.map((m) => m.ruleId)).toContain('cs-award-restrict');
  });
});
