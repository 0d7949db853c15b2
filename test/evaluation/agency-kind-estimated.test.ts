import { randomUUID } from 'node:crypto';
import { createRecord, uscc } from '../support/factories';
import { evaluator } from '../support/evaluate';
import { graphql } from '../support/graphql';
import { serverAfterMigrations } from '../support/server-after-migrations';

/**
 * 三(六) (lawyer10 W2): the honour disqualification speaks of 相关政府部门 only. Agencies registered
 * before kinds existed had theirs guessed (Migration20261130110000ClauseScopes: every city or district
 * body not named …人民政府 became a DEPARTMENT, 市委组织部 and 人行鄂州中心支行 alike). Such a kind is
 * marked estimated; nobody is disqualified on it until an officer confirms it, and OTHER says "not a
 * government department". The database lives through the releases: rows written before the kinds,
 * one registered after them, then the server's start-up applies Migration20261205700000AgencyKindEstimated.
 */
const ids = { bureau: randomUUID(), partyOrgan: randomUUID(), government: randomUUID(), later: randomUUID() };

const server = serverAfterMigrations(async ({ migrateTo, sql }) => {
  await migrateTo('Migration20261130100000UnreviewedFindings');
  await sql(
    `insert into agency (id, uscc, name, level) values (?, ?, '鄂州市测试局', 'CITY'), (?, ?, '中共鄂州市委组织部', 'CITY'), (?, ?, '鄂州市鄂城区人民政府', 'DISTRICT')`,
    [ids.bureau, uscc(), ids.partyOrgan, uscc(), ids.government, uscc()],
  );
  await migrateTo('Migration20261205600000InOffice');
  // Registered after kinds existed, its kind stated.
  await sql(`insert into agency (id, uscc, name, level, kind) values (?, ?, '鄂州市后设局', 'CITY', 'DEPARTMENT')`, [ids.later, uscc()]);
});

const EVALUATE = graphql(`mutation ($type: SubjectType!, $id: ID!, $matter: String!, $asOf: DateTime) {
  evaluate(subject: { type: $type, id: $id }, matter: $matter, asOf: $asOf) {
    outcome
    reason { zh en }
    measures { ruleId effect }
    explanation { rules { ruleId fired text { zh en } } }
  }
}`);
const evaluate = evaluator(server, EVALUATE);
const CONFIRM = graphql(`mutation ($id: ID!, $kind: AgencyKind!) { confirmAgencyKind(id: $id, kind: $kind) { kind kindEstimated } }`);
const TO_REVIEW = graphql(`query { agencies(first: 50, filter: { kindEstimated: true }) { edges { node { name kind kindEstimated } } } }`);
const OFFICER = { role: 'OFFICER', sub: 'officer.kinds' } as const;

const major = (id: string) => createRecord(server, 'AGENCY', id, { severity: 'MAJOR', occurredOn: '2025-02-01', recordedOn: '2025-02-20' });

