import { createAgency, createCivilServant, createRecord, findAbsence } from '../support/factories';
import { serverPerFile } from '../support/server-per-file';
import { evaluator } from '../support/evaluate';
import { graphql } from '../support/graphql';

/**
 * The facts side of a lawyer's RISKY findings, through the real server: no retroactivity before the
 * in-force day; 三(六) counts government dishonesty only; an estimated decision day does not lengthen
 * a period; a waived record still withholds the trustworthy incentive; grave severities and the
 * trustworthy period come from the parameters; a court absence counts by its hearing day.
 */
const EVALUATE = graphql(`mutation ($type: SubjectType!, $id: ID!, $matter: String!, $asOf: DateTime) {
  evaluate(subject: { type: $type, id: $id }, matter: $matter, asOf: $asOf) {
    outcome
    measures { ruleId effect }
    explanation {
      parameters { name value source { text } }
      zh: summary(locale: "zh")
      en: summary(locale: "en")
    }
  }
}`);
const CASE = graphql(`mutation ($input: CreateCourtCaseInput!) { createCourtCase(input: $input) { id filedOn hearingOn } }`);

const server = serverPerFile();
const evaluate = evaluator(server, EVALUATE);

async function servant() {
  return createCivilServant(server, await createAgency(server));
}

async function waive(recordId: string, decidedOn: string) {
  const requested = await server.ok(graphql(`mutation ($input: RequestCreditRepairInput!) { requestCreditRepair(input: $input) { id } }`), {
    input: { recordId, actions: ['RECOVERED_LOSS'], description: '已主动挽回全部损失', appliedOn: decidedOn },
  });
  await server.ok(graphql(`mutation ($input: DecideCreditRepairInput!) { decideCreditRepair(input: $input) { status } }`), {
    input: { repairId: requested.requestCreditRepair.id, decision: 'APPROVED', decidedOn, relief: 'WAIVE' },
  });
}

describe('不溯及既往: an act before 2018-12-26 grounds no measure under the document', () => {
  it('a record of an act of 2018-11-20, decided in 2019, does not restrict awards; the facts list it as not counted and the summary says why (zh, en)', async () => {
    const id = await servant();
    const recordId = await createRecord(server, 'CIVIL_SERVANT', id, { severity: 'GENERAL', occurredOn: '2018-11-20', decidedOn: '2019-01-10', recordedOn: '2019-01-15', documentNumber: '鄂州信〔2019〕3号' });
    const verdict = await evaluate('CIVIL_SERVANT', id, 'AWARD', '2019-06-01');
    expect(verdict.outcome).toBe('ELIGIBLE');
    expect(verdict.explanation.zh).toContain('记录 鄂州信〔2019〕3号 所涉行为发生于 2018-11-20，早于文件施行之日 2018-12-26：不溯及既往，不据以采取任何措施，记录仍予保留。');
    expect(verdict.explanation.en).toContain('Record 鄂州信〔2019〕3号: the act occurred on 2018-11-20, before the document took effect on 2018-12-26; no retroactivity');
    expect(verdict.explanation.parameters).toContainEqual(expect.objectContaining({ name: 'inForceFrom', value: '2018-12-26', source: { text: expect.stringContaining('鄂州政发〔2018〕17号 发布日期') } }));

    const FACTS = graphql(`query ($id: ID!) { civilServant(id: $id) { credit(asOf: "2019-06-01T12:00:00+08:00", actsFrom: "2018-12-26") { dishonest unrepaired notCounted { id reason } } } }`);
    expect((await server.ok(FACTS, { id })).civilServant!.credit).toEqual({ dishonest: 0, unrepaired: 0, notCounted: [{ id: recordId, reason: 'ACT_BEFORE_IN_FORCE' }] });
    // The record stays on file.
    const READ = graphql(`query ($id: ID!) { creditRecord(id: $id) { status occurredOn } }`);
    expect((await server.ok(READ, { id: recordId })).creditRecord).toEqual({ status: 'ACTIVE', occurredOn: '2018-11-20' });
  });

  it('an act on the in-force day itself restricts awards', async () => {
    const id = await servant();
    await createRecord(server, 'CIVIL_SERVANT', id, { severity: 'GENERAL', occurredOn: '2018-12-26', decidedOn: '2019-01-10', recordedOn: '2019-01-15' });
    expect((await evaluate('CIVIL_SERVANT', id, 'AWARD', '2019-06-01')).outcome).toBe('RESTRICTED');
  });
});

