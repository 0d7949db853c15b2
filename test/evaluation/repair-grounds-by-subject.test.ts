import { createAgency, createCivilServant, createRecord, uscc } from '../support/factories';
import { serverPerFile } from '../support/server-per-file';
import { graphql } from '../support/graphql';

/**
 * lawyer28 N2, through the real server: 三(七)'s grounds of repair (主动挽回损失、消除不良影响、有效阻止危害结果发生)
 * speak of 公务员. An agency's or enterprise's repair falls under other credit-repair rules: it may be
 * applied for without them; a civil servant's may not, and the error says which grounds to give.
 */
const REQUEST = graphql(`mutation ($id: ID!) { requestCreditRepair(input: { recordId: $id, actions: [], description: "依其他信用修复规定申请，已履行行政处罚决定", appliedOn: "2025-04-01" }) { id } }`);
const ENTERPRISE = graphql(`mutation ($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { id } }`);
const server = serverPerFile();
const record = { severity: 'GENERAL', occurredOn: '2025-01-05', decidedOn: '2025-01-10', recordedOn: '2025-01-12', loss: null } as const;

describe('lawyer28 N2: the grounds of a repair fit the subject type', () => {
  it('an agency or enterprise applies without 三(七)\'s grounds; a civil servant is refused with a coded bilingual error on actions', async () => {
    const agencyId = await createAgency(server);
    const enterpriseId = (await server.ok(ENTERPRISE, { input: { uscc: uscc('91'), name: '鄂州市修复测试有限公司' } })).createEnterprise.id;
    for (const [type, id] of [['AGENCY', agencyId], ['ENTERPRISE', enterpriseId]] as const) {
      const recordId = await createRecord(server, type, id, record);
      expect((await server.ok(REQUEST, { id: recordId })).requestCreditRepair.id).toBeTruthy();
    }
    const servantRecord = await createRecord(server, 'CIVIL_SERVANT', await createCivilServant(server, agencyId), record);
    const refused = await server.query(REQUEST, { id: servantRecord });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'actions' });
    expect(refused.errors?.[0]?.message).toContain('公务员的信用修复申请须写明三(七)所列的至少一种修复方式');
    expect(refused.errors?.[0]?.message).toContain("A civil servant's repair application must give at least one of the ways of repair 三(七) names");
  });
});
