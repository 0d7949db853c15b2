import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { withCondition } from '../support/rule-files';
import { root } from '../support/run-command';
import { createTestDatabase } from '../support/test-database';
import { TEST_JWT_SECRET, token } from '../support/test-server';

/**
 * sec26 (issue 10, item 3): `reloadRules` answering RULES_NOT_EVERYWHERE was never seen. With
 * WEB_CONCURRENCY=2 one process is stopped (SIGSTOP: alive, but it answers nothing, as a process stuck
 * in a long computation would), and the other is asked to reload over one kept-alive connection, so
 * the request deterministically reaches the running one. The reload is refused with the code and the
 * processes named (the stopped one by pid), the RELOAD_RULES event is still written (the reload did
 * happen where it happened), and startSweep is refused until the stopped process, let go on, has
 * taken the version too.
 */
const RULE = 'civil-servant/award-restrict.json';
const UNREPAIRED = '$.governmentDishonesty.unrepaired';
let database: { url: string; drop(): Promise<void> };
let server: ChildProcess | undefined;
let stopped: number | undefined;
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
  database = await createTestDatabase({ empty: true }); // migrated by the compiled start-up, as `npm start` migrates a new database
  rulesDir = mkdtempSync(path.join(os.tmpdir(), 'chengxin-sec26-cluster-'));
  cpSync(path.resolve(root, 'rules'), rulesDir, { recursive: true });
}, 180_000);

afterAll(async () => {
  if (stopped) process.kill(stopped, 'SIGCONT');
  server?.kill('SIGKILL');
  await database?.drop();
  if (rulesDir) rmSync(rulesDir, { recursive: true, force: true });
});

it('a process that cannot take the version: reloadRules is RULES_NOT_EVERYWHERE naming it, still audited, and no sweep starts until both agree', async () => {
  const env = { ...process.env, DATABASE_URL: database.url, PORT: '0', HOST: '127.0.0.1', SEED_DEMO_DATA: 'false', RULES_WATCH: 'false', RULES_DIR: rulesDir, JWT_SECRET: TEST_JWT_SECRET, NODE_ENV: 'production', WEB_CONCURRENCY: '2' };
  server = spawn(process.execPath, ['dist/src/main.js'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout!.on('data', (chunk) => (output += chunk));
  server.stderr!.on('data', (chunk) => (output += chunk));
  server.once('exit', (code) => (output += `\n[exited with ${code}]`));
  const serving = await waitFor(/"pid":(\d+),"url":"(http:[^"]+graphql)"/, 2);
  const pids = serving.map((m) => Number(m[1]));
  const url = new URL(serving[0][2]);

  // One connection, kept alive: every request goes to the process that accepted it.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  let serial = 0;
  const gql = async (query: string, role = 'OFFICER', variables: Record<string, unknown> = {}): Promise<{ body: any; pid: number }> => {
    const id = `sec26-${++serial}`;
    const bearer = await token(role, 'sec26-cluster');
    const body = await new Promise<string>((resolve, reject) => {
      const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}`, 'x-request-id': id } }, (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve(text));
      });
      req.on('error', reject);
      req.end(JSON.stringify({ query, variables }));
    });
    const [line] = await waitFor(new RegExp(`"pid":(\\d+)[^\\n]*"${id}"`));
    return { body: JSON.parse(body), pid: Number(line[1]) };
  };

  const first = await gql('{ ruleSet { version } }');
  const asked = first.pid;
  expect(pids).toContain(asked);
  stopped = pids.find((pid) => pid !== asked)!;
  process.kill(stopped, 'SIGSTOP');

  writeFileSync(path.join(rulesDir, RULE), withCondition(readFileSync(path.join(rulesDir, RULE), 'utf8'), UNREPAIRED, { value: 2 }));
  const reload = await gql('mutation { reloadRules { version } }');
  expect(reload.pid).toBe(asked);
  expect(reload.body.data).toBeNull();
  const error = reload.body.errors[0];
  const version = error.extensions.version as string;
  expect(version).not.toBe(first.body.data.ruleSet.version);
  expect(error.extensions).toMatchObject({ code: 'RULES_NOT_EVERYWHERE', processes: `1 of 2 server processes; 1 did not answer (pid ${stopped})`, behind: [stopped] });
  expect(error.message).toContain('Call reloadRules again');

  // Audited all the same, saying which process did not take it.
  const trail = await gql('{ auditEvents(first: 5, filter: { action: RELOAD_RULES }) { edges { node { actor outcome } } } }', 'ADMIN');
  expect(trail.body.data.auditEvents.edges).toEqual([{ node: { actor: 'sec26-cluster', outcome: `in force: ${version} [1 of 2 server processes; 1 did not answer (pid ${stopped})]` } }]);

  // No sweep while the other process says nothing of its version.
  const refused = await gql('mutation { startSweep(matter: "PROMOTION") { id status } }');
  expect(refused.body.data).toBeNull();
  expect(refused.body.errors[0].extensions).toMatchObject({ code: 'RULES_NOT_EVERYWHERE', version, behind: [stopped] });
  expect((await gql('{ sweepRuns(first: 1) { totalCount } }', 'ADMIN')).body.data.sweepRuns.totalCount).toBe(0);

  // Let go on, it takes the reload it was asked for; then both agree and the sweep starts under that version.
  process.kill(stopped, 'SIGCONT');
  await waitFor(new RegExp(`"pid":${stopped}[^\\n]*Rules reloaded: version ${version} is in force`));
  stopped = undefined;
  const started = await gql('mutation { startSweep(matter: "PROMOTION") { id status ruleSetVersion } }');
  expect(started.body).toEqual({ data: { startSweep: { id: expect.any(String), status: 'RUNNING', ruleSetVersion: version } } });
  await gql('mutation ($id: ID!) { cancelSweep(id: $id) { status } }', 'OFFICER', { id: started.body.data.startSweep.id });
  agent.destroy();
}, 240_000);
