import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildServer, startClusteredServer, type ClusteredServer } from '../support/clustered-server';
import { idCardNumber, uscc } from '../support/factories';
import { root, runNode } from '../support/run-command';
import { createTestDatabase } from '../support/test-database';
import { TEST_JWT_SECRET, token } from '../support/test-server';
import { withSyntaxError } from '../support/rule-files';

/**
 * A broken rules folder at a restart: the compiled server (as `npm start` runs it) serves the last
 * good set stored in the database, says so in its log, in /readyz and in /metrics; the command line
 * evaluates with the same set; fixing the file is taken in and logged as cleared.
 */
const RULE = 'civil-servant/award-restrict.json';
let rulesDir: string;
let database: { url: string; drop(): Promise<void> };
let server: ClusteredServer | undefined;
let env: NodeJS.ProcessEnv;

/** One server process: the log, /readyz and /metrics it reads are that process's (WEB_CONCURRENCY, src/cluster.ts). */
async function start(): Promise<string> {
  server = await startClusteredServer({ webConcurrency: 1, databaseUrl: database.url, env: { RULES_DIR: rulesDir, RULES_WATCH: 'true' }, readyWithinMs: 60_000 });
  return server.url;
}

async function stop(): Promise<void> {
  await server?.terminate();
  server = undefined;
}

async function gql(url: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await token('ADMIN', 'restart-test')}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as any;
}

beforeAll(async () => {
  buildServer();
  rulesDir = mkdtempSync(path.join(os.tmpdir(), 'chengxin-restart-'));
  cpSync(path.join(root, 'rules'), rulesDir, { recursive: true });
  database = await createTestDatabase({ empty: true }); // migrated by the compiled start-up, as `npm start` migrates a new database
  // What the command line and a refused start are given: the server's settings (startClusteredServer's).
  env = { ...process.env, DATABASE_URL: database.url, RULES_DIR: rulesDir, PORT: '0', HOST: '127.0.0.1', SEED_DEMO_DATA: 'false', RULES_WATCH: 'true', JWT_SECRET: TEST_JWT_SECRET, NODE_ENV: 'production', WEB_CONCURRENCY: '1' };
  // A whole tsc build: jest's limit is a hang guard, generous because a loaded 2-core machine takes over a minute.
}, 300_000);

afterAll(async () => {
  await server?.stop();
  await database?.drop();
  rmSync(rulesDir, { recursive: true, force: true });
});

describe('a server restarted on a broken rules folder', () => {
  it('serves the last good set, says so in the log, /readyz and /metrics, agrees with the CLI, and clears when fixed', async () => {
    let url = await start();
    const agency = await gql(url, 'mutation ($uscc: String!) { createAgency(input: { uscc: $uscc, name: "鄂州市测试局", level: CITY, kind: DEPARTMENT }) { id } }', { uscc: uscc() });
    const agencyId = agency.data.createAgency.id;
    const servant = await gql(url, 'mutation ($input: CreateCivilServantInput!) { createCivilServant(input: $input) { id } }', {
      input: { idCardNumber: idCardNumber(), name: '张测试', agencyId, post: '科员', rank: '一级科员' },
    });
    const servantId = servant.data.createCivilServant.id;
    const good = (await (await fetch(url.replace('/graphql', '/readyz'))).json()) as any;
    expect(good).toMatchObject({ status: 'ready', rules: { state: 'in-force' } });
    await stop();

    // A slip put live while the server is down: the next start must not die of it.
    const original = readFileSync(path.join(rulesDir, RULE), 'utf8');
    writeFileSync(path.join(rulesDir, RULE), withSyntaxError(original));
    url = await start();
    expect(server!.output()).toContain('规则降级 RULES DEGRADED');
    expect(server!.output()).toContain(`serving the last good rule set ${good.ruleSet}`);
    expect(server!.output()).toMatch(/award-restrict\.json:\d+:\d+ JSON 语法错误/);

    const ready = await fetch(url.replace('/graphql', '/readyz'));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'degraded', ruleSet: good.ruleSet, rules: { state: 'degraded', errors: 1, zh: expect.stringContaining('上次可用的规则集') } });
    expect(await (await fetch(url.replace('/graphql', '/metrics'))).text()).toMatch(/^chengxin_rules_degraded 1$/m);
    const evaluated = await gql(url, 'mutation ($id: ID!) { evaluate(subject: { type: CIVIL_SERVANT, id: $id }, matter: "PROMOTION") { outcome ruleSetVersion } }', { id: servantId });
    // The errors and the server's log with the status, so a failure says why (it failed once in CI's second pass, stop 31, not reproduced).
    expect({ evaluated, log: evaluated.errors ? server!.output().slice(-6000) : '' }).toEqual({ evaluated: { data: { evaluate: { outcome: 'ELIGIBLE', ruleSetVersion: good.ruleSet } } }, log: '' });
    const errors = await gql(url, '{ ruleSet { version errors { file line zh } } }');
    expect(errors.data.ruleSet).toMatchObject({ version: good.ruleSet, errors: [expect.objectContaining({ file: RULE })] });

    // The command line evaluates with the same set, and says why.
    const cli = await runNode(['bin/chengxin.js', 'evaluate', '--subject', `civil-servant:${servantId}`, '--matter', 'PROMOTION', '--json'], env);
    expect(cli.status).toBe(0);
    expect(JSON.parse(cli.stdout)).toMatchObject({ outcome: 'ELIGIBLE', ruleSetVersion: good.ruleSet });
    expect(cli.stderr).toContain('规则降级 RULES DEGRADED');

    // Fixed: reloaded, logged as cleared, ready again.
    writeFileSync(path.join(rulesDir, RULE), original);
    await server!.waitFor(/Rule errors cleared/, 1, 20_000);
    expect(await (await fetch(url.replace('/graphql', '/readyz'))).json()).toMatchObject({ status: 'ready', rules: { state: 'in-force' } });
    expect(await (await fetch(url.replace('/graphql', '/metrics'))).text()).toMatch(/^chengxin_rules_degraded 0$/m);
    await stop();
  }, 180_000);

  it('with nothing stored to fall back to, still refuses to start and lists every problem', async () => {
    const fresh = await createTestDatabase({ empty: true }); // migrated by the compiled start-up, as `npm start` migrates a new database
    try {
      const brokenDir = mkdtempSync(path.join(os.tmpdir(), 'chengxin-restart-'));
      cpSync(path.join(root, 'rules'), brokenDir, { recursive: true });
      const file = path.join(brokenDir, RULE);
      writeFileSync(file, withSyntaxError(readFileSync(file, 'utf8')));
      const result = await runNode(['dist/src/main.js'], { ...env, DATABASE_URL: fresh.url, RULES_DIR: brokenDir });
      expect(result.status).toBe(1);
      expect(result.stderr + result.stdout).toMatch(/规则有 1 处错误 \/ the rules have 1 problem\(s\)/);
      rmSync(brokenDir, { recursive: true, force: true });
    } finally {
      await fresh.drop();
    }
  }, 60_000);
});
