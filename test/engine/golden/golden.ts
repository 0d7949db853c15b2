import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { LoadedRule } from '../../../src/engine/rule-model';

/** The golden verdicts: rules and facts as they were, with what the evaluator then decided. */
export interface Golden {
  ruleSetVersion: string;
  rules: LoadedRule[];
  /** Facts of the random subjects, each decided for every matter of its type on every golden day. */
  subjects: unknown[];
  runs: GoldenRun[];
}

export interface GoldenRun {
  name: string;
  /** The rules run, in the order the rule set gives them for the subject type and matter. */
  ruleIds: string[];
  day: string;
  /** The facts; for a random subject, its index in `subjects` in place of `subject`. */
  facts: { subject?: unknown; subjectIndex?: number; parameters: Record<string, unknown> };
  /** The verdict (outcome, score, every rule's result) as JSON, or the refusal's message. */
  expect: { outcome: string; score: number | null; rules: unknown[] } | { error: string };
}

export const GOLDEN_FILE = 'verdicts.golden.json.gz';
export const GOLDEN_SUBJECTS_PER_TYPE = 60;
/** Before any rule (nothing in force), early, and late in the policy's life. */
export const GOLDEN_DAYS = ['2018-06-01', '2020-06-01', '2026-11-01'];

export function readGolden(): Golden {
  return JSON.parse(gunzipSync(readFileSync(path.join(__dirname, GOLDEN_FILE))).toString('utf8')) as Golden;
}

/** A run's facts, its subject looked up when it is one of the random subjects. */
export function factsOf(golden: Golden, run: GoldenRun): { subject: unknown; parameters: Record<string, unknown> } {
  return { subject: run.facts.subjectIndex === undefined ? run.facts.subject : golden.subjects[run.facts.subjectIndex], parameters: run.facts.parameters };
}
