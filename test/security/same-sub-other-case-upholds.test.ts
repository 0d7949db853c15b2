import { createAgency, createRecord } from '../support/factories';
import { graphql } from '../support/graphql';
import { chinaToday } from '../../src/domain/day';
import { serverPerFile } from '../support/server-per-file';
import type { Caller } from '../support/test-server';

/**
 * hostile31 N1: an objection filed by `h31.clerk` was refused to `h31.clerk` (SECOND_PERSON_REQUIRED)
 * and upheld with REVOKE by a token with `sub: "H31.CLERK"`: second persons were compared byte for
 * byte while reserved actors are case-folded. One person is now one person whatever the case of
 * their `sub` (NFKC and case folding, as tokens.ts compares reserved actors).
 */
const server = serverPerFile();
const LOWER: Caller = { role: 'CLERK', sub: 'h31.clerk' };
const UPPER: Caller = { role: 'CLERK', sub: 'H31.CLERK' };
const OTHER: Caller = { role: 'CLERK', sub: 'h31.clerk2' };
const FILE = graphql(`mutation ($r: ID!, $on: LocalDate!) { fileObjection(input: { recordId: $r, filedBy: "本机关", reason: "认定有误", filedOn: $on }) { id } }`);
const UPHOLD = graphql(`mutation ($o: ID!, $on: LocalDate!) { resolveObjection(input: { objectionId: $o, decision: UPHELD, remedy: REVOKE, resolution: "认定有误，予以撤销", resolvedOn: $on }) { status record { status } } }`);

it('the same sub in capitals cannot uphold the objection it filed; another person can', async () => {
  const recordId = await createRecord(server, 'AGENCY', await createAgency(server));
  const objection = (await server.ok(FILE, { r: recordId, on: chinaToday() }, LOWER)).fileObjection.id;
  const refused = await server.query(UPHOLD, { o: objection, on: chinaToday() }, UPPER);
  expect(refused.data ?? null).toBeNull();
  expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SECOND_PERSON_REQUIRED', field: 'objectionId' });
  expect((await server.sql(`select status from credit_record where id = ?`, [recordId]))[0].status).toBe('DISPUTED');
  expect((await server.ok(UPHOLD, { o: objection, on: chinaToday() }, OTHER)).resolveObjection).toEqual({ status: 'UPHELD', record: { status: 'REVOKED' } });
});

it('hostile32 F6: a sub spelt with a space (王 芳; tokens take single spaces inside only) is the person who filed as 王芳', async () => {
  const recordId = await createRecord(server, 'AGENCY', await createAgency(server));
  const objection = (await server.ok(FILE, { r: recordId, on: chinaToday() }, { role: 'CLERK', sub: '王芳' })).fileObjection.id;
  for (const sub of ['王 芳']) {
    const refused = await server.query(UPHOLD, { o: objection, on: chinaToday() }, { role: 'CLERK', sub });
    expect({ sub, extensions: refused.errors?.[0].extensions }).toMatchObject({ sub, extensions: { code: 'FORBIDDEN', reason: 'SECOND_PERSON_REQUIRED' } });
  }
  expect((await server.sql(`select status from credit_record where id = ?`, [recordId]))[0].status).toBe('DISPUTED');
});
