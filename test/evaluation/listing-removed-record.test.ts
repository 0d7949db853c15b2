import { createAgency, createCivilServant, createRecord, uscc } from '../support/factories';
import { evaluator } from '../support/evaluate';
import { serverPerFile } from '../support/server-per-file';
import { graphql } from '../support/graphql';

/**
 * lawyer21 R1: a judgment-defaulter record kept grounding DISQUALIFY in honour selection for years after
 * the court took the department off the list. The record behind a listing its keeper ended counts no more
 * from the removal day (法释〔2017〕7号 art. 10: the court deletes the 失信信息), is listed in notCounted as
 * LISTING_REMOVED naming the court, the day and the 文号, and the verdict says so.
 */
const EVALUATE = graphql(`mutation ($type: SubjectType!, $id: ID!, $matter: String!, $asOf: DateTime) {
  evaluate(subject: { type: $type, id: $id }, matter: $matter, asOf: $asOf) {
    outcome measures { ruleId }
    explanation { zh: summary(locale: "zh") en: summary(locale: "en") }
  }
}`);
const LIST = graphql(`mutation ($input: ListSubjectInput!) { listSubject(input: $input) { id } }`);
const REMOVE = graphql(`mutation ($input: RemoveFromListInput!) { removeFromList(input: $input) { id } }`);
const CREDIT = graphql(`query ($id: ID!, $asOf: DateTime!) { agency(id: $id) { credit(asOf: $asOf, countsFor: { minor: "P3M", general: "P1Y", major: "P2Y", severe: "P3Y" }) {
  unrepaired judgmentDefaulter notCounted { id reason listingEnded { list listedBy endedBy endedOn removedBy removalDocumentNumber documentNumber } } } } }`);

const server = serverPerFile();
const evaluate = evaluator(server, EVALUATE);
const COURT = '湖北省鄂州市中级人民法院';

/** lawyer21's scenario: a department, a SEVERE judgment-defaulter record decided 2024-02-01, listed that day, removed 2024-03-01. */
async function listedDepartment(remove = true) {
  const agencyId = await createAgency(server, { name: '鄂州市移出名单测试局' });
  const recordId = await createRecord(server, 'AGENCY', agencyId, { category: 'JUDGMENT_DEFAULTER', severity: 'SEVERE', occurredOn: '2024-01-20', decidedOn: '2024-02-01', recordedOn: '2024-02-02', sourceDepartment: COURT, documentNumber: '(2024)鄂07执12号', loss: null });
  const membershipId = (await server.ok(LIST, { input: { subjectType: 'AGENCY', subjectId: agencyId, list: 'JUDGMENT_DEFAULTER', listedOn: '2024-02-01', listedBy: COURT, documentNumber: '(2024)鄂07执12号', recordId } })).listSubject.id;
  if (remove) await server.ok(REMOVE, { input: { membershipId, removedOn: '2024-03-01', removedBy: COURT, documentNumber: '(2024)鄂07执12号之一' } });
  return { agencyId, recordId };
}

