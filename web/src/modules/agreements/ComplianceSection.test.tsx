import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeComplianceRow, makeOccurrence } from '../../test/agreements';
import { fakeApi, makeAlliance, ME, PARTNER_ID, renderPage } from '../../test/utils';
import { ComplianceSection } from './ComplianceSection';
import type { Compliance } from './types';

afterEach(() => vi.unstubAllGlobals());

const alliance = makeAlliance();
const base = `/api/v1/alliances/${alliance.id}`;

const report: Compliance = {
  from: '2025-11-22',
  to: '2026-11-22',
  today: '2026-11-22',
  by_party: [
    makeComplianceRow({ key: PARTNER_ID, name: 'Pulsewise Health', due: 4, on_time: 2, late: 1, overdue: 1, on_time_rate: 0.5 }),
    makeComplianceRow({ key: ME.organization.id, name: 'Meridian Therapeutics', due: 3, on_time: 3, late: 0, overdue: 0, on_time_rate: 1 }),
  ],
  by_category: [makeComplianceRow({ key: 'reporting', name: 'reporting', overdue: 1, on_time_rate: 0.667 }), makeComplianceRow({ key: 'payment', name: 'payment', overdue: 0, on_time_rate: null, due: 0, on_time: 0, late: 0 })],
  by_quarter: [
    { quarter: '2026-Q2', organization_id: PARTNER_ID, name: 'Pulsewise Health', due: 2, on_time: 2, on_time_rate: 1 },
    { quarter: '2026-Q3', organization_id: PARTNER_ID, name: 'Pulsewise Health', due: 2, on_time: 0, on_time_rate: 0 },
  ],
  overdue: [makeOccurrence({ due_on: '2026-09-30', status: 'overdue' })],
  due_within: { d30: [makeOccurrence({ due_on: '2026-12-15', obligation_title: 'Milestone payment' })], d60: [], d90: [] },
  signals: [{ obligation_id: 'o1', title: 'Quarterly development report', agreement_id: 'a1', agreement_title: 'CLA', late: 2, waived: 1, considered: 4, reason: '3 of the last 4 occurrences were late or waived' }],
};

describe('compliance', () => {
  it('shows the rates by party and by category, the charts in words, the overdue list, what comes due and the signals', async () => {
    const seen = fakeApi({
      [`GET ${base}/compliance`]: { status: 200, body: report },
      [`GET ${base}/obligations`]: { status: 200, body: { items: [], next_cursor: null } },
    });
    renderPage(<ComplianceSection alliance={alliance} />, { route: '/?section=compliance' });
    const byParty = await screen.findByRole('table', { name: 'Compliance by party' });
    const pulsewise = within(byParty).getByRole('row', { name: /Pulsewise Health/ });
    expect(within(pulsewise).getAllByRole('cell').map((c) => c.textContent)).toEqual(['4', '2', '1', '1', '0', '0', '50%']);
    expect(within(byParty).getByRole('row', { name: /Meridian Therapeutics/ })).toHaveTextContent('100%');
    const byCategory = screen.getByRole('table', { name: 'Compliance by category' });
    expect(within(byCategory).getByRole('row', { name: /Reporting/ })).toHaveTextContent('67%');
    expect(within(byCategory).getByRole('row', { name: /Payment/ })).toHaveTextContent('—');

    expect(screen.getByRole('img', { name: 'On-time rate by quarter. Pulsewise Health: 2026-Q2 100%, 2026-Q3 0%.' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Overdue by category: Reporting 1.' })).toBeInTheDocument();

    const overdue = screen.getByRole('table', { name: 'Overdue obligations' });
    expect(within(overdue).getAllByRole('row')).toHaveLength(2);
    expect(within(screen.getByRole('region', { name: 'Within 30 days' })).getByText(/Milestone payment/)).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'In 61 to 90 days' })).getByText('Nothing.')).toBeInTheDocument();
    const signals = screen.getByRole('list', { name: 'Obligations to reconsider' });
    expect(signals).toHaveTextContent('Quarterly development report');
    expect(signals).toHaveTextContent('3 of the last 4 occurrences were late or waived');

    const request = seen.find((r) => r.path === `${base}/compliance`);
    const from = request?.search.get('from') ?? '';
    const to = request?.search.get('to') ?? '';
    expect(screen.getByRole('link', { name: 'Export .xlsx' })).toHaveAttribute('href', `${base}/compliance/export.xlsx?from=${from}&to=${to}&date_format=MMM+D%2C+YYYY`);
  });
});