describe('an agency kind guessed when kinds were introduced', () => {
  it('is marked estimated for every agency that existed then, not for one registered since; the estimated ones are listed for review', async () => {
    const listed = (await server.ok(TO_REVIEW)).agencies.edges.map((e) => e.node);
    expect(listed).toEqual([
      { name: '中共鄂州市委组织部', kind: 'DEPARTMENT', kindEstimated: true },
      { name: '鄂州市测试局', kind: 'DEPARTMENT', kindEstimated: true },
      { name: '鄂州市鄂城区人民政府', kind: 'PEOPLES_GOVERNMENT', kindEstimated: true },
    ]);
    const later = await server.ok(graphql(`query ($id: ID!) { agency(id: $id) { kind kindEstimated } }`), { id: ids.later });
    expect(later.agency).toEqual({ kind: 'DEPARTMENT', kindEstimated: false });
  });

  it('an estimated department with a major record is cautioned, not disqualified, and the text says its kind awaits an officer; confirmed a department, it is disqualified', async () => {
    await major(ids.bureau);
    const estimated = await evaluate('AGENCY', ids.bureau, 'HONOUR');
    expect(estimated.outcome).toBe('CAUTION');
    expect(estimated.measures).toEqual([{ ruleId: 'ag-honour-kind-estimated', effect: 'CAUTION' }]);
    const text = estimated.explanation.rules.find((r) => r.ruleId === 'ag-honour-kind-estimated')!.text!;
    expect(text.zh).toContain('「鄂州市测试局」的机构类别“政府部门”是引入机构类别时按名称推定的，尚待工作人员确认');
    expect(text.zh).toContain('类别确认前不据推定取消荣誉评选资格');
    expect(text.en).toContain('was estimated from its name when agency kinds were introduced and awaits confirmation by an officer');
    expect(text.en).not.toContain('is a government department');

    // A clerk may not confirm; the refusal changes nothing.
    const refused = await server.query(CONFIRM, { id: ids.bureau, kind: 'DEPARTMENT' }, { role: 'CLERK', sub: 'clerk.kinds' });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await server.sql(`select kind, kind_estimated from agency where id = ?`, [ids.bureau])).toEqual([{ kind: 'DEPARTMENT', kind_estimated: true }]);

    const confirmed = await server.ok(CONFIRM, { id: ids.bureau, kind: 'DEPARTMENT' }, OFFICER);
    expect(confirmed.confirmAgencyKind).toEqual({ kind: 'DEPARTMENT', kindEstimated: false });
    const verdict = await evaluate('AGENCY', ids.bureau, 'HONOUR');
    expect(verdict.outcome).toBe('DISQUALIFIED');
    expect(verdict.measures.map((m) => m.ruleId)).toContain('ag-honour-disqualify');
    expect(await server.sql(`select action, outcome from audit_event where subject_id = ? and actor = ?`, [ids.bureau, OFFICER.sub])).toEqual([
      { action: 'CONFIRM_AGENCY_KIND', outcome: 'kind DEPARTMENT (estimated) → DEPARTMENT (confirmed)' },
    ]);
  });

  it('a party organ taken for a department and confirmed OTHER is outside the honour rules: eligible, the reason says it is not a government department', async () => {
    await major(ids.partyOrgan);
    expect((await evaluate('AGENCY', ids.partyOrgan, 'HONOUR')).outcome).toBe('CAUTION');
    const confirmed = await server.ok(CONFIRM, { id: ids.partyOrgan, kind: 'OTHER' }, OFFICER);
    expect(confirmed.confirmAgencyKind).toEqual({ kind: 'OTHER', kindEstimated: false });
    const verdict = await evaluate('AGENCY', ids.partyOrgan, 'HONOUR');
    expect(verdict.outcome).toBe('ELIGIBLE');
    expect(verdict.measures).toEqual([]);
    expect(verdict.reason.zh).toContain('本机构不是政府部门');
    expect(verdict.reason.en).toContain('This body is not a government department');
    expect(await server.sql(`select outcome from audit_event where subject_id = ? and action = 'CONFIRM_AGENCY_KIND'`, [ids.partyOrgan])).toEqual([
      { outcome: 'kind DEPARTMENT (estimated) → OTHER (confirmed)' },
    ]);
    expect((await server.ok(TO_REVIEW)).agencies.edges.map((e) => e.node.name)).toEqual(['鄂州市鄂城区人民政府']);
  });

  it('a new agency may be registered as OTHER, and confirming an unknown agency is NOT_FOUND', async () => {
    const created = await server.ok(graphql(`mutation ($u: String!) { createAgency(input: { uscc: $u, name: "鄂州市中级人民法院", level: CITY, kind: OTHER }) { kind kindEstimated } }`), { u: uscc() });
    expect(created.createAgency).toEqual({ kind: 'OTHER', kindEstimated: false });
    const missing = await server.query(CONFIRM, { id: randomUUID(), kind: 'OTHER' }, OFFICER);
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('三(八): an estimated people\'s government on the court\'s list is flagged, not recommended, the text saying its kind awaits confirmation; confirmed, it is recommended (lawyer20 R3)', async () => {
    const LIST = graphql(`mutation ($input: ListSubjectInput!) { listSubject(input: $input) { id } }`);
    await server.ok(LIST, { input: { subjectType: 'AGENCY', subjectId: ids.government, list: 'JUDGMENT_DEFAULTER', listedOn: '2025-01-10', listedBy: '湖北省鄂州市中级人民法院', documentNumber: '(2024)鄂07执92号' } });
    const estimated = await evaluate('AGENCY', ids.government, 'SPECIAL_GOVERNANCE');
    expect(estimated.measures).toEqual([{ ruleId: 'ag-special-governance-kind-estimated', effect: 'CAUTION' }]);
    const text = estimated.explanation.rules.find((r) => r.ruleId === 'ag-special-governance-kind-estimated')!.text!;
    expect(text.zh).toContain('尚待工作人员确认（confirmAgencyKind）');
    expect(text.zh).toContain('类别确认前不据推定建议，仅提示三(八)牵头单位（市发展改革委、市中级法院）关注');
    expect(text.en).toContain('until its kind is confirmed it is not recommended on an estimate');
    await server.ok(CONFIRM, { id: ids.government, kind: 'PEOPLES_GOVERNMENT' }, OFFICER);
    const confirmed = await evaluate('AGENCY', ids.government, 'SPECIAL_GOVERNANCE');
    expect(confirmed.measures).toEqual([{ ruleId: 'ag-special-governance', effect: 'SUPERVISE' }]);
  });
});
