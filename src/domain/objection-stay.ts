import type { ObjectionLike } from './credit-facts-input';

/** What the stay reads of an objection, to a record or to a finding. */
type Stayed = Pick<ObjectionLike, 'status' | 'filedOn' | 'resolvedOn' | 'renewed' | 'admittedOn'> & Partial<Pick<ObjectionLike, 'remedy'>>;
import { ObjectionRemedy, ObjectionStatus } from './objection';

/**
 * How long an objection (异议, 三(七)) suspends a record (lawyer21 R5). 三(七) asks for an objection
 * procedure that corrects or revokes what is found wrong (“经核实有误的信息应及时更正或撤销”); that a
 * pending objection suspends the record's restrictions is a local choice (catalogue 三(七)). Left
 * unbounded, a subject could object again the day its objection was rejected, and again, and keep a
 * record every review upheld from ever restricting. So the stay is bounded, the simplest way that keeps
 * the first review whole: the first objection to a record suspends from its filing day until it is
 * decided; once an objection to the record has been REJECTED, a renewed objection is still registered
 * and decided, but suspends nothing unless an officer admits it on new grounds (admitObjection,
 * audited) — and then only from the admission day. A catalogue 三(七) local choice states it.
 *
 * The same rule bounds a unit's objections to a finding against it (finding-objection.ts,
 * admitFindingObjection; lawyer23 R4): the functions below read only what both kinds of objection share.
 */

/** The day objection `o` begins to suspend its record, or null when it never does (a renewed objection not admitted). */
export function suspendsFrom(o: Stayed): string | null {
  if (!o.renewed) return o.filedOn;
  return o.admittedOn ? (o.admittedOn > o.filedOn ? o.admittedOn : o.filedOn) : null;
}

/** Was the objection undecided on day `on` (filed by then, not decided by then)? */
function undecidedOn(o: Stayed, on: string): boolean {
  return o.filedOn <= on && (o.status === ObjectionStatus.PENDING || (!!o.resolvedOn && o.resolvedOn > on));
}

/** Did one of the objections suspend the record on day `on`? */
export function suspendedOn(objections: readonly Stayed[], on: string): boolean {
  return objections.some((o) => undecidedOn(o, on) && suspendsFrom(o) !== null && suspendsFrom(o)! <= on);
}

/** What a verdict says of a record's objections on day `on`, so an inspector sees a serial pattern. */
export interface ObjectionStanding {
  /** The day the objection suspending the record on the day began to (its filing or admission day); null when none does. */
  disputedSince: string | null;
  /** How many objections to the record had been rejected by the day since its last correction by then (lawyer22 R3). */
  objectionsRejected: number;
  /** A renewed objection, not admitted, undecided on the day: registered, suspending nothing. */
  renewedObjectionPending: boolean;
  /**
   * The day of the record's last correction by an upheld objection by then (lawyer24 R6), or null: an
   * objection after it may be the first since the correction, never the first to the record.
   */
  lastCorrectedOn: string | null;
}

export function objectionStanding(objections: readonly Stayed[], on: string): ObjectionStanding {
  const suspending = objections.filter((o) => undecidedOn(o, on) && suspendsFrom(o) !== null && suspendsFrom(o)! <= on);
  return {
    disputedSince: suspending.map((o) => suspendsFrom(o)!).sort()[0] ?? null,
    objectionsRejected: rejectedSinceCorrection(objections, on),
    renewedObjectionPending: objections.some((o) => undecidedOn(o, on) && !!o.renewed && (suspendsFrom(o) === null || suspendsFrom(o)! > on)),
    lastCorrectedOn: lastCorrectionOn(objections, on),
  };
}

/** The day of the last objection UPHELD with CORRECT decided by day `on`, or null. */
function lastCorrectionOn(objections: readonly Stayed[], on: string): string | null {
  return objections
    .filter((o) => o.status === ObjectionStatus.UPHELD && o.remedy === ObjectionRemedy.CORRECT && !!o.resolvedOn && o.resolvedOn <= on)
    .map((o) => o.resolvedOn!).sort().pop() ?? null;
}

/**
 * lawyer22 R3: rejections counted by day `on` since the record's last correction by then (an objection
 * UPHELD with CORRECT): the corrected record is a new state no review has looked at yet. Objections are
 * decided one at a time, so one filed on or after the correction's day came after it.
 */
function rejectedSinceCorrection(objections: readonly Stayed[], on: string): number {
  const correctedOn = lastCorrectionOn(objections, on);
  return objections.filter((o) => o.status === ObjectionStatus.REJECTED && !!o.resolvedOn && o.resolvedOn <= on && (!correctedOn || o.filedOn >= correctedOn)).length;
}
