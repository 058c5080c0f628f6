import { screen, waitFor, within } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeDataset } from '../../test/agreements';
import { MEMBERS } from '../../test/governance';
import { fakeApi, makeAlliance, PARTNER_ID, renderPage } from '../../test/utils';
import { today } from '../../ui/format';
import { DataRegisterSection } from './DataRegisterSection';

const user = userEventLib.setup({ delay: null });

afterEach(() => vi.unstubAllGlobals());

const alliance = makeAlliance();
const base = `/api/v1/alliances/${alliance.id}`;
const received = makeDataset({ name: 'Adherence data, cohort A', destruction_status: 'overdue', destruction_due_on: '2026-10-01', version: 5 });
const sent = makeDataset({ name: 'Trial site list', provider_id: alliance.my_party.organization_id, recipient_id: PARTNER_ID, provider_name: 'Meridian Therapeutics', recipient_name: 'Pulsewise Health' });
const destroyed = makeDataset({ name: 'Pilot export', destruction_status: 'confirmed', destroyed_on: '2026-08-01', destruction_confirmed_by_name: 'Alice Moreau' });

describe('the data register', () => {
  it('shows each dataset’s destruction status and lets the recipient confirm a destruction', { timeout: 40000 }, async () => {
    const seen = fakeApi({
      [`GET ${base}/datasets`]: { status: 200, body: { items: [received, sent, destroyed], next_cursor: null } },
      [`POST ${base}/datasets/${received.id}/destruction`]: (r) => ({ status: 200, body: { ...received, ...(r.body as object), destruction_status: 'confirmed' } }),
    });
    renderPage(<DataRegisterSection alliance={alliance} members={MEMBERS} agreements={[]} />);
    const table = await screen.findByRole('table', { name: 'Data register' });
    const row = within(table).getByRole('row', { name: /Adherence data, cohort A/ });
    expect(row.querySelector('[data-destruction-status="overdue"]')).toHaveTextContent('Destruction overdue');
    expect(within(table).getByRole('row', { name: /Pilot export/ })).toHaveTextContent('Destroyed');
    // Only the recipient confirms, and only what is not destroyed yet.
    expect(within(within(table).getByRole('row', { name: /Trial site list/ })).queryByRole('button', { name: /Confirm destruction/ })).not.toBeInTheDocument();
    expect(within(within(table).getByRole('row', { name: /Pilot export/ })).queryByRole('button', { name: /Confirm destruction/ })).not.toBeInTheDocument();

    await user.click(within(row).getByRole('button', { name: 'Confirm destruction of “Adherence data, cohort A”' }));
    const dialog = await screen.findByRole('dialog', { name: 'Confirm destruction' });
    await user.type(within(dialog).getByRole('textbox', { name: /Evidence/ }), 'Certificate DST-2026-114');
    await user.click(within(dialog).getByRole('button', { name: 'Confirm destruction' }));
    await waitFor(() => expect(seen.some((r) => r.method === 'POST')).toBe(true));
    const post = seen.find((r) => r.method === 'POST');
    expect(post?.headers.get('If-Match')).toBe('"5"');
    expect(post?.body).toEqual({ destroyed_on: today(), evidence: 'Certificate DST-2026-114' });
  });
});
