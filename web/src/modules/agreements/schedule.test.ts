import { describe, expect, it } from 'vitest';
import { describeRrule, describeSchedule, presetOf, RRULE_PRESETS } from './schedule';

describe('recurrence presets', () => {
  it('offers “Quarterly, last day of quarter month” as the RRULE the server expects', () => {
    expect(RRULE_PRESETS.find((p) => p.label === 'Quarterly, last day of quarter month')?.rrule).toBe('FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1');
    expect(RRULE_PRESETS.find((p) => p.label === 'Monthly')?.rrule).toBe('FREQ=MONTHLY');
    expect(RRULE_PRESETS.find((p) => p.label === 'Yearly')?.rrule).toBe('FREQ=YEARLY');
  });

  it('recognises a preset whatever the order and case of its parts', () => {
    expect(presetOf('BYMONTHDAY=-1;interval=3;FREQ=MONTHLY')).toBe('quarterly-last');
    expect(presetOf('RRULE:FREQ=YEARLY')).toBe('yearly');
    expect(presetOf('FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1;COUNT=8')).toBe('custom');
    expect(presetOf('')).toBe('custom');
    expect(presetOf(null)).toBe('custom');
  });

  it('describes a rule by its preset’s name, or as written', () => {
    expect(describeRrule('FREQ=MONTHLY;INTERVAL=3')).toBe('Quarterly');
    expect(describeRrule('FREQ=WEEKLY;BYDAY=MO')).toBe('FREQ=WEEKLY;BYDAY=MO');
  });
});

describe('a schedule in words', () => {
  const day = (d: string | null) => d ?? '?';
  const base = { due_on: null, starts_on: null, rrule: null, milestone_title: null, offset_days: 0 };

  it('says once, recurring and after a milestone', () => {
    expect(describeSchedule({ ...base, schedule: 'once', due_on: '2027-03-01' }, day)).toBe('Once, 2027-03-01');
    expect(describeSchedule({ ...base, schedule: 'recurring', starts_on: '2027-03-31', rrule: 'FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1' }, day)).toBe(
      'Quarterly, last day of quarter month, from 2027-03-31',
    );
    expect(describeSchedule({ ...base, schedule: 'milestone', milestone_title: 'First patient in', offset_days: 30 }, day)).toBe('30 days after “First patient in” is achieved');
    expect(describeSchedule({ ...base, schedule: 'milestone', milestone_title: 'First patient in', offset_days: 0 }, day)).toBe('When “First patient in” is achieved');
  });
});
