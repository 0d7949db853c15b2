import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root, runNode as run } from '../support/run-command';
import { withCondition, withSyntaxError } from '../support/rule-files';

/**
 * What `npm start` does for a new user with nothing installed: the compiled server starts its own
 * PostgreSQL, migrates and seeds it, answers the README's first query, and on SIGTERM stops itself
 * and the database. The data folder sits under a private (mode 700) folder, as a clone in a home
 * folder would.
 */
let workDir: string;
let server: ChildProcess | undefined;
let output = '';

function waitForLine(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}; output:\n${output}`)), timeoutMs);
    const check = () => {
      const match = output.match(pattern);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    };
    server!.stdout!.on('data', check);
    server!.once('exit', () => reject(new Error(`the server exited; output:\n${output}`)));
    check();
  });
}

beforeAll(() => {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root });
  workDir = mkdtempSync(path.join(os.tmpdir(), 'chengxin-start-'));
  mkdirSync(path.join(workDir, 'home'));
  chmodSync(path.join(workDir, 'home'), 0o700);
});

afterAll(() => {
  server?.kill('SIGKILL');
  rmSync(workDir, { recursive: true, force: true });
});

describe('npm start, the command line and shutdown on a machine with nothing installed', () => {
  it('serves the seeded agencies from its own PostgreSQL, finishes requests in flight on SIGTERM, and stops it cleanly', async () => {
    const dataDir = path.join(workDir, 'home', 'clone', '.data');
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, NODE_ENV: 'development' };
    delete env.DATABASE_URL;
    server = spawn(process.execPath, ['dist/src/main.js'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    server.stdout!.on('data', (chunk) => (output += chunk));
    server.stderr!.on('data', (chunk) => (output += chunk));

    const [, url] = await waitForLine(/serving GraphQL at (http:\S+graphql)/, 90_000);
    if (process.getuid?.() === 0) expect(output).toContain(`search permission on ${path.join(workDir, 'home')}`);

    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ agencies(first: 5) { totalCount edges { node { name } } } }' }),
    });
    const body = (await response.json()) as any;
    expect(body.data.agencies.edges).toHaveLength(5);
    expect(body.data.agencies.totalCount).toBeGreaterThan(30);

    // The command line attaches to the same embedded cluster while the server runs, and mints tokens with its secret.
    const mint = async (role: string) => (await run(['bin/chengxin.js', 'token', '--role', role, '--sub', 'smoke'], env)).stdout.trim();
    const inspector = await mint('INSPECTOR');
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

    // SIGTERM while a long request (a preview over every seeded subject) is under way: it finishes.
    const officer = await mint('OFFICER');
    const inFlight = fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${officer}` },
      body: JSON.stringify({ query: 'mutation { previewRules(files: []) { changedTotal matters { evaluated } } }' }),
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const exited = new Promise<number | null>((resolve) => server!.once('exit', (code) => resolve(code)));
    server.kill('SIGTERM');
    const finished = (await (await inFlight).json()) as any;
    expect(finished.data.previewRules.changedTotal).toBe(0);
    expect(finished.data.previewRules.matters[0].evaluated).toBeGreaterThan(0);
    expect(await exited).toBe(0);
    server = undefined;
    const leftovers = spawnSync('pgrep', ['-f', dataDir], { encoding: 'utf8' }).stdout.trim();
    expect(leftovers).toBe('');
  }, 120_000);
});
