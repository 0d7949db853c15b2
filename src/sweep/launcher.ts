import type { EntityManager } from '@mikro-orm/postgresql';
import type PgBoss from 'pg-boss';
import type { Viewer } from '../auth/role';
import type { SweepRun } from '../db/entities';
import type { RuleSet } from '../engine/rule-set';
import { SweepRunningError } from '../errors';
import { enqueuePendingChunks } from './enqueue';
import { startRun, type SweepRequest } from './plan';
import { openQueue } from './queue';

/**
 * Starts sweeps from the server (the `startSweep` mutation): the same run record, plan and audit
 * event as `npx chengxin evaluate --all` (src/sweep/plan.ts), then the chunks on the same pg-boss
 * queue (src/sweep/enqueue.ts). The server runs no worker: evaluating a whole population is CPU
 * work that would slow every request, so chunks are taken by `npx chengxin worker` processes
 * (here or on other machines); with none running, the run waits on the queue, RUNNING.
 * The queue connection is opened at the first sweep and kept until the server stops.
 */
export class SweepLauncher {
  private boss: Promise<PgBoss> | null = null;
  /** Starts in progress in this process, by matter. */
  private readonly starting = new Map<string, Promise<SweepRun>>();

  constructor(private readonly databaseUrl: string, private readonly onQueueError: (error: Error) => void) {}

  async start(em: EntityManager, ruleSet: RuleSet, viewer: Viewer, request: SweepRequest): Promise<SweepRun> {
    const run = await this.startOnce(request.matter, () => startRun(em, ruleSet, viewer, request));
    try {
      await enqueuePendingChunks(await this.queue(), em, run.id);
    } catch (error) {
      // The run and its plan are committed; queueing them again is what --resume does.
      throw new Error(`sweep ${run.id} was planned but its chunks could not be queued (${(error as Error).message}); queue them with: npx chengxin evaluate --all --resume ${run.id}`);
    }
    return run;
  }

  /**
   * One start per matter at a time in this process. The database index alone would also refuse a
   * burst of starts, but each would wait for the first one's plan holding a pooled connection — a
   * burst the size of the pool stalls every request meanwhile. Here the others wait for the first
   * without a connection and are then told SWEEP_RUNNING with its id (should it fail, they try
   * themselves); starts from other processes still meet the index.
   */
  private async startOnce(matter: string, begin: () => Promise<SweepRun>): Promise<SweepRun> {
    const before = this.starting.get(matter);
    if (before) {
      const running = await before.catch(() => null);
      if (running) throw new SweepRunningError(running);
    }
    const started = begin();
    this.starting.set(matter, started);
    try {
      return await started;
    } finally {
      if (this.starting.get(matter) === started) this.starting.delete(matter);
    }
  }

  private queue(): Promise<PgBoss> {
    this.boss ??= openQueue(this.databaseUrl, this.onQueueError).catch((error: unknown) => {
      this.boss = null;
      throw error;
    });
    return this.boss;
  }

  async close(): Promise<void> {
    const boss = await this.boss?.catch(() => null);
    this.boss = null;
    await boss?.stop({ graceful: false, close: true, wait: true }).catch(() => undefined);
  }
}
