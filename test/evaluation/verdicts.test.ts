import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAgency, createCivilServant, createRecord } from '../support/factories';
import { startTestServer, type TestServer } from '../support/test-server';
import { graphql } from '../support/graphql';

const VERDICT_FIELDS = graphql(`fragment VerdictFields on Verdict { id outcome score matter asOf ruleSetVersion subjectType subjectId recheckOf
  measures { ruleId effect mitigation measure { zh en } basis { document clause quote } }
  explanation { day parametersFile facts
    rules { ruleId file fired inEffect effect title { zh } basis { clause } text { zh en } evidence
      conditions { place fact path operator expected actual passed } }
    zh: summary(locale: "zh") en: summary(locale: "en") } }`);
const EVALUATE = graphql(`mutation ($subject: SubjectInput!, $matter: String!, $asOf: DateTime) { evaluate(subject: $subject, matter: $matter, asOf: $asOf) { ...VerdictFields } }`, [VERDICT_FIELDS]);
const READ = graphql(`query ($id: ID!) { verdict(id: $id) { ...VerdictFields } }`, [VERDICT_FIELDS]);

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

async function evaluateServant(id: string, matter = 'AWARD', asOf?: string) {
  const result = await server.query(EVALUATE, { subject: { type: 'CIVIL_SERVANT', id }, matter, asOf });
  expect(result.errors).toBeUndefined();
  return result.data!.evaluate;
}

async function servantWithRecord(fields: Record<string, unknown> = {}) {
  const servantId = await createCivilServant(server, await createAgency(server));
  const recordId = await createRecord(server, 'CIVIL_SERVANT', servantId, { occurredOn: '2025-03-01', recordedOn: '2025-03-20', ...fields });
  return { servantId, recordId };
}

