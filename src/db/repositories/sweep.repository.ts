import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { SubjectType } from '../../domain/subject';
import { SweepStatus } from '../../domain/sweep';
import { Agency, CivilServant, Enterprise, SweepChunk, SweepError, SweepRun } from '../entities';
import { runSql, sqlNames, sqlTransaction, type SqlNames } from './sql';
import { insertSweepVerdicts, type SweepVerdictRow } from './verdict.repository';

/*
 * Where sweeps are stored: the run's plan of chunks, the chunk a worker commits, the run's
 * completion and progress, the queue's job ids. All SQL goes through knex with names from the
 * entities (./sql.ts). The run record itself is an entity (SweepRun), created by the use case that
 * starts a sweep (src/sweep/plan.ts).
 */

const SUBJECT_ENTITY: Record<SubjectType, EntityClass<Agency | CivilServant | Enterprise>> = {
  [SubjectType.AGENCY]: Agency,
  [SubjectType.CIVIL_SERVANT]: CivilServant,
  [SubjectType.ENTERPRISE]: Enterprise,
};

/**
 * Cuts the subjects of one type, in id order, into chunks of `size` and stores them after
 * `firstSeq`: each chunk is the id range [first_id, before_id). Subjects registered after the run
 * started are left out, here and when a worker reads the chunk (`chunkSubjectIds`), so a chunk
 * holds the same subjects however often it is read. One statement, in the caller's transaction.
 */
export async function planChunks(tx: EntityManager, run: SweepRun, type: SubjectType, size: number, firstSeq: number): Promise<{ chunks: number; subjects: number }> {
  const s = sqlNames(tx, SUBJECT_ENTITY[type]);
  const { table, col, type: of } = sqlNames(tx, SweepChunk);
  const { rows } = await runSql<{ chunks: number; subjects: number }>(tx,
    `with numbered as (select ${s.col.id} as id, row_number() over (order by ${s.col.id}) - 1 as n from ${s.table} where ${s.col.createdAt} <= ?),
          firsts as (select id, n / ? as k from numbered where n % ? = 0),
          total as (select count(*)::int as n from numbered),
          inserted as (
            insert into ${table} (${col.runId}, ${col.seq}, ${col.subjectType}, ${col.firstId}, ${col.beforeId}, ${col.subjects})
            select ?::${of.runId}, ? + k, ?::${of.subjectType}, id, lead(id) over (order by k), least(?, (select n from total) - k * ?) from firsts
            returning 1)
     select (select count(*)::int from inserted) as chunks, (select n from total) as subjects`,
    [run.startedAt, size, size, run.id, firstSeq, type, size, size],
  );
  return rows[0];
}

/** What a worker needs of a run to evaluate its chunks; fixed when the run starts. */
export interface RunPlan {
  matter: string;
  asOf: Date;
  /** The calendar day judged (China Standard Time). */
  day: string;
  startedAt: Date;
  ruleSetVersion: string;
}

const plans = new Map<string, RunPlan>();

/** The run's fixed plan, read once per process. */
export async function findRunPlan(em: EntityManager, runId: string): Promise<RunPlan> {
  const cached = plans.get(runId);
  if (cached) return cached;
  const r = sqlNames(em, SweepRun);
  const { rows } = await runSql<{ matter: string; as_of: Date; day: string; started_at: Date; rule_set_version: string }>(em,
    `select ${r.col.matter} as matter, ${r.col.asOf} as as_of, to_char(${r.col.day}, 'YYYY-MM-DD') as day, ${r.col.startedAt} as started_at, ${r.col.ruleSetVersion} as rule_set_version
       from ${r.table} where ${r.col.id} = ?`,
    [runId],
  );
  const row = rows[0];
  if (!row) throw new Error(`There is no sweep ${runId}.`);
  const plan = { matter: row.matter, asOf: new Date(row.as_of), day: row.day, startedAt: new Date(row.started_at), ruleSetVersion: row.rule_set_version };
  plans.set(runId, plan);
  return plan;
}

/** Where a run stands now (RUNNING, COMPLETED, CANCELLED); not cached, unlike its plan. */
export async function runStatus(em: EntityManager, runId: string): Promise<SweepStatus | null> {
  const r = sqlNames(em, SweepRun);
  const { rows } = await runSql<{ status: SweepStatus }>(em, `select ${r.col.status} as status from ${r.table} where ${r.col.id} = ?`, [runId]);
  return rows[0]?.status ?? null;
}

