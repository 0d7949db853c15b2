import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { ConfigError, loadConfig } from '../../src/config';
import { idCardNumber, uscc } from '../support/factories';
import { root } from '../support/run-command';
import { createTestDatabase } from '../support/test-database';
import { TEST_JWT_SECRET, token } from '../support/test-server';

/**
 * WEB_CONCURRENCY: the compiled server (as `npm start` runs it) as several processes on one port
 * (src/cluster.ts). Each answers, writes verdicts with their audit events, records explanation
 * reads, and SIGTERM stops them all.
 */
let database: { url: string; drop(): Promise<void> };
let server: ChildProcess | undefined;
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

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('the WEB_CONCURRENCY setting', () => {
  it('defaults to one process per core in production and one elsewhere, and refuses what is not a count', () => {
    expect(loadConfig({}).webConcurrency).toBe(1);
    expect(loadConfig({ NODE_ENV: 'production' }).webConcurrency).toBe(os.availableParallelism());
    expect(loadConfig({ WEB_CONCURRENCY: '3' }).webConcurrency).toBe(3);
    expect(() => loadConfig({ WEB_CONCURRENCY: 'many' })).toThrow(new ConfigError('WEB_CONCURRENCY', 'is "many", but must be a whole number of server processes from 1 to 64'));
    expect(() => loadConfig({ WEB_CONCURRENCY: '0' })).toThrow(ConfigError);
  });
});

describe('several server processes', () => {
  beforeAll(async () => {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root });
    database = await createTestDatabase();
  }, 180_000);

  afterAll(async () => {
    server?.kill('SIGKILL');
    await database?.drop();
  });

  it('serve from one port (WEB_CONCURRENCY=2): evaluations stored with their audit events, explanation reads recorded, all stopped by SIGTERM', async () => {
    const env = { ...process.env, DATABASE_URL: database.url, PORT: '0', HOST: '127.0.0.1', SEED_DEMO_DATA: 'false', RULES_WATCH: 'false', JWT_SECRET: TEST_JWT_SECRET, NODE_ENV: 'production', WEB_CONCURRENCY: '2' };
    server = spawn(process.execPath, ['dist/src/main.js'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    server.stdout!.on('data', (chunk) => (output += chunk));
    server.stderr!.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => server!.once('exit', (code) => ((output += `\n[exited with ${code}]`), resolve(code))));

    const serving = await waitFor(/"pid":(\d+),"url":"(http:[^"]+graphql)"/, 2);
    const pids = serving.map((m) => Number(m[1]));
    expect(new Set(pids).size).toBe(2);
    expect(pids).not.toContain(server.pid);
    const url = serving[0][2];
    const gql = async (query: string, variables: Record<string, unknown>, role = 'OFFICER') =>
      (await (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${await token(role, 'cluster-test')}` }, body: JSON.stringify({ query, variables }) })).json()) as any;

    const agency = await gql('mutation ($uscc: String!) { createAgency(input: { uscc: $uscc, name: "鄂州市测试局", level: CITY, kind: DEPARTMENT }) { id } }', { uscc: uscc() }, 'ADMIN');
    const servant = await gql('mutation ($input: CreateCivilServantInput!) { createCivilServant(input: $input) { id } }', {
      input: { idCardNumber: idCardNumber(), name: '张测试', agencyId: agency.data.createAgency.id, post: '科员', rank: '一级科员' },
    }, 'ADMIN');
    const id = servant.data.createCivilServant.id;
    // Enough calls at once that both processes take some (connections are handed out in turn).
    const verdicts = await Promise.all(Array.from({ length: 12 }, () => gql('mutation ($id: ID!) { evaluate(subject: { type: CIVIL_SERVANT, id: $id }, matter: "PROMOTION") { id outcome } }', { id })));
    for (const v of verdicts) expect(v).toEqual({ data: { evaluate: { id: expect.any(String), outcome: 'ELIGIBLE' } } });
    const read = await gql('query ($id: ID!) { verdict(id: $id) { explanation { summary(locale: "en") } } }', { id: verdicts[0].data.evaluate.id }, 'INSPECTOR');
    expect(read.data.verdict.explanation.summary).toEqual(expect.any(String));

    const audit = await gql('query ($s: ID!) { auditEvents(first: 50, filter: { subjectId: $s }) { edges { node { action actor targetId } } } }', { s: id }, 'ADMIN');
    const actions = audit.data.auditEvents.edges.map((e: any) => e.node);
    expect(actions.filter((e: any) => e.action === 'EVALUATE').map((e: any) => e.targetId).sort()).toEqual(verdicts.map((v) => v.data.evaluate.id).sort());
    expect(actions.filter((e: any) => e.action === 'READ_EXPLANATION')).toEqual([{ action: 'READ_EXPLANATION', actor: 'cluster-test', targetId: verdicts[0].data.evaluate.id }]);

    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    server = undefined;
    expect(pids.filter(alive)).toEqual([]);
  }, 240_000);
});
