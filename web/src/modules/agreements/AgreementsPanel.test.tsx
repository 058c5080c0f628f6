import { screen, waitFor, within } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeAgreement, makeObligation } from '../../test/agreements';
import { MEMBERS } from '../../test/governance';
import { fakeApi, makeAlliance, renderPage } from '../../test/utils';
import { AgreementsPanel } from './AgreementsPanel';

const user = userEventLib.setup({ delay: null });

afterEach(() => vi.unstubAllGlobals());

const alliance = makeAlliance();
const base = `/api/v1/alliances/${alliance.id}`;

const cla = makeAgreement({ id: '01a1ffd0-0000-7000-9000-0000000c0001', title: 'Collaboration and licence agreement', obligation_count: 2 });
const sow = makeAgreement({ id: '01a1ffd0-0000-7000-9000-0000000c0002', title: 'SOW 1: pilot study', kind: 'statement_of_work', relation: 'sub_agreement', parent_id: cla.id, status: 'signed' });
const amendment = makeAgreement({
  id: '01a1ffd0-0000-7000-9000-0000000c0003',
  title: 'Amendment 1',
  kind: 'other',
  relation: 'amendment',
  parent_id: cla.id,
  status: 'active',
  effective_on: '2026-06-01',
  term_changes: { expiry_on: '2033-01-31', territory: 'Worldwide' },
});
const draft = makeAgreement({ id: '01a1ffd0-0000-7000-9000-0000000c0004', title: 'Amendment 2 (draft)', relation: 'amendment', parent_id: cla.id, status: 'draft', term_changes: { exclusivity: 'non_exclusive' } });
const mta = makeAgreement({ id: '01a1ffd0-0000-7000-9000-0000000c0005', title: 'Material transfer', kind: 'material_transfer', status: 'expired' });

const claDetail = makeAgreement({
  ...cla,
  as_amended: {
    expiry_on: '2033-01-31',
    notice_period_days: 180,
    governing_law: 'England and Wales',
    field: 'Heart failure',
    territory: 'Worldwide',
    exclusivity: 'exclusive',
    notice_deadline: '2032-08-04',
    applied_amendment_ids: [amendment.id],
  },
  amendments: [
    { id: amendment.id, title: 'Amendment 1', status: 'active', effective_on: '2026-06-01', term_changes: amendment.term_changes, obligation_changes: [], in_force: true },
    { id: draft.id, title: 'Amendment 2 (draft)', status: 'draft', effective_on: null, term_changes: draft.term_changes, obligation_changes: [], in_force: false },
  ],
});

function server(extra: Parameters<typeof fakeApi>[0] = {}) {
  return fakeApi({
    // The API lists masters by title with their children under them.
    [`GET ${base}/agreements`]: { status: 200, body: { items: [cla, sow, amendment, draft, mta], next_cursor: null } },
    [`GET ${base}/members`]: { status: 200, body: { items: MEMBERS } },
    [`GET ${base}/agreements/${cla.id}`]: { status: 200, body: claDetail },
    [`GET ${base}/agreements/${cla.id}/documents`]: { status: 200, body: { items: [] } },
    [`GET ${base}/agreements/${cla.id}/notes`]: { status: 200, body: { items: [], next_cursor: null } },
    [`GET ${base}/obligations`]: { status: 200, body: { items: [makeObligation({ agreement_id: cla.id })], next_cursor: null } },
    ...extra,
  });
}

