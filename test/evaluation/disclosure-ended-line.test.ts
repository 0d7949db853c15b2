import { createAgency, createCivilServant, createRecord } from '../support/factories';
import { serverPerFile } from '../support/server-per-file';
import { graphql } from '../support/graphql';

/**
 * lawyer28 R2, through the real server: a restriction resting on a record whose public disclosure
 * has ended says so, and that the catalogue's 三(七) choice “公示期届满不终止计入” holds it unsigned
 * until the lead units confirm; the facts carry disclosureEndsOn and disclosureEnded.
 */
const EVALUATE = graphql(`mutation ($type: SubjectType!, $id: ID!, $matter: String!, $asOf: DateTime) {
  evaluate(subject: { type: $type, id: $id }, matter: $matter, asOf: $asOf) {
    outcome provisionalOn
    explanation { zh: summary(locale: "zh") en: summary(locale: "en") rules { ruleId fired evidence } }
  }
}`);

const server = serverPerFile();
const evaluate = async (type: 'AGENCY' | 'CIVIL_SERVANT', id: string, matter: string, day: string) =>
  (await server.ok(EVALUATE, { type, id, matter, asOf: `${day}T12:00:00+08:00` }, { role: 'CLERK' })).evaluate;

describe('a restriction resting on a record past its public disclosure', () => {
  it('says the disclosure ended and that it should not be signed before 三(七)\'s lead units confirm; before the end it says nothing of it', async () => {
    const servantId = await createCivilServant(server, await createAgency(server), { name: '公示测试' });
    await createRecord(server, 'CIVIL_SERVANT', servantId, { category: 'ADMINISTRATIVE_VIOLATION', severity: 'MAJOR', inOffice: true, occurredOn: '2026-05-20', decidedOn: '2026-06-01', recordedOn: '2026-06-02', disclosureEndsOn: '2026-07-01', documentNumber: '鄂州罚〔2026〕7号' });

    const after = await evaluate('CIVIL_SERVANT', servantId, 'AWARD', '2026-08-01');
    expect(after.outcome).toBe('RESTRICTED');
    const restrict = after.explanation.rules.find((r) => r.ruleId === 'cs-award-restrict')!;
    expect(restrict.evidence).toEqual([expect.objectContaining({ disclosureEndsOn: '2026-07-01', disclosureEnded: true })]);
    expect(after.explanation.zh).toContain('记录 鄂州罚〔2026〕7号 的公示期已于 2026-07-01 届满，本结论仍据以计入；依授权清单三(七)本地选择“公示期届满不终止计入”（拟定），在三(七)牵头单位（市发展改革委、人行鄂州中心支行）确认之前，本结论不应签发。');
    expect(after.explanation.en).toContain('The public disclosure of record 鄂州罚〔2026〕7号 ended on 2026-07-01, and this outcome still counts it');
    expect(after.explanation.en).toContain('should not be signed before 三(七)\'s lead units (市发展改革委、人行鄂州中心支行) confirm that choice');
    expect(after.provisionalOn).toContain('localChoice:三(七)#5');

    // The last day of disclosure is still disclosed: no line.
    const onLastDay = await evaluate('CIVIL_SERVANT', servantId, 'AWARD', '2026-07-01');
    expect(onLastDay.outcome).toBe('RESTRICTED');
    expect(onLastDay.explanation.rules.find((r) => r.ruleId === 'cs-award-restrict')!.evidence).toEqual([expect.objectContaining({ disclosureEnded: false })]);
    expect(onLastDay.explanation.zh).not.toContain('的公示期已于');
    expect(onLastDay.explanation.en).not.toContain('ended on 2026-07-01');
  });

  it('a caution resting on such a record gets no such line (the choice speaks of restrictions and disqualifications)', async () => {
    const agencyId = await createAgency(server, { name: '鄂州市公示届满提示局' });
    await createRecord(server, 'AGENCY', agencyId, { severity: 'GENERAL', loss: null, occurredOn: '2025-05-20', decidedOn: '2025-06-01', recordedOn: '2025-06-02', disclosureEndsOn: '2025-07-01' });
    const verdict = await evaluate('AGENCY', agencyId, 'HONOUR', '2025-08-01');
    expect(verdict.outcome).toBe('CAUTION');
    expect(verdict.explanation.zh).not.toContain('的公示期已于');
  });
});
