// The meeting calendar in words and numbers: which local day a meeting falls on in the viewer's
// time zone, the meetings of each day, month arithmetic on "YYYY-MM-DD" strings and the labels a
// screen reader hears for a day. Pure functions.
import dayjs from 'dayjs';
import { utcToZoned } from './format';
import type { MeetingStatus } from './types';

/** A calendar day, "2027-03-02", as the @mantine/dates components use them. */
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

/** The day an instant falls on in `timeZone`: "2027-03-02T23:30:00Z" is "2027-03-03" in Berlin. Null when malformed. */
export function localDay(instant: string, timeZone: string): DayKey | null {
  const zoned = utcToZoned(instant, timeZone);
  return zoned ? zoned.slice(0, 10) : null;
}

/** Today in `timeZone`. */
export function todayIn(timeZone: string, now: Date = new Date()): DayKey {
  return localDay(now.toISOString(), timeZone) ?? now.toISOString().slice(0, 10);
}

/**
 * The meetings of each local day in the viewer's time zone, each day's soonest first. A meeting
 * that starts late in the evening in its own zone may well fall on the next day for the viewer.
 */
export function meetingsByDay<T extends { starts_at: string }>(meetings: readonly T[], timeZone: string): Map<DayKey, T[]> {
  const timed = meetings
    .map((meeting) => ({ meeting, at: new Date(meeting.starts_at).getTime(), day: localDay(meeting.starts_at, timeZone) }))
    .filter((m): m is { meeting: T; at: number; day: DayKey } => m.day !== null && !Number.isNaN(m.at))
    .sort((a, b) => a.at - b.at);
  const days = new Map<DayKey, T[]>();
  for (const { meeting, day } of timed) {
    const list = days.get(day);
    if (list) list.push(meeting);
    else days.set(day, [meeting]);
  }
  return days;
}

/** The first day of the month a day is in: "2027-03-02" → "2027-03-01". */
export function monthOf(day: DayKey): DayKey {
  return `${day.slice(0, 7)}-01`;
}

/** The first day of the month `delta` months on (or back, when negative). */
export function addMonths(month: DayKey, delta: number): DayKey {
  const year = Number(month.slice(0, 4));
  const index = Number(month.slice(5, 7)) - 1 + delta;
  const date = new Date(Date.UTC(year, index, 1));
  return `${String(date.getUTCFullYear()).padStart(4, '0')}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-01`;
}

/** True when two days are in the same month. */
export function sameMonth(a: DayKey, b: DayKey): boolean {
  return a.slice(0, 7) === b.slice(0, 7);
}

/** How many of a day's meetings go ahead and how many were cancelled. */
export function daySummary(meetings: readonly { status: MeetingStatus }[]): { total: number; cancelled: number; active: number } {
  const cancelled = meetings.filter((m) => m.status === 'cancelled').length;
  return { total: meetings.length, cancelled, active: meetings.length - cancelled };
}

/** "2 meetings, 1 cancelled", "1 meeting", "No meetings". */
export function countText(meetings: readonly { status: MeetingStatus }[]): string {
  const { total, cancelled } = daySummary(meetings);
  if (total === 0) return 'No meetings';
  const text = `${total} ${total === 1 ? 'meeting' : 'meetings'}`;
  if (cancelled === 0) return text;
  if (cancelled === total) return `${text}, ${total === 1 ? 'cancelled' : 'all cancelled'}`;
  return `${text}, ${cancelled} cancelled`;
}

/** "Tuesday 2 March 2027", in the dates locale (the @mantine/dates default style). */
export function formatDay(day: DayKey, locale = 'en'): string {
  return dayjs(day).locale(locale).format('dddd D MMMM YYYY');
}

/** What a screen reader hears on a calendar day: "Tuesday 2 March 2027: 2 meetings, 1 cancelled". */
export function dayAriaLabel(day: DayKey, meetings: readonly { status: MeetingStatus }[], locale = 'en'): string {
  return meetings.length === 0 ? formatDay(day, locale) : `${formatDay(day, locale)}: ${countText(meetings)}`;
}

/** A meeting's start as a time of day in the viewer's time zone: "15:00" (or "03:00 PM", by locale). */
export function formatLocalTime(instant: string, timeZone: string, localeOverride?: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(localeOverride ?? (typeof navigator !== 'undefined' ? navigator.language : undefined), {
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(date);
}
