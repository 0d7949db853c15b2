import { RecordKind, RecordStatus, Severity } from './credit-record';
import type { RecordLike } from './credit-facts-input';
import { notCountedBecause, type NotCountedOptions } from './not-counted';
import { runsOn, type Period } from './period';

/**
 * Whether a record counts on a day: decided by then, not revoked, and within the calendar period
 * its severity counts for (a policy parameter, from the decision day through the day before the anniversary, see period.ts); and whether it
 * counts towards the facts, the policy options (not-counted.ts) leaving none of it out.
 */

/** The calendar period a record of each severity counts for after its decision (a policy parameter). */
export interface SeverityPeriods {
  minor: Period;
  general: Period;
  major: Period;
  severe: Period;
  /** How long a trustworthy (守信) record counts from its decision day; absent: with no end. */
  trustworthy?: Period | null;
}

/** How the facts are read: each option is a policy parameter passed by a facts query. */
export interface CreditOptions extends NotCountedOptions {
  countsFor?: SeverityPeriods | null;
  /** The severities counted as grave (unrepairedGraveUndisputed); absent: that count is null. */
  graveSeverities?: readonly Severity[] | null;
}

const SEVERITY_KEY: Record<Severity, keyof SeverityPeriods> = {
  [Severity.MINOR]: 'minor',
  [Severity.GENERAL]: 'general',
  [Severity.MAJOR]: 'major',
  [Severity.SEVERE]: 'severe',
};

/**
 * The day a record's counting period runs from. A dishonesty record whose decision day was never
 * registered has the recorded day standing in for it (decidedOnEstimated); that day is later than
 * the real decision, and counting from it would lengthen the period against the subject. So its
 * period runs from the act day instead — the earliest day the decision can have been — and the
 * record counts from the recorded day (the earliest day it is known to have been decided) until
 * that period ends: the estimate never extends a period past what the act day gives. A trustworthy
 * record's period runs from its (estimated) decision day: a later start only favours the subject.
 */
export function periodStartsOn(record: Pick<RecordLike, 'kind' | 'occurredOn' | 'decidedOn' | 'decidedOnEstimated'>): string {
  return record.kind === RecordKind.DISHONEST && record.decidedOnEstimated ? record.occurredOn : record.decidedOn;
}

/** Does the record count on day `on`? */
export function recordCounts(record: RecordLike, on: string, countsFor?: SeverityPeriods | null): boolean {
  if (record.status === RecordStatus.REVOKED || record.occurredOn > on || record.decidedOn > on) return false;
  const period =
    record.kind === RecordKind.TRUSTWORTHY ? countsFor?.trustworthy : countsFor && record.severity ? countsFor[SEVERITY_KEY[record.severity]] : undefined;
  if (period && !runsOn(periodStartsOn(record), period, on)) return false;
  return true;
}

/** Does the record count towards the facts on day `on`, read with `options`? What a parameters file's period cases check. */
export function countsTowardsFacts(record: RecordLike, on: string, options: CreditOptions): boolean {
  return recordCounts(record, on, options.countsFor) && !notCountedBecause(record, options);
}
