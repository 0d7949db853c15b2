import { repairedOn, type RepairLike } from './credit-facts';

/** The national dishonesty lists a subject can be entered in. */
export enum CreditList {
  /** 失信被执行人名单 (courts) */
  JUDGMENT_DEFAULTER = 'JUDGMENT_DEFAULTER',
  /** 严重违法失信名单 (market regulators) */
  SERIOUS_ILLEGAL_DISHONEST = 'SERIOUS_ILLEGAL_DISHONEST',
}

/** Why a listing stopped holding on a day, if it did. */
export enum ListingEnd {
  /** Taken off the list (移出名单) on or before the day. */
  REMOVED = 'REMOVED',
  /** The credit record behind the listing had an approved repair by the day. */
  REPAIRED = 'REPAIRED',
}

export interface MembershipLike {
  id: string;
  list: CreditList;
  listedOn: string;
  listedBy: string;
  documentNumber: string;
  removedOn?: string | null;
  removedBy?: string | null;
  removalDocumentNumber?: string | null;
  /** The credit record the listing rests on, when one is registered. */
  recordId?: string | null;
}

export interface MembershipOnDay {
  id: string;
  list: CreditList;
  listedOn: string;
  listedBy: string;
  documentNumber: string;
  removedOn: string | null;
  /** Listed on the day: listed by then, not removed by then, its record not repaired by then. */
  listed: boolean;
  endedBy: ListingEnd | null;
}

export interface ListFacts {
  judgmentDefaulter: boolean;
  seriousIllegalDishonest: boolean;
  /**
   * On the judgment-defaulter list by the court's own act on the day: listed and not yet removed
   * (移出) by then, whatever a repair of the record behind it. 三(八) special governance aims at the
   * listing itself (避免新增失信被执行人), which only the court's removal ends; the repair ending of
   * `judgmentDefaulter` is this system's reading for 四(一) measures (issue 11) and does not apply.
   */
  listedByCourt: boolean;
  /**
   * The newest judgment-defaulter listing the court has not removed by the day (a repair of the
   * record behind it does not end it): the listing a 四(一) bar on a judgment defaulter names — the
   * list, the court, the day and the 文号 — so a verdict says which listing it rests on.
   */
  judgmentDefaulterListing: MembershipOnDay | null;
  /** The newest seriously-illegal-and-dishonest listing holding on the day (removal or an approved repair ends it). */
  seriousIllegalDishonestListing: MembershipOnDay | null;
  /** Every listing that had begun by the day, holding or ended, newest first. */
  memberships: MembershipOnDay[];
}

/**
 * A subject's list memberships on day `on`. A measure resting on a listing (四(一)) holds while the
 * subject is listed: from the listing day up to the day before removal, or before the approval day of
 * a repair of the record behind it. Removal and repair end it from that day on.
 */
export function listFacts(memberships: MembershipLike[], repairsOf: (recordId: string) => RepairLike[], on: string): ListFacts {
  const days = memberships
    .filter((m) => m.listedOn <= on)
    .sort((a, b) => (a.listedOn === b.listedOn ? a.id.localeCompare(b.id) : a.listedOn < b.listedOn ? 1 : -1))
    .map((m): MembershipOnDay => {
      const endedBy = m.removedOn && m.removedOn <= on ? ListingEnd.REMOVED : m.recordId && repairedOn(repairsOf(m.recordId), on) ? ListingEnd.REPAIRED : null;
      return { id: m.id, list: m.list, listedOn: m.listedOn, listedBy: m.listedBy, documentNumber: m.documentNumber, removedOn: m.removedOn ?? null, listed: endedBy === null, endedBy };
    });
  const on_ = (list: CreditList) => days.some((m) => m.listed && m.list === list);
  const byCourt = days.find((m) => m.list === CreditList.JUDGMENT_DEFAULTER && m.endedBy !== ListingEnd.REMOVED) ?? null;
  const serious = days.find((m) => m.list === CreditList.SERIOUS_ILLEGAL_DISHONEST && m.listed) ?? null;
  return {
    judgmentDefaulter: on_(CreditList.JUDGMENT_DEFAULTER),
    seriousIllegalDishonest: on_(CreditList.SERIOUS_ILLEGAL_DISHONEST),
    listedByCourt: byCourt !== null,
    judgmentDefaulterListing: byCourt,
    seriousIllegalDishonestListing: serious,
    memberships: days,
  };
}
