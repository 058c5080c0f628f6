import { describe, expect, it } from 'vitest';
import { defaultWindow, isOpen, isRecorded, occurrenceCountText, occurrenceDot, occurrenceKey, occurrencesByDay, outcomeBody } from './occurrences';
import type { OccurrenceStatus } from './types';

const o = (obligation_id: string, due_on: string, status: OccurrenceStatus = 'upcoming') => ({ obligation_id, due_on, status });

describe('occurrences on the calendar', () => {
  it('groups the due dates by day, in the list’s order', () => {
    const days = occurrencesByDay([o('a', '2027-03-31'), o('b', '2027-03-31', 'overdue'), o('c', '2027-04-15')]);
    expect([...days.keys()]).toEqual(['2027-03-31', '2027-04-15']);
    expect(days.get('2027-03-31')?.map((x) => x.obligation_id)).toEqual(['a', 'b']);
    expect(occurrencesByDay([]).size).toBe(0);
  });

  it('counts a day’s due dates with what is overdue', () => {
    expect(occurrenceCountText([])).toBe('No obligations due');
    expect(occurrenceCountText([o('a', 'd')])).toBe('1 obligation due');
    expect(occurrenceCountText([o('a', 'd'), o('b', 'd', 'overdue'), o('c', 'd', 'overdue')])).toBe('3 obligations due, 2 overdue');
  });

  it('colours the dots by status and leaves waived ones hollow', () => {
    expect(occurrenceDot(o('a', 'd', 'overdue'))).toMatchObject({ kind: 'overdue', hollow: false });
    expect(occurrenceDot(o('a', 'd', 'waived'))).toMatchObject({ kind: 'waived', hollow: true });
    expect(occurrenceDot(o('a', 'd', 'fulfilled')).color).not.toBe(occurrenceDot(o('a', 'd', 'overdue')).color);
  });

  it('keys an occurrence by its obligation and due date', () => {
    expect(occurrenceKey(o('a', '2027-03-31'))).toBe('a:2027-03-31');
  });

  it('asks the API’s default window: 90 days back, a year ahead', () => {
    expect(defaultWindow('2027-03-31')).toEqual({ from: '2026-12-31', to: '2028-03-30' });
  });
});

describe('recording an outcome', () => {
  it('knows what is open and what was recorded', () => {
    expect(['upcoming', 'due', 'overdue', 'in_dispute'].map((s) => isOpen({ status: s as OccurrenceStatus }))).toEqual([true, true, true, true]);
    expect(isOpen({ status: 'fulfilled' })).toBe(false);
    expect(isRecorded({ status: 'overdue' })).toBe(false);
    expect(isRecorded({ status: 'in_dispute' })).toBe(true);
  });

  it('leaves a fulfilment today to the server and sends another day', () => {
    const values = { evidence: '  https://docs/q4-report.pdf ', reason: '', fulfilled_on: '2027-01-05' };
    expect(outcomeBody('fulfilled', values, '2027-01-05')).toEqual({ status: 'fulfilled', evidence: 'https://docs/q4-report.pdf' });
    expect(outcomeBody('fulfilled', values, '2027-01-09')).toEqual({ status: 'fulfilled', evidence: 'https://docs/q4-report.pdf', fulfilled_on: '2027-01-05' });
  });

  it('sends the reason of a waiver or a dispute', () => {
    const values = { evidence: 'ignored', reason: ' Agreed at the JSC ', fulfilled_on: null };
    expect(outcomeBody('waived', values, '2027-01-05')).toEqual({ status: 'waived', reason: 'Agreed at the JSC' });
    expect(outcomeBody('in_dispute', values, '2027-01-05')).toEqual({ status: 'in_dispute', reason: 'Agreed at the JSC' });
  });
});
