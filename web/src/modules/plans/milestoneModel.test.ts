import { describe, expect, it } from 'vitest';
import { makeMilestone } from '../../test/plan';
import { PARTNER_ID, ME } from '../../test/utils';
import { milestoneCreateBody, milestoneToValues, milestoneUpdateBody, newMilestoneValues, type MilestoneValues } from './milestoneModel';

function filled(overrides: Partial<MilestoneValues> = {}): MilestoneValues {
  return {
    ...newMilestoneValues({ objective_id: 'objective-1', party_id: ME.organization.id, currency: 'EUR' }),
    title: ' IND filed ',
    kind: 'regulatory',
    planned_date: '2027-03-01',
    ...overrides,
  };
}

describe('milestone requests', () => {
  it('creates with the payment in minor units and without a status when it follows the dates', () => {
    const body = milestoneCreateBody(
      filled({ has_payment: true, amount: '2500000.5', currency: 'EUR', payer_party_id: ME.organization.id, payee_party_id: PARTNER_ID }),
    );
    expect(body).toMatchObject({
      objective_id: 'objective-1',
      title: 'IND filed',
      kind: 'regulatory',
      planned_date: '2027-03-01',
      visibility: 'alliance',
      payment: { amount_minor: 250000050, currency: 'EUR', payer_party_id: ME.organization.id, payee_party_id: PARTNER_ID },
    });
    expect(body).not.toHaveProperty('status');
    expect(body).not.toHaveProperty('forecast_date');
    expect(body).not.toHaveProperty('readers');
  });

  it('converts by the currency’s decimals: yen have none', () => {
    const body = milestoneCreateBody(
      filled({ has_payment: true, amount: 1500000, currency: 'JPY', payer_party_id: ME.organization.id, payee_party_id: PARTNER_ID }),
    );
    expect(body.payment?.amount_minor).toBe(1500000);
  });

  it('updates only what changed, with the reason for a new forecast', () => {
    const milestone = makeMilestone({
      payment: { amount_minor: 100000, currency: 'EUR', payer_party_id: ME.organization.id, payer_party_name: 'M', payee_party_id: PARTNER_ID, payee_party_name: 'P' },
    });
    const base = milestoneToValues(milestone, 'EUR');
    expect(base.amount).toBe('1000.00');
    const body = milestoneUpdateBody(base, { ...base, forecast_date: '2027-02-20', reason: ' Site delays ' });
    expect(body).toEqual({ forecast_date: '2027-02-20', reason: 'Site delays' });
  });

  it('never sends the planned date, and clears a hand-set status with null', () => {
    const base = milestoneToValues(makeMilestone({ status_set: 'at_risk', status: 'at_risk', status_derived: false }), 'EUR');
    const body = milestoneUpdateBody(base, { ...base, planned_date: '2030-01-01', status: 'auto', early_win: true });
    expect(body).toEqual({ status: null, early_win: true });
  });

  it('removes a payment with null and names readers with restricted visibility', () => {
    const milestone = makeMilestone({
      payment: { amount_minor: 100000, currency: 'EUR', payer_party_id: ME.organization.id, payer_party_name: 'M', payee_party_id: PARTNER_ID, payee_party_name: 'P' },
    });
    const base = milestoneToValues(milestone, 'EUR');
    const body = milestoneUpdateBody(base, { ...base, has_payment: false, visibility: 'restricted', readers: [ME.user.id] });
    expect(body).toEqual({ payment: null, visibility: 'restricted', readers: [ME.user.id] });
  });
});
