import { randomUUID } from 'node:crypto';
import { MAX_CHUNK_IDS } from '../../src/graphql/resolvers/subject-chunk.resolver';
import { createAgency } from '../support/factories';
import { serverPerFile } from '../support/server-per-file';

/**
 * The sweeps' chunk reads (`agenciesByIds` …, ADMIN only) took 10,000 ids with the same id over and
 * over, priced as five subjects whatever the count. Duplicates are refused, and so is a list longer
 * than the largest sweep chunk, each with BAD_USER_INPUT naming `ids`, before anything is read; the
 * price is the number of ids times what is read of each.
 */
const server = serverPerFile();
const subjectReads = () => server.statements.filter((s) => /from "agency"|"credit_record"/.test(s));
let agencyId: string;
beforeAll(async () => {
  agencyId = await createAgency(server);
});

it('refuses the same id twice with BAD_USER_INPUT on ids, reading nothing', async () => {
  server.resetStatements();
  const result = await server.rawQuery('query ($ids: [ID!]!) { agenciesByIds(ids: $ids) { id name } }', { ids: Array(2_000).fill(agencyId) });
  expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'ids' }, message: expect.stringContaining('more than once (again at index 1)') });
  expect(result.data?.agenciesByIds ?? null).toBeNull();
  expect(subjectReads()).toEqual([]);
});

it(`refuses more than ${MAX_CHUNK_IDS} ids (the largest sweep chunk) with BAD_USER_INPUT on ids`, async () => {
  server.resetStatements();
  const ids = Array.from({ length: MAX_CHUNK_IDS + 1 }, () => randomUUID());
  const result = await server.rawQuery('query ($ids: [ID!]!) { agenciesByIds(ids: $ids) { id } }', { ids });
  expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'ids' }, message: expect.stringContaining(`at most ${MAX_CHUNK_IDS} ids`) });
  expect(subjectReads()).toEqual([]);
});

it('prices the ids: 2,000 distinct ids with their credit facts are too complex, refused before anything is read', async () => {
  server.resetStatements();
  const ids = [agencyId, ...Array.from({ length: 1_999 }, () => randomUUID())];
  const result = await server.rawQuery('query ($ids: [ID!]!) { agenciesByIds(ids: $ids) { credit(asOf: "2025-06-01T04:00:00Z") { dishonest } } }', { ids });
  expect(result.status).toBe(400);
  expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX' } });
  expect(result.errors?.[0].extensions?.complexity).toBeGreaterThan(2_000 * 100);
  expect(subjectReads()).toEqual([]);
});

it('serves distinct ids as before, in the order given, null for an unknown one', async () => {
  const unknown = randomUUID();
  const result = await server.rawQuery('query ($ids: [ID!]!) { agenciesByIds(ids: $ids) { id } }', { ids: [unknown, agencyId] });
  expect(result.data.agenciesByIds).toEqual([null, { id: agencyId }]);
  expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' }, path: ['agenciesByIds', 0] });
});
