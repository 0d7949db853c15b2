import { createAgency, createCivilServant, createRecord, recordInput } from '../support/factories';
import { evaluator } from '../support/evaluate';
import { serverPerFile } from '../support/server-per-file';
import { graphql } from '../support/graphql';

/**
 * 四(四) (issue 11, lawyer5 W1): a 履职不力 finding enters the file of the persons it names as answerable
 * (相关责任人), not of whoever the promise names. law14a W1: the entry is government dishonesty, counted
 * as a clerk's hand-entered unfulfilled commitment done in office is — awards RESTRICTED under 三(六),
 * promotion CAUTIONED once (四(四) for leading cadres, 三(四) for anyone else). 三(六) principals (R5, N3):
 * a finding is weighed once, by the principal rule, whose text says how many findings and how many
 * disputed; in awards (lawyer10 R5) 三(四) weighs it as an integrity-file record: cs-award-file-findings,
 * a CAUTION at most, undisputed unrepaired findings only, counted by no other award rule.
 */
const EVALUATE = graphql(`mutation ($type: SubjectType!, $id: ID!, $matter: String!, $asOf: DateTime) {
  evaluate(subject: { type: $type, id: $id }, matter: $matter, asOf: $asOf) {
    outcome
    measures { ruleId effect }
    explanation { rules { ruleId fired evidence text { zh en } } }
  }
}`);
const COMMITMENT = graphql(`mutation ($input: CreateCommitmentInput!) { createCommitment(input: $input) { id } }`);
const SETTLE = graphql(`mutation ($input: SettleCommitmentInput!) { settleCommitment(input: $input) { status breachFinding } }`);
const FINDING = graphql(`mutation ($input: RecordBreachFindingInput!) { recordBreachFinding(input: $input) { breachFinding } }`);
const CREATE_RECORD = graphql(`mutation ($input: CreateCreditRecordInput!) { createCreditRecord(input: $input) { id } }`);

const server = serverPerFile();
const evaluate = evaluator(server, EVALUATE);
const measures = (v: { measures: { ruleId: string; effect: string }[] }) => v.measures.map((m) => `${m.ruleId}:${m.effect}`).sort();
const fileOf = (id: string) => server.sql(`select category, severity, document_number as doc, decided_on::text as "decidedOn" from credit_record where subject_id = ? order by created_at`, [id]);
const rows = async (table: string) => (await server.sql<{ n: number }>(`select count(*)::int as n from ${table}`))[0].n;

async function promise(agencyId: string, responsiblePersonId: string | null, over: { domain?: 'LIVELIHOOD' | 'OTHER'; publiclyDisclosed?: boolean } = {}) {
  const created = await server.ok(COMMITMENT, { input: { agencyId, responsiblePersonId, kind: 'DEADLINE', domain: over.domain ?? 'LIVELIHOOD', publiclyDisclosed: over.publiclyDisclosed ?? true, content: '养老服务站按期开放', publishedOn: '2025-01-01', dueOn: '2025-03-01' } });
  return created.createCommitment.id;
}
const settle = (commitmentId: string, extra: Record<string, unknown> = {}) =>
  server.query(SETTLE, { input: { commitmentId, status: 'BREACHED', settledOn: '2025-03-10', breachFinding: 'DERELICTION', settlementDocument: '鄂州督〔2025〕9号', foundBy: '鄂州市人民政府督查室', ...extra } });

