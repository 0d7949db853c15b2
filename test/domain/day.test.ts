import { addDays, chinaDate, chinaDayEnd, chinaDayStart, chinaTime, chinaToday, daysBefore } from '../../src/domain/day';

describe('days in China Standard Time', () => {
  it('a moment belongs to the day it is in Beijing: 16:00 UTC is already the next day', () => {
    expect(chinaDate(new Date('2026-03-01T15:59:59.999Z'))).toBe('2026-03-01');
    expect(chinaDate(new Date('2026-03-01T16:00:00.000Z'))).toBe('2026-03-02');
    expect(chinaTime(new Date('2026-03-01T16:00:00.000Z'))).toBe('2026-03-02 00:00 (UTC+8)');
    expect(chinaToday(new Date('2026-03-01T16:00:00.000Z'))).toBe('2026-03-02');
  });

  it('a day runs from its midnight in Beijing to the next', () => {
    expect(chinaDayStart('2026-03-02').toISOString()).toBe('2026-03-01T16:00:00.000Z');
    expect(chinaDayEnd('2026-03-02').toISOString()).toBe('2026-03-02T16:00:00.000Z');
  });

  it('counts days across month and year ends, and N days before is N days back', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(daysBefore('2026-03-01', 1)).toBe('2026-02-28');
    expect(daysBefore('2026-01-10', 10)).toBe('2025-12-31');
  });
});
