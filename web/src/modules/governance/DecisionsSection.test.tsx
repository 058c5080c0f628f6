import { screen, waitFor, within } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeCommittee, makeDecision, makeSeat, PARTNER_USER } from '../../test/governance';
import { fakeApi, makeAlliance, ME, PARTNER_ID, renderPage } from '../../test/utils';
import { DecisionsSection } from './DecisionsSection';

const user = userEventLib.setup({ delay: null });

afterEach(() => vi.unstubAllGlobals());

const alliance = makeAlliance();
const list = `/api/v1/alliances/${alliance.id}/decisions`;

function setup(myRole: 'voting_member' | 'non_voting_member') {
  const committee = makeCommittee({
    members: [
      makeSeat({ user_id: ME.user.id, name: 'Alice Moreau', role: myRole }),
      makeSeat({ user_id: PARTNER_USER, name: 'Dana Whitfield', organization_id: PARTNER_ID, organization_name: 'Pulsewise Health', role: 'chair' }),
    ],
  });
  const decision = makeDecision({
    committee_id: committee.id,
    version: 3,
    votes: [
      { organization_id: ME.organization.id, organization_name: 'Meridian Therapeutics', position: 'pending', votes: [] },
      {
        organization_id: PARTNER_ID,
        organization_name: 'Pulsewise Health',
        position: 'approved',
        votes: [{ user_id: PARTNER_USER, name: 'Dana Whitfield', vote: 'approve', comment: 'Data look good', at: '2026-11-16T10:00:00Z' }],
      },
    ],
  });
  const seen = fakeApi({
    [`GET ${list}`]: { status: 200, body: { items: [decision], next_cursor: null } },
    [`POST ${list}/${decision.id}/votes`]: { status: 200, body: { ...decision, state: 'approved' } },
    [`POST ${list}/${decision.id}/state`]: { status: 200, body: { ...decision, state: 'deferred' } },
  });
  return { committee, decision, seen };
}

describe('DecisionsSection', () => {
  it('shows each party’s position and votes, and lets a voting member vote with a comment', async () => {
    const { committee, decision, seen } = setup('voting_member');
    renderPage(<DecisionsSection alliance={alliance} committees={[committee]} />);
    const card = await screen.findByRole('article', { name: decision.title });
    const consent = within(card).getByRole('list', { name: 'Consent by party' });
    expect(within(consent).getAllByRole('listitem').map((li) => li.getAttribute('data-consent'))).toEqual([
      'Meridian Therapeutics:pending',
      'Pulsewise Health:approved',
    ]);
    expect(within(consent).getByText('Meridian Therapeutics: Pending')).toBeInTheDocument();
    expect(within(consent).getByText('Pulsewise Health: Approves')).toBeInTheDocument();
    expect(within(consent).getByText('Dana Whitfield: approve (“Data look good”)')).toBeInTheDocument();

    await user.click(within(card).getByRole('button', { name: `Vote approve on “${decision.title}”` }));
    const dialog = await screen.findByRole('dialog', { name: 'Your vote' });
    await user.type(within(dialog).getByRole('textbox', { name: /Comment/ }), 'Agreed at the JSC');
    await user.click(within(dialog).getByRole('button', { name: 'Cast vote' }));
    await waitFor(() => expect(seen.some((r) => r.path.endsWith('/votes'))).toBe(true));
    const vote = seen.find((r) => r.path.endsWith('/votes'));
    expect(vote?.headers.get('If-Match')).toBe('"3"');
    expect(vote?.body).toEqual({ vote: 'approve', comment: 'Agreed at the JSC' });
  });

  it('offers no vote to a member without a vote, but lets a manager defer with a reason', async () => {
    const { committee, decision, seen } = setup('non_voting_member');
    renderPage(<DecisionsSection alliance={alliance} committees={[committee]} />);
    const card = await screen.findByRole('article', { name: decision.title });
    expect(within(card).queryByRole('button', { name: /Vote approve/ })).not.toBeInTheDocument();
    await user.click(within(card).getByRole('button', { name: `Defer “${decision.title}”` }));
    const dialog = await screen.findByRole('dialog', { name: 'Defer the decision' });
    await user.type(within(dialog).getByRole('textbox', { name: /Reason/ }), 'Waiting for the interim data');
    await user.click(within(dialog).getByRole('button', { name: 'Defer' }));
    await waitFor(() => expect(seen.some((r) => r.path.endsWith('/state'))).toBe(true));
    expect(seen.find((r) => r.path.endsWith('/state'))?.body).toEqual({ state: 'deferred', reason: 'Waiting for the interim data' });
  });

  it('searches the log and exports the same selection as CSV', async () => {
    const { committee, seen } = setup('voting_member');
    renderPage(<DecisionsSection alliance={alliance} committees={[committee]} />);
    await screen.findByRole('article', { name: /phase II/ });
    await user.type(screen.getByRole('textbox', { name: 'Search decisions' }), 'budget');
    await waitFor(() => expect(seen.some((r) => r.method === 'GET' && r.search.get('q') === 'budget')).toBe(true));
    expect(screen.getByRole('link', { name: 'Export CSV' })).toHaveAttribute('href', `${list}/export.csv?q=budget&date_format=MMM+D%2C+YYYY`);
  });
});
