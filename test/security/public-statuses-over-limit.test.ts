import { uscc } from '../support/factories';
import { serverPerFile } from '../support/server-per-file';

/**
 * sec13 L2: a request may assess at most 100 subject–matter pairs, but the resolvers counted as
 * they resolved. An anonymous `enterprises(first: 100) { … publicStatuses }` (two matters each) read
 * the page, then assessed the first 50 enterprises in a facts read, and only then refused the 51st.
 * Now the pairs a request may ask for are counted before anything runs (a page at its `first`,
 * aliases each time): a refused request sends no SQL statement at all. Signed in as DISPLAY here: without
 * a token the row limit refuses these pages first, pricing each status as the assessment it is
 * (hostile19 F2, public-status-row-cost.test.ts).
 */
const DISPLAY = { role: 'DISPLAY', sub: 'sec13.display' };
const server = serverPerFile();
let someEnterprise: string;
beforeAll(async () => {
  const values = Array.from({ length: 60 }, (_, i) => `(gen_random_uuid(), '${uscc('91')}', '鄂州市第${i + 1}测试有限公司')`).join(', ');
  await server.sql(`insert into enterprise (id, uscc, name) values ${values}`);
  [{ id: someEnterprise }] = await server.sql('select id from enterprise limit 1');
});

const refusedWithoutStatements = async (query: string, variables?: Record<string, unknown>, as: { role: string; sub?: string } = DISPLAY) => {
  server.resetStatements();
  const result = await server.rawQuery(query, variables, as as never);
  expect(result.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 100 });
  expect(result.errors?.[0].message).toMatch(/the limit is 100.*Nothing was run/);
  expect(result.data ?? null).toBeNull();
  expect(server.statements).toEqual([]);
  return result.errors![0].extensions;
};

it('a page of 100 enterprises with publicStatuses (200 pairs) is refused before any statement', async () => {
  const extensions = await refusedWithoutStatements('{ enterprises(first: 100) { edges { node { id publicStatuses { outcome } } } } }');
  expect(extensions?.found).toBe(200);
});

it('the page size given in a variable counts too', async () => {
  await refusedWithoutStatements('query ($n: Int) { enterprises(first: $n) { edges { node { publicStatuses { outcome } } } } }', { n: 51 });
});

it('aliases of one enterprise\'s publicStatuses are counted each time', async () => {
  const aliases = Array.from({ length: 51 }, (_, i) => `e${i}: enterprise(id: $id) { publicStatuses { outcome } }`).join(' ');
  await refusedWithoutStatements(`query ($id: ID!) { ${aliases} }`, { id: someEnterprise });
});

it('assess of 101 subjects is refused before any statement', async () => {
  const subjects = Array.from({ length: 101 }, () => ({ type: 'ENTERPRISE', id: someEnterprise }));
  await refusedWithoutStatements('query ($s: [SubjectInput!]!) { assess(subjects: $s, matter: "PROCUREMENT") { assessment { outcome } } }', { s: subjects }, { role: 'CLERK', sub: 'wang.clerk' });
});

it('a page of 50 enterprises with publicStatuses (100 pairs) is served', async () => {
  const result = await server.rawQuery('{ enterprises(first: 50) { edges { node { publicStatuses { outcome } } } } }', undefined, DISPLAY as never);
  expect(result.errors).toBeUndefined();
  expect(result.data.enterprises.edges).toHaveLength(50);
});