describe('四(四): the finding names the answerable persons', () => {
  it('the person named on the promise gets nothing unless the finding names them; the named clerk and cadre each get a COMMITMENT_DERELICTION entry; both are restricted in awards under 三(六) and cautioned once in promotion (the cadre under 四(四), the clerk under 三(四))', async () => {
    const agencyId = await createAgency(server);
    const onThePromise = await createCivilServant(server, agencyId, { post: '局长', rank: '一级调研员', leadingCadre: true });
    const cadre = await createCivilServant(server, agencyId, { post: '副局长', rank: '二级调研员', leadingCadre: true });
    const clerk = await createCivilServant(server, agencyId, { post: '科员', rank: '一级科员' });
    const id = await promise(agencyId, onThePromise);
    const settled = await settle(id, { answerablePersonIds: [cadre, clerk], answerableSeverity: 'GENERAL' });
    expect(settled.errors).toBeUndefined();

    expect(await fileOf(onThePromise)).toEqual([]);
    for (const person of [cadre, clerk]) {
      expect(await fileOf(person)).toEqual([{ category: 'COMMITMENT_DERELICTION', severity: 'GENERAL', doc: '鄂州督〔2025〕9号', decidedOn: '2025-03-10' }]);
    }

    // law14a W1: the finding is government dishonesty — the clerk is RESTRICTED for AWARD under 三(六) and
    // CAUTIONED for PROMOTION under 三(四), once each, as for a hand-entered in-office unfulfilled commitment.
    const clerkAward = await evaluate('CIVIL_SERVANT', clerk, 'AWARD');
    expect(clerkAward.outcome).toBe('RESTRICTED');
    expect(measures(clerkAward)).toEqual(['cs-award-restrict:RESTRICT']);
    const restrict = clerkAward.explanation.rules.find((r) => r.ruleId === 'cs-award-restrict')!;
    expect(restrict.evidence).toEqual([expect.objectContaining({ category: 'COMMITMENT_DERELICTION', documentNumber: '鄂州督〔2025〕9号' })]);
    const clerkPromotion = await evaluate('CIVIL_SERVANT', clerk, 'PROMOTION');
    expect(measures(clerkPromotion)).toEqual(['cs-promotion-commitment-finding:CAUTION']);
    const clerkRule = clerkPromotion.explanation.rules.find((r) => r.ruleId === 'cs-promotion-commitment-finding')!;
    expect(clerkRule.evidence).toEqual([expect.objectContaining({ category: 'COMMITMENT_DERELICTION', documentNumber: '鄂州督〔2025〕9号' })]);
    expect(clerkRule.text!.zh).toContain('有1条四(四)诚信档案记录');

    // The cadre got two cautions for one breach; now one, under 四(四), with the entry as evidence.
    const cadrePromotion = await evaluate('CIVIL_SERVANT', cadre, 'PROMOTION');
    expect(measures(cadrePromotion)).toEqual(['cs-cadre-breached-commitment:CAUTION']);
    const rule = cadrePromotion.explanation.rules.find((r) => r.ruleId === 'cs-cadre-breached-commitment')!;
    expect(rule.evidence).toEqual([expect.objectContaining({ category: 'COMMITMENT_DERELICTION', documentNumber: '鄂州督〔2025〕9号', disputed: false })]);
    expect(rule.text!.zh).toContain('有1条未经信用修复决定免于的四(四)诚信档案记录');
    expect(rule.text!.zh).toContain('在异议中、尚待核实的0条');
    expect(measures(await evaluate('CIVIL_SERVANT', cadre, 'AWARD'))).toEqual(['cs-award-restrict:RESTRICT']);
    expect((await evaluate('CIVIL_SERVANT', onThePromise, 'PROMOTION')).outcome).toBe('ELIGIBLE');
    expect((await evaluate('CIVIL_SERVANT', onThePromise, 'AWARD')).outcome).toBe('ELIGIBLE');
  });

  it('a finding recorded later names the answerable persons the same way', async () => {
    const agencyId = await createAgency(server);
    const cadre = await createCivilServant(server, agencyId, { post: '局长', rank: '一级调研员', leadingCadre: true });
    const id = await promise(agencyId, null);
    // Settled before findings were recorded (unreviewed): no finding, nobody's file.
    const open = await server.query(SETTLE, { input: { commitmentId: id, status: 'BREACHED', settledOn: '2025-03-10', breachFinding: null } });
    expect(open.errors?.[0].extensions?.field).toBe('breachFinding');
    await server.sql(`update commitment set status = 'BREACHED', settled_on = '2025-03-10' where id = ?`, [id]);
    const found = await server.query(FINDING, { input: { commitmentId: id, breachFinding: 'DERELICTION', foundOn: '2025-04-01', foundBy: '鄂州市人民政府督查室', findingDocument: '鄂州督〔2025〕12号', answerablePersonIds: [cadre], answerableSeverity: 'MAJOR' } });
    expect(found.errors).toBeUndefined();
    expect(await fileOf(cadre)).toEqual([{ category: 'COMMITMENT_DERELICTION', severity: 'MAJOR', doc: '鄂州督〔2025〕12号', decidedOn: '2025-04-01' }]);
    expect(measures(await evaluate('CIVIL_SERVANT', cadre, 'PROMOTION'))).toEqual(['cs-cadre-breached-commitment:CAUTION']);
  });

  it.each([
    ['a LAWFUL_CHANGE naming persons', { breachFinding: 'LAWFUL_CHANGE', answerablePersonIds: ['P'], answerableSeverity: 'GENERAL' }, 'answerablePersonIds', '只有履职不力'],
    ['persons on a commitment 四(四) does not speak of', { answerablePersonIds: ['P'], answerableSeverity: 'GENERAL', other: true }, 'answerablePersonIds', '四(四)只把'],
    ['a person listed twice', { answerablePersonIds: ['P', 'P'], answerableSeverity: 'GENERAL' }, 'answerablePersonIds', '同一人员列了两次'],
    ['persons without a severity', { answerablePersonIds: ['P'] }, 'answerableSeverity', '列明相关责任人时必填'],
    ['a severity without persons', { answerableSeverity: 'GENERAL' }, 'answerableSeverity', '只在列明相关责任人'],
    ['persons without the settling document', { answerablePersonIds: ['P'], answerableSeverity: 'GENERAL', settlementDocument: null }, 'settlementDocument', 'names answerable persons'],
    ['a person who does not exist', { answerablePersonIds: ['00000000-0000-4000-8000-000000000000'], answerableSeverity: 'GENERAL' }, 'answerablePersonIds[0]', ''],
  ])('%s is refused (BAD_USER_INPUT on the field, zh + en) and nothing is written', async (_name, over, field, words) => {
    const agencyId = await createAgency(server);
    const person = await createCivilServant(server, agencyId);
    const { other, ...extra } = over as Record<string, unknown>;
    const id = await promise(agencyId, person, other ? { domain: 'OTHER' } : {});
    if (Array.isArray(extra.answerablePersonIds)) extra.answerablePersonIds = extra.answerablePersonIds.map((p) => (p === 'P' ? person : p));
    const [records, revisions] = [await rows('credit_record'), await rows('credit_record_revision')];
    const refused = await settle(id, extra);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: expect.stringMatching(/BAD_USER_INPUT|NOT_FOUND/), field });
    expect(refused.errors?.[0].message).toContain(words);
    expect([await rows('credit_record'), await rows('credit_record_revision')]).toEqual([records, revisions]);
    expect(await server.sql(`select status from commitment where id = ?`, [id])).toEqual([{ status: 'PENDING' }]);
  });

  it('a 四(四) entry cannot be entered by hand: it rests on the finding that names the person', async () => {
    const servant = await createCivilServant(server, await createAgency(server));
    const refused = await server.query(CREATE_RECORD, { input: recordInput('CIVIL_SERVANT', servant, { category: 'COMMITMENT_DERELICTION', severity: 'GENERAL' }) });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'category' });
    expect(refused.errors?.[0].message).toContain('answerablePersonIds');
    expect(await fileOf(servant)).toEqual([]);
  });

  it('nor by correcting another record into it on an objection: refused on correction.category, and nothing changes', async () => {
    const servant = await createCivilServant(server, await createAgency(server));
    const recordId = await createRecord(server, 'CIVIL_SERVANT', servant, { category: 'UNFULFILLED_COMMITMENT', severity: 'GENERAL' });
    const filed = await server.ok(graphql(`mutation ($id: ID!) { fileObjection(input: { recordId: $id, reason: "类别有误", filedOn: "2025-04-10", filedBy: "本人" }) { id } }`), { id: recordId });
    const before = [await fileOf(servant), await rows('credit_record_revision'), await rows('audit_event')];
    const refused = await server.query(graphql(`mutation ($o: ID!) { resolveObjection(input: { objectionId: $o, decision: UPHELD, remedy: CORRECT, correction: { category: COMMITMENT_DERELICTION }, resolution: "改为四(四)诚信档案记录", resolvedOn: "2025-04-20" }) { id } }`), { o: filed.fileObjection.id });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'correction.category' });
    expect(refused.errors?.[0].message).toContain('answerablePersonIds');
    expect([await fileOf(servant), await rows('credit_record_revision'), await rows('audit_event')]).toEqual(before);
    expect(await server.sql(`select status from objection where id = ?`, [filed.fileObjection.id])).toEqual([{ status: 'PENDING' }]);
  });
});

