import { screen, waitFor, within } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeCommittee, makeSeat, MEMBERS, pick, PARTNER_USER } from '../../test/governance';
import { fakeApi, makeAlliance, ME, PARTNER_ID, renderPage } from '../../test/utils';
import { formatDate } from '../../ui/format';
import { CommitteesSection } from './CommitteesSection';

const user = userEventLib.setup({ delay: null });

afterEach(() => vi.unstubAllGlobals());

const alliance = makeAlliance();

function structure() {
  const jsc = makeCommittee({
    name: 'Joint Steering Committee',
    version: 6,
    chair_party_id: ME.organization.id,
    chair_party_name: 'Meridian Therapeutics',
    chair_rotation: 'yearly',
    members: [
      makeSeat({ user_id: ME.user.id, name: 'Alice Moreau', role: 'chair' }),
      makeSeat({ user_id: PARTNER_USER, name: 'Dana Whitfield', organization_id: PARTNER_ID, organization_name: 'Pulsewise Health', role: 'co_chair' }),
      makeSeat({ name: 'Ben Okafor', role: 'secretary' }),
      makeSeat({ name: 'Carl Jensen', role: 'voting_member', current: false, joined_on: '2026-01-10', left_on: '2026-06-30' }),
    ],
  });
  const jdc = makeCommittee({ name: 'Joint Development Committee', kind: 'joint_development', parent_id: jsc.id, cadence: 'monthly', meeting_minutes: 90 });
  return { jsc, jdc };
}

describe('CommitteesSection', () => {
  it('shows sub-committees under their parent and the current members by party with their roles', async () => {
    fakeApi({});
    const { jsc, jdc } = structure();
    renderPage(<CommitteesSection alliance={{ ...alliance, my_role: 'viewer' }} committees={[jdc, jsc]} members={MEMBERS} />);
    const top = screen.getByRole('article', { name: 'Joint Steering Committee' });
    expect(top).toHaveTextContent('Chair: Meridian Therapeutics (rotates yearly since');
    const ours = within(top).getByRole('region', { name: 'Meridian Therapeutics on Joint Steering Committee' });
    expect(within(ours).getAllByRole('listitem').map((li) => li.getAttribute('data-seat'))).toEqual(['Alice Moreau:chair', 'Ben Okafor:secretary']);
    expect(within(ours).getByText('Chairs now')).toBeInTheDocument();
    const theirs = within(top).getByRole('region', { name: 'Pulsewise Health on Joint Steering Committee' });
    expect(within(theirs).getByText('Dana Whitfield')).toBeInTheDocument();
    expect(within(theirs).getByText('Co-chair')).toBeInTheDocument();
    expect(screen.queryByText('Carl Jensen')).not.toBeInTheDocument();

    const children = screen.getByRole('group', { name: 'Sub-committees of Joint Steering Committee' });
    expect(within(children).getByRole('article', { name: 'Joint Development Committee' })).toHaveTextContent('No members yet.');
    expect(screen.queryByRole('button', { name: 'New committee' })).not.toBeInTheDocument();
  });

  it('lists past seats with their dates in the seat history', async () => {
    fakeApi({});
    const { jsc } = structure();
    renderPage(<CommitteesSection alliance={alliance} committees={[jsc]} members={MEMBERS} />);
    await user.click(screen.getByRole('button', { name: 'Actions for “Joint Steering Committee”' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Seat history' }));
    const drawer = await screen.findByRole('dialog', { name: 'Seat history of Joint Steering Committee' });
    const carl = within(drawer).getByRole('row', { name: /Carl Jensen/ });
    expect(carl).toHaveAttribute('data-seat', 'Carl Jensen:voting_member:past');
    expect(carl).toHaveTextContent(formatDate('2026-06-30'));
    expect(carl).toHaveTextContent(formatDate('2026-01-10'));
    expect(within(drawer).getByRole('row', { name: /Alice Moreau/ })).toHaveTextContent('Sitting');
  });

  it('changes a member’s role against the committee’s version, and adds a member', async () => {
    const { jsc } = structure();
    const path = `/api/v1/alliances/${alliance.id}/committees/${jsc.id}`;
    const ben = jsc.members[2]!;
    const seen = fakeApi({
      [`PATCH ${path}/members/${ben.id}`]: { status: 200, body: jsc },
      [`POST ${path}/members`]: { status: 201, body: jsc },
    });
    renderPage(<CommitteesSection alliance={alliance} committees={[jsc]} members={[...MEMBERS, { ...MEMBERS[0]!, user_id: 'ben', name: 'Ben Okafor' }, { ...MEMBERS[0]!, user_id: 'eve', name: 'Eve Adams' }]} />);
    const ours = screen.getByRole('region', { name: 'Meridian Therapeutics on Joint Steering Committee' });
    expect(within(ours).getByText('Secretary')).toBeInTheDocument();
    await user.click(within(ours).getByRole('button', { name: 'Change the role of Ben Okafor on Joint Steering Committee, or remove them' }));
    // jsdom has no layout, so the menu counts as hidden to the accessibility tree.
    await user.click(await screen.findByRole('menuitem', { name: 'Voting', hidden: true }));
    await waitFor(() => expect(seen.some((r) => r.method === 'PATCH')).toBe(true));
    const patch = seen.find((r) => r.method === 'PATCH');
    expect(patch?.headers.get('If-Match')).toBe('"6"');
    expect(patch?.body).toEqual({ role: 'voting_member' });

    await user.click(screen.getByRole('button', { name: 'Add member to Joint Steering Committee' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a member to Joint Steering Committee' });
    await pick(user, /^Person/, 'Eve Adams (Meridian Therapeutics)', dialog);
    await pick(user, /^Role/, 'Non-voting', dialog);
    await user.click(within(dialog).getByRole('button', { name: 'Add member' }));
    await waitFor(() => expect(seen.some((r) => r.method === 'POST')).toBe(true));
    expect(seen.find((r) => r.method === 'POST')?.body).toMatchObject({ user_id: 'eve', role: 'non_voting_member' });
  });
});
