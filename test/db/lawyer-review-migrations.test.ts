import { randomUUID } from 'node:crypto';
import { idCardNumber, uscc } from '../support/factories';
import { serverAfterMigrations } from '../support/server-after-migrations';
import { graphql, type VariablesOf } from '../support/graphql';

/**
 * A database that lived through the releases: rows written before Migration20261129020000ListsAndPeriods
 * (which set every breach's finding to DERELICTION, guessed case kinds from case numbers and filled
 * decision days from recorded days), rows written between it and today's release (when a case without
 * a kind silently became ADMINISTRATIVE), then the server's own start-up applies the new migrations.
 * What an officer sees through the API afterwards is what is asserted.
 */
const ids = {
  agency: randomUUID(),
  government: randomUUID(),
  street: randomUUID(),
  cadre: randomUUID(),
  oldBreach: randomUUID(),
  oldFulfilled: randomUUID(),
  newBreach: randomUUID(),
  oldAdministrative: randomUUID(),
  oldCivil: randomUUID(),
  oldEnforcement: randomUUID(),
  oldEnforcementWithXing: randomUUID(),
  newDefaulted: randomUUID(),
  newAdministrative: randomUUID(),
  newCivil: randomUUID(),
  oldRecord: randomUUID(),
  newRecord: randomUUID(),
};

const day = (d: string) => `${d}T12:00:00+08:00`;

const server = serverAfterMigrations(async ({ migrateTo, sql }) => {
  await migrateTo('Migration20261129010000NoTruncate');
  // Written before ListsAndPeriods: what it then rewrote.
  await sql(`insert into agency (id, uscc, name, level) values (?, ?, '鄂州市测试局', 'CITY'), (?, ?, '鄂州市鄂城区人民政府', 'DISTRICT'), (?, ?, '鄂城区测试街道办事处', 'STREET')`, [ids.agency, uscc(), ids.government, uscc(), ids.street, uscc()]);
  await sql(`insert into civil_servant (id, id_card_number, name, agency_id, post, rank, leading_cadre) values (?, ?, '李测试', ?, '局长', '一级调研员', true)`, [ids.cadre, idCardNumber(), ids.agency]);
  await sql(
    `insert into commitment (id, agency_id, responsible_person_id, kind, content, published_on, due_on, status, settled_on) values
     (?, ?, ?, 'DEADLINE', '老旧小区改造按期完工', '2025-01-01', '2025-03-01', 'BREACHED', '2025-03-10'),
     (?, ?, null, 'SERVICE_QUALITY', '窗口服务达标', '2025-01-01', '2025-03-01', 'FULFILLED', '2025-03-02')`,
    [ids.oldBreach, ids.agency, ids.cadre, ids.oldFulfilled, ids.agency],
  );
  await sql(
    `insert into court_case (id, agency_id, case_number, court, filed_on, head_appeared) values
     (?, ?, '(2025)鄂0702行初15号', '鄂城区人民法院', '2025-02-01', false),
     (?, ?, '(2025)鄂0702民初3号', '鄂城区人民法院', '2025-02-01', false),
     (?, ?, '(2025)鄂07执100号', '鄂州市中级人民法院', '2025-02-01', false),
     (?, ?, '(2014)鄂执行字第5号', '鄂州市中级人民法院', '2025-02-01', false)`,
    [ids.oldAdministrative, ids.agency, ids.oldCivil, ids.agency, ids.oldEnforcement, ids.agency, ids.oldEnforcementWithXing, ids.agency],
  );
  await sql(
    `insert into credit_record (id, subject_type, subject_id, kind, category, severity, summary, occurred_on, recorded_on, source_department, document_number) values
     (?, 'CIVIL_SERVANT', ?, 'DISHONEST', 'ADMINISTRATIVE_VIOLATION', 'GENERAL', '旧记录', '2025-01-10', '2025-02-01', '鄂州市司法局', '鄂州司〔2025〕1号')`,
    [ids.oldRecord, ids.cadre],
  );
  await migrateTo('Migration20261129070000OneLiveDecision');
  // Written after ListsAndPeriods through the API of its day: a finding made, a kind left out, a kind given.
  await sql(
    `insert into commitment (id, agency_id, kind, content, published_on, due_on, status, settled_on, breach_finding) values
     (?, ?, 'DEADLINE', '惠企政策按期兑现', '2025-01-01', '2025-03-01', 'BREACHED', '2025-03-12', 'DERELICTION')`,
    [ids.newBreach, ids.agency],
  );
  await sql(
    `insert into court_case (id, agency_id, case_number, court, filed_on, head_appeared, kind) values
     (?, ?, '(2025)鄂0702民初40号', '鄂城区人民法院', '2025-02-01', false, 'ADMINISTRATIVE'),
     (?, ?, '(2025)鄂0702行初41号', '鄂城区人民法院', '2025-02-01', false, 'ADMINISTRATIVE'),
     (?, ?, '(2025)鄂0702民初42号', '鄂城区人民法院', '2025-02-01', false, 'CIVIL')`,
    [ids.newDefaulted, ids.agency, ids.newAdministrative, ids.agency, ids.newCivil, ids.agency],
  );
  await sql(
    `insert into credit_record (id, subject_type, subject_id, kind, category, severity, summary, occurred_on, recorded_on, decided_on, source_department, document_number) values
     (?, 'CIVIL_SERVANT', ?, 'DISHONEST', 'ADMINISTRATIVE_VIOLATION', 'GENERAL', '新记录', '2025-01-10', '2025-02-01', '2025-02-01', '鄂州市司法局', '鄂州司〔2025〕2号')`,
    [ids.newRecord, ids.cadre],
  );
});