describe('三(四) trustworthy incentive: a file holding a 四(四) entry or a principal finding is no clean file', () => {
  it('a commended clerk is favoured; once a 履职不力 finding names them, or a principal-responsibility finding is entered on the commended principal, neither gets the incentive', async () => {
    const agencyId = await createAgency(server);
    const clerk = await createCivilServant(server, agencyId, { post: '科员', rank: '一级科员' });
    const principal = await createCivilServant(server, agencyId, { post: '局长', rank: '一级调研员', leadingCadre: true, principal: true, principalSince: '2020-01-01' });
    const commendation = { kind: 'TRUSTWORTHY' as const, category: 'COMMENDATION' as const, severity: null, occurredOn: '2025-01-05', recordedOn: '2025-01-10', decidedOn: '2025-01-08', loss: null };
    for (const person of [clerk, principal]) await createRecord(server, 'CIVIL_SERVANT', person, commendation);
    const incentive = async (id: string) => measures(await evaluate('CIVIL_SERVANT', id, 'AWARD')).filter((m) => m.startsWith('cs-trustworthy-incentive'));
    expect(await incentive(clerk)).toEqual(['cs-trustworthy-incentive:INCENTIVE']);
    expect(await incentive(principal)).toEqual(['cs-trustworthy-incentive:INCENTIVE']);

    await settle(await promise(agencyId, null), { answerablePersonIds: [clerk], answerableSeverity: 'GENERAL' });
    await createRecord(server, 'CIVIL_SERVANT', principal, { category: 'PRINCIPAL_RESPONSIBILITY', severity: 'GENERAL', sourceDepartment: '鄂州市监察委员会', documentNumber: '鄂州纪〔2025〕21号', occurredOn: '2025-02-01', recordedOn: '2025-03-20', decidedOn: '2025-03-15' });
    for (const person of [clerk, principal]) {
      const award = await evaluate('CIVIL_SERVANT', person, 'AWARD');
      expect(measures(award)).toEqual([person === clerk ? 'cs-award-restrict:RESTRICT' : 'cs-award-file-findings:CAUTION']);
      expect(award.outcome).toBe(person === clerk ? 'RESTRICTED' : 'CAUTION');
      const rule = award.explanation.rules.find((r) => r.ruleId === 'cs-trustworthy-incentive')!;
      expect(rule.fired).toBe(false);
    }
  });
});

