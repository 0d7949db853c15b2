import { createAgency, createCivilServant, createRecord, uscc } from '../support/factories';
import { startTestServer, type TestServer } from '../support/test-server';
import { graphql } from '../support/graphql';

/**
 * A verdict says what it rests on that no deciding body has decided yet, and what it read at today's
 * value: the shipped local choices are proposed (拟定，待有权机关确认), so a verdict whose deciding
 * rules read one is provisional (暂定); a verdict resting on a list membership alone is not. A verdict
 * about an earlier day names the facts the registry keeps no history of (an agency's kind …).
 */
const EVALUATE = graphql(`mutation ($type: SubjectType!, $id: ID!, $matter: String!, $asOf: DateTime) {
  evaluate(subject: { type: $type, id: $id }, matter: $matter, asOf: $asOf) {
    id
    outcome
    provisional
    provisionalOn
    reason { zh en }
    explanation {
      provisional
      provisionalOn
      provisionalNote { zh en }
      todaysValues { zh en }
      zh: summary(locale: "zh")
      en: summary(locale: "en")
    }
  }
}`);
const VERDICT = graphql(`query ($id: ID!) { verdict(id: $id) { provisional provisionalOn explanation { provisionalNote { zh en } en: summary(locale: "en") } } }`);
const ASSESS = graphql(`query ($id: ID!) { assess(subjects: [{ type: CIVIL_SERVANT, id: $id }], matter: "AWARD", asOf: "2025-06-01T12:00:00+08:00") { assessment { provisional provisionalOn } } }`);
const ENTERPRISE = graphql(`mutation ($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { id } }`);
const LIST = graphql(`mutation ($input: ListSubjectInput!) { listSubject(input: $input) { id } }`);
const day = (d: string) => `${d}T12:00:00+08:00`;

/**
 * What the award restriction rests on that is still proposed: three parameters, and the catalogue's
 * local choices listing cs-award-restrict (lawyer19 R7) — 三(六) applying it directly and citywide,
 * 三(七) records under objection, one-step lightening, and disclosure's end not ending counting.
 */
// lawyer21: R2 (三(六)#5), R5 (三(七)#6) and R1 (四(一)#2) reach the award restriction too.
const ON = ['countsFor', 'governmentDishonestyCategories', 'inOfficeCategories', 'localChoice:三(六)#2', 'localChoice:三(六)#5', 'localChoice:三(七)#1', 'localChoice:三(七)#3', 'localChoice:三(七)#5', 'localChoice:三(七)#6', 'localChoice:四(一)#2'];

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

async function evaluate(type: 'AGENCY' | 'CIVIL_SERVANT' | 'ENTERPRISE', id: string, matter: string, asOf = day('2025-06-01')) {
  return (await server.ok(EVALUATE, { type, id, matter, asOf })).evaluate;
}

