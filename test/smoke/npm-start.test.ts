import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildServer, startClusteredServer, type ClusteredServer } from '../support/clustered-server';
import { root, runNode as run } from '../support/run-command';
import { withCondition, withSyntaxError } from '../support/rule-files';

/**
 * What `npm start` does for a new user with nothing installed: the compiled server (package.json's
 * start script, as test/support/clustered-server.ts runs it) starts its own PostgreSQL, migrates and
 * seeds it, answers the README's first query, and on SIGTERM stops itself and the database. The data
 * folder sits under a private (mode 700) folder, as a clone in a home folder would. Then the same
 * folder started again as two processes (WEB_CONCURRENCY=2, what production picks on a machine with
 * several cores: src/cluster.ts): the same answers, and SIGTERM still finishes what is under way and
 * leaves nothing running.
 */
let workDir: string;
let dataDir: string;
let server: ClusteredServer | undefined;

beforeAll(() => {
  buildServer();
  workDir = mkdtempSync(path.join(os.tmpdir(), 'chengxin-start-'));
  mkdirSync(path.join(workDir, 'home'));
  chmodSync(path.join(workDir, 'home'), 0o700);
  dataDir = path.join(workDir, 'home', 'clone', '.data');
});

afterAll(async () => {
  await server?.stop();
  rmSync(workDir, { recursive: true, force: true });
});

/** `npm start` in development, as a new user runs it: the embedded PostgreSQL, demo data, a generated secret. */
const start = (webConcurrency: number) => startClusteredServer({
  webConcurrency,
  readyWithinMs: 150_000,
  env: { DATA_DIR: dataDir, NODE_ENV: 'development', DATABASE_URL: undefined, SEED_DEMO_DATA: undefined, RULES_WATCH: undefined, JWT_SECRET: undefined },
});

/** The README's first query, anonymous: the seeded agencies. */
async function readmeQuery(url: string): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ agencies(first: 5) { totalCount edges { node { name } } } }' }),
  });
  const body = (await response.json()) as any;
  expect(body.data.agencies.edges).toHaveLength(5);
  expect(body.data.agencies.totalCount).toBeGreaterThan(30);
}

const mint = async (env: NodeJS.ProcessEnv, role: string) => (await run(['bin/chengxin.js', 'token', '--role', role, '--sub', 'smoke'], env)).stdout.trim();

