import { createRecord, uscc } from '../support/factories';
import { evaluator } from '../support/evaluate';
import { serverPerFile } from '../support/server-per-file';
import { graphql } from '../support/graphql';

/**
 * law23 R4 (issue 11): the record-without-listing caution said the enterprise "may still be listed" even when the
 * register shows the court removed a listing of it (one not linked to the record, so the record still counts).
 * The caution now says what the register shows: no listing at all, or the registered one removed on a day.
 */
const EVALUATE = graphql(`mutation ($type: SubjectType!, $id: ID!, $matter: String!, $asOf: DateTime) {
  evaluate(subject: { type: $type, id: $id }, matter: $matter, asOf: $asOf) {
    outcome measures { ruleId }
    explanation { zh: summary(locale: "zh") en: summary(locale: "en") }
  }
}`);
const ENTERPRISE = graphql(`mutation ($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { id } }`);
const LIST = graphql(`mutation ($input: ListSubjectInput!) { listSubject(input: $input) { id } }`);
const REMOVE = graphql(`mutation ($input: RemoveFromListInput!) { removeFromList(input: $input) { id } }`);
const LISTINGS = graphql(`query ($id: ID!, $asOf: DateTime!) { enterprise(id: $id) { listings(asOf: $asOf) { judgmentDefaulterHistory { zh en } seriousIllegalDishonestHistory { zh en } } } }`);

const server = serverPerFile();
const evaluate = evaluator(server, EVALUATE);
const COURT = '湖北省鄂州市中级人民法院';

async function enterpriseWithRecord(name: string) {
  const id = (await server.ok(ENTERPRISE, { input: { uscc: uscc('91'), name } })).createEnterprise.id;
  await createRecord(server, 'ENTERPRISE', id, { category: 'JUDGMENT_DEFAULTER', severity: 'SEVERE', occurredOn: '2025-01-05', decidedOn: '2025-01-10', recordedOn: '2025-01-12', sourceDepartment: COURT, documentNumber: '(2025)鄂07执8号', loss: null });
  return id;
}

describe('law23 R4: the record-without-listing caution says what the register shows', () => {
  it('no listing registered: the caution says none is registered (zh + en)', async () => {
    const id = await enterpriseWithRecord('鄂州市从未列入建设有限公司');
    const verdict = await evaluate('ENTERPRISE', id, 'PROCUREMENT', '2025-06-01');
    expect(verdict.measures.map((m) => m.ruleId)).toContain('en-defaulter-record-unlisted');
    expect(verdict.explanation.zh).toContain('而本系统没有当日有效的失信被执行人名单登记：本系统未登记其列入失信被执行人名单的任何记录。');
    expect(verdict.explanation.en).toContain('No listing of it on the judgment-defaulter list (失信被执行人名单) is registered here at all.');
  });

  it('a listing not linked to the record, removed by the court: the caution names the removal day and does not say it may still be listed', async () => {
    const id = await enterpriseWithRecord('鄂州市已移出建设有限公司');
    const membershipId = (await server.ok(LIST, { input: { subjectType: 'ENTERPRISE', subjectId: id, list: 'JUDGMENT_DEFAULTER', listedOn: '2023-03-01', listedBy: COURT, documentNumber: '(2023)鄂07执3号' } })).listSubject.id;
    await server.ok(REMOVE, { input: { membershipId, removedOn: '2024-04-01', removedBy: COURT, documentNumber: '(2023)鄂07执3号之一' } });
    const verdict = await evaluate('ENTERPRISE', id, 'PROCUREMENT', '2025-06-01');
    expect(verdict.measures.map((m) => m.ruleId)).toContain('en-defaulter-record-unlisted');
    expect(verdict.explanation.zh).toContain(`本系统登记的其失信被执行人名单（${COURT}于2023-03-01列入，文号(2023)鄂07执3号）已由法院于2024-04-01移出，此后本系统未登记新的列入。`);
    expect(verdict.explanation.zh).toContain('一并核实记录所指是否即该名单、此后是否重新列入');
    expect(verdict.explanation.zh).not.toContain('可能仍为失信被执行人');
    expect(verdict.explanation.en).toContain(`was removed by the court on 2024-04-01, and no later listing is registered.`);
    expect(verdict.explanation.en).not.toContain('may still be on the list');
    // The fact itself, over GraphQL: before the removal the listing held; the other list has none registered.
    const before = await server.ok(LISTINGS, { id, asOf: '2024-03-31T12:00:00+08:00' });
    expect(before.enterprise!.listings.judgmentDefaulterHistory.zh).toBe(`本系统登记的其失信被执行人名单（${COURT}于2023-03-01列入）当日仍然有效，未登记法院移出。`);
    expect(before.enterprise!.listings.seriousIllegalDishonestHistory.zh).toBe('本系统未登记其列入严重违法失信名单的任何记录。');
  });

  it('lawyer24 R2: a registration withdrawn as entered in error is not "no record at all": none holds, the withdrawn one aside', async () => {
    const id = await enterpriseWithRecord('鄂州市误登记建设有限公司');
    const membershipId = (await server.ok(LIST, { input: { subjectType: 'ENTERPRISE', subjectId: id, list: 'JUDGMENT_DEFAULTER', listedOn: '2025-01-10', listedBy: COURT, documentNumber: '(2025)鄂07执8号' } })).listSubject.id;
    await server.ok(graphql(`mutation ($m: ID!) { withdrawListing(input: { membershipId: $m, reason: "登记错了主体 / registered against the wrong enterprise" }) { id } }`), { m: membershipId }, { role: 'OFFICER' });
    const verdict = await evaluate('ENTERPRISE', id, 'PROCUREMENT', '2025-06-01');
    expect(verdict.measures.map((m) => m.ruleId)).toContain('en-defaulter-record-unlisted');
    expect(verdict.explanation.zh).toContain('本系统无其列入失信被执行人名单的有效登记（误登记已撤回的除外）。');
    expect(verdict.explanation.zh).not.toContain('本系统未登记其列入失信被执行人名单的任何记录');
    expect(verdict.explanation.en).toContain('(a registration withdrawn as entered in error aside)');
  });
});
