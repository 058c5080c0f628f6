// Occurrences (the due dates of obligations) in words and on the calendar: the default window,
// each day's occurrences, counts with what is overdue, calendar dots, and the bodies of the
// record-an-outcome requests. Pure functions.
import { addDays, groupByDay, type DayKey } from '../../ui/calendarDays';
import type { CalendarDot } from '../../ui/MonthCalendar';
import type { Occurrence, OccurrenceStatus, OccurrenceUpdate } from './types';

/** The API's default window of occurrences: 90 days back, a year ahead. */
export function defaultWindow(today: DayKey): { from: DayKey; to: DayKey } {
  return { from: addDays(today, -90), to: addDays(today, 365) };
}

/** An occurrence's identity: its obligation and due date. */
export function occurrenceKey(o: Pick<Occurrence, 'obligation_id' | 'due_on'>): string {
  return `${o.obligation_id}:${o.due_on}`;
}

/** Each day's occurrences, in the (due date) order of the list. */
export function occurrencesByDay<T extends Pick<Occurrence, 'due_on'>>(items: readonly T[]): Map<DayKey, T[]> {
  return groupByDay(items, (o) => o.due_on);
}

/** "3 obligations due, 1 overdue", "1 obligation due", "No obligations due". */
export function occurrenceCountText(items: readonly Pick<Occurrence, 'status'>[]): string {
  if (items.length === 0) return 'No obligations due';
  const overdue = items.filter((o) => o.status === 'overdue').length;
  const text = `${items.length} ${items.length === 1 ? 'obligation' : 'obligations'} due`;
  return overdue ? `${text}, ${overdue} overdue` : text;
}

const DOT_COLORS: Record<OccurrenceStatus, string> = {
  upcoming: 'var(--mantine-color-blue-6)',
  due: 'var(--mantine-color-orange-6)',
  overdue: 'var(--mantine-color-red-7)',
  fulfilled: 'var(--mantine-color-green-7)',
  waived: 'var(--mantine-color-gray-5)',
  in_dispute: 'var(--mantine-color-grape-6)',
};

/** A dot in the status's colour; waived occurrences no longer count, so theirs is hollow. */
export function occurrenceDot(o: Pick<Occurrence, 'status'>): CalendarDot {
  return { kind: o.status, color: DOT_COLORS[o.status], hollow: o.status === 'waived' };
}

/** Whether an occurrence is still to be done (neither fulfilled nor waived). */
export function isOpen(o: Pick<Occurrence, 'status'>): boolean {
  return o.status !== 'fulfilled' && o.status !== 'waived';
}

/** Whether something was recorded for it (an outcome that "Reopen" clears). */
export function isRecorded(o: Pick<Occurrence, 'status'>): boolean {
  return o.status === 'fulfilled' || o.status === 'waived' || o.status === 'in_dispute';
}

export type OutcomeKind = 'fulfilled' | 'waived' | 'in_dispute';

export interface OutcomeValues {
  evidence: string;
  reason: string;
  fulfilled_on: DayKey | null;
}

/**
 * The body of the PUT that records an outcome. A fulfilment on `today` leaves the date to the
 * server (it defaults to today); another day is sent.
 */
export function outcomeBody(kind: OutcomeKind, values: OutcomeValues, today: DayKey): OccurrenceUpdate {
  if (kind === 'fulfilled') {
    const body: OccurrenceUpdate = { status: 'fulfilled', evidence: values.evidence.trim() };
    if (values.fulfilled_on && values.fulfilled_on !== today) body.fulfilled_on = values.fulfilled_on;
    return body;
  }
  return { status: kind, reason: values.reason.trim() };
}
