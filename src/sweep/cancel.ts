import type { EntityManager } from '@mikro-orm/postgresql';
import { withAudit } from '../audit/audit.service';
import type { Viewer } from '../auth/role';
import { SweepRun } from '../db/entities';
import { AuditAction } from '../domain/audit';
import { SweepStatus } from '../domain/sweep';
import { ConflictError } from '../errors';
import { findOrFail } from '../db/repositories/lookup';
import { deleteQueuedJobs, runProgress } from '../db/repositories/sweep.repository';
import { CHUNK_QUEUE, QUEUE_JOB_TABLE } from './queue';

/**
 * Cancels a running sweep, for the API's cancelSweep and `npx chengxin evaluate --cancel` alike: a run
 * that cannot finish (its rules were changed, so no worker takes its chunks) would otherwise hold its
 * matter for good, one sweep per matter running at a time. The chunks committed so far keep their
 * verdicts (verdicts are never deleted); the rest are never committed: a worker that takes one finds
 * the run cancelled and does nothing (src/sweep/chunk.ts checks under the run's row lock, which this
 * takes too). Its queued jobs are deleted in the same transaction (they once stayed in pgboss.job,
 * a population's worth per cancelled run). Audited as SWEEP, with how far the run had come.
 */
export async function cancelRun(em: EntityManager, viewer: Viewer, runId: string): Promise<SweepRun> {
  let subjectsDone = 0;
  let jobsDeleted = 0;
  return withAudit(em, viewer, AuditAction.SWEEP, async (tx) => {
    const run = await findOrFail(tx, SweepRun, 'sweep', runId, 'id', { lock: true });
    if (run.status !== SweepStatus.RUNNING) {
      throw new ConflictError('id', `sweep ${run.id} is ${run.status}, not RUNNING: there is nothing to cancel.`);
    }
    // How far it came, for the audit line (read beside the transaction: a count, not a decision).
    subjectsDone = (await runProgress(em.fork(), run.id)).subjectsDone;
    run.status = SweepStatus.CANCELLED;
    run.finishedAt = new Date();
    jobsDeleted = await deleteQueuedJobs(tx, run.id, { name: CHUNK_QUEUE, jobTable: QUEUE_JOB_TABLE });
    return run;
  }, (run) => ({ targetId: run.id, outcome: `${run.matter} cancelled after ${subjectsDone} of ${run.subjects} subjects; queued jobs deleted: ${jobsDeleted}` }));
}
