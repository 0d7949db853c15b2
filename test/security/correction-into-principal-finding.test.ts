import { chinaToday } from '../../src/domain/day';
import { agencyWithServant, createCivilServant, createRecord } from '../support/factories';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';
import type { Caller } from '../support/test-server';

/**
 * hostile32 F4: a PRINCIPAL_RESPONSIBILITY finding (三(六)) is entered only on someone who was an
 * agency's principal on the day of the act; an upheld objection's correction turned a record of a
 * servant who never held a term into one, and a principal's finding onto a day outside every term.
 * A correction is held to the same tenure check as an entry: refused on `correction`, nothing written.
 */
const server = serverPerFile();
const CLERK: Caller = { role: 'CLERK', sub: 'h32f4.zhang' };
const CLERK2: Caller = { role: 'CLERK', sub: 'h32f4.zhao' };

const FILE = graphql(`mutation ($input: FileObjectionInput!) { fileObjection(input: $input) { id } }`);
const RESOLVE = graphql(`mutation ($input: ResolveObjectionInput!) { resolveObjection(input: $input) { status } }`);
const RECORD = graphql(`query ($id: ID!) { creditRecord(id: $id) { status version category occurredOn } }`);

async function uphold(recordId: string, correction: Record<string, unknown>) {
  const today = chinaToday();
  const objection = (await server.ok(FILE, { input: { recordId, filedBy: '本人', reason: '类别有误', filedOn: today } }, CLERK)).fileObjection;
  const result = await server.query(RESOLVE, { input: { objectionId: objection.id, decision: 'UPHELD', remedy: 'CORRECT', correction, resolution: '更正', resolvedOn: today } }, CLERK2);
  return { objection, result };
}

it('a record of a servant who never was a principal is not corrected into a principal-responsibility finding', async () => {
  const { servantId } = await agencyWithServant(server);
  const recordId = await createRecord(server, 'CIVIL_SERVANT', servantId, { category: 'ADMINISTRATIVE_VIOLATION', severity: 'MAJOR', occurredOn: '2025-07-09', recordedOn: '2025-07-20' });
  const { objection, result } = await uphold(recordId, { category: 'PRINCIPAL_RESPONSIBILITY' });
  expect(result.data ?? null).toBeNull();
  expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'correction' });
  expect(result.errors![0].message).toContain('只能登记在行为发生之日（occurredOn 2025-07-09）任机关主要负责人的公务员名下');
  expect(await server.sql(`select status from objection where id = ?`, [objection.id])).toEqual([{ status: 'PENDING' }]);
  expect((await server.ok(RECORD, { id: recordId })).creditRecord).toMatchObject({ category: 'ADMINISTRATIVE_VIOLATION', version: 1, status: 'DISPUTED' });
});

it("a principal's finding is not moved to a day outside their terms, and is moved within one", async () => {
  const { agencyId } = await agencyWithServant(server);
  const principal = await createCivilServant(server, agencyId, { post: '局长', rank: '一级调研员', leadingCadre: true, principal: true, principalSince: '2020-01-01' });
  const recordId = await createRecord(server, 'CIVIL_SERVANT', principal, { category: 'PRINCIPAL_RESPONSIBILITY', severity: 'GENERAL', occurredOn: '2025-02-01', recordedOn: '2025-02-20', decidedOn: '2025-02-15' });
  const outside = await uphold(recordId, { occurredOn: '2019-06-01' });
  expect(outside.result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'correction' });
  expect((await server.ok(RECORD, { id: recordId })).creditRecord).toMatchObject({ occurredOn: '2025-02-01', version: 1 });
  await server.ok(RESOLVE, { input: { objectionId: outside.objection.id, decision: 'REJECTED', resolution: '驳回', resolvedOn: chinaToday() } }, CLERK2);

  // A renewed objection upheld: it is a second person's decision as before; only the day moves, within the term.
  const inside = await uphold(recordId, { occurredOn: '2024-11-01' });
  expect(inside.result.errors).toBeUndefined();
  expect((await server.ok(RECORD, { id: recordId })).creditRecord).toMatchObject({ occurredOn: '2024-11-01', version: 2 });
});
