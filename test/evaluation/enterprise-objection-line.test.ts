import { createRecord, uscc } from '../support/factories';
import { evaluator } from '../support/evaluate';
import { serverPerFile } from '../support/server-per-file';
import { graphql } from '../support/graphql';

/**
 * lawyer28 N1, through the real server: an enterprise's record under objection. Its verdict used to say
 * the objection stays an award restriction or honour disqualification, measures that never reach an
 * enterprise, and left out that 四(一)'s restriction rests on the listing, which the objection does not stay.
 */
const EVALUATE = graphql(`mutation ($type: SubjectType!, $id: ID!, $matter: String!, $asOf: DateTime) {
  evaluate(subject: { type: $type, id: $id }, matter: $matter, asOf: $asOf) {
    outcome measures { ruleId }
    explanation { zh: summary(locale: "zh") en: summary(locale: "en") }
  }
}`);
const ENTERPRISE = graphql(`mutation ($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { id } }`);
const OBJECT = graphql(`mutation ($id: ID!) { fileObjection(input: { recordId: $id, reason: "执行案件已结案", filedOn: "2025-03-01", filedBy: "企业法定代表人" }) { id } }`);

const server = serverPerFile();
const evaluate = evaluator(server, EVALUATE);

describe('lawyer28 N1: an enterprise is told only its own measures when a record is under objection', () => {
  it('says the 四(一) restriction rests on the listing and is not stayed, and names no award or honour measure (zh + en)', async () => {
    const id = (await server.ok(ENTERPRISE, { input: { uscc: uscc('91'), name: '鄂州市异议测试建设有限公司' } })).createEnterprise.id;
    const recordId = await createRecord(server, 'ENTERPRISE', id, { category: 'JUDGMENT_DEFAULTER', severity: 'SEVERE', occurredOn: '2025-01-05', decidedOn: '2025-01-10', recordedOn: '2025-01-12', sourceDepartment: '湖北省鄂州市中级人民法院', documentNumber: '(2025)鄂07执18号', loss: null });
    await server.ok(OBJECT, { id: recordId });
    const verdict = await evaluate('ENTERPRISE', id, 'PROCUREMENT', '2025-06-01');
    expect(verdict.explanation.zh).toContain('记录 (2025)鄂07执18号 自 2025-03-01 起有待处理的异议（对该记录的首次异议）：四(一)的限制依名单，异议不中止名单及依名单的限制（名单由列入机关列入和移出）；依记录提示核实并登记名单（en-defaulter-record-unlisted、en-serious-illegal-record-unlisted）照常。');
    expect(verdict.explanation.en).toContain("Record (2025)鄂07执18号 has been under a pending objection since 2025-03-01 (the first objection to it): 四(一)'s restriction rests on the listing, and an objection to the record stays neither the listing nor the restriction resting on it");
    for (const words of ['限制评优评先', '取消荣誉评选资格']) expect(verdict.explanation.zh).not.toContain(words);
    for (const words of ['award restriction', 'honour disqualification']) expect(verdict.explanation.en).not.toContain(words);
  });
});
