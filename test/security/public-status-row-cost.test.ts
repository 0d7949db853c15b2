import { uscc } from '../support/factories';
import { serverPerFile } from '../support/server-per-file';

/**
 * hostile19 F2: an anonymous page of 100 enterprises' `publicStatus` ran the facts query and the
 * rules for each (about 1.5 ms a pair with the status cache missing, as it is for a registry larger
 * than PUBLIC_STATUS_CACHE_SIZE), but the row limit priced it as 100 bare rows (1,500 of 10,000):
 * ten such 90-byte requests, the per-address in-flight cap, cost 1.49 CPU-s and held /healthz about
 * a second. Now each status counts 300 units (PUBLIC_STATUS_UNITS, src/engine/row-cost.ts), and
 * `publicStatuses` 300 for each enterprise matter of the rules in force. Real server, over HTTP.
 */
const server = serverPerFile();
const PUBLIC = { role: 'PUBLIC' } as const;
let matters: number;

beforeAll(async () => {
  const values = Array.from({ length: 100 }, (_, i) => `(gen_random_uuid(), '${uscc('91')}', '鄂州市第${i + 1}定价测试有限公司')`).join(', ');
  await server.sql(`insert into enterprise (id, uscc, name) values ${values}`);
  const ruleSet = (await server.rawQuery('{ ruleSet { matters { code subjectTypes } } }')).data.ruleSet;
  matters = ruleSet.matters.filter((m: { subjectTypes: string[] }) => m.subjectTypes.includes('ENTERPRISE')).length;
});

const refusedBeforeAnyStatement = async (query: string) => {
  server.resetStatements();
  const result = await server.rawQuery(query, undefined, PUBLIC);
  expect(result.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 10_000 });
  expect(result.errors?.[0].message).toContain('publicStatus 300');
  expect(result.data ?? null).toBeNull();
  expect(server.statements).toEqual([]);
  return result.errors![0].extensions!;
};

it('an anonymous page of 100 enterprises with a publicStatus is priced per status assessed and refused before any statement', async () => {
  const extensions = await refusedBeforeAnyStatement('{ enterprises(first: 100) { edges { node { publicStatus(matter: "PROCUREMENT") { outcome } } } } }');
  expect(extensions.rows).toBe(100 * (15 + 300));
});

it('publicStatuses counts one assessment per enterprise matter', async () => {
  expect(matters).toBeGreaterThan(1);
  const extensions = await refusedBeforeAnyStatement('{ enterprises(first: 17) { edges { node { publicStatuses { outcome } } } } }');
  expect(extensions.rows).toBe(17 * (15 + matters * 300));
});

it('aliases of one enterprise\'s publicStatus count each time', async () => {
  const [{ id }] = await server.sql('select id from enterprise limit 1');
  const aliases = Array.from({ length: 40 }, (_, i) => `s${i}: publicStatus(matter: "PROCUREMENT") { outcome }`).join(' ');
  const extensions = await refusedBeforeAnyStatement(`{ enterprises(first: 1) { edges { node { ${aliases} } } } e: enterprise(id: "${id}") { name } }`);
  expect(extensions.rows).toBeGreaterThanOrEqual(40 * 300);
});

it('a page of 31 statuses, or 16 enterprises\' publicStatuses, is served without a token; signed in, a page of 100 still is', async () => {
  const one = await server.rawQuery('{ enterprises(first: 31) { edges { node { publicStatus(matter: "PROCUREMENT") { outcome } } } } }', undefined, PUBLIC);
  expect(one.errors).toBeUndefined();
  expect(one.data.enterprises.edges).toHaveLength(31);
  const all = await server.rawQuery('{ enterprises(first: 16) { edges { node { publicStatuses { outcome } } } } }', undefined, PUBLIC);
  expect(all.errors).toBeUndefined();
  expect(all.data.enterprises.edges).toHaveLength(16);
  const signedIn = await server.rawQuery('{ enterprises(first: 100) { edges { node { publicStatus(matter: "PROCUREMENT") { outcome } } } } }', undefined, { role: 'DISPLAY', sub: 'h19.display' });
  expect(signedIn.errors).toBeUndefined();
  expect(signedIn.data.enterprises.edges).toHaveLength(100);
});
