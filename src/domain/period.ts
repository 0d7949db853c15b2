/**
 * Calendar periods, as the Civil Code counts them (民法典 arts. 201–202, lawyer8 R1): "按照年、月、日计算
 * 期间的，开始的当日不计入，自下一日开始计算"; "按照年、月计算期间的，到期月的对应日为期间的最后一日；没有对应日的，
 * 月末日为期间的最后一日". So one year from a decision of 2024-03-10 runs from the next day and ends on
 * 2025-03-10, the corresponding day; from 2024-02-29 it ends on 2025-02-28 (no 29th: the month's last
 * day); three months from 2023-11-30 end on 2024-02-29. The decision day itself is in effect too (the
 * record counts from it): the period is the span after it. A period is an ISO 8601 duration of years,
 * months and days ("P3M", "P1Y", "P3Y", "P1Y6M") or the same as an object ({ "years": 1, "months": 6 });
 * days are added after years and months.
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

/** The corresponding day: `start` plus the period, with the month-end rule (art. 202). */
export function addPeriod(start: string, period: Period): string {
  const [y, m, d] = start.split('-').map(Number);
  const months = (m - 1) + period.months + 12 * period.years;
  const year = y + Math.floor(months / 12);
  const month = months % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return iso(year, month, Math.min(d, lastDay) + period.days);
}

/**
 * The last day of a period counted from `start` (the day of the decision or act, not itself counted,
 * art. 201): the corresponding day, or the month's last day where there is none (art. 202).
 */
export function lastDayOf(start: string, period: Period): string {
  return addPeriod(start, period);
}

/** Does a period counted from `start` still run on day `on`? From `start` itself through its last day. */
export function runsOn(start: string, period: Period, on: string): boolean {
  return start <= on && on <= lastDayOf(start, period);
}
