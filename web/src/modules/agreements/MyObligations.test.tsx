import { screen, waitFor, within } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeOccurrence } from '../../test/agreements';
import { pick } from '../../test/governance';
import { fakeApi, renderPage } from '../../test/utils';
import { MyObligationsPage } from '../../pages/MyObligationsPage';

const user = userEventLib.setup({ delay: null });

afterEach(() => vi.unstubAllGlobals());

const A1 = '01a1ffd0-0000-7000-9000-0000000e0001';
const A2 = '01a1ffd0-0000-7000-9000-0000000e0002';
const late = { ...makeOccurrence({ obligation_id: 'o1', obligation_title: 'Quarterly development report', due_on: '2026-09-30', status: 'overdue' }), alliance_id: A1, alliance_name: 'Meridian × Pulsewise adherence' };
const soon = { ...makeOccurrence({ obligation_id: 'o2', obligation_title: 'Safety data exchange', due_on: '2026-12-01', status: 'due', version: 2 }), alliance_id: A2, alliance_name: 'Meridian × Corvia cardio' };

describe('My obligations', () => {
  it('lists my due dates across alliances, with links to each alliance’s obligations, and marks one fulfilled', { timeout: 40000 }, async () => {
    const seen = fakeApi({
      'GET /api/v1/me/obligations': (r) => ({ status: 200, body: { items: r.search.get('status') === 'overdue' ? [late] : [late, soon] } }),
      [`PUT /api/v1/alliances/${A2}/obligations/o2/occurrences/2026-12-01`]: { status: 200, body: { ...soon, status: 'fulfilled', version: 3 } },
    });
    renderPage(<MyObligationsPage />);
    expect(screen.getByRole('heading', { name: 'My obligations' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'My obligations' });
    const first = within(table).getByRole('row', { name: /Quarterly development report/ });
    expect(first).toHaveAttribute('data-overdue', 'true');
    expect(within(first).getByRole('link', { name: 'Meridian × Pulsewise adherence' })).toHaveAttribute('href', `/alliances/${A1}/agreements?section=obligations`);
    expect(screen.getByText('2 due dates · 1 overdue')).toBeInTheDocument();

    await user.click(within(table).getByRole('button', { name: 'Mark “Safety data exchange” due Dec 1, 2026 fulfilled' }));
    const dialog = await screen.findByRole('dialog', { name: 'Mark fulfilled' });
    await user.type(within(dialog).getByRole('textbox', { name: /Evidence/ }), 'Sent to PV mailbox');
    await user.click(within(dialog).getByRole('button', { name: 'Mark fulfilled' }));
    await waitFor(() => expect(seen.some((r) => r.method === 'PUT')).toBe(true));
    const put = seen.find((r) => r.method === 'PUT');
    expect(put?.headers.get('If-Match')).toBe('"2"');
    expect(put?.body).toEqual({ status: 'fulfilled', evidence: 'Sent to PV mailbox' });

    await pick(user, 'Status', 'Overdue');
    await waitFor(() => expect(within(table).queryByRole('row', { name: /Safety data exchange/ })).not.toBeInTheDocument());
  });

  it('says so when there is nothing on the list', async () => {
    fakeApi({ 'GET /api/v1/me/obligations': { status: 200, body: { items: [] } } });
    renderPage(<MyObligationsPage />);
    expect(await screen.findByRole('heading', { name: 'Nothing on your list' })).toBeInTheDocument();
  });
});
