import type { Knex } from '@mikro-orm/knex';

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
export async function findRunPlan(knex: Knex, runId: string): Promise<RunPlan> {
  const cached = plans.get(runId);
  if (cached) return cached;
  const row = await knex('sweep_run').where({ id: runId }).first('matter', 'as_of', knex.raw(`to_char(day, 'YYYY-MM-DD') as day`), 'started_at', 'rule_set_version');
  if (!row) throw new Error(`There is no sweep ${runId}.`);
  const plan = { matter: row.matter, asOf: new Date(row.as_of), day: row.day, startedAt: new Date(row.started_at), ruleSetVersion: row.rule_set_version };
  plans.set(runId, plan);
  return plan;
}

/**
 * Marks the run COMPLETED with its counts once every chunk is committed. Every worker calls this
 * after committing a chunk; the worker whose commit came last sees all chunks done, and the
 * status guard lets exactly one update through.
 */
export async function completeRunIfDone(knex: Knex, runId: string): Promise<boolean> {
  const updated = await knex.raw(
    `update sweep_run r set status = 'COMPLETED', finished_at = now(), updated_at = now(),
            counts = (select coalesce(jsonb_object_agg(key, total), '{}'::jsonb) from (
                        select key, sum(value::int) as total from sweep_chunk c, jsonb_each_text(c.counts) where c.run_id = r.id group by key) t),
            failed = (select coalesce(sum(failed), 0) from sweep_chunk c where c.run_id = r.id)
      where r.id = ? and r.status = 'RUNNING'
        and not exists (select 1 from sweep_chunk c where c.run_id = r.id and c.done_at is null)`,
    [runId],
  );
  return updated.rowCount > 0;
}

export interface RunProgress {
  status: 'RUNNING' | 'COMPLETED' | 'CANCELLED';
  subjects: number;
  subjectsDone: number;
  failed: number;
}

/** How far a run has come, from its committed chunks. */
export async function runProgress(knex: Knex, runId: string): Promise<RunProgress> {
  const { rows } = await knex.raw(
    `select r.status, r.subjects,
            coalesce(sum(c.subjects) filter (where c.done_at is not null), 0)::int as subjects_done,
            coalesce(sum(c.failed), 0)::int as failed
       from sweep_run r left join sweep_chunk c on c.run_id = r.id
      where r.id = ? group by r.id`,
    [runId],
  );
  const row = rows[0];
  if (!row) throw new Error(`There is no sweep ${runId}.`);
  return { status: row.status, subjects: row.subjects, subjectsDone: row.subjects_done, failed: row.failed };
}
