import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildServer, startClusteredServer, type ClusteredServer } from '../support/clustered-server';
import { withCondition } from '../support/rule-files';
import { root } from '../support/run-command';
import { createTestDatabase } from '../support/test-database';
import { token } from '../support/test-server';

/**
 * hostile21 F1: with WEB_CONCURRENCY=2 and RULES_WATCH=false, `reloadRules` reloaded only the
 * process that answered it; the other kept the old version (requests alternated between two rule
 * sets, `stale` flipped per request, and a sweep could be planned under a version the workers
 * refuse). Now the reload is carried to every process (src/cluster-rules.ts) and answered once all
 * have the version, and a sweep is refused while the processes disagree. The compiled server, two
 * processes on one port, a rules folder of its own.
 */
const RULE = 'civil-servant/award-restrict.json';
const UNREPAIRED = '$.governmentDishonesty.unrepaired';
let database: { url: string; drop(): Promise<void> };
let server: ClusteredServer | undefined;
let rulesDir: string;

beforeAll(async () => {
  buildServer();
  database = await createTestDatabase({ empty: true }); // migrated by the compiled start-up, as `npm start` migrates a new database
  rulesDir = mkdtempSync(path.join(os.tmpdir(), 'chengxin-rel14-cluster-'));
  cpSync(path.resolve(root, 'rules'), rulesDir, { recursive: true });
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await database?.drop();
  if (rulesDir) rmSync(rulesDir, { recursive: true, force: true });
});

it('reloadRules reaches both processes (every request then answers the new version); a sweep waits until both serve one version', async () => {
  server = await startClusteredServer({ webConcurrency: 2, databaseUrl: database.url, env: { RULES_DIR: rulesDir } });
  const { pids, url } = server;
  const gql = async (query: string, role = 'OFFICER', variables: Record<string, unknown> = {}) =>
    (await (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${await token(role, 'rel14-cluster')}` }, body: JSON.stringify({ query, variables }) })).json()) as any;
  // Enough requests at once that both processes answer some (connections are handed out in turn).
  const versions = async () => new Set((await Promise.all(Array.from({ length: 16 }, () => gql('{ ruleSet { version } }')))).map((r) => r.data.ruleSet.version));
  const edit = (value: number) => writeFileSync(path.join(rulesDir, RULE), withCondition(readFileSync(path.join(rulesDir, RULE), 'utf8'), UNREPAIRED, { value }));

  const [before] = [...(await versions())];
  edit(2);
  const reloaded = await gql('mutation { reloadRules { version errors { file } } }');
  const after = reloaded.data.reloadRules.version;
  expect(reloaded).toEqual({ data: { reloadRules: { version: after, errors: [] } } });
  expect(after).not.toBe(before);
  expect([...(await versions())]).toEqual([after]);
  // Each process says it took the version in.
  const swaps = [...server.output().matchAll(new RegExp(`"pid":(\\d+)[^\\n]*Rules reloaded: version ${after} is in force`, 'g'))].map((m) => Number(m[1]));
  expect(swaps.sort()).toEqual([...pids].sort());
  const trail = await gql('{ auditEvents(first: 5, filter: { action: RELOAD_RULES }) { edges { node { actor outcome } } } }', 'ADMIN');
  expect(trail.data.auditEvents.edges).toEqual([{ node: { actor: 'rel14-cluster', outcome: `in force: ${after} [2 of 2 server processes]` } }]);

  // A split the server cannot avoid: the folder changes without a reload and one process is
  // replaced, so the new one starts on the files while the other keeps what it had.
  edit(3);
  process.kill(pids[1], 'SIGKILL');
  const third = (await server.waitFor(/"pid":(\d+),"url":"(http:[^"]+graphql)"/, 3))[2];
  expect(Number(third[1])).not.toBe(pids[1]);
  const refused = await gql('mutation { startSweep(matter: "PROMOTION") { id status } }');
  expect(refused.data).toBeNull();
  expect(refused.errors[0]).toMatchObject({ extensions: { code: 'RULES_NOT_EVERYWHERE' }, message: expect.stringContaining('Call reloadRules') });
  expect(refused.errors[0].message).toMatch(/1 of 2 server processes; pid \d+ on sha256:/);
  expect((await gql('{ sweepRuns(first: 1) { totalCount } }', 'ADMIN')).data.sweepRuns.totalCount).toBe(0);

  // reloadRules brings them in line; then the sweep starts, under the version both serve.
  const aligned = (await gql('mutation { reloadRules { version } }')).data.reloadRules.version;
  expect(aligned).not.toBe(after);
  expect([...(await versions())]).toEqual([aligned]);
  const started = await gql('mutation { startSweep(matter: "PROMOTION") { id status ruleSetVersion } }');
  expect(started).toEqual({ data: { startSweep: { id: expect.any(String), status: 'RUNNING', ruleSetVersion: aligned } } });
  expect((await gql('mutation ($id: ID!) { cancelSweep(id: $id) { status } }', 'OFFICER', { id: started.data.startSweep.id })).data.cancelSweep.status).toBe('CANCELLED');
}, 240_000);
