import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildServer } from '../support/clustered-server';
import { root, runNode } from '../support/run-command';

/**
 * shared-counts.ts: a cluster worker asks the primary for its row windows over one IPC channel, and
 * every limit asking for them (AUDITED_READS_PER_MINUTE and STORED_WRITES_PER_MINUTE in each server
 * process) listens to every answer of that kind. Each question carries an id from one sequence per
 * process, so that each asker takes only the answers to its own questions; with a sequence per asker
 * the two limits' first questions had the same id, and whichever answer came first settled both.
 * A real cluster (the compiled shared-counts.ts, the primary's serveSharedCounts and one worker) with
 * two askers whose answers differ, their questions interleaved.
 */
const ROUNDS = 20;
let dir: string;

beforeAll(() => {
  buildServer();
  dir = mkdtempSync(path.join(os.tmpdir(), 'chengxin-askers-'));
}, 300_000);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it('two row counters of one worker, asking at once, each get the answers to their own questions', async () => {
  const script = path.join(dir, 'askers.js');
  writeFileSync(script, `
    const cluster = require('node:cluster');
    const counts = require(${JSON.stringify(path.join(root, 'dist/src/graphql/shared-counts.js'))});
    if (cluster.isPrimary) {
      counts.serveSharedCounts();
      const worker = cluster.fork();
      worker.on('message', (message) => {
        if (message && message.answers) {
          process.stdout.write(JSON.stringify(message.answers));
          worker.kill();
          process.exit(0);
        }
      });
    } else {
      // Never allowed (a limit of 0, a window of 1 s) against always allowed (a limit far above, a window of 1,000 s).
      const never = counts.sharedRowCounter('never');
      const always = counts.sharedRowCounter('always');
      (async () => {
        const answers = [];
        for (let round = 0; round < ${ROUNDS}; round += 1) {
          const sentAt = Date.now();
          const [n, a] = await Promise.all([never.take('holder', 1, 0, 1000), always.take('holder', 1, 1e9, 1e6)]);
          answers.push({ never: { allowed: n.allowed, window: n.endsAt - sentAt }, always: { allowed: a.allowed, window: a.endsAt - sentAt } });
        }
        process.send({ answers });
      })();
    }
  `);
  const run = await runNode([script], { ...process.env });
  expect(run.stderr).toBe('');
  const answers = JSON.parse(run.stdout) as { never: { allowed: boolean; window: number }; always: { allowed: boolean; window: number } }[];
  expect(answers).toHaveLength(ROUNDS);
  for (const answer of answers) {
    expect(answer.never).toEqual({ allowed: false, window: expect.any(Number) });
    expect(answer.never.window).toBeLessThan(100_000);
    expect(answer.always).toEqual({ allowed: true, window: expect.any(Number) });
    expect(answer.always.window).toBeGreaterThan(900_000);
  }
}, 120_000);
