import { PERMISSIONS, type Viewer } from '../auth/role';
import { addDays, chinaDate, chinaToday } from '../domain/day';
import type { ListMembership } from '../db/entities';
import { assertMayRewritePastDays, enRoles, secondPersonsFor, zhRoles } from './past-days';

/**
 * Who takes a listing off past days alone: removeFromList and setListingTerm are the deciders' work
 * (PERMISSIONS.decide, CLERK and ADMIN), so of the second persons ADMIN alone (past-days.ts).
 */
export const PAST_LISTING_REWRITERS = secondPersonsFor(PERMISSIONS.decide);

/** "the listing (listed 2023-08-24, 鄂州市监〔2023〕1号, on record since 2023-08-24)", in both languages. */
function listingWords(m: ListMembership): { zh: string; en: string } {
  return {
    zh: `该列入（${m.listedOn} 列入 ${m.list}，${m.documentNumber}，${chinaDate(m.createdAt)} 登记）在登记簿上一直计入至今`,
    en: `the listing on ${m.list} (listed ${m.listedOn}, ${m.documentNumber}, on record since ${chinaDate(m.createdAt)}) has counted on the registry's word every day to today`,
  };
}

/**
 * hostile21 F4: a removal is the listing body's decision and names its own day, but the clerk types
 * both the day and the body. Dated before today on a listing on record before today, it erased the
 * listing from every past day since (a 2023 procurement bar gone from every recheck) on one person's
 * word. Like a grade ended on a past day, that takes a second person; dated today it is the clerk's.
 */
export function assertMayRemoveFrom(actor: Viewer, membership: ListMembership, removedOn: string): void {
  const today = chinaToday();
  const allowed = PAST_LISTING_REWRITERS;
  const listing = listingWords(membership);
  assertMayRewritePastDays(actor, { from: removedOn, onRecordSince: membership.createdAt }, {
    allowed,
    field: 'removedOn',
    zh: `${listing.zh}；移出日期 ${removedOn} 早于今日（${today}），将自 ${removedOn} 起把它从以往各日抹去（以往各日的评估和复核据此作出），须由第二人（${zhRoles(allowed)}）录入。${actor.role} 可以今日（${today}）为移出日期录入；移出决定载明更早日期的，请交 ${zhRoles(allowed)} 录入。`,
    en: `${listing.en}; a removal dated ${removedOn}, before today (${today}), would erase it from the days from ${removedOn} on, which past as-of evaluations and rechecks read. Entering it takes a second person: one of ${enRoles(allowed)}. The ${actor.role} role may enter the removal dated today (${today}); a removal decision that states an earlier day is entered by ${enRoles(allowed)}.`,
  });
}

/**
 * hostile21 F5: a listing with no recorded term counts until it is removed. Recording its first term
 * ending before yesterday ends it on past days exactly as a back-dated removal does (a 2022 listing
 * given a term ending the next day was gone from every day since), so it takes the same second person.
 * The listing counts through termEndsOn: the first day the term takes away is the day after it, so a
 * first term ending yesterday or later changes no past day. A recorded term is only ever lengthened
 * (listing-term.ts), which takes no day away.
 */
export function assertMayEndFirstTermOn(actor: Viewer, membership: ListMembership, termEndsOn: string): void {
  if (membership.termEndsOn) return;
  const today = chinaToday();
  const allowed = PAST_LISTING_REWRITERS;
  const listing = listingWords(membership);
  const from = addDays(termEndsOn, 1);
  assertMayRewritePastDays(actor, { from, onRecordSince: membership.createdAt }, {
    allowed,
    field: 'termEndsOn',
    zh: `${listing.zh}（未登记期限，至移出为止计入）；首次登记的期限 ${termEndsOn} 届满，将自 ${from} 起把它从以往各日抹去（以往各日的评估和复核据此作出），与倒签的移出相同，须由第二人（${zhRoles(allowed)}）录入。${actor.role} 可登记届满日不早于昨日（${addDays(today, -1)}）的期限；法院决定载明更早届满日的，请交 ${zhRoles(allowed)} 录入。`,
    en: `${listing.en} (no term recorded: it counts until removed); a first term ending ${termEndsOn} would erase it from the days from ${from} on, which past as-of evaluations and rechecks read, as a back-dated removal would. Entering it takes a second person: one of ${enRoles(allowed)}. The ${actor.role} role may record a term ending yesterday (${addDays(today, -1)}) or later; a court decision that states an earlier end is entered by ${enRoles(allowed)}.`,
  });
}

/**
 * lawyer22 W2: withdrawing a listing as entered in error erases it from every day since its listing day.
 * On a listing on record before today whose day has passed, that rewrites days the registry has answered
 * for, so it takes a second person: OFFICER or ADMIN (PERMISSIONS.correctListingHistory) — the clerk who
 * registers listings, whoever entered this one, does not withdraw it alone. A listing entered today, or
 * one whose listing day has not come, changes no day anyone has read: CLERK, OFFICER and ADMIN.
 * The officer who withdraws it is not the person who listed it (hostile29 F10, `enteredBy` from the
 * listing's LIST_SUBJECT audit event).
 */
export function assertMayWithdrawListing(actor: Viewer, membership: ListMembership, enteredBy: string | null): void {
  const allowed = PERMISSIONS.correctListingHistory;
  const listing = listingWords(membership);
  assertMayRewritePastDays(actor, { from: membership.listedOn, onRecordSince: membership.createdAt, enteredBy }, {
    allowed,
    row: { zh: `该列入（${membership.listedOn} 列入 ${membership.list}，${membership.documentNumber}）`, en: `The listing on ${membership.list} (listed ${membership.listedOn}, ${membership.documentNumber})` },
    field: 'membershipId',
    zh: `${listing.zh}；作为误登记撤回将把它从 ${membership.listedOn} 以来的每一天抹去（以往各日的评估和复核据此作出），须由第二人（${zhRoles(allowed)}）办理。请将核实材料交 ${zhRoles(allowed)} 撤回；今日登记的列入，${actor.role} 可自行撤回。`,
    en: `${listing.en}; withdrawing it as entered in error would erase it from every day since ${membership.listedOn}, which past as-of evaluations and rechecks read. That takes a second person: one of ${enRoles(allowed)}. Hand the finding to ${enRoles(allowed)}; a listing entered today the ${actor.role} role may withdraw itself.`,
  });
}
