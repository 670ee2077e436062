import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, fillDays, resolveDayRange, toDay, type DayRange } from '@/lib/domain/day-series';

describe('days', () => {
  it('are UTC calendar days', () => {
    expect(toDay(new Date('2026-03-01T23:59:59.999Z'))).toBe('2026-03-01');
    expect(toDay(new Date('2026-03-02T00:00:00Z'))).toBe('2026-03-02');
  });

  it.each([
    ['2026-02-28', 1, '2026-03-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2026-03-28', 3, '2026-03-31'],
  ])('%s plus %i days is %s', (day, n, expected) => {
    expect(addDays(day, n)).toBe(expected);
  });

  it('lists a range with both ends, and nothing for a reversed one', () => {
    expect(daysBetween({ from: '2026-12-30', to: '2027-01-02' })).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
    expect(daysBetween({ from: '2026-01-02', to: '2026-01-01' })).toEqual([]);
  });
});

describe('fillDays', () => {
  const range = { from: '2026-05-01', to: '2026-05-05' };

  it('gives every day of the range, with 0 where nothing was counted', () => {
    expect(
      fillDays(
        [
          { day: '2026-05-02', count: 3 },
          { day: '2026-05-05', count: 1 },
        ],
        range,
      ),
    ).toEqual([
      { day: '2026-05-01', count: 0 },
      { day: '2026-05-02', count: 3 },
      { day: '2026-05-03', count: 0 },
      { day: '2026-05-04', count: 0 },
      { day: '2026-05-05', count: 1 },
    ]);
  });

  it('keeps the order of the calendar whatever order the rows came in, and adds up repeated days', () => {
    const filled = fillDays(
      [
        { day: '2026-05-04', count: 2 },
        { day: '2026-05-01', count: 1 },
        { day: '2026-05-04', count: 1 },
      ],
      range,
    );
    expect(filled.map((d) => d.count)).toEqual([1, 0, 0, 3, 0]);
  });

  it('drops rows outside the range', () => {
    const filled = fillDays(
      [
        { day: '2026-04-30', count: 9 },
        { day: '2026-05-06', count: 9 },
      ],
      range,
    );
    expect(filled.reduce((sum, d) => sum + d.count, 0)).toBe(0);
    expect(filled).toHaveLength(5);
  });

  it('gives 30 zero days for an empty month', () => {
    const filled = fillDays([], { from: '2026-04-01', to: '2026-04-30' });
    expect(filled).toHaveLength(30);
    expect(filled.every((d) => d.count === 0)).toBe(true);
  });
});

describe('resolveDayRange', () => {
  const today = '2026-06-15';

  it.each<[Partial<DayRange>, DayRange, string]>([
    [{}, { from: '2026-05-17', to: today }, 'the last 30 days, today included'],
    [{ from: '2026-06-01' }, { from: '2026-06-01', to: today }, 'from a start up to today'],
    [{ from: '2026-07-01' }, { from: '2026-07-01', to: '2026-07-01' }, 'a start after today is a single day'],
    [{ to: '2026-03-31' }, { from: '2026-03-02', to: '2026-03-31' }, 'the 30 days up to an end'],
    [{ from: '2026-03-01', to: '2026-03-10' }, { from: '2026-03-01', to: '2026-03-10' }, 'both ends as given'],
    [{ from: '2026-03-10', to: '2026-03-01' }, { from: '2026-03-01', to: '2026-03-10' }, 'reversed ends swapped'],
    [{ from: '2020-01-01', to: '2026-06-15' }, { from: '2025-06-15', to: '2026-06-15' }, 'the last 366 days of a longer range'],
  ])('%o gives %o: %s', (filters, expected) => {
    const range = resolveDayRange(filters, today);
    expect(range).toEqual(expected);
    expect(daysBetween(range).length).toBeLessThanOrEqual(366);
  });
});
