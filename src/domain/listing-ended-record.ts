import type { CreditList, MembershipLike } from './list-membership';
import { termEnded, TERM_LISTS } from './list-term';

/**
 * A record behind a listing the list keeper has ended (lawyer21 R1). A judgment-defaulter listing is
 * the court's: it puts a subject on the list and takes it off, and on removal or when the term it set
 * runs out it deletes the 失信信息 (法释〔2017〕7号 arts. 2 and 10, as the catalogue's 四(一) reading
 * summarises them); the seriously-illegal-and-dishonest list is kept and ended by its listing
 * authority the same way. In this system the record a listing rests on (`recordId`) is that
 * information. Were it to keep counting by its own severity period, a department the court took off the
 * list would stay disqualified from honour selection, and a civil servant cautioned, for up to three
 * years after the keeper ended the very thing the record says — while the listing rules (三(八), 四(一))
 * stop on the removal day. So the record stops counting from the keeper's removal day (or the day after a
 * recorded term's last day) and is listed in `notCounted` as LISTING_REMOVED with the keeper, the day and
 * the 文号. The record stays on file with its history. A record is linked to a listing only by the
 * listing's `recordId`: an unlinked record is not guessed at. A record listed again (a new listing naming
 * it, still holding) counts again. The catalogue's 四(一) local choices state this reading.
 */

/** The listing that ended a record's effect: what a verdict names (keeper, day, 文号). */
export interface ListingEnded {
  list: CreditList;
  listedBy: string;
  listedOn: string;
  /** The listing's 文号. */
  documentNumber: string;
  /** REMOVED (移出) or TERM_ENDED (the recorded term ran out). */
  endedBy: 'REMOVED' | 'TERM_ENDED';
  /** The first day the listing no longer held: the removal day, or the day after the term's last day. */
  endedOn: string;
  /** Who removed it and by which decision; null for a term that ran out or a removal stored without them. */
  removedBy: string | null;
  removalDocumentNumber: string | null;
}

/** The day after `day` (YYYY-MM-DD), in UTC arithmetic: dates only. */
function dayAfter(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** How listing `m` had ended by day `on` by its keeper's own act, or null while it holds (or ended otherwise). */
function endedByKeeper(m: MembershipLike, on: string): ListingEnded | null {
  const base = { list: m.list, listedBy: m.listedBy, listedOn: m.listedOn, documentNumber: m.documentNumber };
  if (m.removedOn && m.removedOn <= on) {
    return { ...base, endedBy: 'REMOVED', endedOn: m.removedOn, removedBy: m.removedBy ?? null, removalDocumentNumber: m.removalDocumentNumber ?? null };
  }
  if (TERM_LISTS.includes(m.list) && termEnded(m.termEndsOn, on)) {
    return { ...base, endedBy: 'TERM_ENDED', endedOn: dayAfter(m.termEndsOn!), removedBy: null, removalDocumentNumber: null };
  }
  return null;
}

/**
 * For each record behind a listing that had begun by day `on`: the listing its keeper ended, when every
 * listing naming the record had been ended by its keeper by then (the latest ending), else nothing.
 */
export function listingEndedRecords(memberships: readonly MembershipLike[], on: string): (recordId: string) => ListingEnded | null {
  const byRecord = new Map<string, MembershipLike[]>();
  for (const m of memberships) {
    // A listing withdrawn as entered in error never held: it neither keeps its record counting nor ends it (lawyer23 W1).
    if (!m.recordId || m.listedOn > on || m.enteredInErrorAt) continue;
    byRecord.set(m.recordId, [...(byRecord.get(m.recordId) ?? []), m]);
  }
  const ended = new Map<string, ListingEnded>();
  for (const [recordId, listings] of byRecord) {
    const ends = listings.map((m) => endedByKeeper(m, on));
    if (ends.some((e) => e === null)) continue;
    const latest = (ends as ListingEnded[]).reduce((a, b) => (b.endedOn > a.endedOn ? b : a));
    ended.set(recordId, latest);
  }
  return (recordId) => ended.get(recordId) ?? null;
}

/** No listing ends any record: what a caller without memberships (a rule case, a test) reads. */
export const noListingEnded = (): ListingEnded | null => null;
