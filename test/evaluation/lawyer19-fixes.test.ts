import { createAgency, createCivilServant } from '../support/factories';
import { evaluator } from '../support/evaluate';
import { serverPerFile } from '../support/server-per-file';
import { graphql } from '../support/graphql';

/**
 * lawyer19 R4 (issue 11), through the real server: 四(五)'s “街道和乡镇” are the street office and the
 * township government themselves. Another body registered at township level is scored under neither
 * 三(五) nor 四(五); a township whose kind is only estimated loses no points on the estimate and is
 * cautioned in the integrity-title campaign with its kind said to await confirmation.
 */
const EVALUATE = graphql(`mutation ($type: SubjectType!, $id: ID!, $matter: String!, $asOf: DateTime) {
  evaluate(subject: { type: $type, id: $id }, matter: $matter, asOf: $asOf) { outcome score reason { zh en } measures { ruleId } }
}`);
const CREATE = graphql(`mutation ($input: CreateCommitmentInput!) { createCommitment(input: $input) { id } }`);
const SETTLE = graphql(`mutation ($input: SettleCommitmentInput!) { settleCommitment(input: $input) { breachFinding } }`);

const server = serverPerFile();
const evaluate = evaluator(server, EVALUATE);
const ruleIds = (v: { measures: { ruleId: string }[] }) => v.measures.map((m) => m.ruleId).sort();

/** A township-level body with one commitment found unmet through 履职不力 on 2025-03-10. */
async function townshipBody(fields: { name: string; kind: 'PEOPLES_GOVERNMENT' | 'OTHER' }): Promise<string> {
  const agencyId = await createAgency(server, { level: 'TOWNSHIP', ...fields });
  const cadreId = await createCivilServant(server, agencyId, { post: '镇长', rank: '一级主任科员', leadingCadre: true });
  const made = await server.ok(CREATE, { input: { agencyId, responsiblePersonId: cadreId, kind: 'DEADLINE', domain: 'LIVELIHOOD', publiclyDisclosed: true, content: '养老服务站按期开放', publishedOn: '2025-01-01', dueOn: '2025-03-01' } });
  await server.ok(SETTLE, { input: { commitmentId: made.createCommitment.id, status: 'BREACHED', settledOn: '2025-03-10', breachFinding: 'DERELICTION', settlementDocument: '鄂州督〔2025〕4号', foundBy: '鄂州市人民政府督查室', answerablePersonIds: [cadreId], answerableSeverity: 'GENERAL' } });
  return agencyId;
}

describe('R4: 四(五) reaches the street office and the township government themselves, on a confirmed kind', () => {
  it('another body registered at township level is not scored or cautioned as the township', async () => {
    const agencyId = await townshipBody({ name: '鄂州市测试镇水利站', kind: 'OTHER' });
    const review = await evaluate('AGENCY', agencyId, 'PERFORMANCE_REVIEW', '2025-06-01');
    expect(ruleIds(review)).toEqual([]);
    expect(review.score).toBe(0);
    expect((await evaluate('AGENCY', agencyId, 'INTEGRITY_TITLE', '2025-06-01')).outcome).toBe('ELIGIBLE');
  });

  it('a township government is scored and cautioned; with its kind estimated it scores 0 and the caution says the kind awaits confirmation', async () => {
    const agencyId = await townshipBody({ name: '鄂州市推定镇人民政府', kind: 'PEOPLES_GOVERNMENT' });
    const confirmed = await evaluate('AGENCY', agencyId, 'PERFORMANCE_REVIEW', '2025-06-01');
    expect(ruleIds(confirmed)).toEqual(['ag-performance-breached-commitments']);
    expect(confirmed.score).toBe(-5);
    expect(ruleIds(await evaluate('AGENCY', agencyId, 'INTEGRITY_TITLE', '2025-06-01'))).toEqual(['ag-integrity-title-caution']);

    await server.sql('update agency set kind_estimated = true where id = ?', [agencyId]);
    const estimated = await evaluate('AGENCY', agencyId, 'PERFORMANCE_REVIEW', '2025-06-01');
    expect(ruleIds(estimated)).toEqual(['ag-performance-breached-commitments-kind-estimated']);
    expect(estimated.score).toBe(0);
    const title = await evaluate('AGENCY', agencyId, 'INTEGRITY_TITLE', '2025-06-01');
    expect(ruleIds(title)).toEqual(['ag-integrity-title-kind-estimated']);
    expect(title.reason.zh).toContain('的机构类别是引入机构类别时按名称推定的，尚待工作人员确认');
  });
});
