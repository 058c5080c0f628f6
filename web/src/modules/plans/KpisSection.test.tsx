import { screen, waitFor, within } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeKpi } from '../../test/plan';
import { fakeApi, makeAlliance, problem, renderPage } from '../../test/utils';
import { formatDate, today } from '../../ui/format';
import { addDays } from './format';
import { KpisSection } from './KpisSection';
import type { Kpi } from './types';

const user = userEventLib.setup({ delay: null });

afterEach(() => vi.unstubAllGlobals());

const alliance = makeAlliance();

async function openAddValue(routes: (kpi: Kpi) => Parameters<typeof fakeApi>[0] = () => ({})) {
  const kpi = makeKpi({ name: 'Patients enrolled per month', status: 'green' });
  const seen = fakeApi({ [`GET /api/v1/alliances/${alliance.id}/kpis`]: { status: 200, body: { items: [kpi], next_cursor: null } }, ...routes(kpi) });
  renderPage(<KpisSection alliance={alliance} members={[]} />);
  await user.click(await screen.findByRole('button', { name: 'Add a value to “Patients enrolled per month”' }));
  const dialog = await screen.findByRole('dialog', { name: 'Add a value to “Patients enrolled per month”' });
  return { kpi, seen, dialog };
}

describe('adding a KPI value', () => {
  it('refuses a day in the future on the date field, keeps the typed day and sends nothing', async () => {
    const tomorrow = addDays(today(), 1);
    const { seen, dialog } = await openAddValue(() => ({}));
    const date = within(dialog).getByRole('textbox', { name: /Measured on/ });
    await user.clear(date);
    await user.type(date, tomorrow);
    await user.type(within(dialog).getByRole('textbox', { name: /Value/ }), '34');
    expect(date).toHaveValue(formatDate(tomorrow));
    await user.click(within(dialog).getByRole('button', { name: 'Add value' }));

    expect(await within(dialog).findByText('The day cannot be in the future')).toBeInTheDocument();
    expect(date).toHaveAttribute('aria-invalid', 'true');
    expect(seen.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('shows the server’s refusal of the day on the date field', async () => {
    const { seen, dialog } = await openAddValue((kpi) => ({
      [`POST /api/v1/alliances/${alliance.id}/kpis/${kpi.id}/values`]: problem(422, 'The value is not valid.', [
        { field: 'measured_on', message: 'cannot be in the future' },
      ]),
    }));
    await user.type(within(dialog).getByRole('textbox', { name: /Value/ }), '34');
    await user.click(within(dialog).getByRole('button', { name: 'Add value' }));

    await waitFor(() => expect(seen.some((r) => r.method === 'POST')).toBe(true));
    expect((seen.find((r) => r.method === 'POST')?.body as { measured_on: string }).measured_on).toBe(today());
    const date = within(dialog).getByRole('textbox', { name: /Measured on/ });
    await waitFor(() => expect(date).toHaveAttribute('aria-invalid', 'true'));
    expect(date).toHaveAccessibleDescription(/Cannot be in the future/);
  });
});
