/**
 * Calendar days for the dashboard, as 'YYYY-MM-DD' strings in UTC: the database groups by
 * the same UTC day, so a count never lands on a neighbouring day because of a time zone.
 */
export type Day = string;
export type DayCount = { day: Day; count: number };
export type DayRange = { from: Day; to: Day };

const DAY_MS = 86_400_000;

export function toDay(date: Date): Day {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: Day, days: number): Day {
  return toDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));
}

/** Every day from `from` to `to`, both included; empty when `to` comes first. */
export function daysBetween({ from, to }: DayRange): Day[] {
  const days: Day[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

/** One entry per day of the range, in order, with 0 for days the query returned nothing for. */
export function fillDays(counts: readonly DayCount[], range: DayRange): DayCount[] {
  const byDay = new Map<Day, number>();
  for (const { day, count } of counts) byDay.set(day, (byDay.get(day) ?? 0) + count);
  return daysBetween(range).map((day) => ({ day, count: byDay.get(day) ?? 0 }));
}

const DEFAULT_RANGE_DAYS = 30;
const MAX_RANGE_DAYS = 366;

/**
 * The days a dashboard view covers. Without dates: the last 30 days up to today. With a start
 * only: from it up to today; with an end only: the 30 days up to it. Ends given the wrong way
 * round are swapped, and a range longer than a year keeps its last 366 days so the daily
 * chart stays readable.
 */
export function resolveDayRange({ from, to }: Partial<DayRange>, today: Day): DayRange {
  let start = from ?? (to ? addDays(to, 1 - DEFAULT_RANGE_DAYS) : addDays(today, 1 - DEFAULT_RANGE_DAYS));
  let end = to ?? maxDay(from ?? today, today);
  if (start > end) [start, end] = [end, start];
  const earliest = addDays(end, 1 - MAX_RANGE_DAYS);
  return { from: maxDay(start, earliest), to: end };
}

const maxDay = (a: Day, b: Day) => (a > b ? a : b);
