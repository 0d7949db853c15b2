import type { ObjectionLike, RepairLike } from './credit-facts-input';
import { ObjectionRemedy, ObjectionStatus } from './objection';
import { repairApprovedOn } from './counting-record';
import { listingTermNote, termEnded, TERM_LISTS } from './list-term';
import { listingHistoryNote } from './listing-history-note';
import { CreditList, ListingEnd } from './credit-list';

export { CreditList, ListingEnd };

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
  /** The last day of the listing's term, when recorded (judgment-defaulter listings only). */
  termEndsOn?: string | null;
  /** Withdrawn as entered in error (lawyer22 W2): it never held and counts on no day. */
  enteredInErrorAt?: Date | null;
}

export interface MembershipOnDay {
  id: string;
  list: CreditList;
  listedOn: string;
  listedBy: string;
  documentNumber: string;
  removedOn: string | null;
  /**
   * Listed on the day: listed by then and not removed by then; for a judgment-defaulter listing, also
   * its record not repaired by then.
   */
  listed: boolean;
  endedBy: ListingEnd | null;
  /**
   * The approval day of a credit repair of the record behind the listing, by the day; null when none.
   * A note: on the seriously-illegal-and-dishonest list it ends nothing.
   */
  recordRepairedOn: string | null;
  /** The last day of the listing's term; null when none is recorded. */
  termEndsOn: string | null;
  /**
   * The day an upheld objection revoked the record behind the listing here (三(七) “经核实有误的信息应及时更正或撤销”),
   * by the day; null when it was not revoked by then. It ends nothing: what 三(七) revokes is this system's record,
   * and the list is the listing body's (四(一) “依法限制失信被执行人及严重违法失信企业”), so the listing holds until that
   * body removes it; the rules that read it caution the deciding body to verify the listing with it (lawyer20 R1).
   */
  recordRevokedOn: string | null;
  /** recordRevokedOn is set: the record behind the listing was revoked here by the day (for evidence `where`). */
  recordRevoked: boolean;
  /** What a verdict says of the term (zh + en): when it ends, or that none is recorded and the listing body (court or listing authority) should be asked. */
  termNote: { zh: string; en: string };
}

export interface ListFacts {
  /**
   * Not the listing itself (law23 R1): a judgment-defaulter listing holds on the day AND the record behind it
   * has no repair approved here. A repair ends this, not the court's listing (listedByCourt); no shipped rule
   * reads it, the GraphQL field is deprecated and `rules check` warns of a rule that reads it.
   */
  judgmentDefaulter: boolean;
  /**
   * On the seriously-illegal-and-dishonest list on the day: listed and not yet removed (移出) by then by
   * the listing authority, whatever a repair of the record behind it (lawyer8 W3): the authority keeps
   * and ends its own list, so an enterprise it still lists is an 严重违法失信企业 under 四(一).
   */
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
  /** The newest seriously-illegal-and-dishonest listing not removed by the day (a repair of the record behind it does not end it). */
  seriousIllegalDishonestListing: MembershipOnDay | null;
  /** judgmentDefaulterListing rests on a record revoked here by the day (its recordRevokedOn): the listing still holds. */
  judgmentDefaulterRecordRevoked: boolean;
  /** seriousIllegalDishonestListing rests on a record revoked here by the day (its recordRevokedOn): the listing still holds. */
  seriousIllegalDishonestRecordRevoked: boolean;
  /**
   * What the register shows when no judgment-defaulter listing holds (law23 R4): none registered, or the newest
   * one removed by the court or past its recorded term on a day (listingHistoryNote); for the record-without-listing caution.
   */
  judgmentDefaulterHistory: { zh: string; en: string };
  /** The same for the seriously-illegal-and-dishonest list: none registered, or the newest one removed on a day. */
  seriousIllegalDishonestHistory: { zh: string; en: string };
  /** Every listing that had begun by the day, holding or ended, newest first. */
  memberships: MembershipOnDay[];
}

/**
 * A subject's list memberships on day `on`. A measure resting on a listing (四(一)) holds while the
 * subject is listed: from the listing day up to the day before removal. Removal ends it from that day
 * on. A repair of the record behind a listing never takes the subject off a list: the listing body
 * decides that (the court for 失信被执行人, the listing authority for 严重违法失信). It ends only
 * `judgmentDefaulter`, this system's reading for the court facts (see listedByCourt), and is otherwise
 * a note (recordRepairedOn).
 */