describe('provisional verdicts (拟定参数)', () => {
  it('a restriction resting on a record counted for a proposed period is provisional, and says so in the explanation, the summary and when read back', async () => {
    const agencyId = await createAgency(server);
    const servantId = await createCivilServant(server, agencyId);
    await createRecord(server, 'CIVIL_SERVANT', servantId, { severity: 'GENERAL', occurredOn: '2025-02-01', recordedOn: '2025-02-20' });
    const verdict = await evaluate('CIVIL_SERVANT', servantId, 'AWARD');
    expect(verdict.outcome).toBe('RESTRICTED');
    expect(verdict).toMatchObject({ provisional: true, provisionalOn: ON });
    expect(verdict.explanation).toMatchObject({ provisional: true, provisionalOn: ON });
    expect(verdict.explanation.provisionalNote!.zh).toContain('暂定结论');
    expect(verdict.explanation.provisionalNote!.en).toContain('Provisional');
    expect(verdict.explanation.zh).toContain('暂定结论：所依规则依据的参数 countsFor');
    expect(verdict.explanation.en).toContain('Provisional: the rules this outcome rests on read countsFor');
    expect(verdict.explanation.provisionalNote!.zh).toContain('所依规则依据的本地选择 localChoice:三(六)#2、localChoice:三(六)#5、localChoice:三(七)#1、localChoice:三(七)#3、localChoice:三(七)#5、localChoice:三(七)#6、localChoice:四(一)#2');
    expect(verdict.explanation.provisionalNote!.en).toContain('they rest on the local choices localChoice:三(六)#2, localChoice:三(六)#5, localChoice:三(七)#1, localChoice:三(七)#3, localChoice:三(七)#5, localChoice:三(七)#6, localChoice:四(一)#2');

    const stored = (await server.ok(VERDICT, { id: verdict.id })).verdict!;
    expect(stored).toMatchObject({ provisional: true, provisionalOn: ON });
    const [row] = await server.sql<{ provisional_on: string[] }>('select provisional_on from verdict where id = ?', [verdict.id]);
    expect(row.provisional_on).toEqual(ON);

    const assessed = (await server.ok(ASSESS, { id: servantId })).assess[0].assessment!;
    expect(assessed).toEqual({ provisional: true, provisionalOn: ON });
  });

  it('a restriction resting only on a list membership is not provisional', async () => {
    const enterpriseId = (await server.ok(ENTERPRISE, { input: { uscc: uscc('91'), name: '鄂州市名单测试有限公司' } })).createEnterprise.id;
    await server.ok(LIST, { input: { subjectType: 'ENTERPRISE', subjectId: enterpriseId, list: 'JUDGMENT_DEFAULTER', listedOn: '2025-01-10', listedBy: '湖北省鄂州市中级人民法院', documentNumber: '(2024)鄂07执91号' } });
    const verdict = await evaluate('ENTERPRISE', enterpriseId, 'PROCUREMENT');
    expect(verdict.outcome).toBe('RESTRICTED');
    expect(verdict).toMatchObject({ provisional: false, provisionalOn: [] });
    expect(verdict.explanation.provisionalNote).toBeNull();
    expect(verdict.explanation.zh).not.toContain('暂定');
  });

  it('a graded enterprise free to bid is provisional on its proposed grade points, and its reason says what decides taking part and that other provisions apply', async () => {
    const enterpriseId = (await server.ok(ENTERPRISE, { input: { uscc: uscc('91'), name: '鄂州市评级测试有限公司', creditGrade: 'B', gradedOn: '2024-01-01' } })).createEnterprise.id;
    for (const matter of ['BIDDING', 'PROCUREMENT']) {
      const verdict = await evaluate('ENTERPRISE', enterpriseId, matter);
      expect(verdict.outcome).toBe('ELIGIBLE');
      // An ELIGIBLE outcome rests on every rule of the matter not firing that could have: the ended-listing record (四(一)#2,
      // lawyer21 R1) and the record-without-listing cautions (#3, lawyer21 R6), which rest on the record periods too. Not the
      // revoked-record cautions (#1, lawyer20 R1): they need a listing, and an enterprise on no list could not have met them.
      // The record periods' choice (三(七)#5) and the reading of which list is the serious one (四(一)#4) reach them too (lawyer24 R8, R4).
      expect(verdict.provisionalOn).toEqual(['countsFor', 'gradePoints.B', 'localChoice:三(七)#5', 'localChoice:四(一)#2', 'localChoice:四(一)#3', 'localChoice:四(一)#4']);
      expect(verdict.reason.zh).toContain('参与资格另由四(一)名单限制规则（en-bar-defaulters、en-bar-serious-illegal）决定');
      expect(verdict.reason.en).toContain('other provisions (such as art. 22 of the Government Procurement Law) apply separately');
    }
  });

  it('an ELIGIBLE promotion is provisional on a cadre\'s reading for a leading cadre only: a rule that could not have fired for the subject grounds nothing', async () => {
    const agencyId = await createAgency(server);
    const clerk = await createCivilServant(server, agencyId);
    const cadre = await createCivilServant(server, agencyId, { name: '欧阳明', post: '局长', rank: '正处级', leadingCadre: true });
    const ofClerk = await evaluate('CIVIL_SERVANT', clerk, 'PROMOTION');
    const ofCadre = await evaluate('CIVIL_SERVANT', cadre, 'PROMOTION');
    expect([ofClerk.outcome, ofCadre.outcome]).toEqual(['ELIGIBLE', 'ELIGIBLE']);
    // 四(四)#2 reads cs-cadre-breached-commitment only, which needs a leading cadre: the clerk's promotion does not rest on it.
    expect(ofClerk.provisionalOn).not.toContain('localChoice:四(四)#2');
    expect(ofClerk.explanation.provisionalNote!.zh).not.toContain('localChoice:四(四)#2');
    // The cadre's does: with a 四(四) entry the rule would fire, so its not firing is what decided.
    expect(ofCadre.provisionalOn).toContain('localChoice:四(四)#2');
    // Rules both could have met keep their choices for both (三(七)#4 lists the principal and commitment-finding cautions too).
    for (const verdict of [ofClerk, ofCadre]) expect(verdict.provisionalOn).toEqual(expect.arrayContaining(['countsFor', 'localChoice:三(六)#2', 'localChoice:三(七)#4']));
  });

  it('a verdict stored before provisional verdicts were kept is read back as provisional from its own rule-set version', async () => {
    const agencyId = await createAgency(server);
    const servantId = await createCivilServant(server, agencyId);
    await createRecord(server, 'CIVIL_SERVANT', servantId, { severity: 'GENERAL', occurredOn: '2025-02-01', recordedOn: '2025-02-20' });
    const verdict = await evaluate('CIVIL_SERVANT', servantId, 'AWARD');
    // An older row: the same verdict without the stored list (verdicts are immutable, so a copy).
    const [older] = await server.sql<{ id: string }>(
      `insert into verdict (id, subject_type, subject_id, matter, as_of, day, evaluated_at, outcome, score, rule_set_version, parameters_file, facts, rules)
       select gen_random_uuid(), subject_type, subject_id, matter, as_of, day, evaluated_at, outcome, score, rule_set_version, parameters_file, facts, rules from verdict where id = ? returning id`,
      [verdict.id],
    );
    const read = (await server.ok(VERDICT, { id: older.id })).verdict!;
    expect(read).toMatchObject({ provisional: true, provisionalOn: ON });
    expect(read.explanation.en).toContain('Provisional: the rules this outcome rests on read countsFor');
  });
});

describe("facts without history (today's values)", () => {
  it("a past-day verdict about an agency names its kind as the evaluation day's value; a verdict about today does not", async () => {
    const agencyId = await createAgency(server);
    await createRecord(server, 'AGENCY', agencyId, { severity: 'GENERAL', loss: 1000, occurredOn: '2025-02-01', recordedOn: '2025-02-20' });
    const past = await evaluate('AGENCY', agencyId, 'HONOUR');
    expect(past.outcome).toBe('CAUTION');
    expect(past.explanation.todaysValues!.zh).toContain('机构类别（kind）没有历史记录，所用的是评估日的登记值');
    expect(past.explanation.todaysValues!.en).toContain('the agency kind (kind) has no history here');
    expect(past.explanation.zh).toContain('截至日 2025-06-01 早于评估日');
    expect(past.explanation.en).toContain('The as-of day 2025-06-01 is before the day of evaluation');

    const today = await evaluate('AGENCY', agencyId, 'HONOUR', new Date().toISOString());
    expect(today.explanation.todaysValues).toBeNull();
  });
});
