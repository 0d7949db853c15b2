import { chinaToday } from '../../src/domain/day';
import { agencyWithServant, createRecord } from '../support/factories';
import { evaluator } from '../support/evaluate';
import { serverPerFile } from '../support/server-per-file';
import { graphql } from '../support/graphql';

/**
 * lawyer21 R5: serial objections kept a record disputed, and every restriction off, for ever. After an
 * objection to a record is rejected, a renewed one is registered and decided but suspends nothing until
 * an officer admits it on new grounds (admitObjection, audited); the verdict names the objection (the day
 * its stay began, how many were rejected before) or the renewed one that suspends nothing.
 */
const EVALUATE = graphql(`mutation ($type: SubjectType!, $id: ID!, $matter: String!, $asOf: DateTime) {
  evaluate(subject: { type: $type, id: $id }, matter: $matter, asOf: $asOf) {
    outcome measures { ruleId }
    explanation { zh: summary(locale: "zh") en: summary(locale: "en") }
  }
}`);
const FILE = graphql(`mutation ($id: ID!, $on: LocalDate!) { fileObjection(input: { recordId: $id, reason: "认定事实有误", filedOn: $on, filedBy: "本人" }) { id renewed admittedOn } }`);
const REJECT = graphql(`mutation ($o: ID!, $on: LocalDate!) { resolveObjection(input: { objectionId: $o, decision: REJECTED, resolution: "经核实，记录无误", resolvedOn: $on }) { id status } }`);
// What an OFFICER reads of its own admission (sec31 item 1: a mutation's response is read as a query's; renewed is not its).
const ADMIT = graphql(`mutation ($input: AdmitObjectionInput!) { admitObjection(input: $input) { id admittedOn admissionGrounds } }`);

const server = serverPerFile();
const evaluate = evaluator(server, EVALUATE);

async function servantWithRecord() {
  const { servantId } = await agencyWithServant(server);
  const recordId = await createRecord(server, 'CIVIL_SERVANT', servantId, { severity: 'SEVERE', occurredOn: '2025-01-05', decidedOn: '2025-01-10', recordedOn: '2025-01-12' });
  return { servantId, recordId };
}

