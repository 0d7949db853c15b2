import { createAgency, createCivilServant, createRecord } from '../support/factories';
import { evaluator } from '../support/evaluate';
import { serverPerFile } from '../support/server-per-file';
import { graphql } from '../support/graphql';

/**
 * lawyer8's R2 (issue 11), through the real server: a live court listing (失信被执行人名单) weighs in a
 * civil servant's promotion and awards after the record behind it stopped counting, naming the court,
 * the day and the 文号; so is a department's honour selection (lawyer16 W2).
 */
const EVALUATE = graphql(`mutation ($type: SubjectType!, $id: ID!, $matter: String!, $asOf: DateTime) {
  evaluate(subject: { type: $type, id: $id }, matter: $matter, asOf: $asOf) {
    outcome reason { zh en }
    measures { ruleId effect }
  }
}`);
const LIST = graphql(`mutation ($input: ListSubjectInput!) { listSubject(input: $input) { id } }`);
const REMOVE = graphql(`mutation ($input: RemoveFromListInput!) { removeFromList(input: $input) { id } }`);

const server = serverPerFile();
const evaluate = evaluator(server, EVALUATE);
const ruleIds = (v: { measures: { ruleId: string }[] }) => v.measures.map((m) => m.ruleId).sort();

describe('R2: a live court listing is weighed in promotion and awards once its record no longer counts', () => {
  it('cautions from the lapse of the record until the court removes the listing, naming the listing; the record caution alone while it counts', async () => {
    const servantId = await createCivilServant(server, await createAgency(server));
    const recordId = await createRecord(server, 'CIVIL_SERVANT', servantId, { category: 'JUDGMENT_DEFAULTER', severity: 'GENERAL', occurredOn: '2023-05-01', decidedOn: '2023-06-01', recordedOn: '2023-06-05', documentNumber: '(2023)鄂07执12号', sourceDepartment: '湖北省鄂州市中级人民法院' });
    const listed = await server.ok(LIST, { input: { subjectType: 'CIVIL_SERVANT', subjectId: servantId, list: 'JUDGMENT_DEFAULTER', listedOn: '2023-06-01', listedBy: '湖北省鄂州市中级人民法院', documentNumber: '(2023)鄂07执12号', recordId } });

    // While the general record counts (through 2024-05-31, the day before the anniversary), the record cautions weigh it, once.
    const counting = await evaluate('CIVIL_SERVANT', servantId, 'PROMOTION', '2024-05-31');
    expect(ruleIds(counting)).toEqual(['cs-promotion-caution']);

    // Past its period, still listed: the listing is weighed, in promotion and in awards.
    const lapsed = await evaluate('CIVIL_SERVANT', servantId, 'PROMOTION', '2024-06-01');
    expect(lapsed.outcome).toBe('CAUTION');
    expect(ruleIds(lapsed)).toEqual(['cs-court-listing-caution']);
    expect(lapsed.reason.zh).toContain('由湖北省鄂州市中级人民法院于2023-06-01列入失信被执行人名单（文号(2023)鄂07执12号），截至2024-06-01本系统未登记法院移出');
    expect(lapsed.reason.en).toContain('by 湖北省鄂州市中级人民法院 on 2023-06-01 (No. (2023)鄂07执12号)');
    // It says the reading is this system's, awaiting 三(四)'s lead units (lawyer20 R2).
    expect(lapsed.reason.zh).toContain('是本系统的理解，不是原文，待三(四)牵头单位确认（见三(四)本地选择）');
    expect(lapsed.reason.en).toContain("is this system's reading, not the clause's words, for the lead units of 三(四) to confirm");
    const award = await evaluate('CIVIL_SERVANT', servantId, 'AWARD', '2025-01-10');
    expect(award.outcome).toBe('CAUTION');
    expect(ruleIds(award)).toEqual(['cs-court-listing-caution']);

    await server.ok(REMOVE, { input: { membershipId: listed.listSubject.id, removedOn: '2025-02-01', removedBy: '湖北省鄂州市中级人民法院', documentNumber: '(2023)鄂07执12号之一' } });
    expect((await evaluate('CIVIL_SERVANT', servantId, 'AWARD', '2025-01-31')).outcome).toBe('CAUTION');
    const removed = await evaluate('CIVIL_SERVANT', servantId, 'PROMOTION', '2025-02-01');
    expect(removed.outcome).toBe('ELIGIBLE');
    expect(removed.reason.zh).toContain('本系统未登记法院移出的失信被执行人名单');
  });

  it('a department still listed after its record lapsed is cautioned in honour selection, naming the listing, until the court removes it (lawyer16 W2)', async () => {
    const agencyId = await createAgency(server, { name: '鄂州市交通运输测试局' });
    const listed = await server.ok(LIST, { input: { subjectType: 'AGENCY', subjectId: agencyId, list: 'JUDGMENT_DEFAULTER', listedOn: '2023-06-01', listedBy: '湖北省鄂州市中级人民法院', documentNumber: '(2023)鄂07执13号' } });
    const honour = await evaluate('AGENCY', agencyId, 'HONOUR', '2025-01-10');
    expect(honour.outcome).toBe('CAUTION');
    expect(ruleIds(honour)).toEqual(['ag-honour-court-listing']);
    expect(honour.reason.zh).toContain('由湖北省鄂州市中级人民法院于2023-06-01列入失信被执行人名单（文号(2023)鄂07执13号），截至2025-01-10本系统未登记法院移出');
    // lawyer19 W3: the clause names no body that disqualifies; the selection's organiser decides under the rules.
    expect(honour.reason.zh).toContain('是否依规取消资格由荣誉评选的组织机关依规决定');
    expect(honour.reason.zh).not.toContain('市发展改革委');
    expect(honour.reason.en).toContain("whether to disqualify under the rules is for the selection's organiser to decide under the rules");
    // lawyer19 R6: taking the listing as a 政务失信记录 is this system's reading, and a revoked record sends the body to the court.
    expect(honour.reason.zh).toContain('本系统将政府部门被人民法院列为失信被执行人、未登记移出的情形，视为三(六)“各级人民政府、各有关部门有政务失信记录的”所指情形');
    expect(honour.reason.zh).toContain('经异议核实有误而撤销（请作决定的机关向列入名单的法院核实名单是否仍然有效）');
    await server.ok(REMOVE, { input: { membershipId: listed.listSubject.id, removedOn: '2025-02-01', removedBy: '湖北省鄂州市中级人民法院', documentNumber: '(2023)鄂07执13号之一' } });
    const removed = await evaluate('AGENCY', agencyId, 'HONOUR', '2025-02-01');
    expect(removed.outcome).toBe('ELIGIBLE');
    expect(removed.reason.zh).toContain('也不在本系统未登记法院移出的失信被执行人名单中');
  });

  it('an estimated department on the list is cautioned by the estimated-kind twin, saying its kind awaits confirmation, and not by the confirmed-kind rule (lawyer19 R5)', async () => {
    const agencyId = await createAgency(server, { name: '鄂州市推定类别测试局' });
    await server.sql('update agency set kind_estimated = true where id = ?', [agencyId]);
    await server.ok(LIST, { input: { subjectType: 'AGENCY', subjectId: agencyId, list: 'JUDGMENT_DEFAULTER', listedOn: '2023-06-01', listedBy: '湖北省鄂州市中级人民法院', documentNumber: '(2023)鄂07执14号' } });
    const honour = await evaluate('AGENCY', agencyId, 'HONOUR', '2025-01-10');
    expect(honour.outcome).toBe('CAUTION');
    expect(ruleIds(honour)).toEqual(['ag-honour-court-listing-kind-estimated']);
    expect(honour.reason.zh).toContain('的机构类别“政府部门”是引入机构类别时按名称推定的，尚待工作人员确认');
    expect(honour.reason.zh).toContain('类别确认前不据推定取消荣誉评选资格，仅提示关注');
  });
});

