import type { EntityManager } from '@mikro-orm/postgresql';
import { withAudit } from '../audit/audit.service';
import { GraphQLError } from 'graphql';
import { PERMISSIONS, type Role, type Viewer } from '../auth/role';
import { AuditAction } from '../domain/audit';
import { CreditGradeEnd } from '../domain/credit-grade';
import { chinaDate, chinaToday } from '../domain/day';
import { Enterprise, EnterpriseCreditGrade } from '../db/entities';
import { SubjectType, type CreditGrade } from '../domain/subject';
import { BadUserInputError } from '../errors';
import { findOrFail } from '../db/repositories/lookup';
import { assertMayRewritePastDays, enRoles, type PastDaysChange, rewritesPastDays, zhRoles } from './past-days';
import { assertNotWhoEntered, secondPersonRequired } from './second-person';

/** What an update may change of an enterprise, as its audit event records it. */
export const ENTERPRISE_FIELDS = ['name', 'creditGrade', 'gradedOn'] as const;

/** The grade in force now (not ended), if any. */
function openGrade(tx: EntityManager, enterprise: Enterprise) {
  return tx.findOne(EnterpriseCreditGrade, { enterprise, endReason: null });
}

/** The last grade that counted, ended or not: a new grade may not begin on a day it already covered. */
function lastCounted(tx: EntityManager, enterprise: Enterprise) {
  return tx.findOne(EnterpriseCreditGrade, { enterprise, $or: [{ endReason: null }, { endReason: { $ne: CreditGradeEnd.ENTERED_IN_ERROR } }] }, { orderBy: { gradedOn: 'desc', createdAt: 'desc' } });
}

/**
 * hostile8 F7 and issue 10: a new grade holds from a day on or after every day a grade that counted
 * already covered. Dated before the open grade, it would replace it on days it held (and it would
 * vanish from every day); dated inside a withdrawn grade's days, two grades would hold on one day.
 */
function assertNotBackdated(last: EnterpriseCreditGrade | null, gradedOn: string): void {
  if (!last) return;
  if (gradedOn < last.gradedOn) {
    throw new BadUserInputError('gradedOn', `${gradedOn} 早于现有信用等级 ${last.grade} 的评定之日 ${last.gradedOn}：新等级不能倒签覆盖现有等级，请填写新等级的实际评定之日（不早于 ${last.gradedOn}）。 / ${gradedOn} is before the current grade ${last.grade}'s gradedOn ${last.gradedOn}: a new grade cannot be backdated over the one it replaces. Give the day the new grade was awarded (on or after ${last.gradedOn}).`);
  }
  if (last.endedOn && gradedOn < last.endedOn) {
    throw new BadUserInputError('gradedOn', `${gradedOn} 早于信用等级 ${last.grade}（${last.gradedOn} 评定）的撤销之日 ${last.endedOn}：该等级在此之前有效，新等级不能与之重叠，请填写不早于 ${last.endedOn} 的评定之日。 / ${gradedOn} is before ${last.endedOn}, the day grade ${last.grade} (given ${last.gradedOn}) was withdrawn: it held until then, and a new grade cannot overlap it. Give a gradedOn on or after ${last.endedOn}.`);
  }
}

const BACKDATING_REGRADERS: readonly Role[] = PERMISSIONS.writeRegistry.filter((role) => (PERMISSIONS.correctGradeHistory as readonly Role[]).includes(role));

/**
 * hostile17 F5: a grade on record before today has held, on the registry's word, every day from its
 * gradedOn to today, and past as-of evaluations and rechecks read it so. Ending it on an earlier day
 * (a new grade dated back, WITHDRAWN from a past day, ENTERED_IN_ERROR) rewrites those days: one clerk
 * turned a D that held all of 2023 into an A, or into one day of D. That takes a second person
 * (correctGradeHistory: OFFICER, ADMIN; a back-dated new grade ADMIN, as updateEnterprise is registry work). The clerk ends a grade from today on, and any grade entered
 * today however it is dated (a grade history entered from the papers, oldest first; a slip corrected).
 * The rule is past-days.ts's, shared with objections, removals, listing terms and repairs.
 */
