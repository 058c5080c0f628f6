import { screen, waitFor, within } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeWorkstream } from '../../test/plan';
import { fakeApi, makeAlliance, ME, PARTNER_ID, problem, renderPage } from '../../test/utils';
import { RaciGrid } from './RaciSection';

const user = userEventLib.setup({ delay: null });

afterEach(() => vi.unstubAllGlobals());

const alliance = makeAlliance();

async function pick(label: string, option: string) {
  const input = screen.getByRole('combobox', { name: label });
  await user.click(input);
  const list = await waitFor(() => {
    const id = input.getAttribute('aria-controls');
    const element = id ? document.getElementById(id) : null;
    if (!element) throw new Error(`the ${label} list did not open`);
    return element;
  });
  await user.click(within(list).getByRole('option', { name: option, hidden: true }));
}

describe('RaciGrid', () => {
  it('sends the whole grid, with party-level assignments, when a cell changes', async () => {
    const workstream = makeWorkstream({ version: 4 });
    const activity = workstream.activities[0]!;
    const path = `/api/v1/alliances/${alliance.id}/workstreams/${workstream.id}`;
    const seen = fakeApi({ [`PATCH ${path}`]: (request) => ({ status: 200, body: { ...workstream, version: 5, ...(request.body as object) } }) });
    renderPage(<RaciGrid alliance={alliance} workstream={workstream} editable />);

    expect(screen.getByRole('combobox', { name: 'Meridian Therapeutics on Protocol design' })).toHaveValue('A · Accountable');
    await pick('Pulsewise Health on Protocol design', 'A · Accountable');
    await pick('Meridian Therapeutics on Protocol design', 'R · Responsible');
    await user.click(screen.getByRole('button', { name: 'Save RACI' }));

    await waitFor(() => expect(seen.some((r) => r.method === 'PATCH')).toBe(true));
    const patch = seen.find((r) => r.method === 'PATCH');
    expect(patch?.headers.get('If-Match')).toBe('"4"');
    expect(patch?.body).toEqual({
      activities: [
        {
          id: activity.id,
          name: 'Protocol design',
          assignments: [
            { organization_id: PARTNER_ID, user_id: null, role: 'A' },
            { organization_id: ME.organization.id, user_id: null, role: 'R' },
          ],
        },
      ],
    });
  });

  it('adds an activity without an id and keeps the others by id', async () => {
    const workstream = makeWorkstream();
    const path = `/api/v1/alliances/${alliance.id}/workstreams/${workstream.id}`;
    const seen = fakeApi({ [`PATCH ${path}`]: { status: 200, body: { ...workstream, version: 2 } } });
    renderPage(<RaciGrid alliance={alliance} workstream={workstream} editable />);

    await user.click(screen.getByRole('button', { name: 'Add activity' }));
    await user.type(screen.getByRole('textbox', { name: 'Name of activity 2' }), 'Site selection');
    await pick('Pulsewise Health on Site selection', 'R/A · Responsible and accountable');
    await user.click(screen.getByRole('button', { name: 'Save RACI' }));

    await waitFor(() => expect(seen.some((r) => r.method === 'PATCH')).toBe(true));
    const body = seen.find((r) => r.method === 'PATCH')?.body as { activities: unknown[] };
    expect(body.activities).toHaveLength(2);
    expect(body.activities[1]).toEqual({
      name: 'Site selection',
      assignments: [
        { organization_id: PARTNER_ID, user_id: null, role: 'R' },
        { organization_id: PARTNER_ID, user_id: null, role: 'A' },
      ],
    });
  });

  it('shows the server’s “exactly one Accountable” message next to the activity', async () => {
    const workstream = makeWorkstream({
      activities: [
        { id: '01a1ffd0-0000-7000-8000-0000000000a1', name: 'Budget', assignments: [] },
        ...makeWorkstream().activities,
      ],
    });
    const path = `/api/v1/alliances/${alliance.id}/workstreams/${workstream.id}`;
    fakeApi({
      [`PATCH ${path}`]: problem(422, 'The request has invalid fields.', [
        { field: 'activities[1].assignments', message: 'needs exactly one Accountable (A); found 2' },
      ]),
    });
    renderPage(<RaciGrid alliance={alliance} workstream={workstream} editable />);

    await pick('Pulsewise Health on Protocol design', 'A · Accountable');
    await user.click(screen.getByRole('button', { name: 'Save RACI' }));

    const row = screen.getByRole('row', { name: /Protocol design/ });
    expect(await within(row).findByText('Needs exactly one Accountable (A); found 2.')).toBeInTheDocument();
    expect(within(screen.getByRole('row', { name: /Budget/ })).queryByRole('alert')).not.toBeInTheDocument();
    // The edit stays, so that the person can fix it.
    expect(screen.getByRole('combobox', { name: 'Pulsewise Health on Protocol design' })).toHaveValue('A · Accountable');
  });

  it('shows the grid read-only to people who may not change it', () => {
    fakeApi({});
    renderPage(<RaciGrid alliance={alliance} workstream={makeWorkstream()} editable={false} />);
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
    const row = screen.getByRole('row', { name: /Protocol design/ });
    expect(within(row).getByText('A')).toBeInTheDocument();
    expect(within(row).getByText('C')).toBeInTheDocument();
  });
});
