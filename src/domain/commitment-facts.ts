import { BreachFinding, CommitmentStatus } from './commitment';
import { runsOn, type Period } from './period';

export interface CommitmentLike {
  id: string;
  status: CommitmentStatus;
  content: string;
  dueOn: string;
  settledOn?: string | null;
  breachFinding?: BreachFinding | null;
}

export interface CommitmentFacts {
  /** Found breached through 履职不力 on or before the day, within the look-back period. */
  breached: number;
  /** Found breached on or before the day (within the period) for a reason that excuses the unit. */
  breachedExcused: number;
  fulfilled: number;
  /** Due before the day and not settled by then. */
  overdue: number;
  breachedCommitments: { id: string; content: string; dueOn: string; settledOn: string; breachFinding: BreachFinding }[];
}

/**
 * Public commitments (承诺, 三(五), 四(四), 四(五)) as they stood on day `on`. `within` (a policy
 * parameter) limits settlements to a calendar period: one settled on S counts from S through the
 * day before S's anniversary, so "P2Y" on 2026-03-10 covers 2024-03-11 … 2026-03-10. Null counts all.
 */
export function commitmentFacts(commitments: CommitmentLike[], on: string, within?: Period | null): CommitmentFacts {
  const settledBy = (c: CommitmentLike) => !!c.settledOn && c.settledOn <= on && (!within || runsOn(c.settledOn, within, on));
  const breached = commitments.filter((c) => c.status === CommitmentStatus.BREACHED && settledBy(c));
  const dereliction = breached.filter((c) => (c.breachFinding ?? BreachFinding.DERELICTION) === BreachFinding.DERELICTION);
  return {
    breached: dereliction.length,
    breachedExcused: breached.length - dereliction.length,
    fulfilled: commitments.filter((c) => c.status === CommitmentStatus.FULFILLED && settledBy(c)).length,
    overdue: commitments.filter((c) => c.dueOn < on && (!c.settledOn || c.settledOn > on)).length,
    breachedCommitments: dereliction.map((c) => ({ id: c.id, content: c.content, dueOn: c.dueOn, settledOn: c.settledOn!, breachFinding: BreachFinding.DERELICTION })),
  };
}
