import { PERMISSIONS, type Viewer } from '../auth/role';
import { chinaDate, chinaToday } from '../domain/day';
import type { CreditRecord, CreditRepair } from '../db/entities';
import type { RepairRelief } from '../domain/credit-repair';
import { assertMayRewritePastDays, enRoles, secondPersonsFor, zhRoles } from './past-days';

/**
 * Who decides alone a repair that reaches back over past days: decideCreditRepair and
 * stateRepairRelief are the deciders' work (PERMISSIONS.decide, CLERK and ADMIN), so of the second
 * persons ADMIN alone (past-days.ts), as for a back-dated objection.
 */
export const PAST_REPAIR_DECIDERS = secondPersonsFor(PERMISSIONS.decide);

/**
 * hostile21 F6: an approval takes the record's effect away from its decidedOn (WAIVE) or lowers it
 * (LIGHTEN). Dated before today on a record on record before today, it rewrites every past day since,
 * which as-of evaluations and rechecks read: one clerk deciding an application someone else entered
 * dated the approval back to 2019 and an AWARD restriction of 2019–2021 was gone from every recheck.
 * The second-person rule against the application's enterer (second-person.ts) does not help there,
 * since the approver alone picks the day. A back-dated objection rewrites the same days and takes
 * ADMIN (hostile18 F2); so does this. Bounding decidedOn by the day the application was entered
 * instead would still let one approver reach back over every day it was pending, however long.
 * Rejections take nothing away and stay anyone's with `decide`.
 */
export function assertMayApproveFrom(actor: Viewer, record: CreditRecord, decidedOn: string): void {
  const today = chinaToday();
  const allowed = PAST_REPAIR_DECIDERS;
  assertMayRewritePastDays(actor, { from: decidedOn, onRecordSince: record.createdAt }, {
    allowed,
    field: 'decidedOn',
    zh: `该失信记录（${record.documentNumber}，${chinaDate(record.createdAt)} 登记）在登记簿上一直计入至今；批准日期 ${decidedOn} 早于录入之日（今日 ${today}），修复将自 ${decidedOn} 起改写以往各日（以往各日的评估和复核据此作出），与倒签的异议相同，须由第二人（${zhRoles(allowed)}）录入。${actor.role} 可以今日（${today}）为批准日期录入；批准决定载明更早日期的，请交 ${zhRoles(allowed)} 录入。`,
    en: `the dishonesty record (${record.documentNumber}, on record since ${chinaDate(record.createdAt)}) has counted on the registry's word every day to today; an approval dated ${decidedOn}, before the day it is entered (today, ${today}), would rewrite the days from ${decidedOn} on, which past as-of evaluations and rechecks read, as a back-dated objection would. Entering it takes a second person: one of ${enRoles(allowed)}. The ${actor.role} role may enter the approval dated today (${today}); an approval decision that states an earlier day is entered by ${enRoles(allowed)}.`,
  });
}

/**
 * hostile21 F6, the legacy door: a stated relief holds from the approval day, always before today for
 * the approvals it is stated for (recorded without one before reliefs were required, filled with
 * WAIVE). Stating the relief recorded changes no day and stays the clerk's; stating another one
 * rewrites every day since the approval and takes the same second person.
 */
export function assertMayRestateRelief(actor: Viewer, repair: CreditRepair, relief: RepairRelief): void {
  if (relief === repair.relief) return;
  const today = chinaToday();
  const allowed = PAST_REPAIR_DECIDERS;
  const approvedOn = repair.decidedOn!;
  assertMayRewritePastDays(actor, { from: approvedOn, onRecordSince: repair.createdAt }, {
    allowed,
    field: 'relief',
    zh: `该修复于 ${approvedOn} 批准，登记的救济方式为 ${repair.relief}（批准时未写明）；写明为 ${relief} 将自批准之日 ${approvedOn} 起改写以往各日（以往各日的评估和复核据此作出），须由第二人（${zhRoles(allowed)}）录入。${actor.role} 可写明与登记相同的救济方式（${repair.relief}）；批准机关写明的救济方式不同的，请交 ${zhRoles(allowed)} 录入。`,
    en: `the repair was approved on ${approvedOn} with the relief ${repair.relief} recorded (the approval did not state one); stating ${relief} would rewrite the days from the approval day ${approvedOn} on, which past as-of evaluations and rechecks read. Entering it takes a second person: one of ${enRoles(allowed)}. The ${actor.role} role may state the relief recorded (${repair.relief}); a different relief stated by the approving body is entered by ${enRoles(allowed)}.`,
  });
}
