import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestServer, type Caller, type TestServer } from '../support/test-server';
import { withCondition } from '../support/rule-files';

/**
 * hostile21 F7: a rule set swapped in by the folder watcher (RULES_WATCH, the default) wrote no
 * RELOAD_RULES event, and the database kept only each version's last time in service, so nobody
 * could say which version decided on a given day. Now every swap closes the open period and opens
 * the new version's (`rule_set_period`), and a swap only the watcher asked for is audited as
 * `system` — once per swap, however many processes take it in: two real servers on one database
 * and one rules folder, both watching, as two processes of one server do.
 */
const OFFICER: Caller = { role: 'OFFICER', sub: 'rel14.officer' };
const RULE = 'civil-servant/award-restrict.json';
const UNREPAIRED = '$.governmentDishonesty.unrepaired';
let first: TestServer;
let second: TestServer;
let rulesDir: string;

beforeAll(async () => {
  rulesDir = mkdtempSync(path.join(os.tmpdir(), 'chengxin-rel14-periods-'));
  cpSync(path.resolve(__dirname, '../../rules'), rulesDir, { recursive: true });
  first = await startTestServer({ rulesDir, watchRules: true });
  second = await startTestServer({ rulesDir, watchRules: true }, first);
  await new Promise((resolve) => setTimeout(resolve, 1000)); // the watchers are ready
});
afterAll(async () => {
  await second?.app.stop();
  await first?.stop();
  if (rulesDir) rmSync(rulesDir, { recursive: true, force: true });
});

const versionOf = async (server: TestServer): Promise<string> => (await server.rawQuery('{ ruleSet { version } }')).data.ruleSet.version;

async function bothOn(version: (v: string) => boolean): Promise<string> {
  for (const started = Date.now(); Date.now() - started < 20_000; ) {
    const [a, b] = [await versionOf(first), await versionOf(second)];
    if (a === b && version(a)) {
      await new Promise((resolve) => setTimeout(resolve, 1000)); // both have recorded it
      return a;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the two servers did not both take in the edited folder within 20 s');
}

const reloadEvents = () => first.sql<{ actor: string; role: string; outcome: string }>(`select actor, role, outcome from audit_event where action = 'RELOAD_RULES' order by created_at, id`);
const periods = () =>
  first.sql<{ version: string; open: boolean; taken_in_by: string; contiguous: boolean }>(
    `select version, served_to is null as open, taken_in_by,
       coalesce(served_from = lag(served_to) over (order by id), true) as contiguous
     from rule_set_period order by id`,
  );

it('a swap by the folder watcher is audited once as system (old → new, file watcher), and each version keeps its period', async () => {
  const before = await versionOf(first);
  expect(await versionOf(second)).toBe(before);
  // Both servers started on the same folder: one period, opened by the first start, no event.
  expect(await periods()).toEqual([{ version: before, open: true, taken_in_by: 'start', contiguous: true }]);
  expect(await reloadEvents()).toEqual([]);

  const file = path.join(rulesDir, RULE);
  writeFileSync(file, withCondition(readFileSync(file, 'utf8'), UNREPAIRED, { value: 2 }));
  const after = await bothOn((v) => v !== before);

  expect(await reloadEvents()).toEqual([{ actor: 'system', role: 'ADMIN', outcome: `${before} → ${after} (file watcher)` }]);
  expect(await periods()).toEqual([
    { version: before, open: false, taken_in_by: 'start', contiguous: true },
    { version: after, open: true, taken_in_by: 'watcher', contiguous: true },
  ]);
  // An inspector reads it in the trail: when, and which version followed which.
  const trail = await first.rawQuery('{ auditEvents(first: 5, filter: { action: RELOAD_RULES }) { edges { node { actor outcome } } } }', undefined, { role: 'INSPECTOR', sub: 'rel14.inspector' });
  expect(trail.data.auditEvents.edges).toEqual([{ node: { actor: 'system', outcome: `${before} → ${after} (file watcher)` } }]);
});

it('a swap asked for by reloadRules is audited once, with its caller, not again as system by the process it is carried to', async () => {
  // Without watchers (RULES_WATCH=false, where reloadRules is the only way in): the second server
  // takes the change as a cluster's other process does, asked by the first's reloadRules
  // (src/cluster-rules.ts carries it over IPC; two servers in one test process have no cluster).
  await first.app.reloader.close();
  await second.app.reloader.close();
  const before = await versionOf(first);
  const events = (await reloadEvents()).length;
  const file = path.join(rulesDir, RULE);
  writeFileSync(file, withCondition(readFileSync(file, 'utf8'), UNREPAIRED, { value: 3 }));
  const answer = await first.rawQuery('mutation { reloadRules { version } }', undefined, OFFICER);
  const after = answer.data.reloadRules.version;
  expect(after).not.toBe(before);
  expect((await second.app.reloader.reload('peer')).result).toMatchObject({ changed: true, version: after });
  await bothOn((v) => v === after);

  const added = (await reloadEvents()).slice(events);
  expect(added).toEqual([{ actor: OFFICER.sub, role: 'OFFICER', outcome: `in force: ${after}` }]);
  const last = (await periods()).slice(-2);
  expect(last).toEqual([
    { version: before, open: false, taken_in_by: 'watcher', contiguous: true },
    { version: after, open: true, taken_in_by: 'request', contiguous: true },
  ]);
});