const CREATE_RECORD = graphql(`mutation ($input: CreateCreditRecordInput!) { createCreditRecord(input: $input) { id } }`);

describe('R4: a principal-responsibility finding is entered only on the agency\'s principal at the time of the act; N1: the severity message names MINOR', () => {
  const finding = (subjectId: string, occurredOn: string) => ({
    input: { subjectType: 'CIVIL_SERVANT' as const, subjectId, kind: 'DISHONEST' as const, category: 'PRINCIPAL_RESPONSIBILITY' as const, severity: 'MAJOR' as const, summary: '主要负责人责任', occurredOn, recordedOn: '2025-04-12', decidedOn: '2025-04-10', sourceDepartment: '鄂州市监察委员会', documentNumber: '鄂州纪〔2025〕9号' },
  });
  const count = async (subjectId: string) => (await server.sql<{ n: number }>('select count(*)::int as n from credit_record where subject_id = ?', [subjectId]))[0].n;

  it('refuses a clerk, and a principal for an act before they took office, with BAD_USER_INPUT and nothing written; accepts the principal in office', async () => {
    const agencyId = await createAgency(server);
    const clerk = await createCivilServant(server, agencyId);
    const principal = await createCivilServant(server, agencyId, { post: '局长', rank: '一级调研员', leadingCadre: true, principal: true, principalSince: '2025-03-01' });

    const onClerk = await server.query(CREATE_RECORD, finding(clerk, '2025-03-15'));
    expect(onClerk.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'subjectId' });
    expect(onClerk.errors?.[0].message).toContain('只能登记在行为发生之日（occurredOn 2025-03-15）任机关主要负责人的公务员名下（现任或已卸任）；此人登记的任期：无');
    const before = await server.query(CREATE_RECORD, finding(principal, '2025-02-28'));
    expect(before.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'subjectId' });
    expect(before.errors?.[0].message).toContain("this person's recorded terms: 2025-03-01 – now");
    expect(await count(clerk)).toBe(0);
    expect(await count(principal)).toBe(0);

    await server.ok(CREATE_RECORD, finding(principal, '2025-03-01'));
    expect(await count(principal)).toBe(1);
  });

  it('names all four severities when one is missing', async () => {
    const servantId = await createCivilServant(server, await createAgency(server));
    const missing = await server.query(CREATE_RECORD, { input: { ...finding(servantId, '2025-03-15').input, category: 'ADMINISTRATIVE_VIOLATION', severity: null } });
    expect(missing.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'severity' });
    expect(missing.errors?.[0].message).toContain('MINOR (轻微), GENERAL (一般), MAJOR (较重) or SEVERE (严重)');
  });
});
