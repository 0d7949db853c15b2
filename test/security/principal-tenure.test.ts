import { createAgency, createCivilServant } from '../support/factories';
import { idCardCheckDigit } from '../../src/domain/identifiers';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';
import type { Caller } from '../support/test-server';

/**
 * hostile8 F11: a person born in 1998 was made principal "since 1900-01-01", and a second person of
 * the same agency was made principal too: two 主要负责人 at once, and agencyCreditAsPrincipal covered
 * every record since 1900. A term starts on or after the 18th birthday, and an agency has one
 * principal at a time.
 */
const server = serverPerFile();
const CLERK: Caller = { role: 'CLERK', sub: 'clerk-f11' };
const UPDATE = graphql(`mutation ($id: ID!, $p: Boolean, $since: LocalDate) { updateCivilServant(id: $id, input: { principal: $p, principalSince: $since }) { principal principalSince } }`);
const principals = async (agencyId: string) => (await server.sql(`select count(*)::int as n from civil_servant where agency_id = ? and principal`, [agencyId]))[0].n;
const bornIn1998 = () => { const body = `42070219980214${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`; return body + idCardCheckDigit(body); };

it('a term before the 18th birthday, or a second principal of the agency, is refused and changes nothing', async () => {
  const agencyId = await createAgency(server);
  const young = await createCivilServant(server, agencyId, { idCardNumber: bornIn1998() });
  const early = await server.query(UPDATE, { id: young, p: true, since: '1900-01-01' }, CLERK);
  expect(early.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'principalSince' });
  expect(early.errors?.[0].message).toContain('2016-02-14');
  expect(await principals(agencyId)).toBe(0);

  await server.ok(UPDATE, { id: young, p: true, since: '2024-01-01' }, CLERK);
  const second = await createCivilServant(server, agencyId);
  const twice = await server.query(UPDATE, { id: second, p: true, since: '2025-01-01' }, CLERK);
  expect(twice.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'principal' });
  expect(twice.errors?.[0].message).toContain('一个机关同一时间只有一名主要负责人');
  expect(await principals(agencyId)).toBe(1);

  // The first one's tenure ended (on the last day given), the second one may take office after it.
  await server.ok(graphql(`mutation ($id: ID!) { updateCivilServant(id: $id, input: { principal: false, principalUntil: "2024-12-31" }) { id } }`), { id: young }, CLERK);
  expect((await server.ok(UPDATE, { id: second, p: true, since: '2025-01-01' }, CLERK)).updateCivilServant).toEqual({ principal: true, principalSince: '2025-01-01' });
});
