import { PERMISSIONS, type Role, type Viewer } from '../auth/role';
import { chinaDate, chinaToday } from '../domain/day';
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

/** Who decides alone an objection dated before today: deciding is PERMISSIONS.decide (CLERK, ADMIN), so ADMIN. */
export const PAST_OBJECTION_DECIDERS: readonly Role[] = secondPersonsFor(PERMISSIONS.decide);

/**
 * hostile29 F3: an objection suspends (and counts as pending, renewed or not) from its filing day until
 * its resolvedOn. Decided with a resolvedOn before today, an objection on record before today ends the
 * dispute on days the registry had answered for as disputed: one clerk rejecting an objection pending
 * since 2022 "on" its filing day made the record count, undisputed, on every day since, and past as-of
 * evaluations and rechecks flipped. Upheld and dated back, it rewrites the same days the other way (a
 * finding revoked from a past day). Either way it is the mirror of a back-dated filing and takes the
 * same second person (past-days.ts). A decision dated today, or on an objection entered today, is the
 * decider's.
 */
export function assertMayDecideFrom(
  actor: Viewer,
  objection: { filedOn: string; createdAt: Date },
  resolvedOn: string,
  objectedTo: { zh: string; en: string },
): void {
  const today = chinaToday();
  const allowed = PAST_OBJECTION_DECIDERS;
  assertMayRewritePastDays(actor, { from: resolvedOn, onRecordSince: objection.createdAt }, {
    allowed,
    field: 'resolvedOn',
    zh: `该异议（${objection.filedOn} 提出，${chinaDate(objection.createdAt)} 登记）在登记簿上至今未处理，其间该${objectedTo.zh}按有异议计；处理日期 ${resolvedOn} 早于今日（${today}），将改写自 ${resolvedOn} 起的以往各日（以往各日的评估和复核据此作出），与倒签的异议相同，须由第二人（${zhRoles(allowed)}）录入。${actor.role} 可以今日（${today}）为处理日期录入；处理决定载明更早日期的，请交 ${zhRoles(allowed)} 录入。`,
    en: `the objection (filed ${objection.filedOn}, on record since ${chinaDate(objection.createdAt)}) has stood undecided on the registry's word every day to today, the ${objectedTo.en} counting as objected to meanwhile; a decision dated ${resolvedOn}, before today (${today}), would rewrite the days from ${resolvedOn} on, which past as-of evaluations and rechecks read, as a back-dated objection would. Entering it takes a second person: one of ${enRoles(allowed)}. The ${actor.role} role may enter the decision dated today (${today}); a decision that states an earlier day is entered by ${enRoles(allowed)}.`,
  });
}

/**
 * hostile29 F5: an admission suspends the record from admittedOn; dated before today it rewrites the days
 * since, as a back-dated filing does, and takes ADMIN. The refusal names admittedOn and speaks of
 * admitting: the officer who asked admits, it does not file.
 */
export function assertMayAdmitFrom(actor: Viewer, admittedOn: string, objectedTo: { zh: string; en: string } = { zh: '记录', en: 'record' }): void {
  const today = chinaToday();
  const allowed = BACKDATED_OBJECTION_FILERS;
  assertMayRewritePastDays(actor, { from: admittedOn }, {
    allowed,
    field: 'admittedOn',
    zh: `受理日 ${admittedOn} 早于今日（${today}）：自受理日起该${objectedTo.zh}按有异议计（中止其效力），倒签的受理将改写自 ${admittedOn} 起的以往各日（以往各日的评估和复核据此作出），须由第二人（${zhRoles(allowed)}）录入。${actor.role} 可以今日（${today}）为受理日受理该异议；受理决定载明更早日期的，请交 ${zhRoles(allowed)} 录入。`,
    en: `the admission is dated ${admittedOn}, before today (${today}): from its admittedOn the ${objectedTo.en} counts as objected to (suspended), so a back-dated admission would rewrite the days from ${admittedOn} on, which past as-of evaluations and rechecks read. Entering it takes a second person: one of ${enRoles(allowed)}. The ${actor.role} role may admit the objection dated today (${today}); an admission that states an earlier day is entered by ${enRoles(allowed)}.`,
  });
}
