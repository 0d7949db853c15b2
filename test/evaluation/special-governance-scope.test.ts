import { createAgency } from '../support/factories';
import { evaluator } from '../support/evaluate';
import { serverPerFile } from '../support/server-per-file';
import { graphql } from '../support/graphql';

/**
 * 三(八) governs 政府机构失信问题 and lays the duty to appear in court on 政府机构负责人: a court or a party
 * organ is no government body, and public institutions and vertical agencies, kept with them as OTHER,
 * are left out by a local choice (catalogue 三(八) scope and localChoices). A department is recommended.
 */
const EVALUATE = graphql(`mutation ($type: SubjectType!, $id: ID!, $matter: String!, $asOf: DateTime) {
  evaluate(subject: { type: $type, id: $id }, matter: $matter, asOf: $asOf) { outcome measures { ruleId } reason { zh en } }
}`);
const LIST = graphql(`mutation ($input: ListSubjectInput!) { listSubject(input: $input) { id } }`);

const server = serverPerFile();
const evaluate = evaluator(server, EVALUATE);

describe('三(八) special governance reaches government bodies only', () => {
  it('a listed department is recommended; a listed court (kind OTHER) is not, and the reason says it is no 政府机构 of 三(八)', async () => {
    const department = await createAgency(server, { name: '鄂州市被执行测试局' });
    const court = await createAgency(server, { name: '鄂州市某区人民法院', kind: 'OTHER' });
    for (const subjectId of [department, court]) {
      await server.ok(LIST, { input: { subjectType: 'AGENCY', subjectId, list: 'JUDGMENT_DEFAULTER', listedOn: '2025-01-10', listedBy: '湖北省鄂州市中级人民法院', documentNumber: '(2024)鄂07执91号' } });
    }
    const recommended = await evaluate('AGENCY', department, 'SPECIAL_GOVERNANCE');
    expect(recommended.measures.map((m) => m.ruleId)).toEqual(['ag-special-governance']);

    const outside = await evaluate('AGENCY', court, 'SPECIAL_GOVERNANCE');
    expect(outside.outcome).toBe('ELIGIBLE');
    expect(outside.measures).toEqual([]);
    // lawyer21 N4: the reason names the limb that held (the kind), not a disjunction.
    expect(outside.reason.zh).toContain('本机构类别为其他（法院、党的机关、事业单位、垂直管理机构等），不是三(八)所称政府机构');
    expect(outside.reason.zh).not.toContain('或者没有');
    expect(outside.reason.en).toContain("This body's kind is OTHER (courts, party organs, public institutions, vertical agencies), not a government body (政府机构) of 三(八)");
  });
});