describe('三(六) principals: one finding, weighed once (R5), its text from the evidence (N3)', () => {
  it('a principal-responsibility finding cautions in promotion under the principal rule only, restricts no award (a caution there, on the undisputed one), and the text counts findings and disputed ones', async () => {
    const agencyId = await createAgency(server);
    const principal = await createCivilServant(server, agencyId, { post: '局长', rank: '一级调研员', leadingCadre: true, principal: true, principalSince: '2020-01-01' });
    const finding = { category: 'PRINCIPAL_RESPONSIBILITY' as const, severity: 'MAJOR' as const, sourceDepartment: '鄂州市监察委员会', occurredOn: '2024-05-01', recordedOn: '2024-09-20', decidedOn: '2024-09-15' };
    await createRecord(server, 'CIVIL_SERVANT', principal, { ...finding, documentNumber: '鄂州纪〔2024〕12号' });
    const second = await createRecord(server, 'CIVIL_SERVANT', principal, { ...finding, documentNumber: '鄂州纪〔2024〕13号' });
    await server.ok(graphql(`mutation ($id: ID!) { fileObjection(input: { recordId: $id, reason: "该认定所依事实有误", filedOn: "2025-01-10", filedBy: "本人" }) { id } }`), { id: second });

    const promotion = await evaluate('CIVIL_SERVANT', principal, 'PROMOTION');
    expect(measures(promotion)).toEqual(['cs-principal-agency-dishonesty:CAUTION']);
    const text = promotion.explanation.rules.find((r) => r.ruleId === 'cs-principal-agency-dishonesty')!.text!;
    expect(text.zh).toContain('有2项认定');
    expect(text.zh).toContain('尚待核实的1项');
    expect(text.en).toContain('has 2 finding(s)');
    expect(text.en).toContain('of which 1 under a pending objection');

    const award = await evaluate('CIVIL_SERVANT', principal, 'AWARD');
    expect(award.outcome).toBe('CAUTION');
    expect(measures(award)).toEqual(['cs-award-file-findings:CAUTION']);
    const fileRule = award.explanation.rules.find((r) => r.ruleId === 'cs-award-file-findings')!;
    expect(fileRule.evidence).toEqual([expect.objectContaining({ documentNumber: '鄂州纪〔2024〕12号', disputed: false })]);
    expect(fileRule.text!.zh).toContain('尚待核实的1项');

    // Once the only undisputed finding is also under objection, awards are no longer cautioned on it (三(七)).
    const [first] = await server.sql<{ id: string }>(`select id from credit_record where subject_id = ? and document_number = '鄂州纪〔2024〕12号'`, [principal]);
    await server.ok(graphql(`mutation ($id: ID!) { fileObjection(input: { recordId: $id, reason: "该认定所依事实有误", filedOn: "2025-01-11", filedBy: "本人" }) { id } }`), { id: first.id });
    expect((await evaluate('CIVIL_SERVANT', principal, 'AWARD')).outcome).toBe('ELIGIBLE');
  });
});

