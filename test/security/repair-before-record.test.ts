import { createAgency, createRecord } from '../support/factories';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';
import type { Caller } from '../support/test-server';

/**
 * hostile8 F3: a record occurred 2026-01-01, decided 2026-02-01, recorded 2026-03-01; a repair
 * applied for on 2026-01-15 and approved on 2026-01-20 erased its effect on every day it ever had
 * one. A repair is applied for once the record is decided and registered.
 */
const server = serverPerFile();
const CLERK: Caller = { role: 'CLERK', sub: 'clerk-f3' };
const REQUEST = graphql(`mutation ($input: RequestCreditRepairInput!) { requestCreditRepair(input: $input) { id } }`);
const repairs = async () => (await server.sql('select count(*)::int as n from credit_repair'))[0].n;

it('a repair applied for before the record was decided or registered is refused, and nothing is written', async () => {
  const agencyId = await createAgency(server);
  const recordId = await createRecord(server, 'AGENCY', agencyId, { occurredOn: '2026-01-01', decidedOn: '2026-02-01', recordedOn: '2026-03-01', documentNumber: '鄂州信〔2026〕901号' });
  const before = await repairs();
  for (const appliedOn of ['2026-01-15', '2026-02-15']) {
    const refused = await server.query(REQUEST, { input: { recordId, actions: ['ELIMINATED_EFFECT'], description: '已整改', appliedOn } }, CLERK);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'appliedOn' });
    expect(refused.errors?.[0].message).toContain('2026-03-01');
    expect(refused.errors?.[0].message).toContain('信用修复只能在记录认定并登记之后申请');
  }
  expect(await repairs()).toBe(before);
  await server.ok(REQUEST, { input: { recordId, actions: ['ELIMINATED_EFFECT'], description: '已整改', appliedOn: '2026-03-01' } }, CLERK);
  expect(await repairs()).toBe(before + 1);
});
