import { createAgency, createCivilServant } from '../support/factories';
import { serverPerFile } from '../support/server-per-file';
import { token } from '../support/test-server';

/**
 * hostile21 N2: one CLERK grew the append-only tables without bound. `evaluate` and `recheck` each
 * store an immutable verdict and an audit row (100 evaluate of one servant, 8 at a time, in 7 s;
 * ≈4 GB a day per token), `previewRules` a read row per civil servant, and no per-token limit counted
 * mutations. Now a token holder may call them at most STORED_WRITES_PER_MINUTE times a minute (here 3,
 * each alias counted); a request that would pass it is refused before anything runs — HTTP 429,
 * RATE_LIMITED, scope token, Retry-After — and stores nothing. Real server, over HTTP.
 */
const LIMIT = 3;
const server = serverPerFile({ storedWritesPerMinute: LIMIT });

let servantId: string;
beforeAll(async () => {
  servantId = await createCivilServant(server, await createAgency(server));
});

const evaluate = (alias: string) => `${alias}: evaluate(subject: { type: CIVIL_SERVANT, id: $id }, matter: "PROMOTION") { id }`;
async function send(query: string, sub: string) {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await token('CLERK', sub)}` },
    body: JSON.stringify({ query, variables: { id: servantId } }),
  });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), ...((await response.json()) as { data?: any; errors?: any[] }) };
}
/** What a refused request must not add to: stored verdicts and audit events. */
const rows = async () => (await server.sql<{ v: number; a: number }>(`select (select count(*) from verdict)::int as v, (select count(*) from audit_event)::int as a`))[0];

it(`the attack: a clerk's evaluations past ${LIMIT} a minute are refused with 429 and store nothing`, async () => {
  for (let i = 0; i < LIMIT; i++) expect((await send(`mutation ($id: ID!) { ${evaluate('v')} }`, 'h21n2.clerk')).errors).toBeUndefined();
  const before = await rows();
  const refused = await send(`mutation ($id: ID!) { ${evaluate('v')} }`, 'h21n2.clerk');
  expect(refused.status).toBe(429);
  expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
  expect(refused.data ?? null).toBeNull();
  expect(refused.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', scope: 'token', limit: LIMIT, calls: 1, windowSeconds: 60 });
  for (const says of ['STORED_WRITES_PER_MINUTE', 'startSweep', 'Nothing was run or stored', '未存储任何内容']) expect(refused.errors?.[0].message).toContain(says);
  expect(await rows()).toEqual(before);
  // Reading is not limited by it.
  expect((await send(`query ($id: ID!) { verdicts(subject: { type: CIVIL_SERVANT, id: $id }, first: 1) { totalCount } }`, 'h21n2.clerk')).errors).toBeUndefined();
});

it('aliases count each; one request past the limit runs none of them; a fragment repeated runs, and counts, once', async () => {
  const before = await rows();
  const many = await send(`mutation ($id: ID!) { ${['a', 'b', 'c', 'd'].map(evaluate).join(' ')} }`, 'h21n2.aliases');
  expect(many.status).toBe(429);
  expect(many.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', calls: 4 });
  expect(await rows()).toEqual(before);

  const repeated = await send(`mutation ($id: ID!) { ...E ...E ... on Mutation { ...E } } fragment E on Mutation { ${evaluate('a')} ${evaluate('b')} ${evaluate('c')} }`, 'h21n2.aliases');
  expect(repeated.errors).toBeUndefined();
  expect((await rows()).v).toBe(before.v + 3);
});

it('another token holder has its own count', async () => {
  expect((await send(`mutation ($id: ID!) { ${evaluate('v')} }`, 'h21n2.other')).errors).toBeUndefined();
});
