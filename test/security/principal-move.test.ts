import { chinaToday } from '../../src/domain/day';
import { createAgency, createCivilServant, createRecord } from '../support/factories';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';
import type { Caller } from '../support/test-server';

/**
 * hostile11 F6: a principal (since 2017) moved to another agency kept principal and principalSince,
 * so agencyCreditAsPrincipal charged them with the new agency's record of 2023, a year they never led
 * it. A move of a principal ends the tenure (principal: false) or starts a new one on or after the
 * day of the move; anything else is BAD_USER_INPUT on principalSince and changes nothing.
 */
const server = serverPerFile();
const CLERK: Caller = { role: 'CLERK', sub: 'clerk-f6' };
const UPDATE = graphql(`mutation ($id: ID!, $agency: ID, $p: Boolean, $since: LocalDate) { updateCivilServant(id: $id, input: { agencyId: $agency, principal: $p, principalSince: $since }) { principal principalSince agency { id } } }`);
const AS_PRINCIPAL = graphql(`query ($id: ID!, $asOf: DateTime!) { civilServant(id: $id) { agencyCreditAsPrincipal(asOf: $asOf) { dishonest categories } } }`);
const asPrincipal = async (id: string, asOf = '2024-01-01T00:00:00Z') => (await server.ok(AS_PRINCIPAL, { id, asOf })).civilServant!.agencyCreditAsPrincipal;
const row = async (id: string) => (await server.sql(`select agency_id, principal, principal_since::text from civil_servant where id = ?`, [id]))[0];
const events = async () => (await server.sql('select count(*)::int as n from audit_event'))[0].n as number;

async function scene() {
  const old = await createAgency(server, { name: '鄂州市原单位局' });
  const target = await createAgency(server, { name: '鄂州市新单位局' });
  await createRecord(server, 'AGENCY', target, { category: 'FAILURE_TO_APPEAR', occurredOn: '2023-09-04', recordedOn: '2023-09-20' });
  const mover = await createCivilServant(server, old, { principal: true, principalSince: '2017-12-05' });
  const incumbent = await createCivilServant(server, target, { principal: true, principalSince: '2015-03-01' });
  // The record counts for whoever led the target in 2023: the measure the move would have charged the mover with.
  expect(await asPrincipal(incumbent)).toEqual({ dishonest: 1, categories: ['FAILURE_TO_APPEAR'] });
  // The attacker's first step: the target's principal stands down, so the one-principal check passes.
  await server.ok(UPDATE, { id: incumbent, p: false }, CLERK);
  return { old, target, mover };
}

it('the reproduction: moving a principal who keeps the old tenure is refused, changes nothing, and charges them with nothing of the new agency', async () => {
  const { old, target, mover } = await scene();
  expect(await asPrincipal(mover)).toEqual({ dishonest: 0, categories: [] });
  const before = await events();
  const refused = await server.query(UPDATE, { id: mover, agency: target }, CLERK);
  expect(refused.data).toBeNull();
  expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'principalSince' });
  expect(refused.errors?.[0].message).toContain('调往另一机关的主要负责人不能沿用原任职之日');
  expect(refused.errors?.[0].message).toContain('Set principal: false to end the tenure');
  // Keeping the date explicitly, or any day before the move, is refused the same way.
  const kept = await server.query(UPDATE, { id: mover, agency: target, p: true, since: '2017-12-05' }, CLERK);
  expect(kept.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'principalSince' });
  expect(kept.errors?.[0].message).toContain(`2017-12-05 is before the day of the move, ${chinaToday()}`);
  expect(await events()).toBe(before);
  expect(await row(mover)).toEqual({ agency_id: old, principal: true, principal_since: '2017-12-05' });
  expect(await asPrincipal(mover)).toEqual({ dishonest: 0, categories: [] });
});

it('a move that starts a new tenure today is accepted, and the new agency\'s 2023 record does not count for them', async () => {
  const { target, mover } = await scene();
  const today = chinaToday();
  const moved = await server.ok(UPDATE, { id: mover, agency: target, since: today }, CLERK);
  expect(moved.updateCivilServant).toEqual({ principal: true, principalSince: today, agency: { id: target } });
  expect(await asPrincipal(mover)).toEqual({ dishonest: 0, categories: [] });
  expect(await asPrincipal(mover, new Date().toISOString())).toEqual({ dishonest: 0, categories: [] });
});

it('a move that ends the tenure is accepted; a servant who is not principal moves as before', async () => {
  const { target, mover } = await scene();
  expect((await server.ok(UPDATE, { id: mover, agency: target, p: false }, CLERK)).updateCivilServant).toEqual({ principal: false, principalSince: null, agency: { id: target } });
  const clerkOfOld = await createCivilServant(server, await createAgency(server));
  expect((await server.ok(UPDATE, { id: clerkOfOld, agency: target }, CLERK)).updateCivilServant).toMatchObject({ principal: false, agency: { id: target } });
  // Naming the agency they are in already is no move.
  // (The incumbent stood down in scene(): the target's next principal takes office today.)
  const stays = await createCivilServant(server, target, { principal: true, principalSince: chinaToday() });
  expect((await server.ok(UPDATE, { id: stays, agency: target.toUpperCase() }, CLERK)).updateCivilServant).toEqual({ principal: true, principalSince: chinaToday(), agency: { id: target } });
});