describe('a verdict', () => {
  it('restricts a civil servant with an unrepaired record, naming the rule, clause, conditions, values and records', async () => {
    const { servantId, recordId } = await servantWithRecord();
    const verdict = await evaluateServant(servantId, 'AWARD', '2025-06-01T00:00:00+08:00');
    expect(verdict.outcome).toBe('RESTRICTED');
    // The government-dishonesty record restricts (三(六)); as personal credit information it is also weighed as in promotion (三(四)).
    expect(verdict.measures).toEqual([
      expect.objectContaining({ ruleId: 'cs-award-restrict', effect: 'RESTRICT', basis: expect.arrayContaining([expect.objectContaining({ document: '鄂州政发〔2018〕17号', clause: '三(六)' })]) }),
      expect.objectContaining({ ruleId: 'cs-award-caution', effect: 'CAUTION', basis: expect.arrayContaining([expect.objectContaining({ document: '鄂州政发〔2018〕17号', clause: '三(四)' })]) }),
    ]);
    const fired = verdict.explanation.rules.find((r) => r.ruleId === 'cs-award-restrict');
    expect(fired).toMatchObject({ fired: true, file: 'civil-servant/award-restrict.json' });
    expect(fired!.conditions).toEqual([
      { place: 'all[0]', fact: 'subject', path: '$.governmentDishonesty.unrepaired', operator: 'greaterThanInclusive', expected: 1, actual: 1, passed: true },
      { place: 'all[1]', fact: 'subject', path: '$.governmentDishonesty.unrepairedUndisputed', operator: 'greaterThanInclusive', expected: 1, actual: 1, passed: true },
    ]);
    expect(fired!.evidence).toEqual([expect.objectContaining({ id: recordId, category: 'BREACH_OF_CONTRACT', severity: 'MAJOR', documentNumber: expect.stringMatching(/^鄂州信〔2023〕\d+号$/), occurredOn: '2025-03-01' })]);
    expect(fired!.text!.zh).toContain('有1条无异议的未修复政务失信记录，依据三(六)，按照相关规定限制评优评先');
    // lawyer19 W1: the relevant provisions are not in the rule set; applying the restriction directly and citywide is a reading.
    // lawyer24 R12: the selecting body decides whether to restrict; 实施 would say it had been decided.
    expect(fired!.text!.zh).toContain('所称相关规定本规则集未收入，由评选机关依相关规定决定是否限制');
    expect(fired!.text!.zh).not.toContain('实施');
    expect(verdict.explanation.zh).toMatch(/截至2025-06-01.*予以限制/);
    expect(verdict.explanation.en).toContain('basis: 鄂州政发〔2018〕17号三(六)');
  });

  it('for an eligible civil servant, shows for every rule a condition that failed and the value it had', async () => {
    const servantId = await createCivilServant(server, await createAgency(server));
    const verdict = await evaluateServant(servantId);
    expect(verdict.outcome).toBe('ELIGIBLE');
    expect(verdict.measures).toEqual([]);
    for (const rule of verdict.explanation.rules) {
      expect(rule.fired).toBe(false);
      expect(rule.conditions.some((c) => c.passed === false && c.actual !== undefined)).toBe(true);
    }
    expect(verdict.explanation.en).toContain('Counting dishonesty records without an approved repair (subject.governmentDishonesty.unrepaired) was 0, needed at least 1');
  });

  it('is stored, and reads back identical', async () => {
    const { servantId } = await servantWithRecord();
    const given = await evaluateServant(servantId);
    const read = await server.ok(READ, { id: given.id });
    expect(read.verdict).toEqual(given);
    await expect(server.sql('update verdict set outcome = ? where id = ?', ['ELIGIBLE', given.id])).rejects.toThrow(/immutable/);
  });

  it('keeps the facts it saw and the rule-set version, whose files are stored too', async () => {
    const { servantId } = await servantWithRecord();
    const verdict = await evaluateServant(servantId);
    expect(verdict.explanation.facts.subject.credit.unrepaired).toBe(1);
    expect(verdict.explanation.facts.parameters.countsFor).toEqual({ minor: 'P3M', general: 'P1Y', major: 'P2Y', severe: 'P3Y' });
    expect(verdict.ruleSetVersion).toMatch(/^sha256:[0-9a-f]{16}$/);
    const [snapshot] = await server.sql<{ files: Record<string, string> }>('select files from rule_set_snapshot where version = ?', [verdict.ruleSetVersion]);
    expect(Object.keys(snapshot.files)).toEqual(expect.arrayContaining(['matters.json', 'facts/civil-servant.graphql', 'civil-servant/award-restrict.json']));
  });

  it("stores each rule's texts once, in its version's snapshot, and reads a verdict back with the texts of its own version", async () => {
    const { servantId } = await servantWithRecord();
    const given = await evaluateServant(servantId);
    const [row] = await server.sql<{ rules: Record<string, unknown>[] }>('select rules from verdict where id = ?', [given.id]);
    expect(row.rules[0]).toHaveProperty('conditions');
    expect(row.rules.some((r) => 'title' in r || 'basis' in r || 'measure' in r)).toBe(false);

    // The same verdict under an older rule-set version, whose rule had another title: it reads back with that title.
    const [snapshot] = await server.sql<{ files: Record<string, string> }>('select files from rule_set_snapshot where version = ?', [given.ruleSetVersion]);
    const file = 'civil-servant/award-restrict.json';
    const older = JSON.parse(snapshot.files[file]);
    older.title.zh = '旧版标题：限制评优评先';
    await server.sql('insert into rule_set_snapshot (version, files) values (?, ?)', ['sha256:0000000000older', JSON.stringify({ ...snapshot.files, [file]: JSON.stringify(older) })]);
    const [copy] = await server.sql<{ id: string }>(
      `insert into verdict (id, subject_type, subject_id, matter, as_of, day, evaluated_at, outcome, score, rule_set_version, parameters_file, facts, rules)
       select gen_random_uuid(), subject_type, subject_id, matter, as_of, day, evaluated_at, outcome, score, 'sha256:0000000000older', parameters_file, facts, rules from verdict where id = ? returning id`,
      [given.id],
    );
    const read = await server.ok(READ, { id: copy.id });
    const rule = read.verdict!.explanation.rules.find((r) => r.ruleId === 'cs-award-restrict');
    expect(rule).toMatchObject({ file, title: { zh: '旧版标题：限制评优评先' }, basis: [{ clause: '三(六)' }] });
    expect(read.verdict!.measures).toEqual(given.measures);
  });

  it('says which version cannot be read, with a code, when its snapshot is missing or a file of it does not parse; the verdict itself still reads', async () => {
    const { servantId } = await servantWithRecord();
    const given = await evaluateServant(servantId);
    const copyUnder = async (version: string) =>
      (await server.sql<{ id: string }>(
        `insert into verdict (id, subject_type, subject_id, matter, as_of, day, evaluated_at, outcome, score, rule_set_version, parameters_file, facts, rules)
         select gen_random_uuid(), subject_type, subject_id, matter, as_of, day, evaluated_at, outcome, score, ?, parameters_file, facts, rules from verdict where id = ? returning id`,
        [version, given.id],
      ))[0].id;

    const missing = await server.query(READ, { id: await copyUnder('sha256:00000000missing') });
    expect(missing.errors?.[0]).toMatchObject({ extensions: { code: 'RULE_SNAPSHOT_UNREADABLE', version: 'sha256:00000000missing' } });
    expect(missing.errors?.[0].message).toContain('sha256:00000000missing');

    const [snapshot] = await server.sql<{ files: Record<string, string> }>('select files from rule_set_snapshot where version = ?', [given.ruleSetVersion]);
    await server.sql('insert into rule_set_snapshot (version, files) values (?, ?)', ['sha256:000000000broken', JSON.stringify({ ...snapshot.files, 'civil-servant/award-restrict.json': '{ "id": "cs-award-restrict", ' })]);
    const broken = await server.query(READ, { id: await copyUnder('sha256:000000000broken') });
    expect(broken.errors?.[0]).toMatchObject({ extensions: { code: 'RULE_SNAPSHOT_UNREADABLE', version: 'sha256:000000000broken' } });
    expect(broken.errors?.[0].message).toContain('civil-servant/award-restrict.json:1:');
    // Asked again, it says the same (nothing half-read was kept), and what needs no rule texts still reads.
    const again = await server.query(graphql(`query ($id: ID!) { verdict(id: $id) { outcome measures { ruleId } } }`), { id: await copyUnder('sha256:000000000broken') });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'RULE_SNAPSHOT_UNREADABLE' });
    const plain = await server.ok(graphql(`query ($id: ID!) { verdict(id: $id) { outcome ruleSetVersion } }`), { id: await copyUnder('sha256:000000000broken') });
    expect(plain.verdict).toEqual({ outcome: given.outcome, ruleSetVersion: 'sha256:000000000broken' });
  });
});

