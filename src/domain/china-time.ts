const CHINA_OFFSET_MS = 8 * 3_600_000;

/** "2026-12-01 00:00 (UTC+8)": an instant as an officer in China reads it (China Standard Time has no DST). */
export function chinaTime(instant: Date): string {
  const shifted = new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)} (UTC+8)`;
}
