import { describe, expect, it } from 'vitest';
import { addDays, addMonths, formatDay, groupByDay, isDayKey, monthEnd, monthOf, sameMonth } from './calendarDays';

describe('calendar days', () => {
  it('finds the first and last day of a month, leap years included', () => {
    expect(monthOf('2027-03-17')).toBe('2027-03-01');
    expect(monthEnd('2027-02-10')).toBe('2027-02-28');
    expect(monthEnd('2028-02-10')).toBe('2028-02-29');
    expect(monthEnd('2027-12-01')).toBe('2027-12-31');
  });

  it('moves by days and months across month and year ends', () => {
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2027-03-01', -90)).toBe('2026-12-01');
    expect(addMonths('2027-12-01', 1)).toBe('2028-01-01');
    expect(addMonths('2027-01-01', -1)).toBe('2026-12-01');
    expect(sameMonth('2027-03-31', '2027-04-01')).toBe(false);
  });

  it('groups records by their day in the order given, leaving out undated ones', () => {
    const items = [
      { id: 'a', day: '2027-03-31' },
      { id: 'b', day: null },
      { id: 'c', day: '2027-03-02' },
      { id: 'd', day: '2027-03-31' },
    ];
    const days = groupByDay(items, (i) => i.day);
    expect([...days.keys()]).toEqual(['2027-03-31', '2027-03-02']);
    expect(days.get('2027-03-31')?.map((i) => i.id)).toEqual(['a', 'd']);
  });

  it('accepts only real days and names them', () => {
    expect(isDayKey('2028-02-29')).toBe(true);
    expect(isDayKey('2027-02-29')).toBe(false);
    expect(formatDay('2027-03-02')).toBe('Tuesday Mar 2, 2027');
  });
});
