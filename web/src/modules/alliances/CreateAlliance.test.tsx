import { act, screen, waitFor, within } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, problem, renderPage } from '../../test/utils';
import { CreateAlliance } from './CreateAlliance';

// No pause between keystrokes: the forms re-render on every one.
const user = userEventLib.setup({ delay: null });

afterEach(() => vi.unstubAllGlobals());

const directory = {
  status: 200,
  body: {
    items: [{ id: '01a1ffd0-bceb-7965-bd16-5256244f6038', name: 'Pulsewise Health', type: 'startup', website: null, version: 1, created_at: '2026-11-21T20:33:52.362Z' }],
    next_cursor: null,
  },
};

describe('CreateAlliance', () => {
  it('validates as the person types', async () => {
    fakeApi({ 'GET /api/v1/organizations': directory });
    renderPage(<CreateAlliance onCreated={vi.fn()} onCancel={vi.fn()} />);
    const name = screen.getByRole('textbox', { name: /^Name/ });
    await user.type(name, 'A');
    expect(screen.queryByText('Give the alliance a name')).not.toBeInTheDocument();
    await user.clear(name);
    expect(await screen.findByText('Give the alliance a name')).toBeInTheDocument();
    await user.click(name);
    await user.paste('x'.repeat(201));
    expect(await screen.findByText(/Use at most 200 characters/)).toBeInTheDocument();
  });

  it('does not send a form with missing parts, and says what is missing', async () => {
    const seen = fakeApi({ 'GET /api/v1/organizations': directory });
    renderPage(<CreateAlliance onCreated={vi.fn()} onCancel={vi.fn()} />);
    await user.click(screen.getByRole('button', { name: 'Create alliance' }));
    expect(await screen.findByText('Give the alliance a name')).toBeInTheDocument();
    expect(screen.getByText('Choose the type of alliance')).toBeInTheDocument();
    expect(screen.getByText('Choose an organisation')).toBeInTheDocument();
    expect(seen.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('shows the server’s field errors next to the fields', { timeout: 40000 }, async () => {
    const seen = fakeApi({
      'GET /api/v1/organizations': directory,
      'POST /api/v1/alliances': problem(422, '2 fields are invalid', [
        { field: 'name', message: 'is already used by another alliance' },
        { field: 'north_star.contributions[0].contribution', message: 'must not contain control characters' },
      ]),
    });
    renderPage(<CreateAlliance onCreated={vi.fn()} onCancel={vi.fn()} />);
    await user.type(screen.getByRole('textbox', { name: /^Name/ }), 'Duplicate');
    await setSelect('Type', 'Co-development');
    await setPartner();
    await setSelect('Party 2 role', 'Licensor');
    await user.click(screen.getByRole('button', { name: 'Create alliance' }));
    expect(await screen.findByText('Is already used by another alliance.')).toBeInTheDocument();
    expect(screen.getByText('Must not contain control characters.')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('2 fields need attention.');
    const post = seen.find((r) => r.method === 'POST');
    expect(post?.headers.get('X-CSRF-Token')).toBe('csrf-test-token');
  });
});

describe('leaving CreateAlliance with typed input', () => {
  it('cancels at once while nothing is typed', async () => {
    fakeApi({ 'GET /api/v1/organizations': directory });
    const onCancel = vi.fn();
    renderPage(<CreateAlliance onCreated={vi.fn()} onCancel={onCancel} />);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalled();
    expect(screen.queryByRole('dialog', { name: 'Discard your changes?' })).not.toBeInTheDocument();
  });

  it('asks before Cancel or a link throws the input away', { timeout: 40000 }, async () => {
    fakeApi({ 'GET /api/v1/organizations': directory });
    const onCancel = vi.fn();
    const { router } = renderPage(<CreateAlliance onCreated={vi.fn()} onCancel={onCancel} />, { route: '/alliances/new' });
    await user.type(screen.getByRole('textbox', { name: /^Name/ }), 'Meridian × Pulsewise');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Discard your changes?' })).getByRole('button', { name: 'Keep editing' }));
    expect(onCancel).not.toHaveBeenCalled();
    expect(screen.getByRole('textbox', { name: /^Name/ })).toHaveValue('Meridian × Pulsewise');

    await act(() => router.navigate('/alliances'));
    const ask = await screen.findByRole('dialog', { name: 'Discard your changes?' });
    expect(router.state.location.pathname).toBe('/alliances/new');
    await user.click(within(ask).getByRole('button', { name: 'Discard changes' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/alliances'));
  });
});

/** Opens a Select and picks an option from its own list. */
async function setSelect(label: string, option: string) {
  const input = screen.getByRole('combobox', { name: new RegExp(`^${label}`) });
  await user.click(input);
  const list = await waitFor(() => {
    const id = input.getAttribute('aria-controls');
    const element = id ? document.getElementById(id) : null;
    if (!element) throw new Error(`the ${label} list did not open`);
    return element;
  });
  await user.click(within(list).getByRole('option', { name: option, hidden: true }));
}

async function setPartner() {
  const input = screen.getByRole('combobox', { name: 'Party 2 organisation' });
  await user.click(input);
  await user.click(await screen.findByRole('option', { name: /Pulsewise Health/, hidden: true }));
  await waitFor(() => expect(input).toHaveValue('Pulsewise Health'));
}
