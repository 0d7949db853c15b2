import { chinaToday } from '../../src/domain/day';
import { createAgency, createRecord } from '../support/factories';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';
import type { Caller } from '../support/test-server';

/**
 * hostile29 F5: an OFFICER's back-dated admitObjection was refused rightly (SECOND_PERSON_REQUIRED) but
 * named `field: filedOn`, which the input does not have, and told the officer it "may file it dated
 * today" — OFFICER files no objections. The refusal names admittedOn and speaks of admitting.
 */
const server = serverPerFile();
const CLERK: Caller = { role: 'CLERK', sub: 'h29f5.clerk' };
const OFFICER: Caller = { role: 'OFFICER', sub: 'h29f5.officer' };
const FILE = graphql(`mutation ($input: FileObjectionInput!) { fileObjection(input: $input) { id } }`);
const RESOLVE = graphql(`mutation ($input: ResolveObjectionInput!) { resolveObjection(input: $input) { status } }`);
const ADMIT = graphql(`mutation ($input: AdmitObjectionInput!) { admitObjection(input: $input) { admittedOn } }`);

it('the attack: a back-dated admission is refused on admittedOn, telling the officer it may admit dated today', async () => {
  const today = chinaToday();
  const recordId = await createRecord(server, 'AGENCY', await createAgency(server));
  const first = (await server.ok(FILE, { input: { recordId, filedBy: '本机关', reason: '认定有误', filedOn: today } }, CLERK)).fileObjection.id;
  await server.ok(RESOLVE, { input: { objectionId: first, decision: 'REJECTED', resolution: '驳回', resolvedOn: today } }, CLERK);
  const renewed = (await server.ok(FILE, { input: { recordId, filedBy: '本机关', reason: '新证据', filedOn: today } }, CLERK)).fileObjection.id;
  // The renewed objection stood since 2024 (as hostile29 found it): admitting it from 2024-08-01 rewrites the days since.
  await server.sql(`update objection set filed_on = '2024-07-01', created_at = '2024-07-01' where id = ?`, [renewed]);

  const refused = await server.query(ADMIT, { input: { objectionId: renewed, grounds: '新证据', admittedOn: '2024-08-01' } }, OFFICER);
  expect(refused.data ?? null).toBeNull();
  expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SECOND_PERSON_REQUIRED', field: 'admittedOn', role: 'OFFICER', allowed: ['ADMIN'] });
  const message = refused.errors![0].message;
  for (const says of ['受理日 2024-08-01', `可以今日（${today}）为受理日受理该异议`, `may admit the objection dated today (${today})`, 'Nothing was changed.']) expect(message).toContain(says);
  for (const wrong of ['提出日', 'may file']) expect(message).not.toContain(wrong);
  expect(await server.sql(`select admitted_on from objection where id = ?`, [renewed])).toEqual([{ admitted_on: null }]);

  expect((await server.ok(ADMIT, { input: { objectionId: renewed, grounds: '新证据', admittedOn: today } }, OFFICER)).admitObjection.admittedOn).toBe(today);
});
