import { screen, within } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeCommittee, makeStakeholder, MEMBERS } from '../../test/governance';
import { fakeApi, makeAlliance, renderPage } from '../../test/utils';
import { GovernancePanel } from './GovernancePanel';

const user = userEventLib.setup({ delay: null });

afterEach(() => vi.unstubAllGlobals());

const alliance = makeAlliance();
const base = `/api/v1/alliances/${alliance.id}`;

function server() {
  return fakeApi({
    [`GET ${base}/committees`]: { status: 200, body: { items: [makeCommittee()], next_cursor: null } },
    [`GET ${base}/members`]: { status: 200, body: { items: MEMBERS } },
    [`GET ${base}/stakeholders`]: {
      status: 200,
      body: {
        items: [
          makeStakeholder({ name: 'Maria Keller', influence: 5, interest: 4, quadrant: 'manage_closely', attitude: 'champion' }),
          makeStakeholder({ name: 'Tom Berg', influence: 1, interest: 2, quadrant: 'monitor', attitude: 'sceptic' }),
        ],
        next_cursor: null,
      },
    },
  });
}

describe('GovernancePanel', () => {
  it('opens on the committees and keeps the chosen section in the address', async () => {
    server();
    const { router } = renderPage(<GovernancePanel alliance={alliance} />, { route: '/alliances/a/governance' });
    expect(await screen.findByRole('article', { name: 'Joint Steering Committee' })).toBeInTheDocument();
    expect(screen.getByRole('tablist', { name: 'Governance sections' })).toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: 'Stakeholders' }));
    expect(router.state.location.search).toBe('?section=stakeholders');
  });

  it('drops the meetings calendar and an open record from the address on a switch', async () => {
    server();
    const { router } = renderPage(<GovernancePanel alliance={alliance} />, {
      route: '/?section=stakeholders&view=calendar&day=2027-03-10&meeting=m1&issue=i1',
    });
    await screen.findByRole('table', { name: 'Stakeholders' });
    await user.click(screen.getByRole('tab', { name: 'Committees' }));
    expect(router.state.location.search).toBe('');
  });

  it('shows the stakeholder map with the same people in a table', async () => {
    server();
    renderPage(<GovernancePanel alliance={alliance} />, { route: '/?section=stakeholders' });
    const table = await screen.findByRole('table', { name: 'Stakeholders' });
    const maria = within(table).getByRole('row', { name: /Maria Keller/ });
    expect(within(maria).getByText('Manage closely')).toBeInTheDocument();
    expect(within(maria).getByText('Champion')).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Stakeholder map, influence against interest. Manage closely: Maria Keller. Monitor: Tom Berg.' })).toBeInTheDocument();
  });
});
