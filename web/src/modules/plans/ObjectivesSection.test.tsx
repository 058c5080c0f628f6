import { screen, waitFor, within } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeObjective } from '../../test/plan';
import { fakeApi, makeAlliance, problem, renderPage } from '../../test/utils';
import { ObjectivesSection } from './ObjectivesSection';

const user = userEventLib.setup({ delay: null });

afterEach(() => vi.unstubAllGlobals());

const alliance = makeAlliance();

describe('ObjectivesSection and a stale edit', () => {
  it('shows what someone else changed and re-applies only my change on their version', async () => {
    const mine = makeObjective({ title: 'First patient in', version: 1 });
    const theirs = { ...mine, description: 'In two EU countries', version: 2 };
    const path = `/api/v1/alliances/${alliance.id}/objectives`;
    const seen = fakeApi({
      [`GET ${path}`]: { status: 200, body: { items: [mine], next_cursor: null } },
      [`GET ${path}/${mine.id}`]: { status: 200, body: theirs },
      [`PATCH ${path}/${mine.id}`]: (request) =>
        request.headers.get('If-Match') === '"1"'
          ? problem(412, 'The record was changed by someone else since you read it; reload and retry.')
          : { status: 200, body: { ...theirs, ...(request.body as object), version: 3 } },
    });
    renderPage(<ObjectivesSection alliance={alliance} milestones={[]} members={[]} />);
    await user.click(await screen.findByRole('button', { name: 'Actions for “First patient in”' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Edit' }));
    const form = await screen.findByRole('dialog', { name: 'Edit objective' });
    const title = within(form).getByRole('textbox', { name: /^Title/ });
    await user.type(title, ' EU');
    await user.click(within(form).getByRole('button', { name: 'Save objective' }));

    const stale = await screen.findByRole('dialog', { name: /Someone else changed this objective/ });
    const row = await within(stale).findByRole('row', { name: /Description/ });
    expect(row).toHaveTextContent('In two EU countries');
    expect(within(stale).getByText(/Your edits: Title/)).toBeInTheDocument();
    await user.click(within(stale).getByRole('button', { name: 'Re-apply my changes' }));

    await waitFor(() => expect(seen.filter((r) => r.method === 'PATCH')).toHaveLength(2));
    const retry = seen.filter((r) => r.method === 'PATCH')[1];
    expect(retry?.headers.get('If-Match')).toBe('"2"');
    expect(retry?.body).toEqual({ title: 'First patient in EU' });
  });

  it('shows a party-private objective with its visibility badge', async () => {
    fakeApi({
      [`GET /api/v1/alliances/${alliance.id}/objectives`]: {
        status: 200,
        body: { items: [makeObjective({ title: 'Internal target', visibility: 'party' })], next_cursor: null },
      },
    });
    renderPage(<ObjectivesSection alliance={alliance} milestones={[]} members={[]} />);
    const card = await screen.findByRole('article', { name: 'Internal target' });
    expect(within(card).getByText('Only Meridian Therapeutics')).toBeInTheDocument();
  });
});
