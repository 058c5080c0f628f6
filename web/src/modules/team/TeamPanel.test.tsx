import { screen, within } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Member } from '../../api/types';
import { fakeApi, makeAlliance, ME, PARTNER_ID, renderPage } from '../../test/utils';
import { TeamPanel } from './TeamPanel';

const user = userEventLib.setup({ delay: null });

afterEach(() => vi.unstubAllGlobals());

const alliance = makeAlliance();
const member = (name: string, email: string, organization_id: string, role: Member['role'], user_id: string): Member => ({
  user_id,
  name,
  email,
  organization_id,
  role,
  added_at: '2026-11-21T20:33:53.009Z',
  version: 1,
});

function server() {
  return fakeApi({
    [`GET /api/v1/alliances/${alliance.id}/members`]: {
      status: 200,
      body: {
        items: [
          member('Alice Moreau', 'alice@meridian.example', ME.organization.id, 'manager', ME.user.id),
          member('Ben Okafor', 'ben@meridian.example', ME.organization.id, 'member', '01a1ffd0-bd23-786d-9f48-1603ba5faf34'),
          member('Dana Whitfield', 'dana@pulsewise.example', PARTNER_ID, 'manager', '01a1ffd0-bd99-786d-9f48-1603ba5faf34'),
        ],
      },
    },
    'GET /api/v1/invitations': { status: 200, body: { items: [], next_cursor: null } },
    'POST /api/v1/invitations': (request) => ({
      status: 201,
      body: {
        invitation: { id: '01a1ffd0-aaaa-7000-8000-000000000001', ...(request.body as object), expires_at: '2026-11-28T20:00:00.000Z', status: 'pending' },
        accept_url: 'http://localhost:8080/invitations/accept?token=secret-token',
        token: 'secret-token',
      },
    }),
  });
}

describe('TeamPanel', () => {
  it('lists members by party and lets a manager change roles only in their own party', async () => {
    server();
    renderPage(<TeamPanel alliance={alliance} />);
    const ours = await screen.findByRole('table', { name: 'Members from Meridian Therapeutics' });
    const partners = screen.getByRole('table', { name: 'Members from Pulsewise Health' });
    expect(within(ours).getByRole('combobox', { name: 'Role of Ben Okafor' })).toHaveValue('Team member');
    expect(within(partners).queryByRole('combobox')).not.toBeInTheDocument();
    expect(within(partners).getByText('Alliance manager')).toBeInTheDocument();
    expect(within(ours).getByRole('button', { name: 'Remove Ben Okafor from the alliance' })).toBeInTheDocument();
    expect(within(ours).queryByRole('button', { name: /Remove Alice Moreau/ })).not.toBeInTheDocument();
  });

  it('invites a partner person and shows the link to copy', async () => {
    const seen = server();
    renderPage(<TeamPanel alliance={alliance} />);
    await user.click(await screen.findByRole('button', { name: 'Invite a person' }));
    const dialog = await screen.findByRole('dialog', { name: 'Invite a person to this alliance' });
    expect(within(dialog).getByRole('combobox', { name: /Organisation/ })).toHaveValue('Pulsewise Health');
    await user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'Emeka Nwosu');
    await user.type(within(dialog).getByRole('textbox', { name: /^E-mail/ }), 'emeka@pulsewise.example');
    await user.click(within(dialog).getByRole('button', { name: 'Create invitation' }));
    const link = await within(dialog).findByRole('textbox', { name: 'Invitation link' });
    expect(link).toHaveValue('http://localhost:8080/invitations/accept?token=secret-token');
    expect(within(dialog).getByRole('button', { name: 'Copy invitation link' })).toBeInTheDocument();
    expect(seen.find((r) => r.method === 'POST')?.body).toEqual({
      email: 'emeka@pulsewise.example',
      name: 'Emeka Nwosu',
      organization_id: PARTNER_ID,
      alliance_id: alliance.id,
      alliance_role: 'member',
    });
  });

  it('shows no management controls to a team member', async () => {
    server();
    renderPage(<TeamPanel alliance={{ ...alliance, my_role: 'member' }} />);
    await screen.findByRole('table', { name: 'Members from Meridian Therapeutics' });
    expect(screen.queryByRole('button', { name: 'Invite a person' })).not.toBeInTheDocument();
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
  });
});