/** One chunk of a run's plan. */
export interface ChunkRow {
  runId: string;
  seq: number;
  subjectType: SubjectType;
  firstId: string;
  beforeId: string | null;
  done: boolean;
}

export async function findChunk(em: EntityManager, runId: string, seq: number): Promise<ChunkRow | null> {
  const c = sqlNames(em, SweepChunk);
  const { rows } = await runSql<{ subject_type: SubjectType; first_id: string; before_id: string | null; done: boolean }>(em,
    `select ${c.col.subjectType} as subject_type, ${c.col.firstId} as first_id, ${c.col.beforeId} as before_id, ${c.col.doneAt} is not null as done
       from ${c.table} where ${c.col.runId} = ? and ${c.col.seq} = ?`,
    [runId, seq],
  );
  const row = rows[0];
  return row ? { runId, seq, subjectType: row.subject_type, firstId: row.first_id, beforeId: row.before_id, done: row.done } : null;
}

/** The subjects of one chunk: its id range, less those registered after the run started. */
export async function chunkSubjectIds(em: EntityManager, plan: RunPlan, chunk: ChunkRow): Promise<string[]> {
  const s = sqlNames(em, SUBJECT_ENTITY[chunk.subjectType]);
  const before = chunk.beforeId ? `and ${s.col.id} < ?` : '';
  const { rows } = await runSql<{ id: string }>(em,
    `select ${s.col.id} as id from ${s.table} where ${s.col.id} >= ? ${before} and ${s.col.createdAt} <= ? order by ${s.col.id}`,
    [chunk.firstId, ...(chunk.beforeId ? [chunk.beforeId] : []), plan.startedAt],
  );
  return rows.map((r) => r.id);
}

/** What a chunk's evaluation produced, to be stored whole. */
export interface ChunkWrite {
  verdicts: SweepVerdictRow[];
  /** The parameters file in force on the day (the same for every verdict of the chunk). */
  parametersFile: string | null;
  byOutcome: Record<string, number>;
  errors: { subjectId: string; reason: string }[];
}

/**
 * Where a chunk is written: its verdicts, its failed subjects and its done mark in one
 * transaction, after locking the chunk's row; returns false (and writes nothing) when another
 * delivery of the same chunk committed first, or the run was cancelled. Three statements whatever the chunk's size (the
 * verdicts and the errors as arrays, src/db/repositories/verdict.repository.ts), no round trip
 * per subject.
 *
 * The commit does not wait for the WAL flush (synchronous_commit off): should the database crash
 * just after, the chunk's rows and its done mark are lost together and the chunk is done again.
 */
export async function commitChunk(em: EntityManager, chunk: ChunkRow, plan: RunPlan, result: ChunkWrite, stageMs: () => object): Promise<boolean> {
  const c = sqlNames(em, SweepChunk);
  const e = sqlNames(em, SweepError);
  return sqlTransaction(em, (tx) => writeChunk(tx, c, e, chunk, plan, result, stageMs));
}

