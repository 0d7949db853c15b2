import type { EntityManager } from '@mikro-orm/postgresql';
import { sweepVerdictRow, type SweepVerdictRow as VerdictRow } from '../db/repositories/verdict.repository';
import { uuid7 } from '../db/uuid7';
import { chinaDate } from '../domain/day';
import type { SubjectType } from '../domain/subject';
import { toStored, type Outcome } from '../domain/verdict';
import type { RuleSet } from '../engine/rule-set';
import { decide } from './decide';
import { gatherChunkFacts, type FactsRunner } from './facts';
import { FACTS_BATCH } from '../config-defaults';
import { assertMatter } from './matter';
import { storeSnapshot } from './snapshot';

export interface ChunkResult {
  verdicts: VerdictRow[];
  /** The parameters file in force on the day (the same for every verdict of the chunk). */
  parametersFile: string | null;
  byOutcome: Partial<Record<Outcome, number>>;
  errors: { subjectId: string; reason: string }[];
  /** Milliseconds spent per stage: reading facts, the engine, building explanations, writing verdicts. */
  stageMs: { facts: number; engine: number; explain: number; write: number };
}

/**
 * Evaluates one chunk of subjects for a matter, a batch of `batch` subjects at a time: each batch's
 * facts are read in one read-only read, by one execution of the facts query for all its subjects
 * (each nested field costs one statement per batch) — the digest of the rows they were read from
 * computed from those rows, as `evaluate` stores it —, then each subject is decided
 * (src/evaluation/decide.ts) and kept as the row to store. A subject that fails is
 * reported with its reason and the rest go on. Nothing is written here; the caller stores the
 * rows in bulk.
 */
export async function evaluateChunk(
  em: EntityManager,
  facts: FactsRunner,
  ruleSet: RuleSet,
  type: SubjectType,
  matter: string,
  ids: string[],
  asOf: Date,
  batch: number = FACTS_BATCH,
): Promise<ChunkResult> {
  assertMatter(ruleSet, type, matter);
  const day = chinaDate(asOf);
  const stageMs = { facts: 0, engine: 0, explain: 0, write: 0 };
  const errors: ChunkResult['errors'] = [];
  const verdicts: VerdictRow[] = [];
  const byOutcome: ChunkResult['byOutcome'] = {};
  let parametersFile: string | null = null;
  for (let from = 0; from < ids.length; from += batch) {
    const batchIds = ids.slice(from, from + batch);
    const started = performance.now();
    const { read, digests } = await facts.read(async (run, runChunk, _versionsOf, digestsOf) => {
      const gathered = await gatherChunkFacts(run, runChunk, ruleSet, type, batchIds, asOf, day);
      // The digest `evaluate` would store for each subject, from the rows the chunk's facts read brought (no statement per subject).
      const read = batchIds.flatMap((id, i) => (gathered[i] instanceof Error ? [] : [{ type, id }]));
      const digested = await digestsOf(read);
      return { read: gathered, digests: new Map(read.map((subject, i) => [subject.id, digested[i]])) };
    });
    stageMs.facts += performance.now() - started;
    for (const [i, f] of read.entries()) {
      const id = batchIds[i];
      if (f instanceof Error) {
        errors.push({ subjectId: id, reason: f.message });
        continue;
      }
      parametersFile ??= f.parametersFile;
      try {
        const decision = await decide(ruleSet, { type, id }, matter, asOf, f, stageMs);
        byOutcome[decision.outcome] = (byOutcome[decision.outcome] ?? 0) + 1;
        // Time-ordered ids: a sweep's inserts land at the end of the verdict table's primary key (src/db/uuid7.ts).
        verdicts.push(sweepVerdictRow(uuid7(), toStored(decision), digests.get(id)!));
      } catch (error) {
        errors.push({ subjectId: id, reason: (error as Error).message });
      }
    }
  }
  await storeSnapshot(em, ruleSet);
  return { verdicts, parametersFile, byOutcome, errors, stageMs };
}