describe('lawyer21 R5: a renewed objection after a rejection suspends nothing unless an officer admits it on new grounds', () => {
  it('the first objection suspends (CAUTION, the summary names it); after its rejection a renewed one is accepted but AWARD stays RESTRICTED, and the summary says why', async () => {
    const { servantId, recordId } = await servantWithRecord();
    const first = (await server.ok(FILE, { id: recordId, on: '2025-02-01' })).fileObjection;
    expect(first).toEqual({ id: first.id, renewed: false, admittedOn: null });
    expect((await evaluate('CIVIL_SERVANT', servantId, 'AWARD', '2025-01-20')).outcome).toBe('RESTRICTED');
    const disputed = await evaluate('CIVIL_SERVANT', servantId, 'AWARD', '2025-02-15');
    expect(disputed.outcome).toBe('CAUTION');
    expect(disputed.explanation.zh).toContain('自 2025-02-01 起有待处理的异议（对该记录的首次异议）：异议处理期间不据以限制评优评先（本地选择');
    // lawyer24 N9: a civil servant is told only the measure that can reach a civil servant.
    expect(disputed.explanation.zh).not.toContain('取消荣誉评选资格');
    expect(disputed.explanation.en).toContain('while it is decided no award restriction rests on it');

    await server.ok(REJECT, { o: first.id, on: '2025-03-01' });
    const renewed = (await server.ok(FILE, { id: recordId, on: '2025-03-01' })).fileObjection;
    expect(renewed.renewed).toBe(true);
    for (const day of ['2025-03-01', '2025-06-01']) {
      const verdict = await evaluate('CIVIL_SERVANT', servantId, 'AWARD', day);
      expect(verdict.outcome).toBe('RESTRICTED');
      expect(verdict.explanation.zh).toContain('有一项再次提出的异议待处理，此前对该记录的异议已被驳回 1 次；再次异议未经工作人员以新的事实和理由受理（admitObjection），不中止该记录的效力');
      expect(verdict.explanation.en).toContain('has a renewed objection pending, after 1 objection(s) to it were rejected');
    }
    const status = await server.sql<{ status: string }>('select status from credit_record where id = ?', [recordId]);
    expect(status).toEqual([{ status: 'ACTIVE' }]);
  });

  it('an OFFICER admits it on new grounds from today: from then CAUTION, the day before RESTRICTED; audited; a CLERK may not, nor is a first objection admitted', async () => {
    const { servantId, recordId } = await servantWithRecord();
    const first = (await server.ok(FILE, { id: recordId, on: '2025-02-01' })).fileObjection;
    const refusedFirst = await server.query(ADMIT, { input: { objectionId: first.id, grounds: '新证据', admittedOn: chinaToday() } }, { role: 'OFFICER' });
    expect(refusedFirst.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'objectionId' });
    // An OFFICER does not read objections: told only that this one does not await admission (sec31 item 2).
    expect(refusedFirst.errors?.[0].message).toContain('does not await admission');
    expect(refusedFirst.errors?.[0].message).not.toContain('首次异议');
    await server.ok(REJECT, { o: first.id, on: '2025-03-01' });
    const renewed = (await server.ok(FILE, { id: recordId, on: '2025-03-01' })).fileObjection;

    const byClerk = await server.query(ADMIT, { input: { objectionId: renewed.id, grounds: '新证据', admittedOn: chinaToday() } }, { role: 'CLERK' });
    expect(byClerk.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });

    const today = chinaToday();
    const admitted = (await server.ok(ADMIT, { input: { objectionId: renewed.id, grounds: '提交了法院再审判决书，原认定所依事实已被推翻', admittedOn: today } }, { role: 'OFFICER' })).admitObjection;
    expect(admitted).toEqual({ id: renewed.id, admittedOn: today, admissionGrounds: '提交了法院再审判决书，原认定所依事实已被推翻' });
    const now = await evaluate('CIVIL_SERVANT', servantId, 'AWARD', today);
    expect(now.outcome).toBe('CAUTION');
    expect(now.explanation.zh).toContain(`自 ${today} 起有待处理的异议（此前对该记录的异议已被驳回 1 次，本次为经受理的再次异议）`);
    expect((await evaluate('CIVIL_SERVANT', servantId, 'AWARD', '2025-06-01')).outcome).toBe('RESTRICTED');

    const audit = await server.sql<{ outcome: string }>(`select outcome from audit_event where action = 'ADMIT_OBJECTION' and target_id = ?`, [recordId]);
    expect(audit).toEqual([{ outcome: `admitted renewed objection ${renewed.id} from ${today}` }]);
    const again = await server.query(ADMIT, { input: { objectionId: renewed.id, grounds: '再次', admittedOn: today } }, { role: 'OFFICER' });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT' });
  });

  it('lawyer22 R3: after a correction, an objection to the corrected record is not renewed by a rejection before it: it suspends from its filing day', async () => {
    const { servantId, recordId } = await servantWithRecord();
    const first = (await server.ok(FILE, { id: recordId, on: '2025-02-01' })).fileObjection;
    await server.ok(REJECT, { o: first.id, on: '2025-03-01' });
    const second = (await server.ok(FILE, { id: recordId, on: '2025-03-10' })).fileObjection;
    expect(second.renewed).toBe(true);
    await server.ok(graphql(`mutation ($o: ID!) { resolveObjection(input: { objectionId: $o, decision: UPHELD, remedy: CORRECT, correction: { decidedOn: "2025-01-11" }, resolution: "按决定书更正认定日期", resolvedOn: "2025-04-01" }) { id } }`), { o: second.id });
    const third = (await server.ok(FILE, { id: recordId, on: '2025-05-01' })).fileObjection;
    expect(third).toEqual({ id: third.id, renewed: false, admittedOn: null });
    const verdict = await evaluate('CIVIL_SERVANT', servantId, 'AWARD', '2025-05-15');
    expect(verdict.outcome).toBe('CAUTION');
    // lawyer24 R6: two objections came before; this one is the first only since the correction.
    expect(verdict.explanation.zh).toContain('自 2025-05-01 起有待处理的异议（该记录最近一次更正（2025-04-01）后的首次异议）');
    expect(verdict.explanation.zh).not.toContain('对该记录的首次异议');
    expect(verdict.explanation.en).toContain('(the first objection to it since its last correction on 2025-04-01)');
    // A rejection after the correction makes the next objection renewed again, and the line counts since the correction.
    await server.ok(REJECT, { o: third.id, on: '2025-06-01' });
    expect((await server.ok(FILE, { id: recordId, on: '2025-06-10' })).fileObjection.renewed).toBe(true);
    const renewed = await evaluate('CIVIL_SERVANT', servantId, 'AWARD', '2025-06-15');
    expect(renewed.explanation.zh).toContain('有一项再次提出的异议待处理，该记录于 2025-04-01 经异议更正，此后对该记录的异议已被驳回 1 次');
  });

  it('lawyer24 N9: an agency is told only that a disputed record grounds no honour disqualification, never of award restrictions', async () => {
    const { agencyId } = await agencyWithServant(server);
    const recordId = await createRecord(server, 'AGENCY', agencyId, { severity: 'SEVERE', occurredOn: '2025-01-05', decidedOn: '2025-01-10', recordedOn: '2025-01-12' });
    await server.ok(FILE, { id: recordId, on: '2025-02-01' });
    const verdict = await evaluate('AGENCY', agencyId, 'HONOUR', '2025-02-15');
    expect(verdict.explanation.zh).toContain('自 2025-02-01 起有待处理的异议（对该记录的首次异议）：异议处理期间不据以取消荣誉评选资格（本地选择');
    expect(verdict.explanation.zh).not.toContain('限制评优评先');
    expect(verdict.explanation.en).toContain('while it is decided no honour disqualification rests on it');
  });
});
