import { chinaToday } from '../../src/domain/day';
import { createAgency, createCivilServant, createRecord } from '../support/factories';
import { noonInChina } from '../support/evaluate';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';
import type { Caller } from '../support/test-server';

/**
 * hostile21 F6: the approver of a repair alone chose how far back the waiver reached. A clerk deciding
 * an application someone else entered (so the second-person rule against its enterer held) dated the
 * approval back, and a civil servant's AWARD restriction vanished from past as-of evaluations on
 * recheck. An approval dated before the day it is entered, of a record on record before today,
 * rewrites past days as a back-dated objection does, and takes the same second person (ADMIN):
 * FORBIDDEN, SECOND_PERSON_REQUIRED, field decidedOn, nothing changed. Dated today it is the clerk's.
 * The legacy door, stateRepairRelief, is closed the same way: stating a relief other than the one
 * recorded holds from the approval day, so it takes ADMIN (field relief); stating the recorded one
 * changes no day and stays the clerk's.
 */
const server = serverPerFile();
const ZHAO: Caller = { role: 'CLERK', sub: 'h21f6.zhao' };
const QIAN: Caller = { role: 'CLERK', sub: 'h21f6.qian' };
const ADMIN: Caller = { role: 'ADMIN', sub: 'h21f6.admin' };
const REQUEST = graphql(`mutation ($r: ID!) { requestCreditRepair(input: { recordId: $r, actions: [RECOVERED_LOSS], description: "已全额挽回损失", appliedOn: "2025-03-01" }) { id } }`);
const DECIDE = graphql(`mutation ($id: ID!, $on: LocalDate!) { decideCreditRepair(input: { repairId: $id, decision: APPROVED, relief: WAIVE, decidedOn: $on }) { status decidedOn } }`);
const STATE = graphql(`mutation ($id: ID!, $relief: RepairRelief!) { stateRepairRelief(input: { repairId: $id, relief: $relief, statedOn: "2025-12-01", documentNumber: "鄂州人社〔2025〕88号" }) { relief reliefStated } }`);
const EVALUATE = graphql(`mutation ($id: ID!, $asOf: DateTime) { evaluate(subject: { type: CIVIL_SERVANT, id: $id }, matter: "AWARD", asOf: $asOf) { id outcome } }`);
const RECHECK = graphql(`mutation ($id: ID!, $asOf: DateTime) { recheck(verdictId: $id, asOf: $asOf) { sameDecision current { outcome } } }`);
const PAST = noonInChina('2025-06-01');

/** A servant's record on record since 2025-02-20, a repair application entered by ZHAO, and a verdict as of 2025-06-01. */
async function recordedLongAgo(): Promise<{ recordId: string; repairId: string; verdictId: string }> {
  const servantId = await createCivilServant(server, await createAgency(server));
  const recordId = await createRecord(server, 'CIVIL_SERVANT', servantId, { severity: 'GENERAL', occurredOn: '2025-02-01', recordedOn: '2025-02-20' });
  await server.sql(`update credit_record set created_at = recorded_on::timestamp where id = ?`, [recordId]);
  const repairId = (await server.ok(REQUEST, { r: recordId }, ZHAO)).requestCreditRepair.id;
  const verdict = (await server.ok(EVALUATE, { id: servantId, asOf: PAST }, QIAN)).evaluate;
  expect(verdict.outcome).toBe('RESTRICTED');
  return { recordId, repairId, verdictId: verdict.id };
}

/** The repair, the record's history and the non-refused audit events: what a refusal leaves as they were. */
const state = async (recordId: string, repairId: string) => ({
  repair: await server.sql(`select status, decided_on::text, relief, relief_stated from credit_repair where id = ?`, [repairId]),
  revisions: (await server.sql<{ n: number }>(`select count(*)::int as n from credit_record_revision where record_id = ?`, [recordId]))[0].n,
  events: (await server.sql<{ n: number }>(`select count(*)::int as n from audit_event where outcome not like 'refused%'`))[0].n,
});
const recheckPast = async (verdictId: string) => (await server.ok(RECHECK, { id: verdictId, asOf: PAST }, QIAN)).recheck;

function expectSecondPerson(result: Awaited<ReturnType<typeof server.query>>, field: string, says: string[]) {
  expect(result.data ?? null).toBeNull();
  expect(result.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SECOND_PERSON_REQUIRED', field, role: 'CLERK', allowed: ['ADMIN'] });
  for (const text of [...says, '须由第二人', 'ADMIN', 'Nothing was changed.']) expect(result.errors![0].message).toContain(text);
}

it('the attack: a second clerk approves an application dated back to 2025-04-01 — refused, nothing changes, the past verdict stands', async () => {
  const { recordId, repairId, verdictId } = await recordedLongAgo();
  const before = await state(recordId, repairId);
  expectSecondPerson(await server.query(DECIDE, { id: repairId, on: '2025-04-01' }, QIAN), 'decidedOn', ['2025-04-01', `dated today (${chinaToday()})`]);
  expect(await state(recordId, repairId)).toEqual(before);
  expect(await recheckPast(verdictId)).toEqual({ sameDecision: true, current: { outcome: 'RESTRICTED' } });
});

it('dated today the approval is the second clerk\'s, and past days keep the record', async () => {
  const { repairId, verdictId } = await recordedLongAgo();
  expect((await server.ok(DECIDE, { id: repairId, on: chinaToday() }, QIAN)).decideCreditRepair).toEqual({ status: 'APPROVED', decidedOn: chinaToday() });
  expect(await recheckPast(verdictId)).toEqual({ sameDecision: true, current: { outcome: 'RESTRICTED' } });
});

it('ADMIN, the second person, enters an approval decision that states an earlier day', async () => {
  const { repairId, verdictId } = await recordedLongAgo();
  expect((await server.ok(DECIDE, { id: repairId, on: '2025-04-01' }, ADMIN)).decideCreditRepair).toEqual({ status: 'APPROVED', decidedOn: '2025-04-01' });
  expect(await recheckPast(verdictId)).toMatchObject({ sameDecision: false });
});

it('a legacy approval\'s relief: another than the one recorded takes ADMIN; the one recorded is the clerk\'s', async () => {
  const legacy = async () => {
    const { recordId, repairId } = await recordedLongAgo();
    await server.ok(DECIDE, { id: repairId, on: '2025-04-01' }, ADMIN);
    // As Migration20261203003000RepairReliefStated left an approval stored before the relief was required, long ago.
    await server.sql(`update credit_repair set relief_stated = false, created_at = '2025-03-01' where id = ?`, [repairId]);
    return { recordId, repairId };
  };
  const { recordId, repairId } = await legacy();
  const before = await state(recordId, repairId);
  expectSecondPerson(await server.query(STATE, { id: repairId, relief: 'LIGHTEN' }, QIAN), 'relief', ['2025-04-01', 'LIGHTEN', 'WAIVE']);
  expect(await state(recordId, repairId)).toEqual(before);
  expect((await server.ok(STATE, { id: repairId, relief: 'WAIVE' }, QIAN)).stateRepairRelief).toEqual({ relief: 'WAIVE', reliefStated: true });

  const other = await legacy();
  expect((await server.ok(STATE, { id: other.repairId, relief: 'LIGHTEN' }, ADMIN)).stateRepairRelief).toEqual({ relief: 'LIGHTEN', reliefStated: true });
});
