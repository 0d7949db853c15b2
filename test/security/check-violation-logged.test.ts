import { Writable } from 'node:stream';
import pino from 'pino';
import { createAgency, createCivilServant, idCardNumber } from '../support/factories';
import { graphql } from '../support/graphql';
import { holdLock } from '../support/row-lock';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * hostile9 F3: a check constraint's failure was logged with PostgreSQL's detail, "Failing row
 * contains (…)": the whole row, ID-card number and name included. Reachable through the API by
 * updateCivilServant racing a concurrent end of tenure (the servant was read without a lock), which
 * also answered INTERNAL_SERVER_ERROR. Now the log line has the SQLSTATE, table and constraint only,
 * and the servant is locked first, so the update checks the row as it stands.
 */
const lines: string[] = [];
let server: TestServer;
beforeAll(async () => {
  const sink = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
  server = await startTestServer({}, undefined, { logger: pino({ level: 'info' }, sink) });
});
afterAll(() => server.stop());

const UPDATE_SERVANT = graphql(`mutation ($id: ID!, $input: UpdateCivilServantInput!) { updateCivilServant(id: $id, input: $input) { id principal principalSince } }`);
const updateEvents = async (id: string) => (await server.sql(`select count(*)::int as n from audit_event where action = 'UPDATE_SUBJECT' and subject_id = ?`, [id]))[0].n as number;

it('a check violation is logged by SQLSTATE, table and constraint, never with the failing row (ID-card number, name)', async () => {
  const idCard = idCardNumber();
  const servantId = await createCivilServant(server, await createAgency(server), { idCardNumber: idCard, name: '唐志佳' });
  // A constraint the use case does not know, so the write reaches the database and fails there.
  await server.sql(`alter table civil_servant add constraint test_rank_not_second check (rank <> '二级主任科员')`);
  try {
    lines.splice(0);
    const answer = await server.query(UPDATE_SERVANT, { id: servantId, input: { rank: '二级主任科员' } }, { role: 'CLERK' });
    expect(answer.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
  } finally {
    await server.sql('alter table civil_servant drop constraint test_rank_not_second');
  }
  await new Promise((resolve) => setImmediate(resolve));
  const logged = lines.map((line) => JSON.parse(line)).filter((line) => line.err?.code === '23514');
  expect(logged).toHaveLength(1);
  expect(logged[0].err).toMatchObject({ code: '23514', table: 'civil_servant', constraint: 'test_rank_not_second' });
  const text = lines.join('\n');
  for (const leak of [idCard, '唐志佳', 'Failing row', '二级主任科员']) expect(text).not.toContain(leak);
});

it('updateCivilServant racing an end of tenure checks the row as it stands: BAD_USER_INPUT on principalSince, not INTERNAL_SERVER_ERROR', async () => {
  const agencyId = await createAgency(server);
  const servantId = await createCivilServant(server, agencyId, { principal: true, principalSince: '2020-01-01' });
  const before = await updateEvents(servantId);
  // The held transaction stands in for a concurrent updateCivilServant(principal: false).
  const held = await holdLock(server, 'select id from civil_servant where id = $1 for update', [servantId]);
  await held.sql('update civil_servant set principal = false, principal_since = null where id = $1', [servantId]);
  const answer = server.query(UPDATE_SERVANT, { id: servantId, input: { principalSince: '2021-01-01' } }, { role: 'CLERK' });
  await held.waitForWaiters(1);
  await held.release();
  const result = await answer;
  expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'principalSince' });
  expect(await server.sql('select principal, principal_since from civil_servant where id = ?', [servantId])).toEqual([{ principal: false, principal_since: null }]);
  expect(await updateEvents(servantId)).toBe(before);
});