const endsFrom = (open: EnterpriseCreditGrade, from: string): PastDaysChange => ({ from, onRecordSince: open.createdAt, enteredBy: open.enteredBy });

function assertMayEndFrom(actor: Viewer, open: EnterpriseCreditGrade, from: string, how: { zh: string; en: string }, allowed: readonly Role[]): void {
  const today = chinaToday();
  assertMayRewritePastDays(actor, endsFrom(open, from), {
    allowed,
    row: { zh: `信用等级 ${open.grade}（${open.gradedOn} 评定）`, en: `Grade ${open.grade} given ${open.gradedOn}` },
    zh: `信用等级 ${open.grade}（${open.gradedOn} 评定，${chinaDate(open.createdAt)} 登记）在登记簿上一直有效至今；${how.zh}将自 ${from} 起改写它已有效的日子（以往各日的评估和复核据此作出），须由第二人（${zhRoles(allowed)}）办理。${actor.role} 可自今日（${today}）起终止该等级。`,
    en: `grade ${open.grade}, given ${open.gradedOn} and on record since ${chinaDate(open.createdAt)}, has held on the registry's word every day to today; ${how.en} would rewrite the days from ${from} on, which past as-of evaluations and rechecks read. That takes a second person: one of ${enRoles(allowed)}. The ${actor.role} role may end it from today (${today}) on.`,
  });
}

/**
 * Gives `enterprise` a grade from `gradedOn`, inside a use case's transaction: the open grade ends
 * that day (REPLACED), the new one opens, and the enterprise row carries it as its current grade.
 * The same grade given again on the same day changes nothing.
 */
export async function giveGrade(tx: EntityManager, actor: Viewer, enterprise: Enterprise, grade: CreditGrade, gradedOn: string): Promise<void> {
  assertNotBackdated(await lastCounted(tx, enterprise), gradedOn);
  const open = await openGrade(tx, enterprise);
  if (open?.grade === grade && open.gradedOn === gradedOn) return;
  // updateEnterprise is registry work (writeRegistry): of the second persons, ADMIN alone may do it.
  if (open) assertMayEndFrom(actor, open, gradedOn, { zh: `评定新等级 ${grade}（${gradedOn}）`, en: `a new grade ${grade} given ${gradedOn}` }, BACKDATING_REGRADERS);
  if (open) {
    open.endedOn = gradedOn;
    open.endReason = CreditGradeEnd.REPLACED;
    // One open grade per enterprise is a unique index, checked row by row: end the old one before the new one is inserted.
    await tx.flush();
  }
  tx.create(EnterpriseCreditGrade, { enterprise, grade, gradedOn, enteredBy: actor.subject ?? null });
  enterprise.creditGrade = grade;
  enterprise.gradedOn = gradedOn;
}

/** How a grade is cleared (withdrawCreditGrade). */
export interface GradeWithdrawal {
  reason: CreditGradeEnd;
  /** WITHDRAWN: the first day it no longer held. ENTERED_IN_ERROR: none, it never held. */
  on?: string | null;
}

function assertWithdrawal(open: EnterpriseCreditGrade, input: GradeWithdrawal): void {
  if (input.reason === CreditGradeEnd.REPLACED) {
    throw new BadUserInputError('reason', 'REPLACED 不是清除：给出新等级请用 updateEnterprise(input: { creditGrade, gradedOn })，原等级自新等级评定之日起终止。 / REPLACED is not a way to clear a grade: give the new grade with updateEnterprise(input: { creditGrade, gradedOn }), and the old one ends the day the new one is given.');
  }
  if (input.reason === CreditGradeEnd.WITHDRAWN) {
    if (!input.on) throw new BadUserInputError('on', '撤销等级须填写撤销之日（该日起不再有效）。 / is required with WITHDRAWN: the first day the grade no longer held.');
    if (input.on <= open.gradedOn) {
      throw new BadUserInputError('on', `${input.on} 不晚于等级 ${open.grade} 的评定之日 ${open.gradedOn}：若该等级从未生效，请用 reason: ENTERED_IN_ERROR。 / ${input.on} is not after grade ${open.grade}'s gradedOn ${open.gradedOn}: a grade withdrawn from that day never held; if it never counted, use reason: ENTERED_IN_ERROR.`);
    }
  }
  if (input.reason === CreditGradeEnd.ENTERED_IN_ERROR && input.on) {
    throw new BadUserInputError('on', '误登记的等级从未生效，不填撤销之日。 / must be left out with ENTERED_IN_ERROR: a grade entered in error never held on any day.');
  }
}

