import { createAgency } from '../support/factories';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';

/**
 * `Verdict.provisional` and `provisionalOn` were priced 1 although each reads the verdict's rules
 * back with their texts and walks every condition for proposed parameters, as `measures` (20)
 * does: 60 aliases on a page of 100 verdicts — 6,000 resolutions of that work — were estimated at
 * 6,000 and served. They are now priced as `measures`, so such a request is refused before
 * anything runs, while a page asking each once still fits.
 */
const server = serverPerFile();
const EVALUATE = graphql(`mutation ($id: ID!) { evaluate(subject: { type: AGENCY, id: $id }, matter: "HONOUR") { id } }`);

beforeAll(async () => {
  await server.ok(EVALUATE, { id: await createAgency(server) });
});

it.each(['provisional', 'provisionalOn'])('60 aliases of %s on a page of 100 verdicts are QUERY_TOO_COMPLEX, and nothing runs', async (field) => {
  const query = `{ verdicts(first: 100) { edges { node { ${Array.from({ length: 60 }, (_, i) => `p${i}: ${field}`).join(' ')} } } } }`;
  server.resetStatements();
  const result = await server.rawQuery(query, undefined, { role: 'PUBLIC' });
  expect(result.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 100_000 });
  expect(result.errors![0].extensions!.complexity).toBeGreaterThanOrEqual(100 * 60 * 20);
  expect(result.data ?? null).toBeNull();
  expect(server.statements).toEqual([]);
});

it('a page of 100 verdicts asking provisional and provisionalOn once each is served', async () => {
  const result = await server.rawQuery('{ verdicts(first: 100) { edges { node { provisional provisionalOn measures { ruleId } } } } }', undefined, { role: 'PUBLIC' });
  expect(result.errors).toBeUndefined();
  expect(result.data.verdicts.edges).toHaveLength(1);
  expect(typeof result.data.verdicts.edges[0].node.provisional).toBe('boolean');
});
