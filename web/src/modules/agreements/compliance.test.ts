import { describe, expect, it } from 'vitest';
import { formatRate, onTimeChartOption, onTimeSeries, onTimeSummary, overdueChartOption, overdueSummary, rowName } from './compliance';
import type { ComplianceQuarter, ComplianceRow } from './types';

const q = (quarter: string, organization_id: string | null, name: string, on_time_rate: number | null): ComplianceQuarter => ({
  quarter,
  organization_id,
  name,
  due: 4,
  on_time: 0,
  on_time_rate,
});

const row = (key: string, name: string, overdue: number): ComplianceRow => ({ key, name, due: 5, on_time: 3, late: 1, overdue, waived: 0, in_dispute: 0, on_time_rate: 0.6 });

describe('rates', () => {
  it('shows a rate as a whole percentage, and a dash when nothing was due', () => {
    expect(formatRate(0.8333)).toBe('83%');
    expect(formatRate(1)).toBe('100%');
    expect(formatRate(0)).toBe('0%');
    expect(formatRate(null)).toBe('—');
  });

  it('names categories in words and joint obligations as such', () => {
    expect(rowName({ key: 'data_protection', name: 'data_protection' })).toBe('Data protection');
    expect(rowName({ key: 'joint', name: 'joint' })).toBe('Joint');
    expect(rowName({ key: 'org-1', name: 'Pulsewise Health' })).toBe('Pulsewise Health');
  });
});

describe('the on-time chart', () => {
  const rows = [
    q('2026-Q4', 'p', 'Pulsewise Health', 0.5),
    q('2026-Q3', 'm', 'Meridian Therapeutics', 1),
    q('2026-Q3', 'p', 'Pulsewise Health', 0.75),
    q('2026-Q4', null, 'joint', null),
  ];

  it('has one series per owing party, with a value (or a gap) for every quarter in order', () => {
    const { quarters, series } = onTimeSeries(rows);
    expect(quarters).toEqual(['2026-Q3', '2026-Q4']);
    expect(series).toEqual([
      { key: 'p', name: 'Pulsewise Health', rates: [75, 50] },
      { key: 'm', name: 'Meridian Therapeutics', rates: [100, null] },
      { key: 'joint', name: 'Joint', rates: [null, null] },
    ]);
  });

  it('builds a line chart from 0 to 100 % with the quarters across', () => {
    const option = onTimeChartOption(rows);
    expect(option.xAxis.data).toEqual(['2026-Q3', '2026-Q4']);
    expect(option.yAxis).toMatchObject({ min: 0, max: 100 });
    expect(option.series).toEqual([
      expect.objectContaining({ type: 'line', name: 'Pulsewise Health', data: [75, 50], connectNulls: false }),
      expect.objectContaining({ type: 'line', name: 'Meridian Therapeutics', data: [100, null] }),
      expect.objectContaining({ type: 'line', name: 'Joint', data: [null, null] }),
    ]);
    expect(option.tooltip.valueFormatter(75)).toBe('75%');
    expect(option.tooltip.valueFormatter(null)).toBe('—');
  });

  it('says the same in words', () => {
    expect(onTimeSummary(rows)).toBe(
      'On-time rate by quarter. Pulsewise Health: 2026-Q3 75%, 2026-Q4 50%. Meridian Therapeutics: 2026-Q3 100%, 2026-Q4 nothing due. Joint: 2026-Q3 nothing due, 2026-Q4 nothing due.',
    );
    expect(onTimeSummary([])).toBe('On-time rate by quarter: nothing was due in this period.');
  });
});

describe('the overdue chart', () => {
  const rows = [row('reporting', 'reporting', 2), row('payment', 'payment', 0), row('ip', 'ip', 1)];

  it('has a bar for each category with something overdue', () => {
    const option = overdueChartOption(rows);
    expect(option.xAxis.data).toEqual(['Reporting', 'IP']);
    expect(option.series[0]).toMatchObject({ type: 'bar', data: [2, 1] });
  });

  it('says the same in words', () => {
    expect(overdueSummary(rows)).toBe('Overdue by category: Reporting 2, IP 1.');
    expect(overdueSummary([row('payment', 'payment', 0)])).toBe('Overdue by category: nothing is overdue.');
  });
});
