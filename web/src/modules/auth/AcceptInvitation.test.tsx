import { screen, waitFor } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, ME, problem, renderPage } from '../../test/utils';
import { AcceptInvitation } from './AcceptInvitation';

const user = userEventLib.setup({ delay: null });

afterEach(() => vi.unstubAllGlobals());

const lookup = {
  status: 200,
  body: {
    email: 'dana@pulsewise.example',
    name: 'Dana Whitfield',
    organization_name: 'Pulsewise Health',
    alliance_name: 'Meridian × Pulsewise adherence',
    expires_at: '2026-11-28T20:33:53.581Z',
  },
};

describe('AcceptInvitation', () => {
  it('says what the person is invited to and sets their password', async () => {
    const seen = fakeApi({
      'GET /api/v1/invitations/lookup': lookup,
      'POST /api/v1/invitations/accept': { status: 200, body: { ...ME, user: { ...ME.user, name: 'Dana Whitfield' } } },
    });
    const onAccepted = vi.fn();
    renderPage(<AcceptInvitation token="tok-123" onAccepted={onAccepted} />, { me: null });
    expect(await screen.findByText('Join the alliance “Meridian × Pulsewise adherence”')).toBeInTheDocument();
    expect(screen.getByText(/Invitation for dana@pulsewise.example/)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Your name/ })).toHaveValue('Dana Whitfield');

    await user.type(screen.getByLabelText(/^Choose a password/), 'short');
    expect(await screen.findByText('Use at least 12 characters')).toBeInTheDocument();
    await user.type(screen.getByLabelText(/^Choose a password/), '-but-now-long');
    await user.type(screen.getByLabelText(/^Repeat the password/), 'something else');
    expect(await screen.findByText('The passwords do not match')).toBeInTheDocument();
    await user.clear(screen.getByLabelText(/^Repeat the password/));
    await user.type(screen.getByLabelText(/^Repeat the password/), 'short-but-now-long');
    await user.click(screen.getByRole('button', { name: 'Accept and sign in' }));
    await waitFor(() => expect(onAccepted).toHaveBeenCalled());
    expect(seen.find((r) => r.method === 'POST')?.body).toEqual({ token: 'tok-123', password: 'short-but-now-long', name: 'Dana Whitfield' });
    expect(seen[0]?.search.get('token')).toBe('tok-123');
  });

  it('explains a used or expired link', async () => {
    fakeApi({ 'GET /api/v1/invitations/lookup': problem(404, 'No such invitation') });
    renderPage(<AcceptInvitation token="old" onAccepted={vi.fn()} />, { me: null });
    expect(await screen.findByText('This invitation can no longer be used')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Accept and sign in' })).not.toBeInTheDocument();
  });
});
