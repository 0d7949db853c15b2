import type { CreditGrade } from './subject';

/**
 * An enterprise's credit grade (信用评价等级, 四(一)) over time. A grade holds from the day it was
 * given (`gradedOn`) until the day it ended (`endedOn`, that day excluded), unless it was entered in
 * error: then it never held on any day, and a past as-of evaluation no longer sees it.
 *
 * - REPLACED: a new grade was given; the old one ends the day the new one is graded.
 * - WITHDRAWN: the grade was withdrawn (撤销) from a day; it counted until then.
 * - ENTERED_IN_ERROR: it was registered by mistake (wrong enterprise, wrong letter) and never counted;
 *   the grade it had replaced holds again, as if it had never been replaced.
 */
export enum CreditGradeEnd {
  REPLACED = 'REPLACED',
  WITHDRAWN = 'WITHDRAWN',
  ENTERED_IN_ERROR = 'ENTERED_IN_ERROR',
}

/** One grade of the history as the facts read it. */
export interface CreditGradeLike {
  grade: CreditGrade;
  gradedOn: string;
  endedOn: string | null;
  endReason: CreditGradeEnd | null;
}

/** Whether `entry` held on `day` ('YYYY-MM-DD'). */
export function heldOn(entry: CreditGradeLike, day: string): boolean {
  return entry.endReason !== CreditGradeEnd.ENTERED_IN_ERROR && entry.gradedOn <= day && (entry.endedOn === null || day < entry.endedOn);
}

/** The grade in force on `day`, or null when none was (never graded, not yet graded, withdrawn). */
export function gradeOn(history: readonly CreditGradeLike[], day: string): CreditGrade | null {
  return history.find((entry) => heldOn(entry, day))?.grade ?? null;
}