describe('lawyer21 R1: the record behind a listing the court removed counts no more from the removal day', () => {
  it('HONOUR: DISQUALIFIED the day before the removal; on the removal day and after, not disqualified, and the summary names the removal (zh + en)', async () => {
    const { agencyId } = await listedDepartment();
    expect((await evaluate('AGENCY', agencyId, 'HONOUR', '2024-02-29')).outcome).toBe('DISQUALIFIED');
    for (const day of ['2024-03-01', '2026-06-01']) {
      const verdict = await evaluate('AGENCY', agencyId, 'HONOUR', day);
      expect(verdict.outcome).toBe('ELIGIBLE');
      expect(verdict.explanation.zh).toContain(`是${COURT}于 2024-02-01 列入失信被执行人名单（文号(2024)鄂07执12号）所依的记录，该名单已由${COURT}于 2024-03-01 移出（文号(2024)鄂07执12号之一）`);
      expect(verdict.explanation.zh).toContain('故自 2024-03-01 起该记录不计入任何计数');
      expect(verdict.explanation.en).toContain(`${COURT} removed it on 2024-03-01 (No. (2024)鄂07执12号之一)`);
    }
  });

  it('the credit facts leave the record out from the removal day, as LISTING_REMOVED with the listing named', async () => {
    const { agencyId, recordId } = await listedDepartment();
    const before = await server.ok(CREDIT, { id: agencyId, asOf: '2024-02-29T12:00:00+08:00' });
    expect(before.agency!.credit).toMatchObject({ unrepaired: 1, judgmentDefaulter: true, notCounted: [] });
    const after = await server.ok(CREDIT, { id: agencyId, asOf: '2024-03-01T12:00:00+08:00' });
    expect(after.agency!.credit).toEqual({
      unrepaired: 0,
      judgmentDefaulter: false,
      notCounted: [{ id: recordId, reason: 'LISTING_REMOVED', listingEnded: { list: 'JUDGMENT_DEFAULTER', listedBy: COURT, endedBy: 'REMOVED', endedOn: '2024-03-01', removedBy: COURT, removalDocumentNumber: '(2024)鄂07执12号之一', documentNumber: '(2024)鄂07执12号' } }],
    });
  });

  it('a listing still held keeps the record counting (DISQUALIFIED in 2025); an unlinked record is not guessed at', async () => {
    const { agencyId } = await listedDepartment(false);
    expect((await evaluate('AGENCY', agencyId, 'HONOUR', '2025-06-01')).outcome).toBe('DISQUALIFIED');
  });

  it('a civil servant: the award caution resting on a removed listing\'s record stops on the removal day', async () => {
    const agencyId = await createAgency(server);
    const servantId = await createCivilServant(server, agencyId);
    const recordId = await createRecord(server, 'CIVIL_SERVANT', servantId, { category: 'JUDGMENT_DEFAULTER', severity: 'SEVERE', occurredOn: '2024-01-20', decidedOn: '2024-02-01', recordedOn: '2024-02-02', sourceDepartment: COURT, documentNumber: '(2024)鄂07执13号', loss: null, inOffice: null });
    const membershipId = (await server.ok(LIST, { input: { subjectType: 'CIVIL_SERVANT', subjectId: servantId, list: 'JUDGMENT_DEFAULTER', listedOn: '2024-02-01', listedBy: COURT, documentNumber: '(2024)鄂07执13号', recordId } })).listSubject.id;
    await server.ok(REMOVE, { input: { membershipId, removedOn: '2024-03-01', removedBy: COURT, documentNumber: '(2024)鄂07执13号之一' } });
    const before = await evaluate('CIVIL_SERVANT', servantId, 'PROMOTION', '2024-02-29');
    expect(before.measures.map((r) => r.ruleId)).toContain('cs-promotion-caution');
    const after = await evaluate('CIVIL_SERVANT', servantId, 'PROMOTION', '2024-03-01');
    expect(after.measures.map((r) => r.ruleId)).not.toContain('cs-promotion-caution');
    expect(after.explanation.zh).toContain('所依的记录，该名单已由');
  });
});

const ENTERPRISE = graphql(`mutation ($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { id } }`);