describe('breach findings nobody made (四(四))', () => {
  const COMMITMENT = graphql(`query ($id: ID!) { commitment(id: $id) { status breachFinding breachFindingPending breachFoundOn } }`);

  it('the finding ListsAndPeriods wrote on older breaches is taken back (unreviewed); findings made since keep their value, dated by their settling day', async () => {
    expect((await server.ok(COMMITMENT, { id: ids.oldBreach })).commitment).toEqual({ status: 'BREACHED', breachFinding: null, breachFindingPending: true, breachFoundOn: null });
    expect((await server.ok(COMMITMENT, { id: ids.newBreach })).commitment).toEqual({ status: 'BREACHED', breachFinding: 'DERELICTION', breachFindingPending: false, breachFoundOn: '2025-03-12' });
    expect((await server.ok(COMMITMENT, { id: ids.oldFulfilled })).commitment).toEqual({ status: 'FULFILLED', breachFinding: null, breachFindingPending: false, breachFoundOn: null });
    const pending = await server.query(graphql(`{ commitments(filter: { breachFindingPending: true }) { totalCount edges { node { id } } } }`));
    expect(pending.data!.commitments).toEqual({ totalCount: 1, edges: [{ node: { id: ids.oldBreach } }] });
    // The public reads no finding, as it reads no person behind a commitment: pending or not is withheld too.
    const FINDING = graphql(`query ($id: ID!) { commitment(id: $id) { status breachFinding breachFindingPending breachFoundOn breachFoundBy breachFindingDocument } }`);
    for (const id of [ids.oldBreach, ids.newBreach]) {
      expect((await server.ok(FINDING, { id }, { role: 'PUBLIC' })).commitment).toEqual({ status: 'BREACHED', breachFinding: null, breachFindingPending: null, breachFoundOn: null, breachFoundBy: null, breachFindingDocument: null });
    }
  });

  it('an unreviewed breach counts for nothing, is shown as unreviewed, and counts from the day an officer records the finding', async () => {
    const FACTS = graphql(`query ($id: ID!, $asOf: DateTime!) { civilServant(id: $id) { commitmentFacts(asOf: $asOf) { breached breachedUnreviewed breachedCommitments { id settledOn foundOn } } } }`);
    expect((await server.ok(FACTS, { id: ids.cadre, asOf: day('2025-06-01') })).civilServant!.commitmentFacts).toEqual({ breached: 0, breachedUnreviewed: 1, breachedCommitments: [] });

    const RECORD = graphql(`mutation ($input: RecordBreachFindingInput!) { recordBreachFinding(input: $input) { breachFinding breachFoundOn breachFoundBy breachFindingDocument breachFindingPending } }`);
    const input: VariablesOf<typeof RECORD>['input'] = { commitmentId: ids.oldBreach, breachFinding: 'DERELICTION', foundOn: '2026-04-01', foundBy: '鄂州市人民政府督查室', findingDocument: '鄂州督〔2026〕7号', answerablePersonIds: [ids.cadre], answerableSeverity: 'GENERAL' };
    const early = await server.query(RECORD, { input: { ...input, foundOn: '2025-03-09' } });
    expect(early.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'foundOn' });
    const unclassified = await server.query(RECORD, { input });
    expect(unclassified.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'commitmentId' });
    expect(unclassified.errors?.[0].message).toContain('updateCommitment');
    expect((await server.ok(COMMITMENT, { id: ids.oldBreach })).commitment!.breachFinding).toBeNull();

    const classified = await server.ok(graphql(`mutation ($id: ID!) { updateCommitment(id: $id, input: { domain: INFRASTRUCTURE, publiclyDisclosed: true }) { domain publiclyDisclosed } }`), { id: ids.oldBreach });
    expect(classified.updateCommitment).toEqual({ domain: 'INFRASTRUCTURE', publiclyDisclosed: true });
    const recorded = await server.query(RECORD, { input });
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data!.recordBreachFinding).toEqual({ breachFinding: 'DERELICTION', breachFoundOn: '2026-04-01', breachFoundBy: '鄂州市人民政府督查室', breachFindingDocument: '鄂州督〔2026〕7号', breachFindingPending: false });

    // A day before the finding still sees an unreviewed breach; from the finding day it counts.
    expect((await server.ok(FACTS, { id: ids.cadre, asOf: day('2026-03-31') })).civilServant!.commitmentFacts).toMatchObject({ breached: 0, breachedUnreviewed: 1 });
    expect((await server.ok(FACTS, { id: ids.cadre, asOf: day('2026-04-01') })).civilServant!.commitmentFacts).toEqual({ breached: 1, breachedUnreviewed: 0, breachedCommitments: [{ id: ids.oldBreach, settledOn: '2025-03-10', foundOn: '2026-04-01' }] });
    const promotion = await server.ok(graphql(`mutation ($id: ID!) { evaluate(subject: { type: CIVIL_SERVANT, id: $id }, matter: "PROMOTION", asOf: "2026-05-01T12:00:00+08:00") { measures { ruleId } } }`), { id: ids.cadre });
    expect(promotion.evaluate.measures.map((m: { ruleId: string }) => m.ruleId)).toContain('cs-cadre-breached-commitment');
    // The finding entered the file of the person it named, decided on the finding day.
    const file = await server.sql(`select decided_on::text as "decidedOn", document_number as doc from credit_record where subject_id = ? and category = 'COMMITMENT_DERELICTION'`, [ids.cadre]);
    expect(file).toEqual([{ decidedOn: '2026-04-01', doc: '鄂州督〔2026〕7号' }]);

    const again = await server.query(RECORD, { input: { ...input, breachFinding: 'FORCE_MAJEURE' } });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'commitmentId' });
    const reclassify = await server.query(graphql(`mutation ($id: ID!) { updateCommitment(id: $id, input: { domain: OTHER }) { domain } }`), { id: ids.oldBreach });
    expect(reclassify.errors?.[0].extensions?.code).toBe('CONFLICT');
    const notBreached = await server.query(RECORD, { input: { ...input, commitmentId: ids.oldFulfilled } });
    expect(notBreached.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'commitmentId' });
  });
});