/**
 * Who may clear this grade this way (hostile12 F5). ENTERED_IN_ERROR erases a grade from every past
 * day and reopens the one it had replaced; repeated, a clerk alone could walk an enterprise's grade
 * history back to its start (a past D that barred it from procurement gone from every as-of
 * evaluation and recheck). The latest grade entered is the clerk's to correct (writeRegistry); a
 * grade that holds again because one entered after it was withdrawn in error is older history,
 * withdrawn in error only by a second person (correctGradeHistory: OFFICER, ADMIN). So is ending a
 * grade on record before today on a past day (hostile17 F5, assertMayEndFrom). Withdrawing it from
 * today on (WITHDRAWN), which keeps the days it held, stays the clerk's; the officer does only these.
 */
async function assertMayWithdraw(tx: EntityManager, actor: Viewer, enterprise: Enterprise, open: EnterpriseCreditGrade, input: GradeWithdrawal): Promise<void> {
  // Withdrawn in error, a grade never held: its days from gradedOn on are rewritten.
  const from = input.reason === CreditGradeEnd.WITHDRAWN ? input.on! : open.gradedOn;
  if (rewritesPastDays(endsFrom(open, from))) {
    const how = input.reason === CreditGradeEnd.WITHDRAWN ? { zh: `自 ${from} 起撤销`, en: `withdrawing it from ${from}` } : { zh: '作为录入错误撤销', en: 'withdrawing it as entered in error' };
    return assertMayEndFrom(actor, open, from, how, PERMISSIONS.correctGradeHistory);
  }
  const reachesBack = input.reason === CreditGradeEnd.ENTERED_IN_ERROR
    && (await tx.count(EnterpriseCreditGrade, { enterprise, endReason: CreditGradeEnd.ENTERED_IN_ERROR, createdAt: { $gt: open.createdAt } })) > 0;
  const allowed: readonly Role[] = reachesBack ? PERMISSIONS.correctGradeHistory : PERMISSIONS.writeRegistry;
  // hostile29 F10: the officer reaching back is a second person, not whoever entered the grade.
  if (reachesBack && allowed.includes(actor.role)) assertNotWhoEntered(actor, open.enteredBy, { zh: `信用等级 ${open.grade}（${open.gradedOn} 评定）`, en: `Grade ${open.grade} given ${open.gradedOn}`, others: allowed });
  if (allowed.includes(actor.role)) return;
  const grade = `${open.grade}（${open.gradedOn} 评定）`;
  if (reachesBack) {
    throw secondPersonRequired(
      `withdrawCreditGrade: 信用等级 ${grade} 因其后录入的等级已作为录入错误撤销而恢复有效；再将其作为录入错误（ENTERED_IN_ERROR）撤销，会把它从以往每一天抹去、继续改写该企业更早的等级记录，须由第二人（${allowed.join('、')}）确认办理。${actor.role} 仍可自某日起撤销（WITHDRAWN）或评定新等级。未作任何更改。 / `
        + `withdrawCreditGrade: grade ${open.grade} given ${open.gradedOn} holds again because the grade entered after it was withdrawn as entered in error; withdrawing it in error too would erase it from every past day, rewriting the enterprise's grade history further back, which takes a second person: one of ${allowed.join(', ')}. The ${actor.role} role may still withdraw it from a day (WITHDRAWN) or give a new grade. Nothing was changed.`,
      { role: actor.role, allowed },
    );
  }
  // Not a second person's act: the officer asked for the clerk's registry work.
  throw new GraphQLError(
    `withdrawCreditGrade: ${input.reason === CreditGradeEnd.WITHDRAWN ? `自某日起撤销信用等级 ${grade}` : `将最近录入的信用等级 ${grade} 作为录入错误撤销`}属登记工作，由 ${allowed.join('、')} 办理；${actor.role} 只办理将因录入错误而恢复有效的更早等级作为录入错误撤销。未作任何更改。 / `
      + `withdrawCreditGrade: ${input.reason === CreditGradeEnd.WITHDRAWN ? `withdrawing grade ${open.grade} given ${open.gradedOn} from a day` : `withdrawing in error grade ${open.grade} given ${open.gradedOn}, the latest grade entered,`} is registry work for one of ${allowed.join(', ')}. The ${actor.role} role only withdraws in error an older grade that holds again after an entry in error. Nothing was changed.`,
    { extensions: { code: 'FORBIDDEN', http: { status: 403 }, role: actor.role, allowed } },
  );
}

