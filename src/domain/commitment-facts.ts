import { BreachFinding, CommitmentStatus, type CommitmentDomain } from './commitment';
import { runsOn, type Period } from './period';

export interface CommitmentLike {
  id: string;
  status: CommitmentStatus;
  content: string;
  dueOn: string;
  settledOn?: string | null;
  breachFinding?: BreachFinding | null;
  /** The day the finding was made; a breach counts as 履职不力 from it. */
  breachFoundOn?: string | null;
  domain?: CommitmentDomain | null;
  publiclyDisclosed?: boolean | null;
}

/** Which commitments to count: those of these fields, disclosed to the public or not (null: any). */
export interface CommitmentSelection {
  domains?: CommitmentDomain[] | null;
  publiclyDisclosed?: boolean | null;
}

export interface CommitmentFacts {
  /** Found breached through 履职不力 on or before the day, within the look-back period. */
  breached: number;
  /** Found breached on or before the day (within the period) for a reason that excuses the unit. */
  breachedExcused: number;
  /** Settled as breached by the day with no finding recorded by then (未认定): counts for nothing. */
  breachedUnreviewed: number;
  fulfilled: number;
  /** Due before the day and not settled by then. */
  overdue: number;
  breachedCommitments: {
    id: string;
    content: string;
    dueOn: string;
    settledOn: string;
    foundOn: string;
    breachFinding: BreachFinding;
    domain: CommitmentDomain | null;
    publiclyDisclosed: boolean | null;
  }[];
}

/** Does the commitment belong to the selection? An unrecorded field or disclosure never matches a filter on it. */
function selected(c: CommitmentLike, selection: CommitmentSelection): boolean {
  if (selection.domains && !(c.domain && selection.domains.includes(c.domain))) return false;
  if (selection.publiclyDisclosed != null && c.publiclyDisclosed !== selection.publiclyDisclosed) return false;
  return true;
}

/**
 * Public commitments (承诺, 三(五), 四(四), 四(五)) as they stood on day `on`. `within` (a policy
 * parameter) limits them to a calendar period: a breach found on F counts from F through the day
 * before F's anniversary, so "P2Y" on 2026-03-10 covers findings of 2024-03-11 … 2026-03-10; a
 * fulfilment counts the same way from its settling day. Null counts all. A breach counts as 履职不力
 * only from the day that finding was made: a past day does not see a finding recorded later, and a
 * breach with no finding (unreviewed) counts for nothing. `selection` keeps to the commitments a
 * clause speaks of (四(四): public projects and work of three fields).
 */
export function commitmentFacts(commitments: CommitmentLike[], on: string, within?: Period | null, selection: CommitmentSelection = {}): CommitmentFacts {
  const inWindow = (day: string | null | undefined) => !!day && day <= on && (!within || runsOn(day, within, on));
  const chosen = commitments.filter((c) => selected(c, selection));
  const breachedBy = chosen.filter((c) => c.status === CommitmentStatus.BREACHED && !!c.settledOn && c.settledOn <= on);
  const found = breachedBy.filter((c) => !!c.breachFinding && inWindow(c.breachFoundOn ?? c.settledOn));
  const dereliction = found.filter((c) => c.breachFinding === BreachFinding.DERELICTION);
  const unreviewed = breachedBy.filter((c) => !c.breachFinding || !c.breachFoundOn || c.breachFoundOn > on).filter((c) => inWindow(c.settledOn));
  return {
    breached: dereliction.length,
    breachedExcused: found.length - dereliction.length,
    breachedUnreviewed: unreviewed.length,
    fulfilled: chosen.filter((c) => c.status === CommitmentStatus.FULFILLED && inWindow(c.settledOn)).length,
    overdue: chosen.filter((c) => c.dueOn < on && (!c.settledOn || c.settledOn > on)).length,
    breachedCommitments: dereliction.map((c) => ({
      id: c.id,
      content: c.content,
      dueOn: c.dueOn,
      settledOn: c.settledOn!,
      foundOn: c.breachFoundOn ?? c.settledOn!,
      breachFinding: BreachFinding.DERELICTION,
      domain: c.domain ?? null,
      publiclyDisclosed: c.publiclyDisclosed ?? null,
    })),
  };
}
