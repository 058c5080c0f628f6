import { act, screen, waitFor, within } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Alliance, Proposal } from '../../api/types';
import { fakeApi, makeAlliance, ME, PARTNER_ID, problem, renderPage } from '../../test/utils';
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
  it('shows what changed meanwhile and re-applies only my change on the new version', { timeout: 40000 }, async () => {
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

/** An alliance whose partner has a manager: shared fields need its consent, its words are its own. */
function sharedAlliance(overrides: Partial<Alliance> = {}): Alliance {
  const a = makeAlliance({ consent_required: true, ...overrides });
  return {
    ...a,
    north_star: {
      ...a.north_star,
      contributions: a.north_star.contributions.map((c) => ({ ...c, can_edit: c.organization_id === ME.organization.id })),
    },
  };
}

function proposalFor(body: Record<string, unknown>): Proposal {
  return {
    id: '01a1ffd0-0000-7000-a000-0000000000a1',
    alliance_id: makeAlliance().id,
    status: 'open',
    reason: String(body.reason ?? ''),
    proposed_by: ME.user.id,
    proposed_by_name: ME.user.name,
    organization_id: ME.organization.id,
    organization_name: ME.organization.name,
    created_at: '2026-12-06T12:00:00Z',
    closed_at: null,
    version: 1,
    changes: [{ field: 'name', before: makeAlliance().name, after: String(body.name) }],
    decisions: [
      { organization_id: PARTNER_ID, organization_name: 'Pulsewise Health', decision: 'pending', reason: null, decided_by: null, decided_by_name: null, decided_at: null },
    ],
    can_decide: false,
    can_withdraw: true,
  };
}

describe('EditAlliance under change control', () => {
  it('proposes the changed shared fields to the partner and saves only its own things at once', async () => {
    const alliance = sharedAlliance();
    const seen = fakeApi({
      'GET /api/v1/organizations': { status: 200, body: { items: [], next_cursor: null } },
      [`PATCH ${path}`]: { status: 200, body: { ...alliance, tier: 2, version: 4 } },
      [`POST ${path}/proposals`]: (request) => ({ status: 201, body: proposalFor(request.body as Record<string, unknown>) }),
    });
    const onDone = vi.fn();
    renderPage(<EditAlliance alliance={alliance} onDone={onDone} />);
    expect(screen.getByText('Changes to shared fields need the agreement of Pulsewise Health')).toBeInTheDocument();

    await replaceText(screen.getByRole('textbox', { name: /^Name/ }), 'Meridian × Pulsewise heart-failure programme');
    await user.click(screen.getByText('Tier 2'));
    await replaceText(screen.getByRole('textbox', { name: 'Meridian Therapeutics contribution' }), 'Trial sites in six countries');
    await replaceText(await screen.findByRole('textbox', { name: /^Why/ }), 'The JSC renamed the programme');
    await user.click(screen.getByRole('button', { name: 'Propose changes' }));

    await waitFor(() => expect(onDone).toHaveBeenCalled());
    const patches = seen.filter((r) => r.method === 'PATCH');
    expect(patches).toHaveLength(1);
    expect(patches[0]?.headers.get('If-Match')).toBe('"3"');
    // The shared name is not patched: only the tier and Meridian's own words.
    expect(patches[0]?.body).toEqual({
      tier: 2,
      north_star: { contributions: [{ organization_id: ME.organization.id, contribution: 'Trial sites in six countries', expected_value: 'Evidence' }] },
    });
    const proposals = seen.filter((r) => r.method === 'POST' && r.path === `${path}/proposals`);
    expect(proposals).toHaveLength(1);
    expect(proposals[0]?.body).toEqual({ name: 'Meridian × Pulsewise heart-failure programme', reason: 'The JSC renamed the programme' });
    expect(onDone.mock.calls[0]?.[1]).toMatchObject({ status: 'open' });
    expect(await screen.findByText('Proposed to Pulsewise Health: waiting for their decision.', { exact: false })).toBeInTheDocument();
  });

  it('sends a change of parties as a proposal, never as a patch', async () => {
    const alliance = sharedAlliance();
    const seen = fakeApi({
      'GET /api/v1/organizations': { status: 200, body: { items: [], next_cursor: null } },
      [`POST ${path}/proposals`]: (request) => ({ status: 201, body: proposalFor({ ...(request.body as object), name: 'x' }) }),
    });
    const onDone = vi.fn();
    renderPage(<EditAlliance alliance={alliance} onDone={onDone} />);
    await setSelect('Party 2 role', 'Licensor');
    await user.click(screen.getByRole('button', { name: 'Propose changes' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(seen.filter((r) => r.method === 'PATCH')).toHaveLength(0);
    expect(seen.find((r) => r.method === 'POST')?.body).toEqual({
      parties: [
        { organization_id: ME.organization.id, role: 'co_developer' },
        { organization_id: PARTNER_ID, role: 'licensor' },
      ],
    });
  });

  it('shows the partner’s words read-only and says that the partner edits them', async () => {
    const partnerManager = { user_id: 'u2', name: 'Dana Whitfield', email: 'dana@pulsewise.example', organization_id: PARTNER_ID, role: 'manager', added_at: '2026-11-22T10:00:00Z', version: 1 };
    fakeApi({
      'GET /api/v1/organizations': { status: 200, body: { items: [], next_cursor: null } },
      [`GET ${path}/members`]: { status: 200, body: { items: [partnerManager] } },
    });
    renderPage(<EditAlliance alliance={sharedAlliance()} onDone={vi.fn()} />);
    // A party whose people have joined is never removed.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Remove party 2' })).toBeDisabled());
    expect(screen.getByRole('textbox', { name: 'Pulsewise Health contribution' })).toHaveAttribute('readonly');
    expect(screen.getByRole('textbox', { name: 'Pulsewise Health expected value' })).toHaveAttribute('readonly');
    expect(screen.getByRole('textbox', { name: 'Meridian Therapeutics contribution' })).not.toHaveAttribute('readonly');
    expect(screen.getByText(/Pulsewise Health edits its own words/)).toBeInTheDocument();
  });

  it('labels the tier as the organisation’s own and saves the internal priority note', async () => {
    const seen = fakeApi({
      'GET /api/v1/organizations': { status: 200, body: { items: [], next_cursor: null } },
      [`PATCH ${path}`]: { status: 200, body: { ...sharedAlliance(), priority_note: 'Board priority for 2027', version: 4 } },
    });
    const onDone = vi.fn();
    renderPage(<EditAlliance alliance={sharedAlliance()} onDone={onDone} />);
    expect(screen.getByText('Your tier')).toBeInTheDocument();
    expect(screen.getAllByText(/Only your organisation sees this/).length).toBeGreaterThan(0);
    await replaceText(screen.getByRole('textbox', { name: /^Priority note \(internal\)/ }), 'Board priority for 2027');
    // Nothing shared changed: the button saves, it does not propose.
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(seen.filter((r) => r.method === 'PATCH').map((r) => r.body)).toEqual([{ priority_note: 'Board priority for 2027' }]);
    expect(seen.some((r) => r.path.endsWith('/proposals'))).toBe(false);
  });

  it('when the partner joined meanwhile (409 consent-required), reloads and offers to propose instead', async () => {
    const before = makeAlliance();
    const seen = fakeApi({
      'GET /api/v1/organizations': { status: 200, body: { items: [], next_cursor: null } },
      [`PATCH ${path}`]: {
        status: 409,
        body: { type: 'https://northstar.dev/problems/consent-required', title: 'Consent required', status: 409, detail: 'Propose this change: another party must agree.', request_id: 't' },
      },
      [`GET ${path}`]: { status: 200, body: sharedAlliance() },
      [`POST ${path}/proposals`]: (request) => ({ status: 201, body: proposalFor(request.body as Record<string, unknown>) }),
    });
    const onDone = vi.fn();
    renderPage(<EditAlliance alliance={before} onDone={onDone} />);
    const territory = screen.getByRole('textbox', { name: 'Territory' });
    await user.clear(territory);
    await user.type(territory, 'Worldwide');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    // Notifications of earlier tests are alerts too: find this one by its words.
    const alert = await waitFor(() => {
      const found = screen.getAllByRole('alert').find((a) => a.textContent?.includes('Nothing was saved'));
      if (!found) throw new Error('no alert says that nothing was saved');
      return found;
    });
    expect(onDone).not.toHaveBeenCalled();
    await user.click(within(alert).getByRole('button', { name: 'Propose these changes' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(seen.filter((r) => r.method === 'PATCH')).toHaveLength(1);
    expect(seen.find((r) => r.method === 'POST')?.body).toEqual({ territory: 'Worldwide' });
  });
});

/** Clears a field and pastes the text: typing long text key by key is slow in jsdom. */
async function replaceText(field: HTMLElement, text: string) {
  await user.clear(field);
  await user.click(field);
  await user.paste(text);
}

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

describe('leaving EditAlliance', () => {
  const organizations = { 'GET /api/v1/organizations': { status: 200, body: { items: [], next_cursor: null } } };

  it('cancels an unchanged form at once, and asks before Cancel throws a change away', async () => {
    fakeApi(organizations);
    const onDone = vi.fn();
    renderPage(<EditAlliance alliance={makeAlliance()} onDone={onDone} />);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onDone).toHaveBeenCalledTimes(1);

    await replaceText(screen.getByRole('textbox', { name: 'Territory' }), 'Worldwide');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    const ask = await screen.findByRole('dialog', { name: 'Discard your changes?' });
    expect(onDone).toHaveBeenCalledTimes(1);
    await user.click(within(ask).getByRole('button', { name: 'Discard changes' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(2));
  });

  it('asks nothing when the saved form goes away', async () => {
    const seen = fakeApi({ ...organizations, [`PATCH ${path}`]: { status: 200, body: makeAlliance({ territory: 'Worldwide', version: 4 }) } });
    const { router } = renderPage(<EditAlliance alliance={makeAlliance()} onDone={vi.fn()} />, { route: '/alliances/x/edit' });
    await replaceText(screen.getByRole('textbox', { name: 'Territory' }), 'Worldwide');
    const unload = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(unload);
    expect(unload.defaultPrevented).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(seen.some((r) => r.method === 'PATCH')).toBe(true));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Save changes' })).not.toHaveAttribute('data-loading'));
    await act(() => router.navigate('/alliances/x'));
    expect(router.state.location.pathname).toBe('/alliances/x');
    expect(screen.queryByRole('dialog', { name: 'Discard your changes?' })).not.toBeInTheDocument();
  });
});
