import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeMilestone, makeSummary } from '../../test/plan';
import { fakeApi, makeAlliance, renderPage } from '../../test/utils';
import { PlanSummary } from './PlanSummary';

afterEach(() => vi.unstubAllGlobals());

const alliance = makeAlliance();

describe('PlanSummary', () => {
  it('shows milestones and KPIs against plan, and the next milestones with their forecasts', async () => {
    fakeApi({
      [`GET /api/v1/alliances/${alliance.id}/plan/summary`]: {
        status: 200,
        body: makeSummary({
          milestones: { total: 12, achieved: 3, due_30_days: 2, late: 1, at_risk: 2 },
          kpis: { total: 5, green: 2, amber: 1, red: 1, no_data: 1 },
          next_milestones: [
            makeMilestone({ title: 'IND filed', forecast_date: '2026-12-01', planned_date: '2026-11-01', slip_days: 30, status: 'at_risk' }),
            makeMilestone({ title: 'First site open', forecast_date: '2027-01-10', status: 'on_track' }),
            makeMilestone({ title: 'First patient in', forecast_date: '2027-03-01' }),
          ],
        }),
      },
    });
    renderPage(<PlanSummary alliance={alliance} />);
    const region = await screen.findByRole('region', { name: 'Status against plan' });
    expect(await within(region).findByTestId('summary-achieved')).toHaveTextContent('3 of 12');
    expect(within(region).getByTestId('summary-due')).toHaveTextContent('2');
    expect(within(region).getByTestId('summary-late')).toHaveTextContent('1');
    expect(within(region).getByTestId('summary-at-risk')).toHaveTextContent('2');
    expect(within(region).getByTestId('summary-kpi-green')).toHaveTextContent('2 green');
    expect(within(region).getByTestId('summary-kpi-amber')).toHaveTextContent('1 amber');
    expect(within(region).getByTestId('summary-kpi-red')).toHaveTextContent('1 red');
    expect(within(region).getByTestId('summary-kpi-no_data')).toHaveTextContent('1 no data');

    const rows = within(region).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.getAttribute('data-next-milestone'))).toEqual(['IND filed', 'First site open', 'First patient in']);
    expect(rows[0]).toHaveTextContent('Dec 1, 2026');
    expect(rows[0]).toHaveTextContent('+30 days');
    expect(rows[0]).toHaveTextContent('At risk');
    expect(within(region).getByRole('link', { name: 'Open the plan' })).toHaveAttribute('href', `/alliances/${alliance.id}/plan`);
  });

  it('invites to plan when there is nothing shared yet', async () => {
    fakeApi({ [`GET /api/v1/alliances/${alliance.id}/plan/summary`]: { status: 200, body: makeSummary() } });
    renderPage(<PlanSummary alliance={alliance} />);
    const region = await screen.findByRole('region', { name: 'Status against plan' });
    expect(await within(region).findByText(/No shared plan yet/)).toBeInTheDocument();
  });

  it('says so in a sentence when the summary cannot be loaded', async () => {
    fakeApi({
      [`GET /api/v1/alliances/${alliance.id}/plan/summary`]: { status: 503, body: { type: 'x/unavailable', title: 'Unavailable', status: 503, request_id: 't' } },
    });
    renderPage(<PlanSummary alliance={alliance} />);
    expect(await screen.findByText('The database is not available right now. Try again in a moment.')).toBeInTheDocument();
  });
});
