import { createAgency, createCivilServant } from '../support/factories';
import { serverPerFile } from '../support/server-per-file';
import { tableRowsRead } from '../support/table-reads';

/**
 * hostile10 F2: each nested page was one statement that numbered and counted *all* the children of
 * its parents, once per distinct `first`: 20 aliases `aN: civilServantsConnection(first: N)` on a
 * page of agencies read the civil-servant table 20 times (anonymous, within the cost limit), and 59
 * aliases on one agency ran 59 statements. Now every alias of one parent shares one read of
 * `first + 1` rows (the largest `first` asked) through an index, all parents of the request in one
 * statement, and the parent's items are counted only when `totalCount` is asked (in that same
 * statement), once for all the aliases.
 */
const server = serverPerFile();
const AGENCIES = 4;
const SERVANTS = 30;
/** Civil servants of one more agency, the registry's bulk. */
const FILLER = 5_000;
const ALIASES = 20;
/** Thirty given names (a name holds Han characters only). */
const GIVEN = '一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉';
const aliases = (n: number, body: (i: number) => string) => Array.from({ length: n }, (_, i) => body(i + 1)).join(' ');
const servantReads = () => server.statements.filter((s) => /from "civil_servant"/.test(s));
const counts = () => servantReads().filter((s) => /count\(/i.test(s));

/** Rows of civil_servant the server's sessions read, every session's statistics reported (no waiting for PostgreSQL's idle interval). */
const rowsRead = () => tableRowsRead(server, 'civil_servant');

let agencies: string[] = [];
beforeAll(async () => {
  agencies = await Promise.all(Array.from({ length: AGENCIES }, () => createAgency(server)));
  for (const agency of agencies) {
    await Promise.all(Array.from({ length: SERVANTS }, (_, i) => createCivilServant(server, agency, { name: `张${GIVEN[i]}` })));
  }
  // A registry of some size (as in production), so that PostgreSQL reads a parent's page through its index rather than the whole table.
  const filler = await createAgency(server);
  agencies.push(filler);
  await server.sql(`insert into civil_servant (id, id_card_number, name, agency_id, post, rank) select gen_random_uuid(), lpad(g::text, 18, '0'), '填充', ?, '科员', '一级科员' from generate_series(1, ${FILLER}) g`, [filler]);
  await server.sql('analyze civil_servant');
}, 180_000);

it(`${ALIASES} aliases of civilServantsConnection(first: 1…${ALIASES}) on a page of agencies: one statement, reading the big agency first + 1 rows deep; anonymous, none`, async () => {
  const query = `{ agencies(first: 100) { edges { node { id ${aliases(ALIASES, (i) => `a${i}: civilServantsConnection(first: ${i}) { edges { cursor } pageInfo { hasNextPage } }`)} } } } }`;
  // Without a token the answer's 86,301 fields are more than an anonymous request may build (hostile12 F1): refused before any statement.
  server.resetStatements();
  const anonymous = await server.rawQuery(query, undefined, { role: 'PUBLIC' });
  expect(anonymous.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', fields: 86301 });
  expect(servantReads()).toEqual([]);
  const before = await rowsRead(); // earlier reads reported: forced, not waited for
  server.resetStatements();
  const result = await server.rawQuery(query, undefined, { role: 'DISPLAY', sub: 'hall-screen-2' });
  expect(result.errors).toBeUndefined();
  expect(servantReads()).toHaveLength(1);
  expect(counts()).toEqual([]);
  // Before: the whole table (5,120 rows) once per alias, 100,000 rows and more. Now the big agency
  // is read ALIASES + 1 rows deep, once; a small one at most once whole (PostgreSQL may sort 30 rows
  // rather than walk an index).
  const read = await rowsRead() - before;
  expect(read).toBeLessThanOrEqual(AGENCIES * SERVANTS + ALIASES + 1);
  // And at least the rows answered (ALIASES + 1 per agency, for hasNextPage): the count is the request's, reported.
  expect(read).toBeGreaterThanOrEqual((AGENCIES + 1) * (ALIASES + 1));
  const ours = result.data.agencies.edges.filter(({ node }: any) => agencies.includes(node.id));
  expect(ours).toHaveLength(AGENCIES + 1);
  for (const { node } of ours) {
    for (let i = 1; i <= ALIASES; i++) {
      expect(node[`a${i}`].edges).toHaveLength(i);
      expect(node[`a${i}`].pageInfo.hasNextPage).toBe(true); // every agency has more than 20
    }
  }
}, 60_000);

it('59 aliases on one agency with different first (anonymous and signed in) run one statement, not 59', async () => {
  for (const role of ['PUBLIC', 'CLERK'] as const) {
    server.resetStatements();
    const result = await server.rawQuery(`{ agency(id: "${agencies[0]}") { ${aliases(59, (i) => `a${i}: civilServantsConnection(first: ${i}) { edges { cursor } }`)} } }`, undefined, { role });
    expect(result.errors).toBeUndefined();
    expect(result.data.agency.a59.edges).toHaveLength(SERVANTS);
    expect(result.data.agency.a7.edges).toHaveLength(7);
    expect(servantReads()).toHaveLength(1);
  }
});

it('counts only when totalCount is asked, once for all aliases of a parent; pages after a cursor stay right', async () => {
  server.resetStatements();
  const counted = await server.rawQuery(`{ agency(id: "${agencies[1]}") { ${aliases(10, (i) => `a${i}: civilServantsConnection(first: ${i}) { totalCount }`)} } }`, undefined, { role: 'CLERK' });
  expect(counted.errors).toBeUndefined();
  expect(counted.data.agency.a3.totalCount).toBe(SERVANTS);
  expect(servantReads()).toHaveLength(1); // the page and its count in one statement
  expect(counts()).toHaveLength(1);

  const seen: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < 10; page++) {
    const result: any = await server.rawQuery(`query ($after: String) { agency(id: "${agencies[1]}") { civilServantsConnection(first: 7, after: $after) { totalCount edges { node { name } } pageInfo { hasNextPage endCursor } } } }`, { after }, { role: 'CLERK' });
    expect(result.errors).toBeUndefined();
    const connection = result.data.agency.civilServantsConnection;
    expect(connection.totalCount).toBe(SERVANTS);
    seen.push(...connection.edges.map((e: any) => e.node.name));
    if (!connection.pageInfo.hasNextPage) break;
    after = connection.pageInfo.endCursor;
  }
  const whole = await server.rawQuery(`{ agency(id: "${agencies[1]}") { civilServantsConnection(first: 100) { edges { node { name } } } } }`, undefined, { role: 'CLERK' });
  expect(seen).toEqual(whole.data.agency.civilServantsConnection.edges.map((e: any) => e.node.name));
  expect(new Set(seen).size).toBe(SERVANTS);
});
