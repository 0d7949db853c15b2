import { createAgency, createCivilServant } from '../support/factories';
import { evaluator } from '../support/evaluate';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';

/**
 * lawyer14 R1: a 四(四) integrity-file entry rests on the unit's 履职不力 finding alone. While the
 * unit's objection to that finding is pending, the entry is disputed exactly as if the person had
 * objected to it: it grounds no award restriction, the verdict says why, and a verdict stored before
 * the filing (or the decision) is stale. Rejected, the entry restricts again from the rejection day.
 */
const EVALUATE = graphql(`mutation ($type: SubjectType!, $id: ID!, $matter: String!, $asOf: DateTime) {
  evaluate(subject: { type: $type, id: $id }, matter: $matter, asOf: $asOf) {
    id outcome measures { ruleId }
    explanation { zh: summary(locale: "zh") en: summary(locale: "en") }
  }
}`);
const COMMITMENT = graphql(`mutation ($input: CreateCommitmentInput!) { createCommitment(input: $input) { id } }`);
const SETTLE = graphql(`mutation ($input: SettleCommitmentInput!) { settleCommitment(input: $input) { status } }`);
const FILE = graphql(`mutation ($input: FileFindingObjectionInput!) { fileFindingObjection(input: $input) { id } }`);
const DECIDE = graphql(`mutation ($input: DecideFindingObjectionInput!) { decideFindingObjection(input: $input) { id status } }`);
const STALE = graphql(`query ($id: ID!) { verdict(id: $id) { stale } }`);
const CREDIT = graphql(`query ($id: ID!, $asOf: DateTime!) { civilServant(id: $id) {
  credit(asOf: $asOf, dishonestyCategories: [COMMITMENT_DERELICTION]) { unrepaired disputed unrepairedUndisputed records { id disputed findingDisputed } }
} }`);

const server = serverPerFile();
const evaluate = evaluator(server, EVALUATE);
const CLERK = { role: 'CLERK' } as const;
const ruleIds = (verdict: { measures: { ruleId: string }[] }) => verdict.measures.map((m) => m.ruleId);
const stale = async (id: string) => (await server.ok(STALE, { id })).verdict!.stale;

describe("a unit's pending objection to its 履职不力 finding disputes the 四(四) entries it made (lawyer14 R1)", () => {
  it('restricted by the entry → the unit objects: not restricted, the verdict says why → rejected: restricted again', async () => {
    const agencyId = await createAgency(server, { level: 'TOWNSHIP' });
    const personId = await createCivilServant(server, agencyId);
    const made = await server.ok(COMMITMENT, {
      input: { agencyId, responsiblePersonId: null, kind: 'DEADLINE', domain: 'LIVELIHOOD', publiclyDisclosed: true, content: '社区食堂按期开放', publishedOn: '2025-01-01', dueOn: '2025-03-01' },
    });
    const commitmentId = made.createCommitment.id;
    await server.ok(SETTLE, {
      input: { commitmentId, status: 'BREACHED', breachFinding: 'DERELICTION', foundBy: '鄂州市人民政府督查室', settledOn: '2025-03-10', settlementDocument: '鄂州督〔2025〕41号', answerablePersonIds: [personId], answerableSeverity: 'GENERAL' },
    });
    const before = await evaluate('CIVIL_SERVANT', personId, 'AWARD');
    expect(ruleIds(before)).toContain('cs-award-restrict');
    expect(await stale(before.id)).toBe(false);

    const filed = (await server.ok(FILE, { input: { commitmentId, filedBy: '本单位', reason: '系上级调整项目安排所致，非履职不力', filedOn: '2025-04-01' } }, { role: 'ADMIN', sub: 'filing.admin' })).fileFindingObjection; // dated on a past day (hostile18 F2)
    // The person's verdict read the entry as undisputed: no longer what an evaluation would say.
    expect(await stale(before.id)).toBe(true);
    const disputed = await evaluate('CIVIL_SERVANT', personId, 'AWARD');
    expect(ruleIds(disputed)).not.toContain('cs-award-restrict');
    expect(disputed.explanation.zh).toContain('记录 鄂州督〔2025〕41号 是四(四)诚信档案记录，所依据的履职不力认定正由所在单位提出异议、尚未处理完毕（三(七)）');
    expect(disputed.explanation.en).toContain("Record 鄂州督〔2025〕41号 is a 四(四) integrity-file entry whose 履职不力 finding the unit has objected to, the objection not yet decided");
    const facts = (await server.ok(CREDIT, { id: personId, asOf: '2025-06-01T12:00:00+08:00' })).civilServant!.credit;
    expect(facts).toMatchObject({ unrepaired: 1, disputed: 1, unrepairedUndisputed: 0, records: [{ disputed: true, findingDisputed: true }] });
    // A day before the filing still sees the entry undisputed.
    expect(ruleIds(await evaluate('CIVIL_SERVANT', personId, 'AWARD', '2025-03-31'))).toContain('cs-award-restrict');

    await server.ok(DECIDE, { input: { objectionId: filed.id, decision: 'REJECTED', resolution: '经核实，系未按期组织施工，属履职不力', resolvedOn: '2025-05-01' } }, CLERK);
    expect(await stale(disputed.id)).toBe(true);
    const rejected = await evaluate('CIVIL_SERVANT', personId, 'AWARD');
    expect(ruleIds(rejected)).toContain('cs-award-restrict');
    expect(rejected.explanation.zh).not.toContain('所依据的履职不力认定正由所在单位提出异议');
    expect(await stale(rejected.id)).toBe(false);
    // Between filing and rejection the dispute stood: a past day sees it as it stood then.
    expect(ruleIds(await evaluate('CIVIL_SERVANT', personId, 'AWARD', '2025-04-15'))).not.toContain('cs-award-restrict');
  });
});
