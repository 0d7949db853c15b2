import type { LocatedJson } from './json-file';
import type { RuleProblem } from './rule-problem';

const DATE_PREFIX = /^(\d{4})-(\d{2})-(\d{2})(?=$|T)/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Why a "YYYY-MM-DD…" text is not a real calendar day, or null when it is one. */
export function impossibleDate(text: string): { zh: string; en: string } | null {
  const match = DATE_PREFIX.exec(text);
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number);
  if (month < 1 || month > 12) return { zh: `月份 ${match[2]} 不存在（应为 01–12）`, en: `month ${match[2]} does not exist (01–12)` };
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) {
    return { zh: `${year} 年 ${month} 月只有 ${last} 天，没有 ${match[3]} 日`, en: `${year}-${match[2]} has ${last} days, there is no day ${match[3]}` };
  }
  return null;
}

function* strings(value: unknown, at: (string | number)[] = []): Generator<{ text: string; at: (string | number)[] }> {
  if (typeof value === 'string') yield { text: value, at };
  else if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* strings(value[i], [...at, i]);
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) yield* strings(item, [...at, key]);
}

/**
 * Every value of a rules-folder file written as a date ("2025-13-01", "2025-02-30T00:00") must be a
 * real calendar day: effective dates, a parameters file's start, the dates in a case's facts. The
 * schemas only check the shape; without this an impossible date would be compared as text and a rule
 * treated as in effect.
 */
export function impossibleDates(file: string, json: LocatedJson): RuleProblem[] {
  const problems: RuleProblem[] = [];
  for (const { text, at } of strings(json.value)) {
    const wrong = impossibleDate(text);
    if (!wrong) continue;
    const where = at.join('.');
    problems.push({
      file,
      ...json.locate(at),
      zh: `日期 "${text}" 不存在：${wrong.zh}（${where}）。请改为真实的日期，写作 YYYY-MM-DD`,
      en: `the date "${text}" does not exist: ${wrong.en} (${where}). Write a real calendar date as YYYY-MM-DD`,
    });
  }
  return problems;
}