describe('repair, objection and as-of', () => {
  it('an approved repair ends the restriction from its approval day; the day before it still stands, and the record stays visible', async () => {
    const { servantId, recordId } = await servantWithRecord();
    expect((await evaluateServant(servantId)).outcome).toBe('RESTRICTED');
    const repair = await server.query(graphql(`mutation ($input: RequestCreditRepairInput!) { requestCreditRepair(input: $input) { id } }`), {
      input: { recordId, actions: ['RECOVERED_LOSS'], description: '已退赔', appliedOn: '2025-04-01' },
    });
    await server.query(graphql(`mutation ($input: DecideCreditRepairInput!) { decideCreditRepair(input: $input) { id relief } }`), {
      input: { repairId: repair.data!.requestCreditRepair.id, decision: 'APPROVED', relief: 'WAIVE', decidedOn: '2025-04-10' },
    });
    const after = await evaluateServant(servantId, 'AWARD', '2025-04-10T09:00:00+08:00');
    expect(after.outcome).toBe('ELIGIBLE');
    expect(after.explanation.facts.subject.credit).toMatchObject({ dishonest: 1, unrepaired: 0, repaired: 1, records: [expect.objectContaining({ id: recordId, repaired: true, repairApprovedOn: '2025-04-10' })] });
    // As of the day before the repair was approved, the restriction still stands.
    expect((await evaluateServant(servantId, 'AWARD', '2025-04-09T12:00:00+08:00')).outcome).toBe('RESTRICTED');
  });

  it('a repair granted as lightening (从轻, 三(七)) lowers the award restriction one step, and the explanation says so with the repair as evidence', async () => {
    const { servantId, recordId } = await servantWithRecord();
    const repair = await server.ok(graphql(`mutation ($input: RequestCreditRepairInput!) { requestCreditRepair(input: $input) { id } }`), {
      input: { recordId, actions: ['ELIMINATED_EFFECT'], description: '主动消除不良影响', appliedOn: '2025-04-01' },
    });
    const decided = await server.query(graphql(`mutation ($input: DecideCreditRepairInput!) { decideCreditRepair(input: $input) { relief } }`), {
      input: { repairId: repair.requestCreditRepair.id, decision: 'APPROVED', decidedOn: '2025-04-10', relief: 'LIGHTEN' },
    });
    expect(decided.data!.decideCreditRepair.relief).toBe('LIGHTEN');
    const after = await evaluateServant(servantId, 'AWARD', '2025-05-01T00:00:00+08:00');
    expect(after.outcome).toBe('CAUTION');
    const mitigating = after.explanation.rules.find((r) => r.ruleId === 'cs-award-mitigate-lightened');
    expect(mitigating).toMatchObject({ fired: true, effect: 'MITIGATE', evidence: [expect.objectContaining({ id: recordId, lightened: true, repairApprovedOn: '2025-04-10' })] });
    expect(after.explanation.rules.find((r) => r.ruleId === 'cs-award-restrict')).toMatchObject({ fired: true, effect: 'CAUTION' });
    expect(after.measures).toEqual(expect.arrayContaining([expect.objectContaining({ ruleId: 'cs-award-restrict', effect: 'CAUTION' })]));
    expect(after.explanation.zh).toContain('依据规则 cs-award-mitigate-lightened（三(七) 从轻或免于），“限制评优评先”由 RESTRICT 降为 CAUTION');
    // Before the lightening was decided, the restriction stood in full.
    expect((await evaluateServant(servantId, 'AWARD', '2025-04-09T12:00:00+08:00')).outcome).toBe('RESTRICTED');
  });

  it('an upheld objection that revokes the record changes later verdicts; the earlier one stays as it was', async () => {
    const { servantId, recordId } = await servantWithRecord();
    const before = await evaluateServant(servantId);
    const filed = await server.ok(graphql(`mutation ($input: FileObjectionInput!) { fileObjection(input: $input) { id } }`), {
      input: { recordId, filedBy: '本人', reason: '认定错误', filedOn: '2025-04-01' },
    });
    await server.query(graphql(`mutation ($input: ResolveObjectionInput!) { resolveObjection(input: $input) { id } }`), {
      input: { objectionId: filed.fileObjection.id, decision: 'UPHELD', remedy: 'REVOKE', resolution: '撤销', resolvedOn: '2025-04-15' },
    });
    expect((await evaluateServant(servantId)).outcome).toBe('ELIGIBLE');
    const reread = await server.ok(READ, { id: before.id });
    expect(reread.verdict!.outcome).toBe('RESTRICTED');

    const recheck = await server.ok(graphql(`mutation ($id: ID!) { recheck(verdictId: $id) { sameDecision original { id outcome } current { outcome recheckOf } differences { field before after } } }`), { id: before.id });
    expect(recheck.recheck).toMatchObject({ sameDecision: false, original: { id: before.id, outcome: 'RESTRICTED' }, current: { outcome: 'ELIGIBLE', recheckOf: before.id } });
    expect(recheck.recheck.differences).toEqual(expect.arrayContaining([
      { field: 'outcome', before: 'RESTRICTED', after: 'ELIGIBLE' },
      { field: 'rules.cs-award-restrict.fired', before: true, after: false },
      { field: 'rules.cs-award-restrict.conditions.all[1].actual', before: 1, after: 0 },
    ]));
  });

  it('counts a record only from the day it occurred and only while its severity still counts', async () => {
    const { servantId } = await servantWithRecord({ severity: 'GENERAL', occurredOn: '2022-03-01', recordedOn: '2022-03-10' });
    expect((await evaluateServant(servantId, 'AWARD', '2022-02-28T12:00:00+08:00')).outcome).toBe('ELIGIBLE');
    expect((await evaluateServant(servantId, 'AWARD', '2022-06-01T12:00:00+08:00')).outcome).toBe('RESTRICTED');
    // A general record counts for one year from its decision (rules/parameters): by 2023-06 it no longer does.
    const later = await evaluateServant(servantId, 'AWARD', '2023-06-01T12:00:00+08:00');
    expect(later.outcome).toBe('ELIGIBLE');
    expect(later.explanation.facts.subject.credit.dishonest).toBe(0);
  });

  it('gives the same outcome again for the same subject, as-of and rule-set version', async () => {
    const { servantId } = await servantWithRecord();
    const first = await evaluateServant(servantId, 'AWARD', '2025-05-01T00:00:00+08:00');
    const second = await evaluateServant(servantId, 'AWARD', '2025-05-01T00:00:00+08:00');
    expect(second.ruleSetVersion).toBe(first.ruleSetVersion);
    expect({ ...second, id: undefined, explanation: { ...second.explanation } }).toEqual({ ...first, id: undefined, explanation: { ...first.explanation } });
  });

  it('lists the verdicts of a subject, newest first', async () => {
    const { servantId } = await servantWithRecord();
    await evaluateServant(servantId, 'AWARD');
    await evaluateServant(servantId, 'PROMOTION');
    const list = await server.ok(graphql(`query ($s: SubjectInput) { verdicts(subject: $s) { totalCount edges { node { matter outcome } } } }`), { s: { type: 'CIVIL_SERVANT', id: servantId } });
    expect(list.verdicts.totalCount).toBe(2);
    expect(list.verdicts.edges.map((e) => e.node.matter)).toEqual(['PROMOTION', 'AWARD']);
  });
});

