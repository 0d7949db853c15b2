import { createAgency, createCivilServant } from '../support/factories';
import { startTestServer, type TestServer } from '../support/test-server';
import { graphql } from '../support/graphql';

let dev: TestServer;
let prod: TestServer;
let verdictId: string;
beforeAll(async () => {
  [dev, prod] = await Promise.all([startTestServer(), startTestServer({ nodeEnv: 'production' })]);
  const servant = await createCivilServant(dev, await createAgency(dev));
  verdictId = (await dev.ok(graphql(`mutation ($id: ID!) { evaluate(subject: { type: CIVIL_SERVANT, id: $id }, matter: "PROMOTION") { id } }`), { id: servant })).evaluate.id;
});
afterAll(() => Promise.all([dev?.stop(), prod?.stop()]));

const base = (server: TestServer) => server.url.replace(/\/graphql$/, '');

/** `{ ...F0 } fragment F0 on Query { ...F1 ...F1 } … fragment F<n-1> on Query { __typename }`: 2^n paths in a few hundred bytes. */
function fragmentFanOut(n: number): string {
  const fragments = Array.from({ length: n - 1 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`);
  return `{ ...F0 } ${fragments.join(' ')} fragment F${n - 1} on Query { __typename }`;
}

/** What a refused request may not change: rows of every table a request could write. */
async function rowCounts(server: TestServer) {
  const [row] = await server.sql('select (select count(*) from audit_event)::int as audit, (select count(*) from verdict)::int as verdicts, (select count(*) from agency)::int as agencies');
  return row;
}

/**
 * Asks /healthz while `requests` are in flight, then waits for them. No clock: these requests are
 * refused in milliseconds, so whether /healthz or they answer first is a race; what proves the
 * refusal cheap is how it is refused (the estimate gave up after LIMITS.costNodes fields, before
 * any resolver ran), and a request that held the event loop for minutes fails by the test's timeout.
 */
async function healthAlongside(server: TestServer, requests: Promise<unknown>[]): Promise<void> {
  const health = await fetch(`${base(server)}/healthz`);
  expect(health.status).toBe(200);
  await Promise.all(requests);
}

describe.each([
  ['development', () => dev],
  ['production', () => prod],
])('query limits (%s)', (_name, server) => {
  it('refuses the exponential fragment fan-out after a bounded walk, before anything runs, and /healthz answers while such requests are in flight', async () => {
    const before = await rowCounts(server());
    const attacks = [25, 30, 40, 25].map((n) => server().rawQuery(fragmentFanOut(n), undefined, { role: 'PUBLIC' }));
    await healthAlongside(server(), attacks);
    for (const result of await Promise.all(attacks)) {
      expect(result.status).toBe(400);
      expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX' }, message: expect.stringContaining('could not be estimated') });
      expect(result.data).toBeUndefined();
    }
    expect(await rowCounts(server())).toEqual(before);
  });

  it('refuses lists nested in lists past the limit (agencies → servants → agency → servants …), also through fragments; three levels still run', async () => {
    const before = await rowCounts(server());
    const attack = '{ agencies(first: 60) { edges { node { civilServants { agency { civilServants { agency { civilServants { agency { name } } } } } } } } } }';
    const viaFragment = '{ agencies(first: 60) { edges { node { ...S } } } } fragment S on Agency { civilServants { agency { civilServants { agency { civilServants { name } } } } } }';
    for (const query of [attack, viaFragment]) {
      const result = await server().rawQuery(query, undefined, { role: 'PUBLIC' });
      expect(result.status).toBe(400);
      expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' }, message: expect.stringContaining('the limit is 3') });
      expect(result.data).toBeUndefined();
    }
    // One agency: its servants' agencies' servants, at the cap of 100 each, hold about 10,200 fields,
    // within what an anonymous request may build (LIMITS.publicFields; five agencies hold 51,016).
    const allowed = await server().query(graphql(`{ agencies(first: 1) { edges { node { civilServants { agency { civilServants { post } } } } } } }`), undefined, { role: 'PUBLIC' });
    expect(allowed.errors).toBeUndefined();
    expect(await rowCounts(server())).toEqual(before);
  });

  it('refuses a self-referencing fragment with a coded validation error, not a 500', async () => {
    const result = await server().rawQuery('{ ...F } fragment F on Query { __typename ...F }', undefined, { role: 'PUBLIC' });
    expect(result.status).toBe(400);
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' }, message: expect.stringContaining('within itself') });
  });

  it('refuses 2,000 nested inline fragments at the token limit, not with a stack overflow', async () => {
    const query = `{ ${'... on Query { '.repeat(2000)}__typename${' }'.repeat(2000)} }`;
    const result = await server().rawQuery(query, undefined, { role: 'PUBLIC' });
    expect(result.status).toBe(400);
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'GRAPHQL_PARSE_FAILED' }, message: expect.stringContaining('2000 tokens') });
  });

  it('refuses a flood of aliases: 3,000 aliases of explanation on one verdict write no audit row', async () => {
    const before = await rowCounts(server());
    const aliases = Array.from({ length: 3000 }, (_, i) => `e${i}: explanation { day }`).join(' ');
    const result = await server().rawQuery(`query ($v: ID!) { verdict(id: $v) { ${aliases} } }`, { v: verdictId }, { role: 'INSPECTOR' });
    expect(result.status).toBe(400);
    expect(result.errors?.[0].extensions?.code).toMatch(/GRAPHQL_PARSE_FAILED|GRAPHQL_VALIDATION_FAILED/);
    const sixtyOne = Array.from({ length: 61 }, (_, i) => `a${i}: ruleSet { version }`).join(' ');
    const refused = await server().rawQuery(`{ ${sixtyOne} }`, undefined, { role: 'PUBLIC' });
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 60, found: 61 }, message: expect.stringContaining('61 aliased fields; the limit is 60') });
    expect(await rowCounts(server())).toEqual(before);
  });

  it('refuses too many directives and too deep a query, saying the limit', async () => {
    const directives = await server().rawQuery(`{ ${Array.from({ length: 31 }, () => '__typename @include(if: true)').join(' ')} }`, undefined, { role: 'PUBLIC' });
    expect(directives.errors?.[0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 30 }, message: expect.stringContaining('directives; the limit is 30') });
    let nested = 'name';
    for (let i = 0; i < 12; i++) nested = `parent { ${nested} }`;
    const deep = await server().rawQuery(`{ agencies { edges { node { ${nested} } } } }`, undefined, { role: 'PUBLIC' });
    expect(deep.errors?.[0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 12 }, message: expect.stringContaining('levels of nesting; the limit is 12') });
  });

  it('counts `first` given in a variable, and refuses a costly query before any resolver runs (no audit row)', async () => {
    const nested = 'children { civilServantsConnection(first: $n) { edges { node { post } } } }';
    const query = `query ($n: Int) { a: agencies(first: $n) { edges { node { ${nested} } } } b: agencies(first: $n) { edges { node { ${nested} } } } verdicts(first: $n) { edges { node { explanation { day } } } } }`;
    const before = await rowCounts(server());
    const refused = await server().rawQuery(query, { n: 100 }, { role: 'INSPECTOR' });
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX', limit: 100000 }, message: expect.stringContaining('Ask for smaller pages') });
    expect(refused.data).toBeUndefined();
    expect(await rowCounts(server())).toEqual(before);
    const small = await server().rawQuery(query, { n: 1 }, { role: 'PUBLIC' });
    expect(small.errors).toBeUndefined();
  });

  it('refuses a mutation storing more than 10 verdicts (11 aliases of one evaluate, or through a fragment): nothing is stored or audited; 10 still run', async () => {
    const subject = await createCivilServant(server(), await createAgency(server()));
    const aliases = (n: number) => Array.from({ length: n }, (_, i) => `e${i}: evaluate(subject: { type: CIVIL_SERVANT, id: $id }, matter: "PROMOTION") { id }`).join(' ');
    const before = await rowCounts(server());
    for (const query of [
      `mutation ($id: ID!) { ${aliases(11)} }`,
      `mutation ($id: ID!) { ...Six ...Six } fragment Six on Mutation { ${aliases(6)} }`,
    ]) {
      const result = await server().rawQuery(query, { id: subject });
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 10, found: 11 + (query.includes('Six') ? 1 : 0) });
      expect(result.errors?.[0].message).toContain('assess');
    }
    expect(await rowCounts(server())).toEqual(before);
    const allowed = await server().rawQuery(`mutation ($id: ID!) { ${aliases(10)} }`, { id: subject });
    expect(allowed.errors).toBeUndefined();
    expect((await rowCounts(server())).verdicts).toBe(before.verdicts + 10);
  });

  it('refuses a costly mutation before it runs: no verdict is stored', async () => {
    const inner = Array.from({ length: 6 }, (_, i) => `c${i}: civilServantsConnection(first: 100) { totalCount }`).join(' ');
    const deep = `subject { ... on CivilServant { agency { civilServantsConnection(first: 100) { edges { node { agency { ${inner} } } } } } } }`;
    const servant = await createCivilServant(server(), await createAgency(server()));
    const before = await rowCounts(server());
    const result = await server().rawQuery(`mutation ($s: ID!) { a: evaluate(subject: { type: CIVIL_SERVANT, id: $s }, matter: "PROMOTION") { id ${deep} } b: evaluate(subject: { type: CIVIL_SERVANT, id: $s }, matter: "PROMOTION") { id ${deep} } }`, { s: servant });
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX' } });
    expect(await rowCounts(server())).toEqual(before);
  });

  it('clamps a negative `first` inside the estimate: it no longer cancels a costly sibling, and the field refuses it as BAD_USER_INPUT', async () => {
    const before = await rowCounts(server());
    const costly = 'agencies(first: 100) { edges { node { civilServantsConnection(first: 100) { edges { node { agency { civilServantsConnection(first: 100) { totalCount } } } } } } } }';
    const attack = await server().rawQuery(`{ neg: agencies(first: -2000000000) { edges { node { ${'children { '.repeat(2)}name${' }'.repeat(2)} } } } costly: ${costly} }`, undefined, { role: 'PUBLIC' });
    expect(attack.status).toBe(400);
    expect(attack.errors?.[0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX' } });
    const flood = Array.from({ length: 300 }, (_, i) => `v${i}: verdicts(first: 100) { edges { node { explanation { day } } } }`).join(' ');
    const original = await server().rawQuery(`{ neg: agencies(first: -2000000000) { totalCount } ${flood} }`, undefined, { role: 'INSPECTOR' });
    expect(original.status).toBe(400);
    expect(original.errors?.[0].extensions?.code).toMatch(/GRAPHQL_PARSE_FAILED|GRAPHQL_VALIDATION_FAILED/);
    expect(await rowCounts(server())).toEqual(before);
    for (const first of [-2000000000, 0, 2000000000]) {
      const result = await server().query(graphql(`query ($n: Int) { agencies(first: $n) { totalCount } }`), { n: first }, { role: 'PUBLIC' });
      expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'first' } });
    }
  });
});

describe('field suggestions', () => {
  it('are given in development and withheld in production ("Did you mean ruleSet?")', async () => {
    const query = '{ ruleSe { version } }';
    const devResult = await dev.rawQuery(query, undefined, { role: 'PUBLIC' });
    expect(devResult.errors?.[0].message).toContain('Did you mean "ruleSet"?');
    const prodResult = await prod.rawQuery(query, undefined, { role: 'PUBLIC' });
    expect(prodResult.errors?.[0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(prodResult.errors?.[0].message).toBe('Cannot query field "ruleSe" on type "Query".');
    const enumValue = await prod.rawQuery('{ creditRecords(first: 1, filter: { subjectType: AGENC }) { totalCount } }', undefined, { role: 'PUBLIC' });
    expect(enumValue.errors?.[0].message).not.toMatch(/Did you mean/);
  });
});
