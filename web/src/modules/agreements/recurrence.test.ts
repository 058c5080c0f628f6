import { describe, expect, it } from 'vitest';
import {
  describeRecurrence,
  formatRecurrence,
  nextDayOfYear,
  nextDueDates,
  parseRrule,
  recurrenceOf,
  WEEKDAYS,
  WEEKDAY_ORDINALS,
  type Recurrence,
  type RecurrenceEnd,
} from './recurrence';

const never: RecurrenceEnd = { kind: 'never' };

// The picker's choices, the RRULE they write, and the words a person reads.
const CASES: { recurrence: Recurrence; start: string; rrule: string; words: string }[] = [
  { recurrence: { unit: 'month', interval: 1, on: { kind: 'day', day: -1 }, end: never }, start: '2027-01-31', rrule: 'FREQ=MONTHLY;BYMONTHDAY=-1', words: 'Every month on the last day' },
  { recurrence: { unit: 'month', interval: 3, on: { kind: 'day', day: 15 }, end: never }, start: '2027-01-15', rrule: 'FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15', words: 'Every quarter on the 15th' },
  { recurrence: { unit: 'month', interval: 1, on: { kind: 'weekday', ordinal: 2, weekday: 'TU' }, end: never }, start: '2027-01-01', rrule: 'FREQ=MONTHLY;BYDAY=2TU', words: 'Every month on the second Tuesday' },
  { recurrence: { unit: 'month', interval: 1, on: { kind: 'weekday', ordinal: -1, weekday: 'FR' }, end: never }, start: '2027-01-01', rrule: 'FREQ=MONTHLY;BYDAY=-1FR', words: 'Every month on the last Friday' },
  { recurrence: { unit: 'week', interval: 2, weekdays: ['MO'], end: never }, start: '2027-01-04', rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO', words: 'Every 2 weeks on Monday' },
  { recurrence: { unit: 'week', interval: 1, weekdays: ['MO', 'TH'], end: { kind: 'after', count: 10 } }, start: '2027-01-04', rrule: 'FREQ=WEEKLY;BYDAY=MO,TH;COUNT=10', words: 'Every week on Monday and Thursday, 10 times' },
  { recurrence: { unit: 'year', interval: 1, end: never }, start: '2027-06-30', rrule: 'FREQ=YEARLY', words: 'Every year on June 30' },
  { recurrence: { unit: 'year', interval: 2, end: { kind: 'on', until: '2035-12-31' } }, start: '2027-06-30', rrule: 'FREQ=YEARLY;INTERVAL=2;UNTIL=20351231', words: 'Every 2 years on June 30, until Dec 31, 2035' },
  { recurrence: { unit: 'day', interval: 1, end: never }, start: '2027-01-01', rrule: 'FREQ=DAILY', words: 'Every day' },
  { recurrence: { unit: 'day', interval: 3, end: { kind: 'after', count: 1 } }, start: '2027-01-01', rrule: 'FREQ=DAILY;INTERVAL=3;COUNT=1', words: 'Every 3 days, once' },
  { recurrence: { unit: 'month', interval: 3, on: { kind: 'day', day: -1 }, end: { kind: 'after', count: 8 } }, start: '2027-03-31', rrule: 'FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1;COUNT=8', words: 'Every quarter on the last day, 8 times' },
  { recurrence: { unit: 'month', interval: 6, on: { kind: 'day', day: 1 }, end: { kind: 'on', until: '2030-12-31' } }, start: '2027-01-01', rrule: 'FREQ=MONTHLY;INTERVAL=6;BYMONTHDAY=1;UNTIL=20301231', words: 'Every 6 months on the 1st, until Dec 31, 2030' },
  { recurrence: { unit: 'month', interval: 1, on: { kind: 'day', day: 22 }, end: never }, start: '2027-01-01', rrule: 'FREQ=MONTHLY;BYMONTHDAY=22', words: 'Every month on the 22nd' },
  { recurrence: { unit: 'month', interval: 2, on: { kind: 'day', day: 11 }, end: never }, start: '2027-01-01', rrule: 'FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=11', words: 'Every 2 months on the 11th' },
];

describe('the recurrence picker and the RRULE', () => {
  it.each(CASES)('“$words” is $rrule and back', ({ recurrence, start, rrule, words }) => {
    expect(formatRecurrence(recurrence)).toBe(rrule);
    expect(recurrenceOf(rrule, start)).toEqual({ ok: true, recurrence });
    expect(describeRecurrence(recurrence, start)).toBe(words);
  });

  it('round-trips every combination the picker offers, always as a rule the server accepts', () => {
    const ends: RecurrenceEnd[] = [never, { kind: 'after', count: 1 }, { kind: 'after', count: 1000 }, { kind: 'on', until: '2029-02-28' }];
    const states: Recurrence[] = [];
    for (const interval of [1, 2, 3, 6, 12, 1000]) {
      for (const end of ends) {
        states.push({ unit: 'day', interval, end }, { unit: 'year', interval, end });
        for (let i = 0; i < WEEKDAYS.length; i++) states.push({ unit: 'week', interval, weekdays: [WEEKDAYS[i]!], end }, { unit: 'week', interval, weekdays: WEEKDAYS.slice(0, i + 1), end });
        for (const day of [-1, ...Array.from({ length: 31 }, (_, i) => i + 1)]) states.push({ unit: 'month', interval, on: { kind: 'day', day }, end });
        for (const ordinal of WEEKDAY_ORDINALS) for (const weekday of WEEKDAYS) states.push({ unit: 'month', interval, on: { kind: 'weekday', ordinal, weekday }, end });
      }
    }
    for (const state of states) {
      const rrule = formatRecurrence(state);
      expect(parseRrule(rrule).ok, rrule).toBe(true);
      expect(rrule).not.toMatch(/BYSETPOS|BYMONTH=/);
      expect(recurrenceOf(rrule, '2027-06-30'), rrule).toEqual({ ok: true, recurrence: state });
    }
    expect(states.length).toBeGreaterThan(1000);
  });

  it('reads rules written by hand: any case and order, RRULE: prefix, UNTIL with a time, the day from the start', () => {
    expect(recurrenceOf('rrule: bymonthday=-1; freq=monthly; interval=3', null)).toEqual({ ok: true, recurrence: { unit: 'month', interval: 3, on: { kind: 'day', day: -1 }, end: never } });
    expect(recurrenceOf('FREQ=MONTHLY;BYDAY=+2TU;UNTIL=20301231T235959Z', null)).toEqual({
      ok: true,
      recurrence: { unit: 'month', interval: 1, on: { kind: 'weekday', ordinal: 2, weekday: 'TU' }, end: { kind: 'on', until: '2030-12-31' } },
    });
    // Without BYMONTHDAY or BYDAY a rule falls on its start date's day (2027-01-31), weekday (a Tuesday).
    expect(recurrenceOf('FREQ=MONTHLY', '2027-01-31')).toEqual({ ok: true, recurrence: { unit: 'month', interval: 1, on: { kind: 'day', day: 31 }, end: never } });
    expect(recurrenceOf('FREQ=WEEKLY;INTERVAL=2', '2027-02-02')).toEqual({ ok: true, recurrence: { unit: 'week', interval: 2, weekdays: ['TU'], end: never } });
    expect(recurrenceOf('FREQ=DAILY;BYDAY=FR,MO', null)).toEqual({ ok: true, recurrence: { unit: 'week', interval: 1, weekdays: ['MO', 'FR'], end: never } });
    expect(recurrenceOf('FREQ=MONTHLY', null)).toMatchObject({ ok: false, invalid: false, reason: expect.stringMatching(/choose the start date/) });
  });

  it('keeps a rule the picker cannot express as written, saying why in words', () => {
    const kept = {
      'FREQ=MONTHLY;BYMONTHDAY=1,15': /several days of the month/,
      'FREQ=MONTHLY;BYDAY=MO,TU': /several weekdays/,
      'FREQ=MONTHLY;BYDAY=TU': /several weekdays|weekdays/,
      'FREQ=MONTHLY;BYMONTHDAY=-2': /back from the month’s end/,
      'FREQ=MONTHLY;BYDAY=-2FR': /back from the month’s end/,
      'FREQ=MONTHLY;BYMONTHDAY=13;BYDAY=FR': /combines days of the month with weekdays/,
      'FREQ=DAILY;INTERVAL=2;BYDAY=MO': /every few days, only on some weekdays/,
    };
    for (const [rrule, why] of Object.entries(kept)) {
      expect(parseRrule(rrule).ok, rrule).toBe(true);
      const parsed = recurrenceOf(rrule, '2027-01-01');
      expect(parsed.ok, rrule).toBe(false);
      if (!parsed.ok) {
        expect(parsed.invalid).toBe(false);
        expect(parsed.reason).toMatch(why);
        expect(parsed.reason).not.toMatch(/FREQ|BYDAY|BYMONTHDAY/);
      }
    }
  });

  it('refuses, in words, what the server refuses', () => {
    const refused = {
      'FREQ=MONTHLY;BYSETPOS=-1': /BYSETPOS is not supported/,
      'FREQ=YEARLY;BYMONTH=6': /BYMONTH is not supported/,
      'FREQ=YEARLY;BYMONTHDAY=30': /only goes with FREQ=MONTHLY/,
      'FREQ=YEARLY;BYDAY=MO': /does not go with FREQ=YEARLY/,
      'FREQ=WEEKLY;BYDAY=2TU': /only goes with FREQ=MONTHLY/,
      'FREQ=MONTHLY;BYDAY=6TU': /not 1 to 5/,
      'FREQ=MONTHLY;COUNT=2;UNTIL=20300101': /cannot both be given/,
      'FREQ=HOURLY': /not DAILY, WEEKLY, MONTHLY or YEARLY/,
      'FREQ=DAILY;INTERVAL=0': /1 to 1000/,
      'FREQ=DAILY;COUNT=1001': /1 to 1000/,
      'FREQ=DAILY;UNTIL=20270230': /not a date/,
      'FREQ=MONTHLY;BYMONTHDAY=32': /not a day 1 to 31/,
      'FREQ=DAILY;FREQ=WEEKLY': /more than once/,
      'INTERVAL=2': /needs FREQ/,
      'FREQ=DAILY;': /empty part/,
      '': /empty/,
    };
    for (const [rrule, why] of Object.entries(refused)) {
      const parsed = recurrenceOf(rrule, '2027-01-01');
      expect(parsed, rrule).toMatchObject({ ok: false, invalid: true, reason: expect.stringMatching(why) });
    }
  });
});

describe('the next due dates', () => {
  it('are the days the server would give', () => {
    expect(nextDueDates('FREQ=MONTHLY;BYMONTHDAY=-1', '2027-01-15', '2027-01-01', 4)).toEqual(['2027-01-31', '2027-02-28', '2027-03-31', '2027-04-30']);
    // Quarters count from the start's month; the 15th of January is before the start.
    expect(nextDueDates('FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15', '2027-01-31', '2027-01-01', 3)).toEqual(['2027-04-15', '2027-07-15', '2027-10-15']);
    expect(nextDueDates('FREQ=MONTHLY;BYDAY=2TU', '2027-01-01', '2027-01-01', 3)).toEqual(['2027-01-12', '2027-02-09', '2027-03-09']);
    expect(nextDueDates('FREQ=MONTHLY;BYDAY=-1FR', '2027-01-01', '2027-01-01', 3)).toEqual(['2027-01-29', '2027-02-26', '2027-03-26']);
    // Fortnights count from the start's week (that of Monday 4 January, before the Wednesday start).
    expect(nextDueDates('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO', '2027-01-06', '2027-01-01', 3)).toEqual(['2027-01-18', '2027-02-01', '2027-02-15']);
    expect(nextDueDates('FREQ=YEARLY', '2027-06-30', '2030-01-01', 2)).toEqual(['2030-06-30', '2031-06-30']);
    // 29 February falls only in leap years; 31st skips the short months.
    expect(nextDueDates('FREQ=YEARLY', '2028-02-29', '2028-03-01', 1)).toEqual(['2032-02-29']);
    expect(nextDueDates('FREQ=MONTHLY;BYMONTHDAY=31', '2027-01-01', '2027-02-01', 2)).toEqual(['2027-03-31', '2027-05-31']);
  });

  it('end after COUNT (counted from the start) or on UNTIL (included)', () => {
    expect(nextDueDates('FREQ=MONTHLY;BYMONTHDAY=15;COUNT=3', '2027-01-01', '2027-02-20', 5)).toEqual(['2027-03-15']);
    expect(nextDueDates('FREQ=MONTHLY;BYMONTHDAY=15;COUNT=3', '2027-01-01', '2027-04-01', 5)).toEqual([]);
    expect(nextDueDates('FREQ=WEEKLY;BYDAY=MO;UNTIL=20270118', '2027-01-01', '2027-01-01', 5)).toEqual(['2027-01-04', '2027-01-11', '2027-01-18']);
  });

  it('are none for a rule the server refuses or without a start', () => {
    expect(nextDueDates('FREQ=MONTHLY;BYSETPOS=2', '2027-01-01', '2027-01-01')).toEqual([]);
    expect(nextDueDates('FREQ=MONTHLY', null, '2027-01-01')).toEqual([]);
  });
});

describe('choosing the day of a yearly rule', () => {
  it('moves the start to the next such day', () => {
    expect(nextDayOfYear('2027-01-10', 6, 30)).toBe('2027-06-30');
    expect(nextDayOfYear('2027-07-01', 6, 30)).toBe('2028-06-30');
    expect(nextDayOfYear('2027-06-30', 6, 30)).toBe('2027-06-30');
    expect(nextDayOfYear('2027-03-01', 2, 29)).toBe('2028-02-29');
  });
});
