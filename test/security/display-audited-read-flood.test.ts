import { uscc } from '../support/factories';
import { startTestServer, type Caller, type TestServer } from '../support/test-server';

/**
 * hostile19 F6: a DISPLAY token's `assess` of 100 enterprises with `explanation { day }` wrote 100
 * append-only READ_EXPLANATION rows a request, unbounded per token: enterprises are nobody's personal
 * data, so PERSONAL_READS_PER_MINUTE did not apply, and 64 in flight wrote hundreds of rows a second
 * that the triggers forbid pruning. Now a holder's queries may write at most AUDITED_READS_PER_MINUTE
 * audited read rows a minute (here 250); a query that would pass it is withheld (HTTP 429,
 * RATE_LIMITED, scope token) and writes none. Real server, over HTTP.
 */
const LIMIT = 250;
let server: TestServer;
let subjects: { type: 'ENTERPRISE'; id: string }[];
const DISPLAY: Caller = { role: 'DISPLAY', sub: 'h19.kiosk' };

beforeAll(async () => {
  server = await startTestServer({ auditedReadsPerMinute: LIMIT });
  const values = Array.from({ length: 100 }, (_, i) => `(gen_random_uuid(), '${uscc('91')}', '鄂州市第${i + 1}审计测试有限公司')`).join(', ');
  await server.sql(`insert into enterprise (id, uscc, name) values ${values}`);
  subjects = (await server.sql<{ id: string }>('select id from enterprise order by id limit 100')).map(({ id }) => ({ type: 'ENTERPRISE', id }));
});
afterAll(() => server?.stop());

const ASSESS = 'query ($s: [SubjectInput!]!) { assess(subjects: $s, matter: "PROCUREMENT") { assessment { explanation { day } } } }';
const rowsOf = async (actor: string) => (await server.sql<{ n: number }>(`select count(*)::int as n from audit_event where actor = ? and action = 'READ_EXPLANATION'`, [actor]))[0].n;

it(`a DISPLAY token's assess of 100 explanations: two are served (200 rows), the third would pass ${LIMIT} and is refused, writing nothing`, async () => {
  for (let i = 0; i < 2; i++) {
    const served = await server.rawQuery(ASSESS, { s: subjects }, DISPLAY);
    expect(served.errors).toBeUndefined();
    expect(served.data.assess).toHaveLength(100);
  }
  expect(await rowsOf('h19.kiosk')).toBe(200);

  const refused = await server.rawQuery(ASSESS, { s: subjects }, DISPLAY);
  expect(refused.status).toBe(429);
  expect(refused.data ?? null).toBeNull();
  expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'RATE_LIMITED', scope: 'token', limit: LIMIT, rows: 100, windowSeconds: 60 } });
  expect(refused.errors?.[0].message).toContain('AUDITED_READS_PER_MINUTE');
  expect(await rowsOf('h19.kiosk')).toBe(200);

  // What still fits is served: 50 more rows reach the limit exactly.
  const half = await server.rawQuery(ASSESS, { s: subjects.slice(0, 50) }, DISPLAY);
  expect(half.errors).toBeUndefined();
  expect(await rowsOf('h19.kiosk')).toBe(250);
  // Outcomes alone write no audited rows and are not limited.
  const outcomes = await server.rawQuery('query ($s: [SubjectInput!]!) { assess(subjects: $s, matter: "PROCUREMENT") { assessment { outcome } } }', { s: subjects }, DISPLAY);
  expect(outcomes.errors).toBeUndefined();
});

it('another token holder has its own count', async () => {
  const other = await server.rawQuery(ASSESS, { s: subjects }, { role: 'DISPLAY', sub: 'h19.other-kiosk' });
  expect(other.errors).toBeUndefined();
  expect(await rowsOf('h19.other-kiosk')).toBe(100);
});
