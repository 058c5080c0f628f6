import { screen, waitFor, within } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeAction, MEMBERS } from '../../test/governance';
import { fakeApi, makeAlliance, renderPage } from '../../test/utils';
import { ActionsSection } from './ActionsSection';

const user = userEventLib.setup({ delay: null });

afterEach(() => vi.unstubAllGlobals());

const alliance = makeAlliance();
const path = `/api/v1/alliances/${alliance.id}/actions`;

describe('ActionsSection', () => {
  it('flags overdue actions, filters them, and marks one done with one click', async () => {
    const late = makeAction({ title: 'Send the revised budget', due_on: '2026-11-01', overdue: true, version: 7 });
    const fine = makeAction({ title: 'Book the venue', due_on: '2027-02-01' });
    const seen = fakeApi({
      [`GET ${path}`]: (request) => ({ status: 200, body: { items: request.search.get('overdue') === 'true' ? [late] : [late, fine], next_cursor: null } }),
      [`PATCH ${path}/${late.id}`]: { status: 200, body: { ...late, status: 'done' } },
    });
    renderPage(<ActionsSection alliance={alliance} members={MEMBERS} />);
    const row = await screen.findByRole('row', { name: /Send the revised budget/ });
    expect(row).toHaveAttribute('data-overdue', 'true');
    expect(within(row).getByText('Overdue')).toBeInTheDocument();
    expect(screen.getByRole('row', { name: /Book the venue/ })).not.toHaveAttribute('data-overdue');
    expect(screen.getByText('2 actions · 1 overdue')).toBeInTheDocument();

    await user.click(screen.getByRole('switch', { name: 'Overdue only' }));
    await waitFor(() => expect(screen.queryByRole('row', { name: /Book the venue/ })).not.toBeInTheDocument());

    await user.click(within(row).getByRole('button', { name: 'Mark “Send the revised budget” done' }));
    await waitFor(() => expect(seen.some((r) => r.method === 'PATCH')).toBe(true));
    const patch = seen.find((r) => r.method === 'PATCH');
    expect(patch?.headers.get('If-Match')).toBe('"7"');
    expect(patch?.body).toEqual({ status: 'done' });
  });
});
