import { BreachFinding, CommitmentStatus, type CommitmentDomain } from './commitment';
import { findingCounts, findingObjectionStanding, findingStandingOn, FindingStanding, type FindingObjectionLike, type FindingObjectionStanding } from './finding-objection';
import { NotCountedReason } from './not-counted';
import { runsOn, type Period } from './period';
import type { ReviewPeriod } from './review-period';

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
  /** The unit's objections to the 履职不力 finding (src/registry/finding-objection.service.ts); absent: none. */
  findingObjections?: readonly FindingObjectionLike[] | null;
}

/** Which commitments to count: those of these fields, disclosed to the public or not (null: any). */
export interface CommitmentSelection {
  domains?: CommitmentDomain[] | null;
  publiclyDisclosed?: boolean | null;
  /** The day the document took effect: a breach whose act (breachDay) lies before it counts towards nothing (不溯及既往). */
  actsFrom?: string | null;
  /** The annual review period the facts are for: only findings (and fulfilments) made in it count. */
  review?: ReviewPeriod | null;
  /**
   * Whether a 履职不力 finding under a pending objection still counts (parameter
   * findingsCountWhileDisputed, a local choice); absent: it does not. A revoked finding never counts.
   */
  disputedFindingsCount?: boolean | null;
}

/**
 * A breach that is left out of every count on the day, with why; it stays on file: one found 履职不力
 * whose act lies before the in-force day (ACT_BEFORE_IN_FORCE), or one settled as breached with no
 * finding by the day (BREACH_UNREVIEWED, foundOn null).
 */
export interface NotCountedCommitment {
  id: string;
  content: string;
  /** The day of the act: the breach day (breachDay), as on the personal record a finding makes. */
  occurredOn: string;
  /** The day the finding was made; null for a breach no finding has reviewed by the day. */
  foundOn: string | null;
  /** The day it was settled as breached. */
  settledOn: string;
  reason: NotCountedReason;
}

export interface CommitmentFacts {
  /** Found breached through 履职不力 on or before the day, within the look-back period. */
  breached: number;
  /** Found breached on or before the day (within the period) for a reason that excuses the unit. */
  breachedExcused: number;
  /** Settled as breached by the day with no finding recorded by then (未认定): counts for nothing. */
  breachedUnreviewed: number;
  /** 履职不力 findings (in the period) under an objection pending on the day: in `breached` only where disputed findings count. */
  breachedDisputed: number;
  /** 履职不力 findings (in the period) revoked on an upheld objection by the day: in no count. */
  breachedRevoked: number;
  fulfilled: number;
  /** Due before the day and not settled by then. */
  overdue: number;
  breachedCommitments: ({
    id: string;
    content: string;
    dueOn: string;
    settledOn: string;
    foundOn: string;
    breachFinding: BreachFinding;
    domain: CommitmentDomain | null;
    publiclyDisclosed: boolean | null;
    /** IN_FORCE, or DISPUTED where disputed findings count. */
    findingStanding: FindingStanding;
  } & FindingObjectionStanding)[];
  /**
   * Breaches in no count, each with why: found 履职不力 in the period but of an act before actsFrom
   * (不溯及既往), or settled as breached in the period with no finding by the day (未认定).
   */
  notCounted: NotCountedCommitment[];
  /** The annual review period counted, when one was asked for (its last day may lie after the day). */
  reviewPeriod: ReviewPeriod | null;
}

/**
 * The day a breach occurred: the due day, or the settling day when it was settled as breached
 * earlier. The personal record a finding makes (commitment.service applyFinding) carries the same
 * day, so the in-force cut reads one day for both.
 */
export function breachDay(c: Pick<CommitmentLike, 'dueOn' | 'settledOn'>): string {
  return c.settledOn && c.settledOn < c.dueOn ? c.settledOn : c.dueOn;
}

/** Does the commitment belong to the selection? An unrecorded field or disclosure never matches a filter on it. */
function selected(c: CommitmentLike, selection: CommitmentSelection): boolean {
  if (selection.domains && !(c.domain && selection.domains.includes(c.domain))) return false;
  if (selection.publiclyDisclosed != null && c.publiclyDisclosed !== selection.publiclyDisclosed) return false;
  return true;
}

