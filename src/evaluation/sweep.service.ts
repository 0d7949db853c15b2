import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import type { Verdict } from '../db/entities';
import { chinaDate } from '../domain/credit-facts';
import type { SubjectType } from '../domain/subject';
import { runRules } from '../engine/rule-runner';
import type { RuleSet } from '../engine/rule-set';
import { assertMatter, gatherFacts, storeSnapshot, verdictFields, type FactsRunner } from './evaluate.service';

export interface ChunkResult {
  evaluated: number;
  byOutcome: Record<string, number>;
  errors: { subjectId: string; reason: string }[];
  /** Milliseconds spent per stage: reading facts, running rules, writing verdicts. */
  stageMs: { facts: number; engine: number; write: number };
}

/**
 * Many verdicts in one statement: the rows travel as one JSON parameter that PostgreSQL unpacks
 * into verdict rows, several times faster than a generic multi-row insert with JSON columns.
 */
async function insertVerdicts(em: EntityManager, rows: Partial<Verdict>[]): Promise<void> {
  const now = new Date().toISOString();
  const json = rows.map((v) => ({
    id: v.id, created_at: now, updated_at: now, subject_type: v.subjectType, subject_id: v.subjectId, matter: v.matter,
    as_of: v.asOf, day: v.day, evaluated_at: v.evaluatedAt, outcome: v.outcome, score: v.score ?? null,
    rule_set_version: v.ruleSetVersion, parameters_file: v.parametersFile, facts: v.facts, rules: v.rules, recheck_of: null,
  }));
  await em.getConnection().execute('insert into verdict select * from json_populate_recordset(null::verdict, ?::json)', [JSON.stringify(json)]);
}

/**
 * Evaluates one chunk of subjects for a matter and stores their verdicts in one multi-row insert.
 * Facts are read for the whole chunk at once (the facts queries share batched loads). A subject
 * that fails is reported with its reason and the rest go on.
 */
export async function evaluateChunk(
  em: EntityManager,
  runFacts: FactsRunner,
  ruleSet: RuleSet,
  type: SubjectType,
  matter: string,
  ids: string[],
  asOf: Date,
): Promise<ChunkResult> {
  assertMatter(ruleSet, type, matter);
  const day = chinaDate(asOf);
  const stageMs = { facts: 0, engine: 0, write: 0 };
  const errors: ChunkResult['errors'] = [];
  let started = performance.now();
  const deps = { em, ruleSet, runFacts };
  const facts = await Promise.all(
    ids.map((id) => gatherFacts(deps, { type, id }, asOf, day).catch((error: Error) => {
      errors.push({ subjectId: id, reason: error.message });
      return null;
    })),
  );
  stageMs.facts = performance.now() - started;
  started = performance.now();
  const rules = ruleSet.rulesFor(type, matter);
  const rows: Partial<Verdict>[] = [];
  const byOutcome: Record<string, number> = {};
  for (const [i, f] of facts.entries()) {
    if (!f) continue;
    try {
      const run = await runRules(rules, { subject: f.subject, parameters: f.parameters }, day);
      byOutcome[run.outcome] = (byOutcome[run.outcome] ?? 0) + 1;
      rows.push({ id: randomUUID(), ...verdictFields(ruleSet, { type, id: ids[i] }, matter, asOf, day, f, run) });
    } catch (error) {
      errors.push({ subjectId: ids[i], reason: (error as Error).message });
    }
  }
  stageMs.engine = performance.now() - started;
  started = performance.now();
  await storeSnapshot(em, ruleSet);
  if (rows.length) await insertVerdicts(em, rows);
  stageMs.write = performance.now() - started;
  return { evaluated: rows.length, byOutcome, errors, stageMs };
}
