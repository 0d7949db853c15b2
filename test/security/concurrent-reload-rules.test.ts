import { healthz } from '../support/healthz';
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

/**
 * sec31 item 4: a burst from several accounts at once, as several consoles and scripts would send it. No
 * timing is asserted, only behaviour: every request is answered with the one version in force, /healthz
 * answers while they run, and each request leaves exactly one RELOAD_RULES event, under its own actor.
 */
it('forty-eight reloadRules from four accounts in three waves: every one answered with the version in force, /healthz answering, one event each', async () => {
  const version = (await server.rawQuery('{ ruleSet { version } }')).data.ruleSet.version;
  const callers: Caller[] = [
    { role: 'OFFICER', sub: 'sec31.r1' }, { role: 'OFFICER', sub: 'sec31.r2' }, { role: 'ADMIN', sub: 'sec31.r3' }, { role: 'ADMIN', sub: 'sec31.r4' },
  ];
  const audited = async () => server.sql<{ actor: string; n: number }>(`select actor, count(*)::int as n from audit_event where action = 'RELOAD_RULES' and actor like 'sec31.r%' group by actor order by actor`);
  expect(await audited()).toEqual([]);
  const health: Promise<number>[] = [];
  const answers: Promise<{ status: number; data?: { reloadRules?: { version: string; errors: unknown[] } }; errors?: unknown }>[] = [];
  for (let wave = 0; wave < 3; wave++) {
    for (let i = 0; i < 16; i++) answers.push(server.rawQuery('mutation { reloadRules { version errors { file } } }', undefined, callers[i % 4]));
    health.push(healthz(server));
    await new Promise((resolve) => setImmediate(resolve));
  }
  health.push(healthz(server));
  expect(await Promise.all(health)).toEqual([200, 200, 200, 200]);
  for (const answer of await Promise.all(answers)) {
    expect(answer.errors).toBeUndefined();
    expect(answer).toMatchObject({ status: 200, data: { reloadRules: { version, errors: [] } } });
  }
  expect((await server.rawQuery('{ ruleSet { version } }')).data.ruleSet.version).toBe(version);
  expect(await audited()).toEqual(callers.map((c) => ({ actor: c.sub, n: 12 })));
});
