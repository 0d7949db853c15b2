import { spawn } from 'node:child_process';
import type { Client } from 'pg';
import { watchPeakMemory } from './memory';

export interface SweepFigures {
  workers: number;
  subjects: number;
  seconds: number;
  rate: number;
  wallSeconds: number;
  failed: number;
  /** Peak resident memory (MB) of each process of the sweep, by "pid command". */
  peakRssMb: Record<string, number>;
  stageMs: Record<string, number>;
}

/**
 * (b) The end-to-end sweep exactly as a user runs it: `chengxin evaluate --all` with its local
 * worker processes and the pg-boss queue, from PostgreSQL to stored verdicts. The rate is taken
 * over the run record's start and finish (planning, worker start-up and every commit included).
 */
export async function sweep(db: Client, databaseUrl: string, matter: string, asOf: string, workers: number): Promise<SweepFigures> {
  const started = performance.now();
  const child = spawn(process.execPath, ['bin/chengxin.js', 'evaluate', '--all', '--matter', matter, '--as-of', asOf, '--workers', String(workers), '--json'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, SEED_DEMO_DATA: 'false', RULES_WATCH: 'false' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // This sweep's coordinator and its workers only: other sessions' sweeps on the machine match the pattern too.
  const memory = watchPeakMemory(/bin\/chengxin\.js (evaluate|worker)/, 200, child.pid);
  const output = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`the sweep exited with ${code}`))));
  }).finally(() => memory.stop());
  const wallSeconds = (performance.now() - started) / 1000;
  const run = JSON.parse(output) as { id: string; subjects: number; failed: number; startedAt: string; finishedAt: string };
  const seconds = (Date.parse(run.finishedAt) - Date.parse(run.startedAt)) / 1000;
  const { rows } = await db.query(
    `select key, round(sum(value::numeric))::int as ms from sweep_chunk, jsonb_each_text(stage_ms) where run_id = $1 group by key`,
    [run.id],
  );
  return {
    workers,
    subjects: run.subjects,
    seconds: Number(seconds.toFixed(2)),
    rate: Math.round(run.subjects / seconds),
    wallSeconds: Number(wallSeconds.toFixed(2)),
    failed: run.failed,
    peakRssMb: memory.stop(),
    stageMs: Object.fromEntries(rows.map((r: { key: string; ms: number }) => [r.key, r.ms])),
  };
}
