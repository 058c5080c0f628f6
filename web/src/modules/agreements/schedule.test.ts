import { describe, expect, it } from 'vitest';
import { describeSchedule } from './schedule';

describe('a schedule in words', () => {
  const day = (d: string | null) => d ?? '?';
  const base = { due_on: null, starts_on: null, rrule: null, milestone_title: null, offset_days: 0 };

  it('says once, recurring and after a milestone', () => {
    expect(describeSchedule({ ...base, schedule: 'once', due_on: '2027-03-01' }, day)).toBe('Once, 2027-03-01');
    expect(describeSchedule({ ...base, schedule: 'recurring', starts_on: '2027-03-31', rrule: 'FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1' }, day)).toBe(
      'Every quarter on the last day, from 2027-03-31',
    );
    expect(describeSchedule({ ...base, schedule: 'milestone', milestone_title: 'First patient in', offset_days: 30 }, day)).toBe('30 days after “First patient in” is achieved');
    expect(describeSchedule({ ...base, schedule: 'milestone', milestone_title: 'First patient in', offset_days: 0 }, day)).toBe('When “First patient in” is achieved');
  });

  it('never shows the raw rule: a yearly rule takes its day from the start, and one the picker cannot word is a custom recurrence', () => {
    expect(describeSchedule({ ...base, schedule: 'recurring', starts_on: '2027-06-30', rrule: 'FREQ=YEARLY;COUNT=5' }, day)).toBe('Every year on June 30, 5 times, from 2027-06-30');
    expect(describeSchedule({ ...base, schedule: 'recurring', starts_on: '2027-01-01', rrule: 'FREQ=MONTHLY;BYMONTHDAY=1,15' }, day)).toBe('On a custom recurrence, from 2027-01-01');
  });
});
