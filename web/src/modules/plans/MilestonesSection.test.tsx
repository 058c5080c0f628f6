import { screen, waitFor, within } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeMilestone, makeObjective, makePlan } from '../../test/plan';
import { fakeApi, makeAlliance, ME, PARTNER_ID, renderPage } from '../../test/utils';
import { formatDate } from '../../ui/format';
import { MilestonesSection } from './MilestonesSection';

const user = userEventLib.setup({ delay: null });

afterEach(() => vi.unstubAllGlobals());

const alliance = makeAlliance();

describe('MilestonesSection', () => {
  it('lists dates, slip, status, payment and dependencies, and filters on the server', async () => {
    const objective = makeObjective();
    const protocol = makeMilestone({ objective_id: objective.id, title: 'Protocol approved', status: 'achieved', actual_date: '2026-10-05' });
    const ind = makeMilestone({
      objective_id: objective.id,
      title: 'IND filed',
      planned_date: '2027-03-01',
      forecast_date: '2027-04-15',
      slip_days: 45,
      status: 'at_risk',
      depends_on: [protocol.id],
      early_win: true,
      visibility: 'party',
      payment: { amount_minor: 250000000, currency: 'EUR', payer_party_id: ME.organization.id, payer_party_name: 'Meridian Therapeutics', payee_party_id: PARTNER_ID, payee_party_name: 'Pulsewise Health' },
    });
    const seen = fakeApi({
      [`GET /api/v1/alliances/${alliance.id}/milestones`]: (request) => ({
        status: 200,
        body: { items: request.search.get('early_win') === 'true' ? [ind] : [protocol, ind], next_cursor: null },
      }),
    });
    renderPage(<MilestonesSection alliance={alliance} plan={makePlan({ objectives: [objective], milestones: [protocol, ind] })} members={[]} />);

    const row = await screen.findByRole('row', { name: /^IND filed/ });
    expect(row).toHaveTextContent('+45 days');
    expect(row).toHaveTextContent('At risk');
    expect(row).toHaveTextContent('€2,500,000.00');
    expect(row).toHaveTextContent('Protocol approved');
    expect(row).toHaveTextContent('Early win');
    expect(row).toHaveTextContent('Only Meridian Therapeutics');
    expect(within(screen.getByRole('row', { name: /^Protocol approved/ })).getByText('Achieved')).toBeInTheDocument();

    await user.click(screen.getByRole('switch', { name: 'Early wins only' }));
    await waitFor(() => expect(screen.queryByRole('row', { name: /^Protocol approved/ })).not.toBeInTheDocument());
    expect(seen.at(-1)?.search.get('early_win')).toBe('true');
  });

  it('explains a late and an at-risk milestone, and moves the forecast by the dependency’s slip with a reason', async () => {
    const objective = makeObjective();
    const site = makeMilestone({ objective_id: objective.id, title: 'Hospital A activation', forecast_date: '2027-03-22', status: 'on_track', days_late: 0, pushed_by: [] });
    const contract = makeMilestone({ objective_id: objective.id, title: 'Site contract signed', planned_date: '2026-11-01', forecast_date: '2026-11-09', status: 'late', days_late: 12, pushed_by: [] });
    const fpi = makeMilestone({
      objective_id: objective.id,
      title: 'First patient in',
      planned_date: '2027-03-01',
      forecast_date: '2027-03-01',
      status: 'at_risk',
      depends_on: [site.id],
      version: 7,
      days_late: 0,
      pushed_by: [{ milestone_id: site.id, title: 'Hospital A activation', date: '2027-03-22', days_later: 21 }],
    });
    const seen = fakeApi({
      [`GET /api/v1/alliances/${alliance.id}/milestones`]: { status: 200, body: { items: [contract, fpi, site], next_cursor: null } },
      [`PATCH /api/v1/alliances/${alliance.id}/milestones/${fpi.id}`]: (request) => ({
        status: 200,
        body: { ...fpi, ...(request.body as object), version: 8 },
      }),
    });
    renderPage(<MilestonesSection alliance={alliance} plan={makePlan({ objectives: [objective], milestones: [contract, fpi, site] })} members={[]} />);

    expect(await screen.findByRole('row', { name: /^Site contract signed/ })).toHaveTextContent('Late by 12 days');
    const row = screen.getByRole('row', { name: /^First patient in/ });
    expect(row).toHaveTextContent('At risk: depends on Hospital A activation, forecast 3 weeks later');

    await user.click(within(row).getByRole('button', { name: 'Move forecast 3 weeks later' }));
    const dialog = await screen.findByRole('dialog', { name: 'Move the forecast of “First patient in”' });
    expect(within(dialog).getByRole('textbox', { name: /Why the forecast moved/ })).toHaveValue(
      `Moved 3 weeks later: it depends on Hospital A activation, now forecast for ${formatDate('2027-03-22')}.`,
    );
    expect(dialog).toHaveTextContent(/3 weeks later than the current forecast/);
    await user.click(within(dialog).getByRole('button', { name: 'Move forecast' }));

    await waitFor(() => expect(seen.some((r) => r.method === 'PATCH')).toBe(true));
    const patch = seen.find((r) => r.method === 'PATCH');
    expect(patch?.headers.get('If-Match')).toBe('"7"');
    expect(patch?.body).toEqual({
      forecast_date: '2027-03-22',
      reason: `Moved 3 weeks later: it depends on Hospital A activation, now forecast for ${formatDate('2027-03-22')}.`,
    });
  });

  it('asks for an objective before the first milestone', async () => {
    fakeApi({ [`GET /api/v1/alliances/${alliance.id}/milestones`]: { status: 200, body: { items: [], next_cursor: null } } });
    renderPage(<MilestonesSection alliance={alliance} plan={makePlan()} members={[]} />);
    expect(await screen.findByText(/add an objective first/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'New milestone' })).toBeDisabled();
  });
});
