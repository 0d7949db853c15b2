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
let server: TestServer;
let rulesDir: string;
let reloads = 0;
/** Set to hold the event loop in the next reload (inside its timed read), so the pause after it is long enough to ask within. */
let holdNext = 0;
/** Tries of the test so far: each edits the rule to a value of its own, so that each reload changes the version. */
let tries = 0;

// Whether the watcher's debounce ends inside the pause the held reload leaves depends on the
// scheduler: on a loaded machine it can end later, and the watcher then rightly reloads on its own
// (it shares only a reload that begins after it asked). A retry on a fresh edit, not a looser check.
jest.retryTimes(2, { logErrorsBeforeRetry: true });

beforeAll(async () => {
  rulesDir = mkdtempSync(path.join(os.tmpdir(), 'chengxin-ref13-watch-'));
  cpSync(path.resolve(__dirname, '../../rules'), rulesDir, { recursive: true });
  server = await startTestServer({ rulesDir, watchRules: true });
  server.app.reloader.onReload(() => {
    reloads++;
    const until = performance.now() + holdNext;
    holdNext = 0;
    while (performance.now() < until); // a slow reload, as on a busy machine
  });
  await new Promise((resolve) => setTimeout(resolve, 1000)); // the watcher is ready
});
afterAll(async () => {
  await server?.stop();
  if (rulesDir) rmSync(rulesDir, { recursive: true, force: true });
});

it('a watcher reload and the requests asking with it share one reload; each request is audited, saying whose it shared', async () => {
  const version = (await server.rawQuery('{ ruleSet { version } }')).data.ruleSet.version;
  const file = path.join(rulesDir, RULE);
  writeFileSync(file, withCondition(readFileSync(file, 'utf8'), '$.governmentDishonesty.unrepaired', { value: 2 + tries++ }));
  holdNext = 400;
  const before = reloads;
  // This request's reload reads the edited file; the watcher's debounce ends while it holds the loop
  // or in the pause after it, and the three requests sent on its answer arrive in that pause too.
  const first = await server.rawQuery(RELOAD, undefined, OFFICER);
  const changed = first.data.reloadRules.version;
  expect(changed).not.toBe(version);
  const next = await Promise.all(Array.from({ length: 3 }, () => server.rawQuery(RELOAD, undefined, OFFICER)));
  for (const answer of next) expect(answer).toMatchObject({ status: 200, data: { reloadRules: { version: changed, errors: [] } } });
  await new Promise((resolve) => setTimeout(resolve, 1500)); // a watcher's reload of its own would have run by now

  expect(reloads - before).toBe(2); // the first request's, and one for the watcher and the three
  const events = (await server.sql<{ outcome: string }>(`select outcome from audit_event where action = 'RELOAD_RULES' and actor = ? order by created_at`, [OFFICER.sub])).slice(-4);
  expect(events.map((e) => e.outcome)).toEqual([
    `in force: ${changed}`,
    ...Array(3).fill(expect.stringMatching(new RegExp(`^in force: ${changed} \\(shared a reload (the rules folder watcher|another request) began\\)$`))),
  ]);
});
