import { fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { chinaTime } from '../domain/day';
import { outcomeLabel } from '../domain/verdict';
import { setTimeout as sleep } from 'node:timers/promises';
import { SingleBar } from 'cli-progress';
import Table from 'cli-table3';
import type { SubjectType } from '../domain/subject';
import { SweepStatus } from '../domain/sweep';
import { SweepRun, SweepError } from '../db/entities';
import { Role, type Viewer } from '../auth/role';
import { BadUserInputError } from '../errors';
import { enqueuePendingChunks, failedChunks } from '../sweep/enqueue';
import { cancelRun } from '../sweep/cancel';
import { startRun } from '../sweep/plan';
import { openQueue } from '../sweep/queue';
import { reopenRun, runProgress } from '../db/repositories/sweep.repository';
import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import type { CliRuntime } from './runtime';

export interface SweepCommandOptions {
  matter?: string;
  /** Cancel this running sweep (it frees its matter for a new one). */
  cancel?: string;
  subjectType?: SubjectType[];
  asOf?: Date;
  resume?: string;
  workers: number;
  chunkSize: number;
  json?: boolean;
}

const SHOWN_ERRORS = 10;
const POLL_MS = 1000;

/** The local workers: one process per core (or as asked), each taking chunks from the queue until the run is complete. */
function startLocalWorkers(count: number, runId: string, databaseUrl: string): ChildProcess[] {
  const cli = require.main?.filename ?? process.argv[1];
  return Array.from({ length: count }, () =>
    fork(cli, ['worker', '--run', runId, '--quiet'], {
      env: { ...process.env, DATABASE_URL: databaseUrl, SEED_DEMO_DATA: 'false', RULES_WATCH: 'false' },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    }),
  );
}

async function openOrResumeRun(runtime: CliRuntime, viewer: Viewer, options: SweepCommandOptions): Promise<SweepRun> {
  const em = runtime.orm.em.fork();
  const ruleSet = runtime.rules.current;
  if (!options.resume) {
    if (!options.matter) throw new BadUserInputError('matter', 'a sweep needs --matter <code> (or --resume <run-id> to finish an earlier one).');
    return startRun(em, ruleSet, viewer, { matter: options.matter, subjectTypes: options.subjectType, asOf: options.asOf ?? new Date(), chunkSize: options.chunkSize });
  }
  const run = await em.findOne(SweepRun, { id: options.resume });
  if (!run) throw new BadUserInputError('resume', `there is no sweep ${options.resume}; list runs with the sweepRuns query, or start a new one with --matter.`);
  if (run.status === SweepStatus.CANCELLED) throw new BadUserInputError('resume', `sweep ${run.id} was cancelled (已取消) and cannot be resumed; start a new one with --matter ${run.matter}.`);
  if (options.matter && options.matter !== run.matter) throw new BadUserInputError('matter', `sweep ${run.id} is for ${run.matter}, not ${options.matter}; leave --matter out when resuming.`);
  if (run.ruleSetVersion !== ruleSet.version) {
    throw new BadUserInputError(
      'resume',
      `规则已变更 / the rules changed since sweep ${run.id} started (version ${run.ruleSetVersion.slice(0, 12)}, now ${ruleSet.version.slice(0, 12)}): ` +
        `restore the rule files of that version to finish it, or cancel it (npx chengxin evaluate --cancel ${run.id}) and start a new sweep.`,
    );
  }
  if (run.status === SweepStatus.FAILED) {
    // A chunk failed after its retries; resumed, its pending chunks are queued anew. Another run of
    // the matter started meanwhile holds the matter: the unique index refuses the second RUNNING.
    try {
      await reopenRun(em, run.id);
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      throw new BadUserInputError('resume', `another sweep of ${run.matter} is running; let it finish (or cancel it) before resuming ${run.id}.`);
    }
    run.status = SweepStatus.RUNNING;
  }
  return run;
}

function progressBar(): SingleBar {
  return new SingleBar({
    format: '评估 sweeping [{bar}] {percentage}% | {value}/{total} | {rate}/s | 剩余 left {left} | 失败 failed {failed}',
    barsize: 30,
    stream: process.stderr,
    noTTYOutput: true,
    notTTYSchedule: 2000,
    hideCursor: true,
  });
}

async function summary(runtime: CliRuntime, runId: string): Promise<{ run: SweepRun; errors: SweepError[]; errorCount: number }> {
  const em = runtime.orm.em.fork();
  const run = await em.findOneOrFail(SweepRun, { id: runId });
  const [errors, errorCount] = await em.findAndCount(SweepError, { runId }, { orderBy: { subjectType: 'asc', subjectId: 'asc' }, limit: SHOWN_ERRORS });
  return { run, errors, errorCount };
}

function summaryText({ run, errors, errorCount }: Awaited<ReturnType<typeof summary>>, seconds: number): string {
  const colours = process.stdout.isTTY ? {} : { head: [], border: [] };
  const table = new Table({ head: ['结果 outcome', '主体数 subjects', '占比 share'], style: colours });
  const total = run.subjects || 1;
  for (const [outcome, n] of Object.entries(run.counts ?? {}).sort((a, b) => b[1] - a[1])) {
    table.push([outcomeLabel(outcome), n, `${((100 * n) / total).toFixed(1)}%`]);
  }
  table.push(['未能评估 failed', run.failed ?? 0, `${((100 * (run.failed ?? 0)) / total).toFixed(1)}%`]);
  table.push(['合计 total', run.subjects, '100%']);
  const lines = [
    `批量评估 sweep ${run.id} — ${run.status === 'COMPLETED' ? '完成 completed' : run.status === 'CANCELLED' ? '已取消 cancelled' : run.status === 'FAILED' ? '失败 failed' : '未完成 not complete'}`,
    `事项 matter ${run.matter} · 主体类型 subject types ${run.subjectTypes.join(', ')} · 截至 as of ${run.day} · 规则集 rule set ${run.ruleSetVersion}`,
    `开始 started ${chinaTime(run.startedAt)} · 结束 finished ${run.finishedAt ? chinaTime(run.finishedAt) : '—'} · 本次用时 this session ${seconds.toFixed(1)} s`,
    table.toString(),
  ];
  if (errorCount) {
    lines.push(`未能评估的主体 subjects not evaluated (${errorCount}${errorCount > SHOWN_ERRORS ? `, first ${SHOWN_ERRORS}` : ''}):`);
    for (const e of errors) lines.push(`  ${e.subjectType} ${e.subjectId}: ${e.reason}`);
  }
  return lines.join('\n');
}

/** How long is left at the current rate, for the progress bar. */
function timeLeft(remaining: number, rate: number): string {
  if (rate <= 0) return '—';
  const seconds = Math.ceil(remaining / rate);
  return seconds < 120 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
}

/**
 * Shows the run's progress until every chunk is committed. Throws, with the command that resumes
 * the run, when it cannot finish: a chunk failed after its retries, or the local workers are gone.
 */
async function followRun(em: EntityManager, run: SweepRun, workers: ChildProcess[], resumeHint: string): Promise<void> {
  const bar = progressBar();
  let progress = await runProgress(em, run.id);
  const first = { at: performance.now(), done: progress.subjectsDone };
  bar.start(run.subjects, progress.subjectsDone, { rate: 0, left: '—', failed: progress.failed });
  const workersGone = () => workers.length > 0 && workers.every((w) => w.exitCode !== null || w.signalCode !== null);
  try {
    while (progress.status === 'RUNNING') {
      await sleep(POLL_MS);
      const gone = workersGone();
      progress = await runProgress(em, run.id);
      const rate = Math.round((progress.subjectsDone - first.done) / ((performance.now() - first.at) / 1000));
      bar.update(progress.subjectsDone, { rate, left: timeLeft(run.subjects - progress.subjectsDone, rate), failed: progress.failed });
      if (progress.status !== 'RUNNING') break;
      const [failed] = await failedChunks(em, run.id);
      if (failed) throw new Error(`chunk ${failed.seq} failed after its retries: ${failed.reason}. 修复后继续 Mend the cause and ${resumeHint}`);
      if (gone) throw new Error(`the local workers stopped before the sweep was complete. ${resumeHint}`);
    }
  } finally {
    bar.stop();
  }
  if (progress.status === SweepStatus.FAILED) {
    const failed = await em.fork().findOneOrFail(SweepRun, { id: run.id });
    throw new Error(`sweep ${run.id} failed (失败): ${failed.failure ?? 'a chunk failed after its retries'}`);
  }
  if (progress.status === 'CANCELLED') throw new Error(`sweep ${run.id} was cancelled (已取消) before it was complete; its committed chunks keep their verdicts. Start a new one with --matter ${run.matter}.`);
}

/**
 * `chengxin evaluate --all`: starts (or resumes) a sweep, puts its chunks on the queue, starts the
 * local workers, shows progress until every chunk is committed, and prints the summary. Workers on
 * other machines (`chengxin worker` with the same DATABASE_URL) take chunks from the same queue.
 */
export async function sweepCommand(runtime: CliRuntime, options: SweepCommandOptions): Promise<void> {
  const databaseUrl = runtime.orm.config.get('clientUrl')!;
  const viewer: Viewer = { role: Role.ADMIN, subject: `cli:${os.userInfo().username}` };
  const started = performance.now();
  const run = await openOrResumeRun(runtime, viewer, options);
  const resumeHint = `继续 resume with: npx chengxin evaluate --all --resume ${run.id}`;
  const em = runtime.orm.em.fork();
  const boss = await openQueue(databaseUrl, (error) => process.stderr.write(`队列错误 queue error: ${error.message}\n`));
  const workers: ChildProcess[] = [];
  const interrupt = () => {
    process.stderr.write(`\n已中断 interrupted. ${resumeHint}\n`);
    for (const worker of workers) worker.kill('SIGTERM');
    process.exit(130);
  };
  process.once('SIGINT', interrupt).once('SIGTERM', interrupt);
  try {
    const queued = await enqueuePendingChunks(boss, em, run.id);
    process.stderr.write(
      `${options.resume ? '继续 resuming' : '开始 started'} sweep ${run.id}: ${run.subjects} subjects, ${queued} of ${run.chunks} chunks queued, ` +
        `${options.workers} local worker(s). 中断后 if interrupted, ${resumeHint}\n`,
    );
    workers.push(...startLocalWorkers(options.workers, run.id, databaseUrl));
    await followRun(em, run, workers, resumeHint);
    const result = await summary(runtime, run.id);
    const seconds = (performance.now() - started) / 1000;
    console.log(options.json ? JSON.stringify({ ...result.run, errors: result.errors, errorCount: result.errorCount }, null, 2) : summaryText(result, seconds));
  } catch (error) {
    for (const worker of workers) worker.kill('SIGTERM');
    throw error;
  } finally {
    process.off('SIGINT', interrupt).off('SIGTERM', interrupt);
    await Promise.all(workers.map((w) => (w.exitCode === null && w.signalCode === null ? new Promise((resolve) => w.once('exit', resolve)) : null)));
    await boss.stop({ graceful: false, close: true, wait: true }).catch(() => undefined);
  }
}

/** `chengxin evaluate --cancel <run-id>`: cancels a running sweep, as the cancelSweep mutation does. */
export async function cancelSweepCommand(runtime: CliRuntime, runId: string): Promise<void> {
  const viewer: Viewer = { role: Role.ADMIN, subject: `cli:${os.userInfo().username}` };
  const run = await cancelRun(runtime.orm.em.fork(), viewer, runId);
  console.log(`已取消 cancelled sweep ${run.id} (${run.matter}); a new sweep of ${run.matter} may start.`);
}
