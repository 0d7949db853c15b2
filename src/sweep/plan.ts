import type { EntityManager } from '@mikro-orm/postgresql';
import { withAudit } from '../audit/audit.service';
import type { Viewer } from '../auth/role';
import { SweepRun } from '../db/entities';
import { AuditAction } from '../domain/audit';
import { chinaDate } from '../domain/day';
import type { SubjectType } from '../domain/subject';
import type { RuleSet } from '../engine/rule-set';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { chinaToday } from '../domain/day';
import { SweepStatus } from '../domain/sweep';
import { BadUserInputError, SweepRunningError } from '../errors';
import { planChunks } from '../db/repositories/sweep.repository';
import { assertMatter } from '../evaluation/matter';
import { storeSnapshot } from '../evaluation/snapshot';
import { CHUNK_SIZE, maxChunksFor, smallestChunkFor } from './chunk-size';

export interface SweepRequest {
  matter: string;
  /** Only these subject types; by default every type the matter concerns. */
  subjectTypes?: SubjectType[];
  asOf: Date;
  /** Subjects per chunk: the unit a worker takes from the queue and commits whole. */
  chunkSize: number;
}

/** The subject types a sweep covers: those the matter concerns, narrowed to the ones asked for. */
export function sweepTypes(ruleSet: RuleSet, matter: string, asked?: SubjectType[]): SubjectType[] {
  const known = ruleSet.matter(matter);
  if (!known) throw new BadUserInputError('matter', `"${matter}" is not a matter in rules/matters.json; use one of ${ruleSet.matters.map((m) => m.code).join(', ')}.`);
  // Policy, in the rule data: a matter whose subjects are not the registered population is not swept.
  if (known.notSwept) {
    throw new BadUserInputError('matter', `${matter} 不作批量评估（rules/matters.json 该事项的 notSwept）：${known.notSwept.zh} / ${matter} is not swept (notSwept of the matter in rules/matters.json): ${known.notSwept.en} Nothing was started.`);
  }
  // hostile29 N3: an empty list would otherwise mean "every type", the opposite of what it says.
  if (asked && asked.length === 0) {
    throw new BadUserInputError('subjectTypes', `为空：要评估该事项涉及的全部主体类型（${known.subjectTypes.join('、')}），请省略 subjectTypes；否则至少列出一种。未启动任何评估。 / is empty: to sweep every subject type the matter concerns (${known.subjectTypes.join(', ')}), leave subjectTypes out; otherwise name at least one. Nothing was started.`);
  }
  for (const type of asked ?? []) assertMatter(ruleSet, type, matter);
  // A type given twice would be planned twice: its subjects counted and judged twice over.
  const twice = asked?.find((type, i) => asked.indexOf(type) !== i);
  if (twice) throw new BadUserInputError('subjectTypes', `${twice} 重复出现，每种主体类型只能列一次 / ${twice} is given twice; give each subject type once. Nothing was started.`);
  return asked ?? (known.subjectTypes as SubjectType[]);
}

/** The run of the matter that is RUNNING, if any (at most one: sweep_run_one_running_per_matter). */
async function runningRun(em: EntityManager, matter: string): Promise<SweepRun | null> {
  return em.fork().findOne(SweepRun, { matter, status: SweepStatus.RUNNING });
}

/**
 * Starts a sweep: the run record, its plan of chunks and the audit event, in one transaction. The
 * rule set in force is fixed for the whole run (its files are kept as a snapshot).
 *
 * Limits, for the API's startSweep and `npx chengxin evaluate --all` alike: the moment judged is not
 * after today (China Standard Time) — a sweep stores a verdict per subject, and a population judged
 * "as of 2199" is a pile of decisions about a day nobody can check —, and one sweep per matter runs at
 * a time (SWEEP_RUNNING names the running one). The check first is for a quick answer; the partial
 * unique index on sweep_run decides when two starts race, so no check-then-insert gap remains.
 */
export async function startRun(em: EntityManager, ruleSet: RuleSet, viewer: Viewer, request: SweepRequest): Promise<SweepRun> {
  const types = sweepTypes(ruleSet, request.matter, request.subjectTypes);
  const day = chinaDate(request.asOf);
  const today = chinaToday();
  if (day > today) {
    throw new BadUserInputError('asOf', `批量评估的截至日 ${day} 晚于今天（${today}，北京时间）：批量评估只能针对今天或过去的某一天。 A sweep judges as of today or a past day, and ${day} is after today (${today}, China Standard Time); leave asOf out for now. To see how a future day would turn out, preview with assess or npx chengxin evaluate --dry-run.`);
  }
  if (!ruleSet.parametersOn(day)) throw new BadUserInputError('asOf', `no parameters file in rules/parameters/ is in force on ${day}; add one, or sweep as of a later date.`);
  if (!Number.isInteger(request.chunkSize) || request.chunkSize < 1 || request.chunkSize > CHUNK_SIZE.max) {
    throw new BadUserInputError('chunkSize', `the chunk size must be a whole number from 1 to ${CHUNK_SIZE.max} (got ${request.chunkSize}).`);
  }
  const running = await runningRun(em, request.matter);
  if (running) throw new SweepRunningError(running);
  await storeSnapshot(em, ruleSet);
  try {
    return await withAudit(em, viewer, AuditAction.SWEEP, async (tx) => {
      const run = tx.create(SweepRun, {
        matter: request.matter,
        subjectTypes: types,
        asOf: request.asOf,
        day,
        ruleSetVersion: ruleSet.version,
        startedBy: viewer.subject ?? 'system',
        startedAt: new Date(),
        subjects: 0,
        chunks: 0,
      });
      // The run's row first: a second start of the matter waits here for this transaction, then fails.
      await tx.flush();
      for (const type of types) {
        const planned = await planChunks(tx, run, type, request.chunkSize, run.chunks);
        run.chunks += planned.chunks;
        run.subjects += planned.subjects;
      }
      // Checked against the population just planned; refusing rolls the plan back with the run.
      if (run.chunks > maxChunksFor(run.subjects)) {
        throw new BadUserInputError('chunkSize', `每批 ${request.chunkSize} 个会把 ${run.subjects} 个主体分成 ${run.chunks} 批（每批一个排队任务）；一次批量评估至多 ${maxChunksFor(run.subjects)} 批（10 批，或每 100 个主体 1 批），请把 chunkSize 设为至少 ${smallestChunkFor(run.subjects)}（默认 ${CHUNK_SIZE.default}）。 A chunk size of ${request.chunkSize} splits ${run.subjects} subjects into ${run.chunks} chunks, each a queued job; a run plans at most ${maxChunksFor(run.subjects)} (ten, or one per 100 subjects): give a chunkSize of at least ${smallestChunkFor(run.subjects)} (default ${CHUNK_SIZE.default}). Nothing was started.`);
      }
      return run;
    }, (run) => ({ targetId: run.id, outcome: `${run.matter} started: ${run.subjects} subjects in ${run.chunks} chunks` }));
  } catch (error) {
    if (!(error instanceof UniqueConstraintViolationException) || (error as { constraint?: string }).constraint !== 'sweep_run_one_running_per_matter') throw error;
    const winner = await runningRun(em, request.matter);
    // Should the other run have ended in the meantime, the index still had it when this one was refused.
    throw winner ? new SweepRunningError(winner) : error;
  }
}
