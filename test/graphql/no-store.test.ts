import { createAgency, createCivilServant } from '../support/factories';
import { serverPerFile } from '../support/server-per-file';
import { token } from '../support/test-server';

/**
 * Every GraphQL answer over HTTP says `Cache-Control: no-store` — a query, `evaluate`, an answer
 * with errors, a public one: it may hold a person's data, and no proxy or browser may keep it.
 * Apollo's cache-control plugin said so until stop 31; src/graphql/no-store.ts says it now
 * (the plugin's per-field wrappers cost evaluate's CPU, BENCHMARKS.md).
 */
const server = serverPerFile();

async function answer(query: string, variables: Record<string, unknown> = {}, role: string | null = 'ADMIN'): Promise<{ cacheControl: string | null; body: { data?: unknown; errors?: unknown[] } }> {
  const authorization: Record<string, string> = role ? { authorization: `Bearer ${await token(role, `no-store-${role.toLowerCase()}`)}` } : {};
  const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...authorization }, body: JSON.stringify({ query, variables }) });
  return { cacheControl: response.headers.get('cache-control'), body: (await response.json()) as { data?: unknown; errors?: unknown[] } };
}

it('a query, an evaluate, an answer with errors and a public answer each say Cache-Control: no-store', async () => {
  const agencyId = await createAgency(server, { name: '鄂州市审计局' });
  const servant = await createCivilServant(server, agencyId, { name: '王审计' });

  const read = await answer('query ($id: ID!) { civilServant(id: $id) { id name } }', { id: servant });
  expect(read.body.errors).toBeUndefined();
  expect(read.cacheControl).toBe('no-store');

  const evaluated = await answer('mutation ($id: ID!) { evaluate(subject: { type: CIVIL_SERVANT, id: $id }, matter: "PROMOTION") { id outcome } }', { id: servant }, 'OFFICER');
  expect(evaluated.body.errors).toBeUndefined();
  expect(evaluated.cacheControl).toBe('no-store');

  const refused = await answer('{ noSuchField }');
  expect(refused.body.errors?.length).toBeGreaterThan(0);
  expect(refused.cacheControl).toBe('no-store');

  const publicAnswer = await answer('{ __typename }', {}, null);
  expect(publicAnswer.body.errors).toBeUndefined();
  expect(publicAnswer.cacheControl).toBe('no-store');
});
