import { createAgency, createRecord } from '../support/factories';
import { graphql } from '../support/graphql';
import { chinaToday } from '../../src/domain/day';
import { startTestServer, type Caller, type TestServer } from '../support/test-server';

/**
 * hostile13 F5: one clerk could enter an objection to any record and uphold it with REVOKE, ending
 * its effect alone (and likewise enter a repair application and approve it). Upholding or approving
 * now takes a second person: the clerk who entered the request is refused (FORBIDDEN,
 * SECOND_PERSON_REQUIRED) and nothing changes; another clerk may; rejecting stays anyone's.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const ZHAO: Caller = { role: 'CLERK', sub: 'zhao.clerk' };
const QIAN: Caller = { role: 'CLERK', sub: 'qian.clerk' };
// Dated today: a clerk enters an objection dated before today only with a second person (hostile18 F2).
const FILE = graphql(`mutation ($r: ID!, $on: LocalDate!) { fileObjection(input: { recordId: $r, filedBy: "本机关", reason: "认定有误", filedOn: $on }) { id } }`);
const UPHOLD = graphql(`mutation ($o: ID!, $on: LocalDate!) { resolveObjection(input: { objectionId: $o, decision: UPHELD, remedy: REVOKE, resolution: "认定有误，予以撤销", resolvedOn: $on }) { status record { status } } }`);
const REQUEST = graphql(`mutation ($r: ID!) { requestCreditRepair(input: { recordId: $r, actions: [RECOVERED_LOSS], description: "已挽回全部损失", appliedOn: "2025-03-01" }) { id } }`);
const DECIDE = graphql(`mutation ($id: ID!, $decision: RepairStatus!, $relief: RepairRelief) { decideCreditRepair(input: { repairId: $id, decision: $decision, relief: $relief, decidedOn: "2025-03-10" }) { status } }`);
const state = async (recordId: string) =>
  (await server.sql<{ status: string; revisions: number; events: number }>(
    "select (select status from credit_record where id = ?) as status, (select count(*) from credit_record_revision where record_id = ?)::int as revisions, (select count(*) from audit_event where outcome not like 'refused%')::int as events",
    [recordId, recordId],
  ))[0];

it('the clerk who entered an objection cannot uphold it; another clerk can', async () => {
  const recordId = await createRecord(server, 'AGENCY', await createAgency(server));
  const objection = (await server.ok(FILE, { r: recordId, on: chinaToday() }, ZHAO)).fileObjection.id;
  const before = await state(recordId);
  const alone = await server.query(UPHOLD, { o: objection, on: chinaToday() }, ZHAO);
  expect(alone.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SECOND_PERSON_REQUIRED', field: 'objectionId' });
  expect(alone.errors?.[0].message).toContain('zhao.clerk');
  expect(await state(recordId)).toEqual(before);
  expect((await server.ok(UPHOLD, { o: objection, on: chinaToday() }, QIAN)).resolveObjection).toEqual({ status: 'UPHELD', record: { status: 'REVOKED' } });
});

it('the clerk who entered a repair application cannot approve it, may reject it; another clerk may approve', async () => {
  const recordId = await createRecord(server, 'AGENCY', await createAgency(server));
  const first = (await server.ok(REQUEST, { r: recordId }, ZHAO)).requestCreditRepair.id;
  const before = await state(recordId);
  const alone = await server.query(DECIDE, { id: first, decision: 'APPROVED', relief: 'WAIVE' }, ZHAO);
  expect(alone.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SECOND_PERSON_REQUIRED', field: 'repairId' });
  expect(await state(recordId)).toEqual(before);
  expect((await server.ok(DECIDE, { id: first, decision: 'REJECTED' }, ZHAO)).decideCreditRepair.status).toBe('REJECTED');
  const second = (await server.ok(REQUEST, { r: recordId }, ZHAO)).requestCreditRepair.id;
  expect((await server.ok(DECIDE, { id: second, decision: 'APPROVED', relief: 'WAIVE' }, QIAN)).decideCreditRepair.status).toBe('APPROVED');
});
