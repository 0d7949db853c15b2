import { agencyWithServant, createRecord } from '../support/factories';
import { evaluator } from '../support/evaluate';
import { serverPerFile } from '../support/server-per-file';
import { graphql } from '../support/graphql';

/**
 * lawyer24 N10: an objection the subject withdraws (撤回) is WITHDRAWN, not REJECTED: the record counts
 * again from the withdrawal day, and, no review having found it right, a later objection suspends as a
 * first one (三(七) local choice #6). Audited as the other decisions; the record's history says so.
 */
const EVALUATE = graphql(`mutation ($type: SubjectType!, $id: ID!, $matter: String!, $asOf: DateTime) {
  evaluate(subject: { type: $type, id: $id }, matter: $matter, asOf: $asOf) {
    outcome
    explanation { zh: summary(locale: "zh") en: summary(locale: "en") }
  }
}`);
const FILE = graphql(`mutation ($id: ID!, $on: LocalDate!) { fileObjection(input: { recordId: $id, reason: "认定事实有误", filedOn: $on, filedBy: "本人" }) { id renewed } }`);
const WITHDRAW = graphql(`mutation ($o: ID!, $on: LocalDate!) { resolveObjection(input: { objectionId: $o, decision: WITHDRAWN, resolution: "当事人书面撤回异议", resolvedOn: $on }) { id status remedy resolvedOn } }`);
const WITHDRAW_WITH_REMEDY = graphql(`mutation ($o: ID!) { resolveObjection(input: { objectionId: $o, decision: WITHDRAWN, remedy: REVOKE, resolution: "撤回", resolvedOn: "2025-03-01" }) { id } }`);

const server = serverPerFile();
const evaluate = evaluator(server, EVALUATE);

describe('lawyer24 N10: a withdrawn objection', () => {
  it('is recorded WITHDRAWN: the record restricts again from the withdrawal day, and the next objection is a first one that suspends', async () => {
    const { servantId } = await agencyWithServant(server);
    const recordId = await createRecord(server, 'CIVIL_SERVANT', servantId, { severity: 'SEVERE', occurredOn: '2025-01-05', decidedOn: '2025-01-10', recordedOn: '2025-01-12' });
    const first = (await server.ok(FILE, { id: recordId, on: '2025-02-01' })).fileObjection;
    expect((await evaluate('CIVIL_SERVANT', servantId, 'AWARD', '2025-02-15')).outcome).toBe('CAUTION');

    const refused = await server.query(WITHDRAW_WITH_REMEDY, { o: first.id });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'remedy' });
    expect(refused.errors?.[0].message).toContain('当事人撤回的异议不更正也不撤销记录');

    const withdrawn = (await server.ok(WITHDRAW, { o: first.id, on: '2025-03-01' })).resolveObjection;
    expect(withdrawn).toEqual({ id: first.id, status: 'WITHDRAWN', remedy: null, resolvedOn: '2025-03-01' });
    expect((await evaluate('CIVIL_SERVANT', servantId, 'AWARD', '2025-02-28')).outcome).toBe('CAUTION');
    expect((await evaluate('CIVIL_SERVANT', servantId, 'AWARD', '2025-03-01')).outcome).toBe('RESTRICTED');

    const history = await server.sql<{ action: string }>('select action from credit_record_revision where record_id = ?', [recordId]);
    expect(history.map((h) => h.action)).toContain('DISPUTE_WITHDRAWN');
    const audit = await server.sql<{ outcome: string }>(`select outcome from audit_event where action = 'DECIDE_OBJECTION' and target_id = ?`, [recordId]);
    expect(audit).toEqual([{ outcome: 'WITHDRAWN' }]);

    const second = (await server.ok(FILE, { id: recordId, on: '2025-04-01' })).fileObjection;
    expect(second.renewed).toBe(false);
    const verdict = await evaluate('CIVIL_SERVANT', servantId, 'AWARD', '2025-04-15');
    expect(verdict.outcome).toBe('CAUTION');
    expect(verdict.explanation.zh).toContain('自 2025-04-01 起有待处理的异议（对该记录的首次异议）');
  });
});