/** The command line beside the running server: the same verdict as the server's, rules diff and check. */
async function commandLine(url: string, env: NodeJS.ProcessEnv): Promise<void> {
  const inspector = await mint(env, 'INSPECTOR');
  const ask = async (query: string, variables?: object) =>
    ((await (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${inspector}` }, body: JSON.stringify({ query, variables }) })).json()) as any).data;
  // A civil servant of the demo data whose promotion the server flags on 2025-01-01 for an unrepaired
  // dishonesty record (CAUTION by cs-promotion-caution, stored nothing): the demo data has such people,
  // and the command line must give the same verdict — facts, rules and decision at work, not an ELIGIBLE.
  const page = (await ask('{ civilServants(first: 100) { edges { node { id name } } } }')).civilServants.edges.map((e: any) => e.node);
  const assessed = (await ask('query ($s: [SubjectInput!]!) { assess(matter: "PROMOTION", asOf: "2025-01-01T00:00:00+08:00", subjects: $s) { subjectId assessment { outcome measures { ruleId } } } }', {
    s: page.map((s: { id: string }) => ({ type: 'CIVIL_SERVANT', id: s.id })),
  })).assess;
  const flagged = assessed.find((a: any) => a.assessment?.outcome === 'CAUTION' && a.assessment.measures.map((m: any) => m.ruleId).join() === 'cs-promotion-caution');
  expect(flagged).toBeDefined();
  const servant = page.find((s: { id: string }) => s.id === flagged.subjectId);
  const cli = (...args: string[]) => run(['bin/chengxin.js', 'evaluate', '--subject', `civil-servant:${servant.id}`, ...args], env);
  const asJson = await cli('--matter', 'PROMOTION', '--as-of', '2025-01-01', '--json');
  expect(asJson.status).toBe(0);
  const verdict = JSON.parse(asJson.stdout);
  expect(verdict).toMatchObject({ subjectId: servant.id, matter: 'PROMOTION', day: '2025-01-01', outcome: 'CAUTION' });
  expect(verdict.rules.filter((r: { fired: boolean }) => r.fired).map((r: { ruleId: string }) => r.ruleId)).toEqual(['cs-promotion-caution']);
  const asText = await cli('--matter', 'AWARD');
  expect(asText.stdout).toContain(`${servant.name} — 评优评先 / Awards and commendations`);
  expect(asText.stdout).toContain('结论 Outcome:');
  const refused = await cli('--matter', 'LOTTERY');
  expect(refused.status).toBe(1);
  expect(refused.stderr).toContain('错误 Error [BAD_USER_INPUT]: matter: "LOTTERY" 不是 rules/matters.json 中的事项');
  expect(refused.stderr).toContain('/ "LOTTERY" is not a matter');

  // rules diff previews a tightened threshold against the seeded subjects; rules check locates a slip.
  const draft = path.join(workDir, 'draft');
  rmSync(draft, { recursive: true, force: true });
  cpSync(path.join(root, 'rules'), draft, { recursive: true });
  const ruleFile = path.join(draft, 'civil-servant/award-restrict.json');
  writeFileSync(ruleFile, withCondition(readFileSync(ruleFile, 'utf8'), '$.governmentDishonesty.unrepaired', { value: 2 }));
  const rules = (...args: string[]) => run(['bin/chengxin.js', 'rules', ...args], env);
  const diff = await rules('diff', '--draft', draft, '--matter', 'AWARD', '--as-of', '2026-11-01');
  expect(diff.status).toBe(0);
  // A personal-credit record is still weighed under 三(四) (cs-award-caution); a servant whose one record is a
  // 四(四) file entry (not personal credit) is no longer restricted under the draft's threshold at all.
  expect(diff.stdout).toMatch(/AWARD\s+\d+\s+\d+\s+(RESTRICTED→ELIGIBLE ×\d+, )?RESTRICTED→CAUTION ×\d+/);
  writeFileSync(ruleFile, withSyntaxError(readFileSync(ruleFile, 'utf8')));
  const check = await rules('check', draft);
  expect(check.status).toBe(1);
  expect(check.stdout).toMatch(/错误 error {3}civil-servant\/award-restrict\.json:\d+:\d+ JSON 语法错误/);
}

/** SIGTERM while a long request (a preview over every seeded subject) is under way: it finishes, the server exits 0, and no process of it (nor its PostgreSQL) is left. */
async function stopsCleanly(running: ClusteredServer, processes: number): Promise<void> {
  const officer = await mint(running.env, 'OFFICER');
  const preview = (headers: Record<string, string> = {}) => fetch(running.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${officer}`, ...headers },
    body: JSON.stringify({ query: 'mutation { previewRules(files: []) { changedTotal matters { evaluated } } }' }),
  });
  const inFlight = preview();
  await new Promise((resolve) => setTimeout(resolve, 300));
  // Under way, not merely sent: a second preview in its process is refused PREVIEW_BUSY. With one
  // process that is certain. With several, connections are handed to the processes in turn, so a
  // poll may find an idle process and start a preview of its own; two previews at once on a busy
  // two-core machine outlasted the drain's 10 s grace (ApolloServerPluginDrainHttpServer) and the
  // request was cut, so there the 300 ms above must do.
  if (processes === 1) {
    const poll = (await (await preview({ connection: 'close' })).json()) as any;
    expect(poll.errors?.[0]?.extensions?.code).toBe('PREVIEW_BUSY');
  }
  const exited = running.terminate();
  const finished = (await (await inFlight).json()) as any;
  expect(finished.data.previewRules.changedTotal).toBe(0);
  expect(finished.data.previewRules.matters[0].evaluated).toBeGreaterThan(0);
  expect(await exited).toBe(0);
  server = undefined;
  const leftovers = spawnSync('pgrep', ['-f', dataDir], { encoding: 'utf8' }).stdout.trim();
  expect(leftovers).toBe('');
}

describe('npm start, the command line and shutdown on a machine with nothing installed', () => {
  it('WEB_CONCURRENCY=1: serves the seeded agencies from its own PostgreSQL, answers the command line alike, finishes requests in flight on SIGTERM, and stops it cleanly', async () => {
    server = await start(1);
    if (process.getuid?.() === 0) expect(server.output()).toContain(`search permission on ${path.join(workDir, 'home')}`);
    await readmeQuery(server.url);
    await commandLine(server.url, server.env);
    await stopsCleanly(server, 1);
  }, 240_000);

  it('WEB_CONCURRENCY=2 over the same folder: two processes serve the same answers; SIGTERM finishes requests in flight and stops both and the database', async () => {
    server = await start(2);
    expect(server.output().match(/serving GraphQL at/g)).toHaveLength(2);
    expect(server.output()).toContain('Starting 2 server processes (WEB_CONCURRENCY)');
    await readmeQuery(server.url);
    await commandLine(server.url, server.env);
    await stopsCleanly(server, 2);
  }, 240_000);
});
