import { lastDayOf, parsePeriod } from '../../src/domain/period';
import { periodLastDaySql } from '../../src/graphql/withheld-facts';
import { serverPerFile } from '../support/server-per-file';

/**
 * Month ends in SQL (law23 N4 left it): the public withheld-causes SQL ends a counting period in
 * PostgreSQL (periodLastDaySql), the facts in TypeScript (period.ts lastDayOf). They must end every
 * period on the same day, or a record the verdict counted could be taken as one it could not have
 * (and the reverse). Compared here on every day of two years around two Februaries — month ends, a
 * leap day, the day after — with periods that have a days part, and without.
 */
const server = serverPerFile();

const PERIODS = ['P1D', 'P10D', 'P30D', 'P1M', 'P1M1D', 'P1M10D', 'P1M30D', 'P3M', 'P3M30D', 'P1Y', 'P1Y1D', 'P1Y6M15D', 'P2Y', 'P3Y', 'P3Y31D'];

function days(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) out.push(d.toISOString().slice(0, 10));
  return out;
}

it('PostgreSQL and period.ts end every period on the same day, month ends and days parts included', async () => {
  const starts = [...days('2023-10-25', '2024-03-05'), ...days('2024-10-25', '2025-03-05')];
  const pairs = starts.flatMap((start) => PERIODS.map((period) => ({ start, period })));
  const rows = await server.sql<{ start: string; period: string; last: string }>(
    `select s as start, p as period, ${periodLastDaySql('s::date', 'p::interval')}::text as last
       from unnest(?::text[], ?::text[]) as t(s, p)`,
    // As array literals: the driver would spread a JavaScript array into a list of parameters.
    [`{${pairs.map((x) => x.start).join(',')}}`, `{${pairs.map((x) => x.period).join(',')}}`],
  );
  expect(rows).toHaveLength(pairs.length);
  const disagreeing = rows.filter((row) => row.last !== lastDayOf(row.start, parsePeriod(row.period)!));
  expect(disagreeing).toEqual([]);
  // The cases the Civil Code reading turns on (law23 N4), seen from both sides.
  const at = (start: string, period: string) => rows.find((r) => r.start === start && r.period === period)!.last;
  expect(at('2024-01-31', 'P1M')).toBe('2024-02-28');
  expect(at('2024-01-31', 'P1M1D')).toBe('2024-02-29');
  expect(at('2023-11-30', 'P3M')).toBe('2024-02-28');
  expect(at('2024-02-29', 'P1Y')).toBe('2025-02-27');
  expect(at('2024-02-29', 'P1Y1D')).toBe('2025-02-28');
  expect(at('2025-01-31', 'P1M10D')).toBe('2025-03-09');
});
