import { PERMISSIONS, type Viewer } from '../auth/role';
import { chinaDate, chinaToday } from '../domain/day';
import type { CourtCase } from '../db/entities';
import { assertMayRewritePastDays, enRoles, secondPersonsFor, zhRoles } from './past-days';

/**
 * hostile30 F1: `updateCourtCase` let one clerk rewrite a case on record before today over past days
 * — a back-dated `defaulterRemovedOn` or `judgmentDefaulter: false` took the case's defaulter listing
 * off every past day since (verdict facts store `cases[].defaulterOnDay`), and a first `hearingOn`
 * entered after an absence finding moved the day the absence counts by, so a past window's
 * `headAbsences` changed. Like a listing's removal (listing-past-days.ts), that takes a second person
 * (past-days.ts); on a case entered today, or dated from today on, it stays the clerk's.
 */
export const PAST_CASE_REWRITERS = secondPersonsFor(PERMISSIONS.writeRegistry);

/** What the change asks of the defaulter listing and the hearing day, as the case will stand after it. */
export interface CaseDayChanges {
  judgmentDefaulter: boolean;
  defaulterListedOn: string | null;
  defaulterRemovedOn: string | null;
  hearingOn: string | null;
}

const earliest = (days: (string | null | undefined)[]): string | null => days.filter((d): d is string => !!d).sort()[0] ?? null;

/**
 * The first day of the case's defaulter listing the change alters: the earlier of the old and new
 * days for a moved listing or removal day; the listing's first day when judgmentDefaulter flips.
 */
function defaulterFrom(before: CourtCase, after: CaseDayChanges): { from: string; field: string } | null {
  const found: { from: string; field: string }[] = [];
  if (after.judgmentDefaulter !== before.judgmentDefaulter) {
    const from = earliest([before.defaulterListedOn, after.defaulterListedOn, before.filedOn]);
    if (from) found.push({ from, field: 'judgmentDefaulter' });
  }
  if (after.defaulterListedOn !== (before.defaulterListedOn ?? null)) {
    const from = earliest([before.defaulterListedOn, after.defaulterListedOn]);
    if (from) found.push({ from, field: 'defaulterListedOn' });
  }
  if (after.defaulterRemovedOn !== (before.defaulterRemovedOn ?? null)) {
    const from = earliest([before.defaulterRemovedOn, after.defaulterRemovedOn]);
    if (from) found.push({ from, field: 'defaulterRemovedOn' });
  }
  return found.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))[0] ?? null;
}

/** Call before anything is written: refuses a clerk's change that rewrites the case's past days. */
export function assertMayRewriteCaseDays(actor: Viewer, courtCase: CourtCase, after: CaseDayChanges, enteredBy: string | null): void {
  const today = chinaToday();
  const allowed = PAST_CASE_REWRITERS;
  const since = chinaDate(courtCase.createdAt);
  const row = { zh: `案件 ${courtCase.caseNumber}`, en: `Case ${courtCase.caseNumber}` };
  const defaulter = defaulterFrom(courtCase, after);
  if (defaulter) {
    assertMayRewritePastDays(actor, { from: defaulter.from, onRecordSince: courtCase.createdAt, enteredBy }, {
      allowed,
      field: defaulter.field,
      row,
      zh: `案件 ${courtCase.caseNumber}（${since} 登记）的失信被执行人登记在登记簿上一直计入至今；此次更改（${defaulter.field}）将自 ${defaulter.from} 起改写以往各日的登记（以往各日的评估和复核据此作出），须由第二人（${zhRoles(allowed)}）录入。${actor.role} 可以今日（${today}）为移出日期录入；法院决定载明更早日期的，请交 ${zhRoles(allowed)} 录入。`,
      en: `case ${courtCase.caseNumber} (on record since ${since}) has counted its judgment-defaulter listing on the registry's word every day to today; this change (${defaulter.field}) would rewrite the days from ${defaulter.from} on, which past as-of evaluations and rechecks read. Entering it takes a second person: one of ${enRoles(allowed)}. The ${actor.role} role may enter a removal dated today (${today}); a court decision that states an earlier day is entered by ${enRoles(allowed)}.`,
    });
  }
  // A first hearing day after a finding moves the day the absence counts by from the filing day on.
  if (courtCase.absenceFinding && courtCase.hearingOn == null && after.hearingOn != null) {
    assertMayRewritePastDays(actor, { from: courtCase.filedOn, onRecordSince: courtCase.createdAt, enteredBy }, {
      allowed,
      field: 'hearingOn',
      row,
      zh: `案件 ${courtCase.caseNumber}（${since} 登记）已有负责人出庭认定，未登记开庭日时按立案日（${courtCase.filedOn}）计入各期考核；补登开庭日 ${after.hearingOn} 将改写以往各期的计数，须由第二人（${zhRoles(allowed)}）录入。`,
      en: `case ${courtCase.caseNumber} (on record since ${since}) has a finding on the head's absence, counted by the filing day (${courtCase.filedOn}) while no hearing day is recorded; a first hearing day of ${after.hearingOn} would rewrite the counts of past periods. Entering it takes a second person: one of ${enRoles(allowed)}.`,
    });
  }
}
