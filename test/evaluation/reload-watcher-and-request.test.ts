import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestServer, type Caller, type TestServer } from '../support/test-server';
import { withCondition } from '../support/rule-files';

/**
 * The folder watcher (RULES_WATCH) and `reloadRules` go through one gate (src/engine/rule-reloader.ts,
 * src/engine/shared-reload.ts). Before, the gate sat in the mutation's use case only: a watcher's
 * reload ran on its own the moment its debounce ended, in the pause a request's reload leaves the
 * event loop and beside the reload the next requests were waiting for — two folder reads where one
 * answered everyone. A real watcher, real requests over HTTP.
 */
const OFFICER: Caller = { role: 'OFFICER', sub: 'ref13.watch.officer' };
const RULE = 'civil-servant/award-restrict.json';
const RELOAD = 'mutation { reloadRules { version errors { file } } }';
/** How long the first request's reload holds the event loop, and so the pause it leaves after it (src/engine/shared-reload.ts). */
const HOLD_MS = 1_500;
let server: TestServer;
let rulesDir: string;
let reloads = 0;
/** Set to hold the event loop in the next reload (inside its timed read), so the pause after it is long enough to ask within. */
let holdNext = 0;
/** Run inside the next reload, after it read the folder, while it holds the loop. */
let duringNext: (() => void) | undefined;
/** When the last hold ended. */
let heldUntil = 0;
/** Waiters for the folder watcher's next request for a reload (RuleReloader.onWatch). */
let watcherAsked: (() => void)[] = [];

beforeAll(async () => {
  rulesDir = mkdtempSync(path.join(os.tmpdir(), 'chengxin-ref13-watch-'));
  cpSync(path.resolve(__dirname, '../../rules'), rulesDir, { recursive: true });
  server = await startTestServer({ rulesDir, watchRules: true });
  server.app.reloader.onReload(() => {
    reloads++;
    duringNext?.();
    duringNext = undefined;
    const until = performance.now() + holdNext;
    holdNext = 0;
    while (performance.now() < until); // a slow reload, as on a busy machine
    heldUntil = performance.now();
  });
  server.app.reloader.onWatch((step) => {
    if (step !== 'asked') return;
    const waiting = watcherAsked;
    watcherAsked = [];
    waiting.forEach((resolve) => resolve());
  });
  await server.app.reloader.whenWatching();
});
afterAll(async () => {
  await server?.stop();
  if (rulesDir) rmSync(rulesDir, { recursive: true, force: true });
});

it('a watcher reload and the requests asking with it share one reload; each request is audited, saying whose it shared', async () => {
  const version = (await server.rawQuery('{ ruleSet { version } }')).data.ruleSet.version;
  const file = path.join(rulesDir, RULE);
  const before = reloads;
  // The first request's reload reads the folder as it is; while it holds the loop the rule is
  // edited, so the watcher can only see the edit after it, in the pause it leaves (HOLD_MS): the
  // watcher's reload, asked for in that pause, begins when the pause ends, and the three requests
  // sent once the watcher has asked join it.
  holdNext = HOLD_MS;
  duringNext = () => writeFileSync(file, withCondition(readFileSync(file, 'utf8'), '$.governmentDishonesty.unrepaired', { value: 2 }));
  const asked = new Promise<void>((resolve) => watcherAsked.push(resolve));
  const first = await server.rawQuery(RELOAD, undefined, OFFICER);
  expect(first).toMatchObject({ status: 200, data: { reloadRules: { version, errors: [] } } });
  await asked;
  // Not a retry: if the machine was too slow for the watcher to ask within the pause, say so rather than pass or fail by chance.
  const askedAfter = performance.now() - heldUntil;
  if (askedAfter > HOLD_MS / 2) throw new Error(`the watcher asked ${Math.round(askedAfter)} ms after the hold, too late to be sure of the pause of ${HOLD_MS} ms`);
  const next = await Promise.all(Array.from({ length: 3 }, () => server.rawQuery(RELOAD, undefined, OFFICER)));
  const changed = next[0].data.reloadRules.version;
  expect(changed).not.toBe(version);
  for (const answer of next) expect(answer).toMatchObject({ status: 200, data: { reloadRules: { version: changed, errors: [] } } });

  expect(reloads - before).toBe(2); // the first request's, and one for the watcher and the three
  const events = (await server.sql<{ outcome: string }>(`select outcome from audit_event where action = 'RELOAD_RULES' and actor = ? order by created_at, id`, [OFFICER.sub])).slice(-4);
  expect(events.map((e) => e.outcome)).toEqual([`in force: ${version}`, ...Array(3).fill(`in force: ${changed} (shared a reload the rules folder watcher began)`)]);
});