describe('refused evaluations', () => {
  it('an unknown matter, a matter of another subject type, an unknown subject and a malformed date get coded errors', async () => {
    const servantId = await createCivilServant(server, await createAgency(server));
    const unknown = await server.query(EVALUATE, { subject: { type: 'CIVIL_SERVANT', id: servantId }, matter: 'LOTTERY' });
    expect(unknown.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'matter' }, message: expect.stringContaining('AWARD, PROMOTION, RECRUITMENT') });
    const wrongType = await server.query(EVALUATE, { subject: { type: 'CIVIL_SERVANT', id: servantId }, matter: 'PROCUREMENT' });
    expect(wrongType.errors?.[0].message).toContain('does not apply to CIVIL_SERVANT');
    const nobody = await server.query(EVALUATE, { subject: { type: 'ENTERPRISE', id: servantId }, matter: 'PROCUREMENT' });
    expect(nobody.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'subjectId' });
    const badDate = await server.query(EVALUATE, { subject: { type: 'CIVIL_SERVANT', id: servantId }, matter: 'AWARD', asOf: '2025-13-01' });
    expect(badDate.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await server.sql('select 1 from verdict where subject_id = ?', [servantId])).toEqual([]);
  });
});

describe('rules with a mistake', () => {
  let rulesDir: string;
  beforeAll(() => {
    rulesDir = mkdtempSync(path.join(os.tmpdir(), 'chengxin-rules-'));
    cpSync(path.resolve(__dirname, '../../rules'), rulesDir, { recursive: true });
    const file = path.join(rulesDir, 'civil-servant/award-restrict.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"$.governmentDishonesty.unrepaired"', '"$.governmentDishonesty.unrepayred"'));
  });
  afterAll(() => rmSync(rulesDir, { recursive: true, force: true }));

  it('keep the server from starting, with the file, line and fix named, before any database work', async () => {
    await expect(startTestServer({ rulesDir })).rejects.toThrow(
      /civil-servant\/award-restrict\.json:\d+:\d+ .*"unrepayred" in path "\$\.governmentDishonesty\.unrepayred" is not in the facts query's result; did you mean "unrepaired"\?/,
    );
  });
});