async function writeChunk(tx: EntityManager, c: SqlNames<SweepChunk>, e: SqlNames<SweepError>, chunk: ChunkRow, plan: RunPlan, result: ChunkWrite, stageMs: () => object): Promise<boolean> {
  const { rows } = await runSql<{ done_at: Date | null }>(tx, `select ${c.col.doneAt} as done_at from ${c.table} where ${c.col.runId} = ? and ${c.col.seq} = ? for update`, [chunk.runId, chunk.seq]);
  if (rows[0].done_at) return false;
  // A cancelled run takes no more verdicts. FOR SHARE waits for a cancellation in progress (which
  // locks the row FOR UPDATE) and keeps the run from being cancelled until this chunk is in.
  const r = sqlNames(tx, SweepRun);
  const run = await runSql<{ status: SweepStatus }>(tx, `select ${r.col.status} as status from ${r.table} where ${r.col.id} = ? for share`, [chunk.runId]);
  if (run.rows[0]?.status !== SweepStatus.RUNNING) return false;
  await runSql(tx, 'set local synchronous_commit = off');
  if (result.verdicts.length) {
    const shared = { sweepRunId: chunk.runId, subjectType: chunk.subjectType, matter: plan.matter, asOf: plan.asOf, day: plan.day, ruleSetVersion: plan.ruleSetVersion, parametersFile: result.parametersFile };
    await insertSweepVerdicts(tx, shared, result.verdicts);
  }
  if (result.errors.length) {
    await runSql(tx,
      `insert into ${e.table} (${e.col.id}, ${e.col.runId}, ${e.col.subjectType}, ${e.col.subjectId}, ${e.col.reason})
       select gen_random_uuid(), ?, ?, x.subject_id, x.reason from unnest(?::${e.type.subjectId}[], ?::${e.type.reason}[]) as x(subject_id, reason)
       on conflict (${e.col.runId}, ${e.col.subjectType}, ${e.col.subjectId}) do nothing`,
      [chunk.runId, chunk.subjectType, result.errors.map((x) => x.subjectId), result.errors.map((x) => x.reason)],
    );
  }
  await runSql(tx, `update ${c.table} set ${c.col.doneAt} = now(), ${c.col.counts} = ?, ${c.col.failed} = ?, ${c.col.stageMs} = ? where ${c.col.runId} = ? and ${c.col.seq} = ?`, [
    JSON.stringify(result.byOutcome), result.errors.length, JSON.stringify(stageMs()), chunk.runId, chunk.seq,
  ]);
  return true;
}

/**
 * Marks the run COMPLETED with its counts once every chunk is committed. Every worker calls this
 * after committing a chunk; the worker whose commit came last sees all chunks done, and the
 * status guard lets exactly one update through.
 */
export async function completeRunIfDone(em: EntityManager, runId: string): Promise<boolean> {
  const r = sqlNames(em, SweepRun);
  const c = sqlNames(em, SweepChunk);
  const updated = await runSql(em,
    `update ${r.table} r set ${r.col.status} = ?, ${r.col.finishedAt} = now(), ${r.col.updatedAt} = now(),
            ${r.col.counts} = (select coalesce(jsonb_object_agg(key, total), '{}'::jsonb) from (
                        select key, sum(value::int) as total from ${c.table} c, jsonb_each_text(c.${c.col.counts}) where c.${c.col.runId} = r.${r.col.id} group by key) t),
            ${r.col.failed} = (select coalesce(sum(c.${c.col.failed}), 0) from ${c.table} c where c.${c.col.runId} = r.${r.col.id})
      where r.${r.col.id} = ? and r.${r.col.status} = ?
        and not exists (select 1 from ${c.table} c where c.${c.col.runId} = r.${r.col.id} and c.${c.col.doneAt} is null)`,
    [SweepStatus.COMPLETED, runId, SweepStatus.RUNNING],
  );
  return updated.rowCount > 0;
}

/**
 * Marks a RUNNING run FAILED with why and how to resume (a chunk's job failed after its retries),
 * so that it neither hangs nor blocks its matter (hostile31 F9). The status guard leaves a run
 * completed or cancelled meanwhile as it is. Returns whether it was marked.
 */
export async function failRun(em: EntityManager, runId: string, failure: string): Promise<boolean> {
  const r = sqlNames(em, SweepRun);
  const updated = await runSql(em,
    `update ${r.table} set ${r.col.status} = ?, ${r.col.failure} = ?, ${r.col.finishedAt} = now(), ${r.col.updatedAt} = now()
      where ${r.col.id} = ? and ${r.col.status} = ?`,
    [SweepStatus.FAILED, failure, runId, SweepStatus.RUNNING],
  );
  return updated.rowCount > 0;
}

/** Takes a FAILED run up again (`--resume`): RUNNING, its failure cleared. Throws the unique violation when another run of the matter is RUNNING. */
export async function reopenRun(em: EntityManager, runId: string): Promise<void> {
  const r = sqlNames(em, SweepRun);
  await runSql(em,
    `update ${r.table} set ${r.col.status} = ?, ${r.col.failure} = null, ${r.col.finishedAt} = null, ${r.col.updatedAt} = now()
      where ${r.col.id} = ? and ${r.col.status} = ?`,
    [SweepStatus.RUNNING, runId, SweepStatus.FAILED],
  );
}

