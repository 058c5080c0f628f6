import { screen, waitFor, within } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeAgreement } from '../../test/agreements';
import { MEMBERS } from '../../test/governance';
import { fakeApi, makeAlliance, renderPage } from '../../test/utils';
import { AgreementNotes } from './AgreementNotes';

const user = userEventLib.setup({ delay: null });

afterEach(() => vi.unstubAllGlobals());

const alliance = makeAlliance();
const agreement = makeAgreement({ id: '01a1ffd0-0000-7000-9000-0000000f0001' });
const path = `/api/v1/alliances/${alliance.id}/agreements/${agreement.id}/notes`;

describe('internal notes on an agreement', () => {
  it('are private to my party unless I choose otherwise', { timeout: 40000 }, async () => {
    const seen = fakeApi({
      [`GET ${path}`]: { status: 200, body: { items: [], next_cursor: null } },
      [`POST ${path}`]: (r) => ({
        status: 201,
        body: { ...(r.body as object), id: 'n1', alliance_id: alliance.id, agreement_id: agreement.id, party_id: 'p', party_name: 'Meridian Therapeutics', readers: [], owner_organization_id: 'p', owner_organization_name: 'Meridian Therapeutics', author_id: 'a', author_name: 'Alice Moreau', version: 1, created_at: '2026-11-22T10:00:00Z', updated_at: '2026-11-22T10:00:00Z' },
      }),
    });
    renderPage(<AgreementNotes alliance={alliance} members={MEMBERS} agreement={agreement} />);
    const region = await screen.findByRole('region', { name: 'Internal notes' });
    expect(await within(region).findByText('No notes yet.')).toBeInTheDocument();
    await user.click(within(region).getByRole('button', { name: 'Add note' }));
    const dialog = await screen.findByRole('dialog', { name: 'New internal note' });
    expect(within(dialog).getByRole('radio', { name: /Only Meridian Therapeutics/ })).toBeChecked();
    await user.type(within(dialog).getByRole('textbox', { name: 'Note' }), 'Their counsel reads §7.2 as best efforts only.');
    await user.click(within(dialog).getByRole('button', { name: 'Add note' }));
    await waitFor(() => expect(seen.some((r) => r.method === 'POST')).toBe(true));
    expect(seen.find((r) => r.method === 'POST')?.body).toEqual({ body: 'Their counsel reads §7.2 as best efforts only.', visibility: 'party' });
  });
});
