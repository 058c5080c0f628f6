// The meeting calendar in words and numbers: which local day a meeting falls on in the viewer's
// time zone, the meetings of each day and the labels a screen reader hears for a day. Pure
// functions.
import { formatDay, groupByDay, type DayKey } from '../../ui/calendarDays';
import { utcToZoned } from './format';
import type { MeetingStatus } from './types';

// The day arithmetic is shared with the other calendars (src/ui/calendarDays).
export { addMonths, formatDay, isDayKey, monthOf, sameMonth, type DayKey } from '../../ui/calendarDays';

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
  return new Map([...groupByDay(timed, (m) => m.day)].map(([day, list]) => [day, list.map((m) => m.meeting)]));
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
