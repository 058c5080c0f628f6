import { screen, waitFor, within } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeIpAsset } from '../../test/agreements';
import { MEMBERS, pick } from '../../test/governance';
import { fakeApi, makeAlliance, ME, PARTNER_ID, renderPage } from '../../test/utils';
import { IpRegisterSection } from './IpRegisterSection';

const user = userEventLib.setup({ delay: null });

afterEach(() => vi.unstubAllGlobals());

const alliance = makeAlliance();
const base = `/api/v1/alliances/${alliance.id}`;

describe('the IP register', () => {
  it('shows joint ownership in shares and the licences granted', async () => {
    fakeApi({
      [`GET ${base}/ip-assets`]: {
        status: 200,
        body: { items: [makeIpAsset({ licences: [{ licensee_id: PARTNER_ID, licensee_name: 'Pulsewise Health', field: 'Cardiology', territory: 'EU', exclusive: true }] })], next_cursor: null },
      },
    });
    renderPage(<IpRegisterSection alliance={alliance} members={MEMBERS} agreements={[]} />);
    const row = await screen.findByRole('row', { name: /Adherence prediction model/ });
    expect(row).toHaveTextContent('Foreground IP · WO2027/001234');
    expect(row).toHaveTextContent('Joint: Meridian Therapeutics 60%, Pulsewise Health 40%');
    expect(row).toHaveTextContent('Pulsewise Health (exclusive), Cardiology, EU');
  });

  it('checks that joint shares add up to 100% and sends them', { timeout: 40000 }, async () => {
    const seen = fakeApi({
      [`GET ${base}/ip-assets`]: { status: 200, body: { items: [], next_cursor: null } },
      [`POST ${base}/ip-assets`]: (r) => ({ status: 201, body: makeIpAsset(r.body as object) }),
    });
    renderPage(<IpRegisterSection alliance={alliance} members={MEMBERS} agreements={[]} />);
    await user.click(await screen.findByRole('button', { name: 'New IP asset' }));
    const dialog = await screen.findByRole('dialog', { name: 'New IP asset' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Title' }), 'Joint algorithm');
    await user.click(within(dialog).getByRole('radio', { name: 'Jointly owned' }));
    const second = within(dialog).getByRole('textbox', { name: 'Share 2 (%)' });
    await user.clear(second);
    await user.type(second, '30');
    expect(within(dialog).getByText('Total: 80%')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Add IP asset' }));
    expect(await within(dialog).findByText('The shares add up to 80%, not 100%')).toBeInTheDocument();
    const first = within(dialog).getByRole('textbox', { name: 'Share 1 (%)' });
    await user.clear(first);
    await user.type(first, '70');
    await user.click(within(dialog).getByRole('button', { name: 'Add licence' }));
    await pick(user, 'Licensee 1', 'Pulsewise Health', dialog);
    await user.click(within(dialog).getByRole('button', { name: 'Add IP asset' }));
    await waitFor(() => expect(seen.some((r) => r.method === 'POST')).toBe(true));
    expect(seen.find((r) => r.method === 'POST')?.body).toMatchObject({
      title: 'Joint algorithm',
      owner_party_id: null,
      shares: [
        { organization_id: ME.organization.id, percent: 70 },
        { organization_id: PARTNER_ID, percent: 30 },
      ],
      licences: [{ licensee_id: PARTNER_ID, field: '', territory: '', exclusive: false }],
    });
  });
});