describe('三(六) speaks of 政务失信记录: a personal judgment-defaulter record does not restrict awards', () => {
  it('restricts no award, but the cautions of 三(四) (every personal credit record) weigh it in awards and promotion alike (R1)', async () => {
    const id = await servant();
    await createRecord(server, 'CIVIL_SERVANT', id, { category: 'JUDGMENT_DEFAULTER', severity: 'GENERAL', occurredOn: '2025-01-05', decidedOn: '2025-01-10', recordedOn: '2025-01-12', documentNumber: '(2025)鄂0702执9号' });
    const award = await evaluate('CIVIL_SERVANT', id, 'AWARD', '2025-06-01');
    expect(award.outcome).toBe('CAUTION');
    expect(award.measures.map((m) => m.ruleId)).toEqual(['cs-award-caution']);
    const promotion = await evaluate('CIVIL_SERVANT', id, 'PROMOTION', '2025-06-01');
    expect(promotion.outcome).toBe('CAUTION');
    expect(promotion.measures.map((m) => m.ruleId)).toContain('cs-promotion-caution');
  });

  it('an administrative violation in office restricts awards', async () => {
    const id = await servant();
    await createRecord(server, 'CIVIL_SERVANT', id, { category: 'ADMINISTRATIVE_VIOLATION', severity: 'GENERAL', occurredOn: '2025-01-05', decidedOn: '2025-01-10', recordedOn: '2025-01-12' });
    expect((await evaluate('CIVIL_SERVANT', id, 'AWARD', '2025-06-01')).outcome).toBe('RESTRICTED');
  });
});

describe('认定之日 unregistered: the estimate does not lengthen the period', () => {
  it('a general record of an act of 2024-01-10 recorded on 2024-06-01 restricts through 2025-01-09 (the day before the act\'s anniversary) and not from 2025-01-10; the summary says how it was counted', async () => {
    const id = await servant();
    await createRecord(server, 'CIVIL_SERVANT', id, { category: 'ADMINISTRATIVE_VIOLATION', severity: 'GENERAL', occurredOn: '2024-01-10', recordedOn: '2024-06-01', documentNumber: '鄂州司〔2024〕5号' });
    expect((await evaluate('CIVIL_SERVANT', id, 'AWARD', '2024-05-31')).outcome).toBe('ELIGIBLE');
    const last = await evaluate('CIVIL_SERVANT', id, 'AWARD', '2025-01-09');
    expect(last.outcome).toBe('RESTRICTED');
    expect(last.explanation.zh).toContain('记录 鄂州司〔2024〕5号 的认定之日未登记，以登记之日 2024-06-01 估计：自该日起计入，但计入期间自行为发生之日 2024-01-10 起算，不因估计日期而延长');
    expect(last.explanation.en).toContain('its period runs from the act day, 2024-01-10, so the estimate does not lengthen it');
    expect((await evaluate('CIVIL_SERVANT', id, 'AWARD', '2025-01-10')).outcome).toBe('ELIGIBLE');
  });
});

describe('三(七) waives the punishment, not the record: the trustworthy incentive', () => {
  it('a commended civil servant whose record a repair waived is not restricted, and earns no incentive while the record counts', async () => {
    const id = await servant();
    await createRecord(server, 'CIVIL_SERVANT', id, { kind: 'TRUSTWORTHY', category: 'COMMENDATION', severity: null, occurredOn: '2025-02-01', decidedOn: '2025-02-01', recordedOn: '2025-02-02', loss: null });
    const recordId = await createRecord(server, 'CIVIL_SERVANT', id, { category: 'ADMINISTRATIVE_VIOLATION', severity: 'GENERAL', occurredOn: '2025-01-05', decidedOn: '2025-01-10', recordedOn: '2025-01-12' });
    await waive(recordId, '2025-03-01');
    const waived = await evaluate('CIVIL_SERVANT', id, 'AWARD', '2025-06-01');
    expect(waived.outcome).toBe('ELIGIBLE');
    expect(waived.measures).toEqual([]);
    // After the general record's year, it no longer counts: the incentive applies.
    const later = await evaluate('CIVIL_SERVANT', id, 'AWARD', '2026-01-11');
    expect(later.measures.map((m) => m.ruleId)).toEqual(['cs-trustworthy-incentive']);
  });

  it('a trustworthy record counts three years from its decision (trustworthyCountsFor), not for ever', async () => {
    const id = await servant();
    await createRecord(server, 'CIVIL_SERVANT', id, { kind: 'TRUSTWORTHY', category: 'COMMENDATION', severity: null, occurredOn: '2021-03-01', decidedOn: '2021-03-01', recordedOn: '2021-03-02', loss: null });
    // Three years from 2021-03-01 end on 2024-02-29, the day before the anniversary (lawyer20 N1).
    expect((await evaluate('CIVIL_SERVANT', id, 'AWARD', '2024-02-29')).measures.map((m) => m.ruleId)).toEqual(['cs-trustworthy-incentive']);
    const after = await evaluate('CIVIL_SERVANT', id, 'AWARD', '2024-03-01');
    expect(after.measures).toEqual([]);
    expect(after.explanation.parameters).toContainEqual(expect.objectContaining({ name: 'trustworthyCountsFor', value: 'P3Y' }));
  });
});

