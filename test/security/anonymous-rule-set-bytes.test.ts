import { FIELD_BYTES } from '../../src/graphql/answer-weights';
import { LIMITS } from '../../src/graphql/limits';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';

/**
 * hostile17 F3: a 1.1 KB anonymous request — 60 aliases of `ruleSet { ...F }` with F = `rules {
 * conditions basis { quote } title { zh en } measure { zh en } }` — was answered with 1.2 MB (1,100
 * times), within the anonymous field budget: a rule's conditions (a JSONObject of hundreds of bytes)
 * and a basis's long quote each counted as one field. Now they count their size, in fields of
 * FIELD_BYTES (src/graphql/answer-weights.ts), so the bytes an anonymous request may ask for stay
 * near LIMITS.publicFields × FIELD_BYTES; the request is refused before anything runs.
 */
const server = serverPerFile();
const FRAGMENT = 'fragment F on RuleSet { rules { conditions basis { quote } title { zh en } measure { zh en } } }';
const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ruleSet { ...F }`).join(' ')} } ${FRAGMENT}`;

/** What one alias weighs at the rule set in force, read as anyone may: ruleSet, rules, and per rule its conditions, basis, title and measure by their size. */
let perAlias: number;
beforeAll(async () => {
  const { ruleSet } = await server.ok(graphql(`{ ruleSet { rules { conditions basis { quote } title { zh en } measure { zh en } } } }`), undefined, { role: 'PUBLIC' });
  const weight = (sizes: number[]) => Math.max(1, Math.ceil(sizes.reduce((a, b) => a + b, 0) / sizes.length / FIELD_BYTES));
  const conditions = weight(ruleSet.rules.map((rule) => Buffer.byteLength(JSON.stringify(rule.conditions))));
  const quote = weight(ruleSet.rules.flatMap((rule) => rule.basis.map((basis) => Buffer.byteLength(JSON.stringify(basis.quote)))));
  expect(conditions).toBeGreaterThan(3); // hundreds of bytes, no longer one field
  expect(quote).toBeGreaterThan(2);
  const title = weight(ruleSet.rules.map((rule) => Buffer.byteLength(JSON.stringify({ zh: rule.title.zh, en: rule.title.en }))));
  const measure = weight(ruleSet.rules.map((rule) => Buffer.byteLength(JSON.stringify({ zh: rule.measure.zh, en: rule.measure.en }))));
  const clauses = Math.max(...ruleSet.rules.map((rule) => rule.basis.length));
  perAlias = 2 + ruleSet.rules.length * (conditions + 1 + clauses * quote + title + 2 + measure + 2);
});

it('refuses the report\'s 60 aliases without a token before anything runs, counting conditions and quotes by their size', async () => {
  server.resetStatements();
  const result = await server.rawQuery(aliases(60), undefined, { role: 'PUBLIC' });
  expect(result.status).toBe(400);
  expect(result.data).toBeUndefined();
  expect(result.errors).toHaveLength(1);
  expect(result.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: LIMITS.publicFields, fields: 60 * perAlias });
  expect(server.statements).toEqual([]);
});

it('serves as many aliases as the budget allows, and their answer stays within the budget in bytes; a token holder gets all 60', async () => {
  const fitting = Math.floor(LIMITS.publicFields / perAlias);
  expect(fitting).toBeGreaterThanOrEqual(1);
  const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: aliases(fitting) }) });
  const text = await response.text();
  expect(response.status).toBe(200);
  expect(JSON.parse(text).errors).toBeUndefined();
  // Before: 60 aliases, 1.2 MB. Now the answer is at most what the budget stands for.
  expect(Buffer.byteLength(text)).toBeLessThanOrEqual(LIMITS.publicFields * FIELD_BYTES);
  const over = await server.rawQuery(aliases(fitting + 1), undefined, { role: 'PUBLIC' });
  expect(over.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: LIMITS.publicFields });
  const signedIn = await server.rawQuery(aliases(60), undefined, { role: 'DISPLAY', sub: 'hall-screen-1' });
  expect(signedIn.errors).toBeUndefined();
  expect(Object.keys(signedIn.data)).toHaveLength(60);
});
