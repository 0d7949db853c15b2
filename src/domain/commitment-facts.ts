import { CommitmentStatus } from './commitment';

export interface CommitmentLike {
  id: string;
  status: CommitmentStatus;
  content: string;
  dueOn: string;
  settledOn?: string | null;
}

export interface CommitmentFacts {
  /** Found breached on or before the day, within the window. */
  breached: number;
  fulfilled: number;
  /** Due on or before the day and not settled by then. */
  overdue: number;
  breachedCommitments: { id: string; content: string; dueOn: string; settledOn: string }[];
}

/**
 * Public commitments (承诺, 三(五), 四(四), 四(五)) as they stood on day `on`. `withinDays` limits
 * breaches to those settled in the last N days (a policy parameter); null counts all.
 */
export function commitmentFacts(commitments: CommitmentLike[], on: string, withinDays?: number | null): CommitmentFacts {
  const since = withinDays == null ? null : new Date(Date.parse(on) - withinDays * 86_400_000).toISOString().slice(0, 10);
  const settledBy = (c: CommitmentLike) => !!c.settledOn && c.settledOn <= on && (since === null || c.settledOn >= since);
  const breached = commitments.filter((c) => c.status === CommitmentStatus.BREACHED && settledBy(c));
  return {
    breached: breached.length,
    fulfilled: commitments.filter((c) => c.status === CommitmentStatus.FULFILLED && settledBy(c)).length,
    overdue: commitments.filter((c) => c.dueOn < on && (!c.settledOn || c.settledOn > on)).length,
    breachedCommitments: breached.map((c) => ({ id: c.id, content: c.content, dueOn: c.dueOn, settledOn: c.settledOn! })),
  };
}
