import { screen, waitFor, within } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeAction, makeCommittee, MEMBERS, pick } from '../../test/governance';
import { makeResults } from '../../test/health';
import { fakeApi, makeAlliance, renderPage } from '../../test/utils';
import { ActionsSection } from './ActionsSection';

const user = userEventLib.setup({ delay: null });

afterEach(() => vi.unstubAllGlobals());

const alliance = makeAlliance();
const path = `/api/v1/alliances/${alliance.id}/actions`;

describe('ActionsSection', () => {
  it('flags overdue actions, filters them, and marks one done with one click', async () => {
    const late = makeAction({ title: 'Send the revised budget', due_on: '2026-11-01', overdue: true, version: 7 });
    const fine = makeAction({ title: 'Book the venue', due_on: '2027-02-01' });
    const seen = fakeApi({
      [`GET ${path}`]: (request) => ({ status: 200, body: { items: request.search.get('overdue') === 'true' ? [late] : [late, fine], next_cursor: null } }),
      [`PATCH ${path}/${late.id}`]: { status: 200, body: { ...late, status: 'done' } },
    });
    renderPage(<ActionsSection alliance={alliance} members={MEMBERS} />);
    const row = await screen.findByRole('row', { name: /Send the revised budget/ });
    expect(row).toHaveAttribute('data-overdue', 'true');
    expect(within(row).getByText('Overdue')).toBeInTheDocument();
    expect(screen.getByRole('row', { name: /Book the venue/ })).not.toHaveAttribute('data-overdue');
    expect(screen.getByText('2 actions · 1 overdue')).toBeInTheDocument();

    await user.click(screen.getByRole('switch', { name: 'Overdue only' }));
    await waitFor(() => expect(screen.queryByRole('row', { name: /Book the venue/ })).not.toBeInTheDocument());

    await user.click(within(row).getByRole('button', { name: 'Mark “Send the revised budget” done' }));
    await waitFor(() => expect(seen.some((r) => r.method === 'PATCH')).toBe(true));
    const patch = seen.find((r) => r.method === 'PATCH');
    expect(patch?.headers.get('If-Match')).toBe('"7"');
    expect(patch?.body).toEqual({ status: 'done' });
  });

  const jsc = makeCommittee({ name: 'Joint Steering Committee' });
  const jdc = makeCommittee({ name: 'Joint Development Committee', kind: 'joint_development' });
  const committees = { [`GET /api/v1/alliances/${alliance.id}/committees`]: { status: 200, body: { items: [jsc, jdc], next_cursor: null } } };
  const waveId = '01a1ffd0-0000-7000-9000-0000000f0002';

  it('names the committee that follows each action up, and an action plan’s dimension, linked to its wave’s results', async () => {
    const followed = makeAction({ title: 'Book the venue', committee_id: jsc.id });
    const plan = makeAction({ title: 'Answer data requests within a week', committee_id: jdc.id, health: { wave_id: waveId, dimension_key: 'trust', item_key: null } });
    const ownBank = makeAction({ title: 'Rotate the chair', health: { wave_id: waveId, dimension_key: 'our_own_dimension', item_key: null } });
    const hidden = makeAction({ title: 'Review the budget', committee_id: '01a1ffd0-0000-7000-9000-0000000fffff' });
    fakeApi({ ...committees, [`GET ${path}`]: { status: 200, body: { items: [followed, plan, ownBank, hidden], next_cursor: null } } });
    renderPage(<ActionsSection alliance={alliance} members={MEMBERS} />);

    const row = await screen.findByRole('row', { name: /Answer data requests within a week/ });
    expect(await within(row).findByText('Followed up by Joint Development Committee')).toBeInTheDocument();
    expect(within(row).getByRole('link', { name: 'From the health assessment: Trust' })).toHaveAttribute('href', `/alliances/${alliance.id}/health?wave=${waveId}`);
    expect(within(screen.getByRole('row', { name: /Book the venue/ })).getByText('Followed up by Joint Steering Committee')).toBeInTheDocument();
    // A dimension of another bank is not named by its key.
    const own = screen.getByRole('row', { name: /Rotate the chair/ });
    expect(within(own).getByRole('link', { name: 'From the health assessment' })).toBeInTheDocument();
    expect(own).not.toHaveTextContent('our_own_dimension');
    expect(own).not.toHaveTextContent('Followed up by');
    expect(screen.getByRole('row', { name: /Review the budget/ })).toHaveTextContent('Followed up by a committee you cannot see');
  });

  it('sets the committee of a new action', async () => {
    const seen = fakeApi({
      ...committees,
      [`GET ${path}`]: { status: 200, body: { items: [], next_cursor: null } },
      [`POST ${path}`]: (r) => ({ status: 201, body: makeAction(r.body as object) }),
    });
    renderPage(<ActionsSection alliance={alliance} members={MEMBERS} />);
    await user.click(await screen.findByRole('button', { name: 'New action' }));
    const dialog = await screen.findByRole('dialog', { name: 'New action' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Action' }), 'Book the venue');
    await user.type(within(dialog).getByRole('textbox', { name: 'Due' }), '2027-02-01');
    await pick(user, /^Committee/, 'Joint Steering Committee', dialog);
    await user.click(within(dialog).getByRole('button', { name: 'Add action' }));
    await waitFor(() => expect(seen.some((r) => r.method === 'POST')).toBe(true));
    expect(seen.find((r) => r.method === 'POST')?.body).toMatchObject({ title: 'Book the venue', committee_id: jsc.id });
  });

  it('clears an action’s committee, sending only that change', async () => {
    const action = makeAction({ title: 'Book the venue', committee_id: jsc.id, version: 3 });
    const seen = fakeApi({
      ...committees,
      [`GET ${path}`]: { status: 200, body: { items: [action], next_cursor: null } },
      [`PATCH ${path}/${action.id}`]: { status: 200, body: { ...action, committee_id: null, version: 4 } },
    });
    renderPage(<ActionsSection alliance={alliance} members={MEMBERS} />);
    await user.click(await screen.findByRole('button', { name: 'Actions for “Book the venue”' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Edit' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit action' });
    const committee = within(dialog).getByRole('combobox', { name: /^Committee/ });
    await waitFor(() => expect(committee).toHaveValue('Joint Steering Committee'));
    // Choosing the chosen committee again leaves none (a keyboard can do it too).
    await pick(user, /^Committee/, 'Joint Steering Committee', dialog);
    expect(committee).toHaveValue('');
    await user.click(within(dialog).getByRole('button', { name: 'Save action' }));
    await waitFor(() => expect(seen.some((r) => r.method === 'PATCH')).toBe(true));
    expect(seen.find((r) => r.method === 'PATCH')?.body).toEqual({ committee_id: null });
  });

  it('names an action plan’s dimension as its wave’s results do, when the action is opened', async () => {
    const results = makeResults();
    const ownNames = { ...results, dimensions: results.dimensions.map((d) => (d.key === 'trust' ? { ...d, name: 'Trust between the parties' } : d)) };
    const plan = makeAction({ title: 'Answer data requests within a week', health: { wave_id: waveId, dimension_key: 'trust', item_key: null } });
    fakeApi({
      ...committees,
      [`GET ${path}`]: { status: 200, body: { items: [plan], next_cursor: null } },
      [`GET /api/v1/alliances/${alliance.id}/health-waves/${waveId}/results`]: { status: 200, body: ownNames },
    });
    renderPage(<ActionsSection alliance={alliance} members={MEMBERS} />);
    await user.click(await screen.findByRole('button', { name: 'Actions for “Answer data requests within a week”' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Edit' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit action' });
    expect(await within(dialog).findByRole('link', { name: 'From the health assessment: Trust between the parties' })).toHaveAttribute(
      'href',
      `/alliances/${alliance.id}/health?wave=${waveId}`,
    );
  });
});
