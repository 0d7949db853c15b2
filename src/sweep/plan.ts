import type { EntityManager } from '@mikro-orm/postgresql';
import { auditIn } from '../audit/audit.service';
import type { Viewer } from '../auth/role';
import { SweepRun } from '../db/entities';
import { AuditAction } from '../domain/audit';
import { chinaDate } from '../domain/credit-facts';
import type { SubjectType } from '../domain/subject';
import type { RuleSet } from '../engine/rule-set';
import { BadUserInputError } from '../errors';
import { subjectTable } from '../registry/subjects';
import { assertMatter } from '../evaluation/matter';
import { storeSnapshot } from '../evaluation/snapshot';

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
  for (const type of asked ?? []) assertMatter(ruleSet, type, matter);
  return asked?.length ? asked : (known.subjectTypes as SubjectType[]);
}

/**
 * Cuts the subjects of one type, in id order, into chunks of `size`: each chunk is the id range
 * [first_id, before_id). Subjects registered after the run started are left out, here and when a
 * worker reads the chunk, so a chunk holds the same subjects however often it is read.
 */
async function planType(tx: EntityManager, run: SweepRun, type: SubjectType, size: number, firstSeq: number): Promise<{ chunks: number; subjects: number }> {
  const table = subjectTable(tx, type);
  const [planned] = await tx.getConnection().execute<{ chunks: number; subjects: number }[]>(
    `with numbered as (select id, row_number() over (order by id) - 1 as n from "${table}" where created_at <= ?),
          firsts as (select id, n / ? as k from numbered where n % ? = 0),
          total as (select count(*)::int as n from numbered),
          inserted as (
            insert into sweep_chunk (run_id, seq, subject_type, first_id, before_id, subjects)
            select ?, ? + k, ?, id, lead(id) over (order by k), least(?, (select n from total) - k * ?) from firsts
            returning 1)
     select (select count(*)::int from inserted) as chunks, (select n from total) as subjects`,
    [run.startedAt, size, size, run.id, firstSeq, type, size, size],
    'all',
    tx.getTransactionContext(),
  );
  return planned;
}

/**
 * Starts a sweep: the run record, its plan of chunks and the audit event, in one transaction. The
 * rule set in force is fixed for the whole run (its files are kept as a snapshot).
 */
export async function startRun(em: EntityManager, ruleSet: RuleSet, viewer: Viewer, request: SweepRequest): Promise<SweepRun> {
  const types = sweepTypes(ruleSet, request.matter, request.subjectTypes);
  const day = chinaDate(request.asOf);
  if (!ruleSet.parametersOn(day)) throw new BadUserInputError('asOf', `no parameters file in rules/parameters/ is in force on ${day}; add one, or sweep as of a later date.`);
  if (!Number.isInteger(request.chunkSize) || request.chunkSize < 1 || request.chunkSize > 10_000) {
    throw new BadUserInputError('chunkSize', `the chunk size must be a whole number from 1 to 10000 (got ${request.chunkSize}).`);
  }
  await storeSnapshot(em, ruleSet);
  return em.transactional(async (tx) => {
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
    await tx.flush();
    for (const type of types) {
      const planned = await planType(tx, run, type, request.chunkSize, run.chunks);
      run.chunks += planned.chunks;
      run.subjects += planned.subjects;
    }
    auditIn(tx, viewer, { action: AuditAction.SWEEP, targetId: run.id, outcome: `${run.matter} started: ${run.subjects} subjects in ${run.chunks} chunks` });
    await tx.flush();
    return run;
  });
}
