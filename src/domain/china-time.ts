const CHINA_OFFSET_MS = 8 * 3_600_000;

/** "2026-12-01 00:00 (UTC+8)": an instant as an officer in China reads it (China Standard Time has no DST). */
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
  return new Date(chinaDayStart(day).getTime() + 24 * 3_600_000);
}

/**
 * Today's calendar day in China Standard Time ("2026-11-29"), whatever the server's own time zone:
 * from 16:00 UTC on, China is already in the next day.
 */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}
