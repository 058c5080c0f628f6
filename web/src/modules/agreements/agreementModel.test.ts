import { describe, expect, it } from 'vitest';
import { makeAgreement } from '../../test/agreements';
import { agreementBody, agreementToValues, describeTermChanges, newAgreementValues, reminderRule, termChangesBody } from './agreementModel';

describe('the agreement form’s body', () => {
  it('sends a master without a parent, with its key terms and reminder days as numbers', () => {
    const values = { ...newAgreementValues({ party_ids: ['m', 'p'] }), title: ' CLA ', parent_id: 'stale', notice_period_days: 180, reminder_days: ['90', '30'] };
    const body = agreementBody(values);
    expect(body).toMatchObject({ title: 'CLA', relation: 'master', parent_id: null, notice_period_days: 180, reminder_days: [90, 30], term_changes: {}, obligation_changes: [] });
    expect(body.visibility).toBe('alliance');
    expect('readers' in body).toBe(false);
  });

  it('sends an amendment with only the terms it changes, and not its own key terms', () => {
    const values = {
      ...newAgreementValues({ relation: 'amendment', parent_id: 'cla', party_ids: ['m', 'p'] }),
      title: 'Amendment 1',
      term_changes: { expiry_on: '2033-01-31', notice_period_days: '', governing_law: '', field: '', territory: 'Worldwide', exclusivity: null },
      obligation_changes: [
        { obligation_id: 'o1', change: ' Reports are due 45 days after quarter end ' },
        { obligation_id: null, change: 'unfinished row' },
      ],
    };
    const body = agreementBody(values);
    expect(body.parent_id).toBe('cla');
    expect(body.term_changes).toEqual({ expiry_on: '2033-01-31', territory: 'Worldwide' });
    expect(body.obligation_changes).toEqual([{ obligation_id: 'o1', change: 'Reports are due 45 days after quarter end' }]);
    expect(body).not.toHaveProperty('expiry_on');
    expect(body).not.toHaveProperty('reminder_days');
  });

  it('round-trips a stored agreement', () => {
    const agreement = makeAgreement({ visibility: 'restricted', readers: ['u1'] });
    const body = agreementBody(agreementToValues(agreement));
    expect(body).toMatchObject({ title: agreement.title, expiry_on: agreement.expiry_on, notice_period_days: 180, reminder_days: [90, 30], visibility: 'restricted', readers: ['u1'] });
  });

  it('checks reminder days', () => {
    const rule = reminderRule(1, 730);
    expect(rule(['90', '30'])).toBeNull();
    expect(rule(['0'])).toBe('Each reminder is a whole number of days from 1 to 730');
    expect(rule(['soon'])).toBe('Each reminder is a whole number of days from 1 to 730');
    expect(rule(['1', '2', '3', '4', '5', '6'])).toBe('Use at most five reminders');
  });

  it('describes term changes in words', () => {
    const changes = termChangesBody({ expiry_on: '2033-01-31', notice_period_days: 90, governing_law: '', field: '', territory: '', exclusivity: 'non_exclusive' });
    expect(describeTermChanges(changes, { date: (d) => d ?? '', exclusivity: (e) => e })).toEqual(['Expiry → 2033-01-31', 'Notice period → 90 days', 'Exclusivity → non_exclusive']);
  });
});
