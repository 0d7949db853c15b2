import { RepairRelief, RepairStatus } from './credit-repair';
import type { ObjectionLike, RecordLike, RepairLike } from './credit-facts-input';
import { RecordCategory, Severity } from './credit-record';
import { objectionStanding, suspendedOn, type ObjectionStanding } from './objection-stay';

/** A dishonesty record that counts on the day, with what its repairs and objections make of it then. */
export interface CountingRecord extends ObjectionStanding {
  id: string;
  category: RecordCategory;
  severity: Severity | null;
  occurredOn: string;
  recordedOn: string;
  decidedOn: string;
  /** decidedOn is an estimate (the day it was recorded): its period was counted from that estimate. */
  decidedOnEstimated: boolean;
  documentNumber: string;
  sourceDepartment: string;
  /** Economic loss caused, in yuan; null when none was recorded. */
  loss: number | null;
  /** An approved credit repair (信用修复) waived the record's effect on or before the date. */
  repaired: boolean;
  /** An approved repair lightened (从轻) the measures of this record on or before the date. */
  lightened: boolean;
  /** The approval day of the repair that repaired or lightened it. */
  repairApprovedOn: string | null;
  /** Whether that approval stated its relief; null when no approved repair waived or lightened it. */
  repairReliefStated: boolean | null;
  /** The day the approving body stated that relief after the approval (stateRepairRelief); null when the approval stated it. */
  repairReliefStatedOn: string | null;
  /** The last day of the record's public disclosure (公示期), as its source department set it; null when none was set. */
  disclosureEndsOn: string | null;
  /**
   * Its public disclosure had ended before the day. It still counts (catalogue 三(七) local choice
   * “公示期届满不终止计入”), but that choice says a restriction or disqualification resting on such a
   * record should not be signed before 三(七)'s lead units confirm it, so a verdict must say so (lawyer28 R2).
   */
  disclosureEnded: boolean;
  /** An objection was pending on the date: the record's own, or the unit's to the finding it rests on (findingDisputed). */
  disputed: boolean;
  /**
   * A 四(四) entry whose 履职不力 finding the unit (agency) disputes, its objection pending on the date
   * (lawyer14 R1): the entry rests on that finding alone, so it is disputed as if objected to itself.
   */
  findingDisputed: boolean;
  /** A 四(四) entry: a renewed objection to the finding it rests on, not admitted, undecided on the date (it disputes nothing). */
  findingRenewedObjectionPending: boolean;
  /** A 四(四) entry: how many objections to the finding it rests on had been rejected by the date. */
  findingObjectionsRejected: number;
}

/** The approved repair with this relief that had been decided by day `on`, if any (a repair stored without a relief waived). */
function approvedBy(repairs: RepairLike[], on: string, relief: RepairRelief): RepairLike | undefined {
  return repairs.find((r) => r.status === RepairStatus.APPROVED && !!r.decidedOn && r.decidedOn <= on && (r.relief ?? RepairRelief.WAIVE) === relief);
}

/** Had an approved repair waived the record's effect by day `on`? */
export function repairedOn(repairs: RepairLike[], on: string): boolean {
  return !!approvedBy(repairs, on, RepairRelief.WAIVE);
}

/** The approval day of the repair that had waived the record's effect by day `on`, if any. */
export function repairApprovedOn(repairs: RepairLike[], on: string): string | null {
  return approvedBy(repairs, on, RepairRelief.WAIVE)?.decidedOn ?? null;
}

/**
 * Was one of the objections pending on day `on` (filed by then, not yet resolved) and suspending the
 * record then? A renewed objection suspends only once admitted (objection-stay.ts, lawyer21 R5).
 */
export function disputedOn(objections: ObjectionLike[], on: string): boolean {
  return suspendedOn(objections, on);
}

/** The record as it counts on day `on`, read with its repairs, its objections and those to the finding it rests on. */
export function countingRecord(r: RecordLike, repairs: RepairLike[], objections: ObjectionLike[], findingObjections: ObjectionLike[], on: string): CountingRecord {
  const findingDisputed = disputedOn(findingObjections, on);
  const finding = objectionStanding(findingObjections, on);
  const waived = approvedBy(repairs, on, RepairRelief.WAIVE);
  const lightened = waived ? undefined : approvedBy(repairs, on, RepairRelief.LIGHTEN);
  return {
    id: r.id,
    category: r.category,
    severity: r.severity ?? null,
    occurredOn: r.occurredOn,
    recordedOn: r.recordedOn,
    decidedOn: r.decidedOn,
    decidedOnEstimated: !!r.decidedOnEstimated,
    documentNumber: r.documentNumber,
    sourceDepartment: r.sourceDepartment,
    loss: r.loss == null ? null : Number(r.loss),
    repaired: !!waived,
    lightened: !!lightened,
    repairApprovedOn: (waived ?? lightened)?.decidedOn ?? null,
    repairReliefStated: waived ?? lightened ? (waived ?? lightened)!.reliefStated !== false : null,
    repairReliefStatedOn: (waived ?? lightened)?.reliefStatedOn ?? null,
    disclosureEndsOn: r.disclosureEndsOn ?? null,
    disclosureEnded: !!r.disclosureEndsOn && r.disclosureEndsOn < on,
    disputed: findingDisputed || disputedOn(objections, on),
    findingDisputed,
    findingRenewedObjectionPending: finding.renewedObjectionPending,
    findingObjectionsRejected: finding.objectionsRejected,
    ...objectionStanding(objections, on),
  };
}
