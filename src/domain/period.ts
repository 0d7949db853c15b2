import { daysBefore } from './day';

/**
 * Calendar periods, as the law counts them: "one year from the decision" ends on the day before
 * the anniversary (2024-03-10 + one year counts through 2025-03-09), not after 365 days. A period
 * is an ISO 8601 duration of years, months and days ("P3M", "P1Y", "P3Y", "P1Y6M") or the same as
 * an object ({ "years": 1, "months": 6 }). When the anniversary does not exist (29 February, 31st of
 * a short month), the last day of that month stands in for it; days are added after years and months.
 */
export type PeriodInput = string | { years?: number; months?: number; days?: number };

export interface Period {
  years: number;
  months: number;
  days: number;
}

const ISO = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?$/;

/**
 * The longest period read: 100 years, in months, and 36,500 days. No period the policy counts comes
 * near it, and dates stay within what a Date can hold (a longer one ran past it: RangeError).
 */
export const MAX_PERIOD_MONTHS = 1200;
export const MAX_PERIOD_DAYS = 36_500;

/** A period of at least one day, at most 100 years of months and 36,500 days. */
function withinBounds(period: Period): Period | null {
  const { years, months, days } = period;
  if (years + months + days === 0) return null;
  if (years * 12 + months > MAX_PERIOD_MONTHS || days > MAX_PERIOD_DAYS) return null;
  return period;
}

/**
 * Reads a period, or returns null when it is not one (so callers can say where it was): not in
 * the form, zero, or longer than 100 years (MAX_PERIOD_MONTHS, MAX_PERIOD_DAYS).
 */
export function parsePeriod(input: unknown): Period | null {
  if (typeof input === 'string') {
    const match = ISO.exec(input);
    if (!match || input === 'P') return null;
    return withinBounds({ years: Number(match[1] ?? 0), months: Number(match[2] ?? 0), days: Number(match[3] ?? 0) });
  }
  if (input && typeof input === 'object' && !Array.isArray(input)) {
    const { years = 0, months = 0, days = 0, ...rest } = input as Record<string, unknown>;
    const whole = [years, months, days].every((n) => Number.isInteger(n) && (n as number) >= 0);
    if (!whole || Object.keys(rest).length) return null;
    return withinBounds({ years: years as number, months: months as number, days: days as number });
  }
  return null;
}

/** The period as ISO 8601 text, for explanations. */
export function formatPeriod(period: Period): string {
  return `P${period.years ? `${period.years}Y` : ''}${period.months ? `${period.months}M` : ''}${period.days ? `${period.days}D` : ''}`;
}

function iso(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month, day)).toISOString().slice(0, 10);
}

/** The anniversary: `start` plus the period, with the month-end rule. */
export function addPeriod(start: string, period: Period): string {
  const [y, m, d] = start.split('-').map(Number);
  const months = (m - 1) + period.months + 12 * period.years;
  const year = y + Math.floor(months / 12);
  const month = months % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return iso(year, month, Math.min(d, lastDay) + period.days);
}

/** The last day a period that starts on `start` covers: the day before the anniversary. */
export function lastDayOf(start: string, period: Period): string {
  return daysBefore(addPeriod(start, period), 1);
}

/** Does a period that starts on `start` (inclusive) still run on day `on`? */
export function runsOn(start: string, period: Period, on: string): boolean {
  return start <= on && on < addPeriod(start, period);
}