/** What the audit trail adds to the changed fields: which grade ended, how, and what it means for past days. */
function endedWords(open: EnterpriseCreditGrade, input: GradeWithdrawal, reopened: EnterpriseCreditGrade | null): string {
  const grade = `grade ${open.grade} given ${open.gradedOn}`;
  if (input.reason === CreditGradeEnd.WITHDRAWN) return `${grade} WITHDRAWN from ${input.on}: it held until then`;
  return `${grade} ENTERED_IN_ERROR: it never held, past as-of evaluations no longer see it${reopened ? `; grade ${reopened.grade} given ${reopened.gradedOn}, which it had replaced, holds again` : ''}`;
}

/**
 * Clears an enterprise's grade in force, saying how (issue 10): WITHDRAWN from a day, the grade
 * having counted until then; or ENTERED_IN_ERROR, the grade never having counted at all — then the
 * grade it had replaced, if any, holds again as if never replaced (the enterprise row carries it).
 * Audited as an UPDATE_SUBJECT, the changed fields old → new and the ending in words.
 */
export async function withdrawCreditGrade(em: EntityManager, actor: Viewer, enterpriseId: string, input: GradeWithdrawal): Promise<Enterprise> {
  let ended = '';
  return withAudit(em, actor, AuditAction.UPDATE_SUBJECT, async (tx, correction) => {
    const enterprise = await findOrFail(tx, Enterprise, 'enterprise', enterpriseId, 'enterpriseId', { lock: true });
    const open = await openGrade(tx, enterprise);
    if (!open) {
      throw new BadUserInputError('enterpriseId', `企业 ${enterpriseId} 当前没有有效的信用等级，无可撤销。 / enterprise ${enterpriseId} has no credit grade in force to withdraw; its grades are in its audit trail and history.`);
    }
    assertWithdrawal(open, input);
    await assertMayWithdraw(tx, actor, enterprise, open, input);
    correction.of(enterprise, ENTERPRISE_FIELDS);
    let reopened: EnterpriseCreditGrade | null = null;
    open.endReason = input.reason;
    if (input.reason === CreditGradeEnd.WITHDRAWN) {
      open.endedOn = input.on;
      enterprise.creditGrade = null;
      enterprise.gradedOn = null;
    } else {
      reopened = await tx.findOne(EnterpriseCreditGrade, { enterprise, endReason: CreditGradeEnd.REPLACED, endedOn: open.gradedOn }, { orderBy: { gradedOn: 'desc', createdAt: 'desc' } });
      // The unique open grade again: the one in error is closed before the one it replaced reopens.
      await tx.flush();
      if (reopened) {
        reopened.endedOn = null;
        reopened.endReason = null;
      }
      enterprise.creditGrade = reopened?.grade ?? null;
      enterprise.gradedOn = reopened?.gradedOn ?? null;
    }
    ended = endedWords(open, input, reopened);
    return enterprise;
  }, (e, corrected) => ({ subjectType: SubjectType.ENTERPRISE, subjectId: e.id, outcome: `${corrected!.outcome}; ${ended}`.slice(0, 1000) }));
}