describe('lawyer21 R6: an enterprise whose counting record says judgment defaulter / seriously illegal, with no listing registered, is cautioned to verify the listing', () => {
  it('PROCUREMENT: CAUTION naming both rules, zh + en; once the listings are registered, RESTRICTED by the bars and the cautions gone; after the linked listings are removed, ELIGIBLE', async () => {
    const id = (await server.ok(ENTERPRISE, { input: { uscc: uscc('91'), name: '鄂州市未登记名单建设有限公司' } })).createEnterprise.id;
    const defaulter = await createRecord(server, 'ENTERPRISE', id, { category: 'JUDGMENT_DEFAULTER', severity: 'SEVERE', occurredOn: '2025-01-05', decidedOn: '2025-01-10', recordedOn: '2025-01-12', sourceDepartment: COURT, documentNumber: '(2025)鄂07执5号', loss: null });
    const serious = await createRecord(server, 'ENTERPRISE', id, { category: 'SERIOUS_ILLEGAL_DISHONEST', severity: 'SEVERE', occurredOn: '2025-01-06', decidedOn: '2025-01-11', recordedOn: '2025-01-12', sourceDepartment: '鄂州市市场监督管理局', documentNumber: '鄂州市监严〔2025〕5号', loss: null });
    const unlisted = await evaluate('ENTERPRISE', id, 'PROCUREMENT', '2025-06-01');
    expect(unlisted.outcome).toBe('CAUTION');
    expect(unlisted.measures.map((m) => m.ruleId).sort()).toEqual(['en-bid-score-ungraded', 'en-defaulter-record-unlisted', 'en-serious-illegal-record-unlisted']);
    expect(unlisted.explanation.zh).toContain('而本系统没有当日有效的失信被执行人名单登记：本系统未登记其列入失信被执行人名单的任何记录。');
    expect(unlisted.explanation.zh).toContain('请采购人、招标人或作决定的机关向作出认定的人民法院核实其现在是否列入名单');
    expect(unlisted.explanation.en).toContain('should verify with the listing authority whether it is listed now');

    const court = (await server.ok(LIST, { input: { subjectType: 'ENTERPRISE', subjectId: id, list: 'JUDGMENT_DEFAULTER', listedOn: '2025-01-10', listedBy: COURT, documentNumber: '(2025)鄂07执5号', recordId: defaulter } })).listSubject.id;
    const authority = (await server.ok(LIST, { input: { subjectType: 'ENTERPRISE', subjectId: id, list: 'SERIOUS_ILLEGAL_DISHONEST', listedOn: '2025-01-11', listedBy: '鄂州市市场监督管理局', documentNumber: '鄂州市监严〔2025〕5号', recordId: serious } })).listSubject.id;
    const listed = await evaluate('ENTERPRISE', id, 'PROCUREMENT', '2025-06-01');
    expect(listed.outcome).toBe('RESTRICTED');
    expect(listed.measures.map((m) => m.ruleId).filter((r) => r.includes('unlisted'))).toEqual([]);

    await server.ok(REMOVE, { input: { membershipId: court, removedOn: '2025-07-01', removedBy: COURT, documentNumber: '(2025)鄂07执5号之一' } });
    await server.ok(REMOVE, { input: { membershipId: authority, removedOn: '2025-07-01', removedBy: '鄂州市市场监督管理局', documentNumber: '鄂州市监移〔2025〕1号' } });
    const removed = await evaluate('ENTERPRISE', id, 'PROCUREMENT', '2025-07-01');
    expect(removed.measures.map((m) => m.ruleId).filter((r) => r.startsWith('en-bar') || r.includes('unlisted'))).toEqual([]);
    expect(removed.explanation.zh).toContain('该名单已由鄂州市市场监督管理局于 2025-07-01 移出（文号鄂州市监移〔2025〕1号）');
    // lawyer24 W3: each list's removal is explained by its own keeper; the court's deletion is the judgment-defaulter list's only.
    const line = (text: string, words: string) => text.split('\n').find((l) => l.includes(words)) ?? '';
    const seriousZh = line(removed.explanation.zh, '鄂州市监移〔2025〕1号');
    expect(seriousZh).toContain('：严重违法失信名单由作出列入决定的机关列入和移出，列入机关移出后，该名单所依记录不再计入，故自 2025-07-01 起该记录不计入任何计数');
    expect(seriousZh).not.toMatch(/法院|法释/);
    expect(line(removed.explanation.en, 'No. 鄂州市监移〔2025〕1号')).not.toMatch(/court|法释/);
    expect(line(removed.explanation.zh, '(2025)鄂07执5号之一')).toContain('失信被执行人名单由人民法院决定列入和移出，移出或期限届满后人民法院删除失信信息（法释〔2017〕7号第十条）');
  });
});

