import { ObjectionStatus } from './objection';
import { objectionStanding, suspendedOn } from './objection-stay';

/**
 * Which finding about a unit (agency) an objection is about: the 履职不力 finding on a breached
 * commitment (四(四)) or the finding that the head was absent from a hearing without valid reason
 * (三(八)). Both count against the unit in its performance reviews (四(五), 三(五)) and special
 * governance (三(八)); 三(七) 健全信用信息异议处理制度 gives the unit an objection to each, as a
 * person or enterprise has one to a record (src/registry/objection.service.ts).
 */
export enum UnitFindingKind {
  /** 承诺未兑现经认定为履职不力 (四(四)) */
  COMMITMENT_DERELICTION = 'COMMITMENT_DERELICTION',
  /** 负责人无正当理由未出庭应诉 (三(八)) */
  COURT_ABSENCE = 'COURT_ABSENCE',
}

/** Where a unit finding stands on a day, as its objections say. */
export enum FindingStanding {
  /** No objection pending or upheld: the finding holds. */
  IN_FORCE = 'IN_FORCE',
  /** An objection filed by the day awaits its decision (异议处理中). */
  DISPUTED = 'DISPUTED',
  /** An objection was upheld: the finding was found wrong and revoked (经核实有误的……撤销, 三(七)); it counts on no day, as a revoked record. */
  REVOKED = 'REVOKED',
}

export interface FindingObjectionLike {
  status: ObjectionStatus;
  filedOn: string;
  resolvedOn?: string | null;
  /** Filed after an earlier objection to the finding was rejected: suspends nothing until admitted (lawyer23 R4). */
  renewed?: boolean | null;
  /** The day an officer admitted a renewed objection on new grounds. */
  admittedOn?: string | null;
}

/**
 * A finding's standing on day `on`: revoked on every day once an objection to it was upheld (it was
 * found wrong, 三(七) “经核实有误的信息应及时更正或撤销”: information found wrong grounds nothing on any day,
 * as a revoked record counts on no day — lawyer14 W1, where it still counted on days before the
 * filing); disputed from the day one was filed until the day it was decided (a past day sees a
 * pending objection as it stood then: a rejection made later does not reach back, nor does a
 * filing), else in force. How long an objection disputes the finding is the rule records follow
 * (objection-stay.ts, one rule for both; lawyer23 R4): once an objection to the finding was rejected, a
 * renewed one disputes it only from the day an officer admits it on new grounds (admitFindingObjection),
 * so a unit re-filing after each rejection cannot keep the finding out of its reviews for ever.
 */
export function findingStandingOn(objections: readonly FindingObjectionLike[], on: string): FindingStanding {
  if (objections.some((o) => o.status === ObjectionStatus.UPHELD)) return FindingStanding.REVOKED;
  return suspendedOn(objections, on) ? FindingStanding.DISPUTED : FindingStanding.IN_FORCE;
}

/**
 * Whether a finding counts on the day: never once revoked; while disputed only when
 * `disputedCounts` (the parameter findingsCountWhileDisputed: the document does not say whether a
 * pending objection suspends a finding, so it is a local choice, rules/parameters/).
 */
export function findingCounts(standing: FindingStanding, disputedCounts: boolean): boolean {
  return standing === FindingStanding.IN_FORCE || (standing === FindingStanding.DISPUTED && disputedCounts);
}

/**
 * What a verdict says of the objections to a finding on day `on`, as it says of a record's
 * (objection-stay.ts objectionStanding, lawyer23 R4): a renewed objection pending and not admitted
 * is registered but disputes nothing, and the verdict names it so it does not read as overlooked.
 */
export interface FindingObjectionStanding {
  /** How many objections to the finding had been rejected by the day. */
  objectionsRejected: number;
  /** A renewed objection to the finding, not admitted (admitFindingObjection), undecided on the day: it disputes nothing. */
  renewedObjectionPending: boolean;
}

export function findingObjectionStanding(objections: readonly FindingObjectionLike[], on: string): FindingObjectionStanding {
  const { objectionsRejected, renewedObjectionPending } = objectionStanding(objections, on);
  return { objectionsRejected, renewedObjectionPending };
}
