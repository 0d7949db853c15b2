import { InvalidArgumentError } from 'commander';

/** Parses --as-of: a bare date is the start of that day in China Standard Time. */
export function parseAsOf(value: string): Date {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00+08:00` : value);
  if (Number.isNaN(date.getTime())) throw new InvalidArgumentError(`不是日期 / not a date: "${value}" (use YYYY-MM-DD or an ISO date-time)`);
  return date;
}
