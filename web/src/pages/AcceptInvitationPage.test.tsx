import { screen, waitFor } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, ME, renderPage } from '../test/utils';
import { AcceptInvitationPage } from './AcceptInvitationPage';

const user = userEventLib.setup({ delay: null });

afterEach(() => vi.unstubAllGlobals());

const ALLIANCE_ID = '01a1ffd0-bf36-7cee-b537-e15daeea8071';

function invitation(overrides: object = {}) {
  return {
    status: 200,
    body: {
      email: 'dana@pulsewise.example',
      name: 'Dana Whitfield',
      organization_name: 'Pulsewise Health',
      alliance_id: ALLIANCE_ID,
      alliance_name: 'Meridian × Pulsewise adherence',
      alliance_role: 'manager',
      invited_by_name: 'Alice Moreau',
      invited_by_organization_name: 'Meridian Therapeutics',
      expires_at: '2026-11-28T20:33:53.581Z',
      ...overrides,
    },
  };
}

async function accept() {
  await user.type(screen.getByLabelText(/^Choose a password/), 'a-long-enough-password');
  await user.type(screen.getByLabelText(/^Repeat the password/), 'a-long-enough-password');
  await user.click(screen.getByRole('button', { name: 'Accept and sign in' }));
}

describe('AcceptInvitationPage', () => {
  it('says who invited you, to which alliance and as what, then lands on that alliance', async () => {
    fakeApi({
      'GET /api/v1/invitations/lookup': invitation(),
      'POST /api/v1/invitations/accept': { status: 200, body: ME },
    });
    const { router } = renderPage(<AcceptInvitationPage />, { route: '/accept-invitation?token=tok-123', me: null });
    const invitedBy = await screen.findByTestId('invited-by');
    expect(invitedBy).toHaveTextContent('Alice Moreau of Meridian Therapeutics invited you to the alliance Meridian × Pulsewise adherence as Alliance manager.');
    await accept();
    await waitFor(() => expect(router.state.location.pathname).toBe(`/alliances/${ALLIANCE_ID}`));
  });

  it('names the other roles in words too', async () => {
    fakeApi({ 'GET /api/v1/invitations/lookup': invitation({ alliance_role: 'executive' }) });
    renderPage(<AcceptInvitationPage />, { route: '/accept-invitation?token=tok-123', me: null });
    expect(await screen.findByTestId('invited-by')).toHaveTextContent('as Executive sponsor.');
  });

  it('lands on the portfolio when the invitation is to the organisation only', async () => {
    fakeApi({
      'GET /api/v1/invitations/lookup': invitation({ alliance_id: null, alliance_name: null, alliance_role: null }),
      'POST /api/v1/invitations/accept': { status: 200, body: ME },
    });
    const { router } = renderPage(<AcceptInvitationPage />, { route: '/accept-invitation?token=tok-123', me: null });
    expect(await screen.findByTestId('invited-by')).toHaveTextContent('Alice Moreau of Meridian Therapeutics invited you to join Pulsewise Health on Northstar.');
    await accept();
    await waitFor(() => expect(router.state.location.pathname).toBe('/alliances'));
  });
});
