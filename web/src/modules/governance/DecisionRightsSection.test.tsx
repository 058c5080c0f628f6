import { screen, waitFor, within } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeCommittee, makeDecisionRight, MEMBERS, pick } from '../../test/governance';
import { fakeApi, makeAlliance, renderPage } from '../../test/utils';
import { DecisionRightsSection } from './DecisionRightsSection';

const user = userEventLib.setup({ delay: null });

afterEach(() => vi.unstubAllGlobals());

const alliance = makeAlliance();
const path = `/api/v1/alliances/${alliance.id}/decision-rights`;

describe('DecisionRightsSection', () => {
  it('shows each decision type with its deciding body and escalation path', async () => {
    const jsc = makeCommittee({ name: 'Joint Steering Committee' });
    fakeApi({ [`GET ${path}`]: { status: 200, body: { items: [makeDecisionRight({ committee_id: jsc.id })], next_cursor: null } } });
    renderPage(<DecisionRightsSection alliance={alliance} committees={[jsc]} members={MEMBERS} />);
    const row = await screen.findByRole('row', { name: /Budget change above €1m/ });
    expect(row).toHaveTextContent('Joint Steering Committee');
    const chips = within(row).getByRole('list', { name: /^Escalation path/ });
    expect(within(chips).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Team (10 d)', 'JDC (14 d)', 'JSC (30 d)', 'Executives (30 d)']);
  });

  it('builds the path as an editable list of levels, in the order shown', { timeout: 30000 }, async () => {
    const jsc = makeCommittee({ name: 'Joint Steering Committee' });
    const jdc = makeCommittee({ name: 'Joint Development Committee' });
    const seen = fakeApi({
      [`GET ${path}`]: { status: 200, body: { items: [], next_cursor: null } },
      [`POST ${path}`]: (request) => ({ status: 201, body: makeDecisionRight(request.body as object) }),
    });
    renderPage(<DecisionRightsSection alliance={alliance} committees={[jsc, jdc]} members={MEMBERS} />);
    await user.click(await screen.findByRole('button', { name: 'New decision right' }));
    const dialog = await screen.findByRole('dialog', { name: 'New decision right' });
    await user.type(within(dialog).getByRole('textbox', { name: /^Decision type/ }), 'IP');
    await pick(user, /^Decided by/, 'Joint Development Committee', dialog);
    await pick(user, 'Committee of level 1', 'Joint Development Committee', dialog);
    expect(within(dialog).getByRole('textbox', { name: 'Name of escalation level 1' })).toHaveValue('Joint Development Committee');
    await user.click(within(dialog).getByRole('button', { name: 'Add level' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Name of escalation level 2' }), 'CEOs');
    await user.click(within(dialog).getByRole('button', { name: 'Move CEOs up' }));
    expect(within(dialog).getByRole('textbox', { name: 'Name of escalation level 1' })).toHaveValue('CEOs');
    await user.click(within(dialog).getByRole('button', { name: 'Move CEOs down' }));
    await user.click(within(dialog).getByRole('button', { name: 'Add decision right' }));
    await waitFor(() => expect(seen.some((r) => r.method === 'POST')).toBe(true));
    expect(seen.find((r) => r.method === 'POST')?.body).toMatchObject({
      decision_type: 'IP',
      committee_id: jdc.id,
      levels: [
        { name: 'Joint Development Committee', committee_id: jdc.id, days: 14 },
        { name: 'CEOs', committee_id: null, days: 30 },
      ],
    });
  });
});