describe('law14a W1: a 四(四) finding counts as the hand-entered government-dishonesty record of the same act', () => {
  it('a clerk found answerable and a clerk with a hand-entered in-office unfulfilled commitment get the same outcomes: RESTRICTED in awards, CAUTION in promotion; a lightening repair lowers both restrictions to a caution', async () => {
    const agencyId = await createAgency(server);
    const found = await createCivilServant(server, agencyId, { post: '科员', rank: '一级科员' });
    const entered = await createCivilServant(server, agencyId, { post: '科员', rank: '一级科员' });
    await settle(await promise(agencyId, null), { answerablePersonIds: [found], answerableSeverity: 'GENERAL' });
    const hand = await createRecord(server, 'CIVIL_SERVANT', entered, { category: 'UNFULFILLED_COMMITMENT', severity: 'GENERAL', sourceDepartment: '鄂州市人民政府督查室', occurredOn: '2025-03-01', recordedOn: '2025-03-10', decidedOn: '2025-03-10' });
    const outcomes = async (id: string) => [(await evaluate('CIVIL_SERVANT', id, 'AWARD')).outcome, (await evaluate('CIVIL_SERVANT', id, 'PROMOTION')).outcome];
    expect(await outcomes(entered)).toEqual(['RESTRICTED', 'CAUTION']);
    expect(await outcomes(found)).toEqual(await outcomes(entered));

    // 三(七) applies to the finding as to any government-dishonesty record: a repair granted as lightening
    // lowers the award restriction one step.
    const [entry] = await server.sql<{ id: string }>(`select id from credit_record where subject_id = ? and category = 'COMMITMENT_DERELICTION'`, [found]);
    for (const recordId of [entry.id, hand]) {
      const requested = await server.ok(graphql(`mutation ($id: ID!) { requestCreditRepair(input: { recordId: $id, actions: [ELIMINATED_EFFECT], description: "已补建养老服务站并向社会公开说明", appliedOn: "2025-04-01" }) { id } }`), { id: recordId });
      await server.ok(graphql(`mutation ($id: ID!) { decideCreditRepair(input: { repairId: $id, decision: APPROVED, decidedOn: "2025-04-20", relief: LIGHTEN }) { id } }`), { id: requested.requestCreditRepair.id });
    }
    const award = await evaluate('CIVIL_SERVANT', found, 'AWARD');
    expect(award.outcome).toBe('CAUTION');
    expect(measures(award)).toContain('cs-award-mitigate-lightened:MITIGATE');
    expect((await evaluate('CIVIL_SERVANT', entered, 'AWARD')).outcome).toBe('CAUTION');
  });
});