export interface RunProgress {
  status: SweepStatus;
  subjects: number;
  subjectsDone: number;
  failed: number;
}

/** How far a run has come, from its committed chunks. */
export async function runProgress(em: EntityManager, runId: string): Promise<RunProgress> {
  const r = sqlNames(em, SweepRun);
  const c = sqlNames(em, SweepChunk);
  const { rows } = await runSql<{ status: SweepStatus; subjects: number; subjects_done: number; failed: number }>(em,
    `select r.${r.col.status} as status, r.${r.col.subjects} as subjects,
            coalesce(sum(c.${c.col.subjects}) filter (where c.${c.col.doneAt} is not null), 0)::int as subjects_done,
            coalesce(sum(c.${c.col.failed}), 0)::int as failed
       from ${r.table} r left join ${c.table} c on c.${c.col.runId} = r.${r.col.id}
      where r.${r.col.id} = ? group by r.${r.col.id}`,
    [runId],
  );
  const row = rows[0];
  if (!row) throw new Error(`There is no sweep ${runId}.`);
  return { status: row.status, subjects: row.subjects, subjectsDone: row.subjects_done, failed: row.failed };
}

/** The chunks of a run not yet committed, in order, with the queue job that last carried each. */
export async function pendingChunks(em: EntityManager, runId: string): Promise<{ seq: number; jobId: string | null }[]> {
  const c = sqlNames(em, SweepChunk);
  const { rows } = await runSql<{ seq: number; job_id: string | null }>(em,
    `select ${c.col.seq} as seq, ${c.col.jobId} as job_id from ${c.table} where ${c.col.runId} = ? and ${c.col.doneAt} is null order by ${c.col.seq}`,
    [runId],
  );
  return rows.map((row) => ({ seq: row.seq, jobId: row.job_id }));
}

/** Notes which queue job carries each chunk, so that a resumed run can cancel the old ones. */
export async function noteChunkJobs(em: EntityManager, runId: string, jobs: { seq: number; jobId: string }[]): Promise<void> {
  const c = sqlNames(em, SweepChunk);
  await runSql(em,
    `update ${c.table} c set ${c.col.jobId} = v.job_id from unnest(?::${c.type.seq}[], ?::${c.type.jobId}[]) as v(seq, job_id)
      where c.${c.col.runId} = ? and c.${c.col.seq} = v.seq`,
    [jobs.map((j) => j.seq), jobs.map((j) => j.jobId), runId],
  );
}

/**
 * Chunks of the run whose job failed for good (retries used up), with the last reason. The job
 * table is pg-boss's own (`queue.jobTable`, schema included), named by src/sweep/queue.ts.
 */
export async function failedChunks(em: EntityManager, runId: string, queue: { name: string; jobTable: string }): Promise<{ seq: number; reason: string }[]> {
  const c = sqlNames(em, SweepChunk);
  const { rows } = await runSql<{ seq: number; reason: string }>(em,
    `select c.${c.col.seq} as seq, coalesce(j.output->>'message', 'unknown') as reason
       from ${c.table} c join ${queue.jobTable} j on j.name = ? and j.id = c.${c.col.jobId}
      where c.${c.col.runId} = ? and c.${c.col.doneAt} is null and j.state = 'failed' order by c.${c.col.seq}`,
    [queue.name, runId],
  );
  return rows;
}

/**
 * Deletes the queued jobs of a run's chunks not yet committed (waiting or waiting to be retried; a
 * job a worker holds now is left to it, and it finds the run cancelled), in the caller's
 * transaction. Returns how many. Nothing to delete when the queue's schema was never made.
 */
export async function deleteQueuedJobs(tx: EntityManager, runId: string, queue: { name: string; jobTable: string }): Promise<number> {
  const { rows } = await runSql<{ present: boolean }>(tx, 'select to_regclass(?) is not null as present', [queue.jobTable]);
  if (!rows[0]?.present) return 0;
  const c = sqlNames(tx, SweepChunk);
  const { rowCount } = await runSql(tx,
    `delete from ${queue.jobTable} j using ${c.table} c
      where j.name = ? and j.id = c.${c.col.jobId} and c.${c.col.runId} = ? and c.${c.col.doneAt} is null and j.state in ('created', 'retry')`,
    [queue.name, runId],
  );
  return rowCount;
}
