import { agencyWithServant, createCivilServant, createRecord } from '../support/factories';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';

/**
 * lawyer23 R3: 三(七) lightens (从轻) “公务员在政务失信行为发生后……” — for government dishonesty only. A
 * civil servant's record outside the parameters' government-dishonesty reading (a personal judgment-
 * default listing; an in-office category not recorded as done in office) is refused LIGHTEN
 * (BAD_USER_INPUT, field relief, naming the clause and what to do); WAIVE stays open, and a record
 * recorded as done in office is lightened as before.
 */
const REQUEST = graphql(`mutation ($input: RequestCreditRepairInput!) { requestCreditRepair(input: $input) { id } }`);
const DECIDE = graphql(`mutation ($input: DecideCreditRepairInput!) { decideCreditRepair(input: $input) { status relief } }`);

const server = serverPerFile();

async function repairOf(fields: Parameters<typeof createRecord>[3]) {
  const { servantId } = await agencyWithServant(server);
  const recordId = await createRecord(server, 'CIVIL_SERVANT', servantId, { severity: 'GENERAL', occurredOn: '2025-02-01', recordedOn: '2025-02-20', ...fields });
  return (await server.ok(REQUEST, { input: { recordId, actions: ['RECOVERED_LOSS'], description: '已全额履行', appliedOn: '2025-03-01' } })).requestCreditRepair.id;
}
const lighten = (repairId: string) => server.query(DECIDE, { input: { repairId, decision: 'APPROVED', relief: 'LIGHTEN', decidedOn: '2025-04-01' } });

describe('lawyer23 R3: LIGHTEN only for government dishonesty (三(七))', () => {
  it('refuses LIGHTEN for a personal judgment-default record, leaving the repair pending; WAIVE is approved', async () => {
    const repairId = await repairOf({ category: 'JUDGMENT_DEFAULTER', inOffice: null });
    const refused = await lighten(repairId);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'relief' });
    expect(refused.errors?.[0].message).toContain('从轻（LIGHTEN）不能登记：三(七)');
    expect(refused.errors?.[0].message).toContain('JUDGMENT_DEFAULTER');
    // lawyer24 W2: the refusal sends the decision back to its body and never suggests recording WAIVE instead.
    expect(refused.errors?.[0].message).toContain('不以其他救济方式代为登记：请将该从轻决定退回作出决定的机关');
    expect(refused.errors?.[0].message).toContain('return this lightening to the body that decided it');
    expect(refused.errors?.[0].message).not.toMatch(/WAIVE|免于）批准|个人相关信用信息/);
    expect(await server.sql('select status, relief from credit_repair where id = ?', [repairId])).toEqual([{ status: 'PENDING', relief: null }]);
    expect((await server.ok(DECIDE, { input: { repairId, decision: 'APPROVED', relief: 'WAIVE', decidedOn: '2025-04-01' } })).decideCreditRepair).toEqual({ status: 'APPROVED', relief: 'WAIVE' });
  });

  it('refuses LIGHTEN for a breach of contract not recorded as done in office, saying how to record it; lightens one done in office', async () => {
    const unrecorded = await repairOf({ inOffice: null });
    const refused = await lighten(unrecorded);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'relief' });
    expect(refused.errors?.[0].message).toContain('未登记是否为履职行为');
    expect(refused.errors?.[0].message).toContain('first record inOffice true by an objection\'s correction');
    expect(refused.errors?.[0].message).toContain('otherwise: Chengxin records a lightening only within 三(七)\'s reach');
    expect(refused.errors?.[0].message).not.toContain('WAIVE');
    const private_ = await lighten(await repairOf({ inOffice: false }));
    expect(private_.errors?.[0].message).toContain('登记为非履职行为');

    const inOffice = await lighten(await repairOf({ inOffice: true }));
    expect(inOffice.errors).toBeUndefined();
    expect(inOffice.data?.decideCreditRepair).toEqual({ status: 'APPROVED', relief: 'LIGHTEN' });
  });

  it('lawyer24 W1: a principal-responsibility finding, about an act of government dishonesty, is lightened as the body decided, though it restricts no award', async () => {
    const { agencyId } = await agencyWithServant(server);
    const principal = await createCivilServant(server, agencyId, { post: '局长', rank: '一级调研员', leadingCadre: true, principal: true, principalSince: '2020-01-01' });
    const recordId = await createRecord(server, 'CIVIL_SERVANT', principal, { category: 'PRINCIPAL_RESPONSIBILITY', severity: 'GENERAL', sourceDepartment: '鄂州市监察委员会', documentNumber: '鄂州纪〔2025〕26号', occurredOn: '2025-02-01', recordedOn: '2025-02-20', decidedOn: '2025-02-15' });
    const repairId = (await server.ok(REQUEST, { input: { recordId, actions: ['RECOVERED_LOSS'], description: '已挽回损失', appliedOn: '2025-03-01' } })).requestCreditRepair.id;
    const lightened = await lighten(repairId);
    expect(lightened.errors).toBeUndefined();
    expect(lightened.data?.decideCreditRepair).toEqual({ status: 'APPROVED', relief: 'LIGHTEN' });
    expect(await server.sql('select status, relief from credit_repair where id = ?', [repairId])).toEqual([{ status: 'APPROVED', relief: 'LIGHTEN' }]);
  });
});