describe('court case kinds nobody gave (三(八))', () => {
  const KIND = graphql(`query ($id: ID!) { courtCase(id: $id) { kind } }`);
  const kindOf = async (id: string) => (await server.ok(KIND, { id })).courtCase!.kind;

  it("a kind stands where the court's case number bears it out or someone gave it; the rest is unrecorded", async () => {
    expect(await kindOf(ids.oldAdministrative)).toBe('ADMINISTRATIVE');
    expect(await kindOf(ids.oldCivil)).toBe('CIVIL');
    expect(await kindOf(ids.oldEnforcement)).toBeNull();
    expect(await kindOf(ids.oldEnforcementWithXing)).toBeNull(); // 执行 is not 行政
    expect(await kindOf(ids.newDefaulted)).toBeNull(); // the silent default, and 民 in its number
    expect(await kindOf(ids.newAdministrative)).toBe('ADMINISTRATIVE');
    expect(await kindOf(ids.newCivil)).toBe('CIVIL');
    const unrecorded = await server.ok(graphql(`{ courtCases(first: 10, filter: { kindUnrecorded: true }) { totalCount } }`));
    expect(unrecorded.courtCases.totalCount).toBe(3);
  });

  it('an absence in a case of unrecorded kind counts for nothing until an officer records the kind', async () => {
    const FACTS = graphql(`query ($id: ID!) { agency(id: $id) { courtFacts(asOf: "2025-06-01T12:00:00+08:00") { headAbsences absencesUnreviewed absencesOfUnknownKind } } }`);
    // Every absence kept from before findings were recorded is unreviewed (Migration20261205200000AbsenceFindings): none counts.
    expect((await server.ok(FACTS, { id: ids.agency })).agency!.courtFacts).toEqual({ headAbsences: 0, absencesUnreviewed: 2, absencesOfUnknownKind: 3 });
    const updated = await server.ok(graphql(`mutation ($id: ID!) { updateCourtCase(id: $id, input: { kind: OTHER }) { kind } }`), { id: ids.oldEnforcement });
    expect(updated.updateCourtCase.kind).toBe('OTHER');
    expect((await server.ok(FACTS, { id: ids.agency })).agency!.courtFacts).toEqual({ headAbsences: 0, absencesUnreviewed: 2, absencesOfUnknownKind: 2 });
    const cleared = await server.query(graphql(`mutation ($id: ID!) { updateCourtCase(id: $id, input: { kind: null }) { kind } }`), { id: ids.oldEnforcement });
    expect(cleared.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kind' });
  });
});

describe('estimated decision days (认定之日)', () => {
  it('records kept from before decision days were recorded are marked estimated; later ones are not', async () => {
    const RECORD = graphql(`query ($id: ID!) { creditRecord(id: $id) { decidedOn decidedOnEstimated } }`);
    expect((await server.ok(RECORD, { id: ids.oldRecord })).creditRecord).toEqual({ decidedOn: '2025-02-01', decidedOnEstimated: true });
    expect((await server.ok(RECORD, { id: ids.newRecord })).creditRecord).toEqual({ decidedOn: '2025-02-01', decidedOnEstimated: false });
  });
});

describe('agency kinds (三(六))', () => {
  it('existing agencies are classified by their level and, at city and district level, by a people\'s government\'s name', async () => {
    const KIND = graphql(`query ($id: ID!) { agency(id: $id) { kind } }`);
    expect((await server.ok(KIND, { id: ids.agency })).agency!.kind).toBe('DEPARTMENT');
    expect((await server.ok(KIND, { id: ids.government })).agency!.kind).toBe('PEOPLES_GOVERNMENT');
    expect((await server.ok(KIND, { id: ids.street })).agency!.kind).toBe('SUB_DISTRICT_OFFICE');
  });
});
