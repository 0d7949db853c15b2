import { createAgency, createCivilServant } from '../support/factories';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';
import type { Caller } from '../support/test-server';

/**
 * hostile31 F6: one clerk's `updateAgency(level: DISTRICT)` took a township government out of the
 * integrity-title caution (三(五), 三(六) read `level in [STREET, TOWNSHIP]`) on every past day, as-of
 * evaluations and rechecks included; `updateCivilServant(leadingCadre)` moves a servant between 四(四)
 * and 三(四) the same way. Neither value has a history, so changing one on a row on record before today
 * rewrites past days and takes a second person (ADMIN): the clerk is refused (FORBIDDEN,
 * SECOND_PERSON_REQUIRED, naming who may and what the clerk may do) and nothing changes. A subject
 * registered today stays the clerk's to correct.
 */
const server = serverPerFile();
const CLERK: Caller = { role: 'CLERK', sub: 'sec32.clerk' };
const ADMIN: Caller = { role: 'ADMIN', sub: 'sec32.admin' };
const UPDATE_AGENCY = graphql(`mutation ($id: ID!, $input: UpdateAgencyInput!) { updateAgency(id: $id, input: $input) { level } }`);
const UPDATE_SERVANT = graphql(`mutation ($id: ID!, $input: UpdateCivilServantInput!) { updateCivilServant(id: $id, input: $input) { leadingCadre } }`);
const events = async (id: string) => (await server.sql<{ n: number }>(`select count(*)::int as n from audit_event where subject_id = ? and outcome not like 'refused%'`, [id]))[0].n;

it('a clerk cannot move a township government on record before today to DISTRICT; ADMIN can', async () => {
  const id = await createAgency(server, { name: '华容区测试镇人民政府', level: 'TOWNSHIP' });
  await server.sql(`update agency set created_at = '2024-01-01' where id = ?`, [id]);
  const before = await events(id);

  const refused = await server.query(UPDATE_AGENCY, { id, input: { level: 'DISTRICT' } }, CLERK);
  expect(refused.data ?? null).toBeNull();
  expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SECOND_PERSON_REQUIRED', field: 'level', role: 'CLERK', allowed: ['ADMIN'] });
  expect(refused.errors?.[0].message).toMatch(/须由第二人（ADMIN）录入.*takes a second person: one of ADMIN.*registered today/s);
  expect((await server.sql(`select level from agency where id = ?`, [id]))[0].level).toBe('TOWNSHIP');
  expect(await events(id)).toBe(before);

  // Restating the level it has is no change; ADMIN, the second person, may change it.
  expect((await server.ok(UPDATE_AGENCY, { id, input: { level: 'TOWNSHIP' } }, CLERK)).updateAgency.level).toBe('TOWNSHIP');
  expect((await server.ok(UPDATE_AGENCY, { id, input: { level: 'DISTRICT' } }, ADMIN)).updateAgency.level).toBe('DISTRICT');
});

it('an agency registered today the clerk may still correct', async () => {
  const id = await createAgency(server, { name: '华容区今日镇人民政府', level: 'TOWNSHIP' });
  expect((await server.ok(UPDATE_AGENCY, { id, input: { level: 'STREET' } }, CLERK)).updateAgency.level).toBe('STREET');
});

it('a clerk cannot make a servant on record before today a leading cadre or not; ADMIN can, and one registered today stays the clerk’s', async () => {
  const agencyId = await createAgency(server);
  const id = await createCivilServant(server, agencyId, { leadingCadre: false });
  await server.sql(`update civil_servant set created_at = '2024-01-01' where id = ?`, [id]);
  const before = await events(id);

  const refused = await server.query(UPDATE_SERVANT, { id, input: { leadingCadre: true } }, CLERK);
  expect(refused.data ?? null).toBeNull();
  expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SECOND_PERSON_REQUIRED', field: 'leadingCadre', allowed: ['ADMIN'] });
  expect(refused.errors?.[0].message).toContain('四(四)');
  expect((await server.sql(`select leading_cadre from civil_servant where id = ?`, [id]))[0].leading_cadre).toBe(false);
  expect(await events(id)).toBe(before);
  expect((await server.ok(UPDATE_SERVANT, { id, input: { leadingCadre: true } }, ADMIN)).updateCivilServant.leadingCadre).toBe(true);

  const today = await createCivilServant(server, agencyId, { leadingCadre: false });
  expect((await server.ok(UPDATE_SERVANT, { id: today, input: { leadingCadre: true } }, CLERK)).updateCivilServant.leadingCadre).toBe(true);
});
