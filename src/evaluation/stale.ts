import type { Verdict } from '../db/entities';
import { partsOf } from './row-digest';
import { digestOfState, type RowState } from './row-versions';

/**
 * Whether a stored verdict may no longer be what an evaluation would say now: the rule set in force
 * is another version, or a row its facts are read from changed since (the subject's own row, its
 * credit records, their objections and repairs, its list memberships, an enterprise's credit grades,
 * the commitments it made or answers for, court cases — for a civil servant also their agency's). `state` is the subject's
 * rows now (rowStatesOf, src/evaluation/row-versions.ts: one statement for every subject of a
 * request, shared by the verdicts of a page and every alias of `stale`).
 *
 * A verdict keeps the digest of the row versions its facts were read from, computed from the rows
 * its facts read brought (src/evaluation/row-digest.ts): it is stale when the digest of the same
 * parts now differs. Every insert, update or delete changes the
 * digest, whenever its transaction began: a row committed after the verdict with an `updated_at`
 * older than the verdict's `evaluatedAt` (its transaction began first) is a change too, which the
 * newest time missed. A verdict stored before verdicts kept a digest by parts (`rowVersions` null,
 * or one md5 of the earlier form) is compared by the newest `created_at` / `updated_at`, as before.
 *
 * Limit: the passing of days alone (a record's counting period or disclosure ending) is not a
 * change; compare the verdict's `day` with today for that.
 */
export function staleGiven(verdict: Verdict, currentRuleSetVersion: string, state: RowState): boolean {
  if (verdict.ruleSetVersion !== currentRuleSetVersion) return true;
  const parts = verdict.rowVersions ? partsOf(verdict.rowVersions) : null;
  if (parts) return verdict.rowVersions !== digestOfState(state, parts);
  return state.lastChange != null && state.lastChange.getTime() > verdict.evaluatedAt.getTime();
}
