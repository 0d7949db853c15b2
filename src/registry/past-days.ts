import { Role, type Viewer } from '../auth/role';
import { chinaDate, chinaToday } from '../domain/day';
import { assertNotWhoEntered, secondPersonRequired } from './second-person';

/**
 * One rule for every change that reaches back over days the registry has already answered for
 * (hostile17 F5 grades, hostile18 F2 objections, hostile21 F4–F6 removals, listing terms, repairs).
 *
 * A row on record before today has counted, on the registry's word, every day up to today, and past
 * as-of evaluations and rechecks read it so; stored verdicts keep their facts but rechecks do not.
 * A change taking effect from a day before today rewrites those days. The clerk records decisions
 * that name their own day, so the day alone proves nothing: one clerk typing an earlier day would
 * erase a listing, a grade or a record from every past day. That takes a second person. A change
 * from today on, or to a row entered today (a history typed in from the papers, a slip corrected the
 * same day), changes no day anyone has read before, and stays the clerk's.
 */
export interface PastDaysChange {
  /** The first day the change alters (a removal's day, the day after a term's last day, an approval's day). */
  from: string;
  /**
   * When the row whose days are rewritten reached the registry. Left out for a row entered by the
   * change itself (an objection), whose back-dating always reaches days others have read.
   */
  onRecordSince?: Date;
  /**
   * Who entered that row (a token's `sub`), when known: the second person is someone else (hostile29 F10).
   * Null or left out when the row does not say and the audit trail cannot tell.
   */
  enteredBy?: string | null;
}

/** True when the change alters a day before today of a row on record before today (China Standard Time). */
export function rewritesPastDays(change: PastDaysChange, today: string = chinaToday()): boolean {
  return change.from < today && (!change.onRecordSince || chinaDate(change.onRecordSince) < today);
}

/**
 * The second persons for registry work that `roles` may do: ADMIN (the break-glass role, audited
 * like every act) and every role with that permission but the CLERK who does it day to day. For the
 * registry's permissions today that is ADMIN alone.
 */
export function secondPersonsFor(roles: readonly Role[]): readonly Role[] {
  return [...new Set<Role>([Role.ADMIN, ...roles.filter((role) => role !== Role.CLERK)])];
}

export interface PastDaysRefusal {
  /** Who may make the change alone. */
  allowed: readonly Role[];
  /** The input field that dates the change, when one does. */
  field?: string;
  /** What was asked and how the caller may proceed, without the closing "nothing was changed". */
  zh: string;
  en: string;
  /** What the row is, for a refusal to the one who entered it ("该列入" / "The listing"). */
  row?: { zh: string; en: string };
}

/**
 * FORBIDDEN with `reason: SECOND_PERSON_REQUIRED` (field, role, allowed) when `change` rewrites past
 * days and the caller's role is not among `allowed`, or is but the caller's `sub` entered the row
 * (`change.enteredBy`, hostile29 F10); call it before anything is written.
 */
export function assertMayRewritePastDays(actor: Viewer, change: PastDaysChange, refusal: PastDaysRefusal): void {
  if (!rewritesPastDays(change)) return;
  if (refusal.allowed.includes(actor.role)) {
    const row = refusal.row ?? { zh: '该行', en: 'The row' };
    assertNotWhoEntered(actor, change.enteredBy, { ...row, field: refusal.field, others: refusal.allowed });
    return;
  }
  throw secondPersonRequired(`${refusal.zh}未作任何更改。 / ${refusal.en} Nothing was changed.`, {
    ...(refusal.field ? { field: refusal.field } : {}),
    role: actor.role,
    allowed: refusal.allowed,
  });
}

/** "ADMIN" / "OFFICER、ADMIN": who may, for the Chinese half of a message. */
export const zhRoles = (roles: readonly Role[]) => roles.join('、');
/** "ADMIN" / "OFFICER, ADMIN": who may, for the English half. */
export const enRoles = (roles: readonly Role[]) => roles.join(', ');
