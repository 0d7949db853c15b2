/**
 * Calendar periods counted from a day that is itself the first day of the period (issue 11 §3,
 * lawyer20 N1): a record counts from its decision day (认定/决定之日), so a period of one year from a
 * decision of 2024-03-10 ends on 2025-03-09, the day before the anniversary, and the record no longer
 * counts on 2025-03-10. Counting as 民法典 art. 201 does (the start day not counted, the period ending on
 * the corresponding day) while the record also counts on the decision day made every period one day
 * longer than its words — a "3-month" minor record counted 3 months and a day, past the national tier
 * maximum as the tier texts count it (自认定之日起). Where the anniversary month has no such day, the
 * anniversary is that month's last day, as 民法典 art. 202 takes it for the period's end, and the period
 * ends the day before (law23 N4): one year from 2024-02-29 ends on 2025-02-27, three months from
 * 2023-11-30 on 2024-02-28, one month from 2024-01-31 on 2024-02-28 (2025-01-31: 2025-02-27). Every
 * period then has exactly the days the Civil Code's has (arts. 201–202: from the next day through the
 * corresponding day, or the month's last), starting one day earlier because the decision day counts;
 * ending on the month's last day, as before, gave a month-end period one day more (01-31 to 02-29 is
 * 30 days, the Civil Code's 02-01 to 02-29 is 29). A period is an
 * ISO 8601 duration of years, months and days ("P3M", "P1Y", "P3Y", "P1Y6M") or the same as an object
 * ({ "years": 1, "months": 6 }); days are added after years and months (ten days from 2024-03-10 end
 * on 2024-03-19).
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

/**
 * The last day of a period whose first day is `start` (the decision or act day, counted): the day
 * before the anniversary; where the anniversary month has no such day, the anniversary is that
 * month's last day (民法典 art. 202) and the period ends the day before it (law23 N4).
 */
export function lastDayOf(start: string, period: Period): string {
  const [y, m, d] = start.split('-').map(Number);
  const months = (m - 1) + period.months + 12 * period.years;
  const year = y + Math.floor(months / 12);
  const month = months % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return iso(year, month, Math.min(d, lastDay) + period.days - 1);
}

/**
 * The anniversary of `start` after `period`, the day a period ends as 民法典 arts. 201–202 count it
 * (the start day not counted; a month without the day ends on its last day): for a date fixed by a
 * court or another body that counts this way, e.g. a listing term (list-term.ts, lawyer24 R1). Our own
 * periods end the day before (lastDayOf).
 */
export function anniversaryOf(start: string, period: Period): string {
  return lastDayOf(start, { ...period, days: period.days + 1 });
}

/** Does a period counted from `start` still run on day `on`? From `start` itself through its last day. */
export function runsOn(start: string, period: Period, on: string): boolean {
  return start <= on && on <= lastDayOf(start, period);
}
