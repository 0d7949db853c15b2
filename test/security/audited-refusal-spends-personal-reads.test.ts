import { createAgency, createCivilServant } from '../support/factories';
import { startTestServer, type Caller, type TestServer } from '../support/test-server';

/**
 * sec23 (issue 10): a query is counted against PERSONAL_READS_PER_MINUTE, then against
 * AUDITED_READS_PER_MINUTE. One that the second refused had already spent a personal read: withheld,
 * nothing recorded, yet it cost the holder one of its personal reads — a holder could be locked out
 * of personal reads by queries it never got answers to. Now a refused query consumes neither limit
 * (src/graphql/read-audit-plugin.ts). Real server, over HTTP.
 */
const PERSONAL = 2;
const AUDITED = 5;
let server: TestServer;
let servants: string[];
const DISPLAY: Caller = { role: 'DISPLAY', sub: 'sec23.kiosk' };

beforeAll(async () => {
  server = await startTestServer({ personalReadsPerMinute: PERSONAL, auditedReadsPerMinute: AUDITED });
  const agencyId = await createAgency(server);
  servants = [];
  for (let i = 0; i < 4; i += 1) servants.push(await createCivilServant(server, agencyId));
});
afterAll(() => server?.stop());

// Each servant assessed is one READ_PERSONAL_DATA row; the query is one personal read.
const ASSESS = 'query ($s: [SubjectInput!]!) { assess(subjects: $s, matter: "PROMOTION") { subjectId assessment { outcome } } }';
const subjects = (n: number) => servants.slice(0, n).map((id) => ({ type: 'CIVIL_SERVANT', id }));
const reads = async () => (await server.sql<{ n: number }>("select count(*)::int as n from audit_event where actor = 'sec23.kiosk' and action = 'READ_PERSONAL_DATA'"))[0].n;

it('a query refused by AUDITED_READS_PER_MINUTE does not spend a PERSONAL_READS_PER_MINUTE read', async () => {
  // 1 personal read of 2, 4 rows of 5.
  const first = await server.rawQuery(ASSESS, { s: subjects(4) }, DISPLAY);
  expect(first.errors).toBeUndefined();
  expect(await reads()).toBe(4);

  // 4 more rows would pass 5: refused by the row limit, nothing recorded.
  const refused = await server.rawQuery(ASSESS, { s: subjects(4) }, DISPLAY);
  expect(refused.status).toBe(429);
  expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'RATE_LIMITED', scope: 'token', limit: AUDITED, rows: 4 } });
  expect(refused.errors?.[0].message).toContain('AUDITED_READS_PER_MINUTE');
  expect(await reads()).toBe(4);

  // The refused query spent nothing: the second personal read of 2 and the fifth row of 5 are served.
  const second = await server.rawQuery(ASSESS, { s: subjects(1) }, DISPLAY);
  expect(second.status).toBe(200);
  expect(second.errors).toBeUndefined();
  expect(second.data.assess).toHaveLength(1);
  expect(await reads()).toBe(5);
});

it('a query refused by PERSONAL_READS_PER_MINUTE spends nothing either: the holder is refused the same way until the window ends', async () => {
  const holder: Caller = { role: 'DISPLAY', sub: 'sec23.kiosk-2' };
  for (let i = 0; i < PERSONAL; i += 1) expect((await server.rawQuery(ASSESS, { s: subjects(1) }, holder)).status).toBe(200);
  for (let i = 0; i < 3; i += 1) {
    const refused = await server.rawQuery(ASSESS, { s: subjects(1) }, holder);
    expect(refused.status).toBe(429);
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'RATE_LIMITED', scope: 'token', limit: PERSONAL } });
    expect(refused.errors?.[0].message).toContain('PERSONAL_READS_PER_MINUTE');
  }
});
