import { createAgency, createRecord } from '../support/factories';
import { serverPerFile } from '../support/server-per-file';
import type { Caller } from '../support/test-server';

/**
 * sec10a item 3: identical root pages under different aliases each ran their page —
 * `a0: agencies(first: 100) { … } a1: agencies(first: 100) { … }` … 50 times ran 50 page statements
 * reading the same 101 rows, for anyone, within the cost and alias limits. Identical root query
 * fields (same field, arguments and selection) now share one result within a request: one
 * statement, the same answer under every alias. Different arguments or selections run each (and are
 * priced each); a mutation's root fields are its writes and always run each.
 */
const server = serverPerFile();
const ALIASES = 50;
const aliases = (n: number, body: (i: number) => string) => Array.from({ length: n }, (_, i) => body(i)).join(' ');
const reads = (table: string) => server.statements.filter((s) => new RegExp(`from "${table}"`).test(s));
const CLERK: Caller = { role: 'CLERK', sub: 'sec10a.clerk' };
let agencyId: string;

beforeAll(async () => {
  for (let i = 0; i < 5; i++) agencyId = await createAgency(server);
  await createRecord(server, 'AGENCY', agencyId);
  for (let i = 0; i < 3; i++) {
    await server.rawQuery(`mutation { evaluate(subject: { type: AGENCY, id: "${agencyId}" }, matter: "PERFORMANCE_REVIEW") { id } }`, undefined, CLERK);
  }
});

const rows = async () => (await server.sql(`select (select count(*)::int from verdict) as verdicts, (select count(*)::int from audit_event) as audit`))[0];

// Signed in: an anonymous caller is refused this shape before anything runs (LIMITS.publicFields, anonymous-rule-set-aliases).
it(`${ALIASES} identical aliases of agencies(first: 100) (signed in as DISPLAY) run one page statement (it was ${ALIASES}) and answer alike`, async () => {
  const before = await rows();
  server.resetStatements();
  const result = await server.rawQuery(`{ ${aliases(ALIASES, (i) => `a${i}: agencies(first: 100) { edges { cursor node { id name } } pageInfo { hasNextPage } }`)} }`, undefined, { role: 'DISPLAY', sub: 'sec10a.display' });
  expect(result.errors).toBeUndefined();
  expect(reads('agency')).toHaveLength(1);
  expect(result.data.a0.edges.length).toBeGreaterThanOrEqual(5);
  for (let i = 1; i < ALIASES; i++) expect(result.data[`a${i}`]).toEqual(result.data.a0);
  expect(await rows()).toEqual(before);
});

it('identical aliases of a verdict page with explanations read the page once; each verdict\'s read is recorded once', async () => {
  const before = await rows();
  server.resetStatements();
  const result = await server.rawQuery(`{ ${aliases(10, (i) => `v${i}: verdicts(first: 3, subject: { type: AGENCY, id: "${agencyId}" }) { edges { node { id outcome explanation { day } } } }`)} }`, undefined, CLERK);
  expect(result.errors).toBeUndefined();
  // The page's statement (ten before); the explanations' own reads are shared through the request's loaders.
  expect(reads('verdict').filter((s) => /order by "v0"\."evaluated_at" desc/.test(s))).toHaveLength(1);
  expect(result.data.v9).toEqual(result.data.v0);
  expect(result.data.v0.edges).toHaveLength(3);
  // Three READ_EXPLANATION events, one per verdict, as for one alias.
  expect(await rows()).toEqual({ verdicts: before.verdicts, audit: before.audit + 3 });
});

it('aliases that differ in arguments or selection each run; identical fields inside each are shared with nothing else', async () => {
  server.resetStatements();
  const result = await server.rawQuery('{ a: agencies(first: 10) { edges { node { id } } } b: agencies(first: 11) { edges { node { id } } } c: agencies(first: 10) { edges { node { id name } } } d: agencies(first: 10) { edges { node { id } } } }', undefined, { role: 'PUBLIC' });
  expect(result.errors).toBeUndefined();
  expect(reads('agency')).toHaveLength(3); // a and d share
  expect(result.data.d).toEqual(result.data.a);
});

it('identical mutation fields are writes and each runs: two evaluate aliases store two verdicts', async () => {
  const before = await rows();
  const result = await server.rawQuery(`mutation { a: evaluate(subject: { type: AGENCY, id: "${agencyId}" }, matter: "PERFORMANCE_REVIEW") { id } b: evaluate(subject: { type: AGENCY, id: "${agencyId}" }, matter: "PERFORMANCE_REVIEW") { id } }`, undefined, CLERK);
  expect(result.errors).toBeUndefined();
  expect(result.data.a.id).not.toBe(result.data.b.id);
  expect((await rows()).verdicts).toBe(before.verdicts + 2);
});