/**
 * Public commitments (承诺, 三(五), 四(四), 四(五)) as they stood on day `on`. `within` (a policy
 * parameter) limits them to a calendar period counted as period.ts counts it (runsOn): a breach found
 * on F counts from F itself, its first day, through the day before the anniversary, so "P2Y" on
 * 2026-03-10 covers findings of 2024-03-11 … 2026-03-10 (lawyer11 N1, lawyer20 N1); a
 * fulfilment counts the same way from its settling day. Null counts all. A breach counts as 履职不力
 * only from the day that finding was made: a past day does not see a finding recorded later, and a
 * breach with no finding (unreviewed) counts for nothing. `selection` keeps to the commitments a
 * clause speaks of (四(四): public projects and work of three fields). `selection.actsFrom` (the
 * in-force day) leaves out every breach whose act (breachDay) lies before it, as credit(actsFrom:)
 * does for records: it counts towards nothing and a 履职不力 one is listed in notCounted. Fulfilments
 * are not cut (in the unit's favour, like trustworthy records). `selection.review` keeps to the
 * findings of one annual review period (a performance review counts a breach once, in the review
 * of the year it was found).
 */
export function commitmentFacts(commitments: CommitmentLike[], on: string, within?: Period | null, selection: CommitmentSelection = {}): CommitmentFacts {
  const review = selection.review ?? null;
  const inWindow = (day: string | null | undefined) => !!day && day <= on && (!within || runsOn(day, within, on)) && (!review || (review.from <= day && day <= review.to));
  const chosen = commitments.filter((c) => selected(c, selection));
  const breachedAll = chosen.filter((c) => c.status === CommitmentStatus.BREACHED && !!c.settledOn && c.settledOn <= on);
  const beforeInForce = (c: CommitmentLike) => !!selection.actsFrom && breachDay(c) < selection.actsFrom;
  const breachedBy = breachedAll.filter((c) => !beforeInForce(c));
  const leftOut = breachedAll
    .filter(beforeInForce)
    .filter((c) => c.breachFinding === BreachFinding.DERELICTION && inWindow(c.breachFoundOn ?? c.settledOn));
  const found = breachedBy.filter((c) => !!c.breachFinding && inWindow(c.breachFoundOn ?? c.settledOn));
  const standing = (c: CommitmentLike) => findingStandingOn(c.findingObjections ?? [], on);
  const derelictionFound = found.filter((c) => c.breachFinding === BreachFinding.DERELICTION);
  const dereliction = derelictionFound.filter((c) => findingCounts(standing(c), !!selection.disputedFindingsCount));
  const setAside = derelictionFound.filter((c) => !dereliction.includes(c));
  const unreviewed = breachedBy.filter((c) => !c.breachFinding || !c.breachFoundOn || c.breachFoundOn > on).filter((c) => inWindow(c.settledOn));
  return {
    breached: dereliction.length,
    breachedExcused: found.length - derelictionFound.length,
    breachedUnreviewed: unreviewed.length,
    breachedDisputed: derelictionFound.filter((c) => standing(c) === FindingStanding.DISPUTED).length,
    breachedRevoked: derelictionFound.filter((c) => standing(c) === FindingStanding.REVOKED).length,
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
      findingStanding: standing(c),
      ...findingObjectionStanding(c.findingObjections ?? [], on),
    })),
    notCounted: [
      ...leftOut.map((c) => ({ id: c.id, content: c.content, occurredOn: breachDay(c), foundOn: c.breachFoundOn ?? c.settledOn!, settledOn: c.settledOn!, reason: NotCountedReason.ACT_BEFORE_IN_FORCE })),
      // Silence would let a reader take the unit's record for clean: the verdict says what awaits a finding (lawyer R9).
      ...unreviewed.map((c) => ({ id: c.id, content: c.content, occurredOn: breachDay(c), foundOn: null, settledOn: c.settledOn!, reason: NotCountedReason.BREACH_UNREVIEWED })),
      // A finding set aside by an objection (pending or upheld) is named too, with why (issue 11 W3).
      ...setAside.map((c) => ({
        id: c.id, content: c.content, occurredOn: breachDay(c), foundOn: c.breachFoundOn ?? c.settledOn!, settledOn: c.settledOn!,
        reason: standing(c) === FindingStanding.REVOKED ? NotCountedReason.FINDING_REVOKED : NotCountedReason.FINDING_DISPUTED,
      })),
    ],
    reviewPeriod: review,
  };
}
