import { randomUUID } from 'node:crypto';
import { agencyWithServant } from '../support/factories';
import { serverPerFile } from '../support/server-per-file';

/**
 * hostile10 F1: the cost of a document was cached by the values of its `first` and directive
 * variables only, while a read by ids costs per id. A document priced once with 1 id then ran with
 * 10,000 (ADMIN; fresh, the same request is refused at 74,020,001). The cache now keys on the
 * length of every variable given to `ids`, so a cached small estimate never admits a bigger request.
 */
const server = serverPerFile();
const HEAVY = 'query Heavy2($ids: [ID!]!) { civilServantsByIds(ids: $ids) { id creditRecords { id summary history { version } objections { id } } } }';
let servantId: string;
const made = (n: number) => [servantId, ...Array.from({ length: n - 1 }, () => randomUUID())];
const servantReads = () => server.statements.filter((s) => /from "civil_servant"/.test(s));

beforeAll(async () => {
  ({ servantId } = await agencyWithServant(server));
});

it('prices 10,000 ids after 1 id in the same document as it prices them in a fresh one: refused, nothing read', async () => {
  // Fresh: the same query with other whitespace is another document to the cache.
  const fresh = await server.rawQuery(`${HEAVY} `, { ids: made(10_000) }, { role: 'ADMIN' });
  expect(fresh.errors?.[0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX' } });
  const freshCost = fresh.errors![0].extensions!.complexity;

  const small = await server.rawQuery(HEAVY, { ids: [servantId] }, { role: 'ADMIN' });
  expect(small.errors).toBeUndefined();
  expect(small.data.civilServantsByIds[0].id).toBe(servantId);

  server.resetStatements();
  const big = await server.rawQuery(HEAVY, { ids: made(10_000) }, { role: 'ADMIN' });
  expect(big.status).toBe(400);
  expect(big.errors?.[0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX', complexity: freshCost } });
  expect(big.data).toBeUndefined();
  expect(servantReads()).toEqual([]);
});

it('and the reverse: a document refused for 100 ids still serves 1 id', async () => {
  const query = `${HEAVY}  `;
  const hundred = await server.rawQuery(query, { ids: made(100) }, { role: 'ADMIN' });
  expect(hundred.errors?.[0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX' } });
  const one = await server.rawQuery(query, { ids: [servantId] }, { role: 'ADMIN' });
  expect(one.errors).toBeUndefined();
});
