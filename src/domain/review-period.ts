import { lastDayOf } from './period';

/** An annual review period (考核年度): its first and last day. */
export interface ReviewPeriod {
  from: string;
  to: string;
}

const MONTH_DAY = /^(\d{2})-(\d{2})$/;

/**
 * Is `startsOn` a day of the year every year has ("MM-DD", not 02-29)? A review year that started
 * on 29 February would have no first day in three years out of four.
 */
export function isYearStart(startsOn: string): boolean {
  const match = MONTH_DAY.exec(startsOn);
  if (!match) return false;
  const [month, day] = [Number(match[1]), Number(match[2])];
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(2001, month, 0)).getUTCDate();
}

/**
 * The annual review period that contains day `on`, for review years starting on `startsOn`
 * ("01-01": the calendar year): from the latest such day on or before `on`, for one calendar
 * year, through the day before its anniversary (period.ts's lastDayOf, as every period is counted). A performance review counts the findings
 * made in it, so one breach costs points in one annual review, not in two (lawyer5 R3).
 */
export function reviewPeriodOn(on: string, startsOn: string): ReviewPeriod {
  const year = Number(on.slice(0, 4));
  const thisYear = `${on.slice(0, 4)}-${startsOn}`;
  const from = thisYear <= on ? thisYear : `${String(year - 1).padStart(4, '0')}-${startsOn}`;
  return { from, to: lastDayOf(from, { years: 1, months: 0, days: 0 }) };
}
