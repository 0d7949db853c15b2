import { createAgency, createCivilServant, recordInput } from '../support/factories';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';
import type { Caller } from '../support/test-server';

/**
 * hostile29 F6: `loss` 99999999999999.99 was accepted and stored as 99999999999999.98: a GraphQL Float
 * (a double) holds a decimal of at most 15 significant digits as written, and the fen check ran on the
 * number already rounded. A loss beyond 9999999999999.99 is refused (BAD_USER_INPUT on loss, the bound
 * in the message), nothing written; the largest allowed is stored as sent.
 */
const server = serverPerFile();
const CLERK: Caller = { role: 'CLERK', sub: 'h29f6.clerk' };
const CREATE = graphql(`mutation ($input: CreateCreditRecordInput!) { createCreditRecord(input: $input) { id loss } }`);

it.each([99_999_999_999_999.99, 10_000_000_000_000, 9_999_999_999_999.995])('the attack: loss %d is BAD_USER_INPUT on loss, naming the bound, and writes nothing', async (loss) => {
  const servantId = await createCivilServant(server, await createAgency(server));
  const before = await server.sql('select count(*)::int as n from credit_record');
  const result = await server.query(CREATE, { input: recordInput('CIVIL_SERVANT', servantId, { loss }) }, CLERK);
  expect(result.data ?? null).toBeNull();
  expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'loss' });
  expect(result.errors?.[0].message).toContain('9999999999999.99');
  expect(await server.sql('select count(*)::int as n from credit_record')).toEqual(before);
});

it.each([9_999_999_999_999.99, 1_234_567_890_123.45, 0.01])('loss %d is stored and answered as sent', async (loss) => {
  const servantId = await createCivilServant(server, await createAgency(server));
  const created = (await server.ok(CREATE, { input: recordInput('CIVIL_SERVANT', servantId, { loss }) }, CLERK)).createCreditRecord;
  expect(created.loss).toBe(loss);
  expect(await server.sql('select loss::text from credit_record where id = ?', [created.id])).toEqual([{ loss: loss.toFixed(2) }]);
});
