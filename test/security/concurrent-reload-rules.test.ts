import { startTestServer, type Caller, type TestServer } from '../support/test-server';

/**
 * hostile19 F3: eight OFFICER `reloadRules` at once each read and checked the whole rules folder
 * synchronously (about 0.3 CPU-s each), back to back, and held /healthz; nothing coalesced them.
 * Now callers asking together share one reload (src/engine/shared-reload.ts); each still gets its
 * answer and its own RELOAD_RULES audit event, which says when it shared another's reload.
 */
const OFFICER: Caller = { role: 'OFFICER', sub: 'h19.officer' };
let server: TestServer;
let reloads = 0;

beforeAll(async () => {
  server = await startTestServer();
  // Only this file's reloads by this officer are read below.
  server.app.reloader.onReload(() => reloads++);
});
afterAll(() => server?.stop());

it('eight reloadRules sent at once share at most two reloads; each caller is answered and audited', async () => {
  const version = (await server.rawQuery('{ ruleSet { version } }')).data.ruleSet.version;
  const before = reloads;
  const audited = (await server.sql(`select count(*)::int as n from audit_event where action = 'RELOAD_RULES'`))[0].n;
  const answers = await Promise.all(Array.from({ length: 8 }, () => server.rawQuery('mutation { reloadRules { version errors { file } } }', undefined, OFFICER)));
  for (const answer of answers) expect(answer).toMatchObject({ status: 200, data: { reloadRules: { version, errors: [] } } });
  expect(reloads - before).toBeGreaterThanOrEqual(1);
  expect(reloads - before).toBeLessThanOrEqual(2);

  const events = await server.sql<{ outcome: string }>(`select outcome from audit_event where action = 'RELOAD_RULES' and actor = 'h19.officer'`);
  expect((await server.sql(`select count(*)::int as n from audit_event where action = 'RELOAD_RULES'`))[0].n).toBe(audited + 8);
  for (const { outcome } of events) expect(outcome).toMatch(new RegExp(`^in force: ${version}`));
  expect(events.filter((e) => e.outcome.endsWith('(shared a reload another request began)'))).toHaveLength(8 - (reloads - before));
});

it('a reload asked after the last one is done reads the folder again', async () => {
  const before = reloads;
  await new Promise((resolve) => setTimeout(resolve, 1000));
  await server.rawQuery('mutation { reloadRules { version } }', undefined, OFFICER);
  expect(reloads - before).toBe(1);
});
