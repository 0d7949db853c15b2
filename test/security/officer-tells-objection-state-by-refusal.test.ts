import { chinaToday } from '../../src/domain/day';
import { createAgency, createCivilServant, createRecord } from '../support/factories';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';
import type { Caller } from '../support/test-server';

/**
 * sec31 item 2: an OFFICER, who reads no objection (Objection.* is for CLERK, INSPECTOR, ADMIN), learnt
 * from a refused admitObjection whether the objection was renewed: "this is the first objection… needs no
 * admission" for a first one, another text for a decided or admitted one. And it learnt an objection's
 * filing day by probing: an admittedOn before filedOn answered BAD_USER_INPUT naming filedOn, one after it
 * the back-dating refusal. A refusal now tells the OFFICER only what it may read: the same words for
 * every objection that does not await admission, and a past admittedOn is refused as back-dated before
 * the filing day is looked at. A role that reads objections is still told why.
 */
const server = serverPerFile();
const CLERK: Caller = { role: 'CLERK', sub: 'sec31.clerk' };
const OTHER_CLERK: Caller = { role: 'CLERK', sub: 'sec31.clerk2' };
const OFFICER: Caller = { role: 'OFFICER', sub: 'sec31.officer' };
const FILE = graphql(`mutation ($input: FileObjectionInput!) { fileObjection(input: $input) { id } }`);
const RESOLVE = graphql(`mutation ($input: ResolveObjectionInput!) { resolveObjection(input: $input) { status } }`);
const ADMIT = graphql(`mutation ($input: AdmitObjectionInput!) { admitObjection(input: $input) { id } }`);

async function servantRecord(): Promise<string> {
  return createRecord(server, 'CIVIL_SERVANT', await createCivilServant(server, await createAgency(server)));
}

it('the attack: an OFFICER tells a first objection from a decided one by the refusal\'s words — both now read the same', async () => {
  const today = chinaToday();
  const admit = (objectionId: string, as: Caller) => server.query(ADMIT, { input: { objectionId, grounds: '新证据', admittedOn: today } }, as);
  const first = (await server.ok(FILE, { input: { recordId: await servantRecord(), filedBy: '本人', reason: '认定有误', filedOn: today } }, CLERK)).fileObjection.id;
  const decided = (await server.ok(FILE, { input: { recordId: await servantRecord(), filedBy: '本人', reason: '认定有误', filedOn: today } }, CLERK)).fileObjection.id;
  await server.ok(RESOLVE, { input: { objectionId: decided, decision: 'REJECTED', resolution: '驳回', resolvedOn: today } }, OTHER_CLERK);
  const events = async () => (await server.sql<{ n: number }>(`select count(*)::int as n from audit_event where action = 'ADMIT_OBJECTION'`))[0].n;
  const before = await events();

  const [toFirst, toDecided] = [await admit(first, OFFICER), await admit(decided, OFFICER)];
  for (const refused of [toFirst, toDecided]) {
    expect(refused.data ?? null).toBeNull();
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'objectionId' });
    for (const untold of ['首次异议', 'first objection', 'REJECTED', today]) expect(refused.errors![0].message).not.toContain(untold);
  }
  expect(toFirst.errors![0].message).toBe(toDecided.errors![0].message);
  expect(toFirst.errors![0].message).toContain('does not await admission');
  expect(await events()).toBe(before);

  // A role that reads objections is told which.
  expect((await admit(first, { role: 'ADMIN', sub: 'sec31.admin' })).errors?.[0].message).toContain('first objection');
});

it('the attack: an OFFICER probes a renewed objection\'s filing day with back-dated admissions — every past day is refused alike, naming no filing day', async () => {
  const today = chinaToday();
  const recordId = await servantRecord();
  const first = (await server.ok(FILE, { input: { recordId, filedBy: '本人', reason: '认定有误', filedOn: today } }, CLERK)).fileObjection.id;
  await server.ok(RESOLVE, { input: { objectionId: first, decision: 'REJECTED', resolution: '驳回', resolvedOn: today } }, OTHER_CLERK);
  const renewed = (await server.ok(FILE, { input: { recordId, filedBy: '本人', reason: '新证据', filedOn: today } }, CLERK)).fileObjection.id;
  await server.sql(`update objection set filed_on = '2024-07-01', created_at = '2024-07-01' where id = ?`, [renewed]);

  const before = await server.query(ADMIT, { input: { objectionId: renewed, grounds: '新证据', admittedOn: '2024-06-01' } }, OFFICER);
  const after = await server.query(ADMIT, { input: { objectionId: renewed, grounds: '新证据', admittedOn: '2024-08-01' } }, OFFICER);
  for (const refused of [before, after]) {
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SECOND_PERSON_REQUIRED', field: 'admittedOn' });
    expect(refused.errors![0].message).not.toContain('2024-07-01');
  }
  expect(await server.sql(`select admitted_on from objection where id = ?`, [renewed])).toEqual([{ admitted_on: null }]);
});
