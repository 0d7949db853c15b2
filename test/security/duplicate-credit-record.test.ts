import { createAgency, recordInput } from '../support/factories';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';
import type { Caller } from '../support/test-server';

/**
 * hostile8 F5: the same createCreditRecord sent twice made two records, so unrepairedMajor counted
 * one decision twice. A record of the same subject, category, decision day and document number
 * (compared as NFKC without spaces) that is not revoked is the same act: CONFLICT on documentNumber.
 */
const server = serverPerFile();
const CLERK: Caller = { role: 'CLERK', sub: 'clerk-f5' };
const CREATE = graphql(`mutation ($input: CreateCreditRecordInput!) { createCreditRecord(input: $input) { id } }`);
const FACTS = graphql(`query ($id: ID!) { agency(id: $id) { credit(asOf: "2026-06-01T12:00:00+08:00") { unrepairedMajor } } }`);
const records = async () => (await server.sql('select count(*)::int as n from credit_record'))[0].n;

it('the same decision entered again, as sent or with full-width digits, is refused and counts once', async () => {
  const agencyId = await createAgency(server);
  const fields = { occurredOn: '2026-01-10', decidedOn: '2026-02-01', recordedOn: '2026-02-05', documentNumber: '鄂州信〔2026〕801号' };
  await server.ok(CREATE, { input: recordInput('AGENCY', agencyId, fields) }, CLERK);
  const before = await records();
  for (const documentNumber of ['鄂州信〔2026〕801号', '鄂州信〔２０２６〕８０１号 ']) {
    const refused = await server.query(CREATE, { input: recordInput('AGENCY', agencyId, { ...fields, documentNumber, recordedOn: '2026-02-06' }) }, CLERK);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'documentNumber' });
    expect(refused.errors?.[0].message).toContain('同一行为不重复登记');
  }
  expect(await records()).toBe(before);
  expect((await server.ok(FACTS, { id: agencyId }, CLERK)).agency!.credit.unrepairedMajor).toBe(1);
  // Another decision of the same body (another number, or another day) is another record.
  await server.ok(CREATE, { input: recordInput('AGENCY', agencyId, { ...fields, documentNumber: '鄂州信〔2026〕802号' }) }, CLERK);
  expect(await records()).toBe(before + 1);
});
