import { createAgency } from '../support/factories';
import { serverPerFile } from '../support/server-per-file';
import { evaluator } from '../support/evaluate';
import { graphql } from '../support/graphql';

/**
 * lawyer12's findings, through the real server: what a verdict says of an agency's court listing
 * (R2, R1, N10) and why an agency outside the performance evaluation is scored nothing (W2).
 */
const EVALUATE = graphql(`mutation ($type: SubjectType!, $id: ID!, $matter: String!, $asOf: DateTime) {
  evaluate(subject: { type: $type, id: $id }, matter: $matter, asOf: $asOf) {
    outcome
    score
    reason { zh en }
    measures { ruleId }
  }
}`);
const LIST = graphql(`mutation ($input: ListSubjectInput!) { listSubject(input: $input) { id } }`);
const COMMITMENT = graphql(`mutation ($input: CreateCommitmentInput!) { createCommitment(input: $input) { id } }`);
const SETTLE = graphql(`mutation ($input: SettleCommitmentInput!) { settleCommitment(input: $input) { breachFoundOn } }`);

const server = serverPerFile();
const evaluate = evaluator(server, EVALUATE);

describe('R2: special governance of a listed agency names the listing and says to verify it', () => {
  it('no term recorded: the text names court, day and 文号, says only that no removal is recorded here, and tells the lead units to verify with the court', async () => {
    const agencyId = await createAgency(server, { name: '鄂州市被执行测试局' });
    await server.ok(LIST, { input: { subjectType: 'AGENCY', subjectId: agencyId, list: 'JUDGMENT_DEFAULTER', listedOn: '2025-02-10', listedBy: '湖北省鄂州市中级人民法院', documentNumber: '(2025)鄂07执31号' } });

    const verdict = await evaluate('AGENCY', agencyId, 'SPECIAL_GOVERNANCE', '2025-06-01');
    expect(verdict.measures).toEqual([{ ruleId: 'ag-special-governance' }]);
    expect(verdict.reason.zh).toContain('由湖北省鄂州市中级人民法院于2025-02-10列入失信被执行人名单（文号(2025)鄂07执31号），截至2025-06-01本系统未登记法院移出；');
    expect(verdict.reason.zh).toContain('名单未登记列入期限');
    expect(verdict.reason.zh).toContain('决定机关应向作出列入决定的人民法院核实名单是否仍然有效');
    expect(verdict.reason.en).toContain('by 湖北省鄂州市中级人民法院 on 2025-02-10 (No. (2025)鄂07执31号); as of 2025-06-01 no removal by the court is recorded here.');
    expect(verdict.reason.en).toContain('No term is recorded for the listing');
    for (const text of [verdict.reason.zh, verdict.reason.en]) expect(text).not.toMatch(/\{\{|subject\./);
  });

  it('a recorded term: the text gives its end and that an extension not entered here must be verified with the court (N10)', async () => {
    const agencyId = await createAgency(server, { name: '鄂州市期限测试局' });
    await server.ok(LIST, { input: { subjectType: 'AGENCY', subjectId: agencyId, list: 'JUDGMENT_DEFAULTER', listedOn: '2025-02-10', listedBy: '湖北省鄂州市中级人民法院', documentNumber: '(2025)鄂07执32号', termEndsOn: '2027-02-09' } });

    const verdict = await evaluate('AGENCY', agencyId, 'SPECIAL_GOVERNANCE', '2025-06-01');
    expect(verdict.reason.zh).toContain('名单登记的列入期限至2027-02-09届满，届满次日起不再计入（法释〔2017〕7号第二条）；法院可延长列入期限，延长未在本系统登记的，决定机关应向作出列入决定的人民法院核实。');
    expect(verdict.reason.en).toContain('A court may extend the term, and an extension not entered here would not show');
  });
});

describe('W2: an agency outside 三(五) and 四(五) is not told it has no unmet commitment', () => {
  it('a confirmed OTHER agency with a commitment found unmet through 履职不力 scores nothing, and the reason gives the scope, not an absence', async () => {
    const agencyId = await createAgency(server, { name: '鄂州市某事业单位', kind: 'OTHER' });
    const created = await server.ok(COMMITMENT, {
      input: { agencyId, kind: 'DEADLINE', domain: 'LIVELIHOOD', publiclyDisclosed: true, content: '年内完成档案数字化', publishedOn: '2025-01-05', dueOn: '2025-03-01' },
    });
    await server.ok(SETTLE, { input: { commitmentId: created.createCommitment.id, status: 'BREACHED', settledOn: '2025-04-01', breachFinding: 'DERELICTION', settlementDocument: '鄂州督〔2025〕11号', foundBy: '鄂州市人民政府督查室' } });

    const verdict = await evaluate('AGENCY', agencyId, 'PERFORMANCE_REVIEW', '2025-06-01');
    expect(verdict.outcome).toBe('ELIGIBLE');
    expect(verdict.measures).toEqual([]);
    expect(verdict.reason.zh).toContain('本机构类别为其他（党的机关、事业单位、垂直管理机构、法院等），不在三(五)政府绩效评价体系、四(五)街道和乡镇绩效考核体系之内');
    expect(verdict.reason.en).toContain("This body's kind is OTHER (party organs, public institutions, vertical agencies, courts): outside 三(五)'s government performance evaluation and 四(五)'s street and township review");
  });
});
