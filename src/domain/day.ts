/**
 * Calendar days and China Standard Time, in one place. A day is an ISO date string ("2026-12-01");
 * days are China Standard Time days (UTC+8, no daylight saving), so the day of an instant is taken
 * there, and day arithmetic is done on the date alone (UTC midnight), where every day has 24 hours.
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const CHINA_OFFSET_MS = 8 * HOUR_MS;

/** The last instant chinaDate was asked, and its day: a facts read asks the same asOf for every field of every subject. */
let lastInstant = NaN;
let lastDay = '';

/** The calendar day of an instant in China Standard Time. */
export function chinaDate(instant: Date): string {
  const time = instant.getTime();
  if (time !== lastInstant) {
    // An invalid date (NaN) is never the last one: toISOString throws for it, as before.
    lastDay = new Date(time + CHINA_OFFSET_MS).toISOString().slice(0, 10);
    lastInstant = time;
  }
  return lastDay;
}

/**
 * Today's calendar day in China Standard Time ("2026-11-29"), whatever the server's own time zone:
 * from 16:00 UTC on, China is already in the next day.
 */
export function chinaToday(now: Date = new Date()): string {
  return chinaDate(now);
}

/** "2026-12-01 00:00 (UTC+8)": an instant as an officer in China reads it. */
export function chinaTime(instant: Date): string {
  const shifted = new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)} (UTC+8)`;
}

/** The first instant of a calendar day ("2026-12-01") in China Standard Time. */
export function chinaDayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) - CHINA_OFFSET_MS);
}

/** The first instant of the day after a calendar day in China Standard Time. */
export function chinaDayEnd(day: string): Date {
  return new Date(chinaDayStart(day).getTime() + DAY_MS);
}

/** The day `days` days after `day` (before it, when negative). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(day) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The day `days` days before `day`. */
export function daysBefore(day: string, days: number): string {
  return addDays(day, -days);
}

/** The years a date or moment may fall in: PostgreSQL and the day arithmetic hold them all. */
export const YEARS = { from: 1900, to: 2199 } as const;

/** A LocalDate or DateTime outside YEARS (in China Standard Time); other forms are the scalar's to refuse. */
export function dateProblem(scalar: string, text: string): string | null {
  let year: number;
  if (scalar === 'LocalDate') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
    year = Number(text.slice(0, 4));
  } else if (scalar === 'DateTime') {
    const time = Date.parse(text);
    if (Number.isNaN(time)) return null;
    year = new Date(time + CHINA_OFFSET_MS).getUTCFullYear();
  } else {
    return null;
  }
  if (year >= YEARS.from && year <= YEARS.to) return null;
  return `"${text.slice(0, 40)}" falls in the year ${year}; Chengxin records dates from ${YEARS.from} to ${YEARS.to}. Check the year and send again.`;
}
