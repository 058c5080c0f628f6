import { describe, expect, it } from 'vitest';
import {
  addMonths,
  countText,
  dayAriaLabel,
  daySummary,
  formatDay,
  formatLocalTime,
  isDayKey,
  localDay,
  meetingsByDay,
  monthOf,
  sameMonth,
  todayIn,
} from './meetingCalendar';

const meeting = (id: string, starts_at: string, status: 'scheduled' | 'held' | 'cancelled' = 'scheduled') => ({ id, starts_at, status });

describe('the local day of a meeting', () => {
  it('is the day in the viewer’s time zone, not in UTC or the meeting’s zone', () => {
    expect(localDay('2027-03-02T14:00:00Z', 'Europe/Berlin')).toBe('2027-03-02');
    expect(localDay('2027-03-02T23:30:00Z', 'Europe/Berlin')).toBe('2027-03-03');
    expect(localDay('2027-03-02T03:00:00Z', 'America/New_York')).toBe('2027-03-01');
    expect(localDay('2027-03-02T20:00:00Z', 'Asia/Tokyo')).toBe('2027-03-03');
    expect(localDay('2027-03-02T20:00:00Z', 'UTC')).toBe('2027-03-02');
  });

  it('follows daylight saving time', () => {
    // Berlin is UTC+1 in winter and UTC+2 from the last Sunday of March.
    expect(localDay('2027-03-27T22:30:00Z', 'Europe/Berlin')).toBe('2027-03-27');
    expect(localDay('2027-03-28T22:30:00Z', 'Europe/Berlin')).toBe('2027-03-29');
  });

  it('is null for a malformed instant or an unknown zone', () => {
    expect(localDay('soon', 'Europe/Berlin')).toBeNull();
    expect(localDay('2027-03-02T14:00:00Z', 'Mars/Olympus')).toBeNull();
  });

  it('gives today in a zone', () => {
    const now = new Date('2027-03-02T23:30:00Z');
    expect(todayIn('UTC', now)).toBe('2027-03-02');
    expect(todayIn('Asia/Tokyo', now)).toBe('2027-03-03');
  });
});

describe('meetings grouped by day', () => {
  it('puts each meeting on its local day, soonest first, and skips malformed times', () => {
    const late = meeting('late', '2027-03-02T16:00:00Z');
    const early = meeting('early', '2027-03-02T08:00:00Z', 'cancelled');
    const night = meeting('night', '2027-03-02T23:30:00Z');
    const broken = meeting('broken', 'not a time');
    const days = meetingsByDay([late, night, broken, early], 'Europe/Berlin');
    expect([...days.keys()]).toEqual(['2027-03-02', '2027-03-03']);
    expect(days.get('2027-03-02')?.map((m) => m.id)).toEqual(['early', 'late']);
    expect(days.get('2027-03-03')?.map((m) => m.id)).toEqual(['night']);
  });

  it('moves the same meetings to other days for a viewer elsewhere', () => {
    const meetings = [meeting('a', '2027-03-02T08:00:00Z'), meeting('b', '2027-03-02T16:00:00Z')];
    expect([...meetingsByDay(meetings, 'Pacific/Auckland').entries()].map(([day, list]) => `${day}:${list.map((m) => m.id).join(',')}`)).toEqual([
      '2027-03-02:a',
      '2027-03-03:b',
    ]);
    expect([...meetingsByDay(meetings, 'America/Los_Angeles').entries()].map(([day, list]) => `${day}:${list.map((m) => m.id).join(',')}`)).toEqual([
      '2027-03-02:a,b',
    ]);
  });

  it('is empty without meetings', () => {
    expect(meetingsByDay([], 'UTC').size).toBe(0);
  });
});

describe('month arithmetic', () => {
  it('finds the month of a day and moves across year ends', () => {
    expect(monthOf('2027-03-17')).toBe('2027-03-01');
    expect(addMonths('2027-03-01', 1)).toBe('2027-04-01');
    expect(addMonths('2027-12-01', 1)).toBe('2028-01-01');
    expect(addMonths('2027-01-01', -1)).toBe('2026-12-01');
    expect(addMonths('2027-03-01', -15)).toBe('2025-12-01');
    expect(sameMonth('2027-03-01', '2027-03-31')).toBe(true);
    expect(sameMonth('2027-03-31', '2027-04-01')).toBe(false);
  });

  it('accepts only real days from the address', () => {
    expect(isDayKey('2027-03-02')).toBe(true);
    expect(isDayKey('2028-02-29')).toBe(true);
    expect(isDayKey('2027-02-29')).toBe(false);
    expect(isDayKey('2027-3-2')).toBe(false);
    expect(isDayKey('')).toBe(false);
    expect(isDayKey(null)).toBe(false);
  });
});

describe('what a day says', () => {
  it('counts meetings and cancelled ones', () => {
    expect(daySummary([meeting('a', ''), meeting('b', '', 'cancelled'), meeting('c', '', 'held')])).toEqual({ total: 3, cancelled: 1, active: 2 });
    expect(countText([])).toBe('No meetings');
    expect(countText([meeting('a', '')])).toBe('1 meeting');
    expect(countText([meeting('a', ''), meeting('b', '', 'cancelled')])).toBe('2 meetings, 1 cancelled');
    expect(countText([meeting('a', '', 'cancelled')])).toBe('1 meeting, cancelled');
    expect(countText([meeting('a', '', 'cancelled'), meeting('b', '', 'cancelled')])).toBe('2 meetings, all cancelled');
  });

  it('names the day for screen readers', () => {
    expect(formatDay('2027-03-02')).toBe('Tuesday Mar 2, 2027');
    expect(dayAriaLabel('2027-03-02', [])).toBe('Tuesday Mar 2, 2027');
    expect(dayAriaLabel('2027-03-02', [meeting('a', ''), meeting('b', '', 'cancelled')])).toBe('Tuesday Mar 2, 2027: 2 meetings, 1 cancelled');
  });

  it('tells the time in the viewer’s zone', () => {
    expect(formatLocalTime('2027-03-02T14:00:00Z', 'Europe/Berlin', 'en-GB')).toBe('15:00');
    expect(formatLocalTime('2027-03-02T14:00:00Z', 'Asia/Tokyo', 'en-GB')).toBe('23:00');
    expect(formatLocalTime('later', 'UTC', 'en-GB')).toBe('');
  });
});
