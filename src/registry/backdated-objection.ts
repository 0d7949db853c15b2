import { PERMISSIONS, type Role, type Viewer } from '../auth/role';
import { chinaToday } from '../domain/day';
import { assertMayRewritePastDays, enRoles, secondPersonsFor, zhRoles } from './past-days';

/**
 * Who may enter alone an objection dated before the day it is entered: ADMIN, and the roles that may
 * file objections other than CLERK (today that is ADMIN alone).
 */
export const BACKDATED_OBJECTION_FILERS: readonly Role[] = secondPersonsFor(PERMISSIONS.writeRegistry);

/**
 * hostile18 F2: a record or finding counts on no day while it is disputed, i.e. from the objection's
 * filedOn until it is decided. An objection dated before today therefore rewrites past days that
 * as-of evaluations and rechecks already read: one clerk filing it back-dated to the record's
 * recordedOn and rejecting it today erased the record from every day in between, for good. As with
 * a grade ended on a past day (credit-grade.service.ts, hostile17 F5), that takes a second person
 * (past-days.ts). An objection dated today (China Standard Time) changes no past day and stays the
 * clerk's. The objection is the new row, so the record's own age does not matter here.
 */
export function assertMayFileFrom(actor: Viewer, filedOn: string, objectedTo: { zh: string; en: string }): void {
  const today = chinaToday();
  const allowed = BACKDATED_OBJECTION_FILERS;
  assertMayRewritePastDays(actor, { from: filedOn }, {
    allowed,
    field: 'filedOn',
    zh: `对${objectedTo.zh}的异议提出日为 ${filedOn}，早于录入之日（今日 ${today}）：自提出日起该${objectedTo.zh}按有争议计，倒签的异议将改写自 ${filedOn} 起的以往各日（以往各日的评估和复核据此作出），须由第二人（${zhRoles(allowed)}）录入。${actor.role} 可以今日（${today}）为提出日录入该异议。`,
    en: `the objection to the ${objectedTo.en} is dated ${filedOn}, before the day it is entered (today, ${today}): from its filedOn on the ${objectedTo.en} counts as disputed, so a back-dated objection would rewrite the days from ${filedOn} on, which past as-of evaluations and rechecks read. Entering it takes a second person: one of ${enRoles(allowed)}. The ${actor.role} role may file it dated today (${today}).`,
  });
}
