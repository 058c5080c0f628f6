import { screen, waitFor, within } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Communication } from './types';
import { fakeApi, makeAlliance, ME, PARTNER_ID, renderPage } from '../../test/utils';
import { CommunicationsSection } from './CommunicationsSection';

const user = userEventLib.setup({ delay: null });

afterEach(() => vi.unstubAllGlobals());

const alliance = makeAlliance();
const list = `/api/v1/alliances/${alliance.id}/communications`;

function external(): Communication {
  return {
    id: '01a1ffd0-0000-7000-8000-0000000000c1',
    alliance_id: alliance.id,
    category: 'external',
    kind: 'press_release',
    title: 'Pilot launch press release',
    description: '',
    audience: 'Trade press',
    cadence: null,
    party_id: PARTNER_ID,
    party_name: 'Pulsewise Health',
    responsible_user_id: null,
    responsible_user_name: null,
    planned_date: '2026-12-05',
    approval_state: 'pending',
    approvals: [
      { organization_id: ME.organization.id, organization_name: 'Meridian Therapeutics', decision: 'pending', reason: null, decided_by: null, decided_by_name: null, decided_at: null },
      {
        organization_id: PARTNER_ID,
        organization_name: 'Pulsewise Health',
        decision: 'rejected',
        reason: 'Embargo until the congress',
        decided_by: 'u',
        decided_by_name: 'Dana Whitfield',
        decided_at: '2026-11-20T10:00:00.000Z',
      },
    ],
    visibility: 'alliance',
    owner_organization_id: PARTNER_ID,
    owner_organization_name: 'Pulsewise Health',
    author_id: 'u',
    author_name: 'Dana Whitfield',
    readers: [],
    version: 7,
    created_at: '2026-11-19T10:00:00.000Z',
    updated_at: '2026-11-20T10:00:00.000Z',
  };
}

function server() {
  return fakeApi({
    [`GET ${list}`]: (request) => ({
      status: 200,
      body: { items: request.search.get('category') === 'external' ? [external()] : [], next_cursor: null },
    }),
    [`POST ${list}/${external().id}/decision`]: { status: 200, body: external() },
  });
}

describe('CommunicationsSection', () => {
  it('shows each party’s decision and lets a manager approve for their own party', async () => {
    const seen = server();
    renderPage(<CommunicationsSection alliance={alliance} members={[]} />);
    const row = await screen.findByRole('row', { name: /Pilot launch press release/ });
    expect(within(row).getByText('Awaiting approval')).toBeInTheDocument();
    expect(within(row).getByLabelText('Meridian Therapeutics: Pending')).toBeInTheDocument();
    expect(within(row).getByLabelText(/Pulsewise Health: Rejected by Dana Whitfield, .*: “Embargo until the congress”/)).toBeInTheDocument();

    await user.click(within(row).getByRole('button', { name: 'Approve “Pilot launch press release” for Meridian Therapeutics' }));
    await waitFor(() => expect(seen.some((r) => r.method === 'POST')).toBe(true));
    const post = seen.find((r) => r.method === 'POST');
    expect(post?.headers.get('If-Match')).toBe('"7"');
    expect(post?.body).toEqual({ decision: 'approve' });
  });

  it('needs a reason to reject', async () => {
    const seen = server();
    renderPage(<CommunicationsSection alliance={alliance} members={[]} />);
    const row = await screen.findByRole('row', { name: /Pilot launch press release/ });
    await user.click(within(row).getByRole('button', { name: /^Reject/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Reject the communication' });
    await user.click(within(dialog).getByRole('button', { name: 'Reject' }));
    expect(await within(dialog).findByText('Say why, so that the author can fix it')).toBeInTheDocument();
    expect(seen.some((r) => r.method === 'POST')).toBe(false);

    await user.type(within(dialog).getByRole('textbox', { name: 'Reason' }), 'Wrong trial name');
    await user.click(within(dialog).getByRole('button', { name: 'Reject' }));
    await waitFor(() => expect(seen.some((r) => r.method === 'POST')).toBe(true));
    expect(seen.find((r) => r.method === 'POST')?.body).toEqual({ decision: 'reject', reason: 'Wrong trial name' });
  });

  it('shows decisions but no decision buttons to members who are not managers', async () => {
    server();
    renderPage(<CommunicationsSection alliance={{ ...alliance, my_role: 'member' }} members={[]} />);
    const row = await screen.findByRole('row', { name: /Pilot launch press release/ });
    expect(within(row).getByText('Awaiting approval')).toBeInTheDocument();
    expect(within(row).queryByRole('button', { name: /Approve/ })).not.toBeInTheDocument();
  });
});
