import { lastDayOf, parsePeriod, runsOn } from '../../src/domain/period';

describe('calendar periods', () => {
  it('read ISO 8601 text and objects alike, and refuse anything else', () => {
    expect(parsePeriod('P1Y')).toEqual({ years: 1, months: 0, days: 0 });
    expect(parsePeriod('P1Y6M')).toEqual({ years: 1, months: 6, days: 0 });
    expect(parsePeriod({ months: 3 })).toEqual({ years: 0, months: 3, days: 0 });
    for (const wrong of ['P', '365', 'P1W', '1Y', { weeks: 1 }, { years: -1 }, {}, null]) expect(parsePeriod(wrong)).toBeNull();
  });

  it('are at least one day and at most 100 years (1200 months, 36500 days), so no date runs past what a Date holds', () => {
    expect(parsePeriod('P100Y')).toEqual({ years: 100, months: 0, days: 0 });
    expect(parsePeriod('P99Y12M36500D')).toEqual({ years: 99, months: 12, days: 36500 });
    for (const wrong of ['P0D', 'P0Y0M', 'P101Y', 'P1201M', 'P36501D', 'P99999999Y', { days: 0 }, { years: 101 }]) expect(parsePeriod(wrong)).toBeNull();
  });

  it('end on the day before the anniversary: the start day is the first day (issue 11 §3, lawyer20 N1)', () => {
    const year = parsePeriod('P1Y')!;
    expect(lastDayOf('2024-03-10', year)).toBe('2025-03-09');
    expect(runsOn('2024-03-10', year, '2024-03-10')).toBe(true);
    expect(runsOn('2024-03-10', year, '2025-03-09')).toBe(true);
    expect(runsOn('2024-03-10', year, '2025-03-10')).toBe(false);
    expect(runsOn('2024-03-10', year, '2024-03-09')).toBe(false);
    expect(lastDayOf('2024-03-10', parsePeriod('P10D')!)).toBe('2024-03-19');
    expect(lastDayOf('2024-03-01', parsePeriod('P1M')!)).toBe('2024-03-31');
    expect(lastDayOf('2024-01-01', year)).toBe('2024-12-31');
  });

  // The three national tiers (minor ≤ 3 months, general ≤ 1 year, serious ≤ 3 years), each from a decision day:
  // the last day inside is the day before the anniversary, the anniversary is the first day outside.
  it.each([
    ['P3M', '2024-05-15', '2024-08-14', '2024-08-15'],
    ['P1Y', '2024-05-15', '2025-05-14', '2025-05-15'],
    ['P2Y', '2024-05-15', '2026-05-14', '2026-05-15'],
    ['P3Y', '2024-05-15', '2027-05-14', '2027-05-15'],
  ])('%s from %s: %s is the last day inside, %s the first outside', (period, start, lastInside, firstOutside) => {
    const p = parsePeriod(period)!;
    expect(lastDayOf(start, p)).toBe(lastInside);
    expect(runsOn(start, p, lastInside)).toBe(true);
    expect(runsOn(start, p, firstOutside)).toBe(false);
  });

  // law23 N4: where the anniversary month has no such day, its last day is the anniversary (民法典 art. 202) and the
  // period ends the day before, so a month-end period has the Civil Code's number of days, not one more.
  it('end the day before the month\'s last day when the anniversary month has no such day (Feb 29 included)', () => {
    const year = parsePeriod('P1Y')!;
    expect(lastDayOf('2024-02-29', year)).toBe('2025-02-27');
    expect(runsOn('2024-02-29', year, '2025-02-27')).toBe(true);
    expect(runsOn('2024-02-29', year, '2025-02-28')).toBe(false);
    expect(lastDayOf('2024-02-29', parsePeriod('P4Y')!)).toBe('2028-02-28'); // the anniversary exists again
    const quarter = parsePeriod('P3M')!;
    expect(lastDayOf('2025-08-31', quarter)).toBe('2025-11-29');
    expect(lastDayOf('2023-11-30', quarter)).toBe('2024-02-28');
    expect(runsOn('2023-11-30', quarter, '2024-02-28')).toBe(true);
    expect(runsOn('2023-11-30', quarter, '2024-02-29')).toBe(false);
    const month = parsePeriod('P1M')!;
    expect(lastDayOf('2024-01-31', month)).toBe('2024-02-28');
    expect(lastDayOf('2025-01-31', month)).toBe('2025-02-27');
    expect(lastDayOf('2024-01-29', month)).toBe('2024-02-28'); // Feb 29 exists in 2024: the ordinary case
    expect(lastDayOf('2024-03-31', month)).toBe('2024-04-29');
  });

  // As many days as the Civil Code's period (arts. 201–202: from the next day through the corresponding day, or the
  // month's last), one day earlier: the month end no longer adds a day.
  it.each([
    ['2024-01-31', 'P1M', 29], ['2025-01-31', 'P1M', 28], ['2024-02-29', 'P1Y', 365], ['2023-11-30', 'P3M', 91], ['2024-05-15', 'P3M', 92],
  ])('from %s for %s: %i days, the Civil Code\'s count', (start, period, days) => {
    const last = lastDayOf(start, parsePeriod(period)!);
    expect((Date.parse(last) - Date.parse(start)) / 86_400_000 + 1).toBe(days);
  });
});
