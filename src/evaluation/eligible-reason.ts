import type { Bilingual } from '../domain/bilingual';
import type { EligibleReasonCase, Matter } from '../engine/rule-model';

/**
 * Which limb of an ELIGIBLE reason applied (lawyer21 N4). A matter's `eligibleReason` used to be one
 * disjunction ("no record …, or the agency is not a department"), so an inspector could not tell which
 * held. `eligibleReasons` in rules/matters.json (policy words stay in rule data) lists cases, each with
 * conditions on the subject's facts (`path` in / not in values, all of them holding); the first case that
 * holds gives the reason, else `eligibleReason`. A path the facts lack holds no `in` and every `notIn`.
 */

/** The value at a dotted fact path ("$.kind", "$.credit.unrepaired") of the subject's facts, or undefined. */
function valueAt(subject: unknown, path: string): unknown {
  let at: unknown = subject;
  for (const key of path.replace(/^\$\.?/, '').split('.').filter(Boolean)) {
    if (!at || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

function holds(c: EligibleReasonCase, subject: unknown): boolean {
  return c.when.every((w) => {
    const value = valueAt(subject, w.path);
    if (w.in && !w.in.includes(value)) return false;
    if (w.notIn && w.notIn.includes(value)) return false;
    return true;
  });
}

/** The matter's ELIGIBLE reason for this subject: the first case whose conditions hold, else its eligibleReason. */
export function eligibleReasonFor(matter: Matter | undefined, subject: unknown): Bilingual | undefined {
  const found = subject ? matter?.eligibleReasons?.find((c) => holds(c, subject)) : undefined;
  return found ? { zh: found.zh, en: found.en } : matter?.eligibleReason;
}
