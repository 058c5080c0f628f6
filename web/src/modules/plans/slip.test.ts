import { describe, expect, it } from 'vitest';
import { formatDate } from '../../ui/format';
import { makeMilestone } from '../../test/plan';
import { formatDuration, lateSentence, moveBySlip, moveBySlipLabel, riskSentence, slipLabel } from './slip';

const hospitalA = { milestone_id: 'dep-a', title: 'Hospital A activation', date: '2027-03-22', days_later: 21 };
const ethics = { milestone_id: 'dep-b', title: 'Ethics approval', date: '2027-03-06', days_later: 5 };

describe('why a milestone slips, in words', () => {
  it('says durations in days, weeks or months', () => {
    expect(formatDuration(1)).toBe('1 day');
    expect(formatDuration(12)).toBe('12 days');
    expect(formatDuration(21)).toBe('3 weeks');
    expect(formatDuration(23)).toBe('23 days');
    expect(formatDuration(120)).toBe('about 4 months');
  });

  it('says how late an open milestone is, and nothing when it is not', () => {
    expect(lateSentence(makeMilestone({ status: 'late', days_late: 12, pushed_by: [] }))).toBe('Late by 12 days');
    expect(lateSentence(makeMilestone({ days_late: 0, pushed_by: [] }))).toBeNull();
  });

  it('names the dependency that pushes a milestone, the furthest first', () => {
    const fpi = makeMilestone({ title: 'First patient in', status: 'at_risk', forecast_date: '2027-03-01', days_late: 0, pushed_by: [hospitalA] });
    expect(riskSentence(fpi)).toBe('At risk: depends on Hospital A activation, forecast 3 weeks later');
    expect(slipLabel(fpi)).toBe('At risk: Hospital A activation +3 weeks');
    const two = makeMilestone({ days_late: 0, pushed_by: [ethics, hospitalA] });
    expect(riskSentence(two)).toBe(
      'At risk: depends on Hospital A activation, forecast 3 weeks later; and Ethics approval, forecast 5 days later',
    );
    expect(riskSentence(makeMilestone({ days_late: 0, pushed_by: [] }))).toBeNull();
  });

  it('proposes moving the forecast by the largest slip, with a reason naming the dependency', () => {
    const fpi = makeMilestone({ forecast_date: '2027-03-01', days_late: 0, pushed_by: [ethics, hospitalA] });
    const move = moveBySlip(fpi);
    expect(move?.forecast_date).toBe('2027-03-22');
    expect(move?.reason).toBe(`Moved 3 weeks later: it depends on Hospital A activation (and one other dependency), now forecast for ${formatDate('2027-03-22')}.`);
    expect(moveBySlipLabel(fpi)).toBe('Move forecast 3 weeks later');
    expect(moveBySlip(makeMilestone({ days_late: 0, pushed_by: [] }))).toBeNull();
  });
});