export function listFacts(memberships: MembershipLike[], repairsOf: (recordId: string) => RepairLike[], on: string, objectionsOf: (recordId: string) => ObjectionLike[] = () => []): ListFacts {
  const days = memberships
    // A listing withdrawn as entered in error never held: no day sees it (lawyer22 W2).
    .filter((m) => m.listedOn <= on && !m.enteredInErrorAt)
    .sort((a, b) => (a.listedOn === b.listedOn ? a.id.localeCompare(b.id) : a.listedOn < b.listedOn ? 1 : -1))
    .map((m): MembershipOnDay => {
      const recordRepairedOn = m.recordId ? repairApprovedOn(repairsOf(m.recordId), on) : null;
      const repairEnds = m.list === CreditList.JUDGMENT_DEFAULTER && recordRepairedOn !== null;
      const termEnds = TERM_LISTS.includes(m.list) && termEnded(m.termEndsOn, on);
      const endedBy = m.removedOn && m.removedOn <= on ? ListingEnd.REMOVED : termEnds ? ListingEnd.TERM_ENDED : repairEnds ? ListingEnd.REPAIRED : null;
      const removedOn = m.removedOn ?? null;
      const termEndsOn = m.termEndsOn ?? null;
      const recordRevokedOn = m.recordId ? revokedOn(objectionsOf(m.recordId), on) : null;
      return { id: m.id, list: m.list, listedOn: m.listedOn, listedBy: m.listedBy, documentNumber: m.documentNumber, removedOn, listed: endedBy === null, endedBy, recordRepairedOn, termEndsOn, recordRevokedOn, recordRevoked: recordRevokedOn !== null, termNote: listingTermNote(m.list, termEndsOn) };
    });
  const on_ = (list: CreditList) => days.some((m) => m.listed && m.list === list);
  // The court's own act ends a listing: its removal, or the term it set running out (the court must then delete it, 法释〔2017〕7号 art. 10).
  const byCourt = days.find((m) => m.list === CreditList.JUDGMENT_DEFAULTER && m.endedBy !== ListingEnd.REMOVED && m.endedBy !== ListingEnd.TERM_ENDED) ?? null;
  const serious = days.find((m) => m.list === CreditList.SERIOUS_ILLEGAL_DISHONEST && m.listed) ?? null;
  // The listing that ended last, by its end day, by the keeper's act (a removal, a term run out), for the
  // history notes (lawyer24 R2): the subject stayed listed until then, whichever listing was listed later.
  const endedByKeeper = (list: CreditList) => days
    .filter((m) => m.list === list && (m.endedBy === ListingEnd.REMOVED || m.endedBy === ListingEnd.TERM_ENDED))
    .reduce<MembershipOnDay | null>((last, m) => (!last || endDay(m) > endDay(last) ? m : last), null);
  // A registration withdrawn as entered in error is no listing, but it is not "no record at all" either (lawyer24 R2).
  const withdrawn = (list: CreditList) => memberships.some((m) => m.list === list && m.listedOn <= on && !!m.enteredInErrorAt);
  return {
    judgmentDefaulter: on_(CreditList.JUDGMENT_DEFAULTER),
    seriousIllegalDishonest: on_(CreditList.SERIOUS_ILLEGAL_DISHONEST),
    listedByCourt: byCourt !== null,
    judgmentDefaulterListing: byCourt,
    seriousIllegalDishonestListing: serious,
    judgmentDefaulterRecordRevoked: byCourt?.recordRevoked ?? false,
    seriousIllegalDishonestRecordRevoked: serious?.recordRevoked ?? false,
    judgmentDefaulterHistory: listingHistoryNote(CreditList.JUDGMENT_DEFAULTER, endedByKeeper(CreditList.JUDGMENT_DEFAULTER), byCourt, withdrawn(CreditList.JUDGMENT_DEFAULTER)),
    seriousIllegalDishonestHistory: listingHistoryNote(CreditList.SERIOUS_ILLEGAL_DISHONEST, endedByKeeper(CreditList.SERIOUS_ILLEGAL_DISHONEST), serious, withdrawn(CreditList.SERIOUS_ILLEGAL_DISHONEST)),
    memberships: days,
  };
}

/** The day a listing that ended by its keeper's act ended: its removal day, or its term's last day. */
function endDay(m: MembershipOnDay): string {
  return (m.endedBy === ListingEnd.REMOVED ? m.removedOn : m.termEndsOn) ?? m.listedOn;
}

/**
 * The day an objection upheld with the REVOKE remedy (撤销) revoked a record, if one had by `on`: a past day sees
 * the record as it stood then. A record is revoked once (a revoked record takes no further decision).
 */
export function revokedOn(objections: readonly ObjectionLike[], on: string): string | null {
  const revoking = objections.find((o) => o.status === ObjectionStatus.UPHELD && o.remedy === ObjectionRemedy.REVOKE && !!o.resolvedOn && o.resolvedOn <= on);
  return revoking?.resolvedOn ?? null;
}
