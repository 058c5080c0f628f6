// Calendar days as "YYYY-MM-DD" strings, as the @mantine/dates components and the API use them:
// checking a day read from the address, month and day arithmetic, grouping records by day, and the
// words a screen reader hears for a day. Pure functions; no feature's records.
import dayjs from 'dayjs';
import { formatDate } from './format';

/** A calendar day, "2027-03-02". */
export type DayKey = string;

const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written "YYYY-MM-DD" (a value read from the address, say). */
export function isDayKey(value: string | null | undefined): value is DayKey {
  const match = value ? DAY_KEY.exec(value) : null;
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function key(date: Date): DayKey {
  return `${String(date.getUTCFullYear()).padStart(4, '0')}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`;
}

/** The first day of the month a day is in: "2027-03-02" → "2027-03-01". */
export function monthOf(day: DayKey): DayKey {
  return `${day.slice(0, 7)}-01`;
}

/** The first day of the month `delta` months on (or back, when negative). */
export function addMonths(month: DayKey, delta: number): DayKey {
  const year = Number(month.slice(0, 4));
  const index = Number(month.slice(5, 7)) - 1 + delta;
  return key(new Date(Date.UTC(year, index, 1)));
}

/** The last day of the month a day is in: "2027-02-10" → "2027-02-28". */
export function monthEnd(day: DayKey): DayKey {
  return key(new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)), 0)));
}

/** The day `delta` days on (or back, when negative): "2027-02-28" + 1 → "2027-03-01". */
export function addDays(day: DayKey, delta: number): DayKey {
  return key(new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)) + delta)));
}

/** True when two days are in the same month. */
export function sameMonth(a: DayKey, b: DayKey): boolean {
  return a.slice(0, 7) === b.slice(0, 7);
}

/** The records of each day, in the order given; records without a day are left out. */
export function groupByDay<T>(items: readonly T[], dayOf: (item: T) => DayKey | null): Map<DayKey, T[]> {
  const days = new Map<DayKey, T[]>();
  for (const item of items) {
    const day = dayOf(item);
    if (!day) continue;
    const list = days.get(day);
    if (list) list.push(item);
    else days.set(day, [item]);
  }
  return days;
}

/** "Tuesday Mar 2, 2027": the weekday in the dates locale, then the day in the reader's pattern. */
export function formatDay(day: DayKey, locale = 'en'): string {
  return `${dayjs(day).locale(locale).format('dddd')} ${formatDate(day)}`;
}
