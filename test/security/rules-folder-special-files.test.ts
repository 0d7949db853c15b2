import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root, runNode } from '../support/run-command';
import { healthz } from '../support/healthz';
import { startTestServer, type Caller, type TestServer } from '../support/test-server';

/**
 * hostile30 F2 / N3: the loader sized each file with stat() and then readFileSync'd whatever the path
 * was. A FIFO named agency/x.json (size 0) froze the event loop on the next reload until someone wrote
 * to it; a symlink to /dev/zero read without end (3.46 GB in 20 s); a symlink loop came back from
 * `rules check` as an uncoded ELOOP stack. Now every file is opened non-blocking, checked on its
 * descriptor and read to a bound (src/engine/rule-folder-files.ts), and each of these is a located,
 * bilingual rule error; the set in force keeps serving.
 */
const OFFICER: Caller = { role: 'OFFICER', sub: 'sec29.officer' };
const NOT_REGULAR = 'is not a regular file (a FIFO, a device or a socket)';
const LEAVES = 'is a symbolic link leaving the rules folder';
const LOOP = 'is a symbolic link loop, or links to a folder already read';
const escaped = (text: string) => text.replace(/[()]/g, '\\$&');

let scratch: string;
const copyRules = (name: string) => {
  const dir = path.join(scratch, name);
  cpSync(path.join(root, 'rules'), dir, { recursive: true });
  return dir;
};
beforeAll(() => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'chengxin-sec29-special-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('reloadRules over HTTP', () => {
  let server: TestServer;
  let dir: string;
  beforeAll(async () => {
    dir = copyRules('served');
    server = await startTestServer({ rulesDir: dir, watchRules: false });
  });
  afterAll(() => server?.stop());

  it('a FIFO in the folder: answered at once with its place, the set in force unchanged, /healthz answering', async () => {
    const version = (await server.rawQuery('{ ruleSet { version } }')).data.ruleSet.version;
    const fifo = path.join(dir, 'agency', 'zz-fifo.json');
    execFileSync('mkfifo', [fifo]);
    // Were the read to block, this writer frees the process after 8 s, so the test fails rather than hangs.
    const releaser = spawn('sh', ['-c', `sleep 8; echo '{}' > '${fifo}'`], { stdio: 'ignore' });
    try {
      const started = Date.now();
      const answer = await server.rawQuery('mutation { reloadRules { version errors { file line column zh en } } }', undefined, OFFICER);
      expect(Date.now() - started).toBeLessThan(8000);
      expect(answer.data.reloadRules).toEqual({
        version,
        errors: [{ file: 'agency/zz-fifo.json', line: 1, column: 1, zh: expect.stringContaining('不是普通文件'), en: expect.stringContaining(NOT_REGULAR) }],
      });
      expect(await healthz(server)).toBe(200);
      expect((await server.rawQuery('{ ruleSet { version errors { file } } }')).data.ruleSet).toEqual({ version, errors: [{ file: 'agency/zz-fifo.json' }] });
    } finally {
      releaser.kill();
      rmSync(fifo, { force: true });
    }
  });

  it('a symlink to /dev/zero, a device in the folder, a loop: each refused by name, nothing read', async () => {
    const version = (await server.rawQuery('{ ruleSet { version } }')).data.ruleSet.version;
    symlinkSync('/dev/zero', path.join(dir, 'agency', 'zero.json'));
    symlinkSync('..', path.join(dir, 'agency', 'loop'));
    const device = process.getuid?.() === 0 ? path.join(dir, 'civil-servant', 'null.json') : null;
    if (device) execFileSync('mknod', [device, 'c', '1', '3']);
    try {
      const answer = await server.rawQuery('mutation { reloadRules { version errors { file en } } }', undefined, OFFICER);
      expect(answer.data.reloadRules.version).toBe(version);
      expect(answer.data.reloadRules.errors).toEqual(
        expect.arrayContaining([
          { file: 'agency/zero.json', en: expect.stringContaining(LEAVES) },
          { file: 'agency/loop', en: expect.stringContaining(LOOP) },
          ...(device ? [{ file: 'civil-servant/null.json', en: expect.stringContaining(NOT_REGULAR) }] : []),
        ]),
      );
    } finally {
      for (const file of ['agency/zero.json', 'agency/loop', 'civil-servant/null.json']) rmSync(path.join(dir, file), { force: true });
    }
    const mended = await server.rawQuery('mutation { reloadRules { version errors { file } } }', undefined, OFFICER);
    expect(mended.data.reloadRules).toEqual({ version, errors: [] });
  });

  it('a symlink to a rule file inside the folder is followed (the chosen policy, README)', async () => {
    const version = (await server.rawQuery('{ ruleSet { version } }')).data.ruleSet.version;
    const rule = path.join(dir, 'agency', 'honour-disqualify.json');
    const moved = path.join(dir, 'schemas', 'moved-rule.txt');
    writeFileSync(moved, readFileSync(rule));
    rmSync(rule);
    symlinkSync(path.relative(path.dirname(rule), moved), rule);
    const answer = await server.rawQuery('mutation { reloadRules { version errors { file } } }', undefined, OFFICER);
    expect(answer.data.reloadRules).toEqual({ version, errors: [] });
  });
});

it('rules check: a FIFO, a link to /dev/zero, a link outside and a loop are located errors, not a hang or an ELOOP stack', async () => {
  const dir = copyRules('cli');
  execFileSync('mkfifo', [path.join(dir, 'agency', 'fifo.json')]);
  symlinkSync('/dev/zero', path.join(dir, 'agency', 'zero.json'));
  symlinkSync('..', path.join(dir, 'agency', 'loop'));
  writeFileSync(path.join(scratch, 'secret.json'), '{"private_key":"TOPSECRET"}');
  symlinkSync(path.join(scratch, 'secret.json'), path.join(dir, 'agency', 'outside.json'));
  const result = await runNode(['bin/chengxin.js', 'rules', 'check', dir], process.env);
  expect(result.status).toBe(1);
  expect(result.stderr).not.toMatch(/ELOOP|at .*\.js:\d+/);
  const errors = result.stdout.split('\n').filter((line) => line.startsWith('错误 error'));
  expect(errors).toEqual([
    expect.stringMatching(new RegExp(`^错误 error +agency/fifo\\.json:1:1 .* / ${escaped(NOT_REGULAR)}`)),
    expect.stringMatching(new RegExp(`^错误 error +agency/loop:1:1 .* / ${LOOP}`)),
    expect.stringMatching(new RegExp(`^错误 error +agency/outside\\.json:1:1 .* / ${LEAVES}`)),
    expect.stringMatching(new RegExp(`^错误 error +agency/zero\\.json:1:1 .* / ${LEAVES}`)),
  ]);
  expect(result.stdout).not.toMatch(/TOPSECRET|secret\.json/);
}, 60_000);