describe('the Agreements tab', () => {
  it('shows the agreement tree, children indented under their master', async () => {
    server();
    renderPage(<AgreementsPanel alliance={alliance} />, { route: '/alliances/a/agreements' });
    const table = await screen.findByRole('table', { name: 'Agreements' });
    expect(screen.getByRole('tablist', { name: 'Agreements sections' })).toBeInTheDocument();
    expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual(['Agreements', 'Obligations', 'Compliance', 'Restrictions', 'IP register', 'Data register']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => `${r.getAttribute('data-depth')} ${r.getAttribute('data-agreement')}`)).toEqual([
      '0 Collaboration and licence agreement',
      '1 SOW 1: pilot study',
      '1 Amendment 1',
      '1 Amendment 2 (draft)',
      '0 Material transfer',
    ]);
    expect(within(rows[0]!).getByText('Active')).toBeInTheDocument();
    expect(rows[0]).toHaveTextContent('Collaboration · 2 obligations');
    expect(within(rows[1]!).getByText('Sub-agreement')).toBeInTheDocument();
    expect(rows[1]).toHaveTextContent('Statement of work');
    expect(within(rows[2]!).getByText('Amendment')).toBeInTheDocument();
    expect(within(rows[4]!).getByText('Expired')).toBeInTheDocument();
  });

  it('keeps the section in the address and drops an open agreement on a switch', async () => {
    server({
      [`GET ${base}/occurrences`]: { status: 200, body: { items: [] } },
      [`GET ${base}/restrictions`]: { status: 200, body: { items: [], next_cursor: null } },
    });
    const { router } = renderPage(<AgreementsPanel alliance={alliance} />, { route: `/?agreement=${cla.id}` });
    await screen.findByRole('heading', { name: 'Collaboration and licence agreement' });
    await user.click(screen.getByRole('tab', { name: 'Restrictions' }));
    expect(router.state.location.search).toBe('?section=restrictions');
    expect(await screen.findByRole('region', { name: 'Conflict check' })).toBeInTheDocument();
  });

  it('opens an agreement with its key terms, the terms as amended today and the amendment history', { timeout: 40000 }, async () => {
    server();
    const { router } = renderPage(<AgreementsPanel alliance={alliance} />);
    await user.click(await screen.findByRole('link', { name: 'Collaboration and licence agreement' }));
    expect(router.state.location.search).toBe(`?agreement=${cla.id}`);
    expect(await screen.findByRole('heading', { name: 'Collaboration and licence agreement' })).toBeInTheDocument();

    const terms = screen.getByRole('table', { name: 'Key terms' });
    expect(within(terms).getByRole('row', { name: /Territory/ })).toHaveTextContent('EU and US');
    expect(within(terms).getByRole('row', { name: /Notice period/ })).toHaveTextContent('180 days');

    const amended = screen.getByRole('table', { name: 'As amended today' });
    const territory = within(amended).getByRole('row', { name: /Territory/ });
    expect(territory).toHaveTextContent('Worldwide');
    expect(within(territory).getByText('Amended')).toBeInTheDocument();
    expect(within(within(amended).getByRole('row', { name: /Governing law/ })).queryByText('Amended')).not.toBeInTheDocument();
    expect(screen.getByText('With “Amendment 1” applied.')).toBeInTheDocument();

    const history = screen.getByRole('table', { name: 'Amendments, oldest first' });
    const first = within(history).getByRole('row', { name: /Amendment 1/ });
    expect(first).toHaveTextContent('Territory → Worldwide');
    expect(within(first).getByText('In force')).toBeInTheDocument();
    expect(within(within(history).getByRole('row', { name: /Amendment 2/ })).getByText('Not in force')).toBeInTheDocument();

    expect(screen.getByRole('region', { name: 'Documents' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Internal notes' })).toBeInTheDocument();
    expect(await screen.findByRole('table', { name: 'Obligations of Collaboration and licence agreement' })).toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: 'All agreements' }));
    expect(await screen.findByRole('table', { name: 'Agreements' })).toBeInTheDocument();
  });

  it('adds an amendment from a master’s menu, with only the terms it changes', { timeout: 40000 }, async () => {
    const seen = server({ [`POST ${base}/agreements`]: (r) => ({ status: 201, body: makeAgreement(r.body as object) }) });
    renderPage(<AgreementsPanel alliance={alliance} />);
    await user.click(await screen.findByRole('button', { name: 'Actions for “Collaboration and licence agreement”' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Add amendment' }));
    const dialog = await screen.findByRole('dialog', { name: 'New amendment' });
    expect(within(dialog).getByRole('combobox', { name: /Parent agreement/ })).toHaveValue('Collaboration and licence agreement');
    // Amendments carry the terms they change, not key terms of their own.
    expect(within(dialog).queryByRole('textbox', { name: 'Governing law' })).not.toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox', { name: 'Title' }), 'Amendment 3');
    await user.type(within(dialog).getByRole('textbox', { name: 'New territory' }), 'Worldwide');
    await user.click(within(dialog).getByRole('button', { name: 'Add agreement' }));
    await waitFor(() => expect(seen.some((r) => r.method === 'POST')).toBe(true));
    const body = seen.find((r) => r.method === 'POST')?.body as Record<string, unknown>;
    expect(body).toMatchObject({ title: 'Amendment 3', relation: 'amendment', parent_id: cla.id, term_changes: { territory: 'Worldwide' }, obligation_changes: [] });
    expect(body).not.toHaveProperty('governing_law');
  });
});
