import { FIELD_BYTES } from '../../src/graphql/answer-weights';
import { LIMITS } from '../../src/graphql/limits';
import { graphql } from '../support/graphql';
import { healthz } from '../support/healthz';
import { serverPerFile } from '../support/server-per-file';

/**
 * hostile12 F1: 60 anonymous aliases of `ruleSet { rules { … } }` built about 20,000 fields and
 * 1.3 MB per request, about a CPU-second, yet were priced 7,320 of 100,000: `RuleSet.rules` was
 * counted at the five items assumed for a list bounded by the rule files, and the shipped set has
 * 22 rules. Now the rule set's lists count their real sizes, and a request without a token may ask
 * for at most LIMITS.publicFields fields (each list at its largest, aliases each time): the request
 * is refused before anything runs, as is any other anonymous shape that large; a signed-in caller
 * is still held by the cost limit alone.
 */
const server = serverPerFile();
const RULE_FIELDS = 'id conditions basis { document clause quote } title { zh en } measure { zh en }';
const aliases = (n: number, body: string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${body}`).join(' ')} }`;
const ATTACK = aliases(60, `ruleSet { rules { ${RULE_FIELDS} } }`);

/** The rules in force, the most clauses one of them rests on, and what one rule of RULE_FIELDS weighs, read as anyone may. */
let rules: number;
let clauses: number;
let perRule: number;
beforeAll(async () => {
  const { ruleSet } = await server.ok(graphql(`{ ruleSet { rules { conditions basis { clause quote } title { zh en } measure { zh en } } } }`), undefined, { role: 'PUBLIC' });
  rules = ruleSet.rules.length;
  clauses = Math.max(...ruleSet.rules.map((r) => r.basis.length));
  expect(rules).toBeGreaterThan(5); // the shipped set: more than the five the estimate used to assume
  // Long leaves count their size in fields of FIELD_BYTES (answer-weights.ts, hostile17 F3).
  const weight = (values: unknown[]) => Math.max(1, Math.ceil(values.reduce<number>((sum, v) => sum + Buffer.byteLength(JSON.stringify(v)), 0) / values.length / FIELD_BYTES));
  const conditions = weight(ruleSet.rules.map((r) => r.conditions));
  const quote = weight(ruleSet.rules.flatMap((r) => r.basis.map((b) => b.quote)));
  const title = weight(ruleSet.rules.map((r) => ({ zh: r.title.zh, en: r.title.en })));
  const measure = weight(ruleSet.rules.map((r) => ({ zh: r.measure.zh, en: r.measure.en })));
  // id, conditions, basis and per clause document, clause, quote, title and its two texts, measure and its two.
  perRule = 1 + conditions + 1 + clauses * (2 + quote) + title + 2 + measure + 2;
});

/** Fields of one alias of ATTACK at the rule set's real sizes: ruleSet, rules, and per rule perRule. */
const fieldsPerAlias = () => 2 + rules * perRule;

it('refuses 60 anonymous aliases of ruleSet { rules { … } } before anything runs, counting every rule in force; /healthz answers meanwhile', async () => {
  server.resetStatements();
  const attacks = Array.from({ length: 6 }, () => server.rawQuery(ATTACK, undefined, { role: 'PUBLIC' }));
  expect(await healthz(server)).toBe(200);
  for (const result of await Promise.all(attacks)) {
    expect(result.status).toBe(400);
    expect(result.data).toBeUndefined();
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: LIMITS.publicFields, fields: 60 * fieldsPerAlias() });
    expect(result.errors![0].message).toBe(
      `The answer may hold ${60 * fieldsPerAlias()} fields (each list counted at its largest, aliases each time); a request without a token may ask for at most ${LIMITS.publicFields}. Ask for fewer aliases, smaller pages (first) or fewer fields, or sign in with a token. Nothing was run.`,
    );
  }
  expect(server.statements).toEqual([]);
});

it('holds any anonymous shape that large: 60 aliased pages of 100 agencies are refused without a statement', async () => {
  server.resetStatements();
  const result = await server.rawQuery(aliases(60, 'agencies(first: 100) { edges { node { id name } } }'), undefined, { role: 'PUBLIC' });
  expect(result.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: LIMITS.publicFields, fields: 60 * (1 + 100 * 4) });
  expect(server.statements).toEqual([]);
});

it('serves what fits: as many anonymous aliases as the limit allows, and the 60 aliases with a token, every rule in each', async () => {
  const fitting = Math.floor(LIMITS.publicFields / fieldsPerAlias());
  const anonymous = await server.rawQuery(aliases(fitting, `ruleSet { rules { ${RULE_FIELDS} } }`), undefined, { role: 'PUBLIC' });
  expect(anonymous.errors).toBeUndefined();
  expect(anonymous.data[`a${fitting - 1}`].rules).toHaveLength(rules);
  const signedIn = await server.rawQuery(ATTACK, undefined, { role: 'DISPLAY', sub: 'hall-screen-1' });
  expect(signedIn.errors).toBeUndefined();
  expect(Object.keys(signedIn.data)).toHaveLength(60);
  expect(signedIn.data.a59.rules).toHaveLength(rules);
});