describe('grave severities are a parameter', () => {
  it('a department with one major record is disqualified from honour selection, the parameter and its source shown; without graveSeverities the count is null', async () => {
    const agencyId = await createAgency(server, { kind: 'DEPARTMENT' });
    await createRecord(server, 'AGENCY', agencyId, { severity: 'MAJOR', occurredOn: '2025-01-05', decidedOn: '2025-01-10', recordedOn: '2025-01-12', loss: 1000 });
    const verdict = await evaluate('AGENCY', agencyId, 'HONOUR', '2025-06-01');
    expect(verdict.outcome).toBe('DISQUALIFIED');
    expect(verdict.explanation.parameters).toContainEqual(expect.objectContaining({ name: 'graveSeverities', value: ['MAJOR', 'SEVERE'], source: { text: expect.stringContaining('三(六)') } }));
    const FACTS = graphql(`query ($id: ID!) { agency(id: $id) {
      named: credit(asOf: "2025-06-01T12:00:00+08:00", graveSeverities: [SEVERE]) { unrepairedGraveUndisputed }
      unnamed: credit(asOf: "2025-06-01T12:00:00+08:00") { unrepairedGraveUndisputed }
    } }`);
    expect((await server.ok(FACTS, { id: agencyId })).agency).toEqual({ named: { unrepairedGraveUndisputed: 0 }, unnamed: { unrepairedGraveUndisputed: null } });
  });
});

describe('三(八) 出庭应诉: an absence counts by the hearing day', () => {
  const input = (agencyId: string, caseNumber: string, hearingOn?: string) => ({
    agencyId, caseNumber, court: '鄂州市中级人民法院', kind: 'ADMINISTRATIVE' as const, filedOn: '2022-01-10', headAppeared: false, ...(hearingOn ? { hearingOn } : {}),
  });

  it('a case filed 2022-01-10 and heard 2024-03-01 counts within the two-year look-back on 2025-06-01; not before its hearing; by its filing day when no hearing day is recorded', async () => {
    const heard = await createAgency(server);
    const created = await server.ok(CASE, { input: input(heard, '(2022)鄂07行初11号', '2024-03-01') });
    expect(created.createCourtCase).toMatchObject({ filedOn: '2022-01-10', hearingOn: '2024-03-01' });
    await findAbsence(server, created.createCourtCase.id, '2024-03-01');
    expect((await evaluate('AGENCY', heard, 'SPECIAL_GOVERNANCE', '2025-06-01')).outcome).toBe('CAUTION');
    expect((await evaluate('AGENCY', heard, 'SPECIAL_GOVERNANCE', '2024-02-29')).outcome).toBe('ELIGIBLE');

    const unrecorded = await createAgency(server);
    const caseId = (await server.ok(CASE, { input: input(unrecorded, '(2022)鄂07行初12号') })).createCourtCase.id;
    await findAbsence(server, caseId, '2024-04-01');
    expect((await evaluate('AGENCY', unrecorded, 'SPECIAL_GOVERNANCE', '2025-06-01')).outcome).toBe('ELIGIBLE');
    const FACTS = graphql(`query ($id: ID!) { agency(id: $id) { courtFacts(asOf: "2025-06-01T12:00:00+08:00", within: "P2Y") { headAbsences cases { hearingOn appearanceCountedOn } } } }`);
    expect((await server.ok(FACTS, { id: unrecorded })).agency!.courtFacts).toEqual({ headAbsences: 0, cases: [{ hearingOn: null, appearanceCountedOn: '2022-01-10' }] });

    // Recording the hearing day later is a change the verdict follows.
    await server.ok(graphql(`mutation ($id: ID!) { updateCourtCase(id: $id, input: { hearingOn: "2024-03-01" }) { hearingOn } }`), { id: caseId });
    expect((await evaluate('AGENCY', unrecorded, 'SPECIAL_GOVERNANCE', '2025-06-01')).outcome).toBe('CAUTION');
  });

  it('refuses a hearing day before the filing day (BAD_USER_INPUT on hearingOn), storing nothing', async () => {
    const agencyId = await createAgency(server);
    const refused = await server.query(CASE, { input: input(agencyId, '(2022)鄂07行初13号', '2021-12-31') });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'hearingOn' });
    expect(await server.sql('select count(*)::int as n from court_case where agency_id = ?', [agencyId])).toEqual([{ n: 0 }]);
  });
});