const REASON = graphql(`mutation ($type: SubjectType!, $id: ID!, $matter: String!, $asOf: DateTime) {
  evaluate(subject: { type: $type, id: $id }, matter: $matter, asOf: $asOf) { outcome reason { zh en } }
}`);

describe('lawyer21 R3, N4: HONOUR for a body that is not a department says the system makes no finding, and which limb held', () => {
  it('a district people\'s government with a SEVERE undisputed record: ELIGIBLE with "不作认定", not "不予限制"; a clean department: the department limb only', async () => {
    const reasonOf = evaluator(server, REASON);
    const government = await createAgency(server, { name: '鄂州市鄂城区人民政府', level: 'DISTRICT' });
    await createRecord(server, 'AGENCY', government, { severity: 'SEVERE', occurredOn: '2024-03-01', decidedOn: '2024-03-10', recordedOn: '2024-03-12', loss: 5000000 });
    const outside = await reasonOf('AGENCY', government, 'HONOUR', '2024-06-01');
    expect(outside.outcome).toBe('ELIGIBLE');
    expect(outside.reason.zh).toContain('本机构不是政府部门');
    expect(outside.reason.zh).toContain('对本机构的荣誉评选不作认定——既不认定应取消资格，也不认定不应取消');
    expect(outside.reason.zh).not.toContain('不予限制');
    expect(outside.reason.en).toContain('it makes no finding on this body\'s honour selection');

    const clean = await reasonOf('AGENCY', await createAgency(server, { name: '鄂州市无记录测试局' }), 'HONOUR', '2024-06-01');
    expect(clean.outcome).toBe('ELIGIBLE');
    expect(clean.reason.zh).toContain('本政府部门没有须予考量的未修复政务失信记录');
    expect(clean.reason.zh).not.toContain('本机构不是政府部门');
  });
});

/**
 * lawyer23 W1: a listing withdrawn as entered in error counts on no day, so it neither keeps its record
 * counting after the court's own removal nor ends it by a removal recorded on it.
 */
describe('a listing withdrawn as entered in error decides nothing about its record', () => {
  const WITHDRAW = graphql(`mutation ($m: ID!) { withdrawListing(input: { membershipId: $m, reason: "重复登记 / entered twice" }) { id enteredInErrorAt } }`);

  it('a second listing naming the record, withdrawn, does not bring back a record the court\'s removal ended', async () => {
    const { agencyId, recordId } = await listedDepartment();
    const second = (await server.ok(LIST, { input: { subjectType: 'AGENCY', subjectId: agencyId, list: 'JUDGMENT_DEFAULTER', listedOn: '2024-04-01', listedBy: COURT, documentNumber: '(2024)鄂07执12号', recordId } })).listSubject.id;
    expect((await evaluate('AGENCY', agencyId, 'HONOUR', '2026-06-01')).outcome).toBe('DISQUALIFIED');
    await server.ok(WITHDRAW, { m: second }, { role: 'OFFICER' });
    const verdict = await evaluate('AGENCY', agencyId, 'HONOUR', '2026-06-01');
    expect(verdict.outcome).toBe('ELIGIBLE');
    expect(verdict.explanation.en).toContain(`${COURT} removed it on 2024-03-01`);
  });

  it('the only listing, removed and then withdrawn as never made, ends nothing: its record counts as any record', async () => {
    const { agencyId } = await listedDepartment();
    const membership = await server.ok(graphql(`query ($id: ID!) { agency(id: $id) { listMemberships { id } } }`), { id: agencyId }, { role: 'OFFICER' });
    await server.ok(WITHDRAW, { m: membership.agency!.listMemberships[0].id }, { role: 'OFFICER' });
    const verdict = await evaluate('AGENCY', agencyId, 'HONOUR', '2024-06-01');
    expect(verdict.outcome).toBe('DISQUALIFIED');
    expect(verdict.explanation.zh).not.toContain('该名单已由');
  });
});
