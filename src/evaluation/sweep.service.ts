import type { EntityManager } from '@mikro-orm/postgresql';
import type { SweepVerdictRow as VerdictRow } from '../db/repositories/verdict.repository';
import { uuid7 } from '../db/uuid7';
import { chinaDate } from '../domain/day';
import type { SubjectType } from '../domain/subject';
import { toStored, type Outcome, type StoredVerdict } from '../domain/verdict';
import type { RuleSet } from '../engine/rule-set';
import { decide } from './decide';
import { gatherChunkFacts, type FactsRunner } from './facts';
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

function verdictRow({ subjectId, evaluatedAt, outcome, score, facts, rules, provisionalOn }: StoredVerdict): VerdictRow {
  // Time-ordered ids: a sweep's inserts land at the end of the verdict table's primary key (src/db/uuid7.ts).
  return { id: uuid7(), subjectId, evaluatedAt, outcome, score, facts, rules, provisionalOn };
}

/**
 * Evaluates one chunk of subjects for a matter: facts are read for the whole chunk in one
 * read-only read, by one execution of the facts query for all its subjects (each nested field
 * costs one statement per chunk), then each subject is decided (src/evaluation/decide.ts). A subject that fails is
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
): Promise<ChunkResult> {
  assertMatter(ruleSet, type, matter);
  const day = chinaDate(asOf);
  const stageMs = { facts: 0, engine: 0, explain: 0, write: 0 };
  const errors: ChunkResult['errors'] = [];
  const started = performance.now();
  const read = await facts.read((run, runChunk) => gatherChunkFacts(run, runChunk, ruleSet, type, ids, asOf, day));
  const gathered = read.map((f, i) => {
    if (!(f instanceof Error)) return f;
    errors.push({ subjectId: ids[i], reason: f.message });
    return null;
  });
  stageMs.facts = performance.now() - started;
  const verdicts: VerdictRow[] = [];
  const byOutcome: ChunkResult['byOutcome'] = {};
  for (const [i, f] of gathered.entries()) {
    if (!f) continue;
    try {
      const decision = await decide(ruleSet, { type, id: ids[i] }, matter, asOf, f, stageMs);
      byOutcome[decision.outcome] = (byOutcome[decision.outcome] ?? 0) + 1;
      verdicts.push(verdictRow(toStored(decision)));
    } catch (error) {
      errors.push({ subjectId: ids[i], reason: (error as Error).message });
    }
  }
  await storeSnapshot(em, ruleSet);
  return { verdicts, parametersFile: gathered.find(Boolean)?.parametersFile ?? null, byOutcome, errors, stageMs };
}
