import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { withCondition } from '../support/rule-files';
import { root } from '../support/run-command';
import { createTestDatabase } from '../support/test-database';
import { TEST_JWT_SECRET, token } from '../support/test-server';

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
let server: ChildProcess | undefined;
let rulesDir: string;
let output = '';

function waitFor(pattern: RegExp, count = 1, timeoutMs = 120_000): Promise<RegExpMatchArray[]> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const timer = setInterval(() => {
      const matches = [...output.matchAll(new RegExp(pattern.source, 'g'))];
      if (matches.length >= count) {
        clearInterval(timer);
        resolve(matches);
      } else if (output.includes('[exited with') || Date.now() - started > timeoutMs) {
        clearInterval(timer);
        reject(new Error(`waited in vain for ${count} × ${pattern}; output:\n${output}`));
      }
    }, 50);
  });
}

beforeAll(async () => {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root });
  database = await createTestDatabase();
  rulesDir = mkdtempSync(path.join(os.tmpdir(), 'chengxin-rel14-cluster-'));
  cpSync(path.resolve(root, 'rules'), rulesDir, { recursive: true });
}, 180_000);

afterAll(async () => {
  server?.kill('SIGKILL');
  await database?.drop();
  if (rulesDir) rmSync(rulesDir, { recursive: true, force: true });
});

it('reloadRules reaches both processes (every request then answers the new version); a sweep waits until both serve one version', async () => {
  const env = { ...process.env, DATABASE_URL: database.url, PORT: '0', HOST: '127.0.0.1', SEED_DEMO_DATA: 'false', RULES_WATCH: 'false', RULES_DIR: rulesDir, JWT_SECRET: TEST_JWT_SECRET, NODE_ENV: 'production', WEB_CONCURRENCY: '2' };
  server = spawn(process.execPath, ['dist/src/main.js'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout!.on('data', (chunk) => (output += chunk));
  server.stderr!.on('data', (chunk) => (output += chunk));
  server.once('exit', (code) => (output += `\n[exited with ${code}]`));

  const serving = await waitFor(/"pid":(\d+),"url":"(http:[^"]+graphql)"/, 2);
  const pids = serving.map((m) => Number(m[1]));
  const url = serving[0][2];
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
  const swaps = [...output.matchAll(new RegExp(`"pid":(\\d+)[^\\n]*Rules reloaded: version ${after} is in force`, 'g'))].map((m) => Number(m[1]));
  expect(swaps.sort()).toEqual([...pids].sort());
  const trail = await gql('{ auditEvents(first: 5, filter: { action: RELOAD_RULES }) { edges { node { actor outcome } } } }', 'ADMIN');
  expect(trail.data.auditEvents.edges).toEqual([{ node: { actor: 'rel14-cluster', outcome: `in force: ${after} [2 of 2 server processes]` } }]);

  // A split the server cannot avoid: the folder changes without a reload and one process is
  // replaced, so the new one starts on the files while the other keeps what it had.
  edit(3);
  process.kill(pids[1], 'SIGKILL');
  const third = (await waitFor(/"pid":(\d+),"url":"(http:[^"]+graphql)"/, 3))[2];
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
