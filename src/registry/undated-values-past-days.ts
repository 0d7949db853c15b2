import { PERMISSIONS, type Viewer } from '../auth/role';
import { chinaDate, chinaToday } from '../domain/day';
import { assertMayRewritePastDays, enRoles, secondPersonsFor, zhRoles } from './past-days';

/**
 * hostile31 F6: an agency's `level` decides the integrity-title and performance rules (三(五), 三(六):
 * STREET/TOWNSHIP or not) as much as its kind, and a civil servant's `leadingCadre` decides 四(四)
 * against 三(四). Neither has a history ("Today's values" in README): a change is read on every past
 * day, by as-of evaluations and rechecks alike. So a change of such a value on a row on record before
 * today rewrites past days, as a back-dated removal does (past-days.ts), and takes a second person;
 * of those who write the registry that is ADMIN. A row registered today is the clerk's to correct.
 * (A stated kind has its own gate, confirmAgencyKind, because an officer confirms the estimated kinds.)
 */
export const UNDATED_VALUE_REWRITERS = secondPersonsFor(PERMISSIONS.writeRegistry);

export interface UndatedValueChange {
  /** The input field changed ('level', 'leadingCadre'). */
  field: string;
  /** Whose value, for the message: "机构 X" / "agency X". */
  whose: { zh: string; en: string };
  /** What the value decides, for the message. */
  decides: { zh: string; en: string };
  old: string;
  next: string;
  /** When the row reached the registry. */
  onRecordSince: Date;
}

export function assertMayChangeUndatedValue(actor: Viewer, change: UndatedValueChange): void {
  const since = chinaDate(change.onRecordSince);
  const today = chinaToday();
  const allowed = UNDATED_VALUE_REWRITERS;
  assertMayRewritePastDays(actor, { from: since, onRecordSince: change.onRecordSince }, {
    allowed,
    field: change.field,
    zh: `${change.whose.zh}的 ${change.field}（${change.old}，${since} 起在册）没有历史记录，改为 ${change.next} 将改写以往各日的截至日评估和复核（${change.decides.zh}），须由第二人（${zhRoles(allowed)}）录入。${actor.role} 可更正今日（${today}）登记的主体；登记簿所载有误或已变更的，请交 ${zhRoles(allowed)} 录入。`,
    en: `the ${change.field} of ${change.whose.en} (${change.old}, on record since ${since}) has no history, so changing it to ${change.next} would rewrite every past day's as-of evaluations and rechecks (${change.decides.en}). Entering it takes a second person: one of ${enRoles(allowed)}. The ${actor.role} role may correct a subject registered today (${today}); a value on record that is wrong or has changed is entered by ${enRoles(allowed)}.`,
  });
}
