import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { withCondition } from '../support/rule-files';
import { root } from '../support/run-command';
import { createTestDatabase } from '../support/test-database';
import { TEST_JWT_SECRET, token } from '../support/test-server';

/**
 * sec31 item 4: reloadRules sent all at once to a server of two processes (WEB_CONCURRENCY=2), after a
 * rule file changed, by several accounts over connections of their own, so both processes take some.
 * Behaviour only, no timing: every request is answered with the one new version (none half-done, none an
 * INTERNAL_SERVER_ERROR), /healthz answers while they run, each request leaves one RELOAD_RULES event,
 * and afterwards every process serves that version.
 */
const RULE = 'civil-servant/award-restrict.json';
const UNREPAIRED = '$.governmentDishonesty.unrepaired';
let database: { url: string; drop(): Promise<void> };
let server: ChildProcess | undefined;
let rulesDir: string;
let output = '';

beforeAll(async () => {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root });
  database = await createTestDatabase({ empty: true });
  rulesDir = mkdtempSync(path.join(os.tmpdir(), 'chengxin-sec31-reload-'));
  cpSync(path.resolve(root, 'rules'), rulesDir, { recursive: true });
}, 180_000);

afterAll(async () => {
  server?.kill('SIGKILL');
  await database?.drop();
  if (rulesDir) rmSync(rulesDir, { recursive: true, force: true });
});

function post(url: URL, query: string, bearer: string): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` } }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(JSON.stringify({ query }));
  });
}

function healthz(url: URL): Promise<number> {
  return new Promise((resolve, reject) => {
    http.get(new URL('/healthz', url), { agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    }).on('error', reject);
  });
}

it('the attack: thirty-two reloadRules at once across two processes — all answered with one version, /healthz answering, one event each', async () => {
  const env = { ...process.env, DATABASE_URL: database.url, PORT: '0', HOST: '127.0.0.1', SEED_DEMO_DATA: 'false', RULES_WATCH: 'false', RULES_DIR: rulesDir, JWT_SECRET: TEST_JWT_SECRET, NODE_ENV: 'production', WEB_CONCURRENCY: '2' };
  server = spawn(process.execPath, ['dist/src/main.js'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout!.on('data', (chunk) => (output += chunk));
  server.stderr!.on('data', (chunk) => (output += chunk));
  const serving = await new Promise<RegExpMatchArray[]>((resolve, reject) => {
    const timer = setInterval(() => {
      const found = [...output.matchAll(/"pid":(\d+),"url":"(http:[^"]+graphql)"/g)];
      if (found.length >= 2) { clearInterval(timer); resolve(found); }
    }, 50);
    setTimeout(() => { clearInterval(timer); reject(new Error(`the server did not start:\n${output}`)); }, 120_000);
  });
  const url = new URL(serving[0][2]);
  const admin = await token('ADMIN', 'sec31.reader');
  const before = (await post(url, '{ ruleSet { version } }', admin)).body.data.ruleSet.version as string;

  writeFileSync(path.join(rulesDir, RULE), withCondition(readFileSync(path.join(rulesDir, RULE), 'utf8'), UNREPAIRED, { value: 2 }));
  const bearers = await Promise.all(['sec31.p1', 'sec31.p2', 'sec31.p3', 'sec31.p4'].map((sub, i) => token(i % 2 ? 'ADMIN' : 'OFFICER', sub)));
  const answers = Array.from({ length: 32 }, (_, i) => post(url, 'mutation { reloadRules { version } }', bearers[i % 4]));
  const health = [healthz(url), healthz(url), healthz(url)];
  expect(await Promise.all(health)).toEqual([200, 200, 200]);
  const answered = await Promise.all(answers);
  const versions = new Set(answered.map((a) => a.body.data?.reloadRules?.version));
  for (const a of answered) expect({ status: a.status, errors: a.body.errors }).toEqual({ status: 200, errors: undefined });
  expect(versions.size).toBe(1);
  const [version] = versions;
  expect(version).not.toBe(before);

  // Every process serves it: ask over many fresh connections.
  const served = await Promise.all(Array.from({ length: 8 }, () => post(url, '{ ruleSet { version } }', admin)));
  expect(new Set(served.map((s) => s.body.data.ruleSet.version))).toEqual(new Set([version]));
  const trail = await post(url, '{ auditEvents(first: 100, filter: { action: RELOAD_RULES }) { totalCount edges { node { actor } } } }', admin);
  expect(trail.body.data.auditEvents.totalCount).toBe(32);
  const byActor = new Map<string, number>();
  for (const { node } of trail.body.data.auditEvents.edges) byActor.set(node.actor, (byActor.get(node.actor) ?? 0) + 1);
  expect(Object.fromEntries(byActor)).toEqual({ 'sec31.p1': 8, 'sec31.p2': 8, 'sec31.p3': 8, 'sec31.p4': 8 });
}, 240_000);
