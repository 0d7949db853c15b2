import { PERMISSIONS, Role, type Viewer } from '../auth/role';
import { chinaToday } from '../domain/day';
import { secondPersonRequired } from './second-person';

/**
 * Who may enter alone an objection dated before the day it is entered: ADMIN, and the roles that may
 * file objections other than CLERK (today that is ADMIN alone).
 */
export const BACKDATED_OBJECTION_FILERS: readonly Role[] = [...new Set<Role>([Role.ADMIN, ...PERMISSIONS.writeRegistry.filter((role) => role !== Role.CLERK)])];

/**
 * hostile18 F2: a record or finding counts on no day while it is disputed, i.e. from the objection's
 * filedOn until it is decided. An objection dated before today therefore rewrites past days that
 * as-of evaluations and rechecks already read: one clerk filing it back-dated to the record's
 * recordedOn and rejecting it today erased the record from every day in between, for good. As with
 * a grade ended on a past day (credit-grade.service.ts, hostile17 F5), that takes a second person.
 * An objection dated today (China Standard Time) changes no past day and stays the clerk's.
 */
export function assertMayFileFrom(actor: Viewer, filedOn: string, objectedTo: { zh: string; en: string }): void {
  const today = chinaToday();
  if (filedOn >= today || BACKDATED_OBJECTION_FILERS.includes(actor.role)) return;
  const allowed = BACKDATED_OBJECTION_FILERS;
  throw secondPersonRequired(
    `对${objectedTo.zh}的异议提出日为 ${filedOn}，早于录入之日（今日 ${today}）：自提出日起该${objectedTo.zh}按有争议计，倒签的异议将改写自 ${filedOn} 起的以往各日（以往各日的评估和复核据此作出），须由第二人（${allowed.join('、')}）录入。${actor.role} 可以今日（${today}）为提出日录入该异议。未作任何更改。 / `
      + `the objection to the ${objectedTo.en} is dated ${filedOn}, before the day it is entered (today, ${today}): from its filedOn on the ${objectedTo.en} counts as disputed, so a back-dated objection would rewrite the days from ${filedOn} on, which past as-of evaluations and rechecks read. Entering it takes a second person: one of ${allowed.join(', ')}. The ${actor.role} role may file it dated today (${today}). Nothing was changed.`,
    { field: 'filedOn', role: actor.role, allowed },
  );
}
