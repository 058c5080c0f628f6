import { screen, waitFor, within } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, makeAlliance, problem, renderPage } from '../../test/utils';
import { EditAlliance } from './EditAlliance';

// No pause between keystrokes: the forms re-render on every one.
const user = userEventLib.setup({ delay: null });

afterEach(() => vi.unstubAllGlobals());

const path = `/api/v1/alliances/${makeAlliance().id}`;

function staleServer() {
  const theirs = makeAlliance({ version: 4, territory: 'Worldwide' });
  let patches = 0;
  const seen = fakeApi({
    'GET /api/v1/organizations': { status: 200, body: { items: [], next_cursor: null } },
    [`PATCH ${path}`]: (request) => {
      patches += 1;
      if (request.headers.get('If-Match') === '"3"') return problem(412, 'The record was changed by someone else since you read it; reload and retry.');
      return { status: 200, body: { ...theirs, ...(request.body as object), version: 5 } };
    },
    [`GET ${path}`]: { status: 200, body: theirs },
    [`GET ${path}/audit`]: {
      status: 200,
      body: { items: [{ id: 'e', seq: 9, at: theirs.updated_at, actor_id: null, actor_name: 'Dana Whitfield', record_type: 'alliance', record_id: theirs.id, action: 'update', changes: {} }], next_cursor: null },
    },
  });
  return { seen, patches: () => patches };
}

describe('EditAlliance and a stale edit', () => {
  it('shows what changed meanwhile and re-applies only my change on the new version', async () => {
    const { seen } = staleServer();
    const onDone = vi.fn();
    renderPage(<EditAlliance alliance={makeAlliance()} onDone={onDone} />);
    const statement = screen.getByRole('textbox', { name: /^Statement/ });
    await user.clear(statement);
    await user.type(statement, 'Halve readmissions');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    const dialog = await screen.findByRole('dialog', { name: /Someone else changed this alliance/ });
    expect(within(dialog).getByText(/saved by Dana Whitfield/)).toBeInTheDocument();
    const row = within(dialog).getByRole('row', { name: /Territory/ });
    expect(row).toHaveTextContent('EU and US');
    expect(row).toHaveTextContent('Worldwide');
    expect(within(dialog).getByText(/Your edits: North Star statement/)).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Re-apply my changes' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    const patches = seen.filter((r) => r.method === 'PATCH');
    expect(patches).toHaveLength(2);
    expect(patches[1]?.headers.get('If-Match')).toBe('"4"');
    expect(patches[1]?.body).toEqual({ north_star: { statement: 'Halve readmissions' } });
  });

  it('reloads the newer version and discards my edits when asked', async () => {
    const { patches } = staleServer();
    const onDone = vi.fn();
    renderPage(<EditAlliance alliance={makeAlliance()} onDone={onDone} />);
    const territory = screen.getByRole('textbox', { name: 'Territory' });
    await user.clear(territory);
    await user.type(territory, 'Japan');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    const dialog = await screen.findByRole('dialog', { name: /Someone else changed this alliance/ });
    expect(within(dialog).getByText('both changed')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Reload and discard my edits' }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Territory' })).toHaveValue('Worldwide'));
    expect(patches()).toBe(1);
    expect(onDone).not.toHaveBeenCalled();
  });
});
