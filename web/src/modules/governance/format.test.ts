import { describe, expect, it } from 'vitest';
import { countdownColor, countdownText, formatEscalationPath, formatMeetingStart, formatMinutes, quadrantOf, spreadPoints, utcToZoned, zonedToUtc } from './format';

describe('the countdown of an issue at its level', () => {
  it('says how many days are left, or how far overdue it is', () => {
    expect(countdownText(3)).toBe('3 days left');
    expect(countdownText(1)).toBe('1 day left');
    expect(countdownText(0)).toBe('Due today');
    expect(countdownText(-1)).toBe('1 day overdue');
    expect(countdownText(-2)).toBe('2 days overdue');
  });

  it('turns red when overdue and orange in the last two days', () => {
    expect(countdownColor(-2)).toBe('red.8');
    expect(countdownColor(0)).toBe('orange.8');
    expect(countdownColor(2)).toBe('orange.8');
    expect(countdownColor(10)).toBe('dimmed');
  });
});

describe('the escalation path', () => {
  it('reads as levels with their days, in order', () => {
    expect(
      formatEscalationPath([
        { name: 'Team', days: 10 },
        { name: 'JDC', days: 14 },
        { name: 'JSC', days: 30 },
        { name: 'Executives', days: 30 },
      ]),
    ).toBe('Team (10 d) \u2192 JDC (14 d) \u2192 JSC (30 d) \u2192 Executives (30 d)');
    expect(formatEscalationPath([{ name: 'JSC', days: 1 }])).toBe('JSC (1 d)');
  });
});

describe('the stakeholder quadrant', () => {
  it('puts 3 and above on the high side of both scales', () => {
    expect(quadrantOf(3, 3)).toBe('manage_closely');
    expect(quadrantOf(5, 5)).toBe('manage_closely');
    expect(quadrantOf(5, 2)).toBe('keep_satisfied');
    expect(quadrantOf(2, 5)).toBe('keep_informed');
    expect(quadrantOf(2, 2)).toBe('monitor');
    expect(quadrantOf(1, 1)).toBe('monitor');
  });

  it('places interest across and influence up, spreading people who share a cell', () => {
    const alone = { influence: 5, interest: 1 };
    const a = { influence: 3, interest: 4 };
    const b = { influence: 3, interest: 4 };
    const points = spreadPoints([alone, a, b]);
    expect(points[0]).toEqual({ item: alone, x: 1, y: 5 });
    const [pa, pb] = [points[1], points[2]];
    expect(pa && pb && (pa.x !== pb.x || pa.y !== pb.y)).toBe(true);
    for (const p of [pa, pb]) {
      // Still in their cell, so still in the same quadrant.
      expect(Math.abs((p?.x ?? 0) - 4)).toBeLessThan(0.3);
      expect(Math.abs((p?.y ?? 0) - 3)).toBeLessThan(0.3);
      expect(p?.y).toBeGreaterThan(2.5);
    }
  });
});

describe('meeting times', () => {
  it('converts a local time in the meeting’s time zone to the UTC instant, across daylight saving', () => {
    expect(zonedToUtc('2027-03-02 15:00', 'Europe/Berlin')).toBe('2027-03-02T14:00:00Z');
    expect(zonedToUtc('2027-07-02 15:00', 'Europe/Berlin')).toBe('2027-07-02T13:00:00Z');
    expect(zonedToUtc('2027-07-02 09:30', 'America/New_York')).toBe('2027-07-02T13:30:00Z');
    expect(zonedToUtc('2027-07-02 15:00', 'UTC')).toBe('2027-07-02T15:00:00Z');
    expect(zonedToUtc('2027-07-02', 'UTC')).toBeNull();
    expect(zonedToUtc('2027-07-02 15:00', 'Mars/Olympus')).toBeNull();
  });

  it('shows a UTC instant as the local time where the meeting takes place', () => {
    expect(utcToZoned('2027-03-02T14:00:00Z', 'Europe/Berlin')).toBe('2027-03-02 15:00:00');
    expect(utcToZoned('2027-07-02T13:30:00Z', 'America/New_York')).toBe('2027-07-02 09:30:00');
    expect(zonedToUtc(utcToZoned('2027-06-30T22:15:00Z', 'Asia/Kolkata'), 'Asia/Kolkata')).toBe('2027-06-30T22:15:00Z');
  });

  it('takes the earlier of a time that happens twice, and moves a time that never happens past the gap', () => {
    // 31 October 2027: London's clocks go back from 02:00 BST to 01:00 GMT.
    expect(zonedToUtc('2027-10-31 01:30', 'Europe/London')).toBe('2027-10-31T00:30:00Z');
    // 28 March 2027: 01:00 GMT jumps to 02:00 BST; 01:30 does not exist.
    expect(zonedToUtc('2027-03-28 01:30', 'Europe/London')).toBe('2027-03-28T01:30:00Z');
  });

  it('shows a meeting’s start where it takes place, its day in the reader’s pattern', () => {
    expect(formatMeetingStart('2027-03-02T14:00:00Z', 'Europe/Berlin', 'en-GB')).toBe('Tue 2 Mar 2027, 15:00 Europe/Berlin');
    expect(formatMeetingStart('2027-03-02T14:00:00Z', 'Europe/Berlin', 'de-DE')).toBe('Tue 02.03.2027, 15:00 Europe/Berlin');
    // 23:30 UTC on Tuesday is already Wednesday morning in Tokyo.
    expect(formatMeetingStart('2027-03-02T23:30:00Z', 'Asia/Tokyo', 'en-GB')).toBe('Wed 3 Mar 2027, 08:30 Asia/Tokyo');
    expect(formatMeetingStart('later', 'Asia/Tokyo', 'en-GB')).toBe('later');
  });

  it('says how long in minutes and hours', () => {
    expect(formatMinutes(30)).toBe('30 min');
    expect(formatMinutes(180)).toBe('3 h');
    expect(formatMinutes(90)).toBe('1 h 30 min');
  });
});
