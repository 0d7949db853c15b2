import { createAgency } from '../support/factories';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';

/**
 * hostile10 N4: 49 identical aliases `vN: verdicts(first: 1) { totalCount }` (anonymous, within the
 * cost limit) each counted every stored verdict — a table that grows by one row per subject with
 * every sweep. Aliases of one root list with the same condition now share one count per request,
 * whatever their page; a different condition is counted apart, and the counts stay right.
 */
const server = serverPerFile();
const EVALUATE = graphql(`mutation ($id: ID!) { evaluate(subject: { type: AGENCY, id: $id }, matter: "HONOUR") { id } }`);
const verdictCounts = () => server.statements.filter((s) => /count\(/i.test(s) && /from "verdict"/.test(s));
const aliases = (n: number, body: (i: number) => string) => Array.from({ length: n }, (_, i) => body(i)).join(' ');

beforeAll(async () => {
  for (let i = 0; i < 3; i++) await server.ok(EVALUATE, { id: await createAgency(server) });
});

it('49 aliases of verdicts(first: 1…) { totalCount } send one count, not 49', async () => {
  server.resetStatements();
  const result = await server.rawQuery(`{ ${aliases(49, (i) => `v${i}: verdicts(first: ${1 + (i % 3)}) { totalCount }`)} }`, undefined, { role: 'PUBLIC' });
  expect(result.errors).toBeUndefined();
  expect(verdictCounts()).toHaveLength(1);
  for (let i = 0; i < 49; i++) expect(result.data[`v${i}`].totalCount).toBe(3);
});

it('a different condition is counted apart', async () => {
  server.resetStatements();
  const result = await server.rawQuery(`{ all: verdicts(first: 1) { totalCount } honour: verdicts(first: 1, matter: "HONOUR") { totalCount } none: verdicts(first: 1, matter: "PROCUREMENT") { totalCount } again: verdicts(first: 2) { totalCount } }`, undefined, { role: 'PUBLIC' });
  expect(result.errors).toBeUndefined();
  expect(verdictCounts()).toHaveLength(3);
  expect(result.data).toEqual({ all: { totalCount: 3 }, honour: { totalCount: 3 }, none: { totalCount: 0 }, again: { totalCount: 3 } });
});
