import type { Verdict } from '../db/entities';
import type { Viewer } from '../auth/role';
import { evaluate, findVerdict, type EvaluationDeps } from './evaluate.service';

/** One thing that came out differently on a re-check. */
export interface Difference {
  /** What differs, e.g. `outcome`, `rules.cs-award-restrict.fired`. */
  field: string;
  before: unknown;
  after: unknown;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Compares two verdicts of the same subject and matter: outcome, score, rules, conditions. */
export function compareVerdicts(before: Verdict, after: Verdict): Difference[] {
  const out: Difference[] = [];
  const field = (name: string, a: unknown, b: unknown) => {
    if (!same(a, b)) out.push({ field: name, before: a ?? null, after: b ?? null });
  };
  field('outcome', before.outcome, after.outcome);
  field('score', before.score, after.score);
  field('ruleSetVersion', before.ruleSetVersion, after.ruleSetVersion);
  field('parametersFile', before.parametersFile, after.parametersFile);
  const rulesBefore = new Map(before.rules.map((r) => [r.ruleId, r]));
  const rulesAfter = new Map(after.rules.map((r) => [r.ruleId, r]));
  for (const id of new Set([...rulesBefore.keys(), ...rulesAfter.keys()])) {
    const a = rulesBefore.get(id);
    const b = rulesAfter.get(id);
    if (!a || !b) {
      field(`rules.${id}`, a ? 'present' : 'absent', b ? 'present' : 'absent');
      continue;
    }
    field(`rules.${id}.fired`, a.fired, b.fired);
    const conditionsBefore = new Map(a.conditions.map((c) => [c.place, c]));
    for (const c of b.conditions) {
      const earlier = conditionsBefore.get(c.place);
      if (earlier && earlier.path === c.path) field(`rules.${id}.conditions.${c.place || 'root'}.actual`, earlier.actual, c.actual);
    }
  }
  return out;
}

/**
 * Evaluates the subject and matter of a stored verdict again, with today's records and rules (as of
 * `asOf`, now by default), stores the new verdict with its RECHECK audit event, and says what differs.
 */
export async function recheck(deps: EvaluationDeps, actor: Viewer, verdictId: string, asOf: Date = new Date()) {
  const original = await findVerdict(deps.em, verdictId, 'verdictId');
  const current = await evaluate(deps, actor, { type: original.subjectType, id: original.subjectId }, original.matter, asOf, { recheckOf: original });
  const differences = compareVerdicts(original, current);
  const sameDecision = !differences.some((d) => d.field === 'outcome' || d.field === 'score' || d.field.endsWith('.fired'));
  return { original, current, differences, sameDecision };
}
